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
 * Compares two books for verification (demo, tests, tools): order books order by order, any two L2 views level by
 * level. Not for the hot path.
 */
public final class BookComparison
{
    private BookComparison()
    {
    }

    /**
     * Describe the first difference between two books at L3 (price levels, and per level the orders in priority
     * with their open quantities), which also covers L2 and the BBO.
     *
     * @param expected book.
     * @param actual   book; {@code null} is treated as empty.
     * @return {@code null} when equal, otherwise a description of the first difference.
     */
    public static String firstDifference(final OrderBook expected, final OrderBook actual)
    {
        final OrderBook other = null == actual ? new OrderBook(expected.instrumentId()) : actual;
        if (expected.orderCount() != other.orderCount())
        {
            return "order count " + expected.orderCount() + " != " + other.orderCount();
        }
        for (final Side side : new Side[]{ Side.BUY, Side.SELL })
        {
            if (expected.depth(side) != other.depth(side))
            {
                return side + " depth " + expected.depth(side) + " != " + other.depth(side);
            }
            for (int i = 0; i < expected.depth(side); i++)
            {
                final PriceLevel a = expected.level(side, i);
                final PriceLevel b = other.level(side, i);
                if (a.price() != b.price() || a.quantity() != b.quantity() || a.orderCount() != b.orderCount())
                {
                    return side + " level " + i + ": " + a.price() + " " + a.quantity() + " (" + a.orderCount() +
                        ") != " + b.price() + " " + b.quantity() + " (" + b.orderCount() + ")";
                }
                for (Order x = a.firstOrder(), y = b.firstOrder(); null != x; x = x.next(), y = y.next())
                {
                    if (x.orderId() != y.orderId() || x.quantity() != y.quantity())
                    {
                        return side + " level " + i + " order " + x + " != " + y;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Describe the first difference between two L2 views (e.g. a market-by-price book and a reference of it): per
     * side the number of levels, then each level's price, quantity and order count, best first.
     *
     * @param expected view.
     * @param actual   view; {@code null} is treated as empty.
     * @return {@code null} when equal, otherwise a description of the first difference.
     */
    public static String firstLevelDifference(final PriceLevelBook expected, final PriceLevelBook actual)
    {
        for (final Side side : new Side[]{ Side.BUY, Side.SELL })
        {
            final int actualDepth = null == actual ? 0 : actual.depth(side);
            if (expected.depth(side) != actualDepth)
            {
                return side + " depth " + expected.depth(side) + " != " + actualDepth;
            }
            for (int i = 0; i < actualDepth; i++)
            {
                if (expected.price(side, i) != actual.price(side, i) ||
                    expected.quantity(side, i) != actual.quantity(side, i) ||
                    expected.orderCount(side, i) != actual.orderCount(side, i))
                {
                    return side + " level " + (i + 1) + ": " + expected.price(side, i) + " " +
                        expected.quantity(side, i) + " (" + expected.orderCount(side, i) + ") != " +
                        actual.price(side, i) + " " + actual.quantity(side, i) + " (" + actual.orderCount(side, i) +
                        ")";
                }
            }
        }
        return null;
    }
}
