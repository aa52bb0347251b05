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

import io.tickwire.feed.ingest.MalformedInputCounter;
import io.tickwire.feed.ingest.mdp3.Mdp3Listener;
import io.tickwire.feed.ingest.mdp3.Mdp3PacketDecoder;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class Mdp3ChannelServerTest
{
    private static final int PACKETS = 3_000;

    @Test
    void shouldServeBothLinesWithTheirOwnLossAndASnapshotLoop() throws IOException
    {
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        try (DatagramChannel sender = DatagramChannel.open();
            DatagramChannel lineA = DatagramChannel.open().bind(new InetSocketAddress(loopback, 0));
            DatagramChannel lineB = DatagramChannel.open().bind(new InetSocketAddress(loopback, 0));
            DatagramChannel snapshots = DatagramChannel.open().bind(new InetSocketAddress(loopback, 0)))
        {
            lineA.configureBlocking(false);
            lineB.configureBlocking(false);
            snapshots.configureBlocking(false);
            final Mdp3ChannelServer server = new Mdp3ChannelServer(new Mdp3Simulator(9, 12), sender,
                (InetSocketAddress)lineA.getLocalAddress(), (InetSocketAddress)lineB.getLocalAddress(),
                (InetSocketAddress)snapshots.getLocalAddress(), 0.1, 0.3, 77, 25);

            final Received a = new Received();
            final Received b = new Received();
            final Received snapshot = new Received();
            for (int i = 0; i < PACKETS; i++)
            {
                server.sendNext();
                // Drained after each packet so that no socket buffer can overflow: every loss is the server's.
                drain(lineA, a, server.sentA());
                drain(lineB, b, server.sentB());
                drain(snapshots, snapshot, server.snapshotsSent());
            }

            assertEquals(PACKETS, server.incrementals());
            assertEquals(PACKETS, server.sentA() + server.droppedA());
            assertEquals(PACKETS, server.sentB() + server.droppedB());
            assertEquals(server.sentA(), a.seqs.size());
            assertEquals(server.sentB(), b.seqs.size());
            assertTrue(server.droppedA() > PACKETS * 0.07 && server.droppedA() < PACKETS * 0.13,
                "line A lost " + server.droppedA());
            assertTrue(server.droppedB() > PACKETS * 0.25 && server.droppedB() < PACKETS * 0.35,
                "line B lost " + server.droppedB());
            assertTrue(server.droppedBoth() > 0, "some packets lost on both lines");

            // Arbitrated, the two lines give every packet but those both lost, the same bytes on both.
            int both = 0;
            int union = 0;
            for (long seq = 1; seq <= PACKETS; seq++)
            {
                final byte[] fromA = a.bytes.get(seq);
                final byte[] fromB = b.bytes.get(seq);
                if (fromA != null && fromB != null)
                {
                    assertArrayEquals(fromA, fromB, "line copies of " + seq);
                    both++;
                }
                union += fromA != null || fromB != null ? 1 : 0;
            }
            assertEquals(PACKETS - server.droppedBoth(), union);
            assertEquals(server.sentA() + server.sentB() - union, both);
            assertTrue(a.increasing() && b.increasing(), "MsgSeqNum rises on each line");

            // The snapshot loop: one SnapshotFullRefresh per packet, contracts in turn.
            assertEquals(PACKETS / 25, server.snapshotsSent());
            assertEquals(server.snapshotsSent(), snapshot.seqs.size());
            final MalformedInputCounter malformed = new MalformedInputCounter(5);
            final long[] lastProcessed = new long[1];
            final int[] snapshotMessages = new int[1];
            final Mdp3PacketDecoder decoder = new Mdp3PacketDecoder(new Mdp3Listener()
            {
                public void onSnapshot(
                    final int templateId, final int version, final long lastMsgSeqNumProcessed,
                    final long totNumReports, final int securityId, final long rptSeq, final long transactTime,
                    final long lastUpdateTime, final int tradeDate, final int tradingStatus, final long highLimitPrice,
                    final long lowLimitPrice, final long maxPriceVariation, final int priceExponent,
                    final int entryCount)
                {
                    assertEquals(52, templateId);
                    assertEquals(Mdp3Simulator.FIRST_SECURITY_ID + snapshotMessages[0] % 12, securityId);
                    assertTrue(lastMsgSeqNumProcessed > lastProcessed[0]);
                    assertTrue(entryCount > 0);
                    lastProcessed[0] = lastMsgSeqNumProcessed;
                    snapshotMessages[0]++;
                }
            }, malformed, "snapshots");
            for (final byte[] bytes : snapshot.arrivals)
            {
                decoder.decode(new UnsafeBuffer(bytes), 0, bytes.length, 0);
            }
            assertEquals(0, malformed.total(), malformed.firstReports().toString());
            assertEquals(server.snapshotsSent(), snapshotMessages[0]);
        }
    }

    private static void drain(final DatagramChannel channel, final Received received, final long expected)
        throws IOException
    {
        final long deadline = System.nanoTime() + 10_000_000_000L;
        final ByteBuffer buffer = ByteBuffer.allocate(2048);
        while (received.seqs.size() < expected && System.nanoTime() < deadline)
        {
            buffer.clear();
            if (channel.receive(buffer) != null)
            {
                buffer.flip();
                final byte[] bytes = Arrays.copyOf(buffer.array(), buffer.limit());
                final long seq = new UnsafeBuffer(bytes).getInt(0, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL;
                received.bytes.put(seq, bytes);
                received.arrivals.add(bytes);
                received.seqs.addLong(seq);
            }
        }
        assertEquals(expected, received.seqs.size(), "datagrams received");
    }

    /** Datagrams of one destination: MsgSeqNum in arrival order and bytes by MsgSeqNum. */
    private static final class Received
    {
        final LongArrayList seqs = new LongArrayList();
        final Map<Long, byte[]> bytes = new HashMap<>();
        // Snapshot packets restart their MsgSeqNum with each pass: kept in arrival order too.
        final List<byte[]> arrivals = new ArrayList<>();

        boolean increasing()
        {
            for (int i = 1; i < seqs.size(); i++)
            {
                if (seqs.getLong(i) <= seqs.getLong(i - 1))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
