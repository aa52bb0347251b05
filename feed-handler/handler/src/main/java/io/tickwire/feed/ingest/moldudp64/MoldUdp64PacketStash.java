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

import io.tickwire.feed.ingest.arbitration.LineArbiter;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * Bounded FIFO of whole packets that arrived ahead of a gap, kept in one pre-allocated direct buffer so they need
 * not be requested again once the gap is filled. Each entry is a header (the packet's length and the line it came
 * on) followed by the packet as received, and entries come out in the order they went in. With A/B arbitration,
 * every entry taken out is offered to the {@link LineArbiter} again, so it counts the packet as won or duplicate
 * for its line.
 */
final class MoldUdp64PacketStash
{
    /** Bytes in front of each stashed packet: its length and line. */
    static final int ENTRY_HEADER_LENGTH = 4;

    /** Line of a packet that came on no line: an answer to a request, which arbitration does not count. */
    static final int NO_LINE = LineArbiter.LINE_COUNT;

    private static final int LINE_SHIFT = 24;
    private static final int LENGTH_MASK = (1 << LINE_SHIFT) - 1;

    private final UnsafeBuffer buffer;
    private final MoldUdp64ClientCounters counters;
    private final LineArbiter arbiter;
    private int read;
    private int write;

    /**
     * @param capacity in bytes; must hold {@link #ENTRY_HEADER_LENGTH} plus the largest datagram.
     * @param counters to count stashed, overflowing and duplicate packets.
     */
    MoldUdp64PacketStash(final int capacity, final MoldUdp64ClientCounters counters)
    {
        this(capacity, counters, null);
    }

    /**
     * @param capacity in bytes; must hold {@link #ENTRY_HEADER_LENGTH} plus the largest datagram.
     * @param counters to count stashed, overflowing and duplicate packets.
     * @param arbiter  to offer packets taken out to again, or null without a B line.
     */
    MoldUdp64PacketStash(final int capacity, final MoldUdp64ClientCounters counters, final LineArbiter arbiter)
    {
        buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(capacity));
        this.counters = counters;
        this.arbiter = arbiter;
    }

    /**
     * Keep a copy of a packet, compacting first if that makes room.
     *
     * @param packet holding the packet at offset 0.
     * @param length of the packet.
     */
    void add(final DirectBuffer packet, final int length)
    {
        add(packet, length, LineArbiter.LINE_A);
    }

    /**
     * Keep a copy of a packet, compacting first if that makes room.
     *
     * @param packet holding the packet at offset 0.
     * @param length of the packet.
     * @param line   it arrived on, {@link LineArbiter#LINE_A} or {@link LineArbiter#LINE_B}, or {@link #NO_LINE}.
     */
    void add(final DirectBuffer packet, final int length, final int line)
    {
        final int entryLength = ENTRY_HEADER_LENGTH + length;
        if (write + entryLength > buffer.capacity() && read > 0)
        {
            final int live = write - read;
            buffer.putBytes(0, buffer, read, live);
            read = 0;
            write = live;
        }
        if (write + entryLength > buffer.capacity())
        {
            // Not lost: highestKnown covers it, so it is requested once the sequence gets here.
            counters.stashOverflows.incrementRelease();
            return;
        }
        buffer.putInt(write, length | (line << LINE_SHIFT));
        buffer.putBytes(write + ENTRY_HEADER_LENGTH, packet, 0, length);
        write += entryLength;
        counters.packetsStashed.incrementRelease();
    }

    /**
     * Take the first stashed packet if the sequence has reached it, dropping stashed packets already delivered.
     * The packet stays readable in {@link #buffer()} until the next {@link #add} or {@link #clear()}.
     *
     * @param nextExpected next sequence number to deliver.
     * @return offset in {@link #buffer()} of the packet taken, or -1 if the head is still ahead of the sequence
     * or the stash is empty.
     */
    int takeReachable(final long nextExpected)
    {
        while (read < write)
        {
            final int header = buffer.getInt(read);
            final int length = header & LENGTH_MASK;
            final int packetOffset = read + ENTRY_HEADER_LENGTH;
            final long sequence = MoldUdp64Packet.sequence(buffer, packetOffset);
            final int count = MoldUdp64Packet.messageCount(buffer, packetOffset);
            if (sequence > nextExpected)
            {
                return -1;
            }

            read = packetOffset + length;
            final int line = header >>> LINE_SHIFT;
            if (null != arbiter && line != NO_LINE)
            {
                arbiter.onHeldPacket(line, sequence, count);
            }
            if (sequence + count - 1 < nextExpected)
            {
                counters.duplicatePackets.incrementRelease();
            }
            else
            {
                return packetOffset;
            }
        }
        read = 0;
        write = 0;
        return -1;
    }

    /**
     * @return whether no packet is stashed.
     */
    boolean isEmpty()
    {
        return read >= write;
    }

    /**
     * @return sequence number of the first message of the first stashed packet; only when not empty.
     */
    long headSequence()
    {
        return MoldUdp64Packet.sequence(buffer, read + ENTRY_HEADER_LENGTH);
    }

    /**
     * Forget every stashed packet.
     */
    void clear()
    {
        read = 0;
        write = 0;
    }

    /**
     * @return the buffer the packets are kept in.
     */
    DirectBuffer buffer()
    {
        return buffer;
    }
}
