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

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.MalformedReason;
import io.tickwire.feed.ingest.itch.ItchMessageType;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzz target for MoldUDP64 packet parsing: {@link MoldUdp64Packet#validate} (the live client's
 * check) and {@link MoldUdp64PayloadParser} (the capture reader's resumable parser) over an arbitrary UDP payload.
 * In {@code mvn verify} it replays the seed corpus under
 * {@code src/test/resources/io/tickwire/feed/ingest/moldudp64/MoldUdp64PacketFuzzTestInputs/}; docs/HARDENING.md
 * says how to fuzz it for real.
 * <p>
 * The payload sits at a non-zero offset in a buffer that ends where it ends, so a read before or after it throws.
 * Properties: nothing throws; both judge the same packets malformed (a short header is refused, a count or length
 * that overruns the payload is a truncation, bytes after the last message or after a heartbeat or end of session
 * are reported, a sequence number whose messages would overflow is refused), except that the capture reader takes
 * sequence number 0, which the client refuses; the parser delivers at most the counted messages, each a valid ITCH
 * message inside the payload with consecutive sequence numbers from the packet's; and a packet the client accepts
 * whose messages are all valid round-trips: rebuilt from its session, sequence and the delivered messages, it is
 * byte for byte the input.
 */
class MoldUdp64PacketFuzzTest
{
    private static final int PAD = 3;

    @FuzzTest(maxDuration = "60s")
    void parsePacket(final byte[] input)
    {
        final byte[] padded = new byte[PAD + input.length];
        System.arraycopy(input, 0, padded, PAD, input.length);
        final UnsafeBuffer buffer = new UnsafeBuffer(padded);
        final int length = input.length;

        final int validation = MoldUdp64Packet.validate(buffer, PAD, length);
        assertTrue(validation >= MoldUdp64Packet.TRAILING_BYTES && validation <= MoldUdp64Packet.END_OF_SESSION);
        assertFalse(MoldUdp64Packet.describe(validation).isEmpty());

        final List<MalformedReason> reports = new ArrayList<>();
        final MalformedInputListener listener = (reason, source, position, detail) -> reports.add(reason);
        final MoldUdp64PayloadParser parser = new MoldUdp64PayloadParser(listener, "fuzz");
        final boolean wrapped = parser.wrap(buffer, PAD, length, 42);
        // Unlike the live client, the capture reader lets sequence 0 through: published sample captures use it.
        final boolean sequenceZero =
            length >= MoldUdp64Packet.HEADER_LENGTH && 0 == MoldUdp64Packet.sequence(buffer, PAD);
        if (validation == MoldUdp64Packet.SHORT_HEADER || (validation == MoldUdp64Packet.BAD_SEQUENCE && !sequenceZero))
        {
            assertFalse(wrapped, MoldUdp64Packet.describe(validation));
            assertEquals(List.of(MalformedReason.BAD_MOLDUDP64_PACKET), reports);
            assertFalse(parser.hasMore());
            return;
        }
        assertTrue(wrapped);
        final long sequence = parser.packetSequence();
        assertEquals(MoldUdp64Packet.sequence(buffer, PAD), sequence);

        final int count = MoldUdp64Packet.messageCount(buffer, PAD);
        final int limit = 1 + length % 3;
        final List<byte[]> messages = new ArrayList<>();
        final long[] expectedSequence = {sequence};
        int deliveries = 0;
        while (parser.hasMore())
        {
            assertTrue(deliveries++ <= count, "parser never finishes");
            final int delivered = parser.deliver((messageSequence, messageBuffer, offset, messageLength) ->
            {
                assertTrue(messageSequence >= expectedSequence[0], "sequence went back");
                expectedSequence[0] = messageSequence + 1;
                assertTrue(offset >= PAD + MoldUdp64Packet.HEADER_LENGTH && offset + messageLength <= PAD + length);
                assertTrue(ItchMessageType.isValid(messageBuffer.getByte(offset), messageLength));
                final byte[] message = new byte[messageLength];
                messageBuffer.getBytes(offset, message);
                messages.add(message);
            }, limit);
            assertTrue(delivered <= limit);
        }
        assertTrue(messages.size() <= count);

        final boolean carriesMessages = count != MoldUdp64Packet.HEARTBEAT && count != MoldUdp64Packet.END_OF_SESSION;
        final int expected =
            sequenceZero ? MoldUdp64Packet.validate(withSequenceOne(padded), PAD, length) : validation;
        switch (expected)
        {
            case MoldUdp64Packet.COUNT_BEYOND_PAYLOAD:
            case MoldUdp64Packet.MESSAGE_OVERRUNS_PACKET:
                assertEquals(1, reports.stream().filter(MalformedReason.TRUNCATED_MESSAGE::equals).count());
                break;

            case MoldUdp64Packet.TRAILING_BYTES:
                assertEquals(1, reports.stream().filter(MalformedReason.BAD_MOLDUDP64_PACKET::equals).count(),
                    "bytes after the last message: " + reports);
                break;

            default:
                assertTrue(expected >= 0);
                assertEquals(count, expected);
                assertFalse(reports.contains(MalformedReason.TRUNCATED_MESSAGE));
                assertFalse(reports.contains(MalformedReason.BAD_MOLDUDP64_PACKET));
                if (carriesMessages)
                {
                    assertEquals(count, messages.size() + reports.size(), "each message delivered or reported");
                }
                else
                {
                    assertTrue(messages.isEmpty() && reports.isEmpty());
                }
                if (reports.isEmpty())
                {
                    assertArrayEquals(input, rebuild(buffer, sequence, count, messages), "round trip");
                }
                break;
        }
        assertEquals(reports.size(), parser.malformedCount());
    }

    private static UnsafeBuffer withSequenceOne(final byte[] padded)
    {
        final UnsafeBuffer copy = new UnsafeBuffer(padded.clone());
        copy.putLong(PAD + MoldUdp64Packet.SEQUENCE_OFFSET, 1, MoldUdp64Packet.BYTE_ORDER);
        return copy;
    }

    private static byte[] rebuild(
        final UnsafeBuffer packet, final long sequence, final int count, final List<byte[]> messages)
    {
        final UnsafeBuffer header = new UnsafeBuffer(new byte[MoldUdp64Packet.HEADER_LENGTH]);
        final UnsafeBuffer session = new UnsafeBuffer(new byte[MoldUdp64Packet.SESSION_LENGTH]);
        session.putBytes(0, packet, PAD + MoldUdp64Packet.SESSION_OFFSET, MoldUdp64Packet.SESSION_LENGTH);
        MoldUdp64Packet.putHeader(header, 0, session, sequence, count);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.byteArray());
        for (final byte[] message : messages)
        {
            out.write(message.length >>> 8);
            out.write(message.length);
            out.writeBytes(message);
        }
        return out.toByteArray();
    }
}
