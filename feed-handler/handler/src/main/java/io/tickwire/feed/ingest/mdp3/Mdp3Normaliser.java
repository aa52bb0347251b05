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

import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.MalformedReason;
import io.tickwire.feed.ring.MessageNormaliser;
import io.tickwire.feed.ring.MessageSink;
import io.tickwire.sbe.md.BookResetEncoder;
import io.tickwire.sbe.md.BookResetReason;
import io.tickwire.sbe.md.BookType;
import io.tickwire.sbe.md.BrokenTradeEncoder;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import io.tickwire.sbe.md.OrderUpdateEncoder;
import io.tickwire.sbe.md.PriceLevelUpdateEncoder;
import io.tickwire.sbe.md.TradeSummaryEncoder;
import io.tickwire.sbe.md.TradingStatusEncoder;
import io.tickwire.sbe.md.VenueInstrumentDefinitionEncoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Turns one CME MDP 3.0 packet (a UDP payload of the incremental feed) into the Tickwire feed messages it means,
 * each written through the ingest agent's {@link MessageSink}: venue XCME, instrumentId 2^24 + SecurityID, prices at
 * exponent -9 (templates of schema versions up to 8 carry -7 and are scaled by 100), sourceTimestamp the time of day
 * UTC of the message's TransactTime (of the packet's SendingTime for definitions, which have none).
 * <ul>
 *     <li>definitions 27, 29, 54, 56 ({@link Mdp3Definitions}): VenueInstrumentDefinition (PRICE_LEVEL
 *     book);</li>
 *     <li>book entries of 32, 46 ({@link Mdp3BookEntries}): PriceLevelUpdate ('0'/'1' outright, 'E'/'F' implied);
 *     'J' (empty book) a BookReset of the instrument, reason RECOVERY, at its RptSeq;</li>
 *     <li>trade entries of 42, 48 ({@link Mdp3TradeEntries}): New a TradeSummary, Delete (a bust) a BrokenTrade
 *     naming the MDTradeEntryID, Change (a correction) counted;</li>
 *     <li>SecurityStatus 30 ({@link Mdp3SecurityStatus}) of one instrument: TradingStatus
 *     ({@link Mdp3FeedFields#tradingState}); of a group or asset: counted;</li>
 *     <li>ChannelReset 4: BookReset of every XCME instrument (instrumentId 0), reason CHANNEL_RESET;</li>
 *     <li>volume 37 and statistics 33-35, 49-51: sequenced by RptSeq (held while recovering), counted, not
 *     published; heartbeats, snapshots and templates not decoded: counted;</li>
 *     <li>market by order ({@link #marketByOrder}): definitions say ORDER_BOOK, order entries of 46 and 47 become
 *     OrderUpdate, 53 restates order books after a late join ({@link Mdp3MarketByOrder}); the price levels of 46 are
 *     then checked (RptSeq, values) but not published. Otherwise order entries are counted only.</li>
 * </ul>
 * Sequences ({@link Mdp3SequenceTracker}, entries by {@link Mdp3Admission}): a packet whose MsgSeqNum is not above
 * the last is a duplicate (the other line of an A/B pair) and skipped whole; an entry whose RptSeq is not above its
 * instrument's last is skipped; gaps of either are counted (a capture cannot be re-requested). Malformed packets and
 * messages, and field values CME does not define, are reported to the {@link MalformedInputListener} with the
 * packet's position ({@link Mdp3PacketContext}) and skipped.
 * <p>
 * A live channel ({@link Mdp3LiveSource}) adds a {@link Mdp3Recovery}: entries of instruments recovering from the
 * snapshot loop are held instead of published, snapshot packets (their units tagged {@link Mdp3LiveSource#SNAPSHOT})
 * restate ({@link Mdp3Restatement}) the books of the instruments that need them as a BookReset RECOVERY at the
 * snapshot's RptSeq and a PriceLevelUpdate NEW per level, then the entries held past it are published; definition
 * packets (tagged {@link Mdp3LiveSource#DEFINITIONS}) publish the instruments not defined yet.
 * <p>
 * At most {@link #MAX_MESSAGES_PER_PACKET} messages per packet: every message written stands for at least
 * {@link #MIN_BYTES_PER_MESSAGE} bytes of the packet (the shortest is a ChannelReset with no entries). Single-threaded;
 * nothing is allocated per packet unless reporting.
 * <p>
 * Market by order on a live channel: the order books recover from the MBO snapshot loop (53, units tagged
 * {@link Mdp3LiveSource#SNAPSHOT} like the 52 loop's) after a late join and after a gap lost on both lines, which
 * makes every order book wait for a 53 at or past it; the price levels keep their RptSeq recovery from the 52 loop,
 * which then only resumes RptSeq (trades, statistics), the order books being the 53's.
 */
public final class Mdp3Normaliser implements MessageNormaliser, Mdp3Listener
{
    /** The venue's MIC in every message that carries one. */
    public static final String VENUE = "XCME";
    /** What the normaliser reads and makes, for banners. */
    public static final String DESCRIPTION = "CME MDP 3.0 -> venue " + VENUE + ", instrumentId 2^24 + SecurityID, " +
        "prices e-9; counters: tickwire stat --filter " + Mdp3NormaliserCounters.COMPONENT;
    /** Longest UDP payload a pcap record can hold. */
    public static final int MAX_PACKET_LENGTH = 65_535;
    /** Fewest bytes of a packet behind one message written: MsgSize, header, root and group header of ChannelReset. */
    public static final int MIN_BYTES_PER_MESSAGE = 22;
    /** Most messages one packet gives. */
    public static final int MAX_MESSAGES_PER_PACKET =
        (MAX_PACKET_LENGTH - Mdp3PacketDecoder.PACKET_HEADER_LENGTH) / MIN_BYTES_PER_MESSAGE;
    /** Longest message written, header included. */
    public static final int MAX_ENCODED_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + Math.max(
        Math.max(VenueInstrumentDefinitionEncoder.BLOCK_LENGTH, PriceLevelUpdateEncoder.BLOCK_LENGTH),
        Math.max(Math.max(Math.max(TradeSummaryEncoder.BLOCK_LENGTH, BrokenTradeEncoder.BLOCK_LENGTH),
        BookResetEncoder.BLOCK_LENGTH),
        Math.max(TradingStatusEncoder.BLOCK_LENGTH, OrderUpdateEncoder.BLOCK_LENGTH)));

    static final byte X = 'X';
    static final byte C = 'C';
    static final byte M = 'M';
    static final byte E = 'E';

    private final EpochNanoClock clock;
    private final Mdp3PacketDecoder decoder;
    private final Mdp3SequenceTracker tracker;
    private final Mdp3NormaliserCounters counters;
    private final Mdp3Recovery recovery;
    private Mdp3MarketByOrder mbo;

    private final Mdp3FeedWriter writer;
    private final Mdp3PacketContext context;
    private final Mdp3Admission admission;
    private final Mdp3BookEntries books;
    private final Mdp3TradeEntries trades;
    private final Mdp3Restatement restatement;
    private final Mdp3SecurityStatus statuses;
    private final Mdp3Definitions definitions;

    private long sendingTime;
    private long transactTime;
    private int templateId;
    private long unit;

    /**
     * A normaliser for one source.
     *
     * @param clock      epoch nanosecond clock for the ingest timestamp, read once per packet.
     * @param listener   told about malformed packets and messages, and field values CME does not define.
     * @param sourceName for reports.
     * @param counters   of this normaliser.
     */
    public Mdp3Normaliser(
        final EpochNanoClock clock,
        final MalformedInputListener listener,
        final String sourceName,
        final Mdp3NormaliserCounters counters)
    {
        this(clock, listener, sourceName, counters, new Mdp3SequenceTracker(), null);
    }

    /**
     * A normaliser of a live channel that recovers instruments from the snapshot loop.
     *
     * @param clock      epoch nanosecond clock for the ingest timestamp, read once per packet.
     * @param listener   told about malformed packets and messages, and field values CME does not define.
     * @param sourceName for reports.
     * @param counters   of this normaliser.
     * @param tracker    the RptSeq tracker the recovery shares.
     * @param recovery   the channel's recovery state, shared with its {@link Mdp3LiveSource}; null for a capture.
     */
    public Mdp3Normaliser(
        final EpochNanoClock clock,
        final MalformedInputListener listener,
        final String sourceName,
        final Mdp3NormaliserCounters counters,
        final Mdp3SequenceTracker tracker,
        final Mdp3Recovery recovery)
    {
        this.clock = clock;
        this.counters = counters;
        this.writer = new Mdp3FeedWriter(counters);
        // A snapshot packet may also release every held entry.
        this.context = new Mdp3PacketContext(listener, sourceName, writer,
            MAX_MESSAGES_PER_PACKET + (null == recovery ? 0 : recovery.capacity()));
        this.trades = new Mdp3TradeEntries(context, writer, counters);
        this.tracker = tracker;
        this.recovery = recovery;
        this.admission = new Mdp3Admission(this, tracker, recovery, counters);
        this.books = new Mdp3BookEntries(context, admission, recovery, writer);
        this.restatement = new Mdp3Restatement(context, recovery, writer);
        this.statuses = new Mdp3SecurityStatus(context, writer, counters);
        this.definitions = new Mdp3Definitions(context, writer);
        this.decoder = new Mdp3PacketDecoder(this, context::onDecoderMalformed, sourceName);
        if (null != recovery)
        {
            recovery.replay(this);
        }
    }

    /**
     * Publish market by order: the channel's instruments get order books instead of price-level books. Call before
     * the first packet.
     *
     * @param holdCapacity order updates held for instruments waiting for their order book snapshot (53, in units
     *                     tagged {@link Mdp3LiveSource#SNAPSHOT}) after a late join; a unit may release them all, so
     *                     they add to {@link #maxMessagesPerInput()}. 0 for a source without the snapshot loop (a
     *                     capture): order updates are then published as they come. On a live channel (one with a
     *                     {@link Mdp3Recovery}) a gap lost on both lines also makes every order book wait.
     * @return this.
     * @throws IllegalArgumentException for a live channel without a hold: its order books could not recover.
     */
    public Mdp3Normaliser marketByOrder(final int holdCapacity)
    {
        if (null != recovery)
        {
            if (holdCapacity < 1)
            {
                throw new IllegalArgumentException("a live channel's order books need a hold: " + holdCapacity);
            }
            recovery.orderBooks();
        }
        mbo = new Mdp3MarketByOrder(context, writer, counters, holdCapacity);
        books.marketByOrder(mbo);
        context.addMaxMessages(holdCapacity);
        return this;
    }

    /**
     * An OrderUpdate or BookReset of this live market-by-order channel was refused by the ring: subscribers' order
     * books are behind the venue's and nothing says which, so every order book waits for a 53 at or past the last
     * incremental packet (counted as a refused-message recovery). Nothing for a price-level channel.
     */
    void onOrderBooksRefused()
    {
        if (null != mbo && null != recovery)
        {
            mbo.onOrderBooksRefused();
            recovery.onOrderBooksRefused(mbo.lateJoin());
        }
    }

    /**
     * @return true when the normaliser publishes market by order.
     */
    public boolean isMarketByOrder()
    {
        return null != mbo;
    }

    /**
     * @return the counters of this normaliser.
     */
    public Mdp3NormaliserCounters counters()
    {
        return counters;
    }

    /**
     * {@inheritDoc}
     */
    public int maxMessagesPerInput()
    {
        return context.maxMessages();
    }

    /**
     * Normalise one packet.
     *
     * @param sequence position of the packet in its source (a pcap: the file offset of the UDP payload).
     * @param src      holding the packet.
     * @param offset   of the packet header.
     * @param length   of the packet, the UDP payload.
     * @param sink     each feed message is written through.
     * @return messages written, 0 when none (a heartbeat, a duplicate packet, counted only), -1 when the packet was
     * malformed and nothing was written.
     */
    public int normalise(
        final long sequence, final DirectBuffer src, final int offset, final int length, final MessageSink sink)
    {
        this.unit = sequence & Mdp3LiveSource.UNIT_KINDS;
        writer.start(sink);
        restatement.onUnit();
        final long msgSeqNum =
            length >= Mdp3PacketDecoder.PACKET_HEADER_LENGTH ? Mdp3PacketDecoder.msgSeqNum(src, offset) : -1;
        context.start(sequence, msgSeqNum);
        if (length > MAX_PACKET_LENGTH)
        {
            context.malformed(MalformedReason.BAD_MDP3_PACKET, "packet of " + length + " bytes is longer than any " +
                "UDP payload (" + MAX_PACKET_LENGTH + ")");
            return -1;
        }
        if (null != recovery && 0 == unit && recovery.takeSessionRestart())
        {
            // The lines' MsgSeqNum started again: a new session, its books rebuilt from empty.
            tracker.onSessionRestart();
            writer.ingestTimestamp(clock.nanoTime());
            onChannelReset(9, msgSeqNum >= 0 ? Mdp3PacketDecoder.sendingTime(src, offset) : 0, 0, 1);
        }
        if (null != recovery && null != mbo)
        {
            final long gapEnd = recovery.takeOrderBookGap();
            if (gapEnd > 0)
            {
                // Lost on both lines: any order book may have lost orders, only the MBO snapshot loop can tell.
                mbo.onOrderBooksLost(gapEnd);
            }
        }
        if (msgSeqNum >= 0 && 0 == unit && Mdp3SequenceTracker.DUPLICATE == tracker.onPacket(msgSeqNum))
        {
            counters.packetsDuplicate.setRelease(tracker.packetDuplicates());
            return 0;
        }

        writer.ingestTimestamp(clock.nanoTime());
        decoder.decode(src, offset, length, sequence);
        counters.packetGaps.setRelease(tracker.packetGaps());
        counters.packetsMissing.setRelease(tracker.packetsMissing());
        if (null != recovery)
        {
            counters.recovery(recovery);
            if (null != mbo)
            {
                recovery.orderBooksWaiting(mbo.lateJoin());
            }
        }
        return writer.written() > 0 || !context.isMalformed() ? writer.written() : -1;
    }

    /**
     * {@inheritDoc}
     */
    public void onPacket(final long msgSeqNum, final long sendingTime, final int length)
    {
        context.msgSeqNum(msgSeqNum);
        this.sendingTime = sendingTime;
        if (Mdp3LiveSource.SNAPSHOT == unit)
        {
            counters.snapshotPackets.incrementRelease();
        }
        else if (Mdp3LiveSource.DEFINITIONS == unit)
        {
            counters.definitionPackets.incrementRelease();
        }
        else
        {
            counters.packets.incrementRelease();
            if (null != mbo)
            {
                mbo.onIncrementalPacket(msgSeqNum);
            }
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onMessageEnd(final int templateId)
    {
        // Snapshots belong to the recovery channel; an incremental capture has none, a recovery capture is not
        // published (its books would need a RECOVERY reset per instrument).
        if (restatement.onMessageEnd())
        {
            return;
        }
        if (templateId == 53 && null != mbo)
        {
            mbo.onSnapshotOrderBookEnd();
        }
        else if (templateId == 38 || templateId == 52 || templateId == 53)
        {
            counters.messagesSkipped.incrementRelease();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onSkippedMessage(final int templateId, final int version, final int blockLength, final int msgSize)
    {
        counters.messagesSkipped.incrementRelease();
    }

    /**
     * {@inheritDoc}
     */
    public void onHeartbeat(final int version)
    {
        counters.messagesSkipped.incrementRelease();
    }

    /**
     * {@inheritDoc}
     */
    public void onChannelReset(
        final int version, final long transactTime, final int matchEventIndicator, final int entryCount)
    {
        tracker.onChannelReset();
        if (null != recovery)
        {
            recovery.onChannelReset();
        }
        if (null != mbo)
        {
            mbo.onChannelReset();
        }
        if (context.claim())
        {
            writer.bookReset(0, transactTime, BookResetReason.CHANNEL_RESET, 0);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onSecurityStatus(
        final int version, final long transactTime, final CharSequence securityGroup, final CharSequence asset,
        final int securityId, final int tradeDate, final int matchEventIndicator, final int tradingStatus,
        final int haltReason, final int tradingEvent)
    {
        statuses.onStatus(transactTime, securityId, tradingStatus, haltReason);
    }

    /**
     * {@inheritDoc}
     */
    public void onIncrementalRefresh(
        final int templateId, final int version, final long transactTime, final int matchEventIndicator,
        final int entryCount)
    {
        this.templateId = templateId;
        this.transactTime = transactTime;
        if (null != mbo)
        {
            mbo.onMessage(templateId, transactTime);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onBookEntry(
        final int securityId, final long rptSeq, final int updateAction, final byte entryType, final long price,
        final int priceExponent, final int size, final int priceLevel, final int numberOfOrders)
    {
        books.onEntry(templateId, transactTime, context.msgSeqNum(), Mdp3LiveSource.SNAPSHOT == unit, securityId,
            rptSeq, updateAction, entryType, price, priceExponent, size, priceLevel, numberOfOrders);
    }

    /**
     * {@inheritDoc}
     */
    public void onBookOrderEntry(
        final long orderId, final long orderPriority, final int displayQty, final int referenceId,
        final int orderUpdateAction)
    {
        counters.orderEntries.incrementRelease();
        if (null != mbo)
        {
            mbo.onBookOrderEntry(orderId, orderPriority, displayQty, referenceId, orderUpdateAction);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onTradeEntry(
        final int securityId, final long rptSeq, final int updateAction, final long price, final int priceExponent,
        final int size, final int numberOfOrders, final int aggressorSide, final long tradeEntryId)
    {
        if (!admission.admit(securityId, rptSeq, context.msgSeqNum()))
        {
            if (admission.held())
            {
                recovery.hold().trade(templateId, transactTime, securityId, rptSeq, updateAction, price, priceExponent,
                    size, numberOfOrders, aggressorSide, tradeEntryId);
            }
            return;
        }
        trades.onEntry(templateId, transactTime, securityId, rptSeq, updateAction, price, priceExponent, size,
            numberOfOrders, aggressorSide, tradeEntryId);
    }

    /**
     * {@inheritDoc}
     */
    public void onVolumeEntry(final int securityId, final long rptSeq, final int updateAction, final int volume)
    {
        // Volume carries RptSeq like every other update of the instrument: the sequence is checked all the same.
        if (admission.admit(securityId, rptSeq, context.msgSeqNum()))
        {
            counters.volumeEntries.incrementRelease();
        }
        else if (admission.held())
        {
            recovery.hold().volume(securityId, rptSeq, updateAction, volume);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onStatisticsEntry(
        final int securityId, final long rptSeq, final int updateAction, final byte entryType)
    {
        // Statistics count in the instrument's RptSeq: sequenced and held like a book entry, not published.
        if (admission.admit(securityId, rptSeq, context.msgSeqNum()))
        {
            counters.statisticsEntries.incrementRelease();
        }
        else if (admission.held())
        {
            recovery.hold().statistics(templateId, transactTime, securityId, rptSeq, updateAction, entryType);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onOrderEntry(
        final int securityId, final long orderId, final long orderPriority, final int updateAction,
        final byte entryType, final long price, final int priceExponent, final int displayQty)
    {
        counters.orderEntries.incrementRelease();
        if (null != mbo)
        {
            mbo.onOrderEntry(securityId, orderId, orderPriority, updateAction, entryType, price, priceExponent,
                displayQty);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onInstrumentDefinition(final Mdp3InstrumentDefinition def)
    {
        definitions.onDefinition(def, Mdp3LiveSource.DEFINITIONS == unit, sendingTime,
            null == mbo ? BookType.PRICE_LEVEL : BookType.ORDER_BOOK);
    }

    /**
     * {@inheritDoc}
     */
    public void onSnapshot(
        final int templateId, final int version, final long lastMsgSeqNumProcessed, final long totNumReports,
        final int securityId, final long rptSeq, final long transactTime, final long lastUpdateTime,
        final int tradeDate, final int tradingStatus, final long highLimitPrice, final long lowLimitPrice,
        final long maxPriceVariation, final int priceExponent, final int entryCount)
    {
        if (Mdp3LiveSource.SNAPSHOT == unit && restatement.onSnapshot(templateId, lastMsgSeqNumProcessed,
            totNumReports, securityId, rptSeq, transactTime, null == mbo))
        {
            this.transactTime = transactTime;
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onSnapshotEntry(
        final byte entryType, final long price, final int priceExponent, final int size, final int numberOfOrders,
        final int priceLevel, final int tradingReferenceDate, final int openCloseSettlFlag,
        final int settlPriceType)
    {
        restatement.onEntry(entryType, price, priceExponent, size, numberOfOrders, priceLevel, null == mbo);
    }

    /**
     * {@inheritDoc}
     */
    public void onSnapshotOrderBook(
        final int version, final long lastMsgSeqNumProcessed, final long totNumReports, final int securityId,
        final long chunks, final long currentChunk, final long transactTime, final int entryCount)
    {
        if (null != mbo)
        {
            mbo.onSnapshotOrderBook(Mdp3LiveSource.SNAPSHOT == unit, lastMsgSeqNumProcessed, totNumReports,
                securityId, chunks, currentChunk, transactTime);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onSnapshotOrderEntry(
        final long orderId, final long orderPriority, final long price, final int priceExponent,
        final int displayQty, final byte entryType)
    {
        if (null != mbo)
        {
            mbo.onSnapshotOrderEntry(orderId, orderPriority, price, priceExponent, displayQty, entryType);
        }
    }

    /**
     * A RptSeq that went back on a suspect instrument: a ChannelReset both lines lost, handled as if it had arrived.
     */
    void onLostChannelReset()
    {
        onChannelReset(9, transactTime, 0, 1);
    }
}
