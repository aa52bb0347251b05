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

import java.util.regex.Pattern;

/**
 * The rules of Prometheus' text format for names, checked where names are made (at start-up, by the code that
 * declares them) so that a bad name fails a test rather than a scrape.
 */
final class Names
{
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final String TOTAL = "_total";

    private Names()
    {
    }

    /**
     * Check a metric name.
     *
     * @param name the name.
     * @return the name.
     * @throws IllegalArgumentException if Prometheus would not take it.
     */
    static String metric(final String name)
    {
        if (null == name || !METRIC_NAME.matcher(name).matches())
        {
            throw new IllegalArgumentException("not a valid Prometheus metric name: '" + name + "'");
        }
        return name;
    }

    /**
     * Check a counter's name and take {@code _total} off it: the exposition format adds it.
     *
     * @param name the name, with or without {@code _total}.
     * @return the name without {@code _total}.
     */
    static String counter(final String name)
    {
        metric(name);
        return name.endsWith(TOTAL) && name.length() > TOTAL.length() ?
            name.substring(0, name.length() - TOTAL.length()) : name;
    }

    /**
     * Check a label name; names starting with {@code __} are Prometheus' own.
     *
     * @param name the label name.
     * @return the name.
     * @throws IllegalArgumentException if Prometheus would not take it.
     */
    static String label(final String name)
    {
        if (null == name || !LABEL_NAME.matcher(name).matches() || name.startsWith("__") ||
            "quantile".equals(name) || "le".equals(name))
        {
            throw new IllegalArgumentException("not a valid Prometheus label name: '" + name + "'");
        }
        return name;
    }
}
