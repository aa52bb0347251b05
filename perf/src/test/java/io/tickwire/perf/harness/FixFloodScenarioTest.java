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
import io.tickwire.perf.e2e.FixFlood;
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
 * Runs {@code bench fix-flood --quick} for real (three gateways with embedded clusters, a flooding raw FIX session
 * and a QuickFIX/J initiator over loopback) and checks what must hold whatever the timing: B answered every order in
 * every mode, A's every order was answered, A was still being answered after B's last answer (B was served during
 * the flood, not after it), and each mode's figures are in the results. Never how fast.
 */
@Timeout(240)
class FixFloodScenarioTest
{
    private static final String RUN = FixFlood.SECOND_SESSION_RATE + "/s";

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void shouldMeasureTheSecondSessionAloneAndDuringAFlood() throws Exception
    {
        final int exit = new CommandLine(new BenchCommand())
            .execute(FixFlood.NAME, "--quick", "--out", dir.toString());

        final Map<String, Object> results =
            (Map<String, Object>)MiniJson.parse(Files.readString(dir.resolve(BenchRunner.RESULTS_FILE)));
        final Map<String, Object> scenario = (Map<String, Object>)((List<Object>)results.get("scenarios")).get(0);
        assertEquals(FixFlood.NAME, scenario.get("name"));
        assertEquals(BenchRunner.STATUS_OK, scenario.get("status"), String.valueOf(scenario.get("reason")));
        assertEquals(0, exit);

        final Map<String, Object> metrics = new HashMap<>();
        for (final Object o : (List<Object>)results.get("metrics"))
        {
            final Map<String, Object> metric = (Map<String, Object>)o;
            metrics.put(metric.get("run") + "|" + metric.get("series") + "|" + metric.get("metric"),
                metric.get("value"));
        }
        for (final FixFlood.Mode mode : FixFlood.Mode.values())
        {
            final String key = RUN + "|" + mode.series() + "|";
            assertEquals(0.0, metrics.get(key + "unanswered"), mode.series());
            assertNotNull(metrics.get(key + "p50"), mode.series() + " in " + metrics.keySet());
            assertTrue((Double)metrics.get(key + "logon") > 0, mode.series());
            if (FixFlood.Mode.ALONE != mode)
            {
                assertEquals(0.0, metrics.get(key + "flood-unanswered"), mode.series());
                assertTrue((Double)metrics.get(key + "flood-written") > 0, mode.series());
                assertTrue((Double)metrics.get(key + "flood-answered-after-b") > 0,
                    mode.series() + ": B was served only after the flood");
                assertTrue((Double)metrics.get(key + "flood-throughput") > 0, mode.series());
            }
        }
    }
}
