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

/**
 * Outcome of applying one order event to an {@link OrderBook}. Everything but {@link #APPLIED} is an error of the
 * feed (or of the subscriber's state after undetected loss) that the caller counts and reports.
 */
public enum BookResult
{
    /**
     * The event changed the book as described.
     */
    APPLIED,

    /**
     * An add or replace named an order id that is already resting; the event was ignored.
     */
    DUPLICATE_ORDER_ID,

    /**
     * An execute, cancel, delete or replace named an order that is not in the book; the event was ignored.
     */
    UNKNOWN_ORDER,

    /**
     * An execute or cancel removed more than the open quantity; the order was removed.
     */
    QUANTITY_EXCEEDS_OPEN,

    /**
     * An add with zero quantity or without a side; the event was ignored.
     */
    INVALID_ORDER;

    private static final BookResult[] VALUES = values();

    /**
     * All values, without the copy {@link #values()} makes.
     *
     * @param ordinal of the value.
     * @return the value.
     */
    public static BookResult get(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
