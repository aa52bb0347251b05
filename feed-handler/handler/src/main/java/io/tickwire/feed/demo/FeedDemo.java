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
package io.tickwire.feed.demo;

import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.tickwire.agent.EmbeddedDriver;
import io.tickwire.agent.ThreadingProfile;
import io.tickwire.feed.FeedHandler;
import io.tickwire.feed.FeedHandlerContext;
import io.tickwire.feed.FeedSnapshot;
import io.tickwire.feed.FeedSource;
import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.book.BookComparison;
import io.tickwire.feed.book.InstrumentBook;
import io.tickwire.feed.client.ClientStages;
import io.tickwire.feed.client.FeedClient;
import io.tickwire.feed.client.FeedClientAgent;
import io.tickwire.feed.client.FeedClientContext;
import io.tickwire.feed.ingest.itch.ItchNormaliser;
import io.tickwire.feed.ingest.itch.sim.ItchSimulator;
import io.tickwire.feed.ingest.itch.sim.SimulatorSource;
import io.tickwire.feed.ingest.mdp3.Mdp3Normaliser;
import io.tickwire.feed.ingest.mdp3.Mdp3NormaliserFactory;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3BookCheck;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3Simulator;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3SimulatorSource;
import io.tickwire.feed.snapshot.SnapshotServer;
import io.tickwire.latency.CalibratedEpochNanoClock;
import io.tickwire.latency.LatencyRegistry;
import io.tickwire.latency.StageRecorder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The feed half of {@code tickwire demo}: the whole feed on one machine, checked end to end.
 * <pre>
 *   ItchSimulator -> ingest agent -> ring -+
 *        (ITCH)                             +-> publisher --UDP multicast--> subscriber A (every event)
 *   Mdp3Simulator -> ingest agent -> ring -+   (FeedHandler, compact)  |    subscriber B (conflated)
 *    (CME MDP 3.0)                                                      +--spy--> snapshot server --IPC--> late C
 * </pre>
 * Both venues go into one feed: ITCH instruments by Stock Locate, CME futures at 2^24 + SecurityID, order books for
 * the first and price-level books for the second. The CME channel is the shorter input; it has ended when the late
 * joiner comes, which recovers its price-level books from the snapshot alone.
 * An embedded media driver (SHARED, back-off idle), the publisher in its compact profile (no busy spin), two
 * subscribers and a snapshot server composed onto one thread, and a third subscriber that joins half-way and
 * recovers from a snapshot. At the end every subscriber's books are compared, order by order, with books built
 * directly (no network) from the same simulated ITCH flow, and level by level with the simulated CME venue's own
 * books.
 */
public final class FeedDemo implements DemoPart
{
    private static final int STREAM_ID = 1001;
    private static final int REQUEST_STREAM_ID = 1002;
    private static final int RESPONSE_STREAM_ID = 1003;
    private static final int MDP3_CONTRACTS = 12;
    private static final int MDP3_PACKETS_PER_ITCH_MESSAGES = 10;

    private final long durationNs;
    private final long warmupNs;
    private final long rate;
    private final int symbols;
    private final long seed;
    private final String channel;
    private final long messages;
    private final long mdp3Packets;
    private final EpochNanoClock clock = CalibratedEpochNanoClock.shared();
    private final Subscriber a;
    private final Subscriber b;
    private final Subscriber c;
    private final List<Subscriber> subscribers;

    private MediaDriver driver;
    private Aeron aeron;
    private FeedHandler feed;
    private AgentRunner subscriberRunner;
    private AgentRunner lateRunner;
    private FeedSnapshot start;
    private FeedSnapshot previous;
    private long startNs;
    private long warmupEndsNs = Long.MAX_VALUE;
    private long lastSampleNs;

    /**
     * @param options  the demo's options.
     * @param registry where the subscribers' stages are recorded (a no-op one without {@code --hlog}).
     */
    public FeedDemo(final FeedDemoOptions options, final LatencyRegistry registry)
    {
        durationNs = options.durationNs;
        warmupNs = options.warmupNs;
        rate = options.rate;
        symbols = options.symbols;
        seed = options.seed;
        channel = options.channel;
        messages = Math.max(1, rate * TimeUnit.NANOSECONDS.toSeconds(durationNs));
        // The CME channel is the smaller source (a packet holds several messages): it ends before the late joiner
        // comes, which then recovers its price-level books from the snapshot server alone.
        mdp3Packets = Math.max(1, messages / MDP3_PACKETS_PER_ITCH_MESSAGES);
        a = new Subscriber(registry, "A (every event)");
        b = new Subscriber(registry, "B (conflated)");
        c = new Subscriber(registry, "C (late joiner)");
        subscribers = List.of(a, b, c);
    }

    /**
     * One subscriber with its latency recorders.
     */
    private static final class Subscriber
    {
        final String name;
        final Recorder ingestToCallback = new Recorder(3);
        final Recorder publishToCallback = new Recorder(3);
        final Histogram ingestToCallbackTotal = new Histogram(3);
        final Histogram publishToCallbackTotal = new Histogram(3);
        final Histogram ingestToCallbackWarmup = new Histogram(3);
        final Histogram publishToCallbackWarmup = new Histogram(3);
        final AtomicLong applied = new AtomicLong();
        final AtomicLong gaps = new AtomicLong();
        final AtomicLong recoveries = new AtomicLong();
        final StageRecorder publishToReceive;
        final StageRecorder receiveToBook;
        FeedClient client;

        Subscriber(final LatencyRegistry registry, final String name)
        {
            this.name = name;
            final String writer = "subscriber-" + name.charAt(0);
            publishToReceive = registry.recorder(ClientStages.PUBLISH_TO_RECEIVE, writer);
            receiveToBook = registry.recorder(ClientStages.RECEIVE_TO_BOOK, writer);
        }

        void publishCounters()
        {
            applied.setRelease(client.messagesApplied());
            gaps.setRelease(client.gaps());
            recoveries.setRelease(client.recoveriesCompleted());
        }

        void sample(final boolean warmingUp)
        {
            (warmingUp ? ingestToCallbackWarmup : ingestToCallbackTotal).add(ingestToCallback.getIntervalHistogram());
            (warmingUp ? publishToCallbackWarmup : publishToCallbackTotal)
                .add(publishToCallback.getIntervalHistogram());
        }
    }

    /**
     * {@inheritDoc}
     */
    public void start(final PrintWriter out)
    {
        out.printf(Locale.ROOT, "tickwire demo: %,d simulated ITCH messages, %d symbols, and %,d simulated CME MDP " +
            "3.0 packets, %d futures, into one feed; %,d inputs/s per venue, seed %d%n",
            messages, symbols, mdp3Packets, MDP3_CONTRACTS, rate, seed);

        driver = EmbeddedDriver.launchCompact(null);
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));

        final SnapshotServer server = new SnapshotServer(new SnapshotServer.Context()
            .aeron(aeron)
            .feed("aeron-spy:" + channel, STREAM_ID)
            .request("aeron:ipc", REQUEST_STREAM_ID)
            .response("aeron:ipc", RESPONSE_STREAM_ID));
        a.client = connect(a, false);
        b.client = connect(b, true);
        subscriberRunner = new AgentRunner(new BackoffIdleStrategy(), Throwable::printStackTrace, null,
            new CompositeAgent(server, new FeedClientAgent(a.client), new FeedClientAgent(b.client),
                new CounterPublisher(a, b)));
        AgentRunner.startOnThread(subscriberRunner);

        feed = new FeedHandler(new FeedHandlerContext()
            .addSource(FeedSource.replay("simulator", listener -> new SimulatorSource(seed, symbols, messages)))
            .addSource(FeedSource.replay("mdp3-simulator",
                listener -> new Mdp3SimulatorSource(new Mdp3Simulator(seed, MDP3_CONTRACTS), mdp3Packets))
                .normaliser(Mdp3Normaliser.DESCRIPTION, new Mdp3NormaliserFactory(), Mdp3Normaliser.MAX_ENCODED_LENGTH))
            .normaliserFactory((epochClock, listener, name) ->
                new ItchNormaliser(epochClock, listener, name)::normalise)
            .aeronDirectoryName(driver.aeronDirectoryName())
            .channel(channel)
            .streamId(STREAM_ID)
            .threadingProfile(ThreadingProfile.COMPACT)
            .snapshots(false) // the demo runs its own snapshot server over IPC, on the subscribers' thread
            .ratePerSecond(rate));
        feed.start();
        out.print(feed.banner());
        out.println("subscribers: A and B (conflated) + snapshot server on one thread, back-off idle; " +
            "C joins half-way and recovers from a snapshot");

        if (Runtime.getRuntime().availableProcessors() <= 2)
        {
            out.println("note: " + Runtime.getRuntime().availableProcessors() + " cores: driver, feed agents " +
                "and subscribers share them (compact profile, back-off idle), so these latencies include OS " +
                "scheduling; pinned busy-spin threads need free cores (docs/FEED-HANDLER.md)");
        }
        start = feed.snapshot();
        previous = start;
        startNs = System.nanoTime();
        warmupEndsNs = startNs + warmupNs;
        lastSampleNs = startNs;
    }

    /**
     * Starts the late joiner half-way through the duration.
     *
     * @param nowNs {@link System#nanoTime()}.
     * @param out   where the demo prints.
     */
    public void step(final long nowNs, final PrintWriter out)
    {
        if (null == lateRunner && nowNs - startNs >= durationNs / 2)
        {
            c.client = connect(c, false);
            lateRunner = new AgentRunner(new BackoffIdleStrategy(), Throwable::printStackTrace, null,
                new CompositeAgent(new FeedClientAgent(c.client), new CounterPublisher(c)));
            AgentRunner.startOnThread(lateRunner);
            out.println("late joiner C subscribing now");
        }
    }

    /**
     * {@inheritDoc}
     */
    public String status()
    {
        final FeedSnapshot current = feed.snapshot();
        final String line = status(current);
        previous = current;
        return line;
    }

    /**
     * @return whether the simulator's flow is published and every subscriber, the late joiner included, has it all.
     */
    public boolean isComplete()
    {
        if (!feed.isComplete() || null == lateRunner)
        {
            return false;
        }
        final long published = feed.snapshot().published();
        return a.applied.get() >= published && b.applied.get() >= published &&
            c.recoveries.get() > 0 && c.client.expectedSequence() > published;
    }

    /**
     * Stops the subscribers, compares every book with a direct replay and prints the summary.
     *
     * @param failures where each failed check is added.
     * @param out      where the demo prints.
     */
    public void finish(final List<String> failures, final PrintWriter out)
    {
        CloseHelper.closeAll(lateRunner, subscriberRunner);
        lateRunner = null;
        subscriberRunner = null;
        final FeedSnapshot end = feed.snapshot();
        verify(end, failures, out);
        summary(end, out);
    }

    /**
     * {@inheritDoc}
     */
    public void close()
    {
        CloseHelper.closeAll(lateRunner, subscriberRunner, feed);
        for (final Subscriber subscriber : subscribers)
        {
            CloseHelper.quietClose(subscriber.client);
        }
        CloseHelper.closeAll(aeron, driver);
    }

    /**
     * Copies the subscribers' plain counters into atomics on their own thread, for the status line.
     */
    private static final class CounterPublisher implements org.agrona.concurrent.Agent
    {
        private final Subscriber[] subscribers;

        CounterPublisher(final Subscriber... subscribers)
        {
            this.subscribers = subscribers;
        }

        public int doWork()
        {
            for (final Subscriber subscriber : subscribers)
            {
                subscriber.publishCounters();
            }
            return 0;
        }

        public String roleName()
        {
            return "counters";
        }
    }

    private FeedClient connect(final Subscriber subscriber, final boolean conflate)
    {
        final FeedClient[] holder = new FeedClient[1];
        final FeedClient client = FeedClient.connect(new FeedClientContext()
            .aeron(aeron)
            .channel(channel)
            .streamId(STREAM_ID)
            .snapshotRequest("aeron:ipc", REQUEST_STREAM_ID)
            .snapshotResponse("aeron:ipc", RESPONSE_STREAM_ID)
            .conflate(conflate)
            .bookListener((instrumentId, symbol, book) ->
            {
                final long now = clock.nanoTime();
                final FeedClient feedClient = holder[0];
                if (0 == feedClient.lastPublishTimestamp())
                {
                    return; // a book loaded from a snapshot: no message was published for it, nothing to time
                }
                subscriber.publishToCallback.recordValue(Math.max(0, now - feedClient.lastPublishTimestamp()));
                subscriber.ingestToCallback.recordValue(Math.max(0, now - feedClient.lastIngestTimestamp()));
                subscriber.publishToReceive.recordInterval(
                    feedClient.lastPublishTimestamp(), feedClient.lastReceiveTimestamp());
                subscriber.receiveToBook.recordInterval(feedClient.lastReceiveTimestamp(), now);
            }));
        holder[0] = client;
        return client;
    }

    private String status(final FeedSnapshot current)
    {
        // An interval belongs to the warm-up if it began in it.
        final boolean warmingUp = lastSampleNs < warmupEndsNs;
        lastSampleNs = System.nanoTime();
        final double seconds = Math.max(1e-9, (current.nanoTime() - previous.nanoTime()) / 1e9);
        final StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "published %,d (%,.0f msgs/s)",
            current.published(), (current.published() - previous.published()) / seconds));
        for (final Subscriber subscriber : subscribers)
        {
            if (null == subscriber.client)
            {
                continue;
            }
            subscriber.sample(warmingUp);
            sb.append(String.format(Locale.ROOT, " | %s %,d gaps %d rec %d p99 %s%s",
                subscriber.name.substring(0, 1), subscriber.applied.get(), subscriber.gaps.get(),
                subscriber.recoveries.get(), micros((warmingUp ? subscriber.publishToCallbackWarmup :
                subscriber.publishToCallbackTotal).getValueAtPercentile(99)), warmingUp ? " (warm-up)" : ""));
        }
        return sb.toString();
    }

    private void verify(final FeedSnapshot end, final List<String> failures, final PrintWriter out)
    {
        final long published = end.published();
        final BookBuilder reference = referenceBooks();
        final Mdp3Simulator venue = new Mdp3Simulator(seed, MDP3_CONTRACTS);
        final UnsafeBuffer packet = new UnsafeBuffer(new byte[Mdp3Simulator.MAX_PACKET]);
        for (long i = 0; i < mdp3Packets; i++)
        {
            venue.next(packet, 0);
        }
        int booksVerified = 0;
        for (final Subscriber subscriber : subscribers)
        {
            final FeedClient client = subscriber.client;
            if (null == client)
            {
                failures.add(subscriber.name + " never started");
                continue;
            }
            if (client.expectedSequence() != published + 1)
            {
                failures.add(subscriber.name + " at sequence " + (client.expectedSequence() - 1) + " of " + published);
            }
            if (client.gaps() != 0 || client.duplicates() != 0 || client.totalBookErrors() != 0 ||
                client.staleBooks() != 0)
            {
                failures.add(subscriber.name + ": gaps " + client.gaps() + ", duplicates " + client.duplicates() +
                    ", book errors " + client.totalBookErrors() + ", stale books " + client.staleBooks());
            }
            for (final InstrumentBook expected : reference.instruments())
            {
                final String difference = BookComparison.firstDifference(
                    expected.book(), client.book(expected.instrumentId()));
                if (null != difference)
                {
                    failures.add(subscriber.name + " book " + expected.symbol() + ": " + difference);
                }
                else
                {
                    booksVerified++;
                }
            }
            final String mdp3Difference = Mdp3BookCheck.firstDifference(venue, client::priceLevelBook);
            if (null != mdp3Difference)
            {
                failures.add(subscriber.name + " CME book " + mdp3Difference);
            }
            else
            {
                booksVerified += venue.instrumentCount();
            }
        }
        if (subscribers.get(2).client != null && subscribers.get(2).client.recoveriesCompleted() < 1)
        {
            failures.add("late joiner did not recover from a snapshot");
        }
        out.printf(Locale.ROOT, "verified %d books ((%d ITCH instruments against a direct replay + %d CME futures " +
            "against the venue's own price levels) x %d subscribers)%n",
            booksVerified, reference.instruments().size(), venue.instrumentCount(), subscribers.size());
    }

    private BookBuilder referenceBooks()
    {
        // The same flow, normalised and applied without any network, ring or thread in between.
        final ItchSimulator simulator = new ItchSimulator(seed, symbols);
        final ItchNormaliser normaliser = new ItchNormaliser(CalibratedEpochNanoClock.shared(),
            (reason, source, position, detail) ->
            {
            },
            "reference");
        final BookBuilder builder = new BookBuilder(null);
        final UnsafeBuffer itch = new UnsafeBuffer(new byte[128]);
        final UnsafeBuffer sbe = new UnsafeBuffer(new byte[ItchNormaliser.MAX_ENCODED_LENGTH]);
        for (long i = 1; i <= messages; i++)
        {
            final int length = normaliser.normalise(i, itch, 0, simulator.next(itch, 0), sbe, 0);
            if (length > 0)
            {
                builder.apply(sbe, 0, length);
            }
        }
        return builder;
    }

    private void summary(final FeedSnapshot end, final PrintWriter out)
    {
        final double seconds = Math.max(1e-9, (end.nanoTime() - start.nanoTime()) / 1e9);
        out.printf(Locale.ROOT, "summary: %,d ITCH messages and MDP 3.0 packets in, %,d published in %.1f s " +
            "(%,.0f msgs/s), malformed %d, dropped %d, back-pressured %d%n",
            end.messagesIn(), end.published(), seconds, end.published() / seconds, end.malformed(), end.dropped(),
            end.backPressured());
        for (final Subscriber subscriber : subscribers)
        {
            if (null == subscriber.client)
            {
                continue;
            }
            subscriber.sample(lastSampleNs < warmupEndsNs);
            final FeedClient client = subscriber.client;
            out.printf(Locale.ROOT, "  %-16s applied %,d, gaps %d, duplicates %d, recoveries %d, book errors %d%n",
                subscriber.name, client.messagesApplied(), client.gaps(), client.duplicates(),
                client.recoveriesCompleted(), client.totalBookErrors());
            out.printf(Locale.ROOT, "  %-16s latency publish -> book callback (after warm-up): %s%n", "",
                percentiles(subscriber.publishToCallbackTotal));
            out.printf(Locale.ROOT, "  %-16s latency ingest  -> book callback (after warm-up): %s%n", "",
                percentiles(subscriber.ingestToCallbackTotal));
            out.printf(Locale.ROOT, "  %-16s warm-up (first %d s, apart): publish -> book callback %s%n", "",
                TimeUnit.NANOSECONDS.toSeconds(warmupNs), percentiles(subscriber.publishToCallbackWarmup));
        }
    }

    private static String percentiles(final Histogram histogram)
    {
        return String.format(Locale.ROOT, "p50 %s p90 %s p99 %s p99.9 %s max %s (%,d samples)",
            micros(histogram.getValueAtPercentile(50)), micros(histogram.getValueAtPercentile(90)),
            micros(histogram.getValueAtPercentile(99)), micros(histogram.getValueAtPercentile(99.9)),
            micros(histogram.getMaxValue()), histogram.getTotalCount());
    }

    private static String micros(final long nanos)
    {
        return String.format(Locale.ROOT, "%.1fus", nanos / 1000.0);
    }
}
