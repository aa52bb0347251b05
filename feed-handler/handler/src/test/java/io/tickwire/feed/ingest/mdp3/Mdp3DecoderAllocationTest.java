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

import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.MalformedReason;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decode loop allocates nothing per packet, message or entry: packets of every decoded template (definitions
 * with their text and legs included), decoded a million times after warm-up, with a listener that uses every
 * argument.
 */
@Timeout(120)
class Mdp3DecoderAllocationTest
{
    @Test
    void shouldNotAllocateWhileDecoding()
    {
        final Mdp3TestPackets incremental = new Mdp3TestPackets(1, 1)
            .channelReset().heartbeat().securityStatus()
            .book(13950, 100, 5_000_250_000_000L, 10)
            .volume(13950, 102, 1_340_718)
            .trade(13950, 103, 5_000_250_000_000L, 5)
            .orderBook(13950, 555, 5_000_500_000_000L, 7)
            .dailyStatistics(13950, 104).limitsBanding(13950, 105).sessionStatistics(13950, 106)
            .olderStatistics(13950, 107);
        final Mdp3TestPackets recovery = new Mdp3TestPackets(2, 1)
            .snapshot38(13950, 20_707_877).snapshot52(170_506, 20_187).snapshotOrders(170_506)
            .future(13950, "ESH6").spread(10_123, "ESH6-ESM6", 2615, 6505);
        final UnsafeBuffer[] packets = {copy(incremental), copy(recovery)};
        final int[] lengths = {incremental.length(), recovery.length()};

        final Summing listener = new Summing();
        final CountingMalformed malformed = new CountingMalformed();
        final Mdp3PacketDecoder decoder = new Mdp3PacketDecoder(listener, malformed, "allocation");
        final Mdp3SequenceTracker tracker = new Mdp3SequenceTracker();
        listener.tracker = tracker;

        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long messages = 0;
        for (int i = 0; i < 5; i++)
        {
            messages += decodeAll(decoder, packets, lengths, 100_000);
        }

        // The JIT may still be settling after warm-up (OSR, recompilation): take the best of a few rounds.
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 4 && allocated > 0; round++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            messages += decodeAll(decoder, packets, lengths, 1_000_000);
            allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - before);
        }

        assertEquals(0, malformed.count);
        assertTrue(listener.sum != 0 && messages > 0);
        // One object per packet would be at least 16 MB; a few KB is the JIT (deoptimisation rematerialising
        // scalar-replaced objects), which shows when other tests in the same JVM made call sites megamorphic.
        assertTrue(allocated < 16 * 1024, "bytes allocated decoding 1M packets: " + allocated);
    }

    private static long decodeAll(
        final Mdp3PacketDecoder decoder, final UnsafeBuffer[] packets, final int[] lengths, final int total)
    {
        long messages = 0;
        for (int n = 0; n < total; n++)
        {
            final int i = n & 1;
            messages += decoder.decode(packets[i], 0, lengths[i], n);
        }
        return messages;
    }

    private static UnsafeBuffer copy(final Mdp3TestPackets packet)
    {
        return new UnsafeBuffer(packet.bytes());
    }

    private static final class CountingMalformed implements MalformedInputListener
    {
        long count;

        public void onMalformed(
            final MalformedReason reason, final String source, final long position, final String detail)
        {
            count++;
        }
    }

    /**
     * Uses every value so that nothing is optimised away, reads the text views, feeds a sequence tracker.
     */
    private static final class Summing implements Mdp3Listener
    {
        long sum;
        Mdp3SequenceTracker tracker;

        public void onPacket(final long msgSeqNum, final long sendingTime, final int length)
        {
            sum += tracker.onPacket(msgSeqNum) + sendingTime + length;
        }

        public void onSecurityStatus(
            final int version, final long transactTime, final CharSequence securityGroup, final CharSequence asset,
            final int securityId, final int tradeDate, final int matchEventIndicator, final int tradingStatus,
            final int haltReason, final int tradingEvent)
        {
            sum += transactTime + securityGroup.charAt(0) + asset.length() + securityId + tradingStatus;
        }

        public void onIncrementalRefresh(
            final int templateId, final int version, final long transactTime, final int matchEventIndicator,
            final int entryCount)
        {
            sum += templateId + transactTime + matchEventIndicator + entryCount;
        }

        public void onBookEntry(
            final int securityId, final long rptSeq, final int updateAction, final byte entryType, final long price,
            final int priceExponent, final int size, final int priceLevel, final int numberOfOrders)
        {
            sum += tracker.onRptSeq(securityId, rptSeq) + updateAction + entryType + price + priceExponent + size +
                priceLevel + numberOfOrders;
        }

        public void onBookOrderEntry(
            final long orderId, final long orderPriority, final int displayQty, final int referenceId,
            final int orderUpdateAction)
        {
            sum += orderId + orderPriority + displayQty + referenceId + orderUpdateAction;
        }

        public void onTradeEntry(
            final int securityId, final long rptSeq, final int updateAction, final long price,
            final int priceExponent, final int size, final int numberOfOrders, final int aggressorSide,
            final long tradeEntryId)
        {
            sum += tracker.onRptSeq(securityId, rptSeq) + price + size + aggressorSide + tradeEntryId;
        }

        public void onTradeOrderEntry(final long orderId, final int lastQty)
        {
            sum += orderId + lastQty;
        }

        public void onVolumeEntry(final int securityId, final long rptSeq, final int updateAction, final int volume)
        {
            sum += tracker.onRptSeq(securityId, rptSeq) + volume;
        }

        public void onStatisticsEntry(
            final int securityId, final long rptSeq, final int updateAction, final byte entryType)
        {
            sum += tracker.onRptSeq(securityId, rptSeq) + updateAction + entryType;
        }

        public void onOrderEntry(
            final int securityId, final long orderId, final long orderPriority, final int updateAction,
            final byte entryType, final long price, final int priceExponent, final int displayQty)
        {
            sum += securityId + orderId + orderPriority + price + displayQty;
        }

        public void onSnapshot(
            final int templateId, final int version, final long lastMsgSeqNumProcessed, final long totNumReports,
            final int securityId, final long rptSeq, final long transactTime, final long lastUpdateTime,
            final int tradeDate, final int tradingStatus, final long highLimitPrice, final long lowLimitPrice,
            final long maxPriceVariation, final int priceExponent, final int entryCount)
        {
            tracker.onSnapshot(securityId, rptSeq);
            sum += lastMsgSeqNumProcessed + highLimitPrice + entryCount;
        }

        public void onSnapshotEntry(
            final byte entryType, final long price, final int priceExponent, final int size,
            final int numberOfOrders, final int priceLevel, final int tradingReferenceDate,
            final int openCloseSettlFlag, final int settlPriceType)
        {
            sum += entryType + price + size + numberOfOrders + priceLevel;
        }

        public void onSnapshotOrderEntry(
            final long orderId, final long orderPriority, final long price, final int priceExponent,
            final int displayQty, final byte entryType)
        {
            sum += orderId + price + displayQty;
        }

        public void onInstrumentDefinition(final Mdp3InstrumentDefinition definition)
        {
            sum += definition.securityId() + definition.symbol().length() + definition.symbol().charAt(0) +
                definition.minPriceIncrement() + definition.depthOf(Mdp3InstrumentDefinition.FEED_TYPE_GBX) +
                definition.legCount() + (definition.legCount() > 0 ? definition.legSecurityId(0) : 0);
        }

        public void onChannelResetEntry(final int applId)
        {
            tracker.onChannelReset();
            sum += applId;
        }
    }
}
