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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a latency report into a directory:
 * <ul>
 *     <li>{@code <series>.hgrm}: HdrHistogram's standard percentile distribution of each series, in µs;</li>
 *     <li>{@code report.html}: one self-contained page (no script, no external resource, enforced by its
 *     Content-Security-Policy) with, per group, an SVG percentile plot, an SVG throughput chart and a table;</li>
 *     <li>{@code summary.json}: the figures of the tables for scripts.</li>
 * </ul>
 * Figures are µs, computed from the accumulated histograms of the series (ns) divided by 1000.
 */
public final class LatencyReport
{
    /**
     * File name of the HTML page.
     */
    public static final String HTML_FILE = "report.html";

    /**
     * File name of the JSON summary.
     */
    public static final String SUMMARY_FILE = "summary.json";

    /**
     * Percentiles in the tables and summary, with their keys.
     */
    public static final double[] PERCENTILES = { 50.0, 90.0, 99.0, 99.9, 99.99 };

    /**
     * Keys of {@link #PERCENTILES} in tables ({@code data-metric}) and in JSON.
     */
    public static final String[] PERCENTILE_KEYS = { "p50", "p90", "p99", "p99.9", "p99.99" };

    /**
     * A titled set of series drawn on the same charts.
     *
     * @param title  section title.
     * @param series the series.
     */
    public record Group(String title, List<Series> series)
    {
    }

    private LatencyReport()
    {
    }

    /**
     * The figures of one series in µs: count, p50 .. p99.99, max, mean, and the mean rate per second.
     *
     * @param series the series.
     * @return an ordered map for JSON output.
     */
    public static Map<String, Object> figures(final Series series)
    {
        final Histogram h = series.total();
        final boolean empty = h.getTotalCount() == 0;
        final Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("count", h.getTotalCount());
        for (int i = 0; i < PERCENTILES.length; i++)
        {
            figures.put(PERCENTILE_KEYS[i], empty ? 0.0 : h.getValueAtPercentile(PERCENTILES[i]) / 1000.0);
        }
        figures.put("max", empty ? 0.0 : h.getMaxValue() / 1000.0);
        figures.put("mean", empty ? 0.0 : h.getMean() / 1000.0);
        figures.put("meanRatePerSecond", series.meanRatePerSecond());

        return figures;
    }

    /**
     * Format a µs figure the way the table shows it.
     *
     * @param micros value in µs.
     * @return the text, three decimals, thousands separated.
     */
    public static String formatMicros(final double micros)
    {
        return String.format(Locale.ROOT, "%,.3f", micros);
    }

    /**
     * Write the {@code .hgrm} files, the page and the summary.
     *
     * @param outDir directory to write into (created when missing).
     * @param title  page title.
     * @param info   key/value lines shown at the top of the page and in the summary (inputs, machine...).
     * @param groups the sections of the page.
     * @return the files written.
     * @throws IOException if writing fails.
     */
    public static List<Path> write(
        final Path outDir, final String title, final Map<String, String> info, final List<Group> groups)
        throws IOException
    {
        Files.createDirectories(outDir);
        final List<Path> written = new ArrayList<>();
        final Set<String> usedNames = new HashSet<>();
        for (final Group group : groups)
        {
            for (final Series series : group.series())
            {
                final Path file = outDir.resolve(uniqueName(fileName(series.name()), usedNames) + ".hgrm");
                Files.writeString(file, hgrm(series), StandardCharsets.UTF_8);
                written.add(file);
            }
        }

        final Path html = outDir.resolve(HTML_FILE);
        Files.writeString(html, html(title, info, groups), StandardCharsets.UTF_8);
        written.add(html);

        final Path summary = outDir.resolve(SUMMARY_FILE);
        Files.writeString(summary, Json.write(summary(title, info, groups)), StandardCharsets.UTF_8);
        written.add(summary);

        return written;
    }

    /**
     * HdrHistogram's standard percentile distribution of a series, values in µs.
     *
     * @param series the series.
     * @return the text of the {@code .hgrm} file.
     */
    public static String hgrm(final Series series)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        final PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8);
        series.total().outputPercentileDistribution(out, 5, 1000.0);
        out.flush();

        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * The summary as an ordered map (what {@code summary.json} holds).
     *
     * @param title  report title.
     * @param info   key/value lines.
     * @param groups the groups.
     * @return the summary.
     */
    public static Map<String, Object> summary(
        final String title, final Map<String, String> info, final List<Group> groups)
    {
        final Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("title", title);
        summary.put("generated", Instant.now().toString());
        summary.put("unit", "us");
        summary.put("info", new LinkedHashMap<>(info));
        final List<Object> groupList = new ArrayList<>();
        for (final Group group : groups)
        {
            final Map<String, Object> g = new LinkedHashMap<>();
            g.put("title", group.title());
            final List<Object> seriesList = new ArrayList<>();
            for (final Series series : group.series())
            {
                final Map<String, Object> s = new LinkedHashMap<>();
                s.put("name", series.name());
                s.put("source", series.source());
                s.putAll(figures(series));
                s.put("intervals", series.intervals().size());
                seriesList.add(s);
            }
            g.put("series", seriesList);
            groupList.add(g);
        }
        summary.put("groups", groupList);

        return summary;
    }

    static String html(final String title, final Map<String, String> info, final List<Group> groups)
    {
        final StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
            .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
            .append("style-src 'unsafe-inline'; img-src data:\"/>\n")
            .append("<title>").append(Svg.escape(title)).append("</title>\n<style>\n")
            .append("body { font-family: sans-serif; margin: 24px; color: #222; background: #fff; }\n")
            .append("table { border-collapse: collapse; margin: 8px 0 24px 0; }\n")
            .append("th, td { border: 1px solid #ccc; padding: 4px 10px; }\n")
            .append("td.num { text-align: right; font-family: monospace; }\n")
            .append("th { background: #f0f0f0; }\n")
            .append("svg { display: block; margin: 8px 0; border: 1px solid #eee; }\n")
            .append("p.note { color: #555; max-width: 960px; }\n")
            .append("</style>\n</head>\n<body>\n");
        sb.append("<h1>").append(Svg.escape(title)).append("</h1>\n");
        sb.append("<table class=\"info\">\n");
        for (final Map.Entry<String, String> entry : info.entrySet())
        {
            sb.append("<tr><th>").append(Svg.escape(entry.getKey())).append("</th><td>")
                .append(Svg.escape(entry.getValue())).append("</td></tr>\n");
        }
        sb.append("</table>\n");
        sb.append("<p class=\"note\">Latency percentiles in microseconds from HdrHistogram interval logs. ")
            .append("Percentile plots: x is 1/(1-p) on a log scale; each line ends at its maximum. ")
            .append("Throughput: values recorded per second in each logged interval.</p>\n");

        for (final Group group : groups)
        {
            sb.append("<section class=\"group\">\n<h2>").append(Svg.escape(group.title())).append("</h2>\n");
            sb.append(PercentilePlot.svg(group.title() + ": latency by percentile", group.series()));
            sb.append(ThroughputChart.svg(group.title() + ": throughput", group.series()));
            sb.append("<table class=\"figures\">\n<tr><th>series</th><th>count</th>");
            for (final String key : PERCENTILE_KEYS)
            {
                sb.append("<th>").append(key).append(" (µs)</th>");
            }
            sb.append("<th>max (µs)</th><th>mean rate (/s)</th></tr>\n");
            for (final Series series : group.series())
            {
                final Map<String, Object> figures = figures(series);
                sb.append("<tr data-series=\"").append(Svg.escape(series.name())).append("\"><td title=\"")
                    .append(Svg.escape(series.source())).append("\">").append(Svg.escape(series.name()))
                    .append("</td><td class=\"num\" data-metric=\"count\">")
                    .append(String.format(Locale.ROOT, "%,d", (Long)figures.get("count")))
                    .append("</td>");
                for (final String key : PERCENTILE_KEYS)
                {
                    sb.append("<td class=\"num\" data-metric=\"").append(key).append("\">")
                        .append(formatMicros((Double)figures.get(key))).append("</td>");
                }
                sb.append("<td class=\"num\" data-metric=\"max\">").append(formatMicros((Double)figures.get("max")))
                    .append("</td><td class=\"num\" data-metric=\"meanRatePerSecond\">")
                    .append(String.format(Locale.ROOT, "%,.0f", (Double)figures.get("meanRatePerSecond")))
                    .append("</td></tr>\n");
            }
            sb.append("</table>\n</section>\n");
        }
        sb.append("</body>\n</html>\n");

        return sb.toString();
    }

    /**
     * A file-name-safe form of a series name ({@code ->} becomes {@code _to_}).
     *
     * @param name series name.
     * @return a name without path separators or shell-unfriendly characters.
     */
    public static String fileName(final String name)
    {
        final String arrows = name.replace("->", "_to_");
        final StringBuilder sb = new StringBuilder(arrows.length());
        for (int i = 0; i < arrows.length(); i++)
        {
            final char c = arrows.charAt(i);
            final boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                '.' == c || '_' == c || '-' == c || '@' == c;
            sb.append(safe ? c : '_');
        }
        if (sb.length() == 0 || '.' == sb.charAt(0))
        {
            sb.insert(0, '_');
        }

        return sb.toString();
    }

    private static String uniqueName(final String name, final Set<String> used)
    {
        String candidate = name;
        int suffix = 2;
        while (!used.add(candidate))
        {
            candidate = name + "-" + suffix++;
        }

        return candidate;
    }
}
