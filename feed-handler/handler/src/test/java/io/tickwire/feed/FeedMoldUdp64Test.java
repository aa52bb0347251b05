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
package io.tickwire.feed;

import io.tickwire.agent.ThreadingProfile;
import io.tickwire.agent.metrics.CncValues;
import io.tickwire.agent.metrics.MetricsServer;
import io.tickwire.agent.metrics.Scrape;
import io.tickwire.counters.CounterAllocator;
import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.MessageSource;
import io.tickwire.feed.ingest.itch.sim.ItchSimulator;
import io.tickwire.feed.ingest.moldudp64.MoldUdp64Client;
import io.tickwire.feed.ingest.moldudp64.MoldUdp64ClientContext;
import io.tickwire.feed.ingest.moldudp64.MoldUdp64MessageStore;
import io.tickwire.feed.ingest.moldudp64.MoldUdp64RequestServer;
import io.tickwire.feed.ingest.moldudp64.MoldUdp64Server;
import io.tickwire.feed.ingest.moldudp64.MoldUdp64StatusListener;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live MoldUDP64 in, Aeron out: an upstream packet is dropped, the client recovers it from the request server,
 * and the feed's counters show the gap and the recovery while the Aeron stream stays contiguous; the client's own
 * counters are in the driver's CnC file with the values of its getters, and scraped by type.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FeedMoldUdp64Test
{
    private static final String SESSION = "FEEDTEST01";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final MoldUdp64MessageStore store = new MoldUdp64MessageStore(1024 * 1024, 1024);
    private MoldUdp64RequestServer requestServer;
    private MoldUdp64Server server;
    private FeedHandler feed;
    private VerifyingSubscriber subscriber;
    private MoldUdp64Client client;
    private MetricsServer metrics;

    @AfterEach
    void after()
    {
        CloseHelper.quietCloseAll(metrics, subscriber, feed, server, requestServer);
    }

    @Test
    void shouldCountUpstreamGapAndRecoveryAndPublishContiguousStream() throws Exception
    {
        final String channel = TestChannels.randomMulticastChannel();
        final InetSocketAddress endpoint = new InetSocketAddress(LOOPBACK, TestChannels.freeUdpPort());
        requestServer = new MoldUdp64RequestServer(new MoldUdp64RequestServer.Context()
            .session(SESSION)
            .store(store)
            .bindAddress(new InetSocketAddress(LOOPBACK, 0)));
        final boolean[] dropped = new boolean[1];
        server = new MoldUdp64Server(new MoldUdp64Server.Context()
            .session(SESSION)
            .store(store)
            .destination(endpoint)
            .packetFilter((sequence, count) ->
            {
                if (!dropped[0] && sequence + count - 1 >= 500)
                {
                    dropped[0] = true;
                    return false;
                }
                return true;
            }));

        final InetSocketAddress requestAddress = requestServer.localAddress();
        feed = new FeedHandler(new FeedHandlerContext()
            .addSource(FeedSource.live("moldudp64 " + endpoint, new FeedSource.Factory()
            {
                public MessageSource open(final MalformedInputListener listener)
                {
                    throw new AssertionError("the feed handler passes an upstream listener");
                }

                public MessageSource open(final MalformedInputListener listener, final MoldUdp64StatusListener upstream)
                {
                    throw new AssertionError("the feed handler passes its counter allocator");
                }

                public MessageSource open(
                    final MalformedInputListener listener,
                    final MoldUdp64StatusListener upstream,
                    final CounterAllocator counters)
                {
                    client = new MoldUdp64Client(new MoldUdp64ClientContext()
                        .endpoint(endpoint)
                        .requestServer(requestAddress)
                        .malformedInputListener(listener)
                        .statusListener(upstream)
                        .counterAllocator(counters));
                    return client;
                }
            }))
            .channel(channel)
            .streamId(1001)
            .threadingProfile(ThreadingProfile.COMPACT)
            .heartbeatIntervalNs(0)
            .snapshotRequest(TestChannels.randomUnicastChannel(), 1002)
            .snapshotResponse(TestChannels.randomMulticastChannel(), 1003)
            .errorStream(null))
            .start();
        subscriber = new VerifyingSubscriber(feed.aeronDirectoryName(), channel, 1001);
        while (!subscriber.isConnected())
        {
            subscriber.poll(10);
        }

        // The simulator's order flow is all of normalised types, so each ITCH message becomes one SBE message.
        final int total = 2_000;
        final ItchSimulator simulator = new ItchSimulator(11, 5);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final BackoffIdleStrategy idle = new BackoffIdleStrategy();
        for (int i = 0; i < total; i++)
        {
            server.offer(buffer, 0, simulator.next(buffer, 0));
        }
        server.endSession();

        while (!feed.isComplete() || feed.snapshot().published() > subscriber.lastSequence())
        {
            idle.idle(server.doWork() + requestServer.doWork() + subscriber.poll(100));
        }

        assertEquals(null, subscriber.firstProblemIgnoringFields());
        final FeedSnapshot snapshot = feed.snapshot();
        assertEquals(total, snapshot.messagesIn());
        assertEquals(total - snapshot.notNormalised(), snapshot.published());
        assertEquals(snapshot.published(), subscriber.lastSequence());
        assertEquals(1, snapshot.upstreamGaps());
        assertTrue(snapshot.upstreamRecovered() > 0, "recovered " + snapshot.upstreamRecovered());
        assertEquals(0, snapshot.upstreamLost());
        assertEquals(0, snapshot.dropped());

        // The client's own counters, read from the driver's CnC file as stat reads them, and scraped.
        final String source = client.name();
        final CncValues counters = CncValues.read(feed.aeronDirectoryName(), "tickwire-moldudp64 ");
        assertEquals(19, counters.values().size(), counters.toString());
        final long[] expected = {
            client.packetsReceived(), client.bytesReceived(), client.messagesDelivered(), client.heartbeatsReceived(),
            client.duplicatePackets(), client.duplicateMessages(), client.malformedPackets(), client.emptyMessages(),
            client.packetsStashed(), client.stashOverflows(), client.gapsDetected(), client.gapsRecovered(),
            client.messagesRecovered(), client.requestsSent(), client.requestRetries(), client.requestSendsFailed(),
            client.unrecoverableGaps(), client.messagesSkipped(), client.sessionChanges() };
        final String[] names = {
            "packets-received", "bytes-received", "messages-delivered", "heartbeats-received", "duplicate-packets",
            "duplicate-messages", "malformed-packets", "empty-messages", "packets-stashed", "stash-overflows",
            "gaps-detected", "gaps-recovered", "messages-recovered", "requests-sent", "request-retries",
            "request-sends-failed", "unrecoverable-gaps", "messages-skipped", "session-changes" };
        for (int i = 0; i < names.length; i++)
        {
            final String label = "tickwire-moldudp64 " + names[i] + ": " + source;
            assertEquals(expected[i], counters.value(label), label);
            assertEquals(FeedCounterTypes.MOLD_PACKETS_RECEIVED + i, counters.typeId(label), label);
        }
        assertEquals(total, client.messagesDelivered());
        assertEquals(1, client.gapsDetected());
        assertTrue(client.requestsSent() > 0 && client.messagesRecovered() > 0, counters.toString());

        metrics = FeedMetrics.export(MetricsServer.builder().port(0), feed, null).start();
        final Scrape scrape = Scrape.get(metrics.url());
        assertEquals(client.gapsDetected(), (long)scrape.value("tickwire_moldudp64_gaps_detected_total",
            "source", source));
        assertEquals(client.messagesRecovered(), (long)scrape.value("tickwire_moldudp64_messages_recovered_total",
            "source", source));
        assertEquals(client.bytesReceived(), (long)scrape.value("tickwire_moldudp64_received_bytes_total",
            "source", source));

        // Closed with the feed handler (its driver too): the getters keep the last values.
        final long delivered = client.messagesDelivered();
        feed.close();
        assertEquals(delivered, client.messagesDelivered());
    }
}
