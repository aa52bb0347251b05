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
import io.tickwire.fix.cluster.ClusterMember;
import io.tickwire.fix.cluster.ClusterMemberContext;
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
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Market data from a three-member matching cluster on loopback (real Aeron Cluster and feed, UDP multicast): the
 * leader publishes book changes and serves snapshots, a {@link FeedClient} on its own driver builds books from
 * them; the leader is closed, the new leader announces a new publisher session and continues publishing, and the
 * client counts the publisher change, recovers by snapshot and ends with the surviving members' engine books.
 * <p>
 * Cluster ports from base 17040 (17041-17045, 17141-17145, 17241-17245: the cluster tests' range); feed, request
 * and response channels are random multicast groups and ports, as in the feed handler's tests.
 */
@Timeout(120)
class ClusterMarketDataFailoverTest
{
    private static final int BASE_PORT = 17_040;
    private static final List<String> HOSTS = List.of("127.0.0.1", "127.0.0.1", "127.0.0.1");
    private static final int[] INSTRUMENTS = { 1, 2 };
    private static final long WAIT_MS = 30_000;

    @TempDir
    Path dir;

    private final String feedChannel = TestChannels.randomMulticastChannel();
    private final String requestChannel = TestChannels.randomMulticastChannel();
    private final String responseChannel = TestChannels.randomMulticastChannel();
    private final List<ClusterMember> members = new ArrayList<>();
    private final List<String> feedEvents = new ArrayList<>();
    private MediaDriver feedDriver;
    private FeedClient feed;
    private Gateway gateway;
    private TestFixClient client;

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(client, gateway, feed);
        CloseHelper.closeAll(members);
        CloseHelper.close(feedDriver);
    }

    @Test
    void shouldRecoverTheBooksBySnapshotWhenANewLeaderTakesOverTheFeed() throws Exception
    {
        for (int id = 0; id < HOSTS.size(); id++)
        {
            members.add(ClusterMember.launch(memberContext(id)));
        }
        final ClusterMember firstLeader = GatewayTestSupport.awaitLeader(members, null);
        connectFeed();
        connectGateway();

        int sent = 0;
        for (int i = 0; i < 20; i++)
        {
            // Resting both sides, then sells that cross: adds, partial executions, deletes on the feed.
            client.send(newOrder("B" + i, 0 == i % 2 ? "AAPL" : "MSFT", '1', "10", '2', price(100 + i % 5), '0'));
            client.send(newOrder("S" + i, 0 == i % 2 ? "AAPL" : "MSFT", '2', "10", '2', price(110 + i % 5), '0'));
            sent += 2;
        }
        for (int i = 0; i < 4; i++)
        {
            client.send(newOrder("X" + i, "AAPL", '2', "15", '2', price(100), '0'));
            sent++;
        }
        awaitApplied(sent);
        final MatchingService firstService = (MatchingService)firstLeader.service();
        await(() -> pollFeed() && null == difference(firstService), () -> "feed books before the failover: " +
            difference(firstService) + "; " + describe());
        assertEquals(0, feed.publisherChanges(), this::describe);
        assertTrue(firstService.marketData().isPublishing(), "the first leader publishes");
        for (final ClusterMember member : members)
        {
            if (member != firstLeader)
            {
                assertEquals(0, ((MatchingService)member.service()).marketData().messagesPublished(),
                    "a follower publishes nothing");
            }
        }

        firstLeader.close();
        final ClusterMember newLeader = GatewayTestSupport.awaitLeader(members, firstLeader);
        final MatchingService newService = (MatchingService)newLeader.service();
        for (int i = 0; i < 6; i++)
        {
            client.send(newOrder("N" + i, "MSFT", '1', "5", '2', price(100 + i), '0'));
            sent++;
        }
        client.send(newOrder("Y0", "MSFT", '2', "7", '2', price(100), '0'));
        sent++;
        awaitApplied(sent);
        await(() -> pollFeed() && feed.publisherChanges() > 0 && !feed.isRecovering() && 0 == feed.staleBooks() &&
            null == difference(newService), () -> "feed books after the failover: " + difference(newService) + "; " +
            describe());

        assertEquals(1, feed.publisherChanges(), this::describe);
        assertTrue(feed.recoveriesCompleted() >= 1, this::describe);
        assertTrue(newService.marketData().isPublishing(), "the new leader publishes");
        assertEquals(1, newService.marketData().sessionsAnnounced(), "one session for one leadership");
        assertTrue(newService.marketData().epoch() > firstService.marketData().epoch(), "the epoch grows");
        for (final ClusterMember member : members)
        {
            if (!member.isClosed())
            {
                assertNull(difference((MatchingService)member.service()), "member " + member.memberId());
            }
        }
        System.out.println("cluster market data failover: leader " + firstLeader.memberId() + " -> " +
            newLeader.memberId() + "; " + describe());
    }

    private ClusterMemberContext memberContext(final int id)
    {
        return new ClusterMemberContext()
            .memberId(id)
            .hosts(HOSTS)
            .basePort(BASE_PORT)
            .clusterDir(dir.resolve("member-" + id).toFile())
            .failoverTimeout(1, TimeUnit.SECONDS)
            .clusteredService(() -> new MatchingService(INSTRUMENTS, 1024, new ClusterMarketData(
                feedChannel, 2001, requestChannel, 2002, responseChannel, 2003)));
    }

    private void connectFeed()
    {
        feedDriver = ClusterFeedTestSupport.launchFeedDriver(dir);
        feed = FeedClient.connect(
            ClusterFeedTestSupport.feedContext(feedDriver, feedChannel, requestChannel, responseChannel)
            .gapListener(new GapListener()
            {
                public void onPublisherChange(final int previousSessionId, final int sessionId, final long epoch)
                {
                    feedEvents.add("change " + previousSessionId + "->" + sessionId + " epoch " + epoch);
                }

                public void onRecoveryStarted(final RecoveryReason reason, final long requestId)
                {
                    feedEvents.add("recovery " + reason);
                }

                public void onRecoveryCompleted(final long requestId, final long snapshotSequence, final long applied)
                {
                    feedEvents.add("recovered at " + snapshotSequence + " +" + applied);
                }
            }));
    }

    private void connectGateway() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.clusterClientSettings(dir, port, members.get(0));
        gateway = Gateway.launch(new GatewayContext().settings(settings));
        client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", GatewayTestSupport.PASSWORD, false);
        assertTrue(client.awaitLogon(10_000));
    }

    /**
     * @return true, after one poll of the feed client (this thread is its only one).
     */
    private boolean pollFeed()
    {
        feed.poll();
        return true;
    }

    /**
     * @return the first difference between the feed client's books and a member's engine books, or null.
     */
    private String difference(final MatchingService service)
    {
        // The engine belongs to the service thread: read only once every command sent is applied.
        final Int2ObjectHashMap<OrderBook> expected = new Int2ObjectHashMap<>();
        for (final int instrumentId : INSTRUMENTS)
        {
            expected.put(instrumentId, new OrderBook(instrumentId));
        }
        service.forEachRestingOrder(new BookListener()
        {
            public void onAdd(final int instrumentId, final long orderId, final byte side, final long quantity,
                final long price)
            {
                expected.get(instrumentId).add(orderId, 'B' == side ? Side.BUY : Side.SELL, price, quantity);
            }
        });
        for (final int instrumentId : INSTRUMENTS)
        {
            final String difference = BookComparison.firstDifference(expected.get(instrumentId),
                feed.book(instrumentId));
            if (null != difference)
            {
                return "instrument " + instrumentId + ": " + difference;
            }
        }
        return null;
    }

    private void awaitApplied(final int commands)
    {
        for (final ClusterMember member : members)
        {
            if (!member.isClosed())
            {
                final MatchingService service = (MatchingService)member.service();
                await(() -> pollFeed() && service.commandsApplied() >= commands,
                    () -> "member " + member.memberId() + " applied " + service.commandsApplied() + " of " + commands);
            }
        }
    }

    private String describe()
    {
        return "feed: received " + feed.messagesReceived() + ", applied " + feed.messagesApplied() + ", gaps " +
            feed.gaps() + ", restarts " + feed.publisherRestarts() + ", changes " + feed.publisherChanges() +
            ", recoveries " + feed.recoveriesCompleted() + "/" + feed.recoveriesStarted() + ", stale books " +
            feed.staleBooks() + ", book errors " + feed.totalBookErrors() + ", events " + feedEvents;
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
