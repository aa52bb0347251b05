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
     * @param args working directory, port.
     * @throws Exception when the gateway cannot start.
     */
    public static void main(final String[] args) throws Exception
    {
        final Path dir = Path.of(args[0]);
        final Gateway gateway = Gateway.launch(new Gateway.Context()
            .settings(GatewayTestSupport.settings(dir, Integer.parseInt(args[1])))
            .auditDirectory(dir.resolve("audit")));
        System.out.println("READY " + gateway.clockDescription());
        System.out.flush();
        while (true)
        {
            Thread.sleep(1000);
        }
    }
}
