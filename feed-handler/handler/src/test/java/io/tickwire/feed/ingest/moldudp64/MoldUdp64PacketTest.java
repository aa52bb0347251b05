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

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(10)
class MoldUdp64PacketTest
{
    private final UnsafeBuffer buffer =
        new UnsafeBuffer(ByteBuffer.allocateDirect(MoldUdp64Packet.MAX_BUILT_PACKET_LENGTH));
    private final UnsafeBuffer session = MoldUdp64Packet.sessionBuffer("S1");

    @Test
    void shouldPadSessionWithSpacesAndRejectBadNames()
    {
        assertEquals("S1        ", session.getStringWithoutLengthAscii(0, MoldUdp64Packet.SESSION_LENGTH));
        assertThrows(IllegalArgumentException.class, () -> MoldUdp64Packet.sessionBuffer("ELEVENCHARS"));
        assertThrows(IllegalArgumentException.class, () -> MoldUdp64Packet.sessionBuffer(""));
        assertThrows(IllegalArgumentException.class, () -> MoldUdp64Packet.sessionBuffer("tab\there"));
    }

    @Test
    void shouldAcceptWellFormedPacketsAndReadTheHeader()
    {
        final int length = writePacket(42, new int[]{3, 0, 5});
        assertEquals(3, MoldUdp64Packet.validate(buffer, 0, length));
        assertEquals(42, MoldUdp64Packet.sequence(buffer, 0));
        assertEquals(3, MoldUdp64Packet.messageCount(buffer, 0));
        assertEquals("S1", MoldUdp64Packet.sessionName(buffer, 0));

        MoldUdp64Packet.putHeader(buffer, 0, session, 7, MoldUdp64Packet.HEARTBEAT);
        assertEquals(MoldUdp64Packet.HEARTBEAT, MoldUdp64Packet.validate(buffer, 0, MoldUdp64Packet.HEADER_LENGTH));
        MoldUdp64Packet.putHeader(buffer, 0, session, 7, MoldUdp64Packet.END_OF_SESSION);
        assertEquals(
            MoldUdp64Packet.END_OF_SESSION, MoldUdp64Packet.validate(buffer, 0, MoldUdp64Packet.HEADER_LENGTH));
    }

    @Test
    void shouldRejectMalformedPacketsWithTheirReason()
    {
        assertEquals(MoldUdp64Packet.SHORT_HEADER, MoldUdp64Packet.validate(buffer, 0, 19));

        final int length = writePacket(1, new int[]{4, 4});
        buffer.putShort(MoldUdp64Packet.MESSAGE_COUNT_OFFSET, (short)3, MoldUdp64Packet.BYTE_ORDER);
        assertEquals(MoldUdp64Packet.COUNT_BEYOND_PAYLOAD, MoldUdp64Packet.validate(buffer, 0, length));

        writePacket(1, new int[]{4, 4});
        assertEquals(MoldUdp64Packet.MESSAGE_OVERRUNS_PACKET, MoldUdp64Packet.validate(buffer, 0, length - 1));
        assertEquals(MoldUdp64Packet.TRAILING_BYTES, MoldUdp64Packet.validate(buffer, 0, length + 1));

        MoldUdp64Packet.putHeader(buffer, 0, session, 0, 1);
        assertEquals(MoldUdp64Packet.BAD_SEQUENCE, MoldUdp64Packet.validate(buffer, 0, length));
        MoldUdp64Packet.putHeader(buffer, 0, session, Long.MAX_VALUE, 2);
        assertEquals(MoldUdp64Packet.BAD_SEQUENCE, MoldUdp64Packet.validate(buffer, 0, length));

        MoldUdp64Packet.putHeader(buffer, 0, session, 5, MoldUdp64Packet.HEARTBEAT);
        assertEquals(MoldUdp64Packet.TRAILING_BYTES, MoldUdp64Packet.validate(buffer, 0, length));
    }

    @Test
    void shouldPackStoredMessagesWithinPayloadAndCountLimits()
    {
        final MoldUdp64MessageStore store = new MoldUdp64MessageStore(64, 4);
        final UnsafeBuffer message = new UnsafeBuffer(new byte[100]);
        for (int i = 1; i <= 10; i++)
        {
            message.putByte(0, (byte)i);
            assertEquals(i, store.append(message, 0, 100));
        }

        final MoldUdp64DownstreamPacket bySize = new MoldUdp64DownstreamPacket(buffer, session, 20 + 3 * 102, 100);
        assertEquals(3, bySize.buildMessages(store, 2, 10));
        assertEquals(20 + 3 * 102, bySize.length());
        assertEquals(3, MoldUdp64Packet.validate(buffer, 0, bySize.length()));
        assertEquals(2, MoldUdp64Packet.sequence(buffer, 0));
        assertEquals(2, buffer.getByte(MoldUdp64Packet.HEADER_LENGTH + 2));
        assertEquals(4, buffer.getByte(MoldUdp64Packet.HEADER_LENGTH + 2 * 102 + 2));

        final MoldUdp64DownstreamPacket byCount = new MoldUdp64DownstreamPacket(buffer, session, 1400, 2);
        assertEquals(2, byCount.buildMessages(store, 9, 10));
        assertEquals(1, byCount.buildMessages(store, 10, 10));

        final MoldUdp64DownstreamPacket tiny = new MoldUdp64DownstreamPacket(buffer, session, 50, 100);
        assertEquals(1, tiny.buildMessages(store, 1, 10), "an oversized message still goes out, alone");
        assertEquals(122, tiny.length());
    }

    private int writePacket(final long sequence, final int[] messageLengths)
    {
        MoldUdp64Packet.putHeader(buffer, 0, session, sequence, messageLengths.length);
        int position = MoldUdp64Packet.HEADER_LENGTH;
        for (final int messageLength : messageLengths)
        {
            buffer.putShort(position, (short)messageLength, MoldUdp64Packet.BYTE_ORDER);
            position += MoldUdp64Packet.MESSAGE_LENGTH_FIELD_LENGTH + messageLength;
        }
        return position;
    }
}
