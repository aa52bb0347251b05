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
package io.tickwire.fix.conformance;

import io.tickwire.fix.gateway.GatewayConfiguration;
import io.tickwire.fix.session.InboundSizeFilter;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.MemoryStoreFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.mina.message.FIXProtocolCodecFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.concurrent.locks.LockSupport;

/**
 * The gateway's session layer (QuickFIX/J {@code SocketAcceptor}, the gateway's session settings from
 * {@code gateway.cfg}, its {@link InboundSizeFilter} in the I/O chain) in the acceptance harness's reflector
 * configuration: SenderCompID ISLD, TargetCompID TW, application messages echoed, a fresh in-memory store
 * (sequence numbers and messages reset), data dictionary validation including user-defined fields, TCP_NODELAY,
 * a non-stop session reset on disconnect, on a free loopback port, no logon authentication.
 */
final class ReflectorAcceptor implements AutoCloseable
{
    private static final long RECONNECT_DELAY_NS = 200_000_000L;

    private final SocketAcceptor acceptor;
    private final SessionID sessionId;
    private final int port;

    ReflectorAcceptor(final String beginString, final String dataDictionary)
        throws ConfigError
    {
        port = freePort();
        final SessionSettings settings = new SessionSettings();
        sessionId = new SessionID(beginString, "ISLD", "TW");
        settings.setString(sessionId, "ConnectionType", "acceptor");
        settings.setString(sessionId, "SocketAcceptAddress", "127.0.0.1");
        settings.setLong(sessionId, "SocketAcceptPort", port);
        settings.setString(sessionId, "SocketTcpNoDelay", "Y");
        settings.setString(sessionId, "NonStopSession", "Y");
        settings.setString(sessionId, "UseDataDictionary", "Y");
        settings.setString(sessionId, "DataDictionary", dataDictionary);
        settings.setString(sessionId, "ValidateUserDefinedFields", "Y");
        // The gateway's own session-layer settings (gateway.cfg): microsecond timestamps, garbled messages
        // ignored and recovered through the gap they leave, as the session rules say.
        settings.setString(sessionId, "TimeStampPrecision", "MICROS");
        settings.setString(sessionId, "RejectGarbledMessage", "N");
        // As the harness's server: every new connection starts a new sequence (second logons use 34=1).
        settings.setString(sessionId, "ResetOnDisconnect", "Y");
        acceptor = Boolean.getBoolean("tickwire.acceptance.log") ?
            new SocketAcceptor(new ReflectorApplication(), new MemoryStoreFactory(), settings,
                new quickfix.ScreenLogFactory(true, true, true, true), new DefaultMessageFactory()) :
            new SocketAcceptor(
                new ReflectorApplication(), new MemoryStoreFactory(), settings, new DefaultMessageFactory());
        // The gateway's inbound size cap sits in the same place of the I/O chain as in the gateway.
        final InboundSizeFilter sizeFilter = new InboundSizeFilter(GatewayConfiguration.MAX_MESSAGE_SIZE_DEFAULT);
        acceptor.setIoFilterChainBuilder((chain) ->
            chain.addBefore(FIXProtocolCodecFactory.FILTER_NAME, "tickwire-size-cap", sizeFilter));
        acceptor.start();
    }

    int port()
    {
        return port;
    }

    /**
     * Wait until the session has no connection and is logged out, then a little longer: QuickFIX/J queues the
     * old connection's end-of-stream event from the I/O thread, and a logon on a new connection that overtakes
     * it is disconnected by it. A real client's reconnect delay gives the same ordering.
     */
    void awaitIdle()
    {
        final Session session = Session.lookupSession(sessionId);
        final long deadline = System.currentTimeMillis() + 5_000;
        while (null != session && (session.hasResponder() || session.isLoggedOn()) &&
            System.currentTimeMillis() < deadline)
        {
            LockSupport.parkNanos(1_000_000);
        }
        LockSupport.parkNanos(RECONNECT_DELAY_NS);
    }

    private static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    public void close()
    {
        acceptor.stop(true);
    }
}
