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

import io.tickwire.sbe.mdp3.SnapshotFullRefresh38Decoder;
import io.tickwire.sbe.mdp3.SnapshotFullRefresh52Decoder;
import io.tickwire.sbe.mdp3.SnapshotFullRefreshOrderBook53Decoder;
import org.agrona.DirectBuffer;

/**
 * Decodes the messages of the snapshot (market recovery) feed, SnapshotFullRefresh (38, 52) and
 * SnapshotFullRefreshOrderBook (53), into {@link Mdp3Listener} callbacks, with the generated codecs wrapped at the
 * message's own block length and version. The caller has checked the message whole.
 */
final class Mdp3SnapshotDecoder
{
    private final SnapshotFullRefresh38Decoder snapshot38 = new SnapshotFullRefresh38Decoder();
    private final SnapshotFullRefresh52Decoder snapshot52 = new SnapshotFullRefresh52Decoder();
    private final SnapshotFullRefreshOrderBook53Decoder orderBook53 = new SnapshotFullRefreshOrderBook53Decoder();
    private final Mdp3Listener listener;

    Mdp3SnapshotDecoder(final Mdp3Listener listener)
    {
        this.listener = listener;
    }

    void snapshot38(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final SnapshotFullRefresh38Decoder d = snapshot38.wrap(buffer, offset, blockLength, version);
        final long lastMsgSeqNumProcessed = d.lastMsgSeqNumProcessed();
        final long totNumReports = d.totNumReports();
        final int securityId = d.securityID();
        final long rptSeq = d.rptSeq();
        final long transactTime = d.transactTime();
        final long lastUpdateTime = d.lastUpdateTime();
        final int tradeDate = d.tradeDate();
        final int tradingStatus = d.mDSecurityTradingStatusRaw();
        final long highLimitPrice = d.highLimitPrice().mantissa();
        final long lowLimitPrice = d.lowLimitPrice().mantissa();
        final long maxPriceVariation = d.maxPriceVariation().mantissa();
        final int exponent = d.highLimitPrice().exponent();
        final SnapshotFullRefresh38Decoder.NoMDEntriesDecoder entries = d.noMDEntries();
        listener.onSnapshot(SnapshotFullRefresh38Decoder.TEMPLATE_ID, version, lastMsgSeqNumProcessed, totNumReports,
            securityId, rptSeq, transactTime, lastUpdateTime, tradeDate, tradingStatus, highLimitPrice,
            lowLimitPrice, maxPriceVariation, exponent, entries.count());
        while (entries.hasNext())
        {
            final SnapshotFullRefresh38Decoder.NoMDEntriesDecoder e = entries.next();
            listener.onSnapshotEntry(e.mDEntryTypeRaw(), e.mDEntryPx().mantissa(), e.mDEntryPx().exponent(),
                e.mDEntrySize(), e.numberOfOrders(), e.mDPriceLevel(), e.tradingReferenceDate(),
                e.openCloseSettlFlagRaw(), e.settlPriceType().getRaw());
        }
    }

    void snapshot52(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final SnapshotFullRefresh52Decoder d = snapshot52.wrap(buffer, offset, blockLength, version);
        final long lastMsgSeqNumProcessed = d.lastMsgSeqNumProcessed();
        final long totNumReports = d.totNumReports();
        final int securityId = d.securityID();
        final long rptSeq = d.rptSeq();
        final long transactTime = d.transactTime();
        final long lastUpdateTime = d.lastUpdateTime();
        final int tradeDate = d.tradeDate();
        final int tradingStatus = d.mDSecurityTradingStatusRaw();
        final long highLimitPrice = d.highLimitPrice().mantissa();
        final long lowLimitPrice = d.lowLimitPrice().mantissa();
        final long maxPriceVariation = d.maxPriceVariation().mantissa();
        final int exponent = d.highLimitPrice().exponent();
        final SnapshotFullRefresh52Decoder.NoMDEntriesDecoder entries = d.noMDEntries();
        listener.onSnapshot(SnapshotFullRefresh52Decoder.TEMPLATE_ID, version, lastMsgSeqNumProcessed, totNumReports,
            securityId, rptSeq, transactTime, lastUpdateTime, tradeDate, tradingStatus, highLimitPrice,
            lowLimitPrice, maxPriceVariation, exponent, entries.count());
        while (entries.hasNext())
        {
            final SnapshotFullRefresh52Decoder.NoMDEntriesDecoder e = entries.next();
            listener.onSnapshotEntry(e.mDEntryTypeRaw(), e.mDEntryPx().mantissa(), e.mDEntryPx().exponent(),
                e.mDEntrySize(), e.numberOfOrders(), e.mDPriceLevel(), e.tradingReferenceDate(),
                e.openCloseSettlFlagRaw(), e.settlPriceType().getRaw());
        }
    }

    void orderBook53(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final SnapshotFullRefreshOrderBook53Decoder d = orderBook53.wrap(buffer, offset, blockLength, version);
        final long lastMsgSeqNumProcessed = d.lastMsgSeqNumProcessed();
        final long totNumReports = d.totNumReports();
        final int securityId = d.securityID();
        final long chunks = d.noChunks();
        final long currentChunk = d.currentChunk();
        final long transactTime = d.transactTime();
        final SnapshotFullRefreshOrderBook53Decoder.NoMDEntriesDecoder entries = d.noMDEntries();
        listener.onSnapshotOrderBook(version, lastMsgSeqNumProcessed, totNumReports, securityId, chunks, currentChunk,
            transactTime, entries.count());
        while (entries.hasNext())
        {
            final SnapshotFullRefreshOrderBook53Decoder.NoMDEntriesDecoder e = entries.next();
            listener.onSnapshotOrderEntry(e.orderID(), e.mDOrderPriority(), e.mDEntryPx().mantissa(),
                e.mDEntryPx().exponent(), e.mDDisplayQty(), e.mDEntryTypeRaw());
        }
    }
}
