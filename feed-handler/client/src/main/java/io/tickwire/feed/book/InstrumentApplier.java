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

import io.tickwire.sbe.md.BookType;
import io.tickwire.sbe.md.InstrumentDefinitionDecoder;
import io.tickwire.sbe.md.TradingStatusDecoder;
import io.tickwire.sbe.md.VenueInstrumentDefinitionDecoder;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Applies instrument reference data: definitions (which decide, by symbol, whether an instrument is subscribed, and
 * for a venue's definition which books it has) and trading status. Each raw message is also kept on the
 * {@link InstrumentBook} so that the snapshot server can republish it unchanged.
 * <p>
 * Each method takes the whole message ({@code offset}, {@code length}) as well as the fields the dispatcher already
 * decoded from the headers.
 */
final class InstrumentApplier
{
    private final InstrumentDefinitionDecoder definitionDecoder = new InstrumentDefinitionDecoder();
    private final TradingStatusDecoder statusDecoder = new TradingStatusDecoder();
    private final VenueInstrumentDefinitionDecoder venueDefinitionDecoder = new VenueInstrumentDefinitionDecoder();

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
        instrument.priceExponent = priceExponent;
        venue(instrument, buffer, bodyOffset + InstrumentDefinitionDecoder.venueEncodingOffset());
        keepDefinition(instrument, buffer, offset, length);

        if (instrument.subscribed && null != instrumentListener)
        {
            instrumentListener.onInstrumentDefinition(sequence, instrumentId, symbol, priceExponent, lotSize);
        }
    }

    void venueInstrumentDefinition(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final int bodyOffset,
        final int blockLength,
        final int version,
        final long sequence,
        final long instrumentId)
    {
        final VenueInstrumentDefinitionDecoder decoder = venueDefinitionDecoder;
        decoder.wrap(buffer, bodyOffset, blockLength, version);
        final long venueInstrumentId = decoder.venueInstrumentId();
        final BookType bookType = decoder.bookType();
        final int priceExponent = decoder.priceExponent();
        final long tickSize = decoder.tickSize();
        final int marketDepth = decoder.marketDepth();
        final int impliedMarketDepth = decoder.impliedMarketDepth();
        final String symbol = decoder.symbol().trim();

        final InstrumentBook instrument = registry.define(instrumentId, symbol);
        instrument.venueInstrumentId = venueInstrumentId;
        instrument.priceExponent = priceExponent;
        instrument.tickSize = tickSize;
        venue(instrument, buffer, bodyOffset + VenueInstrumentDefinitionDecoder.venueEncodingOffset());
        instrument.bookType = bookType;
        if (BookType.PRICE_LEVEL == bookType)
        {
            // Sized here, once: the updates that follow only move values within these arrays.
            instrument.priceLevelDepths(marketDepth, impliedMarketDepth);
        }
        else
        {
            instrument.priceLevelBook = null;
            instrument.impliedBook = null;
        }
        keepDefinition(instrument, buffer, offset, length);

        if (instrument.subscribed && null != instrumentListener)
        {
            // Futures trade in whole contracts: a lot of one.
            instrumentListener.onInstrumentDefinition(sequence, instrumentId, symbol, priceExponent, 1);
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

    private static void keepDefinition(
        final InstrumentBook instrument, final DirectBuffer buffer, final int offset, final int length)
    {
        if (length <= instrument.definition.capacity())
        {
            instrument.definition.putBytes(0, buffer, offset, length);
            instrument.definitionLength = length;
        }
    }

    private static void venue(final InstrumentBook instrument, final DirectBuffer buffer, final int venueOffset)
    {
        final int venueCode = buffer.getInt(venueOffset, ByteOrder.LITTLE_ENDIAN);
        if (venueCode != instrument.venueCode)
        {
            // Compared as an int by a venue-wide BookReset; the string is for reading only.
            instrument.venueCode = venueCode;
            instrument.venue = buffer.getStringWithoutLengthAscii(venueOffset, 4).trim();
        }
    }
}
