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
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cluster targets' arithmetic on made-up results: which figures are compared with which limits, MET / NOT MET,
 * and that incomplete measurements never meet a target.
 */
class ClusterTargetsTest
{
    private static final String LOW = "1000/s";
    private static final double TOLERANCE = 0.01;

    @Test
    void shouldCompareClusteredGatewayWithBarePlusEchoAtEachRate()
    {
        final Map<String, Map<Target, Result>> byRun = new LinkedHashMap<>();
        final Map<Target, Result> low = new EnumMap<>(Target.class);
        low.put(Target.BARE, result(Target.BARE, 100, 1_000, 100));
        low.put(Target.CLUSTER_ECHO_1, result(Target.CLUSTER_ECHO_1, 500, 2_000, 100));
        low.put(Target.GATEWAY_CLUSTER_1, result(Target.GATEWAY_CLUSTER_1, 650, 5_000, 100));
        low.put(Target.CLUSTER_ECHO_3, result(Target.CLUSTER_ECHO_3, 1_000, 2_000, 100));
        low.put(Target.GATEWAY_CLUSTER_3, result(Target.GATEWAY_CLUSTER_3, 1_400, 3_000, 100));
        byRun.put(LOW, low);

        final List<ClusterTargets.Check> checks = ClusterTargets.evaluate(byRun, Map.of());

        assertEquals(4, checks.size(), checks.toString());
        // p50: 650 <= 100 + 1.2 x 500 = 700
        final ClusterTargets.Check p50One = find(checks, "gateway_cluster_1<=bare+1.2*cluster_echo_1", "p50");
        assertEquals(LOW, p50One.run());
        assertEquals(650, p50One.measured(), 650 * TOLERANCE);
        assertEquals(700, p50One.target(), 700 * TOLERANCE);
        assertTrue(p50One.met(), p50One.line());
        assertTrue(p50One.line().contains("MET"), p50One.line());
        // p99: 5000 > 1000 + 1.5 x 2000 = 4000
        final ClusterTargets.Check p99One = find(checks, "gateway_cluster_1<=bare+1.5*cluster_echo_1", "p99");
        assertEquals(4_000, p99One.target(), 4_000 * TOLERANCE);
        assertFalse(p99One.met(), p99One.line());
        assertTrue(p99One.line().contains("NOT MET"), p99One.line());
        // p50: 1400 > 100 + 1.2 x 1000 = 1300; p99: 3000 <= 1000 + 1.5 x 2000 = 4000
        assertFalse(find(checks, "gateway_cluster_3<=bare+1.2*cluster_echo_3", "p50").met());
        assertTrue(find(checks, "gateway_cluster_3<=bare+1.5*cluster_echo_3", "p99").met());
    }

    @Test
    void shouldCompareThreeMembersWithAuditFsyncOnlyAtTenThousandPerSecond()
    {
        final Map<String, Map<Target, Result>> byRun = new LinkedHashMap<>();
        for (final String run : new String[]{ LOW, ClusterTargets.FSYNC_RUN })
        {
            final Map<Target, Result> results = new EnumMap<>(Target.class);
            results.put(Target.GATEWAY_AUDIT_FSYNC, result(Target.GATEWAY_AUDIT_FSYNC, 300, 20_000, 100));
            results.put(Target.GATEWAY_CLUSTER_3, result(Target.GATEWAY_CLUSTER_3, 400, 10_000, 100));
            byRun.put(run, results);
        }

        final List<ClusterTargets.Check> checks = ClusterTargets.evaluate(byRun, Map.of());

        assertEquals(2, checks.size(), checks.toString());
        final ClusterTargets.Check p50 = find(checks, "gateway_cluster_3<=gateway_audit_fsync", "p50");
        assertEquals(ClusterTargets.FSYNC_RUN, p50.run());
        assertFalse(p50.met(), p50.line());
        final ClusterTargets.Check p99 = find(checks, "gateway_cluster_3<=gateway_audit_fsync", "p99");
        assertTrue(p99.met(), p99.line());
        assertEquals(0.5, p99.ratio(), TOLERANCE);
    }

    @Test
    void shouldCompareThreeMemberThroughputWithSeventyPercentOfBare()
    {
        final Map<Target, Result> max = new EnumMap<>(Target.class);
        max.put(Target.BARE, rateResult(Target.BARE, 10_000));
        max.put(Target.GATEWAY_CLUSTER_3, rateResult(Target.GATEWAY_CLUSTER_3, 7_100));
        final ClusterTargets.Check met = ClusterTargets.evaluate(Map.of(), max).get(0);
        assertEquals(ClusterTargets.MAX_RUN, met.run());
        assertEquals("throughput", met.metric());
        assertEquals(7_000, met.target(), 1);
        assertTrue(met.met(), met.line());

        max.put(Target.GATEWAY_CLUSTER_3, rateResult(Target.GATEWAY_CLUSTER_3, 6_900));
        assertFalse(ClusterTargets.evaluate(Map.of(), max).get(0).met());
    }

    @Test
    void shouldNotMeetATargetWhenAnAnswerIsMissing()
    {
        final Map<Target, Result> low = new EnumMap<>(Target.class);
        low.put(Target.BARE, result(Target.BARE, 100, 100, 100));
        low.put(Target.CLUSTER_ECHO_1, result(Target.CLUSTER_ECHO_1, 100, 100, 99));
        low.put(Target.GATEWAY_CLUSTER_1, result(Target.GATEWAY_CLUSTER_1, 100, 100, 100));
        final Map<String, Map<Target, Result>> byRun = new LinkedHashMap<>();
        byRun.put(LOW, low);

        final List<ClusterTargets.Check> checks = ClusterTargets.evaluate(byRun, Map.of());

        assertEquals(2, checks.size(), checks.toString());
        for (final ClusterTargets.Check check : checks)
        {
            assertFalse(check.met(), check.line());
            assertTrue(check.line().contains("incomplete: CLUSTER_ECHO_1 99 of 100 answered"), check.line());
        }
    }

    private static ClusterTargets.Check find(
        final List<ClusterTargets.Check> checks, final String series, final String metric)
    {
        for (final ClusterTargets.Check check : checks)
        {
            if (check.series().equals(series) && check.metric().equals(metric))
            {
                return check;
            }
        }
        throw new AssertionError(series + " " + metric + " not in " + checks);
    }

    /**
     * 100 orders, {@code answered} of them answered: 98 % at {@code p50Micros}, the rest at {@code p99Micros}.
     */
    private static Result result(
        final Target target, final double p50Micros, final double p99Micros, final long answered)
    {
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        histogram.recordValueWithCount((long)(p50Micros * 1000), 98);
        histogram.recordValueWithCount((long)(p99Micros * 1000), 2);
        return new Result(target, new OpenLoopOrderClient.Result(100, 1000, answered, 0, histogram, 0.1, 0.1));
    }

    private static Result rateResult(final Target target, final long perSecond)
    {
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        histogram.recordValue(1000);
        return new Result(target, new OpenLoopOrderClient.Result(perSecond, 20_000, perSecond, 0, histogram, 1, 1));
    }
}
