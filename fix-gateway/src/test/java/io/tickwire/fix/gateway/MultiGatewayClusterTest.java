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
package io.tickwire.fix.gateway;

import io.aeron.cluster.client.AeronCluster;
import io.tickwire.fix.cluster.ClusterClients;
import io.tickwire.fix.cluster.ClusterMember;
import io.tickwire.fix.cluster.ClusterMemberContext;
import io.tickwire.fix.cluster.ClusterOrderAgent;
import io.tickwire.fix.cluster.GatewaySessions;
import io.tickwire.fix.cluster.IngressFrame;
import io.tickwire.fix.cluster.MatchingService;
import io.tickwire.fix.match.BookListener;
import io.tickwire.sbe.internal.MessageHeaderDecoder;
import io.tickwire.sbe.internal.MessageHeaderEncoder;
import io.tickwire.sbe.internal.NewOrderCommandEncoder;
import io.tickwire.sbe.internal.OrderAcceptedEventDecoder;
import io.tickwire.sbe.internal.OrderType;
import io.tickwire.sbe.internal.RejectReason;
import io.tickwire.sbe.internal.Side;
import io.tickwire.sbe.internal.TimeInForce;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static io.tickwire.fix.cluster.ClusterTestSupport.await;
import static io.tickwire.fix.gateway.GatewayTestSupport.field;
import static io.tickwire.fix.gateway.GatewayTestSupport.msgType;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static io.tickwire.fix.gateway.OrderFlowTest.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two gateways, each with its own {@code TickwireGatewayId} and its own FIX session, as clients of one three-member
 * cluster (real Aeron Cluster on loopback, QuickFIX/J over TCP): both use the same session name and ClOrdIDs, their
 * orders cross, and each client gets exactly its own reports, once; a gateway's kill switch and cancel-on-disconnect
 * cancel its own orders only; and the members keep each gateway's ingress sequence across a restart.
 */
@Timeout(120)
class MultiGatewayClusterTest
{
    private static final int BASE_PORT = 19_400;
    private static final List<String> HOSTS = List.of("127.0.0.1", "127.0.0.1", "127.0.0.1");

    @TempDir
    Path dir;

    private final List<ClusterMember> members = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void tearDown()
    {
        for (int i = closeables.size() - 1; i >= 0; i--)
        {
            CloseHelper.quietClose(closeables.get(i));
        }
        CloseHelper.closeAll(members);
    }

    @Test
    void shouldGiveEachGatewayExactlyItsOwnReports() throws Exception
    {
        launchMembers();
        final Gateway gatewayA = launchGateway("gateway-a", 0, "CLIENTA");
        final TestFixClient clientA = logOn(gatewayA, "CLIENTA");
        // Started later: every ingress sequence of B is above every one of A's.
        final Gateway gatewayB = launchGateway("gateway-b", 1, "CLIENTB");
        final TestFixClient clientB = logOn(gatewayB, "CLIENTB");

        // Each gateway's one session has index 0, and both use the same ClOrdIDs: different orders.
        clientA.send(newOrder("X1", "AAPL", '1', "100", '2', "150", '0'));
        expect(clientA, "0 X1 0 100");
        clientB.send(newOrder("X1", "AAPL", '1', "50", '2', "149", '0'));
        expect(clientB, "0 X1 0 50");

        // B's sell takes A's X1 (passive fill: A's report) then B's own X1.
        clientB.send(newOrder("S1", "AAPL", '2', "120", '2', "149", '0'));
        expect(clientB, "0 S1 0 120", "F S1 100 20", "F S1 120 0", "F X1 20 30");
        expect(clientA, "F X1 100 0");

        // A's command has a lower ingress sequence than any of B's: applied, not taken for a duplicate.
        clientA.send(newOrder("S2", "AAPL", '2', "10", '2', "149", '0'));
        expect(clientA, "0 S2 0 10", "F S2 10 0");
        expect(clientB, "F X1 30 20");

        // Each session's X1 is its own.
        clientA.send(status("X1"));
        expect(clientA, "I X1 100 0");
        clientB.send(status("X1"));
        expect(clientB, "I X1 30 20");
        assertNull(clientA.appMessages.poll(500, TimeUnit.MILLISECONDS), "nothing more for A");

        // B's kill switch cancels B's live orders (X1's rest, K1), not A's K1 of the session with the same index.
        clientA.send(newOrder("K1", "AAPL", '1', "1", '2', "130", '0'));
        expect(clientA, "0 K1 0 1");
        clientB.send(newOrder("K1", "AAPL", '1', "2", '2', "131", '0'));
        expect(clientB, "0 K1 0 2");
        final SessionID sessionB = new SessionID("FIX.4.4", GatewayTestSupport.GATEWAY_COMP_ID, "CLIENTB");
        gatewayB.killSwitch(sessionB, true);
        expect(clientB, "4 X1 30 0", "4 K1 0 0");
        gatewayB.killSwitch(sessionB, false);
        clientA.send(status("K1"));
        expect(clientA, "I K1 0 1");

        // Cancel-on-disconnect of A's session cancels A's R1, not B's orders of the session with the same index.
        clientA.send(newOrder("R1", "AAPL", '1', "5", '2', "140", '0'));
        expect(clientA, "0 R1 0 5");
        clientB.send(newOrder("R1", "AAPL", '1', "7", '2', "141", '0'));
        expect(clientB, "0 R1 0 7");
        final ClusterOrderAgent agentA = gatewayA.clusterPath().agent();
        final long offeredByA = agentA.commandsOffered();
        clientA.close();
        await(() -> agentA.commandsOffered() > offeredByA && agentA.isIdle(), 20_000,
            () -> "gateway A's session cancel answered");
        // An IOC for 30 down to 140: B's R1 (7 at 141); A's R1 at 140 is gone, 23 expire.
        clientB.send(newOrder("S3", "AAPL", '2', "30", '2', "140", '3'));
        expect(clientB, "0 S3 0 30", "F S3 7 23", "F R1 7 0", "4 S3 7 0");

        assertNull(clientB.appMessages.poll(1, TimeUnit.SECONDS), "nothing more for B");
        assertTrue(agentA.otherGatewaysEvents() > 0, "A saw B's events and dropped them");
        assertTrue(gatewayB.clusterPath().agent().otherGatewaysEvents() > 0, "B saw A's events and dropped them");
        for (final ClusterMember member : members)
        {
            final MatchingService service = (MatchingService)member.service();
            await(() -> service.commandsApplied() == 14, 20_000,
                () -> "member " + member.memberId() + " applied " + service.commandsApplied());
            assertEquals(0, service.duplicateCommands(), "member " + member.memberId());
            assertEquals(0, service.malformedCommands(), "member " + member.memberId());
        }
    }

    @ParameterizedTest(name = "snapshot before restart: {0}")
    @ValueSource(booleans = {false, true})
    void shouldKeepEachGatewaysIngressSequenceAcrossARestart(final boolean snapshot) throws Exception
    {
        launchMembers();
        final Queue<Integer> acceptedSessions = new ConcurrentLinkedQueue<>();
        try (AeronCluster client = connect(acceptedSessions))
        {
            // Gateway 1 first, with the higher sequence; then gateway 0, lower, yet a command of its own.
            offer(client, frame(1, 1_000, GatewaySessions.firstOrderId(1, 1), "G1"));
            offer(client, frame(0, 10, GatewaySessions.firstOrderId(0, 1), "G0"));
            // A new order whose id names another gateway's: refused, counted.
            offer(client, frame(1, 1_001, GatewaySessions.firstOrderId(0, 2), "G1x"));
            awaitMembers(2, 0, 1);
            await(() -> client.pollEgress() >= 0 && acceptedSessions.size() == 2, 20_000,
                () -> "accepted " + acceptedSessions);
            assertEquals(GatewaySessions.compose(1, 0), acceptedSessions.poll(), "gateway 1's order");
            assertEquals(GatewaySessions.compose(0, 0), acceptedSessions.poll(), "gateway 0's order");
            if (snapshot)
            {
                GatewayTestSupport.takeSnapshot(GatewayTestSupport.awaitLeader(members, null));
            }
        }
        CloseHelper.closeAll(members);
        members.clear();
        launchMembers();
        for (final ClusterMember member : members)
        {
            assertEquals(snapshot, ((MatchingService)member.service()).snapshotLoaded());
        }
        final int replayed = snapshot ? 0 : 2;
        try (AeronCluster client = connect(acceptedSessions))
        {
            // Gateway 1's old command offered again stays a duplicate; gateway 0's next is applied, its old one not.
            offer(client, frame(1, 1_000, GatewaySessions.firstOrderId(1, 1), "G1"));
            offer(client, frame(0, 11, GatewaySessions.firstOrderId(0, 3), "G0b"));
            offer(client, frame(0, 10, GatewaySessions.firstOrderId(0, 1), "G0"));
            awaitMembers(replayed + 1, 2, snapshot ? 0 : 1);
            // Replayed from the log, the members have the event history again and answer each re-offer with its
            // own gateway's events; from a snapshot they have none to answer with.
            final List<Integer> expected = snapshot ? List.of(GatewaySessions.compose(0, 0)) : List.of(
                GatewaySessions.compose(1, 0), GatewaySessions.compose(0, 0), GatewaySessions.compose(0, 0));
            await(() -> client.pollEgress() >= 0 && acceptedSessions.size() >= expected.size(), 20_000,
                () -> "accepted " + acceptedSessions);
            assertEquals(expected, new ArrayList<>(acceptedSessions));
            for (final ClusterMember member : members)
            {
                assertEquals(snapshot ? 0 : 2, ((MatchingService)member.service()).reansweredCommands());
            }
        }
        final MatchingService service = (MatchingService)members.get(0).service();
        assertEquals(3, service.forEachRestingOrder(BookListener.NO_OP), "G1, G0 and G0b rest");
    }

    private void launchMembers() throws InterruptedException
    {
        for (int id = 0; id < HOSTS.size(); id++)
        {
            members.add(ClusterMember.launch(new ClusterMemberContext()
                .memberId(id)
                .hosts(HOSTS)
                .basePort(BASE_PORT)
                .clusterDir(dir.resolve("member-" + id).toFile())
                .failoverTimeout(1, TimeUnit.SECONDS)
                .clusteredService(() -> new MatchingService(new int[]{ 1, 2 }, 1024, null))));
        }
        GatewayTestSupport.awaitLeader(members, null);
    }

    /**
     * A gateway with one session of its own: QuickFIX/J knows sessions by id in one registry per JVM, so two
     * gateways in one test must not share one.
     */
    private Gateway launchGateway(final String name, final int gatewayId, final String client) throws Exception
    {
        final Path gatewayDir = Files.createDirectories(dir.resolve(name));
        final SessionSettings defaults =
            GatewayTestSupport.clusterClientSettings(gatewayDir, GatewayTestSupport.freePort(), members.get(0));
        final SessionSettings settings = new SessionSettings();
        for (final String key : defaults.getDefaultProperties().stringPropertyNames())
        {
            settings.setString(key, defaults.getDefaultProperties().getProperty(key));
        }
        GatewayTestSupport.addSession(settings, "FIX.4.4", client);
        settings.setLong(GatewayConfiguration.GATEWAY_ID_PROP_NAME, gatewayId);
        settings.setString("TickwireCancelOnDisconnect", "Y");
        final Gateway gateway = Gateway.launch(new GatewayContext().settings(settings));
        closeables.add(gateway);
        assertEquals(gatewayId, gateway.clusterPath().agent().gatewayId());
        return gateway;
    }

    private TestFixClient logOn(final Gateway gateway, final String senderCompId) throws Exception
    {
        final TestFixClient client = new TestFixClient("FIX.4.4", senderCompId, gateway.port(), "alice",
            GatewayTestSupport.PASSWORD, false);
        closeables.add(client);
        assertTrue(client.awaitLogon(10_000));
        return client;
    }

    /**
     * The client gets these reports (ExecType ClOrdID CumQty LeavesQty), in any order, and nothing else.
     */
    private static void expect(final TestFixClient client, final String... reports) throws Exception
    {
        final List<String> got = new ArrayList<>();
        for (int i = 0; i < reports.length; i++)
        {
            final Message message = client.next();
            if (null == message)
            {
                break;
            }
            assertEquals("8", msgType(message), message.toString());
            got.add(field(message, 150) + " " + field(message, 11) + " " + field(message, 14) + " " +
                field(message, 151));
        }
        final List<String> expected = new ArrayList<>(List.of(reports));
        expected.sort(null);
        got.sort(null);
        assertEquals(expected, got);
    }

    private void awaitMembers(final long applied, final long duplicates, final long malformed)
    {
        for (final ClusterMember member : members)
        {
            final MatchingService service = (MatchingService)member.service();
            await(() -> service.commandsApplied() == applied && service.duplicateCommands() == duplicates &&
                service.malformedCommands() == malformed, 20_000, () -> "member " + member.memberId() +
                " applied " + service.commandsApplied() + " duplicates " + service.duplicateCommands() +
                " malformed " + service.malformedCommands());
        }
    }

    private AeronCluster connect(final Queue<Integer> acceptedSessions)
    {
        final ClusterMember member = members.get(0);
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        return ClusterClients.connect(member.aeronDirectoryName(), member.ingressEndpoints(),
            (sessionId, timestamp, buffer, offset, length, fragmentHeader) ->
            {
                header.wrap(buffer, offset);
                if (OrderAcceptedEventDecoder.TEMPLATE_ID == header.templateId())
                {
                    acceptedSessions.add(GatewaySessions.sessionIndex(buffer, offset));
                }
            });
    }

    /**
     * A frame as gateway {@code gatewayId} sends it: a resting buy of session 0.
     */
    private static UnsafeBuffer frame(
        final int gatewayId, final long sequence, final long orderId, final String clOrdId)
    {
        final UnsafeBuffer command = new UnsafeBuffer(new byte[IngressFrame.MAX_COMMAND_LENGTH]);
        final NewOrderCommandEncoder order = new NewOrderCommandEncoder();
        order.wrapAndApplyHeader(command, 0, new MessageHeaderEncoder())
            .correlationId(sequence).receiveNanos(0).sessionIndex(0).instrumentId(1).side(Side.BUY)
            .orderType(OrderType.LIMIT).timeInForce(TimeInForce.DAY).quantity(1).price(1_000_000)
            .putClOrdId(padded(clOrdId), 0).orderId(orderId).rejectReason(RejectReason.NONE)
            .limitValue(0).actualValue(0).riskNanos(0).symbol("").fixSide((byte)'1');
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[IngressFrame.MAX_FRAME_LENGTH]);
        final int length = IngressFrame.encode(frame, 0, gatewayId, sequence, command, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + order.encodedLength());
        return new UnsafeBuffer(frame, 0, length);
    }

    private static byte[] padded(final String clOrdId)
    {
        final byte[] bytes = new byte[32];
        System.arraycopy(clOrdId.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bytes, 0,
            clOrdId.length());
        return bytes;
    }

    private static void offer(final AeronCluster client, final UnsafeBuffer frame) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (client.offer(frame, 0, frame.capacity()) < 0)
        {
            assertTrue(System.nanoTime() < deadlineNs, "ingress took the frame");
            client.pollEgress();
            Thread.sleep(1);
        }
        client.pollEgress();
    }
}
