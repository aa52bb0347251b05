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
package io.tickwire.perf.cli;

import io.tickwire.perf.harness.BenchRunner;
import io.tickwire.perf.harness.ScenarioCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tickwire bench (all | SCENARIO...) [--quick] --out DIR}: the end-to-end harness.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
        "Run end-to-end latency scenarios open loop, each with its baseline in the same run, and write",
        "results.json, <scenario>.hlog, .hgrm files and report.html to DIR.",
        "Scenarios: feed-latency, feed-throughput, fix-latency, order-to-tick (or all)." })
public final class BenchCommand implements Callable<Integer>
{
    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "'all' or scenario names.")
    private List<String> scenarios;

    @Option(names = "--quick", description = "Seconds-long runs that prove the harness works (figures not meaningful).")
    private boolean quick;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    private Path out;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Run the scenarios.
     *
     * @return 0 when every scenario that is available ran, 1 when one failed.
     * @throws Exception if outputs cannot be written.
     */
    public Integer call() throws Exception
    {
        final List<String> names = new ArrayList<>();
        for (final String name : scenarios)
        {
            if ("all".equals(name))
            {
                names.addAll(ScenarioCatalog.names());
            }
            else if (null == ScenarioCatalog.lookup(name))
            {
                throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown scenario '" + name + "'; known: all, " + String.join(", ", ScenarioCatalog.names()));
            }
            else
            {
                names.add(name);
            }
        }

        // Progress goes straight to stdout so that a long run shows where it is.
        final Map<String, Object> results = new BenchRunner(out, quick, System.out).run(names);
        @SuppressWarnings("unchecked") final List<Map<String, Object>> ran =
            (List<Map<String, Object>>)results.get("scenarios");
        for (final Map<String, Object> scenario : ran)
        {
            if (BenchRunner.STATUS_FAILED.equals(scenario.get("status")))
            {
                return 1;
            }
        }

        return 0;
    }
}
