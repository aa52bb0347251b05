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
package io.tickwire.feed.ingest.itch;

import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.MalformedReason;
import io.tickwire.sbe.md.AddOrderEncoder;
import io.tickwire.sbe.md.BooleanType;
import io.tickwire.sbe.md.BrokenTradeEncoder;
import io.tickwire.sbe.md.CrossTradeEncoder;
import io.tickwire.sbe.md.InstrumentDefinitionEncoder;
import io.tickwire.sbe.md.InstrumentSource;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import io.tickwire.sbe.md.OrderCancelEncoder;
import io.tickwire.sbe.md.OrderDeleteEncoder;
import io.tickwire.sbe.md.OrderExecutedEncoder;
import io.tickwire.sbe.md.OrderExecutedWithPriceEncoder;
import io.tickwire.sbe.md.OrderReplaceEncoder;
import io.tickwire.sbe.md.Side;
import io.tickwire.sbe.md.SystemEventCode;
import io.tickwire.sbe.md.SystemEventEncoder;
import io.tickwire.sbe.md.TradeEncoder;
import io.tickwire.sbe.md.TradingState;
import io.tickwire.sbe.md.TradingStatusEncoder;
import org.agrona.MutableDirectBuffer;

/**
 * The per-message-type half of {@link ItchNormaliser}: as the {@link ItchDecoder}'s listener, encodes each decoded
 * ITCH message of a normalised type as its Tickwire market data SBE message (with its SBE message header) into the
 * buffer {@link #wrap} was given, and reports a field value the schema cannot carry (side, trading state, system event
 * code, printable flag) as malformed. The normaliser keeps the ingest contract and the counters.
 * <p>
 * Single-threaded; the encoders are allocated once and nothing is allocated per message.
 */
final class ItchSbeEncoder implements ItchListener
{
    /** Upper bound of the length of any message encoded here, header included. */
    static final int MAX_ENCODED_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + max(
        SystemEventEncoder.BLOCK_LENGTH, InstrumentDefinitionEncoder.BLOCK_LENGTH, TradingStatusEncoder.BLOCK_LENGTH,
        AddOrderEncoder.BLOCK_LENGTH, OrderExecutedEncoder.BLOCK_LENGTH, OrderExecutedWithPriceEncoder.BLOCK_LENGTH,
        OrderCancelEncoder.BLOCK_LENGTH, OrderDeleteEncoder.BLOCK_LENGTH, OrderReplaceEncoder.BLOCK_LENGTH,
        TradeEncoder.BLOCK_LENGTH, CrossTradeEncoder.BLOCK_LENGTH, BrokenTradeEncoder.BLOCK_LENGTH);

    /** {@link #result()} of a message whose type is not normalised: nothing was encoded. */
    static final int NOT_NORMALISED = 0;
    /** {@link #result()} of a message with a field value the schema cannot carry: reported, nothing encoded. */
    static final int MALFORMED = -1;

    private final MalformedInputListener listener;
    private final String sourceName;

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final SystemEventEncoder systemEvent = new SystemEventEncoder();
    private final InstrumentDefinitionEncoder instrumentDefinition = new InstrumentDefinitionEncoder();
    private final TradingStatusEncoder tradingStatus = new TradingStatusEncoder();
    private final AddOrderEncoder addOrder = new AddOrderEncoder();
    private final OrderExecutedEncoder orderExecuted = new OrderExecutedEncoder();
    private final OrderExecutedWithPriceEncoder orderExecutedWithPrice = new OrderExecutedWithPriceEncoder();
    private final OrderCancelEncoder orderCancel = new OrderCancelEncoder();
    private final OrderDeleteEncoder orderDelete = new OrderDeleteEncoder();
    private final OrderReplaceEncoder orderReplace = new OrderReplaceEncoder();
    private final TradeEncoder trade = new TradeEncoder();
    private final CrossTradeEncoder crossTrade = new CrossTradeEncoder();
    private final BrokenTradeEncoder brokenTrade = new BrokenTradeEncoder();

    private MutableDirectBuffer dst;
    private int dstOffset;
    private int result;
    private long ingestTimestamp;
    private long badFieldCount;

    ItchSbeEncoder(final MalformedInputListener listener, final String sourceName)
    {
        this.listener = listener;
        this.sourceName = sourceName;
    }

    /**
     * Where the next decoded message is encoded, and its ingest timestamp; resets {@link #result()}.
     *
     * @param dst             to encode into; needs {@link #MAX_ENCODED_LENGTH} bytes from dstOffset.
     * @param dstOffset       where the SBE message header goes.
     * @param ingestTimestamp of the message.
     */
    void wrap(final MutableDirectBuffer dst, final int dstOffset, final long ingestTimestamp)
    {
        this.dst = dst;
        this.dstOffset = dstOffset;
        this.result = NOT_NORMALISED;
        this.ingestTimestamp = ingestTimestamp;
    }

    /**
     * What the last decoded message gave.
     *
     * @return the encoded length, {@link #NOT_NORMALISED} or {@link #MALFORMED}.
     */
    int result()
    {
        return result;
    }

    /**
     * Messages reported for a field value the schema cannot carry.
     *
     * @return the count.
     */
    long badFieldCount()
    {
        return badFieldCount;
    }

    /**
     * {@inheritDoc}
     */
    public void onSystemEvent(
        final long sequence, final int locate, final int tracking, final long timestamp, final byte eventCode)
    {
        final SystemEventCode code;
        switch (eventCode)
        {
            case 'O':
                code = SystemEventCode.START_OF_MESSAGES;
                break;
            case 'S':
                code = SystemEventCode.START_OF_SYSTEM_HOURS;
                break;
            case 'Q':
                code = SystemEventCode.START_OF_MARKET_HOURS;
                break;
            case 'M':
                code = SystemEventCode.END_OF_MARKET_HOURS;
                break;
            case 'E':
                code = SystemEventCode.END_OF_SYSTEM_HOURS;
                break;
            case 'C':
                code = SystemEventCode.END_OF_MESSAGES;
                break;
            default:
                badField(sequence, "system event code", eventCode);
                return;
        }

        systemEvent.wrapAndApplyHeader(dst, dstOffset, header)
            .sequence(0)
            .sourceTimestamp(timestamp)
            .ingestTimestamp(ingestTimestamp)
            .publishTimestamp(0)
            .instrumentId(locate)
            .eventCode(code);
        result = MessageHeaderEncoder.ENCODED_LENGTH + systemEvent.encodedLength();
    }

    /**
     * {@inheritDoc}
     */
    public void onStockDirectory(
        final long sequence, final int locate, final int tracking, final long timestamp, final long stock,
        final byte marketCategory, final byte financialStatus, final long roundLotSize, final byte roundLotsOnly,
        final byte issueClassification, final short issueSubType, final byte authenticity,
        final byte shortSaleThreshold, final byte ipoFlag, final byte luldTier, final byte etpFlag,
        final long etpLeverageFactor, final byte inverseIndicator)
    {
        final InstrumentDefinitionEncoder encoder = instrumentDefinition.wrapAndApplyHeader(dst, dstOffset, header)
            .sequence(0)
            .sourceTimestamp(timestamp)
            .ingestTimestamp(ingestTimestamp)
            .publishTimestamp(0)
            .instrumentId(locate);
        for (int i = 0; i < 8; i++)
        {
            encoder.symbol(i, (byte)(stock >>> (56 - 8 * i)));
        }
        encoder
            .priceExponent(ItchNormaliser.ITCH_PRICE_EXPONENT)
            .lotSize(roundLotSize)
            .source(InstrumentSource.ITCH)
            .putVenue((byte)'X', (byte)'N', (byte)'A', (byte)'S')
            .marketCategory(marketCategory)
            .financialStatus(financialStatus)
            .issueClassification(issueClassification);
        result = MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    /**
     * {@inheritDoc}
     */
    public void onStockTradingAction(
        final long sequence, final int locate, final int tracking, final long timestamp, final long stock,
        final byte tradingState, final byte reserved, final int reason)
    {
        final TradingState state;
        switch (tradingState)
        {
            case 'H':
                state = TradingState.HALTED;
                break;
            case 'P':
                state = TradingState.PAUSED;
                break;
            case 'Q':
                state = TradingState.QUOTATION_ONLY;
                break;
            case 'T':
                state = TradingState.TRADING;
                break;
            default:
                badField(sequence, "trading state", tradingState);
                return;
        }

        tradingStatus.wrapAndApplyHeader(dst, dstOffset, header)
            .sequence(0)
            .sourceTimestamp(timestamp)
            .ingestTimestamp(ingestTimestamp)
            .publishTimestamp(0)
            .instrumentId(locate)
            .tradingState(state)
            .putReason((byte)(reason >>> 24), (byte)(reason >>> 16), (byte)(reason >>> 8), (byte)reason);
        result = MessageHeaderEncoder.ENCODED_LENGTH + tradingStatus.encodedLength();
    }

    /**
     * {@inheritDoc}
     */
    public void onAddOrder(
        final long sequence, final int locate, final int tracking, final long timestamp, final long ref,
        final byte side, final long shares, final long stock, final long price, final int attribution)
    {
        final Side sbeSide = side(sequence, side);
        if (null == sbeSide)
        {
            return;
        }

        final int mpid = attribution == 0 ? 0x20202020 : attribution;
        addOrder.wrapAndApplyHeader(dst, dstOffset, header)
            .sequence(0)
            .sourceTimestamp(timestamp)
            .ingestTimestamp(ingestTimestamp)
            .publishTimestamp(0)
            .instrumentId(locate)
            .orderId(ref)
            .side(sbeSide)
            .quantity(shares)
            .price(price)
            .putAttribution((byte)(mpid >>> 24), (byte)(mpid >>> 16), (byte)(mpid >>> 8), (byte)mpid);
        result = MessageHeaderEncoder.ENCODED_LENGTH + addOrder.encodedLength();
    }

    /**
     * {@inheritDoc}
     */
    public void onOrderExecuted(
        final long sequence, final int locate, final int tracking, final long timestamp, final long ref,
        final long shares, final long match)
    {
        orderExecuted.wrapAndApplyHeader(dst, dstOffset, header)
            .sequence(0)
            .sourceTimestamp(timestamp)
            .ingestTimestamp(ingestTimestamp)
            .publishTimestamp(0)
            .instrumentId(locate)
            .orderId(ref)
            .executedQuantity(shares)
            .matchNumber(match);
        result = MessageHeaderEncoder.ENCODED_LENGTH + orderExecuted.encodedLength();
    }

    /**
     * {@inheritDoc}
     */
    public void onOrderExecutedWithPrice(
        final long sequence, final int locate, final int tracking, final long timestamp, final long ref,
        final long shares, final long match, final byte printable, final long price)
    {
        final BooleanType isPrintable;
        if (printable == 'Y')
        {
            isPrintable = BooleanType.TRUE;
        }
        else if (printable == 'N')
        {
            isPrintable = BooleanType.FALSE;
        }
        else
        {
            badField(sequence, "printable", printable);
            return;
        }

        orderExecutedWithPrice.wrapAndApplyHeader(dst, dstOffset, header)
            .sequence(0)
            .sourceTimestamp(timestamp)
            .ingestTimestamp(ingestTimestamp)
            .publishTimestamp(0)
            .instrumentId(locate)
            .orderId(ref)
            .executedQuantity(shares)
            .matchNumber(match)
            .printable(isPrintable)
            .executionPrice(price);
        result = MessageHeaderEncoder.ENCODED_LENGTH + orderExecutedWithPrice.encodedLength();
    }

    /**
     * {@inheritDoc}
     */
    public void onOrderCancel(
        final long sequence, final int locate, final int tracking, final long timestamp, final long ref,
        final long shares)
    {
        orderCancel.wrapAndApplyHeader(dst, dstOffset, header)
            .sequence(0)
            .sourceTimestamp(timestamp)
            .ingestTimestamp(ingestTimestamp)
            .publishTimestamp(0)
            .instrumentId(locate)
            .orderId(ref)
            .cancelledQuantity(shares);
        result = MessageHeaderEncoder.ENCODED_LENGTH + orderCancel.encodedLength();
    }

    /**
     * {@inheritDoc}
     */
    public void onOrderDelete(
        final long sequence, final int locate, final int tracking, final long timestamp, final long ref)
    {
        orderDelete.wrapAndApplyHeader(dst, dstOffset, header)
            .sequence(0)
            .sourceTimestamp(timestamp)
            .ingestTimestamp(ingestTimestamp)
            .publishTimestamp(0)
            .instrumentId(locate)
            .orderId(ref);
        result = MessageHeaderEncoder.ENCODED_LENGTH + orderDelete.encodedLength();
    }

    /**
     * {@inheritDoc}
     */
    public void onOrderReplace(
        final long sequence, final int locate, final int tracking, final long timestamp, final long origRef,
        final long newRef, final long shares, final long price)
    {
        orderReplace.wrapAndApplyHeader(dst, dstOffset, header)
            .sequence(0)
            .sourceTimestamp(timestamp)
            .ingestTimestamp(ingestTimestamp)
            .publishTimestamp(0)
            .instrumentId(locate)
            .originalOrderId(origRef)
            .newOrderId(newRef)
            .quantity(shares)
            .price(price);
        result = MessageHeaderEncoder.ENCODED_LENGTH + orderReplace.encodedLength();
    }

    /**
     * {@inheritDoc}
     */
    public void onTrade(
        final long sequence, final int locate, final int tracking, final long timestamp, final long ref,
        final byte side, final long shares, final long stock, final long price, final long match)
    {
        final Side sbeSide = side(sequence, side);
        if (null == sbeSide)
        {
            return;
        }

        trade.wrapAndApplyHeader(dst, dstOffset, header)
            .sequence(0)
            .sourceTimestamp(timestamp)
            .ingestTimestamp(ingestTimestamp)
            .publishTimestamp(0)
            .instrumentId(locate)
            .orderId(ref)
            .side(sbeSide)
            .quantity(shares)
            .price(price)
            .matchNumber(match);
        result = MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength();
    }

    /**
     * {@inheritDoc}
     */
    public void onCrossTrade(
        final long sequence, final int locate, final int tracking, final long timestamp, final long shares,
        final long stock, final long crossPrice, final long match, final byte crossType)
    {
        crossTrade.wrapAndApplyHeader(dst, dstOffset, header)
            .sequence(0)
            .sourceTimestamp(timestamp)
            .ingestTimestamp(ingestTimestamp)
            .publishTimestamp(0)
            .instrumentId(locate)
            .quantity(shares)
            .price(crossPrice)
            .matchNumber(match)
            .crossType(crossType);
        result = MessageHeaderEncoder.ENCODED_LENGTH + crossTrade.encodedLength();
    }

    /**
     * {@inheritDoc}
     */
    public void onBrokenTrade(
        final long sequence, final int locate, final int tracking, final long timestamp, final long match)
    {
        brokenTrade.wrapAndApplyHeader(dst, dstOffset, header)
            .sequence(0)
            .sourceTimestamp(timestamp)
            .ingestTimestamp(ingestTimestamp)
            .publishTimestamp(0)
            .instrumentId(locate)
            .matchNumber(match);
        result = MessageHeaderEncoder.ENCODED_LENGTH + brokenTrade.encodedLength();
    }

    private Side side(final long sequence, final byte side)
    {
        if (side == 'B')
        {
            return Side.BUY;
        }
        if (side == 'S')
        {
            return Side.SELL;
        }
        badField(sequence, "side", side);
        return null;
    }

    private void badField(final long sequence, final String field, final byte value)
    {
        result = MALFORMED;
        badFieldCount++;
        listener.onMalformed(MalformedReason.BAD_FIELD_VALUE, sourceName, sequence,
            field + " " + ItchMessageType.printable(value) + " (sequence " + sequence + ")");
    }

    private static int max(final int... values)
    {
        int max = 0;
        for (final int value : values)
        {
            max = Math.max(max, value);
        }

        return max;
    }
}
