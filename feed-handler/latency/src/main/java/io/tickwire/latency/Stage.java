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
package io.tickwire.latency;

/**
 * Stage names: the tags under which latencies are recorded and written to {@code .hlog} files.
 * <p>
 * The set is open: any string that {@link #validate(String)} accepts is a stage, so a component can record a
 * stage of its own without touching this class. Each component names its own stages beside its code
 * ({@code FeedStages}, {@code ClientStages}, {@code OrderStages}); a stage {@code a->b} is the time from the
 * moment stamped at {@code a} to the moment stamped at {@code b}, always recorded in nanoseconds.
 * <p>
 * Tags follow HdrHistogram's rule (no comma, no white space) so that {@code HistogramLogProcessor -tag} selects
 * them; {@link #fileName(String)} maps a tag to a name that is safe as a file name.
 */
public final class Stage
{
    /**
     * Longest stage name accepted.
     */
    public static final int MAX_LENGTH = 64;

    private Stage()
    {
    }

    /**
     * Check that a name can be used as a stage tag in an HdrHistogram interval log.
     *
     * @param stage the candidate name.
     * @return the name, for chaining.
     * @throws IllegalArgumentException if it is empty, too long, or holds a comma, white space or a control char.
     */
    public static String validate(final String stage)
    {
        if (null == stage || stage.isEmpty())
        {
            throw new IllegalArgumentException("stage name must not be empty");
        }
        if (stage.length() > MAX_LENGTH)
        {
            throw new IllegalArgumentException(
                "stage name longer than " + MAX_LENGTH + " characters: " + stage);
        }
        for (int i = 0; i < stage.length(); i++)
        {
            final char c = stage.charAt(i);
            if (',' == c || Character.isWhitespace(c) || Character.isISOControl(c))
            {
                throw new IllegalArgumentException(
                    "stage name must not contain commas, white space or control characters: '" + stage + "'");
            }
        }

        return stage;
    }

    /**
     * A file-name-safe form of a stage name: {@code ->} becomes {@code _to_} and anything outside
     * {@code [A-Za-z0-9._-@]} becomes {@code _}, e.g. {@code source->ingest} gives {@code source_to_ingest}.
     *
     * @param stage a valid stage name.
     * @return a name usable as a file name (without extension).
     */
    public static String fileName(final String stage)
    {
        final String arrows = validate(stage).replace("->", "_to_");
        final StringBuilder sb = new StringBuilder(arrows.length());
        for (int i = 0; i < arrows.length(); i++)
        {
            final char c = arrows.charAt(i);
            final boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                '.' == c || '_' == c || '-' == c || '@' == c;
            sb.append(safe ? c : '_');
        }
        if ('.' == sb.charAt(0))
        {
            sb.setCharAt(0, '_');
        }

        return sb.toString();
    }
}
