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
import io.tickwire.feed.ring.MessageNormaliser;
import io.tickwire.feed.ring.MessageSink;
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
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Turns one ITCH 5.0 message into one Tickwire market data SBE message (with its SBE message header), the seam
 * between an ingest source and the ring buffer it writes to.
 * <p>
 * Book-affecting and reference messages are normalised:
 * S to SystemEvent, R to InstrumentDefinition, H to TradingStatus, A and F to AddOrder (F carries its attribution),
 * E to OrderExecuted, C to OrderExecutedWithPrice, X to OrderCancel, D to OrderDelete, U to OrderReplace,
 * P to Trade, Q to CrossTrade, B to BrokenTrade. The other ten types are counted and not encoded.
 * <p>
 * The instrument id is the ITCH Stock Locate. The stream {@code sequence} and {@code publishTimestamp} are left 0
 * for the publisher to stamp in place; {@code ingestTimestamp} is read from the clock once per message;
 * {@code sourceTimestamp} is the ITCH timestamp.
 * <p>
 * Single-threaded; nothing is allocated per message.
 */
public final class ItchNormaliser implements ItchListener, MessageNormaliser
{
    /** Exponent of every ITCH 5.0 stock price: 4 implied decimals. */
    public static final byte ITCH_PRICE_EXPONENT = -4;

    /** Upper bound of the length of any message {@link #normalise} encodes, header included. */
    public static final int MAX_ENCODED_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + max(
        SystemEventEncoder.BLOCK_LENGTH, InstrumentDefinitionEncoder.BLOCK_LENGTH, TradingStatusEncoder.BLOCK_LENGTH,
        AddOrderEncoder.BLOCK_LENGTH, OrderExecutedEncoder.BLOCK_LENGTH, OrderExecutedWithPriceEncoder.BLOCK_LENGTH,
        OrderCancelEncoder.BLOCK_LENGTH, OrderDeleteEncoder.BLOCK_LENGTH, OrderReplaceEncoder.BLOCK_LENGTH,
        TradeEncoder.BLOCK_LENGTH, CrossTradeEncoder.BLOCK_LENGTH, BrokenTradeEncoder.BLOCK_LENGTH);

    private static final int NOT_NORMALISED = 0;
    private static final int MALFORMED = -1;

    private final EpochNanoClock clock;
    private final MalformedInputListener listener;
    private final String sourceName;
    private final ItchDecoder decoder;
    private final long[] messagesByType = new long[256];
    private long normalisedCount;
    private long notNormalisedCount;
    private long malformedCount;

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

    /**
     * A normaliser for one source.
     *
     * @param clock      epoch nanosecond clock for the ingest timestamp.
     * @param listener   to be told about messages that cannot be normalised.
     * @param sourceName for error reports.
     */
    public ItchNormaliser(final EpochNanoClock clock, final MalformedInputListener listener, final String sourceName)
    {
        this.clock = clock;
        this.listener = listener;
        this.sourceName = sourceName;
        this.decoder = new ItchDecoder(this, this::onDecoderMalformed, sourceName);
    }

    /**
     * The ingest contract: one ITCH message gives at most one SBE message, encoded straight into the sink's buffer.
     *
     * @param sequence of the ITCH message in its source, used as the position of error reports.
     * @param src      holding the ITCH message.
     * @param offset   of the ITCH type byte.
     * @param length   of the ITCH message.
     * @param sink     the message is written through.
     * @return 1 when a message was written, 0 when the type is not normalised (counted), -1 when malformed (already
     * reported).
     */
    public int normalise(
        final long sequence, final DirectBuffer src, final int offset, final int length, final MessageSink sink)
    {
        final int encodedLength = normalise(sequence, src, offset, length, sink.buffer(), 0);
        if (encodedLength > 0)
        {
            sink.write(encodedLength);
            return 1;
        }
        return encodedLength;
    }

    /**
     * Encode the ITCH message as one SBE market data message (with SBE message header) into dst at dstOffset.
     *
     * @param sequence  of the ITCH message in its source, used as the position of error reports.
     * @param src       holding the ITCH message.
     * @param offset    of the ITCH type byte.
     * @param length    of the ITCH message.
     * @param dst       to encode into; needs {@link #MAX_ENCODED_LENGTH} bytes from dstOffset.
     * @param dstOffset where the SBE message header goes.
     * @return the encoded length, 0 when the type is not normalised (counted), -1 when malformed (already
     * reported).
     */
    public int normalise(
        final long sequence,
        final DirectBuffer src,
        final int offset,
        final int length,
        final MutableDirectBuffer dst,
        final int dstOffset)
    {
        this.dst = dst;
        this.dstOffset = dstOffset;
        this.result = NOT_NORMALISED;
        this.ingestTimestamp = clock.nanoTime();

        if (!decoder.decode(sequence, src, offset, length))
        {
            return MALFORMED;
        }

        final int result = this.result;
        if (result > 0)
        {
            messagesByType[src.getByte(offset) & 0xFF]++;
            normalisedCount++;
        }
        else if (result == NOT_NORMALISED)
        {
            messagesByType[src.getByte(offset) & 0xFF]++;
            notNormalisedCount++;
        }

        return result;
    }

    /**
     * Messages of a type decoded so far, normalised or not.
     *
     * @param type ITCH type byte.
     * @return count of well-formed messages of that type.
     */
    public long messageCount(final byte type)
    {
        return messagesByType[type & 0xFF];
    }

    /**
     * The per-type counters, indexed by ITCH type byte, for status lines and summaries. Live view: do not modify.
     *
     * @return array of 256 counters.
     */
    public long[] messagesByType()
    {
        return messagesByType;
    }

    /**
     * Messages encoded as SBE so far.
     *
     * @return count of normalised messages.
     */
    public long normalisedCount()
    {
        return normalisedCount;
    }

    /**
     * Well-formed messages of types that are not normalised.
     *
     * @return count of messages returned as 0.
     */
    public long notNormalisedCount()
    {
        return notNormalisedCount;
    }

    /**
     * Messages reported as malformed.
     *
     * @return count of messages returned as -1.
     */
    public long malformedCount()
    {
        return malformedCount;
    }

    /**
     * Is an ITCH message type normalised into the market data schema?
     *
     * @param type ITCH type byte.
     * @return true for S, R, H, A, F, E, C, X, D, U, P, Q and B.
     */
    public static boolean isNormalised(final byte type)
    {
        switch (type)
        {
            case ItchMessageType.SYSTEM_EVENT:
            case ItchMessageType.STOCK_DIRECTORY:
            case ItchMessageType.STOCK_TRADING_ACTION:
            case ItchMessageType.ADD_ORDER:
            case ItchMessageType.ADD_ORDER_MPID:
            case ItchMessageType.ORDER_EXECUTED:
            case ItchMessageType.ORDER_EXECUTED_WITH_PRICE:
            case ItchMessageType.ORDER_CANCEL:
            case ItchMessageType.ORDER_DELETE:
            case ItchMessageType.ORDER_REPLACE:
            case ItchMessageType.TRADE:
            case ItchMessageType.CROSS_TRADE:
            case ItchMessageType.BROKEN_TRADE:
                return true;
            default:
                return false;
        }
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
            .priceExponent(ITCH_PRICE_EXPONENT)
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
        malformedCount++;
        listener.onMalformed(MalformedReason.BAD_FIELD_VALUE, sourceName, sequence,
            field + " " + ItchMessageType.printable(value) + " (sequence " + sequence + ")");
    }

    private void onDecoderMalformed(
        final MalformedReason reason, final String source, final long position, final String detail)
    {
        malformedCount++;
        listener.onMalformed(reason, source, position, detail);
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
