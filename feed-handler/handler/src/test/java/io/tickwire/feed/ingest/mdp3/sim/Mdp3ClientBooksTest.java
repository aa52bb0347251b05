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
import io.tickwire.feed.book.MarketByPriceBook;
import io.tickwire.feed.book.PriceLevelBook;
import io.tickwire.feed.ingest.mdp3.Mdp3Normaliser;
import io.tickwire.feed.ingest.mdp3.Mdp3NormaliserCounters;
import io.tickwire.feed.ring.MessageSink;
import io.tickwire.sbe.md.BookType;
import io.tickwire.sbe.md.Side;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The whole CME path but the network: the simulated channel's MDP 3.0 packets, normalised by {@link Mdp3Normaliser}
 * into the feed's version 3 messages, applied by the subscriber's {@link BookBuilder}. After every packet each
 * contract's market-by-price book equals the book the simulator keeps by CME's rules: two implementations that share
 * no code agree level by level.
 */
@Timeout(60)
class Mdp3ClientBooksTest
{
    @ParameterizedTest
    @ValueSource(longs = { 1, 2 })
    void shouldBuildTheSimulatorsBooksFromTheNormalisedFeedAfterEveryPacket(final long seed)
    {
        final List<String> malformed = new ArrayList<>();
        final Mdp3Simulator simulator = new Mdp3Simulator(seed, 12);
        final Mdp3Normaliser normaliser = new Mdp3Normaliser(() -> 1L,
            (reason, source, position, detail) -> malformed.add(reason + " " + detail), "sim",
            new Mdp3NormaliserCounters(null, "sim"));
        final BookBuilder builder = new BookBuilder(null);
        final UnsafeBuffer packet = new UnsafeBuffer(new byte[Mdp3Simulator.MAX_PACKET]);
        final MessageSink sink = new MessageSink()
        {
            private final UnsafeBuffer message = new UnsafeBuffer(new byte[Mdp3Normaliser.MAX_ENCODED_LENGTH]);

            public MutableDirectBuffer buffer()
            {
                return message;
            }

            public void write(final int length)
            {
                builder.apply(message, 0, length);
            }
        };

        long levelsCompared = 0;
        for (int i = 0; i < 20_000; i++)
        {
            final int length = simulator.next(packet, 0);
            normaliser.normalise(i + 1, packet, 0, length, sink);
            for (int index = 0; index < simulator.instrumentCount(); index++)
            {
                levelsCompared += assertSameBook(simulator.instrument(index), builder, "seed " + seed + " packet " + i);
            }
        }

        assertEquals(List.of(), malformed);
        assertEquals(0, builder.totalBookErrors());
        assertEquals(0, builder.malformedMessages());
        assertTrue(levelsCompared > 1_000_000, "levels compared: " + levelsCompared);
        assertEquals(BookType.PRICE_LEVEL, builder.instrument((1L << 24) + Mdp3Simulator.FIRST_SECURITY_ID).bookType());
    }

    private static long assertSameBook(final Mdp3Instrument instrument, final BookBuilder builder, final String at)
    {
        final long instrumentId = (1L << 24) + instrument.securityId;
        final PriceLevelBook book = builder.priceLevelBook(instrumentId);
        if (null == book)
        {
            // Not defined yet: the simulator has not built its book either.
            assertEquals(0, instrument.bids.count() + instrument.offers.count(), at);
            return 0;
        }
        assertTrue(book instanceof MarketByPriceBook, at);
        long compared = 0;
        for (final Side side : new Side[]{ Side.BUY, Side.SELL })
        {
            final Mdp3BookSide expected = instrument.side(Side.BUY == side);
            if (expected.count() != book.depth(side))
            {
                fail(at + " contract " + instrument.securityId + " " + side + " levels " + expected.count() + " != " +
                    book.depth(side));
            }
            for (int level = 1; level <= expected.count(); level++)
            {
                final String where = at + " contract " + instrument.securityId + " " + side + " level " + level;
                assertEquals(instrument.mantissa(expected.price(level)), book.price(side, level - 1), where);
                assertEquals(expected.size(level), book.quantity(side, level - 1), where);
                assertEquals(expected.orders(level), book.orderCount(side, level - 1), where);
                compared++;
            }
        }
        return compared;
    }
}
