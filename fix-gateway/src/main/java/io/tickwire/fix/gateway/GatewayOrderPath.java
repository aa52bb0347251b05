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

import io.aeron.Aeron;
import io.tickwire.fix.cluster.ClusterConfiguration;
import io.tickwire.fix.cluster.ClusterMarketData;
import io.tickwire.fix.cluster.ClusterMemberContext;
import io.tickwire.fix.cluster.ClusterOrderAgent;
import io.tickwire.fix.cluster.ClusterOrderPath;
import io.tickwire.fix.cluster.MatchingService;
import io.tickwire.fix.cluster.MemberWakeUps;
import io.tickwire.fix.match.BookListener;
import io.tickwire.fix.match.MatchingEngine;
import io.tickwire.fix.match.ReferencePrices;
import io.tickwire.fix.risk.ReferencePriceSource;
import io.tickwire.fix.session.ExecutionReportSender;
import io.tickwire.fix.session.GatewayApplication;
import io.tickwire.fix.session.GatewayCounters;
import io.tickwire.fix.session.InFlightLimit;
import io.tickwire.fix.session.Instruments;
import io.tickwire.fix.session.OutboundGate;
import io.tickwire.fix.time.GatewayClock;
import io.tickwire.latency.LatencyRegistry;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * The order path behind the session thread: the command ring (session thread to order agent), the control ring
 * (logouts, disconnects, kill switch from any thread), the event ring (order agent to report sender), the reference
 * prices of the price collar, and the agent that turns commands into events. That agent is the in-process
 * {@link MatchingEngine}, or a {@link ClusterOrderAgent} in front of an embedded one-member cluster
 * ({@code TickwireClusterDir}) or of members run elsewhere ({@code TickwireClusterMembers}).
 */
final class GatewayOrderPath
{
    private static final int CONTROL_RING_CAPACITY = 64 * 1024;
    private static final long CLOSE_DRAIN_TIMEOUT_NS = 5_000_000_000L;

    private final Instruments instruments;
    private final RingBuffer commands;
    private final RingBuffer control;
    private final RingBuffer events;
    private final ReferencePrices referencePrices;
    private final InFlightLimit inFlightLimit;

    /**
     * Allocate the rings and the reference prices; nothing is started.
     *
     * @param ctx concluded context: instruments and ring capacities.
     */
    GatewayOrderPath(final GatewayContext ctx)
    {
        instruments = ctx.instruments;
        commands = new OneToOneRingBuffer(newRingBuffer(ctx.commandRingCapacity));
        control = new ManyToOneRingBuffer(newRingBuffer(CONTROL_RING_CAPACITY));
        events = new OneToOneRingBuffer(newRingBuffer(ctx.eventRingCapacity));
        referencePrices = new ReferencePrices(instruments.maxInstrumentId());
        inFlightLimit = new InFlightLimit(ctx.maxInFlightOrders);
    }

    /**
     * @return the bound on commands between the session thread and the report sender.
     */
    InFlightLimit inFlightLimit()
    {
        return inFlightLimit;
    }

    RingBuffer commands()
    {
        return commands;
    }

    RingBuffer control()
    {
        return control;
    }

    /**
     * @return the price collar's reference: the last trade, else the mid of the book, else the configured price.
     */
    ReferencePriceSource referenceSource()
    {
        return this::referencePrice;
    }

    /**
     * The clustered order path when the context names a cluster directory or members, else null.
     *
     * @param ctx          concluded context.
     * @param aeron        the market data client, or null without market data: its driver carries an external
     *                     cluster's ingress and egress, and an embedded member's market data and snapshots.
     * @param backPressure what the agent does while the event ring is full.
     * @param auditing     whether the gateway journals: then an embedded member journals the inbound records too.
     * @param orderWaker   wakes the order thread (which polls egress), or null when it never parks long.
     * @return the launched path, or null for the in-process engine.
     */
    ClusterOrderPath launchCluster(
        final GatewayContext ctx,
        final Aeron aeron,
        final IdleStrategy backPressure,
        final boolean auditing,
        final Runnable orderWaker)
    {
        final Path clusterDir = ctx.resolvedClusterDirectory;
        if (null == clusterDir && null == ctx.clusterIngressEndpoints)
        {
            return null;
        }
        // Ingress sequences above any an earlier run of this gateway sent: the start time in microseconds.
        final ClusterOrderAgent agent = new ClusterOrderAgent(commands, control, events, backPressure,
            System.currentTimeMillis() * 1000, SystemNanoClock.INSTANCE).gatewayId(ctx.gatewayId);
        if (null != ctx.clusterIngressEndpoints)
        {
            // The engine runs elsewhere: the collar's reference is the last trade the fills report.
            agent.tradePrices(referencePrices);
            return ClusterOrderPath.external(aeron.context().aeronDirectoryName(), ctx.clusterIngressEndpoints, agent);
        }
        final ClusterMemberContext member = new ClusterMemberContext()
            .clusterDir(clusterDir.toFile())
            .basePort(ctx.clusterBasePort)
            .ipc(ClusterConfiguration.embeddedIpc());
        if (member.ipc() && ClusterConfiguration.embeddedWakeUps())
        {
            // One process: the order thread and the member's agents wake each other at each hand-off.
            final MemberWakeUps wakeUps = MemberWakeUps.withDefaults().egressWaker(orderWaker);
            member.wakeUps(wakeUps);
            agent.wakeOnIngress(wakeUps::wakeConsensusModule);
        }
        final MatchingService service = new MatchingService(
            instruments.instrumentIds(), ctx.retainedFinishedOrders, memberMarketData(ctx, aeron), referencePrices);
        if (auditing)
        {
            // The inbound records travel in the log only with an audit trail: then the member journals them.
            service.memberAudit(clusterDir.resolve(MatchingService.AUDIT_DIR_NAME), ctx.auditSealKey());
        }
        final LatencyRegistry latency = ctx.latencyRegistry();
        service.sameHostLatency(SystemNanoClock.INSTANCE,
            null == latency ? null : latency.recorder(OrderStages.RISK_TO_MATCHED, "matching-service"));
        return ClusterOrderPath.embedded(member, service, agent);
    }

    /**
     * The embedded member publishes as {@code tickwire cluster node} members do (a session announced with its
     * epoch and the books restated at each start, snapshots for late joiners), on the gateway's market data
     * channel through the gateway's Aeron client rather than the member's: subscribers, an IPC channel's
     * included, and the gateway's counters are on the gateway's media driver, and with the member's log and
     * ingress on IPC its driver carries nothing of the market data either.
     */
    private static ClusterMarketData memberMarketData(final GatewayContext ctx, final Aeron aeron)
    {
        return null == aeron ? null : new ClusterMarketData(ctx.marketDataChannel, ctx.marketDataStreamId,
            ctx.snapshotRequestChannel, ctx.snapshotRequestStreamId, ctx.snapshotResponseChannel,
            ctx.snapshotResponseStreamId).aeron(aeron);
    }

    /**
     * @param ctx          concluded context.
     * @param backPressure what the engine does while the event ring is full.
     * @param bookListener where book changes go.
     * @return the in-process engine.
     */
    Agent newMatchingEngine(final GatewayContext ctx, final IdleStrategy backPressure, final BookListener bookListener)
    {
        final MatchingEngine engine = new MatchingEngine(
            instruments.instrumentIds(),
            commands,
            control,
            events,
            referencePrices,
            bookListener,
            backPressure,
            ctx.retainedFinishedOrders);
        final LatencyRegistry latency = ctx.latencyRegistry();
        if (null != latency)
        {
            engine.riskToMatchedRecorder(latency.recorder(OrderStages.RISK_TO_MATCHED, "matching-engine"));
        }
        return engine;
    }

    /**
     * @param ctx          concluded context.
     * @param application  the sessions the reports go to.
     * @param outboundGate the release point of each report.
     * @param counters     gateway counters.
     * @param clock        the send clock.
     * @return the agent that drains the event ring into ExecutionReports.
     */
    ExecutionReportSender newReportSender(
        final GatewayContext ctx,
        final GatewayApplication application,
        final OutboundGate outboundGate,
        final GatewayCounters counters,
        final GatewayClock clock)
    {
        final ExecutionReportSender sender = new ExecutionReportSender(
            events, application, instruments, outboundGate, counters, clock).inFlightLimit(inFlightLimit);
        final LatencyRegistry latency = ctx.latencyRegistry();
        if (null != latency)
        {
            sender.latencyRecorders(
                latency.recorder(OrderStages.MATCHED_TO_ER_SENT, "execution-report-sender"),
                latency.recorder(OrderStages.FIX_RECEIVE_TO_ER_SENT, "execution-report-sender"));
        }
        return sender;
    }

    /**
     * Logging sessions out queues their cancel-on-disconnect commands: give the order agent a bounded time to
     * answer them (and anything else in flight) and the report sender to take every answer, while the sessions'
     * stores are still open, so that no command is left unanswered and no report is sent into a closed store.
     *
     * @param clusterPath the running clustered path, or null for the in-process engine.
     * @return whether everything was answered and taken within the time.
     */
    boolean awaitDrained(final ClusterOrderPath clusterPath)
    {
        final long deadlineNs = System.nanoTime() + CLOSE_DRAIN_TIMEOUT_NS;
        while (commands.size() > 0 || control.size() > 0 || (null != clusterPath && !clusterPath.agent().isIdle()) ||
            events.size() > 0)
        {
            if (System.nanoTime() - deadlineNs >= 0)
            {
                return false;
            }
            LockSupport.parkNanos(1_000_000L);
        }
        return true;
    }

    /**
     * Send the reports the outbound gate still holds for their audit records to become durable (the audit writer
     * still runs); called once the report sender has stopped, so this thread is the gate's only user.
     *
     * @param gate the report sender's gate.
     * @return reports still held when the time ran out.
     */
    static int releaseHeldReports(final OutboundGate gate)
    {
        final long deadlineNs = System.nanoTime() + CLOSE_DRAIN_TIMEOUT_NS;
        while (gate.pending() > 0 && System.nanoTime() - deadlineNs < 0)
        {
            if (0 == gate.doWork())
            {
                LockSupport.parkNanos(1_000_000L);
            }
        }
        return gate.pending();
    }

    private long referencePrice(final int instrumentId)
    {
        final long last = referencePrices.lastTrade(instrumentId);
        if (ReferencePrices.NO_PRICE != last)
        {
            return last;
        }
        final long bid = referencePrices.bestBid(instrumentId);
        final long ask = referencePrices.bestAsk(instrumentId);
        if (ReferencePrices.NO_PRICE != bid && ReferencePrices.NO_PRICE != ask)
        {
            return (bid + ask) / 2;
        }
        final long configured = instruments.configuredReferencePrice(instrumentId);
        return Long.MIN_VALUE == configured ? ReferencePriceSource.NO_PRICE : configured;
    }

    private static UnsafeBuffer newRingBuffer(final int capacity)
    {
        return new UnsafeBuffer(ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH));
    }
}
