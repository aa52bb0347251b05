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

import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.ingest.itch.ItchNormaliser;
import io.tickwire.feed.ingest.itch.sim.ItchSimulator;
import io.tickwire.latency.CalibratedEpochNanoClock;
import io.tickwire.sbe.MarketDataHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

/**
 * Cost of applying one published market data message to the subscriber's books: SBE decode, L3 order book update
 * (L2 levels maintained incrementally), as the {@code FeedClient} does for every message.
 * <pre>
 *   ItchSimulator -> ItchNormaliser -> [pre-encoded SBE messages] --apply--> BookBuilder (OrderBook per instrument)
 * </pre>
 * The flow is the venue simulator's realistic ITCH order flow normalised to SBE once in set-up; the benchmark replays
 * it, clearing the books when it wraps around (orders and levels go back to the books' free lists).
 * Target: at most 100 ns per message and about 0 B/op with {@code -prof gc}.
 * <p>
 * Run: {@code java -jar perf/target/benchmarks.jar BookApplyBenchmark -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {
    "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
    "-Dagrona.disable.bounds.checks=true",
    "-Dsbe.enable.precedence.checks=false" })
@State(Scope.Thread)
public class BookApplyBenchmark
{
    /**
     * Number of instruments in the simulated flow.
     */
    @Param({ "100" })
    public int symbols;

    private static final int MESSAGES = 1_000_000;

    private UnsafeBuffer messages;
    private int[] offsets;
    private int[] lengths;
    private int count;
    private int index;
    private BookBuilder builder;

    /**
     * Generate and normalise the flow, then warm the books with one pass.
     */
    @Setup
    public void setUp()
    {
        final ItchSimulator simulator = new ItchSimulator(42, symbols);
        final ItchNormaliser normaliser = new ItchNormaliser(CalibratedEpochNanoClock.shared(),
            (reason, source, position, detail) ->
            {
                throw new IllegalStateException(reason + " " + detail);
            },
            "simulator");
        final UnsafeBuffer itch = new UnsafeBuffer(new byte[128]);
        messages = new UnsafeBuffer(new byte[MESSAGES * ItchNormaliser.MAX_ENCODED_LENGTH]);
        offsets = new int[MESSAGES];
        lengths = new int[MESSAGES];
        int offset = 0;
        long sequence = 0;
        while (count < MESSAGES)
        {
            final int itchLength = simulator.next(itch, 0);
            final int length = normaliser.normalise(sequence, itch, 0, itchLength, messages, offset);
            if (length > 0)
            {
                messages.putLong(offset + MarketDataHeader.SEQUENCE_OFFSET, ++sequence, ByteOrder.LITTLE_ENDIAN);
                offsets[count] = offset;
                lengths[count] = length;
                count++;
                offset += length;
            }
        }

        builder = new BookBuilder(null);
        for (int i = 0; i < count; i++)
        {
            builder.apply(messages, offsets[i], lengths[i]);
        }
        if (builder.totalBookErrors() != 0)
        {
            throw new IllegalStateException("book errors in set-up: " + builder.totalBookErrors());
        }
        builder.clearBooks();
        index = 0;
    }

    /**
     * Apply the next message.
     *
     * @return the book changed, to keep the work observable.
     */
    @Benchmark
    public Object apply()
    {
        int i = index;
        if (i == count)
        {
            builder.clearBooks();
            i = 0;
        }
        index = i + 1;
        return builder.apply(messages, offsets[i], lengths[i]);
    }
}
