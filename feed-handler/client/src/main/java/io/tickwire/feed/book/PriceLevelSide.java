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

import java.util.Arrays;
import java.util.Objects;

/**
 * One side of a market-by-price book: at most {@code maxDepth} price levels held by position, level 1 (index 0) the
 * best, in parallel arrays sized once when the instrument is defined. The venue numbers its levels and this side keeps
 * them exactly where the venue says (MDP 3.0 book management): a new level shifts the levels behind it down and drops
 * the one pushed past the depth, a delete shifts them up, delete-from removes the top N, delete-thru empties the side.
 * <p>
 * A level named beyond what the side holds is rejected (the book would get a hole). A price that does not fit
 * between its neighbours, or a change naming another price than the level's, is applied as the venue sent it (the
 * following updates address levels by position, so refusing it would misplace every one of them) and reported.
 * Nothing here allocates.
 */
final class PriceLevelSide
{
    private final boolean bids;
    private long[] prices;
    private long[] quantities;
    private int[] orderCounts;
    private int count;

    /**
     * An empty side.
     *
     * @param bids     true for the bid side (prices descending), false for the offer side (ascending).
     * @param maxDepth number of levels the venue maintains.
     */
    PriceLevelSide(final boolean bids, final int maxDepth)
    {
        this.bids = bids;
        prices = new long[maxDepth];
        quantities = new long[maxDepth];
        orderCounts = new int[maxDepth];
    }

    /**
     * Levels the side can hold.
     *
     * @return the venue's depth for this side.
     */
    int maxDepth()
    {
        return prices.length;
    }

    /**
     * Levels the side holds now.
     *
     * @return the count, at most {@link #maxDepth()}.
     */
    int count()
    {
        return count;
    }

    long price(final int index)
    {
        return prices[Objects.checkIndex(index, count)];
    }

    long quantity(final int index)
    {
        return quantities[Objects.checkIndex(index, count)];
    }

    int orderCount(final int index)
    {
        return orderCounts[Objects.checkIndex(index, count)];
    }

    /**
     * New level at a position: the level there and those behind it move one down; one pushed past the depth is
     * dropped.
     *
     * @param level      1 for the best, up to one past the levels held and at most the depth.
     * @param price      of the level.
     * @param quantity   at the level.
     * @param orderCount at the level.
     * @return {@link BookResult#APPLIED}, {@link BookResult#LEVEL_OUT_OF_ORDER} (applied) or
     * {@link BookResult#LEVEL_OUT_OF_RANGE} (ignored).
     */
    BookResult insert(final int level, final long price, final long quantity, final int orderCount)
    {
        if (level < 1 || level > prices.length || level > count + 1)
        {
            return BookResult.LEVEL_OUT_OF_RANGE;
        }

        final int index = level - 1;
        // The level now at index will sit behind the new one.
        final boolean inOrder = (0 == index || isBetter(prices[index - 1], price)) &&
            (index == count || isBetter(price, prices[index]));
        final int last = Math.min(count, prices.length - 1);
        final int moved = last - index;
        System.arraycopy(prices, index, prices, index + 1, moved);
        System.arraycopy(quantities, index, quantities, index + 1, moved);
        System.arraycopy(orderCounts, index, orderCounts, index + 1, moved);
        set(index, price, quantity, orderCount);
        count = Math.min(count + 1, prices.length);
        return inOrder ? BookResult.APPLIED : BookResult.LEVEL_OUT_OF_ORDER;
    }

    /**
     * New quantity and order count of a level, in place.
     *
     * @param level      1 for the best, up to the levels held.
     * @param price      the venue gives for the level, which should be the level's own.
     * @param quantity   at the level.
     * @param orderCount at the level.
     * @return {@link BookResult#APPLIED}, {@link BookResult#LEVEL_PRICE_MISMATCH} (applied with the new price) or
     * {@link BookResult#LEVEL_OUT_OF_RANGE} (ignored).
     */
    BookResult change(final int level, final long price, final long quantity, final int orderCount)
    {
        if (level < 1 || level > count)
        {
            return BookResult.LEVEL_OUT_OF_RANGE;
        }

        final int index = level - 1;
        final boolean samePrice = prices[index] == price;
        set(index, price, quantity, orderCount);
        return samePrice ? BookResult.APPLIED : BookResult.LEVEL_PRICE_MISMATCH;
    }

    /**
     * Replace a level, price included, in place (no level moves).
     *
     * @param level      1 for the best, up to the levels held.
     * @param price      of the level.
     * @param quantity   at the level.
     * @param orderCount at the level.
     * @return {@link BookResult#APPLIED}, {@link BookResult#LEVEL_OUT_OF_ORDER} (applied) or
     * {@link BookResult#LEVEL_OUT_OF_RANGE} (ignored).
     */
    BookResult overlay(final int level, final long price, final long quantity, final int orderCount)
    {
        if (level < 1 || level > count)
        {
            return BookResult.LEVEL_OUT_OF_RANGE;
        }

        final int index = level - 1;
        final boolean inOrder = (0 == index || isBetter(prices[index - 1], price)) &&
            (index == count - 1 || isBetter(price, prices[index + 1]));
        set(index, price, quantity, orderCount);
        return inOrder ? BookResult.APPLIED : BookResult.LEVEL_OUT_OF_ORDER;
    }

    /**
     * Remove a level; those behind it move one up.
     *
     * @param level 1 for the best, up to the levels held.
     * @return {@link BookResult#APPLIED} or {@link BookResult#LEVEL_OUT_OF_RANGE} (ignored).
     */
    BookResult delete(final int level)
    {
        if (level < 1 || level > count)
        {
            return BookResult.LEVEL_OUT_OF_RANGE;
        }

        removeFromTop(level - 1, 1);
        return BookResult.APPLIED;
    }

    /**
     * Remove the levels from the best through a level; those behind move up to the top.
     *
     * @param level the last level removed, at most the depth; past the levels held it removes them all.
     * @return {@link BookResult#APPLIED} or {@link BookResult#LEVEL_OUT_OF_RANGE} (ignored).
     */
    BookResult deleteFrom(final int level)
    {
        if (level < 1 || level > prices.length)
        {
            return BookResult.LEVEL_OUT_OF_RANGE;
        }

        removeFromTop(0, Math.min(level, count));
        return BookResult.APPLIED;
    }

    /**
     * Remove every level.
     */
    void clear()
    {
        count = 0;
    }

    /**
     * Take a new depth (a definition changed it), keeping the best levels that still fit.
     *
     * @param maxDepth the new depth.
     */
    void maxDepth(final int maxDepth)
    {
        if (maxDepth != prices.length)
        {
            prices = Arrays.copyOf(prices, maxDepth);
            quantities = Arrays.copyOf(quantities, maxDepth);
            orderCounts = Arrays.copyOf(orderCounts, maxDepth);
            count = Math.min(count, maxDepth);
        }
    }

    private void removeFromTop(final int index, final int removed)
    {
        final int moved = count - index - removed;
        System.arraycopy(prices, index + removed, prices, index, moved);
        System.arraycopy(quantities, index + removed, quantities, index, moved);
        System.arraycopy(orderCounts, index + removed, orderCounts, index, moved);
        count -= removed;
    }

    private void set(final int index, final long price, final long quantity, final int orderCount)
    {
        prices[index] = price;
        quantities[index] = quantity;
        orderCounts[index] = orderCount;
    }

    private boolean isBetter(final long price, final long than)
    {
        return bids ? price > than : price < than;
    }
}
