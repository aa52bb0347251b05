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
import io.tickwire.feed.book.OrderBook;
import io.tickwire.feed.snapshot.SnapshotServer;
import io.tickwire.sbe.md.AddOrderEncoder;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import io.tickwire.sbe.md.PublisherEpochEncoder;
import io.tickwire.sbe.md.Side;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A publisher change: a new session on the same stream that starts with a {@code PublisherEpoch} continues the
 * stream's state (its books are not empty), so the client counts the change and recovers by snapshot; a new session
 * that starts at 1 without one is a publisher that started afresh, as before. Real driver, UDP multicast on
 * loopback, a real {@link SnapshotServer} spying on the publications.
 */
@Timeout(60)
class FeedClientPublisherChangeTest
{
    private static final int STREAM_ID = 1001;
    private static final int REQUEST_STREAM_ID = 1002;
    private static final int RESPONSE_STREAM_ID = 1003;
    private static final long INSTRUMENT = 7;

    private final List<String> events = new ArrayList<>();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final String channel = TestMedia.multicastChannel();
    private final String requestChannel = TestMedia.multicastChannel();
    private final String responseChannel = TestMedia.multicastChannel();
    private MediaDriver driver;
    private Aeron aeron;
    private SnapshotServer server;
    private FeedClient client;

    @BeforeEach
    void setUp()
    {
        driver = MediaDriver.launch(TestMedia.driverContext().spiesSimulateConnection(true));
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        server = new SnapshotServer(new SnapshotServer.Context()
            .aeron(aeron)
            .feed("aeron-spy:" + channel, STREAM_ID)
            .request(requestChannel, REQUEST_STREAM_ID)
            .response(responseChannel, RESPONSE_STREAM_ID));
        client = FeedClient.connect(new FeedClientContext()
            .aeron(aeron)
            .channel(channel)
            .streamId(STREAM_ID)
            .snapshotRequest(requestChannel, REQUEST_STREAM_ID)
            .snapshotResponse(responseChannel, RESPONSE_STREAM_ID)
            .snapshotTimeoutNs(TimeUnit.MILLISECONDS.toNanos(500))
            .gapListener(new GapListener()
            {
                public void onPublisherRestart(final int previousSessionId, final int sessionId, final long first)
                {
                    events.add("restart " + first);
                }

                public void onPublisherChange(final int previousSessionId, final int sessionId, final long epoch)
                {
                    events.add("change epoch " + epoch);
                }

                public void onRecoveryStarted(final RecoveryReason reason, final long requestId)
                {
                    events.add("recovery " + reason);
                }

                public void onRecoveryCompleted(final long requestId, final long snapshotSequence, final long applied)
                {
                    events.add("recovered at " + snapshotSequence);
                }
            }));
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(client, server, aeron, driver);
    }

    @Test
    void shouldRecoverBySnapshotWhenANewPublisherAnnouncesThatTheStreamContinues()
    {
        final TestFeedPublisher first = publishFirstSession();

        // The new publisher's engine has moved on: order 2 is gone (a change the first never published).
        first.close();
        final TestFeedPublisher second = new TestFeedPublisher(aeron, channel, STREAM_ID, this::pollAll);
        pollUntil(() -> second.publication().isConnected(), "second connection");
        announce(second, 5, 2);
        add(second, 1, 100);
        add(second, 3, 102);
        add(second, 4, 103);
        pollUntil(() -> 1 == client.publisherChanges() && !client.isRecovering() && 5 == client.expectedSequence(),
            "recovery after the change");

        assertEquals("restart 1", events.get(0), events::toString);
        assertEquals("change epoch 5", events.get(1), events::toString);
        assertEquals("recovery PUBLISHER_CHANGE", events.get(2), events::toString);
        assertEquals(0, client.staleBooks());
        assertEquals(1, client.publisherRestarts());
        final OrderBook book = client.book(INSTRUMENT);
        assertEquals(3, book.orderCount(), book::toString);
        assertNull(book.order(2), book::toString);
        assertNotNull(book.order(4), book::toString);
        assertEquals(0, client.totalBookErrors());
        second.close();
    }

    @Test
    void shouldTakeASessionStartingAtOneWithoutAnEpochAsAFreshPublisher()
    {
        final TestFeedPublisher first = publishFirstSession();

        first.close();
        final TestFeedPublisher second = new TestFeedPublisher(aeron, channel, STREAM_ID, this::pollAll);
        pollUntil(() -> second.publication().isConnected(), "second connection");
        add(second, 9, 100);
        pollUntil(() -> 2 == client.expectedSequence() && 1 == client.publisherRestarts(), "restarted stream");

        assertEquals(List.of("restart 1"), events);
        assertEquals(0, client.publisherChanges());
        assertEquals(1, client.book(INSTRUMENT).orderCount());
        assertNotNull(client.book(INSTRUMENT).order(9));
        second.close();
    }

    /**
     * Orders 1, 2, 3 from sequence 1, seen by the client from the start.
     */
    private TestFeedPublisher publishFirstSession()
    {
        final TestFeedPublisher first = new TestFeedPublisher(aeron, channel, STREAM_ID, this::pollAll);
        pollUntil(() -> first.publication().isConnected(), "connection");
        add(first, 1, 100);
        add(first, 2, 101);
        add(first, 3, 102);
        pollUntil(() -> 4 == client.expectedSequence() && 3 == server.lastAppliedSequence(), "first session");
        assertEquals(3, client.book(INSTRUMENT).orderCount());
        assertEquals(List.of(), events);
        return first;
    }

    private void announce(final TestFeedPublisher publisher, final long epoch, final int restingOrders)
    {
        final PublisherEpochEncoder encoder = new PublisherEpochEncoder()
            .wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(0)
            .publisherEpoch(epoch)
            .publisherId(1)
            .restingOrders(restingOrders);
        publisher.publish(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    private void add(final TestFeedPublisher publisher, final long orderId, final long price)
    {
        final AddOrderEncoder encoder = new AddOrderEncoder()
            .wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(INSTRUMENT)
            .orderId(orderId)
            .side(Side.BUY)
            .quantity(10)
            .price(price)
            .attribution("TEST");
        publisher.publish(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    private void pollAll()
    {
        server.doWork();
        client.poll();
    }

    private void pollUntil(final BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
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
}
