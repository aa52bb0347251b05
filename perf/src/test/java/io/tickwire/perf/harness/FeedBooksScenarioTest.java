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
package io.tickwire.perf.harness;

import io.tickwire.perf.cli.BenchCommand;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs {@code bench feed-books --quick} for real (ITCH file, feed handler, embedded Aeron driver, UDP multicast on
 * loopback, FeedClient with books) and checks that the outputs are valid and complete: never timing.
 */
@Timeout(180)
class FeedBooksScenarioTest
{
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void shouldApplyEveryPublishedMessageToBooksAndReportLatencyNextToTheBaseline() throws Exception
    {
        final Map<String, Double> metrics = runQuick(FeedBooksScenario.NAME);
        for (final String run : new String[]{ "max", "100k/s" })
        {
            final double published = metrics.get(run + "/feed-books/published");
            assertTrue(published > 0, metrics.toString());
            assertEquals(published, metrics.get(run + "/feed-books/applied"), run + " " + metrics);
            assertEquals(published, metrics.get(run + "/feed-books/received"), run + " " + metrics);
            assertEquals(0.0, metrics.get(run + "/feed-books/sequence-gaps"), run + " " + metrics);
            assertEquals(0.0, metrics.get(run + "/feed-books/duplicates"), run + " " + metrics);
            assertEquals(1.0, metrics.get(run + "/feed-books/complete"), run + " " + metrics);
            assertTrue(metrics.get(run + "/feed-books/books") > 0, run + " " + metrics);
            assertTrue(metrics.get(run + "/feed-books/resting-orders") > 0, run + " " + metrics);
        }
        assertTrue(metrics.get("max/feed-books/throughput") > 0, metrics.toString());

        final double recorded = metrics.get("100k/s/publish->book/recorded");
        assertTrue(recorded > 0, metrics.toString());
        assertEquals(recorded, metrics.get("100k/s/publish->book/book-updates-recorded"), metrics.toString());
        assertEquals(recorded, metrics.get("100k/s/ingest->book/recorded"), metrics.toString());
        assertTrue(metrics.get("100k/s/udp-rtt/recorded") > 0, metrics.toString());
        assertTrue(metrics.get("100k/s/udp-one-way/recorded") > 0, metrics.toString());
        assertNotNull(metrics.get("100k/s/publish->book/udp-one-way-floor/p50-ratio"), metrics.toString());
        assertNotNull(metrics.get("100k/s/publish->book/udp-one-way-floor/p99-ratio"), metrics.toString());
        assertTrue(metrics.get("100k/s/publish->book/udp-one-way-floor/baseline-p50") > 0, metrics.toString());

        final Map<String, Long> counts = new HashMap<>();
        final HistogramLogReader reader = new HistogramLogReader(dir.resolve("feed-books.hlog").toFile());
        EncodableHistogram histogram;
        while (null != (histogram = reader.nextIntervalHistogram()))
        {
            counts.merge(histogram.getTag(), ((Histogram)histogram).getTotalCount(), Long::sum);
        }
        reader.close();
        assertEquals((long)recorded, counts.get("publish->book@100k/s"), counts.toString());
        assertTrue(Files.exists(dir.resolve("report.html")));
    }
    @Test
    @SuppressWarnings("unchecked")
    void shouldApplyEveryPublishedMdp3MessageToPriceLevelBooks() throws Exception
    {
        final Map<String, Double> metrics = runQuick(FeedBooksScenario.MDP3_NAME);
        for (final String run : new String[]{ "max", "100k/s" })
        {
            final double published = metrics.get(run + "/feed-books/published");
            assertTrue(published > 0, metrics.toString());
            assertEquals(published, metrics.get(run + "/feed-books/applied"), run + " " + metrics);
            assertEquals(0.0, metrics.get(run + "/feed-books/sequence-gaps"), run + " " + metrics);
            assertEquals(0.0, metrics.get(run + "/feed-books/book-errors"), run + " " + metrics);
            assertEquals(1.0, metrics.get(run + "/feed-books/complete"), run + " " + metrics);
            assertEquals(30.0, metrics.get(run + "/feed-books/books"), run + " " + metrics);
        }
        assertTrue(metrics.get("max/feed-books/messages-per-packet") > 1, metrics.toString());
        assertTrue(metrics.get("100k/s/publish->book/recorded") > 0, metrics.toString());
    }

    /**
     * Run the scenario with {@code --quick}, check it ran, and return its metrics by "run/series/metric".
     */
    @SuppressWarnings("unchecked")
    private Map<String, Double> runQuick(final String name) throws Exception
    {
        final int exit = new CommandLine(new BenchCommand()).execute(name, "--quick", "--out", dir.toString());
        assertEquals(0, exit);

        final Map<String, Object> results =
            (Map<String, Object>)MiniJson.parse(Files.readString(dir.resolve(BenchRunner.RESULTS_FILE)));
        final Map<String, Object> scenario = (Map<String, Object>)((List<Object>)results.get("scenarios")).get(0);
        assertEquals(name, scenario.get("name"));
        assertEquals(BenchRunner.STATUS_OK, scenario.get("status"), String.valueOf(scenario.get("reason")));

        final Map<String, Double> metrics = new HashMap<>();
        for (final Object o : (List<Object>)results.get("metrics"))
        {
            final Map<String, Object> metric = (Map<String, Object>)o;
            metrics.put(metric.get("run") + "/" + metric.get("series") + "/" + metric.get("metric"),
                (Double)metric.get("value"));
        }
        return metrics;
    }
}
