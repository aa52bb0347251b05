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

import io.tickwire.feed.FeedStages;
import io.tickwire.latency.LatencyRegistry;
import io.tickwire.latency.StageRecorder;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Cost of recording one stage latency: {@link StageRecorder#recordValue} (HdrHistogram SingleWriterRecorder with
 * our range checks), the same with the two clock reads a stage measurement needs, and a plain
 * {@link Histogram#recordValue} for reference. Run with {@code -prof gc}: the allocation rate must be ~0 B/op.
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
public class RecorderBenchmark
{
    private StageRecorder recorder;
    private Histogram histogram;
    private long value;

    /**
     * Recorders as a component would create them at start-up.
     */
    @Setup
    public void setUp()
    {
        recorder = new LatencyRegistry().recorder(FeedStages.RING_TO_PUBLISH);
        histogram = new Histogram(1, LatencyRegistry.HIGHEST_TRACKABLE_VALUE_DEFAULT_NS, 3);
    }

    /**
     * One record into the stage recorder, values spread over 1 ns .. 65 us.
     */
    @Benchmark
    public void stageRecorderRecordValue()
    {
        recorder.recordValue(nextValue());
    }

    /**
     * What a stage costs in the hot path: two nanoTime reads and a record.
     */
    @Benchmark
    public void stageRecorderWithClockReads()
    {
        final long start = System.nanoTime();
        recorder.recordInterval(start, System.nanoTime());
    }

    /**
     * A plain single-threaded histogram, no phaser: the lower bound.
     */
    @Benchmark
    public void plainHistogramRecordValue()
    {
        histogram.recordValue(nextValue());
    }

    private long nextValue()
    {
        value = (value + 7919) & 0xFFFF;
        return value + 1;
    }
}
