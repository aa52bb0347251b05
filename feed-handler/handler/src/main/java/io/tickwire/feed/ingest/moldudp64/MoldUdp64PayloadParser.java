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

import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.MalformedReason;
import io.tickwire.feed.ingest.MessageHandler;
import io.tickwire.feed.ingest.itch.ItchMessageType;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Splits one MoldUDP64 downstream packet (a UDP payload) into its ITCH messages, resumably, so a caller can
 * deliver at most a given number of messages per poll.
 * <p>
 * Layout: session (10 ASCII bytes), sequence number of the first message (u64 BE), message count (u16 BE; 0 is a
 * heartbeat, 0xFFFF the end of the session), then count times a u16 BE length and the message. The sequence of the
 * i-th message (from 0) is the packet's sequence plus i.
 * <p>
 * The packet must stay in the buffer, unmoved, from {@link #wrap} until {@link #hasMore()} is false.
 */
public final class MoldUdp64PayloadParser
{
    /** Offset of the session field. */
    public static final int SESSION_OFFSET = 0;
    /** Length of the session field. */
    public static final int SESSION_LENGTH = 10;
    /** Offset of the sequence number of the first message. */
    public static final int SEQUENCE_OFFSET = 10;
    /** Offset of the message count. */
    public static final int COUNT_OFFSET = 18;
    /** Length of the downstream packet header. */
    public static final int HEADER_LENGTH = 20;
    /** Message count of a packet that ends the session. */
    public static final int END_OF_SESSION = 0xFFFF;
    /** Length of the length prefix of each message block. */
    public static final int MESSAGE_LENGTH_PREFIX = 2;

    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    private final MalformedInputListener listener;
    private final String sourceName;
    private DirectBuffer buffer;
    private int cursor;
    private int end;
    private int remaining;
    private int index;
    private int count;
    private long packetSequence;
    private long packetPosition;
    private long malformedCount;
    private long heartbeatCount;
    private long endOfSessionCount;
    private long packetCount;

    /**
     * A parser reporting to the given listener.
     *
     * @param listener   to be told about malformed packets and messages.
     * @param sourceName for error reports.
     */
    public MoldUdp64PayloadParser(final MalformedInputListener listener, final String sourceName)
    {
        this.listener = listener;
        this.sourceName = sourceName;
    }

    /**
     * Start on a new packet.
     *
     * @param buffer   holding the UDP payload.
     * @param offset   of the payload.
     * @param length   of the payload.
     * @param position of the packet in its source (e.g. file offset of the pcap record), for error reports.
     * @return true when the header is well formed and its messages' sequence numbers do not wrap (the packet may
     * still hold no messages).
     */
    public boolean wrap(final DirectBuffer buffer, final int offset, final int length, final long position)
    {
        this.buffer = buffer;
        this.packetPosition = position;
        this.remaining = 0;
        this.index = 0;
        if (length < HEADER_LENGTH)
        {
            report(MalformedReason.BAD_MOLDUDP64_PACKET, position,
                "UDP payload of " + length + " bytes is shorter than the MoldUDP64 header");
            return false;
        }

        final long sequence = buffer.getLong(offset + SEQUENCE_OFFSET, BE);
        final int messageCount = buffer.getShort(offset + COUNT_OFFSET, BE) & 0xFFFF;
        if (sequence < 0 || (messageCount != END_OF_SESSION && sequence > Long.MAX_VALUE - messageCount))
        {
            // The messages' numbers would wrap to negative ones, and the capture's gap arithmetic with them. Sequence
            // 0 is let through, unlike on the live client: published sample captures number their packets from 0.
            report(MalformedReason.BAD_MOLDUDP64_PACKET, position, "sequence number " +
                Long.toUnsignedString(sequence) + " out of range for a count of " + messageCount);
            return false;
        }

        packetCount++;
        packetSequence = sequence;
        count = messageCount;
        cursor = offset + HEADER_LENGTH;
        end = offset + length;
        if (count == 0)
        {
            heartbeatCount++;
        }
        else if (count == END_OF_SESSION)
        {
            endOfSessionCount++;
        }
        else
        {
            remaining = count;
        }
        if (remaining == 0 && length > HEADER_LENGTH)
        {
            // A control packet has nothing after its header; the sequence it carries is still good.
            report(MalformedReason.BAD_MOLDUDP64_PACKET, position, (length - HEADER_LENGTH) + " byte(s) after a " +
                (count == 0 ? "heartbeat" : "end of session") + " (sequence " + sequence + ")");
        }

        return true;
    }

    /**
     * Are there messages of the current packet not yet delivered?
     *
     * @return true while messages remain.
     */
    public boolean hasMore()
    {
        return remaining > 0;
    }

    /**
     * Sequence number of the current packet.
     *
     * @return the sequence number of its first message.
     */
    public long packetSequence()
    {
        return packetSequence;
    }

    /**
     * Deliver up to {@code limit} messages of the current packet.
     *
     * @param handler to receive valid messages.
     * @param limit   maximum number of messages delivered.
     * @return messages delivered.
     */
    public int deliver(final MessageHandler handler, final int limit)
    {
        int delivered = 0;
        while (remaining > 0 && delivered < limit)
        {
            final long sequence = packetSequence + index;
            if (cursor + MESSAGE_LENGTH_PREFIX > end)
            {
                truncated(sequence, "message " + (index + 1) + " of " + count + " missing from packet");
                break;
            }
            final int length = buffer.getShort(cursor, BE) & 0xFFFF;
            final int messageOffset = cursor + MESSAGE_LENGTH_PREFIX;
            if (messageOffset + length > end)
            {
                truncated(sequence, "message " + (index + 1) + " of " + count + " has length " + length +
                    ", only " + (end - messageOffset) + " bytes left in packet");
                break;
            }

            final byte type = length > 0 ? buffer.getByte(messageOffset) : 0;
            if (length > 0 && ItchMessageType.isValid(type, length))
            {
                handler.onMessage(sequence, buffer, messageOffset, length);
                delivered++;
            }
            else
            {
                report(ItchMessageType.check(type, length), packetPosition,
                    ItchMessageType.describe(type, length) + " (sequence " + sequence + ")");
            }
            cursor = messageOffset + length;
            index++;
            remaining--;
        }

        if (remaining == 0 && cursor < end && count != 0 && count != END_OF_SESSION)
        {
            report(MalformedReason.BAD_MOLDUDP64_PACKET, packetPosition,
                (end - cursor) + " byte(s) after the last of " + count + " messages (sequence " +
                packetSequence + ")");
            cursor = end;
        }

        return delivered;
    }

    /**
     * Packets with a well-formed header seen so far.
     *
     * @return count of packets.
     */
    public long packetCount()
    {
        return packetCount;
    }

    /**
     * Heartbeat packets (count 0) seen so far.
     *
     * @return count of heartbeats.
     */
    public long heartbeatCount()
    {
        return heartbeatCount;
    }

    /**
     * End-of-session packets (count 0xFFFF) seen so far.
     *
     * @return count of end-of-session packets.
     */
    public long endOfSessionCount()
    {
        return endOfSessionCount;
    }

    /**
     * Malformed packets and messages reported by this parser.
     *
     * @return count of reports.
     */
    public long malformedCount()
    {
        return malformedCount;
    }

    private void truncated(final long sequence, final String detail)
    {
        report(MalformedReason.TRUNCATED_MESSAGE, packetPosition, detail + " (sequence " + sequence + ")");
        remaining = 0;
        cursor = end;
    }

    private void report(final MalformedReason reason, final long position, final String detail)
    {
        malformedCount++;
        listener.onMalformed(reason, sourceName, position, detail);
    }
}
