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
 * Told of every change to the engine's books, in the order they happen, on the engine thread. The market data
 * publisher implements it; so can a test. Arguments are primitives so that calls allocate nothing.
 */
public interface BookListener
{
    /**
     * A listener that ignores every change.
     */
    BookListener NO_OP = new BookListener()
    {
    };

    /**
     * An order now rests on the book.
     *
     * @param instrumentId instrument.
     * @param orderId      order.
     * @param side         'B' or 'S'.
     * @param quantity     open quantity.
     * @param price        limit price mantissa.
     */
    default void onAdd(final int instrumentId, final long orderId, final byte side, final long quantity,
        final long price)
    {
    }

    /**
     * A resting order traded at its own price.
     *
     * @param instrumentId instrument.
     * @param orderId      resting order.
     * @param quantity     executed.
     * @param matchNumber  engine-wide execution number.
     */
    default void onExecuted(final int instrumentId, final long orderId, final long quantity, final long matchNumber)
    {
    }

    /**
     * Part of a resting order was cancelled (a replace reducing quantity keeps priority).
     *
     * @param instrumentId      instrument.
     * @param orderId           order.
     * @param cancelledQuantity removed from the open quantity.
     */
    default void onCancel(final int instrumentId, final long orderId, final long cancelledQuantity)
    {
    }

    /**
     * A resting order left the book (cancel, replace into an immediate fill).
     *
     * @param instrumentId instrument.
     * @param orderId      order.
     */
    default void onDelete(final int instrumentId, final long orderId)
    {
    }

    /**
     * A resting order was replaced, losing time priority.
     *
     * @param instrumentId    instrument.
     * @param originalOrderId order id before.
     * @param newOrderId      order id after (the gateway keeps the same id).
     * @param quantity        new open quantity.
     * @param price           new price mantissa.
     */
    default void onReplace(final int instrumentId, final long originalOrderId, final long newOrderId,
        final long quantity, final long price)
    {
    }

    /**
     * The end of one command's changes: a point to flush batched output.
     */
    default void onCommandEnd()
    {
    }
}
