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

import io.tickwire.sbe.mdp3.MDUpdateAction;

/**
 * The price-level entries of one MDIncrementalRefreshBook message being built: each New, Change or Delete is
 * applied to its {@link Mdp3BookSide} at once and staged in wire order, so that a consumer applying the entries in
 * order arrives at the simulator's book. Primitive arrays, reused.
 */
final class Mdp3BookUpdates
{
    private final MDUpdateAction[] actions;
    private final boolean[] bids;
    private final int[] levels;
    private final long[] prices;
    private final int[] sizes;
    private final int[] orders;
    private int count;
    private final boolean[] droppedBids = new boolean[4];
    private final long[] droppedPrices = new long[4];
    private int droppedCount;

    Mdp3BookUpdates(final int capacity)
    {
        actions = new MDUpdateAction[capacity];
        bids = new boolean[capacity];
        levels = new int[capacity];
        prices = new long[capacity];
        sizes = new int[capacity];
        orders = new int[capacity];
    }

    void clear()
    {
        count = 0;
        droppedCount = 0;
    }

    /**
     * @return levels pushed past the book's depth by a New of this message (dropped without an entry, as CME does).
     */
    int droppedCount()
    {
        return droppedCount;
    }

    boolean droppedBid(final int i)
    {
        return droppedBids[i];
    }

    long droppedPrice(final int i)
    {
        return droppedPrices[i];
    }

    int count()
    {
        return count;
    }

    void insert(final Mdp3BookSide side, final int level, final long price, final int size, final int orderCount)
    {
        if (side.count() == side.depth() && droppedCount < droppedPrices.length)
        {
            droppedBids[droppedCount] = side.isBid();
            droppedPrices[droppedCount++] = side.price(side.depth());
        }
        side.insert(level, price, size, orderCount);
        stage(MDUpdateAction.New, side, level, price, size, orderCount);
    }

    void change(final Mdp3BookSide side, final int level, final int size, final int orderCount)
    {
        side.change(level, size, orderCount);
        stage(MDUpdateAction.Change, side, level, side.price(level), size, orderCount);
    }

    void delete(final Mdp3BookSide side, final int level)
    {
        // CME's Delete names the level and repeats its price; size and order count are those it had.
        stage(MDUpdateAction.Delete, side, level, side.price(level), side.size(level), side.orders(level));
        side.delete(level);
    }

    MDUpdateAction action(final int i)
    {
        return actions[i];
    }

    boolean bid(final int i)
    {
        return bids[i];
    }

    int level(final int i)
    {
        return levels[i];
    }

    long price(final int i)
    {
        return prices[i];
    }

    int size(final int i)
    {
        return sizes[i];
    }

    int orders(final int i)
    {
        return orders[i];
    }

    private void stage(
        final MDUpdateAction action, final Mdp3BookSide side, final int level, final long price, final int size,
        final int orderCount)
    {
        actions[count] = action;
        bids[count] = side.isBid();
        levels[count] = level;
        prices[count] = price;
        sizes[count] = size;
        orders[count] = orderCount;
        count++;
    }
}
