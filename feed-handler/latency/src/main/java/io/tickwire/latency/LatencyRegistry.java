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

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The recorders of one process. Components ask for a {@link StageRecorder} per stage per writer thread at
 * set-up time and keep it; the {@link HlogWriterAgent} reads all of them, adding the recorders of one stage
 * into one interval histogram per stage.
 * <p>
 * Creating a recorder allocates (two histograms of a few hundred KiB); do it when a component is built,
 * never per message. Thread safe.
 */
public final class LatencyRegistry
{
    /**
     * Default highest latency kept exactly: 60 seconds in ns. Larger values are clamped and counted.
     */
    public static final long HIGHEST_TRACKABLE_VALUE_DEFAULT_NS = TimeUnit.SECONDS.toNanos(60);

    /**
     * Default precision: three significant digits (0.1%).
     */
    public static final int SIGNIFICANT_DIGITS_DEFAULT = 3;

    private final CopyOnWriteArrayList<StageRecorder> recorders = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<StageRecorder>> listeners = new CopyOnWriteArrayList<>();
    private final long highestTrackableValueNs;
    private final int significantValueDigits;

    /**
     * A registry with the defaults: 1 ns to 60 s, 3 significant digits.
     */
    public LatencyRegistry()
    {
        this(HIGHEST_TRACKABLE_VALUE_DEFAULT_NS, SIGNIFICANT_DIGITS_DEFAULT);
    }

    /**
     * A registry with a chosen range and precision for every recorder it creates.
     *
     * @param highestTrackableValueNs highest latency in ns kept exactly (at least 2).
     * @param significantValueDigits  HdrHistogram precision, 0 to 5.
     */
    public LatencyRegistry(final long highestTrackableValueNs, final int significantValueDigits)
    {
        if (highestTrackableValueNs < 2)
        {
            throw new IllegalArgumentException("highestTrackableValueNs must be >= 2: " + highestTrackableValueNs);
        }
        if (significantValueDigits < 0 || significantValueDigits > 5)
        {
            throw new IllegalArgumentException("significantValueDigits must be 0..5: " + significantValueDigits);
        }
        this.highestTrackableValueNs = highestTrackableValueNs;
        this.significantValueDigits = significantValueDigits;
    }

    /**
     * A new recorder of a stage for the calling thread (named after it).
     *
     * @param stage the stage name, see {@link Stage}.
     * @return a recorder that only the calling thread may record into.
     */
    public StageRecorder recorder(final String stage)
    {
        return recorder(stage, Thread.currentThread().getName());
    }

    /**
     * A new recorder of a stage for a named writer; use when the recorder is built on one thread and used by
     * another (an agent built before its runner starts).
     *
     * @param stage  the stage name, see {@link Stage}.
     * @param writer the writer's name, for diagnostics.
     * @return a recorder that only that writer may record into.
     */
    public StageRecorder recorder(final String stage, final String writer)
    {
        final StageRecorder recorder = new StageRecorder(
            stage, writer, highestTrackableValueNs, significantValueDigits);
        recorders.add(recorder);
        for (final Consumer<StageRecorder> listener : listeners)
        {
            listener.accept(recorder);
        }

        return recorder;
    }

    /**
     * Be told of every recorder made from now on, on the thread that makes it and before it is handed out, so a
     * reader (a metrics endpoint) can attach before the first value is recorded. Recorders made before are in
     * {@link #recorders()}; one made while the listener is being added may be in both.
     *
     * @param listener called with each new recorder; it must not block for long (components make recorders at
     *                 set-up time, and wait for it).
     */
    public void addRecorderListener(final Consumer<StageRecorder> listener)
    {
        listeners.add(listener);
    }

    /**
     * Stop telling a listener of new recorders.
     *
     * @param listener a listener added before.
     */
    public void removeRecorderListener(final Consumer<StageRecorder> listener)
    {
        listeners.remove(listener);
    }

    /**
     * Every recorder created so far, in creation order.
     *
     * @return a snapshot list.
     */
    public List<StageRecorder> recorders()
    {
        return new ArrayList<>(recorders);
    }

    /**
     * Stage names with at least one recorder, in the order their first recorder was created.
     *
     * @return a snapshot set.
     */
    public Set<String> stages()
    {
        final Set<String> stages = new LinkedHashSet<>();
        for (final StageRecorder recorder : recorders)
        {
            stages.add(recorder.stage());
        }

        return stages;
    }

    /**
     * Highest value in ns each recorder keeps exactly.
     *
     * @return the highest trackable value.
     */
    public long highestTrackableValueNs()
    {
        return highestTrackableValueNs;
    }

    /**
     * Precision of each recorder.
     *
     * @return significant value digits.
     */
    public int significantValueDigits()
    {
        return significantValueDigits;
    }

    Iterable<StageRecorder> liveRecorders()
    {
        return recorders;
    }
}
