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

import io.aeron.cluster.service.Cluster;
import io.aeron.driver.MediaDriver;
import io.tickwire.feed.TestChannels;
import io.tickwire.feed.book.BookComparison;
import io.tickwire.feed.book.OrderBook;
import io.tickwire.feed.client.FeedClient;
import io.tickwire.fix.cluster.ClusterFeedTestSupport;
import io.tickwire.fix.cluster.ClusterMarketData;
import io.tickwire.fix.cluster.ClusterTestSupport;
import io.tickwire.fix.cluster.MatchingService;
import io.tickwire.fix.match.BookListener;
import io.tickwire.sbe.md.Side;
import org.agrona.CloseHelper;
import org.agrona.concurrent.ShutdownSignalBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static io.tickwire.fix.cli.ClusterNodeTestSupport.start;
import static io.tickwire.fix.cli.ClusterNodeTestSupport.writeGatewayConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One {@code cluster node} member (base port 17050: ports 17051-17055) publishes its book changes on the market
 * data channel given by its options and answers snapshot requests: a gateway sends it orders, a {@link FeedClient}
 * on its own driver joins after the member announced its session (so it recovers by snapshot) and ends with the
 * member's engine books. Feed, request and response channels are random multicast groups and ports.
 */
@Timeout(60)
class ClusterNodeMarketDataTest
{
    private static final int BASE_PORT = 17_050;
    private static final int ORDERS = 40;
    private static final long WAIT_MS = 20_000;

    @TempDir
    Path dir;

    private final String feedChannel = TestChannels.randomMulticastChannel();
    private final String requestChannel = TestChannels.randomMulticastChannel();
    private final String responseChannel = TestChannels.randomMulticastChannel();
    private final List<FutureTask<Integer>> commands = new ArrayList<>();
    private final StringWriter nodeOut = new StringWriter();
    private OpenLoopOrderClient client;
    private MediaDriver feedDriver;
    private FeedClient feed;

    @AfterEach
    void stopEverything() throws Exception
    {
        CloseHelper.closeAll(client, feed);
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier())
        {
            barrier.signalAll();
        }
        for (final FutureTask<Integer> command : commands)
        {
            command.get(10, TimeUnit.SECONDS);
        }
        CloseHelper.close(feedDriver);
    }

    @Test
    void shouldPublishBookChangesAndServeSnapshotsWhileLeading() throws Exception
    {
        final ClusterCommand command = new ClusterCommand();
        final CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(nodeOut, true));
        commandLine.setErr(new PrintWriter(nodeOut, true));
        final ClusterCommand.Node node = commandLine.getSubcommands().get("node").getCommand();
        start(commands, "cluster-node", commandLine, "node", "--member-id", "0", "--members", "127.0.0.1",
            "--base-port", String.valueOf(BASE_PORT), "--dir", dir.resolve("node").toString(),
            "--instruments", "AAPL:1,MSFT:2", "--status-interval", "1",
            "--market-data", feedChannel, "--market-data-stream", "2001",
            "--snapshot-request", requestChannel, "--snapshot-request-stream", "2002",
            "--snapshot-response", responseChannel, "--snapshot-response-stream", "2003");
        await(() -> null != node.runningMember() &&
            Cluster.Role.LEADER == ((MatchingService)node.runningMember().service()).role(),
            () -> "no leader; output:\n" + nodeOut);
        final MatchingService service = (MatchingService)node.runningMember().service();
        final ClusterMarketData marketData = service.marketData();
        await(marketData::isPublishing, () -> "the leader does not publish; output:\n" + nodeOut);

        final int fixPort = freePort();
        start(commands, "gateway", new CommandLine(new GatewayCommand()),
            "--config", writeGatewayConfig(dir, fixPort).toString(),
            "--cluster-members", "127.0.0.1", "--cluster-base-port", String.valueOf(BASE_PORT),
            "--status-interval", "0", "--no-audit");
        client = new OpenLoopOrderClient(
            "127.0.0.1", fixPort, "FIX.4.4", "CLIENT1", "TWGW", null, null, "AAPL", new BigDecimal("150"));
        await(() -> logon(client), () -> "no logon; output:\n" + nodeOut);
        final OpenLoopOrderClient.Result half = client.run(ORDERS / 2, 200, 10_000);
        assertEquals(ORDERS / 2, half.acknowledged(), half::format);

        // Joins a session announced before it subscribed: the snapshot server fills in what it missed.
        connectFeed();
        final OpenLoopOrderClient.Result rest = client.run(ORDERS / 2, 200, 10_000);
        assertEquals(ORDERS / 2, rest.acknowledged(), rest::format);
        await(() -> ORDERS <= service.commandsApplied(), () -> "applied " + service.commandsApplied());
        await(() -> poll() && !feed.isRecovering() && 0 == feed.staleBooks() && null == difference(service),
            () -> "feed books: " + difference(service) + "; recoveries " + feed.recoveriesCompleted() + "/" +
            feed.recoveriesStarted() + ", received " + feed.messagesReceived());

        assertEquals(ORDERS, service.forEachRestingOrder(BookListener.NO_OP), "every order rests");
        assertEquals(0, feed.publisherChanges());
        assertTrue(feed.recoveriesCompleted() >= 1, "recovered by snapshot");
        assertEquals(1, marketData.sessionsAnnounced());
        assertEquals(0, marketData.sessionsAbandoned());
        assertEquals(1 + ORDERS, marketData.messagesPublished(), "epoch, then one AddOrder per order");
        assertTrue(marketData.snapshotsServed() >= 1, "snapshots served");
        await(() -> nodeOut.toString().contains("market data=publishing"), () -> nodeOut.toString());
        final String output = nodeOut.toString();
        assertTrue(output.contains("market data: " + feedChannel + " stream 2001 while leading; snapshots: " +
            "requests " + requestChannel + ", responses " + responseChannel), output);
    }

    private void connectFeed()
    {
        feedDriver = ClusterFeedTestSupport.launchFeedDriver(dir);
        feed = FeedClient.connect(
            ClusterFeedTestSupport.feedContext(feedDriver, feedChannel, requestChannel, responseChannel));
    }

    private boolean poll()
    {
        feed.poll();
        return true;
    }

    /**
     * @return the first difference between the feed's books and the member's engine books (read once every command
     * is applied), or null.
     */
    private String difference(final MatchingService service)
    {
        final OrderBook[] expected = { new OrderBook(1), new OrderBook(2) };
        service.forEachRestingOrder(new BookListener()
        {
            public void onAdd(final int instrumentId, final long orderId, final byte side, final long quantity,
                final long price)
            {
                expected[instrumentId - 1].add(orderId, 'B' == side ? Side.BUY : Side.SELL, price, quantity);
            }
        });
        for (final OrderBook book : expected)
        {
            final String difference = BookComparison.firstDifference(book, feed.book(book.instrumentId()));
            if (null != difference)
            {
                return "instrument " + book.instrumentId() + ": " + difference;
            }
        }
        return null;
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }

    private static boolean logon(final OpenLoopOrderClient client)
    {
        try
        {
            return client.awaitLogon(0);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void await(final BooleanSupplier condition, final Supplier<String> message)
    {
        ClusterTestSupport.await(condition, WAIT_MS, message);
    }
}
