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
 * Which instruments of a live MDP 3.0 channel are recovering from the snapshot loop, and the incremental entries of
 * those instruments held until their snapshot arrives, following CME's market recovery rules: an instrument
 * recovers after a jump in its RptSeq that arbitration could not fill, and every instrument of the channel after a
 * late join. The live source joins the snapshot loop while {@link #isActive()} and leaves it when nothing is left
 * recovering; instruments not recovering keep publishing meanwhile.
 * <p>
 * A snapshot of a recovering instrument is taken when its RptSeq is at least the RptSeq just before the oldest entry
 * still held for it (older ones would leave a hole between the snapshot and what is held; they are counted stale and
 * the next pass of the loop is waited for). Then the held entries past the snapshot's RptSeq are handed back, in
 * arrival order, to the normaliser's {@link Mdp3Listener} callbacks to publish as if they had just arrived. Held
 * entries are bounded: when the store is full the instrument of the oldest entry loses all of its entries (counted as
 * an overflow) and needs a snapshot at least as recent as the last one lost.
 * <p>
 * Single-threaded (the ingest agent's). Allocates only when an instrument is seen for the first time; counters are
 * plain fields the normaliser copies into its counters.
 */
public final class Mdp3Recovery
{
    /** {@link #admit} result: publish the entry now. */
    public static final int PUBLISH = 0;
    /** {@link #admit} result: drop the entry, it was seen already. */
    public static final int DROP = 1;
    /** {@link #admit} result: the instrument is recovering; hold the entry with one of the {@code hold} methods. */
    public static final int HOLD = 2;
    /** {@link #admit} result during a replay: a new gap, the entry stays where it is held. */
    public static final int KEEP = 3;

    /** Held entry kinds. */
    static final byte BOOK = 1;
    static final byte TRADE = 2;
    static final byte VOLUME = 3;

    private static final long NO_RPT_SEQ = -1;
    // Entries are held as decoded values: the schema version they came in no longer matters.
    private static final int VERSION = 9;

    private final Mdp3SequenceTracker tracker;
    private final int capacity;
    private final int mask;

    // Instruments: SecurityID -> index into the arrays below.
    private final Int2IntHashMap index = new Int2IntHashMap(-1);
    private int instruments;
    private boolean[] recovering = new boolean[64];
    private long[] minSnapshotRptSeq = new long[64];
    private long[] lastHeldRptSeq = new long[64];
    private long[] recoveredInPass = new long[64];

    // Held entries: a ring in arrival order; entries replayed or lost out of order leave dead slots.
    private final boolean[] live;
    private final byte[] kind;
    private final int[] templateId;
    private final long[] transactTime;
    private final int[] securityId;
    private final long[] rptSeq;
    private final int[] updateAction;
    private final byte[] entryType;
    private final long[] price;
    private final int[] priceExponent;
    private final int[] size;
    private final int[] levelOrAggressor;
    private final int[] orders;
    private final long[] tradeEntryId;
    private long head;
    private long tail;

    private Mdp3Listener replay;
    private int recoveringCount;
    private boolean channelRecovering;
    private long pass;
    private long recoveredThisPass;
    private int replayingIndex = -1;

    private long recoveries;
    private long instrumentsRecovered;
    private long entriesHeld;
    private long overflows;
    private long snapshotsStale;
    private long snapshotsNotNeeded;

    /**
     * @param tracker  the normaliser's RptSeq tracker: a snapshot sets where an instrument's RptSeq continues.
     * @param capacity entries held at most, over all recovering instruments; a power of two.
     */
    public Mdp3Recovery(final Mdp3SequenceTracker tracker, final int capacity)
    {
        if (capacity < 2 || Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("recovery buffer capacity must be a power of two >= 2: " + capacity);
        }
        this.tracker = tracker;
        this.capacity = capacity;
        this.mask = capacity - 1;
        live = new boolean[capacity];
        kind = new byte[capacity];
        templateId = new int[capacity];
        transactTime = new long[capacity];
        securityId = new int[capacity];
        rptSeq = new long[capacity];
        updateAction = new int[capacity];
        entryType = new byte[capacity];
        price = new long[capacity];
        priceExponent = new int[capacity];
        size = new int[capacity];
        levelOrAggressor = new int[capacity];
        orders = new int[capacity];
        tradeEntryId = new long[capacity];
    }

    /**
     * The listener held entries are replayed to once their instrument's snapshot has been applied (the normaliser),
     * each as the message and entry callbacks it first arrived as.
     */
    void replay(final Mdp3Listener replay)
    {
        this.replay = replay;
    }

    /**
     * @return entries held at most.
     */
    public int capacity()
    {
        return capacity;
    }

    /**
     * Whether anything is recovering, so the snapshot loop is needed.
     *
     * @return true while an instrument, or the whole channel, is recovering.
     */
    public boolean isActive()
    {
        return channelRecovering || recoveringCount > 0;
    }

    /**
     * A late join: every instrument of the channel recovers from the snapshot loop, including those not seen yet.
     * The channel has recovered when as many instruments as the loop holds (its TotNumReports) have been.
     */
    public void recoverChannel()
    {
        if (!channelRecovering)
        {
            channelRecovering = true;
            pass++;
            recoveredThisPass = 0;
            recoveries++;
        }
    }

    /**
     * A ChannelReset: books are cleared and every instrument's RptSeq starts again, so nothing held or awaited is
     * still meaningful.
     */
    public void onChannelReset()
    {
        Arrays.fill(live, false);
        head = tail;
        for (int i = 0; i < instruments; i++)
        {
            recovering[i] = false;
            lastHeldRptSeq[i] = NO_RPT_SEQ;
        }
        recoveringCount = 0;
        channelRecovering = false;
    }

    /**
     * Decide about an incremental entry of an instrument.
     *
     * @param id  SecurityID.
     * @param seq RptSeq.
     * @return {@link #PUBLISH}, {@link #DROP}, {@link #HOLD} or {@link #KEEP}.
     */
    public int admit(final int id, final long seq)
    {
        final int i = instrument(id);
        if (replayingIndex < 0 && (recovering[i] || channelRecovering && recoveredInPass[i] != pass))
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

        final int result = tracker.onRptSeq(id, seq);
        if (Mdp3SequenceTracker.DUPLICATE == result)
        {
            return DROP;
        }
        if (Mdp3SequenceTracker.GAP == result)
        {
            recoveries++;
            begin(i, seq - 1);
            lastHeldRptSeq[i] = seq;
            return replayingIndex >= 0 ? KEEP : HOLD;
        }
        return PUBLISH;
    }

    /**
     * Whether a snapshot of an instrument is to be applied: it is recovering and the snapshot is recent enough.
     *
     * @param id  SecurityID.
     * @param seq the snapshot's RptSeq.
     * @return true to publish it as the instrument's book, then call {@link #onSnapshotApplied(int, long)}.
     */
    public boolean wantsSnapshot(final int id, final long seq)
    {
        final int i = instrument(id);
        if (!recovering[i] && !(channelRecovering && recoveredInPass[i] != pass))
        {
            snapshotsNotNeeded++;
            return false;
        }
        if (recovering[i] && seq < minSnapshotRptSeq[i])
        {
            snapshotsStale++;
            return false;
        }
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
        if (recovering[i])
        {
            recovering[i] = false;
            recoveringCount--;
        }
        lastHeldRptSeq[i] = NO_RPT_SEQ;
        instrumentsRecovered++;
        if (channelRecovering && recoveredInPass[i] != pass)
        {
            recoveredInPass[i] = pass;
            if (++recoveredThisPass >= totNumReports)
            {
                channelRecovering = false;
            }
        }
        replayHeld(id, i, seq);
    }

    private void replayHeld(final int id, final int i, final long seq)
    {
        final long end = tail;
        for (long p = head; p < end; p++)
        {
            final int slot = (int)(p & mask);
            if (!live[slot] || securityId[slot] != id)
            {
                continue;
            }
            if (recovering[i])
            {
                // A gap among the held entries: the rest stays held for the next snapshot.
                break;
            }
            if (rptSeq[slot] <= seq)
            {
                kill(slot);
                continue;
            }
            replayingIndex = slot;
            replayEntry(slot);
            replayingIndex = -1;
            if (!recovering[i])
            {
                kill(slot);
            }
        }
        advanceHead();
    }

    private void replayEntry(final int slot)
    {
        switch (kind[slot])
        {
            case BOOK:
                replay.onIncrementalRefresh(templateId[slot], VERSION, transactTime[slot], 0, 1);
                replay.onBookEntry(securityId[slot], rptSeq[slot], updateAction[slot], entryType[slot], price[slot],
                    priceExponent[slot], size[slot], levelOrAggressor[slot], orders[slot]);
                break;
            case TRADE:
                replay.onIncrementalRefresh(templateId[slot], VERSION, transactTime[slot], 0, 1);
                replay.onTradeEntry(securityId[slot], rptSeq[slot], updateAction[slot], price[slot],
                    priceExponent[slot], size[slot], orders[slot], levelOrAggressor[slot], tradeEntryId[slot]);
                break;
            default:
                replay.onVolumeEntry(securityId[slot], rptSeq[slot], updateAction[slot], size[slot]);
                break;
        }
    }

    /**
     * Hold a book entry of a recovering instrument.
     *
     * @param template       of its message.
     * @param time           TransactTime of its message.
     * @param id             SecurityID.
     * @param seq            RptSeq.
     * @param action         MDUpdateAction.
     * @param type           MDEntryType.
     * @param mantissa       price mantissa.
     * @param exponent       price exponent.
     * @param quantity       size.
     * @param level          price level.
     * @param numberOfOrders orders.
     */
    public void holdBook(
        final int template, final long time, final int id, final long seq, final int action, final byte type,
        final long mantissa, final int exponent, final int quantity, final int level, final int numberOfOrders)
    {
        final int slot = claim(BOOK, template, time, id, seq, action);
        entryType[slot] = type;
        price[slot] = mantissa;
        priceExponent[slot] = exponent;
        size[slot] = quantity;
        levelOrAggressor[slot] = level;
        orders[slot] = numberOfOrders;
    }

    /**
     * Hold a trade entry of a recovering instrument.
     *
     * @param template       of its message.
     * @param time           TransactTime of its message.
     * @param id             SecurityID.
     * @param seq            RptSeq.
     * @param action         MDUpdateAction.
     * @param mantissa       price mantissa.
     * @param exponent       price exponent.
     * @param quantity       size.
     * @param numberOfOrders orders.
     * @param aggressor      AggressorSide.
     * @param tradeId        trade entry id.
     */
    public void holdTrade(
        final int template, final long time, final int id, final long seq, final int action, final long mantissa,
        final int exponent, final int quantity, final int numberOfOrders, final int aggressor, final long tradeId)
    {
        final int slot = claim(TRADE, template, time, id, seq, action);
        price[slot] = mantissa;
        priceExponent[slot] = exponent;
        size[slot] = quantity;
        orders[slot] = numberOfOrders;
        levelOrAggressor[slot] = aggressor;
        tradeEntryId[slot] = tradeId;
    }

    /**
     * Hold a volume entry of a recovering instrument (it carries RptSeq like the others).
     *
     * @param id     SecurityID.
     * @param seq    RptSeq.
     * @param action MDUpdateAction.
     * @param volume cumulative volume.
     */
    public void holdVolume(final int id, final long seq, final int action, final int volume)
    {
        final int slot = claim(VOLUME, 37, 0, id, seq, action);
        size[slot] = volume;
    }

    private int claim(final byte k, final int template, final long time, final int id, final long seq, final int a)
    {
        advanceHead();
        if (tail - head == capacity)
        {
            overflow();
        }
        final int slot = (int)(tail++ & mask);
        live[slot] = true;
        kind[slot] = k;
        templateId[slot] = template;
        transactTime[slot] = time;
        securityId[slot] = id;
        rptSeq[slot] = seq;
        updateAction[slot] = a;
        entriesHeld++;
        return slot;
    }

    /**
     * Full: the instrument of the oldest entry loses all it holds and needs a snapshot at least as recent.
     */
    private void overflow()
    {
        overflows++;
        final int id = securityId[(int)(head & mask)];
        final int i = instrument(id);
        for (long p = head; p < tail; p++)
        {
            final int slot = (int)(p & mask);
            if (live[slot] && securityId[slot] == id)
            {
                minSnapshotRptSeq[i] = Math.max(minSnapshotRptSeq[i], rptSeq[slot]);
                kill(slot);
            }
        }
        advanceHead();
    }

    private void kill(final int slot)
    {
        live[slot] = false;
    }

    private void advanceHead()
    {
        while (head < tail && !live[(int)(head & mask)])
        {
            head++;
        }
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
                minSnapshotRptSeq = Arrays.copyOf(minSnapshotRptSeq, length);
                lastHeldRptSeq = Arrays.copyOf(lastHeldRptSeq, length);
                recoveredInPass = Arrays.copyOf(recoveredInPass, length);
            }
            lastHeldRptSeq[i] = NO_RPT_SEQ;
            index.put(id, i);
        }
        return i;
    }

    /** @return recoveries started: RptSeq gaps not filled by arbitration, and late joins. */
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

    /** @return snapshots of a recovering instrument older than what it holds: the next pass is waited for. */
    public long snapshotsStale()
    {
        return snapshotsStale;
    }

    /** @return snapshots of instruments not recovering: ignored. */
    public long snapshotsNotNeeded()
    {
        return snapshotsNotNeeded;
    }

    /** @return instruments recovering now (the whole channel's not yet seen not included). */
    public int recoveringCount()
    {
        return recoveringCount;
    }

    /** @return whether the whole channel is recovering (late join). */
    public boolean isChannelRecovering()
    {
        return channelRecovering;
    }
}
