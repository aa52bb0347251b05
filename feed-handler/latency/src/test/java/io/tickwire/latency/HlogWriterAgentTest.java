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

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogProcessor;
import org.HdrHistogram.HistogramLogReader;
import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class HlogWriterAgentTest
{
    private static final long START_MS = 1_790_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldWriteOneTaggedHistogramPerStagePerInterval() throws Exception
    {
        final CachedEpochClock clock = new CachedEpochClock();
        clock.update(START_MS);
        final LatencyRegistry registry = new LatencyRegistry();
        final StageRecorder ingestA = registry.recorder("ingest->ring", "ingest-a");
        final StageRecorder ingestB = registry.recorder("ingest->ring", "ingest-b");
        final StageRecorder publish = registry.recorder("ring->publish", "publisher");
        final Path file = dir.resolve("feed.hlog");
        final HlogWriterAgent agent = new HlogWriterAgent(registry, file, "feed test", 1000, clock);

        ingestA.recordValue(1_000);
        ingestB.recordValue(3_000);
        publish.recordValue(500);
        clock.advance(999);
        assertEquals(0, agent.doWork(), "interval not due yet");
        clock.advance(1);
        assertEquals(1, agent.doWork());

        ingestA.recordValue(2_000);
        publish.recordValue(-5);
        clock.advance(400);
        agent.onClose();

        final List<EncodableHistogram> histograms = readAll(file);
        assertEquals(4, histograms.size(), "2 intervals x 2 stages");
        final Map<String, Long> counts = new HashMap<>();
        for (final EncodableHistogram histogram : histograms)
        {
            counts.merge(histogram.getTag(), ((Histogram)histogram).getTotalCount(), Long::sum);
        }
        assertEquals(Map.of("ingest->ring", 3L, "ring->publish", 1L), counts);

        final Histogram first = (Histogram)histograms.get(0);
        assertEquals("ingest->ring", first.getTag());
        assertEquals(2, first.getTotalCount(), "the two writers of a stage are added together");
        assertEquals(3_000, first.getMaxValue(), 3.0);
        assertEquals(START_MS, first.getStartTimeStamp());
        assertEquals(START_MS + 1000, first.getEndTimeStamp());
        assertEquals(START_MS + 1400, histograms.get(3).getEndTimeStamp());

        final String text = Files.readString(file, StandardCharsets.US_ASCII);
        assertTrue(text.contains("#[Clamped stage=ring->publish writer=publisher negative=1 clamped=0]"), text);
        assertTrue(text.contains("process=feed_test"), text);
    }

    @Test
    void shouldBeReadableByHistogramLogProcessor() throws Exception
    {
        final CachedEpochClock clock = new CachedEpochClock();
        clock.update(START_MS);
        final LatencyRegistry registry = new LatencyRegistry();
        final StageRecorder recorder = registry.recorder("receive->book", "client");
        registry.recorder("publish->receive", "client");
        final Path file = dir.resolve("client.hlog");
        final HlogWriterAgent agent = new HlogWriterAgent(registry, file, "client", 100, clock);
        for (int interval = 0; interval < 5; interval++)
        {
            for (int i = 1; i <= 1000; i++)
            {
                recorder.recordValue(i * 1_000L);
            }
            clock.advance(100);
            agent.doWork();
        }
        agent.onClose();

        final String out = dir.resolve("processed").toString();
        final HistogramLogProcessor processor = new HistogramLogProcessor(new String[]
        {
            "-i", file.toString(), "-o", out, "-tag", "receive->book", "-outputValueUnitRatio", "1000"
        });
        processor.run();

        final String hgrm = Files.readString(Path.of(out + ".hgrm"));
        assertTrue(hgrm.contains("#[Max     =     1000.447, Total count    =         5000]"), hgrm);
        final String intervals = Files.readString(Path.of(out));
        assertEquals(5, intervals.lines().filter((line) -> line.contains("I:1000 ")).count(), intervals);
        assertFalse(new File(out + ".mwp").exists());
    }

    private static List<EncodableHistogram> readAll(final Path file) throws Exception
    {
        final List<EncodableHistogram> histograms = new ArrayList<>();
        final HistogramLogReader reader = new HistogramLogReader(file.toFile());
        try
        {
            EncodableHistogram histogram;
            while (null != (histogram = reader.nextIntervalHistogram()))
            {
                histograms.add(histogram);
            }
        }
        finally
        {
            reader.close();
        }

        return histograms;
    }
}
