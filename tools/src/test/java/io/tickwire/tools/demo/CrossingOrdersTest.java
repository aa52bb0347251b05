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
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's order flow: pairs that trade, resting orders named by side and price, a book that never crosses.
 */
class CrossingOrdersTest
{
    private final CrossingOrders flow = new CrossingOrders(new BigDecimal("150"));

    @Test
    void shouldPairARestingOrderWithAnAggressorAtItsPrice()
    {
        assertEquals(Side.BUY, CrossingOrders.side(0));
        assertEquals(Side.SELL, CrossingOrders.side(1));
        assertEquals(Side.SELL, CrossingOrders.side(2));
        assertEquals(Side.BUY, CrossingOrders.side(3));
        assertEquals(1_450_000, flow.price(0));
        assertEquals(1_450_000, flow.price(1));
        assertEquals(1_550_000, flow.price(2));
        assertEquals(1_450_001, flow.price(4));
        assertEquals(1_549_999, flow.price(6));
        assertEquals(CrossingOrders.RESTING_QUANTITY, CrossingOrders.quantity(0));
        assertEquals(CrossingOrders.AGGRESSOR_QUANTITY, CrossingOrders.quantity(1));
    }

    @Test
    void shouldNameEveryRestingOrderBySideAndPriceAndNeverCross()
    {
        long highestBid = Long.MIN_VALUE;
        long lowestAsk = Long.MAX_VALUE;
        for (int order = 0; order < CrossingOrders.MAX_ORDERS; order += 2)
        {
            final Side side = CrossingOrders.side(order);
            final long price = flow.price(order);
            assertEquals(order, flow.restingOrder(side, price));
            if (Side.BUY == side)
            {
                assertTrue(price > highestBid, "each bid is the best when its aggressor comes");
                highestBid = price;
            }
            else
            {
                assertTrue(price < lowestAsk, "each offer is the best when its aggressor comes");
                lowestAsk = price;
            }
        }
        assertTrue(highestBid < lowestAsk, highestBid + " < " + lowestAsk);
        assertEquals(-1, flow.restingOrder(Side.BUY, 1_449_999));
        assertEquals(-1, flow.restingOrder(Side.SELL, 1_550_001));
        assertEquals(-1, flow.restingOrder(Side.BUY, 1_500_000));
    }

    @Test
    void shouldRefuseAMidWithoutRoomBelow()
    {
        assertThrows(IllegalArgumentException.class, () -> new CrossingOrders(new BigDecimal("10")));
    }
}
