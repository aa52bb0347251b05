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

import io.tickwire.feed.ingest.itch.ItchNormaliser;
import io.tickwire.feed.ingest.itch.sim.ItchSimulator;
import io.tickwire.latency.CalibratedEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
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

import java.util.concurrent.TimeUnit;

/**
 * ITCH 5.0 decode + normalise + SBE encode on one thread: ops/s is messages/s.
 * <p>
 * <pre>
 *   pre-generated ITCH (ItchSimulator mix: A/F, D, U, X, E, C, P) --ItchNormaliser--> SBE scratch buffer
 * </pre>
 * The messages are generated once, after the opening directory, so the mix is steady-state order flow.
 * The ingest timestamp comes from {@link CalibratedEpochNanoClock}, as in the feed handler.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
    "-Dagrona.disable.bounds.checks=true",
    "-Dsbe.enable.precedence.checks=false" })
public class ItchNormaliseBenchmark
{
    /** Messages per invocation; a power of two. */
    static final int MESSAGES = 16 * 1024;
    private static final int STRIDE = 64;

    private final UnsafeBuffer itch = new UnsafeBuffer(new byte[MESSAGES * STRIDE]);
    private final int[] lengths = new int[MESSAGES];
    private final UnsafeBuffer sbe = new UnsafeBuffer(new byte[ItchNormaliser.MAX_ENCODED_LENGTH]);
    private ItchNormaliser normaliser;
    private long sequence;

    /**
     * Generate the messages and the normaliser.
     */
    @Setup
    public void setup()
    {
        final int symbols = 500;
        final ItchSimulator simulator = new ItchSimulator(20260101, symbols);
        final UnsafeBuffer skip = new UnsafeBuffer(new byte[STRIDE]);
        for (int i = 0; i < ItchSimulator.openingMessageCount(symbols) + 100_000; i++)
        {
            simulator.next(skip, 0);
        }
        for (int i = 0; i < MESSAGES; i++)
        {
            lengths[i] = simulator.next(itch, i * STRIDE);
        }
        normaliser = new ItchNormaliser(CalibratedEpochNanoClock.shared(), (reason, source, position, detail) ->
        {
            throw new IllegalStateException(reason + " " + detail);
        }, "benchmark");
    }

    /**
     * Normalise every pre-generated message once.
     *
     * @return the sum of encoded lengths, so nothing is dead code.
     */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long normalise()
    {
        final ItchNormaliser normaliser = this.normaliser;
        final UnsafeBuffer itch = this.itch;
        final UnsafeBuffer sbe = this.sbe;
        final int[] lengths = this.lengths;
        long seq = sequence;
        long sum = 0;
        for (int i = 0; i < MESSAGES; i++)
        {
            sum += normaliser.normalise(++seq, itch, i * STRIDE, lengths[i], sbe, 0);
        }
        sequence = seq;

        return sum;
    }
}
