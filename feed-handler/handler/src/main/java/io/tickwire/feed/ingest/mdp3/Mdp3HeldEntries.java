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

import java.util.Arrays;

/**
 * The incremental entries a live MDP 3.0 channel holds for instruments recovering from the snapshot loop: a bounded
 * ring in arrival order, kept as decoded values (so the schema version they came in no longer matters), from which
 * {@link Mdp3EntryHold} replays an instrument's entries once its snapshot has been applied. Entries replayed or
 * dropped out of order leave dead slots that the head passes over.
 * <p>
 * Fixed arrays sized once: nothing is allocated after construction. Single-threaded (the ingest agent's).
 */
final class Mdp3HeldEntries
{
    static final byte BOOK = 1;
    static final byte TRADE = 2;
    static final byte VOLUME = 3;
    static final byte STATISTICS = 4;

    // Entries are replayed as schema version 9 messages: their fields are already decoded.
    private static final int VERSION = 9;

    private final int capacity;
    private final int mask;
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

    /**
     * @param capacity entries held at most; a power of two.
     */
    Mdp3HeldEntries(final int capacity)
    {
        if (capacity < 2 || Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("recovery buffer capacity must be a power of two >= 2: " + capacity);
        }
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

    int capacity()
    {
        return capacity;
    }

    long head()
    {
        return head;
    }

    long tail()
    {
        return tail;
    }

    int slot(final long position)
    {
        return (int)(position & mask);
    }

    boolean isLive(final int slot)
    {
        return live[slot];
    }

    int securityId(final int slot)
    {
        return securityId[slot];
    }

    long rptSeq(final int slot)
    {
        return rptSeq[slot];
    }

    /**
     * @return whether no room is left once dead slots at the head are passed over.
     */
    boolean isFull()
    {
        advanceHead();
        return tail - head == capacity;
    }

    /**
     * @return SecurityID of the oldest entry held (only when something is held).
     */
    int oldestSecurityId()
    {
        advanceHead();
        return securityId[slot(head)];
    }

    /**
     * Drop every entry of an instrument.
     *
     * @param id SecurityID.
     * @return the highest RptSeq dropped, or -1 when none was held.
     */
    long drop(final int id)
    {
        long highest = -1;
        for (long p = head; p < tail; p++)
        {
            final int s = slot(p);
            if (live[s] && securityId[s] == id)
            {
                highest = Math.max(highest, rptSeq[s]);
                live[s] = false;
            }
        }
        advanceHead();
        return highest;
    }

    /**
     * Forget everything held.
     */
    void clear()
    {
        Arrays.fill(live, false);
        head = tail;
    }

    void kill(final int slot)
    {
        live[slot] = false;
    }

    void advanceHead()
    {
        while (head < tail && !live[slot(head)])
        {
            head++;
        }
    }

    /**
     * Claim the next slot (the caller has made room) and fill the fields every kind has.
     */
    int claim(final byte k, final int template, final long time, final int id, final long seq, final int action)
    {
        final int s = slot(tail++);
        live[s] = true;
        kind[s] = k;
        templateId[s] = template;
        transactTime[s] = time;
        securityId[s] = id;
        rptSeq[s] = seq;
        updateAction[s] = action;
        return s;
    }

    void book(
        final int slot, final byte type, final long mantissa, final int exponent, final int quantity, final int level,
        final int numberOfOrders)
    {
        entryType[slot] = type;
        price[slot] = mantissa;
        priceExponent[slot] = exponent;
        size[slot] = quantity;
        levelOrAggressor[slot] = level;
        orders[slot] = numberOfOrders;
    }

    void trade(
        final int slot, final long mantissa, final int exponent, final int quantity, final int numberOfOrders,
        final int aggressor, final long tradeId)
    {
        price[slot] = mantissa;
        priceExponent[slot] = exponent;
        size[slot] = quantity;
        orders[slot] = numberOfOrders;
        levelOrAggressor[slot] = aggressor;
        tradeEntryId[slot] = tradeId;
    }

    void volume(final int slot, final int volume)
    {
        size[slot] = volume;
    }

    void statistics(final int slot, final byte type)
    {
        entryType[slot] = type;
    }

    /**
     * Hand one held entry to a listener as the message and entry callbacks it first arrived as.
     */
    void replay(final int slot, final Mdp3Listener listener)
    {
        switch (kind[slot])
        {
            case BOOK:
                listener.onIncrementalRefresh(templateId[slot], VERSION, transactTime[slot], 0, 1);
                listener.onBookEntry(securityId[slot], rptSeq[slot], updateAction[slot], entryType[slot], price[slot],
                    priceExponent[slot], size[slot], levelOrAggressor[slot], orders[slot]);
                break;
            case TRADE:
                listener.onIncrementalRefresh(templateId[slot], VERSION, transactTime[slot], 0, 1);
                listener.onTradeEntry(securityId[slot], rptSeq[slot], updateAction[slot], price[slot],
                    priceExponent[slot], size[slot], orders[slot], levelOrAggressor[slot], tradeEntryId[slot]);
                break;
            case STATISTICS:
                listener.onIncrementalRefresh(templateId[slot], VERSION, transactTime[slot], 0, 1);
                listener.onStatisticsEntry(securityId[slot], rptSeq[slot], updateAction[slot], entryType[slot]);
                break;
            default:
                listener.onVolumeEntry(securityId[slot], rptSeq[slot], updateAction[slot], size[slot]);
                break;
        }
    }
}
