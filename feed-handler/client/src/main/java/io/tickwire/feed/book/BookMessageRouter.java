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

import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.AddOrderDecoder;
import io.tickwire.sbe.md.BookResetDecoder;
import io.tickwire.sbe.md.BrokenTradeDecoder;
import io.tickwire.sbe.md.CrossTradeDecoder;
import io.tickwire.sbe.md.HeartbeatDecoder;
import io.tickwire.sbe.md.InstrumentDefinitionDecoder;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import io.tickwire.sbe.md.OrderCancelDecoder;
import io.tickwire.sbe.md.OrderDeleteDecoder;
import io.tickwire.sbe.md.OrderExecutedDecoder;
import io.tickwire.sbe.md.OrderExecutedWithPriceDecoder;
import io.tickwire.sbe.md.OrderReplaceDecoder;
import io.tickwire.sbe.md.OrderUpdateDecoder;
import io.tickwire.sbe.md.PriceLevelUpdateDecoder;
import io.tickwire.sbe.md.PublisherEpochDecoder;
import io.tickwire.sbe.md.SystemEventDecoder;
import io.tickwire.sbe.md.TradeDecoder;
import io.tickwire.sbe.md.TradeSummaryDecoder;
import io.tickwire.sbe.md.TradingStatusDecoder;
import io.tickwire.sbe.md.VenueInstrumentDefinitionDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.ByteOrder;

/**
 * The tick path of {@link BookBuilder}: decodes a market data message's header, drops (and counts) a message that is
 * malformed or of an unknown schema or template, and routes the rest by template id to its applier. The routing is a
 * {@code switch} calling methods of final classes, so the hot path stays monomorphic and inlinable; nothing is
 * allocated, locked or logged here.
 */
final class BookMessageRouter
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final InstrumentApplier instrumentApplier;
    private final OrderApplier orderApplier;
    private final TradeApplier tradeApplier;
    private final PriceLevelApplier priceLevelApplier;
    private final OrderUpdateApplier orderUpdateApplier;
    private final AtomicCounter messagesApplied;
    private final AtomicCounter unknownTemplateMessages;
    private final AtomicCounter malformedMessages;

    BookMessageRouter(
        final InstrumentApplier instrumentApplier,
        final OrderApplier orderApplier,
        final TradeApplier tradeApplier,
        final PriceLevelApplier priceLevelApplier,
        final OrderUpdateApplier orderUpdateApplier,
        final AtomicCounter messagesApplied,
        final AtomicCounter unknownTemplateMessages,
        final AtomicCounter malformedMessages)
    {
        this.instrumentApplier = instrumentApplier;
        this.orderApplier = orderApplier;
        this.tradeApplier = tradeApplier;
        this.priceLevelApplier = priceLevelApplier;
        this.orderUpdateApplier = orderUpdateApplier;
        this.messagesApplied = messagesApplied;
        this.unknownTemplateMessages = unknownTemplateMessages;
        this.malformedMessages = malformedMessages;
    }

    /**
     * Decode one market data message and apply it.
     *
     * @param buffer holding the message.
     * @param offset of the SBE message header.
     * @param length of the message.
     * @return the instrument whose book changed, or {@code null} when no subscribed book changed.
     */
    InstrumentBook apply(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MarketDataHeader.MIN_MESSAGE_LENGTH)
        {
            malformedMessages.incrementRelease();
            return null;
        }

        headerDecoder.wrap(buffer, offset);
        if (headerDecoder.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            unknownTemplateMessages.incrementRelease();
            return null;
        }

        final int templateId = headerDecoder.templateId();
        final int blockLength = headerDecoder.blockLength();
        final int version = headerDecoder.version();
        final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final long sequence = buffer.getLong(offset + MarketDataHeader.SEQUENCE_OFFSET, ORDER);
        final long instrumentId = buffer.getInt(offset + MarketDataHeader.INSTRUMENT_ID_OFFSET, ORDER) & 0xFFFF_FFFFL;
        final int bodyLength = length - MessageHeaderDecoder.ENCODED_LENGTH;
        if (!BookMessageCheck.isDecodable(buffer, bodyOffset, bodyLength, templateId, blockLength))
        {
            malformedMessages.incrementRelease();
            return null;
        }

        switch (templateId)
        {
            case AddOrderDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                return orderApplier.addOrder(buffer, bodyOffset, blockLength, version, sequence, instrumentId);

            case OrderExecutedDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                return orderApplier.orderExecuted(buffer, bodyOffset, blockLength, version, sequence, instrumentId);

            case OrderExecutedWithPriceDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                return orderApplier.orderExecutedWithPrice(
                    buffer, bodyOffset, blockLength, version, sequence, instrumentId);

            case OrderCancelDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                return orderApplier.orderCancel(buffer, bodyOffset, blockLength, version, sequence, instrumentId);

            case OrderDeleteDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                return orderApplier.orderDelete(buffer, bodyOffset, blockLength, version, sequence, instrumentId);

            case OrderReplaceDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                return orderApplier.orderReplace(buffer, bodyOffset, blockLength, version, sequence, instrumentId);

            case TradeDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                tradeApplier.trade(buffer, bodyOffset, blockLength, version, sequence, instrumentId);
                return null;

            case CrossTradeDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                tradeApplier.crossTrade(buffer, bodyOffset, blockLength, version, sequence, instrumentId);
                return null;

            case BrokenTradeDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                tradeApplier.brokenTrade(buffer, bodyOffset, blockLength, version, sequence, instrumentId);
                return null;

            case InstrumentDefinitionDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                instrumentApplier.instrumentDefinition(
                    buffer, offset, length, bodyOffset, blockLength, version, sequence, instrumentId);
                return null;

            case TradingStatusDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                instrumentApplier.tradingStatus(
                    buffer, offset, length, bodyOffset, blockLength, version, sequence, instrumentId);
                return null;

            case PriceLevelUpdateDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                return priceLevelApplier.priceLevelUpdate(
                    buffer, bodyOffset, blockLength, version, sequence, instrumentId);

            case BookResetDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                return priceLevelApplier.bookReset(buffer, bodyOffset, blockLength, version, sequence, instrumentId);

            case OrderUpdateDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                return orderUpdateApplier.orderUpdate(buffer, bodyOffset, blockLength, version, sequence, instrumentId);

            case TradeSummaryDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                tradeApplier.tradeSummary(buffer, bodyOffset, blockLength, version, sequence, instrumentId);
                return null;

            case VenueInstrumentDefinitionDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                instrumentApplier.venueInstrumentDefinition(
                    buffer, offset, length, bodyOffset, blockLength, version, sequence, instrumentId);
                return null;

            case SystemEventDecoder.TEMPLATE_ID:
            case HeartbeatDecoder.TEMPLATE_ID:
            case PublisherEpochDecoder.TEMPLATE_ID:
                // No book effect; the sequence rules act on a publisher epoch before the message gets here.
                messagesApplied.incrementRelease();
                return null;

            default:
                unknownTemplateMessages.incrementRelease();
                return null;
        }
    }
}
