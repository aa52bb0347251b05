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
import quickfix.MessageUtils;
import quickfix.Session;
import quickfix.mina.SessionConnector;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Verifies Logon passwords (PBKDF2, {@link CredentialStore}) on a small pool of its own, so that QuickFIX/J's one
 * session thread, which serves every session of the {@code SocketAcceptor}, never hashes: a logon costs the other
 * sessions microseconds instead of the ~150 ms of one verification.
 * <p>
 * <b>How.</b> A MINA filter right behind QuickFIX/J's decoder, which hands it one framed message (a String) at a
 * time. When a Logon arrives on a connection, the filter holds it, and every message behind it on that connection,
 * suspends reading from the socket (so what it holds is bounded by one read), and queues the verification:
 * lockout first ({@link LogonThrottle}: a locked-out logon is not hashed), then the hash. The verdict
 * ({@link LogonVerdict}) is recorded under the connection's remote address; only then are the held messages handed
 * on, in order, to QuickFIX/J, and reading resumes. On the session thread {@link LogonAuthenticator} takes the
 * verdict and acts on it as the gateway always did (refusal texts, counters, lockouts, security events), reading
 * it instead of hashing. A verdict answers only a Logon with exactly the Username and Password it was made for;
 * a Logon without one (the connection closed meanwhile, a message this filter did not see) is refused, never
 * accepted.
 * <p>
 * <b>Bounds.</b> A few threads ({@value #THREAD_NAME}-N, {@link #defaultThreads}: one on a 2-core host, started on
 * the first logon) and a queue of {@code queueCapacity} logons; a Logon that finds the queue full is not hashed and is
 * refused ({@link LogonRefusal#VERIFIER_BUSY}, counted). While its Logon waits here a connection counts as having a
 * Logon queued for {@link PreLogonGuard}'s timeout. Logons QuickFIX/J refuses by itself before the application sees
 * them (no such session, an address not in {@code AllowedRemoteAddresses}, a session already connected) are
 * handed on unverified, as they cost nothing before.
 * <p>
 * For messages not behind a Logon the filter costs one attribute read and a look at the third field.
 */
public final class LogonVerifier extends IoFilterAdapter implements AutoCloseable
{
    /**
     * Name of the verifier threads, followed by {@code -N}.
     */
    public static final String THREAD_NAME = "tickwire-logon-verifier";

    private static final String STATE = LogonVerifier.class.getName() + ".state";
    private static final int MAX_THREADS = 4;

    private final CredentialStore credentials;
    private final LogonThrottle throttle;
    private final GatewayCounters counters;
    private final int threads;
    private final int queueCapacity;
    private final ThreadPoolExecutor executor;
    private final Map<String, LogonVerdict> verdicts = new ConcurrentHashMap<>();
    private final Set<String> hashingThreads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger hashing = new AtomicInteger();

    /**
     * @param credentials   the credentials to verify against.
     * @param throttle      lockouts checked before hashing, or null for none.
     * @param counters      where verification times are counted.
     * @param threads       verifier threads, at least 1.
     * @param queueCapacity logons that may wait for a thread, at least 1.
     */
    public LogonVerifier(
        final CredentialStore credentials,
        final LogonThrottle throttle,
        final GatewayCounters counters,
        final int threads,
        final int queueCapacity)
    {
        if (threads < 1 || queueCapacity < 1)
        {
            throw new IllegalArgumentException(
                "logon verifier: need threads >= 1 and queueCapacity >= 1: " + threads + ", " + queueCapacity);
        }
        this.credentials = credentials;
        this.throttle = throttle;
        this.counters = counters;
        this.threads = threads;
        this.queueCapacity = queueCapacity;
        final AtomicInteger created = new AtomicInteger();
        executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queueCapacity), (runnable) ->
            {
                final Thread thread = new Thread(runnable, THREAD_NAME + "-" + created.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
    }

    /**
     * Half the cores, at least one (a hash keeps a core busy for its whole duration; the other half serve the
     * session, network and order path threads), at most {@value #MAX_THREADS}.
     *
     * @param cores available processors.
     * @return verifier threads for that many cores.
     */
    public static int defaultThreads(final int cores)
    {
        return Math.max(1, Math.min(MAX_THREADS, cores / 2));
    }

    /**
     * @return verifier threads.
     */
    public int threads()
    {
        return threads;
    }

    /**
     * @return logons that may wait for a verifier thread.
     */
    public int queueCapacity()
    {
        return queueCapacity;
    }

    /**
     * @return passwords being hashed now.
     */
    public int hashingNow()
    {
        return hashing.get();
    }

    /**
     * @return logons waiting for a verifier thread now.
     */
    public int queuedLogons()
    {
        return executor.getQueue().size();
    }

    /**
     * @return the names of the threads that have hashed a password, sorted.
     */
    public Set<String> hashingThreadNames()
    {
        return new TreeSet<>(hashingThreads);
    }

    /**
     * Take the verdict of a connection's Logon: called once per Logon by the session thread.
     *
     * @param remoteAddress the connection's remote address as QuickFIX/J reports it ({@code /ip:port}).
     * @param username      Username (553) QuickFIX/J parsed, or null.
     * @param password      Password (554) QuickFIX/J parsed, or null.
     * @return the verdict made for exactly these credentials on this connection, or null if there is none.
     */
    LogonVerdict take(final String remoteAddress, final String username, final String password)
    {
        final LogonVerdict verdict = null == remoteAddress ? null : verdicts.remove(remoteAddress);
        return null != verdict && verdict.isFor(username, password) ? verdict : null;
    }

    /**
     * {@inheritDoc}
     */
    public void messageReceived(final NextFilter nextFilter, final IoSession ioSession, final Object message)
    {
        if (!(message instanceof String))
        {
            nextFilter.messageReceived(ioSession, message);
            return;
        }
        final String fix = (String)message;
        Connection connection = (Connection)ioSession.getAttribute(STATE);
        if (null == connection || !connection.holding)
        {
            if (!LogonFields.isLogon(fix))
            {
                // Nothing held on this connection (a volatile read: a release in progress has finished).
                nextFilter.messageReceived(ioSession, message);
                return;
            }
            if (null == connection)
            {
                connection = new Connection(nextFilter, String.valueOf(ioSession.getRemoteAddress()));
                ioSession.setAttribute(STATE, connection);
            }
        }
        synchronized (connection)
        {
            connection.held.add(fix);
            if (!connection.holding)
            {
                drain(ioSession, connection);
            }
        }
    }

    /**
     * {@inheritDoc}
     */
    public void sessionClosed(final NextFilter nextFilter, final IoSession ioSession)
    {
        final Connection connection = (Connection)ioSession.getAttribute(STATE);
        if (null != connection)
        {
            synchronized (connection)
            {
                connection.held.clear();
            }
            // A verdict QuickFIX/J never asked for (it refused the Logon itself, or the peer left).
            verdicts.remove(connection.remoteAddress);
        }
        nextFilter.sessionClosed(ioSession);
    }

    /**
     * Stop the verifier threads; logons that arrive later are refused as if the queue were full.
     */
    public void close()
    {
        executor.shutdownNow();
    }

    /**
     * Hand on held messages in order until a Logon that needs verifying; then hold until its verdict. Called with
     * the connection's lock held, by the I/O thread or a verifier thread.
     */
    private void drain(final IoSession ioSession, final Connection connection)
    {
        String message;
        while (null != (message = connection.held.peek()))
        {
            if (!connection.headVerified && LogonFields.isLogon(message) && needsVerification(ioSession, message) &&
                submit(ioSession, connection, message))
            {
                if (!connection.holding)
                {
                    connection.holding = true;
                    ioSession.suspendRead();
                    PreLogonGuard.markLogonQueued(ioSession);
                }
                return;
            }
            connection.held.poll();
            connection.headVerified = false;
            connection.nextFilter.messageReceived(ioSession, message);
        }
        if (connection.holding)
        {
            connection.holding = false;
            ioSession.resumeRead();
        }
    }

    /**
     * @return true if queued; false if refused at once (its BUSY verdict recorded): hand it on.
     */
    private boolean submit(final IoSession ioSession, final Connection connection, final String logon)
    {
        final LogonFields fields = LogonFields.parse(logon);
        try
        {
            executor.execute(() -> verify(ioSession, connection, fields));
            return true;
        }
        catch (final RejectedExecutionException ex)
        {
            verdicts.put(connection.remoteAddress,
                new LogonVerdict(fields.username, fields.password, LogonVerdict.Outcome.BUSY, 0));
            return false;
        }
    }

    private void verify(final IoSession ioSession, final Connection connection, final LogonFields fields)
    {
        try
        {
            if (!ioSession.isClosing())
            {
                verdicts.put(connection.remoteAddress, decide(ioSession, fields));
                if (ioSession.isClosing())
                {
                    // Closed while hashing: its sessionClosed may have looked for the verdict already.
                    verdicts.remove(connection.remoteAddress);
                }
            }
        }
        finally
        {
            // Whatever happened, the connection is not left holding: without a verdict its Logon is refused.
            synchronized (connection)
            {
                if (ioSession.isClosing())
                {
                    connection.held.clear();
                }
                else
                {
                    connection.headVerified = true;
                    drain(ioSession, connection);
                }
            }
        }
    }

    private LogonVerdict decide(final IoSession ioSession, final LogonFields fields)
    {
        final String username = fields.username;
        final String password = fields.password;
        final SocketAddress remote = ioSession.getRemoteAddress();
        final String address = null == remote ? null : GatewayApplication.ipOf(remote.toString());
        final long lockedOutMs = null == throttle ? 0 : throttle.lockedOutMs(username, address);
        if (lockedOutMs > 0)
        {
            return new LogonVerdict(username, password, LogonVerdict.Outcome.LOCKED_OUT, lockedOutMs);
        }
        if (null == username || null == password)
        {
            return new LogonVerdict(username, password, LogonVerdict.Outcome.MISSING, 0);
        }
        hashingThreads.add(Thread.currentThread().getName());
        hashing.incrementAndGet();
        try
        {
            final long start = System.nanoTime();
            final boolean match = credentials.verify(username, password);
            counters.onLogonVerify(System.nanoTime() - start);
            return new LogonVerdict(
                username, password, match ? LogonVerdict.Outcome.MATCH : LogonVerdict.Outcome.NO_MATCH, 0);
        }
        finally
        {
            hashing.decrementAndGet();
        }
    }

    /**
     * Whether QuickFIX/J will hand this Logon to the application: a connection bound to its session already, or
     * one it will bind (the session exists, takes this address and has no other connection).
     */
    private static boolean needsVerification(final IoSession ioSession, final String logon)
    {
        if (ioSession.isClosing())
        {
            return false;
        }
        if (null != ioSession.getAttribute(SessionConnector.QF_SESSION))
        {
            return true;
        }
        final Session session;
        try
        {
            session = Session.lookupSession(MessageUtils.getReverseSessionID(logon));
        }
        catch (final RuntimeException ex)
        {
            // A header QuickFIX/J cannot read either: it refuses the message itself.
            return false;
        }
        if (null == session || session.hasResponder())
        {
            return false;
        }
        final SocketAddress remote = ioSession.getRemoteAddress();
        return !(remote instanceof InetSocketAddress) ||
            session.isAllowedForSession(((InetSocketAddress)remote).getAddress());
    }

    /**
     * One connection that has sent a Logon. Its lock orders the I/O thread's appends and a verifier thread's
     * release, so that held messages reach QuickFIX/J in the order they arrived.
     */
    private static final class Connection
    {
        final NextFilter nextFilter;
        final String remoteAddress;
        final ArrayDeque<String> held = new ArrayDeque<>();
        volatile boolean holding;
        boolean headVerified;

        Connection(final NextFilter nextFilter, final String remoteAddress)
        {
            this.nextFilter = nextFilter;
            this.remoteAddress = remoteAddress;
        }
    }
}
