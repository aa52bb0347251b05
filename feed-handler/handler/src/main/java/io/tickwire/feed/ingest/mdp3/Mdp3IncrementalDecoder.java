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

import io.tickwire.sbe.mdp3.AdminHeartbeat12Decoder;
import io.tickwire.sbe.mdp3.ChannelReset4Decoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshBook32Decoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshBook46Decoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshOrderBook47Decoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshTradeSummary42Decoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshTradeSummary48Decoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshVolume37Decoder;
import io.tickwire.sbe.mdp3.SecurityStatus30Decoder;
import org.agrona.DirectBuffer;

/**
 * Decodes the messages of the incremental feed (ChannelReset 4, AdminHeartbeat 12, SecurityStatus 30, book 32 / 46,
 * volume 37, trade summary 42 / 48, order book 47) into {@link Mdp3Listener} callbacks, one per message and one per
 * entry, with the generated codecs wrapped at the message's own block length and version.
 * <p>
 * The caller has checked the message whole (root block and every group within its MsgSize), so nothing here can run
 * past it. Groups are read in wire order and to their end, as the codecs' precedence checks require.
 */
final class Mdp3IncrementalDecoder
{
    private final ChannelReset4Decoder channelReset = new ChannelReset4Decoder();
    private final AdminHeartbeat12Decoder heartbeat = new AdminHeartbeat12Decoder();
    private final SecurityStatus30Decoder securityStatus = new SecurityStatus30Decoder();
    private final MDIncrementalRefreshBook32Decoder book32 = new MDIncrementalRefreshBook32Decoder();
    private final MDIncrementalRefreshBook46Decoder book46 = new MDIncrementalRefreshBook46Decoder();
    private final MDIncrementalRefreshVolume37Decoder volume37 = new MDIncrementalRefreshVolume37Decoder();
    private final MDIncrementalRefreshTradeSummary42Decoder trade42 = new MDIncrementalRefreshTradeSummary42Decoder();
    private final MDIncrementalRefreshTradeSummary48Decoder trade48 = new MDIncrementalRefreshTradeSummary48Decoder();
    private final MDIncrementalRefreshOrderBook47Decoder orderBook47 = new MDIncrementalRefreshOrderBook47Decoder();
    private final FixedText securityGroup = new FixedText(6);
    private final FixedText asset = new FixedText(6);
    private final Mdp3Listener listener;

    Mdp3IncrementalDecoder(final Mdp3Listener listener)
    {
        this.listener = listener;
    }

    void channelReset4(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final ChannelReset4Decoder d = channelReset.wrap(buffer, offset, blockLength, version);
        final long transactTime = d.transactTime();
        final int matchEventIndicator = d.matchEventIndicator().getRaw();
        final ChannelReset4Decoder.NoMDEntriesDecoder entries = d.noMDEntries();
        listener.onChannelReset(version, transactTime, matchEventIndicator, entries.count());
        while (entries.hasNext())
        {
            listener.onChannelResetEntry(entries.next().applID());
        }
    }

    void heartbeat12(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        heartbeat.wrap(buffer, offset, blockLength, version);
        listener.onHeartbeat(version);
    }

    void securityStatus30(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final SecurityStatus30Decoder d = securityStatus.wrap(buffer, offset, blockLength, version);
        final long transactTime = d.transactTime();
        final CharSequence group = securityGroup.copied(d.getSecurityGroup(securityGroup.bytes(), 0));
        final CharSequence product = asset.copied(d.getAsset(asset.bytes(), 0));
        listener.onSecurityStatus(version, transactTime, group, product, d.securityID(), d.tradeDate(),
            d.matchEventIndicator().getRaw(), d.securityTradingStatusRaw(), d.haltReasonRaw(),
            d.securityTradingEventRaw());
    }

    void book32(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final MDIncrementalRefreshBook32Decoder d = book32.wrap(buffer, offset, blockLength, version);
        final long transactTime = d.transactTime();
        final int matchEventIndicator = d.matchEventIndicator().getRaw();
        final MDIncrementalRefreshBook32Decoder.NoMDEntriesDecoder entries = d.noMDEntries();
        listener.onIncrementalRefresh(
            MDIncrementalRefreshBook32Decoder.TEMPLATE_ID, version, transactTime, matchEventIndicator, entries.count());
        while (entries.hasNext())
        {
            final MDIncrementalRefreshBook32Decoder.NoMDEntriesDecoder e = entries.next();
            listener.onBookEntry(e.securityID(), e.rptSeq(), e.mDUpdateActionRaw(), e.mDEntryTypeRaw(),
                e.mDEntryPx().mantissa(), e.mDEntryPx().exponent(), e.mDEntrySize(), e.mDPriceLevel(),
                e.numberOfOrders());
        }
        // Absent before schema version 7: the codec then gives an empty group without reading.
        final MDIncrementalRefreshBook32Decoder.NoOrderIDEntriesDecoder orders = d.noOrderIDEntries();
        while (orders.hasNext())
        {
            final MDIncrementalRefreshBook32Decoder.NoOrderIDEntriesDecoder o = orders.next();
            listener.onBookOrderEntry(o.orderID(), o.mDOrderPriority(), o.mDDisplayQty(), o.referenceID(),
                o.orderUpdateActionRaw());
        }
    }

    void book46(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final MDIncrementalRefreshBook46Decoder d = book46.wrap(buffer, offset, blockLength, version);
        final long transactTime = d.transactTime();
        final int matchEventIndicator = d.matchEventIndicator().getRaw();
        final MDIncrementalRefreshBook46Decoder.NoMDEntriesDecoder entries = d.noMDEntries();
        listener.onIncrementalRefresh(
            MDIncrementalRefreshBook46Decoder.TEMPLATE_ID, version, transactTime, matchEventIndicator, entries.count());
        while (entries.hasNext())
        {
            final MDIncrementalRefreshBook46Decoder.NoMDEntriesDecoder e = entries.next();
            listener.onBookEntry(e.securityID(), e.rptSeq(), e.mDUpdateActionRaw(), e.mDEntryTypeRaw(),
                e.mDEntryPx().mantissa(), e.mDEntryPx().exponent(), e.mDEntrySize(), e.mDPriceLevel(),
                e.numberOfOrders());
        }
        final MDIncrementalRefreshBook46Decoder.NoOrderIDEntriesDecoder orders = d.noOrderIDEntries();
        while (orders.hasNext())
        {
            final MDIncrementalRefreshBook46Decoder.NoOrderIDEntriesDecoder o = orders.next();
            listener.onBookOrderEntry(o.orderID(), o.mDOrderPriority(), o.mDDisplayQty(), o.referenceID(),
                o.orderUpdateActionRaw());
        }
    }

    void volume37(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final MDIncrementalRefreshVolume37Decoder d = volume37.wrap(buffer, offset, blockLength, version);
        final long transactTime = d.transactTime();
        final int matchEventIndicator = d.matchEventIndicator().getRaw();
        final MDIncrementalRefreshVolume37Decoder.NoMDEntriesDecoder entries = d.noMDEntries();
        listener.onIncrementalRefresh(MDIncrementalRefreshVolume37Decoder.TEMPLATE_ID, version, transactTime,
            matchEventIndicator, entries.count());
        while (entries.hasNext())
        {
            final MDIncrementalRefreshVolume37Decoder.NoMDEntriesDecoder e = entries.next();
            listener.onVolumeEntry(e.securityID(), e.rptSeq(), e.mDUpdateActionRaw(), e.mDEntrySize());
        }
    }

    void trade42(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final MDIncrementalRefreshTradeSummary42Decoder d = trade42.wrap(buffer, offset, blockLength, version);
        final long transactTime = d.transactTime();
        final int matchEventIndicator = d.matchEventIndicator().getRaw();
        final MDIncrementalRefreshTradeSummary42Decoder.NoMDEntriesDecoder entries = d.noMDEntries();
        listener.onIncrementalRefresh(MDIncrementalRefreshTradeSummary42Decoder.TEMPLATE_ID, version, transactTime,
            matchEventIndicator, entries.count());
        while (entries.hasNext())
        {
            final MDIncrementalRefreshTradeSummary42Decoder.NoMDEntriesDecoder e = entries.next();
            listener.onTradeEntry(e.securityID(), e.rptSeq(), e.mDUpdateActionRaw(), e.mDEntryPx().mantissa(),
                e.mDEntryPx().exponent(), e.mDEntrySize(), e.numberOfOrders(), e.aggressorSideRaw(),
                e.mDTradeEntryID());
        }
        final MDIncrementalRefreshTradeSummary42Decoder.NoOrderIDEntriesDecoder orders = d.noOrderIDEntries();
        while (orders.hasNext())
        {
            final MDIncrementalRefreshTradeSummary42Decoder.NoOrderIDEntriesDecoder o = orders.next();
            listener.onTradeOrderEntry(o.orderID(), o.lastQty());
        }
    }

    void trade48(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final MDIncrementalRefreshTradeSummary48Decoder d = trade48.wrap(buffer, offset, blockLength, version);
        final long transactTime = d.transactTime();
        final int matchEventIndicator = d.matchEventIndicator().getRaw();
        final MDIncrementalRefreshTradeSummary48Decoder.NoMDEntriesDecoder entries = d.noMDEntries();
        listener.onIncrementalRefresh(MDIncrementalRefreshTradeSummary48Decoder.TEMPLATE_ID, version, transactTime,
            matchEventIndicator, entries.count());
        while (entries.hasNext())
        {
            final MDIncrementalRefreshTradeSummary48Decoder.NoMDEntriesDecoder e = entries.next();
            listener.onTradeEntry(e.securityID(), e.rptSeq(), e.mDUpdateActionRaw(), e.mDEntryPx().mantissa(),
                e.mDEntryPx().exponent(), e.mDEntrySize(), e.numberOfOrders(), e.aggressorSideRaw(),
                e.mDTradeEntryID());
        }
        final MDIncrementalRefreshTradeSummary48Decoder.NoOrderIDEntriesDecoder orders = d.noOrderIDEntries();
        while (orders.hasNext())
        {
            final MDIncrementalRefreshTradeSummary48Decoder.NoOrderIDEntriesDecoder o = orders.next();
            listener.onTradeOrderEntry(o.orderID(), o.lastQty());
        }
    }

    void orderBook47(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final MDIncrementalRefreshOrderBook47Decoder d = orderBook47.wrap(buffer, offset, blockLength, version);
        final long transactTime = d.transactTime();
        final int matchEventIndicator = d.matchEventIndicator().getRaw();
        final MDIncrementalRefreshOrderBook47Decoder.NoMDEntriesDecoder entries = d.noMDEntries();
        listener.onIncrementalRefresh(MDIncrementalRefreshOrderBook47Decoder.TEMPLATE_ID, version, transactTime,
            matchEventIndicator, entries.count());
        while (entries.hasNext())
        {
            final MDIncrementalRefreshOrderBook47Decoder.NoMDEntriesDecoder e = entries.next();
            listener.onOrderEntry(e.securityID(), e.orderID(), e.mDOrderPriority(), e.mDUpdateActionRaw(),
                e.mDEntryTypeRaw(), e.mDEntryPx().mantissa(), e.mDEntryPx().exponent(), e.mDDisplayQty());
        }
    }
}
