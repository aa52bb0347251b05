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
package io.tickwire.feed.ingest.mdp3;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Incremental packets of a live MDP 3.0 channel that arrived ahead of a hole, held until the arbitration's sequence
 * reaches them (the other line fills the hole) or the hole is declared missed on both lines. A fixed number of
 * slots indexed by MsgSeqNum, each long enough for a packet of a standard Ethernet frame; a packet that does not
 * fit (too far ahead of the lowest held, or too long) is not held, counted, and falls into a declared gap unless a
 * line delivers it again. Single-threaded; nothing is allocated after construction.
 */
final class Mdp3PacketHold
{
    /** Longest packet a slot holds: the UDP payload of a 1,500-byte IPv4 frame. */
    static final int SLOT_LENGTH = 1472;
    /** No packet held. */
    static final long NONE = Long.MAX_VALUE;

    private final int mask;
    private final long[] sequences;
    private final int[] lengths;
    private final byte[] lines;
    private final UnsafeBuffer slots;
    private int count;
    private long lowest = NONE;
    private long highest = -1;
    private long full;

    /**
     * @param capacity packets held at most, a power of two.
     */
    Mdp3PacketHold(final int capacity)
    {
        if (capacity < 2 || Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("packet hold capacity must be a power of two >= 2: " + capacity);
        }
        mask = capacity - 1;
        sequences = new long[capacity];
        java.util.Arrays.fill(sequences, -1);
        lengths = new int[capacity];
        lines = new byte[capacity];
        slots = new UnsafeBuffer(new byte[capacity * SLOT_LENGTH]);
    }

    /**
     * Hold a packet.
     *
     * @param sequence its MsgSeqNum.
     * @param line     the line it came on.
     * @param buffer   holding it.
     * @param offset   where it starts.
     * @param length   its length.
     * @return false when it could not be held (counted).
     */
    boolean put(final long sequence, final int line, final DirectBuffer buffer, final int offset, final int length)
    {
        final int slot = (int)(sequence & mask);
        if (sequences[slot] == sequence)
        {
            return true;
        }
        if (sequences[slot] >= 0 || length > SLOT_LENGTH || (count > 0 && sequence - lowest > mask))
        {
            full++;
            return false;
        }
        sequences[slot] = sequence;
        lengths[slot] = length;
        lines[slot] = (byte)line;
        slots.putBytes(slot * SLOT_LENGTH, buffer, offset, length);
        count++;
        lowest = Math.min(lowest, sequence);
        highest = Math.max(highest, sequence);
        return true;
    }

    /**
     * @return MsgSeqNum of the lowest packet held, or {@link #NONE}.
     */
    long lowest()
    {
        return lowest;
    }

    /**
     * @return the line the lowest packet came on.
     */
    int lowestLine()
    {
        return lines[(int)(lowest & mask)];
    }

    /**
     * @return offset of the lowest packet in {@link #buffer()}.
     */
    int lowestOffset()
    {
        return (int)(lowest & mask) * SLOT_LENGTH;
    }

    /**
     * @return length of the lowest packet.
     */
    int lowestLength()
    {
        return lengths[(int)(lowest & mask)];
    }

    /**
     * @return the slots' buffer.
     */
    DirectBuffer buffer()
    {
        return slots;
    }

    /**
     * Let go of the lowest packet held.
     */
    void removeLowest()
    {
        sequences[(int)(lowest & mask)] = -1;
        count--;
        if (0 == count)
        {
            lowest = NONE;
            highest = -1;
            return;
        }
        long next = lowest + 1;
        while (sequences[(int)(next & mask)] != next)
        {
            next++;
        }
        lowest = next;
    }

    /**
     * Let go of everything (a new session).
     */
    void clear()
    {
        while (count > 0)
        {
            removeLowest();
        }
    }

    /**
     * @return packets that could not be held.
     */
    long full()
    {
        return full;
    }
}
