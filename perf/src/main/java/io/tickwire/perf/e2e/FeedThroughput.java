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
package io.tickwire.perf.e2e;

import io.aeron.Aeron;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.tickwire.agent.ThreadingProfile;
import io.tickwire.feed.FeedConfiguration;
import io.tickwire.feed.FeedHandler;
import io.tickwire.feed.FeedHandlerContext;
import io.tickwire.feed.FeedSnapshot;
import io.tickwire.feed.FeedSource;
import io.tickwire.feed.NormaliserFactory;
import io.tickwire.feed.ingest.BinaryFileSource;
import io.tickwire.feed.ingest.itch.ItchFileWriter;
import io.tickwire.feed.ingest.itch.ItchNormaliser;
import io.tickwire.feed.ingest.itch.sim.ItchSimulator;
import io.tickwire.feed.ring.MessageNormaliser;
import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.HeartbeatDecoder;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end throughput of the feed handler: source → ingest agent → ring → publisher → Aeron UDP multicast on
 * loopback → a subscriber in the same process, with every stream sequence number checked (a fast wrong answer
 * is not a result).
 * <pre>
 *   source --&gt; [ingest-0] --ring--&gt; [publisher] --tryClaim--&gt; driver sender --UDP multicast, lo--&gt;
 *        driver receiver --&gt; subscriber (main thread: poll, check sequence = previous + 1)
 * </pre>
 * The clock runs from the first message received to the last, so waiting for the subscriber to connect is not
 * counted. Self-contained: {@link #run(Config)} returns a {@link Result}; {@link #main(String[])} prints it.
 */
public final class FeedThroughput
{
    /**
     * What to run.
     */
    public static final class Config
    {
        long messages = 10_000_000;
        String channel = "aeron:udp?endpoint=239.255.77.3:40466|interface=127.0.0.1|ttl=0";
        int streamId = FeedConfiguration.STREAM_ID_DEFAULT + 100;
        ThreadingProfile profile;
        String sourceName;
        FeedSource.Factory sourceFactory;
        NormaliserFactory normaliserFactory;
        long timeoutNs = TimeUnit.MINUTES.toNanos(10);
        boolean snapshots;

        /**
         * @param snapshots true to run the feed handler's snapshot server too (default false: the measured path is
         *                  ingest → publisher → subscriber; the server's spy would share the agent thread).
         * @return this for a fluent API.
         */
        public Config snapshots(final boolean snapshots)
        {
            this.snapshots = snapshots;
            return this;
        }

        /**
         * @param messages to publish (synthetic source) or expected (file source).
         * @return this for a fluent API.
         */
        public Config messages(final long messages)
        {
            this.messages = messages;
            return this;
        }

        /**
         * @param channel Aeron channel.
         * @return this for a fluent API.
         */
        public Config channel(final String channel)
        {
            this.channel = channel;
            return this;
        }

        /**
         * @param streamId Aeron stream id.
         * @return this for a fluent API.
         */
        public Config streamId(final int streamId)
        {
            this.streamId = streamId;
            return this;
        }

        /**
         * @param profile threading profile, null to choose from the core count.
         * @return this for a fluent API.
         */
        public Config profile(final ThreadingProfile profile)
        {
            this.profile = profile;
            return this;
        }

        /**
         * Use a given source and normaliser instead of the synthetic Add Orders.
         *
         * @param name              of the source.
         * @param factory           opening it.
         * @param normaliserFactory for its messages.
         * @return this for a fluent API.
         */
        public Config source(final String name, final FeedSource.Factory factory, final NormaliserFactory
            normaliserFactory)
        {
            this.sourceName = name;
            this.sourceFactory = factory;
            this.normaliserFactory = normaliserFactory;
            return this;
        }

        /**
         * @param timeoutNs give up after this long.
         * @return this for a fluent API.
         */
        public Config timeoutNs(final long timeoutNs)
        {
            this.timeoutNs = timeoutNs;
            return this;
        }
    }

    /**
     * Outcome of one run.
     *
     * @param source        what was published.
     * @param profile       threading profile that ran.
     * @param channel       Aeron channel.
     * @param published     messages the publisher sent.
     * @param received      messages the subscriber received.
     * @param sequenceGaps  times a received sequence was not the previous + 1.
     * @param elapsedNs     first to last message received.
     * @param backPressured refused claims for back-pressure.
     * @param ringFull      ring-full episodes.
     */
    public record Result(
        String source,
        ThreadingProfile profile,
        String channel,
        long published,
        long received,
        long sequenceGaps,
        long elapsedNs,
        long backPressured,
        long ringFull)
    {
        /**
         * @return true if every published message arrived, in order, without gaps.
         */
        public boolean zeroLoss()
        {
            return received == published && 0 == sequenceGaps;
        }

        /**
         * @return messages received per second.
         */
        public double messagesPerSecond()
        {
            return received * 1e9 / Math.max(1, elapsedNs);
        }

        /**
         * @return a one-line report.
         */
        public String describe()
        {
            return String.format(Locale.ROOT,
                "%s: %,d msgs in %.3f s = %,.0f msgs/s, profile %s, zero loss %s (received %,d of %,d, gaps %d), " +
                "back-pressure %,d, ring-full %,d, channel %s",
                source, received, elapsedNs / 1e9, messagesPerSecond(), profile.displayName(), zeroLoss(), received,
                published, sequenceGaps, backPressured, ringFull, channel);
        }
    }

    private static final class Checker implements FragmentHandler
    {
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        long received;
        long lastSequence;
        long gaps;
        long firstNs;
        long lastNs;

        public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header h)
        {
            header.wrap(buffer, offset);
            if (HeartbeatDecoder.TEMPLATE_ID == header.templateId())
            {
                return;
            }
            final long sequence = buffer.getLong(offset + MarketDataHeader.SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
            if (sequence != lastSequence + 1)
            {
                gaps++;
            }
            lastSequence = sequence;
            if (0 == received++)
            {
                firstNs = System.nanoTime();
            }
        }
    }

    private static final long QUIET_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(5);

    private FeedThroughput()
    {
    }

    /**
     * Run once.
     *
     * @param config what to run.
     * @return the result; check {@link Result#zeroLoss()}.
     */
    public static Result run(final Config config)
    {
        final String sourceName;
        final FeedSource.Factory sourceFactory;
        final NormaliserFactory normaliserFactory;
        if (null == config.sourceFactory)
        {
            final long messages = config.messages;
            sourceName = "synthetic add orders";
            sourceFactory = listener -> new SyntheticAddOrders.Source(messages);
            normaliserFactory =
                (clock, listener, name) -> MessageNormaliser.oneToOne(new SyntheticAddOrders.Normaliser(clock));
        }
        else
        {
            sourceName = config.sourceName;
            sourceFactory = config.sourceFactory;
            normaliserFactory = config.normaliserFactory;
        }

        final FeedHandlerContext ctx = new FeedHandlerContext()
            .addSource(FeedSource.replay(sourceName, sourceFactory))
            .normaliserFactory(normaliserFactory)
            .channel(config.channel)
            .streamId(config.streamId)
            .threadingProfile(config.profile)
            .snapshots(config.snapshots);

        final Checker checker = new Checker();
        final IdleStrategy idle = new YieldingIdleStrategy();
        final long deadlineNs = System.nanoTime() + config.timeoutNs;
        FeedHandler feed = null;
        Aeron aeron = null;
        try
        {
            feed = new FeedHandler(ctx).start();
            aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(feed.aeronDirectoryName()));
            final Subscription subscription = aeron.addSubscription(config.channel, config.streamId);

            // Messages are far below the MTU, so no fragment assembly is needed.
            long quietSinceNs = System.nanoTime();
            while (System.nanoTime() < deadlineNs)
            {
                final int fragments = subscription.poll(checker, 1024);
                if (fragments > 0)
                {
                    checker.lastNs = System.nanoTime();
                    quietSinceNs = checker.lastNs;
                }
                else if (feed.isComplete() && (checker.received >= feed.snapshot().published() ||
                    System.nanoTime() - quietSinceNs > QUIET_TIMEOUT_NS))
                {
                    break;
                }
                idle.idle(fragments);
            }

            final FeedSnapshot snapshot = feed.snapshot();
            return new Result(sourceName, feed.threadPlan().profile(), config.channel, snapshot.published(),
                checker.received, checker.gaps, checker.lastNs - checker.firstNs, snapshot.backPressured(),
                snapshot.ringFull());
        }
        finally
        {
            CloseHelper.closeAll(aeron, feed);
        }
    }

    /**
     * Write an ITCH 5.0 BinaryFILE of simulated order flow, unless the file already holds that many messages'
     * worth (the generator is deterministic for a seed, so a file is reused across runs).
     *
     * @param file     to write.
     * @param messages to generate.
     * @param symbols  to simulate.
     * @param seed     of the simulator.
     * @return the file.
     * @throws IOException if it cannot be written.
     */
    public static Path generateItchFile(final Path file, final long messages, final int symbols, final long seed)
        throws IOException
    {
        final Path marker =
            file.resolveSibling(file.getFileName() + ".complete-" + messages + "-" + symbols + "-" + seed);
        if (Files.exists(file) && Files.exists(marker))
        {
            return file;
        }

        final ItchSimulator simulator = new ItchSimulator(seed, symbols);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        try (ItchFileWriter writer = new ItchFileWriter(file))
        {
            for (long i = 0; i < messages; i++)
            {
                writer.write(buffer, 0, simulator.next(buffer, 0));
            }
        }
        Files.createFile(marker);
        return file;
    }

    /**
     * Configure a run that reads an ITCH file through the real ingest path (BinaryFileSource, ItchNormaliser).
     *
     * @param config to configure.
     * @param file   ITCH 5.0 BinaryFILE.
     * @return the config.
     */
    public static Config itchFile(final Config config, final Path file)
    {
        return config.source(
            file.toString(),
            listener ->
            {
                try
                {
                    return new BinaryFileSource(file, listener);
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException(ex);
                }
            },
            (clock, listener, name) -> new ItchNormaliser(clock, listener, name)::normalise);
    }

    /**
     * Run from the command line:
     * {@code [--messages N] [--profile compact|dedicated] [--channel URI] [--itch FILE | --synthetic] [--runs R]}.
     * Unless {@code --synthetic}, generates {@code N} simulated messages (100 symbols, seed 42) into the
     * {@code --itch} file or {@code java.io.tmpdir/tickwire-feed-throughput.itch} (reused when a marker file says
     * it holds exactly that) and reads it through BinaryFileSource and ItchNormaliser.
     *
     * @param args options as above.
     * @throws IOException if the ITCH file cannot be written or read.
     */
    public static void main(final String[] args) throws IOException
    {
        long messages = 10_000_000;
        int runs = 1;
        boolean synthetic = false;
        Path itch = null;
        final Config config = new Config();
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--messages" -> messages = Long.parseLong(args[++i].replace("_", ""));
                case "--profile" -> config.profile(ThreadingProfile.parse(args[++i]));
                case "--channel" -> config.channel(args[++i]);
                case "--itch" -> itch = Path.of(args[++i]);
                case "--synthetic" -> synthetic = true;
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--snapshots" -> config.snapshots(true);
                default ->
                {
                    System.err.println("usage: FeedThroughput [--messages N] [--profile compact|dedicated] " +
                        "[--channel URI] [--itch FILE | --synthetic] [--runs R] [--snapshots]");
                    System.exit(2);
                }
            }
        }

        config.messages(messages);
        if (!synthetic)
        {
            final Path file = null != itch ?
                itch : Path.of(System.getProperty("java.io.tmpdir"), "tickwire-feed-throughput.itch");
            final long startNs = System.nanoTime();
            itch = generateItchFile(file, messages, 100, 42);
            System.out.printf(Locale.ROOT, "ITCH file %s (%,d bytes) ready in %.1f s%n",
                itch, Files.size(itch), (System.nanoTime() - startNs) / 1e9);
            itchFile(config, itch);
        }

        System.out.println("cores: " + Runtime.getRuntime().availableProcessors());
        boolean ok = true;
        for (int run = 1; run <= runs; run++)
        {
            final Result result = run(config);
            System.out.println("run " + run + ": " + result.describe());
            ok &= result.zeroLoss();
        }
        if (!ok)
        {
            System.exit(1);
        }
    }
}
