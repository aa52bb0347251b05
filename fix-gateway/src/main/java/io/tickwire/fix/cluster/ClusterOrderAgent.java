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
package io.tickwire.fix.cluster;

import io.aeron.Publication;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.logbuffer.Header;
import io.tickwire.fix.match.ReferencePrices;
import io.tickwire.sbe.internal.CommandAppliedEventDecoder;
import io.tickwire.sbe.internal.FillEventDecoder;
import io.tickwire.sbe.internal.MessageHeaderDecoder;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.ControlledMessageHandler;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The gateway's end of the clustered order path, in place of the in-process matching engine: takes the commands
 * the session thread wrote to the command ring (and session-wide ones from the control ring), offers each to the
 * cluster's ingress, and writes the events that come back on egress to the event ring, where the execution report
 * sender turns them into reports as it does for the in-process engine.
 * <p>
 * Nothing is lost between the session thread and the cluster, and nothing is applied twice:
 * <ul>
 *   <li>a command stays in its ring until ingress takes it (back pressure, an ingress term rotation, no leader
 *   yet: the ring read is aborted and tried again on the next duty cycle);</li>
 *   <li>each command goes out behind an ingress sequence number ({@link IngressFrame}) and stays in an in-flight
 *   queue ({@link InFlightCommands}) until an event answering it (or a later command) comes back: only then is
 *   it known to be committed;</li>
 *   <li>when a new leader is elected, everything in flight is offered again, in order: a leader that died may
 *   have taken a command and never replicated it. The {@link MatchingService} skips a sequence it has applied,
 *   so a command the old leader did commit is not applied twice.</li>
 * </ul>
 * Events only come back for commands the cluster has committed: that is the durability contract. Keep-alives go
 * out when no command has for a while, so an idle gateway keeps its cluster session. The client is not thread
 * safe; this agent is its only user.
 * <p>
 * Several gateways may share a cluster, each with its own {@code TickwireGatewayId}: the agent puts its id in every
 * frame, and the cluster sends every event to every gateway, each carrying the id of the gateway that owns the
 * order ({@link GatewaySessions}). The agent takes its own (with its own session index restored) and counts and
 * drops the others', whose correlation ids are not its own; it learns the last trade price from every fill.
 */
public final class ClusterOrderAgent implements Agent, EgressListener
{
    private static final int COMMAND_LIMIT = 64;
    private static final long KEEP_ALIVE_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final int CORRELATION_OFFSET = InFlightCommands.CORRELATION_OFFSET;
    private static final int FRAME_OFFSET = InFlightCommands.FRAME_OFFSET;

    private final RingBuffer commands;
    private final RingBuffer control;
    private final RingBuffer events;
    private final IdleStrategy eventBackPressure;
    private final NanoClock nanoClock;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final FillEventDecoder fill = new FillEventDecoder();
    private final ControlledMessageHandler offerHandler = this::offer;
    private final InFlightCommands inFlight = new InFlightCommands(this::offerAgain);
    private final UnsafeBuffer frame = new UnsafeBuffer(
        ByteBuffer.allocateDirect(FRAME_OFFSET + IngressFrame.MAX_FRAME_LENGTH));
    private final AtomicLong commandsOffered = new AtomicLong();
    private final AtomicLong eventsReceived = new AtomicLong();
    private final AtomicLong ingressRetries = new AtomicLong();
    private final AtomicLong commandsResent = new AtomicLong();
    private final AtomicLong leaderChanges = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong otherGatewaysEvents = new AtomicLong();
    private int gatewayId;
    private Function<EgressListener, AeronCluster> connector;
    private AeronCluster cluster;
    private ReferencePrices tradePrices;
    private long nextSequence;
    private long lastSendNs;
    private volatile boolean idle;
    private Runnable ingressWaker;

    /**
     * @param commands          order commands from the session thread (this agent is the one reader).
     * @param control           session-wide commands (this agent is the one reader).
     * @param events            events to the execution report sender (this agent is the one writer).
     * @param eventBackPressure how to wait while the event ring is full.
     * @param firstSequence     ingress sequence of the first command: above any this gateway sent before, e.g.
     *                          the start time in microseconds.
     * @param nanoClock         for keep-alives.
     */
    public ClusterOrderAgent(
        final RingBuffer commands,
        final RingBuffer control,
        final RingBuffer events,
        final IdleStrategy eventBackPressure,
        final long firstSequence,
        final NanoClock nanoClock)
    {
        this.commands = commands;
        this.control = control;
        this.events = events;
        this.eventBackPressure = eventBackPressure;
        this.nextSequence = firstSequence;
        this.nanoClock = nanoClock;
    }

    /**
     * Name this gateway to the cluster: two gateways that share a cluster must have different ids. Before the
     * agent's thread starts.
     *
     * @param gatewayId 0 (default) to {@link GatewaySessions#MAX_GATEWAY_ID}.
     * @return this.
     */
    public ClusterOrderAgent gatewayId(final int gatewayId)
    {
        if (gatewayId < 0 || gatewayId > GatewaySessions.MAX_GATEWAY_ID)
        {
            throw new IllegalArgumentException(
                "gateway id " + gatewayId + " is not within 0.." + GatewaySessions.MAX_GATEWAY_ID);
        }
        this.gatewayId = gatewayId;
        return this;
    }

    /**
     * Wake the consumer of ingress after each duty cycle that offered a command: the consensus module of a member
     * in this process ({@link MemberWakeUps#wakeConsensusModule()}). Before the agent's thread starts.
     *
     * @param ingressWaker any thread may call it; null for none.
     * @return this.
     */
    public ClusterOrderAgent wakeOnIngress(final Runnable ingressWaker)
    {
        this.ingressWaker = ingressWaker;
        return this;
    }

    /**
     * @return this gateway's id on the cluster.
     */
    public int gatewayId()
    {
        return gatewayId;
    }

    /**
     * Keep the last trade price of each instrument from the fills that come back, for the gateway's price collar,
     * when the engine (which otherwise publishes it) runs in another process. Before the agent's thread starts.
     *
     * @param tradePrices the gateway's reference prices.
     * @return this.
     */
    public ClusterOrderAgent tradePrices(final ReferencePrices tradePrices)
    {
        this.tradePrices = tradePrices;
        return this;
    }

    /**
     * Connect, and keep the connector to connect again when the client closes (a leader change it could not
     * follow, a session timed out). Before the agent's thread starts; the agent then owns the client.
     *
     * @param connector connects a client with the given egress listener, blocking until the session is open.
     * @return this.
     */
    public ClusterOrderAgent connect(final Function<EgressListener, AeronCluster> connector)
    {
        this.connector = connector;
        this.cluster = connector.apply(this);
        lastSendNs = nanoClock.nanoTime();
        return this;
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        CloseHelper.quietClose(cluster);
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "cluster-order-client";
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        if (cluster.isClosed() && !reconnect())
        {
            return 0;
        }
        int work = cluster.pollEgress();
        if (inFlight.isResending())
        {
            // Until everything in flight is offered again, new commands wait: the log keeps the gateway's order.
            work += inFlight.resend();
            if (inFlight.isResending())
            {
                return work;
            }
        }
        final int offered = control.controlledRead(offerHandler, COMMAND_LIMIT) +
            commands.controlledRead(offerHandler, COMMAND_LIMIT);
        if (offered > 0 && null != ingressWaker)
        {
            ingressWaker.run();
        }
        work += offered;
        idle = 0 == inFlight.count() && 0 == work;
        final long nowNs = nanoClock.nanoTime();
        if (nowNs - lastSendNs > KEEP_ALIVE_INTERVAL_NS && cluster.sendKeepAlive())
        {
            lastSendNs = nowNs;
        }
        return work;
    }

    private ControlledMessageHandler.Action offer(
        final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        // In flight: [correlation id | ingress frame]; the frame is what the cluster log gets. A command from the
        // session thread may come with the inbound audit record of the message that caused it:
        // [int32 command length][command][audit record], and the record travels behind the command.
        final int frameLength;
        final long correlationId;
        if (IngressFrame.AUDITED_COMMAND_MSG_TYPE_ID == msgTypeId)
        {
            final int commandLength = buffer.getInt(index, ByteOrder.LITTLE_ENDIAN);
            final int commandIndex = index + Integer.BYTES;
            final int auditLength = length - Integer.BYTES - commandLength;
            correlationId =
                buffer.getLong(commandIndex + MessageHeaderDecoder.ENCODED_LENGTH, ByteOrder.LITTLE_ENDIAN);
            frameLength = IngressFrame.encode(frame, FRAME_OFFSET, gatewayId, nextSequence, buffer, commandIndex,
                commandLength, buffer, commandIndex + commandLength, auditLength);
        }
        else
        {
            correlationId = buffer.getLong(index + MessageHeaderDecoder.ENCODED_LENGTH, ByteOrder.LITTLE_ENDIAN);
            frameLength = IngressFrame.encode(frame, FRAME_OFFSET, gatewayId, nextSequence, buffer, index, length);
        }
        frame.putLong(CORRELATION_OFFSET, correlationId, ByteOrder.LITTLE_ENDIAN);
        final long result = cluster.offer(frame, FRAME_OFFSET, frameLength);
        if (result > 0)
        {
            inFlight.add(frame, 0, FRAME_OFFSET + frameLength);
            nextSequence++;
            lastSendNs = nanoClock.nanoTime();
            commandsOffered.lazySet(commandsOffered.get() + 1);
            return ControlledMessageHandler.Action.COMMIT;
        }
        checkOfferResult(result);
        ingressRetries.lazySet(ingressRetries.get() + 1);
        return ControlledMessageHandler.Action.ABORT;
    }

    private boolean offerAgain(final DirectBuffer buffer, final int offset, final int length)
    {
        final long result = cluster.offer(buffer, offset, length);
        if (result > 0)
        {
            commandsResent.lazySet(commandsResent.get() + 1);
            return true;
        }
        checkOfferResult(result);
        ingressRetries.lazySet(ingressRetries.get() + 1);
        return false;
    }

    private void checkOfferResult(final long result)
    {
        if (Publication.MAX_POSITION_EXCEEDED == result)
        {
            throw new AgentTerminationException("cluster ingress " + Publication.errorString(result));
        }
        if (Publication.CLOSED == result)
        {
            // The client gave up on its session (e.g. the leader died before it heard of the new one): connect
            // again on the next duty cycle and offer everything unanswered again.
            CloseHelper.quietClose(cluster);
        }
    }

    /**
     * Connect a new session (blocks up to the client's message timeout, as elections take), then offer everything
     * unanswered again. False when no leader would take the session yet: tried again on the next duty cycle.
     */
    private boolean reconnect()
    {
        try
        {
            cluster = connector.apply(this);
        }
        catch (final RuntimeException ex)
        {
            return false;
        }
        reconnects.lazySet(reconnects.get() + 1);
        lastSendNs = nanoClock.nanoTime();
        inFlight.resendAll();
        return true;
    }

    /**
     * An event from the matching service, for the report sender; it also tells which commands are committed.
     *
     * @param clusterSessionId this client's session.
     * @param timestamp        cluster time of the command that caused it.
     * @param buffer           holding the event.
     * @param offset           of its SBE header.
     * @param length           of the event.
     * @param header           of the egress fragment.
     */
    public void onMessage(
        final long clusterSessionId,
        final long timestamp,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final Header header)
    {
        this.header.wrap(buffer, offset);
        final int templateId = this.header.templateId();
        if (null != tradePrices && FillEventDecoder.TEMPLATE_ID == templateId)
        {
            // A trade is the market's, whichever gateway's orders made it.
            fill.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, this.header.blockLength(),
                this.header.version());
            final int instrumentId = (int)fill.instrumentId();
            tradePrices.update(instrumentId, fill.lastPrice(), tradePrices.bestBid(instrumentId),
                tradePrices.bestAsk(instrumentId));
        }
        final int sessionIndex = GatewaySessions.sessionIndex(buffer, offset);
        if (GatewaySessions.gatewayId(sessionIndex) != gatewayId)
        {
            otherGatewaysEvents.lazySet(otherGatewaysEvents.get() + 1);
            return;
        }
        // Every event starts with the correlation id of the command it answers (or of the resting order's last).
        inFlight.trimAnswered(buffer.getLong(offset + MessageHeaderDecoder.ENCODED_LENGTH, ByteOrder.LITTLE_ENDIAN));
        if (CommandAppliedEventDecoder.TEMPLATE_ID == templateId)
        {
            // Only tells the command is committed; nothing to report.
            return;
        }
        eventBackPressure.reset();
        int index;
        while ((index = events.tryClaim(templateId, length)) < 0)
        {
            if (Thread.currentThread().isInterrupted())
            {
                throw new AgentTerminationException("event ring full while closing");
            }
            eventBackPressure.idle();
        }
        // The report sender knows its sessions by their own indexes, without the gateway id.
        final MutableDirectBuffer ring = events.buffer();
        ring.putBytes(index, buffer, offset, length);
        GatewaySessions.putSessionIndex(ring, index, GatewaySessions.localIndex(sessionIndex));
        events.commit(index);
        eventsReceived.lazySet(eventsReceived.get() + 1);
    }

    /**
     * A new leader: offer again everything not yet answered.
     *
     * @param clusterSessionId this client's session.
     * @param leadershipTermId the new term.
     * @param leaderMemberId   the new leader.
     * @param ingressEndpoints of the members, leader first.
     */
    public void onNewLeader(
        final long clusterSessionId,
        final long leadershipTermId,
        final int leaderMemberId,
        final String ingressEndpoints)
    {
        leaderChanges.lazySet(leaderChanges.get() + 1);
        inFlight.resendAll();
    }

    /**
     * @return whether the last duty cycle found nothing to offer and nothing unanswered; any thread. With both rings
     * empty as well, every command given to the gateway has been answered.
     */
    public boolean isIdle()
    {
        return idle;
    }

    /**
     * @return commands taken by the cluster's ingress; any thread.
     */
    public long commandsOffered()
    {
        return commandsOffered.get();
    }

    /**
     * @return commands offered again after a leader change; any thread.
     */
    public long commandsResent()
    {
        return commandsResent.get();
    }

    /**
     * @return sessions connected again after the client closed; any thread.
     */
    public long reconnects()
    {
        return reconnects.get();
    }

    /**
     * @return new leaders this client was told of; any thread.
     */
    public long leaderChanges()
    {
        return leaderChanges.get();
    }

    /**
     * @return events received on egress; any thread.
     */
    public long eventsReceived()
    {
        return eventsReceived.get();
    }

    /**
     * @return events about other gateways' orders, dropped; any thread.
     */
    public long otherGatewaysEvents()
    {
        return otherGatewaysEvents.get();
    }

    /**
     * @return offers refused for now (back pressure, term rotation, no leader) and retried; any thread.
     */
    public long ingressRetries()
    {
        return ingressRetries.get();
    }
}
