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
package io.tickwire.perf.report;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One line of a report: the latencies (ns) of one stage from one log, accumulated over the whole log, plus the
 * count of every interval for the throughput chart.
 */
public final class Series
{
    private final String name;
    private final String source;
    private final Histogram total;
    private final List<Interval> intervals = new ArrayList<>();

    /**
     * One interval of the log.
     *
     * @param startMs start, ms since the epoch.
     * @param endMs   end, ms since the epoch.
     * @param count   values recorded in the interval.
     * @param maxNs   largest value in the interval, ns.
     */
    public record Interval(long startMs, long endMs, long count, long maxNs)
    {
        /**
         * Rate of values in this interval.
         *
         * @return values per second, 0 for an empty-length interval.
         */
        public double ratePerSecond()
        {
            final long lengthMs = endMs - startMs;
            return lengthMs <= 0 ? 0.0 : count * 1000.0 / lengthMs;
        }
    }

    /**
     * An empty series.
     *
     * @param name   the name shown in legends and tables.
     * @param source where it came from (file and tag), for the reader.
     */
    public Series(final String name, final String source)
    {
        this.name = name;
        this.source = source;
        this.total = new Histogram(3);
        this.total.setAutoResize(true);
    }

    /**
     * Add one interval histogram.
     *
     * @param histogram the interval's values in ns, with start/end time stamps in ms.
     */
    public void add(final Histogram histogram)
    {
        total.add(histogram);
        intervals.add(new Interval(
            histogram.getStartTimeStamp(), histogram.getEndTimeStamp(), histogram.getTotalCount(),
            histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue()));
    }

    /**
     * Name shown in legends and tables.
     *
     * @return the name.
     */
    public String name()
    {
        return name;
    }

    /**
     * Where the series came from.
     *
     * @return file and tag.
     */
    public String source()
    {
        return source;
    }

    /**
     * All values of the series, ns.
     *
     * @return the accumulated histogram.
     */
    public Histogram total()
    {
        return total;
    }

    /**
     * The intervals in log order.
     *
     * @return an unmodifiable list.
     */
    public List<Interval> intervals()
    {
        return Collections.unmodifiableList(intervals);
    }

    /**
     * Mean rate over the intervals that recorded anything, values per second.
     *
     * @return the rate, 0 when nothing was recorded.
     */
    public double meanRatePerSecond()
    {
        long count = 0;
        long lengthMs = 0;
        for (final Interval interval : intervals)
        {
            if (interval.count() > 0)
            {
                count += interval.count();
                lengthMs += interval.endMs() - interval.startMs();
            }
        }

        return lengthMs <= 0 ? 0.0 : count * 1000.0 / lengthMs;
    }
}
