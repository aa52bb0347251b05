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

import io.tickwire.feed.TestChannels;
import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.ingest.MessageHandler;
import io.tickwire.feed.ingest.arbitration.LineArbiter;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3BookCheck;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3ChannelServer;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3Simulator;
import io.tickwire.feed.ring.MessageSink;
import org.agrona.CloseHelper;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulated channel served over real UDP multicast on loopback (lines A and B with their own seeded loss, the
 * snapshot and definition loops on sides A and B) to a {@link Mdp3LiveSource}, its packets normalised by the live
 * channel's normaliser and applied straight to the subscriber's price-level books ({@link BookBuilder}), no ring in
 * between. Smaller than {@link Mdp3ArbitrationRunTest}'s million messages, which a 2-core machine cannot send and
 * receive over UDP within the test's bound, but the same path through real sockets:
 * <ul>
 *     <li>20,000 packets, 5 % loss on each line, never of the same packet on both: no gap on both lines, every packet
 *     won once on one line, books equal to the simulator's;</li>
 *     <li>then 20,000 packets with 5 % loss on each line independently (some lost on both) and a 40-packet burst lost
 *     on both: each run missed on both declared, every instrument suspect and settled, books equal once recovery
 *     has ended.</li>
 * </ul>
 */
@Timeout(60)
class Mdp3LiveUdpRunTest
{
    private static final int INSTRUMENTS = 8;

    private final List<String> malformed = new ArrayList<>();
    private final BookBuilder books = new BookBuilder(null);
    private DatagramChannel sender;
    private Mdp3Simulator simulator;
    private Mdp3ChannelServer server;
    private Mdp3LiveSource source;
    private MessageHandler handler;

    @AfterEach
    void close()
    {
        CloseHelper.quietCloseAll(source, sender);
    }

    @Test
    void shouldArbitrateAndRecoverOverUdp() throws IOException
    {
        start();
        server.lineBCoversA(true);
        send(20_000);
        settle();
        final LineArbiter arbiter = source.arbiter();
        assertEquals(0, arbiter.gapsOnBoth());
        assertEquals(server.incrementals(),
            arbiter.packetsWon(LineArbiter.LINE_A) + arbiter.packetsWon(LineArbiter.LINE_B));
        assertEquals(0, source.recovery().counts().recoveries());
        assertNull(Mdp3BookCheck.firstDifference(simulator, books::priceLevelBook));

        server.lineBCoversA(false);
        send(10_000);
        server.loss(1, 1);
        send(40);
        server.loss(0.05, 0.05);
        send(10_000);
        settle();

        assertTrue(server.droppedBoth() > 40, "lost on both: " + server.droppedBoth());
        assertEquals(server.droppedBoth(), arbiter.messagesMissedOnBoth());
        assertEquals(arbiter.gapsOnBoth(), source.recovery().counts().suspectGaps());
        assertTrue(source.recovery().counts().instrumentsRecovered() > 0);
        assertEquals(0, source.recovery().suspectCount());
        assertTrue(source.input().loopDuplicates() > 0, "side B's loop copies dropped");
        assertNull(Mdp3BookCheck.firstDifference(simulator, books::priceLevelBook));
        assertEquals(List.of(), malformed);
        assertEquals(0, books.totalBookErrors());
    }

    private void start() throws IOException
    {
        final int port = TestChannels.freeUdpPort();
        final int group = ThreadLocalRandom.current().nextInt(1, 250);
        final Mdp3ChannelConfig config = new Mdp3ChannelConfig()
            .id("udp")
            .lineA(new InetSocketAddress("239.254." + group + ".1", port))
            .lineB(new InetSocketAddress("239.254." + group + ".2", port))
            .snapshot(new InetSocketAddress("239.254." + group + ".3", port))
            .snapshotB(new InetSocketAddress("239.254." + group + ".4", port))
            .definitions(new InetSocketAddress("239.254." + group + ".5", port))
            .definitionsB(new InetSocketAddress("239.254." + group + ".6", port))
            .networkInterface("127.0.0.1")
            .instruments(INSTRUMENTS)
            .gapWaitNs(TimeUnit.MILLISECONDS.toNanos(5));
        sender = DatagramChannel.open(StandardProtocolFamily.INET);
        sender.setOption(StandardSocketOptions.IP_MULTICAST_IF,
            NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress()));
        sender.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
        sender.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 0);
        simulator = new Mdp3Simulator(3, INSTRUMENTS);
        server = new Mdp3ChannelServer(simulator, sender, config.lineA(), config.lineB(), config.snapshot(),
            config.definitions(), 0.05, 0.05, 17, 10);
        server.loopsB(config.snapshotB(), config.definitionsB());
        server.snapshotLag(25);

        source = new Mdp3LiveSource(config.describe(), config, SystemNanoClock.INSTANCE,
            (reason, name, position, detail) -> malformed.add(reason + " " + detail), null);
        final Mdp3RefusalWatch normaliser = new Mdp3RefusalWatch(new Mdp3Normaliser(() -> 1L,
            (reason, name, position, detail) -> malformed.add(reason + " " + detail), "udp",
            new Mdp3NormaliserCounters(null, "udp"), source.tracker(), source.recovery()), source.recovery());
        final MessageSink sink = new MessageSink()
        {
            private final UnsafeBuffer message = new UnsafeBuffer(new byte[Mdp3Normaliser.MAX_ENCODED_LENGTH]);

            public MutableDirectBuffer buffer()
            {
                return message;
            }

            public void write(final int length)
            {
                books.apply(message, 0, length);
            }
        };
        handler = (sequence, buffer, offset, length) -> normaliser.normalise(sequence, buffer, offset, length, sink);
    }

    /**
     * Serve packets at about 4,000 a second, reading the source in between.
     */
    private void send(final int packets) throws IOException
    {
        for (int i = 0; i < packets; i++)
        {
            server.sendNext();
            if (i % 4 == 3)
            {
                poll();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }

    private void poll()
    {
        while (source.poll(handler, 256) > 0)
        {
            Thread.yield();
        }
    }

    /**
     * Serve loss-free packets until every packet has been delivered and nothing recovers or is suspect: the loop
     * only turns while the feed does.
     */
    private void settle() throws IOException
    {
        server.loss(0, 0);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            poll();
            if (!source.recovery().isActive() && source.arbiter().nextExpected() == simulator.msgSeqNum() + 1)
            {
                break;
            }
            server.sendNext();
        }
        assertTrue(!source.recovery().isActive(), "recovery ended");
        assertEquals(simulator.msgSeqNum() + 1, source.arbiter().nextExpected());
        server.loss(0.05, 0.05);
    }
}
