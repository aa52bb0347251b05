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

import io.tickwire.sbe.md.BrokenTradeDecoder;
import io.tickwire.sbe.md.CrossTradeDecoder;
import io.tickwire.sbe.md.TradeDecoder;
import io.tickwire.sbe.md.TradeSummaryDecoder;
import org.agrona.DirectBuffer;

/**
 * Reports the trade messages (non-displayed trades, crosses, broken trades; trade summaries of market-by-price
 * venues) to the {@link TradeListener}. None of
 * them changes a book, but the instrument is still looked up first so that an unseen instrument is registered and an
 * unattributable one counted exactly as for order messages.
 * <p>
 * Each method takes the fields the dispatcher already decoded from the headers.
 */
final class TradeApplier
{
    private final TradeDecoder tradeDecoder = new TradeDecoder();
    private final CrossTradeDecoder crossDecoder = new CrossTradeDecoder();
    private final BrokenTradeDecoder brokenDecoder = new BrokenTradeDecoder();
    private final TradeSummaryDecoder summaryDecoder = new TradeSummaryDecoder();

    private final InstrumentRegistry registry;
    private TradeListener tradeListener;

    /**
     * An applier.
     *
     * @param registry of the instruments.
     */
    TradeApplier(final InstrumentRegistry registry)
    {
        this.registry = registry;
    }

    /**
     * Listener for trades (may be null).
     *
     * @param listener to notify.
     */
    void tradeListener(final TradeListener listener)
    {
        this.tradeListener = listener;
    }

    void trade(
        final DirectBuffer buffer,
        final int bodyOffset,
        final int blockLength,
        final int version,
        final long sequence,
        final long instrumentId)
    {
        final InstrumentBook instrument = registry.subscribed(instrumentId);
        if (null != instrument && null != tradeListener)
        {
            tradeDecoder.wrap(buffer, bodyOffset, blockLength, version);
            final long quantity = tradeDecoder.quantity();
            final long price = tradeDecoder.price();
            final long matchNumber = tradeDecoder.matchNumber();
            tradeListener.onTrade(sequence, instrumentId, price, quantity, matchNumber);
        }
    }

    void crossTrade(
        final DirectBuffer buffer,
        final int bodyOffset,
        final int blockLength,
        final int version,
        final long sequence,
        final long instrumentId)
    {
        final InstrumentBook instrument = registry.subscribed(instrumentId);
        if (null != instrument && null != tradeListener)
        {
            crossDecoder.wrap(buffer, bodyOffset, blockLength, version);
            final long quantity = crossDecoder.quantity();
            final long price = crossDecoder.price();
            final long matchNumber = crossDecoder.matchNumber();
            // An auction cross that matched no shares is not a trade.
            if (quantity > 0)
            {
                tradeListener.onTrade(sequence, instrumentId, price, quantity, matchNumber);
            }
        }
    }

    void brokenTrade(
        final DirectBuffer buffer,
        final int bodyOffset,
        final int blockLength,
        final int version,
        final long sequence,
        final long instrumentId)
    {
        final InstrumentBook instrument = registry.subscribed(instrumentId);
        if (null != instrument && null != tradeListener)
        {
            brokenDecoder.wrap(buffer, bodyOffset, blockLength, version);
            tradeListener.onBrokenTrade(sequence, instrumentId, brokenDecoder.matchNumber());
        }
    }

    void tradeSummary(
        final DirectBuffer buffer,
        final int bodyOffset,
        final int blockLength,
        final int version,
        final long sequence,
        final long instrumentId)
    {
        final InstrumentBook instrument = registry.subscribed(instrumentId);
        if (null != instrument && null != tradeListener)
        {
            // The venue's book updates already took the traded quantity off the levels: no book changes here.
            summaryDecoder.wrap(buffer, bodyOffset, blockLength, version);
            tradeListener.onTradeSummary(
                sequence,
                instrumentId,
                summaryDecoder.price(),
                summaryDecoder.quantity(),
                summaryDecoder.tradeId(),
                summaryDecoder.aggressorSide(),
                summaryDecoder.orderCount());
        }
    }
}
