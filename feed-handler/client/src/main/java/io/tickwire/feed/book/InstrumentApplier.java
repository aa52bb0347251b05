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

import io.tickwire.sbe.md.InstrumentDefinitionDecoder;
import io.tickwire.sbe.md.TradingStatusDecoder;
import org.agrona.DirectBuffer;

/**
 * Applies instrument reference data: definitions (which decide, by symbol, whether an instrument is subscribed) and
 * trading status. Each raw message is also kept on the {@link InstrumentBook} so that the snapshot server can
 * republish it unchanged.
 * <p>
 * Each method takes the whole message ({@code offset}, {@code length}) as well as the fields the dispatcher already
 * decoded from the headers.
 */
final class InstrumentApplier
{
    private final InstrumentDefinitionDecoder definitionDecoder = new InstrumentDefinitionDecoder();
    private final TradingStatusDecoder statusDecoder = new TradingStatusDecoder();

    private final InstrumentRegistry registry;
    private InstrumentListener instrumentListener;

    /**
     * An applier.
     *
     * @param registry of the instruments.
     */
    InstrumentApplier(final InstrumentRegistry registry)
    {
        this.registry = registry;
    }

    /**
     * Listener for instrument definitions and trading status (may be null).
     *
     * @param listener to notify.
     */
    void instrumentListener(final InstrumentListener listener)
    {
        this.instrumentListener = listener;
    }

    void instrumentDefinition(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final int bodyOffset,
        final int blockLength,
        final int version,
        final long sequence,
        final long instrumentId)
    {
        definitionDecoder.wrap(buffer, bodyOffset, blockLength, version);
        final String symbol = definitionDecoder.symbol().trim();
        final int priceExponent = definitionDecoder.priceExponent();
        final long lotSize = definitionDecoder.lotSize();

        // Unsubscribed instruments are registered too: instruments() lists them, and their book messages are then
        // ignored rather than counted as undefined.
        final InstrumentBook instrument = registry.define(instrumentId, symbol);
        if (length <= instrument.definition.capacity())
        {
            instrument.definition.putBytes(0, buffer, offset, length);
            instrument.definitionLength = length;
        }

        if (instrument.subscribed && null != instrumentListener)
        {
            instrumentListener.onInstrumentDefinition(sequence, instrumentId, symbol, priceExponent, lotSize);
        }
    }

    void tradingStatus(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final int bodyOffset,
        final int blockLength,
        final int version,
        final long sequence,
        final long instrumentId)
    {
        final InstrumentBook instrument = registry.subscribed(instrumentId);
        if (null == instrument)
        {
            return;
        }

        statusDecoder.wrap(buffer, bodyOffset, blockLength, version);
        instrument.tradingState = statusDecoder.tradingState();
        if (length <= instrument.status.capacity())
        {
            instrument.status.putBytes(0, buffer, offset, length);
            instrument.statusLength = length;
        }
        if (null != instrumentListener)
        {
            instrumentListener.onTradingStatus(sequence, instrumentId, instrument.tradingState);
        }
    }
}
