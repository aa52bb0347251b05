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
package io.tickwire.feed.ingest;

import io.tickwire.feed.ingest.itch.ItchMessageType;
import io.tickwire.feed.ingest.itch.ItchMessageWriter;
import io.tickwire.feed.ingest.itch.ItchNormaliser;
import io.tickwire.feed.ingest.itch.ItchText;
import io.tickwire.feed.ingest.itch.sim.ItchSimulator;
import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.AddOrderDecoder;
import io.tickwire.sbe.md.BooleanType;
import io.tickwire.sbe.md.BrokenTradeDecoder;
import io.tickwire.sbe.md.CrossTradeDecoder;
import io.tickwire.sbe.md.InstrumentDefinitionDecoder;
import io.tickwire.sbe.md.InstrumentSource;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import io.tickwire.sbe.md.OrderCancelDecoder;
import io.tickwire.sbe.md.OrderDeleteDecoder;
import io.tickwire.sbe.md.OrderExecutedDecoder;
import io.tickwire.sbe.md.OrderExecutedWithPriceDecoder;
import io.tickwire.sbe.md.OrderReplaceDecoder;
import io.tickwire.sbe.md.Side;
import io.tickwire.sbe.md.SystemEventCode;
import io.tickwire.sbe.md.SystemEventDecoder;
import io.tickwire.sbe.md.TradeDecoder;
import io.tickwire.sbe.md.TradingState;
import io.tickwire.sbe.md.TradingStatusDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class ItchNormaliserTest
{
    private static final long INGEST_NS = 1_700_000_000_123_456_789L;
    private static final long TS = 34_200_123_456_789L;
    private static final int DST_OFFSET = 16;

    private final ItchTestMessages.Recorder reports = new ItchTestMessages.Recorder();
    private final ItchNormaliser normaliser = new ItchNormaliser(() -> INGEST_NS, reports, "test");
    private final UnsafeBuffer src = new UnsafeBuffer(new byte[64]);
    private final UnsafeBuffer dst = new UnsafeBuffer(new byte[DST_OFFSET + ItchNormaliser.MAX_ENCODED_LENGTH]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();

    @Test
    void shouldNormaliseAddOrderAndAttributedAddOrder()
    {
        final long msft = ItchText.packStock("MSFT");
        assertNormalised(ItchMessageWriter.addOrder(src, 0, 42, TS, 9001, (byte)'S', 300, msft, 3_215_100, 0),
            AddOrderDecoder.TEMPLATE_ID);
        final AddOrderDecoder add = new AddOrderDecoder().wrapAndApplyHeader(dst, DST_OFFSET, header);
        assertPrefix(add.sequence(), add.sourceTimestamp(), add.ingestTimestamp(), add.publishTimestamp(),
            add.instrumentId(), 42);
        assertEquals(9001, add.orderId());
        assertEquals(Side.SELL, add.side());
        assertEquals(300, add.quantity());
        assertEquals(3_215_100, add.price());
        assertEquals("    ", add.attribution());

        assertNormalised(ItchMessageWriter.addOrder(src, 0, 42, TS, 9002, (byte)'B', 100, msft, 3_215_000,
            ItchText.packMpid("GSCO")), AddOrderDecoder.TEMPLATE_ID);
        add.wrapAndApplyHeader(dst, DST_OFFSET, header);
        assertPrefix(add.sequence(), add.sourceTimestamp(), add.ingestTimestamp(), add.publishTimestamp(),
            add.instrumentId(), 42);
        assertEquals(9002, add.orderId());
        assertEquals(Side.BUY, add.side());
        assertEquals(100, add.quantity());
        assertEquals(3_215_000, add.price());
        assertEquals("GSCO", add.attribution());
        assertEquals(1, normaliser.messageCount(ItchMessageType.ADD_ORDER));
        assertEquals(1, normaliser.messageCount(ItchMessageType.ADD_ORDER_MPID));
    }

    @Test
    void shouldNormaliseReferenceMessages()
    {
        assertNormalised(ItchMessageWriter.systemEvent(src, 0, TS, (byte)'Q'), SystemEventDecoder.TEMPLATE_ID);
        final SystemEventDecoder event = new SystemEventDecoder().wrapAndApplyHeader(dst, DST_OFFSET, header);
        assertPrefix(event.sequence(), event.sourceTimestamp(), event.ingestTimestamp(), event.publishTimestamp(),
            event.instrumentId(), 0);
        assertEquals(SystemEventCode.START_OF_MARKET_HOURS, event.eventCode());

        assertNormalised(ItchMessageWriter.stockDirectory(src, 0, 7, TS, ItchText.packStock("BRK.A"), 1),
            InstrumentDefinitionDecoder.TEMPLATE_ID);
        final InstrumentDefinitionDecoder definition =
            new InstrumentDefinitionDecoder().wrapAndApplyHeader(dst, DST_OFFSET, header);
        assertPrefix(definition.sequence(), definition.sourceTimestamp(), definition.ingestTimestamp(),
            definition.publishTimestamp(), definition.instrumentId(), 7);
        assertEquals("BRK.A   ", definition.symbol());
        assertEquals(-4, definition.priceExponent());
        assertEquals(1, definition.lotSize());
        assertEquals(InstrumentSource.ITCH, definition.source());
        assertEquals("XNAS", definition.venue());
        assertEquals('Q', definition.marketCategory());
        assertEquals('N', definition.financialStatus());
        assertEquals('C', definition.issueClassification());

        assertNormalised(ItchMessageWriter.stockTradingAction(src, 0, 7, TS, ItchText.packStock("BRK.A"), (byte)'H',
            ItchText.packMpid("LUDP")), TradingStatusDecoder.TEMPLATE_ID);
        final TradingStatusDecoder status = new TradingStatusDecoder().wrapAndApplyHeader(dst, DST_OFFSET, header);
        assertPrefix(status.sequence(), status.sourceTimestamp(), status.ingestTimestamp(), status.publishTimestamp(),
            status.instrumentId(), 7);
        assertEquals(TradingState.HALTED, status.tradingState());
        assertEquals("LUDP", status.reason());
    }

    @Test
    void shouldNormaliseOrderLifecycleMessages()
    {
        assertNormalised(ItchMessageWriter.orderExecuted(src, 0, 5, TS, 77, 40, 123_456),
            OrderExecutedDecoder.TEMPLATE_ID);
        final OrderExecutedDecoder executed = new OrderExecutedDecoder().wrapAndApplyHeader(dst, DST_OFFSET, header);
        assertPrefix(executed.sequence(), executed.sourceTimestamp(), executed.ingestTimestamp(),
            executed.publishTimestamp(), executed.instrumentId(), 5);
        assertEquals(77, executed.orderId());
        assertEquals(40, executed.executedQuantity());
        assertEquals(123_456, executed.matchNumber());

        assertNormalised(ItchMessageWriter.orderExecutedWithPrice(src, 0, 5, TS, 78, 41, 123_457, (byte)'N', 99_900),
            OrderExecutedWithPriceDecoder.TEMPLATE_ID);
        final OrderExecutedWithPriceDecoder withPrice =
            new OrderExecutedWithPriceDecoder().wrapAndApplyHeader(dst, DST_OFFSET, header);
        assertPrefix(withPrice.sequence(), withPrice.sourceTimestamp(), withPrice.ingestTimestamp(),
            withPrice.publishTimestamp(), withPrice.instrumentId(), 5);
        assertEquals(78, withPrice.orderId());
        assertEquals(41, withPrice.executedQuantity());
        assertEquals(123_457, withPrice.matchNumber());
        assertEquals(BooleanType.FALSE, withPrice.printable());
        assertEquals(99_900, withPrice.executionPrice());

        assertNormalised(ItchMessageWriter.orderCancel(src, 0, 5, TS, 79, 12), OrderCancelDecoder.TEMPLATE_ID);
        final OrderCancelDecoder cancel = new OrderCancelDecoder().wrapAndApplyHeader(dst, DST_OFFSET, header);
        assertPrefix(cancel.sequence(), cancel.sourceTimestamp(), cancel.ingestTimestamp(), cancel.publishTimestamp(),
            cancel.instrumentId(), 5);
        assertEquals(79, cancel.orderId());
        assertEquals(12, cancel.cancelledQuantity());

        assertNormalised(ItchMessageWriter.orderDelete(src, 0, 5, TS, 80), OrderDeleteDecoder.TEMPLATE_ID);
        final OrderDeleteDecoder delete = new OrderDeleteDecoder().wrapAndApplyHeader(dst, DST_OFFSET, header);
        assertPrefix(delete.sequence(), delete.sourceTimestamp(), delete.ingestTimestamp(), delete.publishTimestamp(),
            delete.instrumentId(), 5);
        assertEquals(80, delete.orderId());

        assertNormalised(ItchMessageWriter.orderReplace(src, 0, 5, TS, 81, 82, 500, 4_294_967_295L),
            OrderReplaceDecoder.TEMPLATE_ID);
        final OrderReplaceDecoder replace = new OrderReplaceDecoder().wrapAndApplyHeader(dst, DST_OFFSET, header);
        assertPrefix(replace.sequence(), replace.sourceTimestamp(), replace.ingestTimestamp(),
            replace.publishTimestamp(), replace.instrumentId(), 5);
        assertEquals(81, replace.originalOrderId());
        assertEquals(82, replace.newOrderId());
        assertEquals(500, replace.quantity());
        assertEquals(4_294_967_295L, replace.price(), "u32 price stays unsigned");
    }

    @Test
    void shouldNormaliseTrades()
    {
        final long stock = ItchText.packStock("QQQ");
        assertNormalised(ItchMessageWriter.trade(src, 0, 9, TS, 0, (byte)'B', 250, stock, 4_100_000, 555),
            TradeDecoder.TEMPLATE_ID);
        final TradeDecoder trade = new TradeDecoder().wrapAndApplyHeader(dst, DST_OFFSET, header);
        assertPrefix(trade.sequence(), trade.sourceTimestamp(), trade.ingestTimestamp(), trade.publishTimestamp(),
            trade.instrumentId(), 9);
        assertEquals(0, trade.orderId());
        assertEquals(Side.BUY, trade.side());
        assertEquals(250, trade.quantity());
        assertEquals(4_100_000, trade.price());
        assertEquals(555, trade.matchNumber());

        assertNormalised(ItchMessageWriter.crossTrade(src, 0, 9, TS, 5_000_000_000L, stock, 4_100_100, 556, (byte)'C'),
            CrossTradeDecoder.TEMPLATE_ID);
        final CrossTradeDecoder cross = new CrossTradeDecoder().wrapAndApplyHeader(dst, DST_OFFSET, header);
        assertPrefix(cross.sequence(), cross.sourceTimestamp(), cross.ingestTimestamp(), cross.publishTimestamp(),
            cross.instrumentId(), 9);
        assertEquals(5_000_000_000L, cross.quantity());
        assertEquals(4_100_100, cross.price());
        assertEquals(556, cross.matchNumber());
        assertEquals('C', cross.crossType());

        assertNormalised(ItchMessageWriter.brokenTrade(src, 0, 9, TS, 556), BrokenTradeDecoder.TEMPLATE_ID);
        final BrokenTradeDecoder broken = new BrokenTradeDecoder().wrapAndApplyHeader(dst, DST_OFFSET, header);
        assertPrefix(broken.sequence(), broken.sourceTimestamp(), broken.ingestTimestamp(), broken.publishTimestamp(),
            broken.instrumentId(), 9);
        assertEquals(556, broken.matchNumber());
    }

    @Test
    void shouldCountTypesThatAreNotNormalised()
    {
        final byte[] noii = new byte[50];
        noii[0] = 'I';
        src.putBytes(0, noii);
        assertEquals(0, normaliser.normalise(1, src, 0, 50, dst, DST_OFFSET));
        assertEquals(1, normaliser.messageCount(ItchMessageType.NOII));
        assertEquals(1, normaliser.notNormalisedCount());
        assertEquals(0, normaliser.normalisedCount());
        assertEquals(List.of(), reports.reports);
    }

    @Test
    void shouldReportMalformedMessagesAndFieldValues()
    {
        final int length = ItchMessageWriter.addOrder(src, 0, 1, TS, 1, (byte)'X', 100, 0x2020202020202020L, 1, 0);
        assertEquals(-1, normaliser.normalise(17, src, 0, length, dst, DST_OFFSET));
        assertEquals(-1, normaliser.normalise(18, src, 0, length - 1, dst, DST_OFFSET));
        src.putByte(0, (byte)'z');
        assertEquals(-1, normaliser.normalise(19, src, 0, length, dst, DST_OFFSET));

        assertEquals(List.of(MalformedReason.BAD_FIELD_VALUE, MalformedReason.WRONG_LENGTH_FOR_TYPE,
            MalformedReason.UNKNOWN_TYPE), reports.reports.stream().map(ItchTestMessages.Report::reason).toList());
        assertEquals(List.of(17L, 18L, 19L), reports.reports.stream().map(ItchTestMessages.Report::position).toList());
        assertEquals(3, normaliser.malformedCount());
        assertEquals(0, normaliser.messageCount(ItchMessageType.ADD_ORDER));
    }

    @Test
    void shouldNotAllocateWhileNormalising()
    {
        final int count = 4096;
        final UnsafeBuffer messages = new UnsafeBuffer(new byte[count * 64]);
        final int[] lengths = new int[count];
        final ItchSimulator simulator = new ItchSimulator(11, 200);
        for (int i = 0; i < count; i++)
        {
            lengths[i] = simulator.next(messages, i * 64);
        }

        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();
        long sum = 0;
        for (int i = 0; i < 5; i++)
        {
            sum += normaliseAll(messages, lengths, 200_000);
        }

        // The JIT may still be settling after warm-up (OSR, recompilation): take the best of a few rounds.
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 4 && allocated > 0; round++)
        {
            final long before = threads.getThreadAllocatedBytes(threadId);
            sum += normaliseAll(messages, lengths, 1_000_000);
            allocated = Math.min(allocated, threads.getThreadAllocatedBytes(threadId) - before);
        }

        assertTrue(sum > 0);
        assertEquals(List.of(), reports.reports);
        // One object per message would be at least 16 MB; a few KB is the JIT (deoptimisation rematerialising
        // scalar-replaced objects), which shows when other tests in the same JVM made call sites megamorphic.
        assertTrue(allocated < 16 * 1024, "bytes allocated normalising 1M messages: " + allocated);
    }

    private long normaliseAll(final UnsafeBuffer messages, final int[] lengths, final int total)
    {
        long sum = 0;
        for (int n = 0; n < total; n++)
        {
            final int i = n & (lengths.length - 1);
            sum += normaliser.normalise(n, messages, i * 64, lengths[i], dst, DST_OFFSET);
        }
        return sum;
    }

    private void assertNormalised(final int itchLength, final int templateId)
    {
        final int encoded = normaliser.normalise(99, src, 0, itchLength, dst, DST_OFFSET);
        assertEquals(List.of(), reports.reports);
        header.wrap(dst, DST_OFFSET);
        assertEquals(templateId, header.templateId());
        assertEquals(MarketDataHeader.MESSAGE_HEADER_LENGTH + header.blockLength(), encoded);
        assertTrue(encoded <= ItchNormaliser.MAX_ENCODED_LENGTH);
        assertEquals(0, dst.getLong(DST_OFFSET + MarketDataHeader.SEQUENCE_OFFSET));
        assertEquals(INGEST_NS, dst.getLong(DST_OFFSET + MarketDataHeader.INGEST_TIMESTAMP_OFFSET));
    }

    private static void assertPrefix(final long sequence, final long sourceTimestamp, final long ingestTimestamp,
        final long publishTimestamp, final long instrumentId, final long expectedInstrumentId)
    {
        assertEquals(0, sequence);
        assertEquals(TS, sourceTimestamp);
        assertEquals(INGEST_NS, ingestTimestamp);
        assertEquals(0, publishTimestamp);
        assertEquals(expectedInstrumentId, instrumentId);
    }
}
