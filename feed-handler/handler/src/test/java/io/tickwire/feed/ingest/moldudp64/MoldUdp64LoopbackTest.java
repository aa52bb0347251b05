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
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Server, request server and client over real UDP sockets on 127.0.0.1 (and a random multicast group on
 * loopback), all driven from the test thread as agents would be, with one controllable clock for heartbeats
 * and request timeouts. Every message carries its own sequence number, checked on delivery.
 */
@Timeout(60)
class MoldUdp64LoopbackTest
{
    private static final String SESSION = "TEST000001";
    private static final long REQUEST_TIMEOUT_NS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long HEARTBEAT_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_REQUEST_ATTEMPTS = 3;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final CachedNanoClock clock = new CachedNanoClock();
    private final RecordingStatusListener status = new RecordingStatusListener();
    private final List<String> malformed = new ArrayList<>();
    private final CheckingHandler handler = new CheckingHandler();
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[64]);
    private final MoldUdp64MessageStore store = new MoldUdp64MessageStore(1024 * 1024, 1024);
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void after()
    {
        CloseHelper.quietCloseAll(closeables);
    }

    @Test
    void shouldDeliverEveryMessageInOrderExactlyOnce()
    {
        final MoldUdp64Client client = client(unicastEndpoint(), null);
        final MoldUdp64Server server = server(client.localAddress(), MoldUdp64PacketFilter.SEND_ALL);

        final int total = 100_000;
        publish(server, null, client, total);
        server.endSession();
        driveUntil(client::isExhausted, server, null, client);

        assertEquals(total, handler.count);
        assertEquals(total, client.messagesDelivered());
        assertEquals(total + 1, client.nextExpectedSequence());
        assertEquals(0, client.gapsDetected());
        assertEquals(0, client.duplicatePackets());
        assertEquals(0, client.malformedPackets());
        assertEquals(List.of("session null->" + SESSION, "end " + (total + 1)), status.events);
    }

    @Test
    void shouldRecoverInducedGapByRequest()
    {
        final Drop dropOne = Drop.firstPacketFrom(1_000);
        final MoldUdp64RequestServer requestServer = requestServer();
        final MoldUdp64Client client = client(unicastEndpoint(), requestServer.localAddress());
        final MoldUdp64Server server = server(client.localAddress(), dropOne);

        final int total = 5_000;
        publish(server, requestServer, client, total);
        server.endSession();
        driveUntil(client::isExhausted, server, requestServer, client);

        final long[] lost = dropOne.range();
        assertEquals(1, server.packetsDropped());
        assertEquals(total, handler.count);
        assertEquals(total, client.messagesDelivered());
        assertEquals(1, client.gapsDetected());
        assertEquals(1, client.gapsRecovered());
        assertEquals(lost[1] - lost[0] + 1, client.messagesRecovered());
        assertEquals(0, client.unrecoverableGaps());
        assertEquals(List.of(
            "session null->" + SESSION,
            "gap " + lost[0] + " " + (lost[1] + 1),
            "request " + lost[0] + " " + (lost[1] - lost[0] + 1) + " 1",
            "recovered " + lost[0] + " " + lost[1],
            "end " + (total + 1)), status.events);
    }

    @Test
    void shouldDetectTailGapFromHeartbeatAndRecover()
    {
        final int total = 300;
        final Drop dropTail = new Drop((sequence, count) -> sequence + count - 1 < 250);
        final MoldUdp64RequestServer requestServer = requestServer();
        final MoldUdp64Client client = client(unicastEndpoint(), requestServer.localAddress());
        final MoldUdp64Server server = server(client.localAddress(), dropTail);

        offer(server, 1, total);
        driveUntilIdle(server, requestServer, client);
        final long[] lost = dropTail.range();
        assertEquals(lost[0] - 1, handler.count);
        assertEquals(total, lost[1]);
        assertEquals(0, client.gapsDetected(), "nothing shows the tail is missing yet");

        clock.advance(HEARTBEAT_INTERVAL_NS);
        driveUntil(() -> handler.count == total, server, requestServer, client);

        assertEquals(1, server.heartbeatsSent());
        assertEquals(1, client.heartbeatsReceived());
        assertEquals(List.of(
            "session null->" + SESSION,
            "heartbeat " + (total + 1),
            "gap " + lost[0] + " " + (total + 1),
            "request " + lost[0] + " " + (total - lost[0] + 1) + " 1",
            "recovered " + lost[0] + " " + total), status.events);
        assertFalse(client.isExhausted(), "no end of session yet");
    }

    @Test
    void shouldReportEndOfSessionOnlyAfterEverythingBeforeItIsDelivered()
    {
        final Drop dropTail = new Drop((sequence, count) -> sequence + count - 1 < 90);
        final MoldUdp64RequestServer requestServer = requestServer();
        final MoldUdp64Client client = client(unicastEndpoint(), requestServer.localAddress());
        final MoldUdp64Server server = server(client.localAddress(), dropTail);

        offer(server, 1, 100);
        server.endSession();
        driveUntil(() -> client.gapsDetected() == 1, server, null, client);
        assertEquals(1, server.endOfSessionPacketsSent());
        drive(20, server, null, client);
        assertFalse(client.isExhausted(), "the end of session is known, but messages before it are missing");

        driveUntil(client::isExhausted, server, requestServer, client);
        assertEquals(100, handler.count);
        assertEquals("end 101", status.events.get(status.events.size() - 1));
        assertEquals(0, client.poll(handler, 100));
    }

    @Test
    void shouldRetryRequestAfterTimeoutWithoutProgress()
    {
        final Drop dropFirst = new Drop((sequence, count) -> sequence != 1);
        final MoldUdp64RequestServer requestServer = requestServer();
        final MoldUdp64Client client = client(unicastEndpoint(), requestServer.localAddress());
        final MoldUdp64Server server = server(client.localAddress(), dropFirst);

        offer(server, 1, 200);
        driveUntil(() -> client.requestsSent() == 1, server, null, client);
        assertEquals(0, handler.count);

        // The request server does not run yet, so the first request gets no answer before the timeout.
        clock.advance(REQUEST_TIMEOUT_NS - 1);
        drive(10, server, null, client);
        assertEquals(1, client.requestsSent());
        clock.advance(1);
        driveUntil(() -> client.requestsSent() == 2, server, null, client);
        assertEquals(1, client.requestRetries());

        driveUntil(() -> handler.count == 200, server, requestServer, client);
        drive(20, server, requestServer, client);
        final long[] lost = dropFirst.range();
        assertEquals(2, requestServer.requestsReceived());
        assertEquals(2 * lost[1], requestServer.messagesSent(), "both requests answered in full");
        assertEquals(List.of(
            "session null->" + SESSION,
            "gap 1 " + (lost[1] + 1),
            "request 1 " + lost[1] + " 1",
            "request 1 " + lost[1] + " 2",
            "recovered 1 " + lost[1]), status.events);
    }

    @Test
    void shouldReportUnrecoverableGapWithoutRequestServerAndSkip()
    {
        final Drop dropMiddle = new Drop((sequence, count) -> sequence > 60 || sequence + count - 1 < 40);
        final MoldUdp64Client client = client(unicastEndpoint(), null);
        final MoldUdp64Server server = server(client.localAddress(), dropMiddle);
        offer(server, 1, 100);

        driveUntil(() -> client.gapsDetected() == 1, server, null, client);
        final long[] lost = dropMiddle.range();
        drive(20, server, null, client);
        assertEquals(lost[0] - 1, handler.count, "nothing is skipped before the timeout");

        clock.advance(REQUEST_TIMEOUT_NS);
        driveUntil(() -> client.nextExpectedSequence() == 101, server, null, client);

        final long lostCount = lost[1] - lost[0] + 1;
        assertEquals(100 - lostCount, handler.count);
        assertEquals(1, client.unrecoverableGaps());
        assertEquals(lostCount, client.messagesSkipped());
        assertEquals(0, client.gapsRecovered());
        assertEquals(List.of(
            "session null->" + SESSION,
            "gap " + lost[0] + " " + (lost[1] + 1),
            "unrecoverable " + lost[0] + " " + lost[1] + " true"), status.events);
    }

    @Test
    void shouldReportUnrecoverableGapWhenRequestsGetNoAnswer()
    {
        final Drop dropFirst = new Drop((sequence, count) -> sequence != 1);
        final MoldUdp64Client client = client(unicastEndpoint(), silentAddress());
        final MoldUdp64Server server = server(client.localAddress(), dropFirst);
        offer(server, 1, 100);

        driveUntil(() -> client.requestsSent() == 1, server, null, client);
        final long[] lost = dropFirst.range();
        for (int attempt = 2; attempt <= MAX_REQUEST_ATTEMPTS; attempt++)
        {
            clock.advance(REQUEST_TIMEOUT_NS);
            drive(5, server, null, client);
            assertEquals(attempt, client.requestsSent());
        }
        assertEquals(0, client.unrecoverableGaps());
        clock.advance(REQUEST_TIMEOUT_NS);
        driveUntil(() -> client.nextExpectedSequence() == 101, server, null, client);

        assertEquals(1, client.unrecoverableGaps());
        assertEquals(lost[1], client.messagesSkipped());
        assertEquals(100 - lost[1], handler.count);
        assertEquals(lost[1] + 1, handler.first);
        assertEquals("unrecoverable 1 " + lost[1] + " true", status.events.get(status.events.size() - 1));
    }

    @Test
    void shouldKeepRequestingAnUnrecoverableGapWhenNotSkipping()
    {
        final MoldUdp64Client client = client(clientContext(unicastEndpoint(), silentAddress())
            .skipUnrecoverableGaps(false));
        final MoldUdp64Server server = server(client.localAddress(), (sequence, count) -> sequence != 1);
        offer(server, 1, 100);
        driveUntil(() -> client.requestsSent() == 1, server, null, client);
        for (int i = 0; i < 5; i++)
        {
            clock.advance(REQUEST_TIMEOUT_NS);
            drive(5, server, null, client);
        }

        assertEquals(1, client.unrecoverableGaps(), "reported once");
        assertEquals(6, client.requestsSent(), "and still asking");
        assertEquals(0, handler.count);
        assertEquals(0, client.messagesSkipped());
        assertTrue(status.events.get(status.events.size() - 1).matches("request 1 \\d+ 6"), status.events.toString());
    }

    @Test
    void shouldRecoverSeveralGapsOneAfterAnotherWithBoundedRequests()
    {
        final Drop dropTwo = new Drop((sequence, count) ->
            !(sequence <= 100 && sequence + count > 100) && !(sequence <= 300 && sequence + count > 300));
        final MoldUdp64RequestServer requestServer = requestServer();
        final int maxRequestMessages = 10;
        final MoldUdp64Client client = client(
            clientContext(unicastEndpoint(), requestServer.localAddress()).maxRequestMessages(maxRequestMessages));
        final MoldUdp64Server server = server(client.localAddress(), dropTwo);

        offer(server, 1, 400);
        driveUntilIdle(server, requestServer, client);

        assertEquals(400, handler.count);
        assertEquals(2, dropTwo.ranges.size());
        assertEquals(2, client.gapsDetected());
        assertEquals(2, client.gapsRecovered());
        final List<String> expected = new ArrayList<>();
        expected.add("session null->" + SESSION);
        for (final long[] lost : dropTwo.ranges)
        {
            expected.add("gap " + lost[0] + " " + (lost[1] + 1));
            for (long from = lost[0]; from <= lost[1]; from += maxRequestMessages)
            {
                expected.add("request " + from + " " + Math.min(maxRequestMessages, lost[1] - from + 1) + " 1");
            }
            expected.add("recovered " + lost[0] + " " + lost[1]);
        }
        assertEquals(expected, status.events);
        assertEquals(0, client.requestRetries());
    }

    @Test
    void shouldRequestWhatAFullStashCouldNotKeep()
    {
        final Drop dropFirst = new Drop((sequence, count) -> sequence != 1);
        final MoldUdp64RequestServer requestServer = requestServer();
        final MoldUdp64Client client = client(clientContext(unicastEndpoint(), requestServer.localAddress())
            .stashCapacity(4 + MoldUdp64Packet.MAX_DATAGRAM_LENGTH));
        final MoldUdp64Server server = server(client.localAddress(), dropFirst);

        final int total = 10_000;
        offer(server, 1, total);
        driveUntilIdle(server, null, client);
        assertEquals(0, handler.count, "the request server has not answered yet");
        assertTrue(client.stashOverflows() > 0, "more arrived ahead of the gap than the stash holds");

        driveUntilIdle(server, requestServer, client);
        assertEquals(total, handler.count);
        assertEquals(0, client.unrecoverableGaps());
        assertEquals(client.gapsDetected(), client.gapsRecovered());
        assertTrue(client.gapsDetected() >= 2, "the stashed packets bridge one gap, the overflow makes another");
    }

    @Test
    void shouldFollowANewSessionAndReportWhatTheOldOneStillOwed() throws IOException
    {
        final MoldUdp64Client client = client(unicastEndpoint(), null);
        final List<String> delivered = new ArrayList<>();
        try (RawSender sessionA = new RawSender(client.localAddress(), "A");
            RawSender sessionB = new RawSender(client.localAddress(), "B"))
        {
            sessionA.send(1, 3);
            sessionA.send(5, 1);
            sessionB.send(1, 2);
            for (int i = 0; i < 20; i++)
            {
                client.poll((sequence, buffer, offset, length) ->
                    delivered.add(client.session() + ":" + sequence), 100);
                Thread.yield();
            }
        }

        assertEquals(List.of("A:1", "A:2", "A:3", "B:1", "B:2"), delivered);
        assertEquals(1, client.sessionChanges());
        assertEquals(2, client.messagesSkipped());
        // All three packets are read in one poll, before gap detection runs: the loss is reported all the same.
        assertEquals(List.of("session null->A", "unrecoverable 4 5 true", "session A->B"), status.events);
    }

    @Test
    void shouldReportPacketsOfAnotherSessionWhenTheSessionIsConfigured() throws IOException
    {
        final MoldUdp64Client client = client(clientContext(unicastEndpoint(), null).session("A"));
        try (RawSender sessionA = new RawSender(client.localAddress(), "A");
            RawSender sessionB = new RawSender(client.localAddress(), "B"))
        {
            sessionB.send(1, 2);
            sessionA.send(1, 2);
            drive(20, null, null, client);
        }

        assertEquals(2, handler.count);
        assertEquals(0, client.sessionChanges());
        assertEquals(1, client.malformedPackets());
        assertEquals(List.of("BAD_MOLDUDP64_PACKET " + client.name() + " 1 session 'B', expected 'A'"), malformed);
    }

    @Test
    void shouldReportZeroLengthMessageAndDeliverTheRest() throws IOException
    {
        final MoldUdp64Client client = client(unicastEndpoint(), null);
        try (RawSender sender = new RawSender(client.localAddress()))
        {
            MoldUdp64Packet.putHeader(sender.buffer, 0, sender.session, 1, 3);
            int position = MoldUdp64Packet.HEADER_LENGTH;
            for (long sequence = 1; sequence <= 3; sequence++)
            {
                final int length = sequence == 2 ? 0 : putMessage(sender.buffer, position + 2, sequence);
                sender.buffer.putShort(position, (short)length, MoldUdp64Packet.BYTE_ORDER);
                position += 2 + length;
            }
            sender.sendRaw(position, position);
            drive(20, null, null, client);
        }

        assertEquals(2, handler.count);
        assertEquals(4, client.nextExpectedSequence());
        assertEquals(1, client.emptyMessages());
        assertEquals(0, client.malformedPackets());
        assertEquals(
            List.of("EMPTY_MESSAGE " + client.name() + " 2 zero-length message in MoldUDP64 packet"), malformed);
    }

    @Test
    void shouldNotAllocateWhileReceivingAndDeliveringInSteadyState() throws IOException
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final MoldUdp64Client client = client(unicastEndpoint(), null);
        final CountingHandler counter = new CountingHandler();
        final int warmUpRounds = 5;
        final int rounds = 15;
        final int packetsPerRound = 50;
        final int messagesPerPacket = 20;
        long allocatedAfterWarmUp = 0;
        final long[] allocatedPerRound = new long[rounds];
        try (RawSender sender = new RawSender(client.localAddress()))
        {
            long sequence = 1;
            for (int round = 0; round < rounds; round++)
            {
                for (int i = 0; i < packetsPerRound; i++)
                {
                    sender.send(sequence, messagesPerPacket);
                    sequence += messagesPerPacket;
                }
                final long before = threads.getCurrentThreadAllocatedBytes();
                while (client.poll(counter, 1000) > 0)
                {
                    Thread.onSpinWait();
                }
                final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                allocatedPerRound[round] = allocated;
                if (round >= warmUpRounds)
                {
                    allocatedAfterWarmUp += allocated;
                }
            }
        }

        assertEquals((long)rounds * packetsPerRound * messagesPerPacket, counter.count);
        assertEquals(0, counter.outOfOrder);
        // One object per packet over the measured 500 packets would be at least 8,000 bytes; a few hundred bytes
        // can come from the JIT re-materialising scalar-replaced objects on a deoptimisation, not from poll.
        assertTrue(allocatedAfterWarmUp < 1024, "bytes allocated by poll per round, first " + warmUpRounds +
            " are warm-up: " + java.util.Arrays.toString(allocatedPerRound));
    }

    @Test
    void shouldIgnoreDuplicatePacketsAndOverlaps() throws IOException
    {
        final MoldUdp64Client client = client(unicastEndpoint(), null);
        try (RawSender sender = new RawSender(client.localAddress()))
        {
            sender.send(1, 3);
            sender.send(1, 3);
            sender.send(2, 4);
            sender.send(4, 2);
            sender.send(1, 1);
            drive(20, null, null, client);
        }

        assertEquals(5, handler.count);
        assertEquals(3, client.duplicatePackets());
        assertEquals(2, client.duplicateMessages());
        assertEquals(0, client.gapsDetected());
    }

    @Test
    void shouldReportMalformedPacketsWithReasonAndPositionAndKeepGoing() throws IOException
    {
        final MoldUdp64Client client = client(unicastEndpoint(), null);
        final int twoMessages;
        try (RawSender sender = new RawSender(client.localAddress()))
        {
            sender.send(1, 2);
            sender.sendRaw(sender.packet(3, 1), 10);

            twoMessages = sender.packet(3, 2);
            sender.buffer.putShort(MoldUdp64Packet.MESSAGE_COUNT_OFFSET, (short)3, MoldUdp64Packet.BYTE_ORDER);
            sender.sendRaw(twoMessages, twoMessages);

            sender.packet(3, 2);
            final int secondLengthField =
                MoldUdp64Packet.HEADER_LENGTH + MoldUdp64Packet.MESSAGE_LENGTH_FIELD_LENGTH + messageLength(3);
            sender.buffer.putShort(secondLengthField, (short)200, MoldUdp64Packet.BYTE_ORDER);
            sender.sendRaw(twoMessages, twoMessages);

            sender.send(3, 2);
            drive(20, null, null, client);
        }

        assertEquals(4, handler.count);
        assertEquals(5, client.nextExpectedSequence());
        assertEquals(3, client.malformedPackets());
        assertEquals(0, client.gapsDetected());
        final String source = client.name();
        assertEquals(List.of(
            "BAD_MOLDUDP64_PACKET " + source + " 3 packet shorter than the 20-byte header (10 bytes)",
            "BAD_MOLDUDP64_PACKET " + source + " 3 message count larger than the payload holds (" +
                twoMessages + " bytes)",
            "BAD_MOLDUDP64_PACKET " + source + " 3 message length runs past the end of the packet (" +
                twoMessages + " bytes)"), malformed);
    }

    @Test
    void shouldReceiveByJoiningMulticastGroupAndRecoverByUnicastRequest()
    {
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        final InetSocketAddress group = new InetSocketAddress(
            "239.255." + random.nextInt(1, 255) + "." + random.nextInt(1, 255), freePort());
        final Drop dropOne = Drop.firstPacketFrom(300);
        final MoldUdp64RequestServer requestServer = requestServer();
        final MoldUdp64Client client = client(group, requestServer.localAddress());
        final MoldUdp64Server server = new MoldUdp64Server(serverContext(group, dropOne).ttl(0));
        closeables.add(server);

        final int total = 2_000;
        publish(server, requestServer, client, total);
        server.endSession();
        driveUntil(client::isExhausted, server, requestServer, client);

        assertEquals(total, handler.count);
        assertEquals(1, client.gapsDetected());
        assertEquals(1, client.gapsRecovered());
        assertTrue(client.name().contains(group.getAddress().getHostAddress()));
    }

    @Test
    void shouldAnswerRequestsWithWhatExistsAndCountInvalidOnes() throws IOException
    {
        final MoldUdp64RequestServer requestServer = requestServer();
        final MoldUdp64Server server = server(new InetSocketAddress(LOOPBACK, freePort()), (sequence, count) -> true);
        offer(server, 1, 10);
        final UnsafeBuffer session = MoldUdp64Packet.sessionBuffer(SESSION);
        try (DatagramChannel requester = DatagramChannel.open(StandardProtocolFamily.INET))
        {
            requester.bind(new InetSocketAddress(LOOPBACK, 0));
            final ByteBuffer request = ByteBuffer.allocateDirect(64);
            final UnsafeBuffer requestBuffer = new UnsafeBuffer(request);
            final InetSocketAddress to = requestServer.localAddress();

            MoldUdp64Packet.putHeader(requestBuffer, 0, session, 8, 5);
            requester.send(request.clear().limit(MoldUdp64Packet.REQUEST_LENGTH), to);
            MoldUdp64Packet.putHeader(requestBuffer, 0, session, 11, 5);
            requester.send(request.clear().limit(MoldUdp64Packet.REQUEST_LENGTH), to);
            MoldUdp64Packet.putHeader(requestBuffer, 0, MoldUdp64Packet.sessionBuffer("OTHER"), 1, 5);
            requester.send(request.clear().limit(MoldUdp64Packet.REQUEST_LENGTH), to);
            MoldUdp64Packet.putHeader(requestBuffer, 0, session, 1, 0);
            requester.send(request.clear().limit(MoldUdp64Packet.REQUEST_LENGTH), to);
            MoldUdp64Packet.putHeader(requestBuffer, 0, session, 1, 1);
            requester.send(request.clear().limit(MoldUdp64Packet.REQUEST_LENGTH - 1), to);

            for (int i = 0; i < 100_000 && requestServer.requestsReceived() < 5; i++)
            {
                requestServer.doWork();
                Thread.yield();
            }
            assertEquals(5, requestServer.requestsReceived());
            assertEquals(3, requestServer.invalidRequests());
            assertEquals(1, requestServer.requestsBeyondStore());
            assertEquals(1, requestServer.packetsSent());
            assertEquals(3, requestServer.messagesSent());

            final ByteBuffer answer = ByteBuffer.allocateDirect(MoldUdp64Packet.MAX_DATAGRAM_LENGTH);
            requester.configureBlocking(true);
            requester.receive(answer);
            final UnsafeBuffer answerBuffer = new UnsafeBuffer(answer);
            assertEquals(3, MoldUdp64Packet.validate(answerBuffer, 0, answer.position()));
            assertEquals(8, MoldUdp64Packet.sequence(answerBuffer, 0));
            assertEquals(SESSION, MoldUdp64Packet.sessionName(answerBuffer, 0));
        }
    }

    private static InetSocketAddress silentAddress()
    {
        return new InetSocketAddress(LOOPBACK, freePort());
    }

    private MoldUdp64Client client(final InetSocketAddress endpoint, final InetSocketAddress requestServer)
    {
        return client(clientContext(endpoint, requestServer));
    }

    private MoldUdp64Client client(final MoldUdp64ClientContext context)
    {
        final MoldUdp64Client client = new MoldUdp64Client(context);
        closeables.add(client);
        return client;
    }

    private MoldUdp64ClientContext clientContext(
        final InetSocketAddress endpoint, final InetSocketAddress requestServer)
    {
        return new MoldUdp64ClientContext()
            .endpoint(endpoint)
            .requestServer(requestServer)
            .clock(clock)
            .requestTimeoutNs(REQUEST_TIMEOUT_NS)
            .maxRequestAttempts(MAX_REQUEST_ATTEMPTS)
            .statusListener(status)
            .malformedInputListener((reason, source, position, detail) ->
                malformed.add(reason + " " + source + " " + position + " " + detail));
    }

    private MoldUdp64Server server(final InetSocketAddress destination, final MoldUdp64PacketFilter filter)
    {
        final MoldUdp64Server server = new MoldUdp64Server(serverContext(destination, filter));
        closeables.add(server);
        return server;
    }

    private MoldUdp64Server.Context serverContext(
        final InetSocketAddress destination, final MoldUdp64PacketFilter filter)
    {
        return new MoldUdp64Server.Context()
            .session(SESSION)
            .store(store)
            .destination(destination)
            .clock(clock)
            .heartbeatIntervalNs(HEARTBEAT_INTERVAL_NS)
            .packetFilter(filter);
    }

    private MoldUdp64RequestServer requestServer()
    {
        final MoldUdp64RequestServer requestServer = new MoldUdp64RequestServer(new MoldUdp64RequestServer.Context()
            .session(SESSION)
            .store(store)
            .bindAddress(new InetSocketAddress(LOOPBACK, 0)));
        closeables.add(requestServer);
        return requestServer;
    }

    private static InetSocketAddress unicastEndpoint()
    {
        return new InetSocketAddress(LOOPBACK, 0);
    }

    private static int freePort()
    {
        try (DatagramChannel probe = DatagramChannel.open(StandardProtocolFamily.INET))
        {
            probe.bind(new InetSocketAddress(0));
            return ((InetSocketAddress)probe.getLocalAddress()).getPort();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private void offer(final MoldUdp64Server server, final long from, final long to)
    {
        for (long sequence = from; sequence <= to; sequence++)
        {
            final int length = putMessage(message, 0, sequence);
            assertEquals(sequence, server.offer(message, 0, length));
        }
    }

    /**
     * Offer in batches and let every batch reach the client before the next, as a paced venue would, so the
     * loopback socket buffers never overflow and the only losses are the ones the filter induces.
     */
    private void publish(
        final MoldUdp64Server server,
        final MoldUdp64RequestServer requestServer,
        final MoldUdp64Client client,
        final int total)
    {
        final int batch = 500;
        for (long from = 1; from <= total; from += batch)
        {
            final long to = Math.min(total, from + batch - 1);
            offer(server, from, to);
            driveUntilIdle(server, requestServer, client);
        }
    }

    /**
     * Run duty cycles until everything stored is sent and nobody has work left. Loopback UDP puts a datagram in
     * the receiver's socket buffer within the send call, so an idle cycle means nothing is in flight.
     */
    private void driveUntilIdle(
        final MoldUdp64Server server, final MoldUdp64RequestServer requestServer, final MoldUdp64Client client)
    {
        driveUntil(server::isCaughtUp, server, requestServer, client);
        int idleCycles = 0;
        for (int i = 0; i < 1_000_000 && idleCycles < 2; i++)
        {
            idleCycles = dutyCycle(server, requestServer, client) == 0 ? idleCycles + 1 : 0;
        }
        assertEquals(2, idleCycles, "duty cycles never went idle");
    }

    private static int messageLength(final long sequence)
    {
        return 10 + (int)(sequence % 23);
    }

    /**
     * An ITCH-like message that names its own sequence number, so delivery order and content are checked.
     */
    private static int putMessage(final MutableDirectBuffer buffer, final int offset, final long sequence)
    {
        final int length = messageLength(sequence);
        buffer.putByte(offset, (byte)'A');
        buffer.putLong(offset + 1, sequence);
        for (int i = 9; i < length; i++)
        {
            buffer.putByte(offset + i, (byte)(sequence + i));
        }
        return length;
    }

    private void drive(
        final int cycles,
        final MoldUdp64Server server,
        final MoldUdp64RequestServer requestServer,
        final MoldUdp64Client client)
    {
        for (int i = 0; i < cycles; i++)
        {
            dutyCycle(server, requestServer, client);
            Thread.yield();
        }
    }

    private void driveUntil(
        final BooleanSupplier condition,
        final MoldUdp64Server server,
        final MoldUdp64RequestServer requestServer,
        final MoldUdp64Client client)
    {
        for (int i = 0; i < 1_000_000; i++)
        {
            if (condition.getAsBoolean())
            {
                return;
            }
            if (dutyCycle(server, requestServer, client) == 0)
            {
                Thread.yield();
            }
        }
        fail("condition not reached; delivered " + handler.count + ", events " + status.events);
    }

    private int dutyCycle(
        final MoldUdp64Server server, final MoldUdp64RequestServer requestServer, final MoldUdp64Client client)
    {
        int work = 0;
        if (null != server)
        {
            work += server.doWork();
        }
        if (null != requestServer)
        {
            work += requestServer.doWork();
        }
        work += client.poll(handler, 100);
        return work;
    }

    /**
     * Packet filter that records the first and last message of the packets it drops.
     */
    private static final class Drop implements MoldUdp64PacketFilter
    {
        private final MoldUdp64PacketFilter send;
        private final List<long[]> ranges = new ArrayList<>();
        private long first = Long.MAX_VALUE;
        private long last;

        Drop(final MoldUdp64PacketFilter send)
        {
            this.send = send;
        }

        static Drop firstPacketFrom(final long from)
        {
            final boolean[] dropped = new boolean[1];
            return new Drop((sequence, count) ->
            {
                if (!dropped[0] && sequence + count - 1 >= from)
                {
                    dropped[0] = true;
                    return false;
                }
                return true;
            });
        }

        public boolean shouldSend(final long sequence, final int messageCount)
        {
            if (send.shouldSend(sequence, messageCount))
            {
                return true;
            }
            first = Math.min(first, sequence);
            last = Math.max(last, sequence + messageCount - 1);
            ranges.add(new long[]{sequence, sequence + messageCount - 1});
            return false;
        }

        long[] range()
        {
            return new long[]{first, last};
        }
    }

    private static final class CountingHandler implements MessageHandler
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

    private static final class CheckingHandler implements MessageHandler
    {
        private long count;
        private long first;
        private long last;

        public void onMessage(final long sequence, final DirectBuffer buffer, final int offset, final int length)
        {
            if (sequence <= last)
            {
                fail("sequence " + sequence + " delivered after " + last);
            }
            assertEquals(messageLength(sequence), length, "length of " + sequence);
            assertEquals((byte)'A', buffer.getByte(offset), "type of " + sequence);
            assertEquals(sequence, buffer.getLong(offset + 1), "content of " + sequence);
            assertEquals((byte)(sequence + length - 1), buffer.getByte(offset + length - 1), "end of " + sequence);
            if (count == 0)
            {
                first = sequence;
            }
            last = sequence;
            count++;
        }
    }

    private static final class RecordingStatusListener implements MoldUdp64StatusListener
    {
        private final List<String> events = new ArrayList<>();
        private long lastHeartbeat;

        public void onGap(final long expected, final long received)
        {
            events.add("gap " + expected + " " + received);
        }

        public void onRequestSent(final long fromSequence, final int count, final int attempt)
        {
            events.add("request " + fromSequence + " " + count + " " + attempt);
        }

        public void onRecovered(final long fromSequence, final long toSequence)
        {
            events.add("recovered " + fromSequence + " " + toSequence);
        }

        public void onUnrecoverableGap(final long fromSequence, final long toSequence, final boolean skipped)
        {
            events.add("unrecoverable " + fromSequence + " " + toSequence + " " + skipped);
        }

        public void onHeartbeat(final long nextSequence)
        {
            if (nextSequence != lastHeartbeat)
            {
                events.add("heartbeat " + nextSequence);
                lastHeartbeat = nextSequence;
            }
        }

        public void onEndOfSession(final long nextSequence)
        {
            events.add("end " + nextSequence);
        }

        public void onSessionChange(final String oldSession, final String newSession)
        {
            events.add("session " + oldSession + "->" + newSession);
        }
    }

    private static final class RawSender implements AutoCloseable
    {
        private final DatagramChannel channel;
        private final InetSocketAddress destination;
        private final ByteBuffer byteBuffer = ByteBuffer.allocateDirect(MoldUdp64Packet.MAX_BUILT_PACKET_LENGTH);
        private final UnsafeBuffer buffer = new UnsafeBuffer(byteBuffer);
        private final UnsafeBuffer session;

        RawSender(final InetSocketAddress destination) throws IOException
        {
            this(destination, SESSION);
        }

        RawSender(final InetSocketAddress destination, final String session) throws IOException
        {
            this.destination = destination;
            this.session = MoldUdp64Packet.sessionBuffer(session);
            channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.bind(new InetSocketAddress(LOOPBACK, 0));
        }

        int packet(final long sequence, final int count)
        {
            MoldUdp64Packet.putHeader(buffer, 0, session, sequence, count);
            int position = MoldUdp64Packet.HEADER_LENGTH;
            for (long s = sequence; s < sequence + count; s++)
            {
                final int length = putMessage(buffer, position + MoldUdp64Packet.MESSAGE_LENGTH_FIELD_LENGTH, s);
                buffer.putShort(position, (short)length, MoldUdp64Packet.BYTE_ORDER);
                position += MoldUdp64Packet.MESSAGE_LENGTH_FIELD_LENGTH + length;
            }
            return position;
        }

        void send(final long sequence, final int count) throws IOException
        {
            final int length = packet(sequence, count);
            sendRaw(length, length);
        }

        void sendRaw(final int builtLength, final int sentLength) throws IOException
        {
            byteBuffer.clear().limit(sentLength);
            channel.send(byteBuffer, destination);
        }

        public void close()
        {
            CloseHelper.quietClose(channel);
        }
    }
}
