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

import io.tickwire.fix.session.InboundSizeFilter;
import io.tickwire.fix.session.PreLogonCloseReason;
import io.tickwire.fix.session.SecurityEventListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.SessionSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.tickwire.fix.gateway.OrderFlowTest.assertReport;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Connections that never log on, over real sockets against the real gateway, while a real QuickFIX/J client stays
 * logged on and trades: each is closed by the byte limit, the framing limit or the logon timeout, counted by
 * reason and reported with its remote address.
 */
@Timeout(120)
class PreLogonLimitsTest
{
    private static final int TEN_MB = 10 * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;
    private static final long LONG_TIMEOUT_MS = 60_000;
    /**
     * A QuickFIX/J initiator sends its Logon on its session timer's next tick, up to a second after it connects:
     * shorter timeouts would close the test client's own connection now and then (it reconnects and logs on).
     */
    private static final long SHORT_TIMEOUT_MS = 3_000;

    @TempDir
    Path dir;

    private final BlockingQueue<Closed> closes = new LinkedBlockingQueue<>();
    private Gateway gateway;
    private TestFixClient client;
    private int port;

    private record Closed(PreLogonCloseReason reason, String remoteAddress, long bytes, long elapsedMs)
    {
    }

    @AfterEach
    void tearDown()
    {
        if (null != client)
        {
            client.close();
        }
        if (null != gateway)
        {
            gateway.close();
        }
    }

    private void launch(final long logonTimeoutMs) throws Exception
    {
        port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        settings.setLong(GatewayConfiguration.LOGON_TIMEOUT_MS_PROP_NAME, logonTimeoutMs);
        gateway = Gateway.launch(new GatewayContext().settings(settings).securityEventListener(
            new SecurityEventListener()
            {
                public void onPreLogonClose(
                    final PreLogonCloseReason reason, final String remoteAddress, final long bytes, final long ms)
                {
                    closes.add(new Closed(reason, remoteAddress, bytes, ms));
                }
            }));
        client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", GatewayTestSupport.PASSWORD, false);
        assertTrue(client.awaitLogon(10_000));
    }

    @Test
    void shouldCloseAStreamWithoutSohAfterTheByteLimit() throws Exception
    {
        launch(LONG_TIMEOUT_MS);
        final byte[] junk = new byte[CHUNK];
        Arrays.fill(junk, (byte)'A');
        try (Socket socket = new Socket("127.0.0.1", port))
        {
            writeUntilClosed(socket, junk, TEN_MB / CHUNK);
            assertClosedByGateway(socket);
            final Closed closed = nextClose();
            assertEquals(PreLogonCloseReason.BYTE_LIMIT, closed.reason(), closed.toString());
            assertEquals("/127.0.0.1:" + socket.getLocalPort(), closed.remoteAddress());
            // Closed on the read that crossed the limit: one MINA read (at most 64 KiB) past it, not 10 MB.
            assertTrue(closed.bytes() > GatewayConfiguration.PRE_LOGON_MAX_BYTES_DEFAULT &&
                closed.bytes() <= GatewayConfiguration.PRE_LOGON_MAX_BYTES_DEFAULT + CHUNK, closed.toString());
        }
        assertEquals(1, gateway.counters().preLogonCloses(PreLogonCloseReason.BYTE_LIMIT));
        assertTrue(gateway.sizeFilter().discardedBytes() > 0, "junk outside frames is dropped, not buffered");
        assertStillTrading("B1");
    }

    @Test
    void shouldCloseAnUnterminatedBodyLengthWithoutBufferingIt() throws Exception
    {
        launch(LONG_TIMEOUT_MS);
        final long heldBefore = gateway.sizeFilter().framingHighWaterMark();
        final byte[] digits = new byte[CHUNK];
        Arrays.fill(digits, (byte)'9');
        try (Socket socket = new Socket("127.0.0.1", port))
        {
            socket.getOutputStream().write("8=FIX.4.4\u00019=".getBytes(StandardCharsets.US_ASCII));
            writeUntilClosed(socket, digits, TEN_MB / CHUNK);
            assertClosedByGateway(socket);
            final Closed closed = nextClose();
            assertEquals(PreLogonCloseReason.MALFORMED_HEADER, closed.reason(), closed.toString());
            assertEquals("/127.0.0.1:" + socket.getLocalPort(), closed.remoteAddress());
        }
        assertEquals(1, gateway.counters().preLogonCloses(PreLogonCloseReason.MALFORMED_HEADER));
        assertEquals(1, gateway.sizeFilter().malformedHeaders());
        // The framing held at most one header's worth of it; before this fix the decoder kept every digit.
        final long held = gateway.sizeFilter().framingHighWaterMark();
        assertTrue(held <= Math.max(heldBefore, InboundSizeFilter.HEADER_CAPACITY),
            "framing held " + held + " bytes (before: " + heldBefore + ")");
        assertStillTrading("B2");
    }

    @Test
    void shouldCloseAnOversizedBodyLengthBeforeLogonWithoutWaitingForIt() throws Exception
    {
        launch(LONG_TIMEOUT_MS);
        try (Socket socket = new Socket("127.0.0.1", port))
        {
            socket.getOutputStream().write("8=FIX.4.4\u00019=99999999\u0001".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // Nothing more is sent: the gateway closes at once, long before the 60 s logon timeout.
            assertClosedByGateway(socket);
            final Closed closed = nextClose();
            assertEquals(PreLogonCloseReason.OVERSIZED_MESSAGE, closed.reason(), closed.toString());
            assertTrue(closed.elapsedMs() < LONG_TIMEOUT_MS, closed.toString());
        }
        assertEquals(1, gateway.counters().preLogonCloses(PreLogonCloseReason.OVERSIZED_MESSAGE));
        assertEquals(1, gateway.sizeFilter().oversizedCount());
        assertStillTrading("B3");
    }

    @Test
    void shouldCloseIdleConnectionsAtTheLogonTimeoutWithoutAThreadEach() throws Exception
    {
        launch(SHORT_TIMEOUT_MS);
        final int connections = 200;
        final long fdsBefore = openFileDescriptors();
        final int threadsBefore = Thread.activeCount();
        final List<Socket> sockets = new ArrayList<>();
        try
        {
            for (int i = 0; i < connections; i++)
            {
                sockets.add(new Socket("127.0.0.1", port));
            }
            final int threadsWhileOpen = Thread.activeCount();
            // MINA serves every connection from its fixed set of NIO processor threads.
            assertTrue(threadsWhileOpen < threadsBefore + 10,
                connections + " idle connections: threads " + threadsBefore + " -> " + threadsWhileOpen);
            for (final Socket socket : sockets)
            {
                assertClosedByGateway(socket);
            }
        }
        finally
        {
            for (final Socket socket : sockets)
            {
                socket.close();
            }
        }
        final Set<String> idleAddresses = new HashSet<>();
        for (final Socket socket : sockets)
        {
            idleAddresses.add("/127.0.0.1:" + socket.getLocalPort());
        }
        final List<Closed> others = new ArrayList<>();
        for (int i = 0; i < connections; i++)
        {
            final Closed closed = nextClose();
            if (!idleAddresses.remove(closed.remoteAddress()))
            {
                others.add(closed);
                continue;
            }
            assertEquals(PreLogonCloseReason.LOGON_TIMEOUT, closed.reason(), closed.toString());
            assertEquals(0, closed.bytes());
            assertTrue(closed.elapsedMs() >= SHORT_TIMEOUT_MS, closed.toString());
        }
        assertEquals(List.of(), others, "closes of connections other than the idle ones");
        assertEquals(connections, gateway.counters().preLogonCloses(PreLogonCloseReason.LOGON_TIMEOUT),
            () -> "closes reported besides the idle ones: " + closes);
        assertEquals(0, gateway.preLogonGuard().pendingConnections());
        if (fdsBefore >= 0)
        {
            // Both ends are closed: the gateway released its sockets too (a few descriptors of slack for the JVM).
            awaitFileDescriptorsAtMost(fdsBefore + 10);
        }
        // The logged-on session, silent for longer than the timeout, was not touched.
        assertTrue(client.isLoggedOn());
        assertStillTrading("B4");
    }

    @Test
    void shouldCloseATrickleAtTheLogonTimeoutNotOnlyAnIdleConnection() throws Exception
    {
        launch(SHORT_TIMEOUT_MS);
        final String trickleAddress;
        try (Socket socket = new Socket("127.0.0.1", port))
        {
            trickleAddress = "/127.0.0.1:" + socket.getLocalPort();
            final OutputStream out = socket.getOutputStream();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            try
            {
                while (System.nanoTime() < deadline)
                {
                    out.write('x');
                    out.flush();
                    Thread.sleep(50);
                }
                fail("a connection sending a byte every 50 ms was not closed");
            }
            catch (final IOException expected)
            {
                // Closed by the gateway.
            }
        }
        final Closed closed = nextClose();
        assertEquals(PreLogonCloseReason.LOGON_TIMEOUT, closed.reason(), closed.toString());
        assertEquals(trickleAddress, closed.remoteAddress());
        assertTrue(closed.bytes() > 0 && closed.elapsedMs() >= SHORT_TIMEOUT_MS, closed.toString());
        assertStillTrading("B5");
    }

    private Closed nextClose() throws InterruptedException
    {
        final Closed closed = closes.poll(20, TimeUnit.SECONDS);
        assertNotNull(closed, "no pre-logon close reported");
        return closed;
    }

    private void assertStillTrading(final String clOrdId) throws Exception
    {
        client.send(newOrder(clOrdId, "AAPL", '1', "1", '2', "10", '0'));
        assertReport(client.next(), '0', '0', clOrdId, "0", "1");
        assertTrue(client.isLoggedOn());
    }

    private static void writeUntilClosed(final Socket socket, final byte[] chunk, final int chunks)
    {
        try
        {
            final OutputStream out = socket.getOutputStream();
            for (int i = 0; i < chunks; i++)
            {
                out.write(chunk);
            }
            out.flush();
        }
        catch (final IOException closedByPeer)
        {
            // The gateway closed the connection while it was being written: what the test is after.
        }
    }

    /**
     * The gateway sends nothing before logon: reading ends with end of stream or a reset, never with data or a
     * timeout.
     */
    private static void assertClosedByGateway(final Socket socket) throws IOException
    {
        socket.setSoTimeout(20_000);
        final InputStream in = socket.getInputStream();
        try
        {
            assertEquals(-1, in.read(), "the gateway sent data before logon");
        }
        catch (final SocketTimeoutException ex)
        {
            fail("connection not closed by the gateway within 20 s");
        }
        catch (final SocketException reset)
        {
            // Closed with unread data in its receive buffer: the kernel answers with a reset.
        }
    }

    private static long openFileDescriptors() throws IOException
    {
        final Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds))
        {
            return -1;
        }
        try (Stream<Path> list = Files.list(fds))
        {
            return list.count();
        }
    }

    private static void awaitFileDescriptorsAtMost(final long limit) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long open = openFileDescriptors();
        while (open > limit && System.nanoTime() < deadline)
        {
            Thread.sleep(50);
            open = openFileDescriptors();
        }
        assertTrue(open <= limit, open + " file descriptors open, expected at most " + limit);
    }
}
