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
 * What a live channel's {@link Mdp3Recovery} has done, as plain counts written on the ingest agent's thread: the
 * normaliser and the source copy them into their counters for {@code tickwire stat}.
 */
public final class Mdp3RecoveryCounts
{
    long recoveries;
    long instrumentsRecovered;
    long entriesHeld;
    long overflows;
    long snapshotsStale;
    long snapshotsNotNeeded;
    long suspectGaps;
    long suspectsCleared;
    long suspectsConfirmed;
    long resetsInferred;
    long sessionRestarts;
    long refusedRecoveries;

    /** @return recoveries started: RptSeq gaps not filled by arbitration, refused feed messages, late joins. */
    public long recoveries()
    {
        return recoveries;
    }

    /** @return instruments whose book was restated from a snapshot. */
    public long instrumentsRecovered()
    {
        return instrumentsRecovered;
    }

    /** @return incremental entries held while their instrument recovered. */
    public long entriesHeld()
    {
        return entriesHeld;
    }

    /** @return times the held entries overflowed (an instrument lost what it held and waits for a later snapshot). */
    public long overflows()
    {
        return overflows;
    }

    /** @return snapshots too old for a recovering or suspect instrument: the next pass is waited for. */
    public long snapshotsStale()
    {
        return snapshotsStale;
    }

    /** @return snapshots of instruments neither recovering nor suspect: ignored. */
    public long snapshotsNotNeeded()
    {
        return snapshotsNotNeeded;
    }

    /** @return MsgSeqNum gaps on both lines that made every instrument suspect. */
    public long suspectGaps()
    {
        return suspectGaps;
    }

    /** @return suspect instruments cleared by their next entry, its RptSeq in sequence. */
    public long suspectsCleared()
    {
        return suspectsCleared;
    }

    /** @return suspect instruments cleared by a snapshot covering the gap at the RptSeq they had. */
    public long suspectsConfirmed()
    {
        return suspectsConfirmed;
    }

    /** @return ChannelResets lost on both lines, inferred from a RptSeq going back after a gap. */
    public long resetsInferred()
    {
        return resetsInferred;
    }

    /** @return times a line's MsgSeqNum started again, handled as a ChannelReset. */
    public long sessionRestarts()
    {
        return sessionRestarts;
    }

    /** @return recoveries started because the ring refused a feed message of an instrument. */
    public long refusedRecoveries()
    {
        return refusedRecoveries;
    }
}
