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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs {@code bench order-to-tick --quick} for real (gateway, embedded Aeron driver, QuickFIX/J over loopback) and
 * checks that the outputs are valid and consistent: never timing.
 */
@Timeout(120)
class OrderToTickScenarioTest
{
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void shouldMeasureEveryOrderToItsTickAndTheBaseline() throws Exception
    {
        final int exit = new CommandLine(new BenchCommand())
            .execute("order-to-tick", "--quick", "--out", dir.toString());
        assertEquals(0, exit);

        final Map<String, Object> results =
            (Map<String, Object>)MiniJson.parse(Files.readString(dir.resolve(BenchRunner.RESULTS_FILE)));
        final Map<String, Object> scenario = (Map<String, Object>)((List<Object>)results.get("scenarios")).get(0);
        assertEquals("order-to-tick", scenario.get("name"));
        assertEquals(BenchRunner.STATUS_OK, scenario.get("status"), String.valueOf(scenario.get("reason")));

        final Map<String, Double> metrics = new HashMap<>();
        for (final Object o : (List<Object>)results.get("metrics"))
        {
            final Map<String, Object> metric = (Map<String, Object>)o;
            metrics.put(metric.get("series") + "/" + metric.get("metric"), (Double)metric.get("value"));
        }
        final double sent = metrics.get("order->tick-seen/sent");
        assertTrue(sent > 0, metrics.toString());
        assertEquals(sent, metrics.get("order->tick-seen/received"), metrics.toString());
        assertEquals(0.0, metrics.get("order->tick-seen/lost"), metrics.toString());
        assertEquals(0.0, metrics.get("order->tick-seen/unknown-ticks"), metrics.toString());
        assertEquals(sent, metrics.get("order->tick-seen/recorded"), metrics.toString());
        assertEquals(sent, metrics.get("order->ack/recorded"), metrics.toString());
        assertTrue(metrics.get("bare-ack-rtt/recorded") > 0, metrics.toString());
        assertTrue(metrics.get("order->tick-seen/p50") > 0, metrics.toString());

        final Map<String, Long> counts = new HashMap<>();
        final HistogramLogReader reader = new HistogramLogReader(dir.resolve("order-to-tick.hlog").toFile());
        EncodableHistogram histogram;
        while (null != (histogram = reader.nextIntervalHistogram()))
        {
            counts.merge(histogram.getTag(), ((Histogram)histogram).getTotalCount(), Long::sum);
        }
        reader.close();
        assertEquals((long)sent, counts.get("order->tick-seen@1k/s"), counts.toString());
        assertTrue(Files.exists(dir.resolve("report.html")));
    }
}
