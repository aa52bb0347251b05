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

import io.tickwire.sbe.md.AddOrderDecoder;
import io.tickwire.sbe.md.AggressorSide;
import io.tickwire.sbe.md.BookResetDecoder;
import io.tickwire.sbe.md.BookResetReason;
import io.tickwire.sbe.md.BookType;
import io.tickwire.sbe.md.BooleanType;
import io.tickwire.sbe.md.BrokenTradeDecoder;
import io.tickwire.sbe.md.CrossTradeDecoder;
import io.tickwire.sbe.md.InstrumentDefinitionDecoder;
import io.tickwire.sbe.md.OrderCancelDecoder;
import io.tickwire.sbe.md.OrderDeleteDecoder;
import io.tickwire.sbe.md.OrderExecutedDecoder;
import io.tickwire.sbe.md.OrderExecutedWithPriceDecoder;
import io.tickwire.sbe.md.OrderReplaceDecoder;
import io.tickwire.sbe.md.OrderUpdateDecoder;
import io.tickwire.sbe.md.PriceLevelUpdateDecoder;
import io.tickwire.sbe.md.Side;
import io.tickwire.sbe.md.TradeDecoder;
import io.tickwire.sbe.md.TradeSummaryDecoder;
import io.tickwire.sbe.md.TradingState;
import io.tickwire.sbe.md.TradingStatusDecoder;
import io.tickwire.sbe.md.VenueInstrumentDefinitionDecoder;
import org.agrona.DirectBuffer;

/**
 * Checks, before a market data message is routed, that the appliers can read it: its block is at least its
 * template's and within the message, and the enum values read through the decoders are ones the schema defines.
 * Kept apart from {@link BookMessageRouter} so that the routing stays a plain switch and this table of layouts can be
 * read (and extended with a template) on its own. Stateless; reads only the message's bytes.
 */
final class BookMessageCheck
{
    private BookMessageCheck()
    {
    }

    /**
     * Can the appliers read this message? The decoders read every field of a template's block at its offset, whatever
     * block length the header claims, and turn an enum byte they do not know into an exception: a block shorter than
     * the template's, or one longer than the message, would be read from the bytes after the message (the next frame,
     * or past the end of the buffer), and an unknown enum value would throw out of the subscriber's poll.
     * <p>
     * Every field of a template is in the template's first version, so a template's block is its whole block; a field
     * added in a later version would be read only from messages of that version, and the minimum would stay the first
     * version's block, as in the gateway's {@code CommandValidator}.
     */
    static boolean isDecodable(
        final DirectBuffer buffer,
        final int bodyOffset,
        final int bodyLength,
        final int templateId,
        final int blockLength)
    {
        final int templateBlockLength;
        switch (templateId)
        {
            case AddOrderDecoder.TEMPLATE_ID:
                templateBlockLength = AddOrderDecoder.BLOCK_LENGTH;
                break;
            case OrderExecutedDecoder.TEMPLATE_ID:
                templateBlockLength = OrderExecutedDecoder.BLOCK_LENGTH;
                break;
            case OrderExecutedWithPriceDecoder.TEMPLATE_ID:
                templateBlockLength = OrderExecutedWithPriceDecoder.BLOCK_LENGTH;
                break;
            case OrderCancelDecoder.TEMPLATE_ID:
                templateBlockLength = OrderCancelDecoder.BLOCK_LENGTH;
                break;
            case OrderDeleteDecoder.TEMPLATE_ID:
                templateBlockLength = OrderDeleteDecoder.BLOCK_LENGTH;
                break;
            case OrderReplaceDecoder.TEMPLATE_ID:
                templateBlockLength = OrderReplaceDecoder.BLOCK_LENGTH;
                break;
            case TradeDecoder.TEMPLATE_ID:
                templateBlockLength = TradeDecoder.BLOCK_LENGTH;
                break;
            case CrossTradeDecoder.TEMPLATE_ID:
                templateBlockLength = CrossTradeDecoder.BLOCK_LENGTH;
                break;
            case BrokenTradeDecoder.TEMPLATE_ID:
                templateBlockLength = BrokenTradeDecoder.BLOCK_LENGTH;
                break;
            case InstrumentDefinitionDecoder.TEMPLATE_ID:
                templateBlockLength = InstrumentDefinitionDecoder.BLOCK_LENGTH;
                break;
            case TradingStatusDecoder.TEMPLATE_ID:
                templateBlockLength = TradingStatusDecoder.BLOCK_LENGTH;
                break;
            case VenueInstrumentDefinitionDecoder.TEMPLATE_ID:
                templateBlockLength = VenueInstrumentDefinitionDecoder.BLOCK_LENGTH;
                break;
            case PriceLevelUpdateDecoder.TEMPLATE_ID:
                templateBlockLength = PriceLevelUpdateDecoder.BLOCK_LENGTH;
                break;
            case TradeSummaryDecoder.TEMPLATE_ID:
                templateBlockLength = TradeSummaryDecoder.BLOCK_LENGTH;
                break;
            case BookResetDecoder.TEMPLATE_ID:
                templateBlockLength = BookResetDecoder.BLOCK_LENGTH;
                break;
            case OrderUpdateDecoder.TEMPLATE_ID:
                templateBlockLength = OrderUpdateDecoder.BLOCK_LENGTH;
                break;
            default:
                // Not read beyond the shared prefix: counted as unknown, or ignored (system events, heartbeats).
                return true;
        }
        if (blockLength < templateBlockLength || blockLength > bodyLength)
        {
            return false;
        }

        switch (templateId)
        {
            case AddOrderDecoder.TEMPLATE_ID:
                final byte side = buffer.getByte(bodyOffset + AddOrderDecoder.sideEncodingOffset());
                return side == Side.BUY.value() || side == Side.SELL.value() || side == Side.NULL_VAL.value();
            case OrderExecutedWithPriceDecoder.TEMPLATE_ID:
                final short printable = (short)(buffer.getByte(
                    bodyOffset + OrderExecutedWithPriceDecoder.printableEncodingOffset()) & 0xFF);
                return printable == BooleanType.TRUE.value() || printable == BooleanType.FALSE.value() ||
                    printable == BooleanType.NULL_VAL.value();
            case TradingStatusDecoder.TEMPLATE_ID:
                final byte state = buffer.getByte(bodyOffset + TradingStatusDecoder.tradingStateEncodingOffset());
                return state == TradingState.HALTED.value() || state == TradingState.PAUSED.value() ||
                    state == TradingState.QUOTATION_ONLY.value() || state == TradingState.TRADING.value() ||
                    state == TradingState.NULL_VAL.value();
            case VenueInstrumentDefinitionDecoder.TEMPLATE_ID:
                // The book type decides which books the instrument gets: without a valid one it cannot be defined.
                final short bookType = (short)(buffer.getByte(
                    bodyOffset + VenueInstrumentDefinitionDecoder.bookTypeEncodingOffset()) & 0xFF);
                return bookType == BookType.ORDER_BOOK.value() || bookType == BookType.PRICE_LEVEL.value();
            case TradeSummaryDecoder.TEMPLATE_ID:
                final short aggressor = (short)(buffer.getByte(
                    bodyOffset + TradeSummaryDecoder.aggressorSideEncodingOffset()) & 0xFF);
                return aggressor == AggressorSide.NONE.value() || aggressor == AggressorSide.BUY.value() ||
                    aggressor == AggressorSide.SELL.value() || aggressor == AggressorSide.NULL_VAL.value();
            case BookResetDecoder.TEMPLATE_ID:
                final short reason = (short)(buffer.getByte(
                    bodyOffset + BookResetDecoder.reasonEncodingOffset()) & 0xFF);
                return reason == BookResetReason.CHANNEL_RESET.value() || reason == BookResetReason.RECOVERY.value() ||
                    reason == BookResetReason.NULL_VAL.value();
            default:
                // PriceLevelUpdate's and OrderUpdate's enums are read raw by their appliers, which report a bad one
                // as a book error.
                return true;
        }
    }
}
