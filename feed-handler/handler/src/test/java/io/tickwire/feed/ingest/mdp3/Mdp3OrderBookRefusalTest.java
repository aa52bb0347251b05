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
package io.tickwire.feed.ingest.mdp3;

import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.book.InstrumentBook;
import io.tickwire.feed.book.Order;
import io.tickwire.feed.book.OrderBook;
import io.tickwire.feed.ingest.MessageHandler;
import io.tickwire.feed.ingest.arbitration.LineArbiter;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3Simulator;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3SnapshotLoop;
import io.tickwire.feed.ring.MessageSink;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import io.tickwire.sbe.md.OrderUpdateDecoder;
import io.tickwire.sbe.md.Side;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live market-by-order channel whose ring refuses an OrderUpdate, packet by packet through {@link Mdp3ChannelInput}
 * and the live normaliser ({@link Mdp3RefusalWatch} around {@link Mdp3Normaliser}) into the subscriber's books: the
 * order books wait for the MBO snapshot loop (53) and are right again, order by order, once it has restated them.
 */
@Timeout(30)
class Mdp3OrderBookRefusalTest
{
    private static final int INSTRUMENTS = 4;

    private final List<String> malformed = new ArrayList<>();
    private final Mdp3SequenceTracker tracker = new Mdp3SequenceTracker();
    private final Mdp3Recovery recovery = new Mdp3Recovery(tracker, 4096);
    private final Mdp3ChannelInput input = new Mdp3ChannelInput("refusal",
        (reason, source, position, detail) -> malformed.add(reason + " " + detail), recovery, 0, 1024, () -> 1L);
    private final Mdp3NormaliserCounters counters = new Mdp3NormaliserCounters(null, "refusal");
    private final Mdp3RefusalWatch normaliser = new Mdp3RefusalWatch(new Mdp3Normaliser(() -> 1L,
        (reason, source, position, detail) -> malformed.add(reason + " " + detail), "refusal", counters, tracker,
        recovery).marketByOrder(16_384), recovery);
    private final Mdp3Normaliser referenceNormaliser = new Mdp3Normaliser(() -> 1L,
        (reason, source, position, detail) -> malformed.add(reason + " " + detail), "reference",
        new Mdp3NormaliserCounters(null, "reference")).marketByOrder(0);
    private final BookBuilder live = new BookBuilder(null);
    private final BookBuilder expected = new BookBuilder(null);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private long refuseOrderUpdate = -1;
    private long orderUpdates;
    private final MessageSink ring = new MessageSink()
    {
        private final UnsafeBuffer message = new UnsafeBuffer(new byte[Mdp3Normaliser.MAX_ENCODED_LENGTH]);
        private boolean accepted = true;

        public MutableDirectBuffer buffer()
        {
            return message;
        }

        public void write(final int length)
        {
            header.wrap(message, 0);
            accepted = OrderUpdateDecoder.TEMPLATE_ID != header.templateId() || orderUpdates++ != refuseOrderUpdate;
            if (accepted)
            {
                live.apply(message, 0, length);
            }
        }

        public boolean lastWriteAccepted()
        {
            return accepted;
        }
    };
    private final MessageSink referenceSink = new MessageSink()
    {
        private final UnsafeBuffer message = new UnsafeBuffer(new byte[Mdp3Normaliser.MAX_ENCODED_LENGTH]);

        public MutableDirectBuffer buffer()
        {
            return message;
        }

        public void write(final int length)
        {
            expected.apply(message, 0, length);
        }
    };
    private final MessageHandler handler =
        (sequence, buffer, offset, length) -> normaliser.normalise(sequence, buffer, offset, length, ring);
    private final UnsafeBuffer packet = new UnsafeBuffer(new byte[Mdp3Simulator.MAX_PACKET]);
    private final UnsafeBuffer loopPacket = new UnsafeBuffer(new byte[Mdp3Simulator.MAX_PACKET]);

    @Test
    void shouldRestateEveryOrderBookFromTheMboLoopAfterARefusedOrderUpdate()
    {
        final Mdp3Simulator simulator = new Mdp3Simulator(9, INSTRUMENTS, true);
        final Mdp3Simulator reference = new Mdp3Simulator(9, INSTRUMENTS, true);
        final Mdp3SnapshotLoop loop = new Mdp3SnapshotLoop(simulator, true);
        for (int i = 0; i < 1_000; i++)
        {
            next(simulator, reference);
        }
        assertEquals(orderBooks(expected), orderBooks(live));
        assertFalse(recovery.isOrderBookActive());

        refuseOrderUpdate = orderUpdates;
        next(simulator, reference);
        assertTrue(orderUpdates > refuseOrderUpdate, "an OrderUpdate was refused");
        assertTrue(recovery.isOrderBookActive());
        assertEquals(1, recovery.counts().refusedRecoveries());
        assertNotEquals(orderBooks(expected), orderBooks(live), "the refused order update is missing");

        // The MBO loop is read while the order books wait; the feed goes on meanwhile, held for them.
        for (int i = 0; i < 2_000 && recovery.isOrderBookActive(); i++)
        {
            next(simulator, reference);
            input.onOrderBookLoopPacket(0, loopPacket, 0, loop.next(loopPacket, 0), handler);
        }
        assertFalse(recovery.isOrderBookActive());
        assertTrue(counters.orderBooksRestated() >= INSTRUMENTS, "restated " + counters.orderBooksRestated());
        assertTrue(counters.orderUpdatesHeld() > 0);
        assertEquals(orderBooks(expected), orderBooks(live));
        assertEquals(List.of(), malformed);
    }

    private void next(final Mdp3Simulator simulator, final Mdp3Simulator reference)
    {
        final int length = simulator.next(packet, 0);
        input.onIncremental(LineArbiter.LINE_A, packet, 0, length, handler, Integer.MAX_VALUE);
        input.onIncremental(LineArbiter.LINE_B, packet, 0, length, handler, Integer.MAX_VALUE);
        final int referenceLength = reference.next(packet, 0);
        referenceNormaliser.normalise(reference.msgSeqNum(), packet, 0, referenceLength, referenceSink);
    }

    /**
     * Every instrument's order book as text: per side, each level's orders in priority order.
     */
    private Map<Long, String> orderBooks(final BookBuilder builder)
    {
        final Map<Long, String> books = new TreeMap<>();
        for (final InstrumentBook instrument : expected.instruments())
        {
            final OrderBook book = builder.book(instrument.instrumentId());
            if (null == book)
            {
                continue;
            }
            final StringBuilder text = new StringBuilder();
            for (final Side side : new Side[]{ Side.BUY, Side.SELL })
            {
                text.append(side).append(':');
                for (int level = 0; level < book.depth(side); level++)
                {
                    for (Order order = book.level(side, level).firstOrder(); null != order; order = order.next())
                    {
                        text.append(' ').append(order.orderId()).append('/').append(order.quantity()).append('@')
                            .append(order.price()).append('#').append(order.priority());
                    }
                    text.append(" |");
                }
                text.append(' ');
            }
            books.put(instrument.instrumentId(), text.toString());
        }
        return books;
    }
}
