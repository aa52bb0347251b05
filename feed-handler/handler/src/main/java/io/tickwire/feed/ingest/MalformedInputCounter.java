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
package io.tickwire.feed.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Counts malformed input per reason and keeps the first few reports in full, for summaries and status lines.
 * Not thread-safe: one per ingest agent.
 */
public final class MalformedInputCounter implements MalformedInputListener
{
    private static final MalformedReason[] REASONS = MalformedReason.values();

    private final long[] counts = new long[REASONS.length];
    private final List<String> firstReports = new ArrayList<>();
    private final int maxReports;
    private long total;

    /**
     * A counter keeping the first {@code maxReports} reports in full.
     *
     * @param maxReports number of detailed reports kept.
     */
    public MalformedInputCounter(final int maxReports)
    {
        this.maxReports = maxReports;
    }

    /**
     * {@inheritDoc}
     */
    public void onMalformed(
        final MalformedReason reason, final String source, final long position, final String detail)
    {
        counts[reason.ordinal()]++;
        total++;
        if (firstReports.size() < maxReports)
        {
            firstReports.add(source + " @" + position + " " + reason + ": " + detail);
        }
    }

    /**
     * Reports of one reason.
     *
     * @param reason to count.
     * @return count of reports for the reason.
     */
    public long count(final MalformedReason reason)
    {
        return counts[reason.ordinal()];
    }

    /**
     * All reports.
     *
     * @return total count.
     */
    public long total()
    {
        return total;
    }

    /**
     * The first reports, formatted as {@code source @position REASON: detail}.
     *
     * @return unmodifiable list of at most {@code maxReports} entries.
     */
    public List<String> firstReports()
    {
        return Collections.unmodifiableList(firstReports);
    }

    /**
     * Counts per reason, non-zero only, e.g. {@code "TRUNCATED_MESSAGE=1 GARBAGE=2"}, or "none".
     *
     * @return a one-line summary.
     */
    public String summary()
    {
        final StringBuilder sb = new StringBuilder();
        for (final MalformedReason reason : REASONS)
        {
            final long count = counts[reason.ordinal()];
            if (count > 0)
            {
                sb.append(sb.length() > 0 ? " " : "").append(reason).append('=').append(count);
            }
        }

        return sb.length() == 0 ? "none" : sb.toString();
    }
}
