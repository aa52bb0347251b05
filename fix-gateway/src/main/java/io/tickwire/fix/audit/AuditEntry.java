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
package io.tickwire.fix.audit;

import io.tickwire.sbe.audit.AuditEventType;
import io.tickwire.sbe.audit.AuditRecordEncoder;
import io.tickwire.sbe.audit.Direction;
import io.tickwire.sbe.audit.Outcome;
import org.agrona.DirectBuffer;

/**
 * The content of one audit record, filled by the session thread and handed to {@link AuditPublisher#publish}.
 * <p>
 * A mutable holder reused for every message: call {@link #reset()} and set what the message carries. Text
 * fields are held by reference ({@link CharSequence}, e.g. the {@code String}s QuickFIX/J already holds) and
 * copied into the ring buffer by {@code publish}, as ASCII (other characters become {@code '?'}). Prices are
 * mantissas with exponent -4 ({@link #toPriceMantissa(double)}).
 */
public final class AuditEntry
{
    /**
     * Null price.
     */
    public static final long NULL_PRICE = AuditRecordEncoder.priceNullValue();

    /**
     * Price exponent: the price is {@code mantissa * 10^-4}.
     */
    public static final int PRICE_EXPONENT = -4;

    Direction direction = Direction.INBOUND;
    AuditEventType eventType = AuditEventType.OTHER;
    Outcome outcome = Outcome.RECEIVED;
    long msgSeqNum;
    byte side;
    byte orderType;
    byte timeInForce;
    byte execType;
    long orderQuantity;
    long price = NULL_PRICE;
    long lastQuantity;
    long lastPrice = NULL_PRICE;
    long cumulativeQuantity;
    long leavesQuantity;
    long orderId;
    CharSequence sessionId;
    CharSequence clOrdId;
    CharSequence origClOrdId;
    CharSequence symbol;
    CharSequence text;
    CharSequence rawMessage;
    DirectBuffer rawBuffer;
    int rawOffset;
    int rawLength;

    /**
     * Convert a price to a mantissa with exponent {@value #PRICE_EXPONENT}.
     *
     * @param price the price.
     * @return the mantissa, rounded half up.
     */
    public static long toPriceMantissa(final double price)
    {
        return Math.round(price * 10_000.0);
    }

    /**
     * Clear every field for the next message.
     *
     * @return this for a fluent API.
     */
    public AuditEntry reset()
    {
        direction = Direction.INBOUND;
        eventType = AuditEventType.OTHER;
        outcome = Outcome.RECEIVED;
        msgSeqNum = 0;
        side = 0;
        orderType = 0;
        timeInForce = 0;
        execType = 0;
        orderQuantity = 0;
        price = NULL_PRICE;
        lastQuantity = 0;
        lastPrice = NULL_PRICE;
        cumulativeQuantity = 0;
        leavesQuantity = 0;
        orderId = 0;
        sessionId = null;
        clOrdId = null;
        origClOrdId = null;
        symbol = null;
        text = null;
        rawMessage = null;
        rawBuffer = null;
        rawOffset = 0;
        rawLength = 0;
        return this;
    }

    /**
     * @param direction inbound or outbound.
     * @return this for a fluent API.
     */
    public AuditEntry direction(final Direction direction)
    {
        this.direction = direction;
        return this;
    }

    /**
     * @param eventType what the message is.
     * @return this for a fluent API.
     */
    public AuditEntry eventType(final AuditEventType eventType)
    {
        this.eventType = eventType;
        return this;
    }

    /**
     * @param outcome what the gateway did with it.
     * @return this for a fluent API.
     */
    public AuditEntry outcome(final Outcome outcome)
    {
        this.outcome = outcome;
        return this;
    }

    /**
     * @param msgSeqNum MsgSeqNum (34).
     * @return this for a fluent API.
     */
    public AuditEntry msgSeqNum(final long msgSeqNum)
    {
        this.msgSeqNum = msgSeqNum;
        return this;
    }

    /**
     * @param side Side (54).
     * @return this for a fluent API.
     */
    public AuditEntry side(final char side)
    {
        this.side = (byte)side;
        return this;
    }

    /**
     * @param orderType OrdType (40).
     * @return this for a fluent API.
     */
    public AuditEntry orderType(final char orderType)
    {
        this.orderType = (byte)orderType;
        return this;
    }

    /**
     * @param timeInForce TimeInForce (59).
     * @return this for a fluent API.
     */
    public AuditEntry timeInForce(final char timeInForce)
    {
        this.timeInForce = (byte)timeInForce;
        return this;
    }

    /**
     * @param execType ExecType (150).
     * @return this for a fluent API.
     */
    public AuditEntry execType(final char execType)
    {
        this.execType = (byte)execType;
        return this;
    }

    /**
     * @param orderQuantity OrderQty (38).
     * @return this for a fluent API.
     */
    public AuditEntry orderQuantity(final long orderQuantity)
    {
        this.orderQuantity = orderQuantity;
        return this;
    }

    /**
     * @param price Price (44) mantissa, exponent -4, or {@link #NULL_PRICE}.
     * @return this for a fluent API.
     */
    public AuditEntry price(final long price)
    {
        this.price = price;
        return this;
    }

    /**
     * @param lastQuantity LastQty (32).
     * @return this for a fluent API.
     */
    public AuditEntry lastQuantity(final long lastQuantity)
    {
        this.lastQuantity = lastQuantity;
        return this;
    }

    /**
     * @param lastPrice LastPx (31) mantissa, exponent -4, or {@link #NULL_PRICE}.
     * @return this for a fluent API.
     */
    public AuditEntry lastPrice(final long lastPrice)
    {
        this.lastPrice = lastPrice;
        return this;
    }

    /**
     * @param cumulativeQuantity CumQty (14).
     * @return this for a fluent API.
     */
    public AuditEntry cumulativeQuantity(final long cumulativeQuantity)
    {
        this.cumulativeQuantity = cumulativeQuantity;
        return this;
    }

    /**
     * @param leavesQuantity LeavesQty (151).
     * @return this for a fluent API.
     */
    public AuditEntry leavesQuantity(final long leavesQuantity)
    {
        this.leavesQuantity = leavesQuantity;
        return this;
    }

    /**
     * @param orderId gateway order id, 0 when not assigned.
     * @return this for a fluent API.
     */
    public AuditEntry orderId(final long orderId)
    {
        this.orderId = orderId;
        return this;
    }

    /**
     * @param sessionId session identifier, e.g. {@code SessionID.toString()}.
     * @return this for a fluent API.
     */
    public AuditEntry sessionId(final CharSequence sessionId)
    {
        this.sessionId = sessionId;
        return this;
    }

    /**
     * @param clOrdId ClOrdID (11).
     * @return this for a fluent API.
     */
    public AuditEntry clOrdId(final CharSequence clOrdId)
    {
        this.clOrdId = clOrdId;
        return this;
    }

    /**
     * @param origClOrdId OrigClOrdID (41).
     * @return this for a fluent API.
     */
    public AuditEntry origClOrdId(final CharSequence origClOrdId)
    {
        this.origClOrdId = origClOrdId;
        return this;
    }

    /**
     * @param symbol Symbol (55).
     * @return this for a fluent API.
     */
    public AuditEntry symbol(final CharSequence symbol)
    {
        this.symbol = symbol;
        return this;
    }

    /**
     * @param text Text (58) or reject reason.
     * @return this for a fluent API.
     */
    public AuditEntry text(final CharSequence text)
    {
        this.text = text;
        return this;
    }

    /**
     * The raw FIX message as characters, e.g. QuickFIX/J's {@code Message.toRawString()} for an inbound message.
     *
     * @param rawMessage the message with SOH delimiters.
     * @return this for a fluent API.
     */
    public AuditEntry rawMessage(final CharSequence rawMessage)
    {
        this.rawMessage = rawMessage;
        this.rawBuffer = null;
        return this;
    }

    /**
     * The raw FIX message as bytes.
     *
     * @param buffer holding the message.
     * @param offset of the message in the buffer.
     * @param length of the message.
     * @return this for a fluent API.
     */
    public AuditEntry rawMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        this.rawBuffer = buffer;
        this.rawOffset = offset;
        this.rawLength = length;
        this.rawMessage = null;
        return this;
    }

    int rawMessageLength()
    {
        if (null != rawBuffer)
        {
            return rawLength;
        }
        return null == rawMessage ? 0 : rawMessage.length();
    }
}
