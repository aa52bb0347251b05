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
package io.tickwire.latency;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class StageRecorderTest
{
    @Test
    void shouldRecordValuesIntoIntervalSamples()
    {
        final StageRecorder recorder = new LatencyRegistry().recorder("ring->publish");
        recorder.recordValue(1_000);
        recorder.recordValue(2_000);
        recorder.recordInterval(10_000, 13_000);

        final Histogram first = recorder.sampleInterval();
        assertEquals(3, first.getTotalCount());
        assertEquals(2_000, first.getValueAtPercentile(50.0), 2.0);
        assertEquals(3_000, first.getMaxValue(), 3.0);

        recorder.recordValue(5);
        final Histogram second = recorder.sampleInterval();
        assertEquals(1, second.getTotalCount(), "a sample holds only what was recorded since the previous one");
        assertEquals(5, second.getMaxValue());
    }

    @Test
    void shouldCountNegativeValuesWithoutRecordingThem()
    {
        final StageRecorder recorder = new LatencyRegistry().recorder("publish->receive");
        recorder.recordValue(-1);
        recorder.recordInterval(100, 40);
        recorder.recordValue(7);

        assertEquals(2, recorder.negativeCount());
        assertEquals(1, recorder.sampleInterval().getTotalCount());
    }

    @Test
    void shouldClampValuesAboveTheRangeAndCountThem()
    {
        final StageRecorder recorder = new LatencyRegistry(1_000_000, 3).recorder("tiny-range");
        recorder.recordValue(5_000_000);
        recorder.recordValue(Long.MAX_VALUE);

        assertEquals(2, recorder.clampedCount());
        final Histogram sample = recorder.sampleInterval();
        assertEquals(2, sample.getTotalCount());
        assertTrue(sample.getMaxValue() >= 1_000_000, "clamped values stay at the top of the range");
    }

    @Test
    void shouldNotAllocateWhenRecording()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();
        final StageRecorder recorder = new LatencyRegistry().recorder("ingest->ring");

        // Warm up so that the loop is compiled and every code path (normal, negative, clamped) has run.
        recordMany(recorder, 200_000);
        recorder.sampleInterval();
        recordMany(recorder, 200_000);

        final long before = threads.getThreadAllocatedBytes(threadId);
        recordMany(recorder, 1_000_000);
        final long after = threads.getThreadAllocatedBytes(threadId);

        // A single allocation per record would be at least 16 MB; the tolerance covers the MXBean call itself.
        assertTrue(after - before < 1024, "allocated " + (after - before) + " bytes for 1,000,000 records");
        assertEquals(1_200_000 - 1_200, recorder.sampleInterval().getTotalCount(),
            "every value but the negative ones (1 in 1000) is in the sample");
        assertEquals(1_400, recorder.negativeCount());
    }

    @Test
    void shouldGiveASecondReaderEveryValueWithoutTakingThemFromTheFirst()
    {
        final StageRecorder recorder = new LatencyRegistry().recorder("ring->publish");
        recorder.recordValue(1_000);
        final StageRecorder.IntervalReader reader = recorder.newReader();
        final Histogram seen = new Histogram(1, recorder.highestTrackableValue(), 3);

        recorder.recordValue(2_000);
        recorder.recordValue(3_000);
        assertEquals(3, reader.sampleInto(seen), "a reader starts with the values no one has taken yet");
        final Histogram first = recorder.sampleInterval();
        assertEquals(3, first.getTotalCount(), "the primary reader still gets every value");

        recorder.recordValue(4_000);
        assertEquals(1, reader.sampleInto(seen));
        assertEquals(3, first.getTotalCount(), "a reader's drain does not touch the primary's sample");
        assertEquals(1, recorder.sampleInterval().getTotalCount());
        assertEquals(0, reader.sampleInto(seen));
        assertEquals(4, seen.getTotalCount());

        recorder.recordValue(6_000);
        recorder.sampleInterval();
        final StageRecorder.IntervalReader late = recorder.newReader();
        assertEquals(0, late.sampleInto(seen), "what the primary reader took before is gone");
        late.close();
        assertEquals(1, reader.sampleInto(seen));
        assertEquals(5, seen.getTotalCount());
        assertEquals(6_000, seen.getMaxValue(), 6.0);

        reader.close();
        recorder.recordValue(5_000);
        assertEquals(0, reader.sampleInto(seen), "a closed reader reads nothing");
        assertEquals(1, recorder.sampleInterval().getTotalCount());
    }

    @Test
    void shouldGiveEveryReaderEveryValueOnceWhileTheWriterRuns() throws InterruptedException
    {
        final StageRecorder recorder = new LatencyRegistry().recorder("ingest->ring", "writer");
        final StageRecorder.IntervalReader second = recorder.newReader();
        final StageRecorder.IntervalReader third = recorder.newReader();
        final int values = 2_000_000;
        final Thread writer = new Thread(() ->
        {
            for (int i = 0; i < values; i++)
            {
                recorder.recordValue(1 + (i & 0xFFF));
            }
        }, "writer");
        final Histogram secondSeen = new Histogram(1, recorder.highestTrackableValue(), 3);
        final long[] primarySeen = new long[1];
        final Thread primary = new Thread(() ->
        {
            while (writer.isAlive())
            {
                primarySeen[0] += recorder.sampleInterval().getTotalCount();
            }
        }, "primary");

        writer.start();
        primary.start();
        long thirdSeen = 0;
        while (writer.isAlive())
        {
            second.sampleInto(secondSeen);
            thirdSeen += third.sampleInto(new Histogram(1, recorder.highestTrackableValue(), 3));
        }
        writer.join();
        primary.join();

        primarySeen[0] += recorder.sampleInterval().getTotalCount();
        second.sampleInto(secondSeen);
        thirdSeen += third.sampleInto(new Histogram(1, recorder.highestTrackableValue(), 3));
        assertEquals(values, primarySeen[0]);
        assertEquals(values, secondSeen.getTotalCount());
        assertEquals(values, thirdSeen);
    }

    @Test
    void shouldRejectTagsThatBreakTheLogFormat()
    {
        assertThrows(IllegalArgumentException.class, () -> Stage.validate("a,b"));
        assertThrows(IllegalArgumentException.class, () -> Stage.validate("a b"));
        assertThrows(IllegalArgumentException.class, () -> Stage.validate(""));
        assertEquals("ring->publish", Stage.validate("ring->publish"));
    }

    @Test
    void shouldMapStageNamesToSafeFileNames()
    {
        assertEquals("source_to_ingest", Stage.fileName("source->ingest"));
        assertEquals("fix-receive_to_risk", Stage.fileName("fix-receive->risk"));
        assertEquals("a_b_c", Stage.fileName("a/b:c"));
    }

    private static void recordMany(final StageRecorder recorder, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            final long value = (i % 1000 == 0) ? -1 : (i % 1000 == 1) ? Long.MAX_VALUE : 100 + (i & 0xFFFF);
            recorder.recordValue(value);
        }
    }
}
