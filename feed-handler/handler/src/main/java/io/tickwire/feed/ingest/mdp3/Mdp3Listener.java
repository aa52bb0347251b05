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
 * Told what an MDP 3.0 packet holds, message by message and entry by entry, by {@link Mdp3PacketDecoder}.
 * <p>
 * A packet starts with {@link #onPacket}. Then each message that frames and checks whole gets one message callback
 * (e.g. {@link #onIncrementalRefresh}), one callback per entry of its repeating groups in wire order, and
 * {@link #onMessageEnd}; a malformed message gets none of them (it is reported to the decoder's
 * {@code MalformedInputListener} instead), so a listener never sees part of a message.
 * <p>
 * Arguments are primitives as on the wire: unsigned 32-bit values in a {@code long}, unsigned 64-bit values in a
 * {@code long} with the same bits, enumerations and bit sets as their raw numbers (CME may add values), characters as
 * their byte. Optional fields carry their null value (see {@link Mdp3Schema}, e.g. {@link Mdp3Schema#NULL_MANTISSA}).
 * Prices are a mantissa and an exponent: -7 in the templates of schema versions 2 to 8, -9 in those of version 9.
 * Text arguments are views into the packet, valid only during the call. Nothing is allocated per call.
 * Every method has an empty default, so a listener implements what it needs.
 */
public interface Mdp3Listener
{
    /**
     * A packet header.
     *
     * @param msgSeqNum   packet sequence number of the channel (u32).
     * @param sendingTime when CME sent the packet, nanoseconds since the epoch.
     * @param length      of the UDP payload, header included.
     */
    default void onPacket(final long msgSeqNum, final long sendingTime, final int length)
    {
    }

    /**
     * The end of a message, after all its entries.
     *
     * @param templateId of the message.
     */
    default void onMessageEnd(final int templateId)
    {
    }

    /**
     * A message of a template CME defines but this decoder does not (e.g. statistics): framed and counted only.
     *
     * @param templateId  from its header.
     * @param version     schema version from its header.
     * @param blockLength root block length from its header.
     * @param msgSize     its MsgSize, header included.
     */
    default void onSkippedMessage(final int templateId, final int version, final int blockLength, final int msgSize)
    {
    }

    /**
     * ChannelReset (template 4): every book and statistic of the channel is to be cleared; its entries follow.
     *
     * @param version             schema version of the message.
     * @param transactTime        nanoseconds since the epoch.
     * @param matchEventIndicator MatchEventIndicator bits.
     * @param entryCount          number of {@link #onChannelResetEntry} calls that follow.
     */
    default void onChannelReset(
        final int version, final long transactTime, final int matchEventIndicator, final int entryCount)
    {
    }

    /**
     * An entry of a ChannelReset.
     *
     * @param applId the channel reset (ApplID); before schema version 3, which lacks it, {@code Short.MIN_VALUE}.
     */
    default void onChannelResetEntry(final int applId)
    {
    }

    /**
     * AdminHeartbeat (template 12).
     *
     * @param version schema version of the message.
     */
    default void onHeartbeat(final int version)
    {
    }

    /**
     * SecurityStatus (template 30): trading status of an instrument, or of a whole group or asset.
     *
     * @param version             schema version of the message.
     * @param transactTime        nanoseconds since the epoch.
     * @param securityGroup       SecurityGroup, trimmed of its padding.
     * @param asset               Asset (product code), trimmed.
     * @param securityId          SecurityID, null {@link Mdp3Schema#NULL_INT32} when the status is for a group.
     * @param tradeDate           days since the epoch.
     * @param matchEventIndicator MatchEventIndicator bits.
     * @param tradingStatus       SecurityTradingStatus (e.g. 17 ReadyToTrade, 2 TradingHalt, 21 PreOpen).
     * @param haltReason          HaltReason.
     * @param tradingEvent        SecurityTradingEvent.
     */
    default void onSecurityStatus(
        final int version, final long transactTime, final CharSequence securityGroup, final CharSequence asset,
        final int securityId, final int tradeDate, final int matchEventIndicator, final int tradingStatus,
        final int haltReason, final int tradingEvent)
    {
    }

    /**
     * An incremental refresh message starts: MDIncrementalRefreshBook (32, 46), MDIncrementalRefreshVolume (37),
     * MDIncrementalRefreshTradeSummary (42, 48), MDIncrementalRefreshOrderBook (47) or a statistics template (33, 34,
     * 35, 49, 50, 51). Its entries follow: {@link #onBookEntry} then {@link #onBookOrderEntry}, {@link #onVolumeEntry},
     * {@link #onTradeEntry} then {@link #onTradeOrderEntry}, {@link #onOrderEntry}, or {@link #onStatisticsEntry}.
     *
     * @param templateId          of the message.
     * @param version             schema version of the message.
     * @param transactTime        start of the match event, nanoseconds since the epoch.
     * @param matchEventIndicator MatchEventIndicator bits (bit 7 end of event).
     * @param entryCount          entries in its NoMDEntries group.
     */
    default void onIncrementalRefresh(
        final int templateId, final int version, final long transactTime, final int matchEventIndicator,
        final int entryCount)
    {
    }

    /**
     * A price level update of MDIncrementalRefreshBook (32, 46).
     *
     * @param securityId     SecurityID.
     * @param rptSeq         RptSeq, the instrument's sequence number (u32).
     * @param updateAction   MDUpdateAction: 0 New, 1 Change, 2 Delete, 3 DeleteThru, 4 DeleteFrom, 5 Overlay.
     * @param entryType      MDEntryType: '0' Bid, '1' Offer, 'E' implied bid, 'F' implied offer, 'J' book reset.
     * @param price          MDEntryPx mantissa, {@link Mdp3Schema#NULL_MANTISSA} when absent.
     * @param priceExponent  -7 (template 32) or -9 (template 46).
     * @param size           MDEntrySize, {@link Mdp3Schema#NULL_INT32} when absent.
     * @param priceLevel     MDPriceLevel, 1 for the top of the book.
     * @param numberOfOrders NumberOfOrders at the level, {@link Mdp3Schema#NULL_INT32} when absent (implied).
     */
    default void onBookEntry(
        final int securityId, final long rptSeq, final int updateAction, final byte entryType, final long price,
        final int priceExponent, final int size, final int priceLevel, final int numberOfOrders)
    {
    }

    /**
     * An order of the NoOrderIDEntries group of MDIncrementalRefreshBook (46; 32 from schema version 7).
     *
     * @param orderId           OrderID.
     * @param orderPriority     MDOrderPriority, {@link Mdp3Schema#NULL_UINT64} when absent.
     * @param displayQty        MDDisplayQty, {@link Mdp3Schema#NULL_INT32} when absent.
     * @param referenceId       ReferenceID: the 1-based index of the book entry of this message it belongs to.
     * @param orderUpdateAction OrderUpdateAction: 0 New, 1 Update, 2 Delete.
     */
    default void onBookOrderEntry(
        final long orderId, final long orderPriority, final int displayQty, final int referenceId,
        final int orderUpdateAction)
    {
    }

    /**
     * A trade summary entry of MDIncrementalRefreshTradeSummary (42, 48).
     *
     * @param securityId     SecurityID.
     * @param rptSeq         RptSeq (u32).
     * @param updateAction   MDUpdateAction (0 New, 1 Change, 2 Delete for a busted trade).
     * @param price          MDEntryPx mantissa.
     * @param priceExponent  -7 (template 42) or -9 (template 48).
     * @param size           MDEntrySize, the quantity of the trade.
     * @param numberOfOrders NumberOfOrders that took part.
     * @param aggressorSide  AggressorSide: 0 none, 1 buy, 2 sell, {@link Mdp3Schema#NULL_UINT8} when absent.
     * @param tradeEntryId   MDTradeEntryID (u32), {@link Mdp3Schema#NULL_UINT32} when absent (before version 7).
     */
    default void onTradeEntry(
        final int securityId, final long rptSeq, final int updateAction, final long price, final int priceExponent,
        final int size, final int numberOfOrders, final int aggressorSide, final long tradeEntryId)
    {
    }

    /**
     * An order filled in a trade, from the NoOrderIDEntries group of MDIncrementalRefreshTradeSummary.
     *
     * @param orderId OrderID.
     * @param lastQty LastQty, the quantity it filled.
     */
    default void onTradeOrderEntry(final long orderId, final int lastQty)
    {
    }

    /**
     * An entry of a statistics template: MDIncrementalRefreshDailyStatistics (33, 49),
     * MDIncrementalRefreshLimitsBanding (34, 50) or MDIncrementalRefreshSessionStatistics (35, 51). Only what
     * sequencing needs is decoded: these entries count in the instrument's RptSeq like book, trade and volume entries.
     *
     * @param securityId   SecurityID.
     * @param rptSeq       RptSeq (u32).
     * @param updateAction MDUpdateAction (limits and banding: always 0 New, a schema constant).
     * @param entryType    MDEntryType: daily '6' settlement, 'B' cleared volume, 'C' open interest, 'W' fixing;
     *                     session '4' open, '7' high trade, '8' low trade, 'N' highest bid, 'O' lowest offer;
     *                     limits 'g' (a schema constant).
     */
    default void onStatisticsEntry(
        final int securityId, final long rptSeq, final int updateAction, final byte entryType)
    {
    }

    /**
     * A volume entry of MDIncrementalRefreshVolume (37).
     *
     * @param securityId   SecurityID.
     * @param rptSeq       RptSeq (u32).
     * @param updateAction MDUpdateAction.
     * @param volume       MDEntrySize: cumulative traded volume of the session.
     */
    default void onVolumeEntry(final int securityId, final long rptSeq, final int updateAction, final int volume)
    {
    }

    /**
     * An order update of MDIncrementalRefreshOrderBook (47), which carries no RptSeq.
     *
     * @param securityId    SecurityID.
     * @param orderId       OrderID, {@link Mdp3Schema#NULL_UINT64} when absent.
     * @param orderPriority MDOrderPriority, {@link Mdp3Schema#NULL_UINT64} when absent.
     * @param updateAction  MDUpdateAction (0 New, 1 Change, 2 Delete).
     * @param entryType     MDEntryType ('0' Bid, '1' Offer, 'J' book reset).
     * @param price         MDEntryPx mantissa, {@link Mdp3Schema#NULL_MANTISSA} when absent.
     * @param priceExponent -9.
     * @param displayQty    MDDisplayQty, {@link Mdp3Schema#NULL_INT32} when absent.
     */
    default void onOrderEntry(
        final int securityId, final long orderId, final long orderPriority, final int updateAction,
        final byte entryType, final long price, final int priceExponent, final int displayQty)
    {
    }

    /**
     * SnapshotFullRefresh (38, 52): the book and statistics of one instrument as of a packet of the incremental
     * feed; its entries follow as {@link #onSnapshotEntry}.
     *
     * @param templateId             of the message.
     * @param version                schema version of the message.
     * @param lastMsgSeqNumProcessed MsgSeqNum of the last incremental packet the snapshot includes (u32).
     * @param totNumReports          messages in the snapshot loop (u32).
     * @param securityId             SecurityID.
     * @param rptSeq                 RptSeq of the last update the snapshot includes (u32).
     * @param transactTime           of the last event the instrument took part in.
     * @param lastUpdateTime         of the instrument's definition.
     * @param tradeDate              days since the epoch, {@link Mdp3Schema#NULL_LOCAL_MKT_DATE} when absent.
     * @param tradingStatus          MDSecurityTradingStatus, {@link Mdp3Schema#NULL_UINT8} when absent.
     * @param highLimitPrice         mantissa, {@link Mdp3Schema#NULL_MANTISSA} when absent.
     * @param lowLimitPrice          mantissa, {@link Mdp3Schema#NULL_MANTISSA} when absent.
     * @param maxPriceVariation      mantissa, {@link Mdp3Schema#NULL_MANTISSA} when absent.
     * @param priceExponent          -7 (template 38) or -9 (template 52).
     * @param entryCount             entries that follow.
     */
    default void onSnapshot(
        final int templateId, final int version, final long lastMsgSeqNumProcessed, final long totNumReports,
        final int securityId, final long rptSeq, final long transactTime, final long lastUpdateTime,
        final int tradeDate, final int tradingStatus, final long highLimitPrice, final long lowLimitPrice,
        final long maxPriceVariation, final int priceExponent, final int entryCount)
    {
    }

    /**
     * An entry of SnapshotFullRefresh: a price level or a statistic.
     *
     * @param entryType            MDEntryType ('0' Bid, '1' Offer, '2' Trade, '6' settlement, 'E'/'F' implied...).
     * @param price                MDEntryPx mantissa, {@link Mdp3Schema#NULL_MANTISSA} when absent.
     * @param priceExponent        as the message's.
     * @param size                 MDEntrySize, {@link Mdp3Schema#NULL_INT32} when absent.
     * @param numberOfOrders       NumberOfOrders, {@link Mdp3Schema#NULL_INT32} when absent.
     * @param priceLevel           MDPriceLevel, {@link Mdp3Schema#NULL_INT8} when absent.
     * @param tradingReferenceDate days since the epoch, {@link Mdp3Schema#NULL_LOCAL_MKT_DATE} when absent.
     * @param openCloseSettlFlag   OpenCloseSettlFlag, {@link Mdp3Schema#NULL_UINT8} when absent.
     * @param settlPriceType       SettlPriceType bits.
     */
    default void onSnapshotEntry(
        final byte entryType, final long price, final int priceExponent, final int size, final int numberOfOrders,
        final int priceLevel, final int tradingReferenceDate, final int openCloseSettlFlag,
        final int settlPriceType)
    {
    }

    /**
     * SnapshotFullRefreshOrderBook (53): the orders of one instrument, possibly in several chunks; its entries
     * follow as {@link #onSnapshotOrderEntry}.
     *
     * @param version                schema version of the message.
     * @param lastMsgSeqNumProcessed MsgSeqNum of the last incremental packet included (u32).
     * @param totNumReports          messages in the snapshot loop (u32).
     * @param securityId             SecurityID.
     * @param chunks                 NoChunks, chunks of this instrument's snapshot (u32).
     * @param currentChunk           CurrentChunk, from 1 (u32).
     * @param transactTime           of the last event the instrument took part in.
     * @param entryCount             entries that follow.
     */
    default void onSnapshotOrderBook(
        final int version, final long lastMsgSeqNumProcessed, final long totNumReports, final int securityId,
        final long chunks, final long currentChunk, final long transactTime, final int entryCount)
    {
    }

    /**
     * An order of SnapshotFullRefreshOrderBook.
     *
     * @param orderId       OrderID.
     * @param orderPriority MDOrderPriority, {@link Mdp3Schema#NULL_UINT64} when absent.
     * @param price         MDEntryPx mantissa.
     * @param priceExponent -9.
     * @param displayQty    MDDisplayQty.
     * @param entryType     MDEntryType ('0' Bid, '1' Offer).
     */
    default void onSnapshotOrderEntry(
        final long orderId, final long orderPriority, final long price, final int priceExponent,
        final int displayQty, final byte entryType)
    {
    }

    /**
     * An instrument definition, future (27, 54) or spread (29, 56), with its groups (legs of a spread included).
     *
     * @param definition a view valid only during the call.
     */
    default void onInstrumentDefinition(final Mdp3InstrumentDefinition definition)
    {
    }
}
