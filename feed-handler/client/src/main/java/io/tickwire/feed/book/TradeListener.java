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
 * Trades: executions of displayed orders, non-displayed trades and crosses.
 */
public interface TradeListener
{
    /**
     * A trade printed.
     *
     * @param sequence     stream sequence.
     * @param instrumentId traded.
     * @param price        price mantissa.
     * @param quantity     traded.
     * @param matchNumber  venue match number.
     */
    void onTrade(long sequence, long instrumentId, long price, long quantity, long matchNumber);

    /**
     * An earlier trade was broken by the venue.
     *
     * @param sequence     stream sequence.
     * @param instrumentId of the trade.
     * @param matchNumber  of the broken trade.
     */
    default void onBrokenTrade(final long sequence, final long instrumentId, final long matchNumber)
    {
    }
}
