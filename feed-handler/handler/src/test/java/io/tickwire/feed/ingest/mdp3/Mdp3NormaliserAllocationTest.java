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
import io.tickwire.feed.ring.MessageSink;
import io.tickwire.sbe.mdp3.MDUpdateAction;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The normaliser allocates nothing per packet in steady state: packets of every template it publishes or counts
 * (definitions with their text, book, trade, trade bust, status, channel reset, volume, statistics, order book,
 * heartbeat), normalised a
 * million times after warm-up into a sink that reads what is written, with counters in memory.
 */
@Timeout(120)
class Mdp3NormaliserAllocationTest
{
    @Test
    void shouldNotAllocateWhileNormalising()
    {
        // The ChannelReset first restarts every RptSeq, so each round publishes its entries again.
        final Mdp3TestPackets incremental = new Mdp3TestPackets(1, 1)
            .channelReset().heartbeat().securityStatus()
            .book(13950, 100, 5_000_250_000_000L, 10)
            .volume(13950, 102, 1_340_718)
            .trade(13950, 103, 5_000_250_000_000L, 5)
            .orderBook(13950, 555, 5_000_500_000_000L, 7)
            .book32(13950, 104, 50_002_500_000L, 3)
            .dailyStatistics(13950, 106).limitsBanding(13950, 107).sessionStatistics(13950, 108)
            .olderStatistics(13950, 109)
            .trade(13950, 112, 5_000_250_000_000L, 5, MDUpdateAction.Delete, 99);
        final Mdp3TestPackets definitions = new Mdp3TestPackets(2, 1)
            .future(13950, "ESH6").spread(10_123, "ESH6-ESM6", 2615, 6505);
        final UnsafeBuffer[] packets = {new UnsafeBuffer(incremental.bytes()), new UnsafeBuffer(definitions.bytes())};
        final int[] lengths = {incremental.length(), definitions.length()};

        final CountingMalformed malformed = new CountingMalformed();
        final Mdp3NormaliserCounters counters = new Mdp3NormaliserCounters(null, "allocation");
        final Mdp3Normaliser normaliser = new Mdp3Normaliser(System::nanoTime, malformed, "allocation", counters);
        final SummingSink sink = new SummingSink();

        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long written = 0;
        long msgSeqNum = 0;
        for (int i = 0; i < 5; i++)
        {
            written += normaliseAll(normaliser, sink, packets, lengths, msgSeqNum, 100_000);
            msgSeqNum += 100_000;
        }

        // The JIT may still be settling after warm-up (OSR, recompilation): take the best of a few rounds.
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 4 && allocated > 0; round++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            written += normaliseAll(normaliser, sink, packets, lengths, msgSeqNum, 1_000_000);
            msgSeqNum += 1_000_000;
            allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - before);
        }

        assertEquals(0, malformed.count);
        assertEquals(0, counters.packetsDuplicate());
        // 7 messages per incremental packet (the bust a BrokenTrade, statistics none), 2 per definitions packet.
        assertEquals(9 * msgSeqNum, 2 * written);
        assertEquals(6 * msgSeqNum / 2, counters.statisticsEntries());
        assertTrue(sink.sum != 0);
        // One object per packet would be at least 16 MB; a few KB is the JIT (deoptimisation rematerialising
        // scalar-replaced objects), which shows when other tests in the same JVM made call sites megamorphic.
        assertTrue(allocated < 16 * 1024, "bytes allocated normalising 1M packets: " + allocated);
    }

    private static long normaliseAll(
        final Mdp3Normaliser normaliser,
        final SummingSink sink,
        final UnsafeBuffer[] packets,
        final int[] lengths,
        final long firstMsgSeqNum,
        final int total)
    {
        long written = 0;
        for (int n = 0; n < total; n++)
        {
            final int i = n & 1;
            packets[i].putInt(0, (int)(firstMsgSeqNum + n + 1), ByteOrder.LITTLE_ENDIAN);
            written += normaliser.normalise(n, packets[i], 0, lengths[i], sink);
        }
        return written;
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
     * Reads every message written, so that nothing is optimised away.
     */
    private static final class SummingSink implements MessageSink
    {
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Mdp3Normaliser.MAX_ENCODED_LENGTH]);
        long sum;

        public MutableDirectBuffer buffer()
        {
            return buffer;
        }

        public void write(final int length)
        {
            sum += length + buffer.getLong(length - 8) + buffer.getShort(2);
        }
    }
}
