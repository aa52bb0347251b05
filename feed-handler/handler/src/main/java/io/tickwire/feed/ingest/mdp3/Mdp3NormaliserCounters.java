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

import io.tickwire.counters.CounterAllocator;
import io.tickwire.counters.CounterSet;
import io.tickwire.feed.FeedCounterTypes;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The counters of one {@link Mdp3Normaliser}, labelled {@code tickwire-mdp3 NAME: SOURCE}: what it wrote per feed
 * template, what it counted and did not publish, and the two MDP 3.0 sequences (MsgSeqNum, RptSeq). Allocated in the
 * feed handler's media driver so that {@code tickwire stat} shows them, or in memory of their own without one.
 * Written by the ingest thread only; read from any.
 */
public final class Mdp3NormaliserCounters implements AutoCloseable
{
    /** The component in the counters' labels. */
    public static final String COMPONENT = "tickwire-mdp3";
    private static final int COUNTERS = 48;

    private final CounterSet counterSet;
    final AtomicCounter packets;
    final AtomicCounter packetGaps;
    final AtomicCounter packetsMissing;
    final AtomicCounter packetsDuplicate;
    final AtomicCounter rptSeqGaps;
    final AtomicCounter rptSeqMissing;
    final AtomicCounter rptSeqDuplicate;
    final AtomicCounter definitions;
    final AtomicCounter levelUpdates;
    final AtomicCounter trades;
    final AtomicCounter statuses;
    final AtomicCounter bookResets;
    final AtomicCounter groupStatuses;
    final AtomicCounter statusesUnchanged;
    final AtomicCounter volumeEntries;
    final AtomicCounter orderEntries;
    final AtomicCounter tradesNotNew;
    final AtomicCounter messagesSkipped;
    final AtomicCounter snapshotPackets;
    final AtomicCounter definitionPackets;
    final AtomicCounter recoveries;
    final AtomicCounter instrumentsRecovered;
    final AtomicCounter entriesHeld;
    final AtomicCounter holdOverflows;
    final AtomicCounter snapshotsStale;
    final AtomicCounter recovering;
    final AtomicCounter orderUpdates;
    final AtomicCounter orderBooksRestated;
    final AtomicCounter orderUpdatesHeld;
    final AtomicCounter orderHoldOverflows;
    final AtomicCounter orderBookGaps;
    final AtomicCounter statisticsEntries;
    final AtomicCounter tradeBusts;

    /**
     * Allocate the counters.
     *
     * @param allocator  where to allocate them, or null for memory of their own.
     * @param sourceName the instance in their labels.
     */
    public Mdp3NormaliserCounters(final CounterAllocator allocator, final String sourceName)
    {
        counterSet = CounterSet.of(allocator, COMPONENT, sourceName, COUNTERS);
        packets = counterSet.add(FeedCounterTypes.MDP3_PACKETS, "packets");
        packetGaps = counterSet.add(FeedCounterTypes.MDP3_PACKET_GAPS, "packet-gaps");
        packetsMissing = counterSet.add(FeedCounterTypes.MDP3_PACKETS_MISSING, "packets-missing");
        packetsDuplicate = counterSet.add(FeedCounterTypes.MDP3_PACKETS_DUPLICATE, "packets-duplicate");
        rptSeqGaps = counterSet.add(FeedCounterTypes.MDP3_RPT_SEQ_GAPS, "rpt-seq-gaps");
        rptSeqMissing = counterSet.add(FeedCounterTypes.MDP3_RPT_SEQ_MISSING, "rpt-seq-missing");
        rptSeqDuplicate = counterSet.add(FeedCounterTypes.MDP3_RPT_SEQ_DUPLICATE, "rpt-seq-duplicate");
        definitions = counterSet.add(FeedCounterTypes.MDP3_DEFINITIONS, "definitions");
        levelUpdates = counterSet.add(FeedCounterTypes.MDP3_LEVEL_UPDATES, "level-updates");
        trades = counterSet.add(FeedCounterTypes.MDP3_TRADES, "trades");
        statuses = counterSet.add(FeedCounterTypes.MDP3_STATUSES, "statuses");
        bookResets = counterSet.add(FeedCounterTypes.MDP3_BOOK_RESETS, "book-resets");
        groupStatuses = counterSet.add(FeedCounterTypes.MDP3_GROUP_STATUSES, "group-statuses");
        statusesUnchanged = counterSet.add(FeedCounterTypes.MDP3_STATUSES_UNCHANGED, "statuses-unchanged");
        volumeEntries = counterSet.add(FeedCounterTypes.MDP3_VOLUME_ENTRIES, "volume-entries");
        orderEntries = counterSet.add(FeedCounterTypes.MDP3_ORDER_ENTRIES, "order-entries");
        tradesNotNew = counterSet.add(FeedCounterTypes.MDP3_TRADES_NOT_NEW, "trades-not-new");
        messagesSkipped = counterSet.add(FeedCounterTypes.MDP3_MESSAGES_SKIPPED, "messages-skipped");
        snapshotPackets = counterSet.add(FeedCounterTypes.MDP3_SNAPSHOT_PACKETS, "snapshot-packets");
        definitionPackets = counterSet.add(FeedCounterTypes.MDP3_DEFINITION_PACKETS, "definition-packets");
        recoveries = counterSet.add(FeedCounterTypes.MDP3_RECOVERIES, "recoveries");
        instrumentsRecovered = counterSet.add(FeedCounterTypes.MDP3_INSTRUMENTS_RECOVERED, "instruments-recovered");
        entriesHeld = counterSet.add(FeedCounterTypes.MDP3_ENTRIES_HELD, "entries-held");
        holdOverflows = counterSet.add(FeedCounterTypes.MDP3_HOLD_OVERFLOWS, "hold-overflows");
        snapshotsStale = counterSet.add(FeedCounterTypes.MDP3_SNAPSHOTS_STALE, "snapshots-stale");
        recovering = counterSet.add(FeedCounterTypes.MDP3_RECOVERING, "recovering");
        orderUpdates = counterSet.add(FeedCounterTypes.MDP3_ORDER_UPDATES, "order-updates");
        orderBooksRestated = counterSet.add(FeedCounterTypes.MDP3_ORDER_BOOKS_RESTATED, "order-books-restated");
        orderUpdatesHeld = counterSet.add(FeedCounterTypes.MDP3_ORDER_UPDATES_HELD, "order-updates-held");
        orderHoldOverflows = counterSet.add(FeedCounterTypes.MDP3_ORDER_HOLD_OVERFLOWS, "order-hold-overflows");
        statisticsEntries = counterSet.add(FeedCounterTypes.MDP3_STATISTICS_ENTRIES, "statistics-entries");
        tradeBusts = counterSet.add(FeedCounterTypes.MDP3_TRADE_BUSTS, "trade-busts");
        orderBookGaps = counterSet.add(FeedCounterTypes.MDP3_ORDER_BOOK_GAPS, "order-book-gaps");
    }

    /** @return OrderUpdate messages published (market by order). */
    public long orderUpdates()
    {
        return counterSet.get(orderUpdates);
    }

    /** @return order books restated from SnapshotFullRefreshOrderBook (53). */
    public long orderBooksRestated()
    {
        return counterSet.get(orderBooksRestated);
    }

    /** @return order updates held while their instrument waited for its order book snapshot. */
    public long orderUpdatesHeld()
    {
        return counterSet.get(orderUpdatesHeld);
    }

    /** @return times the held order updates overflowed and were dropped. */
    public long orderHoldOverflows()
    {
        return counterSet.get(orderHoldOverflows);
    }

    /** @return gaps lost on both lines of a live channel that made every order book wait for the MBO loop. */
    public long orderBookGaps()
    {
        return counterSet.get(orderBookGaps);
    }

    /** @return MDP 3.0 packets decoded (duplicates excluded). */
    public long packets()
    {
        return counterSet.get(packets);
    }

    /** @return jumps forward in MsgSeqNum. */
    public long packetGaps()
    {
        return counterSet.get(packetGaps);
    }

    /** @return packets missing in those jumps. */
    public long packetsMissing()
    {
        return counterSet.get(packetsMissing);
    }

    /** @return packets whose MsgSeqNum was not above the last: skipped. */
    public long packetsDuplicate()
    {
        return counterSet.get(packetsDuplicate);
    }

    /** @return jumps forward in an instrument's RptSeq. */
    public long rptSeqGaps()
    {
        return counterSet.get(rptSeqGaps);
    }

    /** @return updates missing in those jumps. */
    public long rptSeqMissing()
    {
        return counterSet.get(rptSeqMissing);
    }

    /** @return entries whose RptSeq was not above the instrument's last: skipped. */
    public long rptSeqDuplicate()
    {
        return counterSet.get(rptSeqDuplicate);
    }

    /** @return VenueInstrumentDefinition messages written. */
    public long definitions()
    {
        return counterSet.get(definitions);
    }

    /** @return PriceLevelUpdate messages written. */
    public long levelUpdates()
    {
        return counterSet.get(levelUpdates);
    }

    /** @return TradeSummary messages written. */
    public long trades()
    {
        return counterSet.get(trades);
    }

    /** @return TradingStatus messages written. */
    public long statuses()
    {
        return counterSet.get(statuses);
    }

    /** @return BookReset messages written (ChannelReset, empty-book entries). */
    public long bookResets()
    {
        return counterSet.get(bookResets);
    }

    /** @return SecurityStatus of a group or asset, not one instrument: counted. */
    public long groupStatuses()
    {
        return counterSet.get(groupStatuses);
    }

    /** @return SecurityStatus NoChange or UnknownorInvalid: counted. */
    public long statusesUnchanged()
    {
        return counterSet.get(statusesUnchanged);
    }

    /** @return MDIncrementalRefreshVolume entries: counted, not published. */
    public long volumeEntries()
    {
        return counterSet.get(volumeEntries);
    }

    /** @return market-by-order entries (template 47, order groups of 46): counted. */
    public long orderEntries()
    {
        return counterSet.get(orderEntries);
    }

    /** @return trade entries that correct a trade, or bust one without naming it (before version 7): counted. */
    public long tradesNotNew()
    {
        return counterSet.get(tradesNotNew);
    }

    /** @return trade busts published as BrokenTrade (MDUpdateAction Delete naming its MDTradeEntryID). */
    public long tradeBusts()
    {
        return counterSet.get(tradeBusts);
    }

    /** @return statistics entries (daily, session, limits and banding): sequenced, counted, not published. */
    public long statisticsEntries()
    {
        return counterSet.get(statisticsEntries);
    }

    /** @return heartbeats, snapshots and templates not decoded: counted. */
    public long messagesSkipped()
    {
        return counterSet.get(messagesSkipped);
    }

    /** @return snapshot (market recovery) packets read while recovering. */
    public long snapshotPackets()
    {
        return counterSet.get(snapshotPackets);
    }

    /** @return instrument definition channel packets read. */
    public long definitionPackets()
    {
        return counterSet.get(definitionPackets);
    }

    /** @return recoveries started (RptSeq gaps arbitration could not fill, late joins). */
    public long recoveries()
    {
        return counterSet.get(recoveries);
    }

    /** @return instruments whose book was restated from a snapshot. */
    public long instrumentsRecovered()
    {
        return counterSet.get(instrumentsRecovered);
    }

    /** @return incremental entries held while their instrument recovered. */
    public long entriesHeld()
    {
        return counterSet.get(entriesHeld);
    }

    /** @return times the held entries overflowed. */
    public long holdOverflows()
    {
        return counterSet.get(holdOverflows);
    }

    /** @return snapshots older than what their recovering instrument holds. */
    public long snapshotsStale()
    {
        return counterSet.get(snapshotsStale);
    }

    /** @return instruments recovering now, plus one while the whole channel is. */
    public long recovering()
    {
        return counterSet.get(recovering);
    }

    void recovery(final Mdp3Recovery recovery)
    {
        recoveries.setRelease(recovery.counts().recoveries());
        instrumentsRecovered.setRelease(recovery.counts().instrumentsRecovered());
        entriesHeld.setRelease(recovery.counts().entriesHeld());
        holdOverflows.setRelease(recovery.counts().overflows());
        snapshotsStale.setRelease(recovery.counts().snapshotsStale());
        recovering.setRelease(recovery.recoveringCount() + (recovery.isChannelRecovering() ? 1 : 0));
    }

    /**
     * Free the counters.
     */
    public void close()
    {
        counterSet.close();
    }
}
