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

import io.aeron.cluster.service.Cluster;
import io.tickwire.fix.match.EventSink;
import io.tickwire.sbe.internal.CommandAppliedEventEncoder;
import io.tickwire.sbe.internal.MessageHeaderEncoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How the {@link MatchingService} answers the gateways: the engine's events for the command being applied go to
 * every gateway ({@link GatewayEgress}) and into the {@link EventHistory} against that command's gateway id and
 * ingress sequence; a command offered again is answered again from the history with its own gateway's events; a
 * command that caused no event is answered with a {@code CommandAppliedEvent}, so that its gateway stops holding it
 * for a re-offer. Service thread only, except the counters.
 */
final class CommandAnswers implements EventSink
{
    private final MessageHeaderEncoder appliedHeader = new MessageHeaderEncoder();
    private final CommandAppliedEventEncoder appliedEvent = new CommandAppliedEventEncoder();
    private final UnsafeBuffer appliedBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(64));
    private final GatewayEgress egress = new GatewayEgress();
    private final EventHistory history = new EventHistory(16 * 1024 * 1024);
    private final EventHistory.Replayer resend = this::resendOwnEvent;
    private final AtomicLong reanswered = new AtomicLong();
    private int eventsOfCommand;
    private int commandGatewayId;
    private long commandSequence;

    /**
     * @param cluster the service's cluster, once it has started.
     */
    void onStart(final Cluster cluster)
    {
        egress.onStart(cluster);
    }

    /**
     * A new command is about to be applied: its events are recorded against it.
     *
     * @param gatewayId of the gateway that sent it.
     * @param sequence  its ingress sequence.
     */
    void beginCommand(final int gatewayId, final long sequence)
    {
        commandGatewayId = gatewayId;
        commandSequence = sequence;
        eventsOfCommand = 0;
    }

    /**
     * The command was applied: answer it if nothing else did (a session cancel with nothing open).
     *
     * @param correlationId of the command.
     * @param sessionIndex  of the command, with its gateway id.
     */
    void endCommand(final long correlationId, final long sessionIndex)
    {
        if (0 == eventsOfCommand)
        {
            appliedEvent.wrapAndApplyHeader(appliedBuffer, 0, appliedHeader)
                .correlationId(correlationId)
                .receiveNanos(0)
                .sessionIndex(sessionIndex);
            onEvent(CommandAppliedEventEncoder.TEMPLATE_ID, appliedBuffer, 0,
                MessageHeaderEncoder.ENCODED_LENGTH + appliedEvent.encodedLength());
        }
    }

    /**
     * A command applied already was offered again (a gateway that could not know it was committed): answer it
     * again with those of its events that belong to the gateway that offered it.
     *
     * @param gatewayId of the gateway that offered it.
     * @param sequence  its ingress sequence.
     */
    void answerAgain(final int gatewayId, final long sequence)
    {
        commandGatewayId = gatewayId;
        if (history.replay(gatewayId, sequence, resend) > 0)
        {
            reanswered.lazySet(reanswered.get() + 1);
        }
    }

    /**
     * Record the event against the command being applied (to answer it again if it is offered again), then send
     * it to the gateways.
     *
     * {@inheritDoc}
     */
    public void onEvent(final int templateId, final DirectBuffer buffer, final int offset, final int length)
    {
        eventsOfCommand++;
        history.record(commandGatewayId, commandSequence, templateId, buffer, offset, length);
        egress.send(buffer, offset, length);
    }

    /**
     * @return events not delivered because a gateway's egress was gone; any thread.
     */
    long undeliveredEvents()
    {
        return egress.undeliveredEvents();
    }

    /**
     * @return duplicates answered again from the event history; any thread.
     */
    long reansweredCommands()
    {
        return reanswered.get();
    }

    /**
     * The others (the resting side of a fill, of another gateway) went to their gateways when the command was
     * applied; sent again they would be reported twice.
     */
    private void resendOwnEvent(final int templateId, final DirectBuffer buffer, final int offset, final int length)
    {
        if (GatewaySessions.gatewayId(GatewaySessions.sessionIndex(buffer, offset)) == commandGatewayId)
        {
            egress.send(buffer, offset, length);
        }
    }
}
