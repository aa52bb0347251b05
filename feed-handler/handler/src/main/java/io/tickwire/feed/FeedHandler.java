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
package io.tickwire.feed;

import io.aeron.Aeron;
import io.aeron.CommonContext;
import io.aeron.ExclusivePublication;
import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.ArchivingMediaDriver;
import io.aeron.archive.client.AeronArchive;
import io.aeron.archive.codecs.SourceLocation;
import io.aeron.driver.MediaDriver;
import io.tickwire.agent.EmbeddedDriver;
import io.tickwire.agent.PinnedAgent;
import io.tickwire.agent.ThreadPlan;
import io.tickwire.agent.ThreadingProfile;
import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.MessageSource;
import io.tickwire.feed.ingest.itch.ItchNormaliser;
import io.tickwire.feed.publish.PublisherAgent;
import io.tickwire.feed.ring.IngestAgent;
import io.tickwire.feed.ring.MessageNormaliser;
import io.tickwire.feed.snapshot.SnapshotServer;
import io.tickwire.latency.CalibratedEpochNanoClock;
import io.tickwire.latency.LatencyRegistry;
import io.tickwire.sbe.md.HeartbeatEncoder;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The feed handler as a component: sources, one ingest agent and ring per source, one publisher agent, an Aeron
 * media driver (embedded unless an external one is named), counters, and the threads chosen by a
 * {@link ThreadPlan}. Built from a {@link Context}; {@link #start()} launches, {@link #close()} stops and
 * releases everything. The CLI, the demo and tests all use it the same way:
 * <pre>{@code
 * try (FeedHandler feed = new FeedHandler(new FeedHandler.Context()
 *     .addSource(FeedSource.replay("day.itch", listener -> new BinaryFileSource(...)))
 *     .normaliserFactory(...))
 *     .start())
 * {
 *     while (!feed.isComplete()) { ... feed.snapshot() ... }
 * }
 * }</pre>
 */
public final class FeedHandler implements AutoCloseable
{
    /**
     * Configuration of a {@link FeedHandler}: starts from {@link FeedConfiguration}; fluent setters.
     */
    public static final class Context
    {
        private final List<FeedSource> sources = new ArrayList<>();
        private NormaliserFactory normaliserFactory =
            (clock, listener, sourceName) -> new ItchNormaliser(clock, listener, sourceName)::normalise;
        private String channel = FeedConfiguration.channel();
        private int streamId = FeedConfiguration.streamId();
        private String aeronDirectoryName;
        private ThreadingProfile threadingProfile = FeedConfiguration.profile();
        private int[] cpus = new int[0];
        private long ratePerSecond;
        private int ringCapacity = FeedConfiguration.ringCapacity();
        private int ingestBatch = FeedConfiguration.ingestBatch();
        private int publishBatch = FeedConfiguration.publishBatch();
        private int maxMessageLength = FeedConfiguration.maxMessageLength();
        private long heartbeatIntervalNs = FeedConfiguration.heartbeatIntervalNs();
        private int termLength = FeedConfiguration.termLength();
        private File recordingDir;
        private int availableProcessors = Runtime.getRuntime().availableProcessors();
        private EpochNanoClock epochClock;
        private NanoClock nanoClock;
        private Supplier<IdleStrategy> compactIdleStrategySupplier =
            () -> new BackoffIdleStrategy(10, 20, 1_000, 1_000_000);
        private Supplier<IdleStrategy> dedicatedIdleStrategySupplier = BusySpinIdleStrategy::new;
        private Supplier<IdleStrategy> snapshotIdleStrategySupplier =
            () -> new BackoffIdleStrategy(10, 20, 1_000, 1_000_000);
        private boolean snapshots = FeedConfiguration.snapshots();
        private LatencyRegistry latencyRegistry;
        private String snapshotRequestChannel = FeedConfiguration.snapshotRequestChannel();
        private int snapshotRequestStreamId = FeedConfiguration.snapshotRequestStreamId();
        private String snapshotResponseChannel = FeedConfiguration.snapshotResponseChannel();
        private int snapshotResponseStreamId = FeedConfiguration.snapshotResponseStreamId();
        private PrintStream errorStream = System.err;
        private int malformedReportLimit = 10;
        private boolean embeddedDirectory;
        private boolean concluded;

        /**
         * Add an input; each gets its own ingest agent and ring, in the order added.
         *
         * @param source to add.
         * @return this for a fluent API.
         */
        public Context addSource(final FeedSource source)
        {
            sources.add(Objects.requireNonNull(source, "source"));
            return this;
        }

        /**
         * @return the inputs, in ring order.
         */
        public List<FeedSource> sources()
        {
            return sources;
        }

        /**
         * @param normaliserFactory creating each source's ITCH to SBE normaliser (default: {@link ItchNormaliser}).
         * @return this for a fluent API.
         */
        public Context normaliserFactory(final NormaliserFactory normaliserFactory)
        {
            this.normaliserFactory = normaliserFactory;
            return this;
        }

        /**
         * @return the normaliser factory.
         */
        public NormaliserFactory normaliserFactory()
        {
            return normaliserFactory;
        }

        /**
         * @param channel Aeron channel to publish on.
         * @return this for a fluent API.
         */
        public Context channel(final String channel)
        {
            this.channel = channel;
            return this;
        }

        /**
         * @return the Aeron channel to publish on.
         */
        public String channel()
        {
            return channel;
        }

        /**
         * @param streamId Aeron stream id to publish on.
         * @return this for a fluent API.
         */
        public Context streamId(final int streamId)
        {
            this.streamId = streamId;
            return this;
        }

        /**
         * @return the Aeron stream id.
         */
        public int streamId()
        {
            return streamId;
        }

        /**
         * @param aeronDirectoryName of an external, already running media driver; null to embed one.
         * @return this for a fluent API.
         */
        public Context aeronDirectoryName(final String aeronDirectoryName)
        {
            this.aeronDirectoryName = aeronDirectoryName;
            return this;
        }

        /**
         * @return the external driver's directory, or null when the driver is embedded (before start).
         */
        public String aeronDirectoryName()
        {
            return aeronDirectoryName;
        }

        /**
         * @param threadingProfile to run, or null to choose from the core count.
         * @return this for a fluent API.
         */
        public Context threadingProfile(final ThreadingProfile threadingProfile)
        {
            this.threadingProfile = threadingProfile;
            return this;
        }

        /**
         * @return the requested profile, or null to choose.
         */
        public ThreadingProfile threadingProfile()
        {
            return threadingProfile;
        }

        /**
         * @param cpus to pin agent threads to, in agent order (ingest agents, then the publisher).
         * @return this for a fluent API.
         */
        public Context cpus(final int... cpus)
        {
            this.cpus = cpus.clone();
            return this;
        }

        /**
         * @return CPUs to pin agent threads to.
         */
        public int[] cpus()
        {
            return cpus.clone();
        }

        /**
         * @param ratePerSecond messages per second per source, or 0 for as fast as possible.
         * @return this for a fluent API.
         */
        public Context ratePerSecond(final long ratePerSecond)
        {
            this.ratePerSecond = ratePerSecond;
            return this;
        }

        /**
         * @return pacing in messages per second per source, 0 for none.
         */
        public long ratePerSecond()
        {
            return ratePerSecond;
        }

        /**
         * @param ringCapacity bytes per ring, a power of two.
         * @return this for a fluent API.
         */
        public Context ringCapacity(final int ringCapacity)
        {
            this.ringCapacity = ringCapacity;
            return this;
        }

        /**
         * @return bytes per ring.
         */
        public int ringCapacity()
        {
            return ringCapacity;
        }

        /**
         * @param ingestBatch most messages an ingest agent takes from its source per duty cycle.
         * @return this for a fluent API.
         */
        public Context ingestBatch(final int ingestBatch)
        {
            this.ingestBatch = ingestBatch;
            return this;
        }

        /**
         * @param publishBatch most messages the publisher takes from one ring per duty cycle.
         * @return this for a fluent API.
         */
        public Context publishBatch(final int publishBatch)
        {
            this.publishBatch = publishBatch;
            return this;
        }

        /**
         * @param maxMessageLength longest normalised message, SBE header included.
         * @return this for a fluent API.
         */
        public Context maxMessageLength(final int maxMessageLength)
        {
            this.maxMessageLength = maxMessageLength;
            return this;
        }

        /**
         * @param heartbeatIntervalNs idle time before a heartbeat; 0 for none.
         * @return this for a fluent API.
         */
        public Context heartbeatIntervalNs(final long heartbeatIntervalNs)
        {
            this.heartbeatIntervalNs = heartbeatIntervalNs;
            return this;
        }

        /**
         * @return idle time before a heartbeat.
         */
        public long heartbeatIntervalNs()
        {
            return heartbeatIntervalNs;
        }

        /**
         * @param termLength term buffer length of the embedded driver's publications.
         * @return this for a fluent API.
         */
        public Context termLength(final int termLength)
        {
            this.termLength = termLength;
            return this;
        }

        /**
         * @param recordingDir directory for an Aeron Archive recording of the published stream; null for none.
         * @return this for a fluent API.
         */
        public Context recordingDir(final File recordingDir)
        {
            this.recordingDir = recordingDir;
            return this;
        }

        /**
         * @return the recording directory, or null.
         */
        public File recordingDir()
        {
            return recordingDir;
        }

        /**
         * @param availableProcessors cores to plan threads for (default: what the JVM reports).
         * @return this for a fluent API.
         */
        public Context availableProcessors(final int availableProcessors)
        {
            this.availableProcessors = availableProcessors;
            return this;
        }

        /**
         * @param epochClock for ingest and publish timestamps.
         * @return this for a fluent API.
         */
        public Context epochClock(final EpochNanoClock epochClock)
        {
            this.epochClock = epochClock;
            return this;
        }

        /**
         * @param nanoClock for pacing.
         * @return this for a fluent API.
         */
        public Context nanoClock(final NanoClock nanoClock)
        {
            this.nanoClock = nanoClock;
            return this;
        }

        /**
         * @param supplier of the idle strategy of the compact profile's thread and embedded driver.
         * @return this for a fluent API.
         */
        public Context compactIdleStrategySupplier(final Supplier<IdleStrategy> supplier)
        {
            this.compactIdleStrategySupplier = supplier;
            return this;
        }

        /**
         * @param supplier of the idle strategy of the dedicated profile's agent threads.
         * @return this for a fluent API.
         */
        public Context dedicatedIdleStrategySupplier(final Supplier<IdleStrategy> supplier)
        {
            this.dedicatedIdleStrategySupplier = supplier;
            return this;
        }

        /**
         * @param snapshots true to run a {@link SnapshotServer} serving book snapshots to late joiners and
         *                  subscribers with unrecoverable gaps (default true, see {@link FeedConfiguration}).
         * @return this for a fluent API.
         */
        public Context snapshots(final boolean snapshots)
        {
            this.snapshots = snapshots;
            return this;
        }

        /**
         * @return true when the snapshot server runs.
         */
        public boolean snapshots()
        {
            return snapshots;
        }

        /**
         * @param channel  Aeron URI the snapshot server takes requests on.
         * @param streamId stream id of the requests.
         * @return this for a fluent API.
         */
        public Context snapshotRequest(final String channel, final int streamId)
        {
            this.snapshotRequestChannel = channel;
            this.snapshotRequestStreamId = streamId;
            return this;
        }

        /**
         * @param channel  Aeron URI the snapshot server answers on.
         * @param streamId stream id of the responses.
         * @return this for a fluent API.
         */
        public Context snapshotResponse(final String channel, final int streamId)
        {
            this.snapshotResponseChannel = channel;
            this.snapshotResponseStreamId = streamId;
            return this;
        }

        /**
         * @return the snapshot request channel.
         */
        public String snapshotRequestChannel()
        {
            return snapshotRequestChannel;
        }

        /**
         * @return the snapshot request stream id.
         */
        public int snapshotRequestStreamId()
        {
            return snapshotRequestStreamId;
        }

        /**
         * @return the snapshot response channel.
         */
        public String snapshotResponseChannel()
        {
            return snapshotResponseChannel;
        }

        /**
         * @return the snapshot response stream id.
         */
        public int snapshotResponseStreamId()
        {
            return snapshotResponseStreamId;
        }

        /**
         * @param supplier of the idle strategy of the snapshot server's own thread in the dedicated profile; it is
         *                 not latency critical and must not spin (default: back-off).
         * @return this for a fluent API.
         */
        public Context snapshotIdleStrategySupplier(final Supplier<IdleStrategy> supplier)
        {
            this.snapshotIdleStrategySupplier = supplier;
            return this;
        }

        /**
         * @param latencyRegistry to record the publisher-side stages {@code ingest->ring} (one recorder per ingest
         *                        agent) and {@code ring->publish} (the publisher) in; null (default) records nothing.
         * @return this for a fluent API.
         */
        public Context latencyRegistry(final LatencyRegistry latencyRegistry)
        {
            this.latencyRegistry = latencyRegistry;
            return this;
        }

        /**
         * @return the registry stage latencies are recorded in, or null.
         */
        public LatencyRegistry latencyRegistry()
        {
            return latencyRegistry;
        }

        /**
         * @param errorStream where errors and malformed-input reports are printed; null for nowhere.
         * @return this for a fluent API.
         */
        public Context errorStream(final PrintStream errorStream)
        {
            this.errorStream = errorStream;
            return this;
        }

        /**
         * @param malformedReportLimit malformed-input reports printed per source and reason (all are counted).
         * @return this for a fluent API.
         */
        public Context malformedReportLimit(final int malformedReportLimit)
        {
            this.malformedReportLimit = malformedReportLimit;
            return this;
        }

        /**
         * @return true when the media driver runs in this process.
         */
        public boolean embeddedDriver()
        {
            return concluded ? embeddedDirectory : null == aeronDirectoryName;
        }

        /**
         * Validate and fill in derived values. Called by {@link FeedHandler#start()}.
         *
         * @return this for a fluent API.
         */
        public Context conclude()
        {
            if (concluded)
            {
                return this;
            }
            if (sources.isEmpty())
            {
                throw new IllegalStateException("no sources: add at least one FeedSource");
            }
            if (null == normaliserFactory)
            {
                throw new IllegalStateException("no normaliser factory");
            }
            if (!BitUtil.isPowerOfTwo(ringCapacity))
            {
                throw new IllegalArgumentException("ring capacity must be a power of two: " + ringCapacity);
            }
            if (ratePerSecond < 0)
            {
                throw new IllegalArgumentException("rate must be >= 0: " + ratePerSecond);
            }
            if (maxMessageLength < MessageHeaderEncoder.ENCODED_LENGTH + HeartbeatEncoder.BLOCK_LENGTH)
            {
                throw new IllegalArgumentException("maxMessageLength too small: " + maxMessageLength);
            }
            if (null != recordingDir && null != aeronDirectoryName)
            {
                throw new IllegalArgumentException(
                    "--record needs the embedded driver: record with an external driver's own archive instead");
            }
            if (null == epochClock)
            {
                epochClock = CalibratedEpochNanoClock.shared();
            }
            if (null == nanoClock)
            {
                nanoClock = SystemNanoClock.INSTANCE;
            }
            if (null == aeronDirectoryName)
            {
                embeddedDirectory = true;
                aeronDirectoryName = CommonContext.generateRandomDirName();
            }

            concluded = true;
            return this;
        }
    }

    private final Context ctx;
    private final List<AgentRunner> runners = new ArrayList<>();
    private final List<IngestAgent> ingestAgents = new ArrayList<>();
    private final List<MessageSource> openSources = new ArrayList<>();
    private MediaDriver driver;
    private ArchivingMediaDriver archivingDriver;
    private AeronArchive archive;
    private Aeron aeron;
    private ExclusivePublication publication;
    private SnapshotServer snapshotServer;
    private String snapshotStatus = "off";
    private FeedCounters counters;
    private ThreadPlan threadPlan;
    private String banner;
    private volatile FeedSnapshot finalSnapshot;
    private boolean started;
    private boolean closed;

    /**
     * Create a feed handler; nothing runs until {@link #start()}.
     *
     * @param ctx configuration.
     */
    public FeedHandler(final Context ctx)
    {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    /**
     * Launch the driver (if embedded), connect, allocate counters, open the sources and start the agents.
     *
     * @return this, for try-with-resources.
     */
    public FeedHandler start()
    {
        if (started)
        {
            throw new IllegalStateException("already started");
        }
        started = true;
        ctx.conclude();

        try
        {
            final ErrorHandler errorHandler = this::onError;
            if (ctx.embeddedDriver())
            {
                launchDriver(errorHandler);
            }

            aeron = Aeron.connect(new Aeron.Context()
                .aeronDirectoryName(ctx.aeronDirectoryName)
                .errorHandler(errorHandler));
            publication = aeron.addExclusivePublication(ctx.channel, ctx.streamId);

            final List<String> sourceNames = new ArrayList<>();
            for (final FeedSource source : ctx.sources)
            {
                sourceNames.add(source.name());
            }
            counters = new FeedCounters(aeron, sourceNames, ctx.channel + " stream " + ctx.streamId);

            if (null != ctx.recordingDir)
            {
                startRecording();
            }

            final List<Agent> agents = new ArrayList<>();
            final List<String> agentNames = new ArrayList<>();
            final RingBuffer[] rings = new RingBuffer[ctx.sources.size()];
            for (int i = 0; i < rings.length; i++)
            {
                final FeedSource feedSource = ctx.sources.get(i);
                final FeedCounters.Source sourceCounters = counters.sources().get(i);
                final MalformedInputListener listener =
                    sourceCounters.newMalformedListener(ctx.errorStream, ctx.malformedReportLimit);
                final MessageSource source = feedSource.factory().open(
                    listener, sourceCounters.newUpstreamListener(ctx.errorStream));
                openSources.add(source);
                final MessageNormaliser normaliser =
                    ctx.normaliserFactory.newNormaliser(ctx.epochClock, listener, feedSource.name());

                rings[i] = new OneToOneRingBuffer(new UnsafeBuffer(BufferUtil.allocateDirectAligned(
                    ctx.ringCapacity + RingBufferDescriptor.TRAILER_LENGTH, 64)));
                final IngestAgent agent = new IngestAgent(
                    "ingest-" + i,
                    source,
                    normaliser,
                    rings[i],
                    feedSource.ringFullPolicy(),
                    ctx.maxMessageLength,
                    ctx.ingestBatch,
                    ctx.ratePerSecond,
                    ctx.nanoClock,
                    sourceCounters.ingest(),
                    errorHandler);
                if (null != ctx.latencyRegistry)
                {
                    agent.recordLatency(ctx.latencyRegistry.recorder(FeedStages.INGEST_TO_RING, agent.roleName()),
                        ctx.epochClock);
                }
                ingestAgents.add(agent);
                agents.add(agent);
                agentNames.add(agent.roleName());
            }

            final PublisherAgent publisherAgent = new PublisherAgent(
                publication, rings, ctx.publishBatch, ctx.epochClock, ctx.heartbeatIntervalNs, counters.publisher());
            if (null != ctx.latencyRegistry)
            {
                publisherAgent.recordLatency(
                    ctx.latencyRegistry.recorder(FeedStages.RING_TO_PUBLISH, publisherAgent.roleName()));
            }
            agents.add(publisherAgent);
            agentNames.add(publisherAgent.roleName());

            final List<Agent> backgroundAgents = new ArrayList<>();
            final List<String> backgroundNames = new ArrayList<>();
            if (ctx.snapshots)
            {
                snapshotServer = startSnapshotServer();
                if (null != snapshotServer)
                {
                    backgroundAgents.add(snapshotServer);
                    backgroundNames.add(snapshotServer.roleName());
                }
            }

            threadPlan = plan(ctx, agentNames, backgroundNames);
            banner = buildBanner();
            startRunners(agents, backgroundAgents, errorHandler);
        }
        catch (final RuntimeException ex)
        {
            close();
            throw ex;
        }

        return this;
    }

    /**
     * Build the thread plan this context would run, without starting anything.
     *
     * @param ctx        configuration.
     * @param agentNames ingest agents then the publisher.
     * @return the plan.
     */
    public static ThreadPlan plan(final Context ctx, final List<String> agentNames)
    {
        return plan(ctx, agentNames, List.of());
    }

    /**
     * Build the thread plan this context would run, without starting anything.
     *
     * @param ctx             configuration.
     * @param agentNames      ingest agents then the publisher.
     * @param backgroundNames agents that back off in every profile (the snapshot server).
     * @return the plan.
     */
    public static ThreadPlan plan(final Context ctx, final List<String> agentNames, final List<String> backgroundNames)
    {
        final ThreadingProfile profile = ThreadPlan.chooseProfile(
            ctx.threadingProfile, ctx.availableProcessors, agentNames.size(), ctx.embeddedDriver());
        final String agentIdle = ThreadingProfile.DEDICATED == profile ?
            ctx.dedicatedIdleStrategySupplier.get().getClass().getSimpleName() :
            ctx.compactIdleStrategySupplier.get().getClass().getSimpleName();
        final String driverDescription;
        if (!ctx.embeddedDriver())
        {
            driverDescription = "external driver: its own threads";
        }
        else if (ThreadingProfile.DEDICATED == profile)
        {
            driverDescription = "embedded DEDICATED: sender BusySpinIdleStrategy, conductor and receiver " +
                "BackoffIdleStrategy";
        }
        else
        {
            driverDescription = "embedded SHARED: " +
                ctx.compactIdleStrategySupplier.get().getClass().getSimpleName();
        }

        return ThreadPlan.plan(ctx.threadingProfile, ctx.availableProcessors, agentNames, backgroundNames, ctx.cpus,
            ctx.embeddedDriver(), agentIdle, ctx.snapshotIdleStrategySupplier.get().getClass().getSimpleName(),
            driverDescription);
    }

    /**
     * @return the configuration.
     */
    public Context context()
    {
        return ctx;
    }

    /**
     * @return the thread plan, once started.
     */
    public ThreadPlan threadPlan()
    {
        return threadPlan;
    }

    /**
     * The start-up banner: channel, stream, driver, sources and the thread plan.
     *
     * @return printable lines, once started.
     */
    public String banner()
    {
        return banner;
    }

    /**
     * @return the Aeron directory of the driver in use (embedded or external), once started.
     */
    public String aeronDirectoryName()
    {
        return ctx.aeronDirectoryName;
    }

    /**
     * @return the Aeron client, for co-located subscribers that share the embedded driver.
     */
    public Aeron aeron()
    {
        return aeron;
    }

    /**
     * @return session id of the publication, once started.
     */
    public int sessionId()
    {
        return publication.sessionId();
    }

    /**
     * @return true when a subscriber is connected to the publication.
     */
    public boolean isConnected()
    {
        return null != publication && publication.isConnected();
    }

    /**
     * @return the snapshot server, or null when snapshots are off or it could not start (see {@link #banner()}).
     */
    public SnapshotServer snapshotServer()
    {
        return snapshotServer;
    }

    /**
     * @return the live counters; valid until {@link #close()}.
     */
    public FeedCounters counters()
    {
        return counters;
    }

    /**
     * The totals now, or the final totals after {@link #close()}.
     *
     * @return a snapshot of the counters.
     */
    public FeedSnapshot snapshot()
    {
        final FeedSnapshot last = finalSnapshot;
        return null != last ? last : FeedSnapshot.of(counters);
    }

    /**
     * Have all sources been read to the end and every message published? Never true for live sources.
     *
     * @return true when the feed handler has nothing more to do.
     */
    public boolean isComplete()
    {
        for (final IngestAgent agent : ingestAgents)
        {
            if (!agent.isExhausted() || agent.ring().size() > 0)
            {
                return false;
            }
        }
        return !ingestAgents.isEmpty();
    }

    /**
     * Stop the agents (closing the sources), take the final snapshot, release counters, publication, client and
     * the embedded driver (deleting its directory).
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;

        CloseHelper.closeAll(runners);
        if (runners.isEmpty())
        {
            CloseHelper.quietCloseAll(openSources);
        }
        CloseHelper.quietClose(snapshotServer);
        if (null != counters)
        {
            finalSnapshot = FeedSnapshot.of(counters);
        }
        CloseHelper.quietCloseAll(archive, counters, publication, aeron, archivingDriver, driver);
    }

    private void launchDriver(final ErrorHandler errorHandler)
    {
        final boolean dedicated = ThreadingProfile.DEDICATED == ThreadPlan.chooseProfile(
            ctx.threadingProfile, ctx.availableProcessors, ctx.sources.size() + 1, true);
        final MediaDriver.Context driverCtx = EmbeddedDriver.context(
            dedicated ? ThreadingProfile.DEDICATED : ThreadingProfile.COMPACT,
            ctx.aeronDirectoryName,
            ctx.compactIdleStrategySupplier.get())
            .publicationTermBufferLength(ctx.termLength)
            .socketSndbufLength(FeedConfiguration.socketBufferLength())
            .socketRcvbufLength(FeedConfiguration.socketBufferLength())
            .initialWindowLength(FeedConfiguration.receiverWindowLength())
            .errorHandler(errorHandler);

        if (null == ctx.recordingDir)
        {
            driver = MediaDriver.launch(driverCtx);
        }
        else
        {
            // The archive records through a spy: let it count as a subscriber so recording alone drains the rings.
            driverCtx.spiesSimulateConnection(true);
            archivingDriver = ArchivingMediaDriver.launch(driverCtx, new Archive.Context()
                .aeronDirectoryName(ctx.aeronDirectoryName)
                .archiveDir(ctx.recordingDir)
                .controlChannelEnabled(false)
                .replicationChannel("aeron:udp?endpoint=localhost:0")
                // Used only for replication from another archive, which we never do; required nonetheless.
                .archiveClientContext(new AeronArchive.Context()
                    .controlResponseChannel("aeron:udp?endpoint=localhost:0"))
                .threadingMode(dedicated ? ArchiveThreadingMode.DEDICATED : ArchiveThreadingMode.SHARED)
                .idleStrategySupplier(BackoffIdleStrategy::new)
                .errorHandler(errorHandler));
        }
    }

    private void startRecording()
    {
        archive = AeronArchive.connect(new AeronArchive.Context()
            .aeron(aeron)
            .controlRequestChannel(AeronArchive.Configuration.localControlChannel())
            .controlRequestStreamId(AeronArchive.Configuration.localControlStreamId())
            .controlResponseChannel(AeronArchive.Configuration.localControlChannel()));
        archive.startRecording(ctx.channel, ctx.streamId, SourceLocation.LOCAL);
    }

    private SnapshotServer startSnapshotServer()
    {
        // A spy in the same driver: no network hop, and it does not count as a subscriber (unless recording made
        // spies simulate a connection), so a file is still not published into the void. A spy does limit the
        // publication to its position + term window, so the server keeps up or the publisher waits for it.
        try
        {
            final SnapshotServer server = new SnapshotServer(new SnapshotServer.Context()
                .aeron(aeron)
                .feed(ctx.channel.startsWith("aeron:ipc") ? ctx.channel : "aeron-spy:" + ctx.channel, ctx.streamId)
                .request(ctx.snapshotRequestChannel, ctx.snapshotRequestStreamId)
                .response(ctx.snapshotResponseChannel, ctx.snapshotResponseStreamId)
                .nanoClock(ctx.nanoClock));
            snapshotStatus = "requests " + ctx.snapshotRequestChannel + " stream " + ctx.snapshotRequestStreamId +
                ", responses " + ctx.snapshotResponseChannel + " stream " + ctx.snapshotResponseStreamId;
            return server;
        }
        catch (final RuntimeException ex)
        {
            // e.g. the request endpoint's port is taken by another publisher on this host: the feed itself can run.
            snapshotStatus = "NOT RUNNING: " + ex.getMessage() + " (late joiners cannot recover; --no-snapshots " +
                "or other --snapshot-request/--snapshot-response channels)";
            if (null != ctx.errorStream)
            {
                ctx.errorStream.println("snapshot server not started: " + ex);
            }
            return null;
        }
    }

    private void startRunners(final List<Agent> agents, final List<Agent> backgroundAgents,
        final ErrorHandler errorHandler)
    {
        if (ThreadingProfile.DEDICATED == threadPlan.profile())
        {
            for (int i = 0; i < agents.size(); i++)
            {
                final int cpu = threadPlan.cpuOf(i);
                final Agent agent = ThreadPlan.ANY_CPU == cpu ? agents.get(i) : new PinnedAgent(agents.get(i), cpu);
                final AgentRunner runner =
                    new AgentRunner(ctx.dedicatedIdleStrategySupplier.get(), errorHandler, null, agent);
                runners.add(runner);
                AgentRunner.startOnThread(runner);
            }
            for (final Agent agent : backgroundAgents)
            {
                final AgentRunner runner =
                    new AgentRunner(ctx.snapshotIdleStrategySupplier.get(), errorHandler, null, agent);
                runners.add(runner);
                AgentRunner.startOnThread(runner);
            }
        }
        else
        {
            final List<Agent> all = new ArrayList<>(agents);
            all.addAll(backgroundAgents);
            final Agent composite = new CompositeAgent(all)
            {
                public String roleName()
                {
                    return ThreadPlan.COMPACT_THREAD_NAME;
                }
            };
            final int cpu = threadPlan.cpuOf(0);
            final Agent agent = ThreadPlan.ANY_CPU == cpu ? composite : new PinnedAgent(composite, cpu);
            final AgentRunner runner =
                new AgentRunner(ctx.compactIdleStrategySupplier.get(), errorHandler, null, agent);
            runners.add(runner);
            AgentRunner.startOnThread(runner);
        }
    }

    private String buildBanner()
    {
        final String nl = System.lineSeparator();
        final StringBuilder sb = new StringBuilder();
        sb.append("tickwire feed publisher").append(nl);
        sb.append("  channel    ").append(ctx.channel).append(nl);
        sb.append("  stream id  ").append(ctx.streamId).append("  session id ").append(publication.sessionId())
            .append(nl);
        sb.append("  aeron dir  ").append(ctx.aeronDirectoryName)
            .append(ctx.embeddedDriver() ? " (embedded driver, deleted on exit)" : " (external driver)").append(nl);
        for (int i = 0; i < ctx.sources.size(); i++)
        {
            final FeedSource source = ctx.sources.get(i);
            sb.append("  source     ingest-").append(i).append(": ").append(source.name())
                .append(" (ring ").append(ctx.ringCapacity / 1024).append(" KiB, when full: ")
                .append(source.ringFullPolicy()).append(')').append(nl);
        }
        sb.append("  rate       ").append(0 == ctx.ratePerSecond ? "max" : ctx.ratePerSecond + " msgs/s")
            .append(nl);
        sb.append("  snapshots  ").append(snapshotStatus).append(nl);
        sb.append("  recording  ").append(null == ctx.recordingDir ? "off" : ctx.recordingDir.getAbsolutePath())
            .append(nl);
        sb.append("  threads    ").append(threadPlan.describe());
        return sb.toString();
    }

    private void onError(final Throwable ex)
    {
        final PrintStream out = ctx.errorStream;
        if (null != out)
        {
            out.println("feed error: " + ex);
        }
    }
}
