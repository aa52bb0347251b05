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

import io.tickwire.sbe.internal.OrderType;
import io.tickwire.sbe.internal.TimeInForce;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(10)
class OrderBookTest
{
    private final OrderBook book = new OrderBook(1);
    private final List<String> executions = new ArrayList<>();
    private final ExecutionHandler handler = (resting, aggressor, quantity, price) ->
        executions.add(resting.orderId + "x" + aggressor.orderId + " " + quantity + "@" + price);

    private static Order order(final long id, final char side, final long quantity, final long price)
    {
        final Order order = new Order();
        order.orderId = id;
        order.side = (byte)side;
        order.orderType = OrderType.LIMIT.value();
        order.timeInForce = TimeInForce.DAY.value();
        order.quantity = quantity;
        order.leaves = quantity;
        order.price = price;
        order.live = true;
        return order;
    }

    @Test
    void shouldMatchBestPriceFirstThenOldestAtSamePrice()
    {
        book.rest(order(1, 'S', 10, 101));
        book.rest(order(2, 'S', 10, 100));
        book.rest(order(3, 'S', 10, 100));
        book.rest(order(4, 'S', 10, 102));

        final Order buy = order(5, 'B', 35, 101);
        book.match(buy, handler);

        assertEquals(List.of("2x5 10@100", "3x5 10@100", "1x5 10@101"), executions);
        assertEquals(5, buy.leaves);
        assertEquals(30, buy.cumulative);
        assertEquals(102, book.bestAsk());
        assertEquals(101, book.lastTradePrice());
    }

    @Test
    void shouldKeepPartiallyFilledRestingOrderAtFrontAndCountFillOrKillQuantity()
    {
        book.rest(order(1, 'B', 10, 100));
        book.rest(order(2, 'B', 10, 100));
        book.rest(order(3, 'B', 10, 99));

        final Order fok = order(4, 'S', 31, 99);
        assertEquals(30, book.executableQuantity(fok));
        final Order limitedFok = order(5, 'S', 25, 100);
        assertEquals(20, book.executableQuantity(limitedFok));

        book.match(order(6, 'S', 4, 100), handler);
        book.match(order(7, 'S', 8, 100), handler);
        assertEquals(List.of("1x6 4@100", "1x7 6@100", "2x7 2@100"), executions);
        assertEquals(100, book.bestBid());
    }

    @Test
    void shouldReduceWithoutLosingPriorityAndRemoveEmptyLevels()
    {
        final Order first = order(1, 'S', 10, 100);
        book.rest(first);
        book.rest(order(2, 'S', 10, 100));
        book.reduce(first, 4);
        book.match(order(3, 'B', 5, 100), handler);
        assertEquals(List.of("1x3 4@100", "2x3 1@100"), executions);

        final Order lone = order(4, 'B', 1, 90);
        book.rest(lone);
        assertEquals(90, book.bestBid());
        book.remove(lone);
        assertEquals(OrderBook.NO_PRICE, book.bestBid());
    }
}
