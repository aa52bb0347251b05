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

import io.tickwire.agent.metrics.CounterKind;
import io.tickwire.agent.metrics.MetricsServer;
import io.tickwire.feed.client.ClientCounterTypes;
import io.tickwire.feed.ingest.moldudp64.MoldUdp64Client;
import io.tickwire.feed.snapshot.SnapshotServer;
import io.tickwire.latency.LatencyRegistry;

import java.util.List;

/**
 * The feed handler's Prometheus metrics: a {@link CounterKind} for each type of Tickwire counter a feed handler's
 * driver can hold (the {@link FeedCounters}, the MoldUDP64 client's, the snapshot server's and its books', and those
 * of feed clients on the same driver), one metric family per type id, under the names the operations guide lists,
 * and what a {@link MetricsServer} needs to export them with the driver's own counters and the stage latencies.
 * The label patterns follow the label texts a {@code CounterSet} writes, {@code COMPONENT NAME: INSTANCE}
 * ({@code tickwire-feed msgs-in: SOURCE}, {@code tickwire-feed msgs-published: CHANNEL stream ID},
 * {@code tickwire-book book-errors UNKNOWN_ORDER: OWNER}); tests scrape a live feed handler, its snapshot server and
 * a feed client and check that no Tickwire counter falls through to the generic names.
 */
public final class FeedMetrics
{
    /** The {@code driver} label of the feed handler's media driver counters. */
    public static final String DRIVER = "feed";

    private static final String SOURCE = "tickwire-feed %s: (.*)";
    private static final String STREAM = "tickwire-feed %s: (.*) stream (-?\\d+)";

    /** The kinds of the counters a feed handler's driver holds. */
    public static final List<CounterKind> COUNTER_KINDS = List.of(
        source(FeedCounterTypes.MESSAGES_IN, "tickwire_feed_messages_in", "msgs-in",
            "ITCH messages read from the source"),
        source(FeedCounterTypes.NOT_NORMALISED, "tickwire_feed_messages_not_normalised", "msgs-not-normalised",
            "Messages of types counted but not published"),
        source(FeedCounterTypes.RING_FULL, "tickwire_feed_ring_full_episodes", "ring-full",
            "Times the ingest ring was found full (replay waits, live drops)"),
        source(FeedCounterTypes.DROPPED, "tickwire_feed_messages_dropped_ring_full", "dropped-ring-full",
            "Live messages dropped because the ring was full"),
        CounterKind.counter(FeedCounterTypes.MALFORMED, "tickwire_feed_malformed_messages",
            "Malformed input, by reason", "tickwire-feed malformed (\\S+): (.*)", "reason", "source"),
        source(FeedCounterTypes.UPSTREAM_GAPS, "tickwire_feed_upstream_gaps", "upstream-gaps",
            "Gaps in the upstream MoldUDP64 sequence"),
        source(FeedCounterTypes.UPSTREAM_RECOVERED, "tickwire_feed_upstream_messages_recovered",
            "upstream-recovered", "Upstream MoldUDP64 messages recovered by re-request"),
        source(FeedCounterTypes.UPSTREAM_LOST, "tickwire_feed_upstream_messages_lost", "upstream-lost",
            "Upstream MoldUDP64 messages lost to unrecoverable gaps"),
        stream(FeedCounterTypes.MESSAGES_PUBLISHED, "tickwire_feed_messages_published", "msgs-published",
            "Normalised messages published"),
        stream(FeedCounterTypes.BYTES_PUBLISHED, "tickwire_feed_published_bytes", "bytes-published",
            "Bytes published"),
        stream(FeedCounterTypes.BACK_PRESSURE, "tickwire_feed_back_pressure_events", "back-pressure",
            "Offers refused for back pressure"),
        stream(FeedCounterTypes.NOT_CONNECTED, "tickwire_feed_not_connected_events", "not-connected",
            "Offers refused because no subscriber was connected"),
        stream(FeedCounterTypes.HEARTBEATS, "tickwire_feed_heartbeats_published", "heartbeats",
            "Heartbeats published on a quiet feed"),
        CounterKind.gauge(FeedCounterTypes.PUBLISHER_POSITION, "tickwire_feed_publisher_position_bytes",
            "Position of the publication", String.format(STREAM, "publisher-position"), "channel", "stream"),
        stream(ClientCounterTypes.MESSAGES_RECEIVED, "tickwire_feed_client_messages_received",
            ClientCounterTypes.CLIENT_COMPONENT, "messages-received", "Messages read from the feed"),
        stream(ClientCounterTypes.HEARTBEATS, "tickwire_feed_client_heartbeats_received",
            ClientCounterTypes.CLIENT_COMPONENT, "heartbeats", "Heartbeats received"),
        stream(ClientCounterTypes.MESSAGES_APPLIED, "tickwire_feed_client_messages_applied",
            ClientCounterTypes.CLIENT_COMPONENT, "messages-applied",
            "Messages applied to the books, live or from the recovery buffer"),
        stream(ClientCounterTypes.GAPS, "tickwire_feed_client_gaps",
            ClientCounterTypes.CLIENT_COMPONENT, "gaps", "Gaps in the feed sequence"),
        stream(ClientCounterTypes.DUPLICATES, "tickwire_feed_client_duplicates",
            ClientCounterTypes.CLIENT_COMPONENT, "duplicates", "Duplicate messages dropped"),
        stream(ClientCounterTypes.PUBLISHER_RESTARTS, "tickwire_feed_client_publisher_restarts",
            ClientCounterTypes.CLIENT_COMPONENT, "publisher-restarts",
            "Publisher restarts (new sessions after the first)"),
        stream(ClientCounterTypes.STALE_SESSION_MESSAGES, "tickwire_feed_client_stale_session_messages",
            ClientCounterTypes.CLIENT_COMPONENT, "stale-session-messages",
            "Messages of a replaced publisher session, dropped"),
        stream(ClientCounterTypes.SKIPPED_COVERED_BY_SNAPSHOT, "tickwire_feed_client_messages_covered_by_snapshot",
            ClientCounterTypes.CLIENT_COMPONENT, "skipped-covered-by-snapshot",
            "Live messages dropped because the snapshot had them"),
        stream(ClientCounterTypes.SILENCES, "tickwire_feed_client_silences",
            ClientCounterTypes.CLIENT_COMPONENT, "silences", "Silences longer than the silence timeout"),
        stream(ClientCounterTypes.RECOVERIES_STARTED, "tickwire_feed_client_recoveries_started",
            ClientCounterTypes.CLIENT_COMPONENT, "recoveries-started", "Snapshot recoveries started"),
        stream(ClientCounterTypes.RECOVERIES_COMPLETED, "tickwire_feed_client_recoveries_completed",
            ClientCounterTypes.CLIENT_COMPONENT, "recoveries-completed", "Snapshot recoveries completed"),
        stream(ClientCounterTypes.SNAPSHOT_REQUESTS, "tickwire_feed_client_snapshot_requests",
            ClientCounterTypes.CLIENT_COMPONENT, "snapshot-requests", "Snapshot requests sent"),
        stream(ClientCounterTypes.SNAPSHOT_ERRORS, "tickwire_feed_client_snapshot_errors",
            ClientCounterTypes.CLIENT_COMPONENT, "snapshot-errors", "Snapshots that did not add up, requested again"),
        stream(ClientCounterTypes.PUBLISHER_CHANGES, "tickwire_feed_client_publisher_changes",
            ClientCounterTypes.CLIENT_COMPONENT, "publisher-changes", "Publisher changes, books recovered by snapshot"),
        book(ClientCounterTypes.BOOK_MESSAGES_APPLIED, "tickwire_book_messages_applied", "messages-applied",
            "Messages routed to the books"),
        book(ClientCounterTypes.BOOK_UNDEFINED_INSTRUMENT_MESSAGES, "tickwire_book_undefined_instrument_messages",
            "undefined-instrument-messages", "Messages for an instrument not defined yet (symbol filter set)"),
        book(ClientCounterTypes.BOOK_UNKNOWN_TEMPLATE_MESSAGES, "tickwire_book_unknown_template_messages",
            "unknown-template-messages", "Messages of an unknown schema or template"),
        book(ClientCounterTypes.BOOK_MALFORMED_MESSAGES, "tickwire_book_malformed_messages", "malformed-messages",
            "Messages too short or with values the schema does not define"),
        book(ClientCounterTypes.BOOK_RESETS, "tickwire_book_resets", "book-resets",
            "BookReset messages applied (one instrument or a whole venue)"),
        CounterKind.counter(ClientCounterTypes.BOOK_ERRORS, "tickwire_book_errors",
            "Order events and price level updates the books rejected, by reason and owner",
            ClientCounterTypes.BOOK_COMPONENT + " book-errors (\\S+): (.*)", "reason", "owner"),
        moldUdp64(FeedCounterTypes.MOLD_PACKETS_RECEIVED, "tickwire_moldudp64_packets_received", "packets-received",
            "Datagrams received on both lines, valid or not"),
        moldUdp64(FeedCounterTypes.MOLD_BYTES_RECEIVED, "tickwire_moldudp64_received_bytes", "bytes-received",
            "Bytes received on both lines"),
        moldUdp64(FeedCounterTypes.MOLD_MESSAGES_DELIVERED, "tickwire_moldudp64_messages_delivered",
            "messages-delivered", "Messages delivered in sequence"),
        moldUdp64(FeedCounterTypes.MOLD_HEARTBEATS_RECEIVED, "tickwire_moldudp64_heartbeats_received",
            "heartbeats-received", "Heartbeats received"),
        moldUdp64(FeedCounterTypes.MOLD_DUPLICATE_PACKETS, "tickwire_moldudp64_duplicate_packets", "duplicate-packets",
            "Packets whose every message was already delivered"),
        moldUdp64(FeedCounterTypes.MOLD_DUPLICATE_MESSAGES, "tickwire_moldudp64_duplicate_messages",
            "duplicate-messages", "Messages at the front of packets overlapping what was delivered"),
        moldUdp64(FeedCounterTypes.MOLD_MALFORMED_PACKETS, "tickwire_moldudp64_malformed_packets", "malformed-packets",
            "Packets rejected as malformed or of another session"),
        moldUdp64(FeedCounterTypes.MOLD_EMPTY_MESSAGES, "tickwire_moldudp64_empty_messages", "empty-messages",
            "Zero-length messages, reported and not delivered"),
        moldUdp64(FeedCounterTypes.MOLD_PACKETS_STASHED, "tickwire_moldudp64_packets_stashed", "packets-stashed",
            "Packets kept because they arrived ahead of a gap"),
        moldUdp64(FeedCounterTypes.MOLD_STASH_OVERFLOWS, "tickwire_moldudp64_stash_overflows", "stash-overflows",
            "Packets ahead of a gap not kept, the stash being full"),
        moldUdp64(FeedCounterTypes.MOLD_GAPS_DETECTED, "tickwire_moldudp64_gaps_detected", "gaps-detected",
            "Gaps detected"),
        moldUdp64(FeedCounterTypes.MOLD_GAPS_RECOVERED, "tickwire_moldudp64_gaps_recovered", "gaps-recovered",
            "Gaps whose every message was delivered"),
        moldUdp64(FeedCounterTypes.MOLD_MESSAGES_RECOVERED, "tickwire_moldudp64_messages_recovered",
            "messages-recovered", "Messages delivered that had been missing in a gap"),
        moldUdp64(FeedCounterTypes.MOLD_REQUESTS_SENT, "tickwire_moldudp64_requests_sent", "requests-sent",
            "Re-requests sent"),
        moldUdp64(FeedCounterTypes.MOLD_REQUEST_RETRIES, "tickwire_moldudp64_request_retries", "request-retries",
            "Re-requests repeated after a timeout"),
        moldUdp64(FeedCounterTypes.MOLD_REQUEST_SENDS_FAILED, "tickwire_moldudp64_request_sends_failed",
            "request-sends-failed", "Re-requests the socket did not take"),
        moldUdp64(FeedCounterTypes.MOLD_UNRECOVERABLE_GAPS, "tickwire_moldudp64_unrecoverable_gaps",
            "unrecoverable-gaps", "Gaps reported as unrecoverable"),
        moldUdp64(FeedCounterTypes.MOLD_MESSAGES_SKIPPED, "tickwire_moldudp64_messages_skipped", "messages-skipped",
            "Messages skipped over unrecoverable gaps"),
        moldUdp64(FeedCounterTypes.MOLD_SESSION_CHANGES, "tickwire_moldudp64_session_changes", "session-changes",
            "Sessions followed after the first"),
        stream(FeedCounterTypes.SNAPSHOT_MESSAGES_APPLIED, "tickwire_snapshot_server_messages_applied",
            SnapshotServer.COMPONENT, "messages-applied", "Messages of the followed stream applied to the books"),
        stream(FeedCounterTypes.SNAPSHOT_GAPS, "tickwire_snapshot_server_gaps",
            SnapshotServer.COMPONENT, "gaps", "Gaps on the server's own subscription"),
        stream(FeedCounterTypes.SNAPSHOTS_SERVED, "tickwire_snapshot_server_snapshots_served",
            SnapshotServer.COMPONENT, "snapshots-served", "Snapshots sent completely"),
        stream(FeedCounterTypes.SNAPSHOT_REQUESTS_REFUSED, "tickwire_snapshot_server_requests_refused",
            SnapshotServer.COMPONENT, "requests-refused", "Requests refused while the books were not valid"),
        stream(FeedCounterTypes.SNAPSHOTS_ABANDONED, "tickwire_snapshot_server_snapshots_abandoned",
            SnapshotServer.COMPONENT, "snapshots-abandoned",
            "Snapshots abandoned, no subscriber on the response stream"));

    private FeedMetrics()
    {
    }

    /**
     * Have a metrics server export a started feed handler: its driver's counters and its stage latencies.
     *
     * @param builder  the server being built.
     * @param feed     the feed handler, started (its driver's directory is known then).
     * @param registry the latency registry the feed handler records into, or null for none.
     * @return the builder.
     */
    public static MetricsServer.Builder export(
        final MetricsServer.Builder builder, final FeedHandler feed, final LatencyRegistry registry)
    {
        builder.counterKinds(COUNTER_KINDS).aeronDirectory(DRIVER, feed.aeronDirectoryName());
        if (null != registry)
        {
            builder.latency(registry);
        }
        return builder;
    }

    private static CounterKind source(final int typeId, final String name, final String label, final String help)
    {
        return CounterKind.counter(typeId, name, help + ", by source", String.format(SOURCE, label), "source");
    }

    private static CounterKind stream(final int typeId, final String name, final String label, final String help)
    {
        return CounterKind.counter(typeId, name, help + ", by channel and stream", String.format(STREAM, label),
            "channel", "stream");
    }

    private static CounterKind stream(
        final int typeId, final String name, final String component, final String label, final String help)
    {
        return CounterKind.counter(typeId, name, help + ", by channel and stream",
            component + " " + label + ": (.*) stream (-?\\d+)", "channel", "stream");
    }

    private static CounterKind book(final int typeId, final String name, final String label, final String help)
    {
        return CounterKind.counter(typeId, name, help + ", by owner (the feed client or snapshot server)",
            ClientCounterTypes.BOOK_COMPONENT + " " + label + ": (.*)", "owner");
    }

    private static CounterKind moldUdp64(final int typeId, final String name, final String label, final String help)
    {
        return CounterKind.counter(typeId, name, help + ", by source",
            MoldUdp64Client.COMPONENT + " " + label + ": (.*)", "source");
    }
}
