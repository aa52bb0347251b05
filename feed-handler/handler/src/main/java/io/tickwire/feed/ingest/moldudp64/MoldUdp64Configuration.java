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
package io.tickwire.feed.ingest.moldudp64;

import org.agrona.SystemUtil;

import java.util.concurrent.TimeUnit;

/**
 * Defaults for the MoldUDP64 client, server and request server, each overridable by a system property.
 * The {@code Context} of each component starts from these values.
 */
public final class MoldUdp64Configuration
{
    /** Property: largest downstream packet the server builds when it holds more than one message, in bytes. */
    public static final String MAX_PAYLOAD_LENGTH_PROP_NAME = "tickwire.moldudp64.max.payload.length";

    /** Default largest packet: fits a 1500-byte Ethernet MTU with IPv4 and UDP headers. */
    public static final int MAX_PAYLOAD_LENGTH_DEFAULT = 1400;

    /** Property: largest message count per downstream packet. */
    public static final String MAX_MESSAGES_PER_PACKET_PROP_NAME = "tickwire.moldudp64.max.messages.per.packet";

    /** Default largest message count per packet: limited only by the payload length. */
    public static final int MAX_MESSAGES_PER_PACKET_DEFAULT = MoldUdp64Packet.MAX_MESSAGE_COUNT;

    /** Property: interval after which an idle server sends a heartbeat (duration, e.g. {@code 1s}). */
    public static final String HEARTBEAT_INTERVAL_PROP_NAME = "tickwire.moldudp64.heartbeat.interval";

    /** Default heartbeat interval. */
    public static final long HEARTBEAT_INTERVAL_DEFAULT_NS = TimeUnit.SECONDS.toNanos(1);

    /** Property: time the client waits for an answer before it requests again (duration). */
    public static final String REQUEST_TIMEOUT_PROP_NAME = "tickwire.moldudp64.request.timeout";

    /** Default request timeout. */
    public static final long REQUEST_TIMEOUT_DEFAULT_NS = TimeUnit.MILLISECONDS.toNanos(50);

    /**
     * Property: with a B line, how long the client waits for the other line to fill a hole before it treats the
     * hole as missed on both lines and requests it (duration).
     */
    public static final String ARBITRATION_WAIT_PROP_NAME = "tickwire.moldudp64.arbitration.wait";

    /** Default arbitration wait: well above the usual skew between A and B lines, well below a request timeout. */
    public static final long ARBITRATION_WAIT_DEFAULT_NS = TimeUnit.MILLISECONDS.toNanos(1);

    /** Property: most messages the client asks for in one request. */
    public static final String MAX_REQUEST_MESSAGES_PROP_NAME = "tickwire.moldudp64.max.request.messages";

    /** Default most messages per request. */
    public static final int MAX_REQUEST_MESSAGES_DEFAULT = 2000;

    /** Property: requests without progress after which the client gives a gap up as unrecoverable. */
    public static final String MAX_REQUEST_ATTEMPTS_PROP_NAME = "tickwire.moldudp64.max.request.attempts";

    /** Default request attempts. */
    public static final int MAX_REQUEST_ATTEMPTS_DEFAULT = 5;

    /** Property: skip past an unrecoverable gap (true) or keep requesting it for ever (false). */
    public static final String SKIP_UNRECOVERABLE_GAPS_PROP_NAME = "tickwire.moldudp64.skip.unrecoverable.gaps";

    /** Default: skip, after reporting, so one lost packet does not stall a live feed for good. */
    public static final boolean SKIP_UNRECOVERABLE_GAPS_DEFAULT = true;

    /** Property: bytes the client may hold of packets that arrived ahead of a gap (size, e.g. {@code 4m}). */
    public static final String STASH_CAPACITY_PROP_NAME = "tickwire.moldudp64.stash.capacity";

    /** Default stash capacity. */
    public static final int STASH_CAPACITY_DEFAULT = 4 * 1024 * 1024;

    /** Property: socket receive buffer (SO_RCVBUF) the client asks for (size). */
    public static final String SOCKET_RCVBUF_PROP_NAME = "tickwire.moldudp64.socket.rcvbuf";

    /** Default socket receive buffer; the kernel may cap it (net.core.rmem_max). */
    public static final int SOCKET_RCVBUF_DEFAULT = 2 * 1024 * 1024;

    private MoldUdp64Configuration()
    {
    }

    /**
     * @return the configured largest packet length.
     */
    public static int maxPayloadLength()
    {
        return SystemUtil.getSizeAsInt(MAX_PAYLOAD_LENGTH_PROP_NAME, MAX_PAYLOAD_LENGTH_DEFAULT);
    }

    /**
     * @return the configured largest message count per packet.
     */
    public static int maxMessagesPerPacket()
    {
        return Integer.getInteger(MAX_MESSAGES_PER_PACKET_PROP_NAME, MAX_MESSAGES_PER_PACKET_DEFAULT);
    }

    /**
     * @return the configured heartbeat interval in nanoseconds.
     */
    public static long heartbeatIntervalNs()
    {
        return SystemUtil.getDurationInNanos(HEARTBEAT_INTERVAL_PROP_NAME, HEARTBEAT_INTERVAL_DEFAULT_NS);
    }

    /**
     * @return the configured request timeout in nanoseconds.
     */
    public static long requestTimeoutNs()
    {
        return SystemUtil.getDurationInNanos(REQUEST_TIMEOUT_PROP_NAME, REQUEST_TIMEOUT_DEFAULT_NS);
    }

    /**
     * @return the configured arbitration wait in nanoseconds.
     */
    public static long arbitrationWaitNs()
    {
        return SystemUtil.getDurationInNanos(ARBITRATION_WAIT_PROP_NAME, ARBITRATION_WAIT_DEFAULT_NS);
    }

    /**
     * @return the configured most messages per request.
     */
    public static int maxRequestMessages()
    {
        return Integer.getInteger(MAX_REQUEST_MESSAGES_PROP_NAME, MAX_REQUEST_MESSAGES_DEFAULT);
    }

    /**
     * @return the configured request attempts without progress before a gap is unrecoverable.
     */
    public static int maxRequestAttempts()
    {
        return Integer.getInteger(MAX_REQUEST_ATTEMPTS_PROP_NAME, MAX_REQUEST_ATTEMPTS_DEFAULT);
    }

    /**
     * @return whether unrecoverable gaps are skipped after being reported.
     */
    public static boolean skipUnrecoverableGaps()
    {
        final String value = System.getProperty(SKIP_UNRECOVERABLE_GAPS_PROP_NAME);
        return null == value ? SKIP_UNRECOVERABLE_GAPS_DEFAULT : Boolean.parseBoolean(value);
    }

    /**
     * @return the configured stash capacity in bytes.
     */
    public static int stashCapacity()
    {
        return SystemUtil.getSizeAsInt(STASH_CAPACITY_PROP_NAME, STASH_CAPACITY_DEFAULT);
    }

    /**
     * @return the configured socket receive buffer size.
     */
    public static int socketRcvbuf()
    {
        return SystemUtil.getSizeAsInt(SOCKET_RCVBUF_PROP_NAME, SOCKET_RCVBUF_DEFAULT);
    }
}
