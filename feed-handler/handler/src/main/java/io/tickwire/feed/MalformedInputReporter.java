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
package io.tickwire.feed;

import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.MalformedReason;
import org.agrona.concurrent.status.AtomicCounter;

import java.io.PrintStream;

/**
 * Counts malformed input per reason in Aeron counters and prints the first few reports of each reason, so that
 * an operator sees what is wrong without a flood of lines from a damaged file.
 */
public final class MalformedInputReporter implements MalformedInputListener
{
    private final AtomicCounter[] countersByReason;
    private final PrintStream out;
    private final int reportLimitPerReason;

    /**
     * Count into the given counters.
     *
     * @param countersByReason     one counter per {@link MalformedReason}, indexed by ordinal.
     * @param out                  where reports go; null for none.
     * @param reportLimitPerReason how many reports of each reason are printed; all are counted.
     */
    public MalformedInputReporter(
        final AtomicCounter[] countersByReason, final PrintStream out, final int reportLimitPerReason)
    {
        if (countersByReason.length != MalformedReason.values().length)
        {
            throw new IllegalArgumentException("need one counter per MalformedReason");
        }
        this.countersByReason = countersByReason.clone();
        this.out = out;
        this.reportLimitPerReason = reportLimitPerReason;
    }

    /**
     * {@inheritDoc}
     */
    public void onMalformed(
        final MalformedReason reason, final String source, final long position, final String detail)
    {
        final long count = countersByReason[reason.ordinal()].incrementRelease() + 1;
        if (null != out && count <= reportLimitPerReason)
        {
            out.println("malformed input: " + reason + " source=" + source + " position=" + position + " " +
                detail + (count == reportLimitPerReason ? " (further " + reason + " reports suppressed)" : ""));
        }
    }

    /**
     * @param reason to look up.
     * @return how many times it was reported.
     */
    public long count(final MalformedReason reason)
    {
        return countersByReason[reason.ordinal()].get();
    }

    /**
     * @return malformed inputs of all reasons.
     */
    public long total()
    {
        long total = 0;
        for (final AtomicCounter counter : countersByReason)
        {
            total += counter.get();
        }
        return total;
    }
}
