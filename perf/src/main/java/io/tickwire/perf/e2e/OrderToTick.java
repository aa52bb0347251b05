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
package io.tickwire.perf.e2e;

import io.aeron.Aeron;
import io.aeron.CommonContext;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.tickwire.fix.cli.InitiatorSupport;
import io.tickwire.fix.gateway.Gateway;
import io.tickwire.fix.gateway.GatewayConfiguration;
import io.tickwire.fix.gateway.GatewayContext;
import io.tickwire.fix.gateway.OrderStages;
import io.tickwire.latency.StageRecorder;
import io.tickwire.perf.harness.OpenLoopPacer;
import io.tickwire.perf.harness.Scenario;
import io.tickwire.perf.harness.ScenarioContext;
import io.tickwire.sbe.md.AddOrderDecoder;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import io.tickwire.sbe.md.Side;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import quickfix.Application;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code order-to-tick}: a FIX NewOrderSingle, sent open loop at its intended time, to its {@code AddOrder} seen by
 * a subscriber of the gateway's market data stream (Aeron UDP on loopback, the gateway's embedded driver).
 * <p>
 * Every order has a price of its own (buys at 100.0000 minus i ticks, sells at 101.0000 plus i ticks, so nothing
 * trades and every order rests), so the subscriber finds the order's index from the AddOrder's side and price:
 * no reliance on reports or arrival order. Latency is measured from the intended send time, on
 * {@link System#nanoTime()} (sender and subscriber share the process). Baseline in the same run: the
 * {@code fix-latency} bare QuickFIX/J acceptor round trip (order to acknowledgement) at the same rate.
 */
public final class OrderToTick implements Scenario
{
    private static final int RATE = 1_000;
    private static final int STREAM_ID = 2001;
    private static final long BUY_BASE = 1_000_000;
    private static final long SELL_BASE = 1_010_000;

    /**
     * For the bench harness ({@code ScenarioCatalog} creates it by name).
     */
    public OrderToTick()
    {
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return "order-to-tick";
    }

    /**
     * {@inheritDoc}
     */
    public String description()
    {
        return "FIX NewOrderSingle (open loop, 1 k orders/s) -> its AddOrder seen by a subscriber of the gateway's " +
            "market data (Aeron UDP loopback); baseline: bare QuickFIX/J acceptor round trip";
    }

    /**
     * {@inheritDoc}
     */
    public void run(final ScenarioContext context) throws Exception
    {
        context.threadPlan("sender: scenario thread, open loop (park/yield until due) into QuickFIX/J initiator " +
            "(+ its I/O and message-processing threads)");
        context.threadPlan("gateway: QuickFIX/J SocketAcceptor thread, matching engine and report sender agents (" +
            System.getProperty("tickwire.gateway.idle", "backoff") + " idle), embedded media driver SHARED (backoff)");
        context.threadPlan("subscriber: one thread polling an Aeron Subscription, BackoffIdleStrategy");
        context.threadPlan("baseline: QuickFIX/J initiator -> bare QuickFIX/J acceptor (acknowledges only)");

        final String run = RATE / 1000 + "k/s";
        final long warmupNanos = context.warmupNanos();
        final int warmupOrders = (int)(RATE * warmupNanos / 1e9);
        final int orders = warmupOrders + (int)Math.max(100, RATE * context.measureNanos() / 1e9);

        final StageRecorder baseline = context.recorder(run, "bare-ack-rtt", RATE);
        final FixLatency.Result bare = FixLatency.run(FixLatency.Target.BARE, RATE, orders - warmupOrders,
            warmupOrders);
        context.log("baseline " + bare.format());
        copy(bare.client().latencyNanos(), baseline);
        context.metric(run, "bare-ack-rtt", "achieved-rate", bare.client().achievedRate(), "orders/s");

        final StageRecorder orderToTick = context.recorder(run, OrderStages.ORDER_TO_TICK_SEEN, RATE);
        final StageRecorder orderToAck = context.recorder(run, OrderStages.ORDER_TO_ACK, RATE);
        final Counts counts = measure(orders, warmupNanos, orderToTick, orderToAck);
        context.log(String.format("order-to-tick: sent %d, seen %d, acknowledged %d, unsent %d, unknown ticks %d",
            counts.sent, counts.seen.get(), counts.acknowledged.get(), counts.unsent, counts.unknownTicks.get()));
        context.metric(run, OrderStages.ORDER_TO_TICK_SEEN, "sent", counts.sent, "orders");
        context.metric(run, OrderStages.ORDER_TO_TICK_SEEN, "received", counts.seen.get(), "ticks");
        context.metric(run, OrderStages.ORDER_TO_TICK_SEEN, "lost", counts.sent - counts.seen.get(), "ticks");
        context.metric(run, OrderStages.ORDER_TO_TICK_SEEN, "backlog-unsent", counts.unsent, "orders");
        context.metric(run, OrderStages.ORDER_TO_TICK_SEEN, "unknown-ticks", counts.unknownTicks.get(), "ticks");
        context.metric(run, OrderStages.ORDER_TO_ACK, "received", counts.acknowledged.get(), "reports");
        if (counts.seen.get() != counts.sent)
        {
            throw new IllegalStateException("order-to-tick: " + (counts.sent - counts.seen.get()) +
                " of " + counts.sent + " orders never showed on the market data stream");
        }
    }

    private static Counts measure(
        final int orders, final long warmupNanos, final StageRecorder orderToTick, final StageRecorder orderToAck)
        throws Exception
    {
        final Path dir = Files.createTempDirectory("tickwire-order-to-tick");
        final int port = FixLatency.freePort();
        final String channel = "aeron:udp?endpoint=127.0.0.1:" + freeUdpPort();
        final SessionSettings settings = FixLatency.settings(dir, port);
        settings.setString(GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME, channel);
        settings.setLong(GatewayConfiguration.MARKET_DATA_STREAM_ID_PROP_NAME, STREAM_ID);
        settings.setString(GatewayConfiguration.AERON_DIR_PROP_NAME, CommonContext.generateRandomDirName());

        final long[] intended = new long[orders];
        final long measureFrom = warmupNanos;
        final Counts counts = new Counts();
        Gateway gateway = null;
        Aeron aeron = null;
        Thread subscriberThread = null;
        final Initiator client = new Initiator(intended, counts, orderToAck);
        try
        {
            gateway = Gateway.launch(new GatewayContext().settings(settings));
            aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(gateway.aeronDirectoryName()));
            final Subscription subscription = aeron.addSubscription(channel, STREAM_ID);
            final long connectDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!subscription.isConnected())
            {
                if (System.nanoTime() > connectDeadline)
                {
                    throw new IllegalStateException("market data subscription did not connect: " + channel);
                }
                Thread.sleep(1);
            }
            final TickSubscriber subscriber = new TickSubscriber(subscription, intended, counts, orderToTick);
            subscriberThread = new Thread(subscriber, "order-to-tick-subscriber");
            subscriberThread.setDaemon(true);
            subscriberThread.start();

            client.start(port);
            if (!client.awaitLogon(10_000))
            {
                throw new IllegalStateException("initiator could not log on to the gateway");
            }

            final long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
            subscriber.measureFrom(start + measureFrom);
            client.measureFrom(start + measureFrom);
            final OpenLoopPacer pacer = new OpenLoopPacer(start, RATE);
            for (int i = 0; i < orders; i++)
            {
                intended[i] = pacer.intendedNanos(i);
            }
            final Session session = Session.lookupSession(client.sessionId);
            final long sendDeadline = start + 2L * orders * TimeUnit.SECONDS.toNanos(1) / RATE;
            int sent = 0;
            while (sent < orders)
            {
                final long now = System.nanoTime();
                if (now > sendDeadline)
                {
                    break;
                }
                final long wait = intended[sent] - now;
                if (wait > 100_000)
                {
                    LockSupport.parkNanos(wait - 60_000);
                }
                else if (wait > 0)
                {
                    Thread.yield();
                }
                else
                {
                    session.send(order(sent));
                    sent++;
                }
            }
            counts.sent = sent;
            counts.unsent = orders - sent;

            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (counts.seen.get() < sent && System.nanoTime() < deadline)
            {
                Thread.sleep(1);
            }
            subscriber.stop();
            subscriberThread.join(5_000);
        }
        finally
        {
            CloseHelper.quietClose(client);
            CloseHelper.closeAll(aeron, gateway);
        }
        counts.sent -= Math.min(counts.sent, counts.warmupSent(intended, measureFrom));
        return counts;
    }

    private static Message order(final int index)
    {
        final boolean buy = (index & 1) == 0;
        final Message message = new Message();
        message.getHeader().setString(35, "D");
        message.setString(11, "T" + index);
        message.setChar(21, '1');
        message.setString(55, "AAPL");
        message.setChar(54, buy ? '1' : '2');
        message.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        message.setInt(38, 100);
        message.setChar(40, '2');
        final long mantissa = buy ? BUY_BASE - index : SELL_BASE + index;
        message.setString(44, BigDecimal.valueOf(mantissa, 4).toPlainString());
        message.setChar(59, '0');
        return message;
    }

    static int indexOf(final Side side, final long price)
    {
        final long index = Side.BUY == side ? BUY_BASE - price : price - SELL_BASE;
        final boolean parityMatches = ((index & 1) == 0) == (Side.BUY == side);
        return index >= 0 && index < Integer.MAX_VALUE && parityMatches ? (int)index : -1;
    }

    private static void copy(final Histogram histogram, final StageRecorder recorder)
    {
        for (final HistogramIterationValue value : histogram.recordedValues())
        {
            final long sample = histogram.highestEquivalentValue(value.getValueIteratedTo());
            for (long i = 0; i < value.getCountAtValueIteratedTo(); i++)
            {
                recorder.recordValue(sample);
            }
        }
    }

    private static int freeUdpPort() throws IOException
    {
        try (DatagramSocket socket = new DatagramSocket(0))
        {
            return socket.getLocalPort();
        }
    }

    private static final class Counts
    {
        final AtomicLong seen = new AtomicLong();
        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong unknownTicks = new AtomicLong();
        long sent;
        long unsent;

        long warmupSent(final long[] intended, final long measureFromOffset)
        {
            final long measureFrom = intended.length == 0 ? 0 : intended[0] + measureFromOffset;
            long warm = 0;
            for (int i = 0; i < sent && i < intended.length; i++)
            {
                if (intended[i] < measureFrom)
                {
                    warm++;
                }
            }
            return warm;
        }
    }

    /**
     * Polls the gateway's market data stream; every AddOrder is matched to its order by side and price.
     */
    private static final class TickSubscriber implements Runnable
    {
        private final Subscription subscription;
        private final long[] intended;
        private final Counts counts;
        private final StageRecorder recorder;
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final AddOrderDecoder addOrder = new AddOrderDecoder();
        private final FragmentHandler handler = this::onFragment;
        private volatile boolean running = true;
        private volatile long measureFrom = Long.MAX_VALUE;

        TickSubscriber(
            final Subscription subscription, final long[] intended, final Counts counts, final StageRecorder recorder)
        {
            this.subscription = subscription;
            this.intended = intended;
            this.counts = counts;
            this.recorder = recorder;
        }

        void measureFrom(final long nanos)
        {
            measureFrom = nanos;
        }

        void stop()
        {
            running = false;
        }

        public void run()
        {
            final IdleStrategy idle = new BackoffIdleStrategy();
            while (running)
            {
                idle.idle(subscription.poll(handler, 64));
            }
        }

        private void onFragment(
            final DirectBuffer buffer, final int offset, final int length, final Header fragmentHeader)
        {
            final long now = System.nanoTime();
            header.wrap(buffer, offset);
            if (AddOrderDecoder.TEMPLATE_ID != header.templateId())
            {
                return;
            }
            addOrder.wrapAndApplyHeader(buffer, offset, header);
            final int index = indexOf(addOrder.side(), addOrder.price());
            if (index < 0 || index >= intended.length)
            {
                counts.unknownTicks.incrementAndGet();
                return;
            }
            final long intendedNanos = intended[index];
            if (intendedNanos >= measureFrom)
            {
                recorder.recordInterval(intendedNanos, now);
                counts.seen.incrementAndGet();
            }
        }
    }

    /**
     * A QuickFIX/J initiator that counts ExecutionReport(New) and records order to acknowledgement.
     */
    private static final class Initiator implements Application, AutoCloseable
    {
        private final SessionID sessionId = new SessionID("FIX.4.4", "CLIENT1", "TWGW");
        private final long[] intended;
        private final Counts counts;
        private final StageRecorder orderToAck;
        private SocketInitiator initiator;
        private volatile boolean loggedOn;
        private volatile long measureFrom = Long.MAX_VALUE;

        Initiator(final long[] intended, final Counts counts, final StageRecorder orderToAck)
        {
            this.intended = intended;
            this.counts = counts;
            this.orderToAck = orderToAck;
        }

        void start(final int port) throws Exception
        {
            final SessionSettings settings = InitiatorSupport.create("127.0.0.1", port, sessionId);
            initiator = new SocketInitiator(
                this, new MemoryStoreFactory(), settings, new SLF4JLogFactory(settings), new DefaultMessageFactory());
            initiator.start();
        }

        boolean awaitLogon(final long timeoutMs) throws InterruptedException
        {
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while (!loggedOn && System.nanoTime() < deadline)
            {
                Thread.sleep(5);
            }
            return loggedOn;
        }

        void measureFrom(final long nanos)
        {
            measureFrom = nanos;
        }

        public void fromApp(final Message message, final SessionID sessionId) throws FieldNotFound
        {
            final long now = System.nanoTime();
            if (!"8".equals(message.getHeader().getString(35)) || '0' != message.getChar(150))
            {
                return;
            }
            final String clOrdId = message.getString(11);
            final int index = Integer.parseInt(clOrdId, 1, clOrdId.length(), 10);
            if (index < intended.length && intended[index] >= measureFrom)
            {
                orderToAck.recordInterval(intended[index], now);
                counts.acknowledged.incrementAndGet();
            }
        }

        public void onCreate(final SessionID sessionId)
        {
        }

        public void onLogon(final SessionID sessionId)
        {
            loggedOn = true;
        }

        public void onLogout(final SessionID sessionId)
        {
            loggedOn = false;
        }

        public void toAdmin(final Message message, final SessionID sessionId)
        {
        }

        public void fromAdmin(final Message message, final SessionID sessionId)
        {
        }

        public void toApp(final Message message, final SessionID sessionId)
        {
        }

        public void close()
        {
            if (null != initiator)
            {
                initiator.stop(true);
            }
        }
    }
}
