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

import io.prometheus.metrics.model.snapshots.Labels;

import java.util.Objects;

/**
 * One value a component exports besides its Aeron counters and latencies: a name, a help text, whether it only
 * counts up, its labels and the value now. A component hands the server a {@code Supplier} of these
 * ({@link MetricsServer.Builder#values}), called at each scrape on the server's thread, so it reads whatever
 * thread-safe state it keeps (the gateway's {@code GatewayCounters} are {@code AtomicLong}s) and nothing more.
 * <pre>{@code
 * NamedValue.counter("tickwire_gateway_rejects", "Orders rejected", counters.rejects(reason), "reason", "MAX_NOTIONAL")
 * }</pre>
 */
public final class NamedValue
{
    private final String name;
    private final String help;
    private final boolean monotonic;
    private final Labels labels;
    private final double value;

    private NamedValue(
        final String name, final String help, final boolean monotonic, final double value, final String[] labels)
    {
        this.name = monotonic ? Names.counter(name) : Names.metric(name);
        this.help = Objects.requireNonNull(help, "help");
        this.monotonic = monotonic;
        this.value = value;
        if (0 != (labels.length & 1))
        {
            throw new IllegalArgumentException(name + ": labels come in name, value pairs");
        }
        for (int i = 0; i < labels.length; i += 2)
        {
            Names.label(labels[i]);
            Objects.requireNonNull(labels[i + 1], labels[i]);
        }
        this.labels = Labels.of(labels);
    }

    /**
     * A value that only counts up, exported as a Prometheus counter ({@code NAME_total}).
     *
     * @param name   metric name, with or without {@code _total}.
     * @param help   what it counts.
     * @param value  the count now.
     * @param labels label names and values, in pairs.
     * @return the value.
     */
    public static NamedValue counter(final String name, final String help, final double value, final String... labels)
    {
        return new NamedValue(name, help, true, value, labels);
    }

    /**
     * A value that goes up and down, exported as a Prometheus gauge.
     *
     * @param name   metric name.
     * @param help   what it measures.
     * @param value  the value now.
     * @param labels label names and values, in pairs.
     * @return the value.
     */
    public static NamedValue gauge(final String name, final String help, final double value, final String... labels)
    {
        return new NamedValue(name, help, false, value, labels);
    }

    /**
     * The metric name, without {@code _total} for counters.
     *
     * @return the name.
     */
    public String name()
    {
        return name;
    }

    /**
     * The help text.
     *
     * @return the help text.
     */
    public String help()
    {
        return help;
    }

    /**
     * Whether it only counts up.
     *
     * @return true for a counter.
     */
    public boolean isMonotonic()
    {
        return monotonic;
    }

    /**
     * The labels.
     *
     * @return the labels, possibly empty.
     */
    public Labels labels()
    {
        return labels;
    }

    /**
     * The value.
     *
     * @return the value.
     */
    public double value()
    {
        return value;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return name + labels + " " + value;
    }
}
