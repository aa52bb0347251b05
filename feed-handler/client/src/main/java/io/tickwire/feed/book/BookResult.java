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
 * Outcome of applying one order event to an {@link OrderBook}, or one price level update to a
 * {@link MarketByPriceBook}. Everything but {@link #APPLIED} is an error of the feed (or of the subscriber's state
 * after undetected loss) that the caller counts and reports. Values are only ever added at the end: each has a
 * counter.
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
    INVALID_ORDER,

    /**
     * A price level update named level 0, a level beyond the depth of the instrument's definition, or a level the
     * side does not hold (past the levels held for a change, delete or overlay; more than one past them for a new
     * level); the update was ignored.
     */
    LEVEL_OUT_OF_RANGE,

    /**
     * A price level update with an action the schema does not define; the update was ignored.
     */
    UNKNOWN_ACTION,

    /**
     * A price level update without a valid side or implied flag, or with a negative quantity or order count; the
     * update was ignored.
     */
    INVALID_LEVEL,

    /**
     * A new or overlaid price level whose price is not strictly between its neighbours'; applied where the venue
     * put it, since later updates address levels by position.
     */
    LEVEL_OUT_OF_ORDER,

    /**
     * A change of a price level named another price than the level's; applied with the new price, since later
     * updates address levels by position.
     */
    LEVEL_PRICE_MISMATCH,

    /**
     * A price level update for an instrument with no market-by-price book: not defined yet, or defined by an
     * order-book definition; the update was ignored.
     */
    NO_PRICE_LEVEL_BOOK;

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
