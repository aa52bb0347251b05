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
package io.tickwire.feed.ingest.arbitration;

import com.sun.management.ThreadMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

import static io.tickwire.feed.ingest.arbitration.LineArbiter.AHEAD;
import static io.tickwire.feed.ingest.arbitration.LineArbiter.DUPLICATE;
import static io.tickwire.feed.ingest.arbitration.LineArbiter.LINE_A;
import static io.tickwire.feed.ingest.arbitration.LineArbiter.LINE_B;
import static io.tickwire.feed.ingest.arbitration.LineArbiter.PROCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The arbitration rules with a clock the test moves: which copy wins, when a gap is declared and what is counted,
 * from hand-made sequences and from simulated A/B feeds of a million packets and more with seeded loss and skew.
 */
@Timeout(120)
class LineArbiterTest
{
    private static final long WAIT_NS = 200_000;
    private static final long STEP_NS = 1_000;
    private static final int MAX_LAG_STEPS = 20;

    @Test
    void shouldProcessInOrderLineAOnlyWithoutReadingTheClock()
    {
        final ArbiterHarness h = new ArbiterHarness(1, WAIT_NS, 16, 16);
        for (int i = 1; i <= 1000; i++)
        {
            assertEquals(PROCESS, h.deliver(LINE_A, i, 1));
            assertFalse(h.poll());
        }

        final LineArbiter arbiter = h.arbiter;
        assertEquals(1001, arbiter.nextExpected());
        assertEquals(1000, arbiter.packetsWon(LINE_A));
        assertEquals(0, arbiter.packetsWon(LINE_B));
        assertEquals(0, arbiter.duplicatePackets(LINE_A));
        assertEquals(0, arbiter.missedMessages(LINE_A));
        assertEquals(0, arbiter.gapsOnBoth());
        assertEquals(1000, h.messagesProcessed);
        assertEquals(0, h.orderViolations);
        assertEquals(0, h.clock.reads);
    }

    @Test
    void shouldDropEveryCopyFromBWhenLinesAreIdentical()
    {
        final ArbiterHarness h = new ArbiterHarness(1, WAIT_NS, 16, 16);
        long sequence = 1;
        for (int i = 0; i < 1000; i++)
        {
            final int count = 1 + i % 5;
            assertEquals(PROCESS, h.deliver(LINE_A, sequence, count));
            assertEquals(DUPLICATE, h.deliver(LINE_B, sequence, count));
            sequence += count;
        }

        final LineArbiter arbiter = h.arbiter;
        assertEquals(1000, arbiter.packetsWon(LINE_A));
        assertEquals(0, arbiter.duplicatePackets(LINE_A));
        assertEquals(0, arbiter.packetsWon(LINE_B));
        assertEquals(1000, arbiter.duplicatePackets(LINE_B));
        assertEquals(0, arbiter.missedMessages(LINE_A));
        assertEquals(0, arbiter.missedMessages(LINE_B));
        assertEquals(sequence - 1, h.messagesProcessed);
        assertEquals(0, h.orderViolations);
        assertEquals(0, h.clock.reads);
    }

    @Test
    void shouldDropEveryCopyFromALateLine()
    {
        final ArbiterHarness h = new ArbiterHarness(1, WAIT_NS, 16, 16);
        final int packets = 10_000;
        final int lag = 50;
        for (int i = 1; i <= packets + lag; i++)
        {
            if (i <= packets)
            {
                assertEquals(PROCESS, h.deliver(LINE_B, i, 1));
            }
            if (i > lag)
            {
                assertEquals(DUPLICATE, h.deliver(LINE_A, i - lag, 1));
            }
            h.clock.nowNs += STEP_NS;
            assertFalse(h.poll());
        }

        assertEquals(packets, h.arbiter.packetsWon(LINE_B));
        assertEquals(packets, h.arbiter.duplicatePackets(LINE_A));
        assertEquals(0, h.arbiter.packetsWon(LINE_A));
        assertEquals(0, h.arbiter.gapsOnBoth());
        assertEquals(packets, h.messagesProcessed);
        assertEquals(0, h.orderViolations);
    }

    @Test
    void shouldFillALossOnAFromTheLateLineB()
    {
        final ArbiterHarness h = new ArbiterHarness(1, WAIT_NS, 16, 16);
        for (int i = 1; i <= 100; i++)
        {
            if (i != 50)
            {
                h.deliver(LINE_A, i, 1);
            }
            if (i > 5)
            {
                h.deliver(LINE_B, i - 5, 1);
            }
            h.clock.nowNs += STEP_NS;
            assertFalse(h.poll());
        }
        for (int i = 96; i <= 100; i++)
        {
            h.deliver(LINE_B, i, 1);
        }

        final LineArbiter arbiter = h.arbiter;
        assertEquals(101, arbiter.nextExpected());
        assertEquals(99, arbiter.packetsWon(LINE_A));
        assertEquals(1, arbiter.packetsWon(LINE_B));
        assertEquals(99, arbiter.duplicatePackets(LINE_B));
        assertEquals(5, arbiter.packetsAhead(LINE_A));
        assertEquals(1, arbiter.missedMessages(LINE_A));
        assertEquals(0, arbiter.missedMessages(LINE_B));
        assertEquals(0, arbiter.gapsOnBoth());
        assertEquals(100, h.messagesProcessed);
        assertEquals(0, h.orderViolations);
        assertEquals(0, h.heldSize());
    }

    @Test
    void shouldDeclareOneGapAfterTheWaitWhenBothLinesLoseTheSameRangeThenCarryOn()
    {
        final ArbiterHarness h = new ArbiterHarness(1, WAIT_NS, 256, 16);
        for (int i = 1; i <= 200; i++)
        {
            if (i < 100 || i > 109)
            {
                h.deliver(LINE_A, i, 1);
                h.deliver(LINE_B, i, 1);
            }
        }
        assertEquals(100, h.arbiter.nextExpected());
        assertTrue(h.arbiter.isHoleOpen());

        h.clock.nowNs += WAIT_NS - 1;
        assertFalse(h.poll());
        assertEquals(0, h.gaps);

        h.clock.nowNs += 1;
        assertTrue(h.poll());
        assertEquals(1, h.gaps);
        assertEquals(100, h.gapFrom(0));
        assertEquals(109, h.gapTo(0));
        assertEquals(201, h.arbiter.nextExpected());
        assertFalse(h.arbiter.isHoleOpen());
        assertEquals(0, h.heldSize());

        h.clock.nowNs += 10 * WAIT_NS;
        assertFalse(h.poll());
        for (int i = 201; i <= 300; i++)
        {
            assertEquals(PROCESS, h.deliver(LINE_B, i, 1));
            assertEquals(DUPLICATE, h.deliver(LINE_A, i, 1));
        }

        final LineArbiter arbiter = h.arbiter;
        assertEquals(1, arbiter.gapsOnBoth());
        assertEquals(10, arbiter.messagesMissedOnBoth());
        assertEquals(10, arbiter.missedMessages(LINE_A));
        assertEquals(10, arbiter.missedMessages(LINE_B));
        assertEquals(290, h.messagesProcessed);
        assertEquals(0, h.orderViolations);
    }

    @Test
    void shouldGiveTheWholeWaitAgainWhenTheSequenceMovesOnWithAHoleStillOpen()
    {
        final ArbiterHarness h = new ArbiterHarness(10, WAIT_NS, 16, 16);
        assertEquals(AHEAD, h.deliver(LINE_A, 13, 1));

        h.clock.nowNs += WAIT_NS - 1;
        assertEquals(PROCESS, h.deliver(LINE_B, 10, 1));
        assertEquals(11, h.arbiter.nextExpected());

        h.clock.nowNs += 10;
        assertFalse(h.poll());
        h.clock.nowNs += WAIT_NS - 11;
        assertFalse(h.poll());
        h.clock.nowNs += 1;
        assertTrue(h.poll());
        assertEquals(11, h.gapFrom(0));
        assertEquals(12, h.gapTo(0));
        assertEquals(14, h.arbiter.nextExpected());
        assertEquals(1, h.arbiter.packetsWon(LINE_A));
    }

    @Test
    void shouldDeclareSeveralHolesOneAfterTheOther()
    {
        final ArbiterHarness h = new ArbiterHarness(1, WAIT_NS, 16, 16);
        h.deliver(LINE_A, 1, 1);
        h.deliver(LINE_A, 3, 2);
        h.deliver(LINE_B, 7, 1);
        h.deliver(LINE_A, 9, 1);
        assertEquals(2, h.arbiter.nextExpected());

        h.clock.nowNs += WAIT_NS;
        assertTrue(h.poll());
        assertEquals(5, h.arbiter.nextExpected());
        assertFalse(h.poll());
        h.clock.nowNs += WAIT_NS;
        assertTrue(h.poll());
        h.clock.nowNs += WAIT_NS;
        assertTrue(h.poll());
        assertFalse(h.poll());

        assertEquals(3, h.gaps);
        assertEquals(2, h.gapFrom(0));
        assertEquals(2, h.gapTo(0));
        assertEquals(5, h.gapFrom(1));
        assertEquals(6, h.gapTo(1));
        assertEquals(8, h.gapFrom(2));
        assertEquals(8, h.gapTo(2));
        assertEquals(10, h.arbiter.nextExpected());
        assertEquals(5, h.messagesProcessed);
        assertEquals(4, h.arbiter.messagesMissedOnBoth());
        assertEquals(0, h.orderViolations);
    }

    @Test
    void shouldPutReorderingWithinALineBackInOrderWithoutAGap()
    {
        final ArbiterHarness h = new ArbiterHarness(1, WAIT_NS, 16, 16);
        final long[] order = {1, 2, 4, 3, 5, 8, 6, 7, 9, 10};
        for (final long sequence : order)
        {
            h.deliver(LINE_A, sequence, 1);
            h.clock.nowNs += STEP_NS;
            assertFalse(h.poll());
        }

        final LineArbiter arbiter = h.arbiter;
        assertEquals(11, arbiter.nextExpected());
        assertEquals(10, arbiter.packetsWon(LINE_A));
        assertEquals(2, arbiter.packetsAhead(LINE_A));
        // Documented: the line is watched for loss, so a packet that comes after a later one counts as missed.
        assertEquals(3, arbiter.missedMessages(LINE_A));
        assertEquals(0, arbiter.gapsOnBoth());
        assertEquals(10, h.messagesProcessed);
        assertEquals(0, h.orderViolations);
    }

    @Test
    void shouldProcessOnlyTheNewPartOfAnOverlappingPacket()
    {
        final ArbiterHarness h = new ArbiterHarness(1, WAIT_NS, 16, 16);
        assertEquals(PROCESS, h.deliver(LINE_A, 1, 3));
        assertEquals(1, h.arbiter.processFrom());
        assertEquals(PROCESS, h.deliver(LINE_B, 3, 3));
        assertEquals(4, h.arbiter.processFrom());
        assertEquals(DUPLICATE, h.deliver(LINE_A, 4, 2));
        assertEquals(6, h.arbiter.nextExpected());
        assertEquals(5, h.messagesProcessed);
        assertEquals(0, h.orderViolations);
    }

    @Test
    void shouldDeclareUpToTheHighestSeenWhenTheCallerHoldsNothing()
    {
        final LineArbiter arbiter = new LineArbiter(1, 0, () -> 0, LineArbiterListener.NO_OP);
        assertEquals(AHEAD, arbiter.onPacket(LINE_A, 3, 1));
        assertEquals(AHEAD, arbiter.onPacket(LINE_A, 6, 2));
        assertEquals(PROCESS, arbiter.onPacket(LINE_B, 1, 3));
        // The caller dropped what it was told to hold, so the arbiter only knows how far the lines have got.
        assertTrue(arbiter.poll());
        assertEquals(8, arbiter.nextExpected());
        assertEquals(4, arbiter.messagesMissedOnBoth());
    }

    @Test
    void shouldHoldItsPositionAfterDeclaringAGapWhenTheCallerRecovers()
    {
        final ArbiterHarness.TestClock clock = new ArbiterHarness.TestClock();
        final long[] declared = new long[3];
        final LineArbiter arbiter = new LineArbiter(1, WAIT_NS, clock,
            (from, to) ->
            {
                declared[0]++;
                declared[1] = from;
                declared[2] = to;
            },
            false);
        assertEquals(PROCESS, arbiter.onPacket(LINE_A, 1, 2));
        assertEquals(AHEAD, arbiter.onPacket(LINE_A, 5, 1));
        assertEquals(AHEAD, arbiter.onPacket(LINE_B, 5, 1));

        clock.nowNs += WAIT_NS;
        assertTrue(arbiter.poll());
        assertTrue(arbiter.isGapDeclared());
        assertEquals(3, declared[1]);
        assertEquals(4, declared[2]);
        assertEquals(3, arbiter.nextExpected(), "holds its position while the caller recovers");

        clock.nowNs += 10 * WAIT_NS;
        assertFalse(arbiter.poll(), "declared once");
        assertEquals(AHEAD, arbiter.onPacket(LINE_A, 6, 1));
        assertEquals(AHEAD, arbiter.onHeldPacket(LINE_A, 5, 1));

        arbiter.advanceTo(5);
        assertFalse(arbiter.isGapDeclared());
        assertEquals(PROCESS, arbiter.onHeldPacket(LINE_A, 5, 1));
        assertEquals(DUPLICATE, arbiter.onHeldPacket(LINE_B, 5, 1));
        assertEquals(PROCESS, arbiter.onHeldPacket(LINE_A, 6, 1));
        assertFalse(arbiter.isHoleOpen());
        assertEquals(1, declared[0]);
        assertEquals(1, arbiter.gapsOnBoth());
        assertEquals(2, arbiter.messagesMissedOnBoth());
        assertEquals(3, arbiter.packetsWon(LINE_A));
        assertEquals(1, arbiter.duplicatePackets(LINE_B));
    }

    @Test
    void shouldOpenAHoleFromAHeartbeatAndCountWhatTheLineMissed()
    {
        final ArbiterHarness h = new ArbiterHarness(1, WAIT_NS, 16, 16);
        h.deliver(LINE_A, 1, 5);
        h.deliver(LINE_B, 1, 5);
        h.arbiter.onHeartbeat(LINE_A, 9);
        h.arbiter.onHeartbeat(LINE_B, 6);
        assertTrue(h.arbiter.isHoleOpen());
        assertEquals(3, h.arbiter.missedMessages(LINE_A));
        assertEquals(0, h.arbiter.missedMessages(LINE_B));

        h.clock.nowNs += WAIT_NS / 2;
        assertEquals(PROCESS, h.deliver(LINE_B, 6, 2));
        h.clock.nowNs += WAIT_NS - 1;
        assertFalse(h.poll());
        h.clock.nowNs += 1;
        assertTrue(h.poll());
        assertEquals(8, h.gapFrom(0));
        assertEquals(8, h.gapTo(0));
        assertEquals(9, h.arbiter.nextExpected());
        assertEquals(0, h.orderViolations);
    }

    @Test
    void shouldStartAgainAfterReset()
    {
        final ArbiterHarness h = new ArbiterHarness(1, WAIT_NS, 16, 16);
        h.deliver(LINE_A, 1, 1);
        h.arbiter.onPacket(LINE_A, 5, 1);
        h.arbiter.reset(1);
        assertFalse(h.arbiter.isHoleOpen());
        assertEquals(PROCESS, h.arbiter.onPacket(LINE_B, 1, 1));
        assertEquals(2, h.arbiter.nextExpected());
    }

    @Test
    void shouldRejectANegativeWait()
    {
        assertThrows(IllegalArgumentException.class,
            () -> new LineArbiter(1, -1, () -> 0, LineArbiterListener.NO_OP));
    }

    @Test
    void shouldProcessEverySequenceOnceInOrderWithIndependentDisjointLossOnBothLines()
    {
        final Feed feed = new Feed(42, 1_000_000, 0.05, 0.05, true);
        final ArbiterHarness h = new ArbiterHarness(1, WAIT_NS, 4096, 16);
        run(h, feed, 7);

        final LineArbiter arbiter = h.arbiter;
        assertEquals(0, h.gaps);
        assertEquals(0, arbiter.gapsOnBoth());
        assertEquals(0, h.orderViolations);
        assertEquals(feed.messages, h.messagesProcessed);
        assertEquals(feed.messages + 1, arbiter.nextExpected());
        assertEquals(feed.packets, arbiter.packetsWon(LINE_A) + arbiter.packetsWon(LINE_B));
        assertEquals(feed.delivered(feed.lostA), arbiter.packetsWon(LINE_A) + arbiter.duplicatePackets(LINE_A));
        assertEquals(feed.delivered(feed.lostB), arbiter.packetsWon(LINE_B) + arbiter.duplicatePackets(LINE_B));
        assertEquals(feed.lostMessages(feed.lostA), arbiter.missedMessages(LINE_A));
        assertEquals(feed.lostMessages(feed.lostB), arbiter.missedMessages(LINE_B));
        assertTrue(feed.lostMessages(feed.lostA) > feed.messages / 25, "loss on A was simulated");
        assertTrue(feed.lostMessages(feed.lostB) > feed.messages / 25, "loss on B was simulated");
        assertTrue(arbiter.packetsWon(LINE_A) > feed.packets / 3 && arbiter.packetsWon(LINE_B) > feed.packets / 3,
            "both lines lead at times: " + arbiter.packetsWon(LINE_A) + " / " + arbiter.packetsWon(LINE_B));
        assertTrue(arbiter.packetsAhead(LINE_A) > 0 && arbiter.packetsAhead(LINE_B) > 0);
        assertEquals(0, h.heldSize());
    }

    @Test
    void shouldDeclareExactlyTheRangesLostOnBothLinesWithIndependentLoss()
    {
        final Feed feed = new Feed(4242, 1_000_000, 0.05, 0.05, false);
        final int expectedGaps = feed.bothLostRuns();
        final ArbiterHarness h = new ArbiterHarness(1, WAIT_NS, 4096, expectedGaps + 1);
        run(h, feed, 11);

        assertTrue(expectedGaps > 1000, "runs lost on both lines: " + expectedGaps);
        assertEquals(expectedGaps, h.gaps);
        assertEquals(expectedGaps, h.arbiter.gapsOnBoth());
        int gap = 0;
        for (int i = 0; i < feed.packets; i++)
        {
            if (feed.lostA[i] && feed.lostB[i] && (i == 0 || !(feed.lostA[i - 1] && feed.lostB[i - 1])))
            {
                int last = i;
                while (feed.lostA[last + 1] && feed.lostB[last + 1])
                {
                    last++;
                }
                assertEquals(feed.sequence[i], h.gapFrom(gap), "gap " + gap);
                assertEquals(feed.sequence[last] + feed.count[last] - 1, h.gapTo(gap), "gap " + gap);
                gap++;
            }
        }
        final long lostOnBoth = feed.messages - h.messagesProcessed;
        assertEquals(lostOnBoth, h.arbiter.messagesMissedOnBoth());
        assertEquals(0, h.orderViolations);
        assertEquals(feed.messages + 1, h.arbiter.nextExpected());
        assertEquals(feed.lostMessages(feed.lostA), h.arbiter.missedMessages(LINE_A));
        assertEquals(feed.lostMessages(feed.lostB), h.arbiter.missedMessages(LINE_B));
        assertEquals(0, h.heldSize());
    }

    @Test
    void shouldNotAllocatePerPacket()
    {
        final Feed warmUpFeed = new Feed(1, 500_000, 0.05, 0.05, false);
        final Feed feed = new Feed(2, 1_000_000, 0.05, 0.05, false);
        run(new ArbiterHarness(1, WAIT_NS, 4096, warmUpFeed.bothLostRuns() + 1), warmUpFeed, 3);
        run(new ArbiterHarness(1, WAIT_NS, 4096, warmUpFeed.bothLostRuns() + 1), warmUpFeed, 4);
        final ArbiterHarness h = new ArbiterHarness(1, WAIT_NS, 4096, feed.bothLostRuns() + 1);

        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long start = threads.getCurrentThreadAllocatedBytes();
        final long overhead = threads.getCurrentThreadAllocatedBytes() - start;
        final long before = threads.getCurrentThreadAllocatedBytes();
        run(h, feed, 5);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before - overhead;

        assertEquals(0, h.orderViolations);
        assertEquals(feed.messages + 1, h.arbiter.nextExpected());
        assertTrue(h.gaps > 0);
        // One allocation per packet would be at least 16 MB here; what may remain is JIT noise.
        assertTrue(allocated < 16 * 1024, "bytes allocated arbitrating " + feed.packets + " packets: " + allocated);
    }

    /**
     * Deliver a feed on both lines, each line lagging a time that changes every thousand steps (so either line
     * leads at times), polling every step, then wait until every hole is declared.
     */
    private static void run(final ArbiterHarness h, final Feed feed, final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final int packets = feed.packets;
        int nextA = 0;
        int nextB = 0;
        int lagA = 0;
        int lagB = 0;
        for (long t = 0; nextA < packets || nextB < packets; t++)
        {
            if (t % 1000 == 0)
            {
                lagA = random.nextInt(MAX_LAG_STEPS + 1);
                lagB = random.nextInt(MAX_LAG_STEPS + 1);
            }
            h.clock.nowNs += STEP_NS;
            if (random.nextBoolean())
            {
                nextA = deliverUpTo(h, feed, LINE_A, feed.lostA, nextA, t - lagA);
                nextB = deliverUpTo(h, feed, LINE_B, feed.lostB, nextB, t - lagB);
            }
            else
            {
                nextB = deliverUpTo(h, feed, LINE_B, feed.lostB, nextB, t - lagB);
                nextA = deliverUpTo(h, feed, LINE_A, feed.lostA, nextA, t - lagA);
            }
            h.poll();
        }
        while (h.arbiter.isHoleOpen())
        {
            h.clock.nowNs += WAIT_NS;
            h.poll();
        }
    }

    private static int deliverUpTo(
        final ArbiterHarness h, final Feed feed, final int line, final boolean[] lost, final int next, final long upTo)
    {
        int i = next;
        while (i <= upTo && i < feed.packets)
        {
            if (!lost[i])
            {
                h.deliver(line, feed.sequence[i], feed.count[i]);
            }
            i++;
        }
        return i;
    }

    /**
     * Packets of 1 to 4 messages numbered from 1, the same on both lines, and which of them each line loses. The
     * last packet is never lost, so every loss is followed by something on both lines.
     */
    private static final class Feed
    {
        final int packets;
        final long[] sequence;
        final int[] count;
        final boolean[] lostA;
        final boolean[] lostB;
        final long messages;

        Feed(final long seed, final int packets, final double lossA, final double lossB, final boolean disjoint)
        {
            final SplittableRandom random = new SplittableRandom(seed);
            this.packets = packets;
            sequence = new long[packets];
            count = new int[packets];
            lostA = new boolean[packets + 1];
            lostB = new boolean[packets + 1];
            long next = 1;
            for (int i = 0; i < packets; i++)
            {
                sequence[i] = next;
                count[i] = 1 + random.nextInt(4);
                next += count[i];
                if (i < packets - 1)
                {
                    lostA[i] = random.nextDouble() < lossA;
                    lostB[i] = (!disjoint || !lostA[i]) && random.nextDouble() < lossB;
                }
            }
            messages = next - 1;
        }

        long delivered(final boolean[] lost)
        {
            long delivered = 0;
            for (int i = 0; i < packets; i++)
            {
                delivered += lost[i] ? 0 : 1;
            }
            return delivered;
        }

        long lostMessages(final boolean[] lost)
        {
            long messages = 0;
            for (int i = 0; i < packets; i++)
            {
                messages += lost[i] ? count[i] : 0;
            }
            return messages;
        }

        int bothLostRuns()
        {
            int runs = 0;
            for (int i = 0; i < packets; i++)
            {
                if (lostA[i] && lostB[i] && (i == 0 || !(lostA[i - 1] && lostB[i - 1])))
                {
                    runs++;
                }
            }
            return runs;
        }
    }
}
