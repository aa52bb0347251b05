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
package io.tickwire.feed.cli;

import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.tickwire.agent.EmbeddedDriver;
import io.tickwire.agent.ThreadingProfile;
import io.tickwire.agent.cli.HlogOptions;
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
import io.tickwire.feed.snapshot.SnapshotServer;
import io.tickwire.latency.CalibratedEpochNanoClock;
import io.tickwire.latency.LatencyRecording;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code tickwire demo}: the whole feed on one machine, checked end to end.
 * <pre>
 *   ItchSimulator -> ingest agent -> ring -> publisher --UDP multicast--> subscriber A (every event)
 *        (ITCH)       (FeedHandler, compact profile)      |               subscriber B (conflated)
 *                                                          +--spy-------> snapshot server --IPC--> late joiner C
 * </pre>
 * An embedded media driver (SHARED, back-off idle), the publisher in its compact profile (no busy spin), two
 * subscribers and a snapshot server composed onto one thread, and a third subscriber that joins half-way and
 * recovers from a snapshot. At the end every subscriber's books are compared, order by order, with books built
 * directly (no network) from the same simulated flow. Exits 0 only if every check held.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Run simulator -> publisher -> UDP multicast -> subscribers building order books on this machine,",
        "with a late joiner recovering from a snapshot; verify every book and print latency per stage.",
        "Exits 0 only if every check held." })
public final class DemoCommand implements Callable<Integer>
{
    private static final int STREAM_ID = 1001;
    private static final int REQUEST_STREAM_ID = 1002;
    private static final int RESPONSE_STREAM_ID = 1003;

    @Mixin
    private HlogOptions hlog;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "20s",
        converter = FeedSubscribeCommand.DurationConverter.class,
        description = "How long to publish (default: ${DEFAULT-VALUE}).")
    long durationNs;

    @Option(names = "--warmup", paramLabel = "TIME", defaultValue = "5s",
        converter = FeedSubscribeCommand.DurationConverter.class,
        description = "Latency of the first TIME (JIT compiling, caches cold) is reported apart from the steady " +
        "state (default: ${DEFAULT-VALUE}).")
    long warmupNs;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "50000",
        description = "Messages per second from the simulator (default: ${DEFAULT-VALUE}).")
    long rate;

    @Option(names = "--symbols", paramLabel = "K", defaultValue = "50",
        description = "Simulated symbols (default: ${DEFAULT-VALUE}).")
    int symbols;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Simulation seed.")
    long seed;

    @Option(names = "--channel", paramLabel = "URI",
        defaultValue = "aeron:udp?endpoint=239.255.77.11:40466|interface=127.0.0.1|ttl=0",
        description = "Feed channel (default: ${DEFAULT-VALUE}).")
    String channel;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private long warmupEndsNs = Long.MAX_VALUE;
    private long lastSampleNs;

    /**
     * One subscriber with its latency recorders.
     */
    static final class Subscriber
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
     * Run the demo.
     *
     * @return 0 when every check held, 1 otherwise.
     */
    public Integer call()
    {
        try (LatencyRecording recording = hlog.start("demo"))
        {
            if (recording.isEnabled())
            {
                spec.commandLine().getOut().println("latency log: " + recording.file());
            }
            return run(recording.registry());
        }
    }

    private Integer run(final LatencyRegistry registry)
    {
        final PrintWriter out = spec.commandLine().getOut();
        final long messages = Math.max(1, rate * TimeUnit.NANOSECONDS.toSeconds(durationNs));
        final EpochNanoClock clock = CalibratedEpochNanoClock.shared();
        final Subscriber a = new Subscriber(registry, "A (every event)");
        final Subscriber b = new Subscriber(registry, "B (conflated)");
        final Subscriber c = new Subscriber(registry, "C (late joiner)");
        final List<Subscriber> subscribers = List.of(a, b, c);
        final List<String> failures = new ArrayList<>();

        out.printf(Locale.ROOT, "tickwire demo: %,d simulated ITCH messages, %d symbols, %,d msgs/s, seed %d%n",
            messages, symbols, rate, seed);

        MediaDriver driver = null;
        Aeron aeron = null;
        FeedHandler feed = null;
        AgentRunner subscriberRunner = null;
        AgentRunner lateRunner = null;
        final FeedSnapshot start;
        FeedSnapshot end = null;
        try
        {
            driver = EmbeddedDriver.launchCompact(null);
            aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));

            final SnapshotServer server = new SnapshotServer(new SnapshotServer.Context()
                .aeron(aeron)
                .feed("aeron-spy:" + channel, STREAM_ID)
                .request("aeron:ipc", REQUEST_STREAM_ID)
                .response("aeron:ipc", RESPONSE_STREAM_ID));
            a.client = connect(aeron, a, clock, false);
            b.client = connect(aeron, b, clock, true);
            subscriberRunner = new AgentRunner(new BackoffIdleStrategy(), Throwable::printStackTrace, null,
                new CompositeAgent(server, new FeedClientAgent(a.client), new FeedClientAgent(b.client),
                    new CounterPublisher(a, b)));
            AgentRunner.startOnThread(subscriberRunner);

            feed = new FeedHandler(new FeedHandlerContext()
                .addSource(FeedSource.replay("simulator", listener -> new SimulatorSource(seed, symbols, messages)))
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
            out.flush();

            if (Runtime.getRuntime().availableProcessors() <= 2)
            {
                out.println("note: " + Runtime.getRuntime().availableProcessors() + " cores: driver, feed agents " +
                    "and subscribers share them (compact profile, back-off idle), so these latencies include OS " +
                    "scheduling; pinned busy-spin threads need free cores (docs/FEED-HANDLER.md)");
            }
            start = feed.snapshot();
            FeedSnapshot previous = start;
            final long startNs = System.nanoTime();
            warmupEndsNs = startNs + warmupNs;
            lastSampleNs = startNs;
            final long deadlineNs = startNs + durationNs * 2 + TimeUnit.SECONDS.toNanos(30);
            long nextStatusNs = startNs + TimeUnit.SECONDS.toNanos(1);
            while (true)
            {
                sleepMillis(20);
                final long nowNs = System.nanoTime();
                if (null == lateRunner && nowNs - startNs >= durationNs / 2)
                {
                    c.client = connect(aeron, c, clock, false);
                    lateRunner = new AgentRunner(new BackoffIdleStrategy(), Throwable::printStackTrace, null,
                        new CompositeAgent(new FeedClientAgent(c.client), new CounterPublisher(c)));
                    AgentRunner.startOnThread(lateRunner);
                    out.println("late joiner C subscribing now");
                }
                if (nowNs >= nextStatusNs)
                {
                    final FeedSnapshot current = feed.snapshot();
                    out.println(status(previous, current, subscribers));
                    out.flush();
                    previous = current;
                    nextStatusNs += TimeUnit.SECONDS.toNanos(1);
                }
                if (feed.isComplete() && null != lateRunner)
                {
                    final long published = feed.snapshot().published();
                    if (a.applied.get() >= published && b.applied.get() >= published &&
                        c.recoveries.get() > 0 && c.client.expectedSequence() > published)
                    {
                        break;
                    }
                }
                if (nowNs > deadlineNs)
                {
                    failures.add("timed out waiting for the subscribers to receive every message");
                    break;
                }
            }

            CloseHelper.closeAll(lateRunner, subscriberRunner);
            lateRunner = null;
            subscriberRunner = null;
            end = feed.snapshot();
            verify(end, subscribers, failures, out);
            summary(start, end, subscribers, out);
        }
        catch (final RuntimeException ex)
        {
            failures.add("error: " + ex);
        }
        finally
        {
            CloseHelper.closeAll(lateRunner, subscriberRunner, feed);
            for (final Subscriber subscriber : subscribers)
            {
                CloseHelper.quietClose(subscriber.client);
            }
            CloseHelper.closeAll(aeron, driver);
        }

        if (failures.isEmpty())
        {
            out.println("RESULT: OK - every check held");
            out.flush();
            return 0;
        }
        for (final String failure : failures)
        {
            out.println("FAILED: " + failure);
        }
        out.println("RESULT: FAILED");
        out.flush();
        return 1;
    }

    /**
     * Copies the subscribers' plain counters into atomics on their own thread, for the status line.
     */
    static final class CounterPublisher implements org.agrona.concurrent.Agent
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

    private FeedClient connect(
        final Aeron aeron, final Subscriber subscriber, final EpochNanoClock clock, final boolean conflate)
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

    private String status(final FeedSnapshot previous, final FeedSnapshot current, final List<Subscriber> subscribers)
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

    private void verify(
        final FeedSnapshot end, final List<Subscriber> subscribers, final List<String> failures, final PrintWriter out)
    {
        final long published = end.published();
        final BookBuilder reference = referenceBooks(published);
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
        }
        if (subscribers.get(2).client != null && subscribers.get(2).client.recoveriesCompleted() < 1)
        {
            failures.add("late joiner did not recover from a snapshot");
        }
        out.printf(Locale.ROOT, "verified %d books (%d instruments x %d subscribers) against a direct replay%n",
            booksVerified, reference.instruments().size(), subscribers.size());
    }

    private BookBuilder referenceBooks(final long published)
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
        long normalised = 0;
        for (long i = 1; normalised < published; i++)
        {
            final int length = normaliser.normalise(i, itch, 0, simulator.next(itch, 0), sbe, 0);
            if (length > 0)
            {
                builder.apply(sbe, 0, length);
                normalised++;
            }
        }
        return builder;
    }

    private void summary(
        final FeedSnapshot start, final FeedSnapshot end, final List<Subscriber> subscribers, final PrintWriter out)
    {
        final double seconds = Math.max(1e-9, (end.nanoTime() - start.nanoTime()) / 1e9);
        out.printf(Locale.ROOT, "summary: %,d ITCH messages in, %,d published in %.1f s (%,.0f msgs/s), " +
            "malformed %d, dropped %d, back-pressured %d%n",
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

    private static void sleepMillis(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }
}
