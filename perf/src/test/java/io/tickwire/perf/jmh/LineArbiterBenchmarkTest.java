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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;

import static io.tickwire.feed.ingest.arbitration.LineArbiter.LINE_A;
import static io.tickwire.feed.ingest.arbitration.LineArbiter.LINE_B;
import static io.tickwire.perf.jmh.LineArbiterBenchmark.LAG;
import static io.tickwire.perf.jmh.LineArbiterBenchmark.LOST_ON_A;
import static io.tickwire.perf.jmh.LineArbiterBenchmark.SEQUENCES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fast wrong answer is not a result: each scenario of {@link LineArbiterBenchmark} hands on every sequence number
 * exactly once and in order, wins and drops the packets it claims to, declares no gap, and allocates nothing.
 */
@Timeout(60)
class LineArbiterBenchmarkTest
{
    private static final int INVOCATIONS = 50;
    private static final long ALL = (long)INVOCATIONS * SEQUENCES;

    @Test
    void shouldProcessEverySequenceOnceWhenBothLinesDeliverIt()
    {
        final LineArbiterBenchmark benchmark = new LineArbiterBenchmark();
        benchmark.setUp();
        long answers = 0;
        for (int i = 0; i < INVOCATIONS; i++)
        {
            answers += benchmark.bothLines();
        }

        final LineArbiterBenchmark.Source source = benchmark.bothLinesSource();
        assertProcessedOnceInOrder(source, ALL);
        final LineArbiter arbiter = source.arbiter;
        assertEquals(ALL, arbiter.packetsWon(LINE_A));
        assertEquals(0, arbiter.duplicatePackets(LINE_A));
        assertEquals(0, arbiter.packetsWon(LINE_B));
        assertEquals(ALL, arbiter.duplicatePackets(LINE_B));
        assertEquals(ALL * LineArbiter.DUPLICATE, answers, "A processed, B dropped");
    }

    @Test
    void shouldDropEveryCopyOfTheLaggingLine()
    {
        final LineArbiterBenchmark benchmark = new LineArbiterBenchmark();
        benchmark.setUp();
        for (int i = 0; i < INVOCATIONS; i++)
        {
            benchmark.lineBLagging();
        }

        final LineArbiterBenchmark.Source source = benchmark.laggingSource();
        assertProcessedOnceInOrder(source, LAG + ALL);
        final LineArbiter arbiter = source.arbiter;
        assertEquals(LAG + ALL, arbiter.packetsWon(LINE_A));
        assertEquals(0, arbiter.packetsWon(LINE_B));
        assertEquals(ALL, arbiter.duplicatePackets(LINE_B));
        assertEquals(0, arbiter.packetsAhead(LINE_A) + arbiter.packetsAhead(LINE_B));
    }

    @Test
    void shouldFillEveryLossOfLineAFromLineBOnce()
    {
        final LineArbiterBenchmark benchmark = new LineArbiterBenchmark();
        benchmark.setUp();
        for (int i = 0; i < INVOCATIONS; i++)
        {
            benchmark.lossOnLineA();
        }

        final LineArbiterBenchmark.Source source = benchmark.lossySource();
        assertProcessedOnceInOrder(source, 1 + ALL);
        final LineArbiter arbiter = source.arbiter;
        final long lost = (long)INVOCATIONS * LOST_ON_A;
        assertEquals(lost, arbiter.missedMessages(LINE_A), "5 % lost on A");
        assertEquals(0, arbiter.missedMessages(LINE_B));
        assertEquals(1 + ALL - lost, arbiter.packetsWon(LINE_A));
        assertEquals(lost, arbiter.packetsWon(LINE_B), "B filled every loss");
        assertEquals(ALL - lost, arbiter.duplicatePackets(LINE_B));
        assertEquals(0, arbiter.duplicatePackets(LINE_A));
        assertTrue(arbiter.packetsAhead(LINE_A) > INVOCATIONS, "losses opened holes: " +
            arbiter.packetsAhead(LINE_A));
        assertEquals(0, source.held());
    }

    @Test
    void shouldNotAllocateInAnyScenario()
    {
        final LineArbiterBenchmark benchmark = new LineArbiterBenchmark();
        benchmark.setUp();
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long answers = runAll(benchmark, 2_000);

        // The JIT may still be settling after warm-up (OSR, recompilation): take the best of a few rounds.
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 4 && allocated > 0; round++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            answers += runAll(benchmark, 500);
            allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - before);
        }

        assertTrue(answers > 0);
        // One object per packet would be some 240 MB; a few KB is the JIT.
        assertTrue(allocated < 16 * 1024, "bytes allocated arbitrating 15 M packets: " + allocated);
    }

    private static long runAll(final LineArbiterBenchmark benchmark, final int invocations)
    {
        long answers = 0;
        for (int i = 0; i < invocations; i++)
        {
            answers += benchmark.bothLines() + benchmark.lineBLagging() + benchmark.lossOnLineA();
        }
        return answers;
    }

    private static void assertProcessedOnceInOrder(final LineArbiterBenchmark.Source source, final long sequences)
    {
        final LineArbiter arbiter = source.arbiter;
        assertEquals(sequences, source.messagesProcessed, "each sequence number handed on once");
        assertEquals(0, source.outOfOrder);
        assertEquals(1 + sequences, arbiter.nextExpected());
        assertEquals(0, arbiter.gapsOnBoth());
        assertEquals(0, arbiter.messagesMissedOnBoth());
    }
}
