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
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs {@code bench --quick} for real (embedded Aeron driver, loopback UDP) and checks the outputs are valid;
 * never timing thresholds.
 */
@Timeout(180)
class BenchCommandTest
{
    private static final Set<String> STATUSES =
        Set.of(BenchRunner.STATUS_OK, BenchRunner.STATUS_NOT_AVAILABLE, BenchRunner.STATUS_FAILED);

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunFeedLatencyQuickAndWriteValidOutputs() throws Exception
    {
        final int exit = new CommandLine(new BenchCommand())
            .execute("feed-latency", "--quick", "--out", dir.toString());
        assertEquals(0, exit);

        final Map<String, Object> results =
            (Map<String, Object>)MiniJson.parse(Files.readString(dir.resolve(BenchRunner.RESULTS_FILE)));
        assertEquals(BenchRunner.SCHEMA, results.get("schema"));
        assertEquals(Boolean.TRUE, results.get("quick"));
        assertNotNull(results.get("date"));
        final Map<String, Object> machine = (Map<String, Object>)results.get("machine");
        assertEquals((double)Runtime.getRuntime().availableProcessors(), machine.get("cores"));
        assertInstanceOf(String.class, machine.get("cpuModel"));
        assertInstanceOf(String.class, machine.get("jvm"));
        assertTrue(((Map<String, Object>)results.get("versions")).containsKey("aeron"));

        final List<Object> scenarios = (List<Object>)results.get("scenarios");
        assertEquals(1, scenarios.size());
        final Map<String, Object> scenario = (Map<String, Object>)scenarios.get(0);
        assertEquals("feed-latency", scenario.get("name"));
        assertEquals(BenchRunner.STATUS_OK, scenario.get("status"), String.valueOf(scenario.get("reason")));
        assertTrue(((List<Object>)scenario.get("threadPlan")).size() >= 3, "thread plan recorded");

        final Set<String> seriesWithPercentiles = new HashSet<>();
        for (final Object o : (List<Object>)results.get("metrics"))
        {
            final Map<String, Object> metric = (Map<String, Object>)o;
            for (final String key : List.of("scenario", "run", "rate", "series", "metric", "value", "unit"))
            {
                assertTrue(metric.containsKey(key), key + " in " + metric);
            }
            assertInstanceOf(Double.class, metric.get("value"), metric.toString());
            assertInstanceOf(String.class, metric.get("unit"), metric.toString());
            if ("p99".equals(metric.get("metric")))
            {
                assertEquals("us", metric.get("unit"));
                seriesWithPercentiles.add(metric.get("series") + "@" + metric.get("run"));
            }
        }
        assertEquals(Set.of(
            "udp-rtt@10k/s", "udp-one-way@10k/s", "aeron-one-way@10k/s", "aeron-publish->receive@10k/s",
            "udp-rtt@100k/s", "udp-one-way@100k/s", "aeron-one-way@100k/s", "aeron-publish->receive@100k/s"),
            seriesWithPercentiles);

        final HistogramLogReader reader = new HistogramLogReader(dir.resolve("feed-latency.hlog").toFile());
        long recorded = 0;
        EncodableHistogram histogram;
        while (null != (histogram = reader.nextIntervalHistogram()))
        {
            recorded += ((org.HdrHistogram.Histogram)histogram).getTotalCount();
        }
        reader.close();
        assertTrue(recorded > 0, "the hlog holds recorded latencies");

        final String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("feed-latency 10k/s"), "one section per run");
        assertTrue(Files.exists(dir.resolve("aeron-one-way@10k_s.hgrm")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldReportScenariosWithoutImplementationAsNotAvailable() throws Exception
    {
        for (final String name : ScenarioCatalog.names())
        {
            final ScenarioCatalog.Entry entry = ScenarioCatalog.lookup(name);
            assertNotNull(entry, name);
            assertTrue(null == entry.scenario() ^ null == entry.unavailable(), name);
        }
        final ScenarioCatalog.Entry orderToTick = ScenarioCatalog.lookup("order-to-tick");
        if (null != orderToTick.scenario())
        {
            return; // Implemented by now: nothing to check here, and running it is not quick enough for this test.
        }
        final int exit = new CommandLine(new BenchCommand())
            .execute("order-to-tick", "--quick", "--out", dir.toString());
        assertEquals(0, exit);
        final Map<String, Object> results =
            (Map<String, Object>)MiniJson.parse(Files.readString(dir.resolve(BenchRunner.RESULTS_FILE)));
        final Map<String, Object> scenario = (Map<String, Object>)((List<Object>)results.get("scenarios")).get(0);
        assertTrue(STATUSES.contains(scenario.get("status")));
        assertEquals(BenchRunner.STATUS_NOT_AVAILABLE, scenario.get("status"));
        assertTrue(((String)scenario.get("reason")).contains("io.tickwire.perf.e2e.OrderToTick"));
        assertTrue(Files.exists(dir.resolve("report.html")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunFeedThroughputQuickWithZeroLoss() throws Exception
    {
        final int exit = new CommandLine(new BenchCommand())
            .execute("feed-throughput", "--quick", "--out", dir.toString());
        final Map<String, Object> results =
            (Map<String, Object>)MiniJson.parse(Files.readString(dir.resolve(BenchRunner.RESULTS_FILE)));
        final Map<String, Object> scenario = (Map<String, Object>)((List<Object>)results.get("scenarios")).get(0);
        assertEquals(BenchRunner.STATUS_OK, scenario.get("status"), String.valueOf(scenario.get("reason")));
        assertEquals(0, exit);
        boolean zeroLoss = false;
        for (final Object o : (List<Object>)results.get("metrics"))
        {
            final Map<String, Object> metric = (Map<String, Object>)o;
            if ("zero-loss".equals(metric.get("metric")))
            {
                zeroLoss = Double.valueOf(1.0).equals(metric.get("value"));
            }
        }
        assertTrue(zeroLoss, "zero-loss metric reported as 1");
    }

    @Test
    void shouldRejectUnknownScenarios()
    {
        assertEquals(2, new CommandLine(new BenchCommand()).execute("no-such", "--out", dir.toString()));
    }
}
