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

import io.tickwire.latency.HlogWriterAgent;
import io.tickwire.latency.LatencyRegistry;
import io.tickwire.perf.report.HlogLoader;
import io.tickwire.perf.report.Json;
import io.tickwire.perf.report.LatencyReport;
import io.tickwire.perf.report.Series;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.status.AtomicCounter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs scenarios one after the other and writes {@code results.json}, one {@code <scenario>.hlog} per scenario
 * that ran, the {@code .hgrm} files and {@code report.html}.
 * <p>
 * Each scenario gets a fresh {@link LatencyRegistry} written by an {@link HlogWriterAgent} on its own sleeping
 * thread; percentiles in {@code results.json} are computed from the written logs, so the JSON, the report and
 * HdrHistogram's own tools all see the same numbers.
 */
public final class BenchRunner
{
    /**
     * Name of the results file.
     */
    public static final String RESULTS_FILE = "results.json";

    /**
     * Schema identifier written into results.json; bump when its shape changes.
     */
    public static final String SCHEMA = "tickwire-bench/1";

    /**
     * Status of a scenario that ran to the end.
     */
    public static final String STATUS_OK = "ok";

    /**
     * Status of a scenario whose implementation is not in this build.
     */
    public static final String STATUS_NOT_AVAILABLE = "not available";

    /**
     * Status of a scenario that threw.
     */
    public static final String STATUS_FAILED = "failed";

    private final Path outDir;
    private final boolean quick;
    private final PrintStream out;

    /**
     * A runner.
     *
     * @param outDir directory for all outputs.
     * @param quick  seconds-long runs that prove the harness, not measure.
     * @param out    where progress and the thread plan are printed.
     */
    public BenchRunner(final Path outDir, final boolean quick, final PrintStream out)
    {
        this.outDir = outDir;
        this.quick = quick;
        this.out = out;
    }

    /**
     * Run scenarios and write every output.
     *
     * @param names scenario names (known to {@link ScenarioCatalog}).
     * @return the content of results.json.
     * @throws IOException if outputs cannot be written.
     */
    public Map<String, Object> run(final List<String> names) throws IOException
    {
        Files.createDirectories(outDir);
        final Map<String, Object> results = new LinkedHashMap<>();
        results.put("schema", SCHEMA);
        results.put("date", MachineInfo.date());
        results.put("quick", quick);
        results.put("machine", MachineInfo.machine());
        results.put("versions", MachineInfo.versions());
        final List<Object> scenarios = new ArrayList<>();
        final List<Object> metrics = new ArrayList<>();
        final List<LatencyReport.Group> groups = new ArrayList<>();
        results.put("scenarios", scenarios);
        results.put("metrics", metrics);

        out.printf(Locale.ROOT, "tickwire bench%s: %s -> %s%n", quick ? " --quick" : "", names, outDir);
        out.printf(Locale.ROOT, "machine: %s%n", results.get("machine"));
        for (final String name : names)
        {
            scenarios.add(runScenario(name, metrics, groups));
        }

        final Map<String, String> info = new LinkedHashMap<>();
        info.put("date", (String)results.get("date"));
        info.put("machine", MachineInfo.machine().toString());
        info.put("mode", quick ? "quick (proves the harness; figures not meaningful)" : "full");
        for (final Object scenario : scenarios)
        {
            @SuppressWarnings("unchecked") final Map<String, Object> s = (Map<String, Object>)scenario;
            info.put("scenario " + s.get("name"), s.get("status") +
                (null == s.get("reason") ? "" : ": " + s.get("reason")));
        }
        LatencyReport.write(outDir, "Tickwire bench results", info, groups);
        Files.writeString(outDir.resolve(RESULTS_FILE), Json.write(results), StandardCharsets.UTF_8);
        out.println("results: " + outDir.resolve(RESULTS_FILE));
        out.println("report:  " + outDir.resolve(LatencyReport.HTML_FILE));
        out.flush();

        return results;
    }

    private Map<String, Object> runScenario(
        final String name, final List<Object> metrics, final List<LatencyReport.Group> groups) throws IOException
    {
        final Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", name);
        final ScenarioCatalog.Entry entry = ScenarioCatalog.lookup(name);
        if (null == entry)
        {
            throw new IllegalArgumentException(
                "unknown scenario: " + name + " (known: " + ScenarioCatalog.names() + ")");
        }
        if (null == entry.scenario())
        {
            out.printf(Locale.ROOT, "scenario %s: %s (%s)%n", name, STATUS_NOT_AVAILABLE, entry.unavailable());
            result.put("status", STATUS_NOT_AVAILABLE);
            result.put("reason", entry.unavailable());
            return result;
        }

        final Scenario scenario = entry.scenario();
        out.printf(Locale.ROOT, "scenario %s: %s%n", name, scenario.description());
        result.put("description", scenario.description());
        final LatencyRegistry registry = new LatencyRegistry();
        final Path hlog = outDir.resolve(name + ".hlog");
        final HlogWriterAgent agent = new HlogWriterAgent(
            registry, hlog, name, quick ? 100 : 1000, SystemEpochClock.INSTANCE);
        final AgentRunner runner = new AgentRunner(
            new SleepingMillisIdleStrategy(1), (ex) -> out.println("hlog-writer: " + ex), (AtomicCounter)null, agent);
        AgentRunner.startOnThread(runner);
        final ScenarioContext context = new ScenarioContext(name, quick, outDir, registry, out);
        final long startNs = System.nanoTime();
        try
        {
            scenario.run(context);
            result.put("status", STATUS_OK);
        }
        catch (final Exception ex)
        {
            result.put("status", STATUS_FAILED);
            result.put("reason", ex.toString());
            out.printf(Locale.ROOT, "scenario %s: FAILED %s%n", name, ex);
        }
        finally
        {
            CloseHelper.close(runner);
        }
        result.put("durationSeconds", (System.nanoTime() - startNs) / 1e9);
        result.put("hlog", hlog.getFileName().toString());
        result.put("threadPlan", context.threadPlanLines());

        final Map<String, List<Series>> seriesByRun = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> figuresByTag = new LinkedHashMap<>();
        for (final Series series : HlogLoader.load(List.of(hlog)))
        {
            final int at = series.name().lastIndexOf(ScenarioContext.RUN_SEPARATOR);
            final String run = at < 0 ? "" : series.name().substring(at + 1);
            final String seriesName = at < 0 ? series.name() : series.name().substring(0, at);
            seriesByRun.computeIfAbsent(run, (r) -> new ArrayList<>()).add(series);
            final Map<String, Object> figures = LatencyReport.figures(series);
            figuresByTag.put(series.name(), figures);
            for (final Map.Entry<String, Object> figure : figures.entrySet())
            {
                final String key = figure.getKey();
                final String unit = "count".equals(key) ? "msgs" : "meanRatePerSecond".equals(key) ? "msgs/s" : "us";
                final Map<String, Object> metric = new LinkedHashMap<>();
                metric.put("scenario", name);
                metric.put("run", run);
                metric.put("rate", context.runRates().getOrDefault(run, 0.0));
                metric.put("series", seriesName);
                metric.put("metric", "count".equals(key) ? "recorded" : key);
                metric.put("value", figure.getValue());
                metric.put("unit", unit);
                metrics.add(metric);
            }
            out.printf(Locale.ROOT, "  %-34s %9d  p50 %9.3f  p99 %9.3f  p99.9 %9.3f  max %10.3f us%n", series.name(),
                (Long)figures.get("count"), figures.get("p50"), figures.get("p99"), figures.get("p99.9"),
                figures.get("max"));
        }
        metrics.addAll(context.metrics());
        for (final ScenarioContext.Ratio ratio : context.ratios())
        {
            addRatio(name, ratio, figuresByTag, context, metrics);
        }
        for (final Map.Entry<String, List<Series>> run : seriesByRun.entrySet())
        {
            groups.add(new LatencyReport.Group(name + " " + run.getKey(), run.getValue()));
        }
        out.flush();

        return result;
    }

    private void addRatio(
        final String scenario, final ScenarioContext.Ratio ratio, final Map<String, Map<String, Object>> figuresByTag,
        final ScenarioContext context, final List<Object> metrics)
    {
        final Map<String, Object> numerator =
            figuresByTag.get(ratio.numerator() + ScenarioContext.RUN_SEPARATOR + ratio.run());
        final Map<String, Object> denominator =
            figuresByTag.get(ratio.denominator() + ScenarioContext.RUN_SEPARATOR + ratio.run());
        if (null == numerator || null == denominator)
        {
            out.printf(Locale.ROOT, "  ratio %s@%s: not computed (series missing)%n", ratio.name(), ratio.run());
            return;
        }
        for (final String percentile : new String[]{ "p50", "p99" })
        {
            final double baseline = (Double)denominator.get(percentile) * ratio.denominatorScale();
            final double measured = (Double)numerator.get(percentile);
            final double value = baseline > 0 ? measured / baseline : Double.NaN;
            addMetric(scenario, ratio, context, metrics, "baseline-" + percentile, baseline, "us");
            addMetric(scenario, ratio, context, metrics, percentile + "-ratio", Double.isNaN(value) ? 0 : value, "x");
            out.printf(Locale.ROOT, "  %-34s %s %9.3f us / baseline %9.3f us = %.2fx%n",
                ratio.name() + ScenarioContext.RUN_SEPARATOR + ratio.run(), percentile, measured, baseline, value);
        }
    }

    private static void addMetric(
        final String scenario, final ScenarioContext.Ratio ratio, final ScenarioContext context,
        final List<Object> metrics, final String metricName, final double value, final String unit)
    {
        final Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("scenario", scenario);
        metric.put("run", ratio.run());
        metric.put("rate", context.runRates().getOrDefault(ratio.run(), 0.0));
        metric.put("series", ratio.name());
        metric.put("metric", metricName);
        metric.put("value", value);
        metric.put("unit", unit);
        metrics.add(metric);
    }
}
