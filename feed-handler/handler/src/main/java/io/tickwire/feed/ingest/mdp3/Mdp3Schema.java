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

import io.tickwire.sbe.mdp3.MessageHeaderDecoder;

/**
 * What the decoder knows of CME's MDP 3.0 schema beyond the generated codecs: the name of every template CME
 * defines (schema version 9), which of them this package decodes, and the layout of each decoded template as far as
 * framing needs it (the shortest root block and group entries each schema version allows, and the kind and
 * {@code sinceVersion} of each repeating group), so that a message is checked whole before any of it is delivered.
 * <p>
 * Minimum lengths are the end of the last field a version has, not the padded block lengths of the schema: SBE
 * lets an encoder leave trailing padding out, and lets a later version append fields, so any block at least this long
 * reads correctly. The numbers are CME's field offsets (see {@code mdp3-schema.xml}); {@code Mdp3SchemaTest} checks
 * them against the generated codecs.
 */
public final class Mdp3Schema
{
    /** Schema id of MDP 3.0 in every message header. */
    public static final int SCHEMA_ID = MessageHeaderDecoder.SCHEMA_ID;
    /** Highest schema version whose templates the generated codecs know. */
    public static final int SCHEMA_VERSION = MessageHeaderDecoder.SCHEMA_VERSION;
    /** Template ids up to this one are looked up in tables (CME's go to 56 in version 9); above, unknown. */
    public static final int MAX_TEMPLATE_ID = 63;

    /** Null value of an optional price or decimal mantissa (PRICENULL, PRICENULL9, Decimal9NULL). */
    public static final long NULL_MANTISSA = Long.MAX_VALUE;
    /** Null value of an optional signed 32-bit integer (Int32NULL, DecimalQty mantissa). */
    public static final int NULL_INT32 = Integer.MAX_VALUE;
    /** Null value of an optional unsigned 32-bit integer (uInt32NULL), as the long it is delivered in. */
    public static final long NULL_UINT32 = 0xFFFF_FFFFL;
    /** Null value of an optional unsigned 64-bit integer (uInt64NULL), as the long it is delivered in. */
    public static final long NULL_UINT64 = -1L;
    /** Null value of an optional unsigned byte (uInt8NULL, e.g. AggressorSide, SecurityTradingStatus). */
    public static final int NULL_UINT8 = 255;
    /** Null value of an optional signed byte (Int8NULL). */
    public static final int NULL_INT8 = 127;
    /** Null value of an optional date (LocalMktDate, days since the epoch). */
    public static final int NULL_LOCAL_MKT_DATE = 65535;

    /** Length of a 3-byte group dimension (groupSize: blockLength u16, numInGroup u8). */
    static final int GROUP_SIZE = 3;
    /** Length of an 8-byte group dimension (groupSize8Byte: blockLength u16, 5 bytes padding, numInGroup u8). */
    static final int GROUP_SIZE_8_BYTE = 8;

    private static final String[] NAMES = new String[MAX_TEMPLATE_ID + 1];
    private static final Layout[] LAYOUTS = new Layout[MAX_TEMPLATE_ID + 1];

    static
    {
        name(4, "ChannelReset");
        name(12, "AdminHeartbeat");
        name(15, "AdminLogin");
        name(16, "AdminLogout");
        name(27, "MDInstrumentDefinitionFuture");
        name(29, "MDInstrumentDefinitionSpread");
        name(30, "SecurityStatus");
        name(32, "MDIncrementalRefreshBook");
        name(33, "MDIncrementalRefreshDailyStatistics");
        name(34, "MDIncrementalRefreshLimitsBanding");
        name(35, "MDIncrementalRefreshSessionStatistics");
        name(36, "MDIncrementalRefreshTrade");
        name(37, "MDIncrementalRefreshVolume");
        name(38, "SnapshotFullRefresh");
        name(39, "QuoteRequest");
        name(41, "MDInstrumentDefinitionOption");
        name(42, "MDIncrementalRefreshTradeSummary");
        name(43, "MDIncrementalRefreshOrderBook");
        name(44, "SnapshotFullRefreshOrderBook");
        name(46, "MDIncrementalRefreshBook");
        name(47, "MDIncrementalRefreshOrderBook");
        name(48, "MDIncrementalRefreshTradeSummary");
        name(49, "MDIncrementalRefreshDailyStatistics");
        name(50, "MDIncrementalRefreshLimitsBanding");
        name(51, "MDIncrementalRefreshSessionStatistics");
        name(52, "SnapshotFullRefresh");
        name(53, "SnapshotFullRefreshOrderBook");
        name(54, "MDInstrumentDefinitionFuture");
        name(55, "MDInstrumentDefinitionOption");
        name(56, "MDInstrumentDefinitionSpread");

        // Root blocks and group entries as {sinceVersion, end of the last field, sinceVersion, end, ...}.
        final int[] incrementalRoot = {0, 9};                                   // TransactTime, MatchEventIndicator
        final Group events = group("NoEvents", GROUP_SIZE, 0, 0, 9);           // EventType, EventTime
        final Group feedTypes = group("NoMDFeedTypes", GROUP_SIZE, 0, 0, 4);   // MDFeedType[3], MarketDepth
        final Group attributes = group("NoInstAttrib", GROUP_SIZE, 0, 0, 4);   // InstAttribValue
        final Group lotTypes = group("NoLotTypeRules", GROUP_SIZE, 0, 0, 5);   // LotType, MinLotSize
        final Group legs = group("NoLegs", GROUP_SIZE, 0, 0, 18);              // ... LegOptionDelta at 14
        final Group bookEntries = group("NoMDEntries", GROUP_SIZE, 0, 0, 27);  // ... MDEntryType at 26
        // ... OrderUpdateAction at 21; a group of template 32 since version 7, of 46 from the start.
        final Group bookOrders = group("NoOrderIDEntries", GROUP_SIZE_8_BYTE, 0, 0, 22);
        final Group bookOrdersSince7 = group("NoOrderIDEntries", GROUP_SIZE_8_BYTE, 7, 0, 22);
        final Group tradeOrders = group("NoOrderIDEntries", GROUP_SIZE_8_BYTE, 0, 0, 12);  // OrderID, LastQty

        layout(4, new int[] {0, 9}, group("NoMDEntries", GROUP_SIZE, 0, 0, 0, 3, 2));  // ApplID since version 3
        layout(12, new int[] {0, 0});
        // UserDefinedInstrument since version 3, TradingReferenceDate since version 6.
        layout(27, new int[] {0, 213, 3, 214, 6, 216}, events, feedTypes, attributes, lotTypes);
        layout(29, new int[] {0, 193, 6, 195}, events, feedTypes, attributes, lotTypes, legs);
        layout(30, new int[] {0, 30});
        layout(32, incrementalRoot, bookEntries, bookOrdersSince7);
        // Statistics: only their RptSeq matters here, but they are checked whole like the others.
        layout(33, incrementalRoot, group("NoMDEntries", GROUP_SIZE, 0, 0, 25));      // ... MDEntryType at 24
        // MDUpdateAction and MDEntryType are schema constants: the entry ends with RptSeq.
        layout(34, incrementalRoot, group("NoMDEntries", GROUP_SIZE, 0, 0, 32));
        // MDEntryType at 18; MDEntrySize since version 8.
        layout(35, incrementalRoot, group("NoMDEntries", GROUP_SIZE, 0, 0, 19, 8, 23));
        layout(37, incrementalRoot, group("NoMDEntries", GROUP_SIZE, 0, 0, 13));      // ... MDUpdateAction at 12
        layout(38, new int[] {0, 59}, group("NoMDEntries", GROUP_SIZE, 0, 0, 22));   // ... MDEntryType at 21
        // MDTradeEntryID since version 7.
        layout(42, incrementalRoot, group("NoMDEntries", GROUP_SIZE, 0, 0, 26, 7, 30), tradeOrders);
        layout(46, incrementalRoot, bookEntries, bookOrders);
        layout(47, incrementalRoot, group("NoMDEntries", GROUP_SIZE, 0, 0, 34));      // ... MDEntryType at 33
        layout(48, incrementalRoot, group("NoMDEntries", GROUP_SIZE, 0, 0, 30), tradeOrders);
        layout(49, incrementalRoot, group("NoMDEntries", GROUP_SIZE, 0, 0, 25));
        layout(50, incrementalRoot, group("NoMDEntries", GROUP_SIZE, 0, 0, 32));
        layout(51, incrementalRoot, group("NoMDEntries", GROUP_SIZE, 0, 0, 23));      // ... MDEntrySize at 19
        layout(52, new int[] {0, 59}, group("NoMDEntries", GROUP_SIZE, 0, 0, 22));
        layout(53, new int[] {0, 28}, group("NoMDEntries", GROUP_SIZE, 0, 0, 29));   // ... MDEntryType at 28
        layout(54, new int[] {0, 216}, events, feedTypes, attributes, lotTypes);
        layout(56, new int[] {0, 195}, events, feedTypes, attributes, lotTypes, legs);
    }

    private Mdp3Schema()
    {
    }

    /**
     * CME's name of a template, without the id suffix the schema adds (both generations share a name).
     *
     * @param templateId from a message header.
     * @return e.g. {@code MDIncrementalRefreshBook}, or null when CME defines no such template in these versions.
     */
    public static String name(final int templateId)
    {
        return templateId >= 0 && templateId <= MAX_TEMPLATE_ID ? NAMES[templateId] : null;
    }

    /**
     * Does CME define this template (in the schema versions known here)?
     *
     * @param templateId from a message header.
     * @return true for a CME template, decoded here or not.
     */
    public static boolean isDefined(final int templateId)
    {
        return null != name(templateId);
    }

    /**
     * Does this package decode the template?
     *
     * @param templateId from a message header.
     * @return true when its messages are delivered to an {@link Mdp3Listener}.
     */
    public static boolean isDecoded(final int templateId)
    {
        return null != layout(templateId);
    }

    /**
     * Exponent of the prices (PRICE, PRICENULL or PRICE9, PRICENULL9) in a template.
     *
     * @param templateId of a decoded template.
     * @return -7 for the templates of versions 2 to 8 (27 to 44), -9 for those of version 9 (46 to 56).
     */
    public static int priceExponent(final int templateId)
    {
        return templateId >= 46 ? -9 : -7;
    }

    static Layout layout(final int templateId)
    {
        return templateId >= 0 && templateId <= MAX_TEMPLATE_ID ? LAYOUTS[templateId] : null;
    }

    private static void name(final int templateId, final String name)
    {
        NAMES[templateId] = name;
    }

    private static void layout(final int templateId, final int[] root, final Group... groups)
    {
        LAYOUTS[templateId] = new Layout(root, groups);
    }

    private static Group group(
        final String name, final int headerLength, final int sinceVersion, final int... entry)
    {
        return new Group(name, headerLength, sinceVersion, entry);
    }

    /**
     * The shortest block a version allows, from {sinceVersion, end, ...} pairs in ascending version.
     */
    static int minimumLength(final int[] ends, final int version)
    {
        int minimum = 0;
        for (int i = 0; i < ends.length; i += 2)
        {
            if (ends[i] <= version)
            {
                minimum = ends[i + 1];
            }
        }
        return minimum;
    }

    /**
     * A decoded template: its root block and its repeating groups in wire order.
     */
    static final class Layout
    {
        final int[] root;
        final Group[] groups;

        Layout(final int[] root, final Group[] groups)
        {
            this.root = root;
            this.groups = groups;
        }

        int minimumRootLength(final int version)
        {
            return minimumLength(root, version);
        }
    }

    /**
     * A repeating group: its dimension encoding, the version that added it, and its entry's minimum lengths.
     */
    static final class Group
    {
        final String name;
        final int headerLength;
        final int countOffset;
        final int sinceVersion;
        final int[] entry;

        Group(final String name, final int headerLength, final int sinceVersion, final int[] entry)
        {
            this.name = name;
            this.headerLength = headerLength;
            this.countOffset = headerLength == GROUP_SIZE_8_BYTE ? 7 : 2;
            this.sinceVersion = sinceVersion;
            this.entry = entry;
        }

        int minimumEntryLength(final int version)
        {
            return minimumLength(entry, version);
        }
    }
}
