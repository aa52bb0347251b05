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
package io.tickwire.feed.ingest.moldudp64;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Builds MoldUDP64 downstream packets from a {@link MoldUdp64MessageStore} into a reusable buffer.
 * <p>
 * Used by both the {@link MoldUdp64Server} (live packets) and the {@link MoldUdp64RequestServer} (answers to
 * requests), so a retransmitted packet is byte for byte what a live one would have been.
 */
public final class MoldUdp64DownstreamPacket
{
    private final MutableDirectBuffer buffer;
    private final DirectBuffer session;
    private final int maxPayloadLength;
    private final int maxMessagesPerPacket;
    private int length;
    private int messageCount;

    /**
     * Builder writing into {@code buffer} at offset 0.
     *
     * @param buffer               to build packets in; needs {@link MoldUdp64Packet#HEADER_LENGTH} plus the largest
     *                             message block in capacity, since one oversized message still goes out alone.
     * @param session              buffer of {@link MoldUdp64Packet#SESSION_LENGTH} bytes.
     * @param maxPayloadLength     largest packet to build when it holds more than one message.
     * @param maxMessagesPerPacket largest message count per packet.
     */
    public MoldUdp64DownstreamPacket(
        final MutableDirectBuffer buffer,
        final DirectBuffer session,
        final int maxPayloadLength,
        final int maxMessagesPerPacket)
    {
        if (maxPayloadLength < MoldUdp64Packet.HEADER_LENGTH + MoldUdp64Packet.MESSAGE_LENGTH_FIELD_LENGTH)
        {
            throw new IllegalArgumentException("maxPayloadLength too small: " + maxPayloadLength);
        }
        if (maxMessagesPerPacket < 1 || maxMessagesPerPacket > MoldUdp64Packet.MAX_MESSAGE_COUNT)
        {
            throw new IllegalArgumentException("maxMessagesPerPacket out of range: " + maxMessagesPerPacket);
        }
        this.buffer = buffer;
        this.session = session;
        this.maxPayloadLength = maxPayloadLength;
        this.maxMessagesPerPacket = maxMessagesPerPacket;
    }

    /**
     * Build a packet of consecutive stored messages starting at {@code fromSequence}, as many as fit.
     *
     * @param store        holding the messages.
     * @param fromSequence first message, 1 to {@code store.lastSequence()}.
     * @param toSequence   last message that may be included (inclusive), at most {@code store.lastSequence()}.
     * @return the number of messages in the packet, at least 1.
     */
    public int buildMessages(final MoldUdp64MessageStore store, final long fromSequence, final long toSequence)
    {
        final int firstBlockOffset = store.blockOffset(fromSequence);
        int blocksLength = store.blockLength(fromSequence);
        int count = 1;
        long sequence = fromSequence + 1;
        while (sequence <= toSequence && count < maxMessagesPerPacket)
        {
            final int blockLength = store.blockLength(sequence);
            if (MoldUdp64Packet.HEADER_LENGTH + blocksLength + blockLength > maxPayloadLength)
            {
                break;
            }
            blocksLength += blockLength;
            count++;
            sequence++;
        }

        MoldUdp64Packet.putHeader(buffer, 0, session, fromSequence, count);
        buffer.putBytes(MoldUdp64Packet.HEADER_LENGTH, store.blocks(), firstBlockOffset, blocksLength);
        length = MoldUdp64Packet.HEADER_LENGTH + blocksLength;
        messageCount = count;

        return count;
    }

    /**
     * Build a heartbeat or end-of-session packet.
     *
     * @param nextSequence sequence number of the next message (heartbeat) or one past the last (end of session).
     * @param count        {@link MoldUdp64Packet#HEARTBEAT} or {@link MoldUdp64Packet#END_OF_SESSION}.
     */
    public void buildControl(final long nextSequence, final int count)
    {
        MoldUdp64Packet.putHeader(buffer, 0, session, nextSequence, count);
        length = MoldUdp64Packet.HEADER_LENGTH;
        messageCount = count;
    }

    /**
     * Length of the packet last built.
     *
     * @return the length in bytes.
     */
    public int length()
    {
        return length;
    }

    /**
     * Message count field of the packet last built.
     *
     * @return the count.
     */
    public int messageCount()
    {
        return messageCount;
    }
}
