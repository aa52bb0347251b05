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
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client's socket-free roles on their own: the stash of packets ahead of a gap, and gap recovery without a
 * request server (the request paths need sockets and are covered by {@link MoldUdp64LoopbackTest}).
 */
@Timeout(10)
class MoldUdp64ClientRolesTest
{
    private static final int ONE_MESSAGE_ENTRY_LENGTH =
        MoldUdp64PacketStash.ENTRY_HEADER_LENGTH + MoldUdp64Packet.HEADER_LENGTH +
        MoldUdp64Packet.MESSAGE_LENGTH_FIELD_LENGTH + 10;
    private static final long TIMEOUT_NS = 100;

    private final UnsafeBuffer session = MoldUdp64Packet.sessionBuffer("S1");
    private final UnsafeBuffer packet = new UnsafeBuffer(new byte[MoldUdp64Packet.MAX_BUILT_PACKET_LENGTH]);
    private final List<String> events = new ArrayList<>();
    private final MoldUdp64ClientCounters counters = new MoldUdp64ClientCounters(
        "test", (reason, source, position, detail) -> events.add(reason + " " + position))
    {
    };
    private final CachedNanoClock clock = new CachedNanoClock();

    @Test
    void shouldHandOutStashedPacketsInOrderOnceReachedAndDropWhatWasDelivered()
    {
        final MoldUdp64PacketStash stash = new MoldUdp64PacketStash(4096, counters);
        assertTrue(stash.isEmpty());
        stash.add(packet, writePacket(5, 2));
        stash.add(packet, writePacket(7, 1));
        stash.add(packet, writePacket(8, 1));
        assertEquals(3, counters.packetsStashed());

        assertEquals(-1, stash.takeReachable(4));
        assertEquals(5, stash.headSequence());
        assertEquals(5, sequenceAt(stash, stash.takeReachable(5)));
        assertEquals(7, stash.headSequence());
        assertEquals(7, sequenceAt(stash, stash.takeReachable(7)));

        assertEquals(-1, stash.takeReachable(9), "packet 8 was delivered another way");
        assertEquals(1, counters.duplicatePackets());
        assertTrue(stash.isEmpty());
    }

    @Test
    void shouldCompactToMakeRoomAndCountWhatStillDoesNotFit()
    {
        final MoldUdp64PacketStash stash = new MoldUdp64PacketStash(2 * ONE_MESSAGE_ENTRY_LENGTH + 8, counters);
        stash.add(packet, writePacket(10, 1));
        stash.add(packet, writePacket(11, 1));
        assertEquals(10, sequenceAt(stash, stash.takeReachable(10)));

        stash.add(packet, writePacket(12, 1));
        assertEquals(3, counters.packetsStashed());
        stash.add(packet, writePacket(13, 1));
        assertEquals(1, counters.stashOverflows());

        assertEquals(11, sequenceAt(stash, stash.takeReachable(11)));
        assertEquals(12, sequenceAt(stash, stash.takeReachable(12)));
        assertTrue(stash.isEmpty());
    }

    @Test
    void shouldGiveUpAndSkipAGapWithoutRequestServerAfterTheTimeout()
    {
        final MoldUdp64GapRecovery recovery = new MoldUdp64GapRecovery(context(true), null, session, counters);
        assertFalse(recovery.isGapOpen());
        assertEquals(Long.MIN_VALUE, recovery.recoveringUpTo());

        assertEquals(5, recovery.onHole(5, 9));
        assertTrue(recovery.isGapOpen());
        assertEquals(9, recovery.recoveringUpTo());
        clock.advance(TIMEOUT_NS - 1);
        assertEquals(5, recovery.onHole(5, 12));
        assertEquals(12, recovery.recoveringUpTo(), "widened by what arrived since");

        clock.advance(1);
        assertEquals(13, recovery.onHole(5, 12));
        assertFalse(recovery.isGapOpen());
        assertEquals(1, counters.gapsDetected());
        assertEquals(1, counters.unrecoverableGaps());
        assertEquals(8, counters.messagesSkipped());
        assertEquals(0, counters.requestsSent());
        assertEquals(List.of("gap 5 10", "unrecoverable 5 12 true"), events);
    }

    @Test
    void shouldCloseAGapAsRecoveredOnlyOnceTheSequenceHasPassedIt()
    {
        final MoldUdp64GapRecovery recovery = new MoldUdp64GapRecovery(context(false), null, session, counters);
        assertEquals(3, recovery.onHole(3, 4));
        clock.advance(TIMEOUT_NS);
        assertEquals(3, recovery.onHole(3, 4), "not skipped");
        assertTrue(recovery.isGapOpen());
        clock.advance(TIMEOUT_NS);
        assertEquals(3, recovery.onHole(3, 4), "still waiting, and already reported");
        assertEquals(1, counters.unrecoverableGaps(), "one gap, reported once however often it is polled");

        recovery.closeIfRecovered(4);
        assertTrue(recovery.isGapOpen());
        recovery.closeIfRecovered(5);
        assertFalse(recovery.isGapOpen());
        assertEquals(1, counters.gapsRecovered());
        assertEquals(List.of("gap 3 5", "unrecoverable 3 4 false", "recovered 3 4"), events);
    }

    private MoldUdp64ClientContext context(final boolean skipUnrecoverableGaps)
    {
        return new MoldUdp64ClientContext()
            .endpoint(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .clock(clock)
            .requestTimeoutNs(TIMEOUT_NS)
            .skipUnrecoverableGaps(skipUnrecoverableGaps)
            .statusListener(new MoldUdp64StatusListener()
            {
                public void onGap(final long expected, final long received)
                {
                    events.add("gap " + expected + " " + received);
                }

                public void onRecovered(final long fromSequence, final long toSequence)
                {
                    events.add("recovered " + fromSequence + " " + toSequence);
                }

                public void onUnrecoverableGap(final long fromSequence, final long toSequence, final boolean skipped)
                {
                    events.add("unrecoverable " + fromSequence + " " + toSequence + " " + skipped);
                }
            })
            .conclude();
    }

    private int writePacket(final long sequence, final int count)
    {
        MoldUdp64Packet.putHeader(packet, 0, session, sequence, count);
        int position = MoldUdp64Packet.HEADER_LENGTH;
        for (int i = 0; i < count; i++)
        {
            packet.putShort(position, (short)10, MoldUdp64Packet.BYTE_ORDER);
            position += MoldUdp64Packet.MESSAGE_LENGTH_FIELD_LENGTH + 10;
        }
        return position;
    }

    private static long sequenceAt(final MoldUdp64PacketStash stash, final int packetOffset)
    {
        final DirectBuffer buffer = stash.buffer();
        return MoldUdp64Packet.sequence(buffer, packetOffset);
    }
}
