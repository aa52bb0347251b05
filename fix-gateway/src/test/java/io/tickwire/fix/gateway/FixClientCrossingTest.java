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

import io.tickwire.fix.cli.FixClientCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import quickfix.SessionSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code fix-client --cross --acked-out FILE}, what the gateway soak runs for minutes: buys and sells at one price
 * trade with each other (two reports per order: New and Fill), and the ClOrdID of every acknowledged order, warm-up
 * included, is appended to the file.
 */
@Timeout(60)
class FixClientCrossingTest
{
    private static final int WARMUP = 10;
    private static final int ORDERS = 40;

    @TempDir
    Path dir;

    @Test
    void shouldTradeEveryPairAndListEveryAcknowledgedClOrdId() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        // Nothing left to cancel at logout must not be hidden by cancels that would add reports of their own.
        settings.setString("TickwireCancelOnDisconnect", "N");
        final Path acked = dir.resolve("acked.txt");
        try (Gateway gateway = Gateway.launch(new GatewayContext().settings(settings)))
        {
            final int exitCode = new CommandLine(new FixClientCommand()).execute(
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--username", "alice",
                "--password", GatewayTestSupport.PASSWORD, "--orders", Integer.toString(ORDERS), "--rate", "500",
                "--warmup", Integer.toString(WARMUP), "--cross", "--acked-out", acked.toString());
            assertEquals(0, exitCode);

            final long expectedReports = 2L * (WARMUP + ORDERS);
            final long deadline = System.currentTimeMillis() + 10_000;
            while (gateway.counters().reportsSent() < expectedReports && System.currentTimeMillis() < deadline)
            {
                Thread.sleep(10);
            }
            assertEquals(expectedReports, gateway.counters().reportsSent(), "a New and a Fill for every order");
        }
        final List<String> lines = Files.readAllLines(acked);
        assertEquals(WARMUP + ORDERS, lines.size(), lines.toString());
        assertEquals(WARMUP + ORDERS, new HashSet<>(lines).size(), "distinct ClOrdIDs: " + lines);
    }
}
