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
 * Order-level events as applied to the L3 book, after the book has changed.
 */
public interface OrderListener
{
    /**
     * An order was added.
     *
     * @param sequence     stream sequence.
     * @param instrumentId of the book.
     * @param orderId      of the new order.
     * @param side         of the order.
     * @param price        limit price mantissa.
     * @param quantity     displayed quantity.
     */
    default void onAdd(long sequence, long instrumentId, long orderId, Side side, long price, long quantity)
    {
    }

    /**
     * A resting order was executed.
     *
     * @param sequence          stream sequence.
     * @param instrumentId      of the book.
     * @param orderId           of the resting order.
     * @param executedQuantity  executed.
     * @param executionPrice    price of the execution.
     * @param matchNumber       venue match number.
     */
    default void onExecute(
        long sequence, long instrumentId, long orderId, long executedQuantity, long executionPrice, long matchNumber)
    {
    }

    /**
     * Part of a resting order was cancelled.
     *
     * @param sequence          stream sequence.
     * @param instrumentId      of the book.
     * @param orderId           of the resting order.
     * @param cancelledQuantity cancelled.
     */
    default void onCancel(long sequence, long instrumentId, long orderId, long cancelledQuantity)
    {
    }

    /**
     * A resting order was removed.
     *
     * @param sequence     stream sequence.
     * @param instrumentId of the book.
     * @param orderId      of the removed order.
     */
    default void onDelete(long sequence, long instrumentId, long orderId)
    {
    }

    /**
     * A resting order was replaced by a new one.
     *
     * @param sequence        stream sequence.
     * @param instrumentId    of the book.
     * @param originalOrderId of the removed order.
     * @param newOrderId      of the new order.
     * @param quantity        of the new order.
     * @param price           of the new order.
     */
    default void onReplace(
        long sequence, long instrumentId, long originalOrderId, long newOrderId, long quantity, long price)
    {
    }
}
