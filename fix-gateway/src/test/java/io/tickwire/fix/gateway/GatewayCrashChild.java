/*
 * Copyright 2026 The Tickwire Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.tickwire.fix.gateway;

import quickfix.SessionSettings;

import java.nio.file.Path;

/**
 * Child process of {@link GatewayCrashTest}: runs the gateway (test settings from {@link GatewayTestSupport},
 * audit journal in {@code <dir>/audit}), prints {@code READY} once it accepts connections, and runs until it is
 * killed.
 */
public final class GatewayCrashChild
{
    private GatewayCrashChild()
    {
    }

    /**
     * @param args working directory, port, audit sync level ({@code fsync} or {@code write}, default fsync).
     * @throws Exception when the gateway cannot start.
     */
    public static void main(final String[] args) throws Exception
    {
        final Path dir = Path.of(args[0]);
        final SessionSettings settings = GatewayTestSupport.settings(dir, Integer.parseInt(args[1]));
        settings.setString(GatewayConfiguration.AUDIT_SYNC_PROP_NAME, args.length > 2 ? args[2] : "fsync");
        final Gateway gateway = Gateway.launch(new GatewayContext()
            .settings(settings)
            .auditDirectory(dir.resolve("audit")));
        System.out.println(
            "READY sync=" + gateway.auditTrail().sync().configName() + " " + gateway.clockDescription());
        System.out.flush();
        while (true)
        {
            Thread.sleep(1000);
        }
    }
}
