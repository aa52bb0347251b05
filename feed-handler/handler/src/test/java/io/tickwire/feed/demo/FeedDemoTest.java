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
package io.tickwire.feed.demo;

import io.tickwire.agent.cli.HlogOptions;
import io.tickwire.feed.client.ClientStages;
import io.tickwire.latency.LatencyRecording;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(90)
class FeedDemoTest
{
    @TempDir
    Path hlogDir;

    @Test
    void shouldRunEndToEndAndVerifyEveryBook() throws Exception
    {
        final StringWriter out = new StringWriter();
        final String channel = io.tickwire.feed.client.TestMedia.multicastChannel();
        final FeedDemoOptions options = CommandLine.populateCommand(new FeedDemoOptions(),
            "--duration", "4s", "--warmup", "1s", "--rate", "20000", "--symbols", "10", "--channel", channel);
        final HlogOptions hlog = CommandLine.populateCommand(new HlogOptions(),
            "--hlog", hlogDir.toString(), "--hlog-interval-ms", "200");
        final int exit;
        try (LatencyRecording recording = hlog.start("demo"))
        {
            exit = DemoRun.run(List.of(new FeedDemo(options, recording.registry())), options.durationNs(),
                new PrintWriter(out, true));
        }

        final String output = out.toString();
        assertEquals(0, exit, output);
        // Both venues in one feed: 10 ITCH instruments checked against a direct replay and 12 CME futures against
        // the simulated venue's own price levels, for each of the 3 subscribers (the late one by snapshot alone).
        assertTrue(output.contains("verified 66 books ((10 ITCH instruments against a direct replay + 12 CME futures " +
            "against the venue's own price levels) x 3 subscribers)"), output);
        assertTrue(output.contains("88,000 ITCH messages and MDP 3.0 packets in"), output);
        assertTrue(output.contains("RESULT: OK"), output);
        // Warm-up (JIT) latency is reported apart from the steady state, each with its own samples.
        final Matcher steady = Pattern.compile(
            "A \\(every event\\).*\\n.*publish -> book callback \\(after warm-up\\): .*\\(([0-9,]+) samples\\)")
            .matcher(output);
        final Matcher warm = Pattern.compile("warm-up \\(first 1 s, apart\\): publish -> book callback .*" +
            "\\(([0-9,]+) samples\\)").matcher(output);
        assertTrue(steady.find() && warm.find(), output);
        assertTrue(Long.parseLong(steady.group(1).replace(",", "")) > 0, output);
        assertTrue(Long.parseLong(warm.group(1).replace(",", "")) > 0, output);

        final List<Path> logs;
        try (Stream<Path> files = Files.list(hlogDir))
        {
            logs = files.collect(Collectors.toList());
        }
        assertEquals(1, logs.size(), logs.toString());
        assertTrue(logs.get(0).getFileName().toString().startsWith("demo-"), logs.toString());
        final Map<String, Long> counts = new HashMap<>();
        final HistogramLogReader reader = new HistogramLogReader(logs.get(0).toFile());
        Histogram histogram;
        while (null != (histogram = (Histogram)reader.nextIntervalHistogram()))
        {
            counts.merge(histogram.getTag(), histogram.getTotalCount(), Long::sum);
        }
        reader.close();
        // Every book callback of the three subscribers records both stages once (A alone sees all 80,000).
        assertEquals(2, counts.size(), counts.toString());
        assertTrue(counts.get(ClientStages.RECEIVE_TO_BOOK) >= 80_000, counts.toString());
        assertEquals(
            counts.get(ClientStages.RECEIVE_TO_BOOK), counts.get(ClientStages.PUBLISH_TO_RECEIVE), counts.toString());
    }
}
