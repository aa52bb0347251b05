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

import io.tickwire.sbe.md.BookResetReason;
import io.tickwire.sbe.md.PriceLevelAction;

import static io.tickwire.feed.ingest.mdp3.Mdp3FeedFields.instrumentId;

/**
 * A live channel's snapshot (SnapshotFullRefresh 52, in a unit tagged {@link Mdp3LiveSource#SNAPSHOT}) of an
 * instrument the {@link Mdp3Recovery} wants: published as a BookReset RECOVERY at the snapshot's RptSeq and a
 * PriceLevelUpdate NEW per book level; at the message's end the recovery applies it, which replays the entries held
 * past it. On a market-by-order channel the 52 only resumes the instrument's RptSeq (trades, statistics): its order
 * book is the MBO loop's (53) to restate, a price-level reset would empty it.
 * <p>
 * One snapshot at a time, as the decoder delivers them. Nothing is allocated.
 */
final class Mdp3Restatement
{
    private final Mdp3PacketContext context;
    private final Mdp3Recovery recovery;
    private final Mdp3FeedWriter writer;
    private boolean restating;
    private int securityId;
    private long rptSeq;
    private long reports;
    private long transactTime;

    /**
     * @param recovery the channel's recovery state; null for a capture, whose snapshots are never restated.
     */
    Mdp3Restatement(final Mdp3PacketContext context, final Mdp3Recovery recovery, final Mdp3FeedWriter writer)
    {
        this.context = context;
        this.recovery = recovery;
        this.writer = writer;
    }

    /**
     * A new unit: nothing is being restated.
     */
    void onUnit()
    {
        restating = false;
    }

    /**
     * A snapshot of a unit of the snapshot loop.
     *
     * @param priceLevels true for a price-level channel, false for market by order.
     * @return true when it restates its instrument (the reset written for a price-level channel).
     */
    boolean onSnapshot(
        final int templateId, final long lastMsgSeqNumProcessed, final long totNumReports, final int securityId,
        final long rptSeq, final long transactTime, final boolean priceLevels)
    {
        if (null == recovery || !context.validSecurityId(templateId, securityId) ||
            !recovery.wantsSnapshot(securityId, rptSeq, lastMsgSeqNumProcessed) || (priceLevels && !context.claim()))
        {
            return false;
        }
        restating = true;
        this.securityId = securityId;
        this.rptSeq = rptSeq;
        this.reports = totNumReports;
        this.transactTime = transactTime;
        if (priceLevels)
        {
            writer.bookReset(instrumentId(securityId), transactTime, BookResetReason.RECOVERY, rptSeq);
        }
        return true;
    }

    /**
     * An entry of the snapshot: a level of the book restated.
     *
     * @param priceLevels true for a price-level channel, false for market by order.
     */
    void onEntry(
        final byte entryType, final long price, final int priceExponent, final int size, final int numberOfOrders,
        final int priceLevel, final boolean priceLevels)
    {
        // Only the book's levels restate it; trade, statistics and settlement entries of a snapshot are not books.
        final boolean bookEntry = entryType == '0' || entryType == '1' || entryType == 'E' || entryType == 'F';
        if (restating && priceLevels && bookEntry && context.claim())
        {
            writer.level(transactTime, securityId, rptSeq, PriceLevelAction.NEW, entryType, price, priceExponent,
                size, priceLevel, numberOfOrders);
        }
    }

    /**
     * The end of a message: a snapshot restated is applied, its instrument's held entries replayed.
     *
     * @return true when the message was a snapshot restated.
     */
    boolean onMessageEnd()
    {
        if (!restating)
        {
            return false;
        }
        restating = false;
        recovery.onSnapshotApplied(securityId, rptSeq, reports);
        return true;
    }
}
