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
package io.tickwire.fix.cli;

import io.tickwire.fix.cluster.ClusterConfiguration;
import io.tickwire.fix.cluster.ClusterMarketData;
import io.tickwire.fix.cluster.ClusterMember;
import io.tickwire.fix.cluster.ClusterMemberContext;
import io.tickwire.fix.cluster.MatchingService;
import io.tickwire.fix.gateway.GatewayConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code cluster node} options become the member's context (nothing launched), and every value no member could run
 * with is a usage error (exit 2) before anything starts. The node itself runs in {@link ClusterNodeEndToEndTest}.
 */
@Timeout(30)
class ClusterCommandTest
{
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldMapOptionsToTheMemberContext() throws Exception
    {
        final ClusterCommand.Node node = parse(
            "--member-id", "2", "--members", "10.0.0.1, 10.0.0.2,10.0.0.3", "--base-port", "17300",
            "--dir", dir.resolve("m2").toString(), "--instruments", "MSFT:2,AAPL:1,TSLA:3",
            "--idle", "yield", "--threading", "dedicated");

        final ClusterMemberContext ctx = node.memberContext();
        assertEquals(2, ctx.memberId());
        assertEquals(List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"), ctx.hosts());
        assertEquals(17_300, ctx.basePort());
        assertEquals(dir.resolve("m2").toFile(), ctx.clusterDir());
        assertEquals("yield", ctx.idleStrategy());
        assertEquals(ClusterMember.Threading.DEDICATED, ctx.threading());
        assertArrayEquals(new int[]{ 1, 2, 3 }, node.instrumentIds(), "sorted: the same engine on every member");
        assertEquals(GatewayConfiguration.RETAINED_FINISHED_ORDERS_DEFAULT, node.retainedFinishedOrders());
        assertInstanceOf(MatchingService.class, ctx.clusteredServiceSupplier().get());

        ctx.conclude();
        assertEquals("0=10.0.0.1:17302,1=10.0.0.2:17402,2=10.0.0.3:17502",
            ClusterConfiguration.ingressEndpoints(ctx.hosts(), ctx.basePort()));
        assertEquals(new File(dir.resolve("m2").toFile(), ClusterMember.AERON_DIR_NAME).getPath(),
            ctx.aeronDirectoryName());
        assertFalse(Files.exists(dir.resolve("m2")), "nothing created before launch");
    }

    @Test
    void shouldDefaultToSharedBackoffAndTheDefaultBasePort() throws Exception
    {
        final ClusterMemberContext ctx = parse(
            "--member-id", "0", "--members", "localhost", "--dir", dir.toString(), "--instruments", "AAPL:1")
            .memberContext();
        assertEquals(ClusterMember.Threading.SHARED, ctx.threading());
        assertEquals("backoff", ctx.idleStrategy());
        assertEquals(20_000, ctx.basePort());
    }

    @Test
    void shouldReadInstrumentsAndRetainedOrdersFromAGatewayConfig() throws Exception
    {
        final Path config = dir.resolve("gateway.cfg");
        Files.write(config, List.of(
            "[DEFAULT]",
            "ConnectionType=acceptor",
            "TickwireInstruments=TSLA:3, AAPL:1",
            "TickwireRetainedFinishedOrders=500",
            "[SESSION]",
            "BeginString=FIX.4.4",
            "SenderCompID=TWGW",
            "TargetCompID=CLIENT1"));

        final ClusterCommand.Node node = parse(
            "--member-id", "0", "--members", "localhost", "--dir", dir.toString(), "--config", config.toString());
        node.memberContext();
        assertArrayEquals(new int[]{ 1, 3 }, node.instrumentIds());
        assertEquals(500, node.retainedFinishedOrders());

        final ClusterCommand.Node overridden = parse("--member-id", "0", "--members", "localhost",
            "--dir", dir.toString(), "--config", config.toString(), "--retained-finished-orders", "7");
        overridden.memberContext();
        assertEquals(7, overridden.retainedFinishedOrders());
    }

    @Test
    void shouldTakeMarketDataFromOptionsElseTheGatewayConfigElseTheDefaults() throws Exception
    {
        final MatchingService defaults = service(parse(
            "--member-id", "0", "--members", "localhost", "--dir", dir.toString(), "--instruments", "AAPL:1"));
        assertEquals(ClusterMarketData.CHANNEL_DEFAULT, defaults.marketData().channel());
        assertEquals(ClusterMarketData.STREAM_ID_DEFAULT, defaults.marketData().streamId());
        assertEquals(ClusterMarketData.SNAPSHOT_REQUEST_CHANNEL_DEFAULT, defaults.marketData().requestChannel());

        final Path config = dir.resolve("gateway.cfg");
        Files.write(config, List.of(
            "[DEFAULT]",
            "TickwireInstruments=AAPL:1",
            "TickwireMarketDataChannel=aeron:udp?endpoint=239.255.1.1:40000|interface=10.0.0.0/24",
            "TickwireMarketDataStreamId=3001"));
        final MatchingService fromConfig = service(parse(
            "--member-id", "0", "--members", "localhost", "--dir", dir.toString(), "--config", config.toString(),
            "--snapshot-request", "none"));
        assertEquals("aeron:udp?endpoint=239.255.1.1:40000|interface=10.0.0.0/24",
            fromConfig.marketData().channel());
        assertEquals(3001, fromConfig.marketData().streamId());
        assertNull(fromConfig.marketData().requestChannel(), "no snapshot server");

        final MatchingService off = service(parse(
            "--member-id", "0", "--members", "localhost", "--dir", dir.toString(), "--config", config.toString(),
            "--market-data", "none"));
        assertNull(off.marketData(), "no market data");
    }

    private static MatchingService service(final ClusterCommand.Node node) throws Exception
    {
        return (MatchingService)node.memberContext().clusteredServiceSupplier().get();
    }

    @Test
    void shouldRejectWhatNoMemberCouldRunWithAsUsageErrors() throws IOException
    {
        final String members = "127.0.0.1,127.0.0.1,127.0.0.1";
        final String memberDir = dir.resolve("never").toString();
        assertUsageError("--member-id 3 must index --members", "node", "--member-id", "3", "--members", members,
            "--dir", memberDir, "--instruments", "AAPL:1");
        assertUsageError("empty host", "node", "--member-id", "0", "--members", "a,,b",
            "--dir", memberDir, "--instruments", "AAPL:1");
        assertUsageError("65535", "node", "--member-id", "0", "--members", members, "--base-port", "65400",
            "--dir", memberDir, "--instruments", "AAPL:1");
        assertUsageError("idle strategy", "node", "--member-id", "0", "--members", members,
            "--dir", memberDir, "--instruments", "AAPL:1", "--idle", "sleepy");
        assertUsageError("shared or dedicated", "node", "--member-id", "0", "--members", members,
            "--dir", memberDir, "--instruments", "AAPL:1", "--threading", "pooled");
        assertUsageError("mutually exclusive", "node", "--member-id", "0", "--members", members,
            "--dir", memberDir, "--instruments", "AAPL:1", "--config", "gateway.cfg");
        assertUsageError("--config=FILE | --instruments", "node", "--member-id", "0", "--members", members,
            "--dir", memberDir);
        assertUsageError("expected SYMBOL:ID", "node", "--member-id", "0", "--members", members,
            "--dir", memberDir, "--instruments", "AAPL");
        assertUsageError("no such file", "node", "--member-id", "0", "--members", members,
            "--dir", memberDir, "--config", dir.resolve("absent.cfg").toString());
        assertUsageError("--dir", "node", "--member-id", "0", "--members", members, "--instruments", "AAPL:1");
        assertUsageError("is inside the journal directory", "node", "--member-id", "0", "--members", members,
            "--dir", memberDir, "--instruments", "AAPL:1", "--audit-seal-key", memberDir + "/audit/seal.key");
        assertFalse(Files.exists(dir.resolve("never")), "nothing started");
    }

    @Test
    void shouldPrintUsageWithoutASubcommand()
    {
        assertEquals(0, execute());
        assertTrue(out.toString().contains("node"), out::toString);
        assertEquals(0, execute("node", "--help"));
        assertTrue(out.toString().contains("--member-id"), out::toString);
    }

    private ClusterCommand.Node parse(final String... nodeArgs)
    {
        final CommandLine commandLine = new CommandLine(new ClusterCommand());
        final String[] args = new String[nodeArgs.length + 1];
        args[0] = "node";
        System.arraycopy(nodeArgs, 0, args, 1, nodeArgs.length);
        commandLine.parseArgs(args);
        return commandLine.getSubcommands().get("node").getCommand();
    }

    private int execute(final String... args)
    {
        final CommandLine commandLine = new CommandLine(new ClusterCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private void assertUsageError(final String expected, final String... args)
    {
        err.getBuffer().setLength(0);
        assertEquals(2, execute(args), err::toString);
        assertTrue(err.toString().contains(expected), () -> "expected \"" + expected + "\" in: " + err);
    }
}
