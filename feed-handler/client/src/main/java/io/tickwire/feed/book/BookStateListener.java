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
 * Trustworthiness of a book: stale while it may not reflect the stream, fresh again once it does; and whether its
 * top of book is locked or crossed.
 */
public interface BookStateListener
{
    /**
     * The book may no longer reflect the stream (gap, late join, restart).
     *
     * @param instrumentId of the book.
     * @param symbol       of the instrument, trimmed; empty until its definition arrived.
     */
    default void onStale(long instrumentId, String symbol)
    {
    }

    /**
     * The book reflects the stream again.
     *
     * @param instrumentId of the book.
     * @param symbol       of the instrument, trimmed; empty until its definition arrived.
     */
    default void onFresh(long instrumentId, String symbol)
    {
    }

    /**
     * The top of book became locked or crossed, or returned to normal.
     *
     * @param instrumentId of the book.
     * @param symbol       of the instrument, trimmed; empty until its definition arrived.
     * @param crossState   new state.
     * @param bidPrice     best bid.
     * @param askPrice     best offer.
     */
    default void onCrossState(long instrumentId, String symbol, CrossState crossState, long bidPrice, long askPrice)
    {
    }
}
