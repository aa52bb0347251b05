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
import io.tickwire.sbe.internal.MessageHeaderDecoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.ControlledMessageHandler;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's end of the clustered order path, in place of the in-process matching engine: takes the commands
 * the session thread wrote to the command ring (and session-wide ones from the control ring), offers each to the
 * cluster's ingress, and writes the events that come back on egress to the event ring, where the execution report
 * sender turns them into reports as it does for the in-process engine.
 * <p>
 * A command stays in its ring until ingress takes it (back pressure, an ingress term rotation, a leader change:
 * the ring read is aborted and tried again on the next duty cycle), so nothing is dropped between the session
 * thread and the cluster. Events only come back for commands the cluster has committed: that is the durability
 * contract. The client is not thread safe; this agent is its only user.
 */
public final class ClusterOrderAgent implements Agent, EgressListener
{
    private static final int COMMAND_LIMIT = 64;

    private final RingBuffer commands;
    private final RingBuffer control;
    private final RingBuffer events;
    private final IdleStrategy eventBackPressure;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final ControlledMessageHandler offerHandler = this::offer;
    private final AtomicLong commandsOffered = new AtomicLong();
    private final AtomicLong eventsReceived = new AtomicLong();
    private final AtomicLong ingressRetries = new AtomicLong();
    private AeronCluster cluster;

    /**
     * @param commands          order commands from the session thread (this agent is the one reader).
     * @param control           session-wide commands (this agent is the one reader).
     * @param events            events to the execution report sender (this agent is the one writer).
     * @param eventBackPressure how to wait while the event ring is full.
     */
    public ClusterOrderAgent(
        final RingBuffer commands,
        final RingBuffer control,
        final RingBuffer events,
        final IdleStrategy eventBackPressure)
    {
        this.commands = commands;
        this.control = control;
        this.events = events;
        this.eventBackPressure = eventBackPressure;
    }

    /**
     * Set the connected client; this agent is then its only user. Before the agent's thread starts.
     *
     * @param cluster connected with this agent as its egress listener.
     * @return this.
     */
    public ClusterOrderAgent cluster(final AeronCluster cluster)
    {
        this.cluster = cluster;
        return this;
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
        if (cluster.isClosed())
        {
            throw new AgentTerminationException("cluster client closed: no more orders can be sequenced");
        }
        int work = cluster.pollEgress();
        work += control.controlledRead(offerHandler, COMMAND_LIMIT);
        work += commands.controlledRead(offerHandler, COMMAND_LIMIT);
        return work;
    }

    private ControlledMessageHandler.Action offer(
        final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        final long result = cluster.offer(buffer, index, length);
        if (result > 0)
        {
            commandsOffered.lazySet(commandsOffered.get() + 1);
            return ControlledMessageHandler.Action.COMMIT;
        }
        if (Publication.CLOSED == result || Publication.MAX_POSITION_EXCEEDED == result)
        {
            throw new AgentTerminationException("cluster ingress " + Publication.errorString(result));
        }
        // Back pressure, an ingress term rotation or no leader yet: the command stays in the ring for the next cycle.
        ingressRetries.lazySet(ingressRetries.get() + 1);
        return ControlledMessageHandler.Action.ABORT;
    }

    /**
     * An event from the matching service, for the report sender.
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
        eventBackPressure.reset();
        while (!events.write(templateId, buffer, offset, length))
        {
            if (Thread.currentThread().isInterrupted())
            {
                throw new AgentTerminationException("event ring full while closing");
            }
            eventBackPressure.idle();
        }
        eventsReceived.lazySet(eventsReceived.get() + 1);
    }

    /**
     * @return commands taken by the cluster's ingress; any thread.
     */
    public long commandsOffered()
    {
        return commandsOffered.get();
    }

    /**
     * @return events received on egress; any thread.
     */
    public long eventsReceived()
    {
        return eventsReceived.get();
    }

    /**
     * @return offers refused for now (back pressure, term rotation, no leader) and retried; any thread.
     */
    public long ingressRetries()
    {
        return ingressRetries.get();
    }
}
