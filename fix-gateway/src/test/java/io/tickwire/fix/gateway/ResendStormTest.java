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

import io.tickwire.fix.session.SecurityEventListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.field.BeginSeqNo;
import quickfix.field.EndSeqNo;
import quickfix.fix44.ResendRequest;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.tickwire.fix.gateway.GatewayTestSupport.field;
import static io.tickwire.fix.gateway.OrderFlowTest.assertReport;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that repeats ResendRequests for everything is logged out once over its limit, and the others trade on.
 */
@Timeout(60)
class ResendStormTest
{
    @TempDir
    Path dir;

    @Test
    void shouldLogOutASessionThatStormsWithResendRequestsAndServeTheOthers() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        settings.setLong(GatewayConfiguration.MAX_RESEND_REQUESTS_PROP_NAME, 3);
        settings.setLong(GatewayConfiguration.RESEND_WINDOW_MS_PROP_NAME, 60_000);
        final List<String> events = new CopyOnWriteArrayList<>();
        final SecurityEventListener listener = new SecurityEventListener()
        {
            public void onResendRequestRefused(final String sessionId, final String text)
            {
                events.add(sessionId + " " + text);
            }
        };
        try (Gateway gateway = Gateway.launch(new GatewayContext().settings(settings).securityEventListener(listener));
            TestFixClient storm = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", GatewayTestSupport.PASSWORD,
                false);
            TestFixClient other = new TestFixClient("FIX.4.4", "CLIENT2", port, "bob", GatewayTestSupport.PASSWORD,
                false))
        {
            assertTrue(storm.awaitLogon(10_000));
            assertTrue(other.awaitLogon(10_000));
            for (int i = 0; i < 3; i++)
            {
                // Served: the gateway answers with a PossDup gap fill, which the client's engine takes in silence.
                storm.send(new ResendRequest(new BeginSeqNo(1), new EndSeqNo(0)));
            }
            other.send(newOrder("O0", "AAPL", '1', "10", '2', "150", '0'));
            assertReport(other.next(), '0', '0', "O0", "0", "10");
            assertTrue(storm.isLoggedOn(), "within the limit");
            assertEquals(0, gateway.counters().resendRequestsRefused());

            storm.send(new ResendRequest(new BeginSeqNo(1), new EndSeqNo(0)));
            final Message logout = storm.nextAdmin("5");
            assertNotNull(logout, "logged out over the limit");
            assertEquals("too many ResendRequests: more than 3 in 60000 ms", field(logout, 58));
            assertEquals(1, gateway.counters().resendRequestsRefused());
            assertEquals(List.of(new SessionID("FIX.4.4", GatewayTestSupport.GATEWAY_COMP_ID, "CLIENT1") + " " +
                "too many ResendRequests: more than 3 in 60000 ms"), events);

            other.send(newOrder("O1", "AAPL", '1', "10", '2', "150", '0'));
            assertReport(other.next(), '0', '0', "O1", "0", "10");
        }
    }
}
