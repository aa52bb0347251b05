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

import io.tickwire.feed.ingest.MalformedInputCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The statistics templates (daily 49, limits and banding 50, session 51, and their version 2-8 forms 33-35) take
 * their place in an instrument's RptSeq as CME counts it: interleaved with book, trade and volume entries they leave
 * no gap in a capture; on a live channel they clear a suspect instrument, are held while it recovers and are replayed
 * or dropped by RptSeq after its snapshot, like a book entry.
 */
@Timeout(30)
class Mdp3StatisticsSequencingTest
{
    private static final int ES = 13950;
    private static final long ES_ID = (1L << 24) + ES;
    private static final long A = (1L << 24) + 100;
    private static final long NULL = Long.MIN_VALUE;

    private final MalformedInputCounter reports = new MalformedInputCounter(10);
    private final FeedText sink = new FeedText();
    private final Mdp3NormaliserCounters counters = new Mdp3NormaliserCounters(null, "test");
    private final Mdp3SequenceTracker tracker = new Mdp3SequenceTracker();
    private Mdp3Recovery recovery;
    private Mdp3Normaliser normaliser;

    @Test
    void shouldLeaveNoRptSeqGapWhenBookAndStatisticsEntriesInterleave()
    {
        normaliser = new Mdp3Normaliser(() -> 77L, reports, "test", counters);
        // RptSeq 1-2 book, 3 session statistics, 4-5 book, 6 daily, 7 limits, 8 trade, 9 volume, 10-12 older ones.
        capture(new Mdp3TestPackets(1, 1)
            .book(ES, 1, 5_000_250_000_000L, 10)
            .sessionStatistics(ES, 3)
            .book(ES, 4, 5_000_500_000_000L, 11)
            .dailyStatistics(ES, 6)
            .limitsBanding(ES, 7)
            .trade(ES, 8, 5_000_250_000_000L, 2)
            .volume(ES, 9, 2)
            .olderStatistics(ES, 10));
        capture(new Mdp3TestPackets(2, 1).book(ES, 13, 5_000_250_000_000L, 12));

        assertEquals(0, counters.rptSeqGaps());
        assertEquals(0, counters.rptSeqMissing());
        assertEquals(6, counters.statisticsEntries());
        assertEquals(0, counters.messagesSkipped());
        assertEquals(List.of(
            "level " + ES_ID + " NEW BUY out L1 5000250000000 x10 n3 r1",
            "level " + ES_ID + " DELETE SELL imp L2 " + NULL + " x0 n0 r2",
            "level " + ES_ID + " NEW BUY out L1 5000500000000 x11 n3 r4",
            "level " + ES_ID + " DELETE SELL imp L2 " + NULL + " x0 n0 r5",
            "trade " + ES_ID + " 5000250000000 x2 SELL n2 id99 r8",
            "level " + ES_ID + " NEW BUY out L1 5000250000000 x12 n3 r13",
            "level " + ES_ID + " DELETE SELL imp L2 " + NULL + " x0 n0 r14"), sink.messages());

        // A statistics entry whose RptSeq is not above the last is a duplicate, as any other entry.
        capture(new Mdp3TestPackets(3, 1).sessionStatistics(ES, 14));
        assertEquals(1, counters.rptSeqDuplicate());
        assertEquals(6, counters.statisticsEntries());
        assertEquals(0, reports.total());
    }

    @Test
    void shouldClearASuspectInstrumentWithItsNextStatisticsEntry()
    {
        start();
        incremental(new Mdp3TestPackets(1, 1).book(100, 1, 5_000, 10));
        recovery.onPacketGap(2, 2);
        assertEquals(1, recovery.suspectCount());

        // RptSeq 3 follows 2: nothing of this instrument was in the lost packet.
        incremental(new Mdp3TestPackets(3, 1).sessionStatistics(100, 3));

        assertEquals(0, recovery.suspectCount());
        assertFalse(recovery.isActive());
        assertEquals(1, recovery.counts().suspectsCleared());
        assertEquals(0, counters.recoveries());
        assertEquals(1, counters.statisticsEntries());
    }

    @Test
    void shouldHoldStatisticsWhileRecoveringAndReplayThemByRptSeq()
    {
        start();
        incremental(new Mdp3TestPackets(1, 1).book(100, 1, 5_000, 10).sessionStatistics(100, 3));
        assertFalse(recovery.isActive());

        // RptSeq 4 and 5 lost: the book entries 6-7 and the statistics 8 (daily) and 9 (limits) are held.
        incremental(new Mdp3TestPackets(2, 1).book(100, 6, 5_000, 11));
        assertTrue(recovery.isActive());
        incremental(new Mdp3TestPackets(3, 1).dailyStatistics(100, 8).limitsBanding(100, 9));
        assertEquals(4, counters.entriesHeld());
        assertEquals(1, counters.statisticsEntries());

        // The snapshot at 7 covers the held book entries; the statistics past it are replayed in RptSeq order.
        snapshot(new Mdp3TestPackets(1, 1).snapshot52(100, 7));
        assertFalse(recovery.isActive());
        assertEquals(3, counters.statisticsEntries());
        assertEquals(List.of(
            "reset " + A + " XCME RECOVERY r7",
            "level " + A + " NEW BUY out L1 12952000000000 x3 n2 r7",
            "level " + A + " NEW SELL out L1 12953000000000 x4 n1 r7"), sink.messages().subList(2, 5));
        assertEquals(5, sink.messages().size());

        // The replay left RptSeq at 9: the next book entry is in sequence, no second recovery.
        incremental(new Mdp3TestPackets(4, 1).book(100, 10, 5_000, 12));
        assertEquals(1, counters.recoveries());
        assertEquals(0, counters.recovering());
        assertEquals("level " + A + " NEW BUY out L1 5000 x12 n3 r10", sink.messages().get(5));
        assertEquals(0, reports.total());
    }

    private void start()
    {
        recovery = new Mdp3Recovery(tracker, 8);
        normaliser = new Mdp3Normaliser(() -> 77L, reports, "test", counters, tracker, recovery);
    }

    private void capture(final Mdp3TestPackets packet)
    {
        normaliser.normalise(1_000, packet.buffer(), 0, packet.length(), sink);
    }

    private void incremental(final Mdp3TestPackets packet)
    {
        normaliser.normalise(packet.buffer().getInt(0), packet.buffer(), 0, packet.length(), sink);
    }

    private void snapshot(final Mdp3TestPackets packet)
    {
        normaliser.normalise(Mdp3LiveSource.SNAPSHOT | packet.buffer().getInt(0), packet.buffer(), 0,
            packet.length(), sink);
    }
}
