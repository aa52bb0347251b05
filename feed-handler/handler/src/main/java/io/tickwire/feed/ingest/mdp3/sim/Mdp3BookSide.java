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

/**
 * One side of a simulated instrument's price-level book, as MDP 3.0 market-by-price describes it: levels 1 to
 * depth from the best price outwards, each a price in ticks, a size and an order count. A New at a level shifts the
 * levels behind it one down and the level pushed past the depth falls off without a message (as on CME, whose
 * clients drop levels beyond the book depth); a Delete shifts them one up.
 */
final class Mdp3BookSide
{
    private final boolean bid;
    private final long[] prices;
    private final int[] sizes;
    private final int[] orders;
    private int count;

    Mdp3BookSide(final boolean bid, final int depth)
    {
        this.bid = bid;
        this.prices = new long[depth];
        this.sizes = new int[depth];
        this.orders = new int[depth];
    }

    boolean isBid()
    {
        return bid;
    }

    void clear()
    {
        count = 0;
    }

    int depth()
    {
        return prices.length;
    }

    int count()
    {
        return count;
    }

    /** Price in ticks at a level, 1-based. */
    long price(final int level)
    {
        return prices[level - 1];
    }

    int size(final int level)
    {
        return sizes[level - 1];
    }

    int orders(final int level)
    {
        return orders[level - 1];
    }

    /**
     * Is a price on the better side of another: higher for bids, lower for offers.
     */
    boolean better(final long price, final long than)
    {
        return bid ? price > than : price < than;
    }

    /** One tick further from the best price, {@code ticks} times. */
    long away(final long price, final long ticks)
    {
        return bid ? price - ticks : price + ticks;
    }

    void insert(final int level, final long price, final int size, final int orderCount)
    {
        final int i = level - 1;
        final int moved = Math.min(count, prices.length - 1) - i;
        if (moved > 0)
        {
            System.arraycopy(prices, i, prices, i + 1, moved);
            System.arraycopy(sizes, i, sizes, i + 1, moved);
            System.arraycopy(orders, i, orders, i + 1, moved);
        }
        prices[i] = price;
        sizes[i] = size;
        orders[i] = orderCount;
        count = Math.min(count + 1, prices.length);
    }

    void change(final int level, final int size, final int orderCount)
    {
        sizes[level - 1] = size;
        orders[level - 1] = orderCount;
    }

    void delete(final int level)
    {
        final int i = level - 1;
        final int moved = count - level;
        if (moved > 0)
        {
            System.arraycopy(prices, i + 1, prices, i, moved);
            System.arraycopy(sizes, i + 1, sizes, i, moved);
            System.arraycopy(orders, i + 1, orders, i, moved);
        }
        count--;
    }
}
