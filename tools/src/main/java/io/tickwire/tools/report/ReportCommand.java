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
package io.tickwire.tools.report;

import io.tickwire.perf.report.HlogLoader;
import io.tickwire.perf.report.LatencyReport;
import io.tickwire.perf.report.Series;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tickwire report --hlog FILE... --out DIR}: turns HdrHistogram interval logs into {@code .hgrm}
 * distributions, an offline {@code report.html} and {@code summary.json}.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
        "Turn HdrHistogram interval logs (.hlog, values in ns) into a latency report:",
        "  <series>.hgrm  percentile distributions (HdrHistogram format, us)",
        "  report.html    offline page with percentile plots, throughput chart and tables",
        "  summary.json   the same figures for scripts" })
public final class ReportCommand implements Callable<Integer>
{
    @Option(
        names = "--hlog",
        required = true,
        arity = "1..*",
        paramLabel = "FILE",
        description = "Interval log files, or directories holding *.hlog files.")
    private List<Path> hlogs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the report to.")
    private Path out;

    @Option(
        names = "--title",
        defaultValue = "Tickwire latency report",
        description = "Page title (default: ${DEFAULT-VALUE}).")
    private String title;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Load the logs and write the report.
     *
     * @return the exit code.
     * @throws Exception if a log cannot be read or the report cannot be written.
     */
    public Integer call() throws Exception
    {
        final List<Path> files = HlogLoader.expand(hlogs);
        if (files.isEmpty())
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "no .hlog files in " + hlogs);
        }
        final List<Series> series = HlogLoader.load(files);
        final Map<String, String> info = new LinkedHashMap<>();
        info.put("inputs", String.join(" ", files.stream().map(Path::toString).toList()));
        info.put("series", Integer.toString(series.size()));
        LatencyReport.write(out, title, info, List.of(new LatencyReport.Group("All series", series)));

        final java.io.PrintWriter pw = spec.commandLine().getOut();
        pw.printf(Locale.ROOT, "%-28s %10s %10s %10s %10s %10s %10s %10s%n",
            "series (us)", "count", "p50", "p90", "p99", "p99.9", "p99.99", "max");
        for (final Series s : series)
        {
            final Map<String, Object> f = LatencyReport.figures(s);
            pw.printf(Locale.ROOT, "%-28s %10d %10.3f %10.3f %10.3f %10.3f %10.3f %10.3f%n", s.name(),
                (Long)f.get("count"), f.get("p50"), f.get("p90"), f.get("p99"), f.get("p99.9"), f.get("p99.99"),
                f.get("max"));
        }
        pw.println("report: " + out.resolve(LatencyReport.HTML_FILE));
        pw.flush();

        return 0;
    }
}
