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
package io.tickwire.feed.ingest.mdp3.sim;

import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.book.Order;
import io.tickwire.feed.book.OrderBook;
import io.tickwire.feed.book.PriceLevel;
import io.tickwire.feed.ingest.mdp3.Mdp3LiveSource;
import io.tickwire.feed.ingest.mdp3.Mdp3Normaliser;
import io.tickwire.feed.ingest.mdp3.Mdp3NormaliserCounters;
import io.tickwire.feed.ring.MessageSink;
import io.tickwire.sbe.md.BookResetDecoder;
import io.tickwire.sbe.md.BookType;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import io.tickwire.sbe.md.OrderUpdateAction;
import io.tickwire.sbe.md.OrderUpdateDecoder;
import io.tickwire.sbe.md.Side;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Market by order end to end but the network: the simulated channel's MDP 3.0 packets with their orders (46 order
 * entries, 47), normalised into OrderUpdate messages and applied by the subscriber's {@link BookBuilder} to order books
 * ranked by CME priority. After every message the client's book equals a plain reference (TreeMaps of price and
 * priority, built in this test from the same messages); after every packet its price levels equal the simulator's
 * market-by-price book. A late joiner restated from the order book snapshot loop (53) ends with the same books as a
 * subscriber from the start. Simulating, normalising and applying order updates allocate nothing once the books have
 * their working size.
 */
@Timeout(60)
class Mdp3OrderBooksTest
{
    private static final long VENUE_BASE = 1L << 24;

    @ParameterizedTest
    @ValueSource(longs = { 5, 6 })
    void shouldEqualAPlainReferenceAfterEveryMessageAndTheSimulatorsLevelsAfterEveryPacket(final long seed)
    {
        final Mdp3Simulator simulator = new Mdp3Simulator(seed, 12, true);
        final Subscriber subscriber = new Subscriber(true);
        final UnsafeBuffer packet = new UnsafeBuffer(new byte[Mdp3Simulator.MAX_PACKET]);

        for (int i = 0; i < 30_000; i++)
        {
            final int length = simulator.next(packet, 0);
            subscriber.normalise(i + 1, packet, length);
            for (int index = 0; index < simulator.instrumentCount(); index++)
            {
                assertSameLevels(simulator.instrument(index), subscriber.builder, "seed " + seed + " packet " + i);
            }
        }

        assertEquals(List.of(), subscriber.malformed);
        assertEquals(0, subscriber.builder.totalBookErrors());
        assertEquals(0, subscriber.builder.malformedMessages());
        assertTrue(subscriber.orderUpdates >= 100_000, "order updates: " + subscriber.orderUpdates);
        assertTrue(subscriber.ordersCompared > 5_000_000, "orders compared: " + subscriber.ordersCompared);
        assertEquals(subscriber.orderUpdates, subscriber.counters.orderUpdates());
        assertEquals(BookType.ORDER_BOOK,
            subscriber.builder.instrument(VENUE_BASE + Mdp3Simulator.FIRST_SECURITY_ID).bookType());
    }

    @Test
    void shouldRestateALateJoinerFromTheOrderBookSnapshotLoopToTheSameBooks()
    {
        final Mdp3Simulator simulator = new Mdp3Simulator(11, 8, true);
        final Mdp3SnapshotLoop loop = new Mdp3SnapshotLoop(simulator, true);
        final Subscriber early = new Subscriber(false);
        final UnsafeBuffer packet = new UnsafeBuffer(new byte[Mdp3Simulator.MAX_PACKET]);
        for (int i = 0; i < 3_000; i++)
        {
            early.normalise(i + 1, packet, simulator.next(packet, 0));
        }

        final Subscriber late = new Subscriber(false);
        for (int index = 0; index < simulator.instrumentCount(); index++)
        {
            late.normalise(Mdp3LiveSource.DEFINITIONS | index, packet, simulator.definitionPacket(packet, 0, index));
        }
        int snapshotPackets = 0;
        int comparedAfterRestating = 0;
        for (int i = 3_000; i < 6_000; i++)
        {
            final int length = simulator.next(packet, 0);
            early.normalise(i + 1, packet, length);
            late.normalise(i + 1, packet, length);
            if (i % 5 == 0)
            {
                late.normalise(Mdp3LiveSource.SNAPSHOT | ++snapshotPackets, packet, loop.next(packet, 0));
            }
            if (late.counters.orderBooksRestated() == simulator.instrumentCount())
            {
                for (int index = 0; index < simulator.instrumentCount(); index++)
                {
                    final long instrumentId = VENUE_BASE + simulator.instrument(index).securityId;
                    assertSameOrders(early.builder.book(instrumentId), late.builder.book(instrumentId), "packet " + i);
                    assertSameLevels(simulator.instrument(index), late.builder, "late, packet " + i);
                }
                comparedAfterRestating++;
            }
        }

        assertEquals(List.of(), late.malformed);
        assertEquals(0, late.builder.totalBookErrors());
        assertEquals(simulator.instrumentCount(), late.counters.orderBooksRestated());
        assertTrue(late.counters.orderUpdatesHeld() > 0);
        assertEquals(0, late.counters.orderHoldOverflows());
        assertTrue(comparedAfterRestating > 2_000, "packets compared after restating: " + comparedAfterRestating);
    }

    @Test
    void shouldNotAllocateApplyingOrderUpdatesInSteadyState()
    {
        final Mdp3Simulator simulator = new Mdp3Simulator(21, 12, true);
        final UnsafeBuffer stream = new UnsafeBuffer(new byte[64 * 1024 * 1024]);
        final int[] offsets = new int[1_000_001];
        final int[] count = new int[1];
        final UnsafeBuffer message = new UnsafeBuffer(new byte[Mdp3Normaliser.MAX_ENCODED_LENGTH]);
        final long[] malformed = new long[1];
        final Mdp3Normaliser normaliser = new Mdp3Normaliser(() -> 1L,
            (reason, source, position, detail) -> malformed[0]++, "sim", new Mdp3NormaliserCounters(null, "sim"))
            .marketByOrder(64);
        final MessageSink recorder = new MessageSink()
        {
            public MutableDirectBuffer buffer()
            {
                return message;
            }

            public void write(final int length)
            {
                final int offset = offsets[count[0]];
                stream.putBytes(offset, message, 0, length);
                offsets[++count[0]] = offset + length;
            }
        };
        final UnsafeBuffer packet = new UnsafeBuffer(new byte[Mdp3Simulator.MAX_PACKET]);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        int packets = 0;
        while (count[0] < 200_000)
        {
            normaliser.normalise(++packets, packet, 0, simulator.next(packet, 0), recorder);
        }
        // The simulator and the normaliser's market-by-order path allocate nothing per packet either.
        final long beforeNormalising = threads.getCurrentThreadAllocatedBytes();
        while (count[0] < 400_000)
        {
            normaliser.normalise(++packets, packet, 0, simulator.next(packet, 0), recorder);
        }
        final long normalising = threads.getCurrentThreadAllocatedBytes() - beforeNormalising;
        assertTrue(normalising < 16 * 1024, "bytes allocated simulating and normalising: " + normalising);
        assertEquals(0, malformed[0]);

        final BookBuilder builder = new BookBuilder(null);
        final long[] changed = new long[1];
        final int messages = count[0];
        final int warmUp = messages / 2;
        for (int i = 0; i < warmUp; i++)
        {
            changed[0] += null == builder.apply(stream, offsets[i], offsets[i + 1] - offsets[i]) ? 0 : 1;
        }
        final long start = threads.getCurrentThreadAllocatedBytes();
        final long overhead = threads.getCurrentThreadAllocatedBytes() - start;
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = warmUp; i < messages; i++)
        {
            changed[0] += null == builder.apply(stream, offsets[i], offsets[i + 1] - offsets[i]) ? 0 : 1;
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before - overhead;

        assertEquals(0, builder.totalBookErrors());
        assertTrue(changed[0] > messages / 2, "books changed: " + changed[0]);
        // One allocation per update would be at least 16 bytes each (3.2 MB here); what may remain is JIT noise.
        assertTrue(allocated < 16 * 1024,
            "bytes allocated applying " + (messages - warmUp) + " messages after warm-up: " + allocated);
    }

    private static void assertSameLevels(final Mdp3Instrument instrument, final BookBuilder builder, final String at)
    {
        final OrderBook book = builder.book(VENUE_BASE + instrument.securityId);
        if (null == book)
        {
            assertEquals(0, instrument.bids.count() + instrument.offers.count(), at);
            return;
        }
        for (final Side side : new Side[]{ Side.BUY, Side.SELL })
        {
            final Mdp3BookSide expected = instrument.side(Side.BUY == side);
            final String where = at + " contract " + instrument.securityId + " " + side;
            assertEquals(expected.count(), book.depth(side), where);
            for (int level = 1; level <= expected.count(); level++)
            {
                assertEquals(instrument.mantissa(expected.price(level)), book.price(side, level - 1), where);
                assertEquals(expected.size(level), book.quantity(side, level - 1), where + " level " + level);
                assertEquals(expected.orders(level), book.orderCount(side, level - 1), where + " level " + level);
            }
        }
    }

    private static void assertSameOrders(final OrderBook expected, final OrderBook actual, final String at)
    {
        assertNotNull(actual, at);
        assertEquals(expected.orderCount(), actual.orderCount(), at);
        for (final Side side : new Side[]{ Side.BUY, Side.SELL })
        {
            assertEquals(expected.depth(side), actual.depth(side), at);
            for (int level = 0; level < expected.depth(side); level++)
            {
                Order e = expected.level(side, level).firstOrder();
                Order a = actual.level(side, level).firstOrder();
                while (null != e)
                {
                    assertNotNull(a, at);
                    assertEquals(e.orderId(), a.orderId(), at);
                    assertEquals(e.price(), a.price(), at);
                    assertEquals(e.quantity(), a.quantity(), at);
                    assertEquals(e.priority(), a.priority(), at);
                    e = e.next();
                    a = a.next();
                }
                assertEquals(null, a, at);
            }
        }
    }

    /**
     * A normaliser applying to a {@link BookBuilder} and, when asked, to plain reference books compared with the
     * builder's after every message.
     */
    private static final class Subscriber implements MessageSink
    {
        final List<String> malformed = new ArrayList<>();
        final Mdp3NormaliserCounters counters = new Mdp3NormaliserCounters(null, "sim");
        final Mdp3Normaliser normaliser;
        final BookBuilder builder = new BookBuilder(null);
        final Map<Long, ReferenceOrderBook> references = new HashMap<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final OrderUpdateDecoder update = new OrderUpdateDecoder();
        final BookResetDecoder reset = new BookResetDecoder();
        final UnsafeBuffer message = new UnsafeBuffer(new byte[Mdp3Normaliser.MAX_ENCODED_LENGTH]);
        final boolean compare;
        long orderUpdates;
        long ordersCompared;

        Subscriber(final boolean compare)
        {
            this.compare = compare;
            normaliser = new Mdp3Normaliser(() -> 1L,
                (reason, source, position, detail) -> malformed.add(reason + " " + detail), "sim", counters)
                .marketByOrder(2048);
        }

        void normalise(final long position, final DirectBuffer packet, final int length)
        {
            normaliser.normalise(position, packet, 0, length, this);
        }

        public MutableDirectBuffer buffer()
        {
            return message;
        }

        public void write(final int length)
        {
            builder.apply(message, 0, length);
            header.wrap(message, 0);
            final int body = MessageHeaderDecoder.ENCODED_LENGTH;
            if (OrderUpdateDecoder.TEMPLATE_ID == header.templateId())
            {
                orderUpdates++;
                update.wrap(message, body, header.blockLength(), header.version());
                if (compare)
                {
                    final ReferenceOrderBook reference =
                        references.computeIfAbsent(update.instrumentId(), (id) -> new ReferenceOrderBook());
                    reference.apply(update.action(), update.side(), update.orderId(), update.priority(),
                        update.price(), update.displayQuantity());
                    ordersCompared += reference.compareWith(builder.book(update.instrumentId()),
                        "message " + orderUpdates);
                }
            }
            else if (BookResetDecoder.TEMPLATE_ID == header.templateId() && compare)
            {
                final long instrumentId =
                    reset.wrap(message, body, header.blockLength(), header.version()).instrumentId();
                if (0 == instrumentId)
                {
                    references.clear();
                }
                else
                {
                    references.remove(instrumentId);
                }
            }
        }
    }

    /**
     * An order book as plainly as it can be written: orders by id, and per side a map of price to a map of priority
     * to order.
     */
    private static final class ReferenceOrderBook
    {
        record Entry(long orderId, Side side, long price, long quantity, long priority)
        {
        }

        final Map<Long, Entry> byId = new HashMap<>();
        final TreeMap<Long, TreeMap<Long, Entry>> bids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<Long, TreeMap<Long, Entry>> asks = new TreeMap<>();

        void apply(
            final OrderUpdateAction action, final Side side, final long orderId, final long priority, final long price,
            final long quantity)
        {
            final Entry old = byId.remove(orderId);
            if (null != old)
            {
                final TreeMap<Long, Entry> level = side(old.side()).get(old.price());
                level.remove(old.priority());
                if (level.isEmpty())
                {
                    side(old.side()).remove(old.price());
                }
            }
            assertEquals(OrderUpdateAction.NEW == action, null == old, action + " of order " + orderId);
            if (OrderUpdateAction.DELETE != action)
            {
                final Entry entry = new Entry(orderId, side, price, quantity, priority);
                byId.put(orderId, entry);
                assertEquals(null, side(side).computeIfAbsent(price, (p) -> new TreeMap<>()).put(priority, entry));
            }
        }

        long compareWith(final OrderBook book, final String at)
        {
            assertNotNull(book, at);
            assertEquals(byId.size(), book.orderCount(), at);
            long compared = 0;
            for (final Side side : new Side[]{ Side.BUY, Side.SELL })
            {
                final TreeMap<Long, TreeMap<Long, Entry>> levels = side(side);
                assertEquals(levels.size(), book.depth(side), at);
                int depth = 0;
                for (final Map.Entry<Long, TreeMap<Long, Entry>> level : levels.entrySet())
                {
                    final PriceLevel actual = book.level(side, depth++);
                    assertEquals(level.getKey(), actual.price(), at);
                    assertEquals(level.getValue().size(), actual.orderCount(), at);
                    long quantity = 0;
                    Order order = actual.firstOrder();
                    final Iterator<Entry> expected = level.getValue().values().iterator();
                    while (expected.hasNext())
                    {
                        final Entry e = expected.next();
                        assertEquals(e.orderId(), order.orderId(), at);
                        assertEquals(e.quantity(), order.quantity(), at);
                        assertEquals(e.priority(), order.priority(), at);
                        quantity += e.quantity();
                        order = order.next();
                        compared++;
                    }
                    assertFalse(null != order, at);
                    assertEquals(quantity, actual.quantity(), at);
                }
            }
            return compared;
        }

        private TreeMap<Long, TreeMap<Long, Entry>> side(final Side side)
        {
            return Side.BUY == side ? bids : asks;
        }
    }
}
