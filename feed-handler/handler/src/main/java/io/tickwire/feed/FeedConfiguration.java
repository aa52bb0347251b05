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

import io.tickwire.agent.ThreadPlan;
import io.tickwire.agent.ThreadingProfile;
import io.tickwire.feed.config.IdleStrategies;
import io.tickwire.feed.ingest.itch.ItchNormaliser;
import io.tickwire.feed.protocol.FeedDefaults;
import org.agrona.concurrent.IdleStrategy;

import java.io.File;
import java.util.function.Supplier;

/**
 * Defaults of the feed handler, each overridable by a system property. A {@link FeedHandlerContext} starts from
 * these values; a configuration file ({@code config/feed-handler.properties}, the same names as keys) overrides
 * them, and command line options override the file.
 */
public final class FeedConfiguration
{
    /**
     * Aeron channel the feed is published on.
     */
    public static final String CHANNEL_PROP_NAME = "tickwire.feed.channel";

    /**
     * UDP multicast on loopback: works on a single host without set-up, and {@code ttl=0} keeps it on the host.
     */
    public static final String CHANNEL_DEFAULT = FeedDefaults.CHANNEL;

    /**
     * Aeron stream id of the feed.
     */
    public static final String STREAM_ID_PROP_NAME = "tickwire.feed.stream.id";

    /**
     * Default stream id of the published feed.
     */
    public static final int STREAM_ID_DEFAULT = FeedDefaults.STREAM_ID;

    /**
     * Capacity in bytes of each source's ring buffer (a power of two).
     */
    public static final String RING_CAPACITY_PROP_NAME = "tickwire.feed.ring.capacity";

    /**
     * 1 MiB holds about 10,000 normalised messages: enough to ride out a scheduling hiccup of the publisher.
     */
    public static final int RING_CAPACITY_DEFAULT = 1024 * 1024;

    /**
     * Most messages one ingest agent takes from its source in one duty cycle.
     */
    public static final String INGEST_BATCH_PROP_NAME = "tickwire.feed.ingest.batch";

    /**
     * Default ingest batch: bounded so that a busy source cannot starve other agents on a shared thread.
     */
    public static final int INGEST_BATCH_DEFAULT = 256;

    /**
     * Most messages the publisher takes from one ring in one duty cycle.
     */
    public static final String PUBLISH_BATCH_PROP_NAME = "tickwire.feed.publish.batch";

    /**
     * Default publisher batch per ring and duty cycle.
     */
    public static final int PUBLISH_BATCH_DEFAULT = 256;

    /**
     * Longest normalised message an ingest agent writes into its ring, in bytes, including the SBE header.
     */
    public static final String MAX_MESSAGE_LENGTH_PROP_NAME = "tickwire.feed.max.message.length";

    /**
     * The longest message {@link ItchNormaliser} encodes.
     */
    public static final int MAX_MESSAGE_LENGTH_DEFAULT = ItchNormaliser.MAX_ENCODED_LENGTH;

    /**
     * Interval in nanoseconds after which an idle publisher sends a heartbeat.
     */
    public static final String HEARTBEAT_INTERVAL_PROP_NAME = "tickwire.feed.heartbeat.interval.ns";

    /**
     * Default heartbeat interval: a subscriber learns of a lost last message within this time.
     */
    public static final long HEARTBEAT_INTERVAL_DEFAULT_NS = FeedDefaults.HEARTBEAT_INTERVAL_NS;

    /**
     * Threading profile: {@code compact}, {@code dedicated}, or unset to choose from the core count.
     */
    public static final String PROFILE_PROP_NAME = "tickwire.feed.profile";

    /**
     * Term buffer length of the embedded driver's publications. Larger terms absorb bursts before back-pressure.
     */
    public static final String TERM_LENGTH_PROP_NAME = "tickwire.feed.term.length";

    /**
     * Default term length: 16 MiB.
     */
    public static final int TERM_LENGTH_DEFAULT = 16 * 1024 * 1024;

    /**
     * SO_SNDBUF and SO_RCVBUF of the embedded driver's UDP sockets, unless the channel sets {@code so-sndbuf} /
     * {@code so-rcvbuf}.
     */
    public static final String SOCKET_BUFFER_LENGTH_PROP_NAME = "tickwire.feed.socket.buffer.length";

    /**
     * 2 MiB: Aeron's 128 KiB default makes a subscriber's receiver window, and so the publisher, stall every
     * ~1,000 messages on loopback. The kernel caps it at {@code net.core.rmem_max}/{@code wmem_max}.
     */
    public static final int SOCKET_BUFFER_LENGTH_DEFAULT = 2 * 1024 * 1024;

    /**
     * Initial receiver window of subscriptions in the embedded driver, unless the channel sets {@code rcv-wnd}.
     */
    public static final String RECEIVER_WINDOW_LENGTH_PROP_NAME = "tickwire.feed.receiver.window.length";

    /**
     * 2 MiB, matching {@link #SOCKET_BUFFER_LENGTH_DEFAULT}.
     */
    public static final int RECEIVER_WINDOW_LENGTH_DEFAULT = 2 * 1024 * 1024;

    /**
     * Whether the feed handler runs its snapshot server ({@code true} or {@code false}).
     */
    public static final String SNAPSHOTS_PROP_NAME = "tickwire.feed.snapshots";

    /**
     * Channel the snapshot server takes requests on.
     */
    public static final String SNAPSHOT_REQUEST_CHANNEL_PROP_NAME = "tickwire.feed.snapshot.request.channel";

    /**
     * Default: the one {@link FeedDefaults} sends requests to.
     */
    public static final String SNAPSHOT_REQUEST_CHANNEL_DEFAULT =
        FeedDefaults.SNAPSHOT_REQUEST_CHANNEL;

    /**
     * Stream id of the snapshot requests.
     */
    public static final String SNAPSHOT_REQUEST_STREAM_ID_PROP_NAME = "tickwire.feed.snapshot.request.stream.id";

    /**
     * Default: as {@link FeedDefaults}.
     */
    public static final int SNAPSHOT_REQUEST_STREAM_ID_DEFAULT =
        FeedDefaults.SNAPSHOT_REQUEST_STREAM_ID;

    /**
     * Channel the snapshot server answers on.
     */
    public static final String SNAPSHOT_RESPONSE_CHANNEL_PROP_NAME = "tickwire.feed.snapshot.response.channel";

    /**
     * Default: the one {@link FeedDefaults} listens on.
     */
    public static final String SNAPSHOT_RESPONSE_CHANNEL_DEFAULT =
        FeedDefaults.SNAPSHOT_RESPONSE_CHANNEL;

    /**
     * Stream id of the snapshot responses.
     */
    public static final String SNAPSHOT_RESPONSE_STREAM_ID_PROP_NAME = "tickwire.feed.snapshot.response.stream.id";

    /**
     * Default: as {@link FeedDefaults}.
     */
    public static final int SNAPSHOT_RESPONSE_STREAM_ID_DEFAULT =
        FeedDefaults.SNAPSHOT_RESPONSE_STREAM_ID;

    /**
     * Directory of an external, already running media driver; unset to embed one.
     */
    public static final String AERON_DIR_PROP_NAME = "tickwire.feed.aeron.dir";

    /**
     * CPUs to pin agent threads to, e.g. {@code 2,3} or {@code 2-4}; unset for no pinning.
     */
    public static final String CPUS_PROP_NAME = "tickwire.feed.cpus";

    /**
     * Messages per second per replayed source (file, capture, simulator); 0 for as fast as possible.
     */
    public static final String RATE_PROP_NAME = "tickwire.feed.rate";

    /**
     * Directory for an Aeron Archive recording of the published stream; unset for none.
     */
    public static final String RECORD_DIR_PROP_NAME = "tickwire.feed.record.dir";

    /**
     * Idle strategy of the compact profile's agent thread and embedded driver: {@value IdleStrategies#NAMES}.
     */
    public static final String COMPACT_IDLE_STRATEGY_PROP_NAME = "tickwire.feed.compact.idle.strategy";

    /**
     * Default compact idle strategy: back off to parking, so the compact profile never holds a core when idle.
     */
    public static final String COMPACT_IDLE_STRATEGY_DEFAULT = "backoff";

    /**
     * Idle strategy of the dedicated profile's agent threads.
     */
    public static final String DEDICATED_IDLE_STRATEGY_PROP_NAME = "tickwire.feed.dedicated.idle.strategy";

    /**
     * Default dedicated idle strategy: busy spin, the point of a dedicated core.
     */
    public static final String DEDICATED_IDLE_STRATEGY_DEFAULT = "busy-spin";

    /**
     * Idle strategy of the snapshot server's own thread in the dedicated profile.
     */
    public static final String SNAPSHOT_IDLE_STRATEGY_PROP_NAME = "tickwire.feed.snapshot.idle.strategy";

    /**
     * Default snapshot idle strategy: back off; the snapshot server is not latency critical and must not spin.
     */
    public static final String SNAPSHOT_IDLE_STRATEGY_DEFAULT = "backoff";

    /**
     * Malformed-input reports printed per source and reason (all are counted).
     */
    public static final String MALFORMED_REPORT_LIMIT_PROP_NAME = "tickwire.feed.malformed.report.limit";

    /**
     * Default: enough to see the pattern of bad input without flooding the terminal.
     */
    public static final int MALFORMED_REPORT_LIMIT_DEFAULT = 10;

    private FeedConfiguration()
    {
    }

    /**
     * @return the external driver directory from {@link #AERON_DIR_PROP_NAME}, or null to embed one.
     */
    public static String aeronDirectoryName()
    {
        return System.getProperty(AERON_DIR_PROP_NAME);
    }

    /**
     * @return the CPUs from {@link #CPUS_PROP_NAME}, empty for no pinning.
     */
    public static int[] cpus()
    {
        return ThreadPlan.parseCpus(System.getProperty(CPUS_PROP_NAME));
    }

    /**
     * @return the rate from {@link #RATE_PROP_NAME}, 0 for as fast as possible.
     */
    public static long rate()
    {
        return Long.getLong(RATE_PROP_NAME, 0);
    }

    /**
     * @return the recording directory from {@link #RECORD_DIR_PROP_NAME}, or null.
     */
    public static File recordDir()
    {
        final String dir = System.getProperty(RECORD_DIR_PROP_NAME);
        return null == dir ? null : new File(dir);
    }

    /**
     * @return the compact idle strategy from {@link #COMPACT_IDLE_STRATEGY_PROP_NAME} or its default.
     */
    public static Supplier<IdleStrategy> compactIdleStrategy()
    {
        return IdleStrategies.parse(System.getProperty(COMPACT_IDLE_STRATEGY_PROP_NAME, COMPACT_IDLE_STRATEGY_DEFAULT));
    }

    /**
     * @return the dedicated idle strategy from {@link #DEDICATED_IDLE_STRATEGY_PROP_NAME} or its default.
     */
    public static Supplier<IdleStrategy> dedicatedIdleStrategy()
    {
        return IdleStrategies.parse(
            System.getProperty(DEDICATED_IDLE_STRATEGY_PROP_NAME, DEDICATED_IDLE_STRATEGY_DEFAULT));
    }

    /**
     * @return the snapshot idle strategy from {@link #SNAPSHOT_IDLE_STRATEGY_PROP_NAME} or its default.
     */
    public static Supplier<IdleStrategy> snapshotIdleStrategy()
    {
        return IdleStrategies.parse(
            System.getProperty(SNAPSHOT_IDLE_STRATEGY_PROP_NAME, SNAPSHOT_IDLE_STRATEGY_DEFAULT));
    }

    /**
     * @return the report limit from {@link #MALFORMED_REPORT_LIMIT_PROP_NAME} or its default.
     */
    public static int malformedReportLimit()
    {
        return Integer.getInteger(MALFORMED_REPORT_LIMIT_PROP_NAME, MALFORMED_REPORT_LIMIT_DEFAULT);
    }

    /**
     * @return the channel from {@link #CHANNEL_PROP_NAME} or {@link #CHANNEL_DEFAULT}.
     */
    public static String channel()
    {
        return System.getProperty(CHANNEL_PROP_NAME, CHANNEL_DEFAULT);
    }

    /**
     * @return the stream id from {@link #STREAM_ID_PROP_NAME} or {@link #STREAM_ID_DEFAULT}.
     */
    public static int streamId()
    {
        return Integer.getInteger(STREAM_ID_PROP_NAME, STREAM_ID_DEFAULT);
    }

    /**
     * @return the ring capacity from {@link #RING_CAPACITY_PROP_NAME} or {@link #RING_CAPACITY_DEFAULT}.
     */
    public static int ringCapacity()
    {
        return Integer.getInteger(RING_CAPACITY_PROP_NAME, RING_CAPACITY_DEFAULT);
    }

    /**
     * @return the ingest batch from {@link #INGEST_BATCH_PROP_NAME} or {@link #INGEST_BATCH_DEFAULT}.
     */
    public static int ingestBatch()
    {
        return Integer.getInteger(INGEST_BATCH_PROP_NAME, INGEST_BATCH_DEFAULT);
    }

    /**
     * @return the publisher batch from {@link #PUBLISH_BATCH_PROP_NAME} or {@link #PUBLISH_BATCH_DEFAULT}.
     */
    public static int publishBatch()
    {
        return Integer.getInteger(PUBLISH_BATCH_PROP_NAME, PUBLISH_BATCH_DEFAULT);
    }

    /**
     * @return the maximum message length from {@link #MAX_MESSAGE_LENGTH_PROP_NAME} or its default.
     */
    public static int maxMessageLength()
    {
        return Integer.getInteger(MAX_MESSAGE_LENGTH_PROP_NAME, MAX_MESSAGE_LENGTH_DEFAULT);
    }

    /**
     * @return the heartbeat interval from {@link #HEARTBEAT_INTERVAL_PROP_NAME} or its default.
     */
    public static long heartbeatIntervalNs()
    {
        return Long.getLong(HEARTBEAT_INTERVAL_PROP_NAME, HEARTBEAT_INTERVAL_DEFAULT_NS);
    }

    /**
     * @return the profile from {@link #PROFILE_PROP_NAME}, or null to choose from the core count.
     */
    public static ThreadingProfile profile()
    {
        final String value = System.getProperty(PROFILE_PROP_NAME);
        return null == value ? null : ThreadingProfile.parse(value);
    }

    /**
     * @return the term length from {@link #TERM_LENGTH_PROP_NAME} or {@link #TERM_LENGTH_DEFAULT}.
     */
    public static int termLength()
    {
        return Integer.getInteger(TERM_LENGTH_PROP_NAME, TERM_LENGTH_DEFAULT);
    }

    /**
     * @return the socket buffer length from {@link #SOCKET_BUFFER_LENGTH_PROP_NAME} or its default.
     */
    public static int socketBufferLength()
    {
        return Integer.getInteger(SOCKET_BUFFER_LENGTH_PROP_NAME, SOCKET_BUFFER_LENGTH_DEFAULT);
    }

    /**
     * @return the receiver window length from {@link #RECEIVER_WINDOW_LENGTH_PROP_NAME} or its default.
     */
    public static int receiverWindowLength()
    {
        return Integer.getInteger(RECEIVER_WINDOW_LENGTH_PROP_NAME, RECEIVER_WINDOW_LENGTH_DEFAULT);
    }

    /**
     * @return whether the snapshot server runs, from {@link #SNAPSHOTS_PROP_NAME} (default true).
     */
    public static boolean snapshots()
    {
        return !"false".equalsIgnoreCase(System.getProperty(SNAPSHOTS_PROP_NAME, "true"));
    }

    /**
     * @return the snapshot request channel from {@link #SNAPSHOT_REQUEST_CHANNEL_PROP_NAME} or its default.
     */
    public static String snapshotRequestChannel()
    {
        return System.getProperty(SNAPSHOT_REQUEST_CHANNEL_PROP_NAME, SNAPSHOT_REQUEST_CHANNEL_DEFAULT);
    }

    /**
     * @return the snapshot request stream id from {@link #SNAPSHOT_REQUEST_STREAM_ID_PROP_NAME} or its default.
     */
    public static int snapshotRequestStreamId()
    {
        return Integer.getInteger(SNAPSHOT_REQUEST_STREAM_ID_PROP_NAME, SNAPSHOT_REQUEST_STREAM_ID_DEFAULT);
    }

    /**
     * @return the snapshot response channel from {@link #SNAPSHOT_RESPONSE_CHANNEL_PROP_NAME} or its default.
     */
    public static String snapshotResponseChannel()
    {
        return System.getProperty(SNAPSHOT_RESPONSE_CHANNEL_PROP_NAME, SNAPSHOT_RESPONSE_CHANNEL_DEFAULT);
    }

    /**
     * @return the snapshot response stream id from {@link #SNAPSHOT_RESPONSE_STREAM_ID_PROP_NAME} or its default.
     */
    public static int snapshotResponseStreamId()
    {
        return Integer.getInteger(SNAPSHOT_RESPONSE_STREAM_ID_PROP_NAME, SNAPSHOT_RESPONSE_STREAM_ID_DEFAULT);
    }
}
