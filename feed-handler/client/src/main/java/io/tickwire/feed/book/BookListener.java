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
 * A book changed. In conflation mode this fires at most once per instrument per {@code FeedClient.poll()} with the
 * latest state.
 */
@FunctionalInterface
public interface BookListener
{
    /**
     * The book of an instrument changed.
     *
     * @param instrumentId of the book.
     * @param symbol       of the instrument, trimmed; empty until its definition arrived.
     * @param book         live L2 view; read it within the callback.
     */
    void onBookUpdate(long instrumentId, String symbol, PriceLevelBook book);
}
