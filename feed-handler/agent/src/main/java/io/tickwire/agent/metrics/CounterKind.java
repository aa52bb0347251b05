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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one kind of Aeron counter (one type id) is exported: its Prometheus name, whether it only counts up, and
 * how its labels are read out of the counter's label text. A component that allocates counters declares its
 * kinds beside them (the feed handler's are in {@code FeedMetrics}); counters of a type id nobody declared are
 * still exported, generically, see {@link MetricsServer}.
 * <pre>{@code
 * CounterKind.counter(3001, "tickwire_feed_messages_in", "ITCH messages read", "tickwire-feed msgs-in: (.*)",
 *     "source");
 * }</pre>
 * A label text the pattern does not match (cut short in the CnC file, say) is exported with the whole text as
 * a {@code label} label, so no counter is lost.
 */
public final class CounterKind
{
    private final int typeId;
    private final String name;
    private final String help;
    private final boolean monotonic;
    private final Pattern labelPattern;
    private final String[] labelNames;
    private final double scale;

    private CounterKind(
        final int typeId,
        final String name,
        final String help,
        final boolean monotonic,
        final String labelRegex,
        final String... labelNames)
    {
        this(typeId, name, help, monotonic, 1.0, labelRegex, labelNames);
    }

    private CounterKind(
        final int typeId,
        final String name,
        final String help,
        final boolean monotonic,
        final double scale,
        final String labelRegex,
        final String... labelNames)
    {
        if (!(scale > 0) || Double.isInfinite(scale))
        {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
        this.scale = scale;
        this.typeId = typeId;
        this.name = monotonic ? Names.counter(name) : Names.metric(name);
        this.help = Objects.requireNonNull(help, "help");
        this.monotonic = monotonic;
        this.labelPattern = Pattern.compile(labelRegex);
        this.labelNames = labelNames.clone();
        for (final String labelName : labelNames)
        {
            Names.label(labelName);
        }
        final int groups = labelPattern.matcher("").groupCount();
        if (groups != labelNames.length)
        {
            throw new IllegalArgumentException("'" + labelRegex + "' has " + groups + " groups for " +
                labelNames.length + " label names");
        }
    }

    /**
     * A counter that only counts up, exported as a Prometheus counter ({@code NAME_total}).
     *
     * @param typeId     the Aeron counter type id.
     * @param name       metric name, with or without {@code _total}.
     * @param help       what it counts, for {@code # HELP}.
     * @param labelRegex matches the whole label text; each group is one label's value.
     * @param labelNames the labels, one per group.
     * @return the kind.
     */
    public static CounterKind counter(
        final int typeId, final String name, final String help, final String labelRegex, final String... labelNames)
    {
        return new CounterKind(typeId, name, help, true, labelRegex, labelNames);
    }

    /**
     * A counter whose value goes up and down (a position, a level), exported as a Prometheus gauge.
     *
     * @param typeId     the Aeron counter type id.
     * @param name       metric name.
     * @param help       what it measures, for {@code # HELP}.
     * @param labelRegex matches the whole label text; each group is one label's value.
     * @param labelNames the labels, one per group.
     * @return the kind.
     */
    public static CounterKind gauge(
        final int typeId, final String name, final String help, final String labelRegex, final String... labelNames)
    {
        return new CounterKind(typeId, name, help, false, labelRegex, labelNames);
    }

    /**
     * The same kind with its values multiplied by a factor, for a counter kept in other units than the metric's
     * (nanoseconds exported as seconds: {@code scaled(1e-9)}).
     *
     * @param factor to multiply each value by.
     * @return a new kind.
     */
    public CounterKind scaled(final double factor)
    {
        return new CounterKind(typeId, name, help, monotonic, scale * factor, labelPattern.pattern(), labelNames);
    }

    /**
     * The factor a counter's value is multiplied by when exported.
     *
     * @return 1 unless {@link #scaled(double)}.
     */
    public double scale()
    {
        return scale;
    }

    /**
     * The Aeron counter type id.
     *
     * @return the type id.
     */
    public int typeId()
    {
        return typeId;
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
     * Whether the counter only counts up (a Prometheus counter) rather than being a gauge.
     *
     * @return true for a counter.
     */
    public boolean isMonotonic()
    {
        return monotonic;
    }

    /**
     * The labels of one counter of this kind.
     *
     * @param label the counter's label text from the CnC file.
     * @return its labels.
     */
    public Labels labels(final String label)
    {
        final Matcher matcher = labelPattern.matcher(label);
        if (!matcher.matches())
        {
            return Labels.of("label", label);
        }
        final String[] values = new String[labelNames.length];
        for (int i = 0; i < values.length; i++)
        {
            values[i] = null == matcher.group(i + 1) ? "" : matcher.group(i + 1);
        }
        return Labels.of(labelNames, values);
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "CounterKind{typeId=" + typeId + ", name=" + name + "}";
    }
}
