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

import io.aeron.driver.MediaDriver;
import io.tickwire.agent.EmbeddedDriver;
import io.tickwire.agent.cli.HlogOptions;
import io.tickwire.feed.book.BboListener;
import io.tickwire.feed.book.BookListener;
import io.tickwire.feed.book.InstrumentBook;
import io.tickwire.feed.book.TradeListener;
import io.tickwire.feed.client.ClientStages;
import io.tickwire.feed.client.FeedClient;
import io.tickwire.feed.client.FeedClientConfiguration;
import io.tickwire.feed.client.FeedClientContext;
import io.tickwire.feed.client.GapListener;
import io.tickwire.feed.client.RecoveryReason;
import io.tickwire.feed.config.ConfigException;
import io.tickwire.latency.CalibratedEpochNanoClock;
import io.tickwire.latency.LatencyRecording;
import io.tickwire.latency.StageRecorder;
import io.tickwire.sbe.md.AggressorSide;
import org.HdrHistogram.Histogram;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code tickwire feed subscribe}: subscribe to the published feed, build books, print books, BBOs or trades, a
 * status line per second (on stderr) and a summary at exit. Runs until Ctrl-C or {@code --duration}.
 */
@Command(
    name = "subscribe",
    mixinStandardHelpOptions = true,
    description = {
        "Subscribe to the Tickwire feed, build its books (order books, and the price-level books of",
        "market-by-price venues such as CME MDP 3.0) and print them.",
        "Status line once per second and a summary at exit go to stderr; printed books, BBOs or trades to stdout.",
        "Settings come from the command line, else the configuration file (--config, default",
        "config/feed-client.properties of the installation when present), else system properties, else defaults." })
public final class FeedSubscribeCommand implements Callable<Integer>
{
    /**
     * What to print per update.
     */
    enum PrintMode
    {
        book, bbo, trades, none
    }

    /** The installation's configuration file, read when present and no --config is given. */
    static final String CONFIG_FILE = "feed-client.properties";

    @Mixin
    private HlogOptions hlog;

    @Option(names = "--config", paramLabel = "FILE",
        description = "Configuration file of tickwire.feed.client.* keys (default: the installation's config/" +
        CONFIG_FILE + " when present; flags given here override it).")
    Path config;

    @Option(names = "--channel", paramLabel = "URI", description = "Feed channel (default: ${DEFAULT-VALUE}).")
    String channel = FeedClientConfiguration.channel();

    @Option(names = "--stream", paramLabel = "ID", description = "Feed stream id (default: ${DEFAULT-VALUE}).")
    int streamId = FeedClientConfiguration.streamId();

    @Option(names = "--symbols", paramLabel = "A,B", split = ",", description = "Only these symbols (default: all).")
    String[] symbols;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "5",
        description = "Levels per side printed with --print book (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--print", paramLabel = "book|bbo|trades|none", defaultValue = "bbo",
        description = "What to print (default: ${DEFAULT-VALUE}).")
    PrintMode print;

    @Option(names = "--conflate", description = "Latest book/BBO per instrument per poll instead of every event.")
    boolean conflate;

    @Option(names = "--aeron-dir", paramLabel = "DIR",
        description = "Media driver directory (default: an embedded driver).")
    String aeronDir;

    @Option(names = "--snapshot-request", paramLabel = "URI",
        description = "Snapshot request channel; 'none' disables recovery (default: ${DEFAULT-VALUE}).")
    String snapshotRequestChannel = FeedClientConfiguration.snapshotRequestChannel();

    @Option(names = "--snapshot-response", paramLabel = "URI",
        description = "Snapshot response channel (default: ${DEFAULT-VALUE}).")
    String snapshotResponseChannel = FeedClientConfiguration.snapshotResponseChannel();

    @Option(names = "--silence-ms", paramLabel = "MS",
        description = "Mark every book stale after this long without a message or heartbeat from the publisher; " +
        "0 never (default: ${DEFAULT-VALUE}, a few publisher heartbeat intervals).")
    long silenceMs = TimeUnit.NANOSECONDS.toMillis(FeedClientConfiguration.silenceTimeoutNs());

    @Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
        description = "Stop after this long, e.g. 30s, 500ms, 2m (default: until Ctrl-C).")
    long durationNs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Path configFile;

    /**
     * Parses {@code 20s}, {@code 500ms}, {@code 2m} or plain seconds into nanoseconds.
     */
    public static final class DurationConverter implements CommandLine.ITypeConverter<Long>
    {
        /**
         * {@inheritDoc}
         */
        public Long convert(final String value)
        {
            final String text = value.trim().toLowerCase(Locale.ROOT);
            final long nanos;
            try
            {
                nanos = parse(text);
            }
            catch (final NumberFormatException ex)
            {
                throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration: give e.g. 20s, 500ms, 2m or a number of seconds");
            }
            if (nanos <= 0)
            {
                throw new CommandLine.TypeConversionException("duration must be positive: " + value);
            }
            return nanos;
        }

        private static long parse(final String text)
        {
            final long nanos;
            if (text.endsWith("ms"))
            {
                nanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            else if (text.endsWith("s"))
            {
                nanos = TimeUnit.SECONDS.toNanos(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            else if (text.endsWith("m"))
            {
                nanos = TimeUnit.MINUTES.toNanos(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            else
            {
                nanos = TimeUnit.SECONDS.toNanos(Long.parseLong(text));
            }
            return nanos;
        }
    }

    /**
     * Run the subscriber.
     *
     * @return exit code.
     */
    public Integer call()
    {
        try (LatencyRecording recording = hlog.start("feed-subscribe"))
        {
            if (recording.isEnabled())
            {
                spec.commandLine().getErr().println("latency log: " + recording.file());
            }
            return run(recording);
        }
    }

    private Integer run(final LatencyRecording recording)
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final EpochNanoClock clock = CalibratedEpochNanoClock.shared();
        final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        final long[] updates = new long[1];
        final FeedClient[] holder = new FeedClient[1];
        final AsyncLinePrinter printer = PrintMode.none == print ? null : new AsyncLinePrinter(out);

        final StageRecorder publishToReceive =
            recording.registry().recorder(ClientStages.PUBLISH_TO_RECEIVE, "subscriber");
        final StageRecorder receiveToBook = recording.registry().recorder(ClientStages.RECEIVE_TO_BOOK, "subscriber");
        final BookListener bookListener = (instrumentId, symbol, book) ->
        {
            updates[0]++;
            final long nowNs = clock.nanoTime();
            final FeedClient client = holder[0];
            // A book loaded from a snapshot has no published message to time.
            if (0 != client.lastPublishTimestamp())
            {
                latency.recordValue(Math.min(latency.getHighestTrackableValue(),
                    Math.max(0, nowNs - client.lastPublishTimestamp())));
                publishToReceive.recordInterval(client.lastPublishTimestamp(), client.lastReceiveTimestamp());
                receiveToBook.recordInterval(client.lastReceiveTimestamp(), nowNs);
            }
            if (PrintMode.book == print)
            {
                final InstrumentBook instrument = client.instrument(instrumentId);
                printer.print(BookLines.formatBook(label(instrumentId, symbol), book,
                    null == instrument ? null : instrument.impliedBook(), depth, BookLines.exponentOf(instrument)));
            }
        };
        final BboListener bboListener = (instrumentId, symbol, bidPrice, bidQuantity, askPrice, askQuantity) ->
        {
            if (PrintMode.bbo == print)
            {
                final int exponent = BookLines.exponentOf(holder[0].instrument(instrumentId));
                final String bid = bidQuantity + "@" + BookLines.price(bidPrice, exponent);
                printer.print(label(instrumentId, symbol) + " " + bid + " / " + askQuantity + "@" +
                    BookLines.price(askPrice, exponent));
            }
        };
        final TradeListener tradeListener = new TradeListener()
        {
            public void onTrade(
                final long sequence, final long instrumentId, final long price, final long quantity,
                final long matchNumber)
            {
                if (PrintMode.trades == print)
                {
                    final int exponent = BookLines.exponentOf(holder[0].instrument(instrumentId));
                    printer.print(symbolOf(holder[0], instrumentId) + " trade " + quantity + "@" +
                        BookLines.price(price, exponent) + " match=" + matchNumber);
                }
            }

            public void onTradeSummary(
                final long sequence,
                final long instrumentId,
                final long price,
                final long quantity,
                final long tradeId,
                final AggressorSide aggressorSide,
                final int orderCount)
            {
                if (PrintMode.trades == print)
                {
                    final int exponent = BookLines.exponentOf(holder[0].instrument(instrumentId));
                    printer.print(symbolOf(holder[0], instrumentId) + " trade " + quantity + "@" +
                        BookLines.price(price, exponent) + " aggressor=" + aggressorSide + " orders=" + orderCount +
                        " trade_id=" + tradeId);
                }
            }
        };
        final GapListener gapListener = new GapListener()
        {
            public void onGap(final long expectedSequence, final long receivedSequence)
            {
                err.println("gap: expected " + expectedSequence + ", received " + receivedSequence);
            }

            public void onPublisherRestart(final int previousSessionId, final int sessionId, final long first)
            {
                err.println("publisher restart: session " + previousSessionId + " -> " + sessionId +
                    ", first sequence " + first);
            }

            public void onPublisherChange(final int previousSessionId, final int sessionId, final long epoch)
            {
                err.println("publisher change: session " + previousSessionId + " -> " + sessionId + ", epoch " +
                    (GapListener.NO_EPOCH == epoch ? "not announced" : Long.toString(epoch)) +
                    ": books from a snapshot");
            }

            public void onSilence(final long silentForNs)
            {
                err.println("publisher silent for " + TimeUnit.NANOSECONDS.toMillis(silentForNs) +
                    " ms: books stale");
            }

            public void onSilenceEnded(final long silentForNs)
            {
                err.println("publisher heard again after " + TimeUnit.NANOSECONDS.toMillis(silentForNs) + " ms");
            }

            public void onRecoveryStarted(final RecoveryReason reason, final long requestId)
            {
                err.println("recovery started: " + reason);
            }

            public void onRecoveryCompleted(final long requestId, final long snapshotSequence, final long applied)
            {
                err.println("recovery completed at sequence " + snapshotSequence + ", " + applied +
                    " buffered messages applied");
            }
        };

        final FeedClientContext context = context()
            .bookListener(bookListener)
            .bboListener(bboListener)
            .tradeListener(tradeListener)
            .gapListener(gapListener);
        final String feedChannel = context.channel();
        final int feedStreamId = context.streamId();
        final boolean conflated = context.conflate();
        final Set<String> symbolFilter = context.symbols();
        // Without an external driver the command runs its own, compact one: the library never launches a driver.
        final MediaDriver driver = null == context.aeronDirectoryName() ? EmbeddedDriver.launchCompact(null) : null;
        if (null != driver)
        {
            context.aeronDirectoryName(driver.aeronDirectoryName());
        }

        final AtomicBoolean running = new AtomicBoolean(true);
        final CountDownLatch finished = new CountDownLatch(1);
        final Thread shutdownHook = new Thread(() ->
        {
            // Ctrl-C: stop polling and let the summary print before the JVM exits.
            running.set(false);
            try
            {
                finished.await(5, TimeUnit.SECONDS);
            }
            catch (final InterruptedException ignore)
            {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        final IdleStrategy idle = context.idleStrategy();
        boolean heardNothing = false;
        err.println("subscribing to " + feedChannel + " stream " + feedStreamId +
            (null == symbolFilter ? "" : " symbols " + symbolFilter) + (conflated ? " (conflated)" : "") +
            ", config " + (null == configFile ? "none (system properties and defaults)" : configFile));

        try (MediaDriver ignore = driver; FeedClient client = FeedClient.connect(context))
        {
            holder[0] = client;
            final long startNs = System.nanoTime();
            long nextStatusNs = startNs + TimeUnit.SECONDS.toNanos(1);
            long lastMessages = 0;
            long seen = 0;
            long firstMessageNs = 0;
            long lastMessageNs = 0;
            while (running.get())
            {
                idle.idle(client.poll());
                final long nowNs = System.nanoTime();
                final long received = client.messagesReceived();
                if (received != seen)
                {
                    // Rates over the traffic itself, first message to last, not over the time spent waiting.
                    firstMessageNs = 0 == seen ? nowNs : firstMessageNs;
                    lastMessageNs = nowNs;
                    seen = received;
                }
                if (nowNs >= nextStatusNs)
                {
                    final long messages = client.messagesReceived();
                    err.println(statusLine(client, messages - lastMessages, latency));
                    lastMessages = messages;
                    nextStatusNs += TimeUnit.SECONDS.toNanos(1);
                }
                if (durationNs > 0 && nowNs - startNs >= durationNs)
                {
                    break;
                }
            }
            final long subscribedNs = System.nanoTime() - startNs;
            CloseHelper.close(printer);
            out.flush();
            err.println(summary(client, updates[0], latency, lastMessageNs - firstMessageNs, subscribedNs));
            if (null != printer)
            {
                err.println(String.format(Locale.ROOT, "printing: %,d lines on the printer thread, %,d dropped " +
                    "because the terminal fell behind; the latency above is measured on the polling thread, " +
                    "before printing", printer.printed(), printer.dropped()));
            }
            if (0 == client.messagesReceived() && 0 == client.heartbeats())
            {
                // Silence is not success: the usual cause is a channel, stream or interface that differs.
                err.println("nothing received: is a publisher running on " + feedChannel + " stream " + feedStreamId +
                    "? Publisher and subscriber must name the same channel, stream id and interface.");
                heardNothing = true;
            }
            err.flush();
        }
        finally
        {
            CloseHelper.quietClose(printer);
            finished.countDown();
            if (running.get())
            {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            }
        }
        return heardNothing ? 1 : 0;
    }

    /**
     * The client's settings: the configuration file, then each flag given on the command line over it.
     *
     * @return the context, without listeners.
     */
    FeedClientContext context()
    {
        configFile = CommandConfig.resolve(config, CONFIG_FILE, spec.commandLine());
        final FeedClientContext context;
        try
        {
            context = null == configFile ? new FeedClientContext() : FeedClientContext.fromProperties(configFile);
        }
        catch (final ConfigException ex)
        {
            throw CommandConfig.usage(spec.commandLine(), ex);
        }
        if (given("--snapshot-request"))
        {
            context.snapshotRequest("none".equals(snapshotRequestChannel) ? null : snapshotRequestChannel,
                context.snapshotRequestStreamId());
        }
        if (given("--silence-ms"))
        {
            context.silenceTimeoutNs(TimeUnit.MILLISECONDS.toNanos(silenceMs));
        }
        return context
            .channel(given("--channel") ? channel : context.channel())
            .streamId(given("--stream") ? streamId : context.streamId())
            .snapshotResponse(
                given("--snapshot-response") ? snapshotResponseChannel : context.snapshotResponseChannel(),
                context.snapshotResponseStreamId())
            .symbols(given("--symbols") ? new LinkedHashSet<>(Arrays.asList(symbols)) : context.symbols())
            .conflate(conflate || context.conflate())
            .aeronDirectoryName(given("--aeron-dir") ? aeronDir : context.aeronDirectoryName());
    }

    private boolean given(final String option)
    {
        return CommandConfig.given(spec.commandLine(), option);
    }

    static String statusLine(final FeedClient client, final long messagesPerSecond, final Histogram latency)
    {
        return String.format(Locale.ROOT,
            "msgs/s %,d | total %,d | gaps %d | publisher changes %d | recoveries %d | stale books %d%s | " +
            "book errors %d | latency p50 %s p99 %s",
            messagesPerSecond, client.messagesReceived(), client.gaps(), client.publisherChanges(),
            client.recoveriesCompleted(),
            client.staleBooks(), client.isSilent() ? " (publisher silent)" : "", client.totalBookErrors(),
            micros(latency.getValueAtPercentile(50)), micros(latency.getValueAtPercentile(99)));
    }

    static String summary(
        final FeedClient client,
        final long bookUpdates,
        final Histogram latency,
        final long trafficNs,
        final long subscribedNs)
    {
        final double seconds = Math.max(1e-3, trafficNs / 1e9);
        final long p50 = latency.getValueAtPercentile(50);
        final String behind = p50 < TimeUnit.MILLISECONDS.toNanos(10) ? "" : String.format(Locale.ROOT,
            "%n  note: a p50 of %.1f ms is backlog, not transport: the subscriber fell behind the publisher (a " +
            "publisher at --max outruns any subscriber; compare --print none, or pace it with --rate)", p50 / 1e6);
        return String.format(Locale.ROOT,
            "summary: %,d messages received, %,d applied in %.1f s of traffic, first to last message " +
            "(%,.0f msgs/s; subscribed %.1f s), %,d book updates%n" +
            "  gaps %d, duplicates %d, publisher restarts %d (changes %d), recoveries %d/%d, silences %d, " +
            "stale books %d, book errors %d%n" +
            "  latency publish -> callback: p50 %s, p90 %s, p99 %s, p99.9 %s, max %s (%,d samples)",
            client.messagesReceived(), client.messagesApplied(), seconds, client.messagesReceived() / seconds,
            subscribedNs / 1e9, bookUpdates, client.gaps(), client.duplicates(), client.publisherRestarts(),
            client.publisherChanges(), client.recoveriesCompleted(), client.recoveriesStarted(), client.silences(),
            client.staleBooks(), client.totalBookErrors(),
            micros(latency.getValueAtPercentile(50)), micros(latency.getValueAtPercentile(90)),
            micros(latency.getValueAtPercentile(99)), micros(latency.getValueAtPercentile(99.9)),
            micros(latency.getMaxValue()), latency.getTotalCount()) + behind;
    }

    static String micros(final long nanos)
    {
        return String.format(Locale.ROOT, "%.1f us", nanos / 1000.0);
    }

    static String symbolOf(final FeedClient client, final long instrumentId)
    {
        final InstrumentBook instrument = client.instrument(instrumentId);
        return label(instrumentId, null == instrument ? "" : instrument.symbol());
    }

    static String label(final long instrumentId, final String symbol)
    {
        // Until its definition arrives an instrument has no symbol: show its id rather than nothing.
        return symbol.isEmpty() ? "#" + instrumentId : symbol;
    }
}
