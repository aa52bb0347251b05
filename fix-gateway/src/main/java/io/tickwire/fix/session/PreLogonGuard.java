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

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;
import quickfix.Session;
import quickfix.mina.SessionConnector;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds what a connection may cost before it has logged on: it is closed after {@code maxBytes} bytes or
 * {@code timeoutMs} milliseconds without an accepted Logon, whichever comes first. Each close is counted by reason
 * in {@link GatewayCounters} and reported, with the remote address, bytes and elapsed time, to the
 * {@link SecurityEventListener}.
 * <p>
 * A MINA filter first in the chain (before TLS, so a stalled handshake is timed too and the byte count is of bytes
 * on the wire). QuickFIX/J binds a connection to its session when the Logon arrives and marks it logged on when the
 * session thread has accepted it; from then on the filter only passes bytes through (one attribute read per read).
 * <p>
 * The timeout is a deadline, not an idle timer: a peer that trickles a byte a second is closed as surely as one
 * that sends nothing. One daemon thread ({@code tickwire-logon-timer}) holds one scheduled task per connection
 * not yet logged on; idle connections cost a socket each and no thread (MINA serves all connections from a fixed
 * set of NIO processor threads), so what bounds them is the timeout times the rate at which they arrive.
 * <p>
 * A connection whose Logon is queued but not yet answered (waiting for the {@link LogonVerifier}, whose password
 * checks take over a hundred milliseconds each, or for the session thread) is given up to
 * {@value #PENDING_LOGON_TIMEOUT_FACTOR} times the timeout in all: after a gateway restart every client logs on at
 * once, and closing queued logons would make them all reconnect and queue again.
 */
public final class PreLogonGuard extends IoFilterAdapter implements AutoCloseable
{
    /**
     * A connection whose Logon is queued for the session thread is closed after this many timeouts in all.
     */
    public static final int PENDING_LOGON_TIMEOUT_FACTOR = 6;

    private static final String STATE = PreLogonGuard.class.getName() + ".state";
    private static final String LOGON_QUEUED = PreLogonGuard.class.getName() + ".logonQueued";

    private final long maxBytes;
    private final long timeoutMs;
    private final GatewayCounters counters;
    private final SecurityEventListener listener;
    private final ScheduledThreadPoolExecutor timer;
    private final AtomicInteger pending = new AtomicInteger();

    /**
     * @param maxBytes  bytes allowed before logon, 0 for no limit.
     * @param timeoutMs milliseconds allowed from connect to logon, 0 for no limit.
     * @param counters  where closes are counted.
     * @param listener  where closes are reported.
     */
    public PreLogonGuard(
        final long maxBytes, final long timeoutMs, final GatewayCounters counters, final SecurityEventListener listener)
    {
        if (maxBytes < 0 || timeoutMs < 0)
        {
            throw new IllegalArgumentException(
                "pre-logon limits must be >= 0 (0 = off): maxBytes=" + maxBytes + " timeoutMs=" + timeoutMs);
        }
        this.maxBytes = maxBytes;
        this.timeoutMs = timeoutMs;
        this.counters = counters;
        this.listener = listener;
        timer = new ScheduledThreadPoolExecutor(1, (runnable) ->
        {
            final Thread thread = new Thread(runnable, "tickwire-logon-timer");
            thread.setDaemon(true);
            return thread;
        });
        // Most timeouts are cancelled by a logon: do not keep them in the queue until they would have fired.
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * @return bytes allowed before logon, 0 for no limit.
     */
    public long maxBytes()
    {
        return maxBytes;
    }

    /**
     * @return milliseconds allowed from connect to logon, 0 for no limit.
     */
    public long timeoutMs()
    {
        return timeoutMs;
    }

    /**
     * @return connections open now that have not logged on.
     */
    public int pendingConnections()
    {
        return pending.get();
    }

    /**
     * {@inheritDoc}
     */
    public void sessionOpened(final NextFilter nextFilter, final IoSession ioSession) throws Exception
    {
        final State state = new State(String.valueOf(ioSession.getRemoteAddress()), System.nanoTime());
        ioSession.setAttribute(STATE, state);
        pending.incrementAndGet();
        if (timeoutMs > 0)
        {
            try
            {
                state.timeout = timer.schedule(() -> onTimeout(ioSession, state), timeoutMs, TimeUnit.MILLISECONDS);
            }
            catch (final RejectedExecutionException ex)
            {
                // The gateway is closing: no connection is accepted without its deadline.
                ioSession.closeNow();
                return;
            }
        }
        nextFilter.sessionOpened(ioSession);
    }

    /**
     * {@inheritDoc}
     */
    public void messageReceived(final NextFilter nextFilter, final IoSession ioSession, final Object message)
        throws Exception
    {
        final State state = (State)ioSession.getAttribute(STATE);
        if (null == state || state.loggedOn)
        {
            nextFilter.messageReceived(ioSession, message);
            return;
        }
        if (state.closed)
        {
            // Closing: what is still in flight from this peer goes nowhere.
            return;
        }
        if (isLoggedOn(ioSession))
        {
            onLoggedOn(state);
            nextFilter.messageReceived(ioSession, message);
            return;
        }
        if (message instanceof IoBuffer)
        {
            state.bytes += ((IoBuffer)message).remaining();
            if (maxBytes > 0 && state.bytes > maxBytes)
            {
                close(ioSession, state, PreLogonCloseReason.BYTE_LIMIT);
                return;
            }
        }
        nextFilter.messageReceived(ioSession, message);
    }

    /**
     * {@inheritDoc}
     */
    public void sessionClosed(final NextFilter nextFilter, final IoSession ioSession) throws Exception
    {
        final State state = (State)ioSession.getAttribute(STATE);
        if (null != state && state.finish())
        {
            // The peer left (or QuickFIX/J closed it) before logging on: not ours to count.
            pending.decrementAndGet();
            cancelTimeout(state);
        }
        nextFilter.sessionClosed(ioSession);
    }

    /**
     * Close a connection that has not logged on, counted and reported like the guard's own closes; for the other
     * filters of the chain (the size cap) that find it sending what no client would before logon.
     *
     * @param ioSession the connection.
     * @param reason    why.
     */
    public void closeBeforeLogon(final IoSession ioSession, final PreLogonCloseReason reason)
    {
        final State state = (State)ioSession.getAttribute(STATE);
        if (null == state)
        {
            // Not seen by this guard (it was not in the chain when the connection opened): count it all the same.
            counters.onPreLogonClose(reason);
            listener.onPreLogonClose(reason, String.valueOf(ioSession.getRemoteAddress()), -1, -1);
            ioSession.closeNow();
            return;
        }
        close(ioSession, state, reason);
    }

    /**
     * Note that a connection's Logon is queued for verification (before QuickFIX/J has bound it to its session), so
     * that the timeout gives it as long as a Logon queued for the session thread.
     *
     * @param ioSession the connection.
     */
    public static void markLogonQueued(final IoSession ioSession)
    {
        ioSession.setAttribute(LOGON_QUEUED, Boolean.TRUE);
    }

    /**
     * Stop the logon timer.
     */
    public void close()
    {
        timer.shutdownNow();
    }

    private void onTimeout(final IoSession ioSession, final State state)
    {
        if (state.loggedOn || state.closed)
        {
            return;
        }
        if (isLoggedOn(ioSession))
        {
            onLoggedOn(state);
            return;
        }
        final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - state.openedNanos);
        final long pendingDeadlineMs = timeoutMs * PENDING_LOGON_TIMEOUT_FACTOR;
        final boolean logonQueued = null != ioSession.getAttribute(SessionConnector.QF_SESSION) ||
            null != ioSession.getAttribute(LOGON_QUEUED);
        if (logonQueued && elapsedMs < pendingDeadlineMs)
        {
            // The Logon is queued for the verifier or the session thread, which will accept it or disconnect.
            try
            {
                state.timeout = timer.schedule(() -> onTimeout(ioSession, state),
                    Math.min(timeoutMs, pendingDeadlineMs - elapsedMs), TimeUnit.MILLISECONDS);
                return;
            }
            catch (final RejectedExecutionException ex)
            {
                // The gateway is closing.
            }
        }
        close(ioSession, state, PreLogonCloseReason.LOGON_TIMEOUT);
    }

    private void onLoggedOn(final State state)
    {
        if (state.finish())
        {
            state.loggedOn = true;
            pending.decrementAndGet();
            cancelTimeout(state);
        }
    }

    private void close(final IoSession ioSession, final State state, final PreLogonCloseReason reason)
    {
        if (!state.finish())
        {
            return;
        }
        state.closed = true;
        pending.decrementAndGet();
        cancelTimeout(state);
        counters.onPreLogonClose(reason);
        listener.onPreLogonClose(reason, state.remoteAddress, state.bytes,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - state.openedNanos));
        ioSession.closeNow();
    }

    private static void cancelTimeout(final State state)
    {
        final ScheduledFuture<?> timeout = state.timeout;
        if (null != timeout)
        {
            timeout.cancel(false);
        }
    }

    private static boolean isLoggedOn(final IoSession ioSession)
    {
        // Set by QuickFIX/J's acceptor on this connection once a Logon bound it to its session.
        final Session session = (Session)ioSession.getAttribute(SessionConnector.QF_SESSION);
        return null != session && session.isLoggedOn();
    }

    private static final class State
    {
        final String remoteAddress;
        final long openedNanos;
        volatile ScheduledFuture<?> timeout;
        volatile boolean loggedOn;
        volatile boolean closed;
        volatile long bytes;
        private boolean finished;

        State(final String remoteAddress, final long openedNanos)
        {
            this.remoteAddress = remoteAddress;
            this.openedNanos = openedNanos;
        }

        /**
         * The I/O thread and the timer thread may both decide (logged on, closed, timed out): the first wins.
         */
        synchronized boolean finish()
        {
            if (finished)
            {
                return false;
            }
            finished = true;
            return true;
        }
    }
}
