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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.nio.file.Path;

import static io.tickwire.fix.gateway.GatewayTestSupport.field;
import static io.tickwire.fix.gateway.OrderFlowTest.assertReport;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both thread plans deliver every event of a command that emits far more events than the event ring holds: with
 * the engine and the report sender on one thread (compact) nobody else drains the ring, so the engine must.
 */
@Timeout(120)
class ThreadPlanTest
{
    /**
     * Holds about twenty events: every scenario below emits hundreds from one command.
     */
    private static final int TINY_EVENT_RING = 4096;
    private static final int RESTING = 300;

    @TempDir
    Path dir;

    private Gateway gateway;
    private TestFixClient seller;
    private TestFixClient buyer;

    private void launch(final String threading) throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        settings.setString(GatewayConfiguration.THREADING_PROP_NAME, threading);
        settings.setLong(GatewayConfiguration.EVENT_RING_CAPACITY_PROP_NAME, TINY_EVENT_RING);
        settings.setString(GatewayConfiguration.REFERENCE_PRICES_PROP_NAME, "AAPL:100");
        settings.setString(new SessionID("FIX.4.4", GatewayTestSupport.GATEWAY_COMP_ID, "CLIENT2"),
            "TickwireCancelOnDisconnect", "Y");
        gateway = Gateway.launch(new GatewayContext().settings(settings));
        assertTrue(gateway.threadPlan().startsWith(threading + " "), gateway.threadPlan());
        buyer = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", GatewayTestSupport.PASSWORD, false);
        seller = new TestFixClient("FIX.4.4", "CLIENT2", port, "bob", GatewayTestSupport.PASSWORD, false);
        assertTrue(buyer.awaitLogon(10_000));
        assertTrue(seller.awaitLogon(10_000));
    }

    @AfterEach
    void tearDown()
    {
        if (null != buyer)
        {
            buyer.close();
        }
        if (null != seller)
        {
            seller.close();
        }
        if (null != gateway)
        {
            gateway.close();
        }
    }

    private void restSellOrders() throws Exception
    {
        for (int i = 0; i < RESTING; i++)
        {
            seller.send(newOrder("S" + i, "AAPL", '2', "1", '2', "100", '0'));
        }
        for (int i = 0; i < RESTING; i++)
        {
            assertReport(seller.next(), '0', '0', "S" + i, "0", "1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"compact", "dedicated"})
    void shouldReportEveryFillOfOneOrderThatSweepsManyOrders(final String threading) throws Exception
    {
        launch(threading);
        restSellOrders();

        buyer.send(newOrder("SWEEP", "AAPL", '1', Integer.toString(RESTING), '2', "100", '0'));

        assertReport(buyer.next(), '0', '0', "SWEEP", "0", Integer.toString(RESTING));
        for (int i = 1; i <= RESTING; i++)
        {
            final Message fill = buyer.next();
            assertNotNull(fill, "fill " + i + " of " + RESTING);
            assertEquals("SWEEP", field(fill, 11));
            assertEquals(Integer.toString(i), field(fill, 14), "CumQty after fill " + i);
        }
        for (int i = 0; i < RESTING; i++)
        {
            final Message fill = seller.next();
            assertNotNull(fill, "seller fill " + i);
            assertEquals("2", field(fill, 39), "seller order filled");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"compact", "dedicated"})
    void shouldCancelEveryRestingOrderOnDisconnectAndKeepServing(final String threading) throws Exception
    {
        launch(threading);
        restSellOrders();
        final long reportsBefore = gateway.counters().reportsSent();

        seller.close();
        seller = null;

        // Every cancel is reported (to the store of the disconnected session) before the engine goes on.
        final long deadline = System.currentTimeMillis() + 30_000;
        while (gateway.counters().reportsSent() < reportsBefore + RESTING && System.currentTimeMillis() < deadline)
        {
            Thread.sleep(10);
        }
        assertEquals(reportsBefore + RESTING, gateway.counters().reportsSent(), "one Canceled report per order");

        // Nothing left to trade against, and the engine still answers.
        buyer.send(newOrder("IOC", "AAPL", '1', "1", '2', "100", '3'));
        assertReport(buyer.next(), '0', '0', "IOC", "0", "1");
        final Message expired = buyer.next();
        assertEquals("4", field(expired, 39), "IOC found nothing to trade: canceled");
        assertEquals("0", field(expired, 14));
    }
}
