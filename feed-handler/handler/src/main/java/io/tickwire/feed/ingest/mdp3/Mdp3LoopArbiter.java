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

import java.util.Arrays;

/**
 * First come, first delivered, for the packets of one of a channel's loops (snapshot or instrument definitions)
 * read on both sides, A and B. CME sends each loop packet on both sides with the same header; the copy that arrives
 * second is a duplicate. A loop starts again at MsgSeqNum 1 every pass, so MsgSeqNum alone cannot order it: a packet
 * is known by its MsgSeqNum and SendingTime together, and the copy of one of the last {@link #WINDOW} packets
 * delivered is dropped. The sides of a loop lag each other by far fewer packets than that.
 * <p>
 * A fixed window scanned per packet: the loops are read only while they are needed, and they are not the tick
 * path. Nothing is allocated after construction; single-threaded (the ingest agent's).
 */
final class Mdp3LoopArbiter
{
    /** Packets remembered per loop. */
    static final int WINDOW = 64;

    private final long[] msgSeqNums = new long[WINDOW];
    private final long[] sendingTimes = new long[WINDOW];
    private final long[] won = new long[2];
    private long delivered;
    private long duplicates;

    Mdp3LoopArbiter()
    {
        Arrays.fill(msgSeqNums, -1);
    }

    /**
     * A packet of the loop arrived on one side.
     *
     * @param side   0 for A, 1 for B.
     * @param buffer holding the packet.
     * @param offset of its header.
     * @param length of the packet.
     * @return true to deliver it, false for the other side's copy of a packet delivered already.
     */
    boolean onPacket(final int side, final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < Mdp3PacketDecoder.PACKET_HEADER_LENGTH)
        {
            // Not a packet: delivered, so that the normaliser reports it.
            return true;
        }
        final long msgSeqNum = Mdp3PacketDecoder.msgSeqNum(buffer, offset);
        final long sendingTime = Mdp3PacketDecoder.sendingTime(buffer, offset);
        for (int i = 0; i < WINDOW; i++)
        {
            if (msgSeqNums[i] == msgSeqNum && sendingTimes[i] == sendingTime)
            {
                duplicates++;
                return false;
            }
        }
        final int slot = (int)(delivered++ % WINDOW);
        msgSeqNums[slot] = msgSeqNum;
        sendingTimes[slot] = sendingTime;
        won[side]++;
        return true;
    }

    /**
     * @return copies dropped because the other side's had been delivered.
     */
    long duplicates()
    {
        return duplicates;
    }

    /**
     * @param side 0 for A, 1 for B.
     * @return packets of that side delivered.
     */
    long won(final int side)
    {
        return won[side];
    }
}
