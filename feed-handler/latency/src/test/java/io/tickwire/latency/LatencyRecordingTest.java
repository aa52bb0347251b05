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
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class LatencyRecordingTest
{
    @TempDir
    Path dir;

    @Test
    void shouldWriteTheLastIntervalOnClose() throws Exception
    {
        final Path file;
        try (LatencyRecording recording = LatencyRecording.start(dir.resolve("logs"), "feed-publish", 60_000))
        {
            assertTrue(recording.isEnabled());
            final StageRecorder recorder = recording.registry().recorder("ring->publish");
            for (int i = 0; i < 100; i++)
            {
                recorder.recordValue(250 + i);
            }
            file = recording.file();
        }

        assertTrue(file.getFileName().toString().startsWith("feed-publish-"), file.toString());
        final HistogramLogReader reader = new HistogramLogReader(file.toFile());
        final EncodableHistogram histogram = reader.nextIntervalHistogram();
        reader.close();
        assertEquals("ring->publish", histogram.getTag());
        assertEquals(349, histogram.getMaxValueAsDouble(), 1.0);
    }
}
