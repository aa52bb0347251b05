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
 * All resting orders at one price on one side, in time priority, with their aggregated quantity.
 * <p>
 * Pooled by the book like {@link Order}: do not keep a reference beyond the call that produced it.
 */
public final class PriceLevel
{
    long price;
    long quantity;
    int orderCount;
    Side side;
    Order head;
    Order tail;

    PriceLevel()
    {
    }

    /**
     * Price mantissa of the level.
     *
     * @return the price.
     */
    public long price()
    {
        return price;
    }

    /**
     * Sum of the open quantity of the orders at this level.
     *
     * @return the aggregated quantity.
     */
    public long quantity()
    {
        return quantity;
    }

    /**
     * Number of orders resting at this level.
     *
     * @return the order count.
     */
    public int orderCount()
    {
        return orderCount;
    }

    /**
     * Side of the level.
     *
     * @return the side.
     */
    public Side side()
    {
        return side;
    }

    /**
     * The order with the highest time priority at this level; follow {@link Order#next()} for the rest.
     *
     * @return the first order, never {@code null} for a level in a book.
     */
    public Order firstOrder()
    {
        return head;
    }

    void append(final Order order)
    {
        order.level = this;
        order.previous = tail;
        order.next = null;
        if (null == tail)
        {
            head = order;
        }
        else
        {
            tail.next = order;
        }
        tail = order;
        quantity += order.quantity;
        orderCount++;
    }

    /**
     * Place an order by its venue priority: behind every order of a lower or equal priority. New orders of a venue
     * that ranks by priority usually have the highest one, so the walk starts at the back.
     */
    void insertByPriority(final Order order)
    {
        Order after = tail;
        while (null != after && after.priority > order.priority)
        {
            after = after.previous;
        }
        if (after == tail)
        {
            append(order);
            return;
        }
        final Order before = null == after ? head : after.next;
        order.level = this;
        order.previous = after;
        order.next = before;
        before.previous = order;
        if (null == after)
        {
            head = order;
        }
        else
        {
            after.next = order;
        }
        quantity += order.quantity;
        orderCount++;
    }

    void unlink(final Order order)
    {
        final Order previous = order.previous;
        final Order next = order.next;
        if (null == previous)
        {
            head = next;
        }
        else
        {
            previous.next = next;
        }

        if (null == next)
        {
            tail = previous;
        }
        else
        {
            next.previous = previous;
        }

        quantity -= order.quantity;
        orderCount--;
        order.level = null;
        order.previous = null;
        order.next = null;
    }

    void reset()
    {
        price = 0;
        quantity = 0;
        orderCount = 0;
        side = null;
        head = null;
        tail = null;
    }
}
