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

import io.tickwire.counters.CounterAllocator;
import io.tickwire.counters.CounterSet;
import io.tickwire.feed.FeedCounterTypes;
import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.MalformedReason;
import io.tickwire.feed.ingest.MessageHandler;
import io.tickwire.feed.ingest.MessageSource;
import io.tickwire.feed.ingest.arbitration.LineArbiter;
import io.tickwire.feed.ingest.arbitration.LineArbiterListener;
import org.agrona.CloseHelper;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;

/**
 * A live CME MDP 3.0 channel: incremental feed A and B, the snapshot (market recovery) loop and the instrument
 * definition loop, all read in the ingest agent's duty cycle (non-blocking sockets, no thread of its own).
 * <p>
 * Incremental packets of both lines go through a {@link LineArbiter}: the first copy of each MsgSeqNum is delivered,
 * the other dropped; a packet ahead of a hole is held ({@link Mdp3PacketHold}) until the other line fills the hole
 * or the hole is declared missed on both lines after the configured wait. What both lines missed is then left to
 * the {@link Mdp3Recovery} the normaliser runs on RptSeq: this source joins the snapshot loop while anything is
 * recovering and leaves it when nothing is. The first packet decides a late join: a channel whose first packet is
 * not MsgSeqNum 1 recovers as a whole from the snapshot loop.
 * <p>
 * Every unit is delivered whole to the {@link MessageHandler}; its sequence is the packet's MsgSeqNum, with
 * {@link #SNAPSHOT} or {@link #DEFINITIONS} set in the top bits for the packets of those loops, so that the
 * normaliser knows which channel a packet came from. Counters (component {@code tickwire-mdp3}, the source's name):
 * per line won, duplicates and missed; gaps on both lines and their packets; packets that could not be held;
 * snapshot joins. Nothing is allocated per packet.
 */
public final class Mdp3LiveSource implements MessageSource
{
    /** Unit tag: a packet of the snapshot (market recovery) loop. */
    public static final long SNAPSHOT = 1L << 62;
    /** Unit tag: a packet of the instrument definition loop. */
    public static final long DEFINITIONS = 1L << 61;
    /** Both unit tags. */
    public static final long UNIT_KINDS = SNAPSHOT | DEFINITIONS;

    private static final int MAX_DATAGRAM = 65_535;
    private static final int COUNTERS = 16;

    private final String name;
    private final MalformedInputListener listener;
    private final Mdp3ChannelConfig config;
    private final NetworkInterface nic;
    private final Mdp3SequenceTracker tracker = new Mdp3SequenceTracker();
    private final Mdp3Recovery recovery;
    private final LineArbiter arbiter;
    private final Mdp3PacketHold hold;
    private final DatagramChannel lineA;
    private final DatagramChannel lineB;
    private final DatagramChannel snapshot;
    private final DatagramChannel definitions;
    private final ByteBuffer receiveByteBuffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    private final UnsafeBuffer receiveBuffer = new UnsafeBuffer(receiveByteBuffer);

    private final CounterSet counterSet;
    private final AtomicCounter wonA;
    private final AtomicCounter duplicatesA;
    private final AtomicCounter missedA;
    private final AtomicCounter wonB;
    private final AtomicCounter duplicatesB;
    private final AtomicCounter missedB;
    private final AtomicCounter gapsOnBoth;
    private final AtomicCounter missedOnBoth;
    private final AtomicCounter holdFull;
    private final AtomicCounter snapshotJoins;

    private MembershipKey snapshotMembership;
    private int preferredLine;
    private int line;
    private boolean started;
    private long joins;

    /**
     * Open the sockets and join the incremental and definition groups (the snapshot loop is joined when needed).
     *
     * @param name     of the source, for reports and counters.
     * @param config   the channel.
     * @param clock    for the arbitration's wait.
     * @param listener told about packets too short for an MDP 3.0 header.
     * @param counters where to allocate the counters, or null for memory of their own.
     * @throws UncheckedIOException if a socket cannot be opened.
     */
    public Mdp3LiveSource(
        final String name,
        final Mdp3ChannelConfig config,
        final NanoClock clock,
        final MalformedInputListener listener,
        final CounterAllocator counters)
    {
        this.name = name;
        this.config = config.conclude();
        this.listener = listener;
        this.nic = config.resolveInterface();
        this.recovery = new Mdp3Recovery(tracker, config.recoveryEntries());
        this.arbiter = new LineArbiter(1, config.gapWaitNs(), clock, LineArbiterListener.NO_OP);
        this.hold = new Mdp3PacketHold(config.holdPackets());

        DatagramChannel a = null;
        DatagramChannel b = null;
        DatagramChannel s = null;
        DatagramChannel d = null;
        try
        {
            a = open(config.lineA(), true);
            b = open(config.lineB(), true);
            s = open(config.snapshot(), false);
            d = null == config.definitions() ? null : open(config.definitions(), true);
        }
        catch (final IOException ex)
        {
            CloseHelper.quietCloseAll(a, b, s, d);
            throw new UncheckedIOException("cannot open " + config.describe() + " on " + nic.getName(), ex);
        }
        lineA = a;
        lineB = b;
        snapshot = s;
        definitions = d;

        counterSet = CounterSet.of(counters, Mdp3NormaliserCounters.COMPONENT, name, COUNTERS);
        wonA = counterSet.add(FeedCounterTypes.MDP3_LINE_A_WON, "line-a-won");
        duplicatesA = counterSet.add(FeedCounterTypes.MDP3_LINE_A_DUPLICATES, "line-a-duplicates");
        missedA = counterSet.add(FeedCounterTypes.MDP3_LINE_A_MISSED, "line-a-missed");
        wonB = counterSet.add(FeedCounterTypes.MDP3_LINE_B_WON, "line-b-won");
        duplicatesB = counterSet.add(FeedCounterTypes.MDP3_LINE_B_DUPLICATES, "line-b-duplicates");
        missedB = counterSet.add(FeedCounterTypes.MDP3_LINE_B_MISSED, "line-b-missed");
        gapsOnBoth = counterSet.add(FeedCounterTypes.MDP3_GAPS_ON_BOTH, "gaps-on-both");
        missedOnBoth = counterSet.add(FeedCounterTypes.MDP3_PACKETS_MISSED_ON_BOTH, "packets-missed-on-both");
        holdFull = counterSet.add(FeedCounterTypes.MDP3_HOLD_FULL, "hold-full");
        snapshotJoins = counterSet.add(FeedCounterTypes.MDP3_SNAPSHOT_JOINS, "snapshot-joins");
    }

    private DatagramChannel open(final InetSocketAddress address, final boolean join) throws IOException
    {
        final DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        try
        {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, config.socketRcvbuf());
            // Bound to the group itself, not the wildcard: lines A and B may share a port on different groups, and
            // Linux hands a wildcard-bound socket the datagrams of every group joined on the host.
            channel.bind(address);
            if (join && address.getAddress().isMulticastAddress())
            {
                channel.join(address.getAddress(), nic);
            }
            channel.configureBlocking(false);
            return channel;
        }
        catch (final IOException ex)
        {
            CloseHelper.quietClose(channel);
            throw ex;
        }
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return name;
    }

    /**
     * The RptSeq tracker its normaliser is to use with {@link #recovery()}.
     *
     * @return the tracker.
     */
    public Mdp3SequenceTracker tracker()
    {
        return tracker;
    }

    /**
     * The channel's recovery state, run by its normaliser, read here to join and leave the snapshot loop.
     *
     * @return the recovery.
     */
    public Mdp3Recovery recovery()
    {
        return recovery;
    }

    /**
     * The A/B arbiter, for its counters (also in the source's counters).
     *
     * @return the arbiter.
     */
    public LineArbiter arbiter()
    {
        return arbiter;
    }

    /**
     * Deliver up to {@code limit} packets: incremental ones in MsgSeqNum order (held ones first once reached), then,
     * while anything recovers, snapshot packets, then definition packets.
     *
     * @param handler to receive the packets.
     * @param limit   maximum number of packets to deliver in this call.
     * @return packets delivered.
     * @throws UncheckedIOException on a socket error.
     */
    public int poll(final MessageHandler handler, final int limit)
    {
        try
        {
            int delivered = drainHold(handler, limit);
            while (delivered < limit && receiveIncremental())
            {
                delivered += onIncremental(handler, limit - delivered);
            }
            if (arbiter.poll())
            {
                delivered += drainHold(handler, limit - delivered);
            }
            delivered += pollSnapshot(handler, limit - delivered);
            if (null != definitions)
            {
                delivered += pollLoop(definitions, DEFINITIONS, handler, limit - delivered);
            }
            updateCounters();
            return delivered;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("MDP 3.0 receive failed on " + name, ex);
        }
    }

    private boolean receiveIncremental() throws IOException
    {
        receiveByteBuffer.clear();
        final int first = preferredLine;
        // Read the lines in turn, so a busy line cannot keep the other's copies (which may fill holes) waiting.
        final int second = LineArbiter.LINE_B - first;
        if (null != channel(first).receive(receiveByteBuffer))
        {
            line = first;
        }
        else if (null != channel(second).receive(receiveByteBuffer))
        {
            line = second;
        }
        else
        {
            return false;
        }
        preferredLine = LineArbiter.LINE_B - line;
        return true;
    }

    private DatagramChannel channel(final int lineIndex)
    {
        return LineArbiter.LINE_A == lineIndex ? lineA : lineB;
    }

    private int onIncremental(final MessageHandler handler, final int limit)
    {
        final int length = receiveByteBuffer.position();
        if (length < Mdp3PacketDecoder.PACKET_HEADER_LENGTH)
        {
            listener.onMalformed(MalformedReason.BAD_MDP3_PACKET, name, arbiter.nextExpected(),
                "line " + (LineArbiter.LINE_A == line ? "A" : "B") + ": datagram of " + length +
                " bytes is shorter than the MDP 3.0 packet header");
            return 0;
        }
        final long msgSeqNum = Mdp3PacketDecoder.msgSeqNum(receiveBuffer, 0);
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
        switch (arbiter.onPacket(line, msgSeqNum, 1))
        {
            case LineArbiter.PROCESS:
                handler.onMessage(msgSeqNum, receiveBuffer, 0, length);
                return 1 + drainHold(handler, limit - 1);

            case LineArbiter.AHEAD:
                hold.put(msgSeqNum, line, receiveBuffer, 0, length);
                return 0;

            default:
                return 0;
        }
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

    private int pollSnapshot(final MessageHandler handler, final int limit) throws IOException
    {
        final boolean needed = recovery.isActive();
        final boolean multicast = config.snapshot().getAddress().isMulticastAddress();
        if (needed && multicast && null == snapshotMembership)
        {
            snapshotMembership = snapshot.join(config.snapshot().getAddress(), nic);
            joins++;
        }
        else if (!needed && null != snapshotMembership)
        {
            // Nothing recovers: leave the loop, as CME asks, rather than read a feed nobody needs.
            snapshotMembership.drop();
            snapshotMembership = null;
        }
        if (needed)
        {
            return pollLoop(snapshot, SNAPSHOT, handler, limit);
        }
        if (!multicast)
        {
            // A unicast loop cannot be left: what arrives while nothing recovers is read and dropped.
            receiveByteBuffer.clear();
            snapshot.receive(receiveByteBuffer);
        }
        return 0;
    }

    private int pollLoop(final DatagramChannel channel, final long tag, final MessageHandler handler, final int limit)
        throws IOException
    {
        int delivered = 0;
        while (delivered < limit)
        {
            receiveByteBuffer.clear();
            if (null == channel.receive(receiveByteBuffer))
            {
                break;
            }
            final int length = receiveByteBuffer.position();
            final long msgSeqNum = length >= Mdp3PacketDecoder.PACKET_HEADER_LENGTH ?
                Mdp3PacketDecoder.msgSeqNum(receiveBuffer, 0) : 0;
            handler.onMessage(tag | msgSeqNum, receiveBuffer, 0, length);
            delivered++;
        }
        return delivered;
    }

    private void updateCounters()
    {
        wonA.setRelease(arbiter.packetsWon(LineArbiter.LINE_A));
        duplicatesA.setRelease(arbiter.duplicatePackets(LineArbiter.LINE_A));
        missedA.setRelease(arbiter.missedMessages(LineArbiter.LINE_A));
        wonB.setRelease(arbiter.packetsWon(LineArbiter.LINE_B));
        duplicatesB.setRelease(arbiter.duplicatePackets(LineArbiter.LINE_B));
        missedB.setRelease(arbiter.missedMessages(LineArbiter.LINE_B));
        gapsOnBoth.setRelease(arbiter.gapsOnBoth());
        missedOnBoth.setRelease(arbiter.messagesMissedOnBoth());
        holdFull.setRelease(hold.full());
        snapshotJoins.setRelease(joins);
    }

    /**
     * A live channel never ends by itself.
     *
     * @return false.
     */
    public boolean isExhausted()
    {
        return false;
    }

    /**
     * @return times the snapshot loop was joined.
     */
    public long snapshotJoins()
    {
        return joins;
    }

    /**
     * Close the sockets and free the counters.
     */
    public void close()
    {
        CloseHelper.quietCloseAll(lineA, lineB, snapshot, definitions);
        counterSet.close();
    }
}
