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

import io.tickwire.agent.cli.TickwireHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Application;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.tickwire.fix.gateway.GatewayTestSupport.field;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The shipped pair works as documented: a plain QuickFIX/J initiator with {@code config/fix-initiator.cfg}, sending
 * the example credentials from {@code toAdmin} as docs/FIX-GATEWAY.md shows, logs on to a gateway run with
 * {@code config/gateway.cfg} (its audit journal on) and trades. Only ports and directories change, and the market
 * data channel is left out (a fixed multicast address other tests may use).
 */
@Timeout(60)
class ShippedConfigurationTest
{
    private static final Path CONFIG = Path.of("..", "config").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @AfterEach
    void forgetTheHome()
    {
        System.clearProperty(TickwireHome.HOME_PROP_NAME);
        System.clearProperty(TickwireHome.DATA_DIR_PROP_NAME);
        System.clearProperty(TickwireHome.LOG_DIR_PROP_NAME);
    }

    @Test
    void shouldLogOnWithTheShippedInitiatorConfigurationAndTrade() throws Exception
    {
        System.setProperty(TickwireHome.HOME_PROP_NAME, CONFIG.getParent().toString());
        System.setProperty(TickwireHome.DATA_DIR_PROP_NAME, dir.resolve("var").toString());
        final int port = GatewayTestSupport.freePort();
        final SessionSettings gatewaySettings = new SessionSettings(CONFIG.resolve("gateway.cfg").toString());
        gatewaySettings.setLong("SocketAcceptPort", port);
        gatewaySettings.setLong(GatewayConfiguration.CLUSTER_BASE_PORT_PROP_NAME, GatewayTestSupport.clusterBasePort());
        gatewaySettings.removeSetting(new SessionID("DEFAULT", "", ""),
            GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME);

        final SessionSettings initiatorSettings = new SessionSettings(CONFIG.resolve("fix-initiator.cfg").toString());
        initiatorSettings.setLong("SocketConnectPort", port);
        final Client client = new Client();
        final SocketInitiator initiator = new SocketInitiator(client, new MemoryStoreFactory(), initiatorSettings,
            new SLF4JLogFactory(initiatorSettings), new DefaultMessageFactory());
        try (Gateway gateway = Gateway.launch(new GatewayContext().settings(gatewaySettings)))
        {
            initiator.start();
            final SessionID sessionId = initiator.getSessions().get(0);
            assertEquals("QFJCLIENT", sessionId.getSenderCompID());
            assertNotNull(client.messages.poll(30, TimeUnit.SECONDS), "logged on");

            Session.lookupSession(sessionId).send(newOrder("Q1", "AAPL", '1', "100", '2', "150", '0'));
            final Message report = client.messages.poll(30, TimeUnit.SECONDS);
            assertNotNull(report, "an ExecutionReport");
            assertEquals("8", report.getHeader().getString(35));
            assertEquals("Q1", field(report, 11));
            assertEquals("0", field(report, 150));
        }
        finally
        {
            initiator.stop(true);
        }
    }

    /**
     * What docs/FIX-GATEWAY.md tells a client to do: credentials into the Logon from {@code toAdmin}.
     */
    static final class Client implements Application
    {
        final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();

        public void toAdmin(final Message message, final SessionID sessionId)
        {
            try
            {
                if ("A".equals(message.getHeader().getString(35)))
                {
                    message.setString(553, "demo");
                    message.setString(554, "demo-password");
                }
            }
            catch (final FieldNotFound ignore)
            {
                // Every message has a MsgType.
            }
        }

        public void onLogon(final SessionID sessionId)
        {
            messages.add(new Message());
        }

        public void fromApp(final Message message, final SessionID sessionId)
        {
            messages.add(message);
        }

        public void onCreate(final SessionID sessionId)
        {
        }

        public void onLogout(final SessionID sessionId)
        {
        }

        public void fromAdmin(final Message message, final SessionID sessionId)
        {
        }

        public void toApp(final Message message, final SessionID sessionId)
        {
        }
    }
}
