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
import io.tickwire.fix.cluster.IngressFrame;
import io.tickwire.fix.cluster.MatchingService;
import io.tickwire.sbe.internal.MessageHeaderEncoder;
import io.tickwire.sbe.internal.NewOrderCommandEncoder;
import io.tickwire.sbe.internal.OrderType;
import io.tickwire.sbe.internal.RejectReason;
import io.tickwire.sbe.internal.TimeInForce;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import quickfix.Message;
import quickfix.SessionSettings;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.tickwire.fix.gateway.GatewayTestSupport.field;
import static io.tickwire.fix.gateway.OrderFlowTest.assertReport;
import static io.tickwire.fix.gateway.OrderFlowTest.cancel;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static io.tickwire.fix.gateway.OrderFlowTest.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order path on a real one-member Aeron Cluster embedded in the gateway (driver, archive, consensus module,
 * matching service; UDP on loopback): orders are acknowledged from the cluster, and the books come back when the
 * gateway and its cluster restart, from the log alone or from a snapshot and the log after it.
 */
@Timeout(120)
class ClusteredGatewayTest
{
    @TempDir
    Path dir;

    private final int basePort = GatewayTestSupport.clusterBasePort();

    private Gateway launch(final int fixPort) throws Exception
    {
        final SessionSettings settings = GatewayTestSupport.settings(dir, fixPort);
        settings.setString("TickwireCancelOnDisconnect", "N");
        settings.setLong(GatewayConfiguration.CLUSTER_BASE_PORT_PROP_NAME, basePort);
        return Gateway.launch(new GatewayContext().settings(settings).clusterDirectory(dir.resolve("cluster")));
    }

    @Test
    void shouldAcknowledgeAndMatchThroughTheCluster() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        try (Gateway gateway = launch(port);
            TestFixClient buyer = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", GatewayTestSupport.PASSWORD,
                false);
            TestFixClient seller = new TestFixClient("FIX.4.4", "CLIENT2", port, "bob", GatewayTestSupport.PASSWORD,
                false))
        {
            assertTrue(gateway.threadPlan().contains("cluster-order-client"), gateway.threadPlan());
            assertTrue(buyer.awaitLogon(10_000));
            assertTrue(seller.awaitLogon(10_000));
            buyer.send(newOrder("B1", "AAPL", '1', "100", '2', "150", '0'));
            assertReport(buyer.next(), '0', '0', "B1", "0", "100");
            seller.send(newOrder("S1", "AAPL", '5', "40", '2', "150", '0'));
            assertReport(seller.next(), '0', '0', "S1", "0", "40");
            final Message sellFill = seller.next();
            assertReport(sellFill, 'F', '2', "S1", "40", "0");
            assertEquals("5", field(sellFill, 54));
            assertReport(buyer.next(), 'F', '1', "B1", "40", "60");

            final MatchingService service = (MatchingService)gateway.clusterPath().member().service();
            assertEquals(2, service.commandsApplied());
            assertEquals(0, service.malformedCommands());
        }
    }

    @ParameterizedTest(name = "snapshot before restart: {0}")
    @ValueSource(booleans = {false, true})
    void shouldRestoreBooksAfterRestart(final boolean snapshot) throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        try (Gateway gateway = launch(port);
            TestFixClient buyer = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", GatewayTestSupport.PASSWORD,
                false);
            TestFixClient seller = new TestFixClient("FIX.4.4", "CLIENT2", port, "bob", GatewayTestSupport.PASSWORD,
                false))
        {
            assertTrue(buyer.awaitLogon(10_000));
            assertTrue(seller.awaitLogon(10_000));
            buyer.send(newOrder("B1", "AAPL", '1', "100", '2', "150", '0'));
            assertReport(buyer.next(), '0', '0', "B1", "0", "100");
            buyer.send(newOrder("B2", "AAPL", '1', "10", '2', "149", '0'));
            assertReport(buyer.next(), '0', '0', "B2", "0", "10");
            seller.send(newOrder("S1", "AAPL", '2', "40", '2', "150", '0'));
            assertReport(seller.next(), '0', '0', "S1", "0", "40");
            assertReport(seller.next(), 'F', '2', "S1", "40", "0");
            assertReport(buyer.next(), 'F', '1', "B1", "40", "60");
            if (snapshot)
            {
                GatewayTestSupport.takeSnapshot(gateway.clusterPath().member());
            }
            // After the snapshot: held only in the log.
            buyer.send(newOrder("B3", "AAPL", '1', "5", '2', "148", '0'));
            assertReport(buyer.next(), '0', '0', "B3", "0", "5");
        }

        try (Gateway gateway = launch(port);
            TestFixClient buyer = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", GatewayTestSupport.PASSWORD,
                false);
            TestFixClient seller = new TestFixClient("FIX.4.4", "CLIENT2", port, "bob", GatewayTestSupport.PASSWORD,
                false))
        {
            final MatchingService service = (MatchingService)gateway.clusterPath().member().service();
            assertEquals(snapshot, service.snapshotLoaded());
            assertTrue(buyer.awaitLogon(10_000));
            assertTrue(seller.awaitLogon(10_000));

            // The gateway restarted with no memory of B1: the engine knows it by the session's ClOrdID.
            buyer.send(status("B1"));
            final Message b1 = buyer.next();
            assertReport(b1, 'I', '1', "B1", "40", "60");
            assertEquals("150", field(b1, 44));

            // The duplicate window came back too: B2 was used before the restart.
            buyer.send(newOrder("B2", "AAPL", '1', "1", '2', "100", '0'));
            final Message duplicate = buyer.next();
            assertReport(duplicate, '8', '8', "B2", "0", "0");
            assertEquals("6", field(duplicate, 103), duplicate.toString());

            buyer.send(cancel("C3", "B3"));
            final Message cancelled = buyer.next();
            assertReport(cancelled, '4', '4', "C3", "0", "0");
            assertEquals("B3", field(cancelled, 41));

            // Price-time priority came back: 60 at 150 (B1) before 10 at 149 (B2).
            seller.send(newOrder("S2", "AAPL", '2', "70", '2', "149", '0'));
            assertReport(seller.next(), '0', '0', "S2", "0", "70");
            final Message first = seller.next();
            assertReport(first, 'F', '1', "S2", "60", "10");
            assertEquals("150", field(first, 31));
            final Message second = seller.next();
            assertReport(second, 'F', '2', "S2", "70", "0");
            assertEquals("149", field(second, 31));
            assertReport(buyer.next(), 'F', '2', "B1", "100", "0");
            assertReport(buyer.next(), 'F', '2', "B2", "10", "0");
            assertEquals(0, service.malformedCommands());
        }
    }

    @Test
    void shouldCountAndSkipPoisonCommandsAndKeepRunningAcrossARestart() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        try (Gateway gateway = launch(port))
        {
            final ClusterMember member = gateway.clusterPath().member();
            final MatchingService service = (MatchingService)member.service();
            try (AeronCluster rogue = ClusterClients.connect(member.aeronDirectoryName(), member.ingressEndpoints(),
                (sessionId, timestamp, buffer, offset, length, header) -> {}))
            {
                final UnsafeBuffer poison = new UnsafeBuffer(new byte[256]);
                // Too short for a frame; a frame of junk; a new order whose Side no decoder accepts.
                offer(rogue, poison, 3);
                poison.putLong(0, 1);
                poison.putLong(8, 0x7A7A7A7A7A7A7A7AL);
                offer(rogue, poison, 40);
                final NewOrderCommandEncoder order = new NewOrderCommandEncoder();
                order.wrapAndApplyHeader(poison, IngressFrame.COMMAND_OFFSET, new MessageHeaderEncoder())
                    .correlationId(1).sessionIndex(0).instrumentId(1).quantity(1).price(1)
                    .orderType(OrderType.LIMIT).timeInForce(TimeInForce.DAY).orderId(1)
                    .rejectReason(RejectReason.NONE);
                poison.putByte(IngressFrame.COMMAND_OFFSET + MessageHeaderEncoder.ENCODED_LENGTH +
                    NewOrderCommandEncoder.sideEncodingOffset(), (byte)'Z');
                poison.putLong(0, 2);
                offer(rogue, poison,
                    IngressFrame.COMMAND_OFFSET + MessageHeaderEncoder.ENCODED_LENGTH + order.encodedLength());
                final long deadline = System.currentTimeMillis() + 10_000;
                while (service.malformedCommands() < 3 && System.currentTimeMillis() < deadline)
                {
                    rogue.pollEgress();
                    Thread.sleep(1);
                }
                assertEquals(3, service.malformedCommands());
            }
            try (TestFixClient buyer = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice",
                GatewayTestSupport.PASSWORD, false))
            {
                assertTrue(buyer.awaitLogon(10_000));
                buyer.send(newOrder("P1", "AAPL", '1', "10", '2', "150", '0'));
                assertReport(buyer.next(), '0', '0', "P1", "0", "10");
            }
        }

        // The poison is in the log: replayed at restart, skipped again, and the service carries on.
        try (Gateway gateway = launch(port);
            TestFixClient buyer = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", GatewayTestSupport.PASSWORD,
                false))
        {
            final MatchingService service = (MatchingService)gateway.clusterPath().member().service();
            assertEquals(3, service.malformedCommands());
            assertTrue(buyer.awaitLogon(10_000));
            buyer.send(status("P1"));
            assertReport(buyer.next(), 'I', '0', "P1", "0", "10");
        }
    }

    @Test
    void shouldLeaveNothingRunningOrMappedWhenItCannotStart() throws Exception
    {
        try (Gateway first = launch(GatewayTestSupport.freePort()))
        {
            // Same cluster ports as the running one: its member cannot bind them, after the market data driver
            // and the audit trail have started.
            final Path aeronDir = dir.resolve("second-aeron");
            final Path second = Files.createDirectories(dir.resolve("second"));
            final SessionSettings settings = GatewayTestSupport.settings(second, GatewayTestSupport.freePort());
            settings.setLong(GatewayConfiguration.CLUSTER_BASE_PORT_PROP_NAME, basePort);
            settings.setString(GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME, "aeron:ipc");
            settings.setString(GatewayConfiguration.AERON_DIR_PROP_NAME, aeronDir.toString());
            final Exception failure = assertThrows(Exception.class, () -> Gateway.launch(new GatewayContext()
                .settings(settings).auditDirectory(dir.resolve("second-audit"))));
            assertTrue(String.valueOf(failure.getMessage()).contains("cluster member"), failure.toString());
            assertFalse(Files.exists(aeronDir), "the market data driver's directory is gone");
            assertFalse(Files.exists(second.resolve("cluster").resolve("aeron")),
                "the member's driver directory is gone");
            assertTrue(first.clusterPath().member().isLeader(), "the running gateway is untouched");
        }
    }

    private static void offer(final AeronCluster client, final UnsafeBuffer buffer, final int length)
        throws InterruptedException
    {
        while (client.offer(buffer, 0, length) < 0)
        {
            client.pollEgress();
            Thread.sleep(1);
        }
    }
}
