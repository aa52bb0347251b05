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

import com.sun.management.ThreadMXBean;
import io.aeron.logbuffer.Header;
import io.aeron.protocol.DataHeaderFlyweight;
import io.tickwire.feed.book.BboListener;
import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.book.BookListener;
import io.tickwire.feed.book.BookNotifier;
import io.tickwire.feed.book.BookStateListener;
import io.tickwire.feed.book.CrossState;
import io.tickwire.feed.book.PriceLevelBook;
import io.tickwire.feed.sim.MarketDataFlowGenerator;
import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.HeartbeatEncoder;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import io.tickwire.sbe.md.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sequence rules and the book notifications without Aeron: fragments go to the {@link SequenceTracker}
 * directly, with a frame header that only carries the publisher's session id, and the clock is the test's.
 * Recovery is not configured, so every break in the sequence leaves the books stale.
 */
@Timeout(60)
class SequenceTrackerTest
{
    private static final int SESSION = 7;
    private static final int INSTRUMENTS = 2;
    private static final long SILENCE_TIMEOUT_NS = 100;

    private final List<String> events = new ArrayList<>();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[DataHeaderFlyweight.HEADER_LENGTH]);
    private final Header header = new Header(0, 16);
    private final MarketDataFlowGenerator generator = new MarketDataFlowGenerator(5, INSTRUMENTS, 20);
    private long nowNs;
    private BookBuilder builder;
    private BookNotifier notifier;
    private SequenceTracker tracker;

    private final GapListener gapListener = new GapListener()
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
            events.add("restart " + previousSessionId + " " + sessionId + " " + firstSequence);
        }

        public void onSilence(final long silentForNs)
        {
            events.add("silence");
        }

        public void onSilenceEnded(final long silentForNs)
        {
            events.add("silence ended");
        }
    };

    private final BookStateListener bookStateListener = new BookStateListener()
    {
        public void onStale(final long instrumentId, final String symbol)
        {
            events.add("stale " + instrumentId + " " + symbol);
        }

        public void onFresh(final long instrumentId, final String symbol)
        {
            events.add("fresh " + instrumentId + " " + symbol);
        }
    };

    private void wire(
        final boolean conflate,
        final BookListener bookListener,
        final BboListener bboListener,
        final BookStateListener stateListener)
    {
        final FeedClientContext ctx = new FeedClientContext()
            .snapshotRequest(null, 0)
            .silenceTimeoutNs(SILENCE_TIMEOUT_NS)
            .nanoClock(() -> nowNs)
            .conclude();
        builder = new BookBuilder(null);
        notifier = new BookNotifier(builder, conflate, bookListener, bboListener, stateListener);
        final SnapshotRecovery recovery = new SnapshotRecovery(ctx, null, null, builder, notifier, gapListener);
        tracker = new SequenceTracker(ctx, builder, notifier, recovery, gapListener);
        recovery.sequenceTracker(tracker);
        header.buffer(frame);
        header.offset(0);
        session(SESSION);
    }

    private void wire()
    {
        wire(false, null, null, bookStateListener);
    }

    private void session(final int sessionId)
    {
        frame.putInt(DataHeaderFlyweight.SESSION_ID_FIELD_OFFSET, sessionId, ByteOrder.LITTLE_ENDIAN);
    }

    private void deliver(final long sequence)
    {
        final int length = generator.next(buffer, 0);
        buffer.putLong(MarketDataHeader.SEQUENCE_OFFSET, sequence, ByteOrder.LITTLE_ENDIAN);
        tracker.onFragment(buffer, 0, length, header);
    }

    private void deliverInOrder(final long fromSequence, final long toSequence)
    {
        for (long sequence = fromSequence; sequence <= toSequence; sequence++)
        {
            deliver(sequence);
        }
    }

    @Test
    void shouldApplyInSequenceReportGapsAndDropDuplicates()
    {
        wire();
        deliverInOrder(1, 10);
        assertEquals(11, tracker.expectedSequence());
        assertEquals(10, tracker.messagesApplied());
        assertEquals(List.of(), events);

        deliver(13);
        assertEquals(List.of("gap 11 13", "stale 1 SYM1", "stale 2 SYM2"), events);
        assertEquals(14, tracker.expectedSequence());
        assertEquals(11, tracker.messagesApplied());
        assertEquals(INSTRUMENTS, notifier.staleBooks());

        events.clear();
        deliver(5);
        assertEquals(List.of("duplicate 5 14"), events);
        assertEquals(11, tracker.messagesApplied());
        assertEquals(1, tracker.gaps());
        assertEquals(1, tracker.duplicates());
        assertEquals(12, tracker.messagesReceived());
    }

    @Test
    void shouldDetectALostTailFromAHeartbeat()
    {
        wire();
        deliverInOrder(1, 10);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + HeartbeatEncoder.BLOCK_LENGTH;
        new HeartbeatEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .sequence(12).sourceTimestamp(0).ingestTimestamp(0).publishTimestamp(0).instrumentId(0);
        tracker.onFragment(buffer, 0, length, header);

        assertEquals(List.of("gap 11 13", "stale 1 SYM1", "stale 2 SYM2"), events);
        assertEquals(13, tracker.expectedSequence());
        assertEquals(1, tracker.heartbeats());
        assertEquals(10, tracker.messagesApplied());
    }

    @Test
    void shouldKeepDeliveringConflatedUpdatesAfterAPublisherRestart()
    {
        final Set<String> updated = new TreeSet<>();
        wire(true, (instrumentId, symbol, book) -> updated.add(symbol), null, bookStateListener);
        deliverInOrder(1, 50);
        // Not flushed: the updates are pending when the publisher restarts, and are dropped with its books.
        session(SESSION + 1);
        deliverInOrder(1, 50);
        notifier.flush();

        assertEquals(Set.of("SYM1", "SYM2"), updated, "the new session's changes reach the listener");
    }

    @Test
    void shouldStartAfreshOnANewSessionAndDropTheRetiredOne()
    {
        wire();
        deliverInOrder(1, 10);
        deliver(12);
        events.clear();

        session(SESSION + 1);
        deliver(1);
        assertEquals(List.of("restart 7 8 1", "fresh 1 SYM1", "fresh 2 SYM2"), events);
        assertEquals(2, tracker.expectedSequence());
        assertEquals(0, notifier.staleBooks());
        assertEquals(1, tracker.publisherRestarts());

        session(SESSION);
        deliver(13);
        assertEquals(1, tracker.staleSessionMessages());
        assertEquals(2, tracker.expectedSequence());
    }

    @Test
    void shouldMakeBooksStaleOnSilenceAndFreshWhenTheStreamResumesInSequence()
    {
        wire();
        deliverInOrder(1, 10);
        tracker.checkSilence(10);

        nowNs += SILENCE_TIMEOUT_NS;
        tracker.checkSilence(0);
        assertFalse(tracker.isSilent());

        nowNs++;
        tracker.checkSilence(0);
        assertTrue(tracker.isSilent());
        assertEquals(List.of("silence", "stale 1 SYM1", "stale 2 SYM2"), events);

        events.clear();
        deliver(11);
        tracker.checkSilence(1);
        assertFalse(tracker.isSilent());
        assertEquals(List.of("silence ended", "fresh 1 SYM1", "fresh 2 SYM2"), events);
        assertEquals(1, tracker.silences());
        assertEquals(0, notifier.staleBooks());
    }

    @Test
    void shouldGiveTheInstrumentsOwnSymbolToEveryBookCallback()
    {
        final List<String> calls = new ArrayList<>();
        wire(
            false,
            (instrumentId, symbol, book) ->
            {
                assertSame(builder.instrument(instrumentId).symbol(), symbol);
                calls.add("book " + instrumentId + " " + symbol);
            },
            (instrumentId, symbol, bidPrice, bidQuantity, askPrice, askQuantity) ->
            {
                assertSame(builder.instrument(instrumentId).symbol(), symbol);
                calls.add("bbo " + instrumentId + " " + symbol + " " + bidQuantity + "@" + bidPrice + " " +
                    askQuantity + "@" + askPrice);
            },
            new BookStateListener()
            {
                public void onCrossState(
                    final long instrumentId,
                    final String symbol,
                    final CrossState crossState,
                    final long bidPrice,
                    final long askPrice)
                {
                    assertSame(builder.instrument(instrumentId).symbol(), symbol);
                    calls.add("cross " + instrumentId + " " + symbol + " " + crossState + " " + bidPrice + "/" +
                        askPrice);
                }
            });
        deliverInOrder(1, 2 * INSTRUMENTS);
        calls.clear();

        builder.applySnapshotOrder(2, 1_001, Side.BUY, 1_000_000, 300);
        notifier.onBookChanged(builder.instrument(2));
        builder.applySnapshotOrder(2, 1_002, Side.SELL, 990_000, 200);
        notifier.onBookChanged(builder.instrument(2));

        assertEquals(List.of(
            "book 2 SYM2",
            "bbo 2 SYM2 300@1000000 0@" + PriceLevelBook.NULL_PRICE,
            "cross 2 SYM2 CROSSED 1000000/990000",
            "book 2 SYM2",
            "bbo 2 SYM2 300@1000000 200@990000"), calls);
    }

    @ParameterizedTest
    @ValueSource(booleans = { false, true })
    void shouldNotAllocateInSteadyState(final boolean conflate)
    {
        final long[] sink = new long[1];
        // Kept, so that escape analysis cannot hide a symbol made per call.
        final String[] lastSymbol = new String[1];
        wire(
            conflate,
            (instrumentId, symbol, book) ->
            {
                lastSymbol[0] = symbol;
                sink[0] += book.depth(Side.BUY);
            },
            (instrumentId, symbol, bidPrice, bidQuantity, askPrice, askQuantity) ->
            {
                lastSymbol[0] = symbol;
                sink[0] += bidQuantity;
            },
            bookStateListener);

        final int messages = 400_000;
        final MarketDataFlowGenerator flow = new MarketDataFlowGenerator(99, 16, 200);
        final UnsafeBuffer messageBuffer = new UnsafeBuffer(new byte[messages * 96]);
        final int[] offsets = new int[messages + 1];
        for (int i = 0; i < messages; i++)
        {
            offsets[i + 1] = offsets[i] + flow.next(messageBuffer, offsets[i]);
            messageBuffer.putLong(offsets[i] + MarketDataHeader.SEQUENCE_OFFSET, i + 1, ByteOrder.LITTLE_ENDIAN);
        }

        final int warmUp = messages / 2;
        handle(messageBuffer, offsets, 0, warmUp);

        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long start = threads.getCurrentThreadAllocatedBytes();
        final long overhead = threads.getCurrentThreadAllocatedBytes() - start;
        final long before = threads.getCurrentThreadAllocatedBytes();
        handle(messageBuffer, offsets, warmUp, messages);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before - overhead;

        assertEquals(messages + 1, tracker.expectedSequence());
        assertEquals(0, builder.totalBookErrors());
        assertTrue(sink[0] > 0);
        assertTrue(lastSymbol[0].startsWith("SYM"));
        // As for the books alone (BookBuilderTest): any allocation per message would cost at least 16 bytes a
        // message; what remains is the books' free lists reaching a new high-water mark.
        final long measured = messages - warmUp;
        assertTrue(allocated < measured / 10,
            "bytes allocated handling " + measured + " messages after warm-up: " + allocated);
    }

    private void handle(final UnsafeBuffer messages, final int[] offsets, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            tracker.onFragment(messages, offsets[i], offsets[i + 1] - offsets[i], header);
            if (0 == (i & 63))
            {
                tracker.checkSilence(64);
                notifier.flush();
            }
        }
    }
}
