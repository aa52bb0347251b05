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
import io.tickwire.agent.ThreadingProfile;
import io.tickwire.feed.FeedHandler;
import io.tickwire.feed.FeedHandlerContext;
import io.tickwire.feed.FeedSource;
import io.tickwire.feed.book.BookStateListener;
import io.tickwire.feed.book.InstrumentBook;
import io.tickwire.feed.ingest.itch.sim.SimulatorSource;
import io.tickwire.feed.sim.MarketDataFlowGenerator;
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

/**
 * A subscriber must not show its books as fresh when the publisher has gone: silence longer than the client's
 * silence timeout (a few publisher heartbeat intervals) marks every book stale, and hearing the stream again makes
 * them fresh, unless what is heard shows messages were missed. Real publishers and a real client over UDP multicast
 * on loopback, through an external media driver that outlives the publisher.
 */
@Timeout(60)
class FeedClientSilenceTest
{
    private static final int STREAM_ID = 1001;
    private static final long HEARTBEAT_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long SILENCE_TIMEOUT_NS = TimeUnit.MILLISECONDS.toNanos(500);

    private final List<String> events = new ArrayList<>();
    private final List<String> states = new ArrayList<>();
    private final String channel = TestMedia.multicastChannel();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
    private MediaDriver driver;
    private Aeron aeron;
    private FeedHandler feed;
    private FeedClient client;

    @BeforeEach
    void setUp()
    {
        driver = TestMedia.launchDriver();
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        client = FeedClient.connect(new FeedClientContext()
            .aeron(aeron)
            .channel(channel)
            .streamId(STREAM_ID)
            .snapshotRequest(null, 1002)
            .snapshotResponse(TestMedia.multicastChannel(), 1003)
            .silenceTimeoutNs(SILENCE_TIMEOUT_NS)
            .gapListener(new GapListener()
            {
                public void onGap(final long expectedSequence, final long receivedSequence)
                {
                    events.add("gap " + expectedSequence + " " + receivedSequence);
                }

                public void onPublisherRestart(final int previousSessionId, final int sessionId, final long first)
                {
                    events.add("restart " + first);
                }

                public void onSilence(final long silentForNs)
                {
                    assertTrue(silentForNs > SILENCE_TIMEOUT_NS, "silent for " + silentForNs);
                    events.add("silence");
                }

                public void onSilenceEnded(final long silentForNs)
                {
                    events.add("silence ended");
                }
            })
            .bookStateListener(new BookStateListener()
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
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(client, feed, aeron, driver);
    }

    @Test
    void shouldMarkBooksStaleWhenThePublisherDiesAndFreshWhenANewOneStarts()
    {
        feed = startFeedHandler(1, 2_000);
        // Idle after the input, the publisher heartbeats: many heartbeat intervals, more than a silence timeout's
        // worth, pass without the books going stale.
        pollUntil(() -> feed.isComplete() && client.expectedSequence() == feed.snapshot().published() + 1 &&
            client.heartbeats() >= 2 * SILENCE_TIMEOUT_NS / HEARTBEAT_INTERVAL_NS, "input and heartbeats");
        final List<Long> books = subscribedInstruments();
        assertTrue(books.size() > 1, "books " + books);
        assertEquals(0, client.silences());
        assertEquals(0, client.staleBooks());
        assertEquals(List.of(), states);

        feed.close();
        feed = null;
        pollUntil(client::isSilent, "silence after the publisher stopped");

        assertEquals(List.of("silence"), events);
        assertEquals(books.stream().map((id) -> "stale " + id).toList(), states);
        assertEquals(books.size(), client.staleBooks());
        assertEquals(1, client.silences());
        books.forEach((id) -> assertTrue(client.instrument(id).isStale(), "stale " + id));

        states.clear();
        feed = startFeedHandler(2, 500);
        pollUntil(() -> !client.isSilent() && 0 == client.staleBooks(), "fresh books from the new publisher");

        assertEquals(List.of("silence", "restart 1", "silence ended"), events);
        assertEquals(books.stream().map((id) -> "fresh " + id).toList(), states);
        assertEquals(1, client.publisherRestarts());
    }

    @Test
    void shouldMakeBooksFreshWhenTheStreamResumesAfterASilenceUnlessItShowsAGap()
    {
        final TestFeedPublisher publisher = new TestFeedPublisher(aeron, channel, STREAM_ID, client::poll);
        pollUntil(() -> publisher.publication().isConnected(), "connection");
        final MarketDataFlowGenerator generator = new MarketDataFlowGenerator(11, 3, 100);
        publish(publisher, generator, 100);
        pollUntil(() -> client.expectedSequence() == 101, "100 messages");
        final List<Long> books = subscribedInstruments();
        assertTrue(books.size() > 1, "books " + books);

        // This publisher sends no heartbeats: stopping is silence.
        pollUntil(client::isSilent, "first silence");
        assertEquals(books.size(), client.staleBooks());
        assertEquals(books.stream().map((id) -> "stale " + id).toList(), states);

        states.clear();
        publish(publisher, generator, 1);
        pollUntil(() -> !client.isSilent(), "stream resumed");
        assertEquals(0, client.staleBooks());
        assertEquals(books.stream().map((id) -> "fresh " + id).toList(), states);
        assertEquals(List.of("silence", "silence ended"), events);

        pollUntil(client::isSilent, "second silence");
        states.clear();
        publisher.nextSequence(publisher.nextSequence() + 5);
        publish(publisher, generator, 1);
        pollUntil(() -> !client.isSilent(), "stream resumed with a gap");

        // Without snapshot recovery a gap leaves the books stale for good: the end of the silence does not hide it.
        assertEquals(List.of("silence", "silence ended", "silence", "gap 102 107", "silence ended"), events);
        assertEquals(List.of(), states);
        assertEquals(books.size(), client.staleBooks());
        assertFalse(books.stream().anyMatch((id) -> !client.instrument(id).isStale()));
        assertEquals(2, client.silences());
        publisher.close();
    }

    private FeedHandler startFeedHandler(final long seed, final long messages)
    {
        return new FeedHandler(new FeedHandlerContext()
            .addSource(FeedSource.replay("simulator", (listener) -> new SimulatorSource(seed, 5, messages)))
            .aeronDirectoryName(driver.aeronDirectoryName())
            .channel(channel)
            .streamId(STREAM_ID)
            .threadingProfile(ThreadingProfile.COMPACT)
            .heartbeatIntervalNs(HEARTBEAT_INTERVAL_NS)
            .snapshots(false)
            .errorStream(null)).start();
    }

    private void publish(final TestFeedPublisher publisher, final MarketDataFlowGenerator generator, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            publisher.publish(buffer, 0, generator.next(buffer, 0));
        }
    }

    private List<Long> subscribedInstruments()
    {
        final List<Long> ids = new ArrayList<>();
        for (final InstrumentBook instrument : client.instruments())
        {
            if (instrument.isSubscribed())
            {
                ids.add(instrument.instrumentId());
            }
        }
        return ids;
    }

    private void pollUntil(final BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                fail("timed out waiting for " + what + "; events " + events + ", states " + states);
            }
            client.poll();
            Thread.yield();
        }
    }
}
