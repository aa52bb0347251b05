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
package io.tickwire.perf.jmh;

import io.tickwire.feed.ingest.arbitration.LineArbiter;
import io.tickwire.feed.ingest.arbitration.LineArbiterListener;
import org.agrona.concurrent.SystemNanoClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Cost per packet of A/B line arbitration ({@link LineArbiter}) in the steady state, with the caller's side of the
 * protocol (process from {@link LineArbiter#processFrom()}, hold what is ahead, offer it again) as a source does it.
 * Target: at most 20 ns per packet, 0 B/op with {@code -prof gc}. Packets carry one sequence number each, as MDP 3.0
 * packets do; each step of a scenario is one sequence number and ends with the duty cycle's {@link LineArbiter#poll()}.
 * <pre>
 *   bothLines:      A: 1 2 3 4 5 ...      every copy from B a duplicate, right after A's
 *                   B: 1 2 3 4 5 ...
 *   lineBLagging:   A: 65 66 67 ...       A delivers first; B's copies arrive 64 sequence numbers late
 *                   B:  1  2  3 ...
 *   lossOnLineA:    A: 1 2 . 4 5 6 . 8    A loses 5 % (a fixed pattern); B one packet behind fills each loss,
 *                   B:   1 2 3 4 5 6 7    so each loss opens a hole: A's next packet is held, then offered again
 * </pre>
 * The loss pattern is drawn once in set-up (256 of every 5,120 sequence numbers, seeded); the measured methods use
 * no randomness. Each scenario has its own arbiter, on the system nano clock (read only when a hole opens or moves),
 * with a 1 s wait before a gap is declared, which no scenario reaches: nothing is lost on both lines.
 * <p>
 * Run: {@code java -jar perf/target/benchmarks.jar LineArbiterBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
    "-Dagrona.disable.bounds.checks=true" })
public class LineArbiterBenchmark
{
    /** Sequence numbers per invocation of each scenario. */
    static final int SEQUENCES = 5_120;
    /** Sequence numbers line A loses per invocation of {@link #lossOnLineA()}: 5 %. */
    static final int LOST_ON_A = SEQUENCES / 20;
    /** How many sequence numbers line B is behind A in {@link #lineBLagging()}. */
    static final int LAG = 64;
    /** Packets per invocation with both lines delivering every sequence number. */
    static final int BOTH_LINES_PACKETS = 2 * SEQUENCES;
    /** Packets per invocation of {@link #lossOnLineA()}. */
    static final int LOSS_PACKETS = 2 * SEQUENCES - LOST_ON_A;

    private static final long GAP_WAIT_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long LOSS_PATTERN_SEED = 20_261_204L;

    private final boolean[] lostOnA = new boolean[SEQUENCES];
    private Source both;
    private Source lagging;
    private Source lossy;

    /**
     * The arbiters, the lagging line's head start and the loss pattern.
     */
    @Setup
    public void setUp()
    {
        both = new Source();
        lagging = new Source();
        lossy = new Source();
        // Line A is LAG sequence numbers ahead of B before the first measured step; in the loss scenario one.
        for (int i = 0; i < LAG; i++)
        {
            lagging.deliver(LineArbiter.LINE_A, lagging.nextStep++);
        }
        lossy.deliver(LineArbiter.LINE_A, lossy.nextStep++);

        // Exactly LOST_ON_A losses, never on the last step so that an invocation ends with every loss filled.
        final Random random = new Random(LOSS_PATTERN_SEED);
        int lost = 0;
        while (lost < LOST_ON_A)
        {
            final int i = random.nextInt(SEQUENCES - 1);
            if (!lostOnA[i])
            {
                lostOnA[i] = true;
                lost++;
            }
        }
    }

    /**
     * Both lines deliver every sequence number, A first, then B's duplicate.
     *
     * @return the sum of the arbiter's answers, so nothing is dead code.
     */
    @Benchmark
    @OperationsPerInvocation(BOTH_LINES_PACKETS)
    public long bothLines()
    {
        final Source source = both;
        long step = source.nextStep;
        long sum = 0;
        for (int i = 0; i < SEQUENCES; i++)
        {
            sum += source.deliver(LineArbiter.LINE_A, step);
            sum += source.deliver(LineArbiter.LINE_B, step);
            source.poll();
            step++;
        }
        source.nextStep = step;
        return sum;
    }

    /**
     * Line A delivers every sequence number first; B delivers the same, {@link #LAG} sequence numbers late.
     *
     * @return the sum of the arbiter's answers.
     */
    @Benchmark
    @OperationsPerInvocation(BOTH_LINES_PACKETS)
    public long lineBLagging()
    {
        final Source source = lagging;
        long step = source.nextStep;
        long sum = 0;
        for (int i = 0; i < SEQUENCES; i++)
        {
            sum += source.deliver(LineArbiter.LINE_A, step);
            sum += source.deliver(LineArbiter.LINE_B, step - LAG);
            source.poll();
            step++;
        }
        source.nextStep = step;
        return sum;
    }

    /**
     * Line A loses 5 % of the sequence numbers; B, one packet behind, delivers all of them.
     *
     * @return the sum of the arbiter's answers.
     */
    @Benchmark
    @OperationsPerInvocation(LOSS_PACKETS)
    public long lossOnLineA()
    {
        final Source source = lossy;
        final boolean[] lostOnA = this.lostOnA;
        long step = source.nextStep;
        long sum = 0;
        for (int i = 0; i < SEQUENCES; i++)
        {
            if (!lostOnA[i])
            {
                sum += source.deliver(LineArbiter.LINE_A, step);
            }
            sum += source.deliver(LineArbiter.LINE_B, step - 1);
            source.poll();
            step++;
        }
        source.nextStep = step;
        return sum;
    }

    Source bothLinesSource()
    {
        return both;
    }

    Source laggingSource()
    {
        return lagging;
    }

    Source lossySource()
    {
        return lossy;
    }

    /**
     * The caller's side: an arbiter, a small hold of packets that arrived ahead (in arrival order, which is sequence
     * order here, as only line A runs ahead), and what was processed.
     */
    static final class Source
    {
        private static final int HOLD_CAPACITY = 16;
        private static final int HOLD_MASK = HOLD_CAPACITY - 1;

        final LineArbiter arbiter =
            new LineArbiter(1, GAP_WAIT_NS, SystemNanoClock.INSTANCE, LineArbiterListener.NO_OP);
        private final long[] heldSequence = new long[HOLD_CAPACITY];
        private final int[] heldLine = new int[HOLD_CAPACITY];
        private long heldHead;
        private long heldTail;
        long nextStep = 1;
        long messagesProcessed;
        long outOfOrder;

        int deliver(final int line, final long sequence)
        {
            final int result = arbiter.onPacket(line, sequence, 1);
            if (result == LineArbiter.PROCESS)
            {
                process(sequence);
                offerHeld();
            }
            else if (result == LineArbiter.AHEAD)
            {
                hold(line, sequence);
            }
            return result;
        }

        void poll()
        {
            if (arbiter.poll())
            {
                offerHeld();
            }
        }

        int held()
        {
            return (int)(heldTail - heldHead);
        }

        private void process(final long sequence)
        {
            // What a source hands on: the messages from processFrom() to the packet's end, each once and in order.
            final long from = arbiter.processFrom();
            if (from != sequence)
            {
                outOfOrder++;
            }
            messagesProcessed += sequence + 1 - from;
        }

        private void hold(final int line, final long sequence)
        {
            if (heldTail - heldHead == HOLD_CAPACITY)
            {
                throw new IllegalStateException("hold full at sequence " + sequence);
            }
            final int index = (int)(heldTail++ & HOLD_MASK);
            heldSequence[index] = sequence;
            heldLine[index] = line;
        }

        private void offerHeld()
        {
            while (heldHead < heldTail)
            {
                final int index = (int)(heldHead & HOLD_MASK);
                final long sequence = heldSequence[index];
                final int result = arbiter.onHeldPacket(heldLine[index], sequence, 1);
                if (result == LineArbiter.AHEAD)
                {
                    return;
                }
                heldHead++;
                if (result == LineArbiter.PROCESS)
                {
                    process(sequence);
                }
            }
        }
    }
}
