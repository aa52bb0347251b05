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
package io.tickwire.feed.sim;

import io.tickwire.sbe.md.AggressorSide;
import io.tickwire.sbe.md.BookResetEncoder;
import io.tickwire.sbe.md.BookResetReason;
import io.tickwire.sbe.md.BookType;
import io.tickwire.sbe.md.BooleanType;
import io.tickwire.sbe.md.InstrumentKind;
import io.tickwire.sbe.md.InstrumentSource;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import io.tickwire.sbe.md.PriceLevelAction;
import io.tickwire.sbe.md.PriceLevelUpdateEncoder;
import io.tickwire.sbe.md.Side;
import io.tickwire.sbe.md.TradeSummaryEncoder;
import io.tickwire.sbe.md.VenueInstrumentDefinitionEncoder;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes the market-by-price messages of schema version 3 (VenueInstrumentDefinition, PriceLevelUpdate,
 * TradeSummary, BookReset) as a CME MDP 3.0 normaliser would publish them, for tests. Encoders are reused; each
 * method returns the encoded length from the message header on. {@link #rawAction}, {@link #rawSide} and
 * {@link #rawImplied} overwrite a field of an encoded update with a value the schema does not define.
 */
public final class PriceLevelMessages
{
    /** Price exponent of CME MDP 3.0 (PRICE9). */
    public static final byte CME_PRICE_EXPONENT = -9;

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final VenueInstrumentDefinitionEncoder definition = new VenueInstrumentDefinitionEncoder();
    private final PriceLevelUpdateEncoder update = new PriceLevelUpdateEncoder();
    private final TradeSummaryEncoder tradeSummary = new TradeSummaryEncoder();
    private final BookResetEncoder bookReset = new BookResetEncoder();

    /**
     * A VenueInstrumentDefinition of a future.
     *
     * @param buffer             to encode into.
     * @param offset             of the message header.
     * @param sequence           stream sequence.
     * @param instrumentId       the feed's id.
     * @param venue              MIC.
     * @param venueInstrumentId  the venue's id (SecurityID).
     * @param symbol             the venue's symbol.
     * @param bookType           books to build.
     * @param tickSize           price mantissa.
     * @param marketDepth        levels of the outright book.
     * @param impliedMarketDepth levels of the implied book.
     * @return the length.
     */
    public int definition(
        final MutableDirectBuffer buffer,
        final int offset,
        final long sequence,
        final long instrumentId,
        final String venue,
        final long venueInstrumentId,
        final String symbol,
        final BookType bookType,
        final long tickSize,
        final int marketDepth,
        final int impliedMarketDepth)
    {
        definition.wrapAndApplyHeader(buffer, offset, header)
            .sequence(sequence)
            .sourceTimestamp(0)
            .ingestTimestamp(0)
            .publishTimestamp(0)
            .instrumentId(instrumentId)
            .venue(venue)
            .venueInstrumentId(venueInstrumentId)
            .source(InstrumentSource.CME_MDP3)
            .kind(InstrumentKind.FUTURE)
            .bookType(bookType)
            .priceExponent(CME_PRICE_EXPONENT)
            .tickSize(tickSize)
            .displayFactor(1_000_000_000L)
            .contractMultiplier(50)
            .maturity(20261218)
            .marketDepth((short)marketDepth)
            .impliedMarketDepth((short)impliedMarketDepth)
            .symbol(symbol)
            .asset("ES")
            .securityGroup("ES");
        return MessageHeaderEncoder.ENCODED_LENGTH + definition.encodedLength();
    }

    /**
     * A PriceLevelUpdate.
     *
     * @param buffer       to encode into.
     * @param offset       of the message header.
     * @param sequence     stream sequence.
     * @param instrumentId the feed's id.
     * @param action       what to do.
     * @param side         of the book.
     * @param implied      true for the implied book.
     * @param level        1 for the best.
     * @param price        mantissa.
     * @param quantity     at the level.
     * @param orderCount   at the level.
     * @return the length.
     */
    public int update(
        final MutableDirectBuffer buffer,
        final int offset,
        final long sequence,
        final long instrumentId,
        final PriceLevelAction action,
        final Side side,
        final boolean implied,
        final int level,
        final long price,
        final long quantity,
        final int orderCount)
    {
        update.wrapAndApplyHeader(buffer, offset, header)
            .sequence(sequence)
            .sourceTimestamp(0)
            .ingestTimestamp(0)
            .publishTimestamp(0)
            .instrumentId(instrumentId)
            .action(action)
            .side(side)
            .implied(implied ? BooleanType.TRUE : BooleanType.FALSE)
            .level((short)level)
            .price(price)
            .quantity(quantity)
            .orderCount(orderCount)
            .venueSequence(sequence);
        return MessageHeaderEncoder.ENCODED_LENGTH + update.encodedLength();
    }

    /**
     * A TradeSummary.
     *
     * @param buffer        to encode into.
     * @param offset        of the message header.
     * @param sequence      stream sequence.
     * @param instrumentId  the feed's id.
     * @param price         mantissa.
     * @param quantity      traded.
     * @param aggressorSide of the incoming order.
     * @param orderCount    orders that took part.
     * @param tradeId       the venue's trade id.
     * @return the length.
     */
    public int tradeSummary(
        final MutableDirectBuffer buffer,
        final int offset,
        final long sequence,
        final long instrumentId,
        final long price,
        final long quantity,
        final AggressorSide aggressorSide,
        final int orderCount,
        final long tradeId)
    {
        tradeSummary.wrapAndApplyHeader(buffer, offset, header)
            .sequence(sequence)
            .sourceTimestamp(0)
            .ingestTimestamp(0)
            .publishTimestamp(0)
            .instrumentId(instrumentId)
            .price(price)
            .quantity(quantity)
            .aggressorSide(aggressorSide)
            .orderCount(orderCount)
            .tradeId(tradeId)
            .venueSequence(sequence);
        return MessageHeaderEncoder.ENCODED_LENGTH + tradeSummary.encodedLength();
    }

    /**
     * A BookReset.
     *
     * @param buffer       to encode into.
     * @param offset       of the message header.
     * @param sequence     stream sequence.
     * @param instrumentId the instrument to clear, 0 for every instrument of the venue.
     * @param venue        MIC.
     * @param reason       why.
     * @return the length.
     */
    public int bookReset(
        final MutableDirectBuffer buffer,
        final int offset,
        final long sequence,
        final long instrumentId,
        final String venue,
        final BookResetReason reason)
    {
        bookReset.wrapAndApplyHeader(buffer, offset, header)
            .sequence(sequence)
            .sourceTimestamp(0)
            .ingestTimestamp(0)
            .publishTimestamp(0)
            .instrumentId(instrumentId)
            .venue(venue)
            .reason(reason)
            .venueSequence(0);
        return MessageHeaderEncoder.ENCODED_LENGTH + bookReset.encodedLength();
    }

    /**
     * Overwrite the action of an encoded PriceLevelUpdate.
     *
     * @param buffer holding it.
     * @param offset of its message header.
     * @param action any byte.
     */
    public static void rawAction(final MutableDirectBuffer buffer, final int offset, final int action)
    {
        buffer.putByte(offset + MessageHeaderEncoder.ENCODED_LENGTH + PriceLevelUpdateEncoder.actionEncodingOffset(),
            (byte)action);
    }

    /**
     * Overwrite the side of an encoded PriceLevelUpdate.
     *
     * @param buffer holding it.
     * @param offset of its message header.
     * @param side   any byte.
     */
    public static void rawSide(final MutableDirectBuffer buffer, final int offset, final int side)
    {
        buffer.putByte(offset + MessageHeaderEncoder.ENCODED_LENGTH + PriceLevelUpdateEncoder.sideEncodingOffset(),
            (byte)side);
    }

    /**
     * Overwrite the implied flag of an encoded PriceLevelUpdate.
     *
     * @param buffer  holding it.
     * @param offset  of its message header.
     * @param implied any byte.
     */
    public static void rawImplied(final MutableDirectBuffer buffer, final int offset, final int implied)
    {
        buffer.putByte(offset + MessageHeaderEncoder.ENCODED_LENGTH + PriceLevelUpdateEncoder.impliedEncodingOffset(),
            (byte)implied);
    }
}
