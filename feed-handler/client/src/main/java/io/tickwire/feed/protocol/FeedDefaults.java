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
package io.tickwire.feed.protocol;

import java.util.concurrent.TimeUnit;

/**
 * What a feed publisher and its subscribers agree on before either starts: the default channels and stream ids of
 * the live feed and of the snapshot request and response streams, and the publisher's heartbeat interval (from
 * which a subscriber derives how long a silence means a dead publisher).
 * <p>
 * Both sides' configurations ({@code FeedConfiguration} in the handler, {@code FeedClientConfiguration} in the
 * client) take their defaults from here, so the handler never depends on the client's code or the client on the
 * handler's.
 */
public final class FeedDefaults
{
    /**
     * Live feed: a multicast group on loopback with TTL 0, so the default never leaves the host.
     */
    public static final String CHANNEL = "aeron:udp?endpoint=239.255.77.1:40456|interface=127.0.0.1|ttl=0";

    /**
     * Stream id of the live feed.
     */
    public static final int STREAM_ID = 1001;

    /**
     * Snapshot requests go unicast to the publisher's snapshot server.
     */
    public static final String SNAPSHOT_REQUEST_CHANNEL = "aeron:udp?endpoint=127.0.0.1:40457";

    /**
     * Stream id of the snapshot requests.
     */
    public static final int SNAPSHOT_REQUEST_STREAM_ID = 1002;

    /**
     * Snapshot responses: a multicast group of its own on loopback (odd address: Aeron sends control to the next
     * even one).
     */
    public static final String SNAPSHOT_RESPONSE_CHANNEL =
        "aeron:udp?endpoint=239.255.77.3:40458|interface=127.0.0.1|ttl=0";

    /**
     * Stream id of the snapshot responses.
     */
    public static final int SNAPSHOT_RESPONSE_STREAM_ID = 1003;

    /**
     * An idle publisher sends a heartbeat after this long, so a subscriber learns of a lost last message.
     */
    public static final long HEARTBEAT_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(250);

    private FeedDefaults()
    {
    }
}
