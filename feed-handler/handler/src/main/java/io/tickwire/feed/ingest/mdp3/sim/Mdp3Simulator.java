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
package io.tickwire.feed.ingest.mdp3.sim;

import io.tickwire.feed.ingest.mdp3.Mdp3PacketDecoder;
import io.tickwire.feed.ingest.mdp3.Mdp3Schema;
import io.tickwire.sbe.mdp3.AggressorSide;
import io.tickwire.sbe.mdp3.ChannelReset4Encoder;
import io.tickwire.sbe.mdp3.EventType;
import io.tickwire.sbe.mdp3.HaltReason;
import io.tickwire.sbe.mdp3.MDEntryTypeBook;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshBook46Encoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshOrderBook47Encoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshTradeSummary48Encoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshVolume37Encoder;
import io.tickwire.sbe.mdp3.MDInstrumentDefinitionFuture54Encoder;
import io.tickwire.sbe.mdp3.MDUpdateAction;
import io.tickwire.sbe.mdp3.MessageHeaderEncoder;
import io.tickwire.sbe.mdp3.SecurityStatus30Encoder;
import io.tickwire.sbe.mdp3.SecurityTradingEvent;
import io.tickwire.sbe.mdp3.SecurityTradingStatus;
import io.tickwire.sbe.mdp3.SecurityUpdateAction;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * A deterministic CME Globex channel producing MDP 3.0 incremental packets (schema version 9), one packet per call.
 * <p>
 * The session starts as a channel does at the open: an instrument definition (54) for every contract, a
 * SecurityStatus (30) ReadyToTrade per contract, then each contract's book built to its depth with New price
 * levels (46). Then the flow of a trading day: price-level updates (46: a size Change, a New inside the spread or
 * in a gap, a Delete with the level refilled at the bottom) and trades - a TradeSummary (48) at the best price of
 * the side hit, the book update it causes (46) and the cumulative volume (37) - each event one or several
 * messages ending with EndOfEvent. Packets carry one to four events, never more than {@link #MAX_PACKET} bytes.
 * <p>
 * Packet MsgSeqNum rises by one from 1, RptSeq by one per entry of each contract across templates 46, 48 and 37;
 * TransactTime and SendingTime come from a simulated clock starting at 14:30:00 UTC on 2026-12-04. Every bid stays
 * below the contract's best offer, so books are never locked or crossed. Activity is skewed towards the first
 * contracts. The same seed and contract count give the same bytes; nothing is allocated per packet.
 * <p>
 * Market by order (the constructor's flag): each level is made of 1 to {@link Mdp3OrderFlow#MAX_ORDERS_PER_LEVEL}
 * orders ({@link Mdp3OrderFlow}); every 46 carries the order entries behind its levels, levels pushed out of the
 * depth have their orders deleted in a 47, and one event in eight moves an order to the back of its level (a 47
 * alone). Books are built one order per level; other seeds' bytes than without it.
 */
public final class Mdp3Simulator
{
    /** Largest packet written: UDP payloads stay below an Ethernet MTU of 1500 with room for tunnels. */
    public static final int MAX_PACKET = 1400;
    /** Price levels per side (GBX market depth). */
    public static final int DEPTH = 10;
    /** Contracts at most: twelve products, twenty quarterly expiries each. */
    public static final int MAX_INSTRUMENTS = Mdp3Instrument.PRODUCTS * Mdp3Instrument.EXPIRIES;
    /** SecurityID of the first contract; the others follow. */
    public static final int FIRST_SECURITY_ID = 42_001;
    /** 2026-12-04 14:30:00 UTC in nanoseconds since the epoch. */
    public static final long START_NS = 1_796_394_600_000_000_000L;
    /** ApplID of the simulated channel. */
    public static final short APPL_ID = 310;
    /** Trade date of the session: days since the epoch. */
    public static final int TRADE_DATE = (int)(START_NS / 86_400_000_000_000L);

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final int DEFINITION_RESERVE = 400;
    private static final int STATUS_RESERVE = 48;
    private static final int BOOK_BUILD_RESERVE = 32 + 2 * DEPTH * 32 + 8;
    private static final int EVENT_RESERVE = 256;
    private static final int MBO_BOOK_BUILD_RESERVE = BOOK_BUILD_RESERVE + 2 * DEPTH * 24 + 8;
    private static final int MBO_EVENT_RESERVE = 720;

    private static final int PHASE_DEFINITIONS = 0;
    private static final int PHASE_STATUS = 1;
    private static final int PHASE_BOOKS = 2;
    private static final int PHASE_FLOW = 3;

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final MDInstrumentDefinitionFuture54Encoder definition = new MDInstrumentDefinitionFuture54Encoder();
    private final SecurityStatus30Encoder status = new SecurityStatus30Encoder();
    private final MDIncrementalRefreshBook46Encoder book = new MDIncrementalRefreshBook46Encoder();
    private final MDIncrementalRefreshTradeSummary48Encoder trade = new MDIncrementalRefreshTradeSummary48Encoder();
    private final MDIncrementalRefreshVolume37Encoder volume = new MDIncrementalRefreshVolume37Encoder();
    private final ChannelReset4Encoder channelReset = new ChannelReset4Encoder();
    private final MDIncrementalRefreshOrderBook47Encoder orderBook = new MDIncrementalRefreshOrderBook47Encoder();

    private final Mdp3Instrument[] instruments;
    private final Mdp3BookUpdates updates = new Mdp3BookUpdates(2 * DEPTH);
    private final Mdp3OrderFlow orders;
    private final int bookBuildReserve;
    private final int eventReserve;

    private long state;
    private long clock = START_NS;
    private long msgSeqNum;
    private long tradeEntryId;
    private int phase = PHASE_DEFINITIONS;
    private int phaseIndex;
    private boolean resetPending;

    private MutableDirectBuffer buffer;
    private int position;

    /**
     * A simulated channel of a number of contracts.
     *
     * @param seed        of the pseudo-random sequence: the same seed gives the same packets.
     * @param instruments number of contracts, 1 to {@link #MAX_INSTRUMENTS}.
     */
    public Mdp3Simulator(final long seed, final int instruments)
    {
        this(seed, instruments, false);
    }

    /**
     * A simulated channel of a number of contracts, sending market by order or not.
     *
     * @param seed          of the pseudo-random sequence: the same seed gives the same packets.
     * @param instruments   number of contracts, 1 to {@link #MAX_INSTRUMENTS}.
     * @param marketByOrder true to send the orders behind the levels (46 order entries, 47).
     */
    public Mdp3Simulator(final long seed, final int instruments, final boolean marketByOrder)
    {
        if (instruments < 1 || instruments > MAX_INSTRUMENTS)
        {
            throw new IllegalArgumentException("instruments must be 1.." + MAX_INSTRUMENTS + ": " + instruments);
        }
        this.state = seed;
        this.instruments = new Mdp3Instrument[instruments];
        for (int i = 0; i < instruments; i++)
        {
            final long start = Mdp3Instrument.startTicks(i);
            final long price = start + nextInt((int)(start / 20)) - start / 40;
            this.instruments[i] = new Mdp3Instrument(i, FIRST_SECURITY_ID + i, price, DEPTH);
        }
        this.orders = marketByOrder ? new Mdp3OrderFlow(instruments) : null;
        this.bookBuildReserve = marketByOrder ? MBO_BOOK_BUILD_RESERVE : BOOK_BUILD_RESERVE;
        this.eventReserve = marketByOrder ? MBO_EVENT_RESERVE : EVENT_RESERVE;
    }

    /**
     * @return true when the channel sends market by order.
     */
    public boolean isMarketByOrder()
    {
        return null != orders;
    }

    Mdp3OrderFlow orders()
    {
        return orders;
    }

    /**
     * Number of contracts.
     *
     * @return the count.
     */
    public int instrumentCount()
    {
        return instruments.length;
    }

    Mdp3Instrument instrument(final int index)
    {
        return instruments[index];
    }

    /**
     * MsgSeqNum of the last packet written.
     *
     * @return 0 before the first packet.
     */
    public long msgSeqNum()
    {
        return msgSeqNum;
    }

    /**
     * SendingTime of the last packet written: the simulated clock when it left.
     *
     * @return nanoseconds since the epoch.
     */
    public long sendingTime()
    {
        return clock;
    }

    /**
     * Write the next packet: header and messages.
     *
     * @param dst    buffer with room for {@link #MAX_PACKET} bytes from {@code offset}.
     * @param offset where the packet starts.
     * @return the packet's length.
     */
    public int next(final MutableDirectBuffer dst, final int offset)
    {
        buffer = dst;
        position = offset + Mdp3PacketDecoder.PACKET_HEADER_LENGTH;
        final int limit = offset + MAX_PACKET;
        if (resetPending)
        {
            writeChannelReset();
        }
        else
        {
            body(limit);
        }
        clock += 2_000 + nextInt(8_000);
        dst.putInt(offset, (int)++msgSeqNum, LE);
        dst.putLong(offset + 4, clock, LE);
        return position - offset;
    }

    /**
     * Make the next packet a ChannelReset (4), as CME sends after a failure on its side: every book is emptied and
     * every RptSeq starts again, then the packets after it build the books again as at the start of the session.
     */
    public void channelReset()
    {
        resetPending = true;
    }

    /**
     * Write a packet of the instrument definition loop: the definition (54) of one contract, the packet numbered
     * by its place in the loop (1 to the number of contracts), as CME's definition channel repeats them.
     *
     * @param dst    buffer with room for {@link #MAX_PACKET} bytes from {@code offset}.
     * @param offset where the packet starts.
     * @param index  of the contract, 0 to {@link #instrumentCount()} - 1.
     * @return the packet's length.
     */
    public int definitionPacket(final MutableDirectBuffer dst, final int offset, final int index)
    {
        buffer = dst;
        position = offset + Mdp3PacketDecoder.PACKET_HEADER_LENGTH;
        writeDefinition(instruments[index]);
        dst.putInt(offset, index + 1, LE);
        dst.putLong(offset + 4, clock, LE);
        return position - offset;
    }

    private void writeChannelReset()
    {
        resetPending = false;
        channelReset.wrapAndApplyHeader(buffer, start(), header).transactTime(clock).matchEventIndicator().clear()
            .endOfEvent(true);
        channelReset.noMDEntriesCount(1).next().applID(APPL_ID);
        finish(channelReset.encodedLength());
        for (final Mdp3Instrument instrument : instruments)
        {
            instrument.bids.clear();
            instrument.offers.clear();
            instrument.rptSeq = 0;
        }
        if (null != orders)
        {
            orders.clear();
        }
        phase = PHASE_BOOKS;
        phaseIndex = 0;
    }

    private void body(final int limit)
    {
        switch (phase)
        {
            case PHASE_DEFINITIONS:
                while (phaseIndex < instruments.length && limit - position >= DEFINITION_RESERVE)
                {
                    writeDefinition(instruments[phaseIndex++]);
                }
                nextPhaseWhenDone(PHASE_STATUS);
                break;

            case PHASE_STATUS:
                while (phaseIndex < instruments.length && limit - position >= STATUS_RESERVE)
                {
                    writeStatus(instruments[phaseIndex++]);
                }
                nextPhaseWhenDone(PHASE_BOOKS);
                break;

            case PHASE_BOOKS:
                while (phaseIndex < instruments.length && limit - position >= bookBuildReserve)
                {
                    buildBook(instruments[phaseIndex++]);
                }
                nextPhaseWhenDone(PHASE_FLOW);
                break;

            default:
                final int events = 1 + nextInt(4);
                for (int i = 0; i < events && limit - position >= eventReserve; i++)
                {
                    event();
                }
                break;
        }
    }

    private void nextPhaseWhenDone(final int nextPhase)
    {
        if (phaseIndex == instruments.length)
        {
            phase = nextPhase;
            phaseIndex = 0;
        }
    }

    private void event()
    {
        clock += 1_000 + nextInt(150_000);
        // Product of two uniforms: the front contracts get most of the flow, as on a real channel.
        final int n = instruments.length;
        final Mdp3Instrument instrument = instruments[(int)(((long)nextInt(n) * nextInt(n)) / n)];
        if (null != orders && nextInt(8) == 0 && requeueEvent(instrument))
        {
            return;
        }
        if (nextInt(4) == 0 && tradeEvent(instrument))
        {
            return;
        }
        quoteEvent(instrument);
    }

    private boolean tradeEvent(final Mdp3Instrument instrument)
    {
        final boolean buyerAggressor = nextInt(2) == 0;
        final Mdp3BookSide side = instrument.side(!buyerAggressor);
        if (side.count() == 0)
        {
            return false;
        }
        final int levelSize = side.size(1);
        final int quantity = nextInt(4) == 0 ? levelSize : 1 + nextInt(Math.max(1, Math.min(levelSize - 1, 20)));
        final long price = side.price(1);

        trade.wrapAndApplyHeader(buffer, start(), header).transactTime(clock).matchEventIndicator().clear()
            .lastTradeMsg(true);
        final MDIncrementalRefreshTradeSummary48Encoder.NoMDEntriesEncoder entry = trade.noMDEntriesCount(1).next();
        entry.mDEntryPx().mantissa(instrument.mantissa(price));
        entry.mDEntrySize(quantity).securityID(instrument.securityId).rptSeq(instrument.nextRptSeq())
            .numberOfOrders(1 + nextInt(Math.min(quantity, side.orders(1))))
            .aggressorSide(buyerAggressor ? AggressorSide.Buy : AggressorSide.Sell)
            .mDUpdateAction(MDUpdateAction.New).mDTradeEntryID(++tradeEntryId);
        trade.noOrderIDEntriesCount(0);
        finish(trade.encodedLength());

        updates.clear();
        if (quantity >= levelSize)
        {
            deleteAndRefill(side, 1);
        }
        else
        {
            final int orders = Math.max(1, side.orders(1) - nextInt(2));
            updates.change(side, 1, levelSize - quantity, Math.min(orders, levelSize - quantity));
        }
        writeBook(instrument, false);

        instrument.volume += quantity;
        volume.wrapAndApplyHeader(buffer, start(), header).transactTime(clock).matchEventIndicator().clear()
            .lastVolumeMsg(true).endOfEvent(true);
        volume.noMDEntriesCount(1).next().mDEntrySize(instrument.volume).securityID(instrument.securityId)
            .rptSeq(instrument.nextRptSeq()).mDUpdateAction(MDUpdateAction.New);
        finish(volume.encodedLength());
        return true;
    }

    private boolean requeueEvent(final Mdp3Instrument instrument)
    {
        final boolean bid = nextInt(2) == 0;
        final Mdp3BookSide side = instrument.side(bid);
        if (side.count() == 0 || !orders.requeue(instrument, bid, side.price(1 + nextInt(side.count()))))
        {
            return false;
        }
        writeOrderBook(instrument, true);
        return true;
    }

    private void quoteEvent(final Mdp3Instrument instrument)
    {
        final boolean bid = nextInt(2) == 0;
        final Mdp3BookSide side = instrument.side(bid);
        final Mdp3BookSide other = instrument.side(!bid);
        updates.clear();
        final int choice = nextInt(10);
        final int count = side.count();
        if (count == 0)
        {
            final long price = other.count() == 0 ? instrument.referencePriceTicks : side.away(other.price(1), 1);
            final int size = levelSize();
            updates.insert(side, 1, price, size, ordersFor(size));
        }
        else if (choice < 5)
        {
            final int level = 1 + nextInt(count);
            final int size = Math.max(1, side.size(level) + nextInt(side.size(level) + 10) - side.size(level) / 2);
            updates.change(side, level, size,
                Math.max(1, Math.min(null == orders ? size : Math.min(size, maxOrders()),
                side.orders(level) + nextInt(3) - 1)));
        }
        else if (choice < 7)
        {
            insertLevel(side, other);
        }
        else
        {
            deleteAndRefill(side, 1 + nextInt(count));
        }
        if (updates.count() > 0)
        {
            writeBook(instrument, true);
        }
    }

    private void insertLevel(final Mdp3BookSide side, final Mdp3BookSide other)
    {
        // Improve the best price by a tick when the spread leaves room (never locking or crossing the book), else
        // fill a gap deeper in the book, else add a level at the bottom.
        final int count = side.count();
        final int size = levelSize();
        final long better = side.away(side.price(1), -1);
        if (other.count() == 0 || side.better(other.price(1), better))
        {
            updates.insert(side, 1, better, size, ordersFor(size));
            return;
        }
        final int level = 1 + nextInt(count);
        if (level < count && Math.abs(side.price(level) - side.price(level + 1)) >= 2)
        {
            updates.insert(side, level + 1, side.away(side.price(level), 1), size, ordersFor(size));
        }
        else if (count < side.depth() && side.away(side.price(count), 1) > 0)
        {
            updates.insert(side, count + 1, side.away(side.price(count), 1), size, ordersFor(size));
        }
    }

    private void deleteAndRefill(final Mdp3BookSide side, final int level)
    {
        final long deleted = side.price(level);
        updates.delete(side, level);
        final long worst = side.count() == 0 ? deleted : side.price(side.count());
        final long refill = side.away(worst, 1 + nextInt(2));
        if (refill > 0)
        {
            final int size = levelSize();
            updates.insert(side, side.count() + 1, refill, size, ordersFor(size));
        }
    }

    private void buildBook(final Mdp3Instrument instrument)
    {
        clock += 1_000 + nextInt(20_000);
        updates.clear();
        final long mid = instrument.referencePriceTicks;
        for (int level = 1; level <= DEPTH && mid - level > 0; level++)
        {
            // Market by order builds a level from one order, so that a whole book fits one packet.
            final int bidSize = levelSize();
            updates.insert(instrument.bids, level, mid - level, bidSize, null == orders ? ordersFor(bidSize) : 1);
            final int offerSize = levelSize();
            updates.insert(instrument.offers, level, mid + level - 1, offerSize,
                null == orders ? ordersFor(offerSize) : 1);
        }
        writeBook(instrument, true);
    }

    private void writeBook(final Mdp3Instrument instrument, final boolean endOfEvent)
    {
        if (null != orders)
        {
            orders.stage(instrument, updates);
            if (orders.bookEntryCount() > 0)
            {
                // Orders of levels the price book dropped: CME sends order changes it does not show in a 47.
                writeOrderBook(instrument, false);
            }
        }
        book.wrapAndApplyHeader(buffer, start(), header).transactTime(clock).matchEventIndicator().clear()
            .lastQuoteMsg(true).endOfEvent(endOfEvent);
        final MDIncrementalRefreshBook46Encoder.NoMDEntriesEncoder entries = book.noMDEntriesCount(updates.count());
        for (int i = 0; i < updates.count(); i++)
        {
            entries.next().mDEntryPx().mantissa(instrument.mantissa(updates.price(i)));
            entries.mDEntrySize(updates.size(i)).securityID(instrument.securityId).rptSeq(instrument.nextRptSeq())
                .numberOfOrders(updates.orders(i)).mDPriceLevel((short)updates.level(i))
                .mDUpdateAction(updates.action(i))
                .mDEntryType(updates.bid(i) ? MDEntryTypeBook.Bid : MDEntryTypeBook.Offer);
        }
        if (null == orders)
        {
            book.noOrderIDEntriesCount(0);
        }
        else
        {
            orders.encodeOrderEntries(book);
        }
        finish(book.encodedLength());
    }

    private void writeOrderBook(final Mdp3Instrument instrument, final boolean endOfEvent)
    {
        orderBook.wrapAndApplyHeader(buffer, start(), header).transactTime(clock).matchEventIndicator().clear()
            .lastQuoteMsg(true).endOfEvent(endOfEvent);
        orders.encodeBookEntries(orderBook, instrument);
        finish(orderBook.encodedLength());
    }

    private void writeDefinition(final Mdp3Instrument instrument)
    {
        final MDInstrumentDefinitionFuture54Encoder e = definition.wrapAndApplyHeader(buffer, start(), header);
        e.matchEventIndicator().clear();
        e.totNumReports(instruments.length).securityUpdateAction(SecurityUpdateAction.Add).lastUpdateTime(clock)
            .mDSecurityTradingStatus(SecurityTradingStatus.ReadyToTrade).applID(APPL_ID)
            .marketSegmentID(instrument.marketSegmentId).underlyingProduct(instrument.underlyingProduct)
            .securityExchange("XCME").securityGroup(instrument.root).asset(instrument.root)
            .symbol(instrument.symbol).securityID(instrument.securityId).securityType("FUT").cFICode("FFICSX");
        e.maturityMonthYear().year(instrument.maturityYear).month(instrument.maturityMonth).day((short)255)
            .week((short)255);
        e.currency("USD").settlCurrency("USD").matchAlgorithm((byte)'F').minTradeVol(1L).maxTradeVol(3000L);
        e.minPriceIncrement().mantissa(instrument.tickMantissa);
        e.displayFactor().mantissa(1_000_000_000L);
        e.mainFraction((short)255).subFraction((short)255).priceDisplayFormat((short)2)
            .unitOfMeasure(instrument.unitOfMeasure);
        e.unitOfMeasureQty().mantissa(instrument.multiplier * 1_000_000_000L);
        e.tradingReferencePrice().mantissa(instrument.mantissa(instrument.referencePriceTicks));
        e.settlPriceType().clear().actual(true).finalDaily(true);
        e.openInterestQty(Mdp3Schema.NULL_INT32).clearedVolume(Mdp3Schema.NULL_INT32);
        e.highLimitPrice().mantissa(instrument.mantissa(instrument.referencePriceTicks * 107 / 100));
        e.lowLimitPrice().mantissa(instrument.mantissa(instrument.referencePriceTicks * 93 / 100));
        e.maxPriceVariation().mantissa(instrument.mantissa(instrument.referencePriceTicks / 100));
        e.decayQuantity(Mdp3Schema.NULL_INT32).decayStartDate(Mdp3Schema.NULL_LOCAL_MKT_DATE)
            .originalContractSize(Mdp3Schema.NULL_INT32).contractMultiplier(Mdp3Schema.NULL_INT32)
            .contractMultiplierUnit((byte)Mdp3Schema.NULL_INT8).flowScheduleType((byte)Mdp3Schema.NULL_INT8);
        e.minPriceIncrementAmount().mantissa(instrument.tickMantissa * instrument.multiplier);
        e.userDefinedInstrument((byte)'N').tradingReferenceDate(TRADE_DATE - 1);
        final MDInstrumentDefinitionFuture54Encoder.NoEventsEncoder events = e.noEventsCount(2);
        events.next().eventType(EventType.Activation).eventTime(instrument.activationNs);
        events.next().eventType(EventType.LastEligibleTradeDate).eventTime(instrument.lastTradeNs);
        final MDInstrumentDefinitionFuture54Encoder.NoMDFeedTypesEncoder feeds = e.noMDFeedTypesCount(2);
        feeds.next().mDFeedType("GBX").marketDepth((byte)DEPTH);
        feeds.next().mDFeedType("GBI").marketDepth((byte)2);
        e.noInstAttribCount(1).next().instAttribValue().clear().electronicMatchEligible(true);
        e.noLotTypeRulesCount(0);
        finish(e.encodedLength());
    }

    private void writeStatus(final Mdp3Instrument instrument)
    {
        final SecurityStatus30Encoder e = status.wrapAndApplyHeader(buffer, start(), header);
        e.transactTime(clock).securityGroup(instrument.root).asset(instrument.root)
            .securityID(instrument.securityId).tradeDate(TRADE_DATE);
        e.matchEventIndicator().clear().endOfEvent(true);
        e.securityTradingStatus(SecurityTradingStatus.ReadyToTrade).haltReason(HaltReason.GroupSchedule)
            .securityTradingEvent(SecurityTradingEvent.NoEvent);
        finish(e.encodedLength());
    }

    private int levelSize()
    {
        // Mostly tens of lots, now and then a few hundred, as at the top of a liquid futures book.
        return nextInt(8) == 0 ? 100 + nextInt(400) : 1 + nextInt(60);
    }

    private int ordersFor(final int size)
    {
        return 1 + nextInt(Math.min(size, maxOrders()));
    }

    private int maxOrders()
    {
        return null == orders ? 25 : Mdp3OrderFlow.MAX_ORDERS_PER_LEVEL;
    }

    private int start()
    {
        return position + Mdp3PacketDecoder.MSG_SIZE_LENGTH;
    }

    private void finish(final int bodyLength)
    {
        final int msgSize = Mdp3PacketDecoder.MSG_SIZE_LENGTH + MessageHeaderEncoder.ENCODED_LENGTH + bodyLength;
        buffer.putShort(position, (short)msgSize, LE);
        position += msgSize;
    }

    private int nextInt(final int bound)
    {
        // SplitMix64, then a multiply-shift into [0, bound): deterministic on every JVM, no allocation.
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int)(((z >>> 32) * bound) >>> 32);
    }
}
