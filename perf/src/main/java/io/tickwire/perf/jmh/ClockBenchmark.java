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

import io.tickwire.latency.CalibratedEpochNanoClock;
import org.agrona.concurrent.HighResolutionClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Cost of the clock reads the code base stamps with: {@code System.nanoTime} (stage latencies),
 * {@code CalibratedEpochNanoClock} (feed ingest/publish stamps), {@code OffsetEpochNanoClock},
 * {@code HighResolutionClock.epochMicros} (the gateway's UTC clock), {@code SystemEpochNanoClock},
 * {@code Instant.now} and {@code currentTimeMillis}.
 */
@Fork(value = 1, jvmArgsAppend = {
    "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens", "java.base/java.util.zip=ALL-UNNAMED",
    "-Dagrona.disable.bounds.checks=true", "-Dsbe.enable.precedence.checks=false" })
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ClockBenchmark
{
    private final OffsetEpochNanoClock offsetClock = new OffsetEpochNanoClock();
    private final SystemEpochNanoClock systemEpochNanoClock = new SystemEpochNanoClock();
    private final CalibratedEpochNanoClock calibratedClock = CalibratedEpochNanoClock.shared();

    /**
     * Monotonic clock.
     *
     * @return the reading.
     */
    @Benchmark
    public long systemNanoTime()
    {
        return System.nanoTime();
    }

    /**
     * Millisecond wall clock.
     *
     * @return the reading.
     */
    @Benchmark
    public long systemCurrentTimeMillis()
    {
        return System.currentTimeMillis();
    }

    /**
     * java.time wall clock (allocates an Instant unless escape analysis removes it).
     *
     * @return the reading.
     */
    @Benchmark
    public Instant instantNow()
    {
        return Instant.now();
    }

    /**
     * Agrona's nanoTime-based epoch clock (calibrated to the millisecond clock, so not used for stamps).
     *
     * @return the reading.
     */
    @Benchmark
    public long offsetEpochNanoClock()
    {
        return offsetClock.nanoTime();
    }

    /**
     * The feed's stamp clock: nanoTime plus an offset calibrated against {@code Instant.now()}.
     *
     * @return the reading.
     */
    @Benchmark
    public long calibratedEpochNanoClock()
    {
        return calibratedClock.nanoTime();
    }

    /**
     * Agrona's wall clock in ns (reads the real-time clock each call).
     *
     * @return the reading.
     */
    @Benchmark
    public long systemEpochNanoClock()
    {
        return systemEpochNanoClock.nanoTime();
    }

    /**
     * The gateway's UTC clock: the real-time clock in microseconds (SystemGatewayClock.epochMicros).
     *
     * @return the reading.
     */
    @Benchmark
    public long gatewayUtcEpochMicros()
    {
        return HighResolutionClock.epochMicros();
    }
}
