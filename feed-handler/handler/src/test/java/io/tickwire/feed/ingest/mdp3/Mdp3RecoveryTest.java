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

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recovery of a live channel's instruments through the normaliser, packet by packet: entries of an instrument whose
 * RptSeq jumped are held while others publish, a snapshot older than what is held is waited past, the snapshot
 * restates the book and the held entries past it follow; a full hold loses the oldest instrument's entries and
 * needs a later snapshot; a late join recovers every instrument of the loop.
 */
class Mdp3RecoveryTest
{
    private static final long A = (1L << 24) + 100;
    private static final long B = (1L << 24) + 200;
    private static final long NULL = Long.MIN_VALUE;

    private final MalformedInputCounter reports = new MalformedInputCounter(10);
    private final FeedText sink = new FeedText();
    private final Mdp3NormaliserCounters counters = new Mdp3NormaliserCounters(null, "test");
    private final Mdp3SequenceTracker tracker = new Mdp3SequenceTracker();
    private Mdp3Recovery recovery;
    private Mdp3Normaliser normaliser;
    private long msgSeqNum;

    private void start(final int capacity)
    {
        recovery = new Mdp3Recovery(tracker, capacity);
        normaliser = new Mdp3Normaliser(() -> 77L, reports, "test", counters, tracker, recovery);
    }

    @Test
    void shouldHoldARecoveringInstrumentAndReplayWhatFollowsItsSnapshot()
    {
        start(8);
        incremental(new Mdp3TestPackets(++msgSeqNum, 1).book(100, 1, 5_000, 10));
        incremental(new Mdp3TestPackets(++msgSeqNum, 1).book(100, 5, 5_000, 11));
        assertTrue(recovery.isActive());
        incremental(new Mdp3TestPackets(++msgSeqNum, 1).book(200, 1, 6_000, 12));
        assertEquals(List.of("level " + A + " NEW BUY out L1 5000 x10 n3 r1",
            "level " + A + " DELETE SELL imp L2 " + NULL + " x0 n0 r2",
            "level " + B + " NEW BUY out L1 6000 x12 n3 r1",
            "level " + B + " DELETE SELL imp L2 " + NULL + " x0 n0 r2"), sink.messages());

        // RptSeq 3 restates the book before what is held (5, 6) starts: a hole would remain, so it is waited past.
        snapshot(new Mdp3TestPackets(1, 1).snapshot52(100, 3));
        assertEquals(4, sink.messages().size());
        assertEquals(1, recovery.counts().snapshotsStale());

        snapshot(new Mdp3TestPackets(2, 1).snapshot52(100, 5));
        assertEquals(List.of("reset " + A + " XCME RECOVERY r5",
            "level " + A + " NEW BUY out L1 12952000000000 x3 n2 r5",
            "level " + A + " NEW SELL out L1 12953000000000 x4 n1 r5",
            "level " + A + " DELETE SELL imp L2 " + NULL + " x0 n0 r6"), sink.messages().subList(4, 8));
        assertFalse(recovery.isActive());
        assertEquals(1, counters.recoveries());
        assertEquals(1, counters.instrumentsRecovered());
        assertEquals(2, counters.entriesHeld());
        assertEquals(0, counters.recovering());

        // Recovered: it publishes live again, and a snapshot it does not need is ignored.
        incremental(new Mdp3TestPackets(++msgSeqNum, 1).book(100, 7, 5_000, 13));
        snapshot(new Mdp3TestPackets(3, 1).snapshot52(200, 9));
        assertEquals(10, sink.messages().size());
        assertEquals(0, reports.total());
    }

    @Test
    void shouldLoseTheOldestInstrumentsEntriesWhenTheHoldIsFull()
    {
        start(4);
        incremental(new Mdp3TestPackets(++msgSeqNum, 1).book(100, 1, 5_000, 10));
        incremental(new Mdp3TestPackets(++msgSeqNum, 1).book(100, 5, 5_000, 10));
        incremental(new Mdp3TestPackets(++msgSeqNum, 1).book(100, 7, 5_000, 10));
        incremental(new Mdp3TestPackets(++msgSeqNum, 1).book(100, 9, 5_000, 10));
        assertEquals(1, recovery.counts().overflows());
        // All it held (RptSeq 5 to 8) was lost to make room: only a snapshot at 8 or later leaves no hole.
        snapshot(new Mdp3TestPackets(1, 1).snapshot52(100, 6));
        assertTrue(recovery.isActive());
        assertEquals(1, recovery.counts().snapshotsStale());
        snapshot(new Mdp3TestPackets(2, 1).snapshot52(100, 8));
        assertFalse(recovery.isActive());
        assertEquals(List.of("reset " + A + " XCME RECOVERY r8",
            "level " + A + " NEW BUY out L1 12952000000000 x3 n2 r8",
            "level " + A + " NEW SELL out L1 12953000000000 x4 n1 r8",
            "level " + A + " NEW BUY out L1 5000 x10 n3 r9",
            "level " + A + " DELETE SELL imp L2 " + NULL + " x0 n0 r10"), sink.messages().subList(2, 7));
        assertEquals(1, counters.holdOverflows());
    }

    @Test
    void shouldRecoverEveryInstrumentOfTheLoopAfterALateJoin()
    {
        start(8);
        recovery.recoverChannel();
        incremental(new Mdp3TestPackets(500, 1).book(100, 40, 5_000, 10));
        incremental(new Mdp3TestPackets(501, 1).book(100, 42, 5_000, 10));
        assertTrue(sink.messages().isEmpty());
        // The test snapshots say the loop holds 3 instruments.
        snapshot(new Mdp3TestPackets(1, 1).snapshot52(100, 42));
        assertEquals(List.of("reset " + A + " XCME RECOVERY r42",
            "level " + A + " NEW BUY out L1 12952000000000 x3 n2 r42",
            "level " + A + " NEW SELL out L1 12953000000000 x4 n1 r42",
            "level " + A + " DELETE SELL imp L2 " + NULL + " x0 n0 r43"), sink.messages());
        assertTrue(recovery.isActive());
        snapshot(new Mdp3TestPackets(2, 1).snapshot52(200, 1));
        snapshot(new Mdp3TestPackets(3, 1).snapshot52(300, 1));
        assertFalse(recovery.isActive());
        assertEquals(3, counters.instrumentsRecovered());
        assertEquals(0, counters.recovering());
    }

    @Test
    void shouldForgetWhatIsHeldOnChannelReset()
    {
        start(8);
        incremental(new Mdp3TestPackets(++msgSeqNum, 1).book(100, 1, 5_000, 10));
        incremental(new Mdp3TestPackets(++msgSeqNum, 1).book(100, 5, 5_000, 10));
        assertTrue(recovery.isActive());
        incremental(new Mdp3TestPackets(++msgSeqNum, 1).channelReset());
        assertFalse(recovery.isActive());
        incremental(new Mdp3TestPackets(++msgSeqNum, 1).book(100, 1, 5_000, 10));
        assertEquals(List.of("level " + A + " NEW BUY out L1 5000 x10 n3 r1",
            "level " + A + " DELETE SELL imp L2 " + NULL + " x0 n0 r2",
            "reset 0 XCME CHANNEL_RESET r0",
            "level " + A + " NEW BUY out L1 5000 x10 n3 r1",
            "level " + A + " DELETE SELL imp L2 " + NULL + " x0 n0 r2"), sink.messages());
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
