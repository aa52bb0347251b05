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
 * A resting order in an {@link OrderBook}: a node of the intrusive, priority-ordered list of its {@link PriceLevel}.
 * <p>
 * Instances are pooled by the book and reused after the order leaves it, so a reference must not be kept beyond
 * the callback or query that produced it.
 */
public final class Order
{
    long orderId;
    Side side;
    long price;
    long quantity;
    /** The venue's rank within the price (CME MDOrderPriority, lower first); 0 for books ranked by arrival. */
    long priority;
    PriceLevel level;
    Order previous;
    Order next;

    Order()
    {
    }

    /**
     * Venue order id (ITCH order reference number).
     *
     * @return the order id.
     */
    public long orderId()
    {
        return orderId;
    }

    /**
     * Side of the order.
     *
     * @return the side.
     */
    public Side side()
    {
        return side;
    }

    /**
     * Limit price mantissa.
     *
     * @return the price.
     */
    public long price()
    {
        return price;
    }

    /**
     * Open (displayed, not yet executed or cancelled) quantity.
     *
     * @return the open quantity.
     */
    public long quantity()
    {
        return quantity;
    }

    /**
     * The venue's rank of the order within its price level, lower first (CME MDOrderPriority); 0 for an order of a
     * book ranked by arrival (ITCH).
     *
     * @return the priority.
     */
    public long priority()
    {
        return priority;
    }

    /**
     * The order behind this one at the same price, in time priority.
     *
     * @return the next order at the level or {@code null} when this is the last.
     */
    public Order next()
    {
        return next;
    }

    void reset()
    {
        orderId = 0;
        side = null;
        price = 0;
        quantity = 0;
        priority = 0;
        level = null;
        previous = null;
        next = null;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "Order{id=" + orderId + ", side=" + side + ", price=" + price + ", quantity=" + quantity + '}';
    }
}
