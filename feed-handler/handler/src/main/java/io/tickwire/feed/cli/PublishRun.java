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

import io.tickwire.agent.cli.MetricsOptions;
import io.tickwire.agent.metrics.MetricsServer;
import io.tickwire.feed.FeedHandler;
import io.tickwire.feed.FeedHandlerContext;
import io.tickwire.feed.FeedMetrics;
import io.tickwire.feed.FeedSnapshot;
import io.tickwire.feed.FeedStages;
import io.tickwire.feed.StatusLine;
import io.tickwire.feed.ingest.mdp3.Mdp3NormaliserCounters;
import io.tickwire.latency.LatencyRecording;
import org.agrona.CloseHelper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code feed publish} once its options are settled: starts the feed handler, prints its plan, a status
 * line per second and the summary, lingers for subscribers, and turns the final counters into the exit status. On
 * Ctrl-C a shutdown hook holds the JVM until the summary is out. Kept apart from the command, which only parses and
 * validates options.
 */
final class PublishRun
{
    private final FeedHandlerContext ctx;
    private final LatencyRecording recording;
    private final MetricsOptions metrics;
    private final Path configFile;
    private final long lingerMs;
    private final PrintWriter out;

    PublishRun(
        final FeedHandlerContext ctx,
        final LatencyRecording recording,
        final MetricsOptions metrics,
        final Path configFile,
        final long lingerMs,
        final PrintWriter out)
    {
        this.ctx = ctx;
        this.recording = recording;
        this.metrics = metrics;
        this.configFile = configFile;
        this.lingerMs = lingerMs;
        this.out = out;
    }

    /**
     * Start the feed handler, report until its input is complete or the JVM shuts down, close it, print the summary.
     *
     * @param feed to run; closed here.
     * @return the exit status.
     */
    Integer run(final FeedHandler feed)
    {
        final CountDownLatch finished = new CountDownLatch(1);
        final Thread shutdownHook = new Thread(() -> awaitQuietly(finished), "feed-publish-shutdown");
        try
        {
            FeedSnapshot start = null;
            FeedSnapshot end = null;
            MetricsServer metricsServer = null;
            try
            {
                // The counters start at zero with the agents, which may run before a snapshot could be taken:
                // the run is measured from just before start, with zero totals.
                final long startNs = System.nanoTime();
                feed.start();
                out.print(feed.banner());
                out.println("  config     " + (null == configFile ? "none (system properties and defaults)" :
                    configFile));
                if (recording.isEnabled())
                {
                    // source->ingest is not recorded: replayed input carries the venue's historical time of day,
                    // and live input's venue clock is not comparable with this host's unsynchronised clock.
                    out.println("  latency    " + recording.file() + " (" + FeedStages.INGEST_TO_RING + ", " +
                        FeedStages.RING_TO_PUBLISH + ")");
                }
                if (metrics.isEnabled())
                {
                    metricsServer = startMetrics(feed, recording);
                    out.println("  metrics    " + metricsServer.url());
                }
                out.flush();
                Runtime.getRuntime().addShutdownHook(shutdownHook);

                start = new FeedSnapshot(startNs, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
                FeedSnapshot previous = start;
                boolean toldWaiting = false;
                long nextStatusNs = start.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                while (!feed.isComplete() && !shuttingDown(shutdownHook))
                {
                    sleepMillis(10);
                    if (System.nanoTime() >= nextStatusNs)
                    {
                        final FeedSnapshot current = feed.snapshot();
                        if (!toldWaiting && 0 == current.published() && current.notConnected() > 0)
                        {
                            toldWaiting = true;
                            out.println("waiting for a subscriber on " + ctx.channel() + " stream " +
                                ctx.streamId() +
                                " (input is held, not published into the void)");
                        }
                        out.println(StatusLine.status(previous, current));
                        out.flush();
                        previous = current;
                        nextStatusNs += TimeUnit.SECONDS.toNanos(1);
                    }
                }

                if (feed.isComplete())
                {
                    // The summary's rate covers the work, not the linger.
                    end = feed.snapshot();
                    out.println("input complete: " + end.published() + " messages published; lingering " +
                        lingerMs + " ms");
                    final String venueCounters = StatusLine.counters(
                        feed.aeron().countersReader(), Mdp3NormaliserCounters.COMPONENT);
                    if (!venueCounters.isEmpty())
                    {
                        out.println("mdp3: " + venueCounters);
                    }
                    out.flush();
                    sleepMillis(lingerMs);
                }
                else
                {
                    // A live MDP 3.0 channel ends on Ctrl-C: its arbitration and recovery counters go in the summary.
                    final String venueCounters = StatusLine.counters(
                        feed.aeron().countersReader(), Mdp3NormaliserCounters.COMPONENT);
                    if (!venueCounters.isEmpty())
                    {
                        out.println("mdp3: " + venueCounters);
                        out.flush();
                    }
                }
            }
            finally
            {
                CloseHelper.quietClose(metricsServer);
                feed.close();
            }

            final FeedSnapshot last = null != end ? end : feed.snapshot();
            out.print(StatusLine.summary(start, last));
            final int exitCode = exitCode(last);
            out.println(verdict(exitCode, last));
            out.flush();
            return exitCode;
        }
        finally
        {
            // On Ctrl-C the shutdown hook holds the JVM until the summary is out.
            finished.countDown();
            removeQuietly(shutdownHook);
        }
    }

    private MetricsServer startMetrics(final FeedHandler feed, final LatencyRecording recording)
    {
        try
        {
            return FeedMetrics.export(metrics.builder(), feed, recording.registry()).start();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex.getMessage(), ex);
        }
    }

    /**
     * The exit status says what the subscribers received: everything, or not. Bad input wins over gaps because
     * what was published from it may be wrong, not merely incomplete.
     */
    static int exitCode(final FeedSnapshot last)
    {
        if (last.hadReadErrors())
        {
            return FeedPublishCommand.EXIT_BAD_INPUT;
        }
        if (last.hadGaps())
        {
            return FeedPublishCommand.EXIT_GAPS;
        }
        return FeedPublishCommand.EXIT_OK;
    }

    private static String verdict(final int exitCode, final FeedSnapshot last)
    {
        switch (exitCode)
        {
            case FeedPublishCommand.EXIT_BAD_INPUT:
                return "result: input was bad, " + last.readErrors() + " read error(s); messages published " +
                    "before the error may be corrupt (exit " + FeedPublishCommand.EXIT_BAD_INPUT + ")";
            case FeedPublishCommand.EXIT_GAPS:
                return "result: input had gaps, " + last.upstreamGaps() + " gap(s), " + last.upstreamLost() +
                    " message(s) missing (exit " + FeedPublishCommand.EXIT_GAPS + ")";
            default:
                return "result: ok (exit " + FeedPublishCommand.EXIT_OK + ")";
        }
    }

    private static boolean shuttingDown(final Thread shutdownHook)
    {
        return shutdownHook.getState() != Thread.State.NEW;
    }

    private static void removeQuietly(final Thread shutdownHook)
    {
        try
        {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (final IllegalStateException ignore)
        {
            // Already shutting down: the hook is running and waits for us.
        }
    }

    private static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
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
