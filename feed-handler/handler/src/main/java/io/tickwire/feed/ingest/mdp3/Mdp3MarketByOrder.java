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
import io.tickwire.sbe.md.OrderUpdateAction;
import io.tickwire.sbe.md.Side;
import org.agrona.collections.IntHashSet;

import static io.tickwire.feed.ingest.mdp3.Mdp3FeedFields.instrumentId;

/**
 * The market-by-order part of {@link Mdp3Normaliser} for a channel whose instruments get order books: CME MDP 3.0
 * order entries (the NoOrderIDEntries of 46, template 47) become OrderUpdate messages, SnapshotFullRefreshOrderBook
 * (53) restates an order book after a late join.
 * <ul>
 *     <li>An order entry of 46 takes SecurityID, price and side from the MD entry its ReferenceID names (1 is the
 *     message's first MD entry) and its action from OrderUpdateAction (0 New, 1 Update, 2 Delete); it is published
 *     only when that MD entry was (RptSeq in sequence, values valid): the entry's RptSeq is its venueSequence. An
 *     entry naming no MD entry of the message, or one that is not an outright bid or offer, is reported.</li>
 *     <li>An entry of 47 carries its own SecurityID, price, side and MDUpdateAction, and no RptSeq (venueSequence
 *     0).</li>
 *     <li>With a hold (a source that delivers the 53 loop), a channel whose first incremental packet is not MsgSeqNum
 *     1 joined late: the order updates of
 *     each instrument are held (bounded, in arrival order, with their MsgSeqNum) until a 53 of the instrument, in
 *     a unit tagged {@link Mdp3LiveSource#SNAPSHOT}, has been applied: BookReset RECOVERY (venueSequence the
 *     snapshot's LastMsgSeqNumProcessed) and an OrderUpdate NEW per order, over its chunks in order, then the held
 *     updates of packets after LastMsgSeqNumProcessed. A snapshot older than the first packet held (a hole between
 *     them) is counted stale and the next pass waited for; a chunk out of order abandons the restatement until the
 *     next pass. A full hold drops everything held: the instruments waiting then need a snapshot at least as recent
 *     as the packet that overflowed. Once TotNumReports instruments are restated the late join is over. On a live
 *     channel a gap lost on both lines starts the same wait again for every order book
 *     ({@link #onOrderBooksLost(long)}): a 53 at or past the gap restates each. Without a
 *     hold (a capture) order updates are published as they come, as price levels are: an order the capture never
 *     added is then the subscriber's counted UNKNOWN_ORDER.</li>
 * </ul>
 * Single-threaded, owned by its normaliser; nothing is allocated per packet unless reporting.
 */
final class Mdp3MarketByOrder
{
    /** Entries of an MD entries group: its count is a u8. */
    private static final int MAX_REFERENCES = 256;
    private static final int NULL_ACTION = -1;
    /** A held empty-book entry (J): replayed as a BookReset RECOVERY. */
    private static final byte EMPTY_BOOK = -2;

    private final Mdp3PacketContext context;
    private final Mdp3FeedWriter writer;
    private final Mdp3NormaliserCounters counters;

    private final int[] refSecurityId = new int[MAX_REFERENCES];
    private final long[] refRptSeq = new long[MAX_REFERENCES];
    private final byte[] refEntryType = new byte[MAX_REFERENCES];
    private final long[] refPrice = new long[MAX_REFERENCES];
    private final boolean[] refPublished = new boolean[MAX_REFERENCES];
    private int refCount;

    private final int holdCapacity;
    private final long[] holdSeq;
    private final int[] holdSecurityId;
    private final byte[] holdAction;
    private final byte[] holdSide;
    private final long[] holdOrderId;
    private final long[] holdPriority;
    private final long[] holdPrice;
    private final long[] holdQuantity;
    private final long[] holdRptSeq;
    private final long[] holdTransactTime;
    private int holdHead;
    private int holdCount;

    private final IntHashSet restated = new IntHashSet();
    private boolean started;
    private long lateJoinFrom;
    private long msgSeqNum;
    private long overflowSeq = -1;
    private long transactTime;
    private int templateId;

    private boolean snapshotApplying;
    private int snapshotSecurityId;
    private long snapshotLast;
    private long snapshotChunks;
    private long snapshotChunk;
    private long snapshotReports;
    private long snapshotTransactTime;

    Mdp3MarketByOrder(
        final Mdp3PacketContext context, final Mdp3FeedWriter writer, final Mdp3NormaliserCounters counters,
        final int holdCapacity)
    {
        if (holdCapacity < 0)
        {
            throw new IllegalArgumentException("order hold capacity must not be negative: " + holdCapacity);
        }
        this.context = context;
        this.writer = writer;
        this.counters = counters;
        this.holdCapacity = holdCapacity;
        holdSeq = new long[holdCapacity];
        holdSecurityId = new int[holdCapacity];
        holdAction = new byte[holdCapacity];
        holdSide = new byte[holdCapacity];
        holdOrderId = new long[holdCapacity];
        holdPriority = new long[holdCapacity];
        holdPrice = new long[holdCapacity];
        holdQuantity = new long[holdCapacity];
        holdRptSeq = new long[holdCapacity];
        holdTransactTime = new long[holdCapacity];
    }

    /**
     * @return order updates one unit can release besides its own: everything held.
     */
    int holdCapacity()
    {
        return holdCapacity;
    }

    /**
     * @return true while some instrument waits for its order book snapshot (a late join not yet restated).
     */
    boolean lateJoin()
    {
        return lateJoinFrom > 0;
    }

    void onIncrementalPacket(final long msgSeqNum)
    {
        this.msgSeqNum = msgSeqNum;
        if (!started)
        {
            started = true;
            // Without a hold nothing could wait for a snapshot (a capture has none): publishing goes on as it comes.
            lateJoinFrom = holdCapacity > 0 && msgSeqNum > 1 ? msgSeqNum : 0;
        }
    }

    void onMessage(final int templateId, final long transactTime)
    {
        this.templateId = templateId;
        this.transactTime = transactTime;
        refCount = 0;
    }

    void onBookEntry(final int securityId, final long rptSeq, final byte entryType, final long price)
    {
        if (refCount < MAX_REFERENCES)
        {
            refSecurityId[refCount] = securityId;
            refRptSeq[refCount] = rptSeq;
            refEntryType[refCount] = entryType;
            refPrice[refCount] = price;
            refPublished[refCount] = false;
        }
        refCount++;
    }

    /**
     * The MD entry just told passed every check: its order entries may be published.
     */
    void onBookEntryPassed()
    {
        if (refCount <= MAX_REFERENCES)
        {
            refPublished[refCount - 1] = true;
        }
    }

    void onBookOrderEntry(
        final long orderId, final long orderPriority, final int displayQty, final int referenceId,
        final int orderUpdateAction)
    {
        if (referenceId < 1 || referenceId > refCount || referenceId == Mdp3Schema.NULL_UINT8)
        {
            context.badField(templateId, 0, "order entry OrderID " + orderId + " ReferenceID " + referenceId +
                " names none of the message's " + refCount + " MD entries");
            return;
        }
        final int ref = referenceId - 1;
        final int securityId = refSecurityId[ref];
        if (!refPublished[ref])
        {
            // Its MD entry was skipped and counted (an RptSeq duplicate, or a value reported as malformed).
            return;
        }
        final byte entryType = refEntryType[ref];
        if (entryType != '0' && entryType != '1')
        {
            context.badField(templateId, securityId, "order entry OrderID " + orderId + " ReferenceID " +
                referenceId + " names an MD entry of type " + (char)entryType + ", not an outright bid or offer");
            return;
        }
        final int action = action(orderUpdateAction);
        if (NULL_ACTION == action)
        {
            context.badField(templateId, securityId, "OrderUpdateAction " + orderUpdateAction + " of OrderID " +
                orderId);
            return;
        }
        publish(securityId, action, entryType == '0' ? Side.BUY.value() : Side.SELL.value(), orderId,
            orderPriority, refPrice[ref], displayQty, refRptSeq[ref]);
    }

    void onOrderEntry(
        final int securityId, final long orderId, final long orderPriority, final int updateAction,
        final byte entryType, final long price, final int priceExponent, final int displayQty)
    {
        if (securityId <= 0)
        {
            context.badField(templateId, securityId, "SecurityID " + securityId + " is not positive");
            return;
        }
        if (entryType != '0' && entryType != '1')
        {
            context.badField(templateId, securityId, "MDEntryType " + (char)entryType + " (" + entryType +
                ") of OrderID " + orderId);
            return;
        }
        final int action = action(updateAction);
        if (NULL_ACTION == action)
        {
            context.badField(templateId, securityId, "MDUpdateAction " + updateAction + " of OrderID " + orderId);
            return;
        }
        publish(securityId, action, entryType == '0' ? Side.BUY.value() : Side.SELL.value(), orderId,
            orderPriority, Mdp3FeedFields.price(price, Mdp3FeedFields.scale(priceExponent)), displayQty, 0);
    }

    /**
     * A SnapshotFullRefreshOrderBook (53) message starts; only units tagged {@link Mdp3LiveSource#SNAPSHOT} and
     * instruments waiting for their order book are restated.
     */
    void onSnapshotOrderBook(
        final boolean snapshotUnit, final long lastMsgSeqNumProcessed, final long totNumReports, final int securityId,
        final long chunks, final long currentChunk, final long transactTime)
    {
        if (!snapshotUnit || !waiting(securityId))
        {
            snapshotApplying = false;
            return;
        }
        if (currentChunk == 1)
        {
            if (lastMsgSeqNumProcessed + 1 < lateJoinFrom)
            {
                // Between the snapshot and the first packet held there is a hole: the next pass is needed.
                counters.snapshotsStale.incrementRelease();
                snapshotApplying = false;
                return;
            }
            snapshotApplying = context.claim();
            if (!snapshotApplying)
            {
                return;
            }
            snapshotSecurityId = securityId;
            snapshotLast = lastMsgSeqNumProcessed;
            snapshotChunks = chunks;
            snapshotReports = totNumReports;
            snapshotTransactTime = transactTime;
            writer.bookReset(instrumentId(securityId), transactTime, BookResetReason.RECOVERY, lastMsgSeqNumProcessed);
        }
        else if (!snapshotApplying || securityId != snapshotSecurityId || currentChunk != snapshotChunk + 1 ||
            lastMsgSeqNumProcessed != snapshotLast)
        {
            // A chunk lost or from another pass: what was restated is incomplete until the next pass restates it.
            snapshotApplying = false;
            return;
        }
        snapshotChunk = currentChunk;
    }

    void onSnapshotOrderEntry(
        final long orderId, final long orderPriority, final long price, final int priceExponent,
        final int displayQty, final byte entryType)
    {
        if (!snapshotApplying)
        {
            return;
        }
        if (entryType != '0' && entryType != '1')
        {
            context.badField(53, snapshotSecurityId, "MDEntryType " + (char)entryType + " (" + entryType +
                ") of OrderID " + orderId);
            return;
        }
        if (context.claim())
        {
            writer.orderUpdate(snapshotTransactTime, snapshotSecurityId, OrderUpdateAction.NEW,
                entryType == '0' ? Side.BUY : Side.SELL, orderId, orderPriority,
                Mdp3FeedFields.price(price, Mdp3FeedFields.scale(priceExponent)), quantity(displayQty), 0);
        }
    }

    /**
     * The end of a 53: after its last chunk the instrument is restated and what was held after the snapshot follows.
     */
    void onSnapshotOrderBookEnd()
    {
        if (!snapshotApplying || snapshotChunk < snapshotChunks)
        {
            return;
        }
        snapshotApplying = false;
        restated.add(snapshotSecurityId);
        counters.orderBooksRestated.incrementRelease();
        replay(snapshotSecurityId, snapshotLast);
        if (restated.size() >= snapshotReports)
        {
            endLateJoin();
        }
    }

    void onChannelReset()
    {
        // Every book is emptied by the reset and built again from the incrementals that follow.
        endLateJoin();
        snapshotApplying = false;
    }

    private void endLateJoin()
    {
        lateJoinFrom = 0;
        restated.clear();
        holdHead = 0;
        holdCount = 0;
    }

    /**
     * Packets up to {@code gapEnd} were lost on both lines of a live channel: any order book may have lost orders,
     * and orders carry no RptSeq to tell which. Every order book waits for a 53 of a packet at or past the gap, as
     * after a late join; what was held before the gap is of no use then.
     *
     * @param gapEnd last MsgSeqNum lost.
     */
    void onOrderBooksLost(final long gapEnd)
    {
        endLateJoin();
        snapshotApplying = false;
        lateJoinFrom = gapEnd + 1;
        overflowSeq = -1;
        counters.orderBookGaps.incrementRelease();
    }

    /**
     * An order update of the last incremental packet, or released with it, did not reach subscribers: every order
     * book waits for a 53 of that packet or later.
     */
    void onOrderBooksRefused()
    {
        endLateJoin();
        snapshotApplying = false;
        lateJoinFrom = msgSeqNum + 1;
        overflowSeq = -1;
    }

    /**
     * An empty-book entry (J) of an instrument: held in order with its order updates while its book waits (a book
     * restated past it must not be emptied by it, one restated before it must).
     *
     * @return true when held, false to publish it now.
     */
    boolean holdEmptyBook(final int securityId, final long rptSeq)
    {
        if (!waiting(securityId))
        {
            return false;
        }
        hold(securityId, EMPTY_BOOK, (byte)0, 0, 0, 0, 0, rptSeq);
        return true;
    }

    boolean waiting(final int securityId)
    {
        return lateJoinFrom > 0 && !restated.contains(securityId);
    }

    private void publish(
        final int securityId, final int action, final byte side, final long orderId, final long priority,
        final long price, final int displayQty, final long rptSeq)
    {
        if (waiting(securityId))
        {
            hold(securityId, action, side, orderId, priority, price, quantity(displayQty), rptSeq);
        }
        else if (context.claim())
        {
            writer.orderUpdate(transactTime, securityId, OrderUpdateAction.get((short)action), Side.get(side),
                orderId, priority, price, quantity(displayQty), rptSeq);
        }
    }

    private void hold(
        final int securityId, final int action, final byte side, final long orderId, final long priority,
        final long price, final long quantity, final long rptSeq)
    {
        if (msgSeqNum == overflowSeq)
        {
            return;
        }
        if (holdCount == holdCapacity)
        {
            // Everything held is dropped: every instrument still waiting needs a snapshot of this packet or later.
            counters.orderHoldOverflows.incrementRelease();
            holdHead = 0;
            holdCount = 0;
            lateJoinFrom = msgSeqNum + 1;
            overflowSeq = msgSeqNum;
            return;
        }
        final int i = (holdHead + holdCount) % holdCapacity;
        holdSeq[i] = msgSeqNum;
        holdSecurityId[i] = securityId;
        holdAction[i] = (byte)action;
        holdSide[i] = side;
        holdOrderId[i] = orderId;
        holdPriority[i] = priority;
        holdPrice[i] = price;
        holdQuantity[i] = quantity;
        holdRptSeq[i] = rptSeq;
        holdTransactTime[i] = transactTime;
        holdCount++;
        counters.orderUpdatesHeld.incrementRelease();
    }

    private void replay(final int securityId, final long lastMsgSeqNumProcessed)
    {
        for (int n = 0; n < holdCount; n++)
        {
            final int i = (holdHead + n) % holdCapacity;
            if (holdSecurityId[i] != securityId)
            {
                continue;
            }
            holdSecurityId[i] = 0;
            if (holdSeq[i] > lastMsgSeqNumProcessed && EMPTY_BOOK == holdAction[i] && context.claim())
            {
                writer.bookReset(instrumentId(securityId), holdTransactTime[i], BookResetReason.RECOVERY,
                    holdRptSeq[i]);
            }
            else if (holdSeq[i] > lastMsgSeqNumProcessed && context.claim())
            {
                writer.orderUpdate(holdTransactTime[i], securityId, OrderUpdateAction.get(holdAction[i]),
                    Side.get(holdSide[i]), holdOrderId[i], holdPriority[i], holdPrice[i], holdQuantity[i],
                    holdRptSeq[i]);
            }
        }
        while (holdCount > 0 && holdSecurityId[holdHead] == 0)
        {
            holdHead = (holdHead + 1) % holdCapacity;
            holdCount--;
        }
    }

    private static int action(final int action)
    {
        return action >= 0 && action <= 2 ? action : NULL_ACTION;
    }

    private static long quantity(final int displayQty)
    {
        return displayQty == Mdp3Schema.NULL_INT32 ? 0 : displayQty;
    }
}
