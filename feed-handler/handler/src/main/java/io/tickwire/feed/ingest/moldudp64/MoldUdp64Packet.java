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
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Layout of MoldUDP64 downstream and request packets, and the checks a received packet must pass.
 * <p>
 * Downstream packet: session (10 ASCII bytes), sequence number of the first message (u64 big-endian), message
 * count (u16 big-endian), then {@code count} message blocks of a u16 big-endian length followed by the message.
 * A count of {@link #HEARTBEAT} carries no messages and the sequence number of the next message; a count of
 * {@link #END_OF_SESSION} says the session has ended, the sequence being one past its last message.
 * <p>
 * Request packet (client to request server): session (10), first sequence wanted (u64 BE), message count (u16 BE).
 */
public final class MoldUdp64Packet
{
    /** Byte order of every numeric field. */
    public static final ByteOrder BYTE_ORDER = ByteOrder.BIG_ENDIAN;

    /** Offset of the session name. */
    public static final int SESSION_OFFSET = 0;

    /** Length of the session name: ASCII, right-padded with spaces. */
    public static final int SESSION_LENGTH = 10;

    /** Offset of the sequence number of the first message (downstream) or first message wanted (request). */
    public static final int SEQUENCE_OFFSET = SESSION_OFFSET + SESSION_LENGTH;

    /** Offset of the message count. */
    public static final int MESSAGE_COUNT_OFFSET = SEQUENCE_OFFSET + 8;

    /** Length of the downstream packet header. */
    public static final int HEADER_LENGTH = MESSAGE_COUNT_OFFSET + 2;

    /** Length of a request packet, which is a header with no message blocks. */
    public static final int REQUEST_LENGTH = HEADER_LENGTH;

    /** Length of the length field that precedes every message in a packet. */
    public static final int MESSAGE_LENGTH_FIELD_LENGTH = 2;

    /** Largest message a block can frame. */
    public static final int MAX_MESSAGE_LENGTH = 0xFFFF;

    /** Message count of a heartbeat: no messages, sequence is the next one to come. */
    public static final int HEARTBEAT = 0;

    /** Message count of the end-of-session packet: sequence is one past the last message of the session. */
    public static final int END_OF_SESSION = 0xFFFF;

    /** Largest count a packet carrying messages may have (the one above it means end of session). */
    public static final int MAX_MESSAGE_COUNT = END_OF_SESSION - 1;

    /** Largest UDP payload over IPv4. */
    public static final int MAX_DATAGRAM_LENGTH = 65_507;

    /** Capacity a buffer needs to build any packet: a header and one block of the largest message. */
    public static final int MAX_BUILT_PACKET_LENGTH = HEADER_LENGTH + MESSAGE_LENGTH_FIELD_LENGTH + MAX_MESSAGE_LENGTH;

    /** Validation result: fewer than {@link #HEADER_LENGTH} bytes. */
    public static final int SHORT_HEADER = -1;

    /** Validation result: sequence number below 1, or so large the last message's number would overflow. */
    public static final int BAD_SEQUENCE = -2;

    /** Validation result: the count says more messages than the payload holds length fields for. */
    public static final int COUNT_BEYOND_PAYLOAD = -3;

    /** Validation result: a message length runs past the end of the packet. */
    public static final int MESSAGE_OVERRUNS_PACKET = -4;

    /** Validation result: bytes left over after the counted messages (or after a heartbeat/end of session). */
    public static final int TRAILING_BYTES = -5;

    private MoldUdp64Packet()
    {
    }

    /**
     * Check that a downstream packet is well formed: header present, sequence in range, every counted message
     * inside the packet and nothing after the last one.
     *
     * @param buffer holding the packet.
     * @param offset of the packet's first byte.
     * @param length of the packet.
     * @return the message count (which may be {@link #HEARTBEAT} or {@link #END_OF_SESSION}) when valid, else one
     * of the negative validation results, e.g. {@link #MESSAGE_OVERRUNS_PACKET}.
     */
    public static int validate(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < HEADER_LENGTH)
        {
            return SHORT_HEADER;
        }

        final long sequence = sequence(buffer, offset);
        final int count = messageCount(buffer, offset);
        if (sequence < 1 || (count != END_OF_SESSION && sequence > Long.MAX_VALUE - count))
        {
            return BAD_SEQUENCE;
        }

        if (count == HEARTBEAT || count == END_OF_SESSION)
        {
            return length == HEADER_LENGTH ? count : TRAILING_BYTES;
        }

        final int end = offset + length;
        int position = offset + HEADER_LENGTH;
        for (int i = 0; i < count; i++)
        {
            if (position + MESSAGE_LENGTH_FIELD_LENGTH > end)
            {
                return COUNT_BEYOND_PAYLOAD;
            }
            final int messageLength = buffer.getShort(position, BYTE_ORDER) & 0xFFFF;
            position += MESSAGE_LENGTH_FIELD_LENGTH + messageLength;
            if (position > end)
            {
                return MESSAGE_OVERRUNS_PACKET;
            }
        }

        return position == end ? count : TRAILING_BYTES;
    }

    /**
     * Human-readable text for a negative validation result, for error reports.
     *
     * @param result of {@link #validate(DirectBuffer, int, int)}.
     * @return the description.
     */
    public static String describe(final int result)
    {
        switch (result)
        {
            case SHORT_HEADER:
                return "packet shorter than the " + HEADER_LENGTH + "-byte header";
            case BAD_SEQUENCE:
                return "sequence number out of range";
            case COUNT_BEYOND_PAYLOAD:
                return "message count larger than the payload holds";
            case MESSAGE_OVERRUNS_PACKET:
                return "message length runs past the end of the packet";
            case TRAILING_BYTES:
                return "bytes after the last counted message";
            default:
                return result >= 0 ? "valid, " + result + " messages" : "unknown validation result " + result;
        }
    }

    /**
     * Sequence number field of a downstream or request packet.
     *
     * @param buffer holding the packet.
     * @param offset of the packet.
     * @return the sequence number (u64 read as a signed long; values above {@link Long#MAX_VALUE} are negative).
     */
    public static long sequence(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + SEQUENCE_OFFSET, BYTE_ORDER);
    }

    /**
     * Message count field of a downstream or request packet.
     *
     * @param buffer holding the packet.
     * @param offset of the packet.
     * @return the count, 0 to 65535.
     */
    public static int messageCount(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + MESSAGE_COUNT_OFFSET, BYTE_ORDER) & 0xFFFF;
    }

    /**
     * Do two packets (or a packet and a session buffer at offset 0) carry the same session?
     *
     * @param buffer        holding the packet.
     * @param offset        of the packet.
     * @param session       buffer of {@link #SESSION_LENGTH} bytes at index 0.
     * @return true when all ten bytes are equal.
     */
    public static boolean sessionEquals(final DirectBuffer buffer, final int offset, final DirectBuffer session)
    {
        return buffer.getLong(offset + SESSION_OFFSET) == session.getLong(0) &&
            buffer.getShort(offset + SESSION_OFFSET + 8) == session.getShort(8);
    }

    /**
     * Write a packet header.
     *
     * @param buffer   to write into.
     * @param offset   of the packet.
     * @param session  buffer of {@link #SESSION_LENGTH} bytes at index 0.
     * @param sequence of the first message, or the next sequence for control packets.
     * @param count    of messages, {@link #HEARTBEAT} or {@link #END_OF_SESSION}.
     */
    public static void putHeader(
        final MutableDirectBuffer buffer,
        final int offset,
        final DirectBuffer session,
        final long sequence,
        final int count)
    {
        buffer.putBytes(offset + SESSION_OFFSET, session, 0, SESSION_LENGTH);
        buffer.putLong(offset + SEQUENCE_OFFSET, sequence, BYTE_ORDER);
        buffer.putShort(offset + MESSAGE_COUNT_OFFSET, (short)count, BYTE_ORDER);
    }

    /**
     * A session name as the ten bytes carried on the wire: ASCII, right-padded with spaces.
     *
     * @param session name, 1 to 10 printable ASCII characters.
     * @return a new buffer of {@link #SESSION_LENGTH} bytes.
     * @throws IllegalArgumentException if the name is empty, too long or not printable ASCII.
     */
    public static UnsafeBuffer sessionBuffer(final String session)
    {
        if (session == null || session.isEmpty() || session.length() > SESSION_LENGTH)
        {
            throw new IllegalArgumentException("session must be 1 to " + SESSION_LENGTH + " characters: " + session);
        }
        final byte[] bytes = new byte[SESSION_LENGTH];
        for (int i = 0; i < SESSION_LENGTH; i++)
        {
            final char c = i < session.length() ? session.charAt(i) : ' ';
            if (c < 0x20 || c > 0x7E)
            {
                throw new IllegalArgumentException("session must be printable ASCII: " + session);
            }
            bytes[i] = (byte)c;
        }
        return new UnsafeBuffer(bytes);
    }

    /**
     * The session name in a packet, trailing spaces removed; allocates, so for reports only.
     *
     * @param buffer holding the packet.
     * @param offset of the packet.
     * @return the session name.
     */
    public static String sessionName(final DirectBuffer buffer, final int offset)
    {
        final byte[] bytes = new byte[SESSION_LENGTH];
        buffer.getBytes(offset + SESSION_OFFSET, bytes);
        return new String(bytes, StandardCharsets.US_ASCII).stripTrailing();
    }
}
