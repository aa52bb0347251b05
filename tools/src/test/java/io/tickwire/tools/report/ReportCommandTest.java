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
package io.tickwire.tools.report;

import io.tickwire.feed.client.ClientStages;
import io.tickwire.latency.LatencyRecording;
import io.tickwire.latency.StageRecorder;
import io.tickwire.tools.TickwireMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class ReportCommandTest
{
    @TempDir
    Path dir;

    @Test
    void shouldWriteHgrmHtmlAndSummaryFromALogDirectory() throws Exception
    {
        final Path logs = dir.resolve("logs");
        try (LatencyRecording recording = LatencyRecording.start(logs, "feed-client", 50))
        {
            final StageRecorder receive = recording.registry().recorder(ClientStages.PUBLISH_TO_RECEIVE);
            final StageRecorder book = recording.registry().recorder(ClientStages.RECEIVE_TO_BOOK);
            for (int i = 0; i < 10_000; i++)
            {
                receive.recordValue(5_000 + i);
                book.recordValue(300 + (i % 100));
            }
        }

        final Path out = dir.resolve("report");
        assertEquals(0, TickwireMain.execute("report", "--hlog", logs.toString(), "--out", out.toString()));

        assertTrue(Files.readString(out.resolve("publish_to_receive.hgrm")).contains("Total count    =        10000]"));
        assertTrue(Files.exists(out.resolve("receive_to_book.hgrm")));
        assertTrue(Files.readString(out.resolve("report.html")).contains("data-series=\"receive-&gt;book\""));
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"count\": 10000"));
    }

    @Test
    void shouldFailOnAMissingLogAndRequireOptions()
    {
        assertEquals(TickwireMain.EXIT_ERROR,
            TickwireMain.execute("report", "--hlog", dir.resolve("absent.hlog").toString(), "--out", dir.toString()));
        assertEquals(TickwireMain.EXIT_USAGE, TickwireMain.execute("report", "--out", dir.toString()));
    }
}
