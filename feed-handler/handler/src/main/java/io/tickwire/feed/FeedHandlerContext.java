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

import io.aeron.CommonContext;
import io.tickwire.agent.ThreadingProfile;
import io.tickwire.feed.ingest.itch.ItchNormaliser;
import io.tickwire.feed.snapshot.SnapshotServer;
import io.tickwire.latency.CalibratedEpochNanoClock;
import io.tickwire.latency.LatencyRegistry;
import io.tickwire.sbe.md.HeartbeatEncoder;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import org.agrona.BitUtil;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Configuration of a {@link FeedHandler}: starts from {@link FeedConfiguration}; {@link FeedHandlerProperties}
 * applies a configuration file over it; fluent setters, validated and completed by {@link #conclude()} when the feed
 * handler starts.
 */
public final class FeedHandlerContext
{
    // Package-private: the classes of this package that assemble a FeedHandler read them directly, so settings
    // that callers only set need no public getter.
    final List<FeedSource> sources = new ArrayList<>();
    NormaliserFactory normaliserFactory =
        (clock, listener, sourceName) -> new ItchNormaliser(clock, listener, sourceName)::normalise;
    String channel = FeedConfiguration.channel();
    int streamId = FeedConfiguration.streamId();
    String aeronDirectoryName = FeedConfiguration.aeronDirectoryName();
    ThreadingProfile threadingProfile = FeedConfiguration.profile();
    int[] cpus = FeedConfiguration.cpus();
    long ratePerSecond = FeedConfiguration.rate();
    int ringCapacity = FeedConfiguration.ringCapacity();
    int ingestBatch = FeedConfiguration.ingestBatch();
    int publishBatch = FeedConfiguration.publishBatch();
    int maxMessageLength = FeedConfiguration.maxMessageLength();
    long heartbeatIntervalNs = FeedConfiguration.heartbeatIntervalNs();
    int termLength = FeedConfiguration.termLength();
    int socketBufferLength = FeedConfiguration.socketBufferLength();
    int receiverWindowLength = FeedConfiguration.receiverWindowLength();
    File recordingDir = FeedConfiguration.recordDir();
    int availableProcessors = Runtime.getRuntime().availableProcessors();
    EpochNanoClock epochClock;
    NanoClock nanoClock;
    Supplier<IdleStrategy> compactIdleStrategySupplier = FeedConfiguration.compactIdleStrategy();
    Supplier<IdleStrategy> dedicatedIdleStrategySupplier = FeedConfiguration.dedicatedIdleStrategy();
    Supplier<IdleStrategy> snapshotIdleStrategySupplier = FeedConfiguration.snapshotIdleStrategy();
    boolean snapshots = FeedConfiguration.snapshots();
    LatencyRegistry latencyRegistry;
    String snapshotRequestChannel = FeedConfiguration.snapshotRequestChannel();
    int snapshotRequestStreamId = FeedConfiguration.snapshotRequestStreamId();
    String snapshotResponseChannel = FeedConfiguration.snapshotResponseChannel();
    int snapshotResponseStreamId = FeedConfiguration.snapshotResponseStreamId();
    PrintStream errorStream = System.err;
    int malformedReportLimit = FeedConfiguration.malformedReportLimit();
    private boolean embeddedDirectory;
    private boolean concluded;

    /**
     * Add an input; each gets its own ingest agent and ring, in the order added.
     *
     * @param source to add.
     * @return this for a fluent API.
     */
    public FeedHandlerContext addSource(final FeedSource source)
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
    public FeedHandlerContext normaliserFactory(final NormaliserFactory normaliserFactory)
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
    public FeedHandlerContext channel(final String channel)
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
    public FeedHandlerContext streamId(final int streamId)
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
    public FeedHandlerContext aeronDirectoryName(final String aeronDirectoryName)
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
    public FeedHandlerContext threadingProfile(final ThreadingProfile threadingProfile)
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
    public FeedHandlerContext cpus(final int... cpus)
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
    public FeedHandlerContext ratePerSecond(final long ratePerSecond)
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
    public FeedHandlerContext ringCapacity(final int ringCapacity)
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
    public FeedHandlerContext ingestBatch(final int ingestBatch)
    {
        this.ingestBatch = ingestBatch;
        return this;
    }

    /**
     * @param publishBatch most messages the publisher takes from one ring per duty cycle.
     * @return this for a fluent API.
     */
    public FeedHandlerContext publishBatch(final int publishBatch)
    {
        this.publishBatch = publishBatch;
        return this;
    }

    /**
     * @param maxMessageLength longest normalised message, SBE header included.
     * @return this for a fluent API.
     */
    public FeedHandlerContext maxMessageLength(final int maxMessageLength)
    {
        this.maxMessageLength = maxMessageLength;
        return this;
    }

    /**
     * @param heartbeatIntervalNs idle time before a heartbeat; 0 for none.
     * @return this for a fluent API.
     */
    public FeedHandlerContext heartbeatIntervalNs(final long heartbeatIntervalNs)
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
    public FeedHandlerContext termLength(final int termLength)
    {
        this.termLength = termLength;
        return this;
    }

    /**
     * @param socketBufferLength SO_SNDBUF and SO_RCVBUF of the embedded driver's UDP sockets, in bytes.
     * @return this for a fluent API.
     */
    public FeedHandlerContext socketBufferLength(final int socketBufferLength)
    {
        this.socketBufferLength = socketBufferLength;
        return this;
    }

    /**
     * @param receiverWindowLength initial receiver window of the embedded driver's subscriptions, in bytes.
     * @return this for a fluent API.
     */
    public FeedHandlerContext receiverWindowLength(final int receiverWindowLength)
    {
        this.receiverWindowLength = receiverWindowLength;
        return this;
    }

    /**
     * @param recordingDir directory for an Aeron Archive recording of the published stream; null for none.
     * @return this for a fluent API.
     */
    public FeedHandlerContext recordingDir(final File recordingDir)
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
    public FeedHandlerContext availableProcessors(final int availableProcessors)
    {
        this.availableProcessors = availableProcessors;
        return this;
    }

    /**
     * @param epochClock for ingest and publish timestamps.
     * @return this for a fluent API.
     */
    public FeedHandlerContext epochClock(final EpochNanoClock epochClock)
    {
        this.epochClock = epochClock;
        return this;
    }

    /**
     * @param nanoClock for pacing.
     * @return this for a fluent API.
     */
    public FeedHandlerContext nanoClock(final NanoClock nanoClock)
    {
        this.nanoClock = nanoClock;
        return this;
    }

    /**
     * @param supplier of the idle strategy of the compact profile's thread and embedded driver.
     * @return this for a fluent API.
     */
    public FeedHandlerContext compactIdleStrategySupplier(final Supplier<IdleStrategy> supplier)
    {
        this.compactIdleStrategySupplier = supplier;
        return this;
    }

    /**
     * @param supplier of the idle strategy of the dedicated profile's agent threads.
     * @return this for a fluent API.
     */
    public FeedHandlerContext dedicatedIdleStrategySupplier(final Supplier<IdleStrategy> supplier)
    {
        this.dedicatedIdleStrategySupplier = supplier;
        return this;
    }

    /**
     * @param snapshots true to run a {@link SnapshotServer} serving book snapshots to late joiners and
     *                  subscribers with unrecoverable gaps (default true, see {@link FeedConfiguration}).
     * @return this for a fluent API.
     */
    public FeedHandlerContext snapshots(final boolean snapshots)
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
    public FeedHandlerContext snapshotRequest(final String channel, final int streamId)
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
    public FeedHandlerContext snapshotResponse(final String channel, final int streamId)
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
    public FeedHandlerContext snapshotIdleStrategySupplier(final Supplier<IdleStrategy> supplier)
    {
        this.snapshotIdleStrategySupplier = supplier;
        return this;
    }

    /**
     * @param latencyRegistry to record the publisher-side stages {@code ingest->ring} (one recorder per ingest
     *                        agent) and {@code ring->publish} (the publisher) in; null (default) records nothing.
     * @return this for a fluent API.
     */
    public FeedHandlerContext latencyRegistry(final LatencyRegistry latencyRegistry)
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
    public FeedHandlerContext errorStream(final PrintStream errorStream)
    {
        this.errorStream = errorStream;
        return this;
    }

    /**
     * @param malformedReportLimit malformed-input reports printed per source and reason (all are counted).
     * @return this for a fluent API.
     */
    public FeedHandlerContext malformedReportLimit(final int malformedReportLimit)
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
    public FeedHandlerContext conclude()
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
