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

import io.tickwire.feed.ingest.MessageHandler;
import io.tickwire.feed.ingest.arbitration.LineArbiter;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A/B lines over real UDP sockets on 127.0.0.1: two servers send the same stored session, one to the client's A
 * socket and one to its B socket, each losing packets by its own filter, with a request server behind. The clock
 * only moves when a test moves it, so an arbitration wait never runs out by accident: a hole that one line fills
 * must be filled without any request.
 */
@Timeout(60)
class MoldUdp64ArbitrationLoopbackTest
{
    private static final String SESSION = "ARBTEST001";
    private static final long ARBITRATION_WAIT_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long REQUEST_TIMEOUT_NS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final CachedNanoClock clock = new CachedNanoClock();
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[64]);
    private final MoldUdp64MessageStore store = new MoldUdp64MessageStore(4 * 1024 * 1024, 64 * 1024);
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final OrderCheckingHandler handler = new OrderCheckingHandler();
    private final List<String> malformed = new ArrayList<>();

    private MoldUdp64Server serverA;
    private MoldUdp64Server serverB;
    private MoldUdp64RequestServer requestServer;
    private MoldUdp64Client client;
    private boolean aLeads;

    @AfterEach
    void after()
    {
        CloseHelper.quietCloseAll(closeables);
    }

    @Test
    void shouldFillEveryHoleFromTheOtherLineWithoutARequest()
    {
        final boolean[] lostOnA = losses(1, 0.05, null);
        final boolean[] lostOnB = losses(2, 0.05, lostOnA);
        start((sequence, count) -> !lostOnA[(int)sequence], (sequence, count) -> !lostOnB[(int)sequence]);

        final int total = 20_000;
        publish(total);
        serverA.endSession();
        serverB.endSession();
        driveUntil(client::isExhausted);

        final LineArbiter arbiter = client.arbiter();
        assertEquals(total, handler.count);
        assertEquals(0, handler.outOfOrder);
        assertEquals(total, client.messagesDelivered());
        assertEquals(0, client.gapsDetected());
        assertEquals(0, client.requestsSent());
        assertEquals(0, requestServer.requestsReceived());
        assertEquals(0, arbiter.gapsOnBoth());
        assertTrue(serverA.packetsDropped() > 50 && serverB.packetsDropped() > 50,
            serverA.packetsDropped() + " / " + serverB.packetsDropped());
        assertTrue(arbiter.packetsWon(LineArbiter.LINE_A) > 0 && arbiter.packetsWon(LineArbiter.LINE_B) > 0);
        assertTrue(arbiter.missedMessages(LineArbiter.LINE_A) >= serverA.packetsDropped());
        assertTrue(arbiter.missedMessages(LineArbiter.LINE_B) >= serverB.packetsDropped());
        assertEquals(List.of(), malformed);
    }

    @Test
    void shouldRequestARangeOnlyOnceBothLinesMissedItAndTheWaitIsOver()
    {
        final long lost = 5_000;
        final MoldUdp64PacketFilter dropThePacketOfMessage5000 =
            (sequence, count) -> !(sequence <= lost && lost < sequence + count);
        start(dropThePacketOfMessage5000, dropThePacketOfMessage5000);

        final int total = 10_000;
        publish(total);
        assertTrue(handler.count < lost && handler.count >= lost - 4, "stuck in front of the packet: " + handler.count);
        assertEquals(0, client.requestsSent(), "nothing requested within the arbitration wait");
        assertEquals(0, client.gapsDetected());

        clock.advance(ARBITRATION_WAIT_NS);
        serverA.endSession();
        serverB.endSession();
        driveUntil(client::isExhausted);

        final LineArbiter arbiter = client.arbiter();
        assertEquals(total, handler.count);
        assertEquals(0, handler.outOfOrder);
        assertEquals(1, arbiter.gapsOnBoth());
        assertEquals(1, client.gapsDetected());
        assertEquals(1, client.gapsRecovered());
        assertEquals(1, client.requestsSent());
        assertEquals(1, requestServer.requestsReceived());
        assertEquals(0, client.unrecoverableGaps());
        assertEquals(List.of(), malformed);
    }

    @Test
    void shouldRunOnTheBLineAloneWhenTheALineIsSilent()
    {
        start(null, MoldUdp64PacketFilter.SEND_ALL);

        final int total = 5_000;
        publish(total);
        serverB.endSession();
        driveUntil(client::isExhausted);

        final LineArbiter arbiter = client.arbiter();
        assertEquals(total, handler.count);
        assertEquals(0, client.requestsSent());
        assertEquals(serverB.packetsSent() - 1, arbiter.packetsWon(LineArbiter.LINE_B), "all but end of session");
        assertEquals(0, arbiter.packetsWon(LineArbiter.LINE_A));
        assertEquals(0, arbiter.gapsOnBoth());
    }

    private static boolean[] losses(final long seed, final double rate, final boolean[] notWhere)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final boolean[] lost = new boolean[100_001];
        for (int i = 1; i < lost.length; i++)
        {
            lost[i] = (null == notWhere || !notWhere[i]) && random.nextDouble() < rate;
        }
        return lost;
    }

    private void start(final MoldUdp64PacketFilter filterA, final MoldUdp64PacketFilter filterB)
    {
        requestServer = new MoldUdp64RequestServer(new MoldUdp64RequestServer.Context()
            .session(SESSION)
            .store(store)
            .bindAddress(new InetSocketAddress(LOOPBACK, 0)));
        closeables.add(requestServer);

        client = new MoldUdp64Client(new MoldUdp64ClientContext()
            .endpoint(new InetSocketAddress(LOOPBACK, 0))
            .lineB(new InetSocketAddress(LOOPBACK, 0))
            .arbitrationWaitNs(ARBITRATION_WAIT_NS)
            .requestServer(requestServer.localAddress())
            .clock(clock)
            .requestTimeoutNs(REQUEST_TIMEOUT_NS)
            .malformedInputListener((reason, source, position, detail) ->
                malformed.add(reason + " " + source + " " + position + " " + detail)));
        closeables.add(client);

        if (null != filterA)
        {
            serverA = server(client.localAddress(), filterA);
        }
        serverB = server(client.lineBLocalAddress(), filterB);
    }

    private MoldUdp64Server server(final InetSocketAddress destination, final MoldUdp64PacketFilter filter)
    {
        final MoldUdp64Server server = new MoldUdp64Server(new MoldUdp64Server.Context()
            .session(SESSION)
            .store(store)
            .destination(destination)
            .clock(clock)
            .heartbeatIntervalNs(TimeUnit.SECONDS.toNanos(1))
            .maxMessagesPerPacket(4)
            .packetFilter(filter));
        closeables.add(server);
        return server;
    }

    /**
     * Offer in batches and let every batch reach the client before the next, as a paced venue would, so the
     * loopback socket buffers never overflow and the only losses are the ones the filters induce. Both servers
     * see the same stored messages when they send, so they build the same packets.
     */
    private void publish(final int total)
    {
        final int batch = 200;
        for (long from = 1; from <= total; from += batch)
        {
            final long to = Math.min(total, from + batch - 1);
            for (long sequence = from; sequence <= to; sequence++)
            {
                message.putByte(0, (byte)'A');
                message.putLong(1, sequence);
                final long stored = null != serverA ? serverA.offer(message, 0, 9) : serverB.offer(message, 0, 9);
                assertEquals(sequence, stored);
            }
            driveUntil(() -> (null == serverA || serverA.isCaughtUp()) && serverB.isCaughtUp());
            int idleCycles = 0;
            for (int i = 0; i < 1_000_000 && idleCycles < 2; i++)
            {
                idleCycles = dutyCycle() == 0 ? idleCycles + 1 : 0;
            }
            assertEquals(2, idleCycles, "duty cycles never went idle");
        }
    }

    private void driveUntil(final BooleanSupplier condition)
    {
        for (int i = 0; i < 1_000_000; i++)
        {
            if (condition.getAsBoolean())
            {
                return;
            }
            if (dutyCycle() == 0)
            {
                Thread.yield();
            }
        }
        fail("condition not reached; delivered " + handler.count);
    }

    /**
     * One line at a time with the client polling in between, the lines taking turns to lead: a hole the leading
     * line leaves is seen (and would be requested, were it not for the wait) before the other line's copy arrives.
     */
    private int dutyCycle()
    {
        aLeads = !aLeads;
        int work = send(aLeads ? serverA : serverB);
        work += client.poll(handler, 100);
        work += send(aLeads ? serverB : serverA);
        work += requestServer.doWork();
        work += client.poll(handler, 100);
        return work;
    }

    private static int send(final MoldUdp64Server server)
    {
        return null == server ? 0 : server.doWork();
    }

    private static final class OrderCheckingHandler implements MessageHandler
    {
        private long count;
        private long outOfOrder;

        public void onMessage(final long sequence, final DirectBuffer buffer, final int offset, final int length)
        {
            if (sequence != count + 1 || buffer.getLong(offset + 1) != sequence)
            {
                outOfOrder++;
            }
            count++;
        }
    }
}
