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
import io.tickwire.fix.cli.PipelinedOrderFlood;
import io.tickwire.fix.gateway.Gateway;
import io.tickwire.fix.gateway.GatewayConfiguration;
import io.tickwire.fix.gateway.GatewayContext;
import io.tickwire.perf.harness.Scenario;
import io.tickwire.perf.harness.ScenarioContext;
import org.agrona.IoUtil;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Fairness between FIX sessions: the order to ExecutionReport(New) latency of a second session B, sending open loop
 * at a modest rate, while session A pipelines orders as fast as TCP takes them, against B alone in the same run.
 * <pre>
 *  A: PipelinedOrderFlood ──TCP, back to back, never waits──▶ ┐
 *                                                             ├─ GATEWAY (as shipped: audit fsync, embedded 1-member
 *  B: OpenLoopOrderClient ──TCP, 200 orders/s, open loop────▶ ┘   cluster): one session thread, one command ring
 * </pre>
 * Three gateways, one after the other: B alone ({@code b-alone}); B during A's flood ({@code b-flood}); and B during
 * A's flood on a gateway configured as before the fairness limits ({@code b-flood-shared-queue}:
 * {@code TickwireSessionQueueLimit=0}, QuickFIX/J's one queue of 10,000 messages for all sessions, and a 1 MiB
 * command ring). A's flood starts before B logs on and runs until B's last answer, so every measured order of B
 * meets it; B's logon time and A's acknowledged rate are reported with B's percentiles.
 */
public final class FixFlood implements Scenario
{
    /**
     * Scenario name.
     */
    public static final String NAME = "fix-flood";

    /**
     * B's open-loop rate, orders per second.
     */
    public static final int SECOND_SESSION_RATE = 200;

    private static final String RUN = SECOND_SESSION_RATE + "/s";
    private static final long LOGON_TIMEOUT_MS = 60_000;
    private static final long ANSWER_TIMEOUT_MS = 120_000;
    private static final int FLOOD_UNDER_WAY = 2_000;

    /**
     * One gateway of the run.
     */
    public enum Mode
    {
        /**
         * B alone: the baseline.
         */
        ALONE("b-alone"),

        /**
         * B during A's flood, the gateway as shipped.
         */
        FLOOD("b-flood"),

        /**
         * B during A's flood, the gateway without the per-session queue limit and with the 1 MiB command ring.
         */
        FLOOD_SHARED_QUEUE("b-flood-shared-queue");

        private final String series;

        Mode(final String series)
        {
            this.series = series;
        }

        /**
         * @return B's series name.
         */
        public String series()
        {
            return series;
        }
    }

    /**
     * One gateway's measurement.
     *
     * @param mode              what ran.
     * @param logonMs           B's connect to logged on, ms.
     * @param second            B's measured run.
     * @param floodWritten      orders A wrote (0 alone).
     * @param floodAcknowledged of which acknowledged.
     * @param floodPerSecond    A's answers per second over its flood.
     * @param floodAnsweredLate A's answers that arrived after B's last: more than 0 means B was served mid-flood.
     */
    public record Result(
        Mode mode,
        double logonMs,
        OpenLoopOrderClient.Result second,
        long floodWritten,
        long floodAcknowledged,
        double floodPerSecond,
        long floodAnsweredLate)
    {
        /**
         * @return one line.
         */
        public String format()
        {
            return String.format("%-20s B logon %.0f ms, %s; A: %d written, %d acked, %.0f/s, %d answered after B's " +
                "last", mode.series(), logonMs, second.format(), floodWritten, floodAcknowledged, floodPerSecond,
                floodAnsweredLate);
        }
    }

    /**
     * For the bench harness ({@code ScenarioCatalog} creates it by name).
     */
    public FixFlood()
    {
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return NAME;
    }

    /**
     * {@inheritDoc}
     */
    public String description()
    {
        return "a second FIX session's order -> ExecutionReport(New) at " + SECOND_SESSION_RATE + " orders/s while " +
            "another pipelines orders as fast as TCP takes them, vs alone, and vs a gateway without the per-session " +
            "queue limit; B's logon time and A's acknowledged rate";
    }

    /**
     * {@inheritDoc}
     */
    public void run(final ScenarioContext context) throws Exception
    {
        context.threadPlan("gateway as shipped: QuickFIX/J SocketAcceptor session thread (all sessions), audit " +
            "writer (fsync), embedded one-member Aeron Cluster (driver, archive, consensus module, matching " +
            "service) and its client agent, report sender; ports 18000-19999, scratch under " +
            LocalCluster.scratchRoot());
        context.threadPlan("A: PipelinedOrderFlood, a socket writer thread (orders back to back, buy 149 / sell " +
            "151 AAPL, resting) and a reader thread counting ExecutionReports");
        context.threadPlan("B: OpenLoopOrderClient (QuickFIX/J initiator), " + SECOND_SESSION_RATE + " orders/s " +
            "open loop, MSFT 299/301, latency from each order's intended send time");
        final double warmupSeconds = context.warmupNanos() / 1e9;
        final double measureSeconds = context.measureNanos() / 1e9;
        final int warmup = (int)(SECOND_SESSION_RATE * warmupSeconds);
        final int orders = (int)Math.max(100, SECOND_SESSION_RATE * measureSeconds);
        for (final Mode mode : Mode.values())
        {
            final Result result = run(context, mode, orders, warmup);
            context.log(result.format());
            final String series = mode.series();
            final OpenLoopOrderClient.Result second = result.second();
            context.metric(RUN, series, "logon", result.logonMs(), "ms");
            context.metric(RUN, series, "unanswered",
                second.orders() - second.acknowledged() - second.rejected(), "orders");
            if (Mode.ALONE != mode)
            {
                context.metric(RUN, series, "flood-throughput", result.floodPerSecond(), "orders/s");
                context.metric(RUN, series, "flood-written", result.floodWritten(), "orders");
                context.metric(RUN, series, "flood-unanswered",
                    result.floodWritten() - result.floodAcknowledged(), "orders");
                context.metric(RUN, series, "flood-answered-after-b", result.floodAnsweredLate(), "orders");
                context.ratio(RUN, series + "/" + Mode.ALONE.series(), series, Mode.ALONE.series(), 1.0);
            }
        }
    }

    /**
     * Launch a gateway for the mode, start A's flood (unless alone), log B on, warm up and measure B, stop A and
     * wait for all its answers, stop everything.
     *
     * @param context the scenario's context (B's recorder).
     * @param mode    what runs.
     * @param orders  B's measured orders.
     * @param warmup  B's warm-up orders.
     * @return the measurement.
     * @throws Exception if the gateway or a client cannot start.
     */
    public static Result run(final ScenarioContext context, final Mode mode, final int orders, final int warmup)
        throws Exception
    {
        final Path dir = Files.createTempDirectory("tickwire-fixflood");
        final int port = FixLatency.freePort();
        final SessionSettings settings = settings(dir, port, mode);
        try (LocalCluster cluster = LocalCluster.reserve(1))
        {
            settings.setLong(GatewayConfiguration.CLUSTER_BASE_PORT_PROP_NAME, cluster.basePort());
            try (Gateway ignored = Gateway.launch(new GatewayContext().settings(settings)
                    .clusterDirectory(cluster.memberDir(0)).auditDirectory(dir.resolve("audit")));
                PipelinedOrderFlood flood = Mode.ALONE == mode ? null :
                    new PipelinedOrderFlood("127.0.0.1", port, "FIX.4.4", "CLIENT1", "TWGW"))
            {
                if (null != flood)
                {
                    flood.logon(null, null, 10_000);
                    flood.start(Integer.MAX_VALUE, "AAPL", new BigDecimal("150"));
                    awaitUnderWay(flood);
                }
                final long logonStart = System.nanoTime();
                try (OpenLoopOrderClient second = new OpenLoopOrderClient(
                    "127.0.0.1", port, "FIX.4.4", "CLIENT2", "TWGW", null, null, "MSFT", new BigDecimal("300")))
                {
                    if (!second.awaitLogon(LOGON_TIMEOUT_MS))
                    {
                        throw new IllegalStateException(mode.series() + ": B not logged on within " +
                            LOGON_TIMEOUT_MS + " ms" + (null == second.refusal() ? "" : ": " + second.refusal()));
                    }
                    final double logonMs = (System.nanoTime() - logonStart) / 1e6;
                    if (warmup > 0)
                    {
                        second.run(warmup, SECOND_SESSION_RATE, ANSWER_TIMEOUT_MS);
                    }
                    second.orderToAckRecorder(context.recorder(RUN, mode.series(), SECOND_SESSION_RATE));
                    final OpenLoopOrderClient.Result measured =
                        second.run(orders, SECOND_SESSION_RATE, ANSWER_TIMEOUT_MS);
                    second.orderToAckRecorder(null);
                    if (null == flood)
                    {
                        return new Result(mode, logonMs, measured, 0, 0, 0, 0);
                    }
                    final long answeredAtSecondsLast = answered(flood);
                    final long written = flood.stop(ANSWER_TIMEOUT_MS);
                    flood.awaitAnswers(written, ANSWER_TIMEOUT_MS);
                    return new Result(mode, logonMs, measured, written, flood.acknowledged(),
                        flood.answeredPerSecond(), answered(flood) - answeredAtSecondsLast);
                }
            }
        }
        finally
        {
            IoUtil.delete(dir.toFile(), true);
        }
    }

    private static long answered(final PipelinedOrderFlood flood)
    {
        return flood.acknowledged() + flood.rejected() + flood.refused();
    }

    private static void awaitUnderWay(final PipelinedOrderFlood flood) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ANSWER_TIMEOUT_MS);
        while (flood.acknowledged() < FLOOD_UNDER_WAY)
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new IllegalStateException("flood not under way: " + flood.acknowledged() + " acknowledged, " +
                    flood.rejected() + " rejected, " + flood.refused() + " refused, logout " + flood.logoutText());
            }
            Thread.sleep(1);
        }
    }

    /**
     * {@link FixLatency#settings}, with a second session and instrument for B and the mode's queue settings.
     */
    private static SessionSettings settings(final Path dir, final int port, final Mode mode)
    {
        final SessionSettings settings = FixLatency.settings(dir, port);
        settings.setString(GatewayConfiguration.INSTRUMENTS_PROP_NAME, "AAPL:1,MSFT:2");
        final SessionID second = new SessionID("FIX.4.4", "TWGW", "CLIENT2");
        settings.setString(second, "BeginString", "FIX.4.4");
        settings.setString(second, "TargetCompID", "CLIENT2");
        if (Mode.FLOOD_SHARED_QUEUE == mode)
        {
            settings.setLong(GatewayConfiguration.SESSION_QUEUE_LIMIT_PROP_NAME, 0);
            settings.setLong(GatewayConfiguration.COMMAND_RING_CAPACITY_PROP_NAME, 1 << 20);
        }
        return settings;
    }
}
