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

import java.util.ArrayList;
import java.util.List;

/**
 * The plainest market-by-price book there is, to check {@link MarketByPriceBook} against: a list of levels per side,
 * best first, changed exactly as MDP 3.0 book management describes each action. No validation: it is only given
 * valid updates.
 */
public final class ReferencePriceLevelBook implements PriceLevelBook
{
    private final long instrumentId;
    private int depth;
    private final List<long[]> bids = new ArrayList<>();
    private final List<long[]> asks = new ArrayList<>();

    /**
     * An empty book.
     *
     * @param instrumentId of the book.
     * @param depth        levels per side.
     */
    public ReferencePriceLevelBook(final long instrumentId, final int depth)
    {
        this.instrumentId = instrumentId;
        this.depth = depth;
    }

    /**
     * Levels per side the book keeps.
     *
     * @return the depth.
     */
    public int maxDepth()
    {
        return depth;
    }

    /**
     * A changed definition gave another depth: the best levels that fit stay.
     *
     * @param depth levels per side from now on.
     */
    public void maxDepth(final int depth)
    {
        this.depth = depth;
        while (bids.size() > depth)
        {
            bids.remove(bids.size() - 1);
        }
        while (asks.size() > depth)
        {
            asks.remove(asks.size() - 1);
        }
    }

    /**
     * New: insert at the level, the levels behind move down, one pushed past the depth goes.
     *
     * @param side       of the book.
     * @param level      1 the best.
     * @param price      of the level.
     * @param quantity   at the level.
     * @param orderCount at the level.
     */
    public void newLevel(final Side side, final int level, final long price, final long quantity, final int orderCount)
    {
        final List<long[]> levels = levels(side);
        levels.add(level - 1, new long[]{ price, quantity, orderCount });
        if (levels.size() > depth)
        {
            levels.remove(levels.size() - 1);
        }
    }

    /**
     * Change or overlay: the level takes the values given, nothing moves.
     *
     * @param side       of the book.
     * @param level      1 the best.
     * @param price      of the level.
     * @param quantity   at the level.
     * @param orderCount at the level.
     */
    public void replace(final Side side, final int level, final long price, final long quantity, final int orderCount)
    {
        levels(side).set(level - 1, new long[]{ price, quantity, orderCount });
    }

    /**
     * Delete: the level goes, the levels behind move up.
     *
     * @param side  of the book.
     * @param level 1 the best.
     */
    public void delete(final Side side, final int level)
    {
        levels(side).remove(level - 1);
    }

    /**
     * Delete from: the levels from the best through this one go.
     *
     * @param side  of the book.
     * @param level the last level to go.
     */
    public void deleteFrom(final Side side, final int level)
    {
        final List<long[]> levels = levels(side);
        for (int i = 0; i < level && !levels.isEmpty(); i++)
        {
            levels.remove(0);
        }
    }

    /**
     * Delete thru: every level of the side goes.
     *
     * @param side of the book.
     */
    public void deleteThru(final Side side)
    {
        levels(side).clear();
    }

    /**
     * Both sides empty.
     */
    public void clear()
    {
        bids.clear();
        asks.clear();
    }

    /**
     * {@inheritDoc}
     */
    public long instrumentId()
    {
        return instrumentId;
    }

    /**
     * {@inheritDoc}
     */
    public int depth(final Side side)
    {
        return levels(side).size();
    }

    /**
     * {@inheritDoc}
     */
    public long price(final Side side, final int level)
    {
        return levels(side).get(level)[0];
    }

    /**
     * {@inheritDoc}
     */
    public long quantity(final Side side, final int level)
    {
        return levels(side).get(level)[1];
    }

    /**
     * {@inheritDoc}
     */
    public int orderCount(final Side side, final int level)
    {
        return (int)levels(side).get(level)[2];
    }

    private List<long[]> levels(final Side side)
    {
        return Side.BUY == side ? bids : asks;
    }
}
