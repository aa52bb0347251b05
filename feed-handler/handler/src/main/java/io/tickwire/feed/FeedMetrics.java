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
import io.tickwire.latency.LatencyRegistry;

import java.util.List;

/**
 * The feed handler's Prometheus metrics: a {@link CounterKind} for each of the {@link FeedCounters}, under the
 * names the operations guide lists, and what a {@link MetricsServer} needs to export them with the driver's own
 * counters and the stage latencies. The label patterns follow the label texts {@link FeedCounters} writes
 * ({@code tickwire-feed msgs-in: SOURCE}, {@code tickwire-feed msgs-published: CHANNEL stream ID}); a test
 * scrapes a live feed handler and checks that no counter of it falls through to the generic names.
 */
public final class FeedMetrics
{
    /** The {@code driver} label of the feed handler's media driver counters. */
    public static final String DRIVER = "feed";

    private static final String SOURCE = "tickwire-feed %s: (.*)";
    private static final String STREAM = "tickwire-feed %s: (.*) stream (-?\\d+)";

    /** The kinds of the feed handler's counters. */
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
            "Position of the publication", String.format(STREAM, "publisher-position"), "channel", "stream"));

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
}
