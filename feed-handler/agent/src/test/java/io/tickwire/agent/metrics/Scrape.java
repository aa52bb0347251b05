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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One scrape of a metrics endpoint, fetched over HTTP and parsed line by line from Prometheus' text exposition
 * format ({@code # TYPE}, {@code # HELP}, {@code name{label="value",...} value}), strictly enough to fail on a line
 * Prometheus would not take: for tests of every module that serves metrics.
 */
public final class Scrape
{
    /** A valid metric name. */
    public static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    /** A valid label name. */
    public static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private static final String[] SUFFIXES = { "_total", "_count", "_sum", "_bucket", "_created", "_info" };

    /**
     * One sample line.
     */
    public static final class Sample
    {
        private final String name;
        private final Map<String, String> labels;
        private final double value;

        Sample(final String name, final Map<String, String> labels, final double value)
        {
            this.name = name;
            this.labels = Collections.unmodifiableMap(labels);
            this.value = value;
        }

        /**
         * @return the sample's name, as written (with {@code _total}, {@code _count}, ...).
         */
        public String name()
        {
            return name;
        }

        /**
         * @return its labels, in the order written.
         */
        public Map<String, String> labels()
        {
            return labels;
        }

        /**
         * @param label a label name.
         * @return its value, or null.
         */
        public String label(final String label)
        {
            return labels.get(label);
        }

        /**
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

    private final String text;
    private final Map<String, String> types = new LinkedHashMap<>();
    private final List<Sample> samples = new ArrayList<>();

    private Scrape(final String text)
    {
        this.text = text;
        int lineNumber = 0;
        for (final String line : text.split("\n", -1))
        {
            lineNumber++;
            try
            {
                parseLine(line);
            }
            catch (final RuntimeException ex)
            {
                throw new IllegalArgumentException("line " + lineNumber + " '" + line + "': " + ex.getMessage(), ex);
            }
        }
        for (final Sample sample : samples)
        {
            if (null == family(sample.name))
            {
                throw new IllegalArgumentException("no # TYPE for " + sample);
            }
        }
    }

    /**
     * GET a URL and parse the answer.
     *
     * @param url e.g. {@code http://127.0.0.1:9464/metrics}.
     * @return the scrape.
     * @throws IOException          if the request fails.
     * @throws InterruptedException if interrupted.
     * @throws IllegalStateException if the answer is not a 200 in the text format.
     */
    public static Scrape get(final String url) throws IOException, InterruptedException
    {
        final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        final HttpResponse<String> response = client.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (200 != response.statusCode())
        {
            throw new IllegalStateException("HTTP " + response.statusCode() + " from " + url + ": " + response.body());
        }
        final String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("text/plain"))
        {
            throw new IllegalStateException("not the text format: Content-Type " + contentType);
        }
        return parse(response.body());
    }

    /**
     * Parse a text exposition.
     *
     * @param text the body of a scrape.
     * @return the scrape.
     * @throws IllegalArgumentException on a line that is not valid.
     */
    public static Scrape parse(final String text)
    {
        return new Scrape(text);
    }

    /**
     * @return the text as received.
     */
    public String text()
    {
        return text;
    }

    /**
     * @return metric families and their types ({@code counter}, {@code gauge}, {@code summary}, ...).
     */
    public Map<String, String> types()
    {
        return Collections.unmodifiableMap(types);
    }

    /**
     * The type of the family a sample name belongs to.
     *
     * @param sampleName a sample name, e.g. {@code x_total} or {@code x_count}.
     * @return {@code counter}, {@code gauge}, {@code summary}, ..., or null when there is no such family.
     */
    public String type(final String sampleName)
    {
        final String family = family(sampleName);
        return null == family ? null : types.get(family);
    }

    /**
     * @return every sample, in order.
     */
    public List<Sample> samples()
    {
        return Collections.unmodifiableList(samples);
    }

    /**
     * Samples of one name that carry the given labels (and perhaps others).
     *
     * @param name   the sample name, as written.
     * @param labels label names and values, in pairs.
     * @return the matching samples.
     */
    public List<Sample> samples(final String name, final String... labels)
    {
        final List<Sample> matching = new ArrayList<>();
        for (final Sample sample : samples)
        {
            if (sample.name.equals(name) && hasLabels(sample, labels))
            {
                matching.add(sample);
            }
        }
        return matching;
    }

    /**
     * The one sample of a name with the given labels.
     *
     * @param name   the sample name, as written.
     * @param labels label names and values, in pairs.
     * @return its value.
     * @throws IllegalStateException unless exactly one sample matches.
     */
    public double value(final String name, final String... labels)
    {
        final List<Sample> matching = samples(name, labels);
        if (1 != matching.size())
        {
            throw new IllegalStateException(matching.size() + " samples " + name + " " + List.of(labels) + " in:\n" +
                text);
        }
        return matching.get(0).value;
    }

    /**
     * The family a sample name belongs to: itself or itself less a suffix, whichever has a {@code # TYPE}.
     *
     * @param sampleName the sample name.
     * @return the family name, or null.
     */
    public String family(final String sampleName)
    {
        if (types.containsKey(sampleName))
        {
            return sampleName;
        }
        for (final String suffix : SUFFIXES)
        {
            if (sampleName.endsWith(suffix))
            {
                final String family = sampleName.substring(0, sampleName.length() - suffix.length());
                if (types.containsKey(family))
                {
                    return family;
                }
            }
        }
        return null;
    }

    private static boolean hasLabels(final Sample sample, final String... labels)
    {
        for (int i = 0; i < labels.length; i += 2)
        {
            if (!labels[i + 1].equals(sample.labels.get(labels[i])))
            {
                return false;
            }
        }
        return true;
    }

    private void parseLine(final String line)
    {
        if (line.isEmpty())
        {
            return;
        }
        if (line.startsWith("#"))
        {
            final String[] parts = line.split(" ", 4);
            if (parts.length >= 3 && "TYPE".equals(parts[1]))
            {
                checkName(parts[2]);
                if (parts.length != 4 || !parts[3].matches("counter|gauge|summary|histogram|untyped|unknown"))
                {
                    throw new IllegalArgumentException("bad TYPE");
                }
                if (null != types.put(parts[2], parts[3]))
                {
                    throw new IllegalArgumentException("second TYPE for " + parts[2]);
                }
            }
            else if (parts.length >= 3 && "HELP".equals(parts[1]))
            {
                checkName(parts[2]);
            }
            return;
        }

        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ')
        {
            i++;
        }
        final String name = checkName(line.substring(0, i));
        final Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{')
        {
            i = parseLabels(line, i + 1, labels);
        }
        if (i >= line.length() || line.charAt(i) != ' ')
        {
            throw new IllegalArgumentException("no value");
        }
        final String[] valueAndTime = line.substring(i + 1).split(" ");
        if (valueAndTime.length > 2)
        {
            throw new IllegalArgumentException("more than a value and a time stamp");
        }
        samples.add(new Sample(name, labels, parseValue(valueAndTime[0])));
    }

    private static int parseLabels(final String line, final int start, final Map<String, String> labels)
    {
        int i = start;
        while (true)
        {
            if (line.charAt(i) == '}')
            {
                return i + 1;
            }
            final int equals = line.indexOf('=', i);
            final String labelName = line.substring(i, equals);
            if (!LABEL_NAME.matcher(labelName).matches())
            {
                throw new IllegalArgumentException("bad label name '" + labelName + "'");
            }
            if (line.charAt(equals + 1) != '"')
            {
                throw new IllegalArgumentException("label value not quoted");
            }
            final StringBuilder value = new StringBuilder();
            i = equals + 2;
            for (char c = line.charAt(i); c != '"'; c = line.charAt(++i))
            {
                if (c == '\\')
                {
                    final char escaped = line.charAt(++i);
                    value.append(escaped == 'n' ? '\n' : escaped);
                }
                else
                {
                    value.append(c);
                }
            }
            if (null != labels.put(labelName, value.toString()))
            {
                throw new IllegalArgumentException("label " + labelName + " twice");
            }
            i++;
            if (line.charAt(i) == ',')
            {
                i++;
            }
        }
    }

    private static double parseValue(final String value)
    {
        switch (value)
        {
            case "NaN":
                return Double.NaN;
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(value);
        }
    }

    private static String checkName(final String name)
    {
        if (!METRIC_NAME.matcher(name).matches())
        {
            throw new IllegalArgumentException("bad metric name '" + name + "'");
        }
        return name;
    }
}
