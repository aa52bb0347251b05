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
package io.tickwire.feed.client;

import io.tickwire.feed.config.IdleStrategies;
import io.tickwire.feed.protocol.FeedDefaults;
import org.agrona.concurrent.IdleStrategy;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Defaults of the {@link FeedClient}, each overridable by a system property. The same names are the keys of a
 * client configuration file ({@code config/feed-client.properties}, {@link FeedClientContext#fromProperties}),
 * which overrides the system properties.
 */
public final class FeedClientConfiguration
{
    /**
     * Channel of the published feed.
     */
    public static final String CHANNEL_PROP_NAME = "tickwire.feed.client.channel";

    /**
     * Default: multicast on loopback, as the publisher's default.
     */
    public static final String CHANNEL_DEFAULT = FeedDefaults.CHANNEL;

    /**
     * Stream id of the published feed.
     */
    public static final String STREAM_ID_PROP_NAME = "tickwire.feed.client.stream.id";

    /**
     * Default stream id of the published feed.
     */
    public static final int STREAM_ID_DEFAULT = FeedDefaults.STREAM_ID;

    /**
     * Channel the snapshot requests are sent to; empty disables snapshot recovery.
     */
    public static final String SNAPSHOT_REQUEST_CHANNEL_PROP_NAME = "tickwire.feed.client.snapshot.request.channel";

    /**
     * Default: unicast to a snapshot server on this host.
     */
    public static final String SNAPSHOT_REQUEST_CHANNEL_DEFAULT = FeedDefaults.SNAPSHOT_REQUEST_CHANNEL;

    /**
     * Stream id of the snapshot requests.
     */
    public static final String SNAPSHOT_REQUEST_STREAM_ID_PROP_NAME = "tickwire.feed.client.snapshot.request.stream.id";

    /**
     * Default stream id of the snapshot requests.
     */
    public static final int SNAPSHOT_REQUEST_STREAM_ID_DEFAULT = FeedDefaults.SNAPSHOT_REQUEST_STREAM_ID;

    /**
     * Channel the snapshots are answered on.
     */
    public static final String SNAPSHOT_RESPONSE_CHANNEL_PROP_NAME = "tickwire.feed.client.snapshot.response.channel";

    /**
     * Default: a multicast group of its own on loopback (odd address: Aeron sends control to the next even one).
     */
    public static final String SNAPSHOT_RESPONSE_CHANNEL_DEFAULT = FeedDefaults.SNAPSHOT_RESPONSE_CHANNEL;

    /**
     * Stream id of the snapshot responses.
     */
    public static final String SNAPSHOT_RESPONSE_STREAM_ID_PROP_NAME =
        "tickwire.feed.client.snapshot.response.stream.id";

    /**
     * Default stream id of the snapshot responses.
     */
    public static final int SNAPSHOT_RESPONSE_STREAM_ID_DEFAULT = FeedDefaults.SNAPSHOT_RESPONSE_STREAM_ID;

    /**
     * Fragments read per poll.
     */
    public static final String FRAGMENT_LIMIT_PROP_NAME = "tickwire.feed.client.fragment.limit";

    /**
     * Default fragments read per poll.
     */
    public static final int FRAGMENT_LIMIT_DEFAULT = 256;

    /**
     * Bytes of live messages held while a snapshot is awaited.
     */
    public static final String RECOVERY_BUFFER_CAPACITY_PROP_NAME = "tickwire.feed.client.recovery.buffer.capacity";

    /**
     * Default: 64 MiB, about a million messages.
     */
    public static final int RECOVERY_BUFFER_CAPACITY_DEFAULT = 64 * 1024 * 1024;

    /**
     * Time to wait for a complete snapshot before asking again.
     */
    public static final String SNAPSHOT_TIMEOUT_PROP_NAME = "tickwire.feed.client.snapshot.timeout.ns";

    /**
     * Default snapshot timeout: 2 s.
     */
    public static final long SNAPSHOT_TIMEOUT_DEFAULT_NS = 2_000_000_000L;

    /**
     * Time without any message or heartbeat from the publisher after which every book is marked stale.
     */
    public static final String SILENCE_TIMEOUT_PROP_NAME = "tickwire.feed.client.silence.timeout.ns";

    /**
     * Default silence timeout: four of the publisher's default heartbeat intervals (250 ms), so one or two lost
     * heartbeats do not flap the books but a dead publisher is seen within a second. 0 disables the check.
     */
    public static final long SILENCE_TIMEOUT_DEFAULT_NS =
        4 * FeedDefaults.HEARTBEAT_INTERVAL_NS;

    /**
     * Directory of an external media driver; unset for Aeron's default directory (a library user's own Aeron
     * client, or the driver {@code feed subscribe} embeds).
     */
    public static final String AERON_DIR_PROP_NAME = "tickwire.feed.client.aeron.dir";

    /**
     * Idle strategy of a {@link FeedClientAgent} runner: {@value IdleStrategies#NAMES}.
     */
    public static final String IDLE_STRATEGY_PROP_NAME = "tickwire.feed.client.idle.strategy";

    /**
     * Default idle strategy: back off to parking, so an idle subscriber costs no core.
     */
    public static final String IDLE_STRATEGY_DEFAULT = "backoff";

    /**
     * Comma-separated symbols to build books for; unset for all.
     */
    public static final String SYMBOLS_PROP_NAME = "tickwire.feed.client.symbols";

    /**
     * Deliver book and BBO updates once per instrument per poll ({@code true}) or per event ({@code false}).
     */
    public static final String CONFLATE_PROP_NAME = "tickwire.feed.client.conflate";

    private FeedClientConfiguration()
    {
    }

    /**
     * Media driver directory.
     *
     * @return the configured directory, or null for Aeron's default.
     */
    public static String aeronDirectoryName()
    {
        return System.getProperty(AERON_DIR_PROP_NAME);
    }

    /**
     * Idle strategy.
     *
     * @return a new instance of the configured strategy.
     * @throws IllegalArgumentException if the property names no strategy.
     */
    public static IdleStrategy idleStrategy()
    {
        return IdleStrategies.parse(System.getProperty(IDLE_STRATEGY_PROP_NAME, IDLE_STRATEGY_DEFAULT)).get();
    }

    /**
     * Symbols to build books for.
     *
     * @return the configured symbols, or null for all.
     */
    public static Set<String> symbols()
    {
        final String value = System.getProperty(SYMBOLS_PROP_NAME);
        return null == value ? null : parseSymbols(value);
    }

    /**
     * Conflation.
     *
     * @return true when book and BBO updates are conflated.
     */
    public static boolean conflate()
    {
        return Boolean.getBoolean(CONFLATE_PROP_NAME);
    }

    /**
     * Parse a comma-separated symbol list.
     *
     * @param value e.g. {@code AAPL,MSFT}.
     * @return the trimmed, non-empty symbols in order.
     * @throws IllegalArgumentException if no symbol is given.
     */
    public static Set<String> parseSymbols(final String value)
    {
        final Set<String> symbols = new LinkedHashSet<>();
        Arrays.stream(value.split(",")).map(String::trim).filter((s) -> !s.isEmpty()).forEach(symbols::add);
        if (symbols.isEmpty())
        {
            throw new IllegalArgumentException("no symbols in '" + value + "'");
        }
        return symbols;
    }

    /**
     * Feed channel.
     *
     * @return the configured value.
     */
    public static String channel()
    {
        return System.getProperty(CHANNEL_PROP_NAME, CHANNEL_DEFAULT);
    }

    /**
     * Feed stream id.
     *
     * @return the configured value.
     */
    public static int streamId()
    {
        return Integer.getInteger(STREAM_ID_PROP_NAME, STREAM_ID_DEFAULT);
    }

    /**
     * Snapshot request channel.
     *
     * @return the configured value.
     */
    public static String snapshotRequestChannel()
    {
        return System.getProperty(SNAPSHOT_REQUEST_CHANNEL_PROP_NAME, SNAPSHOT_REQUEST_CHANNEL_DEFAULT);
    }

    /**
     * Snapshot request stream id.
     *
     * @return the configured value.
     */
    public static int snapshotRequestStreamId()
    {
        return Integer.getInteger(SNAPSHOT_REQUEST_STREAM_ID_PROP_NAME, SNAPSHOT_REQUEST_STREAM_ID_DEFAULT);
    }

    /**
     * Snapshot response channel.
     *
     * @return the configured value.
     */
    public static String snapshotResponseChannel()
    {
        return System.getProperty(SNAPSHOT_RESPONSE_CHANNEL_PROP_NAME, SNAPSHOT_RESPONSE_CHANNEL_DEFAULT);
    }

    /**
     * Snapshot response stream id.
     *
     * @return the configured value.
     */
    public static int snapshotResponseStreamId()
    {
        return Integer.getInteger(SNAPSHOT_RESPONSE_STREAM_ID_PROP_NAME, SNAPSHOT_RESPONSE_STREAM_ID_DEFAULT);
    }

    /**
     * Fragment limit per poll.
     *
     * @return the configured value.
     */
    public static int fragmentLimit()
    {
        return Integer.getInteger(FRAGMENT_LIMIT_PROP_NAME, FRAGMENT_LIMIT_DEFAULT);
    }

    /**
     * Recovery buffer capacity.
     *
     * @return the configured value.
     */
    public static int recoveryBufferCapacity()
    {
        return Integer.getInteger(RECOVERY_BUFFER_CAPACITY_PROP_NAME, RECOVERY_BUFFER_CAPACITY_DEFAULT);
    }

    /**
     * Snapshot timeout.
     *
     * @return the configured value in nanoseconds.
     */
    public static long snapshotTimeoutNs()
    {
        return Long.getLong(SNAPSHOT_TIMEOUT_PROP_NAME, SNAPSHOT_TIMEOUT_DEFAULT_NS);
    }

    /**
     * Silence timeout.
     *
     * @return the configured value in nanoseconds; 0 disables the check.
     */
    public static long silenceTimeoutNs()
    {
        return Long.getLong(SILENCE_TIMEOUT_PROP_NAME, SILENCE_TIMEOUT_DEFAULT_NS);
    }
}
