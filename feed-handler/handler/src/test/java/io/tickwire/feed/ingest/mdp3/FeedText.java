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
package io.tickwire.feed.ingest.mdp3;

import io.tickwire.feed.ring.MessageSink;
import io.tickwire.sbe.md.BookResetDecoder;
import io.tickwire.sbe.md.BooleanType;
import io.tickwire.sbe.md.BrokenTradeDecoder;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import io.tickwire.sbe.md.OrderUpdateDecoder;
import io.tickwire.sbe.md.PriceLevelUpdateDecoder;
import io.tickwire.sbe.md.TradeSummaryDecoder;
import io.tickwire.sbe.md.TradingStatusDecoder;
import io.tickwire.sbe.md.VenueInstrumentDefinitionDecoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The feed messages an MDP 3.0 source gives, as comparable text (without timestamps, which tests check on their
 * own): decoded with the market data schema's decoders, as a subscriber would. Also a {@link MessageSink} that
 * records what a normaliser writes.
 */
public final class FeedText implements MessageSink
{
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[Mdp3Normaliser.MAX_ENCODED_LENGTH]);
    private final List<String> messages = new ArrayList<>();
    private final List<Long> sourceTimestamps = new ArrayList<>();

    /**
     * @return the messages written so far, as text.
     */
    public List<String> messages()
    {
        return messages;
    }

    /**
     * @return their sourceTimestamps, in the same order.
     */
    public List<Long> sourceTimestamps()
    {
        return sourceTimestamps;
    }

    /**
     * {@inheritDoc}
     */
    public MutableDirectBuffer buffer()
    {
        return scratch;
    }

    /**
     * {@inheritDoc}
     */
    public void write(final int length)
    {
        if (length > Mdp3Normaliser.MAX_ENCODED_LENGTH)
        {
            throw new IllegalStateException("message of " + length + " bytes exceeds MAX_ENCODED_LENGTH");
        }
        messages.add(format(scratch, 0, length));
        sourceTimestamps.add(scratch.getLong(MessageHeaderDecoder.ENCODED_LENGTH + 8, ByteOrder.LITTLE_ENDIAN));
    }

    /**
     * One feed message as text.
     *
     * @param buffer holding it.
     * @param offset of its SBE message header.
     * @param length of it.
     * @return e.g. {@code level 16819217 NEW BUY out L1 5000250000000 x10 n3 r100}; other templates as
     * {@code template N}.
     */
    public static String format(final DirectBuffer buffer, final int offset, final int length)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        switch (header.templateId())
        {
            case PriceLevelUpdateDecoder.TEMPLATE_ID:
            {
                final PriceLevelUpdateDecoder d =
                    new PriceLevelUpdateDecoder().wrap(buffer, body, blockLength, version);
                return "level " + d.instrumentId() + " " + d.action() + " " + d.side() + " " +
                    (d.implied() == BooleanType.TRUE ? "imp" : "out") + " L" + d.level() + " " +
                    d.price() + " x" + d.quantity() + " n" + d.orderCount() + " r" + d.venueSequence();
            }
            case TradeSummaryDecoder.TEMPLATE_ID:
            {
                final TradeSummaryDecoder d = new TradeSummaryDecoder().wrap(buffer, body, blockLength, version);
                return "trade " + d.instrumentId() + " " + d.price() + " x" + d.quantity() + " " + d.aggressorSide() +
                    " n" + d.orderCount() + " id" + d.tradeId() + " r" + d.venueSequence();
            }
            case BrokenTradeDecoder.TEMPLATE_ID:
            {
                final BrokenTradeDecoder d = new BrokenTradeDecoder().wrap(buffer, body, blockLength, version);
                return "broken " + d.instrumentId() + " id" + d.matchNumber();
            }
            case VenueInstrumentDefinitionDecoder.TEMPLATE_ID:
            {
                final VenueInstrumentDefinitionDecoder d =
                    new VenueInstrumentDefinitionDecoder().wrap(buffer, body, blockLength, version);
                return "definition " + d.instrumentId() + " " + d.venue() + " " + d.venueInstrumentId() + " " +
                    d.source() + " " + d.kind() + " " + d.bookType() + " e" + d.priceExponent() + " tick" +
                    d.tickSize() + " df" + d.displayFactor() + " cm" + d.contractMultiplier() + " m" + d.maturity() +
                    " d" + d.marketDepth() + "/" + d.impliedMarketDepth() + " '" + d.symbol().stripTrailing() + "' '" +
                    d.asset().stripTrailing() + "' '" + d.securityGroup().stripTrailing() + "'";
            }
            case OrderUpdateDecoder.TEMPLATE_ID:
            {
                final OrderUpdateDecoder d = new OrderUpdateDecoder().wrap(buffer, body, blockLength, version);
                return "order " + d.instrumentId() + " " + d.action() + " " + d.side() + " #" + d.orderId() + " p" +
                    d.priority() + " " + d.price() + " x" + d.displayQuantity() + " r" + d.venueSequence();
            }
            case BookResetDecoder.TEMPLATE_ID:
            {
                final BookResetDecoder d = new BookResetDecoder().wrap(buffer, body, blockLength, version);
                return "reset " + d.instrumentId() + " " + d.venue() + " " + d.reason() + " r" + d.venueSequence();
            }
            case TradingStatusDecoder.TEMPLATE_ID:
            {
                final TradingStatusDecoder d = new TradingStatusDecoder().wrap(buffer, body, blockLength, version);
                final StringBuilder reason = new StringBuilder();
                for (int i = 0; i < TradingStatusDecoder.reasonLength(); i++)
                {
                    reason.append((char)d.reason(i));
                }
                return "status " + d.instrumentId() + " " + d.tradingState() + " '" + reason + "'";
            }
            default:
                return "template " + header.templateId();
        }
    }
}
