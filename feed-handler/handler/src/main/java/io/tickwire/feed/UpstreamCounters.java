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

import io.tickwire.feed.ingest.moldudp64.MoldUdp64StatusListener;
import org.agrona.concurrent.status.AtomicCounter;

import java.io.PrintStream;

/**
 * Counts the upstream MoldUDP64 session's gaps, recoveries and losses of one live source into its Aeron counters.
 * Called on the ingest agent's thread (the client's poll), so a single writer per counter.
 */
public final class UpstreamCounters implements MoldUdp64StatusListener
{
    private final String sourceName;
    private final AtomicCounter gaps;
    private final AtomicCounter recovered;
    private final AtomicCounter lost;
    private final PrintStream out;

    /**
     * Count into the given counters.
     *
     * @param sourceName for reports.
     * @param gaps       gaps detected.
     * @param recovered  messages recovered by re-request.
     * @param lost       messages given up as unrecoverable.
     * @param out        where unrecoverable gaps are reported; null for nowhere.
     */
    public UpstreamCounters(
        final String sourceName,
        final AtomicCounter gaps,
        final AtomicCounter recovered,
        final AtomicCounter lost,
        final PrintStream out)
    {
        this.sourceName = sourceName;
        this.gaps = gaps;
        this.recovered = recovered;
        this.lost = lost;
        this.out = out;
    }

    /**
     * {@inheritDoc}
     */
    public void onGap(final long expected, final long received)
    {
        gaps.incrementRelease();
    }

    /**
     * {@inheritDoc}
     */
    public void onRecovered(final long fromSequence, final long toSequence)
    {
        recovered.getAndAddRelease(toSequence - fromSequence + 1);
    }

    /**
     * {@inheritDoc}
     */
    public void onUnrecoverableGap(final long fromSequence, final long toSequence, final boolean skipped)
    {
        lost.getAndAddRelease(toSequence - fromSequence + 1);
        if (null != out)
        {
            out.println("upstream gap not recovered: source=" + sourceName + " sequences " + fromSequence + ".." +
                toSequence + (skipped ? " (skipped)" : ""));
        }
    }
}
