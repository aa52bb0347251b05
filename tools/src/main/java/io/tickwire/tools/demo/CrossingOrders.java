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
package io.tickwire.tools.demo;

import io.tickwire.sbe.md.Side;

import java.math.BigDecimal;

/**
 * The demo's order flow, in pairs that trade: order {@code 2k} rests (200 at a price of its own) and order
 * {@code 2k+1} takes half of it at once (100 the other way at the same price). Even pairs rest bids that rise a tick
 * a pair from {@code mid - 5}, odd pairs rest offers that fall a tick a pair from {@code mid + 5}, so every resting
 * order is the best of its side when its aggressor arrives, the book never crosses, and a market data message names
 * its order: an {@code AddOrder} by side and price, an {@code OrderExecuted} by the resting order it hit.
 * Prices have exponent -4, as the feed's.
 */
final class CrossingOrders
{
    /**
     * Open quantity of a resting order.
     */
    static final long RESTING_QUANTITY = 200;

    /**
     * Quantity of an aggressor: half the resting order, which stays in the book.
     */
    static final long AGGRESSOR_QUANTITY = 100;

    private static final long SPREAD_MANTISSA = 50_000; // 5.0000 either side of the mid

    /**
     * Most orders a run can place before a rising bid would meet a falling offer.
     */
    static final long MAX_ORDERS = 2 * 2 * SPREAD_MANTISSA - 4;

    private final long bidBase;
    private final long askBase;

    /**
     * @param mid the mid price; must leave 5 either side.
     */
    CrossingOrders(final BigDecimal mid)
    {
        final long midMantissa = mid.movePointRight(4).longValueExact();
        if (midMantissa <= 2 * SPREAD_MANTISSA)
        {
            throw new IllegalArgumentException("price " + mid.toPlainString() + " must be above 10: bids rest from " +
                "5 below it");
        }
        bidBase = midMantissa - SPREAD_MANTISSA;
        askBase = midMantissa + SPREAD_MANTISSA;
    }

    /**
     * @param order index of the order in the run.
     * @return whether it rests (the first of its pair).
     */
    static boolean rests(final int order)
    {
        return (order & 1) == 0;
    }

    /**
     * @param order index of the order in the run.
     * @return its side.
     */
    static Side side(final int order)
    {
        final boolean bidPair = ((order >> 1) & 1) == 0;
        return bidPair == rests(order) ? Side.BUY : Side.SELL;
    }

    /**
     * @param order index of the order in the run.
     * @return its quantity.
     */
    static long quantity(final int order)
    {
        return rests(order) ? RESTING_QUANTITY : AGGRESSOR_QUANTITY;
    }

    /**
     * @param order index of the order in the run.
     * @return its limit price mantissa (exponent -4): the same for both orders of a pair.
     */
    long price(final int order)
    {
        final int pair = order >> 1;
        final long step = pair >> 1;
        return (pair & 1) == 0 ? bidBase + step : askBase - step;
    }

    /**
     * The order an {@code AddOrder} shows resting, from its side and price.
     *
     * @param side  of the resting order.
     * @param price of the resting order.
     * @return the index of the resting order, or -1 when no order of the flow rests there.
     */
    int restingOrder(final Side side, final long price)
    {
        final long step = Side.BUY == side ? price - bidBase : askBase - price;
        if (step < 0 || step >= SPREAD_MANTISSA)
        {
            return -1;
        }
        final long pair = 2 * step + (Side.BUY == side ? 0 : 1);
        return (int)(2 * pair);
    }
}
