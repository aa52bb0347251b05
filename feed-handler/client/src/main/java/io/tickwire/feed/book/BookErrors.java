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

import io.tickwire.counters.CounterSet;
import io.tickwire.feed.client.ClientCounterTypes;
import io.tickwire.sbe.md.Side;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Counts the order events and price level updates the books rejected, per {@link BookResult}, and reports each one
 * to the {@link BookErrorListener}. Shared by the live order path, the price level path and the snapshot path so
 * that all count alike. One
 * counter per error result, labelled {@code tickwire-book book-errors RESULT: OWNER}.
 */
final class BookErrors
{
    private final CounterSet counters;
    private final AtomicCounter[] counts = new AtomicCounter[BookResult.values().length];
    private BookErrorListener listener;

    /**
     * Counters for every error result ({@link BookResult#APPLIED} is not one).
     *
     * @param counters where to allocate them.
     */
    BookErrors(final CounterSet counters)
    {
        this.counters = counters;
        for (final BookResult result : BookResult.values())
        {
            if (BookResult.APPLIED != result)
            {
                counts[result.ordinal()] = counters.add(ClientCounterTypes.BOOK_ERRORS, "book-errors " + result);
            }
        }
    }

    /**
     * Listener for events the book rejected (may be null).
     *
     * @param listener to notify.
     */
    void listener(final BookErrorListener listener)
    {
        this.listener = listener;
    }

    /**
     * Count a rejected event and report it.
     *
     * @param sequence     stream sequence of the message, 0 for a snapshot order.
     * @param instrumentId of the book.
     * @param orderId      the event named.
     * @param result       why the book rejected it.
     */
    void report(final long sequence, final long instrumentId, final long orderId, final BookResult result)
    {
        final AtomicCounter counter = counts[result.ordinal()];
        if (null != counter)
        {
            counter.incrementRelease();
        }
        if (null != listener)
        {
            listener.onBookError(sequence, instrumentId, orderId, result);
        }
    }

    /**
     * Count a rejected or doubtful price level update and report it.
     *
     * @param sequence     stream sequence of the update.
     * @param instrumentId of the book.
     * @param side         of the update, {@link Side#NULL_VAL} when invalid.
     * @param implied      true for the implied book.
     * @param level        the update named.
     * @param result       why.
     */
    void reportLevel(
        final long sequence,
        final long instrumentId,
        final Side side,
        final boolean implied,
        final int level,
        final BookResult result)
    {
        final AtomicCounter counter = counts[result.ordinal()];
        if (null != counter)
        {
            counter.incrementRelease();
        }
        if (null != listener)
        {
            listener.onPriceLevelError(sequence, instrumentId, side, implied, level, result);
        }
    }

    /**
     * Count of events the books rejected for a reason.
     *
     * @param result the reason.
     * @return the count.
     */
    long count(final BookResult result)
    {
        final AtomicCounter counter = counts[result.ordinal()];
        return null == counter ? 0 : counters.get(counter);
    }

    /**
     * Count of all events the books rejected.
     *
     * @return the count.
     */
    long total()
    {
        long total = 0;
        // Index 0 is BookResult.APPLIED, which is not an error.
        for (int i = 1; i < counts.length; i++)
        {
            total += counters.get(counts[i]);
        }
        return total;
    }
}
