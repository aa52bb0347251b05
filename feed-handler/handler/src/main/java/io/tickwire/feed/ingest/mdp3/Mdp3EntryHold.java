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
 * The holding side of a live channel's recovery: the incremental entries of instruments recovering from the snapshot
 * loop, kept in {@link Mdp3HeldEntries} in arrival order; when it is full the instrument of the oldest entry loses all
 * it holds (and then needs a later snapshot, {@link Mdp3Recovery} is told); once an instrument's snapshot is applied,
 * its entries past the snapshot are replayed to the normaliser, each as the callbacks it first arrived as.
 * <p>
 * Single-threaded (the ingest agent's); nothing is allocated after construction.
 */
final class Mdp3EntryHold
{
    private final Mdp3Recovery recovery;
    private final Mdp3HeldEntries held;
    private final Mdp3RecoveryCounts counts;
    private Mdp3Listener replay;
    private boolean replaying;

    /**
     * @param recovery whose instruments' entries are held.
     * @param capacity entries held at most, over all recovering instruments; a power of two.
     * @param counts   recovery's counts: entries held, overflows.
     */
    Mdp3EntryHold(final Mdp3Recovery recovery, final int capacity, final Mdp3RecoveryCounts counts)
    {
        this.recovery = recovery;
        this.held = new Mdp3HeldEntries(capacity);
        this.counts = counts;
    }

    /**
     * The listener held entries are replayed to (the normaliser).
     */
    void replayTo(final Mdp3Listener replay)
    {
        this.replay = replay;
    }

    int capacity()
    {
        return held.capacity();
    }

    /**
     * @return true while an entry is being replayed: a gap it opens keeps the rest where they are held.
     */
    boolean isReplaying()
    {
        return replaying;
    }

    /**
     * Forget every entry held (a ChannelReset).
     */
    void clear()
    {
        held.clear();
    }

    /**
     * Replay the entries of an instrument whose snapshot was applied: those at or before its RptSeq are dropped, those
     * past it replayed in order until one opens a new gap, which leaves the rest held for the next snapshot.
     *
     * @param id    SecurityID.
     * @param index of the instrument in the recovery's state.
     * @param seq   the snapshot's RptSeq.
     */
    void replay(final int id, final int index, final long seq)
    {
        final long end = held.tail();
        for (long p = held.head(); p < end; p++)
        {
            final int slot = held.slot(p);
            if (!held.isLive(slot) || held.securityId(slot) != id)
            {
                continue;
            }
            if (recovery.isRecoveringAt(index))
            {
                // A gap among the held entries: the rest stays held for the next snapshot.
                break;
            }
            if (held.rptSeq(slot) <= seq)
            {
                held.kill(slot);
                continue;
            }
            replaying = true;
            held.replay(slot, replay);
            replaying = false;
            if (!recovery.isRecoveringAt(index))
            {
                held.kill(slot);
            }
        }
        held.advanceHead();
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
    void book(
        final int template, final long time, final int id, final long seq, final int action, final byte type,
        final long mantissa, final int exponent, final int quantity, final int level, final int numberOfOrders)
    {
        held.book(claim(Mdp3HeldEntries.BOOK, template, time, id, seq, action), type, mantissa, exponent, quantity,
            level, numberOfOrders);
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
    void trade(
        final int template, final long time, final int id, final long seq, final int action, final long mantissa,
        final int exponent, final int quantity, final int numberOfOrders, final int aggressor, final long tradeId)
    {
        held.trade(claim(Mdp3HeldEntries.TRADE, template, time, id, seq, action), mantissa, exponent, quantity,
            numberOfOrders, aggressor, tradeId);
    }

    /**
     * Hold a volume entry of a recovering instrument (it carries RptSeq like the others).
     *
     * @param id     SecurityID.
     * @param seq    RptSeq.
     * @param action MDUpdateAction.
     * @param volume cumulative volume.
     */
    void volume(final int id, final long seq, final int action, final int volume)
    {
        held.volume(claim(Mdp3HeldEntries.VOLUME, 37, 0, id, seq, action), volume);
    }

    /**
     * Hold a statistics entry (33-35, 49-51) of a recovering instrument: it counts in RptSeq like the others.
     *
     * @param template of its message.
     * @param time     TransactTime of its message.
     * @param id       SecurityID.
     * @param seq      RptSeq.
     * @param action   MDUpdateAction.
     * @param type     MDEntryType.
     */
    void statistics(
        final int template, final long time, final int id, final long seq, final int action, final byte type)
    {
        held.statistics(claim(Mdp3HeldEntries.STATISTICS, template, time, id, seq, action), type);
    }

    private int claim(final byte k, final int template, final long time, final int id, final long seq, final int a)
    {
        if (held.isFull())
        {
            // The instrument of the oldest entry loses all it holds and stays recovering: it needs a snapshot at
            // least as recent as the last entry lost, from a later pass of the loop.
            counts.overflows++;
            final int oldest = held.oldestSecurityId();
            recovery.onHoldOverflow(oldest, held.drop(oldest));
        }
        counts.entriesHeld++;
        return held.claim(k, template, time, id, seq, a);
    }
}
