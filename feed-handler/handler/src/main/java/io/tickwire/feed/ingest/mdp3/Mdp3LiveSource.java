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
import io.tickwire.feed.ingest.MessageHandler;
import io.tickwire.feed.ingest.MessageSource;
import io.tickwire.feed.ingest.arbitration.LineArbiter;
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
 * definition loop, each loop on side A and optionally side B, all read in the ingest agent's duty cycle
 * (non-blocking sockets, no thread of its own). What is done with the packets is {@link Mdp3ChannelInput}'s:
 * A/B arbitration, packets held ahead of a hole, gaps both lines missed handed to the {@link Mdp3Recovery} the
 * normaliser runs, loop packets first come from either side. This source joins the snapshot loop (both sides) while
 * anything is recovering or suspect and leaves it when nothing is. For market by order
 * ({@link Mdp3ChannelConfig#mbo()}) it reads the MBO snapshot loop (53) the same way, joined while an order book waits
 * for it (a late join, a gap lost on both lines: {@link Mdp3Recovery#isOrderBookActive()}), its packets tagged
 * {@link #SNAPSHOT} too.
 * <p>
 * Every unit is delivered whole to the {@link MessageHandler}; its sequence is the packet's MsgSeqNum, with
 * {@link #SNAPSHOT} or {@link #DEFINITIONS} set in the top bits for the packets of those loops, so that the
 * normaliser knows which channel a packet came from. Counters (component {@code tickwire-mdp3}, the source's name):
 * per line won, duplicates and missed; gaps on both lines and their packets; packets that could not be held;
 * snapshot joins; and recovery's suspects, inferred resets, session restarts, refused-message recoveries and loop
 * duplicates. Nothing is allocated per packet.
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
    private static final int COUNTERS = 24;

    private final String name;
    private final Mdp3ChannelConfig config;
    private final NetworkInterface nic;
    private final Mdp3SequenceTracker tracker = new Mdp3SequenceTracker();
    private final Mdp3Recovery recovery;
    private final Mdp3ChannelInput input;
    private final LineArbiter arbiter;
    private final DatagramChannel lineA;
    private final DatagramChannel lineB;
    private final DatagramChannel[] snapshots;
    private final InetSocketAddress[] snapshotAddresses;
    private final MembershipKey[] snapshotMemberships;
    private final DatagramChannel[] definitions;
    private final DatagramChannel[] orderBookSnapshots;
    private final InetSocketAddress[] orderBookSnapshotAddresses;
    private final MembershipKey[] orderBookMemberships;
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
    private final AtomicCounter suspectGaps;
    private final AtomicCounter suspectsCleared;
    private final AtomicCounter suspectsConfirmed;
    private final AtomicCounter suspect;
    private final AtomicCounter resetsInferred;
    private final AtomicCounter sessionRestarts;
    private final AtomicCounter oldSessionPackets;
    private final AtomicCounter refusedRecoveries;
    private final AtomicCounter loopDuplicates;
    private final AtomicCounter snapshotBWon;
    private final AtomicCounter orderBookJoinsCounter;

    private int preferredLine;
    private int line;
    private long joins;
    private long orderBookJoins;

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
        this.nic = config.resolveInterface();
        this.recovery = new Mdp3Recovery(tracker, config.recoveryEntries());
        this.input = new Mdp3ChannelInput(name, listener, recovery, config.gapWaitNs(), config.holdPackets(), clock);
        this.arbiter = input.arbiter();
        snapshotAddresses = null == config.snapshotB() ?
            new InetSocketAddress[]{ config.snapshot() } :
            new InetSocketAddress[]{ config.snapshot(), config.snapshotB() };
        final InetSocketAddress[] definitionAddresses = null == config.definitions() ? new InetSocketAddress[0] :
            null == config.definitionsB() ? new InetSocketAddress[]{ config.definitions() } :
            new InetSocketAddress[]{ config.definitions(), config.definitionsB() };
        snapshots = new DatagramChannel[snapshotAddresses.length];
        snapshotMemberships = new MembershipKey[snapshotAddresses.length];
        definitions = new DatagramChannel[definitionAddresses.length];
        orderBookSnapshotAddresses = !config.mbo() ? new InetSocketAddress[0] :
            null == config.snapshotMboB() ? new InetSocketAddress[]{ config.snapshotMbo() } :
            new InetSocketAddress[]{ config.snapshotMbo(), config.snapshotMboB() };
        orderBookSnapshots = new DatagramChannel[orderBookSnapshotAddresses.length];
        orderBookMemberships = new MembershipKey[orderBookSnapshotAddresses.length];

        DatagramChannel a = null;
        DatagramChannel b = null;
        try
        {
            a = open(config.lineA(), true);
            b = open(config.lineB(), true);
            for (int i = 0; i < snapshots.length; i++)
            {
                snapshots[i] = open(snapshotAddresses[i], false);
            }
            for (int i = 0; i < definitions.length; i++)
            {
                definitions[i] = open(definitionAddresses[i], true);
            }
            for (int i = 0; i < orderBookSnapshots.length; i++)
            {
                orderBookSnapshots[i] = open(orderBookSnapshotAddresses[i], false);
            }
        }
        catch (final IOException ex)
        {
            CloseHelper.quietCloseAll(a, b);
            CloseHelper.quietCloseAll(snapshots);
            CloseHelper.quietCloseAll(definitions);
            CloseHelper.quietCloseAll(orderBookSnapshots);
            throw new UncheckedIOException("cannot open " + config.describe() + " on " + nic.getName(), ex);
        }
        lineA = a;
        lineB = b;

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
        suspectGaps = counterSet.add(FeedCounterTypes.MDP3_SUSPECT_GAPS, "suspect-gaps");
        suspectsCleared = counterSet.add(FeedCounterTypes.MDP3_SUSPECTS_CLEARED, "suspects-cleared");
        suspectsConfirmed = counterSet.add(FeedCounterTypes.MDP3_SUSPECTS_CONFIRMED, "suspects-confirmed");
        suspect = counterSet.add(FeedCounterTypes.MDP3_SUSPECT, "suspect");
        resetsInferred = counterSet.add(FeedCounterTypes.MDP3_RESETS_INFERRED, "resets-inferred");
        sessionRestarts = counterSet.add(FeedCounterTypes.MDP3_SESSION_RESTARTS, "session-restarts");
        oldSessionPackets = counterSet.add(FeedCounterTypes.MDP3_OLD_SESSION_PACKETS, "old-session-packets");
        refusedRecoveries = counterSet.add(FeedCounterTypes.MDP3_REFUSED_RECOVERIES, "refused-recoveries");
        loopDuplicates = counterSet.add(FeedCounterTypes.MDP3_LOOP_DUPLICATES, "loop-duplicates");
        snapshotBWon = counterSet.add(FeedCounterTypes.MDP3_SNAPSHOT_B_WON, "snapshot-b-won");
        orderBookJoinsCounter = counterSet.add(FeedCounterTypes.MDP3_MBO_SNAPSHOT_JOINS, "mbo-snapshot-joins");
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
     * The packet logic, for its counters.
     *
     * @return the channel input.
     */
    public Mdp3ChannelInput input()
    {
        return input;
    }

    /**
     * Deliver up to {@code limit} packets: incremental ones in MsgSeqNum order (held ones first once reached), then,
     * while anything recovers or is suspect, snapshot packets, then definition packets.
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
            int delivered = input.poll(handler, limit);
            while (delivered < limit && receiveIncremental())
            {
                delivered += input.onIncremental(
                    line, receiveBuffer, 0, receiveByteBuffer.position(), handler, limit - delivered);
            }
            delivered += input.poll(handler, limit - delivered);
            delivered += pollSnapshots(handler, limit - delivered);
            delivered += pollOrderBookSnapshots(handler, limit - delivered);
            for (int side = 0; side < definitions.length; side++)
            {
                delivered += pollLoop(definitions[side], DEFINITIONS, side, handler, limit - delivered);
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

    private int pollSnapshots(final MessageHandler handler, final int limit) throws IOException
    {
        final boolean needed = recovery.isActive();
        int delivered = 0;
        for (int side = 0; side < snapshots.length; side++)
        {
            final InetSocketAddress address = snapshotAddresses[side];
            final boolean multicast = address.getAddress().isMulticastAddress();
            if (needed && multicast && null == snapshotMemberships[side])
            {
                snapshotMemberships[side] = snapshots[side].join(address.getAddress(), nic);
                if (0 == side)
                {
                    joins++;
                }
            }
            else if (!needed && null != snapshotMemberships[side])
            {
                // Nothing recovers: leave the loop, as CME asks, rather than read a feed nobody needs.
                snapshotMemberships[side].drop();
                snapshotMemberships[side] = null;
            }
            if (needed)
            {
                delivered += pollLoop(snapshots[side], SNAPSHOT, side, handler, limit - delivered);
            }
            else if (!multicast)
            {
                // A unicast loop cannot be left: what arrives while nothing recovers is read and dropped.
                receiveByteBuffer.clear();
                snapshots[side].receive(receiveByteBuffer);
            }
        }
        return delivered;
    }

    private int pollOrderBookSnapshots(final MessageHandler handler, final int limit) throws IOException
    {
        final boolean needed = recovery.isOrderBookActive();
        int delivered = 0;
        for (int side = 0; side < orderBookSnapshots.length; side++)
        {
            final InetSocketAddress address = orderBookSnapshotAddresses[side];
            final boolean multicast = address.getAddress().isMulticastAddress();
            if (needed && multicast && null == orderBookMemberships[side])
            {
                orderBookMemberships[side] = orderBookSnapshots[side].join(address.getAddress(), nic);
                if (0 == side)
                {
                    orderBookJoins++;
                }
            }
            else if (!needed && null != orderBookMemberships[side])
            {
                // Every order book is restated: leave the MBO loop, as CME asks.
                orderBookMemberships[side].drop();
                orderBookMemberships[side] = null;
            }
            final DatagramChannel channel = orderBookSnapshots[side];
            while (needed && delivered < limit)
            {
                receiveByteBuffer.clear();
                if (null == channel.receive(receiveByteBuffer))
                {
                    break;
                }
                delivered += input.onOrderBookLoopPacket(
                    side, receiveBuffer, 0, receiveByteBuffer.position(), handler);
            }
            if (!needed && !multicast)
            {
                // A unicast loop cannot be left: what arrives while no order book waits is read and dropped.
                receiveByteBuffer.clear();
                channel.receive(receiveByteBuffer);
            }
        }
        return delivered;
    }

    private int pollLoop(
        final DatagramChannel channel, final long tag, final int side, final MessageHandler handler, final int limit)
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
            delivered += input.onLoopPacket(tag, side, receiveBuffer, 0, receiveByteBuffer.position(), handler);
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
        holdFull.setRelease(input.holdFull());
        snapshotJoins.setRelease(joins);
        final Mdp3RecoveryCounts counts = recovery.counts();
        suspectGaps.setRelease(counts.suspectGaps());
        suspectsCleared.setRelease(counts.suspectsCleared());
        suspectsConfirmed.setRelease(counts.suspectsConfirmed());
        suspect.setRelease(recovery.suspectCount());
        resetsInferred.setRelease(counts.resetsInferred());
        sessionRestarts.setRelease(counts.sessionRestarts());
        oldSessionPackets.setRelease(input.oldSessionPackets());
        refusedRecoveries.setRelease(counts.refusedRecoveries());
        loopDuplicates.setRelease(input.loopDuplicates());
        snapshotBWon.setRelease(input.snapshotsWon(1));
        orderBookJoinsCounter.setRelease(orderBookJoins);
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
     * @return times the MBO snapshot loop (53) was joined.
     */
    public long orderBookSnapshotJoins()
    {
        return orderBookJoins;
    }

    /**
     * Close the sockets and free the counters.
     */
    public void close()
    {
        CloseHelper.quietCloseAll(lineA, lineB);
        CloseHelper.quietCloseAll(snapshots);
        CloseHelper.quietCloseAll(definitions);
        CloseHelper.quietCloseAll(orderBookSnapshots);
        counterSet.close();
    }
}
