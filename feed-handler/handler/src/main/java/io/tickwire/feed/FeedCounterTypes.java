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
package io.tickwire.feed;

/**
 * The type ids of the feed handler artifact's Aeron counters, in one place so that they never collide: the feed
 * pipeline's (sources, ingest, publisher: 3001-3099), the MoldUDP64 client's (3200-3229), the snapshot server's
 * (3230-3249) the MDP 3.0 normaliser's (3250-3279) and live channel's (3280-3299), both continued at 3400-3419.
 * Tickwire's counters are 3000-3999 ({@code CounterSet}); the feed client artifact has 3100-3199
 * ({@code ClientCounterTypes}), the gateway 3300-3399. Aeron's own are below 1000. docs/OPERATIONS.md lists them all.
 */
public final class FeedCounterTypes
{
    /** "ITCH messages in" per source. */
    public static final int MESSAGES_IN = 3001;
    /** "messages not normalised" (types counted but not published) per source. */
    public static final int NOT_NORMALISED = 3002;
    /** "ring-full episodes" per source. */
    public static final int RING_FULL = 3003;
    /** "messages dropped, ring full" per live source. */
    public static final int DROPPED = 3004;
    /** "malformed input" per source and reason. */
    public static final int MALFORMED = 3005;
    /** "upstream MoldUDP64 gaps" per source. */
    public static final int UPSTREAM_GAPS = 3006;
    /** "upstream MoldUDP64 messages recovered" per source. */
    public static final int UPSTREAM_RECOVERED = 3007;
    /** "upstream MoldUDP64 messages lost" (unrecoverable gaps) per source. */
    public static final int UPSTREAM_LOST = 3008;
    /** "messages published". */
    public static final int MESSAGES_PUBLISHED = 3010;
    /** "bytes published". */
    public static final int BYTES_PUBLISHED = 3011;
    /** "back-pressure events". */
    public static final int BACK_PRESSURE = 3012;
    /** "not-connected events". */
    public static final int NOT_CONNECTED = 3013;
    /** "heartbeats published". */
    public static final int HEARTBEATS = 3014;
    /** "publisher position". */
    public static final int PUBLISHER_POSITION = 3015;

    /** MoldUDP64 client: datagrams received on both sockets, valid or not. */
    public static final int MOLD_PACKETS_RECEIVED = 3200;
    /** MoldUDP64 client: bytes received on both sockets. */
    public static final int MOLD_BYTES_RECEIVED = 3201;
    /** MoldUDP64 client: messages delivered to the handler. */
    public static final int MOLD_MESSAGES_DELIVERED = 3202;
    /** MoldUDP64 client: heartbeats received. */
    public static final int MOLD_HEARTBEATS_RECEIVED = 3203;
    /** MoldUDP64 client: packets whose every message was already delivered. */
    public static final int MOLD_DUPLICATE_PACKETS = 3204;
    /** MoldUDP64 client: messages at the front of packets that overlapped what was delivered. */
    public static final int MOLD_DUPLICATE_MESSAGES = 3205;
    /** MoldUDP64 client: packets rejected as malformed or of another session. */
    public static final int MOLD_MALFORMED_PACKETS = 3206;
    /** MoldUDP64 client: zero-length messages reported and not delivered. */
    public static final int MOLD_EMPTY_MESSAGES = 3207;
    /** MoldUDP64 client: packets kept because they arrived ahead of a gap. */
    public static final int MOLD_PACKETS_STASHED = 3208;
    /** MoldUDP64 client: packets ahead of a gap not kept, the stash being full. */
    public static final int MOLD_STASH_OVERFLOWS = 3209;
    /** MoldUDP64 client: gaps detected. */
    public static final int MOLD_GAPS_DETECTED = 3210;
    /** MoldUDP64 client: gaps whose every message was delivered. */
    public static final int MOLD_GAPS_RECOVERED = 3211;
    /** MoldUDP64 client: messages delivered that had been missing in a gap. */
    public static final int MOLD_MESSAGES_RECOVERED = 3212;
    /** MoldUDP64 client: re-requests sent. */
    public static final int MOLD_REQUESTS_SENT = 3213;
    /** MoldUDP64 client: re-requests repeated after a timeout. */
    public static final int MOLD_REQUEST_RETRIES = 3214;
    /** MoldUDP64 client: re-requests the socket did not take. */
    public static final int MOLD_REQUEST_SENDS_FAILED = 3215;
    /** MoldUDP64 client: gaps reported as unrecoverable. */
    public static final int MOLD_UNRECOVERABLE_GAPS = 3216;
    /** MoldUDP64 client: messages skipped over unrecoverable gaps. */
    public static final int MOLD_MESSAGES_SKIPPED = 3217;
    /** MoldUDP64 client: sessions followed after the first. */
    public static final int MOLD_SESSION_CHANGES = 3218;

    /** Snapshot server: messages of the followed stream applied to its books. */
    public static final int SNAPSHOT_MESSAGES_APPLIED = 3230;
    /** Snapshot server: gaps seen on its own subscription. */
    public static final int SNAPSHOT_GAPS = 3231;
    /** Snapshot server: snapshots sent completely. */
    public static final int SNAPSHOTS_SERVED = 3232;
    /** Snapshot server: requests refused because its books were not valid. */
    public static final int SNAPSHOT_REQUESTS_REFUSED = 3233;
    /** Snapshot server: snapshots abandoned, no subscriber on the response stream. */
    public static final int SNAPSHOTS_ABANDONED = 3234;

    /** MDP 3.0 normaliser: MDP 3.0 packets decoded (duplicates excluded). */
    public static final int MDP3_PACKETS = 3250;
    /** MDP 3.0 normaliser: jumps forward in MsgSeqNum. */
    public static final int MDP3_PACKET_GAPS = 3251;
    /** MDP 3.0 normaliser: packets missing in those jumps. */
    public static final int MDP3_PACKETS_MISSING = 3252;
    /** MDP 3.0 normaliser: packets whose MsgSeqNum was not above the last: skipped. */
    public static final int MDP3_PACKETS_DUPLICATE = 3253;
    /** MDP 3.0 normaliser: jumps forward in an instrument's RptSeq. */
    public static final int MDP3_RPT_SEQ_GAPS = 3254;
    /** MDP 3.0 normaliser: updates missing in those jumps. */
    public static final int MDP3_RPT_SEQ_MISSING = 3255;
    /** MDP 3.0 normaliser: entries whose RptSeq was not above the instrument's last: skipped. */
    public static final int MDP3_RPT_SEQ_DUPLICATE = 3256;
    /** MDP 3.0 normaliser: VenueInstrumentDefinition messages written. */
    public static final int MDP3_DEFINITIONS = 3257;
    /** MDP 3.0 normaliser: PriceLevelUpdate messages written. */
    public static final int MDP3_LEVEL_UPDATES = 3258;
    /** MDP 3.0 normaliser: TradeSummary messages written. */
    public static final int MDP3_TRADES = 3259;
    /** MDP 3.0 normaliser: TradingStatus messages written. */
    public static final int MDP3_STATUSES = 3260;
    /** MDP 3.0 normaliser: BookReset messages written (ChannelReset, empty-book entries). */
    public static final int MDP3_BOOK_RESETS = 3261;
    /** MDP 3.0 normaliser: SecurityStatus of a group or asset, not one instrument: counted. */
    public static final int MDP3_GROUP_STATUSES = 3262;
    /** MDP 3.0 normaliser: SecurityStatus NoChange or UnknownorInvalid: counted. */
    public static final int MDP3_STATUSES_UNCHANGED = 3263;
    /** MDP 3.0 normaliser: MDIncrementalRefreshVolume entries: counted, not published. */
    public static final int MDP3_VOLUME_ENTRIES = 3264;
    /** MDP 3.0 normaliser: market-by-order entries (template 47, order groups of 46): counted. */
    public static final int MDP3_ORDER_ENTRIES = 3265;
    /** MDP 3.0 normaliser: trade entries that bust or correct a trade: counted, not published. */
    public static final int MDP3_TRADES_NOT_NEW = 3266;
    /** MDP 3.0 normaliser: heartbeats, snapshots and templates not decoded: counted. */
    public static final int MDP3_MESSAGES_SKIPPED = 3267;
    /** MDP 3.0 live channel: snapshot (market recovery) packets read while recovering. */
    public static final int MDP3_SNAPSHOT_PACKETS = 3268;
    /** MDP 3.0 live channel: instrument definition channel packets read. */
    public static final int MDP3_DEFINITION_PACKETS = 3269;
    /** MDP 3.0 live channel: recoveries started (RptSeq gaps arbitration could not fill, late joins). */
    public static final int MDP3_RECOVERIES = 3270;
    /** MDP 3.0 live channel: instruments whose book was restated from a snapshot. */
    public static final int MDP3_INSTRUMENTS_RECOVERED = 3271;
    /** MDP 3.0 live channel: incremental entries held while their instrument recovered. */
    public static final int MDP3_ENTRIES_HELD = 3272;
    /** MDP 3.0 live channel: held entries overflowed (an instrument waits for a later snapshot). */
    public static final int MDP3_HOLD_OVERFLOWS = 3273;
    /** MDP 3.0 live channel: snapshots older than what their recovering instrument holds. */
    public static final int MDP3_SNAPSHOTS_STALE = 3274;
    /** MDP 3.0 live channel: instruments recovering now (a gauge; the whole channel counts 1 more). */
    public static final int MDP3_RECOVERING = 3275;
    /** MDP 3.0 normaliser, market by order: OrderUpdate messages published (46 order entries, 47, 53). */
    public static final int MDP3_ORDER_UPDATES = 3276;
    /** MDP 3.0 normaliser, market by order: order books restated from SnapshotFullRefreshOrderBook (53). */
    public static final int MDP3_ORDER_BOOKS_RESTATED = 3277;
    /** MDP 3.0 normaliser, market by order: order updates held while their instrument waited for its snapshot. */
    public static final int MDP3_ORDER_UPDATES_HELD = 3278;
    /** MDP 3.0 normaliser, market by order: held order updates overflowed (a later snapshot is needed). */
    public static final int MDP3_ORDER_HOLD_OVERFLOWS = 3279;
    /** MDP 3.0 live channel: incremental packets that won arbitration on line A. */
    public static final int MDP3_LINE_A_WON = 3280;
    /** MDP 3.0 live channel: packets of line A dropped as duplicates. */
    public static final int MDP3_LINE_A_DUPLICATES = 3281;
    /** MDP 3.0 live channel: MsgSeqNums line A jumped over. */
    public static final int MDP3_LINE_A_MISSED = 3282;
    /** MDP 3.0 live channel: incremental packets that won arbitration on line B. */
    public static final int MDP3_LINE_B_WON = 3283;
    /** MDP 3.0 live channel: packets of line B dropped as duplicates. */
    public static final int MDP3_LINE_B_DUPLICATES = 3284;
    /** MDP 3.0 live channel: MsgSeqNums line B jumped over. */
    public static final int MDP3_LINE_B_MISSED = 3285;
    /** MDP 3.0 live channel: gaps missed on both lines. */
    public static final int MDP3_GAPS_ON_BOTH = 3286;
    /** MDP 3.0 live channel: packets in those gaps. */
    public static final int MDP3_PACKETS_MISSED_ON_BOTH = 3287;
    /** MDP 3.0 live channel: packets held ahead of a hole that did not fit the hold (lost to arbitration). */
    public static final int MDP3_HOLD_FULL = 3288;
    /** MDP 3.0 live channel: times the snapshot loop was joined. */
    public static final int MDP3_SNAPSHOT_JOINS = 3289;
    /** MDP 3.0 live channel: MsgSeqNum gaps on both lines that made every instrument suspect. */
    public static final int MDP3_SUSPECT_GAPS = 3290;
    /** MDP 3.0 live channel: suspect instruments cleared by their next entry (RptSeq in sequence). */
    public static final int MDP3_SUSPECTS_CLEARED = 3291;
    /** MDP 3.0 live channel: suspect instruments cleared by a snapshot covering the gap at their RptSeq. */
    public static final int MDP3_SUSPECTS_CONFIRMED = 3292;
    /** MDP 3.0 live channel: instruments suspect now (a gauge). */
    public static final int MDP3_SUSPECT = 3293;
    /** MDP 3.0 live channel: ChannelResets lost on both lines, inferred from a RptSeq going back. */
    public static final int MDP3_RESETS_INFERRED = 3294;
    /** MDP 3.0 live channel: new sessions (a line's MsgSeqNum started again), handled as ChannelResets. */
    public static final int MDP3_SESSION_RESTARTS = 3295;
    /** MDP 3.0 live channel: packets of a line still in the old session, dropped. */
    public static final int MDP3_OLD_SESSION_PACKETS = 3296;
    /** MDP 3.0 live channel: recoveries started because the ring refused a feed message of an instrument. */
    public static final int MDP3_REFUSED_RECOVERIES = 3297;
    /** MDP 3.0 live channel: snapshot and definition loop packets dropped as the other side's copy. */
    public static final int MDP3_LOOP_DUPLICATES = 3298;
    /** MDP 3.0 live channel: snapshot packets of side B delivered first (side A's are the rest). */
    public static final int MDP3_SNAPSHOT_B_WON = 3299;
    /** MDP 3.0 normaliser, continued: statistics entries (33-35, 49-51) in RptSeq order, counted, not published. */
    public static final int MDP3_STATISTICS_ENTRIES = 3400;
    /** MDP 3.0 normaliser, continued: trade busts (TradeSummary entries with MDUpdateAction Delete) published. */
    public static final int MDP3_TRADE_BUSTS = 3401;
    /** MDP 3.0 normaliser, market by order, live: gaps on both lines that made every order book wait for a 53. */
    public static final int MDP3_ORDER_BOOK_GAPS = 3402;
    /** MDP 3.0 live channel, market by order: times the MBO snapshot loop (53) was joined. */
    public static final int MDP3_MBO_SNAPSHOT_JOINS = 3403;

    private FeedCounterTypes()
    {
    }
}
