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
package io.tickwire.feed.book;

import io.tickwire.sbe.md.Side;

import java.util.Arrays;

/**
 * The price levels of one side of a book, kept sorted in a plain array with the best level at the END.
 * <p>
 * Why the end: real order flow adds and removes levels close to the touch, so keeping the best price last makes
 * the common insert or removal move only the few levels better than it, and lookups are a binary search over
 * a contiguous array (no tree nodes to chase, no allocation).
 */
final class BookSide
{
    private static final int INITIAL_CAPACITY = 32;

    private final Side side;
    private final boolean isBid;
    private PriceLevel[] levels = new PriceLevel[INITIAL_CAPACITY];
    private int count;

    BookSide(final Side side)
    {
        this.side = side;
        this.isBid = Side.BUY == side;
    }

    Side side()
    {
        return side;
    }

    int depth()
    {
        return count;
    }

    /**
     * Level by depth, 0 being the best price.
     */
    PriceLevel levelAt(final int depthIndex)
    {
        return levels[count - 1 - depthIndex];
    }

    PriceLevel best()
    {
        return 0 == count ? null : levels[count - 1];
    }

    /**
     * Sort key: ascending towards the best price on both sides.
     */
    private long key(final long price)
    {
        return isBid ? price : -price;
    }

    /**
     * Binary search by price.
     *
     * @return the array index of the level, or {@code -(insertionPoint + 1)} when absent.
     */
    int indexOf(final long price)
    {
        final long key = key(price);
        int low = 0;
        int high = count - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long midKey = key(levels[mid].price);
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

    void insert(final int insertionPoint, final PriceLevel level)
    {
        if (count == levels.length)
        {
            levels = Arrays.copyOf(levels, count << 1);
        }
        System.arraycopy(levels, insertionPoint, levels, insertionPoint + 1, count - insertionPoint);
        levels[insertionPoint] = level;
        count++;
    }

    void remove(final PriceLevel level)
    {
        final int index = indexOf(level.price);
        if (index < 0 || levels[index] != level)
        {
            throw new IllegalStateException("level not in book side: price=" + level.price);
        }
        System.arraycopy(levels, index + 1, levels, index, count - index - 1);
        levels[--count] = null;
    }

    /**
     * Remove every level and hand each to the consumer (to return orders and levels to their pools).
     */
    void drainTo(final OrderBook book)
    {
        for (int i = 0; i < count; i++)
        {
            book.releaseLevel(levels[i]);
            levels[i] = null;
        }
        count = 0;
    }
}
