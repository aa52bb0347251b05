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
package io.tickwire.fix.cli;

import io.tickwire.fix.session.MaskingLogFactory;
import io.tickwire.latency.StageRecorder;
import org.HdrHistogram.Histogram;
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
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop order entry load client over a QuickFIX/J initiator: orders are sent on a fixed schedule (the
 * INTENDED send time of order i is {@code start + i / rate}) whatever the responses do, and the latency of each
 * order is measured from its intended send time to the arrival of its ExecutionReport(New), so a stalled
 * gateway shows as latency rather than as a slower send rate (no coordinated omission).
 * <p>
 * Orders alternate buy below and sell above a mid price so they rest without trading: each produces exactly one
 * ExecutionReport(New). {@link #crossing(boolean)} puts both at the mid price instead, so each sell fills the buy
 * before it and the book stays near empty however long the load runs (a soak).
 */
public final class OpenLoopOrderClient implements Application, AutoCloseable
{
    /**
     * Yield (rather than park) the last this many nanoseconds before an order is due, with a 1 ns timer slack:
     * on a virtual machine a park still ends tens of microseconds late, and a late send is measured latency.
     */
    private static final long PRECISE_SLEEP_MARGIN_NANOS = 60_000;

    /**
     * Without control of the timer slack a park can end 50-60 us late: yield the last 100 us instead.
     */
    private static final long DEFAULT_SLEEP_MARGIN_NANOS = 100_000;

    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final SessionID sessionId;
    private final String username;
    private final String password;
    private final String symbol;
    private final String midPrice;
    private final String buyPrice;
    private final String sellPrice;
    private volatile boolean crossing;
    private volatile BitSet acknowledgedIndices = new BitSet();
    private final SocketInitiator initiator;
    private volatile String refusal;
    private volatile boolean loggedOn;
    private volatile long[] intendedNanos = new long[0];
    private volatile String runPrefix = "";
    private volatile Histogram histogram = new Histogram(MAX_LATENCY_NANOS, 3);
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile long lastAckNanos;
    private volatile StageRecorder orderToAck;
    private int runs;

    /**
     * Connect and log on.
     *
     * @param host         gateway host.
     * @param port         gateway port.
     * @param beginString  FIX version, e.g. FIX.4.4.
     * @param senderCompId our CompID.
     * @param targetCompId the gateway's CompID.
     * @param username     Username (553) or null.
     * @param password     Password (554) or null.
     * @param symbol       instrument to trade.
     * @param price        mid price: buys go one unit below it, sells one unit above.
     * @throws ConfigError if QuickFIX/J rejects the settings.
     */
    public OpenLoopOrderClient(
        final String host,
        final int port,
        final String beginString,
        final String senderCompId,
        final String targetCompId,
        final String username,
        final String password,
        final String symbol,
        final BigDecimal price) throws ConfigError
    {
        this.midPrice = price.toPlainString();
        this.buyPrice = price.subtract(BigDecimal.ONE).toPlainString();
        this.sellPrice = price.add(BigDecimal.ONE).toPlainString();
        this.username = username;
        this.password = password;
        this.symbol = symbol;
        sessionId = new SessionID(beginString, senderCompId, targetCompId);
        final SessionSettings settings = InitiatorSupport.create(host, port, sessionId);
        initiator = new SocketInitiator(
            this, new MemoryStoreFactory(), settings, new MaskingLogFactory(new SLF4JLogFactory(settings)),
            new DefaultMessageFactory());
        initiator.start();
    }

    /**
     * Send buys and sells at the mid price, so that each sell fills the buy before it (and both get their
     * ExecutionReport(New) first): the book does not grow with the orders sent. Call before {@link #run}.
     *
     * @param crossing true to trade, false (the default) to rest.
     */
    public void crossing(final boolean crossing)
    {
        this.crossing = crossing;
    }

    /**
     * The ClOrdIDs of the last run's orders that were acknowledged (ExecutionReport New), in order: read after
     * {@link #run} returned.
     *
     * @return the ClOrdIDs.
     */
    public List<String> acknowledgedClOrdIds()
    {
        final BitSet indices = acknowledgedIndices;
        final String prefix = runPrefix;
        final List<String> ids = new ArrayList<>(indices.cardinality());
        for (int i = indices.nextSetBit(0); i >= 0; i = indices.nextSetBit(i + 1))
        {
            ids.add(prefix + i);
        }
        return ids;
    }

    /**
     * Also record {@code order->ack} (intended send time to ExecutionReport New) into this recorder, written by
     * QuickFIX/J's one message-processing thread of this initiator; null stops recording (e.g. during warm-up).
     *
     * @param orderToAck the stage's recorder, or null.
     */
    public void orderToAckRecorder(final StageRecorder orderToAck)
    {
        this.orderToAck = orderToAck;
    }

    /**
     * @param timeoutMs how long to wait.
     * @return whether the session logged on (false at once when the gateway refused it, see {@link #refusal()}).
     * @throws InterruptedException if interrupted.
     */
    public boolean awaitLogon(final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!loggedOn && null == refusal && System.nanoTime() < deadline)
        {
            Thread.sleep(10);
        }
        return loggedOn;
    }

    /**
     * Send {@code orders} orders at {@code rate} per second and wait for their acknowledgements.
     *
     * @param orders    number of orders.
     * @param rate      orders per second (open loop).
     * @param timeoutMs how long to wait for outstanding acknowledgements after the last send.
     * @return the measurement.
     * @throws InterruptedException if interrupted.
     */
    public Result run(final int orders, final int rate, final long timeoutMs) throws InterruptedException
    {
        final long[] intended = new long[orders];
        final Histogram runHistogram = new Histogram(MAX_LATENCY_NANOS, 3);
        acknowledged.set(0);
        rejected.set(0);
        acknowledgedIndices = new BitSet(orders);
        histogram = runHistogram;
        intendedNanos = intended;
        runPrefix = "L" + (++runs) + "-" + Long.toString(System.currentTimeMillis(), 36) + "-";
        final Session session = Session.lookupSession(sessionId);
        final long periodNanos = TimeUnit.SECONDS.toNanos(1) / Math.max(rate, 1);
        final long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        for (int i = 0; i < orders; i++)
        {
            intended[i] = start + i * periodNanos;
        }

        // Sleep between orders as long as it is safe to: a yielding sender takes a core the gateway needs on a small
        // host. With a 1 ns timer slack a park ends closer to its deadline, so less of the gap need be yielded.
        final boolean preciseSleep = TimerSlack.setForCurrentThread(1);
        final long sleepMargin = preciseSleep ? PRECISE_SLEEP_MARGIN_NANOS : DEFAULT_SLEEP_MARGIN_NANOS;
        for (int i = 0; i < orders; i++)
        {
            final long due = intended[i];
            long now;
            while ((now = System.nanoTime()) < due)
            {
                final long wait = due - now;
                if (wait > sleepMargin)
                {
                    LockSupport.parkNanos(wait - sleepMargin);
                }
                else
                {
                    Thread.yield();
                }
            }
            session.send(order(i));
        }
        final long sendEnd = System.nanoTime();

        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (acknowledged.get() + rejected.get() < orders && System.nanoTime() < deadline)
        {
            Thread.sleep(1);
        }
        final long end = acknowledged.get() + rejected.get() >= orders ? lastAckNanos : System.nanoTime();
        return new Result(orders, rate, acknowledged.get(), rejected.get(), runHistogram.copy(),
            (sendEnd - start) / 1e9, (end - start) / 1e9);
    }

    private Message order(final int index)
    {
        final boolean buy = (index & 1) == 0;
        final Message message = new Message();
        message.getHeader().setString(35, "D");
        message.setString(11, runPrefix + index);
        message.setChar(21, '1');
        message.setString(55, symbol);
        message.setChar(54, buy ? '1' : '2');
        message.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        message.setInt(38, 100);
        message.setChar(40, '2');
        message.setString(44, crossing ? midPrice : buy ? buyPrice : sellPrice);
        message.setChar(59, '0');
        return message;
    }

    /**
     * {@inheritDoc}
     */
    public void fromApp(final Message message, final SessionID sessionId) throws FieldNotFound
    {
        final long now = System.nanoTime();
        if (!"8".equals(message.getHeader().getString(35)))
        {
            return;
        }
        final String clOrdId = message.getString(11);
        final String prefix = runPrefix;
        if (!clOrdId.startsWith(prefix))
        {
            return;
        }
        final int index = Integer.parseInt(clOrdId, prefix.length(), clOrdId.length(), 10);
        final char execType = message.getChar(150);
        if (execType == '0')
        {
            final long[] intended = intendedNanos;
            if (index < intended.length)
            {
                histogram.recordValue(Math.min(Math.max(now - intended[index], 0), MAX_LATENCY_NANOS));
                final StageRecorder recorder = orderToAck;
                if (null != recorder)
                {
                    recorder.recordInterval(intended[index], now);
                }
            }
            lastAckNanos = now;
            // Set before the count is raised: whoever saw the count sees the bit.
            acknowledgedIndices.set(index);
            acknowledged.incrementAndGet();
        }
        else if (execType == '8')
        {
            lastAckNanos = now;
            rejected.incrementAndGet();
        }
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
     * {@inheritDoc}
     */
    public void fromAdmin(final Message message, final SessionID sessionId)
    {
        // A gateway that refuses a logon says why in the Logout's (or session Reject's) Text: keep it for the user.
        // The first reason is the cause; the engine's reconnects may earn later ones (e.g. a lockout).
        if (null == refusal)
        {
            refusal = InitiatorSupport.refusal(message);
        }
    }

    /**
     * Why the gateway ended or refused the session, from its first Logout or session Reject Text.
     *
     * @return the reason, or null when the gateway gave none.
     */
    public String refusal()
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
     * Log out and stop.
     */
    public void close()
    {
        initiator.stop(true);
    }

    /**
     * The outcome of one run.
     *
     * @param orders         orders sent.
     * @param rate           intended rate.
     * @param acknowledged   ExecutionReport(New) received.
     * @param rejected       ExecutionReport(Rejected) received.
     * @param latencyNanos   intended send to ExecutionReport(New), nanoseconds.
     * @param sendSeconds    time to send all orders.
     * @param elapsedSeconds from the first intended send to the last acknowledgement.
     */
    public record Result(
        long orders,
        int rate,
        long acknowledged,
        long rejected,
        Histogram latencyNanos,
        double sendSeconds,
        double elapsedSeconds)
    {
        /**
         * @return acknowledgements per second over the run.
         */
        public double achievedRate()
        {
            return elapsedSeconds <= 0 ? 0 : acknowledged / elapsedSeconds;
        }

        /**
         * @param percentile e.g. 99.0.
         * @return latency in microseconds.
         */
        public double micros(final double percentile)
        {
            return latencyNanos.getValueAtPercentile(percentile) / 1000.0;
        }

        /**
         * @return one line summary.
         */
        public String format()
        {
            return String.format(
                "orders=%d rate=%d/s acked=%d rejected=%d achieved=%.0f/s latency us: p50=%.1f p90=%.1f p99=%.1f " +
                "p99.9=%.1f max=%.1f",
                orders, rate, acknowledged, rejected, achievedRate(), micros(50), micros(90), micros(99),
                micros(99.9), latencyNanos.getMaxValue() / 1000.0);
        }
    }
}
