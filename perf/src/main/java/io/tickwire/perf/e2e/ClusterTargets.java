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
package io.tickwire.perf.e2e;

import io.tickwire.fix.cli.OpenLoopOrderClient;
import io.tickwire.perf.e2e.FixLatency.Result;
import io.tickwire.perf.e2e.FixLatency.Target;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The targets set for the clustered order path, checked against the targets measured in the same
 * {@code fix-latency} run; reported as MET or NOT MET, never asserted.
 * <ul>
 *   <li>per rate, n = 1 and 3: p50 {@code GATEWAY_CLUSTER_n} ≤ p50 {@code BARE} + 1.2 × p50
 *       {@code CLUSTER_ECHO_n};</li>
 *   <li>per rate, n = 1 and 3: p99 {@code GATEWAY_CLUSTER_n} ≤ p99 {@code BARE} + 1.5 × p99
 *       {@code CLUSTER_ECHO_n};</li>
 *   <li>at 10000/s: p50 and p99 {@code GATEWAY_CLUSTER_3} ≤ the same percentile of {@code GATEWAY_AUDIT_FSYNC}
 *       (replicated to three members is to cost no more than a local fsync);</li>
 *   <li>highest acknowledged rate of {@code GATEWAY_CLUSTER_3} ≥ 0.7 × that of {@code BARE}.</li>
 * </ul>
 * A check whose measurements are incomplete (an order or echo unanswered, an order rejected) is NOT MET whatever
 * the figures say: a fast wrong answer is not a result. A check whose targets did not run is left out.
 */
public final class ClusterTargets
{
    /**
     * Factor on the echo round trip's p50 in the p50 target.
     */
    public static final double P50_ECHO_FACTOR = 1.2;

    /**
     * Factor on the echo round trip's p99 in the p99 target.
     */
    public static final double P99_ECHO_FACTOR = 1.5;

    /**
     * Share of the bare acceptor's highest rate that {@code GATEWAY_CLUSTER_3} is to sustain.
     */
    public static final double THROUGHPUT_FACTOR = 0.7;

    /**
     * The run at which {@code GATEWAY_CLUSTER_3} is compared with {@code GATEWAY_AUDIT_FSYNC}.
     */
    public static final String FSYNC_RUN = "10000/s";

    /**
     * Run label of the throughput runs.
     */
    public static final String MAX_RUN = "max";

    /**
     * One target checked.
     *
     * @param run      load level, e.g. {@code 10000/s}, or {@code max}.
     * @param series   what is compared, e.g. {@code gateway_cluster_3<=bare+1.2*cluster_echo_3}.
     * @param metric   {@code p50}, {@code p99} or {@code throughput}.
     * @param unit     of measured and target: {@code us} or {@code orders/s}.
     * @param measured the figure checked.
     * @param target   its limit.
     * @param met      whether the measurements are complete and the figure is within its limit.
     * @param line     the check in words with its figures, e.g. for the console.
     */
    public record Check(
        String run, String series, String metric, String unit, double measured, double target, boolean met,
        String line)
    {
        /**
         * @return measured / target: ≤ 1 meets a latency target, ≥ 1 the throughput target.
         */
        public double ratio()
        {
            return target > 0 ? measured / target : Double.NaN;
        }

        /**
         * @return {@code MET} or {@code NOT MET}.
         */
        public String verdict()
        {
            return met ? "MET" : "NOT MET";
        }
    }

    private ClusterTargets()
    {
    }

    /**
     * Check every target whose measurements are there.
     *
     * @param byRun results by run label ({@code 1000/s}, {@code 10000/s}) and target.
     * @param max   results of the throughput runs by target.
     * @return the checks, in a stable order.
     */
    public static List<Check> evaluate(final Map<String, Map<Target, Result>> byRun, final Map<Target, Result> max)
    {
        final List<Check> checks = new ArrayList<>();
        for (final Map.Entry<String, Map<Target, Result>> entry : byRun.entrySet())
        {
            final String run = entry.getKey();
            final Map<Target, Result> results = entry.getValue();
            latencyVsEcho(checks, run, results, Target.GATEWAY_CLUSTER_1, Target.CLUSTER_ECHO_1);
            latencyVsEcho(checks, run, results, Target.GATEWAY_CLUSTER_3, Target.CLUSTER_ECHO_3);
            if (FSYNC_RUN.equals(run))
            {
                final Result cluster = results.get(Target.GATEWAY_CLUSTER_3);
                final Result fsync = results.get(Target.GATEWAY_AUDIT_FSYNC);
                if (null != cluster && null != fsync)
                {
                    for (final double percentile : new double[]{ 50, 99 })
                    {
                        final double limit = fsync.client().micros(percentile);
                        checks.add(latency(run, "gateway_cluster_3<=gateway_audit_fsync", percentile, cluster, limit,
                            String.format(Locale.ROOT, "%s %.1f us", fsync.target(), limit), cluster, fsync));
                    }
                }
            }
        }

        final Result cluster = max.get(Target.GATEWAY_CLUSTER_3);
        final Result bare = max.get(Target.BARE);
        if (null != cluster && null != bare)
        {
            final double measured = cluster.client().achievedRate();
            final double limit = THROUGHPUT_FACTOR * bare.client().achievedRate();
            final String incomplete = incomplete(cluster, bare);
            final boolean met = incomplete.isEmpty() && measured >= limit;
            checks.add(new Check(MAX_RUN, "gateway_cluster_3>=0.7*bare", "throughput", "orders/s", measured, limit,
                met, String.format(Locale.ROOT, "%-7s throughput %s %.0f/s >= %.1f x %s %.0f/s = %.0f/s: %s (%.2fx)%s",
                MAX_RUN, cluster.target(), measured, THROUGHPUT_FACTOR, bare.target(), bare.client().achievedRate(),
                limit, met ? "MET" : "NOT MET", limit > 0 ? measured / limit : Double.NaN, incomplete)));
        }

        return checks;
    }

    private static void latencyVsEcho(
        final List<Check> checks,
        final String run,
        final Map<Target, Result> results,
        final Target clusterTarget,
        final Target echoTarget)
    {
        final Result cluster = results.get(clusterTarget);
        final Result echo = results.get(echoTarget);
        final Result bare = results.get(Target.BARE);
        if (null == cluster || null == echo || null == bare)
        {
            return;
        }
        final String series = clusterTarget.name().toLowerCase(Locale.ROOT) + "<=bare+%s*" +
            echoTarget.name().toLowerCase(Locale.ROOT);
        for (final double percentile : new double[]{ 50, 99 })
        {
            final double factor = 50 == percentile ? P50_ECHO_FACTOR : P99_ECHO_FACTOR;
            final double bareMicros = bare.client().micros(percentile);
            final double echoMicros = echo.client().micros(percentile);
            final double limit = bareMicros + factor * echoMicros;
            checks.add(latency(run, String.format(Locale.ROOT, series, factor), percentile, cluster,
                limit, String.format(Locale.ROOT, "%s %.1f + %.1f x %s %.1f = %.1f us", bare.target(), bareMicros,
                factor, echo.target(), echoMicros, limit), cluster, echo, bare));
        }
    }

    private static Check latency(
        final String run,
        final String series,
        final double percentile,
        final Result measuredResult,
        final double limit,
        final String limitText,
        final Result... involved)
    {
        final String percentileName = "p" + (int)percentile;
        final double measured = measuredResult.client().micros(percentile);
        final String incomplete = incomplete(involved);
        final boolean met = incomplete.isEmpty() && measured <= limit;
        return new Check(run, series, percentileName, "us", measured, limit, met, String.format(Locale.ROOT,
            "%-7s %s %s %.1f us <= %s: %s (%.2fx)%s", run, percentileName, measuredResult.target(), measured,
            limitText, met ? "MET" : "NOT MET", limit > 0 ? measured / limit : Double.NaN, incomplete));
    }

    /**
     * @return empty if every result is complete, else what is missing, e.g. {@code " (incomplete: X 990 of 1000
     * answered, 0 rejected)"}.
     */
    private static String incomplete(final Result... results)
    {
        final StringBuilder sb = new StringBuilder();
        for (final Result result : results)
        {
            final OpenLoopOrderClient.Result client = result.client();
            if (client.acknowledged() != client.orders() || client.rejected() > 0)
            {
                sb.append(sb.length() == 0 ? " (incomplete: " : "; ").append(result.target()).append(' ')
                    .append(client.acknowledged()).append(" of ").append(client.orders()).append(" answered, ")
                    .append(client.rejected()).append(" rejected");
            }
        }
        return sb.length() == 0 ? "" : sb.append(')').toString();
    }
}
