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
import io.tickwire.sbe.mdp3.MDIncrementalRefreshDailyStatistics33Decoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshDailyStatistics49Decoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshLimitsBanding34Decoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshLimitsBanding50Decoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshOrderBook47Decoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshSessionStatistics35Decoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshSessionStatistics51Decoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshTradeSummary42Decoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshTradeSummary48Decoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshVolume37Decoder;
import io.tickwire.sbe.mdp3.MDInstrumentDefinitionFuture27Decoder;
import io.tickwire.sbe.mdp3.MDInstrumentDefinitionFuture54Decoder;
import io.tickwire.sbe.mdp3.MDInstrumentDefinitionSpread29Decoder;
import io.tickwire.sbe.mdp3.MDInstrumentDefinitionSpread56Decoder;
import io.tickwire.sbe.mdp3.SecurityStatus30Decoder;
import io.tickwire.sbe.mdp3.SnapshotFullRefresh38Decoder;
import io.tickwire.sbe.mdp3.SnapshotFullRefresh52Decoder;
import io.tickwire.sbe.mdp3.SnapshotFullRefreshOrderBook53Decoder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layouts {@link Mdp3Schema} checks messages against agree with the codecs generated from
 * {@code mdp3-schema.xml}: minimum root and entry lengths are the end of the last field of each version, never more
 * than the schema's block lengths, and the groups are those of the schema, in order, with their dimension encoding.
 */
class Mdp3SchemaTest
{
    @Test
    void shouldKnowTheTemplatesItDecodesAndTheirPriceExponents()
    {
        final List<Integer> decoded = IntStream.rangeClosed(0, Mdp3Schema.MAX_TEMPLATE_ID)
            .filter(Mdp3Schema::isDecoded).boxed().toList();
        assertEquals(List.of(4, 12, 27, 29, 30, 32, 33, 34, 35, 37, 38, 42, 46, 47, 48, 49, 50, 51, 52, 53, 54, 56),
            decoded);
        assertEquals("MDIncrementalRefreshBook", Mdp3Schema.name(32));
        assertEquals("MDIncrementalRefreshBook", Mdp3Schema.name(46));
        assertTrue(Mdp3Schema.isDefined(43) && !Mdp3Schema.isDecoded(43));
        assertTrue(Mdp3Schema.isDecoded(49) && Mdp3Schema.isDecoded(35));
        assertFalse(Mdp3Schema.isDefined(45));
        assertNull(Mdp3Schema.name(70_000));
        assertEquals(-7, Mdp3Schema.priceExponent(32));
        assertEquals(-7, Mdp3Schema.priceExponent(42));
        assertEquals(-9, Mdp3Schema.priceExponent(46));
        assertEquals(-9, Mdp3Schema.priceExponent(56));
        assertEquals(1, Mdp3Schema.SCHEMA_ID);
        assertEquals(9, Mdp3Schema.SCHEMA_VERSION);
    }

    @Test
    void shouldTakeRootLengthsFromTheGeneratedCodecs()
    {
        final int incremental = MDIncrementalRefreshBook46Decoder.matchEventIndicatorEncodingOffset() +
            MDIncrementalRefreshBook46Decoder.matchEventIndicatorEncodingLength();
        assertRoot(4, 9, ChannelReset4Decoder.matchEventIndicatorEncodingOffset() + 1,
            ChannelReset4Decoder.BLOCK_LENGTH);
        assertRoot(12, 9, 0, AdminHeartbeat12Decoder.BLOCK_LENGTH);
        assertRoot(27, 9, MDInstrumentDefinitionFuture27Decoder.tradingReferenceDateEncodingOffset() +
            MDInstrumentDefinitionFuture27Decoder.tradingReferenceDateEncodingLength(),
            MDInstrumentDefinitionFuture27Decoder.BLOCK_LENGTH);
        assertRoot(27, 5, MDInstrumentDefinitionFuture27Decoder.userDefinedInstrumentEncodingOffset() +
            MDInstrumentDefinitionFuture27Decoder.userDefinedInstrumentEncodingLength(),
            MDInstrumentDefinitionFuture27Decoder.BLOCK_LENGTH);
        assertRoot(27, 2, MDInstrumentDefinitionFuture27Decoder.minPriceIncrementAmountEncodingOffset() +
            MDInstrumentDefinitionFuture27Decoder.minPriceIncrementAmountEncodingLength(),
            MDInstrumentDefinitionFuture27Decoder.BLOCK_LENGTH);
        assertRoot(29, 9, MDInstrumentDefinitionSpread29Decoder.BLOCK_LENGTH,
            MDInstrumentDefinitionSpread29Decoder.BLOCK_LENGTH);
        assertRoot(29, 5, MDInstrumentDefinitionSpread29Decoder.subFractionEncodingOffset() + 1,
            MDInstrumentDefinitionSpread29Decoder.BLOCK_LENGTH);
        assertRoot(30, 9, SecurityStatus30Decoder.securityTradingEventEncodingOffset() + 1,
            SecurityStatus30Decoder.BLOCK_LENGTH);
        assertRoot(32, 5, incremental, MDIncrementalRefreshBook32Decoder.BLOCK_LENGTH);
        assertRoot(37, 9, incremental, MDIncrementalRefreshVolume37Decoder.BLOCK_LENGTH);
        assertRoot(38, 9, SnapshotFullRefresh38Decoder.maxPriceVariationEncodingOffset() +
            SnapshotFullRefresh38Decoder.maxPriceVariationEncodingLength(), SnapshotFullRefresh38Decoder.BLOCK_LENGTH);
        assertRoot(42, 5, incremental, MDIncrementalRefreshTradeSummary42Decoder.BLOCK_LENGTH);
        assertRoot(46, 9, incremental, MDIncrementalRefreshBook46Decoder.BLOCK_LENGTH);
        assertRoot(47, 9, incremental, MDIncrementalRefreshOrderBook47Decoder.BLOCK_LENGTH);
        assertRoot(48, 9, incremental, MDIncrementalRefreshTradeSummary48Decoder.BLOCK_LENGTH);
        assertRoot(33, 5, incremental, MDIncrementalRefreshDailyStatistics33Decoder.BLOCK_LENGTH);
        assertRoot(34, 5, incremental, MDIncrementalRefreshLimitsBanding34Decoder.BLOCK_LENGTH);
        assertRoot(35, 5, incremental, MDIncrementalRefreshSessionStatistics35Decoder.BLOCK_LENGTH);
        assertRoot(49, 9, incremental, MDIncrementalRefreshDailyStatistics49Decoder.BLOCK_LENGTH);
        assertRoot(50, 9, incremental, MDIncrementalRefreshLimitsBanding50Decoder.BLOCK_LENGTH);
        assertRoot(51, 9, incremental, MDIncrementalRefreshSessionStatistics51Decoder.BLOCK_LENGTH);
        assertRoot(52, 9, SnapshotFullRefresh52Decoder.maxPriceVariationEncodingOffset() +
            SnapshotFullRefresh52Decoder.maxPriceVariationEncodingLength(), SnapshotFullRefresh52Decoder.BLOCK_LENGTH);
        assertRoot(53, 9, SnapshotFullRefreshOrderBook53Decoder.transactTimeEncodingOffset() +
            SnapshotFullRefreshOrderBook53Decoder.transactTimeEncodingLength(),
            SnapshotFullRefreshOrderBook53Decoder.BLOCK_LENGTH);
        assertRoot(54, 9, MDInstrumentDefinitionFuture54Decoder.BLOCK_LENGTH,
            MDInstrumentDefinitionFuture54Decoder.BLOCK_LENGTH);
        assertRoot(56, 9, MDInstrumentDefinitionSpread56Decoder.BLOCK_LENGTH,
            MDInstrumentDefinitionSpread56Decoder.BLOCK_LENGTH);
    }

    @Test
    void shouldTakeGroupsFromTheGeneratedCodecs()
    {
        assertGroups(4, 9, "NoMDEntries 3 since 0 min " +
            (ChannelReset4Decoder.NoMDEntriesDecoder.applIDEncodingOffset() + 2));
        assertGroups(4, 2, "NoMDEntries 3 since 0 min 0");
        assertGroups(32, 9,
            "NoMDEntries " + MDIncrementalRefreshBook32Decoder.NoMDEntriesDecoder.HEADER_SIZE + " since 0 min " +
            (MDIncrementalRefreshBook32Decoder.NoMDEntriesDecoder.mDEntryTypeEncodingOffset() + 1),
            "NoOrderIDEntries " + MDIncrementalRefreshBook32Decoder.NoOrderIDEntriesDecoder.HEADER_SIZE + " since " +
            MDIncrementalRefreshBook32Decoder.noOrderIDEntriesDecoderSinceVersion() + " min " +
            (MDIncrementalRefreshBook32Decoder.NoOrderIDEntriesDecoder.orderUpdateActionEncodingOffset() + 1));
        assertGroups(46, 9,
            "NoMDEntries 3 since 0 min " +
            (MDIncrementalRefreshBook46Decoder.NoMDEntriesDecoder.mDEntryTypeEncodingOffset() + 1),
            "NoOrderIDEntries " + MDIncrementalRefreshBook46Decoder.NoOrderIDEntriesDecoder.HEADER_SIZE +
            " since 0 min " +
            (MDIncrementalRefreshBook46Decoder.NoOrderIDEntriesDecoder.orderUpdateActionEncodingOffset() + 1));
        assertGroups(37, 9, "NoMDEntries 3 since 0 min " +
            (MDIncrementalRefreshVolume37Decoder.NoMDEntriesDecoder.mDUpdateActionEncodingOffset() + 1));
        assertGroups(42, 5,
            "NoMDEntries 3 since 0 min " +
            (MDIncrementalRefreshTradeSummary42Decoder.NoMDEntriesDecoder.mDUpdateActionEncodingOffset() + 1),
            "NoOrderIDEntries 8 since 0 min " +
            (MDIncrementalRefreshTradeSummary42Decoder.NoOrderIDEntriesDecoder.lastQtyEncodingOffset() + 4));
        assertGroups(42, 7,
            "NoMDEntries 3 since 0 min " +
            (MDIncrementalRefreshTradeSummary42Decoder.NoMDEntriesDecoder.mDTradeEntryIDEncodingOffset() + 4),
            "NoOrderIDEntries 8 since 0 min 12");
        assertGroups(48, 9,
            "NoMDEntries 3 since 0 min " +
            (MDIncrementalRefreshTradeSummary48Decoder.NoMDEntriesDecoder.mDTradeEntryIDEncodingOffset() + 4),
            "NoOrderIDEntries " + MDIncrementalRefreshTradeSummary48Decoder.NoOrderIDEntriesDecoder.HEADER_SIZE +
            " since 0 min 12");
        assertGroups(47, 9, "NoMDEntries 3 since 0 min " +
            (MDIncrementalRefreshOrderBook47Decoder.NoMDEntriesDecoder.mDEntryTypeEncodingOffset() + 1));
        assertStatisticsGroups();
        assertGroups(38, 9, "NoMDEntries 3 since 0 min " +
            (SnapshotFullRefresh38Decoder.NoMDEntriesDecoder.mDEntryTypeEncodingOffset() + 1));
        assertGroups(52, 9, "NoMDEntries 3 since 0 min " +
            (SnapshotFullRefresh52Decoder.NoMDEntriesDecoder.mDEntryTypeEncodingOffset() + 1));
        assertGroups(53, 9, "NoMDEntries 3 since 0 min " +
            (SnapshotFullRefreshOrderBook53Decoder.NoMDEntriesDecoder.mDEntryTypeEncodingOffset() + 1));
        final String[] definitionGroups = {
            "NoEvents 3 since 0 min " + MDInstrumentDefinitionFuture54Decoder.NoEventsDecoder.sbeBlockLength(),
            "NoMDFeedTypes 3 since 0 min " +
                MDInstrumentDefinitionFuture54Decoder.NoMDFeedTypesDecoder.sbeBlockLength(),
            "NoInstAttrib 3 since 0 min " + MDInstrumentDefinitionFuture54Decoder.NoInstAttribDecoder.sbeBlockLength(),
            "NoLotTypeRules 3 since 0 min " +
                MDInstrumentDefinitionFuture54Decoder.NoLotTypeRulesDecoder.sbeBlockLength()};
        assertGroups(27, 5, definitionGroups);
        assertGroups(54, 9, definitionGroups);
        final String legs =
            "NoLegs 3 since 0 min " + MDInstrumentDefinitionSpread56Decoder.NoLegsDecoder.sbeBlockLength();
        assertGroups(29, 5, definitionGroups[0], definitionGroups[1], definitionGroups[2], definitionGroups[3], legs);
        assertGroups(56, 9, definitionGroups[0], definitionGroups[1], definitionGroups[2], definitionGroups[3], legs);
        assertGroups(30, 9);
        assertGroups(12, 9);
    }

    private static void assertStatisticsGroups()
    {
        assertGroups(33, 9, "NoMDEntries 3 since 0 min " +
            (MDIncrementalRefreshDailyStatistics33Decoder.NoMDEntriesDecoder.mDEntryTypeEncodingOffset() + 1));
        assertGroups(49, 9, "NoMDEntries 3 since 0 min " +
            (MDIncrementalRefreshDailyStatistics49Decoder.NoMDEntriesDecoder.mDEntryTypeEncodingOffset() + 1));
        // MDUpdateAction and MDEntryType of limits and banding are constants: the last field on the wire is RptSeq.
        assertGroups(34, 9, "NoMDEntries 3 since 0 min " +
            (MDIncrementalRefreshLimitsBanding34Decoder.NoMDEntriesDecoder.rptSeqEncodingOffset() + 4));
        assertGroups(50, 9, "NoMDEntries 3 since 0 min " +
            (MDIncrementalRefreshLimitsBanding50Decoder.NoMDEntriesDecoder.rptSeqEncodingOffset() + 4));
        assertEquals(8, MDIncrementalRefreshSessionStatistics35Decoder.NoMDEntriesDecoder.mDEntrySizeSinceVersion());
        assertGroups(35, 7, "NoMDEntries 3 since 0 min " +
            (MDIncrementalRefreshSessionStatistics35Decoder.NoMDEntriesDecoder.mDEntryTypeEncodingOffset() + 1));
        assertGroups(35, 8, "NoMDEntries 3 since 0 min " +
            (MDIncrementalRefreshSessionStatistics35Decoder.NoMDEntriesDecoder.mDEntrySizeEncodingOffset() + 4));
        assertGroups(51, 9, "NoMDEntries 3 since 0 min " +
            (MDIncrementalRefreshSessionStatistics51Decoder.NoMDEntriesDecoder.mDEntrySizeEncodingOffset() + 4));
    }

    private static void assertRoot(final int templateId, final int version, final int expected, final int blockLength)
    {
        final int minimum = Mdp3Schema.layout(templateId).minimumRootLength(version);
        assertEquals(expected, minimum, "template " + templateId + " version " + version);
        assertTrue(minimum <= blockLength, "template " + templateId);
    }

    private static void assertGroups(final int templateId, final int version, final String... expected)
    {
        final List<String> groups = new ArrayList<>();
        for (final Mdp3Schema.Group group : Mdp3Schema.layout(templateId).groups)
        {
            groups.add(group.name + " " + group.headerLength + " since " + group.sinceVersion + " min " +
                group.minimumEntryLength(version));
        }
        assertEquals(List.of(expected), groups, "template " + templateId + " version " + version);
    }
}
