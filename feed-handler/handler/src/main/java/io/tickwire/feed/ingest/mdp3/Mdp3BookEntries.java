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
 * What a book entry of MDIncrementalRefreshBook (32, 46) becomes: by MDEntryType a PriceLevelUpdate ('0'/'1'
 * outright, 'E'/'F' implied), or for 'J' (empty book) a BookReset RECOVERY of the instrument at its RptSeq, once
 * {@link Mdp3Admission} has let it through; held with the {@link Mdp3Recovery} while its instrument recovers.
 * <p>
 * On a market-by-order channel ({@link Mdp3MarketByOrder}) the levels are not published: a level admitted only vouches
 * for the order entries that name it, and an empty book is handled as the order entries are. Nothing is allocated
 * unless a field value is reported.
 */
final class Mdp3BookEntries
{
    private final Mdp3PacketContext context;
    private final Mdp3Admission admission;
    private final Mdp3Recovery recovery;
    private final Mdp3FeedWriter writer;
    private Mdp3MarketByOrder mbo;

    Mdp3BookEntries(
        final Mdp3PacketContext context,
        final Mdp3Admission admission,
        final Mdp3Recovery recovery,
        final Mdp3FeedWriter writer)
    {
        this.context = context;
        this.admission = admission;
        this.recovery = recovery;
        this.writer = writer;
    }

    /**
     * The channel publishes market by order: levels are checked, not published.
     */
    void marketByOrder(final Mdp3MarketByOrder mbo)
    {
        this.mbo = mbo;
    }

    /**
     * A book entry: published, held, skipped or reported.
     *
     * @param snapshotUnit true when it is replayed in a unit of the snapshot loop (after its instrument's 52).
     */
    void onEntry(
        final int templateId, final long transactTime, final long msgSeqNum, final boolean snapshotUnit,
        final int securityId, final long rptSeq, final int updateAction, final byte entryType, final long price,
        final int priceExponent, final int size, final int priceLevel, final int numberOfOrders)
    {
        if (null != mbo)
        {
            mbo.onBookEntry(securityId, rptSeq, entryType,
                Mdp3FeedFields.price(price, Mdp3FeedFields.scale(priceExponent)));
        }
        if (entryType == 'J')
        {
            // Empty book: the levels that follow restate the instrument's book from this RptSeq.
            final boolean admitted = admit(templateId, transactTime, msgSeqNum, securityId, rptSeq, updateAction,
                entryType, price, priceExponent, size, priceLevel, numberOfOrders);
            if (null != mbo)
            {
                onEmptyOrderBook(templateId, transactTime, snapshotUnit, securityId, rptSeq,
                    admitted || admission.held());
            }
            else if (admitted && context.validSecurityId(templateId, securityId) && context.claim())
            {
                writer.bookReset(instrumentId(securityId), transactTime, BookResetReason.RECOVERY, rptSeq);
            }
            return;
        }
        final boolean bid = entryType == '0' || entryType == 'E';
        final boolean implied = entryType == 'E' || entryType == 'F';
        if (!bid && !implied && entryType != '1')
        {
            context.badField(templateId, securityId, "MDEntryType " + (char)entryType + " (" + entryType + ")");
            return;
        }
        final PriceLevelAction action = Mdp3FeedFields.action(updateAction);
        if (null == action)
        {
            context.badField(templateId, securityId, "MDUpdateAction " + updateAction);
            return;
        }
        final boolean admitted = admit(templateId, transactTime, msgSeqNum, securityId, rptSeq, updateAction,
            entryType, price, priceExponent, size, priceLevel, numberOfOrders);
        if (null != mbo)
        {
            // An order book instrument: the level only vouches for the order entries that name it. One held for
            // price-level recovery vouches too: its packet arrived whole, and the order book has its own recovery
            // (by MsgSeqNum, from the MBO loop) that holds the orders if the book waits.
            if ((admitted || admission.held()) && context.validSecurityId(templateId, securityId))
            {
                mbo.onBookEntryPassed();
            }
            return;
        }
        if (!admitted || !context.validSecurityId(templateId, securityId) || !context.claim())
        {
            return;
        }
        writer.level(transactTime, securityId, rptSeq, action, entryType, price, priceExponent, size, priceLevel,
            numberOfOrders);
    }

    private boolean admit(
        final int templateId, final long transactTime, final long msgSeqNum, final int securityId, final long rptSeq,
        final int updateAction, final byte entryType, final long price, final int priceExponent, final int size,
        final int priceLevel, final int numberOfOrders)
    {
        if (admission.admit(securityId, rptSeq, msgSeqNum))
        {
            return true;
        }
        if (admission.held())
        {
            recovery.hold().book(templateId, transactTime, securityId, rptSeq, updateAction, entryType, price,
                priceExponent, size, priceLevel, numberOfOrders);
        }
        return false;
    }

    /**
     * An empty-book entry (J) of an order book instrument, as its order entries are treated: one held for price-level
     * recovery counts as arrived; while the order book waits it is held in order with its updates; one replayed after
     * a 52 (a SNAPSHOT unit) was handled when it arrived.
     */
    private void onEmptyOrderBook(
        final int templateId, final long transactTime, final boolean snapshotUnit, final int securityId,
        final long rptSeq, final boolean arrived)
    {
        if (arrived && !snapshotUnit && context.validSecurityId(templateId, securityId) &&
            !mbo.holdEmptyBook(securityId, rptSeq) && context.claim())
        {
            writer.bookReset(instrumentId(securityId), transactTime, BookResetReason.RECOVERY, rptSeq);
        }
    }
}
