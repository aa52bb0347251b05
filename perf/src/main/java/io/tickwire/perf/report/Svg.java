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

import java.util.Locale;

/**
 * Small helpers shared by the inline SVG charts: escaping, number formatting, axis ticks and the palette.
 */
final class Svg
{
    /**
     * Colours distinguishable for most readers (Okabe-Ito palette plus a few more).
     */
    static final String[] PALETTE =
    {
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442",
        "#7F3C8D", "#11A579", "#3969AC", "#F2B701", "#E73F74", "#80BA5A"
    };

    private Svg()
    {
    }

    static String colour(final int index)
    {
        return PALETTE[index % PALETTE.length];
    }

    static String escape(final String text)
    {
        final StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }

        return sb.toString();
    }

    static String coordinate(final double value)
    {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /**
     * A tick step of 1, 2 or 5 times a power of ten giving about {@code targetTicks} ticks up to {@code max}.
     */
    static double tickStep(final double max, final int targetTicks)
    {
        if (max <= 0)
        {
            return 1.0;
        }
        final double raw = max / targetTicks;
        final double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        final double normalised = raw / magnitude;
        final double nice = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10;

        return nice * magnitude;
    }

    /**
     * A tick label without needless decimals: 1,500 / 2.5 / 0.25, with k and M for large rates.
     */
    static String tickLabel(final double value, final boolean siSuffix)
    {
        if (siSuffix && Math.abs(value) >= 1_000_000)
        {
            return trim(String.format(Locale.ROOT, "%.2f", value / 1_000_000)) + "M";
        }
        if (siSuffix && Math.abs(value) >= 1_000)
        {
            return trim(String.format(Locale.ROOT, "%.2f", value / 1_000)) + "k";
        }

        return trim(String.format(Locale.ROOT, "%.3f", value));
    }

    private static String trim(final String number)
    {
        if (!number.contains("."))
        {
            return number;
        }
        String s = number;
        while (s.endsWith("0"))
        {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith("."))
        {
            s = s.substring(0, s.length() - 1);
        }

        return s;
    }
}
