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

import io.aeron.AeronCounters;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.agrona.concurrent.status.CountersReader;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every counter of one or more media drivers, read from their counters at scrape time: the kinds declared by
 * Tickwire's components under their own names, Aeron's system counters as {@code aeron_system_counter{name}},
 * and any other counter as {@code aeron_counter{type_id,label}}, so nothing a driver counts is missing.
 */
final class AeronCounterCollector implements MultiCollector
{
    /** Aeron's system counters: one gauge, a {@code name} label per counter (some count, some are levels). */
    static final String SYSTEM_COUNTER = "aeron_system_counter";
    /** Counters of a type id no one declared a {@link CounterKind} for. */
    static final String OTHER_COUNTER = "aeron_counter";

    /**
     * One driver's counters and the value of its {@code driver} label.
     */
    static final class Driver
    {
        private final String name;
        private final CountersReader reader;

        Driver(final String name, final CountersReader reader)
        {
            this.name = name;
            this.reader = reader;
        }
    }

    private final List<Driver> drivers;
    private final Map<Integer, CounterKind> kinds = new HashMap<>();

    /**
     * Read these drivers, exporting these kinds under their own names.
     *
     * @param drivers the drivers.
     * @param kinds   the declared kinds; at most one per type id.
     */
    AeronCounterCollector(final List<Driver> drivers, final List<CounterKind> kinds)
    {
        this.drivers = List.copyOf(drivers);
        final Map<String, Boolean> typeByName = new HashMap<>();
        for (final CounterKind kind : kinds)
        {
            final CounterKind previous = this.kinds.put(kind.typeId(), kind);
            if (null != previous && !previous.name().equals(kind.name()))
            {
                throw new IllegalArgumentException("two kinds for type id " + kind.typeId() + ": " + previous + ", " +
                    kind);
            }
            final Boolean monotonic = typeByName.put(kind.name(), kind.isMonotonic());
            if ((null != monotonic && monotonic != kind.isMonotonic()) ||
                SYSTEM_COUNTER.equals(kind.name()) || OTHER_COUNTER.equals(kind.name()))
            {
                throw new IllegalArgumentException(kind.name() + " is taken");
            }
        }
    }

    /**
     * {@inheritDoc}
     */
    public MetricSnapshots collect()
    {
        final Families families = new Families();
        for (final Driver driver : drivers)
        {
            final CountersReader reader = driver.reader;
            reader.forEach((counterId, typeId, keyBuffer, label) ->
                add(families, driver.name, counterId, typeId, label, reader.getCounterValue(counterId)));
        }
        return new MetricSnapshots(families.snapshots());
    }

    private void add(
        final Families families,
        final String driverName,
        final int counterId,
        final int typeId,
        final String label,
        final long value)
    {
        final CounterKind kind = kinds.get(typeId);
        final String name;
        final String help;
        final boolean monotonic;
        final double scale;
        Labels labels;
        if (null != kind)
        {
            scale = kind.scale();
            name = kind.name();
            help = kind.help();
            monotonic = kind.isMonotonic();
            labels = kind.labels(label);
        }
        else if (AeronCounters.DRIVER_SYSTEM_COUNTER_TYPE_ID == typeId)
        {
            scale = 1.0;
            name = SYSTEM_COUNTER;
            help = "Aeron media driver system counter (AeronStat's first lines), by name";
            monotonic = false;
            labels = Labels.of("driver", driverName, "name", label);
        }
        else
        {
            scale = 1.0;
            name = OTHER_COUNTER;
            help = "Other Aeron counters (positions, limits, cluster state...), by type id and label";
            monotonic = false;
            labels = Labels.of("driver", driverName, "type_id", Integer.toString(typeId), "label", label);
        }

        // Two counters with one label text (two publishers of one stream on a shared driver) stay apart.
        if (families.contains(name, labels))
        {
            labels = labels.add("counter_id", Integer.toString(counterId));
        }
        families.add(name, help, monotonic, labels, value * scale);
    }
}
