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
 * An order event or a price level update could not be applied as described (unknown order, duplicate id,
 * over-execution; level out of range, unknown action, update before the definition). Such events are also counted
 * per reason; see {@code FeedClient.bookErrors(BookResult)}.
 */
@FunctionalInterface
public interface BookErrorListener
{
    /**
     * An event was rejected or only partly applied by the book.
     *
     * @param sequence     stream sequence of the event.
     * @param instrumentId of the book.
     * @param orderId      the event named.
     * @param result       what went wrong.
     */
    void onBookError(long sequence, long instrumentId, long orderId, BookResult result);

    /**
     * A price level update was rejected or applied with a doubt. By default reported as a book error naming order
     * id 0, so that a listener written for order books hears of it too.
     *
     * @param sequence     stream sequence of the update.
     * @param instrumentId of the book.
     * @param side         of the update, {@link Side#NULL_VAL} when it had none or an unknown one.
     * @param implied      true for the implied book.
     * @param level        the update named (1 the best).
     * @param result       what went wrong.
     */
    default void onPriceLevelError(
        final long sequence,
        final long instrumentId,
        final Side side,
        final boolean implied,
        final int level,
        final BookResult result)
    {
        onBookError(sequence, instrumentId, 0, result);
    }
}
