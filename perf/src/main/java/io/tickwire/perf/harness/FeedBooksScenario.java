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
package io.tickwire.perf.harness;

import io.tickwire.agent.ThreadPlan;
import io.tickwire.agent.ThreadingProfile;
import io.tickwire.feed.FeedHandler;
import io.tickwire.feed.FeedHandlerContext;
import io.tickwire.feed.FeedSnapshot;
import io.tickwire.feed.FeedSource;
import io.tickwire.feed.book.BookListener;
import io.tickwire.feed.book.InstrumentBook;
import io.tickwire.feed.book.PriceLevelBook;
import io.tickwire.feed.client.FeedClient;
import io.tickwire.feed.client.FeedClientContext;
import io.tickwire.feed.ingest.BinaryFileSource;
import io.tickwire.feed.ingest.itch.ItchNormaliser;
import io.tickwire.feed.ingest.mdp3.Mdp3Normaliser;
import io.tickwire.feed.ingest.mdp3.Mdp3NormaliserFactory;
import io.tickwire.feed.ingest.mdp3.Mdp3PcapSource;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3Capture;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3Simulator;
import io.tickwire.latency.CalibratedEpochNanoClock;
import io.tickwire.latency.StageRecorder;
import io.tickwire.perf.e2e.FeedThroughput;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code feed-books}: ITCH file → feed handler → Aeron UDP multicast on loopback → {@link FeedClient} building full
 * L3/L2 books on its own thread. {@code feed-books-mdp3} ({@link #mdp3()}): the same with a CME MDP 3.0 pcap of the
 * simulator ({@link Mdp3Simulator}, 30 futures) → the MDP 3.0 normaliser → price-level books (outright and implied);
 * its paced run paces packets so that about 100k feed messages a second are published (the packets' mean number of
 * messages is taken from its {@code max} run).
 * <ul>
 *     <li>run {@code max}: the file replayed as fast as possible; msgs/s from the first to the last message applied
 *     to the books; zero gaps and every published message applied, or the scenario fails.</li>
 *     <li>run {@code 100k/s}: the same path paced open loop by the feed handler's ingest ({@code ratePerSecond});
 *     series {@code publish->book} (book callback time minus the message's publish timestamp) and
 *     {@code ingest->book} (minus its ingest timestamp, the closest stamp to the pacer's intended time, which the
 *     feed handler does not expose), both from {@link CalibratedEpochNanoClock#shared()}; next to the raw kernel UDP
 *     baseline of {@link UdpPingPong} at the same rate, run just before (one-way floor = {@code udp-rtt} / 2, and
 *     the directly measured {@code udp-one-way}); the p50 and p99 ratios are reported, never asserted.</li>
 * </ul>
 */
public final class FeedBooksScenario implements Scenario
{
    /**
     * Scenario name.
     */
    public static final String NAME = "feed-books";

    /**
     * Name of the MDP 3.0 variant.
     */
    public static final String MDP3_NAME = "feed-books-mdp3";

    /**
     * Latency run's rate in messages per second.
     */
    public static final double LATENCY_RATE = 100_000;

    /**
     * Series of the book update latency from the publish timestamp.
     */
    public static final String PUBLISH_TO_BOOK = "publish->book";

    /**
     * Series of the book update latency from the ingest timestamp.
     */
    public static final String INGEST_TO_BOOK = "ingest->book";

    private static final String MAX_RUN = "max";
    private static final String FEED_SERIES = "feed-books";
    private static final long FULL_MESSAGES = 10_000_000;
    private static final long QUICK_MESSAGES = 200_000;
    private static final int SYMBOLS = 100;
    private static final long SEED = 42;
    private static final String LOOPBACK_MTU = "|mtu=65504";
    private static final long QUIET_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(5);
    private static final long MDP3_FULL_PACKETS = 2_000_000;
    private static final long MDP3_QUICK_PACKETS = 40_000;
    private static final int MDP3_INSTRUMENTS = 30;
    private static final int MDP3_GROUP = 0xE0001F01;
    private static final int MDP3_PORT = 14310;

    private final boolean mdp3;

    /**
     * The ITCH scenario, {@value #NAME}.
     */
    public FeedBooksScenario()
    {
        this(false);
    }

    private FeedBooksScenario(final boolean mdp3)
    {
        this.mdp3 = mdp3;
    }

    /**
     * @return the MDP 3.0 scenario, {@value #MDP3_NAME}.
     */
    public static FeedBooksScenario mdp3()
    {
        return new FeedBooksScenario(true);
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return mdp3 ? MDP3_NAME : NAME;
    }

    /**
     * {@inheritDoc}
     */
    public String description()
    {
        return mdp3 ?
            "CME MDP 3.0 pcap (simulator) -> feed handler -> UDP multicast -> FeedClient with price-level books: max " +
            "msgs/s with zero gaps, and publish->book latency at ~100k msgs/s open loop vs the raw kernel UDP " +
            "one-way floor" :
            "ITCH file -> feed handler -> UDP multicast -> FeedClient with full L3/L2 books: max msgs/s with " +
            "zero gaps, and publish->book latency at 100k msgs/s open loop vs the raw kernel UDP one-way floor";
    }

    /**
     * {@inheritDoc}
     */
    public void run(final ScenarioContext context) throws Exception
    {
        final int cores = Runtime.getRuntime().availableProcessors();
        context.threadPlan("cores available: " + cores + "; nothing busy-spins");
        context.threadPlan("feed handler: compact profile (ingest + publisher on one 'feed-agents' thread), " +
            "embedded media driver SHARED, snapshot server off");
        context.threadPlan("feed client: 1 thread 'feed-books-client', FeedClient.poll, YieldingIdleStrategy, " +
            "recovery off (a gap fails the run)");
        context.threadPlan("udp baseline (100k/s run only, before the feed starts): ping (pacer) thread + pong " +
            "thread, YieldingIdleStrategy");
        context.threadPlan("hlog writer: 1 thread, SleepingMillisIdleStrategy(1 ms)");

        final EpochNanoClock clock = CalibratedEpochNanoClock.shared();
        final double seconds = (context.warmupNanos() + context.measureNanos()) / 1e9;
        // Quick runs write into the output directory (a few MB); full runs reuse a file in java.io.tmpdir, written
        // once per message count (the simulators are deterministic), as FeedThroughput does.
        final Path dir = context.quick() ? context.outDir() : Path.of(System.getProperty("java.io.tmpdir"));
        final long throughputUnits = mdp3 ? (context.quick() ? MDP3_QUICK_PACKETS : MDP3_FULL_PACKETS) :
            (context.quick() ? QUICK_MESSAGES : FULL_MESSAGES);
        final Path throughputFile = mdp3 ? mdp3File(context, dir, throughputUnits) :
            itchFile(context, dir, throughputUnits);

        final Outcome max = runFeed(context, throughputFile, 0, null, null, clock,
            TimeUnit.MINUTES.toNanos(context.quick() ? 1 : 2));
        report(context, MAX_RUN, max);
        context.metric(MAX_RUN, FEED_SERIES, "throughput", max.messagesPerSecond(), "msgs/s");
        context.log(max.describe(MAX_RUN));
        max.check(MAX_RUN);

        // The feed handler paces its input: ITCH messages, or MDP 3.0 packets of several messages each.
        final double messagesPerUnit = mdp3 ? Math.max(1.0, max.published / (double)throughputUnits) : 1.0;
        final long unitRate = Math.max(1, Math.round(LATENCY_RATE / messagesPerUnit));
        final long latencyUnits = (long)(unitRate * seconds);
        final Path latencyFile = mdp3 ? mdp3File(context, dir, latencyUnits) : itchFile(context, dir, latencyUnits);
        if (mdp3)
        {
            context.log(String.format(Locale.ROOT, "paced run: %,d packets/s x %.2f messages per packet", unitRate,
                messagesPerUnit));
            context.metric(MAX_RUN, FEED_SERIES, "messages-per-packet", messagesPerUnit, "msgs");
        }

        final String run = FeedLatencyScenario.rateLabel(LATENCY_RATE);
        context.log("rate " + run + ": udp baseline (no feed handler running)");
        UdpPingPong.run(context, run, LATENCY_RATE, clock);

        final StageRecorder publishToBook = context.recorder(run, PUBLISH_TO_BOOK, LATENCY_RATE);
        final StageRecorder ingestToBook = context.recorder(run, INGEST_TO_BOOK, LATENCY_RATE);
        final Outcome paced = runFeed(context, latencyFile, unitRate, publishToBook, ingestToBook, clock,
            2 * (context.warmupNanos() + context.measureNanos()) + TimeUnit.SECONDS.toNanos(30));
        report(context, run, paced);
        context.metric(run, FEED_SERIES, "achieved-rate", paced.messagesPerSecond(), "msgs/s");
        context.metric(run, PUBLISH_TO_BOOK, "book-updates-recorded", paced.recorded, "msgs");
        context.log(paced.describe(run));
        context.ratio(run, PUBLISH_TO_BOOK + "/udp-one-way-floor", PUBLISH_TO_BOOK, UdpPingPong.RTT, 0.5);
        context.ratio(run, PUBLISH_TO_BOOK + "/udp-one-way", PUBLISH_TO_BOOK, UdpPingPong.ONE_WAY, 1.0);
        context.ratio(run, INGEST_TO_BOOK + "/udp-one-way-floor", INGEST_TO_BOOK, UdpPingPong.RTT, 0.5);
        paced.check(run);
    }

    private static Path itchFile(final ScenarioContext context, final Path dir, final long messages) throws IOException
    {
        final long startNs = System.nanoTime();
        final Path file = FeedThroughput.generateItchFile(
            dir.resolve("tickwire-feed-books-" + messages + ".itch"), messages, SYMBOLS, SEED);
        context.log(String.format(Locale.ROOT, "ITCH file %s: %,d messages, %,d bytes, ready in %.1f s", file,
            messages, Files.size(file), (System.nanoTime() - startNs) / 1e9));
        return file;
    }

    private static Path mdp3File(final ScenarioContext context, final Path dir, final long packets)
        throws IOException
    {
        final long startNs = System.nanoTime();
        final Path file = dir.resolve("tickwire-feed-books-mdp3-" + packets + ".pcap");
        if (!Files.exists(file))
        {
            final Path partial = dir.resolve(file.getFileName() + ".partial");
            Mdp3Capture.write(partial, new Mdp3Simulator(SEED, MDP3_INSTRUMENTS), packets, MDP3_GROUP, MDP3_PORT);
            Files.move(partial, file);
        }
        context.log(String.format(Locale.ROOT, "MDP 3.0 pcap %s: %,d packets, %,d bytes, ready in %.1f s", file,
            packets, Files.size(file), (System.nanoTime() - startNs) / 1e9));
        return file;
    }

    private static void report(final ScenarioContext context, final String run, final Outcome outcome)
    {
        context.metric(run, FEED_SERIES, "published", outcome.published, "msgs");
        context.metric(run, FEED_SERIES, "received", outcome.received, "msgs");
        context.metric(run, FEED_SERIES, "applied", outcome.applied, "msgs");
        context.metric(run, FEED_SERIES, "sequence-gaps", outcome.gaps, "times");
        context.metric(run, FEED_SERIES, "duplicates", outcome.duplicates, "times");
        context.metric(run, FEED_SERIES, "book-errors", outcome.bookErrors, "times");
        context.metric(run, FEED_SERIES, "malformed", outcome.malformed, "msgs");
        context.metric(run, FEED_SERIES, "books", outcome.books, "books");
        context.metric(run, FEED_SERIES, "resting-orders", outcome.restingOrders, "orders");
        context.metric(run, FEED_SERIES, "elapsed", outcome.elapsedNs / 1e9, "s");
        context.metric(run, FEED_SERIES, "back-pressured", outcome.backPressured, "times");
        context.metric(run, FEED_SERIES, "complete", outcome.complete() ? 1 : 0, "bool");
    }

    private Outcome runFeed(
        final ScenarioContext context, final Path file, final long rate, final StageRecorder publishToBook,
        final StageRecorder ingestToBook, final EpochNanoClock clock, final long timeoutNs) throws Exception
    {
        final String channel = FeedLatencyScenario.multicastChannel() + LOOPBACK_MTU;
        final FeedHandlerContext ctx = new FeedHandlerContext()
            .addSource(mdp3 ? FeedSource.replay(file.toString(), (listener) ->
            {
                try
                {
                    return new Mdp3PcapSource(file, listener);
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException(ex);
                }
            }).normaliser(Mdp3Normaliser.DESCRIPTION, new Mdp3NormaliserFactory(), Mdp3Normaliser.MAX_ENCODED_LENGTH) :
            FeedSource.replay(file.toString(), (listener) ->
            {
                try
                {
                    return new BinaryFileSource(file, listener);
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException(ex);
                }
            }))
            .normaliserFactory(
                (epochClock, listener, name) -> new ItchNormaliser(epochClock, listener, name)::normalise)
            .channel(channel)
            .threadingProfile(ThreadingProfile.COMPACT)
            .ratePerSecond(rate)
            .epochClock(clock)
            .snapshots(false);

        final Outcome outcome = new Outcome(rate, context.warmupNanos(), publishToBook, ingestToBook, clock);
        FeedHandler feed = null;
        FeedClient client = null;
        try
        {
            feed = new FeedHandler(ctx).start();
            final String run = 0 == rate ? MAX_RUN : FeedLatencyScenario.rateLabel(rate);
            context.log(run + ": " + channel);
            for (final ThreadPlan.Row row : feed.threadPlan().rows())
            {
                context.threadPlan(run + " feed handler agent " + row.agent() + ": thread " + row.thread() +
                    ", idle " + row.idleStrategy());
            }
            client = FeedClient.connect(new FeedClientContext()
                .aeron(feed.aeron())
                .channel(channel)
                .streamId(ctx.streamId())
                .snapshotRequest(null, 0)
                .idleStrategy(new YieldingIdleStrategy())
                .bookListener(outcome));
            outcome.client = client;
            final FeedHandler feedHandler = feed;
            final Thread thread = new Thread(() -> outcome.consume(feedHandler, timeoutNs), "feed-books-client");
            thread.start();
            thread.join(TimeUnit.NANOSECONDS.toMillis(timeoutNs) + 10_000);
            if (thread.isAlive())
            {
                outcome.running = false;
                thread.join(10_000);
            }
            final FeedSnapshot snapshot = feed.snapshot();
            outcome.published = snapshot.published();
            outcome.malformed = snapshot.malformed();
            outcome.backPressured = snapshot.backPressured();

            return outcome;
        }
        finally
        {
            CloseHelper.closeAll(client, feed);
        }
    }

    private static final class Outcome implements BookListener
    {
        private final long rate;
        private final long warmupNs;
        private final StageRecorder publishToBook;
        private final StageRecorder ingestToBook;
        private final EpochNanoClock clock;
        volatile boolean running = true;
        FeedClient client;
        long firstPublishNs;
        long published;
        long malformed;
        long backPressured;
        volatile long received;
        volatile long applied;
        volatile long gaps;
        volatile long duplicates;
        volatile long bookErrors;
        volatile long books;
        volatile long restingOrders;
        volatile long elapsedNs;
        long recorded;
        volatile boolean timedOut;

        Outcome(
            final long rate, final long warmupNs, final StageRecorder publishToBook, final StageRecorder ingestToBook,
            final EpochNanoClock clock)
        {
            this.rate = rate;
            this.warmupNs = warmupNs;
            this.publishToBook = publishToBook;
            this.ingestToBook = ingestToBook;
            this.clock = clock;
        }

        public void onBookUpdate(final long instrumentId, final String symbol, final PriceLevelBook book)
        {
            if (null == publishToBook)
            {
                return;
            }
            final long nowNs = clock.nanoTime();
            final long publishNs = client.lastPublishTimestamp();
            if (0 == firstPublishNs)
            {
                firstPublishNs = publishNs;
            }
            if (publishNs - firstPublishNs >= warmupNs)
            {
                publishToBook.recordValue(nowNs - publishNs);
                ingestToBook.recordValue(nowNs - client.lastIngestTimestamp());
                recorded++;
            }
        }

        void consume(final FeedHandler feed, final long timeoutNs)
        {
            final IdleStrategy idle = new YieldingIdleStrategy();
            final long deadlineNs = System.nanoTime() + timeoutNs;
            long firstNs = 0;
            long lastNs = 0;
            long quietSinceNs = System.nanoTime();
            long lastApplied = 0;
            while (running)
            {
                final int work = client.poll();
                final long nowNs = System.nanoTime();
                final long appliedNow = client.messagesApplied();
                if (appliedNow != lastApplied)
                {
                    if (0 == lastApplied)
                    {
                        firstNs = nowNs;
                    }
                    lastApplied = appliedNow;
                    lastNs = nowNs;
                    quietSinceNs = nowNs;
                }
                else if (feed.isComplete() &&
                    (appliedNow >= feed.snapshot().published() || nowNs - quietSinceNs > QUIET_TIMEOUT_NS))
                {
                    break;
                }
                if (nowNs > deadlineNs)
                {
                    timedOut = true;
                    break;
                }
                idle.idle(work);
            }
            long resting = 0;
            for (final InstrumentBook instrument : client.instruments())
            {
                resting += instrument.book().orderCount();
            }
            restingOrders = resting;
            books = client.instruments().size();
            elapsedNs = lastNs - firstNs;
            received = client.messagesReceived() - client.heartbeats();
            gaps = client.gaps();
            duplicates = client.duplicates();
            bookErrors = client.totalBookErrors();
            applied = lastApplied;
        }

        boolean complete()
        {
            return !timedOut && published > 0 && applied == published && 0 == gaps && 0 == duplicates &&
                0 == malformed;
        }

        double messagesPerSecond()
        {
            return applied * 1e9 / Math.max(1, elapsedNs);
        }

        String describe(final String run)
        {
            return String.format(Locale.ROOT,
                "%s: %,d msgs applied of %,d published in %.3f s = %,.0f msgs/s; gaps %d, duplicates %d, " +
                "malformed %d, book errors %d, %d books, %,d resting orders, back-pressure %,d%s%s",
                run, applied, published, elapsedNs / 1e9, messagesPerSecond(), gaps, duplicates, malformed,
                bookErrors, books, restingOrders, backPressured, 0 == rate ? "" : ", book updates recorded " + recorded,
                timedOut ? ", TIMED OUT" : "");
        }

        void check(final String run)
        {
            if (!complete())
            {
                throw new IllegalStateException("feed-books " + run + " incomplete: " + describe(run));
            }
        }
    }
}
