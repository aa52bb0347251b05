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

import java.util.ArrayList;
import java.util.List;

import static io.tickwire.perf.report.PercentilePlot.BOTTOM;
import static io.tickwire.perf.report.PercentilePlot.HEIGHT;
import static io.tickwire.perf.report.PercentilePlot.LEFT;
import static io.tickwire.perf.report.PercentilePlot.RIGHT;
import static io.tickwire.perf.report.PercentilePlot.TOP;
import static io.tickwire.perf.report.PercentilePlot.WIDTH;

/**
 * Values recorded per second over time, from the interval counts of the logs: x is seconds since the first
 * interval of the chart began, y is values per second, one line per series (points at interval mid-points).
 */
public final class ThroughputChart
{
    private ThroughputChart()
    {
    }

    /**
     * Render the chart.
     *
     * @param title  chart title.
     * @param series the lines.
     * @return an {@code <svg>} element.
     */
    public static String svg(final String title, final List<Series> series)
    {
        final double plotWidth = WIDTH - LEFT - RIGHT;
        final double plotHeight = HEIGHT - TOP - BOTTOM;
        long t0 = Long.MAX_VALUE;
        long t1 = Long.MIN_VALUE;
        double maxRate = 0;
        for (final Series s : series)
        {
            for (final Series.Interval interval : s.intervals())
            {
                t0 = Math.min(t0, interval.startMs());
                t1 = Math.max(t1, interval.endMs());
                maxRate = Math.max(maxRate, interval.ratePerSecond());
            }
        }
        if (t0 == Long.MAX_VALUE)
        {
            t0 = 0;
            t1 = 1000;
        }
        final double seconds = Math.max(0.001, (t1 - t0) / 1000.0);
        final double xStep = Svg.tickStep(seconds, 8);
        final double xMax = Math.max(xStep, Math.ceil(seconds / xStep) * xStep);
        final double yStep = Svg.tickStep(maxRate, 5);
        final double yMax = Math.max(yStep, Math.ceil(maxRate / yStep) * yStep);

        final StringBuilder sb = new StringBuilder(16 * 1024);
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"throughput-chart\" width=\"").append(WIDTH)
            .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
            .append(HEIGHT).append("\" role=\"img\">\n");
        sb.append("<title>").append(Svg.escape(title)).append("</title>\n");
        sb.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
            .append("\" fill=\"#ffffff\"/>\n");
        sb.append("<text class=\"chart-title\" x=\"").append(LEFT).append("\" y=\"24\" font-size=\"16\"")
            .append(" font-weight=\"bold\">").append(Svg.escape(title)).append("</text>\n");
        for (double x = 0; x <= xMax + xStep / 2; x += xStep)
        {
            final double px = LEFT + plotWidth * x / xMax;
            sb.append("<line class=\"grid\" x1=\"").append(Svg.coordinate(px)).append("\" y1=\"").append(TOP)
                .append("\" x2=\"").append(Svg.coordinate(px)).append("\" y2=\"").append(TOP + plotHeight)
                .append("\" stroke=\"#dddddd\"/>\n");
            sb.append("<text class=\"x-tick\" x=\"").append(Svg.coordinate(px)).append("\" y=\"")
                .append(Svg.coordinate(TOP + plotHeight + 18)).append("\" font-size=\"12\" text-anchor=\"middle\">")
                .append(Svg.tickLabel(x, false)).append("</text>\n");
        }
        for (double y = 0; y <= yMax + yStep / 2; y += yStep)
        {
            final double py = TOP + plotHeight - plotHeight * y / yMax;
            sb.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" y1=\"").append(Svg.coordinate(py))
                .append("\" x2=\"").append(Svg.coordinate(LEFT + plotWidth)).append("\" y2=\"")
                .append(Svg.coordinate(py)).append("\" stroke=\"#dddddd\"/>\n");
            sb.append("<text class=\"y-tick\" x=\"").append(LEFT - 6).append("\" y=\"")
                .append(Svg.coordinate(py + 4)).append("\" font-size=\"12\" text-anchor=\"end\">")
                .append(Svg.tickLabel(y, true)).append("</text>\n");
        }
        PercentilePlot.axes(sb, plotWidth, plotHeight, "Time (s)", "Values per second");

        final List<double[][]> lines = new ArrayList<>();
        for (int i = 0; i < series.size(); i++)
        {
            final List<double[]> pointList = new ArrayList<>();
            for (final Series.Interval interval : series.get(i).intervals())
            {
                // A zero-length interval (the closing sample right after a regular one) has no rate.
                if (interval.endMs() > interval.startMs())
                {
                    final double mid = ((interval.startMs() + interval.endMs()) / 2.0 - t0) / 1000.0;
                    pointList.add(new double[]{ mid, interval.ratePerSecond() });
                }
            }
            final double[][] points = pointList.toArray(new double[0][]);
            lines.add(points);
            if (points.length == 0)
            {
                continue;
            }
            sb.append("<polyline class=\"series\" data-series=\"").append(Svg.escape(series.get(i).name()))
                .append("\" fill=\"none\" stroke=\"").append(Svg.colour(i)).append("\" stroke-width=\"2\" points=\"");
            for (final double[] point : points)
            {
                final double px = LEFT + plotWidth * point[0] / xMax;
                final double py = TOP + plotHeight - plotHeight * point[1] / yMax;
                sb.append(Svg.coordinate(px)).append(',').append(Svg.coordinate(py)).append(' ');
            }
            sb.setLength(sb.length() - 1);
            sb.append("\"/>\n");
        }
        PercentilePlot.legend(sb, series, lines);
        sb.append("</svg>\n");

        return sb.toString();
    }
}
