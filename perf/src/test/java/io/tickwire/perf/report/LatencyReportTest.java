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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class LatencyReportTest
{
    @TempDir
    Path dir;

    private final ReportFixtures fixtures = new ReportFixtures();
    private List<Series> series;
    private Document page;

    @BeforeEach
    void writeReport() throws Exception
    {
        final Path log = fixtures.writeLog(dir);
        series = HlogLoader.load(HlogLoader.expand(List.of(dir)));
        final Map<String, String> info = new LinkedHashMap<>();
        info.put("inputs", log.toString());
        LatencyReport.write(dir.resolve("out"), "Fixture report", info,
            List.of(new LatencyReport.Group("Fixture", series)));
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setExpandEntityReferences(false);
        page = factory.newDocumentBuilder().parse(dir.resolve("out").resolve(LatencyReport.HTML_FILE).toFile());
    }

    @Test
    void shouldLoadOneSeriesPerTagWithAllIntervals()
    {
        assertEquals(ReportFixtures.STAGES.length, series.size());
        for (int i = 0; i < series.size(); i++)
        {
            assertEquals(ReportFixtures.STAGES[i], series.get(i).name());
            assertEquals(ReportFixtures.INTERVALS + 1, series.get(i).intervals().size(), "plus the closing interval");
            assertEquals(fixtures.expected[i].getTotalCount(), series.get(i).total().getTotalCount());
        }
    }

    @Test
    void shouldDrawTheClassicPercentileAxesAndOneLinePerSeries()
    {
        final Element plot = svgByClass("percentile-plot");
        assertEquals(List.of(PercentilePlot.X_LABELS), texts(plot, "x-tick"));
        assertEquals(List.of("Percentile"), texts(plot, "x-title"));
        assertEquals(List.of("Latency (µs, log scale)"), texts(plot, "y-title"));
        final List<String> names = new ArrayList<>();
        for (final Element line : byClass(plot, "polyline", "series"))
        {
            names.add(line.getAttribute("data-series"));
            assertTrue(line.getAttribute("points").split(" ").length > 20, "enough points to show the shape");
        }
        assertEquals(List.of(ReportFixtures.STAGES), names);

        // Decades, thousands separated, from below the smallest value to above the largest.
        final List<String> yTicks = texts(plot, "y-tick");
        final double bottomTick = Double.parseDouble(yTicks.get(0).replace(",", ""));
        final double topTick = Double.parseDouble(yTicks.get(yTicks.size() - 1).replace(",", ""));
        double minUs = Double.MAX_VALUE;
        double maxUs = 0;
        for (final Histogram expected : fixtures.expected)
        {
            minUs = Math.min(minUs, expected.getMinValue() / 1000.0);
            maxUs = Math.max(maxUs, expected.getMaxValue() / 1000.0);
        }
        assertTrue(topTick >= maxUs, "y axis reaches the largest max " + maxUs + " (top tick " + topTick + ")");
        assertTrue(bottomTick <= minUs, "y axis starts below the smallest value " + minUs + " (" + bottomTick + ")");
        for (int i = 1; i < yTicks.size(); i++)
        {
            assertEquals(10.0, Double.parseDouble(yTicks.get(i).replace(",", "")) /
                Double.parseDouble(yTicks.get(i - 1).replace(",", "")), 1e-9, yTicks.toString());
        }
        assertEquals("1,000", PercentilePlot.decadeLabel(1_000));
    }

    @Test
    void shouldDrawThroughputOverTimeFromTheIntervals()
    {
        final Element chart = svgByClass("throughput-chart");
        assertEquals(List.of("Time (s)"), texts(chart, "x-title"));
        final List<Element> lines = byClass(chart, "polyline", "series");
        assertEquals(ReportFixtures.STAGES.length, lines.size());
        for (final Element line : lines)
        {
            assertEquals(ReportFixtures.INTERVALS, line.getAttribute("points").split(" ").length,
                "one point per interval; the zero-length closing interval has no rate");
        }
        // Stage 0 records 1000 + 100 * i values in the i-th one-second interval.
        assertEquals(1000.0, series.get(0).intervals().get(0).ratePerSecond(), 0.001);
        assertEquals(1900.0, series.get(0).intervals().get(9).ratePerSecond(), 0.001);
    }

    @Test
    void shouldShowTableFiguresThatMatchTheHistograms()
    {
        final NodeList rows = page.getElementsByTagName("tr");
        int checked = 0;
        for (int r = 0; r < rows.getLength(); r++)
        {
            final Element row = (Element)rows.item(r);
            if (!row.hasAttribute("data-series"))
            {
                continue;
            }
            final int stage = List.of(ReportFixtures.STAGES).indexOf(row.getAttribute("data-series"));
            final Histogram expected = fixtures.expected[stage];
            final Map<String, String> cells = new LinkedHashMap<>();
            final NodeList tds = row.getElementsByTagName("td");
            for (int c = 0; c < tds.getLength(); c++)
            {
                final Element td = (Element)tds.item(c);
                if (td.hasAttribute("data-metric"))
                {
                    cells.put(td.getAttribute("data-metric"), td.getTextContent());
                }
            }
            assertEquals(String.format(Locale.ROOT, "%,d", expected.getTotalCount()), cells.get("count"));
            for (int p = 0; p < LatencyReport.PERCENTILES.length; p++)
            {
                assertEquals(
                    LatencyReport.formatMicros(expected.getValueAtPercentile(LatencyReport.PERCENTILES[p]) / 1000.0),
                    cells.get(LatencyReport.PERCENTILE_KEYS[p]), LatencyReport.PERCENTILE_KEYS[p]);
            }
            assertEquals(LatencyReport.formatMicros(expected.getMaxValue() / 1000.0), cells.get("max"));
            checked++;
        }
        assertEquals(ReportFixtures.STAGES.length, checked);
    }

    @Test
    void shouldWriteStandardHgrmFilesAndASummary() throws Exception
    {
        final Path out = dir.resolve("out");
        final String hgrm = Files.readString(out.resolve("ring_to_publish.hgrm"));
        assertTrue(hgrm.startsWith("       Value     Percentile TotalCount 1/(1-Percentile)"), hgrm);
        final String maxAndCount = String.format(Locale.ROOT, "#[Max     = %12.3f, Total count    = %12d]",
            fixtures.expected[1].getMaxValue() / 1000.0, fixtures.expected[1].getTotalCount());
        assertTrue(hgrm.contains(maxAndCount), hgrm);

        final String json = Files.readString(out.resolve(LatencyReport.SUMMARY_FILE));
        assertTrue(json.contains("\"unit\": \"us\""), json);
        assertTrue(json.contains("\"count\": " + fixtures.expected[2].getTotalCount()), json);
    }

    @Test
    void shouldBeSelfContained() throws Exception
    {
        final String html = Files.readString(dir.resolve("out").resolve(LatencyReport.HTML_FILE));
        assertFalse(html.contains("<script"), "no script");
        assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains("://"), "no external resource");
        assertFalse(html.contains(" src="), "no external resource");
        assertTrue(html.contains("Content-Security-Policy"));
    }

    private Element svgByClass(final String cssClass)
    {
        final List<Element> svgs = byClass(page.getDocumentElement(), "svg", cssClass);
        assertEquals(1, svgs.size(), cssClass);

        return svgs.get(0);
    }

    private static List<Element> byClass(final Element root, final String tag, final String cssClass)
    {
        final List<Element> found = new ArrayList<>();
        final NodeList nodes = root.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++)
        {
            final Element element = (Element)nodes.item(i);
            if (cssClass.equals(element.getAttribute("class")))
            {
                found.add(element);
            }
        }

        return found;
    }

    private static List<String> texts(final Element root, final String cssClass)
    {
        final List<String> texts = new ArrayList<>();
        for (final Element element : byClass(root, "text", cssClass))
        {
            texts.add(element.getTextContent());
        }

        return texts;
    }
}
