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
import java.util.Arrays;

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
 * <p>
 * Taking an interval empties the recorder, so a second reader (a metrics endpoint beside the {@code .hlog} writer)
 * would steal values from the first. It gets an {@link IntervalReader} instead: from then on every interval taken
 * from the recorder, by whichever reader, is added to a pending histogram of each reader, and each reader sees
 * every value exactly once. Without such a reader {@link #sampleInterval()} works as it always did. Either way
 * only the reader side changes: the writer's {@link #recordValue(long)} is the same.
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
    private final int significantValueDigits;
    private final SingleWriterRecorder recorder;
    private final Object readLock = new Object();
    private long negativeCount;
    private long clampedCount;
    private Histogram recycled;
    private Histogram samplePending;
    private Histogram sampleReturned;
    private IntervalReader[] readers = new IntervalReader[0];

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
        this.significantValueDigits = significantValueDigits;
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
     * Take the values recorded since the previous sample. Reader side only, for the one primary reader (the
     * {@link HlogWriterAgent}); further readers use {@link #newReader()}. The returned histogram is reused by the
     * next call, so copy or add it before sampling again.
     *
     * @return the interval histogram, owned by this recorder.
     */
    public Histogram sampleInterval()
    {
        synchronized (readLock)
        {
            drain();
            if (null == samplePending)
            {
                return recycled;
            }

            // The histogram handed out last time is finished with: it becomes the next pending one.
            final Histogram sample = samplePending;
            samplePending = sampleReturned;
            samplePending.reset();
            sampleReturned = sample;
            return sample;
        }
    }

    /**
     * A further reader of this recorder's values that neither steals from {@link #sampleInterval()} nor is
     * stolen from. It starts with the values no reader has taken yet (all of them when nothing samples this
     * recorder). Each reader costs a histogram and an addition per interval taken, on the reader side only.
     *
     * @return a reader; close it when done.
     */
    public IntervalReader newReader()
    {
        synchronized (readLock)
        {
            if (null == samplePending)
            {
                // From now on another thread may drain between two primary samples: the primary reader must no
                // longer be handed the histogram the recorder recycles, which it may still be reading.
                samplePending = newHistogram();
                sampleReturned = newHistogram();
                recycled = null;
            }

            final IntervalReader reader = new IntervalReader(newHistogram());
            final IntervalReader[] more = Arrays.copyOf(readers, readers.length + 1);
            more[readers.length] = reader;
            readers = more;
            return reader;
        }
    }

    /**
     * A reader of a {@link StageRecorder} besides its primary one, made by {@link StageRecorder#newReader()}.
     * Thread safe; readers of one recorder serialise on it (never with the writer).
     */
    public final class IntervalReader implements AutoCloseable
    {
        private final Histogram pending;
        private boolean closed;

        private IntervalReader(final Histogram pending)
        {
            this.pending = pending;
        }

        /**
         * The recorder this reader reads.
         *
         * @return the recorder.
         */
        public StageRecorder recorder()
        {
            return StageRecorder.this;
        }

        /**
         * Add the values recorded since this reader's previous call to a histogram.
         *
         * @param target where to add them; its range must cover the recorder's highest trackable value.
         * @return the number of values added.
         */
        public long sampleInto(final Histogram target)
        {
            synchronized (readLock)
            {
                if (closed)
                {
                    return 0;
                }
                drain();
                final long count = pending.getTotalCount();
                target.add(pending);
                pending.reset();
                return count;
            }
        }

        /**
         * Stop reading: the recorder no longer adds intervals for this reader.
         */
        public void close()
        {
            synchronized (readLock)
            {
                if (!closed)
                {
                    closed = true;
                    final IntervalReader[] fewer = new IntervalReader[readers.length - 1];
                    int i = 0;
                    for (final IntervalReader reader : readers)
                    {
                        if (reader != this)
                        {
                            fewer[i++] = reader;
                        }
                    }
                    readers = fewer;
                }
            }
        }
    }

    private void drain()
    {
        recycled = recorder.getIntervalHistogram(recycled);
        if (null != samplePending)
        {
            samplePending.add(recycled);
            for (final IntervalReader reader : readers)
            {
                reader.pending.add(recycled);
            }
        }
    }

    private Histogram newHistogram()
    {
        return new Histogram(1, highestTrackableValue, significantValueDigits);
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "StageRecorder{stage=" + stage + ", writer=" + writer + "}";
    }
}
