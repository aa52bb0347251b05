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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.nio.file.Path;

import static io.tickwire.fix.gateway.GatewayTestSupport.field;
import static io.tickwire.fix.gateway.OrderFlowTest.assertReport;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class RiskTest
{
    @TempDir
    Path dir;

    private Gateway gateway;
    private TestFixClient client;
    private TestFixClient other;
    private final SessionID clientSession = new SessionID("FIX.4.4", GatewayTestSupport.GATEWAY_COMP_ID, "CLIENT1");
    private final SessionID otherSession = new SessionID("FIX.4.4", GatewayTestSupport.GATEWAY_COMP_ID, "CLIENT2");

    @BeforeEach
    void setUp() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        settings.setString(GatewayConfiguration.REFERENCE_PRICES_PROP_NAME, "AAPL:100");
        settings.setLong(clientSession, "TickwireMaxOrderQty", 1000);
        settings.setString(clientSession, "TickwireMaxNotional", "50000");
        settings.setLong(clientSession, "TickwirePriceCollarBps", 500);
        settings.setLong(clientSession, "TickwireMaxOrdersPerSecond", 5);
        settings.setString(otherSession, "TickwireCancelOnDisconnect", "Y");
        gateway = Gateway.launch(new GatewayContext().settings(settings));
        client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", GatewayTestSupport.PASSWORD, false);
        other = new TestFixClient("FIX.4.4", "CLIENT2", port, "bob", GatewayTestSupport.PASSWORD, false);
        assertTrue(client.awaitLogon(10_000));
        assertTrue(other.awaitLogon(10_000));
    }

    @AfterEach
    void tearDown()
    {
        if (null != client)
        {
            client.close();
        }
        if (null != other)
        {
            other.close();
        }
        if (null != gateway)
        {
            gateway.close();
        }
    }

    private Message assertRiskReject(final TestFixClient from, final Message order, final String clOrdId,
        final String text) throws Exception
    {
        from.send(order);
        final Message report = from.next();
        assertReport(report, '8', '8', clOrdId, "0", "0");
        assertEquals(text, field(report, 58));
        return report;
    }

    @Test
    void shouldRejectOrderAboveMaxQuantity() throws Exception
    {
        final Message report = assertRiskReject(client, newOrder("Q1", "AAPL", '1', "1001", '2', "100", '0'), "Q1",
            "risk: max order quantity exceeded: OrderQty 1001 > limit 1000");
        assertEquals("3", field(report, 103), "OrdRejReason: order exceeds limit");
    }

    @Test
    void shouldRejectOrderAboveMaxNotional() throws Exception
    {
        assertRiskReject(client, newOrder("N1", "AAPL", '1', "600", '2', "101", '0'), "N1",
            "risk: max notional exceeded: notional 60600 > limit 50000");
    }

    @Test
    void shouldRejectPriceOutsideCollarAroundConfiguredThenTradedReference() throws Exception
    {
        assertRiskReject(client, newOrder("C1", "AAPL", '1', "10", '2', "106", '0'), "C1",
            "risk: price collar: price deviates 600 bps from the reference price > limit 500 bps");

        other.send(newOrder("S1", "AAPL", '2', "10", '2', "104", '0'));
        assertReport(other.next(), '0', '0', "S1", "0", "10");
        client.send(newOrder("B1", "AAPL", '1', "10", '2', "104", '0'));
        assertReport(client.next(), '0', '0', "B1", "0", "10");
        assertReport(client.next(), 'F', '2', "B1", "10", "0");

        // The reference is now the last trade, 104: 109 is 480 bps away and passes, 98 is 576 bps away.
        client.send(newOrder("B2", "AAPL", '1', "1", '2', "109", '0'));
        assertReport(client.next(), '0', '0', "B2", "0", "1");
        assertRiskReject(client, newOrder("B3", "AAPL", '1', "1", '2', "98", '0'), "B3",
            "risk: price collar: price deviates 576 bps from the reference price > limit 500 bps");
    }

    @Test
    void shouldThrottleOrderRate() throws Exception
    {
        for (int i = 0; i < 20; i++)
        {
            client.send(newOrder("T" + i, "AAPL", '1', "1", '2', "100", '0'));
        }
        int rejected = 0;
        for (int i = 0; i < 20; i++)
        {
            final Message report = client.next();
            if ("8".equals(field(report, 39)))
            {
                rejected++;
                assertTrue(field(report, 58).startsWith("risk: order rate throttle: "), field(report, 58));
                assertTrue(field(report, 58).endsWith("requests in the current second > limit 5"), field(report, 58));
            }
        }
        // 20 sent back to back: unless sending them took over 3 s, more than 15 cannot have been accepted.
        assertTrue(rejected >= 5, "at most 5 per second accepted, rejected " + rejected);
    }

    @Test
    void shouldRejectAndCancelEverythingWhenKillSwitchEngaged() throws Exception
    {
        other.send(newOrder("K1", "AAPL", '2', "10", '2', "100", '0'));
        assertReport(other.next(), '0', '0', "K1", "0", "10");
        gateway.killSwitch(otherSession, true);
        final Message cancelled = other.next();
        assertReport(cancelled, '4', '4', "K1", "0", "0");
        assertRiskReject(other, newOrder("K2", "AAPL", '2', "10", '2', "100", '0'), "K2",
            "risk: kill switch engaged for this session");
        gateway.killSwitch(otherSession, false);
        other.send(newOrder("K3", "AAPL", '2', "10", '2', "100", '0'));
        assertReport(other.next(), '0', '0', "K3", "0", "10");
    }

    @Test
    void shouldCancelOrdersOnDisconnect() throws Exception
    {
        other.send(newOrder("D1", "AAPL", '2', "10", '2', "100", '0'));
        assertReport(other.next(), '0', '0', "D1", "0", "10");
        other.close();
        other = null;

        // Wait for the cancel to reach the book: an IOC buy at the resting price must find nothing to trade.
        String cumulative = "10";
        for (int attempt = 0; attempt < 50 && !"0".equals(cumulative); attempt++)
        {
            client.send(newOrder("I" + attempt, "AAPL", '1', "10", '2', "100", '3'));
            assertReport(client.next(), '0', '0', "I" + attempt, "0", "10");
            final Message outcome = client.next();
            cumulative = field(outcome, 14);
            if (!"0".equals(cumulative))
            {
                break;
            }
        }
        assertEquals("0", cumulative, "the disconnected seller's order was cancelled, not traded");
    }
}
