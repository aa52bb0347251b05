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

import io.tickwire.fix.session.GatewayApplication;
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
import static io.tickwire.fix.gateway.OrderFlowTest.cancel;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static io.tickwire.fix.gateway.OrderFlowTest.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session's ClOrdID window of 16 ids, on the in-process engine and on the clustered one: an id that has left the
 * window is still refused as a duplicate and still finds its order while the engine knows the order, and is a new
 * id again once the engine has forgotten it too. Real gateway, real QuickFIX/J initiator over TCP.
 */
@Timeout(120)
class ClOrdIdWindowTest
{
    private static final int WINDOW = 16;

    @TempDir
    Path dir;

    private Gateway gateway;
    private TestFixClient buyer;

    @AfterEach
    void tearDown()
    {
        if (null != buyer)
        {
            buyer.close();
        }
        if (null != gateway)
        {
            gateway.close();
        }
    }

    @ParameterizedTest(name = "clustered={0}")
    @ValueSource(booleans = {false, true})
    void shouldRefuseAndFindAnIdTheWindowDroppedWhileTheEngineKnowsItsOrder(final boolean clustered)
        throws Exception
    {
        start(clustered, 100);
        buyer.send(newOrder("OLD", "AAPL", '1', "10", '2', "100", '0'));
        assertReport(buyer.next(), '0', '0', "OLD", "0", "10");
        restOrders("R", WINDOW + 4);

        buyer.send(newOrder("OLD", "AAPL", '1', "5", '2', "101", '0'));
        final Message duplicate = buyer.next();
        assertReport(duplicate, '8', '8', "OLD", "0", "0");
        assertTrue(field(duplicate, 58).contains("duplicate ClOrdID(11)"), field(duplicate, 58));

        buyer.send(status("OLD"));
        assertReport(buyer.next(), 'I', '0', "OLD", "0", "10");

        buyer.send(cancel("OLD-CXL", "OLD"));
        final Message cancelled = buyer.next();
        assertReport(cancelled, '4', '4', "OLD-CXL", "0", "0");
        assertEquals("OLD", field(cancelled, 41));
        assertEquals("10", field(cancelled, 38), cancelled.toString());
    }

    @ParameterizedTest(name = "clustered={0}")
    @ValueSource(booleans = {false, true})
    void shouldAcceptAnIdBothWindowsForgot(final boolean clustered) throws Exception
    {
        start(clustered, 2);
        buyer.send(newOrder("GONE", "AAPL", '1', "10", '2', "100", '0'));
        assertReport(buyer.next(), '0', '0', "GONE", "0", "10");
        buyer.send(cancel("GONE-CXL", "GONE"));
        assertReport(buyer.next(), '4', '4', "GONE-CXL", "0", "0");
        for (int i = 0; i < WINDOW; i++)
        {
            buyer.send(newOrder("T" + i, "AAPL", '1', "1", '2', "90", '0'));
            assertReport(buyer.next(), '0', '0', "T" + i, "0", "1");
            buyer.send(cancel("T" + i + "-CXL", "T" + i));
            assertReport(buyer.next(), '4', '4', "T" + i + "-CXL", "0", "0");
        }

        buyer.send(newOrder("GONE", "AAPL", '1', "7", '2', "100", '0'));
        assertReport(buyer.next(), '0', '0', "GONE", "0", "7");
        buyer.send(status("GONE"));
        assertReport(buyer.next(), 'I', '0', "GONE", "0", "7");
    }

    private void start(final boolean clustered, final int retainedFinishedOrders) throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        if (!clustered)
        {
            settings.removeSetting(new SessionID("DEFAULT", "", ""), GatewayConfiguration.CLUSTER_DIR_PROP_NAME);
        }
        settings.setLong(GatewayApplication.SETTING_CLORDID_WINDOW, WINDOW);
        settings.setLong(GatewayConfiguration.RETAINED_FINISHED_ORDERS_PROP_NAME, retainedFinishedOrders);
        gateway = Gateway.launch(new GatewayContext().settings(settings).auditDirectory(dir.resolve("audit")));
        buyer = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", GatewayTestSupport.PASSWORD, false);
        assertTrue(buyer.awaitLogon(20_000));
    }

    private void restOrders(final String prefix, final int count) throws Exception
    {
        for (int i = 0; i < count; i++)
        {
            buyer.send(newOrder(prefix + i, "AAPL", '1', "1", '2', "90", '0'));
            assertReport(buyer.next(), '0', '0', prefix + i, "0", "1");
        }
    }
}
