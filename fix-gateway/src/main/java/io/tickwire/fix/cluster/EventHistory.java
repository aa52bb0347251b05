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

import org.agrona.DirectBuffer;
import org.agrona.ExpandableRingBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The events the service emitted for its most recent commands, by gateway id and ingress sequence, so that a
 * command offered again after a leader change is answered again rather than only skipped.
 * <p>
 * Why: a leader can commit a command and die before its events reach the gateway. The gateway, having no answer,
 * offers the command again to the new leader, which must not apply it twice but must answer it: it sends the
 * events it recorded when it applied it. Every member records the same history (it follows from the log), so
 * whichever becomes leader can answer. Bounded: the oldest events are forgotten first; the history is not in the
 * snapshot, so a member restarted from a snapshot cannot re-answer commands from before it.
 */
final class EventHistory
{
    /**
     * Takes the recorded events of a command, in the order they were emitted.
     */
    interface Replayer
    {
        void onEvent(int templateId, DirectBuffer buffer, int offset, int length);
    }

    private static final int SEQUENCE_OFFSET = 0;
    private static final int GATEWAY_OFFSET = Long.BYTES;
    private static final int TEMPLATE_OFFSET = GATEWAY_OFFSET + Integer.BYTES;
    private static final int EVENT_OFFSET = TEMPLATE_OFFSET + Integer.BYTES;

    private final int maxBytes;
    private final ExpandableRingBuffer events;
    private final UnsafeBuffer entry = new UnsafeBuffer(ByteBuffer.allocateDirect(1024));
    private final ExpandableRingBuffer.MessageConsumer dropOne = (buffer, offset, length, headOffset) -> true;
    private final ExpandableRingBuffer.MessageConsumer replayHandler = this::onEntry;
    private long replaySequence;
    private int replayGatewayId;
    private Replayer replayer;
    private int replayed;

    /**
     * @param maxBytes how much history to keep.
     */
    EventHistory(final int maxBytes)
    {
        this.maxBytes = maxBytes;
        this.events = new ExpandableRingBuffer(0, Integer.highestOneBit(maxBytes) << 1, true);
    }

    void record(final int gatewayId, final long sequence, final int templateId, final DirectBuffer buffer,
        final int offset, final int length)
    {
        while (events.size() + EVENT_OFFSET + length + ExpandableRingBuffer.HEADER_LENGTH * 2 > maxBytes &&
            !events.isEmpty())
        {
            events.consume(dropOne, 1);
        }
        entry.putLong(SEQUENCE_OFFSET, sequence, ByteOrder.LITTLE_ENDIAN);
        entry.putInt(GATEWAY_OFFSET, gatewayId, ByteOrder.LITTLE_ENDIAN);
        entry.putInt(TEMPLATE_OFFSET, templateId, ByteOrder.LITTLE_ENDIAN);
        entry.putBytes(EVENT_OFFSET, buffer, offset, length);
        events.append(entry, 0, EVENT_OFFSET + length);
    }

    /**
     * Hand on, in order, every recorded event of a command.
     *
     * @param gatewayId the gateway that sent the command.
     * @param sequence  the command's ingress sequence.
     * @param replayer  to hand them to.
     * @return how many there were (0: none remembered).
     */
    int replay(final int gatewayId, final long sequence, final Replayer replayer)
    {
        replayGatewayId = gatewayId;
        replaySequence = sequence;
        this.replayer = replayer;
        replayed = 0;
        events.forEach(replayHandler, Integer.MAX_VALUE);
        this.replayer = null;
        return replayed;
    }

    private boolean onEntry(final MutableDirectBuffer buffer, final int offset, final int length, final int headOffset)
    {
        final long sequence = buffer.getLong(offset + SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
        final boolean sameGateway =
            buffer.getInt(offset + GATEWAY_OFFSET, ByteOrder.LITTLE_ENDIAN) == replayGatewayId;
        if (sameGateway && sequence == replaySequence)
        {
            replayer.onEvent(buffer.getInt(offset + TEMPLATE_OFFSET, ByteOrder.LITTLE_ENDIAN), buffer,
                offset + EVENT_OFFSET, length - EVENT_OFFSET);
            replayed++;
        }
        // A gateway's sequences only grow: past the one asked for, there is nothing more to find.
        return !sameGateway || sequence <= replaySequence;
    }
}
