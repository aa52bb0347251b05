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

import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.tickwire.agent.ThreadingProfile;
import io.tickwire.feed.FeedHandler;
import io.tickwire.feed.FeedHandlerContext;
import io.tickwire.feed.TestChannels;
import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.book.InstrumentBook;
import io.tickwire.feed.book.Order;
import io.tickwire.feed.book.OrderBook;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3ChannelServer;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3Simulator;
import io.tickwire.feed.ring.MessageSink;
import io.tickwire.sbe.md.Side;
import org.agrona.CloseHelper;
import org.agrona.MutableDirectBuffer;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Market by order on a live MDP 3.0 channel over real loopback multicast and a real Aeron driver: the simulator
 * serves its MBO flow on lines A and B with independent loss, the 52 loop, the definition loop and the MBO snapshot
 * loop (53, sides A and B); a subscriber's {@link BookBuilder} applies what the feed handler publishes, and its order
 * books must equal, order by order with priority, those built from every packet the simulator made (a second
 * simulator of the same seed, normalised as a capture) after a late join and after a burst lost on both lines.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Mdp3LiveOrderBooksTest
{
    private static final int INSTRUMENTS = 8;
    private static final int STREAM = 1002;

    private DatagramChannel sender;
    private FeedHandler feed;
    private Subscription subscription;
    private Mdp3LiveChannel channel;
    private Mdp3ChannelServer server;
    private Mdp3Simulator reference;
    private final BookBuilder live = new BookBuilder(null);
    private final BookBuilder expected = new BookBuilder(null);
    private final List<String> malformed = new ArrayList<>();
    private Mdp3Normaliser referenceNormaliser;
    private final UnsafeBuffer packet = new UnsafeBuffer(new byte[Mdp3Simulator.MAX_PACKET]);
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[Mdp3Normaliser.MAX_ENCODED_LENGTH]);
    private final FragmentHandler onFragment = (buffer, offset, length, header) -> live.apply(buffer, offset, length);

    @AfterEach
    void after()
    {
        CloseHelper.quietCloseAll(subscription, feed, sender);
    }

    @Test
    void shouldRestateEveryOrderBookFromTheMboLoopAfterALateJoin() throws IOException
    {
        serve(71, 0.02, 0.02);
        // The session runs before the feed handler joins: its orders are only in the MBO snapshot loop.
        send(2_000);
        startFeed();
        send(3_000);
        server.loss(0, 0);
        send(1_000);

        final Map<Long, String> books = awaitOrderBooks(10_000);
        assertEquals(books, orderBooks(live));
        assertEquals(INSTRUMENTS, books.size());
        final Map<String, Long> counters = counters();
        assertTrue(counters.get("order-books-restated") >= INSTRUMENTS, counters.toString());
        assertTrue(counters.get("order-updates-held") > 0, counters.toString());
        assertEquals(0L, counters.get("order-hold-overflows"), counters.toString());
        assertTrue(counters.get("mbo-snapshot-joins") >= 1, counters.toString());
        assertEquals(counters.get("gaps-on-both"), counters.get("order-book-gaps"), counters.toString());
        assertFalse(channel.source().recovery().isOrderBookActive(), counters.toString());
        assertEquals(List.of(), malformed);
    }

    @Test
    void shouldRestateEveryOrderBookAfterABurstLostOnBothLines() throws IOException
    {
        serve(83, 0.05, 0.05);
        // Each line loses on its own, never both: arbitration alone keeps the books.
        server.lineBCoversA(true);
        startFeed();
        send(1_500);
        assertEquals(orderBooks(expected), awaitOrderBooks(5_000));
        assertEquals(0L, counters().get("mbo-snapshot-joins"), counters().toString());

        // A burst both lines lose: any order book may have lost orders, every one waits for a 53 past the burst.
        server.lineBCoversA(false);
        server.loss(1, 1);
        send(40);
        server.loss(0.05, 0.05);
        server.lineBCoversA(true);
        send(3_000);

        final Map<Long, String> books = awaitOrderBooks(10_000);
        assertEquals(books, orderBooks(live));
        final Map<String, Long> counters = counters();
        assertEquals(1L, counters.get("gaps-on-both"), counters.toString());
        assertEquals(40L, counters.get("packets-missed-on-both"), counters.toString());
        assertEquals(1L, counters.get("order-book-gaps"), counters.toString());
        assertTrue(counters.get("order-books-restated") >= INSTRUMENTS, counters.toString());
        assertEquals(1L, counters.get("mbo-snapshot-joins"), counters.toString());
        assertEquals(0L, counters.get("order-hold-overflows"), counters.toString());
        assertFalse(channel.source().recovery().isOrderBookActive(), counters.toString());
        assertEquals(0L, counters.get("recovering"), counters.toString());
        assertEquals(List.of(), malformed);
    }

    private void serve(final long seed, final double lossA, final double lossB) throws IOException
    {
        final int port = TestChannels.freeUdpPort();
        final int group = ThreadLocalRandom.current().nextInt(1, 250);
        final String prefix = "239.254." + group + ".";
        final Mdp3ChannelConfig config = new Mdp3ChannelConfig()
            .id("mbo")
            .lineA(new InetSocketAddress(prefix + "1", port))
            .lineB(new InetSocketAddress(prefix + "2", port))
            .snapshot(new InetSocketAddress(prefix + "3", port))
            .definitions(new InetSocketAddress(prefix + "4", port))
            .mbo(true)
            .snapshotMbo(new InetSocketAddress(prefix + "5", port))
            .snapshotMboB(new InetSocketAddress(prefix + "6", port))
            .networkInterface("127.0.0.1")
            .gapWaitNs(TimeUnit.MILLISECONDS.toNanos(5));
        channel = new Mdp3LiveChannel(config);
        sender = DatagramChannel.open(StandardProtocolFamily.INET);
        sender.setOption(StandardSocketOptions.IP_MULTICAST_IF,
            NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress()));
        sender.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
        sender.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 0);
        server = new Mdp3ChannelServer(new Mdp3Simulator(seed, INSTRUMENTS, true), sender, config.lineA(),
            config.lineB(), config.snapshot(), config.definitions(), lossA, lossB, ~seed, 10);
        server.snapshotLag(25);
        server.orderBookLoop(config.snapshotMbo(), config.snapshotMboB());
        // The simulator's own order books: every packet it makes, from the first, normalised as a capture.
        reference = new Mdp3Simulator(seed, INSTRUMENTS, true);
        referenceNormaliser = new Mdp3Normaliser(() -> 1L,
            (reason, source, position, detail) -> malformed.add(reason + " " + detail), "reference",
            new Mdp3NormaliserCounters(null, "reference")).marketByOrder(0);
    }

    private void startFeed()
    {
        final String feedChannel = TestChannels.randomMulticastChannel();
        feed = new FeedHandler(new FeedHandlerContext()
            .addSource(channel.feedSource())
            .channel(feedChannel)
            .streamId(STREAM)
            .threadingProfile(ThreadingProfile.COMPACT)
            .heartbeatIntervalNs(0)
            .snapshots(false)
            .errorStream(null))
            .start();
        subscription = feed.aeron().addSubscription(feedChannel, STREAM);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!subscription.isConnected() && System.nanoTime() < deadline)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /**
     * Serve packets at about 4,000 a second, the reference simulator kept in step, reading the feed in between.
     */
    private void send(final int packets) throws IOException
    {
        final MessageSink sink = new MessageSink()
        {
            public MutableDirectBuffer buffer()
            {
                return message;
            }

            public void write(final int length)
            {
                expected.apply(message, 0, length);
            }
        };
        for (int i = 0; i < packets; i++)
        {
            server.sendNext();
            final int length = reference.next(packet, 0);
            referenceNormaliser.normalise(reference.msgSeqNum(), packet, 0, length, sink);
            if (i % 4 == 3)
            {
                poll();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }

    private void poll()
    {
        if (null != subscription)
        {
            while (subscription.poll(onFragment, 256) > 0)
            {
                Thread.yield();
            }
        }
    }

    private Map<Long, String> awaitOrderBooks(final long timeoutMs)
    {
        final Map<Long, String> books = orderBooks(expected);
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!books.equals(orderBooks(live)) && System.nanoTime() < deadline)
        {
            poll();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return books;
    }

    /**
     * Every instrument's order book as text: per side, each level's orders in priority order.
     */
    private Map<Long, String> orderBooks(final BookBuilder builder)
    {
        final Map<Long, String> books = new TreeMap<>();
        // The instruments of the reference: a book the live feed lacks shows as one missing.
        for (final InstrumentBook instrument : expected.instruments())
        {
            final long instrumentId = instrument.instrumentId();
            final OrderBook book = builder.book(instrumentId);
            if (null == book)
            {
                continue;
            }
            final StringBuilder text = new StringBuilder();
            for (final Side side : new Side[]{ Side.BUY, Side.SELL })
            {
                text.append(side).append(':');
                for (int level = 0; level < book.depth(side); level++)
                {
                    for (Order order = book.level(side, level).firstOrder(); null != order; order = order.next())
                    {
                        text.append(' ').append(order.orderId()).append('/').append(order.quantity()).append('@')
                            .append(order.price()).append('#').append(order.priority());
                    }
                    text.append(" |");
                }
                text.append(' ');
            }
            books.put(instrumentId, text.toString());
        }
        return books;
    }

    private Map<String, Long> counters()
    {
        final Map<String, Long> values = new TreeMap<>();
        final String prefix = Mdp3NormaliserCounters.COMPONENT + " ";
        feed.aeron().countersReader().forEach((id, typeId, keyBuffer, label) ->
        {
            if (label.startsWith(prefix))
            {
                values.put(label.substring(prefix.length(), label.indexOf(':')),
                    feed.aeron().countersReader().getCounterValue(id));
            }
        });
        return values;
    }
}
