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

/**
 * Orders at one price in arrival order: a doubly linked FIFO with the total quantity kept for fill-or-kill checks.
 */
final class PriceLevel
{
    long price;
    long totalQuantity;
    Order head;
    Order tail;

    void append(final Order order)
    {
        order.level = this;
        order.prev = tail;
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
        totalQuantity += order.leaves;
    }

    void unlink(final Order order)
    {
        if (null == order.prev)
        {
            head = order.next;
        }
        else
        {
            order.prev.next = order.next;
        }

        if (null == order.next)
        {
            tail = order.prev;
        }
        else
        {
            order.next.prev = order.prev;
        }
        totalQuantity -= order.leaves;
        order.prev = null;
        order.next = null;
        order.level = null;
    }

    boolean isEmpty()
    {
        return null == head;
    }
}
