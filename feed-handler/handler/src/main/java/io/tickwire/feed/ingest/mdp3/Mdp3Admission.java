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
package io.tickwire.feed.ingest.mdp3;

/**
 * Whether an incremental entry of an instrument is published now, by its RptSeq. On a capture
 * ({@link Mdp3SequenceTracker} alone) a duplicate is skipped and a gap counted, then published after, since a capture
 * cannot fill it. On a live channel ({@link Mdp3Recovery}) an entry is also held while its instrument recovers, or
 * dropped as seen already; {@link #held()} tells the caller which, so that it holds the entry with its own fields.
 * A RptSeq that went back on a suspect instrument is a ChannelReset both lines lost: the normaliser handles it first.
 * <p>
 * Keeps the normaliser's RptSeq counters in step. Single-threaded; nothing is allocated.
 */
final class Mdp3Admission
{
    private final Mdp3Normaliser normaliser;
    private final Mdp3SequenceTracker tracker;
    private final Mdp3Recovery recovery;
    private final Mdp3NormaliserCounters counters;
    private int lastAdmit;

    Mdp3Admission(
        final Mdp3Normaliser normaliser,
        final Mdp3SequenceTracker tracker,
        final Mdp3Recovery recovery,
        final Mdp3NormaliserCounters counters)
    {
        this.normaliser = normaliser;
        this.tracker = tracker;
        this.recovery = recovery;
        this.counters = counters;
    }

    /**
     * Check an entry's RptSeq.
     *
     * @param securityId of the entry.
     * @param rptSeq     of the entry.
     * @param msgSeqNum  of the packet it came in.
     * @return true to publish it now; otherwise {@link #held()} says whether the caller holds it or drops it.
     */
    boolean admit(final int securityId, final long rptSeq, final long msgSeqNum)
    {
        return null == recovery ? inSequence(securityId, rptSeq) : live(securityId, rptSeq, msgSeqNum);
    }

    /**
     * @return true when the entry last checked was not published because its instrument is recovering: the caller
     * holds it with the recovery.
     */
    boolean held()
    {
        return null != recovery && Mdp3Recovery.HOLD == lastAdmit;
    }

    /**
     * A live channel's check of an entry's RptSeq: true to publish it now; otherwise {@link #lastAdmit} says whether
     * the caller holds it (its instrument is recovering) or drops it.
     */
    private boolean live(final int securityId, final long rptSeq, final long msgSeqNum)
    {
        lastAdmit = recovery.admit(securityId, rptSeq, msgSeqNum);
        if (Mdp3Recovery.RESET == lastAdmit)
        {
            // A ChannelReset both lines lost: handled as if it had arrived, then the entry starts the RptSeq again.
            normaliser.onLostChannelReset();
            lastAdmit = recovery.admit(securityId, rptSeq, msgSeqNum);
        }
        counters.rptSeqGaps.setRelease(tracker.rptSeqGaps());
        counters.rptSeqMissing.setRelease(tracker.rptSeqMissing());
        if (Mdp3Recovery.DROP == lastAdmit)
        {
            counters.rptSeqDuplicate.incrementRelease();
        }
        return Mdp3Recovery.PUBLISH == lastAdmit;
    }

    /**
     * Check an update's RptSeq: true to publish it, false for a duplicate (skipped); gaps are counted and published
     * after, a capture cannot fill them.
     */
    private boolean inSequence(final int securityId, final long rptSeq)
    {
        final int result = tracker.onRptSeq(securityId, rptSeq);
        if (Mdp3SequenceTracker.GAP == result)
        {
            counters.rptSeqGaps.setRelease(tracker.rptSeqGaps());
            counters.rptSeqMissing.setRelease(tracker.rptSeqMissing());
        }
        else if (Mdp3SequenceTracker.DUPLICATE == result)
        {
            counters.rptSeqDuplicate.setRelease(tracker.rptSeqDuplicates());
            return false;
        }
        return true;
    }
}
