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

import org.agrona.concurrent.HighResolutionClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import quickfix.UtcTimestampPrecision;
import quickfix.field.converter.UtcTimestampConverter;

import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * A FIX UTCTimestamp with microseconds from the current time: our allocation-free writer into a reused buffer
 * versus QuickFIX/J's {@link UtcTimestampConverter} (which needs a {@link LocalDateTime} and returns a String).
 * Run with {@code -prof gc} to see the allocation per stamp.
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
public class FixTimestampFormatBenchmark
{
    private final FixUtcTimestampWriter writer = new FixUtcTimestampWriter();
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(64));

    /**
     * Clock read plus our writer.
     *
     * @return a byte of the result, so nothing is eliminated.
     */
    @Benchmark
    public byte tickwireWriterIntoBuffer()
    {
        writer.write(HighResolutionClock.epochMicros(), buffer, 0);
        return buffer.getByte(23);
    }

    /**
     * Clock read plus QuickFIX/J's converter, as a FIX engine that stamps with java.time does it.
     *
     * @return the formatted string.
     */
    @Benchmark
    public String quickfixjConverter()
    {
        final long micros = HighResolutionClock.epochMicros();
        final LocalDateTime time = LocalDateTime.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L), (int)Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
        return UtcTimestampConverter.convert(time, UtcTimestampPrecision.MICROS);
    }
}
