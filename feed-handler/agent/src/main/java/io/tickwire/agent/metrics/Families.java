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

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counters and gauges of one scrape, gathered by name before they become snapshots: the client library wants
 * one snapshot per name holding every label set, and refuses a label set twice, so both are sorted out here.
 */
final class Families
{
    /**
     * The data points of one name.
     */
    private static final class Family
    {
        private final String help;
        private final boolean monotonic;
        private final Map<Labels, Double> values = new LinkedHashMap<>();

        Family(final String help, final boolean monotonic)
        {
            this.help = help;
            this.monotonic = monotonic;
        }
    }

    private final Map<String, Family> families = new LinkedHashMap<>();

    /**
     * Whether a data point with this name and these labels is already there.
     *
     * @param name   the metric name.
     * @param labels the labels.
     * @return true when present.
     */
    boolean contains(final String name, final Labels labels)
    {
        final Family family = families.get(name);
        return null != family && family.values.containsKey(labels);
    }

    /**
     * Add a data point; a label set seen before for the name is added up with it (two counters of one meaning).
     *
     * @param name      the metric name, without {@code _total}.
     * @param help      the help text; the first one given for a name is kept.
     * @param monotonic true for a counter, false for a gauge.
     * @param labels    the labels.
     * @param value     the value; a counter's negative value is taken as 0 (the format has no negative counters).
     * @throws IllegalArgumentException if the name was given before as the other type.
     */
    void add(final String name, final String help, final boolean monotonic, final Labels labels, final double value)
    {
        final Family family = families.computeIfAbsent(name, (n) -> new Family(help, monotonic));
        if (family.monotonic != monotonic)
        {
            throw new IllegalArgumentException(name + " is exported both as a counter and as a gauge");
        }
        family.values.merge(labels, monotonic ? Math.max(0.0, value) : value, Double::sum);
    }

    /**
     * Add the snapshots of every name to a list.
     *
     * @param snapshots where to add them.
     */
    void addTo(final List<MetricSnapshot> snapshots)
    {
        for (final Map.Entry<String, Family> entry : families.entrySet())
        {
            final Family family = entry.getValue();
            if (family.monotonic)
            {
                final CounterSnapshot.Builder builder =
                    CounterSnapshot.builder().name(entry.getKey()).help(family.help);
                for (final Map.Entry<Labels, Double> value : family.values.entrySet())
                {
                    builder.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                        .labels(value.getKey()).value(value.getValue()).build());
                }
                snapshots.add(builder.build());
            }
            else
            {
                final GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(entry.getKey()).help(family.help);
                for (final Map.Entry<Labels, Double> value : family.values.entrySet())
                {
                    builder.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .labels(value.getKey()).value(value.getValue()).build());
                }
                snapshots.add(builder.build());
            }
        }
    }

    /**
     * The snapshots of every name.
     *
     * @return a new list.
     */
    List<MetricSnapshot> snapshots()
    {
        final List<MetricSnapshot> snapshots = new ArrayList<>();
        addTo(snapshots);
        return snapshots;
    }
}
