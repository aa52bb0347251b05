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
package io.tickwire.feed.ingest.mdp3.sim;

import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * Serves a simulated channel live over UDP as CME does: every incremental packet to line A and to line B (the same
 * bytes), each line losing packets independently with its own configured probability, and a snapshot packet of the
 * {@link Mdp3SnapshotLoop} to the snapshot address after every so many incremental packets, and for a market-by-order
 * simulator, if asked ({@link #orderBookLoop}), a packet of its MBO snapshot loop (53) to that loop's own address(es)
 * with each snapshot packet. One packet per
 * {@link #sendNext()} call, so the caller chooses the pace; losses are drawn from their own seed, so a run is
 * repeatable. Nothing is allocated per packet.
 */
public final class Mdp3ChannelServer
{
    private static final int DELAYED_SNAPSHOTS = 64;

    private final Mdp3Simulator simulator;
    private final Mdp3SnapshotLoop snapshots;
    private final DatagramChannel channel;
    private final InetSocketAddress lineA;
    private final InetSocketAddress lineB;
    private final InetSocketAddress snapshotAddress;
    private final InetSocketAddress definitionsAddress;
    private InetSocketAddress snapshotB;
    private InetSocketAddress definitionsB;
    private Mdp3SnapshotLoop orderBookSnapshots;
    private InetSocketAddress orderBookA;
    private InetSocketAddress orderBookB;
    private long orderBookSnapshotsSent;
    private long lossA;
    private long lossB;
    private final int snapshotEvery;
    private final UnsafeBuffer packet = new UnsafeBuffer(new byte[Mdp3Simulator.MAX_PACKET]);
    private final ByteBuffer datagram = ByteBuffer.wrap(packet.byteArray());
    private long lossState;
    private boolean lineBCovers;

    private long incrementals;
    private long sentA;
    private long sentB;
    private long droppedA;
    private long droppedB;
    private long droppedBoth;
    private long snapshotsSent;
    private long definitionsSent;
    private int nextDefinition;
    private int snapshotLag;
    private final UnsafeBuffer[] delayed = new UnsafeBuffer[DELAYED_SNAPSHOTS];
    private final int[] delayedLengths = new int[DELAYED_SNAPSHOTS];
    private final long[] delayedDue = new long[DELAYED_SNAPSHOTS];
    private long delayedHead;
    private long delayedTail;

    /**
     * A server of a simulated channel.
     *
     * @param simulator       the channel's incremental packets.
     * @param channel         UDP channel to send from (multicast TTL and interface set by the caller).
     * @param lineA           destination of line A.
     * @param lineB           destination of line B.
     * @param snapshotAddress destination of the snapshot loop.
     * @param lossA           probability of dropping a packet on line A, 0 to 1.
     * @param lossB           probability of dropping a packet on line B, 0 to 1.
     * @param lossSeed        seed of the drops.
     * @param snapshotEvery   incremental packets between two snapshot packets, at least 1.
     */
    public Mdp3ChannelServer(
        final Mdp3Simulator simulator, final DatagramChannel channel, final InetSocketAddress lineA,
        final InetSocketAddress lineB, final InetSocketAddress snapshotAddress, final double lossA,
        final double lossB, final long lossSeed, final int snapshotEvery)
    {
        this(simulator, channel, lineA, lineB, snapshotAddress, null, lossA, lossB, lossSeed, snapshotEvery);
    }

    /**
     * A server of a simulated channel with its instrument definition loop.
     *
     * @param simulator          the channel's incremental packets.
     * @param channel            UDP channel to send from (multicast TTL and interface set by the caller).
     * @param lineA              destination of line A.
     * @param lineB              destination of line B.
     * @param snapshotAddress    destination of the snapshot loop.
     * @param definitionsAddress destination of the definition loop (a packet with each snapshot packet), or null.
     * @param lossA              probability of dropping a packet on line A, 0 to 1.
     * @param lossB              probability of dropping a packet on line B, 0 to 1.
     * @param lossSeed           seed of the drops.
     * @param snapshotEvery      incremental packets between two snapshot packets, at least 1.
     */
    public Mdp3ChannelServer(
        final Mdp3Simulator simulator, final DatagramChannel channel, final InetSocketAddress lineA,
        final InetSocketAddress lineB, final InetSocketAddress snapshotAddress,
        final InetSocketAddress definitionsAddress, final double lossA, final double lossB, final long lossSeed,
        final int snapshotEvery)
    {
        if (snapshotEvery < 1)
        {
            throw new IllegalArgumentException("snapshotEvery must be >= 1: " + snapshotEvery);
        }
        this.simulator = simulator;
        this.snapshots = new Mdp3SnapshotLoop(simulator);
        this.channel = channel;
        this.lineA = lineA;
        this.lineB = lineB;
        this.snapshotAddress = snapshotAddress;
        this.definitionsAddress = definitionsAddress;
        loss(lossA, lossB);
        this.lossState = lossSeed;
        this.snapshotEvery = snapshotEvery;
    }

    /**
     * Send the next incremental packet on both lines (less what each line loses), and a snapshot packet when due.
     *
     * @return datagrams sent.
     * @throws IOException if the channel cannot send.
     */
    public int sendNext() throws IOException
    {
        final int length = simulator.next(packet, 0);
        incrementals++;
        int sent = 0;
        final boolean dropA = nextBits() < lossA;
        final boolean dropB = nextBits() < lossB && !(dropA && lineBCovers);
        if (dropA)
        {
            droppedA++;
        }
        else
        {
            sent += send(length, lineA);
            sentA++;
        }
        if (dropB)
        {
            droppedB++;
        }
        else
        {
            sent += send(length, lineB);
            sentB++;
        }
        if (dropA && dropB)
        {
            droppedBoth++;
        }
        if (incrementals % snapshotEvery == 0)
        {
            sent += snapshot();
            if (null != orderBookSnapshots)
            {
                // Not delayed: a contract's chunks are all as of its first one, so the later chunks lag anyway.
                sent += sendLoop(orderBookSnapshots.next(packet, 0), orderBookA, orderBookB);
                orderBookSnapshotsSent++;
            }
            if (null != definitionsAddress)
            {
                sent += sendLoop(simulator.definitionPacket(packet, 0, nextDefinition), definitionsAddress,
                    definitionsB);
                nextDefinition = (nextDefinition + 1) % simulator.instrumentCount();
                definitionsSent++;
            }
        }
        return sent;
    }

    private int snapshot() throws IOException
    {
        int sent = 0;
        if (0 == snapshotLag)
        {
            sent += sendLoop(snapshots.next(packet, 0), snapshotAddress, snapshotB);
            snapshotsSent++;
        }
        else
        {
            final int slot = (int)(delayedTail++ % DELAYED_SNAPSHOTS);
            delayedLengths[slot] = snapshots.next(delayed[slot], 0);
            delayedDue[slot] = incrementals + snapshotLag;
        }
        while (delayedHead < delayedTail && delayedDue[(int)(delayedHead % DELAYED_SNAPSHOTS)] <= incrementals)
        {
            final int slot = (int)(delayedHead++ % DELAYED_SNAPSHOTS);
            packet.putBytes(0, delayed[slot], 0, delayedLengths[slot]);
            sent += sendLoop(delayedLengths[slot], snapshotAddress, snapshotB);
            snapshotsSent++;
        }
        return sent;
    }

    /**
     * Send each snapshot packet so many incremental packets after the moment it shows, as a real loop lags the
     * incremental feed: the books it restates are older than the live flow, so what came since must be replayed.
     *
     * @param packets incremental packets of lag, 0 for none, less than 64 snapshot intervals.
     */
    public void snapshotLag(final int packets)
    {
        if (packets < 0 || packets / snapshotEvery >= DELAYED_SNAPSHOTS - 1)
        {
            throw new IllegalArgumentException("snapshot lag must be 0.." +
                ((DELAYED_SNAPSHOTS - 1) * snapshotEvery - 1) + ": " + packets);
        }
        for (int i = 0; i < DELAYED_SNAPSHOTS && packets > 0; i++)
        {
            if (null == delayed[i])
            {
                delayed[i] = new UnsafeBuffer(new byte[Mdp3Simulator.MAX_PACKET]);
            }
        }
        this.snapshotLag = packets;
    }

    /**
     * Change the loss of each line from the next packet on.
     *
     * @param lossA probability of dropping a packet on line A, 0 to 1.
     * @param lossB probability of dropping a packet on line B, 0 to 1.
     */
    public void loss(final double lossA, final double lossB)
    {
        if (!(lossA >= 0 && lossA <= 1 && lossB >= 0 && lossB <= 1))
        {
            throw new IllegalArgumentException("loss must be 0..1: " + lossA + ", " + lossB);
        }
        // Probabilities as thresholds on 31 random bits: no floating point per packet.
        this.lossA = (long)(lossA * (1L << 31));
        this.lossB = (long)(lossB * (1L << 31));
    }

    /**
     * Definition loop packets sent.
     *
     * @return the count.
     */
    public long definitionsSent()
    {
        return definitionsSent;
    }

    /**
     * Incremental packets made.
     *
     * @return the count.
     */
    public long incrementals()
    {
        return incrementals;
    }

    /**
     * Packets sent on line A.
     *
     * @return the count.
     */
    public long sentA()
    {
        return sentA;
    }

    /**
     * Packets sent on line B.
     *
     * @return the count.
     */
    public long sentB()
    {
        return sentB;
    }

    /**
     * Packets line A lost.
     *
     * @return the count.
     */
    public long droppedA()
    {
        return droppedA;
    }

    /**
     * Packets line B lost.
     *
     * @return the count.
     */
    public long droppedB()
    {
        return droppedB;
    }

    /**
     * Packets both lines lost: gaps only the snapshot loop can fill.
     *
     * @return the count.
     */
    public long droppedBoth()
    {
        return droppedBoth;
    }

    /**
     * Snapshot packets sent.
     *
     * @return the count.
     */
    public long snapshotsSent()
    {
        return snapshotsSent;
    }

    /**
     * Serve the snapshot and definition loops on side B too, as CME does: the same packets as side A.
     *
     * @param snapshot    the snapshot loop's side B, or null.
     * @param definitions the definition loop's side B, or null.
     */
    public void loopsB(final InetSocketAddress snapshot, final InetSocketAddress definitions)
    {
        this.snapshotB = snapshot;
        this.definitionsB = definitions;
    }

    /**
     * Serve the MBO snapshot loop (SnapshotFullRefreshOrderBook 53) too, as CME does on a channel pair of its own:
     * one packet with each snapshot packet.
     *
     * @param a side A of the loop.
     * @param b side B of the loop, or null.
     * @throws IllegalStateException if the simulator makes no orders.
     */
    public void orderBookLoop(final InetSocketAddress a, final InetSocketAddress b)
    {
        if (!simulator.isMarketByOrder())
        {
            throw new IllegalStateException("an MBO snapshot loop needs a market-by-order simulator");
        }
        this.orderBookSnapshots = new Mdp3SnapshotLoop(simulator, true);
        this.orderBookA = a;
        this.orderBookB = b;
    }

    /**
     * MBO snapshot loop packets sent.
     *
     * @return the count.
     */
    public long orderBookSnapshotsSent()
    {
        return orderBookSnapshotsSent;
    }

    /**
     * Whether line B sends the packets line A loses even when its own draw says lose: each line still loses at its
     * rate on its own, but no packet is lost on both (every packet can be won on one line).
     *
     * @param covers true for losses never on both lines.
     */
    public void lineBCoversA(final boolean covers)
    {
        this.lineBCovers = covers;
    }

    private int sendLoop(final int length, final InetSocketAddress a, final InetSocketAddress b) throws IOException
    {
        return send(length, a) + (null == b ? 0 : send(length, b));
    }

    private int send(final int length, final InetSocketAddress destination) throws IOException
    {
        datagram.clear().limit(length);
        channel.send(datagram, destination);
        return 1;
    }

    private long nextBits()
    {
        long z = (lossState += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 33;
    }
}
