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

import io.tickwire.sbe.mdp3.AdminHeartbeat12Encoder;
import io.tickwire.sbe.mdp3.AggressorSide;
import io.tickwire.sbe.mdp3.ChannelReset4Encoder;
import io.tickwire.sbe.mdp3.EventType;
import io.tickwire.sbe.mdp3.HaltReason;
import io.tickwire.sbe.mdp3.LegSide;
import io.tickwire.sbe.mdp3.MDEntryType;
import io.tickwire.sbe.mdp3.MDEntryTypeBook;
import io.tickwire.sbe.mdp3.MDEntryTypeDailyStatistics;
import io.tickwire.sbe.mdp3.MDEntryTypeStatistics;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshBook32Encoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshBook46Encoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshDailyStatistics33Encoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshDailyStatistics49Encoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshLimitsBanding34Encoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshLimitsBanding50Encoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshOrderBook47Encoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshSessionStatistics35Encoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshSessionStatistics51Encoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshTradeSummary42Encoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshTradeSummary48Encoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshVolume37Encoder;
import io.tickwire.sbe.mdp3.MDInstrumentDefinitionFuture54Encoder;
import io.tickwire.sbe.mdp3.MDInstrumentDefinitionSpread56Encoder;
import io.tickwire.sbe.mdp3.MDUpdateAction;
import io.tickwire.sbe.mdp3.MessageHeaderEncoder;
import io.tickwire.sbe.mdp3.OpenCloseSettlFlag;
import io.tickwire.sbe.mdp3.OrderUpdateAction;
import io.tickwire.sbe.mdp3.SecurityStatus30Encoder;
import io.tickwire.sbe.mdp3.SecurityTradingEvent;
import io.tickwire.sbe.mdp3.SecurityTradingStatus;
import io.tickwire.sbe.mdp3.SecurityUpdateAction;
import io.tickwire.sbe.mdp3.SnapshotFullRefresh38Encoder;
import io.tickwire.sbe.mdp3.SnapshotFullRefresh52Encoder;
import io.tickwire.sbe.mdp3.SnapshotFullRefreshOrderBook53Encoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Builds MDP 3.0 packets for tests with the generated encoders of the project's schema: a packet header, then
 * messages of every decoded template of schema version 9 with fixed, recognisable values, or raw bytes. Offsets of
 * the messages appended are kept so that tests can corrupt them.
 */
final class Mdp3TestPackets
{
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[8192]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private int length;
    private int lastMessageOffset;

    Mdp3TestPackets(final long msgSeqNum, final long sendingTime)
    {
        buffer.putInt(0, (int)msgSeqNum, LE);
        buffer.putLong(4, sendingTime, LE);
        length = Mdp3PacketDecoder.PACKET_HEADER_LENGTH;
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    int length()
    {
        return length;
    }

    byte[] bytes()
    {
        return Arrays.copyOf(buffer.byteArray(), length);
    }

    /** Offset in the packet of the last message appended (its MsgSize). */
    int lastMessageOffset()
    {
        return lastMessageOffset;
    }

    Mdp3TestPackets raw(final byte[] message)
    {
        lastMessageOffset = length;
        buffer.putBytes(length, message);
        length += message.length;
        return this;
    }

    Mdp3TestPackets truncate(final int newLength)
    {
        length = newLength;
        return this;
    }

    Mdp3TestPackets channelReset()
    {
        final ChannelReset4Encoder e = new ChannelReset4Encoder().wrapAndApplyHeader(buffer, start(), header);
        e.transactTime(1_000L).matchEventIndicator().clear().endOfEvent(true);
        e.noMDEntriesCount(1).next().applID((short)310);
        return finish(e.encodedLength());
    }

    Mdp3TestPackets heartbeat()
    {
        final AdminHeartbeat12Encoder e = new AdminHeartbeat12Encoder().wrapAndApplyHeader(buffer, start(), header);
        return finish(e.encodedLength());
    }

    Mdp3TestPackets securityStatus()
    {
        final SecurityStatus30Encoder e = new SecurityStatus30Encoder().wrapAndApplyHeader(buffer, start(), header);
        e.transactTime(2_000L).securityGroup("ES").asset("ES").securityID(13950).tradeDate(16_739);
        e.matchEventIndicator().clear().endOfEvent(true);
        e.securityTradingStatus(SecurityTradingStatus.ReadyToTrade).haltReason(HaltReason.GroupSchedule)
            .securityTradingEvent(SecurityTradingEvent.NoEvent);
        return finish(e.encodedLength());
    }

    Mdp3TestPackets book(final int securityId, final long rptSeq, final long price, final int size)
    {
        final MDIncrementalRefreshBook46Encoder e =
            new MDIncrementalRefreshBook46Encoder().wrapAndApplyHeader(buffer, start(), header);
        e.transactTime(3_000L).matchEventIndicator().clear().lastQuoteMsg(true).endOfEvent(true);
        final MDIncrementalRefreshBook46Encoder.NoMDEntriesEncoder entries = e.noMDEntriesCount(2);
        entries.next().mDEntryPx().mantissa(price);
        entries.mDEntrySize(size).securityID(securityId).rptSeq(rptSeq).numberOfOrders(3).mDPriceLevel((short)1)
            .mDUpdateAction(MDUpdateAction.New).mDEntryType(MDEntryTypeBook.Bid);
        entries.next().mDEntryPx().mantissa(Mdp3Schema.NULL_MANTISSA);
        entries.mDEntrySize(Mdp3Schema.NULL_INT32).securityID(securityId).rptSeq(rptSeq + 1)
            .numberOfOrders(Mdp3Schema.NULL_INT32).mDPriceLevel((short)2).mDUpdateAction(MDUpdateAction.Delete)
            .mDEntryType(MDEntryTypeBook.ImpliedOffer);
        e.noOrderIDEntriesCount(1).next().orderID(777L).mDOrderPriority(12L).mDDisplayQty(size)
            .referenceID((short)1).orderUpdateAction(OrderUpdateAction.New);
        return finish(e.encodedLength());
    }

    /**
     * MDIncrementalRefreshBook 46 of one entry, no orders.
     */
    Mdp3TestPackets bookEntry(
        final int securityId, final long rptSeq, final MDUpdateAction action, final MDEntryTypeBook type,
        final long price, final int size, final int level)
    {
        final MDIncrementalRefreshBook46Encoder e =
            new MDIncrementalRefreshBook46Encoder().wrapAndApplyHeader(buffer, start(), header);
        e.transactTime(3_000L).matchEventIndicator().clear().lastQuoteMsg(true).endOfEvent(true);
        final MDIncrementalRefreshBook46Encoder.NoMDEntriesEncoder entries = e.noMDEntriesCount(1);
        entries.next().mDEntryPx().mantissa(price);
        entries.mDEntrySize(size).securityID(securityId).rptSeq(rptSeq).numberOfOrders(1).mDPriceLevel((short)level)
            .mDUpdateAction(action).mDEntryType(type);
        e.noOrderIDEntriesCount(0);
        return finish(e.encodedLength());
    }

    /**
     * MDIncrementalRefreshBook 32 (prices at -7) of one bid entry, as {@link #bookEntry} writes at -9.
     */
    Mdp3TestPackets book32(final int securityId, final long rptSeq, final long price7, final int size)
    {
        final MDIncrementalRefreshBook32Encoder e =
            new MDIncrementalRefreshBook32Encoder().wrapAndApplyHeader(buffer, start(), header);
        e.transactTime(3_000L).matchEventIndicator().clear().lastQuoteMsg(true).endOfEvent(true);
        final MDIncrementalRefreshBook32Encoder.NoMDEntriesEncoder entries = e.noMDEntriesCount(1);
        entries.next().mDEntryPx().mantissa(price7);
        entries.mDEntrySize(size).securityID(securityId).rptSeq(rptSeq).numberOfOrders(1).mDPriceLevel((short)1)
            .mDUpdateAction(MDUpdateAction.New).mDEntryType(MDEntryTypeBook.Bid);
        e.noOrderIDEntriesCount(0);
        return finish(e.encodedLength());
    }

    /**
     * MDIncrementalRefreshTradeSummary 42 (prices at -7) of one trade, aggressor buy.
     */
    Mdp3TestPackets trade42(final int securityId, final long rptSeq, final long price7, final int size)
    {
        final MDIncrementalRefreshTradeSummary42Encoder e =
            new MDIncrementalRefreshTradeSummary42Encoder().wrapAndApplyHeader(buffer, start(), header);
        e.transactTime(5_000L).matchEventIndicator().clear().lastTradeMsg(true);
        final MDIncrementalRefreshTradeSummary42Encoder.NoMDEntriesEncoder entries = e.noMDEntriesCount(1);
        entries.next().mDEntryPx().mantissa(price7);
        entries.mDEntrySize(size).securityID(securityId).rptSeq(rptSeq).numberOfOrders(2)
            .aggressorSide(AggressorSide.Buy).mDUpdateAction(MDUpdateAction.New).mDTradeEntryID(98L);
        e.noOrderIDEntriesCount(0);
        return finish(e.encodedLength());
    }

    Mdp3TestPackets volume(final int securityId, final long rptSeq, final int volume)
    {
        final MDIncrementalRefreshVolume37Encoder e =
            new MDIncrementalRefreshVolume37Encoder().wrapAndApplyHeader(buffer, start(), header);
        e.transactTime(4_000L).matchEventIndicator().clear().lastVolumeMsg(true);
        e.noMDEntriesCount(1).next().mDEntrySize(volume).securityID(securityId).rptSeq(rptSeq)
            .mDUpdateAction(MDUpdateAction.New);
        return finish(e.encodedLength());
    }

    Mdp3TestPackets trade(final int securityId, final long rptSeq, final long price, final int size)
    {
        final MDIncrementalRefreshTradeSummary48Encoder e =
            new MDIncrementalRefreshTradeSummary48Encoder().wrapAndApplyHeader(buffer, start(), header);
        e.transactTime(5_000L).matchEventIndicator().clear().lastTradeMsg(true);
        final MDIncrementalRefreshTradeSummary48Encoder.NoMDEntriesEncoder entries = e.noMDEntriesCount(1);
        entries.next().mDEntryPx().mantissa(price);
        entries.mDEntrySize(size).securityID(securityId).rptSeq(rptSeq).numberOfOrders(2)
            .aggressorSide(AggressorSide.Sell).mDUpdateAction(MDUpdateAction.New).mDTradeEntryID(99L);
        final MDIncrementalRefreshTradeSummary48Encoder.NoOrderIDEntriesEncoder orders = e.noOrderIDEntriesCount(2);
        orders.next().orderID(1001L).lastQty(size);
        orders.next().orderID(1002L).lastQty(size);
        return finish(e.encodedLength());
    }

    /**
     * A trade entry of template 48 that busts (Delete) or corrects (Change) the trade of MDTradeEntryID
     * {@code tradeEntryId} ({@link Mdp3Schema#NULL_UINT32} for none).
     */
    Mdp3TestPackets trade(
        final int securityId, final long rptSeq, final long price, final int size, final MDUpdateAction action,
        final long tradeEntryId)
    {
        final MDIncrementalRefreshTradeSummary48Encoder e =
            new MDIncrementalRefreshTradeSummary48Encoder().wrapAndApplyHeader(buffer, start(), header);
        e.transactTime(5_500L).matchEventIndicator().clear().lastTradeMsg(true);
        final MDIncrementalRefreshTradeSummary48Encoder.NoMDEntriesEncoder entries = e.noMDEntriesCount(1);
        entries.next().mDEntryPx().mantissa(price);
        entries.mDEntrySize(size).securityID(securityId).rptSeq(rptSeq).numberOfOrders(0)
            .aggressorSide(AggressorSide.NoAggressor).mDUpdateAction(action).mDTradeEntryID(tradeEntryId);
        e.noOrderIDEntriesCount(0);
        return finish(e.encodedLength());
    }

    /** MDIncrementalRefreshDailyStatistics 49: a settlement price. */
    Mdp3TestPackets dailyStatistics(final int securityId, final long rptSeq)
    {
        final MDIncrementalRefreshDailyStatistics49Encoder e =
            new MDIncrementalRefreshDailyStatistics49Encoder().wrapAndApplyHeader(buffer, start(), header);
        e.transactTime(6_000L).matchEventIndicator().clear().lastStatsMsg(true);
        final MDIncrementalRefreshDailyStatistics49Encoder.NoMDEntriesEncoder entry = e.noMDEntriesCount(1).next();
        entry.mDEntryPx().mantissa(5_100_250_000_000L);
        entry.mDEntrySize(Mdp3Schema.NULL_INT32).securityID(securityId).rptSeq(rptSeq).tradingReferenceDate(20_791)
            .settlPriceType().clear().finalDaily(true);
        entry.mDUpdateAction(MDUpdateAction.New).mDEntryType(MDEntryTypeDailyStatistics.SettlementPrice);
        return finish(e.encodedLength());
    }

    /** MDIncrementalRefreshLimitsBanding 50: high and low limits. */
    Mdp3TestPackets limitsBanding(final int securityId, final long rptSeq)
    {
        final MDIncrementalRefreshLimitsBanding50Encoder e =
            new MDIncrementalRefreshLimitsBanding50Encoder().wrapAndApplyHeader(buffer, start(), header);
        e.transactTime(6_100L).matchEventIndicator().clear().lastStatsMsg(true);
        final MDIncrementalRefreshLimitsBanding50Encoder.NoMDEntriesEncoder entry = e.noMDEntriesCount(1).next();
        entry.highLimitPrice().mantissa(5_400_000_000_000L);
        entry.lowLimitPrice().mantissa(4_800_000_000_000L);
        entry.maxPriceVariation().mantissa(Mdp3Schema.NULL_MANTISSA);
        entry.securityID(securityId).rptSeq(rptSeq);
        return finish(e.encodedLength());
    }

    /** MDIncrementalRefreshSessionStatistics 51: a session high. */
    Mdp3TestPackets sessionStatistics(final int securityId, final long rptSeq)
    {
        final MDIncrementalRefreshSessionStatistics51Encoder e =
            new MDIncrementalRefreshSessionStatistics51Encoder().wrapAndApplyHeader(buffer, start(), header);
        e.transactTime(6_200L).matchEventIndicator().clear().lastStatsMsg(true);
        final MDIncrementalRefreshSessionStatistics51Encoder.NoMDEntriesEncoder entry = e.noMDEntriesCount(1).next();
        entry.mDEntryPx().mantissa(5_120_000_000_000L);
        entry.securityID(securityId).rptSeq(rptSeq).openCloseSettlFlag(OpenCloseSettlFlag.NULL_VAL)
            .mDUpdateAction(MDUpdateAction.New).mDEntryType(MDEntryTypeStatistics.HighTrade)
            .mDEntrySize(Mdp3Schema.NULL_INT32);
        return finish(e.encodedLength());
    }

    /** The version 2-8 statistics: 33 (open interest), 34 (limits), 35 (session low), prices at -7. */
    Mdp3TestPackets olderStatistics(final int securityId, final long rptSeq)
    {
        final MDIncrementalRefreshDailyStatistics33Encoder daily =
            new MDIncrementalRefreshDailyStatistics33Encoder().wrapAndApplyHeader(buffer, start(), header);
        daily.transactTime(6_300L).matchEventIndicator().clear();
        final MDIncrementalRefreshDailyStatistics33Encoder.NoMDEntriesEncoder d = daily.noMDEntriesCount(1).next();
        d.mDEntryPx().mantissa(Mdp3Schema.NULL_MANTISSA);
        d.mDEntrySize(250_000).securityID(securityId).rptSeq(rptSeq).tradingReferenceDate(20_791)
            .settlPriceType().clear();
        d.mDUpdateAction(MDUpdateAction.New).mDEntryType(MDEntryTypeDailyStatistics.OpenInterest);
        finish(daily.encodedLength());
        final MDIncrementalRefreshLimitsBanding34Encoder limits =
            new MDIncrementalRefreshLimitsBanding34Encoder().wrapAndApplyHeader(buffer, start(), header);
        limits.transactTime(6_300L).matchEventIndicator().clear();
        final MDIncrementalRefreshLimitsBanding34Encoder.NoMDEntriesEncoder l = limits.noMDEntriesCount(1).next();
        l.highLimitPrice().mantissa(54_000_000L);
        l.lowLimitPrice().mantissa(48_000_000L);
        l.maxPriceVariation().mantissa(Mdp3Schema.NULL_MANTISSA);
        l.securityID(securityId).rptSeq(rptSeq + 1);
        finish(limits.encodedLength());
        final MDIncrementalRefreshSessionStatistics35Encoder session =
            new MDIncrementalRefreshSessionStatistics35Encoder().wrapAndApplyHeader(buffer, start(), header);
        session.transactTime(6_300L).matchEventIndicator().clear().lastStatsMsg(true);
        final MDIncrementalRefreshSessionStatistics35Encoder.NoMDEntriesEncoder s =
            session.noMDEntriesCount(1).next();
        s.mDEntryPx().mantissa(50_000_000L);
        s.securityID(securityId).rptSeq(rptSeq + 2).openCloseSettlFlag(OpenCloseSettlFlag.NULL_VAL)
            .mDUpdateAction(MDUpdateAction.New).mDEntryType(MDEntryTypeStatistics.LowTrade)
            .mDEntrySize(Mdp3Schema.NULL_INT32);
        return finish(session.encodedLength());
    }

    Mdp3TestPackets orderBook(final int securityId, final long orderId, final long price, final int quantity)
    {
        final MDIncrementalRefreshOrderBook47Encoder e =
            new MDIncrementalRefreshOrderBook47Encoder().wrapAndApplyHeader(buffer, start(), header);
        e.transactTime(6_000L).matchEventIndicator().clear().endOfEvent(true);
        final MDIncrementalRefreshOrderBook47Encoder.NoMDEntriesEncoder entries = e.noMDEntriesCount(1);
        entries.next().orderID(orderId).mDOrderPriority(5L).mDEntryPx().mantissa(price);
        entries.mDDisplayQty(quantity).securityID(securityId).mDUpdateAction(MDUpdateAction.Change)
            .mDEntryType(MDEntryTypeBook.Offer);
        return finish(e.encodedLength());
    }

    Mdp3TestPackets snapshot38(final int securityId, final long rptSeq)
    {
        final SnapshotFullRefresh38Encoder e =
            new SnapshotFullRefresh38Encoder().wrapAndApplyHeader(buffer, start(), header);
        e.lastMsgSeqNumProcessed(41L).totNumReports(3L).securityID(securityId).rptSeq(rptSeq).transactTime(7_000L)
            .lastUpdateTime(8_000L).tradeDate(16_739).mDSecurityTradingStatus(SecurityTradingStatus.ReadyToTrade);
        e.highLimitPrice().mantissa(2_177_000_000_000L);
        e.lowLimitPrice().mantissa(1_968_000_000_000L);
        e.maxPriceVariation().mantissa(Mdp3Schema.NULL_MANTISSA);
        final SnapshotFullRefresh38Encoder.NoMDEntriesEncoder entries = e.noMDEntriesCount(1);
        entries.next().mDEntryPx().mantissa(2_077_750_000_000L);
        entries.mDEntrySize(308).numberOfOrders(89).mDPriceLevel((byte)1).tradingReferenceDate(65535)
            .openCloseSettlFlag(OpenCloseSettlFlag.NULL_VAL).settlPriceType().clear();
        entries.mDEntryType(MDEntryType.Bid);
        return finish(e.encodedLength());
    }

    Mdp3TestPackets snapshot52(final int securityId, final long rptSeq)
    {
        final SnapshotFullRefresh52Encoder e =
            new SnapshotFullRefresh52Encoder().wrapAndApplyHeader(buffer, start(), header);
        e.lastMsgSeqNumProcessed(42L).totNumReports(3L).securityID(securityId).rptSeq(rptSeq).transactTime(7_000L)
            .lastUpdateTime(8_000L).tradeDate(17_786).mDSecurityTradingStatus(SecurityTradingStatus.ReadyToTrade);
        e.highLimitPrice().mantissa(Mdp3Schema.NULL_MANTISSA);
        e.lowLimitPrice().mantissa(Mdp3Schema.NULL_MANTISSA);
        e.maxPriceVariation().mantissa(600_000_000_000L);
        final SnapshotFullRefresh52Encoder.NoMDEntriesEncoder entries = e.noMDEntriesCount(2);
        entries.next().mDEntryPx().mantissa(12_952_000_000_000L);
        entries.mDEntrySize(3).numberOfOrders(2).mDPriceLevel((byte)1).tradingReferenceDate(65535)
            .openCloseSettlFlag(OpenCloseSettlFlag.NULL_VAL).settlPriceType().clear();
        entries.mDEntryType(MDEntryType.Bid);
        entries.next().mDEntryPx().mantissa(12_953_000_000_000L);
        entries.mDEntrySize(4).numberOfOrders(1).mDPriceLevel((byte)1).tradingReferenceDate(65535)
            .openCloseSettlFlag(OpenCloseSettlFlag.NULL_VAL).settlPriceType().clear();
        entries.mDEntryType(MDEntryType.Offer);
        return finish(e.encodedLength());
    }

    /**
     * MDIncrementalRefreshBook 46 of a bid New and an offer Change at level 1, with one order entry per reference
     * given: OrderID 1000 + i, MDOrderPriority 50 + i, MDDisplayQty 5 + i, OrderUpdateAction New, Update, Delete in
     * turn.
     */
    Mdp3TestPackets bookWithOrders(
        final int securityId, final long rptSeq, final long bidPrice, final long offerPrice, final int... references)
    {
        final MDIncrementalRefreshBook46Encoder e =
            new MDIncrementalRefreshBook46Encoder().wrapAndApplyHeader(buffer, start(), header);
        e.transactTime(3_000L).matchEventIndicator().clear().lastQuoteMsg(true).endOfEvent(true);
        final MDIncrementalRefreshBook46Encoder.NoMDEntriesEncoder entries = e.noMDEntriesCount(2);
        entries.next().mDEntryPx().mantissa(bidPrice);
        entries.mDEntrySize(5).securityID(securityId).rptSeq(rptSeq).numberOfOrders(1).mDPriceLevel((short)1)
            .mDUpdateAction(MDUpdateAction.New).mDEntryType(MDEntryTypeBook.Bid);
        entries.next().mDEntryPx().mantissa(offerPrice);
        entries.mDEntrySize(13).securityID(securityId).rptSeq(rptSeq + 1).numberOfOrders(2).mDPriceLevel((short)1)
            .mDUpdateAction(MDUpdateAction.Change).mDEntryType(MDEntryTypeBook.Offer);
        final MDIncrementalRefreshBook46Encoder.NoOrderIDEntriesEncoder orders =
            e.noOrderIDEntriesCount(references.length);
        final OrderUpdateAction[] actions =
            { OrderUpdateAction.New, OrderUpdateAction.Update, OrderUpdateAction.Delete };
        for (int i = 0; i < references.length; i++)
        {
            orders.next().orderID(1000L + i).mDOrderPriority(50L + i).mDDisplayQty(5 + i)
                .referenceID((short)references[i]).orderUpdateAction(actions[i % 3]);
        }
        return finish(e.encodedLength());
    }

    /**
     * A chunk of SnapshotFullRefreshOrderBook 53 with two orders: OrderID base (bid) and base + 1 (offer).
     */
    Mdp3TestPackets snapshotOrders(
        final int securityId, final long lastMsgSeqNumProcessed, final long chunks, final long chunk,
        final long orderIdBase)
    {
        final SnapshotFullRefreshOrderBook53Encoder e =
            new SnapshotFullRefreshOrderBook53Encoder().wrapAndApplyHeader(buffer, start(), header);
        e.lastMsgSeqNumProcessed(lastMsgSeqNumProcessed).totNumReports(1L).securityID(securityId).noChunks(chunks)
            .currentChunk(chunk).transactTime(9_000L);
        final SnapshotFullRefreshOrderBook53Encoder.NoMDEntriesEncoder entries = e.noMDEntriesCount(2);
        entries.next().orderID(orderIdBase).mDOrderPriority(orderIdBase * 10).mDEntryPx().mantissa(12_067_000_000_000L);
        entries.mDDisplayQty(3).mDEntryType(MDEntryTypeBook.Bid);
        entries.next().orderID(orderIdBase + 1).mDOrderPriority(orderIdBase * 10 + 1).mDEntryPx()
            .mantissa(12_068_000_000_000L);
        entries.mDDisplayQty(4).mDEntryType(MDEntryTypeBook.Offer);
        return finish(e.encodedLength());
    }

    Mdp3TestPackets snapshotOrders(final int securityId)
    {
        final SnapshotFullRefreshOrderBook53Encoder e =
            new SnapshotFullRefreshOrderBook53Encoder().wrapAndApplyHeader(buffer, start(), header);
        e.lastMsgSeqNumProcessed(43L).totNumReports(3L).securityID(securityId).noChunks(1L).currentChunk(1L)
            .transactTime(9_000L);
        final SnapshotFullRefreshOrderBook53Encoder.NoMDEntriesEncoder entries = e.noMDEntriesCount(1);
        entries.next().orderID(88L).mDOrderPriority(6L).mDEntryPx().mantissa(12_068_000_000_000L);
        entries.mDDisplayQty(4).mDEntryType(MDEntryTypeBook.Offer);
        return finish(e.encodedLength());
    }

    Mdp3TestPackets future(final int securityId, final String symbol)
    {
        final MDInstrumentDefinitionFuture54Encoder e =
            new MDInstrumentDefinitionFuture54Encoder().wrapAndApplyHeader(buffer, start(), header);
        e.matchEventIndicator().clear();
        e.totNumReports(15L).securityUpdateAction(SecurityUpdateAction.Add).lastUpdateTime(10_000L)
            .mDSecurityTradingStatus(SecurityTradingStatus.PreOpen).applID((short)310).marketSegmentID((short)64)
            .underlyingProduct((short)5).securityExchange("XCME").securityGroup("ES").asset("ES").symbol(symbol)
            .securityID(securityId).securityType("FUT").cFICode("FFIXSX");
        e.maturityMonthYear().year(2026).month((short)3).day((short)255).week((short)255);
        e.currency("USD").settlCurrency("USD").matchAlgorithm((byte)'F').minTradeVol(1L).maxTradeVol(2000L);
        e.minPriceIncrement().mantissa(250_000_000L);
        e.displayFactor().mantissa(1_000_000_000L);
        e.mainFraction((short)255).subFraction((short)255).priceDisplayFormat((short)2).unitOfMeasure("IPNT");
        e.unitOfMeasureQty().mantissa(50_000_000_000L);
        e.tradingReferencePrice().mantissa(5_000_250_000_000L);
        e.settlPriceType().clear().actual(true);
        e.openInterestQty(42).clearedVolume(7);
        e.highLimitPrice().mantissa(Mdp3Schema.NULL_MANTISSA);
        e.lowLimitPrice().mantissa(Mdp3Schema.NULL_MANTISSA);
        e.maxPriceVariation().mantissa(60_000_000_000L);
        e.decayQuantity(Mdp3Schema.NULL_INT32).decayStartDate(65535).originalContractSize(Mdp3Schema.NULL_INT32)
            .contractMultiplier(Mdp3Schema.NULL_INT32).contractMultiplierUnit((byte)127).flowScheduleType((byte)127);
        e.minPriceIncrementAmount().mantissa(12_500_000_000L);
        e.userDefinedInstrument((byte)'N').tradingReferenceDate(20_500);
        final MDInstrumentDefinitionFuture54Encoder.NoEventsEncoder events = e.noEventsCount(2);
        events.next().eventType(EventType.Activation).eventTime(1_434_720_600_000_000_000L);
        events.next().eventType(EventType.LastEligibleTradeDate).eventTime(1_773_927_000_000_000_000L);
        final MDInstrumentDefinitionFuture54Encoder.NoMDFeedTypesEncoder feeds = e.noMDFeedTypesCount(2);
        feeds.next().mDFeedType("GBX").marketDepth((byte)10);
        feeds.next().mDFeedType("GBI").marketDepth((byte)2);
        e.noInstAttribCount(1).next().instAttribValue().clear().electronicMatchEligible(true);
        e.noLotTypeRulesCount(0);
        return finish(e.encodedLength());
    }

    Mdp3TestPackets spread(final int securityId, final String symbol, final int buyLeg, final int sellLeg)
    {
        final MDInstrumentDefinitionSpread56Encoder e =
            new MDInstrumentDefinitionSpread56Encoder().wrapAndApplyHeader(buffer, start(), header);
        e.matchEventIndicator().clear();
        e.totNumReports(15L).securityUpdateAction(SecurityUpdateAction.Add).lastUpdateTime(10_000L)
            .mDSecurityTradingStatus(SecurityTradingStatus.PreOpen).applID((short)310).marketSegmentID((short)64)
            .underlyingProduct((short)5).securityExchange("XCME").securityGroup("ES").asset("ES").symbol(symbol)
            .securityID(securityId).securityType("FUT").cFICode("FMIXSX");
        e.maturityMonthYear().year(2026).month((short)3).day((short)255).week((short)255);
        e.currency("USD").securitySubType("EQ").userDefinedInstrument((byte)'N').matchAlgorithm((byte)'F')
            .minTradeVol(1L).maxTradeVol(5000L);
        e.minPriceIncrement().mantissa(50_000_000L);
        e.displayFactor().mantissa(1_000_000_000L);
        e.priceDisplayFormat((short)2);
        e.priceRatio().mantissa(Mdp3Schema.NULL_MANTISSA);
        e.tickRule((byte)127).unitOfMeasure("CTRCT");
        e.tradingReferencePrice().mantissa(-6_700_000_000L);
        e.settlPriceType().clear();
        e.openInterestQty(Mdp3Schema.NULL_INT32).clearedVolume(Mdp3Schema.NULL_INT32);
        e.highLimitPrice().mantissa(Mdp3Schema.NULL_MANTISSA);
        e.lowLimitPrice().mantissa(Mdp3Schema.NULL_MANTISSA);
        e.maxPriceVariation().mantissa(5_000_000_000L);
        e.mainFraction((short)255).subFraction((short)255).tradingReferenceDate(65535);
        e.noEventsCount(0);
        e.noMDFeedTypesCount(1).next().mDFeedType("GBX").marketDepth((byte)10);
        e.noInstAttribCount(0);
        e.noLotTypeRulesCount(0);
        final MDInstrumentDefinitionSpread56Encoder.NoLegsEncoder legs = e.noLegsCount(2);
        legs.next().legSecurityID(sellLeg).legSide(LegSide.SellSide).legRatioQty((byte)1);
        legs.legPrice().mantissa(Mdp3Schema.NULL_MANTISSA);
        legs.legOptionDelta().mantissa(Mdp3Schema.NULL_INT32);
        legs.next().legSecurityID(buyLeg).legSide(LegSide.BuySide).legRatioQty((byte)1);
        legs.legPrice().mantissa(Mdp3Schema.NULL_MANTISSA);
        legs.legOptionDelta().mantissa(Mdp3Schema.NULL_INT32);
        return finish(e.encodedLength());
    }

    private int start()
    {
        lastMessageOffset = length;
        return length + Mdp3PacketDecoder.MSG_SIZE_LENGTH;
    }

    private Mdp3TestPackets finish(final int bodyLength)
    {
        final int msgSize = Mdp3PacketDecoder.MSG_SIZE_LENGTH + MessageHeaderEncoder.ENCODED_LENGTH + bodyLength;
        buffer.putShort(lastMessageOffset, (short)msgSize, LE);
        length = lastMessageOffset + msgSize;
        return this;
    }
}
