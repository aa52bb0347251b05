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

import io.tickwire.agent.metrics.MetricsServer;
import io.tickwire.agent.metrics.NamedValue;
import io.tickwire.fix.audit.AuditTrail;
import io.tickwire.fix.cluster.ClusterMember;
import io.tickwire.fix.session.GatewayCounters;
import io.tickwire.fix.session.PreLogonCloseReason;
import io.tickwire.latency.LatencyRegistry;
import io.tickwire.sbe.internal.RejectReason;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The gateway's Prometheus metrics: its {@link GatewayCounters} and a few gauges of the running gateway as
 * {@link NamedValue}s, plus what a {@link MetricsServer} needs to export them with the stage latencies and the
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
        builder.values(() -> values(gateway));
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
        if (null != audit)
        {
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
     * The values of a gateway's counters.
     *
     * @param counters the counters.
     * @return the values now, in a list the caller may add to.
     */
    public static List<NamedValue> values(final GatewayCounters counters)
    {
        final List<NamedValue> values = new ArrayList<>();
        values.add(NamedValue.counter("tickwire_gateway_requests_received",
            "Order entry requests received (new, cancel, replace, status)", counters.requestsReceived()));
        values.add(NamedValue.counter("tickwire_gateway_orders_received",
            "New orders received", counters.ordersReceived()));
        values.add(NamedValue.counter("tickwire_gateway_reports_sent",
            "Execution reports sent", counters.reportsSent()));
        for (final RejectReason reason : RejectReason.values())
        {
            if (RejectReason.NULL_VAL != reason)
            {
                values.add(NamedValue.counter("tickwire_gateway_rejects",
                    "Orders and cancel/replace requests rejected, by reason", counters.rejects(reason),
                    "reason", reason.name()));
            }
        }
        values.add(NamedValue.counter("tickwire_gateway_logon_failures",
            "Logons that failed authentication", counters.logonFailures()));
        values.add(NamedValue.counter("tickwire_gateway_logon_lockouts",
            "Lockouts started or lengthened by failed logons", counters.logonLockouts()));
        values.add(NamedValue.counter("tickwire_gateway_logons_refused_locked_out",
            "Logons refused because their user or address was locked out", counters.logonsRefusedLockedOut()));
        values.add(NamedValue.counter("tickwire_gateway_logons_refused_busy",
            "Logons refused unverified: the verifier's queue was full", counters.logonsRefusedBusy()));
        values.add(NamedValue.counter("tickwire_gateway_logons_unverified",
            "Logons refused: no verification found for them", counters.logonsUnverified()));
        values.add(NamedValue.counter("tickwire_gateway_logon_verifications",
            "Password verifications (PBKDF2) done", counters.logonVerifications()));
        values.add(NamedValue.gauge("tickwire_gateway_logon_verify_max_seconds",
            "Longest password verification so far (on a verifier thread, not the session thread)",
            counters.logonVerifyMaxNanos() / NANOS_PER_SECOND));
        values.add(NamedValue.gauge("tickwire_gateway_logon_verify_mean_seconds",
            "Mean password verification time", counters.logonVerifyMeanNanos() / NANOS_PER_SECOND));
        for (final PreLogonCloseReason reason : PreLogonCloseReason.values())
        {
            values.add(NamedValue.counter("tickwire_gateway_pre_logon_closes",
                "Connections closed before they logged on, by reason", counters.preLogonCloses(reason),
                "reason", reason.name()));
        }
        values.add(NamedValue.counter("tickwire_gateway_resend_requests_refused",
            "ResendRequests refused for going over the session's limit", counters.resendRequestsRefused()));
        values.add(NamedValue.counter("tickwire_gateway_garbled_messages_discarded",
            "Garbled inbound messages discarded (bad CheckSum, BodyLength or framing)", counters.garbledDiscarded()));
        values.add(NamedValue.counter("tickwire_gateway_agent_errors",
            "Exceptions thrown by the gateway's agents", counters.agentErrors()));
        return values;
    }
}
