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

import io.tickwire.latency.LatencyRegistry;
import io.tickwire.latency.Stage;
import io.tickwire.latency.StageRecorder;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a {@link Scenario} gets from the harness: the run's durations, recorders whose values end up in the
 * scenario's {@code .hlog}, and places to put metrics and the thread plan.
 * <p>
 * Recorder tags are {@code <series>@<run>}: a run is one load level (e.g. {@code 10k/s}), a series one thing
 * measured at it (e.g. {@code aeron-one-way}). The report draws one chart per run with a line per series.
 */
public final class ScenarioContext
{
    /**
     * Separator between series and run in a recorder tag.
     */
    public static final char RUN_SEPARATOR = '@';

    private final String scenario;
    private final boolean quick;
    private final Path outDir;
    private final LatencyRegistry registry;
    private final PrintStream out;
    private final List<String> threadPlan = new ArrayList<>();
    private final List<Map<String, Object>> metrics = new ArrayList<>();
    private final Map<String, Double> runRates = new LinkedHashMap<>();
    private final List<Ratio> ratios = new ArrayList<>();

    /**
     * A ratio of two series' percentiles of one run, computed by the harness once the run's histograms are loaded.
     *
     * @param run              load level label.
     * @param name             series name under which the ratios are reported.
     * @param numerator        series measured.
     * @param denominator      baseline series.
     * @param denominatorScale factor applied to the baseline's percentiles (e.g. 0.5 for one way from a round trip).
     */
    record Ratio(String run, String name, String numerator, String denominator, double denominatorScale)
    {
    }

    ScenarioContext(
        final String scenario, final boolean quick, final Path outDir, final LatencyRegistry registry,
        final PrintStream out)
    {
        this.scenario = scenario;
        this.quick = quick;
        this.outDir = outDir;
        this.registry = registry;
        this.out = out;
    }

    /**
     * Whether this is a {@code --quick} run: seconds in all, to prove the harness works, not to measure.
     *
     * @return true for a quick run.
     */
    public boolean quick()
    {
        return quick;
    }

    /**
     * Warm-up time per run, not recorded: 2 s, or 200 ms when quick.
     *
     * @return nanoseconds.
     */
    public long warmupNanos()
    {
        return quick ? TimeUnit.MILLISECONDS.toNanos(200) : TimeUnit.SECONDS.toNanos(2);
    }

    /**
     * Measured time per run: 8 s, or 500 ms when quick.
     *
     * @return nanoseconds.
     */
    public long measureNanos()
    {
        return quick ? TimeUnit.MILLISECONDS.toNanos(500) : TimeUnit.SECONDS.toNanos(8);
    }

    /**
     * The scenario's output directory (for scratch files such as an Aeron directory, or logs).
     *
     * @return the directory.
     */
    public Path outDir()
    {
        return outDir;
    }

    /**
     * A recorder for one series at one run, to be used by one thread.
     *
     * @param run        load level label, e.g. {@code 10k/s}.
     * @param series     what is measured, e.g. {@code aeron-one-way}.
     * @param targetRate the intended rate of the run in messages per second (for results.json).
     * @return a recorder tagged {@code <series>@<run>}.
     */
    public StageRecorder recorder(final String run, final String series, final double targetRate)
    {
        runRates.put(run, targetRate);
        return registry.recorder(Stage.validate(series + RUN_SEPARATOR + run), series);
    }

    /**
     * Shorthand for a recorder of a run whose rate is already known.
     *
     * @param run    load level label.
     * @param series what is measured.
     * @return a recorder tagged {@code <series>@<run>}.
     */
    public StageRecorder recorder(final String run, final String series)
    {
        return recorder(run, series, runRates.getOrDefault(run, 0.0));
    }

    /**
     * Report a figure other than the latency percentiles (which the harness takes from the recorders).
     *
     * @param run    load level label.
     * @param series what is measured.
     * @param name   metric name, e.g. {@code lost}.
     * @param value  the value.
     * @param unit   the unit, e.g. {@code msgs}, {@code msgs/s}, {@code us}.
     */
    public void metric(final String run, final String series, final String name, final double value, final String unit)
    {
        final Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("scenario", scenario);
        metric.put("run", run);
        metric.put("rate", runRates.getOrDefault(run, 0.0));
        metric.put("series", series);
        metric.put("metric", name);
        metric.put("value", value);
        metric.put("unit", unit);
        metrics.add(metric);
    }

    /**
     * Ask the harness to report, after the run, {@code p50-ratio} and {@code p99-ratio} (unit {@code x}) of
     * {@code numerator} over {@code denominator × denominatorScale}, and the scaled baseline's {@code p50}/{@code p99}
     * as {@code baseline-p50}/{@code baseline-p99} (us), under series {@code name}. Reported, never asserted.
     *
     * @param run              load level label of both series.
     * @param name             series name for the ratios, e.g. {@code publish->book/udp-one-way-floor}.
     * @param numerator        series measured.
     * @param denominator      baseline series of the same run.
     * @param denominatorScale factor for the baseline's percentiles, e.g. 0.5 for one way = round trip / 2.
     */
    public void ratio(
        final String run, final String name, final String numerator, final String denominator,
        final double denominatorScale)
    {
        ratios.add(new Ratio(run, name, numerator, denominator, denominatorScale));
    }

    /**
     * Describe one thread (or the threading of a component) of the scenario; printed and kept in results.json.
     *
     * @param line e.g. {@code media driver: SHARED, 1 thread, YieldingIdleStrategy}.
     */
    public void threadPlan(final String line)
    {
        threadPlan.add(line);
        out.println("  thread plan: " + line);
        out.flush();
    }

    /**
     * Print a progress line.
     *
     * @param line the text.
     */
    public void log(final String line)
    {
        out.println("  " + line);
        out.flush();
    }

    String scenario()
    {
        return scenario;
    }

    List<String> threadPlanLines()
    {
        return threadPlan;
    }

    List<Map<String, Object>> metrics()
    {
        return metrics;
    }

    List<Ratio> ratios()
    {
        return ratios;
    }

    Map<String, Double> runRates()
    {
        return runRates;
    }
}
