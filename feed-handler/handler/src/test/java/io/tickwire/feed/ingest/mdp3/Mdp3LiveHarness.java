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
import io.aeron.logbuffer.Header;
import io.tickwire.agent.ThreadingProfile;
import io.tickwire.feed.FeedHandler;
import io.tickwire.feed.FeedHandlerContext;
import io.tickwire.feed.TestChannels;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3ChannelServer;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3Simulator;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3SnapshotLoop;
import io.tickwire.sbe.md.BookResetDecoder;
import io.tickwire.sbe.md.BookResetReason;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import io.tickwire.sbe.md.PriceLevelUpdateDecoder;
import io.tickwire.sbe.md.Side;
import io.tickwire.sbe.md.VenueInstrumentDefinitionDecoder;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A simulated CME channel served live on loopback multicast (lines A and B with their own loss, the snapshot loop,
 * the definition loop) to a feed handler reading it with {@link Mdp3LiveChannel} on its own embedded media driver,
 * and a plain Aeron subscription that applies every PriceLevelUpdate and BookReset to reference price-level books,
 * so that they can be compared with the simulator's own books (taken from a pass of its snapshot loop).
 */
final class Mdp3LiveHarness implements AutoCloseable
{
    static final int INSTRUMENTS = 8;
    private static final int STREAM = 1001;
    private static final int DEPTH = Mdp3Simulator.DEPTH;

    final Mdp3Simulator simulator;
    final Mdp3ChannelServer server;
    final Mdp3ChannelConfig config;
    private final DatagramChannel sender;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final PriceLevelUpdateDecoder level = new PriceLevelUpdateDecoder();
    private final BookResetDecoder reset = new BookResetDecoder();
    private final VenueInstrumentDefinitionDecoder definition = new VenueInstrumentDefinitionDecoder();
    private final Map<Long, List<long[]>[]> books = new HashMap<>();
    private final FragmentHandler handler = this::onFragment;
    final List<String> resets = new ArrayList<>();
    final List<Long> definitions = new ArrayList<>();
    long levelUpdates;

    private Mdp3LiveChannel channel;
    private FeedHandler feed;
    private Subscription subscription;

    Mdp3LiveHarness(final long seed, final double lossA, final double lossB) throws IOException
    {
        final int port = TestChannels.freeUdpPort();
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        final int group = random.nextInt(1, 250);
        config = new Mdp3ChannelConfig()
            .id("test")
            .lineA(new InetSocketAddress("239.255." + group + ".1", port))
            .lineB(new InetSocketAddress("239.255." + group + ".2", port))
            .snapshot(new InetSocketAddress("239.255." + group + ".3", port))
            .definitions(new InetSocketAddress("239.255." + group + ".4", port))
            .networkInterface("127.0.0.1")
            .gapWaitNs(TimeUnit.MILLISECONDS.toNanos(5));
        sender = DatagramChannel.open(StandardProtocolFamily.INET);
        sender.setOption(StandardSocketOptions.IP_MULTICAST_IF,
            NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress()));
        sender.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
        sender.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 0);
        simulator = new Mdp3Simulator(seed, INSTRUMENTS);
        server = new Mdp3ChannelServer(simulator, sender, config.lineA(), config.lineB(), config.snapshot(),
            config.definitions(), lossA, lossB, ~seed, 10);
        // The loop lags the incremental feed as CME's does, so recovery has to replay what it holds past a snapshot.
        server.snapshotLag(25);
    }

    /**
     * Start the feed handler on the channel and a subscriber to its feed.
     */
    void startFeed()
    {
        final String feedChannel = TestChannels.randomMulticastChannel();
        channel = new Mdp3LiveChannel(config);
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

    Mdp3LiveSource source()
    {
        return channel.source();
    }

    /**
     * Serve packets at about 4,000 a second, reading the feed in between.
     */
    void send(final int packets) throws IOException
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

    void poll()
    {
        if (null != subscription)
        {
            while (subscription.poll(handler, 256) > 0)
            {
                Thread.yield();
            }
        }
    }

    /**
     * Read the feed until the books built from it equal the simulator's, or the time is up.
     *
     * @return the simulator's books, to compare with {@link #books()}.
     */
    Map<Long, String> awaitBooks(final long timeoutMs)
    {
        final Map<Long, String> expected = simulatorBooks();
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!expected.equals(books()) && System.nanoTime() < deadline)
        {
            poll();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return expected;
    }

    /**
     * The books built from the feed, one line per instrument.
     */
    Map<Long, String> books()
    {
        final Map<Long, String> text = new TreeMap<>();
        books.forEach((instrument, sides) -> text.put(instrument, text(sides)));
        return text;
    }

    /**
     * The simulator's books now: a pass of its snapshot loop, decoded.
     */
    Map<Long, String> simulatorBooks()
    {
        final Map<Long, List<long[]>[]> expected = new HashMap<>();
        final UnsafeBuffer packet = new UnsafeBuffer(new byte[Mdp3Simulator.MAX_PACKET]);
        final Mdp3SnapshotLoop loop = new Mdp3SnapshotLoop(simulator);
        final long[] instrument = new long[1];
        final Mdp3PacketDecoder decoder = new Mdp3PacketDecoder(new Mdp3Listener()
        {
            public void onSnapshot(
                final int templateId, final int version, final long lastMsgSeqNumProcessed,
                final long totNumReports, final int securityId, final long rptSeq, final long transactTime,
                final long lastUpdateTime, final int tradeDate, final int tradingStatus, final long highLimitPrice,
                final long lowLimitPrice, final long maxPriceVariation, final int priceExponent, final int entryCount)
            {
                instrument[0] = (1L << 24) + securityId;
                sides(expected, instrument[0]);
            }

            public void onSnapshotEntry(
                final byte entryType, final long price, final int priceExponent, final int size,
                final int numberOfOrders, final int priceLevel, final int tradingReferenceDate,
                final int openCloseSettlFlag, final int settlPriceType)
            {
                sides(expected, instrument[0])[entryType == '0' ? 0 : 1].add(
                    new long[]{ price, size, numberOfOrders });
            }
        }, (reason, source, position, detail) ->
        {
            throw new AssertionError(reason + " " + detail);
        }, "simulator books");
        for (int i = 0; i < simulator.instrumentCount(); i++)
        {
            decoder.decode(packet, 0, loop.next(packet, 0), i);
        }
        final Map<Long, String> text = new TreeMap<>();
        expected.forEach((id, sides) -> text.put(id, text(sides)));
        return text;
    }

    /**
     * The feed handler's MDP 3.0 counters by name, from its CnC file.
     */
    Map<String, Long> counters()
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

    private void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header h)
    {
        header.wrap(buffer, offset);
        switch (header.templateId())
        {
            case PriceLevelUpdateDecoder.TEMPLATE_ID:
                level.wrapAndApplyHeader(buffer, offset, header);
                apply(level);
                levelUpdates++;
                break;

            case BookResetDecoder.TEMPLATE_ID:
                reset.wrapAndApplyHeader(buffer, offset, header);
                resets.add(reset.reason() + " " + reset.instrumentId() + " " + reset.venueSequence());
                if (BookResetReason.CHANNEL_RESET == reset.reason() || 0 == reset.instrumentId())
                {
                    books.clear();
                }
                else
                {
                    final List<long[]>[] sides = sides(books, reset.instrumentId());
                    sides[0].clear();
                    sides[1].clear();
                }
                break;

            case VenueInstrumentDefinitionDecoder.TEMPLATE_ID:
                definition.wrapAndApplyHeader(buffer, offset, header);
                definitions.add(definition.instrumentId());
                break;

            default:
                break;
        }
    }

    private void apply(final PriceLevelUpdateDecoder update)
    {
        final List<long[]> side = sides(books, update.instrumentId())[Side.BUY == update.side() ? 0 : 1];
        final int index = update.level() - 1;
        final long[] values = { update.price(), update.quantity(), update.orderCount() };
        switch (update.action())
        {
            case NEW:
                side.add(Math.min(index, side.size()), values);
                if (side.size() > DEPTH)
                {
                    side.remove(DEPTH);
                }
                break;

            case CHANGE:
                if (index < side.size())
                {
                    side.set(index, values);
                }
                else
                {
                    side.add(values);
                }
                break;

            case DELETE:
                if (index < side.size())
                {
                    side.remove(index);
                }
                break;

            default:
                throw new AssertionError("unexpected action " + update.action());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<long[]>[] sides(final Map<Long, List<long[]>[]> books, final long instrument)
    {
        return books.computeIfAbsent(instrument, (i) -> new List[]{ new ArrayList<>(), new ArrayList<>() });
    }

    private static String text(final List<long[]>[] sides)
    {
        final StringBuilder text = new StringBuilder("bids");
        for (final long[] l : sides[0])
        {
            text.append(' ').append(l[1]).append('@').append(l[0]).append('/').append(l[2]);
        }
        text.append(" | offers");
        for (final long[] l : sides[1])
        {
            text.append(' ').append(l[1]).append('@').append(l[0]).append('/').append(l[2]);
        }
        return text.toString();
    }

    public void close()
    {
        CloseHelper.quietCloseAll(subscription, feed, sender);
    }
}
