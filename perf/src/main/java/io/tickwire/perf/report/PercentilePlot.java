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
import org.HdrHistogram.HistogramIterationValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The classic HdrHistogram percentile plot as inline SVG: x is 1/(1-p) on a log scale labelled 0% .. 99.999%,
 * y is latency in µs (linear, from 0), one polyline per series, a legend on the right.
 * <p>
 * Each line ends at its series' maximum, drawn at the right edge (99.999%): beyond that percentile the plot has
 * no room, and the max is the honest end of every distribution.
 */
public final class PercentilePlot
{
    /**
     * Labels of the x axis ticks, at 1/(1-p) = 1, 10, 100, ... 100000.
     */
    public static final String[] X_LABELS = { "0%", "90%", "99%", "99.9%", "99.99%", "99.999%" };

    static final int WIDTH = 960;
    static final int HEIGHT = 440;
    static final int LEFT = 80;
    static final int RIGHT = 230;
    static final int TOP = 40;
    static final int BOTTOM = 60;
    private static final double X_DECADES = X_LABELS.length - 1;

    private PercentilePlot()
    {
    }

    /**
     * Render the plot.
     *
     * @param title  chart title.
     * @param series the lines; empty series are listed in the legend as "no data" and not drawn.
     * @return an {@code <svg>} element.
     */
    public static String svg(final String title, final List<Series> series)
    {
        final double plotWidth = WIDTH - LEFT - RIGHT;
        final double plotHeight = HEIGHT - TOP - BOTTOM;
        final List<double[][]> lines = new ArrayList<>();
        double minUs = Double.MAX_VALUE;
        double maxUs = 0;
        for (final Series s : series)
        {
            final double[][] points = points(s.total());
            lines.add(points);
            for (final double[] point : points)
            {
                maxUs = Math.max(maxUs, point[1]);
                if (point[1] > 0)
                {
                    minUs = Math.min(minUs, point[1]);
                }
            }
        }
        // A log axis, one grid line per decade: stages of 100 ns and of seconds share one chart and both show.
        final int lowDecade = minUs == Double.MAX_VALUE ? 0 : (int)Math.floor(Math.log10(minUs));
        final int highDecade = Math.max(lowDecade + 1, maxUs <= 0 ? 1 : (int)Math.ceil(Math.log10(maxUs)));

        final StringBuilder sb = new StringBuilder(16 * 1024);
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"percentile-plot\" width=\"").append(WIDTH)
            .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
            .append(HEIGHT).append("\" role=\"img\">\n");
        sb.append("<title>").append(Svg.escape(title)).append("</title>\n");
        sb.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
            .append("\" fill=\"#ffffff\"/>\n");
        sb.append("<text class=\"chart-title\" x=\"").append(LEFT).append("\" y=\"24\" font-size=\"16\"")
            .append(" font-weight=\"bold\">").append(Svg.escape(title)).append("</text>\n");

        // Grid and x ticks: one per decade of 1/(1-p).
        for (int i = 0; i < X_LABELS.length; i++)
        {
            final double x = LEFT + plotWidth * i / X_DECADES;
            sb.append("<line class=\"grid\" x1=\"").append(Svg.coordinate(x)).append("\" y1=\"").append(TOP)
                .append("\" x2=\"").append(Svg.coordinate(x)).append("\" y2=\"").append(TOP + plotHeight)
                .append("\" stroke=\"#dddddd\"/>\n");
            sb.append("<text class=\"x-tick\" x=\"").append(Svg.coordinate(x)).append("\" y=\"")
                .append(Svg.coordinate(TOP + plotHeight + 18)).append("\" font-size=\"12\" text-anchor=\"middle\">")
                .append(X_LABELS[i]).append("</text>\n");
        }
        for (int decade = lowDecade; decade <= highDecade; decade++)
        {
            final double y = Math.pow(10, decade);
            final double py = TOP + plotHeight - plotHeight * (decade - lowDecade) / (highDecade - lowDecade);
            sb.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" y1=\"").append(Svg.coordinate(py))
                .append("\" x2=\"").append(Svg.coordinate(LEFT + plotWidth)).append("\" y2=\"")
                .append(Svg.coordinate(py)).append("\" stroke=\"#dddddd\"/>\n");
            sb.append("<text class=\"y-tick\" x=\"").append(LEFT - 6).append("\" y=\"")
                .append(Svg.coordinate(py + 4)).append("\" font-size=\"12\" text-anchor=\"end\">")
                .append(decadeLabel(y)).append("</text>\n");
        }
        axes(sb, plotWidth, plotHeight, "Percentile", "Latency (µs, log scale)");

        for (int i = 0; i < series.size(); i++)
        {
            final double[][] points = lines.get(i);
            if (points.length == 0)
            {
                continue;
            }
            sb.append("<polyline class=\"series\" data-series=\"").append(Svg.escape(series.get(i).name()))
                .append("\" fill=\"none\" stroke=\"").append(Svg.colour(i)).append("\" stroke-width=\"2\" points=\"");
            for (final double[] point : points)
            {
                final double px = LEFT + plotWidth * point[0] / X_DECADES;
                final double decades = Math.log10(Math.max(point[1], Math.pow(10, lowDecade))) - lowDecade;
                final double py = TOP + plotHeight - plotHeight * decades / (highDecade - lowDecade);
                sb.append(Svg.coordinate(px)).append(',').append(Svg.coordinate(py)).append(' ');
            }
            sb.setLength(sb.length() - 1);
            sb.append("\"/>\n");
        }
        legend(sb, series, lines);
        sb.append("</svg>\n");

        return sb.toString();
    }

    /**
     * The plotted points of a histogram: {x = log10(1/(1-p)) capped at the last decade, y = value in µs}.
     *
     * @param histogram values in ns.
     * @return points in increasing x, ending with the max at the right edge; empty for an empty histogram.
     */
    /**
     * A decade's label with thousands separators: {@code 0.01}, {@code 1}, {@code 1,000}, {@code 1,000,000}.
     *
     * @param value a power of ten.
     * @return its label.
     */
    static String decadeLabel(final double value)
    {
        return value >= 1 ? String.format(Locale.ROOT, "%,.0f", value) : Svg.tickLabel(value, false);
    }

    static double[][] points(final Histogram histogram)
    {
        final List<double[]> points = new ArrayList<>();
        if (histogram.getTotalCount() == 0)
        {
            return new double[0][];
        }
        for (final HistogramIterationValue value : histogram.percentiles(5))
        {
            final double p = value.getPercentileLevelIteratedTo() / 100.0;
            final double x = p >= 1.0 ? X_DECADES : Math.min(X_DECADES, -Math.log10(1.0 - p));
            if (x >= X_DECADES)
            {
                break;
            }
            points.add(new double[]{ x, histogram.highestEquivalentValue(value.getValueIteratedTo()) / 1000.0 });
        }
        points.add(new double[]{ X_DECADES, histogram.getMaxValue() / 1000.0 });

        return points.toArray(new double[0][]);
    }

    static void axes(
        final StringBuilder sb, final double plotWidth, final double plotHeight, final String xTitle,
        final String yTitle)
    {
        sb.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"")
            .append(LEFT).append("\" y2=\"").append(Svg.coordinate(TOP + plotHeight)).append("\" stroke=\"#333\"/>\n");
        sb.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(Svg.coordinate(TOP + plotHeight))
            .append("\" x2=\"").append(Svg.coordinate(LEFT + plotWidth)).append("\" y2=\"")
            .append(Svg.coordinate(TOP + plotHeight)).append("\" stroke=\"#333\"/>\n");
        sb.append("<text class=\"x-title\" x=\"").append(Svg.coordinate(LEFT + plotWidth / 2)).append("\" y=\"")
            .append(Svg.coordinate(TOP + plotHeight + 42)).append("\" font-size=\"13\" text-anchor=\"middle\">")
            .append(Svg.escape(xTitle)).append("</text>\n");
        final double yMid = TOP + plotHeight / 2;
        sb.append("<text class=\"y-title\" x=\"18\" y=\"").append(Svg.coordinate(yMid))
            .append("\" font-size=\"13\" text-anchor=\"middle\" transform=\"rotate(-90 18 ")
            .append(Svg.coordinate(yMid)).append(")\">").append(Svg.escape(yTitle)).append("</text>\n");
    }

    static void legend(final StringBuilder sb, final List<Series> series, final List<double[][]> lines)
    {
        final int x = WIDTH - RIGHT + 16;
        int y = TOP + 6;
        for (int i = 0; i < series.size(); i++)
        {
            final boolean empty = lines.get(i).length == 0;
            sb.append("<g class=\"legend-item\"><line x1=\"").append(x).append("\" y1=\"").append(y).append("\" x2=\"")
                .append(x + 22).append("\" y2=\"").append(y).append("\" stroke=\"").append(Svg.colour(i))
                .append("\" stroke-width=\"3\"/><text x=\"").append(x + 28).append("\" y=\"").append(y + 4)
                .append("\" font-size=\"12\">").append(Svg.escape(series.get(i).name()))
                .append(empty ? " (no data)" : "").append("</text></g>\n");
            y += 18;
        }
    }
}
