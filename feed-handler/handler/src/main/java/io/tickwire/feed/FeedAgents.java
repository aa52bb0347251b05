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
import io.aeron.ExclusivePublication;
import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.MessageSource;
import io.tickwire.feed.publish.PublisherAgent;
import io.tickwire.feed.ring.IngestAgent;
import io.tickwire.feed.ring.MessageNormaliser;
import io.tickwire.feed.snapshot.SnapshotServer;
import org.agrona.BufferUtil;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.util.ArrayList;
import java.util.List;

/**
 * Assembles the agents of a {@link FeedHandler} from its concluded context: per source an opened
 * {@link MessageSource}, a ring and an {@link IngestAgent}; one {@link PublisherAgent} draining the rings into the
 * publication; and, when snapshots are on, a {@link SnapshotServer} following the publication in the background.
 * What has been opened so far stays reachable, so a failed start can still be closed.
 */
final class FeedAgents
{
    private final FeedHandlerContext ctx;
    private final List<IngestAgent> ingestAgents = new ArrayList<>();
    private final List<MessageSource> openSources = new ArrayList<>();
    private final List<Agent> agents = new ArrayList<>();
    private final List<String> agentNames = new ArrayList<>();
    private final List<Agent> backgroundAgents = new ArrayList<>();
    private final List<String> backgroundNames = new ArrayList<>();
    private SnapshotServer snapshotServer;
    private String snapshotStatus = "off";

    /**
     * Nothing is built until {@link #build(Aeron, ExclusivePublication, FeedCounters, ErrorHandler)}.
     *
     * @param ctx configuration, concluded before the build.
     */
    FeedAgents(final FeedHandlerContext ctx)
    {
        this.ctx = ctx;
    }

    /**
     * Open the sources and create the rings and agents, in source order.
     *
     * @param aeron        client the snapshot server subscribes and publishes with.
     * @param publication  the feed is published on.
     * @param counters     allocated for the sources and the publication.
     * @param errorHandler of the ingest agents.
     */
    void build(
        final Aeron aeron,
        final ExclusivePublication publication,
        final FeedCounters counters,
        final ErrorHandler errorHandler)
    {
        final RingBuffer[] rings = new RingBuffer[ctx.sources.size()];
        for (int i = 0; i < rings.length; i++)
        {
            final FeedSource feedSource = ctx.sources.get(i);
            final FeedCounters.Source sourceCounters = counters.sources().get(i);
            final MalformedInputListener listener =
                sourceCounters.newMalformedListener(ctx.errorStream, ctx.malformedReportLimit);
            final MessageSource source = feedSource.factory().open(
                listener, sourceCounters.newUpstreamListener(ctx.errorStream), aeron::addCounter);
            openSources.add(source);
            final NormaliserFactory normaliserFactory = null != feedSource.normaliserFactory() ?
                feedSource.normaliserFactory() : ctx.normaliserFactory;
            final MessageNormaliser normaliser = normaliserFactory.newNormaliser(
                ctx.epochClock, listener, feedSource.name(), aeron::addCounter);

            rings[i] = new OneToOneRingBuffer(new UnsafeBuffer(BufferUtil.allocateDirectAligned(
                ctx.ringCapacity + RingBufferDescriptor.TRAILER_LENGTH, 64)));
            final IngestAgent agent = new IngestAgent(
                "ingest-" + i,
                source,
                normaliser,
                rings[i],
                feedSource.ringFullPolicy(),
                Math.max(ctx.maxMessageLength, feedSource.maxMessageLength()),
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

        if (ctx.snapshots)
        {
            snapshotServer = newSnapshotServer(aeron);
            if (null != snapshotServer)
            {
                backgroundAgents.add(snapshotServer);
                backgroundNames.add(snapshotServer.roleName());
            }
        }
    }

    /**
     * @return the ingest agents, in source order.
     */
    List<IngestAgent> ingestAgents()
    {
        return ingestAgents;
    }

    /**
     * @return the sources opened so far, which their ingest agents close once they run.
     */
    List<MessageSource> openSources()
    {
        return openSources;
    }

    /**
     * @return the ingest agents, then the publisher.
     */
    List<Agent> agents()
    {
        return agents;
    }

    /**
     * @return role names of {@link #agents()}, in the same order.
     */
    List<String> agentNames()
    {
        return agentNames;
    }

    /**
     * @return agents that back off in every profile: the snapshot server, if it runs.
     */
    List<Agent> backgroundAgents()
    {
        return backgroundAgents;
    }

    /**
     * @return role names of {@link #backgroundAgents()}, in the same order.
     */
    List<String> backgroundNames()
    {
        return backgroundNames;
    }

    /**
     * @return the snapshot server, or null when snapshots are off or it could not start.
     */
    SnapshotServer snapshotServer()
    {
        return snapshotServer;
    }

    /**
     * @return the snapshot server's endpoints, "off", or why it is not running, for the banner.
     */
    String snapshotStatus()
    {
        return snapshotStatus;
    }

    private SnapshotServer newSnapshotServer(final Aeron aeron)
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
}
