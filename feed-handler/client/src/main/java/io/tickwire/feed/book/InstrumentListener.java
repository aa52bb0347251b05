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

import io.tickwire.sbe.md.TradingState;

/**
 * Instrument reference data and trading state, for the instruments the client subscribes to.
 */
public interface InstrumentListener
{
    /**
     * An instrument was defined (live, or from a snapshot during recovery).
     *
     * @param sequence      stream sequence of the message.
     * @param instrumentId  of the instrument.
     * @param symbol        trimmed symbol.
     * @param priceExponent of the instrument's prices (ITCH: -4).
     * @param lotSize       round lot.
     */
    default void onInstrumentDefinition(
        long sequence, long instrumentId, String symbol, int priceExponent, long lotSize)
    {
    }

    /**
     * Trading state of an instrument changed.
     *
     * @param sequence     stream sequence of the message.
     * @param instrumentId of the instrument.
     * @param tradingState the new state.
     */
    default void onTradingStatus(long sequence, long instrumentId, TradingState tradingState)
    {
    }
}
