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

import java.util.ArrayList;
import java.util.List;

/**
 * Records every {@link Mdp3Listener} callback as a line of its raw arguments (prices as mantissa and exponent), and
 * every malformed-input report, so that tests compare values with {@code assertEquals}.
 */
final class Mdp3Recorder implements Mdp3Listener, MalformedInputListener
{
    /** One malformed-input report. */
    record Report(MalformedReason reason, String source, long position, String detail)
    {
    }

    final List<String> events = new ArrayList<>();
    final List<Report> reports = new ArrayList<>();
    final List<Integer> templates = new ArrayList<>();

    public void onMalformed(final MalformedReason reason, final String source, final long position, final String detail)
    {
        reports.add(new Report(reason, source, position, detail));
    }

    List<String> eventsStartingWith(final String prefix)
    {
        return events.stream().filter((e) -> e.startsWith(prefix)).toList();
    }

    public void onPacket(final long msgSeqNum, final long sendingTime, final int length)
    {
        events.add("packet " + msgSeqNum + " " + sendingTime + " " + length);
    }

    public void onMessageEnd(final int templateId)
    {
        templates.add(templateId);
        events.add("end " + templateId);
    }

    public void onSkippedMessage(final int templateId, final int version, final int blockLength, final int msgSize)
    {
        events.add("skipped " + templateId + " v" + version + " " + blockLength + " " + msgSize);
    }

    public void onChannelReset(
        final int version, final long transactTime, final int matchEventIndicator, final int entryCount)
    {
        events.add("channelReset v" + version + " " + transactTime + " " + matchEventIndicator + " " + entryCount);
    }

    public void onChannelResetEntry(final int applId)
    {
        events.add("channelResetEntry " + applId);
    }

    public void onHeartbeat(final int version)
    {
        events.add("heartbeat v" + version);
    }

    public void onSecurityStatus(
        final int version, final long transactTime, final CharSequence securityGroup, final CharSequence asset,
        final int securityId, final int tradeDate, final int matchEventIndicator, final int tradingStatus,
        final int haltReason, final int tradingEvent)
    {
        events.add("securityStatus v" + version + " " + transactTime + " " + securityGroup + " " + asset + " " +
            securityId + " " + tradeDate + " " + matchEventIndicator + " " + tradingStatus + " " + haltReason + " " +
            tradingEvent);
    }

    public void onIncrementalRefresh(
        final int templateId, final int version, final long transactTime, final int matchEventIndicator,
        final int entryCount)
    {
        events.add("incremental " + templateId + " v" + version + " " + transactTime + " " + matchEventIndicator +
            " " + entryCount);
    }

    public void onBookEntry(
        final int securityId, final long rptSeq, final int updateAction, final byte entryType, final long price,
        final int priceExponent, final int size, final int priceLevel, final int numberOfOrders)
    {
        events.add("book " + securityId + " " + rptSeq + " " + updateAction + " " + (char)entryType + " " + price +
            "e" + priceExponent + " " + size + " " + priceLevel + " " + numberOfOrders);
    }

    public void onBookOrderEntry(
        final long orderId, final long orderPriority, final int displayQty, final int referenceId,
        final int orderUpdateAction)
    {
        events.add("bookOrder " + orderId + " " + orderPriority + " " + displayQty + " " + referenceId + " " +
            orderUpdateAction);
    }

    public void onTradeEntry(
        final int securityId, final long rptSeq, final int updateAction, final long price, final int priceExponent,
        final int size, final int numberOfOrders, final int aggressorSide, final long tradeEntryId)
    {
        events.add("trade " + securityId + " " + rptSeq + " " + updateAction + " " + price + "e" + priceExponent +
            " " + size + " " + numberOfOrders + " " + aggressorSide + " " + tradeEntryId);
    }

    public void onTradeOrderEntry(final long orderId, final int lastQty)
    {
        events.add("tradeOrder " + orderId + " " + lastQty);
    }

    public void onVolumeEntry(final int securityId, final long rptSeq, final int updateAction, final int volume)
    {
        events.add("volume " + securityId + " " + rptSeq + " " + updateAction + " " + volume);
    }

    public void onStatisticsEntry(
        final int securityId, final long rptSeq, final int updateAction, final byte entryType)
    {
        events.add("statistics " + securityId + " " + rptSeq + " " + updateAction + " " + (char)entryType);
    }

    public void onOrderEntry(
        final int securityId, final long orderId, final long orderPriority, final int updateAction,
        final byte entryType, final long price, final int priceExponent, final int displayQty)
    {
        events.add("order " + securityId + " " + orderId + " " + orderPriority + " " + updateAction + " " +
            (char)entryType + " " + price + "e" + priceExponent + " " + displayQty);
    }

    public void onSnapshot(
        final int templateId, final int version, final long lastMsgSeqNumProcessed, final long totNumReports,
        final int securityId, final long rptSeq, final long transactTime, final long lastUpdateTime,
        final int tradeDate, final int tradingStatus, final long highLimitPrice, final long lowLimitPrice,
        final long maxPriceVariation, final int priceExponent, final int entryCount)
    {
        events.add("snapshot " + templateId + " v" + version + " " + lastMsgSeqNumProcessed + " " + totNumReports +
            " " + securityId + " " + rptSeq + " " + transactTime + " " + lastUpdateTime + " " + tradeDate + " " +
            tradingStatus + " " + highLimitPrice + " " + lowLimitPrice + " " + maxPriceVariation + " e" +
            priceExponent + " " + entryCount);
    }

    public void onSnapshotEntry(
        final byte entryType, final long price, final int priceExponent, final int size, final int numberOfOrders,
        final int priceLevel, final int tradingReferenceDate, final int openCloseSettlFlag,
        final int settlPriceType)
    {
        events.add("snapshotEntry " + (char)entryType + " " + price + "e" + priceExponent + " " + size + " " +
            numberOfOrders + " " + priceLevel + " " + tradingReferenceDate + " " + openCloseSettlFlag + " " +
            settlPriceType);
    }

    public void onSnapshotOrderBook(
        final int version, final long lastMsgSeqNumProcessed, final long totNumReports, final int securityId,
        final long chunks, final long currentChunk, final long transactTime, final int entryCount)
    {
        events.add("snapshotOrderBook v" + version + " " + lastMsgSeqNumProcessed + " " + totNumReports + " " +
            securityId + " " + chunks + " " + currentChunk + " " + transactTime + " " + entryCount);
    }

    public void onSnapshotOrderEntry(
        final long orderId, final long orderPriority, final long price, final int priceExponent,
        final int displayQty, final byte entryType)
    {
        events.add("snapshotOrder " + orderId + " " + orderPriority + " " + price + "e" + priceExponent + " " +
            displayQty + " " + (char)entryType);
    }

    public void onInstrumentDefinition(final Mdp3InstrumentDefinition d)
    {
        final StringBuilder sb = new StringBuilder("definition ").append(d.templateId()).append(" v")
            .append(d.version()).append(d.isSpread() ? " spread " : " future ").append(d.securityId()).append(' ')
            .append(d.symbol()).append(' ').append(d.securityGroup()).append(' ').append(d.asset()).append(' ')
            .append(d.securityType()).append(' ').append(d.cfiCode()).append(' ').append(d.maturityYear())
            .append('-').append(d.maturityMonth()).append(' ').append(d.currency()).append(" tick=")
            .append(d.minPriceIncrement()).append('e').append(d.priceExponent()).append(" display=")
            .append(d.displayFactor()).append('e').append(d.displayFactorExponent()).append(" ref=")
            .append(d.tradingReferencePrice()).append(" status=").append(d.tradingStatus()).append(" appl=")
            .append(d.applId()).append(" gbx=").append(d.depthOf(Mdp3InstrumentDefinition.FEED_TYPE_GBX))
            .append(" gbi=").append(d.depthOf(Mdp3InstrumentDefinition.FEED_TYPE_GBI)).append(" events=");
        for (int i = 0; i < d.eventCount(); i++)
        {
            sb.append(i == 0 ? "" : ",").append(d.eventType(i)).append(':').append(d.eventTime(i));
        }
        sb.append(" legs=");
        for (int i = 0; i < d.legCount(); i++)
        {
            sb.append(i == 0 ? "" : ",").append(d.legSecurityId(i)).append(d.legSide(i) == 1 ? "B" : "S")
                .append(d.legRatioQty(i));
        }
        events.add(sb.toString());
    }
}
