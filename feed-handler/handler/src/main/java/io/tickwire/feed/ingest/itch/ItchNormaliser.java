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
 * {@link ItchDecoder} checks the ITCH framing and field layout, {@link ItchSbeEncoder} encodes each message type;
 * this class is the ingest contract around them and keeps the counters.
 * <p>
 * Single-threaded; nothing is allocated per message.
 */
public final class ItchNormaliser implements MessageNormaliser
{
    /** Exponent of every ITCH 5.0 stock price: 4 implied decimals. */
    public static final byte ITCH_PRICE_EXPONENT = -4;

    /** Upper bound of the length of any message {@link #normalise} encodes, header included. */
    public static final int MAX_ENCODED_LENGTH = ItchSbeEncoder.MAX_ENCODED_LENGTH;

    private static final int NOT_NORMALISED = ItchSbeEncoder.NOT_NORMALISED;
    private static final int MALFORMED = ItchSbeEncoder.MALFORMED;

    private final EpochNanoClock clock;
    private final MalformedInputListener listener;
    private final ItchSbeEncoder encoder;
    private final ItchDecoder decoder;
    private final long[] messagesByType = new long[256];
    private long normalisedCount;
    private long notNormalisedCount;
    private long malformedCount;

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
        this.encoder = new ItchSbeEncoder(listener, sourceName);
        this.decoder = new ItchDecoder(encoder, this::onDecoderMalformed, sourceName);
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
        encoder.wrap(dst, dstOffset, clock.nanoTime());

        if (!decoder.decode(sequence, src, offset, length))
        {
            return MALFORMED;
        }

        final int result = encoder.result();
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
        return malformedCount + encoder.badFieldCount();
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

    private void onDecoderMalformed(
        final MalformedReason reason, final String source, final long position, final String detail)
    {
        malformedCount++;
        listener.onMalformed(reason, source, position, detail);
    }
}
