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

/**
 * Price-time priority limit order book of one instrument. Single-threaded: only the matching engine agent
 * touches it. Executions happen at the resting order's price; within a price, the oldest order first.
 */
final class OrderBook
{
    /**
     * Value of a price that is not known (no trade yet, empty side).
     */
    static final long NO_PRICE = Long.MIN_VALUE;

    private final int instrumentId;
    private final BookSide bids = new BookSide(true);
    private final BookSide asks = new BookSide(false);
    private long lastTradePrice = NO_PRICE;

    OrderBook(final int instrumentId)
    {
        this.instrumentId = instrumentId;
    }

    int instrumentId()
    {
        return instrumentId;
    }

    void lastTradePrice(final long lastTradePrice)
    {
        this.lastTradePrice = lastTradePrice;
    }

    BookSide bids()
    {
        return bids;
    }

    BookSide asks()
    {
        return asks;
    }

    long lastTradePrice()
    {
        return lastTradePrice;
    }

    long bestBid()
    {
        final PriceLevel best = bids.best();
        return null == best ? NO_PRICE : best.price;
    }

    long bestAsk()
    {
        final PriceLevel best = asks.best();
        return null == best ? NO_PRICE : best.price;
    }

    /**
     * How much of an incoming order could execute now, capped at its open quantity (fill-or-kill check).
     *
     * @param aggressor incoming order.
     * @return executable quantity.
     */
    long executableQuantity(final Order aggressor)
    {
        final BookSide opposite = aggressor.isBuy() ? asks : bids;
        long available = 0;
        for (int rank = 0, n = opposite.levelCount(); rank < n && available < aggressor.leaves; rank++)
        {
            final PriceLevel level = opposite.level(rank);
            if (!crosses(aggressor, level.price))
            {
                break;
            }
            available += level.totalQuantity;
        }
        return Math.min(available, aggressor.leaves);
    }

    /**
     * Execute an incoming order against the opposite side while it crosses and has quantity left.
     *
     * @param aggressor incoming order, not in the book.
     * @param handler   told of each execution.
     */
    void match(final Order aggressor, final ExecutionHandler handler)
    {
        final BookSide opposite = aggressor.isBuy() ? asks : bids;
        while (aggressor.leaves > 0)
        {
            final PriceLevel level = opposite.best();
            if (null == level || !crosses(aggressor, level.price))
            {
                break;
            }

            final Order resting = level.head;
            final long quantity = Math.min(resting.leaves, aggressor.leaves);
            final long price = level.price;
            fillQuantity(aggressor, quantity, price);
            if (quantity == resting.leaves)
            {
                opposite.remove(resting);
                fillQuantity(resting, quantity, price);
            }
            else
            {
                opposite.reduce(resting, resting.leaves - quantity);
                resting.cumulative += quantity;
                resting.notional += quantity * price;
            }
            lastTradePrice = price;
            handler.onExecution(resting, aggressor, quantity, price);
        }
    }

    /**
     * Put an order at the back of the queue at its price.
     *
     * @param order with open quantity and a limit price.
     */
    void rest(final Order order)
    {
        (order.isBuy() ? bids : asks).add(order);
    }

    /**
     * Take a resting order out of the book.
     *
     * @param order resting in this book.
     */
    void remove(final Order order)
    {
        (order.isBuy() ? bids : asks).remove(order);
    }

    /**
     * Reduce the open quantity of a resting order keeping its priority.
     *
     * @param order     resting in this book.
     * @param newLeaves new open quantity, above zero and below the current one.
     */
    void reduce(final Order order, final long newLeaves)
    {
        (order.isBuy() ? bids : asks).reduce(order, newLeaves);
    }

    private static boolean crosses(final Order aggressor, final long restingPrice)
    {
        if (aggressor.orderType == OrderType.MARKET.value())
        {
            return true;
        }
        return aggressor.isBuy() ? aggressor.price >= restingPrice : aggressor.price <= restingPrice;
    }

    private static void fillQuantity(final Order order, final long quantity, final long price)
    {
        order.leaves -= quantity;
        order.cumulative += quantity;
        order.notional += quantity * price;
    }
}
