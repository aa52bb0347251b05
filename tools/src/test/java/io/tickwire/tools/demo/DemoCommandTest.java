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
package io.tickwire.tools.demo;

import io.tickwire.agent.cli.TickwireHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tickwire demo} with both halves, short: the feed checked as before, and a FIX client trading through the
 * gateway as shipped ({@code config/gateway.cfg}: embedded cluster, audit journal with fsync) with its book changes
 * on the gateway's market data, order latencies and {@code audit verify} in the summary. A run whose orders do not
 * show on the feed as placed fails.
 */
@Timeout(120)
class DemoCommandTest
{
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dataDir;

    @BeforeEach
    void useTheInstallation()
    {
        // The shipped configuration names its credentials file by ${tickwire.home}; the demo's data go to scratch.
        System.setProperty(TickwireHome.HOME_PROP_NAME, HOME.toString());
        System.setProperty(TickwireHome.DATA_DIR_PROP_NAME, dataDir.toString());
    }

    @AfterEach
    void forgetTheInstallation()
    {
        System.clearProperty(TickwireHome.HOME_PROP_NAME);
        System.clearProperty(TickwireHome.DATA_DIR_PROP_NAME);
        System.clearProperty(TickwireHome.LOG_DIR_PROP_NAME);
    }

    @Test
    void shouldRunBothHalvesAndReportOrderLatencyAndAVerifiedJournal() throws Exception
    {
        final StringWriter out = new StringWriter();
        final int exit = demo(out, "--duration", "4s", "--warmup", "1s", "--rate", "20000", "--symbols", "10",
            "--channel", "aeron:udp?endpoint=127.0.0.1:" + freeUdpPort(), "--order-rate", "200");

        final String output = out.toString();
        assertEquals(0, exit, output);
        assertTrue(output.contains("verified 66 books ((10 ITCH instruments against a direct replay + 12 CME futures " +
            "against the venue's own price levels) x 3 subscribers)"), output);
        assertTrue(output.contains("sent 800 of 800, acknowledged 800, rejected 0, trades 400 (filled 40,000 each " +
            "side)"), output);
        assertTrue(output.contains("(AddOrder 400, OrderExecuted 400), gaps 0, book errors 0; AAPL book equals the " +
            "one the ExecutionReports imply: 400 orders"), output);
        assertTrue(samples(output, "order -> ack  \\(after warm-up\\)") > 0, output);
        assertTrue(samples(output, "order -> tick \\(after warm-up\\)") > 0, output);
        assertTrue(output.contains("warm-up (first 1 s, apart): order -> ack p50"), output);
        final Matcher verify = Pattern.compile("audit verify (\\S+): OK (\\d+) records in 1 files").matcher(output);
        assertTrue(verify.find(), output);
        assertEquals(dataDir.resolve("demo").resolve("audit").toString(), verify.group(1));
        // Each order is journalled in and answered out at least once: 800 in, 800 acknowledgements, 800 fills.
        assertTrue(Long.parseLong(verify.group(2)) >= 2_400, output);
        assertTrue(output.contains("RESULT: OK - every check held"), output);
        assertFalse(output.contains("FAILED"), output);
    }

    @Test
    void shouldFailWhenTheFeedDoesNotShowTheOrdersPlaced() throws Exception
    {
        // A gateway whose quantity limit refuses every resting order (200): the aggressors rest instead, where the flow
        // put no order of its own, and meet each other; the feed no longer shows the orders the reports acknowledged.
        final Path config = dataDir.resolve("gateway.cfg");
        Files.writeString(config, Files.readString(HOME.resolve("config").resolve("gateway.cfg"),
            StandardCharsets.UTF_8).replace("TickwireMaxOrderQty=100000", "TickwireMaxOrderQty=150"),
            StandardCharsets.UTF_8);
        final StringWriter out = new StringWriter();
        final int exit = demo(out, "--orders-only", "--duration", "2s", "--warmup", "1s", "--order-rate", "100",
            "--gateway-config", config.toString());

        final String output = out.toString();
        assertEquals(1, exit, output);
        assertTrue(output.contains("acknowledged 100, rejected 100 (100x risk: max order quantity exceeded: OrderQty " +
            "200 > limit 150)"), output);
        assertTrue(output.contains("FAILED: orders: 0 of 100 acknowledged orders seen on the feed, 100 book changes " +
            "of no order of the run"), output);
        assertTrue(output.contains("RESULT: FAILED"), output);
        assertFalse(output.contains("tickwire demo: "), "the feed half did not run: " + output);
    }

    @Test
    void shouldRefuseBothHalvesOffAndAMissingGatewayConfiguration()
    {
        final StringWriter err = new StringWriter();
        assertEquals(2, usage(err, "--feed-only", "--orders-only"));
        assertTrue(err.toString().contains("--feed-only and --orders-only exclude each other"), err.toString());

        final Path missing = dataDir.resolve("no-such.cfg");
        assertEquals(2, usage(err, "--orders-only", "--gateway-config", missing.toString()));
        assertTrue(err.toString().contains("--gateway-config: no such file: " + missing), err.toString());
        assertFalse(Files.exists(dataDir.resolve("demo")), "nothing started");
    }

    private static int usage(final StringWriter err, final String... args)
    {
        return new CommandLine(new DemoCommand())
            .setOut(new PrintWriter(new StringWriter(), true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    }

    private static int demo(final StringWriter out, final String... args)
    {
        return new CommandLine(new DemoCommand()).setOut(new PrintWriter(out, true)).execute(args);
    }

    private static long samples(final String output, final String stage)
    {
        final Matcher matcher = Pattern.compile(stage + ": p50 .* \\(([0-9,]+) samples\\)").matcher(output);
        assertTrue(matcher.find(), output);
        return Long.parseLong(matcher.group(1).replace(",", ""));
    }

    private static int freeUdpPort() throws IOException
    {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))
        {
            return socket.getLocalPort();
        }
    }
}
