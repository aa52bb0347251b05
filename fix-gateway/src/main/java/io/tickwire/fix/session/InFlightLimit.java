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

import org.apache.mina.core.session.IoSession;
import quickfix.Responder;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.mina.IoSessionResponder;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Bounds the commands between the session thread and the report sender, so that one session flooding orders cannot
 * queue thousands of reports ahead of every other session's.
 * <p>
 * Every session's reports leave through one sender in the order the engine produced them; when the sender is the
 * slowest stage (building and sending reports costs more than taking orders), a session that pipelines orders as
 * fast as TCP takes them fills the rings with its commands and reports, and another session's order, however
 * promptly taken, is answered only after all of them (a quarter of a second and more at 17k orders/s on a 2-core
 * host). So the session thread counts what it has taken (the correlation id of the last command) against what the
 * sender has answered (the highest correlation id of a report it released): with more than the limit in flight it
 * stops reading the socket of the session whose command it just took ({@code IoSession.suspendRead}, as QuickFIX/J's
 * own queue watermarks do), and the sender resumes every suspended session once what is in flight has fallen to half
 * the limit. What a suspended session already sent is taken as usual; TCP pushes back on the rest. Another session's
 * order then waits behind at most about the limit of reports.
 * <p>
 * The session thread calls {@link #onTaken}, the sender {@link #onAnswered} and {@link #poll} (every duty cycle, so
 * that a suspension that raced the last answer is lifted too). Nothing is allocated.
 */
public final class InFlightLimit
{
    private static final int MAX_SESSIONS = 1 << 16;
    /**
     * QuickFIX/J keeps a session's MINA session in its responder behind a package-private getter (its own queue
     * watermarks use it to suspend reads): looked up once. Without it (another QuickFIX/J) nothing is suspended.
     */
    private static final MethodHandle IO_SESSION = ioSessionGetter();

    private final long limit;
    private final long resumeAt;
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicReferenceArray<IoSession> suspended = new AtomicReferenceArray<>(MAX_SESSIONS);
    private final AtomicInteger suspendedCount = new AtomicInteger();
    private final AtomicLong suspensions = new AtomicLong();
    private volatile int highestSuspendedIndex = -1;

    /**
     * @param limit commands in flight above which the taking session's reads are suspended; 0 for no limit.
     */
    public InFlightLimit(final long limit)
    {
        if (limit < 0)
        {
            throw new IllegalArgumentException("in-flight limit must be >= 0: " + limit);
        }
        this.limit = limit;
        this.resumeAt = limit / 2;
    }

    /**
     * A command was written for a session. Session thread.
     *
     * @param correlationId of the command: the session thread numbers every command, one after the other.
     * @param sessionIndex  of the session it came from.
     * @param sessionId     the session, whose reads stop while too much is in flight.
     */
    public void onTaken(final long correlationId, final int sessionIndex, final SessionID sessionId)
    {
        taken.lazySet(correlationId);
        if (0 == limit || correlationId - answered.get() <= limit || sessionIndex < 0 || sessionIndex >= MAX_SESSIONS)
        {
            return;
        }
        final IoSession alreadySuspended = suspended.get(sessionIndex);
        if (null != alreadySuspended && alreadySuspended.isClosing() &&
            suspended.compareAndSet(sessionIndex, alreadySuspended, null))
        {
            // The session logged out or dropped while suspended; its index now names a new connection.
            suspendedCount.decrementAndGet();
        }
        else if (null != alreadySuspended)
        {
            // QuickFIX/J's own queue watermarks resume a session's reads when its queue drains: suspend again.
            if (!alreadySuspended.isReadSuspended())
            {
                alreadySuspended.suspendRead();
                suspensions.lazySet(suspensions.get() + 1);
            }
            return;
        }
        final IoSession ioSession = ioSession(Session.lookupSession(sessionId));
        if (null != ioSession && !ioSession.isReadSuspended())
        {
            ioSession.suspendRead();
            suspended.set(sessionIndex, ioSession);
            if (sessionIndex > highestSuspendedIndex)
            {
                highestSuspendedIndex = sessionIndex;
            }
            suspendedCount.incrementAndGet();
            suspensions.lazySet(suspensions.get() + 1);
        }
    }

    /**
     * The sender released a report that answers a command. Sender thread.
     *
     * @param correlationId of the command it answers.
     */
    public void onAnswered(final long correlationId)
    {
        // A report may carry the id of an earlier run's command (a fill of an order resting since before a
        // restart, numbered by that run's session thread): only ids this run has taken count.
        if (correlationId > answered.get() && correlationId <= taken.get())
        {
            answered.lazySet(correlationId);
        }
    }

    /**
     * Resume every suspended session once what is in flight has fallen to half the limit. Sender thread, every
     * duty cycle.
     *
     * @return sessions resumed.
     */
    public int poll()
    {
        if (0 == suspendedCount.get() || taken.get() - answered.get() > resumeAt)
        {
            return 0;
        }
        int resumed = 0;
        for (int i = 0, highest = highestSuspendedIndex; i <= highest; i++)
        {
            final IoSession ioSession = suspended.getAndSet(i, null);
            if (null != ioSession)
            {
                ioSession.resumeRead();
                suspendedCount.decrementAndGet();
                resumed++;
            }
        }
        return resumed;
    }

    /**
     * @return commands taken and not yet answered, as the two threads last published them.
     */
    public long inFlight()
    {
        return Math.max(0, taken.get() - answered.get());
    }

    /**
     * @return how many times a session's reads were suspended.
     */
    public long suspensions()
    {
        return suspensions.get();
    }

    /**
     * @return sessions whose reads are suspended now.
     */
    public int suspendedSessions()
    {
        return suspendedCount.get();
    }

    /**
     * @return whether sessions can be suspended with this QuickFIX/J.
     */
    public static boolean canSuspend()
    {
        return null != IO_SESSION;
    }

    private static IoSession ioSession(final Session session)
    {
        final Responder responder = null == session ? null : session.getResponder();
        if (null == IO_SESSION || !(responder instanceof IoSessionResponder))
        {
            return null;
        }
        try
        {
            return (IoSession)IO_SESSION.invoke((IoSessionResponder)responder);
        }
        catch (final Throwable ex)
        {
            return null;
        }
    }

    private static MethodHandle ioSessionGetter()
    {
        try
        {
            final Method getter = IoSessionResponder.class.getDeclaredMethod("getIoSession");
            getter.setAccessible(true);
            return MethodHandles.lookup().unreflect(getter);
        }
        catch (final ReflectiveOperationException | RuntimeException ex)
        {
            return null;
        }
    }
}
