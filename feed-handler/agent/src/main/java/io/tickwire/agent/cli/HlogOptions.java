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
package io.tickwire.agent.cli;

import io.tickwire.latency.LatencyRecording;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The {@code --hlog DIR} option for any command that records latencies; add it with
 * {@code @Mixin HlogOptions hlog;} and start the recording with {@link #start(String)}.
 */
public final class HlogOptions
{
    /**
     * Default interval between interval histograms, in ms.
     */
    public static final long INTERVAL_MS_DEFAULT = 1000;

    @Option(
        names = "--hlog",
        paramLabel = "DIR",
        description = "Write HdrHistogram interval logs of stage latencies (ns) to DIR/<process>-<pid>.hlog.")
    private Path dir;

    @Option(
        names = "--hlog-interval-ms",
        paramLabel = "MS",
        defaultValue = "" + INTERVAL_MS_DEFAULT,
        description = "Interval between histograms in the latency log (default: ${DEFAULT-VALUE}).")
    private long intervalMs = INTERVAL_MS_DEFAULT;

    /**
     * Whether {@code --hlog} was given.
     *
     * @return true when a directory was given.
     */
    public boolean isEnabled()
    {
        return null != dir;
    }

    /**
     * The directory given with {@code --hlog}.
     *
     * @return the directory, or null.
     */
    public Path dir()
    {
        return dir;
    }

    /**
     * Set the directory, as from a configuration file when {@code --hlog} is not given.
     *
     * @param dir the directory, or null for no log.
     * @return this.
     */
    public HlogOptions dir(final Path dir)
    {
        this.dir = dir;
        return this;
    }

    /**
     * Set the interval, as from a configuration file when {@code --hlog-interval-ms} is not given.
     *
     * @param intervalMs interval in ms.
     * @return this.
     */
    public HlogOptions intervalMs(final long intervalMs)
    {
        this.intervalMs = intervalMs;
        return this;
    }

    /**
     * The interval between histograms.
     *
     * @return interval in ms.
     */
    public long intervalMs()
    {
        return intervalMs;
    }

    /**
     * Start the recording this option asks for: a writing one with {@code --hlog}, else a disabled one.
     *
     * @param processName process name used in the file name, e.g. {@code feed-publish}.
     * @return the recording; close it at shutdown.
     */
    public LatencyRecording start(final String processName)
    {
        return null == dir ? LatencyRecording.disabled() : LatencyRecording.start(dir, processName, intervalMs);
    }
}
