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

import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.MalformedReason;
import io.tickwire.feed.ingest.MessageHandler;
import io.tickwire.feed.ingest.arbitration.LineArbiter;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.NanoClock;

/**
 * What a live MDP 3.0 channel does with the packets it receives, apart from the sockets ({@link Mdp3LiveSource}
 * reads those; a test can hand packets in directly): incremental packets of lines A and B arbitrated by a
 * {@link LineArbiter}, packets ahead of a hole held in a {@link Mdp3PacketHold}, gaps both lines missed handed to
 * the {@link Mdp3Recovery} (every instrument becomes suspect), and the snapshot and definition loops, read on both
 * sides, delivered first come ({@link Mdp3LoopArbiter}); for market by order, the MBO snapshot loop (53) likewise,
 * its packets tagged {@link Mdp3LiveSource#SNAPSHOT} too (the normaliser tells 52 from 53 by template).
 * <p>
 * Sessions: the first packet decides a late join (not MsgSeqNum 1: the whole channel recovers from the snapshot
 * loop). A line whose MsgSeqNum starts again (back to 1, or back by more than the hold's reach) has begun a new
 * session: the first line to do so resets arbitration to MsgSeqNum 1 and the recovery hears of it
 * ({@link Mdp3Recovery#onSessionRestart()}); packets of the other line still in the old session are dropped and
 * counted until it starts again too.
 * <p>
 * Every unit is delivered whole to the {@link MessageHandler}; its sequence is the packet's MsgSeqNum, with
 * {@link Mdp3LiveSource#SNAPSHOT} or {@link Mdp3LiveSource#DEFINITIONS} set for the loops' packets. Nothing is
 * allocated per packet; single-threaded (the ingest agent's).
 */
public final class Mdp3ChannelInput
{
    private final String name;
    private final MalformedInputListener listener;
    private final Mdp3Recovery recovery;
    private final LineArbiter arbiter;
    private final Mdp3PacketHold hold;
    private final Mdp3LoopArbiter snapshots = new Mdp3LoopArbiter();
    private final Mdp3LoopArbiter definitions = new Mdp3LoopArbiter();
    private final Mdp3LoopArbiter orderBookSnapshots = new Mdp3LoopArbiter();
    private final long restartDistance;
    private final long[] lineLast = new long[LineArbiter.LINE_COUNT];
    private final long[] lineSession = new long[LineArbiter.LINE_COUNT];
    private long session;
    private boolean started;
    private long oldSessionPackets;

    /**
     * @param name        of the channel, for reports.
     * @param listener    told about datagrams too short for an MDP 3.0 packet header.
     * @param recovery    the channel's recovery state, shared with its normaliser.
     * @param gapWaitNs   how long a hole waits for the other line before it is declared missed on both.
     * @param holdPackets packets held ahead of a hole, a power of two.
     * @param clock       for the arbitration's wait.
     */
    public Mdp3ChannelInput(
        final String name,
        final MalformedInputListener listener,
        final Mdp3Recovery recovery,
        final long gapWaitNs,
        final int holdPackets,
        final NanoClock clock)
    {
        this.name = name;
        this.listener = listener;
        this.recovery = recovery;
        this.arbiter = new LineArbiter(1, gapWaitNs, clock, recovery::onPacketGap);
        this.hold = new Mdp3PacketHold(holdPackets);
        this.restartDistance = holdPackets;
    }

    /**
     * An incremental packet arrived on a line: deliver it, and the held packets it releases, in MsgSeqNum order.
     *
     * @param line    {@link LineArbiter#LINE_A} or {@link LineArbiter#LINE_B}.
     * @param buffer  holding the packet.
     * @param offset  of its header.
     * @param length  of the packet.
     * @param handler to receive the packets.
     * @param limit   most packets to deliver.
     * @return packets delivered.
     */
    public int onIncremental(
        final int line, final DirectBuffer buffer, final int offset, final int length, final MessageHandler handler,
        final int limit)
    {
        if (length < Mdp3PacketDecoder.PACKET_HEADER_LENGTH)
        {
            listener.onMalformed(MalformedReason.BAD_MDP3_PACKET, name, arbiter.nextExpected(),
                "line " + (LineArbiter.LINE_A == line ? "A" : "B") + ": datagram of " + length +
                " bytes is shorter than the MDP 3.0 packet header");
            return 0;
        }
        final long msgSeqNum = Mdp3PacketDecoder.msgSeqNum(buffer, offset);
        if (!started)
        {
            started = true;
            if (msgSeqNum != 1)
            {
                // Joined a channel in progress: its books are in the snapshot loop, not in what went before.
                arbiter.reset(msgSeqNum);
                recovery.recoverChannel();
            }
        }
        else if (!inSession(line, msgSeqNum))
        {
            return 0;
        }
        lineLast[line] = Math.max(lineLast[line], msgSeqNum);
        switch (arbiter.onPacket(line, msgSeqNum, 1))
        {
            case LineArbiter.PROCESS:
                handler.onMessage(msgSeqNum, buffer, offset, length);
                return 1 + drainHold(handler, limit - 1);

            case LineArbiter.AHEAD:
                hold.put(msgSeqNum, line, buffer, offset, length);
                return 0;

            default:
                return 0;
        }
    }

    private boolean inSession(final int line, final long msgSeqNum)
    {
        final long last = lineLast[line];
        if (msgSeqNum < last && (msgSeqNum == 1 || last - msgSeqNum > restartDistance))
        {
            lineLast[line] = 0;
            if (++lineSession[line] > session)
            {
                // The first line of a new session: what was held or awaited belongs to the old one.
                session = lineSession[line];
                hold.clear();
                arbiter.reset(1);
                recovery.onSessionRestart();
            }
        }
        if (lineSession[line] < session)
        {
            oldSessionPackets++;
            return false;
        }
        return true;
    }

    /**
     * Duty cycle: declare a hole missed on both lines once it has waited (the recovery hears of it) and deliver the
     * held packets behind it.
     *
     * @param handler to receive the packets.
     * @param limit   most packets to deliver.
     * @return packets delivered.
     */
    public int poll(final MessageHandler handler, final int limit)
    {
        int delivered = drainHold(handler, limit);
        if (arbiter.poll())
        {
            delivered += drainHold(handler, limit - delivered);
        }
        return delivered;
    }

    /**
     * Offer held packets from the lowest while the sequence has reached them.
     */
    private int drainHold(final MessageHandler handler, final int limit)
    {
        int delivered = 0;
        while (delivered < limit && Mdp3PacketHold.NONE != hold.lowest())
        {
            final long sequence = hold.lowest();
            final int result = arbiter.onHeldPacket(hold.lowestLine(), sequence, 1);
            if (LineArbiter.AHEAD == result)
            {
                break;
            }
            if (LineArbiter.PROCESS == result)
            {
                handler.onMessage(sequence, hold.buffer(), hold.lowestOffset(), hold.lowestLength());
                delivered++;
            }
            hold.removeLowest();
        }
        return delivered;
    }

    /**
     * A packet of the snapshot or definition loop arrived on one side: delivered unless the other side's copy was.
     *
     * @param tag     {@link Mdp3LiveSource#SNAPSHOT} or {@link Mdp3LiveSource#DEFINITIONS}.
     * @param side    0 for A, 1 for B.
     * @param buffer  holding the packet.
     * @param offset  of its header.
     * @param length  of the packet.
     * @param handler to receive it.
     * @return packets delivered, 0 or 1.
     */
    public int onLoopPacket(
        final long tag, final int side, final DirectBuffer buffer, final int offset, final int length,
        final MessageHandler handler)
    {
        final Mdp3LoopArbiter loop = Mdp3LiveSource.SNAPSHOT == tag ? snapshots : definitions;
        if (!loop.onPacket(side, buffer, offset, length))
        {
            return 0;
        }
        final long msgSeqNum = length >= Mdp3PacketDecoder.PACKET_HEADER_LENGTH ?
            Mdp3PacketDecoder.msgSeqNum(buffer, offset) : 0;
        handler.onMessage(tag | msgSeqNum, buffer, offset, length);
        return 1;
    }

    /**
     * A packet of the MBO snapshot loop (53) arrived on one side: delivered, tagged {@link Mdp3LiveSource#SNAPSHOT},
     * unless the other side's copy was. Its own window: the 52 and 53 loops number their packets independently.
     *
     * @param side    0 for A, 1 for B.
     * @param buffer  holding the packet.
     * @param offset  of its header.
     * @param length  of the packet.
     * @param handler to receive it.
     * @return packets delivered, 0 or 1.
     */
    public int onOrderBookLoopPacket(
        final int side, final DirectBuffer buffer, final int offset, final int length, final MessageHandler handler)
    {
        if (!orderBookSnapshots.onPacket(side, buffer, offset, length))
        {
            return 0;
        }
        final long msgSeqNum = length >= Mdp3PacketDecoder.PACKET_HEADER_LENGTH ?
            Mdp3PacketDecoder.msgSeqNum(buffer, offset) : 0;
        handler.onMessage(Mdp3LiveSource.SNAPSHOT | msgSeqNum, buffer, offset, length);
        return 1;
    }

    /**
     * @return the A/B arbiter of the incremental lines.
     */
    public LineArbiter arbiter()
    {
        return arbiter;
    }

    /**
     * @return packets that could not be held ahead of a hole.
     */
    public long holdFull()
    {
        return hold.full();
    }

    /**
     * @return packets of a line still in the old session after the other line had started a new one: dropped.
     */
    public long oldSessionPackets()
    {
        return oldSessionPackets;
    }

    /**
     * @return loop packets (snapshot, MBO snapshot and definitions) dropped as the other side's copy.
     */
    public long loopDuplicates()
    {
        return snapshots.duplicates() + definitions.duplicates() + orderBookSnapshots.duplicates();
    }

    /**
     * @param side 0 for A, 1 for B.
     * @return snapshot packets of that side delivered first.
     */
    public long snapshotsWon(final int side)
    {
        return snapshots.won(side);
    }
}
