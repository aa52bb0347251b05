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

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import quickfix.UtcTimestampPrecision;
import quickfix.field.converter.UtcTimestampConverter;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fast wrong answer is not a result: the benchmarked code must compute the right thing. Runs with SBE
 * precedence checks on (surefire), so the benchmarks' field access order is checked too.
 */
@Timeout(30)
class BenchmarkCorrectnessTest
{
    @Test
    void shouldWriteTheSameTimestampAsQuickFixJ()
    {
        final FixUtcTimestampWriter writer = new FixUtcTimestampWriter();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[32]);
        final Random random = new Random(7);
        final long[] fixed =
        {
            0L, 951_782_400_000_000L - 1, 951_782_400_000_000L, 1_709_164_800_123_456L, 4_102_444_799_999_999L,
            1_790_000_000_000_001L, -1L, -86_400_000_000L * 365
        };
        for (int i = 0; i < fixed.length + 10_000; i++)
        {
            final long micros = i < fixed.length ?
                fixed[i] : random.nextLong(-2_000_000_000_000_000L, 8_000_000_000_000_000L);
            writer.write(micros, buffer, 4);
            final LocalDateTime time = LocalDateTime.ofEpochSecond(
                Math.floorDiv(micros, 1_000_000L), (int)Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
            final String expected = UtcTimestampConverter.convert(time, UtcTimestampPrecision.MICROS);
            assertEquals(expected, buffer.getStringWithoutLengthAscii(4, FixUtcTimestampWriter.LENGTH),
                "epoch micros " + micros);
        }
    }

    @Test
    void shouldFormatAnExactKnownTime()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[24]);
        new FixUtcTimestampWriter().write(1_709_164_800_123_456L, buffer, 0);
        assertEquals("20240229-00:00:00.123456", new String(buffer.byteArray(), StandardCharsets.US_ASCII));
    }

    @Test
    void shouldEncodeAndDecodeInTheBenchmarks()
    {
        final SbeCodecBenchmark benchmark = new SbeCodecBenchmark();
        benchmark.setUp();
        assertEquals(8 + io.tickwire.sbe.md.AddOrderEncoder.BLOCK_LENGTH, benchmark.encodeAddOrder());
        assertNotEquals(-1, benchmark.decodeAddOrder());
        final int auditLength = benchmark.encodeAuditRecord();
        assertTrue(auditLength > 300, "raw FIX message included: " + auditLength);
        assertNotEquals(-1, benchmark.decodeAuditRecord());
    }

    @Test
    void shouldRunRecorderAndClockBenchmarkMethods()
    {
        final RecorderBenchmark recorder = new RecorderBenchmark();
        recorder.setUp();
        recorder.stageRecorderRecordValue();
        recorder.stageRecorderWithClockReads();
        recorder.plainHistogramRecordValue();
        final ClockBenchmark clock = new ClockBenchmark();
        assertTrue(clock.gatewayUtcEpochMicros() > 1_700_000_000_000_000L);
        assertTrue(Math.abs(clock.offsetEpochNanoClock() / 1000 - clock.gatewayUtcEpochMicros()) < 60_000_000L,
            "the feed's epoch clock and the gateway's UTC clock agree within a minute");
        final FixTimestampFormatBenchmark format = new FixTimestampFormatBenchmark();
        assertEquals(24, format.quickfixjConverter().length());
    }
}
