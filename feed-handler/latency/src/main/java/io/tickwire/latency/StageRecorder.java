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
import org.HdrHistogram.SingleWriterRecorder;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Records latencies of one stage from ONE writer thread, in nanoseconds.
 * <p>
 * Wraps an HdrHistogram {@link SingleWriterRecorder}: recording is a wait-free increment of a pre-allocated
 * counts array (tens of nanoseconds, no allocation), and a reader ({@link HlogWriterAgent}) swaps the histogram
 * out for an interval sample without stopping the writer. Give each thread its own recorder from
 * {@link LatencyRegistry#recorder(String)}; the agent adds the recorders of one stage together.
 * <p>
 * Values out of range are not thrown at the hot path: a negative value (clocks of two processes that disagree)
 * is counted in {@link #negativeCount()} and not recorded; a value above the highest trackable value is
 * recorded as that value and counted in {@link #clampedCount()}, so the tail is never silently shortened.
 */
public final class StageRecorder
{
    private static final VarHandle NEGATIVE_COUNT;
    private static final VarHandle CLAMPED_COUNT;

    static
    {
        try
        {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            NEGATIVE_COUNT = lookup.findVarHandle(StageRecorder.class, "negativeCount", long.class);
            CLAMPED_COUNT = lookup.findVarHandle(StageRecorder.class, "clampedCount", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final String stage;
    private final String writer;
    private final long highestTrackableValue;
    private final SingleWriterRecorder recorder;
    private long negativeCount;
    private long clampedCount;
    private Histogram recycled;

    /**
     * Create a recorder; most code gets one from {@link LatencyRegistry#recorder(String)} instead.
     *
     * @param stage                  stage name, see {@link Stage#validate(String)}.
     * @param writer                 name of the writing thread or component, for diagnostics.
     * @param highestTrackableValue  highest latency in ns kept exactly; larger values are clamped to it.
     * @param significantValueDigits HdrHistogram precision (3 = 0.1% resolution).
     */
    public StageRecorder(
        final String stage, final String writer, final long highestTrackableValue, final int significantValueDigits)
    {
        this.stage = Stage.validate(stage);
        this.writer = writer;
        this.highestTrackableValue = highestTrackableValue;
        this.recorder = new SingleWriterRecorder(1, highestTrackableValue, significantValueDigits);
    }

    /**
     * Record one latency. Only the owning thread may call this.
     *
     * @param valueNs the latency in nanoseconds.
     */
    public void recordValue(final long valueNs)
    {
        if (valueNs < 0)
        {
            NEGATIVE_COUNT.setRelease(this, negativeCount + 1);
        }
        else if (valueNs > highestTrackableValue)
        {
            CLAMPED_COUNT.setRelease(this, clampedCount + 1);
            recorder.recordValue(highestTrackableValue);
        }
        else
        {
            recorder.recordValue(valueNs);
        }
    }

    /**
     * Record the time from a start stamp to an end stamp taken from the same clock.
     *
     * @param startNs the stamp at the start of the stage, in ns.
     * @param endNs   the stamp at the end of the stage, in ns.
     */
    public void recordInterval(final long startNs, final long endNs)
    {
        recordValue(endNs - startNs);
    }

    /**
     * The stage this recorder records.
     *
     * @return the stage name (the {@code .hlog} tag).
     */
    public String stage()
    {
        return stage;
    }

    /**
     * Name of the writer this recorder belongs to.
     *
     * @return the writer name given at creation.
     */
    public String writer()
    {
        return writer;
    }

    /**
     * Highest value recorded exactly, in ns.
     *
     * @return the highest trackable value.
     */
    public long highestTrackableValue()
    {
        return highestTrackableValue;
    }

    /**
     * Negative values seen so far (not recorded): a sign that two clocks disagree.
     *
     * @return the count since creation.
     */
    public long negativeCount()
    {
        return (long)NEGATIVE_COUNT.getAcquire(this);
    }

    /**
     * Values above {@link #highestTrackableValue()} seen so far (recorded as that value).
     *
     * @return the count since creation.
     */
    public long clampedCount()
    {
        return (long)CLAMPED_COUNT.getAcquire(this);
    }

    /**
     * Take the values recorded since the previous sample. Reader side only (one reader at a time); the
     * returned histogram is reused by the next call, so copy or add it before sampling again.
     *
     * @return the interval histogram, owned by this recorder.
     */
    public Histogram sampleInterval()
    {
        recycled = recorder.getIntervalHistogram(recycled);
        return recycled;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "StageRecorder{stage=" + stage + ", writer=" + writer + "}";
    }
}
