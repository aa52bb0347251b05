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

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochClock;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Takes interval histograms from every recorder of a {@link LatencyRegistry} every {@code intervalMs} and
 * writes them to one HdrHistogram interval log ({@code .hlog}), one line per stage per interval, tagged with
 * the stage name. Values are nanoseconds.
 * <p>
 * Runs off the hot path: give it its own {@code AgentRunner} with a sleeping idle strategy, or compose it into
 * a housekeeping agent. Writers are never blocked: sampling swaps their histograms through the recorder's
 * phaser. The log is flushed after every interval so it can be read while the process runs, and
 * {@link #onClose()} writes the last partial interval.
 * <p>
 * The file is HdrHistogram's own format: {@code HistogramLogReader} and {@code HistogramLogProcessor -tag STAGE}
 * read it. Values that could not be recorded exactly (negative or clamped, see {@link StageRecorder}) are
 * reported as comment lines {@code #[Clamped stage=... negative=... clamped=...]} in the interval they occur.
 */
public final class HlogWriterAgent implements Agent
{
    private final LatencyRegistry registry;
    private final PrintStream out;
    private final HistogramLogWriter writer;
    private final long intervalMs;
    private final EpochClock clock;
    private final Map<String, Histogram> aggregateByStage = new LinkedHashMap<>();
    private final Map<StageRecorder, long[]> reportedCounts = new IdentityHashMap<>();
    private long intervalStartMs;
    private long intervalsWritten;
    private boolean closed;

    /**
     * Write to a file, replacing it.
     *
     * @param registry    the recorders to sample.
     * @param file        the {@code .hlog} file to write.
     * @param processName name written in the header comment.
     * @param intervalMs  interval between samples in ms.
     * @param clock       epoch clock for interval time stamps.
     * @throws IOException if the file cannot be created.
     */
    public HlogWriterAgent(
        final LatencyRegistry registry,
        final Path file,
        final String processName,
        final long intervalMs,
        final EpochClock clock) throws IOException
    {
        this(registry, new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024), processName, intervalMs,
            clock);
    }

    /**
     * Write to a stream (closed by {@link #onClose()}).
     *
     * @param registry    the recorders to sample.
     * @param output      where to write the log.
     * @param processName name written in the header comment.
     * @param intervalMs  interval between samples in ms.
     * @param clock       epoch clock for interval time stamps.
     */
    public HlogWriterAgent(
        final LatencyRegistry registry,
        final OutputStream output,
        final String processName,
        final long intervalMs,
        final EpochClock clock)
    {
        if (intervalMs <= 0)
        {
            throw new IllegalArgumentException("intervalMs must be > 0: " + intervalMs);
        }
        this.registry = registry;
        this.intervalMs = intervalMs;
        this.clock = clock;
        this.out = new PrintStream(output, false, StandardCharsets.US_ASCII);
        this.writer = new HistogramLogWriter(out);

        final long nowMs = clock.time();
        intervalStartMs = nowMs;
        writer.outputLogFormatVersion();
        writer.outputComment("[Tickwire latency log: process=" + processName.replace(' ', '_') +
            " pid=" + ProcessHandle.current().pid() + " unit=ns intervalMs=" + intervalMs + "]");
        writer.outputStartTime(nowMs);
        writer.outputLegend();
        out.flush();
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "hlog-writer";
    }

    /**
     * Write an interval when it is due.
     *
     * @return 1 if an interval was written, else 0.
     */
    public int doWork()
    {
        final long nowMs = clock.time();
        if (nowMs - intervalStartMs < intervalMs)
        {
            return 0;
        }
        writeInterval(nowMs);

        return 1;
    }

    /**
     * Write the last, partial interval and close the log.
     */
    public void onClose()
    {
        if (!closed)
        {
            closed = true;
            writeInterval(Math.max(clock.time(), intervalStartMs));
            writer.close();
        }
    }

    /**
     * Write an interval now, whether or not it is due (for tests and orderly shutdown of a measured phase).
     */
    public void sampleNow()
    {
        writeInterval(Math.max(clock.time(), intervalStartMs));
    }

    /**
     * Number of intervals written so far (one per sample, whatever the number of stages).
     *
     * @return intervals written.
     */
    public long intervalsWritten()
    {
        return intervalsWritten;
    }

    private void writeInterval(final long nowMs)
    {
        for (final Histogram aggregate : aggregateByStage.values())
        {
            aggregate.reset();
        }

        for (final StageRecorder recorder : registry.liveRecorders())
        {
            final Histogram aggregate = aggregateByStage.computeIfAbsent(recorder.stage(), this::newAggregate);
            aggregate.add(recorder.sampleInterval());
        }

        for (final Map.Entry<String, Histogram> entry : aggregateByStage.entrySet())
        {
            final Histogram aggregate = entry.getValue();
            aggregate.setTag(entry.getKey()); // reset() clears the tag
            aggregate.setStartTimeStamp(intervalStartMs);
            aggregate.setEndTimeStamp(nowMs);
            writer.outputIntervalHistogram(intervalStartMs / 1000.0, nowMs / 1000.0, aggregate, 1000.0);
        }
        reportOutOfRange();

        out.flush();
        intervalStartMs = nowMs;
        intervalsWritten++;
    }

    private void reportOutOfRange()
    {
        for (final StageRecorder recorder : registry.liveRecorders())
        {
            final long[] reported = reportedCounts.computeIfAbsent(recorder, (r) -> new long[2]);
            final long negative = recorder.negativeCount();
            final long clamped = recorder.clampedCount();
            if (negative != reported[0] || clamped != reported[1])
            {
                writer.outputComment("[Clamped stage=" + recorder.stage() + " writer=" +
                    recorder.writer().replace(' ', '_') + " negative=" + (negative - reported[0]) +
                    " clamped=" + (clamped - reported[1]) + "]");
                reported[0] = negative;
                reported[1] = clamped;
            }
        }
    }

    private Histogram newAggregate(final String stage)
    {
        final Histogram histogram = new Histogram(
            1, registry.highestTrackableValueNs(), registry.significantValueDigits());
        histogram.setTag(stage);

        return histogram;
    }
}
