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

import io.tickwire.sbe.md.AggressorSide;

/**
 * Trades: executions of displayed orders, non-displayed trades and crosses; trade summaries of market-by-price
 * venues.
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
     * A trade summary of a market-by-price venue (MDP 3.0): one trade at one price, with the side of the aggressor.
     * By default reported as {@link #onTrade} with the venue's trade id as the match number, so that a listener
     * written for order books hears of it too.
     *
     * @param sequence      stream sequence.
     * @param instrumentId  traded.
     * @param price         price mantissa.
     * @param quantity      traded.
     * @param tradeId       the venue's trade id.
     * @param aggressorSide side of the incoming order, {@link AggressorSide#NONE} when the venue gives none (e.g. an
     *                      auction).
     * @param orderCount    orders that took part.
     */
    default void onTradeSummary(
        final long sequence,
        final long instrumentId,
        final long price,
        final long quantity,
        final long tradeId,
        final AggressorSide aggressorSide,
        final int orderCount)
    {
        onTrade(sequence, instrumentId, price, quantity, tradeId);
    }

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
