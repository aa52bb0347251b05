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

import io.aeron.driver.MediaDriver;
import io.tickwire.feed.TestChannels;
import io.tickwire.feed.book.BookComparison;
import io.tickwire.feed.book.OrderBook;
import io.tickwire.feed.client.FeedClient;
import io.tickwire.feed.client.GapListener;
import io.tickwire.feed.client.RecoveryReason;
import io.tickwire.fix.cluster.ClusterFeedTestSupport;
import io.tickwire.fix.cluster.ClusterMarketData;
import io.tickwire.fix.cluster.ClusterTestSupport;
import io.tickwire.fix.cluster.MatchingService;
import io.tickwire.fix.match.BookListener;
import io.tickwire.sbe.md.Side;
import org.agrona.CloseHelper;
import org.agrona.collections.Int2ObjectHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.SessionSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Market data of the gateway's embedded one-member cluster (real Aeron Cluster in the gateway, real feed client on
 * its own driver, UDP multicast on loopback): orders rest and the client's books follow the engine's; the gateway
 * is closed and started again on the same cluster directory, its member announces a new publisher session with a
 * later epoch, and the client counts the publisher change and recovers the same books by snapshot; a client that
 * joins late gets the books by snapshot too.
 * <p>
 * Feed, snapshot request and response channels are random multicast groups and ports, as in the feed handler's
 * tests; the member's ports come from {@link GatewayTestSupport#clusterBasePort()}.
 */
@Timeout(120)
class EmbeddedMemberMarketDataTest
{
    private static final int[] INSTRUMENTS = { 1, 2 };
    private static final long WAIT_MS = 30_000;

    @TempDir
    Path dir;

    private final String feedChannel = TestChannels.randomMulticastChannel();
    private final String requestChannel = TestChannels.randomMulticastChannel();
    private final String responseChannel = TestChannels.randomMulticastChannel();
    private final List<String> feedEvents = new ArrayList<>();
    private final List<String> lateEvents = new ArrayList<>();
    private SessionSettings settings;
    private int port;
    private MediaDriver feedDriver;
    private FeedClient feed;
    private FeedClient late;
    private Gateway gateway;
    private TestFixClient client;

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(client, gateway, feed, late, feedDriver);
    }

    @Test
    void shouldAnnounceANewPublisherAfterARestartAndServeSnapshotsToLateJoiners() throws Exception
    {
        port = GatewayTestSupport.freePort();
        settings = GatewayTestSupport.settings(dir, port);
        // Orders rest while the gateway is down.
        settings.setString("TickwireCancelOnDisconnect", "N");
        settings.setString(GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME, feedChannel);
        settings.setLong(GatewayConfiguration.MARKET_DATA_STREAM_ID_PROP_NAME, 2001);
        settings.setString(GatewayConfiguration.AERON_DIR_PROP_NAME, dir.resolve("gateway-aeron").toString());
        settings.setString(GatewayConfiguration.SNAPSHOT_REQUEST_CHANNEL_PROP_NAME, requestChannel);
        settings.setLong(GatewayConfiguration.SNAPSHOT_REQUEST_STREAM_ID_PROP_NAME, 2002);
        settings.setString(GatewayConfiguration.SNAPSHOT_RESPONSE_CHANNEL_PROP_NAME, responseChannel);
        settings.setLong(GatewayConfiguration.SNAPSHOT_RESPONSE_STREAM_ID_PROP_NAME, 2003);
        feedDriver = ClusterFeedTestSupport.launchFeedDriver(dir);
        feed = FeedClient.connect(ClusterFeedTestSupport.feedContext(
            feedDriver, feedChannel, requestChannel, responseChannel).gapListener(recorder(feedEvents)));

        launchGateway();
        final MatchingService firstService = service();
        assertNull(gateway.bookPublisher(), "the member publishes, not the gateway's own publisher");
        int sent = 0;
        for (int i = 0; i < 10; i++)
        {
            // Both sides rest on both instruments, then sells cross part of the bids.
            client.send(newOrder("B" + i, 0 == i % 2 ? "AAPL" : "MSFT", '1', "10", '2', price(100 + i % 4), '0'));
            client.send(newOrder("S" + i, 0 == i % 2 ? "AAPL" : "MSFT", '2', "10", '2', price(110 + i % 4), '0'));
            sent += 2;
        }
        client.send(newOrder("X0", "AAPL", '2', "15", '2', price(100), '0'));
        sent++;
        awaitApplied(firstService, sent);
        await(() -> pollFeeds() && null == difference(feed, firstService),
            () -> "feed books before the restart: " + difference(feed, firstService) + "; " + describe(feed));
        final ClusterMarketData firstMarketData = gateway.memberMarketData();
        assertTrue(firstMarketData.isPublishing(), "the embedded member publishes");
        assertEquals(1, firstMarketData.sessionsAnnounced());
        assertEquals(0, feed.publisherChanges(), () -> describe(feed));
        final long firstEpoch = firstMarketData.epoch();
        final Int2ObjectHashMap<OrderBook> booksBeforeRestart = engineBooks(firstService);
        final int resting = firstService.forEachRestingOrder(BookListener.NO_OP);
        assertTrue(resting > 10, "orders rest: " + resting);

        CloseHelper.closeAll(client, gateway);
        launchGateway();
        final MatchingService secondService = service();
        final ClusterMarketData secondMarketData = gateway.memberMarketData();
        await(() -> pollFeeds() && secondMarketData.isPublishing(), () -> "the restarted member publishes");
        // Its count includes the commands replayed from the log.
        final long replayed = secondService.commandsApplied();
        assertEquals(resting, secondService.forEachRestingOrder(BookListener.NO_OP), "the books came back");
        assertNull(difference(booksBeforeRestart, secondService), "the engine's books across the restart");
        // A change after the restart: the client hears the new session even if it missed its first messages.
        client.send(newOrder("B10", "MSFT", '1', "3", '2', price(99), '0'));
        awaitApplied(secondService, replayed + 1);
        await(() -> pollFeeds() && feed.publisherChanges() > 0 && !feed.isRecovering() && 0 == feed.staleBooks() &&
            null == difference(feed, secondService), () -> "feed books after the restart: " +
            difference(feed, secondService) + "; " + describe(feed));
        assertEquals(1, feed.publisherChanges(), () -> describe(feed));
        assertTrue(feed.recoveriesCompleted() >= 1, () -> describe(feed));
        assertEquals(1, secondMarketData.sessionsAnnounced(), "one session for the member's start");
        assertTrue(secondMarketData.epoch() > firstEpoch,
            "the epoch grows: " + firstEpoch + " -> " + secondMarketData.epoch());

        late = FeedClient.connect(ClusterFeedTestSupport.feedContext(
            feedDriver, feedChannel, requestChannel, responseChannel).gapListener(recorder(lateEvents)));
        await(() -> pollFeeds() && late.isConnected(), () -> "the late client connects; " + describe(late));
        final long servedBefore = secondMarketData.snapshotsServed();
        client.send(newOrder("S10", "AAPL", '2', "4", '2', price(100), '0'));
        awaitApplied(secondService, replayed + 2);
        await(() -> pollFeeds() && late.recoveriesCompleted() > 0 && !late.isRecovering() && 0 == late.staleBooks() &&
            null == difference(late, secondService) && null == difference(feed, secondService),
            () -> "late client's books: " + difference(late, secondService) + "; " + describe(late));
        assertTrue(lateEvents.contains("recovery " + RecoveryReason.LATE_JOIN), () -> describe(late));
        assertTrue(secondMarketData.snapshotsServed() > servedBefore, "the member served the late client");
        assertEquals(0, late.publisherChanges(), () -> describe(late));
        System.out.println("embedded member market data: epochs " + firstEpoch + " -> " + secondMarketData.epoch() +
            "; " + describe(feed) + "; late " + describe(late));
    }

    private void launchGateway() throws Exception
    {
        gateway = Gateway.launch(new GatewayContext().settings(settings));
        client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", GatewayTestSupport.PASSWORD, false);
        assertTrue(client.awaitLogon(10_000));
    }

    private MatchingService service()
    {
        return (MatchingService)gateway.clusterPath().member().service();
    }

    private GapListener recorder(final List<String> events)
    {
        return new GapListener()
        {
            public void onPublisherChange(final int previousSessionId, final int sessionId, final long epoch)
            {
                events.add("change " + previousSessionId + "->" + sessionId + " epoch " + epoch);
            }

            public void onRecoveryStarted(final RecoveryReason reason, final long requestId)
            {
                events.add("recovery " + reason);
            }

            public void onRecoveryCompleted(final long requestId, final long snapshotSequence, final long applied)
            {
                events.add("recovered at " + snapshotSequence + " +" + applied);
            }
        };
    }

    /**
     * @return true, after one poll of each feed client (this thread is their only one).
     */
    private boolean pollFeeds()
    {
        feed.poll();
        if (null != late)
        {
            late.poll();
        }
        return true;
    }

    private void awaitApplied(final MatchingService service, final long commands)
    {
        await(() -> pollFeeds() && service.commandsApplied() >= commands,
            () -> "applied " + service.commandsApplied() + " of " + commands);
    }

    /**
     * The engine's books; the engine belongs to the service thread: read only once every command sent is applied.
     */
    private static Int2ObjectHashMap<OrderBook> engineBooks(final MatchingService service)
    {
        final Int2ObjectHashMap<OrderBook> books = new Int2ObjectHashMap<>();
        for (final int instrumentId : INSTRUMENTS)
        {
            books.put(instrumentId, new OrderBook(instrumentId));
        }
        service.forEachRestingOrder(new BookListener()
        {
            public void onAdd(final int instrumentId, final long orderId, final byte side, final long quantity,
                final long price)
            {
                books.get(instrumentId).add(orderId, 'B' == side ? Side.BUY : Side.SELL, price, quantity);
            }
        });
        return books;
    }

    /**
     * @return the first difference between a feed client's books and the engine's, or null.
     */
    private static String difference(final FeedClient client, final MatchingService service)
    {
        final Int2ObjectHashMap<OrderBook> expected = engineBooks(service);
        for (final int instrumentId : INSTRUMENTS)
        {
            final String difference = BookComparison.firstDifference(expected.get(instrumentId),
                client.book(instrumentId));
            if (null != difference)
            {
                return "instrument " + instrumentId + ": " + difference;
            }
        }
        return null;
    }

    private static String difference(final Int2ObjectHashMap<OrderBook> books, final MatchingService service)
    {
        final Int2ObjectHashMap<OrderBook> actual = engineBooks(service);
        for (final int instrumentId : INSTRUMENTS)
        {
            final String difference = BookComparison.firstDifference(books.get(instrumentId),
                actual.get(instrumentId));
            if (null != difference)
            {
                return "instrument " + instrumentId + ": " + difference;
            }
        }
        return null;
    }

    private String describe(final FeedClient client)
    {
        return "received " + client.messagesReceived() + ", applied " + client.messagesApplied() + ", gaps " +
            client.gaps() + ", restarts " + client.publisherRestarts() + ", changes " + client.publisherChanges() +
            ", recoveries " + client.recoveriesCompleted() + "/" + client.recoveriesStarted() + ", stale books " +
            client.staleBooks() + ", events " + (client == late ? lateEvents : feedEvents);
    }

    private static String price(final int price)
    {
        return Integer.toString(price);
    }

    private static void await(final BooleanSupplier condition, final Supplier<String> message)
    {
        ClusterTestSupport.await(condition, WAIT_MS, message);
    }
}
