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

/**
 * Read-only aggregated (L2) view of a book: price levels by depth, 0 being the best, with quantity and order count.
 * Any depth is available; the view is live, so read it within the callback that handed it out.
 */
public interface PriceLevelBook
{
    /**
     * Price reported for an empty side.
     */
    long NULL_PRICE = Long.MIN_VALUE;

    /**
     * Instrument the book is for.
     *
     * @return the instrument id (ITCH Stock Locate).
     */
    long instrumentId();

    /**
     * Number of price levels on a side.
     *
     * @param side of the book.
     * @return the number of levels.
     */
    int depth(Side side);

    /**
     * Price of a level.
     *
     * @param side  of the book.
     * @param level 0 for the best price, up to {@code depth(side) - 1}.
     * @return the price mantissa.
     */
    long price(Side side, int level);

    /**
     * Aggregated open quantity of a level.
     *
     * @param side  of the book.
     * @param level 0 for the best price, up to {@code depth(side) - 1}.
     * @return the quantity.
     */
    long quantity(Side side, int level);

    /**
     * Number of orders at a level.
     *
     * @param side  of the book.
     * @param level 0 for the best price, up to {@code depth(side) - 1}.
     * @return the order count.
     */
    int orderCount(Side side, int level);

    /**
     * Best price of a side.
     *
     * @param side of the book.
     * @return the best price or {@link #NULL_PRICE} when the side is empty.
     */
    default long bestPrice(final Side side)
    {
        return depth(side) > 0 ? price(side, 0) : NULL_PRICE;
    }

    /**
     * Quantity at the best price of a side.
     *
     * @param side of the book.
     * @return the quantity or 0 when the side is empty.
     */
    default long bestQuantity(final Side side)
    {
        return depth(side) > 0 ? quantity(side, 0) : 0;
    }

    /**
     * Whether the best bid and offer overlap.
     *
     * @return the cross state.
     */
    default CrossState crossState()
    {
        if (0 == depth(Side.BUY) || 0 == depth(Side.SELL))
        {
            return CrossState.NORMAL;
        }

        final long bid = price(Side.BUY, 0);
        final long ask = price(Side.SELL, 0);
        return bid > ask ? CrossState.CROSSED : bid == ask ? CrossState.LOCKED : CrossState.NORMAL;
    }
}
