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
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live channel's recovery allocates nothing per packet once its instruments are known: a RptSeq jump held, the
 * snapshot restating the book, the held entries replayed, a ChannelReset, a million rounds after warm-up.
 */
@Timeout(120)
class Mdp3RecoveryAllocationTest
{
    @Test
    void shouldNotAllocateWhileHoldingRestatingAndReplaying()
    {
        final UnsafeBuffer published = new UnsafeBuffer(new Mdp3TestPackets(1, 1)
            .channelReset().book(100, 1, 5_000, 10).bytes());
        final UnsafeBuffer jump = new UnsafeBuffer(new Mdp3TestPackets(2, 1).book(100, 5, 5_000, 11)
            .sessionStatistics(100, 7).bytes());
        final UnsafeBuffer snapshot = new UnsafeBuffer(new Mdp3TestPackets(1, 1).snapshot52(100, 4).bytes());

        final Mdp3SequenceTracker tracker = new Mdp3SequenceTracker();
        final Mdp3Recovery recovery = new Mdp3Recovery(tracker, 64);
        final Mdp3NormaliserCounters counters = new Mdp3NormaliserCounters(null, "allocation");
        final Mdp3Normaliser normaliser = new Mdp3Normaliser(System::nanoTime,
            (reason, source, position, detail) ->
            {
                throw new AssertionError(reason + " " + detail);
            }, "allocation", counters, tracker, recovery);
        final CountingSink sink = new CountingSink();

        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long msgSeqNum = 0;
        long written = 0;
        for (int i = 0; i < 5; i++)
        {
            written += rounds(normaliser, sink, published, jump, snapshot, msgSeqNum, 50_000);
            msgSeqNum += 100_000;
        }
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 4 && allocated > 0; round++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            written += rounds(normaliser, sink, published, jump, snapshot, msgSeqNum, 500_000);
            msgSeqNum += 1_000_000;
            allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - before);
        }

        // Per round: reset + 2 levels, nothing (held), reset + 2 levels restated + 2 replayed (+ statistics, counted).
        assertEquals(8 * (msgSeqNum / 2), written);
        assertEquals(msgSeqNum / 2, counters.instrumentsRecovered());
        assertEquals(msgSeqNum / 2, counters.statisticsEntries());
        assertEquals(0, counters.recovering());
        assertTrue(allocated < 16 * 1024, "bytes allocated in 500k recoveries: " + allocated);
    }

    private static long rounds(
        final Mdp3Normaliser normaliser, final CountingSink sink, final UnsafeBuffer published,
        final UnsafeBuffer jump, final UnsafeBuffer snapshot, final long firstMsgSeqNum, final int total)
    {
        long written = 0;
        long msgSeqNum = firstMsgSeqNum;
        for (int n = 0; n < total; n++)
        {
            published.putInt(0, (int)++msgSeqNum, ByteOrder.LITTLE_ENDIAN);
            written += normaliser.normalise(msgSeqNum, published, 0, published.capacity(), sink);
            jump.putInt(0, (int)++msgSeqNum, ByteOrder.LITTLE_ENDIAN);
            written += normaliser.normalise(msgSeqNum, jump, 0, jump.capacity(), sink);
            written += normaliser.normalise(Mdp3LiveSource.SNAPSHOT | 1, snapshot, 0, snapshot.capacity(), sink);
        }
        return written;
    }

    /**
     * Reads every message written, so that nothing is optimised away.
     */
    private static final class CountingSink implements MessageSink
    {
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Mdp3Normaliser.MAX_ENCODED_LENGTH]);
        long sum;

        public MutableDirectBuffer buffer()
        {
            return buffer;
        }

        public void write(final int length)
        {
            sum += length + buffer.getLong(length - 8);
        }
    }
}
