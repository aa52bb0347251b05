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

import org.agrona.collections.Int2IntHashMap;

import java.util.Arrays;

/**
 * Which instruments of a live MDP 3.0 channel are recovering from the snapshot loop, which are suspect, and the
 * incremental entries held for the recovering ones ({@link Mdp3EntryHold}) until their snapshot arrives, following
 * CME's market recovery rules (docs/MDP3.md, "Recovery"):
 * <ul>
 *     <li>a packet MsgSeqNum gap lost on both lines ({@link #onPacketGap(long, long)}) makes every instrument of the
 *     channel suspect, since a lost packet may carry any instrument; a suspect instrument is cleared by its next
 *     entry when its RptSeq continues, recovers when it jumps, or is settled by a snapshot whose
 *     LastMsgSeqNumProcessed covers the gap (same RptSeq: nothing lost; a later one: restated);</li>
 *     <li>a RptSeq jump arbitration could not fill, a first RptSeq above 1 of an instrument not seen yet, a held
 *     store that overflowed and a feed message the ring refused ({@link #onRefused(int)}) make the instrument
 *     recover: its entries are held until a snapshot at least as recent as what it lost;</li>
 *     <li>a late join recovers the whole channel;</li>
 *     <li>a RptSeq that goes back on a suspect instrument means a ChannelReset both lines lost ({@link #RESET});
 *     a line whose MsgSeqNum starts again ({@link #onSessionRestart()}) means a new session: both are handled as
 *     a ChannelReset.</li>
 * </ul>
 * The live source joins the snapshot loop while {@link #isActive()} and leaves it when nothing is recovering or
 * suspect; instruments that are neither keep publishing meanwhile.
 * <p>
 * On a market-by-order channel ({@link #orderBooks()}) the order books have no RptSeq of their own: CME recovers them
 * by MsgSeqNum from the MBO snapshot loop (53). A gap lost on both lines is handed on to the normaliser
 * ({@link #takeOrderBookGap()}), which makes every order book wait for a 53 at or past it, and the normaliser says
 * whether order books wait ({@link #orderBooksWaiting(boolean)}); the live source joins the MBO loop while
 * {@link #isOrderBookActive()}.
 * <p>
 * Single-threaded (the ingest agent's). Allocates only when an instrument is seen for the first time; counters are
 * plain fields the normaliser and the source copy into theirs.
 */
public final class Mdp3Recovery
{
    /** {@link #admit} result: publish the entry now. */
    public static final int PUBLISH = 0;
    /** {@link #admit} result: drop the entry, it was seen already. */
    public static final int DROP = 1;
    /** {@link #admit} result: the instrument is recovering; hold the entry (the normaliser does). */
    public static final int HOLD = 2;
    /** {@link #admit} result during a replay: a new gap, the entry stays where it is held. */
    public static final int KEEP = 3;
    /**
     * {@link #admit} result: the RptSeq of a suspect instrument went back, so a ChannelReset was lost on both lines:
     * handle a ChannelReset, then admit the entry again.
     */
    public static final int RESET = 4;

    private static final long NO_RPT_SEQ = -1;

    private final Mdp3SequenceTracker tracker;
    private final Mdp3EntryHold hold;
    private final Mdp3Suspects suspects = new Mdp3Suspects();

    // Instruments: SecurityID -> index into the arrays below.
    private final Int2IntHashMap index = new Int2IntHashMap(-1);
    private int instruments;
    private boolean[] recovering = new boolean[64];
    private long[] minSnapshotRptSeq = new long[64];
    private long[] lastHeldRptSeq = new long[64];
    private long[] recoveredInPass = new long[64];
    private long[] snapshotMsgSeqNum = new long[64];
    private long wantedMsgSeqNum;

    private int recoveringCount;
    private boolean channelRecovering;
    private boolean sessionRestart;
    private long pass;
    private long recoveredThisPass;
    private boolean orderBooks;
    private boolean orderBooksWaiting;
    private long orderBookGapEnd;
    private final Mdp3RecoveryCounts counts = new Mdp3RecoveryCounts();


    /**
     * @param tracker  the normaliser's RptSeq tracker: a snapshot sets where an instrument's RptSeq continues.
     * @param capacity entries held at most, over all recovering instruments; a power of two.
     */
    public Mdp3Recovery(final Mdp3SequenceTracker tracker, final int capacity)
    {
        this.tracker = tracker;
        this.hold = new Mdp3EntryHold(this, capacity, counts);
    }

    /**
     * The listener held entries are replayed to once their instrument's snapshot has been applied (the normaliser),
     * each as the message and entry callbacks it first arrived as.
     */
    void replay(final Mdp3Listener replay)
    {
        hold.replayTo(replay);
    }

    /**
     * @return where entries of recovering instruments are held, with the {@code hold} result of {@link #admit}.
     */
    Mdp3EntryHold hold()
    {
        return hold;
    }

    /**
     * @return entries held at most.
     */
    public int capacity()
    {
        return hold.capacity();
    }

    /**
     * Whether anything is recovering or suspect, so the snapshot loop is needed.
     *
     * @return true while an instrument, or the whole channel, is recovering or suspect.
     */
    public boolean isActive()
    {
        return channelRecovering || recoveringCount > 0 || suspects.count() > 0;
    }

    /**
     * Make this a market-by-order channel: order books recover from the MBO snapshot loop by MsgSeqNum.
     */
    void orderBooks()
    {
        orderBooks = true;
    }

    /**
     * Whether the order books need the MBO snapshot loop: they wait for it (a late join or a gap lost on both lines
     * not yet restated), or a gap is yet to be handed to the normaliser.
     *
     * @return true while the MBO snapshot loop is needed.
     */
    public boolean isOrderBookActive()
    {
        return orderBooks && (orderBooksWaiting || orderBookGapEnd > 0);
    }

    /**
     * The normaliser says whether some order book waits for its snapshot.
     *
     * @param waiting true while an order book waits.
     */
    void orderBooksWaiting(final boolean waiting)
    {
        orderBooksWaiting = waiting;
    }

    /**
     * The ring refused an order update: the order books wait for the MBO loop (the normaliser has them wait).
     *
     * @param waiting whether an order book now waits.
     */
    void onOrderBooksRefused(final boolean waiting)
    {
        counts.refusedRecoveries++;
        orderBooksWaiting = waiting;
    }

    /**
     * The last MsgSeqNum of the latest gap lost on both lines not yet handed to the order books (once).
     *
     * @return that MsgSeqNum, or 0 for none.
     */
    long takeOrderBookGap()
    {
        final long end = orderBookGapEnd;
        orderBookGapEnd = 0;
        return end;
    }

    /**
     * A late join: every instrument of the channel recovers from the snapshot loop, including those not seen yet.
     * The channel has recovered when as many instruments as the loop holds (its TotNumReports) have been.
     */
    public void recoverChannel()
    {
        // The order books of a late join wait for the MBO loop from the first packet on.
        orderBooksWaiting = orderBooks;
        if (!channelRecovering)
        {
            channelRecovering = true;
            pass++;
            recoveredThisPass = 0;
            counts.recoveries++;
        }
    }

    /**
     * Packets were lost on both lines (declared after the arbitration wait). Any instrument may have been in them,
     * so every instrument not already recovering becomes suspect until its next entry or a snapshot that covers the
     * gap says whether it lost anything.
     *
     * @param fromMsgSeqNum first MsgSeqNum lost.
     * @param toMsgSeqNum   last MsgSeqNum lost.
     */
    public void onPacketGap(final long fromMsgSeqNum, final long toMsgSeqNum)
    {
        counts.suspectGaps++;
        suspects.onGap(toMsgSeqNum, instruments, recovering);
        if (orderBooks)
        {
            // Orders have no RptSeq to tell which books lost nothing: every order book waits for a 53 past the gap.
            orderBookGapEnd = Math.max(orderBookGapEnd, toMsgSeqNum);
        }
    }

    /**
     * A line's MsgSeqNum started again (a new session, or a restart whose ChannelReset both lines lost): the
     * normaliser handles it as a ChannelReset before the next packet ({@link #takeSessionRestart()}).
     */
    public void onSessionRestart()
    {
        sessionRestart = true;
        counts.sessionRestarts++;
    }

    /**
     * @return whether a session restart is to be handled now (once).
     */
    public boolean takeSessionRestart()
    {
        final boolean restart = sessionRestart;
        sessionRestart = false;
        return restart;
    }

    /**
     * A feed message of an instrument's book could not be written (the ring refused it): the book subscribers hold
     * is no longer the venue's, so the instrument recovers from a snapshot at least as recent as what it published.
     *
     * @param id SecurityID.
     */
    public void onRefused(final int id)
    {
        final int i = instrument(id);
        counts.refusedRecoveries++;
        counts.recoveries++;
        suspects.clear(i);
        final long last = Math.max(0, tracker.lastRptSeq(id));
        begin(i, Math.max(last, recovering[i] ? minSnapshotRptSeq[i] : 0));
        lastHeldRptSeq[i] = Math.max(lastHeldRptSeq[i], last);
    }

    /**
     * A ChannelReset: books are cleared and every instrument's RptSeq starts again, so nothing held, awaited or
     * suspect is still meaningful.
     */
    public void onChannelReset()
    {
        hold.clear();
        for (int i = 0; i < instruments; i++)
        {
            recovering[i] = false;
            lastHeldRptSeq[i] = NO_RPT_SEQ;
        }
        suspects.clearAll();
        recoveringCount = 0;
        channelRecovering = false;
        orderBookGapEnd = 0;
        orderBooksWaiting = false;
    }

    /**
     * Decide about an incremental entry of an instrument.
     *
     * @param id        SecurityID.
     * @param seq       RptSeq.
     * @param msgSeqNum of the packet the entry came in.
     * @return {@link #PUBLISH}, {@link #DROP}, {@link #HOLD}, {@link #KEEP} or {@link #RESET}.
     */
    public int admit(final int id, final long seq, final long msgSeqNum)
    {
        final int i = instrument(id);
        if (!hold.isReplaying() && (recovering[i] || channelRecovering && recoveredInPass[i] != pass))
        {
            if (seq <= lastHeldRptSeq[i])
            {
                return DROP;
            }
            if (!recovering[i])
            {
                // Late join: the first entry seen of this instrument; a snapshot just before it will do.
                begin(i, seq - 1);
            }
            lastHeldRptSeq[i] = seq;
            return HOLD;
        }

        final long last = tracker.lastRptSeq(id);
        if (suspects.isSuspect(i))
        {
            if (last >= 0 && seq <= last && msgSeqNum > snapshotMsgSeqNum[i])
            {
                // (An entry of a packet the instrument's last snapshot already covered is only a duplicate.)
                // No duplicates come through arbitration: a RptSeq going back after a gap is a lost ChannelReset.
                counts.resetsInferred++;
                return RESET;
            }
            suspects.clear(i);
            if (seq == last + 1)
            {
                counts.suspectsCleared++;
            }
        }
        if (last < 0 && seq > 1 && !channelRecovering)
        {
            // The instrument's first entries (RptSeq starts at 1) were lost: what it publishes needs a snapshot.
            return gap(i, seq);
        }

        final int result = tracker.onRptSeq(id, seq);
        if (Mdp3SequenceTracker.DUPLICATE == result)
        {
            return DROP;
        }
        if (Mdp3SequenceTracker.GAP == result)
        {
            return gap(i, seq);
        }
        return PUBLISH;
    }

    private int gap(final int i, final long seq)
    {
        counts.recoveries++;
        begin(i, seq - 1);
        lastHeldRptSeq[i] = seq;
        return hold.isReplaying() ? KEEP : HOLD;
    }

    /**
     * Whether a snapshot of an instrument is to be applied: it is recovering and the snapshot is recent enough, or
     * it is suspect and the snapshot, covering the gap, shows it lost something. A suspect instrument whose
     * snapshot covers the gap at the RptSeq it has is cleared.
     *
     * @param id                     SecurityID.
     * @param seq                    the snapshot's RptSeq.
     * @param lastMsgSeqNumProcessed the snapshot's LastMsgSeqNumProcessed (369): the incremental packet it is as of.
     * @return true to publish it as the instrument's book, then call {@link #onSnapshotApplied(int, long, long)}.
     */
    public boolean wantsSnapshot(final int id, final long seq, final long lastMsgSeqNumProcessed)
    {
        final int i = instrument(id);
        final boolean channelWants = channelRecovering && recoveredInPass[i] != pass;
        if (suspects.isSuspect(i) && !recovering[i] && !channelWants)
        {
            final long last = tracker.lastRptSeq(id);
            if (lastMsgSeqNumProcessed < suspects.gapEnd() || seq < last)
            {
                // Taken before the gap (or older than what was published since): it cannot tell.
                counts.snapshotsStale++;
                return false;
            }
            if (seq == last)
            {
                counts.suspectsConfirmed++;
                suspects.clear(i);
                return false;
            }
            wantedMsgSeqNum = lastMsgSeqNumProcessed;
            return true;
        }
        if (!recovering[i] && !channelWants)
        {
            counts.snapshotsNotNeeded++;
            return false;
        }
        if (recovering[i] && seq < minSnapshotRptSeq[i])
        {
            counts.snapshotsStale++;
            return false;
        }
        wantedMsgSeqNum = lastMsgSeqNumProcessed;
        return true;
    }

    /**
     * The snapshot of an instrument was published: its RptSeq continues from the snapshot's and its held entries
     * past it are replayed; the channel's recovery ends once the loop's every instrument has recovered.
     *
     * @param id            SecurityID.
     * @param seq           the snapshot's RptSeq.
     * @param totNumReports instruments in the snapshot loop.
     */
    public void onSnapshotApplied(final int id, final long seq, final long totNumReports)
    {
        final int i = instrument(id);
        tracker.onSnapshot(id, seq);
        snapshotMsgSeqNum[i] = wantedMsgSeqNum;
        suspects.clear(i);
        if (recovering[i])
        {
            recovering[i] = false;
            recoveringCount--;
        }
        lastHeldRptSeq[i] = NO_RPT_SEQ;
        counts.instrumentsRecovered++;
        if (channelRecovering && recoveredInPass[i] != pass)
        {
            recoveredInPass[i] = pass;
            if (++recoveredThisPass >= totNumReports)
            {
                channelRecovering = false;
            }
        }
        hold.replay(id, i, seq);
    }

    /**
     * @return whether the instrument at this index recovers (a replayed entry may have opened a new gap).
     */
    boolean isRecoveringAt(final int index)
    {
        return recovering[index];
    }

    /**
     * The hold was full: an instrument lost all it held and needs a snapshot at least as recent as the last lost.
     *
     * @param id         SecurityID.
     * @param lostRptSeq RptSeq of the last entry it lost.
     */
    void onHoldOverflow(final int id, final long lostRptSeq)
    {
        final int i = instrument(id);
        minSnapshotRptSeq[i] = Math.max(minSnapshotRptSeq[i], lostRptSeq);
    }

    private void begin(final int i, final long minRptSeq)
    {
        if (!recovering[i])
        {
            recovering[i] = true;
            recoveringCount++;
        }
        minSnapshotRptSeq[i] = minRptSeq;
    }

    private int instrument(final int id)
    {
        int i = index.get(id);
        if (i < 0)
        {
            i = instruments++;
            if (i == recovering.length)
            {
                final int length = 2 * i;
                recovering = Arrays.copyOf(recovering, length);
                suspects.ensure(length);
                minSnapshotRptSeq = Arrays.copyOf(minSnapshotRptSeq, length);
                lastHeldRptSeq = Arrays.copyOf(lastHeldRptSeq, length);
                recoveredInPass = Arrays.copyOf(recoveredInPass, length);
                snapshotMsgSeqNum = Arrays.copyOf(snapshotMsgSeqNum, length);
            }
            lastHeldRptSeq[i] = NO_RPT_SEQ;
            index.put(id, i);
        }
        return i;
    }

    /** @return what recovery has done so far. */
    public Mdp3RecoveryCounts counts()
    {
        return counts;
    }

    /** @return instruments recovering now (the whole channel's not yet seen not included). */
    public int recoveringCount()
    {
        return recoveringCount;
    }

    /** @return instruments suspect now: they may have lost entries in a gap on both lines. */
    public int suspectCount()
    {
        return suspects.count();
    }

    /** @return whether the whole channel is recovering (late join). */
    public boolean isChannelRecovering()
    {
        return channelRecovering;
    }
}
