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
package io.tickwire.fix.cluster;

import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The {@link MatchingService}'s way back to the gateways: every connected gateway gets every event, offered under
 * the cluster's idle strategy. Several gateways may be connected: each event carries the id of the gateway that owns
 * its order ({@link GatewaySessions}), and each gateway keeps its own and drops the others' (docs/CLUSTER.md,
 * "Several gateways"). Sending to all needs no map of gateways to sessions, which would have to follow reconnects
 * and restarts. Egress is not replicated state: an event a gone gateway misses is counted, not retried.
 */
final class GatewayEgress
{
    private final AtomicLong undeliveredEvents = new AtomicLong();
    private final Consumer<ClientSession> sendToSession = this::sendToSession;
    private Cluster cluster;
    private IdleStrategy idleStrategy;
    private DirectBuffer egressBuffer;
    private int egressOffset;
    private int egressLength;

    /**
     * @param cluster the service's cluster, once it has started.
     */
    void onStart(final Cluster cluster)
    {
        this.cluster = cluster;
        this.idleStrategy = cluster.idleStrategy();
    }

    /**
     * Offer an event to every connected gateway (service thread).
     *
     * @param buffer holding the event, SBE header included.
     * @param offset of the header.
     * @param length of header and body.
     */
    void send(final DirectBuffer buffer, final int offset, final int length)
    {
        // forEachClientSession with a reused consumer: iterating clientSessions() would create an iterator per event.
        egressBuffer = buffer;
        egressOffset = offset;
        egressLength = length;
        cluster.forEachClientSession(sendToSession);
        egressBuffer = null;
    }

    /**
     * @return events not delivered because a gateway's egress was gone; any thread.
     */
    long undeliveredEvents()
    {
        return undeliveredEvents.get();
    }

    private void sendToSession(final ClientSession session)
    {
        if (!ServiceIo.offer(session, egressBuffer, egressOffset, egressLength, idleStrategy))
        {
            undeliveredEvents.lazySet(undeliveredEvents.get() + 1);
        }
    }
}
