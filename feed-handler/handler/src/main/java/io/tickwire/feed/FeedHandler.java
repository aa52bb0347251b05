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
import io.aeron.archive.client.AeronArchive;
import io.tickwire.agent.ThreadPlan;
import io.tickwire.feed.ring.IngestAgent;
import io.tickwire.feed.snapshot.SnapshotServer;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The feed handler as a component: sources, one ingest agent and ring per source, one publisher agent, an Aeron
 * media driver (embedded unless an external one is named), counters, and the threads chosen by a
 * {@link ThreadPlan}. Built from a {@link FeedHandlerContext}; {@link #start()} launches, {@link #close()} stops
 * and releases everything. The CLI, the demo and tests all use it the same way:
 * <pre>{@code
 * try (FeedHandler feed = new FeedHandler(new FeedHandlerContext()
 *     .addSource(FeedSource.replay("day.itch", listener -> new BinaryFileSource(...)))
 *     .normaliserFactory(...))
 *     .start())
 * {
 *     while (!feed.isComplete()) { ... feed.snapshot() ... }
 * }
 * }</pre>
 * It owns the lifecycle and the order of release; {@code FeedDriverLauncher} launches the embedded driver,
 * {@code FeedAgents} assembles the agents, {@code FeedThreads} runs them and {@code FeedBanner} describes the result.
 */
public final class FeedHandler implements AutoCloseable
{
    private final FeedHandlerContext ctx;
    private final FeedAgents agents;
    private final FeedThreads threads = new FeedThreads();
    private AutoCloseable driver;
    private AeronArchive archive;
    private Aeron aeron;
    private ExclusivePublication publication;
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
    public FeedHandler(final FeedHandlerContext ctx)
    {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.agents = new FeedAgents(ctx);
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
                driver = FeedDriverLauncher.launch(ctx, errorHandler);
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
                archive = FeedDriverLauncher.startRecording(aeron, ctx);
            }

            agents.build(aeron, publication, counters, errorHandler);
            threadPlan = plan(ctx, agents.agentNames(), agents.backgroundNames());
            banner = FeedBanner.describe(ctx, publication.sessionId(), agents.snapshotStatus(), threadPlan);
            threads.start(ctx, threadPlan, agents.agents(), agents.backgroundAgents(), errorHandler);
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
    public static ThreadPlan plan(final FeedHandlerContext ctx, final List<String> agentNames)
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
    public static ThreadPlan plan(
        final FeedHandlerContext ctx, final List<String> agentNames, final List<String> backgroundNames)
    {
        return FeedThreads.plan(ctx, agentNames, backgroundNames);
    }

    /**
     * @return the configuration.
     */
    public FeedHandlerContext context()
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
        return agents.snapshotServer();
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
        for (final IngestAgent agent : agents.ingestAgents())
        {
            if (!agent.isExhausted() || agent.ring().size() > 0)
            {
                return false;
            }
        }
        return !agents.ingestAgents().isEmpty();
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

        threads.close();
        if (!threads.hasRunners())
        {
            // No agent runs to close them on its way out.
            CloseHelper.quietCloseAll(agents.openSources());
        }
        CloseHelper.quietClose(agents.snapshotServer());
        if (null != counters)
        {
            finalSnapshot = FeedSnapshot.of(counters);
        }
        CloseHelper.quietCloseAll(archive, counters, publication, aeron, driver);
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
