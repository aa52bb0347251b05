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
package io.tickwire.fix.match;

import java.util.Arrays;

/**
 * The price levels of one side of a book, kept sorted with the best level LAST so that the level most often
 * emptied (the best, by matching) is removed without moving the others. Levels are pooled; the arrays grow
 * (the only allocation) when the book gets deeper than it has ever been.
 */
final class BookSide
{
    private final boolean bid;
    private PriceLevel[] levels = new PriceLevel[64];
    private int count;
    private PriceLevel[] pool = new PriceLevel[64];
    private int pooled;

    BookSide(final boolean bid)
    {
        this.bid = bid;
    }

    /**
     * @return the best level or null when the side is empty.
     */
    PriceLevel best()
    {
        return 0 == count ? null : levels[count - 1];
    }

    /**
     * @return the number of price levels.
     */
    int levelCount()
    {
        return count;
    }

    /**
     * Level by rank, 0 being the best.
     *
     * @param rank from the best.
     * @return the level.
     */
    PriceLevel level(final int rank)
    {
        return levels[count - 1 - rank];
    }

    /**
     * Whether a price on this side is at least as aggressive as another, i.e. would trade first.
     *
     * @param price     to compare.
     * @param reference to compare with.
     * @return true when {@code price} is better or equal.
     */
    boolean betterOrEqual(final long price, final long reference)
    {
        return bid ? price >= reference : price <= reference;
    }

    void add(final Order order)
    {
        final int index = search(order.price);
        final PriceLevel level;
        if (index >= 0)
        {
            level = levels[index];
        }
        else
        {
            final int insertAt = -(index + 1);
            level = newLevel(order.price);
            if (count == levels.length)
            {
                levels = Arrays.copyOf(levels, count * 2);
            }
            System.arraycopy(levels, insertAt, levels, insertAt + 1, count - insertAt);
            levels[insertAt] = level;
            count++;
        }
        level.append(order);
    }

    void remove(final Order order)
    {
        final PriceLevel level = order.level;
        level.unlink(order);
        if (level.isEmpty())
        {
            final int index = search(level.price);
            System.arraycopy(levels, index + 1, levels, index, count - index - 1);
            levels[--count] = null;
            release(level);
        }
    }

    /**
     * Reduce an order's open quantity in place, keeping its time priority.
     *
     * @param order     resting on this side.
     * @param newLeaves the new open quantity, greater than zero.
     */
    void reduce(final Order order, final long newLeaves)
    {
        order.level.totalQuantity -= order.leaves - newLeaves;
        order.leaves = newLeaves;
    }

    private int search(final long price)
    {
        // Keys ascend towards the best level: bids by price, asks by negated price.
        final long key = bid ? price : -price;
        int low = 0;
        int high = count - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long midKey = bid ? levels[mid].price : -levels[mid].price;
            if (midKey < key)
            {
                low = mid + 1;
            }
            else if (midKey > key)
            {
                high = mid - 1;
            }
            else
            {
                return mid;
            }
        }
        return -(low + 1);
    }

    private PriceLevel newLevel(final long price)
    {
        final PriceLevel level = 0 == pooled ? new PriceLevel() : pool[--pooled];
        level.price = price;
        level.totalQuantity = 0;
        level.head = null;
        level.tail = null;
        return level;
    }

    private void release(final PriceLevel level)
    {
        if (pooled == pool.length)
        {
            pool = Arrays.copyOf(pool, pooled * 2);
        }
        pool[pooled++] = level;
    }
}
