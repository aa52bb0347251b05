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
package io.tickwire.feed.cli;

import io.tickwire.feed.ingest.mdp3.Mdp3InstrumentDefinition;
import io.tickwire.feed.ingest.mdp3.Mdp3Listener;
import io.tickwire.feed.ingest.mdp3.Mdp3Schema;
import io.tickwire.feed.ingest.mdp3.Mdp3SequenceTracker;

import java.io.PrintWriter;

/**
 * Prints each decoded MDP 3.0 message, and each entry of its repeating groups, as one line of {@code key=value}
 * pairs, and feeds a {@link Mdp3SequenceTracker} on the way.
 * <p>
 * Every line starts {@code seq=<MsgSeqNum> template=<id>}. A message line goes on with {@code name}, {@code version},
 * {@code sending_time} (of its packet) and the root fields; an entry line with {@code entry=<kind>} ({@code book},
 * {@code order}, {@code trade}, {@code trade_order}, {@code volume}, {@code order_book}, {@code snapshot},
 * {@code snapshot_order}, {@code leg}, {@code channel_reset}) and the entry's fields. Keys are CME's tag names in lower
 * case with underscores. Prices are decimals with the template's exponent applied (-7 or -9, trailing zeros
 * dropped); times are nanoseconds since the epoch; dates (LocalMktDate) are ISO dates; enumerations print CME's
 * names (their number when unknown); absent optional values print {@code null}.
 */
public final class Mdp3DumpPrinter implements Mdp3Listener
{
    private final Mdp3DumpLine line;
    private final Mdp3SequenceTracker tracker;

    /**
     * A printer writing to the given output.
     *
     * @param out     to print lines to.
     * @param tracker told every packet, RptSeq, snapshot and channel reset.
     */
    public Mdp3DumpPrinter(final PrintWriter out, final Mdp3SequenceTracker tracker)
    {
        this.line = new Mdp3DumpLine(out);
        this.tracker = tracker;
    }

    /**
     * Lines printed so far.
     *
     * @return count of message and entry lines.
     */
    public long lines()
    {
        return line.lines();
    }

    /**
     * {@inheritDoc}
     */
    public void onPacket(final long msgSeqNum, final long sendingTime, final int length)
    {
        line.packet(msgSeqNum, sendingTime);
        tracker.onPacket(msgSeqNum);
    }

    /**
     * {@inheritDoc}
     */
    public void onSkippedMessage(final int templateId, final int version, final int blockLength, final int msgSize)
    {
        line.message(templateId, version);
        line.text("skipped", "true");
        line.num("block_length", blockLength);
        line.num("msg_size", msgSize);
        line.end();
    }

    /**
     * {@inheritDoc}
     */
    public void onChannelReset(
        final int version, final long transactTime, final int matchEventIndicator, final int entryCount)
    {
        tracker.onChannelReset();
        line.message(4, version);
        line.num("transact_time", transactTime);
        line.hex("match_event_indicator", matchEventIndicator);
        line.num("entries", entryCount);
        line.end();
    }

    /**
     * {@inheritDoc}
     */
    public void onChannelResetEntry(final int applId)
    {
        line.entry("channel_reset");
        line.num("appl_id", applId);
        line.end();
    }

    /**
     * {@inheritDoc}
     */
    public void onHeartbeat(final int version)
    {
        line.message(12, version);
        line.end();
    }

    /**
     * {@inheritDoc}
     */
    public void onSecurityStatus(
        final int version, final long transactTime, final CharSequence securityGroup, final CharSequence asset,
        final int securityId, final int tradeDate, final int matchEventIndicator, final int tradingStatus,
        final int haltReason, final int tradingEvent)
    {
        line.message(30, version);
        line.num("transact_time", transactTime);
        line.text("security_group", securityGroup);
        line.text("asset", asset);
        line.optional("security_id", securityId, Mdp3Schema.NULL_INT32);
        line.date("trade_date", tradeDate);
        line.hex("match_event_indicator", matchEventIndicator);
        line.text("security_trading_status", Mdp3Names.tradingStatus(tradingStatus));
        line.num("halt_reason", haltReason);
        line.num("security_trading_event", tradingEvent);
        line.end();
    }

    /**
     * {@inheritDoc}
     */
    public void onIncrementalRefresh(
        final int templateId, final int version, final long transactTime, final int matchEventIndicator,
        final int entryCount)
    {
        line.message(templateId, version);
        line.num("transact_time", transactTime);
        line.hex("match_event_indicator", matchEventIndicator);
        line.num("entries", entryCount);
        line.end();
    }

    /**
     * {@inheritDoc}
     */
    public void onBookEntry(
        final int securityId, final long rptSeq, final int updateAction, final byte entryType, final long price,
        final int priceExponent, final int size, final int priceLevel, final int numberOfOrders)
    {
        tracker.onRptSeq(securityId, rptSeq);
        line.entry("book");
        line.num("security_id", securityId);
        line.num("rpt_seq", rptSeq);
        line.text("update_action", Mdp3Names.updateAction(updateAction));
        line.text("entry_type", Mdp3Names.entryType(entryType));
        line.price("price", price, priceExponent);
        line.optional("size", size, Mdp3Schema.NULL_INT32);
        line.num("price_level", priceLevel);
        line.optional("number_of_orders", numberOfOrders, Mdp3Schema.NULL_INT32);
        line.end();
    }

    /**
     * {@inheritDoc}
     */
    public void onBookOrderEntry(
        final long orderId, final long orderPriority, final int displayQty, final int referenceId,
        final int orderUpdateAction)
    {
        line.entry("order");
        line.unsigned("order_id", orderId);
        line.optional("order_priority", orderPriority, Mdp3Schema.NULL_UINT64);
        line.optional("display_qty", displayQty, Mdp3Schema.NULL_INT32);
        line.optional("reference_id", referenceId, Mdp3Schema.NULL_UINT8);
        line.text("order_update_action", Mdp3Names.orderUpdateAction(orderUpdateAction));
        line.end();
    }

    /**
     * {@inheritDoc}
     */
    public void onTradeEntry(
        final int securityId, final long rptSeq, final int updateAction, final long price, final int priceExponent,
        final int size, final int numberOfOrders, final int aggressorSide, final long tradeEntryId)
    {
        tracker.onRptSeq(securityId, rptSeq);
        line.entry("trade");
        line.num("security_id", securityId);
        line.num("rpt_seq", rptSeq);
        line.text("update_action", Mdp3Names.updateAction(updateAction));
        line.price("price", price, priceExponent);
        line.num("size", size);
        line.optional("number_of_orders", numberOfOrders, Mdp3Schema.NULL_INT32);
        line.text("aggressor_side", Mdp3Names.aggressorSide(aggressorSide));
        line.optional("trade_entry_id", tradeEntryId, Mdp3Schema.NULL_UINT32);
        line.end();
    }

    /**
     * {@inheritDoc}
     */
    public void onTradeOrderEntry(final long orderId, final int lastQty)
    {
        line.entry("trade_order");
        line.unsigned("order_id", orderId);
        line.num("last_qty", lastQty);
        line.end();
    }

    /**
     * {@inheritDoc}
     */
    public void onVolumeEntry(final int securityId, final long rptSeq, final int updateAction, final int volume)
    {
        tracker.onRptSeq(securityId, rptSeq);
        line.entry("volume");
        line.num("security_id", securityId);
        line.num("rpt_seq", rptSeq);
        line.text("update_action", Mdp3Names.updateAction(updateAction));
        line.num("volume", volume);
        line.end();
    }

    /**
     * {@inheritDoc}
     */
    public void onStatisticsEntry(
        final int securityId, final long rptSeq, final int updateAction, final byte entryType)
    {
        tracker.onRptSeq(securityId, rptSeq);
        line.entry("statistics");
        line.num("security_id", securityId);
        line.num("rpt_seq", rptSeq);
        line.text("update_action", Mdp3Names.updateAction(updateAction));
        line.text("entry_type", Mdp3Names.entryType(entryType));
        line.end();
    }

    /**
     * {@inheritDoc}
     */
    public void onOrderEntry(
        final int securityId, final long orderId, final long orderPriority, final int updateAction,
        final byte entryType, final long price, final int priceExponent, final int displayQty)
    {
        line.entry("order_book");
        line.num("security_id", securityId);
        line.optional("order_id", orderId, Mdp3Schema.NULL_UINT64);
        line.optional("order_priority", orderPriority, Mdp3Schema.NULL_UINT64);
        line.text("update_action", Mdp3Names.updateAction(updateAction));
        line.text("entry_type", Mdp3Names.entryType(entryType));
        line.price("price", price, priceExponent);
        line.optional("display_qty", displayQty, Mdp3Schema.NULL_INT32);
        line.end();
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
        tracker.onSnapshot(securityId, rptSeq);
        line.message(templateId, version);
        line.num("last_msg_seq_num_processed", lastMsgSeqNumProcessed);
        line.num("tot_num_reports", totNumReports);
        line.num("security_id", securityId);
        line.num("rpt_seq", rptSeq);
        line.num("transact_time", transactTime);
        line.num("last_update_time", lastUpdateTime);
        line.date("trade_date", tradeDate);
        line.text("md_security_trading_status", Mdp3Names.tradingStatus(tradingStatus));
        line.price("high_limit_price", highLimitPrice, priceExponent);
        line.price("low_limit_price", lowLimitPrice, priceExponent);
        line.price("max_price_variation", maxPriceVariation, priceExponent);
        line.num("entries", entryCount);
        line.end();
    }

    /**
     * {@inheritDoc}
     */
    public void onSnapshotEntry(
        final byte entryType, final long price, final int priceExponent, final int size, final int numberOfOrders,
        final int priceLevel, final int tradingReferenceDate, final int openCloseSettlFlag,
        final int settlPriceType)
    {
        line.entry("snapshot");
        line.text("entry_type", Mdp3Names.entryType(entryType));
        line.price("price", price, priceExponent);
        line.optional("size", size, Mdp3Schema.NULL_INT32);
        line.optional("number_of_orders", numberOfOrders, Mdp3Schema.NULL_INT32);
        line.optional("price_level", priceLevel, Mdp3Schema.NULL_INT8);
        line.date("trading_reference_date", tradingReferenceDate);
        line.optional("open_close_settl_flag", openCloseSettlFlag, Mdp3Schema.NULL_UINT8);
        line.hex("settl_price_type", settlPriceType);
        line.end();
    }

    /**
     * {@inheritDoc}
     */
    public void onSnapshotOrderBook(
        final int version, final long lastMsgSeqNumProcessed, final long totNumReports, final int securityId,
        final long chunks, final long currentChunk, final long transactTime, final int entryCount)
    {
        line.message(53, version);
        line.num("last_msg_seq_num_processed", lastMsgSeqNumProcessed);
        line.num("tot_num_reports", totNumReports);
        line.num("security_id", securityId);
        line.num("no_chunks", chunks);
        line.num("current_chunk", currentChunk);
        line.num("transact_time", transactTime);
        line.num("entries", entryCount);
        line.end();
    }

    /**
     * {@inheritDoc}
     */
    public void onSnapshotOrderEntry(
        final long orderId, final long orderPriority, final long price, final int priceExponent,
        final int displayQty, final byte entryType)
    {
        line.entry("snapshot_order");
        line.unsigned("order_id", orderId);
        line.optional("order_priority", orderPriority, Mdp3Schema.NULL_UINT64);
        line.price("price", price, priceExponent);
        line.num("display_qty", displayQty);
        line.text("entry_type", Mdp3Names.entryType(entryType));
        line.end();
    }

    /**
     * {@inheritDoc}
     */
    public void onInstrumentDefinition(final Mdp3InstrumentDefinition d)
    {
        line.definition(d);
        for (int i = 0; i < d.legCount(); i++)
        {
            line.entry("leg");
            line.num("leg_security_id", d.legSecurityId(i));
            line.text("leg_side", Mdp3Names.legSide(d.legSide(i)));
            line.num("leg_ratio_qty", d.legRatioQty(i));
            line.price("leg_price", d.legPrice(i), d.priceExponent());
            line.decimal("leg_option_delta", d.legOptionDelta(i), Mdp3Schema.NULL_INT32, -4);
            line.end();
        }
    }
}
