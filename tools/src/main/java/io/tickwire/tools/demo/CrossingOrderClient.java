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
package io.tickwire.tools.demo;

import io.tickwire.fix.cli.InitiatorSupport;
import io.tickwire.fix.session.MaskingLogFactory;
import io.tickwire.sbe.md.Side;
import org.HdrHistogram.Recorder;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The demo's FIX client: a QuickFIX/J initiator that places the {@link CrossingOrders} flow open loop (order
 * {@code i} is due at {@code start + i / rate} whatever the answers do) from a sender thread of its own, and keeps
 * what the ExecutionReports say of each order: its OrderID, its open quantity, a reject and why. Order to
 * acknowledgement (ExecutionReport New) is measured from the intended send time, as {@code fix-client} and
 * {@code bench order-to-tick} measure it, so a stalled gateway shows as latency rather than a slower send rate.
 */
final class CrossingOrderClient implements Application, AutoCloseable
{
    /**
     * Yield rather than park the last this many nanoseconds before an order is due: a park ends late, and a late send
     * is measured latency. Between orders the sender sleeps, so it takes no core of its own.
     */
    private static final long SLEEP_MARGIN_NANOS = 100_000;

    private final SessionID sessionId;
    private final String username;
    private final String password;
    private final String symbol;
    private final CrossingOrders flow;
    private final long[] intendedNanos;
    private final long[] orderIds;
    private final long[] leavesQuantity;
    private final boolean[] rejectedOrders;
    private final long warmupEndsOffsetNanos;
    private final Recorder ackWarmup = new Recorder(3);
    private final Recorder ack = new Recorder(3);
    private final SocketInitiator initiator;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong fills = new AtomicLong();
    private final AtomicLong filledQuantity = new AtomicLong();
    private final AtomicLong otherRejects = new AtomicLong();
    private final Map<String, Long> rejectReasons = new TreeMap<>();
    private volatile long startNanos = Long.MAX_VALUE;
    private volatile boolean loggedOn;
    private volatile String refusal;
    private volatile boolean stopped;

    /**
     * Connect and log on (asynchronously: see {@link #awaitLogon(long)}).
     *
     * @param port          the gateway's FIX port on loopback.
     * @param senderCompId  our CompID.
     * @param targetCompId  the gateway's CompID.
     * @param username      Username (553).
     * @param password      Password (554).
     * @param symbol        the instrument.
     * @param flow          the orders' sides and prices.
     * @param orders        how many orders the run places.
     * @param warmupNanos   acknowledgements of orders due in the first this many nanoseconds are kept apart.
     * @throws ConfigError if QuickFIX/J rejects the settings.
     */
    CrossingOrderClient(
        final int port,
        final String senderCompId,
        final String targetCompId,
        final String username,
        final String password,
        final String symbol,
        final CrossingOrders flow,
        final int orders,
        final long warmupNanos) throws ConfigError
    {
        this.username = username;
        this.password = password;
        this.symbol = symbol;
        this.flow = flow;
        intendedNanos = new long[orders];
        orderIds = new long[orders];
        leavesQuantity = new long[orders];
        rejectedOrders = new boolean[orders];
        warmupEndsOffsetNanos = warmupNanos;
        sessionId = new SessionID("FIX.4.4", senderCompId, targetCompId);
        final SessionSettings settings = InitiatorSupport.create("127.0.0.1", port, sessionId);
        initiator = new SocketInitiator(
            this, new MemoryStoreFactory(), settings, new MaskingLogFactory(new SLF4JLogFactory(settings)),
            new DefaultMessageFactory());
        initiator.start();
    }

    /**
     * @param timeoutMs how long to wait.
     * @return whether the session logged on (false at once when the gateway refused it, see {@link #refusal()}).
     * @throws InterruptedException if interrupted.
     */
    boolean awaitLogon(final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!loggedOn && null == refusal && System.nanoTime() < deadline)
        {
            Thread.sleep(10);
        }
        return loggedOn;
    }

    /**
     * Place every order at its intended time on a new thread; returns at once.
     *
     * @param rate  orders per second.
     * @param start {@link System#nanoTime()} the first order is due.
     * @return the sender thread.
     */
    Thread startSending(final int rate, final long start)
    {
        final long periodNanos = TimeUnit.SECONDS.toNanos(1) / Math.max(rate, 1);
        for (int i = 0; i < intendedNanos.length; i++)
        {
            intendedNanos[i] = start + i * periodNanos;
        }
        startNanos = start;
        final Thread sender = new Thread(this::send, "demo-order-sender");
        sender.setDaemon(true);
        sender.start();
        return sender;
    }

    private void send()
    {
        final Session session = Session.lookupSession(sessionId);
        for (int i = 0; i < intendedNanos.length && !stopped; i++)
        {
            final long due = intendedNanos[i];
            long now;
            while ((now = System.nanoTime()) < due)
            {
                final long wait = due - now;
                if (wait > SLEEP_MARGIN_NANOS)
                {
                    LockSupport.parkNanos(wait - SLEEP_MARGIN_NANOS);
                }
                else
                {
                    Thread.yield();
                }
            }
            if (!session.send(order(i)))
            {
                break; // logged out: the orders left unsent are reported as such
            }
            sent.incrementAndGet();
        }
    }

    private Message order(final int index)
    {
        final Message message = new Message();
        message.getHeader().setString(35, "D");
        message.setString(11, "D" + index);
        message.setChar(21, '1');
        message.setString(55, symbol);
        message.setChar(54, Side.BUY == CrossingOrders.side(index) ? '1' : '2');
        message.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        message.setString(38, Long.toString(CrossingOrders.quantity(index)));
        message.setChar(40, '2');
        message.setString(44, BigDecimal.valueOf(flow.price(index), 4).toPlainString());
        message.setChar(59, '0');
        return message;
    }

    /**
     * Keeps what each ExecutionReport says of its order and times the acknowledgements.
     *
     * @param message   an application message from the gateway.
     * @param sessionId our session.
     * @throws FieldNotFound if a report lacks a required field.
     */
    public void fromApp(final Message message, final SessionID sessionId) throws FieldNotFound
    {
        final long now = System.nanoTime();
        final String msgType = message.getHeader().getString(35);
        if (!"8".equals(msgType))
        {
            // A session-level or business reject names no ClOrdID: counted, with its reason, as a reject.
            otherRejects.incrementAndGet();
            countReason(msgType + ": " + (message.isSetField(58) ? message.getString(58) : "no text"));
            return;
        }
        final String clOrdId = message.getString(11);
        final int index = clOrdId.startsWith("D") ? Integer.parseInt(clOrdId, 1, clOrdId.length(), 10) : -1;
        if (index < 0 || index >= intendedNanos.length)
        {
            otherRejects.incrementAndGet();
            countReason("report for an unknown ClOrdID " + clOrdId);
            return;
        }
        final char execType = message.getChar(150);
        if ('0' == execType)
        {
            final long start = startNanos; // volatile read first: the intended times were written before it
            final long orderId = orderId(message.getString(37));
            if (orderId <= 0)
            {
                otherRejects.incrementAndGet();
                countReason("acknowledgement of " + clOrdId + " without a numeric OrderID: " + message.getString(37));
                return;
            }
            orderIds[index] = orderId;
            leavesQuantity[index] = (long)message.getDouble(151);
            final long intended = intendedNanos[index];
            (intended < start + warmupEndsOffsetNanos ? ackWarmup : ack).recordValue(Math.max(0, now - intended));
            acknowledged.incrementAndGet();
        }
        else if ('8' == execType)
        {
            rejectedOrders[index] = true;
            countReason(message.isSetField(58) ? message.getString(58) : "no text");
            rejected.incrementAndGet();
        }
        else if ('F' == execType || '1' == execType || '2' == execType)
        {
            leavesQuantity[index] = (long)message.getDouble(151);
            filledQuantity.addAndGet((long)message.getDouble(32));
            fills.incrementAndGet();
        }
        else if ('4' == execType)
        {
            leavesQuantity[index] = 0;
        }
    }

    private static long orderId(final String text)
    {
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }

    private void countReason(final String reason)
    {
        synchronized (rejectReasons)
        {
            rejectReasons.merge(reason, 1L, Long::sum);
        }
    }

    /**
     * @return reject reasons and how often each was given.
     */
    Map<String, Long> rejectReasons()
    {
        synchronized (rejectReasons)
        {
            return new TreeMap<>(rejectReasons);
        }
    }

    long planned()
    {
        return intendedNanos.length;
    }

    long sent()
    {
        return sent.get();
    }

    long acknowledged()
    {
        return acknowledged.get();
    }

    long rejected()
    {
        return rejected.get();
    }

    long otherRejects()
    {
        return otherRejects.get();
    }

    /**
     * @return ExecutionReports of a fill, one per order and trade: a trade between two of our orders gives two.
     */
    long fills()
    {
        return fills.get();
    }

    long filledQuantity()
    {
        return filledQuantity.get();
    }

    /**
     * @return whether every order has been placed (or the session ended) and every placed order answered.
     */
    boolean isSettled()
    {
        return (sent.get() == intendedNanos.length || !loggedOn) &&
            acknowledged.get() + rejected.get() >= sent.get();
    }

    long[] intendedNanos()
    {
        return intendedNanos;
    }

    long orderId(final int order)
    {
        return orderIds[order];
    }

    long leavesQuantity(final int order)
    {
        return leavesQuantity[order];
    }

    boolean isRejected(final int order)
    {
        return rejectedOrders[order];
    }

    Recorder ackRecorder(final boolean warmup)
    {
        return warmup ? ackWarmup : ack;
    }

    /**
     * {@inheritDoc}
     */
    public void onCreate(final SessionID sessionId)
    {
    }

    /**
     * {@inheritDoc}
     */
    public void onLogon(final SessionID sessionId)
    {
        loggedOn = true;
    }

    /**
     * {@inheritDoc}
     */
    public void onLogout(final SessionID sessionId)
    {
        loggedOn = false;
    }

    /**
     * Adds Username (553) and Password (554) to the Logon.
     *
     * @param message   outbound admin message.
     * @param sessionId session.
     */
    public void toAdmin(final Message message, final SessionID sessionId)
    {
        InitiatorSupport.addCredentials(message, username, password);
    }

    /**
     * Keeps the first reason the gateway gives for ending or refusing the session.
     *
     * @param message   inbound admin message.
     * @param sessionId session.
     */
    public void fromAdmin(final Message message, final SessionID sessionId)
    {
        if (null == refusal)
        {
            refusal = InitiatorSupport.refusal(message);
        }
    }

    /**
     * @return why the gateway ended or refused the session, or null when it gave no reason.
     */
    String refusal()
    {
        return refusal;
    }

    /**
     * {@inheritDoc}
     */
    public void toApp(final Message message, final SessionID sessionId)
    {
    }

    /**
     * Stop sending, log out and stop.
     */
    public void close()
    {
        stopped = true;
        initiator.stop(true);
    }
}
