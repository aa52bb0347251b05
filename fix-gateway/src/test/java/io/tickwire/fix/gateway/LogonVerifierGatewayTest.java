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

import io.tickwire.fix.session.CredentialStore;
import io.tickwire.fix.session.InboundObserver;
import io.tickwire.fix.session.LogonVerifier;
import io.tickwire.fix.session.PreLogonCloseReason;
import io.tickwire.fix.session.SecurityEventListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.tickwire.fix.gateway.GatewayTestSupport.field;
import static io.tickwire.fix.gateway.OrderFlowTest.assertReport;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logon passwords verified off QuickFIX/J's session thread, and the cap on open connections, over real sockets
 * against the real gateway with real QuickFIX/J clients. Bob's entry has the default 600,000 iterations (over a
 * hundred milliseconds of hashing), Alice's 10,000.
 */
@Timeout(120)
class LogonVerifierGatewayTest
{
    private static final String PASSWORD = GatewayTestSupport.PASSWORD;
    private static final String VERIFIER_THREAD_PREFIX = LogonVerifier.THREAD_NAME + "-";

    @TempDir
    Path dir;

    private final Set<String> sessionThreads = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Closed> closes = new LinkedBlockingQueue<>();

    private record Closed(PreLogonCloseReason reason, String remoteAddress)
    {
    }

    private record Order(boolean sentWhileHashing, boolean ackedBeforeBobLoggedOn)
    {
    }

    @Test
    void shouldVerifyAPasswordOffTheSessionThreadWhileAnotherSessionTrades() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        try (Gateway gateway = Gateway.launch(context(settings(port)));
            TestFixClient alice = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", PASSWORD, false))
        {
            assertTrue(alice.awaitLogon(10_000));
            final LogonVerifier verifier = gateway.logonVerifier();
            final List<Order> orders = new ArrayList<>();
            long maxGapNs = 0;
            try (TestFixClient bob = new TestFixClient("FIX.4.4", "CLIENT2", port, "bob", PASSWORD, false))
            {
                // Alice trades, one order at a time, until Bob (600,000 iterations) has logged on, and a few after.
                final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                int afterLogon = 0;
                for (int i = 0; afterLogon < 5 && System.nanoTime() < deadlineNs; i++)
                {
                    final boolean hashing = verifier.hashingNow() > 0;
                    final long sentNs = System.nanoTime();
                    alice.send(newOrder("T" + i, "AAPL", '1', "1", '2', "10", '0'));
                    assertReport(alice.next(), '0', '0', "T" + i, "0", "1");
                    maxGapNs = Math.max(maxGapNs, System.nanoTime() - sentNs);
                    final boolean bobLoggedOn = bob.isLoggedOn();
                    orders.add(new Order(hashing, !bobLoggedOn));
                    afterLogon += bobLoggedOn ? 1 : 0;
                }
                assertTrue(bob.isLoggedOn(), "Bob logged on");
            }

            final Set<String> hashingThreads = verifier.hashingThreadNames();
            assertFalse(sessionThreads.isEmpty(), "the session thread was seen");
            assertFalse(hashingThreads.isEmpty(), "passwords were hashed");
            for (final String thread : hashingThreads)
            {
                assertTrue(thread.startsWith(VERIFIER_THREAD_PREFIX), thread);
                assertFalse(sessionThreads.contains(thread), thread + " is a session thread: " + sessionThreads);
            }
            final long duringHash = orders.stream()
                .filter((order) -> order.sentWhileHashing() && order.ackedBeforeBobLoggedOn()).count();
            assertTrue(duringHash >= 1, "orders sent while Bob's password was hashed were acknowledged before he " +
                "logged on: " + duringHash + " of " + orders.size());
            assertEquals(2, gateway.counters().logonVerifications(), "Alice and Bob, each hashed once");
            assertEquals(0, gateway.counters().logonFailures());
            System.out.println("LogonVerifierGatewayTest: " + orders.size() + " orders, " + duringHash +
                " sent while hashing and acknowledged before the logon; longest order->ack " +
                TimeUnit.NANOSECONDS.toMicros(maxGapNs) + " us, verify max " +
                TimeUnit.NANOSECONDS.toMillis(gateway.counters().logonVerifyMaxNanos()) + " ms");
        }
    }

    @Test
    void shouldRefuseAWrongPasswordWithTheSameTextAfterHashingItOffTheSessionThread() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        try (Gateway gateway = Gateway.launch(context(settings(port)));
            TestFixClient bob = new TestFixClient("FIX.4.4", "CLIENT2", port, "bob", "wrong", false))
        {
            final Message logout = bob.nextAdmin("5");
            assertNotNull(logout);
            assertEquals("authentication failed: invalid username or password", field(logout, 58));
            assertFalse(bob.isLoggedOn());
            assertTrue(gateway.counters().logonFailures() >= 1);
            for (final String thread : gateway.logonVerifier().hashingThreadNames())
            {
                assertTrue(thread.startsWith(VERIFIER_THREAD_PREFIX), thread);
            }
        }
    }

    @Test
    void shouldRefuseALockedOutLogonWithoutHashingIt() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = settings(port);
        settings.setLong(GatewayConfiguration.LOGON_MAX_FAILURES_PROP_NAME, 1);
        settings.setLong(GatewayConfiguration.LOGON_LOCKOUT_MS_PROP_NAME, 60_000);
        try (Gateway gateway = Gateway.launch(context(settings)))
        {
            try (TestFixClient guesser = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", "wrong", false))
            {
                assertNotNull(guesser.nextAdmin("5"));
                await(() -> gateway.counters().logonLockouts() == 1);
            }
            final long hashed = gateway.counters().logonVerifications();
            assertEquals(1, hashed);
            try (TestFixClient alice = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", PASSWORD, false))
            {
                final Message logout = alice.nextAdmin("5");
                assertNotNull(logout);
                assertTrue(field(logout, 58).startsWith("authentication refused: locked out after repeated failed " +
                    "logons, retry in "), field(logout, 58));
                assertFalse(alice.isLoggedOn());
            }
            assertTrue(gateway.counters().logonsRefusedLockedOut() >= 1);
            assertEquals(hashed, gateway.counters().logonVerifications(), "a locked-out logon is not hashed");
            assertEquals(1, gateway.counters().logonFailures(), "refusals during the lockout are not failures");
        }
    }

    @Test
    void shouldRefuseALogonThatFindsTheVerifierQueueFullWithoutHashingIt() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = settings(port);
        settings.setLong(GatewayConfiguration.LOGON_VERIFIER_THREADS_PROP_NAME, 1);
        settings.setLong(GatewayConfiguration.LOGON_VERIFIER_QUEUE_PROP_NAME, 1);
        try (Gateway gateway = Gateway.launch(context(settings));
            Socket first = new Socket("127.0.0.1", port);
            Socket second = new Socket("127.0.0.1", port);
            Socket third = new Socket("127.0.0.1", port))
        {
            // Written within a millisecond or so, while the first of Bob's passwords (600,000 iterations) to reach
            // the verifier is hashed: that one is hashed, the next waits in the queue of one, the last finds it full.
            // Which is which depends on the order the I/O threads read them.
            first.getOutputStream().write(logon("FIX.4.4", "CLIENT1"));
            second.getOutputStream().write(logon("FIX.4.4", "CLIENT2"));
            third.getOutputStream().write(logon("FIX.4.2", "CLIENT42"));

            int loggedOn = 0;
            final List<String> refused = new ArrayList<>();
            for (final Socket socket : List.of(first, second, third))
            {
                final String answer = readMessage(socket);
                if (answer.contains("\u000135=A\u0001"))
                {
                    loggedOn++;
                }
                else
                {
                    assertTrue(answer.contains("\u000135=5\u0001"), answer);
                    assertTrue(answer.contains("\u000158=authentication refused: too many logons waiting for " +
                        "verification, retry later\u0001"), answer);
                    refused.add(answer);
                }
            }
            assertEquals(2, loggedOn, "refused: " + refused);
            assertEquals(1, gateway.counters().logonsRefusedBusy());
            assertEquals(2, gateway.counters().logonVerifications(), "the refused logon was not hashed");
            assertEquals(0, gateway.counters().logonFailures(), "a busy refusal is not a failed password");
        }
    }

    @Test
    void shouldCloseAConnectionOverTheCapAndAcceptANewOneWhenAnotherCloses() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = settings(port);
        settings.setLong(GatewayConfiguration.MAX_CONNECTIONS_PROP_NAME, 2);
        try (Gateway gateway = Gateway.launch(context(settings));
            TestFixClient alice = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", PASSWORD, false))
        {
            assertTrue(alice.awaitLogon(10_000));
            assertEquals(2, gateway.connectionCap().maxConnections());
            try (Socket idle = new Socket("127.0.0.1", port))
            {
                await(() -> gateway.connectionCap().openConnections() == 2);
                try (Socket over = new Socket("127.0.0.1", port))
                {
                    assertClosedByGateway(over);
                    final Closed closed = closes.poll(10, TimeUnit.SECONDS);
                    assertEquals(new Closed(PreLogonCloseReason.CONNECTION_LIMIT, "/127.0.0.1:" + over.getLocalPort()),
                        closed);
                }
                assertEquals(1, gateway.counters().preLogonCloses(PreLogonCloseReason.CONNECTION_LIMIT));
                assertTrue(gateway.counters().preLogonCloseSummary().contains("CONNECTION_LIMIT=1"),
                    gateway.counters().preLogonCloseSummary());
                assertEquals(2, gateway.connectionCap().openConnections(), "the refused one is not counted open");
            }
            // The idle connection closed: room for one more, which logs on and trades.
            await(() -> gateway.connectionCap().openConnections() == 1);
            try (TestFixClient bob = new TestFixClient("FIX.4.4", "CLIENT2", port, "bob", PASSWORD, false))
            {
                assertTrue(bob.awaitLogon(15_000));
                bob.send(newOrder("C1", "AAPL", '1', "1", '2', "10", '0'));
                assertReport(bob.next(), '0', '0', "C1", "0", "1");
            }
            assertEquals(1, gateway.counters().preLogonCloses(PreLogonCloseReason.CONNECTION_LIMIT));
            alice.send(newOrder("C2", "AAPL", '1', "1", '2', "10", '0'));
            assertReport(alice.next(), '0', '0', "C2", "0", "1");
        }
    }

    /**
     * The test users with Bob at the default iterations, the in-process engine (no cluster: quicker to start).
     */
    private SessionSettings settings(final int port) throws IOException
    {
        Files.write(dir.resolve("credentials"), List.of(
            CredentialStore.entry("alice", PASSWORD, GatewayTestSupport.TEST_ITERATIONS),
            CredentialStore.entry("bob", PASSWORD)));
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        final SessionID defaults = new SessionID("DEFAULT", "", "");
        settings.removeSetting(defaults, GatewayConfiguration.CLUSTER_DIR_PROP_NAME);
        settings.removeSetting(defaults, GatewayConfiguration.CLUSTER_BASE_PORT_PROP_NAME);
        return settings;
    }

    private GatewayContext context(final SessionSettings settings)
    {
        // Called on the session thread for every inbound message: the names of the threads that process sessions.
        final InboundObserver observer = (sessionId, message, stamp) ->
            sessionThreads.add(Thread.currentThread().getName());
        return new GatewayContext().settings(settings).inboundObserver(observer).securityEventListener(
            new SecurityEventListener()
            {
                public void onPreLogonClose(
                    final PreLogonCloseReason reason, final String remoteAddress, final long bytes, final long ms)
                {
                    closes.add(new Closed(reason, remoteAddress));
                }
            });
    }

    private static byte[] logon(final String beginString, final String senderCompId)
    {
        final Message logon = new Message();
        logon.getHeader().setString(8, beginString);
        logon.getHeader().setString(35, "A");
        logon.getHeader().setString(49, senderCompId);
        logon.getHeader().setString(56, GatewayTestSupport.GATEWAY_COMP_ID);
        logon.getHeader().setInt(34, 1);
        logon.getHeader().setUtcTimeStamp(52, LocalDateTime.now(ZoneOffset.UTC), false);
        logon.setInt(98, 0);
        logon.setInt(108, 30);
        logon.setBoolean(141, true);
        logon.setString(553, "bob");
        logon.setString(554, PASSWORD);
        return logon.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * One FIX message from a raw socket: up to its CheckSum field and the SOH after it.
     */
    private static String readMessage(final Socket socket) throws IOException
    {
        socket.setSoTimeout(20_000);
        final InputStream in = socket.getInputStream();
        final StringBuilder message = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0)
        {
            message.append((char)b);
            final int checksum = message.lastIndexOf("\u000110=");
            if (b == 1 && checksum >= 0 && message.length() - checksum == 8)
            {
                return message.toString();
            }
        }
        throw new AssertionError("closed before a whole message: " + message);
    }

    private static void await(final BooleanSupplier condition) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(5);
        }
    }

    private static void assertClosedByGateway(final Socket socket) throws IOException
    {
        socket.setSoTimeout(10_000);
        try
        {
            assertEquals(-1, socket.getInputStream().read(), "closed by the gateway");
        }
        catch (final SocketException ex)
        {
            // Reset: closed by the gateway as well.
        }
    }
}
