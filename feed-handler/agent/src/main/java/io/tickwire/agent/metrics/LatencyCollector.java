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
package io.tickwire.agent.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.tickwire.latency.LatencyRegistry;
import io.tickwire.latency.StageRecorder;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The stage latencies of {@link LatencyRegistry}s as a Prometheus summary per stage and writer: quantiles over a
 * sliding window, count and sum since start, plus the window's maximum and the values that could not be
 * recorded exactly.
 * <p>
 * Each {@link StageRecorder} is read through a {@link StageRecorder.IntervalReader} of its own, so the
 * {@code .hlog} writer, which samples the same recorders, still gets every value and so does this: the reader is
 * attached when the recorder is made (or when this starts, for recorders made before). The values
 * drained at a scrape go into the newest of a ring of histograms that together cover the window; a histogram older
 * than the window is emptied and reused. Everything happens on the scraping thread, at scrape time: with no
 * scrapes, nothing here runs (values wait in the readers' histograms, whose size is fixed). A value lands in the
 * slot current when it is drained, so with scrapes further apart than a slot the window is that much longer.
 */
final class LatencyCollector implements MultiCollector, AutoCloseable
{
    /** Quantiles of the summary. */
    static final double[] QUANTILES = { 0.5, 0.9, 0.99, 0.999 };
    /** The summary: quantiles, {@code _count} and {@code _sum}. */
    static final String LATENCY = "tickwire_latency_seconds";
    /** The largest value in the window. */
    static final String MAX = "tickwire_latency_max_seconds";
    /** Negative values, not recorded (two clocks disagree). */
    static final String NEGATIVE = "tickwire_latency_negative_values";
    /** Values above the recorders' range, recorded as its top. */
    static final String CLAMPED = "tickwire_latency_clamped_values";

    private static final double NANOS_PER_SECOND = 1e9;

    /**
     * The values of one stage and writer (usually one recorder; more when a writer made a second one).
     */
    private static final class Window
    {
        private final Labels labels;
        private final List<StageRecorder.IntervalReader> readers = new ArrayList<>();
        private final Histogram[] slots;
        private int current;
        private long slotStartNs;
        private long count;
        private double sumNs;

        Window(final Labels labels, final Histogram[] slots, final long nowNs)
        {
            this.labels = labels;
            this.slots = slots;
            slotStartNs = nowNs;
        }

        void sample(final long nowNs, final long slotNs, final Histogram scratch)
        {
            final long slotsPassed = (nowNs - slotStartNs) / slotNs;
            if (slotsPassed >= slots.length)
            {
                for (final Histogram slot : slots)
                {
                    slot.reset();
                }
                slotStartNs = nowNs;
            }
            else
            {
                for (long i = 0; i < slotsPassed; i++)
                {
                    current = (current + 1) % slots.length;
                    slots[current].reset();
                }
                slotStartNs += slotsPassed * slotNs;
            }

            scratch.reset();
            for (final StageRecorder.IntervalReader reader : readers)
            {
                reader.sampleInto(scratch);
            }
            final long drained = scratch.getTotalCount();
            if (drained > 0)
            {
                count += drained;
                sumNs += scratch.getMean() * drained;
                slots[current].add(scratch);
            }

            scratch.reset();
            for (final Histogram slot : slots)
            {
                scratch.add(slot);
            }
        }

        long negativeCount()
        {
            long total = 0;
            for (final StageRecorder.IntervalReader reader : readers)
            {
                total += reader.recorder().negativeCount();
            }
            return total;
        }

        long clampedCount()
        {
            long total = 0;
            for (final StageRecorder.IntervalReader reader : readers)
            {
                total += reader.recorder().clampedCount();
            }
            return total;
        }
    }

    private final List<LatencyRegistry> registries;
    private final long slotNs;
    private final int slotCount;
    private final LongSupplier nanoClock;
    private final long highestTrackableValueNs;
    private final int significantValueDigits;
    private final Map<StageRecorder, StageRecorder.IntervalReader> readers = new IdentityHashMap<>();
    private final Map<Labels, Window> windows = new LinkedHashMap<>();
    private final Histogram scratch;
    private final Consumer<StageRecorder> listener = this::attach;
    private boolean closed;

    /**
     * Export the recorders of some registries, those made later included.
     *
     * @param registries the registries.
     * @param windowNs   the window of the quantiles and the maximum, in ns.
     * @param slotCount  histograms the window is made of: it moves on by {@code windowNs / slotCount} at a time.
     * @param nanoClock  monotonic time in ns.
     */
    LatencyCollector(
        final List<LatencyRegistry> registries, final long windowNs, final int slotCount, final LongSupplier nanoClock)
    {
        if (slotCount < 1 || windowNs < slotCount)
        {
            throw new IllegalArgumentException("bad latency window: " + windowNs + " ns in " + slotCount + " slots");
        }
        this.registries = List.copyOf(registries);
        this.slotNs = windowNs / slotCount;
        this.slotCount = slotCount;
        this.nanoClock = nanoClock;

        // One shape for every histogram here, wide enough for every registry, so that any recorder's values fit.
        long highest = 2;
        int digits = 0;
        for (final LatencyRegistry registry : registries)
        {
            highest = Math.max(highest, registry.highestTrackableValueNs());
            digits = Math.max(digits, registry.significantValueDigits());
        }
        highestTrackableValueNs = highest;
        significantValueDigits = digits;
        scratch = newHistogram();

        // Attach to each recorder as it is made, not at the first scrape, which may come after values were taken.
        for (final LatencyRegistry registry : this.registries)
        {
            registry.addRecorderListener(listener);
            for (final StageRecorder recorder : registry.recorders())
            {
                attach(recorder);
            }
        }
    }

    /**
     * {@inheritDoc}
     */
    public synchronized MetricSnapshots collect()
    {
        if (closed)
        {
            return new MetricSnapshots();
        }
        final long nowNs = nanoClock.getAsLong();
        final String windowText = windowSeconds();
        final SummarySnapshot.Builder summary = SummarySnapshot.builder().name(LATENCY)
            .help("Stage latency: quantiles over the last " + windowText + " s (NaN: no values), count and sum " +
            "since start");
        final GaugeSnapshot.Builder max = GaugeSnapshot.builder().name(MAX)
            .help("Largest stage latency over the last " + windowText + " s (NaN: no values)");
        final Families outOfRange = new Families();

        for (final Window window : windows.values())
        {
            window.sample(nowNs, slotNs, scratch);
            summary.dataPoint(SummarySnapshot.SummaryDataPointSnapshot.builder()
                .labels(window.labels)
                .quantiles(quantiles(scratch))
                .count(window.count)
                .sum(window.sumNs / NANOS_PER_SECOND)
                .build());
            max.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                .labels(window.labels)
                .value(0 == scratch.getTotalCount() ? Double.NaN : scratch.getMaxValue() / NANOS_PER_SECOND)
                .build());
            outOfRange.add(NEGATIVE, "Negative stage latencies, not recorded (clocks that disagree)", true,
                window.labels, window.negativeCount());
            outOfRange.add(CLAMPED, "Stage latencies above the recorders' range, recorded as its top", true,
                window.labels, window.clampedCount());
        }

        final List<MetricSnapshot> snapshots = new ArrayList<>();
        if (!windows.isEmpty())
        {
            snapshots.add(summary.build());
            snapshots.add(max.build());
            outOfRange.addTo(snapshots);
        }
        return new MetricSnapshots(snapshots);
    }

    /**
     * Stop reading the recorders: they no longer keep values for this collector.
     */
    public synchronized void close()
    {
        closed = true;
        for (final LatencyRegistry registry : registries)
        {
            registry.removeRecorderListener(listener);
        }
        for (final StageRecorder.IntervalReader reader : readers.values())
        {
            reader.close();
        }
        readers.clear();
        windows.clear();
    }

    private synchronized void attach(final StageRecorder recorder)
    {
        if (!closed && !readers.containsKey(recorder))
        {
            final StageRecorder.IntervalReader reader = recorder.newReader();
            readers.put(recorder, reader);
            final long nowNs = nanoClock.getAsLong();
            windows.computeIfAbsent(Labels.of("stage", recorder.stage(), "writer", recorder.writer()),
                (labels) -> new Window(labels, newSlots(), nowNs)).readers.add(reader);
        }
    }

    private static Quantiles quantiles(final Histogram histogram)
    {
        final Quantile[] quantiles = new Quantile[QUANTILES.length];
        final boolean empty = 0 == histogram.getTotalCount();
        for (int i = 0; i < QUANTILES.length; i++)
        {
            quantiles[i] = new Quantile(QUANTILES[i], empty ? Double.NaN :
                histogram.getValueAtPercentile(QUANTILES[i] * 100.0) / NANOS_PER_SECOND);
        }
        return Quantiles.of(quantiles);
    }

    private String windowSeconds()
    {
        final long windowNs = slotNs * slotCount;
        return 0 == windowNs % 1_000_000_000L ? Long.toString(windowNs / 1_000_000_000L) :
            Double.toString(windowNs / NANOS_PER_SECOND);
    }

    private Histogram[] newSlots()
    {
        final Histogram[] slots = new Histogram[slotCount];
        for (int i = 0; i < slotCount; i++)
        {
            slots[i] = newHistogram();
        }
        return slots;
    }

    private Histogram newHistogram()
    {
        return new Histogram(1, highestTrackableValueNs, significantValueDigits);
    }
}
