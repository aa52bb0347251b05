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

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.MalformedReason;
import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.AddOrderDecoder;
import io.tickwire.sbe.md.BrokenTradeDecoder;
import io.tickwire.sbe.md.CrossTradeDecoder;
import io.tickwire.sbe.md.InstrumentDefinitionDecoder;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import io.tickwire.sbe.md.OrderCancelDecoder;
import io.tickwire.sbe.md.OrderDeleteDecoder;
import io.tickwire.sbe.md.OrderExecutedDecoder;
import io.tickwire.sbe.md.OrderExecutedWithPriceDecoder;
import io.tickwire.sbe.md.OrderReplaceDecoder;
import io.tickwire.sbe.md.Side;
import io.tickwire.sbe.md.SystemEventDecoder;
import io.tickwire.sbe.md.TradeDecoder;
import io.tickwire.sbe.md.TradingStatusDecoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.reflect.Proxy;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Coverage-guided fuzz target for ITCH 5.0 decoding and normalisation ({@link ItchDecoder}, {@link ItchNormaliser})
 * over arbitrary bytes. In {@code mvn verify} it replays the seed corpus under
 * {@code src/test/resources/io/tickwire/feed/ingest/itch/ItchDecoderFuzzTestInputs/}; docs/HARDENING.md says how to
 * fuzz it for real.
 * <p>
 * The input is a run of messages, each a u16 big-endian length and the message, as in a BinaryFILE (a length past
 * the end takes what is left). Each message is copied into a buffer of exactly its length, so a read outside it
 * throws instead of silently reading a neighbour's bytes. Properties: nothing throws; a message is decoded (one
 * listener call, no report) exactly when its type and length agree, else reported exactly once with its sequence
 * as position and the reason {@link ItchMessageType#check} gives; the normaliser's result is -1 with exactly one
 * report, 0 for a well-formed type it does not normalise, or the length of an SBE message that round-trips: right
 * template, shared prefix (instrument = Stock Locate, source timestamp = ITCH timestamp) and the order's fields.
 */
class ItchDecoderFuzzTest
{
    private static final long INGEST_NS = 1_700_000_000_123_456_789L;
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();

    @FuzzTest(maxDuration = "60s")
    void decodeAndNormalise(final byte[] input)
    {
        final CountingMalformedListener decoderReports = new CountingMalformedListener();
        final CountingMalformedListener normaliserReports = new CountingMalformedListener();
        final long[] callbacks = new long[1];
        final ItchListener counting = (ItchListener)Proxy.newProxyInstance(ItchListener.class.getClassLoader(),
            new Class<?>[] {ItchListener.class}, (proxy, method, args) ->
            {
                callbacks[0]++;
                return null;
            });
        final ItchDecoder decoder = new ItchDecoder(counting, decoderReports, "fuzz");
        final ItchNormaliser normaliser = new ItchNormaliser(() -> INGEST_NS, normaliserReports, "fuzz");
        final UnsafeBuffer dst = new UnsafeBuffer(new byte[ItchNormaliser.MAX_ENCODED_LENGTH]);

        long sequence = 0;
        int position = 0;
        while (position < input.length)
        {
            final int declared = position + 1 < input.length ?
                ((input[position] & 0xFF) << 8) | (input[position + 1] & 0xFF) : 0;
            position = Math.min(position + 2, input.length);
            final int length = Math.min(declared, input.length - position);
            final byte[] message = new byte[length];
            System.arraycopy(input, position, message, 0, length);
            position += length;
            sequence++;

            final UnsafeBuffer src = new UnsafeBuffer(message);
            final byte type = length > 0 ? message[0] : 0;
            final boolean valid = length > 0 && ItchMessageType.isValid(type, length);

            final long callbacksBefore = callbacks[0];
            final long reportsBefore = decoderReports.count;
            assertEquals(valid, decoder.decode(sequence, src, 0, length));
            assertEquals(valid ? 1 : 0, callbacks[0] - callbacksBefore, "listener calls");
            assertEquals(valid ? 0 : 1, decoderReports.count - reportsBefore, "decoder reports");
            if (!valid)
            {
                assertEquals(ItchMessageType.check(type, length), decoderReports.lastReason);
                assertEquals(sequence, decoderReports.lastPosition);
            }

            final long normaliserReportsBefore = normaliserReports.count;
            final int result = normaliser.normalise(sequence, src, 0, length, dst, 0);
            final long reported = normaliserReports.count - normaliserReportsBefore;
            if (result < 0)
            {
                assertEquals(-1, result);
                assertEquals(1, reported, "a malformed message is reported exactly once");
            }
            else if (result == 0)
            {
                assertTrue(valid && !ItchNormaliser.isNormalised(type), "0 only for types not normalised");
                assertEquals(0, reported);
            }
            else
            {
                assertTrue(valid && ItchNormaliser.isNormalised(type), "normalised only when well formed");
                assertEquals(0, reported);
                assertTrue(result <= ItchNormaliser.MAX_ENCODED_LENGTH);
                assertRoundTrip(src, type, dst, result);
            }
        }

        assertEquals(sequence, normaliser.normalisedCount() + normaliser.notNormalisedCount() +
            normaliser.malformedCount(), "every message counted once");
        assertEquals(normaliserReports.count, normaliser.malformedCount());
        assertEquals(decoderReports.count, decoder.malformedCount());
    }

    private void assertRoundTrip(final UnsafeBuffer src, final byte type, final UnsafeBuffer dst, final int length)
    {
        header.wrap(dst, 0);
        assertEquals(templateId(type), header.templateId(), "template of type " + ItchMessageType.printable(type));
        assertEquals(MessageHeaderDecoder.SCHEMA_ID, header.schemaId());
        assertEquals(MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength(), length);

        assertEquals(0, dst.getLong(MarketDataHeader.SEQUENCE_OFFSET, LE));
        assertEquals(ItchDecoder.timestamp(src, 0), dst.getLong(MarketDataHeader.SOURCE_TIMESTAMP_OFFSET, LE));
        assertEquals(INGEST_NS, dst.getLong(MarketDataHeader.INGEST_TIMESTAMP_OFFSET, LE));
        assertEquals(0, dst.getLong(MarketDataHeader.PUBLISH_TIMESTAMP_OFFSET, LE));
        assertEquals(src.getShort(ItchLayout.LOCATE, BE) & 0xFFFF,
            dst.getInt(MarketDataHeader.INSTRUMENT_ID_OFFSET, LE) & 0xFFFF_FFFFL);

        final int block = MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        switch (type)
        {
            case ItchMessageType.ADD_ORDER:
            case ItchMessageType.ADD_ORDER_MPID:
                final AddOrderDecoder add = new AddOrderDecoder().wrap(dst, block, blockLength, version);
                assertEquals(src.getLong(ItchLayout.A_REF, BE), add.orderId());
                assertEquals(src.getByte(ItchLayout.A_SIDE) == 'B' ? Side.BUY : Side.SELL, add.side());
                assertEquals(u32(src, ItchLayout.A_SHARES), add.quantity());
                assertEquals(u32(src, ItchLayout.A_PRICE), add.price());
                break;

            case ItchMessageType.ORDER_EXECUTED:
                final OrderExecutedDecoder executed =
                    new OrderExecutedDecoder().wrap(dst, block, blockLength, version);
                assertEquals(src.getLong(ItchLayout.E_REF, BE), executed.orderId());
                assertEquals(u32(src, ItchLayout.E_SHARES), executed.executedQuantity());
                assertEquals(src.getLong(ItchLayout.E_MATCH, BE), executed.matchNumber());
                break;

            case ItchMessageType.ORDER_EXECUTED_WITH_PRICE:
                final OrderExecutedWithPriceDecoder withPrice =
                    new OrderExecutedWithPriceDecoder().wrap(dst, block, blockLength, version);
                assertEquals(src.getLong(ItchLayout.E_REF, BE), withPrice.orderId());
                assertEquals(u32(src, ItchLayout.C_PRICE), withPrice.executionPrice());
                break;

            case ItchMessageType.ORDER_CANCEL:
                final OrderCancelDecoder cancel = new OrderCancelDecoder().wrap(dst, block, blockLength, version);
                assertEquals(src.getLong(ItchLayout.X_REF, BE), cancel.orderId());
                assertEquals(u32(src, ItchLayout.X_SHARES), cancel.cancelledQuantity());
                break;

            case ItchMessageType.ORDER_DELETE:
                assertEquals(src.getLong(ItchLayout.D_REF, BE),
                    new OrderDeleteDecoder().wrap(dst, block, blockLength, version).orderId());
                break;

            case ItchMessageType.ORDER_REPLACE:
                final OrderReplaceDecoder replace = new OrderReplaceDecoder().wrap(dst, block, blockLength, version);
                assertEquals(src.getLong(ItchLayout.U_ORIG_REF, BE), replace.originalOrderId());
                assertEquals(src.getLong(ItchLayout.U_NEW_REF, BE), replace.newOrderId());
                assertEquals(u32(src, ItchLayout.U_SHARES), replace.quantity());
                assertEquals(u32(src, ItchLayout.U_PRICE), replace.price());
                break;

            case ItchMessageType.TRADE:
                final TradeDecoder trade = new TradeDecoder().wrap(dst, block, blockLength, version);
                assertEquals(u32(src, ItchLayout.P_PRICE), trade.price());
                assertEquals(src.getLong(ItchLayout.P_MATCH, BE), trade.matchNumber());
                break;

            case ItchMessageType.BROKEN_TRADE:
                assertEquals(src.getLong(ItchLayout.B_MATCH, BE),
                    new BrokenTradeDecoder().wrap(dst, block, blockLength, version).matchNumber());
                break;

            default:
                // Reference messages: the template and the shared prefix, checked above, are what books rely on.
                break;
        }
    }

    private static int templateId(final byte type)
    {
        switch (type)
        {
            case ItchMessageType.SYSTEM_EVENT:
                return SystemEventDecoder.TEMPLATE_ID;
            case ItchMessageType.STOCK_DIRECTORY:
                return InstrumentDefinitionDecoder.TEMPLATE_ID;
            case ItchMessageType.STOCK_TRADING_ACTION:
                return TradingStatusDecoder.TEMPLATE_ID;
            case ItchMessageType.ADD_ORDER:
            case ItchMessageType.ADD_ORDER_MPID:
                return AddOrderDecoder.TEMPLATE_ID;
            case ItchMessageType.ORDER_EXECUTED:
                return OrderExecutedDecoder.TEMPLATE_ID;
            case ItchMessageType.ORDER_EXECUTED_WITH_PRICE:
                return OrderExecutedWithPriceDecoder.TEMPLATE_ID;
            case ItchMessageType.ORDER_CANCEL:
                return OrderCancelDecoder.TEMPLATE_ID;
            case ItchMessageType.ORDER_DELETE:
                return OrderDeleteDecoder.TEMPLATE_ID;
            case ItchMessageType.ORDER_REPLACE:
                return OrderReplaceDecoder.TEMPLATE_ID;
            case ItchMessageType.TRADE:
                return TradeDecoder.TEMPLATE_ID;
            case ItchMessageType.CROSS_TRADE:
                return CrossTradeDecoder.TEMPLATE_ID;
            case ItchMessageType.BROKEN_TRADE:
                return BrokenTradeDecoder.TEMPLATE_ID;
            default:
                return fail("type " + ItchMessageType.printable(type) + " is not normalised");
        }
    }

    private static long u32(final UnsafeBuffer buffer, final int index)
    {
        return buffer.getInt(index, BE) & 0xFFFF_FFFFL;
    }

    /**
     * Counts reports and keeps the last one's reason and position.
     */
    private static final class CountingMalformedListener implements MalformedInputListener
    {
        long count;
        MalformedReason lastReason;
        long lastPosition;

        public void onMalformed(
            final MalformedReason reason, final String source, final long position, final String detail)
        {
            count++;
            lastReason = reason;
            lastPosition = position;
        }
    }
}
