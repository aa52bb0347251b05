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
package io.tickwire.feed.client;

import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.tickwire.feed.book.BookStateListener;
import io.tickwire.feed.book.ReferenceFeed;
import io.tickwire.feed.sim.MarketDataFlowGenerator;
import io.tickwire.feed.snapshot.SnapshotServer;
import io.tickwire.sbe.md.HeartbeatEncoder;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@Timeout(90)
class FeedClientTest
{
    private static final int STREAM_ID = 1001;
    private static final int REQUEST_STREAM_ID = 1002;
    private static final int RESPONSE_STREAM_ID = 1003;
    private static final int SERVER_FEED_STREAM_ID = 1004;

    private final List<String> events = new ArrayList<>();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
    private final String channel = TestMedia.multicastChannel();
    private final String requestChannel = TestMedia.unicastChannel();
    private final String responseChannel = TestMedia.multicastChannel();
    private MediaDriver driver;
    private Aeron aeron;
    private SnapshotServer server;
    private FeedClient client;

    @BeforeEach
    void setUp()
    {
        // The snapshot server spies on the publication; with spies counting as a connection the publisher
        // publishes before any network subscriber has joined, as a feed must for late joiners.
        driver = MediaDriver.launch(TestMedia.driverContext().spiesSimulateConnection(true));
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(client, server, aeron, driver);
    }

    private final GapListener recordingGapListener = new GapListener()
    {
        public void onGap(final long expectedSequence, final long receivedSequence)
        {
            events.add("gap " + expectedSequence + " " + receivedSequence);
        }

        public void onDuplicate(final long sequence, final long expectedSequence)
        {
            events.add("duplicate " + sequence + " " + expectedSequence);
        }

        public void onPublisherRestart(final int previousSessionId, final int sessionId, final long firstSequence)
        {
            events.add("restart " + firstSequence);
        }

        public void onRecoveryStarted(final RecoveryReason reason, final long requestId)
        {
            events.add("recovery " + reason);
        }

        public void onRecoveryCompleted(final long requestId, final long snapshotSequence, final long bufferedApplied)
        {
            events.add("recovered");
        }
    };

    private FeedClientContext clientContext(final boolean recovery)
    {
        return new FeedClientContext()
            .aeron(aeron)
            .channel(channel)
            .streamId(STREAM_ID)
            .snapshotRequest(recovery ? requestChannel : null, REQUEST_STREAM_ID)
            .snapshotResponse(responseChannel, RESPONSE_STREAM_ID)
            .gapListener(recordingGapListener);
    }

    private void startServer(final String feedChannel, final int feedStreamId)
    {
        server = new SnapshotServer(new SnapshotServer.Context()
            .aeron(aeron)
            .feed(feedChannel, feedStreamId)
            .request(requestChannel, REQUEST_STREAM_ID)
            .response(responseChannel, RESPONSE_STREAM_ID));
    }

    private void pollAll()
    {
        if (null != server)
        {
            server.doWork();
        }
        if (null != client)
        {
            client.poll();
        }
    }

    private void pollUntil(final BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                fail("timed out waiting for " + what + "; events " + events);
            }
            pollAll();
            Thread.yield();
        }
    }

    private void publish(
        final TestFeedPublisher publisher,
        final MarketDataFlowGenerator generator,
        final ReferenceFeed reference,
        final int count)
    {
        for (int i = 0; i < count; i++)
        {
            final int length = generator.next(buffer, 0);
            publisher.publish(buffer, 0, length);
            reference.apply(buffer, 0);
            if (0 == (i & 63))
            {
                pollAll();
            }
        }
    }

    private void assertBooksEqual(final ReferenceFeed reference, final FeedClient feedClient)
    {
        for (final long instrumentId : reference.instrumentIds())
        {
            reference.assertBookEquals(instrumentId, feedClient.book(instrumentId), "client");
        }
    }

    @Test
    void shouldBuildBooksEqualToReferenceOverUdpMulticast()
    {
        client = FeedClient.connect(clientContext(false));
        final TestFeedPublisher publisher = new TestFeedPublisher(aeron, channel, STREAM_ID, this::pollAll);
        pollUntil(() -> publisher.publication().isConnected(), "connection");

        final MarketDataFlowGenerator generator = new MarketDataFlowGenerator(11, 10, 100);
        final ReferenceFeed reference = new ReferenceFeed();
        publish(publisher, generator, reference, 50_000);
        pollUntil(() -> client.expectedSequence() == 50_001, "all messages");

        assertBooksEqual(reference, client);
        assertEquals(50_000, client.messagesApplied());
        assertEquals(0, client.gaps());
        assertEquals(0, client.duplicates());
        assertEquals(0, client.totalBookErrors());
        assertEquals(0, client.staleBooks());
        assertEquals(List.of(), events);
        publisher.close();
    }

    @Test
    void shouldReportGapDuplicateAndRestartWithoutRecovery()
    {
        final List<String> states = new ArrayList<>();
        client = FeedClient.connect(clientContext(false).bookStateListener(new BookStateListener()
        {
            public void onStale(final long instrumentId, final String symbol)
            {
                states.add("stale " + instrumentId);
            }

            public void onFresh(final long instrumentId, final String symbol)
            {
                states.add("fresh " + instrumentId);
            }
        }));
        final TestFeedPublisher publisher = new TestFeedPublisher(aeron, channel, STREAM_ID, this::pollAll);
        pollUntil(() -> publisher.publication().isConnected(), "connection");

        final MarketDataFlowGenerator generator = new MarketDataFlowGenerator(5, 1, 20);
        final ReferenceFeed reference = new ReferenceFeed();
        publish(publisher, generator, reference, 10);
        publisher.nextSequence(12);
        publish(publisher, generator, reference, 1);
        publisher.nextSequence(5);
        publish(publisher, generator, reference, 1);
        pollUntil(() -> client.messagesReceived() == 12, "12 messages");

        assertEquals(List.of("gap 11 12", "duplicate 5 13"), events);
        assertEquals(List.of("stale 1"), states);
        assertEquals(1, client.gaps());
        assertEquals(1, client.duplicates());
        assertTrue(client.instrument(1).isStale());

        publisher.close();
        final TestFeedPublisher restarted = new TestFeedPublisher(aeron, channel, STREAM_ID, this::pollAll);
        final MarketDataFlowGenerator newGenerator = new MarketDataFlowGenerator(6, 1, 20);
        final ReferenceFeed newReference = new ReferenceFeed();
        pollUntil(() -> restarted.publication().isConnected(), "new connection");
        publish(restarted, newGenerator, newReference, 500);
        pollUntil(() -> client.expectedSequence() == 501, "restarted stream");

        assertEquals(List.of("gap 11 12", "duplicate 5 13", "restart 1"), events);
        assertEquals(List.of("stale 1", "fresh 1"), states);
        assertFalse(client.instrument(1).isStale());
        assertEquals(1, client.publisherRestarts());
        assertBooksEqual(newReference, client);
        restarted.close();
    }

    @Test
    void shouldDetectLostTailFromHeartbeat()
    {
        client = FeedClient.connect(clientContext(false));
        final TestFeedPublisher publisher = new TestFeedPublisher(aeron, channel, STREAM_ID, this::pollAll);
        pollUntil(() -> publisher.publication().isConnected(), "connection");

        final HeartbeatEncoder heartbeat = new HeartbeatEncoder();
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final int heartbeatLength = MessageHeaderEncoder.ENCODED_LENGTH + HeartbeatEncoder.BLOCK_LENGTH;
        heartbeat.wrapAndApplyHeader(buffer, 0, header).sequence(0).sourceTimestamp(0).ingestTimestamp(0)
            .publishTimestamp(0).instrumentId(0);
        publisher.offer(buffer, 0, heartbeatLength);

        publish(publisher, new MarketDataFlowGenerator(8, 1, 20), new ReferenceFeed(), 10);
        heartbeat.wrapAndApplyHeader(buffer, 0, header).sequence(10).sourceTimestamp(0).ingestTimestamp(0)
            .publishTimestamp(0).instrumentId(0);
        publisher.offer(buffer, 0, heartbeatLength);
        heartbeat.wrapAndApplyHeader(buffer, 0, header).sequence(12).sourceTimestamp(0).ingestTimestamp(0)
            .publishTimestamp(0).instrumentId(0);
        publisher.offer(buffer, 0, heartbeatLength);
        pollUntil(() -> client.heartbeats() == 3, "3 heartbeats");

        assertEquals(List.of("gap 11 13"), events);
        assertEquals(10, client.messagesApplied());
        assertEquals(13, client.expectedSequence());
        assertTrue(client.instrument(1).isStale());
        publisher.close();
    }

    @Test
    void shouldRecoverLateJoinerWithSnapshot()
    {
        startServer("aeron-spy:" + channel, STREAM_ID);
        final TestFeedPublisher publisher = new TestFeedPublisher(aeron, channel, STREAM_ID, this::pollAll);
        pollUntil(() -> publisher.publication().isConnected(), "server connection");

        final MarketDataFlowGenerator generator = new MarketDataFlowGenerator(21, 12, 150);
        final ReferenceFeed reference = new ReferenceFeed();
        publish(publisher, generator, reference, 30_000);
        pollUntil(() -> server.lastAppliedSequence() == 30_000, "server caught up");
        assertTrue(server.isValid());

        client = FeedClient.connect(clientContext(true));
        pollUntil(() -> client.isConnected(), "client connection");
        publish(publisher, generator, reference, 30_000);
        pollUntil(() -> client.expectedSequence() == 60_001 && !client.isRecovering(), "client caught up");

        assertEquals(List.of("recovery LATE_JOIN", "recovered"), events);
        assertBooksEqual(reference, client);
        assertEquals(1, client.recoveriesCompleted());
        assertEquals(0, client.gaps());
        assertEquals(0, client.totalBookErrors());
        assertEquals(0, client.staleBooks());
        assertEquals(12, client.instruments().size());
        assertEquals("SYM3", client.instrument(3).symbol());
        assertEquals(1, server.snapshotsServed());
        publisher.close();
    }

    @Test
    void shouldRecoverFromUnrecoverableGapWithSnapshot()
    {
        // The server reads the complete stream over IPC; the client's stream misses messages, as a subscriber
        // that fell beyond Aeron's retransmit window would.
        startServer("aeron:ipc", SERVER_FEED_STREAM_ID);
        final TestFeedPublisher full = new TestFeedPublisher(aeron, "aeron:ipc", SERVER_FEED_STREAM_ID, this::pollAll);
        final TestFeedPublisher lossy = new TestFeedPublisher(aeron, channel, STREAM_ID, this::pollAll);
        client = FeedClient.connect(clientContext(true));
        pollUntil(() -> full.publication().isConnected() && lossy.publication().isConnected(), "connections");

        final MarketDataFlowGenerator generator = new MarketDataFlowGenerator(31, 6, 100);
        final ReferenceFeed reference = new ReferenceFeed();
        for (int i = 1; i <= 40_000; i++)
        {
            final int length = generator.next(buffer, 0);
            full.publish(buffer, 0, length);
            reference.apply(buffer, 0);
            final boolean lost = (i > 10_000 && i <= 10_050) || (i > 25_000 && i <= 25_003);
            if (!lost)
            {
                lossy.stamp(buffer, 0, i);
                lossy.offer(buffer, 0, length);
            }
            if (0 == (i & 63))
            {
                pollAll();
            }
            if (20_000 == i)
            {
                // Let the first recovery finish, so that the second gap is seen live rather than inside a snapshot.
                pollUntil(() -> client.expectedSequence() == 20_001 && !client.isRecovering(), "first recovery");
            }
        }
        pollUntil(() -> client.expectedSequence() == 40_001 && !client.isRecovering(), "client caught up");

        assertEquals(List.of("gap 10001 10051", "recovery GAP", "recovered", "gap 25001 25004", "recovery GAP",
            "recovered"), events);
        assertBooksEqual(reference, client);
        assertEquals(2, client.recoveriesCompleted());
        assertEquals(0, client.totalBookErrors());
        assertEquals(0, client.staleBooks());
        full.close();
        lossy.close();
    }
}
