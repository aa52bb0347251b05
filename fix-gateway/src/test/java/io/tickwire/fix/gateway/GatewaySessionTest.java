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

import io.tickwire.fix.session.LogonRefusal;
import io.tickwire.fix.session.SecurityEventListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.tickwire.fix.gateway.GatewayTestSupport.field;
import static io.tickwire.fix.gateway.OrderFlowTest.assertReport;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(90)
class GatewaySessionTest
{
    @TempDir
    Path dir;

    @Test
    void shouldLogOnAndTradeWithFix44Fix42AndFix50Sp2() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        try (Gateway gateway = Gateway.launch(new GatewayContext().settings(GatewayTestSupport.settings(dir, port)));
            TestFixClient fix44 = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", "s3cret-pass", false);
            TestFixClient fix42 = new TestFixClient("FIX.4.2", "CLIENT42", port, "bob", "s3cret-pass", false);
            TestFixClient fix50 = new TestFixClient("FIXT.1.1", "CLIENT50", port, "bob", "s3cret-pass", false))
        {
            assertTrue(fix44.awaitLogon(10_000));
            assertTrue(fix42.awaitLogon(10_000));
            assertTrue(fix50.awaitLogon(10_000));

            fix42.send(newOrder("S42", "AAPL", '2', "10", '2', "99.5", '0'));
            final Message ack42 = fix42.next();
            assertReport(ack42, '0', '0', "S42", "0", "10");
            assertEquals("0", field(ack42, 20), "FIX 4.2 ExecTransType");

            fix50.send(newOrder("B50", "AAPL", '1', "4", '2', "99.5", '0'));
            assertReport(fix50.next(), '0', '0', "B50", "0", "4");
            assertReport(fix50.next(), 'F', '2', "B50", "4", "0");
            assertReport(fix42.next(), '1', '1', "S42", "4", "6");

            fix44.send(newOrder("B44", "AAPL", '1', "6", '2', "99.5", '0'));
            assertReport(fix44.next(), '0', '0', "B44", "0", "6");
            assertReport(fix44.next(), 'F', '2', "B44", "6", "0");
            assertReport(fix42.next(), '2', '2', "S42", "10", "0");
            assertTrue(gateway.isAuthenticated());
        }
    }

    @Test
    void shouldRejectBadPasswordAndCountIt() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        try (Gateway gateway = Gateway.launch(new GatewayContext().settings(GatewayTestSupport.settings(dir, port)));
            TestFixClient client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", "wrong", false))
        {
            final Message logout = client.nextAdmin("5");
            assertNotNull(logout);
            assertEquals("authentication failed: invalid username or password", field(logout, 58));
            assertFalse(client.isLoggedOn());
            assertTrue(gateway.counters().logonFailures() >= 1);
        }
    }

    @Test
    void shouldLockOutAUserAfterRepeatedFailuresRefuseItsRightPasswordThenAllowItAfterTheWindow() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        final long lockoutMs = 3_000;
        settings.setLong(GatewayConfiguration.LOGON_LOCKOUT_MS_PROP_NAME, lockoutMs);
        final BlockingQueue<Refused> refusals = new LinkedBlockingQueue<>();
        final SecurityEventListener listener = new SecurityEventListener()
        {
            public void onLogonRefused(final LogonRefusal refusal, final String username, final String address,
                final String text, final long ms)
            {
                refusals.add(new Refused(refusal, username, address));
            }
        };
        try (Gateway gateway = Gateway.launch(new GatewayContext().settings(settings).securityEventListener(listener)))
        {
            // The client reconnects every second with the wrong password until the fifth failure locks alice out.
            try (TestFixClient guesser = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", "wrong", false))
            {
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (gateway.counters().logonLockouts() == 0 && System.nanoTime() < deadline)
                {
                    Thread.sleep(5);
                }
            }
            assertEquals(GatewayConfiguration.LOGON_MAX_FAILURES_DEFAULT, gateway.counters().logonFailures());
            assertEquals(1, gateway.counters().logonLockouts());
            for (int i = 0; i < GatewayConfiguration.LOGON_MAX_FAILURES_DEFAULT; i++)
            {
                assertEquals(new Refused(LogonRefusal.BAD_CREDENTIALS, "alice", "127.0.0.1"), refusals.take());
            }

            // Per user: bob, from the same address, is not locked out.
            try (TestFixClient bob = new TestFixClient("FIX.4.4", "CLIENT2", port, "bob", "s3cret-pass", false))
            {
                assertTrue(bob.awaitLogon(10_000));
            }

            try (TestFixClient alice = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", "s3cret-pass", false))
            {
                final Message logout = alice.nextAdmin("5");
                assertNotNull(logout);
                assertTrue(field(logout, 58).startsWith("authentication refused: locked out after repeated failed " +
                    "logons, retry in "), field(logout, 58));
                // Its reconnects are refused without a password check until the window ends, then it logs on.
                assertTrue(alice.awaitLogon(lockoutMs + 10_000));
                alice.send(newOrder("L1", "AAPL", '1', "1", '2', "10", '0'));
                assertReport(alice.next(), '0', '0', "L1", "0", "1");
            }
            assertTrue(gateway.counters().logonsRefusedLockedOut() >= 1);
            assertEquals(GatewayConfiguration.LOGON_MAX_FAILURES_DEFAULT, gateway.counters().logonFailures(),
                "refusals during the lockout are not failures");
            Refused refused = refusals.poll(1, TimeUnit.SECONDS);
            while (null != refused && LogonRefusal.LOCKED_OUT != refused.refusal())
            {
                refused = refusals.poll(1, TimeUnit.SECONDS);
            }
            assertEquals(new Refused(LogonRefusal.LOCKED_OUT, "alice", "127.0.0.1"), refused);
        }
    }

    private record Refused(LogonRefusal refusal, String username, String address)
    {
    }

    @Test
    void shouldRejectLogonWithoutCredentials() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        try (Gateway gateway = Gateway.launch(new GatewayContext().settings(GatewayTestSupport.settings(dir, port)));
            TestFixClient client = new TestFixClient("FIX.4.4", "CLIENT1", port, null, null, false))
        {
            final Message logout = client.nextAdmin("5");
            assertNotNull(logout);
            assertTrue(field(logout, 58).contains("Username(553) and Password(554) required"), field(logout, 58));
        }
    }

    @Test
    void shouldRefuseConnectionFromAddressNotAllowed() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        settings.setString("AllowedRemoteAddresses", "10.255.255.1");
        try (Gateway gateway = Gateway.launch(new GatewayContext().settings(settings));
            TestFixClient client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", "s3cret-pass", false))
        {
            assertFalse(client.awaitLogon(3_000));
            assertTrue(null == client.adminMessages.poll(100, TimeUnit.MILLISECONDS) || !client.isLoggedOn());
        }
    }

    @Test
    void shouldKeepSequenceNumbersAcrossRestart() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final SessionID gatewaySide = new SessionID("FIX.4.4", GatewayTestSupport.GATEWAY_COMP_ID, "CLIENT1");
        final int expectedTarget;
        final int nextSender;
        try (TestFixClient client = new TestFixClient(
            "FIX.4.4", "CLIENT1", port, "alice", "s3cret-pass", null, false))
        {
            try (Gateway gateway = Gateway.launch(
                new GatewayContext().settings(GatewayTestSupport.settings(dir, port))))
            {
                assertTrue(client.awaitLogon(10_000));
                for (int i = 0; i < 3; i++)
                {
                    client.send(newOrder("R" + i, "AAPL", '1', "1", '2', "10", '0'));
                    assertReport(client.next(), '0', '0', "R" + i, "0", "1");
                }
                expectedTarget = Session.lookupSession(gatewaySide).getStore().getNextTargetMsgSeqNum();
                nextSender = Session.lookupSession(gatewaySide).getStore().getNextSenderMsgSeqNum();
                assertTrue(expectedTarget >= 5, "logon + 3 orders received: " + expectedTarget);
            }
            try (Gateway gateway = Gateway.launch(
                new GatewayContext().settings(GatewayTestSupport.settings(dir, port))))
            {
                final Session restored = Session.lookupSession(gatewaySide);
                assertTrue(restored.getStore().getNextTargetMsgSeqNum() >= expectedTarget);
                assertTrue(restored.getStore().getNextSenderMsgSeqNum() >= nextSender);
                assertTrue(client.awaitLogon(15_000));
                client.send(newOrder("R9", "AAPL", '1', "1", '2', "10", '0'));
                Message report = client.next();
                while (null != report && !"R9".equals(field(report, 11)))
                {
                    // Cancel-on-disconnect reports of R0..R2, stored while logged out, arrive first as resends.
                    assertEquals("Y", report.getHeader().getString(43), report.toString());
                    assertEquals("4", field(report, 39), report.toString());
                    report = client.next();
                }
                assertReport(report, '0', '0', "R9", "0", "1");
            }
        }
    }

    @Test
    void shouldLogOnOverTls() throws Exception
    {
        final Path keystore = dir.resolve("gateway.p12");
        final Process keytool = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-genkeypair", "-alias", "gateway", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
            "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost",
            "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit")
            .redirectErrorStream(true)
            .start();
        assertTrue(keytool.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, keytool.exitValue(), new String(keytool.getInputStream().readAllBytes()));

        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        settings.setString("SocketUseSSL", "Y");
        settings.setString("SocketKeyStore", keystore.toString());
        settings.setString("SocketKeyStorePassword", "changeit");
        settings.setString("KeyStoreType", "PKCS12");
        try (Gateway gateway = Gateway.launch(new GatewayContext().settings(settings));
            TestFixClient client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", "s3cret-pass",
                new String[]{
                    "SocketTrustStore", keystore.toString(),
                    "SocketTrustStorePassword", "changeit",
                    "TrustStoreType", "PKCS12",
                    "SocketKeyStore", keystore.toString(),
                    "SocketKeyStorePassword", "changeit",
                    "KeyStoreType", "PKCS12"}, true))
        {
            assertTrue(client.awaitLogon(15_000));
            client.send(newOrder("TLS1", "AAPL", '1', "1", '2', "10", '0'));
            assertReport(client.next(), '0', '0', "TLS1", "0", "1");
        }

        try (Gateway gateway = Gateway.launch(new GatewayContext().settings(settings));
            TestFixClient plain = new TestFixClient("FIX.4.4", "CLIENT1", gateway.port(), "alice", "s3cret-pass",
                false))
        {
            assertFalse(plain.awaitLogon(2_000), "a plain-text client cannot log on to the TLS acceptor");
        }
    }
}
