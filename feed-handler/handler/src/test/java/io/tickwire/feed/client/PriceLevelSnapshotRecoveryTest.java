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
import io.tickwire.feed.book.BookComparison;
import io.tickwire.feed.book.InstrumentBook;
import io.tickwire.feed.sim.PriceLevelFlowGenerator;
import io.tickwire.feed.snapshot.SnapshotServer;
import io.tickwire.sbe.md.BookType;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A subscriber that joins a market-by-price stream late gets its books from the snapshot server: the venue's
 * definitions and every outright and implied level, then the live updates buffered meanwhile, and ends with books
 * equal to the reference.
 */
@Timeout(60)
class PriceLevelSnapshotRecoveryTest
{
    private static final int STREAM_ID = 1001;
    private static final int REQUEST_STREAM_ID = 1002;
    private static final int RESPONSE_STREAM_ID = 1003;
    private static final int INSTRUMENTS = 8;

    private final String channel = TestMedia.multicastChannel();
    private final String requestChannel = TestMedia.unicastChannel();
    private final String responseChannel = TestMedia.multicastChannel();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
    private final List<String> events = new ArrayList<>();
    private MediaDriver driver;
    private Aeron aeron;
    private SnapshotServer server;
    private FeedClient client;

    @BeforeEach
    void setUp()
    {
        // With spies counting as a connection the publisher publishes before any subscriber joined, as a feed must.
        driver = MediaDriver.launch(TestMedia.driverContext().spiesSimulateConnection(true));
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(client, server, aeron, driver);
    }

    @Test
    void shouldRecoverMarketByPriceBooksOfALateJoinerFromASnapshot()
    {
        server = new SnapshotServer(new SnapshotServer.Context()
            .aeron(aeron)
            .feed("aeron-spy:" + channel, STREAM_ID)
            .request(requestChannel, REQUEST_STREAM_ID)
            .response(responseChannel, RESPONSE_STREAM_ID));
        final TestFeedPublisher publisher = new TestFeedPublisher(aeron, channel, STREAM_ID, this::pollAll);
        pollUntil(() -> publisher.publication().isConnected(), "server connection");

        final PriceLevelFlowGenerator generator = new PriceLevelFlowGenerator(31, INSTRUMENTS, false);
        publish(publisher, generator, 20_000);
        pollUntil(() -> server.lastAppliedSequence() == 20_000, "server caught up");

        client = FeedClient.connect(new FeedClientContext()
            .aeron(aeron)
            .channel(channel)
            .streamId(STREAM_ID)
            .snapshotRequest(requestChannel, REQUEST_STREAM_ID)
            .snapshotResponse(responseChannel, RESPONSE_STREAM_ID)
            .gapListener(new GapListener()
            {
                public void onRecoveryStarted(final RecoveryReason reason, final long requestId)
                {
                    events.add("recovery " + reason);
                }

                public void onRecoveryCompleted(final long requestId, final long snapshotSequence, final long applied)
                {
                    events.add("recovered");
                }
            }));
        pollUntil(() -> client.isConnected(), "client connection");
        publish(publisher, generator, 20_000);
        pollUntil(() -> client.expectedSequence() == 40_001 && !client.isRecovering(), "client caught up");

        assertEquals(List.of("recovery LATE_JOIN", "recovered"), events);
        assertEquals(0, client.totalBookErrors());
        assertEquals(0, client.gaps());
        int levels = 0;
        for (int index = 0; index < INSTRUMENTS; index++)
        {
            final long instrumentId = PriceLevelFlowGenerator.instrumentId(index);
            final InstrumentBook instrument = client.instrument(instrumentId);
            assertEquals(BookType.PRICE_LEVEL, instrument.bookType(), "instrument " + index);
            assertEquals(PriceLevelFlowGenerator.venue(index), instrument.venue());
            assertNull(BookComparison.firstLevelDifference(
                generator.outright(index), client.priceLevelBook(instrumentId)), "outright " + index);
            assertNull(BookComparison.firstLevelDifference(
                generator.implied(index), client.impliedBook(instrumentId)), "implied " + index);
            levels += generator.outright(index).depth(Side.BUY) + generator.implied(index).depth(Side.SELL);
        }
        assertTrue(levels > 0, "books with levels to recover");
        assertEquals(1, server.snapshotsServed());
        publisher.close();
    }

    private void publish(final TestFeedPublisher publisher, final PriceLevelFlowGenerator generator, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            publisher.publish(buffer, 0, generator.next(buffer, 0));
            if (0 == (i & 63))
            {
                pollAll();
            }
        }
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
}
