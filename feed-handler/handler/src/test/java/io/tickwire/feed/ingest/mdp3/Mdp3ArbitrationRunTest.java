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

import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.ingest.MessageHandler;
import io.tickwire.feed.ingest.arbitration.LineArbiter;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3BookCheck;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3Simulator;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3SnapshotLoop;
import io.tickwire.feed.ring.MessageSink;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over a million MDP 3.0 messages of the simulated channel through the live channel's own arbitration and recovery
 * ({@link Mdp3ChannelInput}, {@link Mdp3Recovery}, {@link Mdp3Normaliser}) into the subscriber's price-level books
 * ({@link BookBuilder}), in process: the packets are handed to the input as the sockets would, line B a few packets
 * behind line A, on a simulated clock, so that a million messages take seconds and the run is the same every time.
 * The snapshot loop (a packet per 10 incremental packets, 25 packets behind the feed, on sides A and B) is delivered
 * only while the recovery needs it, as the source joins it. Messages are counted as SBE messages in the incremental
 * packets (each MsgSize-framed message: definitions, statuses, book, trade and volume messages).
 * <ul>
 *     <li>5 % loss on each line, never of the same packet on both: no gap on both lines, every packet won on one
 *     line once, books equal to the simulator's at every checkpoint with nothing pending and at the end;</li>
 *     <li>the same plus packets lost on both lines (0.1 % single packets, 20 bursts of 30, and the ChannelReset of a
 *     reset mid-run): every run of them declared one gap, every instrument made suspect and settled, the lost reset
 *     inferred, books equal to the simulator's once recovery has ended.</li>
 * </ul>
 * The same path over real UDP, smaller, is Mdp3LiveUdpRunTest.
 */
@Timeout(60)
class Mdp3ArbitrationRunTest
{
    private static final int INSTRUMENTS = 16;
    private static final long MESSAGES = 1_000_000;
    private static final int LAG_B = 3;
    private static final int SNAPSHOT_EVERY = 10;
    private static final int SNAPSHOT_LAG = 25;
    // 20,000 packets a second: a hole waits GAP_WAIT_NS / STEP_NS = 100 packets, well within the hold.
    private static final long STEP_NS = 50_000;
    private static final long GAP_WAIT_NS = 5_000_000;
    private static final int CHECKPOINT = 1_000;

    private final long[] now = { 1 };
    private final List<String> malformed = new ArrayList<>();
    private final Mdp3Simulator simulator = new Mdp3Simulator(7, INSTRUMENTS);
    private final Mdp3SnapshotLoop loop = new Mdp3SnapshotLoop(simulator);
    private final Mdp3SequenceTracker tracker = new Mdp3SequenceTracker();
    private final Mdp3Recovery recovery = new Mdp3Recovery(tracker,
        Mdp3ChannelConfig.recoveryEntriesFor(INSTRUMENTS));
    private final Mdp3ChannelInput input = new Mdp3ChannelInput("run",
        (reason, source, position, detail) -> malformed.add(reason + " " + detail), recovery, GAP_WAIT_NS, 1024,
        () -> now[0]);
    private final BookBuilder books = new BookBuilder(null);
    private final Mdp3Normaliser normaliser = new Mdp3Normaliser(() -> now[0],
        (reason, source, position, detail) -> malformed.add(reason + " " + detail), "run",
        new Mdp3NormaliserCounters(null, "run"), tracker, recovery);
    private final MessageSink sink = new MessageSink()
    {
        private final UnsafeBuffer message = new UnsafeBuffer(new byte[Mdp3Normaliser.MAX_ENCODED_LENGTH]);

        public MutableDirectBuffer buffer()
        {
            return message;
        }

        public void write(final int length)
        {
            books.apply(message, 0, length);
        }
    };
    private final MessageHandler handler =
        (sequence, buffer, offset, length) -> normaliser.normalise(sequence, buffer, offset, length, sink);

    // Packets in flight: line B's copies LAG_B packets behind, snapshot packets SNAPSHOT_LAG behind.
    private final UnsafeBuffer[] lineB = buffers(LAG_B + 1);
    private final int[] lineBLength = new int[LAG_B + 1];
    private final UnsafeBuffer[] snapshots = buffers(SNAPSHOT_LAG / SNAPSHOT_EVERY + 2);
    private final int[] snapshotLength = new int[snapshots.length];
    private final long[] snapshotDue = new long[snapshots.length];
    private long snapshotHead;
    private long snapshotTail;
    private final UnsafeBuffer packet = new UnsafeBuffer(new byte[Mdp3Simulator.MAX_PACKET]);

    private long packets;
    private long messages;
    private long checkpointsCompared;

    @Test
    void shouldWinEveryPacketOnOneLineAndKeepTheBooksOfAMillionMessages()
    {
        final SplittableRandom random = new SplittableRandom(11);
        while (messages < MESSAGES)
        {
            final boolean lostA = random.nextInt(100) < 5;
            final boolean lostB = !lostA && random.nextInt(100) < 5;
            step(lostA, lostB);
        }
        finish();

        final LineArbiter arbiter = input.arbiter();
        assertEquals(0, arbiter.gapsOnBoth());
        assertEquals(packets, arbiter.packetsWon(LineArbiter.LINE_A) + arbiter.packetsWon(LineArbiter.LINE_B));
        assertTrue(arbiter.packetsWon(LineArbiter.LINE_B) > packets / 25, "B filled A's losses");
        assertEquals(0, recovery.counts().recoveries());
        assertEquals(0, recovery.counts().suspectGaps());
        assertEquals(0, tracker.rptSeqGaps());
        assertTrue(checkpointsCompared > packets / CHECKPOINT / 2, "checkpoints: " + checkpointsCompared);
        assertEquals(List.of(), malformed);
        assertEquals(0, books.totalBookErrors());
    }

    @Test
    void shouldRecoverWhatBothLinesLostFromTheSnapshotLoop()
    {
        final SplittableRandom random = new SplittableRandom(13);
        final long resetAt = 120_000;
        long burstLeft = 0;
        long bothLost = 0;
        long runs = 0;
        boolean previousBoth = false;
        while (messages < MESSAGES)
        {
            final long next = packets + 1;
            if (next == resetAt)
            {
                simulator.channelReset();
            }
            if (0 == burstLeft && next % 12_000 == 6_000)
            {
                burstLeft = 30;
            }
            final boolean both = next == resetAt || burstLeft > 0 || random.nextInt(1000) == 0;
            burstLeft = Math.max(0, burstLeft - 1);
            final boolean lostA = both || random.nextInt(100) < 5;
            final boolean lostB = both || !lostA && random.nextInt(100) < 5;
            if (both)
            {
                bothLost++;
                runs += previousBoth ? 0 : 1;
            }
            previousBoth = both;
            step(lostA, lostB);
        }
        finish();

        final LineArbiter arbiter = input.arbiter();
        assertEquals(bothLost, arbiter.messagesMissedOnBoth());
        assertEquals(runs, arbiter.gapsOnBoth());
        assertEquals(0, input.holdFull());
        assertEquals(runs, recovery.counts().suspectGaps());
        assertTrue(recovery.counts().suspectsCleared() > 0);
        assertTrue(recovery.counts().instrumentsRecovered() > 0);
        assertEquals(1, recovery.counts().resetsInferred(), "the ChannelReset lost on both lines");
        assertEquals(0, recovery.suspectCount());
        assertTrue(input.loopDuplicates() > 0, "side B's copies of the loop dropped");
        assertEquals(List.of(), malformed);
    }

    /**
     * One incremental packet: line A's copy now, line B's LAG_B packets later; a snapshot packet every
     * SNAPSHOT_EVERY packets, delivered SNAPSHOT_LAG packets later if the loop is joined then.
     */
    private void step(final boolean lostA, final boolean lostB)
    {
        now[0] += STEP_NS;
        final int length = simulator.next(packet, 0);
        packets++;
        messages += messagesIn(packet, length);
        if (!lostA)
        {
            input.onIncremental(LineArbiter.LINE_A, packet, 0, length, handler, Integer.MAX_VALUE);
        }
        final int slot = (int)(packets % lineB.length);
        final int due = (int)((packets + 1) % lineB.length);
        lineB[slot].putBytes(0, packet, 0, length);
        lineBLength[slot] = lostB ? 0 : length;
        if (packets > LAG_B && lineBLength[due] > 0)
        {
            input.onIncremental(LineArbiter.LINE_B, lineB[due], 0, lineBLength[due], handler, Integer.MAX_VALUE);
        }
        lineBLength[due] = 0;
        input.poll(handler, Integer.MAX_VALUE);
        if (packets % SNAPSHOT_EVERY == 0)
        {
            final int s = (int)(snapshotTail++ % snapshots.length);
            snapshotLength[s] = loop.next(snapshots[s], 0);
            snapshotDue[s] = packets + SNAPSHOT_LAG;
        }
        deliverSnapshots();
        if (packets % CHECKPOINT == 0 && isSettled())
        {
            checkpointsCompared++;
            assertNull(Mdp3BookCheck.firstDifference(simulator, books::priceLevelBook),
                "packet " + packets + ", resets inferred " + recovery.counts().resetsInferred());
        }
    }

    private void deliverSnapshots()
    {
        while (snapshotHead < snapshotTail && snapshotDue[(int)(snapshotHead % snapshots.length)] <= packets)
        {
            final int s = (int)(snapshotHead++ % snapshots.length);
            if (recovery.isActive())
            {
                // Both sides of the loop: the second copy is dropped.
                input.onLoopPacket(Mdp3LiveSource.SNAPSHOT, 0, snapshots[s], 0, snapshotLength[s], handler);
                input.onLoopPacket(Mdp3LiveSource.SNAPSHOT, 1, snapshots[s], 0, snapshotLength[s], handler);
            }
        }
    }

    private boolean isSettled()
    {
        return !recovery.isActive() && input.arbiter().nextExpected() == simulator.msgSeqNum() + 1;
    }

    /**
     * The feed stops: line B's last copies arrive, holes wait out the gap wait, and the loop (no longer lagging)
     * runs until nothing recovers; then the books must be the simulator's.
     */
    private void finish()
    {
        for (int i = 0; i <= LAG_B; i++)
        {
            final int due = (int)((packets + 1 + i) % lineB.length);
            if (lineBLength[due] > 0)
            {
                input.onIncremental(LineArbiter.LINE_B, lineB[due], 0, lineBLength[due], handler, Integer.MAX_VALUE);
                lineBLength[due] = 0;
            }
        }
        now[0] += 2 * GAP_WAIT_NS;
        input.poll(handler, Integer.MAX_VALUE);
        final UnsafeBuffer snapshot = new UnsafeBuffer(new byte[Mdp3Simulator.MAX_PACKET]);
        for (int i = 0; i < 4 * INSTRUMENTS && recovery.isActive(); i++)
        {
            input.onLoopPacket(Mdp3LiveSource.SNAPSHOT, 0, snapshot, 0, loop.next(snapshot, 0), handler);
        }
        assertEquals(simulator.msgSeqNum() + 1, input.arbiter().nextExpected());
        assertTrue(!recovery.isActive(), "recovery ended");
        assertTrue(messages >= MESSAGES && packets > 0);
        assertNull(Mdp3BookCheck.firstDifference(simulator, books::priceLevelBook));
    }

    private static long messagesIn(final UnsafeBuffer packet, final int length)
    {
        long count = 0;
        int offset = Mdp3PacketDecoder.PACKET_HEADER_LENGTH;
        while (offset + Mdp3PacketDecoder.MSG_SIZE_LENGTH <= length)
        {
            final int msgSize = packet.getShort(offset, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
            if (msgSize < Mdp3PacketDecoder.MSG_SIZE_LENGTH)
            {
                break;
            }
            offset += msgSize;
            count++;
        }
        return count;
    }

    private static UnsafeBuffer[] buffers(final int count)
    {
        final UnsafeBuffer[] buffers = new UnsafeBuffer[count];
        for (int i = 0; i < count; i++)
        {
            buffers[i] = new UnsafeBuffer(new byte[Mdp3Simulator.MAX_PACKET]);
        }
        return buffers;
    }
}
