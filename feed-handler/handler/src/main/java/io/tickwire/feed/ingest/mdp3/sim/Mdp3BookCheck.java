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

import io.tickwire.feed.book.PriceLevelBook;
import io.tickwire.sbe.md.Side;

import java.util.function.LongFunction;

/**
 * Compares a subscriber's price-level books with the books the simulated venue keeps by CME's rules: what a demo or a
 * benchmark checks at the end of a run, with no code shared between the two sides.
 */
public final class Mdp3BookCheck
{
    private Mdp3BookCheck()
    {
    }

    /**
     * The feed's instrument id of a simulated contract (CME's range of the feed: 2^24 + SecurityID).
     *
     * @param simulator the venue.
     * @param index     of the contract, 0 to {@link Mdp3Simulator#instrumentCount()} - 1.
     * @return its feed instrument id.
     */
    public static long instrumentId(final Mdp3Simulator simulator, final int index)
    {
        return (1L << 24) + simulator.instrument(index).securityId;
    }

    /**
     * @param simulator the venue, after the packets the subscriber received.
     * @param books     the subscriber's price-level book by feed instrument id (null when it has none).
     * @return the first difference, described, or null when every contract's book is the same level by level.
     */
    public static String firstDifference(final Mdp3Simulator simulator, final LongFunction<PriceLevelBook> books)
    {
        for (int index = 0; index < simulator.instrumentCount(); index++)
        {
            final Mdp3Instrument instrument = simulator.instrument(index);
            final PriceLevelBook book = books.apply(instrumentId(simulator, index));
            for (final Side side : new Side[]{ Side.BUY, Side.SELL })
            {
                final Mdp3BookSide expected = instrument.side(Side.BUY == side);
                final int depth = null == book ? 0 : book.depth(side);
                if (expected.count() != depth)
                {
                    return instrument.symbol + " " + side + ": " + depth + " levels, the venue has " +
                        expected.count();
                }
                for (int level = 1; level <= expected.count(); level++)
                {
                    final long price = instrument.mantissa(expected.price(level));
                    if (price != book.price(side, level - 1) ||
                        expected.size(level) != book.quantity(side, level - 1) ||
                        expected.orders(level) != book.orderCount(side, level - 1))
                    {
                        return instrument.symbol + " " + side + " level " + level + ": " +
                            book.quantity(side, level - 1) + " @ " + book.price(side, level - 1) + " (" +
                            book.orderCount(side, level - 1) + " orders), the venue has " + expected.size(level) +
                            " @ " + price + " (" + expected.orders(level) + " orders)";
                    }
                }
            }
        }
        return null;
    }
}
