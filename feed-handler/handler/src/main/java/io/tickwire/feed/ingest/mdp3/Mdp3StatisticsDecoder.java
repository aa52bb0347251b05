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

import io.tickwire.sbe.mdp3.MDIncrementalRefreshDailyStatistics33Decoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshDailyStatistics49Decoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshLimitsBanding34Decoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshLimitsBanding50Decoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshSessionStatistics35Decoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshSessionStatistics51Decoder;
import org.agrona.DirectBuffer;

/**
 * Decodes the statistics templates of the incremental feed (daily statistics 33 / 49, limits and banding 34 / 50,
 * session statistics 35 / 51) into {@link Mdp3Listener#onIncrementalRefresh} and one
 * {@link Mdp3Listener#onStatisticsEntry} per entry. Only what keeps an instrument's RptSeq in step is read
 * (SecurityID, RptSeq, MDUpdateAction, MDEntryType): CME counts every incremental entry of an instrument in its
 * RptSeq, these too, so a handler that skipped them would see a jump at each one.
 * <p>
 * The caller has checked the message whole; groups are read in wire order and to their end, as the codecs'
 * precedence checks require. Limits and banding entries carry MDUpdateAction (always New) and MDEntryType ('g') as
 * schema constants, not on the wire.
 */
final class Mdp3StatisticsDecoder
{
    private final MDIncrementalRefreshDailyStatistics33Decoder daily33 =
        new MDIncrementalRefreshDailyStatistics33Decoder();
    private final MDIncrementalRefreshDailyStatistics49Decoder daily49 =
        new MDIncrementalRefreshDailyStatistics49Decoder();
    private final MDIncrementalRefreshLimitsBanding34Decoder limits34 =
        new MDIncrementalRefreshLimitsBanding34Decoder();
    private final MDIncrementalRefreshLimitsBanding50Decoder limits50 =
        new MDIncrementalRefreshLimitsBanding50Decoder();
    private final MDIncrementalRefreshSessionStatistics35Decoder session35 =
        new MDIncrementalRefreshSessionStatistics35Decoder();
    private final MDIncrementalRefreshSessionStatistics51Decoder session51 =
        new MDIncrementalRefreshSessionStatistics51Decoder();
    private final Mdp3Listener listener;

    Mdp3StatisticsDecoder(final Mdp3Listener listener)
    {
        this.listener = listener;
    }

    void daily33(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final MDIncrementalRefreshDailyStatistics33Decoder d = daily33.wrap(buffer, offset, blockLength, version);
        final long transactTime = d.transactTime();
        final int matchEventIndicator = d.matchEventIndicator().getRaw();
        final MDIncrementalRefreshDailyStatistics33Decoder.NoMDEntriesDecoder entries = d.noMDEntries();
        listener.onIncrementalRefresh(MDIncrementalRefreshDailyStatistics33Decoder.TEMPLATE_ID, version, transactTime,
            matchEventIndicator, entries.count());
        while (entries.hasNext())
        {
            final MDIncrementalRefreshDailyStatistics33Decoder.NoMDEntriesDecoder e = entries.next();
            listener.onStatisticsEntry(e.securityID(), e.rptSeq(), e.mDUpdateActionRaw(), e.mDEntryTypeRaw());
        }
    }

    void daily49(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final MDIncrementalRefreshDailyStatistics49Decoder d = daily49.wrap(buffer, offset, blockLength, version);
        final long transactTime = d.transactTime();
        final int matchEventIndicator = d.matchEventIndicator().getRaw();
        final MDIncrementalRefreshDailyStatistics49Decoder.NoMDEntriesDecoder entries = d.noMDEntries();
        listener.onIncrementalRefresh(MDIncrementalRefreshDailyStatistics49Decoder.TEMPLATE_ID, version, transactTime,
            matchEventIndicator, entries.count());
        while (entries.hasNext())
        {
            final MDIncrementalRefreshDailyStatistics49Decoder.NoMDEntriesDecoder e = entries.next();
            listener.onStatisticsEntry(e.securityID(), e.rptSeq(), e.mDUpdateActionRaw(), e.mDEntryTypeRaw());
        }
    }

    void limits34(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final MDIncrementalRefreshLimitsBanding34Decoder d = limits34.wrap(buffer, offset, blockLength, version);
        final long transactTime = d.transactTime();
        final int matchEventIndicator = d.matchEventIndicator().getRaw();
        final MDIncrementalRefreshLimitsBanding34Decoder.NoMDEntriesDecoder entries = d.noMDEntries();
        listener.onIncrementalRefresh(MDIncrementalRefreshLimitsBanding34Decoder.TEMPLATE_ID, version, transactTime,
            matchEventIndicator, entries.count());
        while (entries.hasNext())
        {
            final MDIncrementalRefreshLimitsBanding34Decoder.NoMDEntriesDecoder e = entries.next();
            listener.onStatisticsEntry(e.securityID(), e.rptSeq(), e.mDUpdateAction(), e.mDEntryType());
        }
    }

    void limits50(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final MDIncrementalRefreshLimitsBanding50Decoder d = limits50.wrap(buffer, offset, blockLength, version);
        final long transactTime = d.transactTime();
        final int matchEventIndicator = d.matchEventIndicator().getRaw();
        final MDIncrementalRefreshLimitsBanding50Decoder.NoMDEntriesDecoder entries = d.noMDEntries();
        listener.onIncrementalRefresh(MDIncrementalRefreshLimitsBanding50Decoder.TEMPLATE_ID, version, transactTime,
            matchEventIndicator, entries.count());
        while (entries.hasNext())
        {
            final MDIncrementalRefreshLimitsBanding50Decoder.NoMDEntriesDecoder e = entries.next();
            listener.onStatisticsEntry(e.securityID(), e.rptSeq(), e.mDUpdateAction(), e.mDEntryType());
        }
    }

    void session35(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final MDIncrementalRefreshSessionStatistics35Decoder d = session35.wrap(buffer, offset, blockLength, version);
        final long transactTime = d.transactTime();
        final int matchEventIndicator = d.matchEventIndicator().getRaw();
        final MDIncrementalRefreshSessionStatistics35Decoder.NoMDEntriesDecoder entries = d.noMDEntries();
        listener.onIncrementalRefresh(MDIncrementalRefreshSessionStatistics35Decoder.TEMPLATE_ID, version,
            transactTime, matchEventIndicator, entries.count());
        while (entries.hasNext())
        {
            final MDIncrementalRefreshSessionStatistics35Decoder.NoMDEntriesDecoder e = entries.next();
            listener.onStatisticsEntry(e.securityID(), e.rptSeq(), e.mDUpdateActionRaw(), e.mDEntryTypeRaw());
        }
    }

    void session51(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final MDIncrementalRefreshSessionStatistics51Decoder d = session51.wrap(buffer, offset, blockLength, version);
        final long transactTime = d.transactTime();
        final int matchEventIndicator = d.matchEventIndicator().getRaw();
        final MDIncrementalRefreshSessionStatistics51Decoder.NoMDEntriesDecoder entries = d.noMDEntries();
        listener.onIncrementalRefresh(MDIncrementalRefreshSessionStatistics51Decoder.TEMPLATE_ID, version,
            transactTime, matchEventIndicator, entries.count());
        while (entries.hasNext())
        {
            final MDIncrementalRefreshSessionStatistics51Decoder.NoMDEntriesDecoder e = entries.next();
            listener.onStatisticsEntry(e.securityID(), e.rptSeq(), e.mDUpdateActionRaw(), e.mDEntryTypeRaw());
        }
    }
}
