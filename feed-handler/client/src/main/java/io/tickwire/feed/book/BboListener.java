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
 * The best bid or offer (price or quantity) of an instrument changed.
 */
@FunctionalInterface
public interface BboListener
{
    /**
     * New BBO.
     *
     * @param instrumentId of the book.
     * @param symbol       of the instrument, trimmed; empty until its definition arrived.
     * @param bidPrice     best bid, or {@link io.tickwire.feed.book.PriceLevelBook#NULL_PRICE}.
     * @param bidQuantity  at the best bid, 0 when empty.
     * @param askPrice     best offer, or {@link io.tickwire.feed.book.PriceLevelBook#NULL_PRICE}.
     * @param askQuantity  at the best offer, 0 when empty.
     */
    void onBbo(long instrumentId, String symbol, long bidPrice, long bidQuantity, long askPrice, long askQuantity);
}
