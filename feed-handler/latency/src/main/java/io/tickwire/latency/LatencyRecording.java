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
package io.tickwire.latency;

import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.status.AtomicCounter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A process's latency recording: a {@link LatencyRegistry} and, when enabled, an {@link HlogWriterAgent} on its
 * own sleeping thread writing {@code DIR/<process>-<pid>.hlog}.
 * <p>
 * When disabled the registry still hands out real recorders (so the hot path has one shape whether or not
 * {@code --hlog} was given) but nothing samples or writes them.
 * <pre>{@code
 * try (LatencyRecording recording = LatencyRecording.start(dir, "feed-publish", 1000))
 * {
 *     final StageRecorder ringToPublish = recording.registry().recorder("ring->publish", "publisher");
 *     ...
 * }
 * }</pre>
 */
public final class LatencyRecording implements AutoCloseable
{
    private final LatencyRegistry registry;
    private final Path file;
    private final HlogWriterAgent agent;
    private final AgentRunner runner;
    private final AtomicLong errors = new AtomicLong();

    private LatencyRecording(
        final LatencyRegistry registry, final Path file, final HlogWriterAgent agent)
    {
        this.registry = registry;
        this.file = file;
        this.agent = agent;
        if (null != agent)
        {
            runner = new AgentRunner(
                new SleepingMillisIdleStrategy(1), this::onError, (AtomicCounter)null, agent);
            AgentRunner.startOnThread(runner);
        }
        else
        {
            runner = null;
        }
    }

    /**
     * A recording that samples nothing and writes nothing.
     *
     * @return a disabled recording with a fresh registry.
     */
    public static LatencyRecording disabled()
    {
        return new LatencyRecording(new LatencyRegistry(), null, null);
    }

    /**
     * Start recording to {@code dir/<processName>-<pid>.hlog}, creating the directory when needed.
     *
     * @param dir         directory for the log.
     * @param processName process name, the start of the file name.
     * @param intervalMs  interval between samples in ms.
     * @return a running recording; close it to write the last interval.
     */
    public static LatencyRecording start(final Path dir, final String processName, final long intervalMs)
    {
        return start(dir, processName, intervalMs, new LatencyRegistry());
    }

    /**
     * Start recording a given registry to {@code dir/<processName>-<pid>.hlog}.
     *
     * @param dir         directory for the log.
     * @param processName process name, the start of the file name.
     * @param intervalMs  interval between samples in ms.
     * @param registry    the registry to sample.
     * @return a running recording; close it to write the last interval.
     */
    public static LatencyRecording start(
        final Path dir, final String processName, final long intervalMs, final LatencyRegistry registry)
    {
        try
        {
            Files.createDirectories(dir);
            final Path file = dir.resolve(
                Stage.fileName(processName) + "-" + ProcessHandle.current().pid() + ".hlog");
            final HlogWriterAgent agent = new HlogWriterAgent(
                registry, file, processName, intervalMs, SystemEpochClock.INSTANCE);

            return new LatencyRecording(registry, file, agent);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create latency log in " + dir, ex);
        }
    }

    /**
     * The registry to take recorders from.
     *
     * @return the registry.
     */
    public LatencyRegistry registry()
    {
        return registry;
    }

    /**
     * Whether a log is being written.
     *
     * @return true when started with a directory.
     */
    public boolean isEnabled()
    {
        return null != agent;
    }

    /**
     * The log file, or null when disabled.
     *
     * @return the {@code .hlog} path.
     */
    public Path file()
    {
        return file;
    }

    /**
     * Errors the writer thread met (e.g. disk full); they are printed to stderr as they happen.
     *
     * @return the error count.
     */
    public long errorCount()
    {
        return errors.get();
    }

    /**
     * Stop the writer thread after it wrote the last interval and closed the log.
     */
    public void close()
    {
        CloseHelper.close(runner);
    }

    private void onError(final Throwable ex)
    {
        errors.incrementAndGet();
        System.err.println("hlog-writer: " + ex);
    }
}
