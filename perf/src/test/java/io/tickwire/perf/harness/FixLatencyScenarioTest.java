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
import io.tickwire.perf.e2e.FixLatency;
import io.tickwire.perf.e2e.LocalCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs {@code bench fix-latency --quick} for real (gateways, bare acceptor, embedded and three-member Aeron Clusters
 * on loopback) and checks that every target answered every order or message and that the cluster targets were
 * checked: never timing, never whether a target was met.
 */
@Timeout(300)
class FixLatencyScenarioTest
{
    private static final String[] RUNS = { "1000/s", "10000/s" };

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void shouldMeasureEveryTargetIncludingTheClustersAndCheckTheClusterTargets() throws Exception
    {
        final Set<Path> scratchBefore = clusterScratchDirs();
        final int exit = new CommandLine(new BenchCommand())
            .execute("fix-latency", "--quick", "--out", dir.toString());

        final Map<String, Object> results =
            (Map<String, Object>)MiniJson.parse(Files.readString(dir.resolve(BenchRunner.RESULTS_FILE)));
        final Map<String, Object> scenario = (Map<String, Object>)((List<Object>)results.get("scenarios")).get(0);
        assertEquals("fix-latency", scenario.get("name"));
        assertEquals(BenchRunner.STATUS_OK, scenario.get("status"), String.valueOf(scenario.get("reason")));
        assertEquals(0, exit);

        final Map<String, Object> metrics = new HashMap<>();
        for (final Object o : (List<Object>)results.get("metrics"))
        {
            final Map<String, Object> metric = (Map<String, Object>)o;
            metrics.put(metric.get("run") + "|" + metric.get("series") + "|" + metric.get("metric"),
                metric.get("value"));
        }
        for (final FixLatency.Target target : FixLatency.Target.values())
        {
            final String series = target.name().toLowerCase(Locale.ROOT);
            for (final String run : RUNS)
            {
                assertEquals(0.0, metrics.get(run + "|" + series + "|unanswered"), run + " " + series);
                assertTrue((Double)metrics.get(run + "|" + series + "|p50") > 0, run + " " + series);
            }
            assertTrue((Double)metrics.get("max|" + series + "|throughput") > 0, series);
        }

        for (final String run : RUNS)
        {
            for (final String check : new String[]{
                "gateway_cluster_1<=bare+1.2*cluster_echo_1|p50", "gateway_cluster_1<=bare+1.5*cluster_echo_1|p99",
                "gateway_cluster_3<=bare+1.2*cluster_echo_3|p50", "gateway_cluster_3<=bare+1.5*cluster_echo_3|p99" })
            {
                assertMetOrNot(metrics, run + "|" + check);
            }
        }
        assertMetOrNot(metrics, "10000/s|gateway_cluster_3<=gateway_audit_fsync|p50");
        assertMetOrNot(metrics, "10000/s|gateway_cluster_3<=gateway_audit_fsync|p99");
        assertMetOrNot(metrics, "max|gateway_cluster_3>=0.7*bare|throughput");

        assertTrue(((List<Object>)scenario.get("threadPlan")).stream()
            .anyMatch((line) -> ((String)line).contains("under " + LocalCluster.scratchRoot())));
        assertEquals(scratchBefore, clusterScratchDirs(), "every cluster scratch directory deleted");
    }

    private static void assertMetOrNot(final Map<String, Object> metrics, final String check)
    {
        final Object met = metrics.get(check + "-met");
        assertNotNull(met, check + " in " + metrics.keySet());
        assertTrue(0.0 == (Double)met || 1.0 == (Double)met, check + " " + met);
        assertNotNull(metrics.get(check + "-measured"), check);
        assertNotNull(metrics.get(check + "-target"), check);
    }

    private static Set<Path> clusterScratchDirs() throws IOException
    {
        try (Stream<Path> paths = Files.list(LocalCluster.scratchRoot()))
        {
            return paths.filter((path) -> path.getFileName().toString().startsWith("tickwire-cluster-bench"))
                .collect(Collectors.toSet());
        }
    }
}
