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
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The values components hand over as {@link NamedValue}s, asked for at scrape time. Values of one name and label set
 * from several suppliers are added up.
 */
final class NamedValueCollector implements MultiCollector
{
    private final List<Supplier<? extends Collection<NamedValue>>> suppliers;

    NamedValueCollector(final List<Supplier<? extends Collection<NamedValue>>> suppliers)
    {
        this.suppliers = List.copyOf(suppliers);
    }

    /**
     * {@inheritDoc}
     */
    public MetricSnapshots collect()
    {
        final Families families = new Families();
        for (final Supplier<? extends Collection<NamedValue>> supplier : suppliers)
        {
            for (final NamedValue value : supplier.get())
            {
                families.add(value.name(), value.help(), value.isMonotonic(), value.labels(), value.value());
            }
        }
        return new MetricSnapshots(families.snapshots());
    }
}
