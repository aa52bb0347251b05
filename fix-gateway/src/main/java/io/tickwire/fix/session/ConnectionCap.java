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
package io.tickwire.fix.session;

import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps the connections open at once: a connection accepted while {@code maxConnections} are open is closed at
 * once, before any other filter or QuickFIX/J sees it, counted ({@link PreLogonCloseReason#CONNECTION_LIMIT} in
 * {@link GatewayCounters}) and reported with its remote address to the {@link SecurityEventListener} (whose
 * printer in {@code tickwire gateway} prints at most 20 events a second). A connection that closes, for any reason,
 * makes room for the next.
 * <p>
 * Why: every open connection holds a file descriptor, and until it logs on the {@link PreLogonGuard} only bounds
 * what each costs and for how long; many sources connecting at once could still take every descriptor of the
 * process (and with it the audit journal's next file). A MINA filter first in the chain, so a refused connection
 * gets no logon timer and no TLS handshake.
 */
public final class ConnectionCap extends IoFilterAdapter
{
    private static final String COUNTED = ConnectionCap.class.getName() + ".counted";
    private static final String REFUSED = ConnectionCap.class.getName() + ".refused";

    private final int maxConnections;
    private final GatewayCounters counters;
    private final SecurityEventListener listener;
    private final AtomicInteger open = new AtomicInteger();

    /**
     * @param maxConnections connections open at once, at least 1.
     * @param counters       where refused connections are counted.
     * @param listener       where refused connections are reported.
     */
    public ConnectionCap(
        final int maxConnections, final GatewayCounters counters, final SecurityEventListener listener)
    {
        if (maxConnections < 1)
        {
            throw new IllegalArgumentException("maxConnections must be >= 1: " + maxConnections);
        }
        this.maxConnections = maxConnections;
        this.counters = counters;
        this.listener = listener;
    }

    /**
     * @return connections open at once, at most.
     */
    public int maxConnections()
    {
        return maxConnections;
    }

    /**
     * @return connections open now (accepted and not closed yet).
     */
    public int openConnections()
    {
        return open.get();
    }

    /**
     * {@inheritDoc}
     */
    public void sessionCreated(final NextFilter nextFilter, final IoSession ioSession) throws Exception
    {
        if (open.incrementAndGet() > maxConnections)
        {
            open.decrementAndGet();
            ioSession.setAttribute(REFUSED, Boolean.TRUE);
            counters.onPreLogonClose(PreLogonCloseReason.CONNECTION_LIMIT);
            listener.onPreLogonClose(PreLogonCloseReason.CONNECTION_LIMIT,
                String.valueOf(ioSession.getRemoteAddress()), 0, 0);
            ioSession.closeNow();
            return;
        }
        ioSession.setAttribute(COUNTED, Boolean.TRUE);
        nextFilter.sessionCreated(ioSession);
    }

    /**
     * {@inheritDoc}
     */
    public void sessionOpened(final NextFilter nextFilter, final IoSession ioSession) throws Exception
    {
        if (null == ioSession.getAttribute(REFUSED))
        {
            nextFilter.sessionOpened(ioSession);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void messageReceived(final NextFilter nextFilter, final IoSession ioSession, final Object message)
        throws Exception
    {
        if (null == ioSession.getAttribute(REFUSED))
        {
            nextFilter.messageReceived(ioSession, message);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void sessionClosed(final NextFilter nextFilter, final IoSession ioSession) throws Exception
    {
        if (null != ioSession.removeAttribute(COUNTED))
        {
            open.decrementAndGet();
        }
        nextFilter.sessionClosed(ioSession);
    }
}
