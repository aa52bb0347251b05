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
package io.tickwire.fix.gateway;

import io.tickwire.agent.metrics.CounterKind;
import io.tickwire.agent.metrics.MetricsServer;
import io.tickwire.agent.metrics.NamedValue;
import io.tickwire.feed.FeedMetrics;
import io.tickwire.fix.audit.AuditTrail;
import io.tickwire.fix.session.InFlightLimit;
import io.tickwire.fix.cluster.ClusterMember;
import io.tickwire.fix.session.GatewayCounterTypes;
import io.tickwire.fix.session.GatewayCounters;
import io.tickwire.latency.LatencyRegistry;
import org.agrona.concurrent.status.CountersReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The gateway's Prometheus metrics: its {@link GatewayCounters} by type id (Aeron counters, read where they are:
 * the market data driver's CnC file, or the gateway's own memory without one), a few gauges of the running gateway
 * as {@link NamedValue}s, plus what a {@link MetricsServer} needs to export them with the stage latencies and the
 * counters of the gateway's media drivers (the market data driver, the embedded cluster member's). Every value is
 * read from state that the status line already reads from a thread of its own.
 */
public final class GatewayMetrics
{
    /** The {@code driver} label of the market data media driver's counters. */
    public static final String MARKET_DATA_DRIVER = "gateway";
    /** The {@code driver} label of the embedded cluster member's media driver's counters. */
    public static final String CLUSTER_DRIVER = "cluster";

    private static final double NANOS_PER_SECOND = 1e9;
    private static final String LABEL = GatewayCounters.COMPONENT + " %s: .*";
    private static final String REASON_LABEL = GatewayCounters.COMPONENT + " %s (\\S+): .*";

    /** The kinds of the gateway's counters ({@link GatewayCounters}, type ids in {@link GatewayCounterTypes}). */
    public static final List<CounterKind> COUNTER_KINDS = List.of(
        counter(GatewayCounterTypes.REQUESTS_RECEIVED, "tickwire_gateway_requests_received", "requests-received",
            "Order entry requests received (new, cancel, replace, status)"),
        counter(GatewayCounterTypes.ORDERS_RECEIVED, "tickwire_gateway_orders_received", "orders-received",
            "New orders received"),
        counter(GatewayCounterTypes.REPORTS_SENT, "tickwire_gateway_reports_sent", "reports-sent",
            "Execution reports sent"),
        byReason(GatewayCounterTypes.REJECTS, "tickwire_gateway_rejects", "rejects",
            "Orders and cancel/replace requests rejected, by reason"),
        counter(GatewayCounterTypes.LOGON_FAILURES, "tickwire_gateway_logon_failures", "logon-failures",
            "Logons that failed authentication"),
        counter(GatewayCounterTypes.RESEND_REQUESTS_REFUSED, "tickwire_gateway_resend_requests_refused",
            "resend-requests-refused", "ResendRequests refused for going over the session's limit"),
        counter(GatewayCounterTypes.GARBLED_DISCARDED, "tickwire_gateway_garbled_messages_discarded",
            "garbled-discarded", "Garbled inbound messages discarded (bad CheckSum, BodyLength or framing)"),
        counter(GatewayCounterTypes.AGENT_ERRORS, "tickwire_gateway_agent_errors", "agent-errors",
            "Exceptions thrown by the gateway's agents"),
        counter(GatewayCounterTypes.LOGON_LOCKOUTS, "tickwire_gateway_logon_lockouts", "logon-lockouts",
            "Lockouts started or lengthened by failed logons"),
        counter(GatewayCounterTypes.LOGONS_REFUSED_LOCKED_OUT, "tickwire_gateway_logons_refused_locked_out",
            "logons-refused-locked-out", "Logons refused because their user or address was locked out"),
        counter(GatewayCounterTypes.LOGONS_REFUSED_BUSY, "tickwire_gateway_logons_refused_busy",
            "logons-refused-busy", "Logons refused unhashed: the logon verifier's queue was full"),
        counter(GatewayCounterTypes.LOGONS_UNVERIFIED, "tickwire_gateway_logons_unverified",
            "logons-unverified", "Logons refused: no verification found for them"),
        counter(GatewayCounterTypes.LOGON_VERIFICATIONS, "tickwire_gateway_logon_verifications",
            "logon-verifications", "Password verifications (PBKDF2) done"),
        counter(GatewayCounterTypes.LOGON_VERIFY_TOTAL_NS, "tickwire_gateway_logon_verify_seconds",
            "logon-verify-total-ns", "Time spent verifying passwords").scaled(1 / NANOS_PER_SECOND),
        CounterKind.gauge(GatewayCounterTypes.LOGON_VERIFY_MAX_NS, "tickwire_gateway_logon_verify_max_seconds",
            "Longest password verification so far (on a verifier thread, not the session thread)",
            String.format(LABEL, "logon-verify-max-ns")).scaled(1 / NANOS_PER_SECOND),
        byReason(GatewayCounterTypes.PRE_LOGON_CLOSES, "tickwire_gateway_pre_logon_closes", "pre-logon-closes",
            "Connections closed before they logged on, by reason"),
        counter(GatewayCounterTypes.STORE_OUTAGES, "tickwire_gateway_store_outages", "store-outages",
            "Times a store (audit journal, FIX session store) became unavailable"),
        counter(GatewayCounterTypes.STORE_RECOVERIES, "tickwire_gateway_store_recoveries", "store-recoveries",
            "Times an unavailable store recovered"));

    private GatewayMetrics()
    {
    }

    /**
     * Have a metrics server export a launched gateway.
     *
     * @param builder  the server being built.
     * @param gateway  the gateway, launched.
     * @param registry the latency registry the gateway records into, or null for none.
     * @return the builder.
     */
    public static MetricsServer.Builder export(
        final MetricsServer.Builder builder, final Gateway gateway, final LatencyRegistry registry)
    {
        builder.values(() -> values(gateway)).counterKinds(COUNTER_KINDS);
        if (null != gateway.memberMarketData())
        {
            // The embedded member's snapshot server keeps its counters (and its books') in the market data driver,
            // as a feed handler's does: the same kinds.
            builder.counterKinds(FeedMetrics.COUNTER_KINDS);
        }
        // Without a market data driver the counters are in memory of the gateway's own: read them there.
        final CountersReader localCounters = gateway.counters().localReader();
        if (null != localCounters)
        {
            builder.countersReader(MARKET_DATA_DRIVER, localCounters);
        }
        if (null != registry)
        {
            builder.latency(registry);
        }
        final String marketData = gateway.aeronDirectoryName();
        if (null != marketData)
        {
            builder.aeronDirectory(MARKET_DATA_DRIVER, marketData);
        }
        final ClusterMember member = null == gateway.clusterPath() ? null : gateway.clusterPath().member();
        if (null != member && !Objects.equals(marketData, member.aeronDirectoryName()))
        {
            builder.aeronDirectory(CLUSTER_DRIVER, member.aeronDirectoryName());
        }
        return builder;
    }

    /**
     * The values of a running gateway: its counters, connections waiting to log on, the audit trail's lag and
     * flushes.
     *
     * @param gateway the gateway.
     * @return the values now.
     */
    public static List<NamedValue> values(final Gateway gateway)
    {
        final List<NamedValue> values = values(gateway.counters());
        values.add(NamedValue.gauge("tickwire_gateway_pre_logon_connections",
            "Connections open now that have not logged on", gateway.preLogonGuard().pendingConnections()));
        final AuditTrail audit = gateway.auditTrail();
        values.add(NamedValue.gauge("tickwire_gateway_session_store_unavailable",
            "1 while the FIX session store cannot be written (new orders refused)",
            gateway.sessionStore().isAvailable() ? 0 : 1));
        values.add(NamedValue.counter("tickwire_gateway_session_store_write_failures",
            "Failed writes to the FIX session store", gateway.sessionStore().failures()));
        final InFlightLimit inFlight = gateway.inFlightLimit();
        values.add(NamedValue.gauge("tickwire_gateway_commands_in_flight",
            "Commands taken and not yet answered by a report (TickwireMaxInFlightOrders bounds them)",
            inFlight.inFlight()));
        values.add(NamedValue.gauge("tickwire_gateway_sessions_read_suspended",
            "Sessions whose socket is not read while too many commands are in flight", inFlight.suspendedSessions()));
        values.add(NamedValue.counter("tickwire_gateway_session_read_suspensions",
            "Times a session's socket reads were suspended for too many commands in flight", inFlight.suspensions()));
        if (null != audit)
        {
            values.add(NamedValue.gauge("tickwire_gateway_audit_store_unavailable",
                "1 while the audit journal cannot be written (new orders refused, acknowledgements held)",
                audit.storeHealth().isAvailable() ? 0 : 1));
            values.add(NamedValue.counter("tickwire_gateway_audit_store_write_failures",
                "Failed audit journal writes, flushes or file creations (retries included)",
                audit.storeHealth().failures()));
            values.add(NamedValue.gauge("tickwire_gateway_audit_lag_records",
                "Audit records written but not yet durable", gateway.auditLag()));
            values.add(NamedValue.counter("tickwire_gateway_audit_slow_flushes",
                "Audit flushes (fdatasync) slower than 10 ms", audit.writerAgent().slowCommits()));
            values.add(NamedValue.gauge("tickwire_gateway_audit_flush_max_seconds",
                "Longest audit flush so far", audit.writerAgent().maxCommitNanos() / NANOS_PER_SECOND));
        }
        return values;
    }

    /**
     * The values of a gateway's counters that are not counters of their own: the mean password verification time.
     * The counters themselves are exported by type id ({@link #COUNTER_KINDS}).
     *
     * @param counters the counters.
     * @return the values now, in a list the caller may add to.
     */
    public static List<NamedValue> values(final GatewayCounters counters)
    {
        final List<NamedValue> values = new ArrayList<>();
        values.add(NamedValue.gauge("tickwire_gateway_logon_verify_mean_seconds",
            "Mean password verification time", counters.logonVerifyMeanNanos() / NANOS_PER_SECOND));
        return values;
    }

    private static CounterKind counter(final int typeId, final String name, final String label, final String help)
    {
        return CounterKind.counter(typeId, name, help, String.format(LABEL, label));
    }

    private static CounterKind byReason(final int typeId, final String name, final String label, final String help)
    {
        return CounterKind.counter(typeId, name, help, String.format(REASON_LABEL, label), "reason");
    }
}
