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

import io.aeron.Aeron;
import io.tickwire.agent.cli.TickwireHome;
import io.tickwire.feed.book.BookComparison;
import io.tickwire.feed.book.OrderBook;
import io.tickwire.feed.client.FeedClient;
import io.tickwire.feed.client.FeedClientAgent;
import io.tickwire.feed.client.FeedClientContext;
import io.tickwire.feed.demo.DemoPart;
import io.tickwire.fix.cli.AuditCommand;
import io.tickwire.fix.gateway.Gateway;
import io.tickwire.fix.gateway.GatewayConfiguration;
import io.tickwire.fix.gateway.GatewayContext;
import io.tickwire.fix.session.Instruments;
import org.HdrHistogram.Histogram;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import picocli.CommandLine;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The order half of {@code tickwire demo}: the FIX gateway as shipped (embedded one-member Aeron Cluster, audit
 * journal with its default durability) under the data directory's {@code demo}, a FIX client placing
 * {@link CrossingOrders} that trade, and a feed subscriber building books from the gateway's market data.
 * <pre>
 *   CrossingOrderClient --FIX/TCP--> gateway --cluster--> matching --ClusterMarketData (UDP)--> subscriber D (books)
 *      (open loop)          (audit journal, fsync)                                            order -> tick
 *          ^---------------------- ExecutionReports: order -> ack --------------------------------+
 * </pre>
 * Checks at the end: every order answered (acknowledged, or rejected with its reason counted), trades happened, the
 * trades and book changes on the feed match the fills reported, the subscriber's book equals the book the reports
 * imply (order by order, with the gateway's OrderIDs), and {@code audit verify} of the run's journal is OK.
 */
final class OrderDemo implements DemoPart
{
    /**
     * The example user of the shipped credentials file, accepted here as {@code gateway --demo} accepts it.
     */
    static final String DEMO_USER = "demo";
    static final String DEMO_PASSWORD = "demo-password";
    private static final String SENDER_COMP_ID = "CLIENT1";
    private static final long LOGON_TIMEOUT_MS = 15_000;
    private static final long CONNECT_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);

    private final Path config;
    private final int rate;
    private final long durationNs;
    private final long warmupNs;
    private final String symbol;
    private final CrossingOrders flow;
    private final String channel;
    private final int orders;

    private Path demoDir;
    private Gateway gateway;
    private Aeron aeron;
    private FeedClient subscriberClient;
    private OrderTickSubscriber subscriber;
    private AgentRunner subscriberRunner;
    private CrossingOrderClient client;
    private int instrumentId;
    private long lastSent;
    private long lastStatusNs;

    /**
     * @param config     the gateway's configuration file (ports, directories and market data channel are the demo's).
     * @param rate       orders per second.
     * @param durationNs how long to place orders.
     * @param warmupNs   latency of orders due in the first this many nanoseconds is reported apart.
     * @param symbol     the instrument traded.
     * @param mid        the mid price of the flow.
     * @param channel    the gateway's market data channel, or null for a free UDP port on loopback.
     */
    OrderDemo(
        final Path config,
        final int rate,
        final long durationNs,
        final long warmupNs,
        final String symbol,
        final BigDecimal mid,
        final String channel)
    {
        this.config = config;
        this.rate = rate;
        this.durationNs = durationNs;
        this.warmupNs = warmupNs;
        this.symbol = symbol;
        this.flow = new CrossingOrders(mid);
        this.channel = channel;
        final long planned = Math.max(2, rate * durationNs / TimeUnit.SECONDS.toNanos(1)) & ~1L;
        if (planned > CrossingOrders.MAX_ORDERS)
        {
            throw new IllegalArgumentException("--order-rate x --duration asks for " + planned + " orders; the " +
                "demo's flow holds at most " + CrossingOrders.MAX_ORDERS);
        }
        orders = (int)planned;
    }

    /**
     * {@inheritDoc}
     */
    public void start(final PrintWriter out) throws Exception
    {
        TickwireHome.publish();
        demoDir = TickwireHome.dataDir().resolve("demo");
        if (Files.exists(demoDir))
        {
            IoUtil.delete(demoDir.toFile(), false); // the previous run's gateway data: each run starts afresh
        }
        Files.createDirectories(demoDir);
        final SessionSettings settings = DemoGatewaySettings.of(config, demoDir, channel);
        final String mdChannel = settings.getString(GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME);
        final int mdStream = settings.isSetting(GatewayConfiguration.MARKET_DATA_STREAM_ID_PROP_NAME) ?
            (int)settings.getLong(GatewayConfiguration.MARKET_DATA_STREAM_ID_PROP_NAME) :
            GatewayConfiguration.MARKET_DATA_STREAM_ID_DEFAULT;
        final int port = (int)settings.getLong(new SessionID("DEFAULT", "", ""), "SocketAcceptPort");

        out.printf(Locale.ROOT, "orders: %,d crossing orders (%,d trades) at %,d orders/s on %s through the FIX " +
            "gateway (config %s, data %s, replaced by the next run)%n", orders, orders / 2, rate, symbol, config,
            demoDir);
        gateway = Gateway.launch(new GatewayContext()
            .settings(settings)
            .auditDirectory(demoDir.resolve("audit")));
        instrumentId = gateway.instruments().instrumentId(symbol);
        if (Instruments.UNKNOWN == instrumentId)
        {
            throw new IllegalArgumentException("--symbol " + symbol + " is not an instrument of the gateway: " +
                gateway.instruments());
        }
        out.println("gateway: FIX on 127.0.0.1:" + port + ", order path: " + (null == gateway.clusterPath() ?
            "matching engine in this process" : gateway.clusterPath().description()));
        out.println("gateway: audit journal " + gateway.auditTrail().context().directory() + " (sync=" +
            gateway.auditTrail().sync().name().toLowerCase(Locale.ROOT) + "), market data " + mdChannel +
            " stream " + mdStream);
        out.println("gateway threads: " + gateway.threadPlan());
        out.println("order client: one sender thread (sleeps until each order is due, yields the last 100 us) + " +
            "QuickFIX/J initiator threads; subscriber D: one thread, back-off idle");
        out.flush();

        client = new CrossingOrderClient(port, SENDER_COMP_ID, "TWGW", DEMO_USER, DEMO_PASSWORD, symbol, flow,
            orders, warmupNs);
        subscriber = new OrderTickSubscriber(flow, client.intendedNanos());
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(gateway.aeronDirectoryName()));
        subscriberClient = FeedClient.connect(new FeedClientContext()
            .aeron(aeron)
            .channel(mdChannel)
            .streamId(mdStream)
            .snapshotRequest(null, 0) // subscribed before the first order: nothing to recover
            .orderListener(subscriber));
        subscriberRunner = new AgentRunner(new BackoffIdleStrategy(), Throwable::printStackTrace, null,
            new FeedClientAgent(subscriberClient));
        AgentRunner.startOnThread(subscriberRunner);

        final long connectDeadline = System.nanoTime() + CONNECT_TIMEOUT_NS;
        while (!subscriberClient.isConnected())
        {
            if (System.nanoTime() > connectDeadline)
            {
                throw new IllegalStateException("subscriber D did not connect to the gateway's market data " +
                    mdChannel);
            }
            Thread.sleep(5);
        }
        if (!client.awaitLogon(LOGON_TIMEOUT_MS))
        {
            throw new IllegalStateException("the FIX client could not log on as " + SENDER_COMP_ID + " (user " +
                DEMO_USER + "): " + (null != client.refusal() ? client.refusal() : "no Logon answer"));
        }
        final long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        client.startSending(rate, start);
        subscriber.warmupEnds(start + warmupNs);
        lastStatusNs = System.nanoTime();
    }

    /**
     * {@inheritDoc}
     */
    public void step(final long nowNs, final PrintWriter out)
    {
    }

    /**
     * {@inheritDoc}
     */
    public String status()
    {
        final long now = System.nanoTime();
        final long sent = client.sent();
        final double seconds = Math.max(1e-9, (now - lastStatusNs) / 1e9);
        final String line = String.format(Locale.ROOT, "orders: sent %,d (%,.0f/s) | acked %,d rejected %,d " +
            "fills %,d | D adds %,d executions %,d", sent, (sent - lastSent) / seconds, client.acknowledged(),
            client.rejected(), client.fills(), subscriber.adds(), subscriber.executions());
        lastSent = sent;
        lastStatusNs = now;
        return line;
    }

    /**
     * @return whether every order is placed and answered, and the feed shows every trade the reports announced.
     */
    public boolean isComplete()
    {
        return client.isSettled() && 2 * subscriber.executions() >= client.fills() &&
            subscriber.ordersSeen() + subscriber.unknownTicks() >= client.acknowledged();
    }

    /**
     * {@inheritDoc}
     */
    public void finish(final List<String> failures, final PrintWriter out) throws Exception
    {
        CloseHelper.closeAll(subscriberRunner);
        subscriberRunner = null;
        final long sent = client.sent();
        final long acked = client.acknowledged();
        final long rejected = client.rejected();
        final long trades = client.fills() / 2;
        if (sent != orders)
        {
            failures.add("orders: " + (orders - sent) + " of " + orders + " orders were not sent (session ended: " +
                client.refusal() + ")");
        }
        if (acked + rejected != sent || client.otherRejects() > 0)
        {
            failures.add("orders: " + sent + " sent, " + acked + " acknowledged, " + rejected + " rejected, " +
                client.otherRejects() + " other rejects: not every order was answered by an ExecutionReport");
        }
        if (0 == trades)
        {
            failures.add("orders: no trade happened");
        }
        if (subscriber.executions() != trades || 2 * subscriber.executedQuantity() != client.filledQuantity())
        {
            failures.add("orders: the feed shows " + subscriber.executions() + " executions of " +
                subscriber.executedQuantity() + " while the reports show " + trades + " trades of " +
                client.filledQuantity() / 2);
        }
        if (subscriber.ordersSeen() != acked || subscriber.unknownTicks() != 0)
        {
            failures.add("orders: " + subscriber.ordersSeen() + " of " + acked + " acknowledged orders seen on the " +
                "feed, " + subscriber.unknownTicks() + " book changes of no order of the run");
        }
        if (subscriberClient.gaps() != 0 || subscriberClient.duplicates() != 0 ||
            subscriberClient.totalBookErrors() != 0)
        {
            failures.add("orders: subscriber D: gaps " + subscriberClient.gaps() + ", duplicates " +
                subscriberClient.duplicates() + ", book errors " + subscriberClient.totalBookErrors());
        }
        final OrderBook expected = expectedBook();
        final String difference = BookComparison.firstDifference(expected, subscriberClient.book(instrumentId));
        if (null != difference)
        {
            failures.add("orders: subscriber D's " + symbol + " book differs from the one the reports imply: " +
                difference);
        }

        out.printf(Locale.ROOT, "orders summary: sent %,d of %,d, acknowledged %,d, rejected %,d%s, trades %,d " +
            "(filled %,d each side)%n", sent, orders, acked, rejected, reasons(client.rejectReasons()), trades,
            client.filledQuantity() / 2);
        out.printf(Locale.ROOT, "  subscriber D: applied %,d (AddOrder %,d, OrderExecuted %,d), gaps %d, " +
            "book errors %d; %s book %s: %,d orders%n", subscriberClient.messagesApplied(), subscriber.adds(),
            subscriber.executions(), subscriberClient.gaps(), subscriberClient.totalBookErrors(), symbol,
            null == difference ? "equals the one the ExecutionReports imply" : "DIFFERS", expected.orderCount());
        out.printf(Locale.ROOT, "  latency order -> ack  (after warm-up): %s%n",
            percentiles(client.ackRecorder(false).getIntervalHistogram()));
        out.printf(Locale.ROOT, "  latency order -> tick (after warm-up): %s%n",
            percentiles(subscriber.tickRecorder(false).getIntervalHistogram()));
        out.printf(Locale.ROOT, "  warm-up (first %d s, apart): order -> ack %s; order -> tick %s%n",
            TimeUnit.NANOSECONDS.toSeconds(warmupNs), percentiles(client.ackRecorder(true).getIntervalHistogram()),
            percentiles(subscriber.tickRecorder(true).getIntervalHistogram()));

        // The journal is verified once the gateway has closed it, as an auditor would: every record written. The
        // client's logout makes the gateway cancel its resting orders (cancel on disconnect); closing, the gateway
        // answers and journals them all before its stores and journal close.
        final Path auditDir = gateway.auditTrail().context().directory();
        CloseHelper.closeAll(client);
        client = null;
        CloseHelper.closeAll(gateway);
        gateway = null;
        verifyJournal(auditDir, failures, out);
    }

    private OrderBook expectedBook()
    {
        // What the ExecutionReports say rests: every acknowledged order with open quantity, in the order placed
        // (each price has one order of the run, so time priority within a level is not at stake).
        final OrderBook book = new OrderBook(instrumentId);
        final long sent = client.sent();
        for (int i = 0; i < sent; i++)
        {
            final long leaves = client.leavesQuantity(i);
            if (0 != client.orderId(i) && leaves > 0 && !client.isRejected(i))
            {
                book.add(client.orderId(i), CrossingOrders.side(i), flow.price(i), leaves);
            }
        }
        return book;
    }

    private static void verifyJournal(final Path auditDir, final List<String> failures, final PrintWriter out)
    {
        final StringWriter text = new StringWriter();
        final int exit = new CommandLine(new AuditCommand())
            .setOut(new PrintWriter(text, true))
            .setErr(new PrintWriter(text, true))
            .execute("verify", auditDir.toString());
        final String[] lines = text.toString().strip().split("\\R");
        final String verdict = lines[lines.length - 1];
        out.println("  audit verify " + auditDir + ": " + verdict);
        if (0 != exit)
        {
            for (final String line : lines)
            {
                out.println("    " + line);
            }
            failures.add("orders: audit verify of the run's journal: " + verdict);
        }
    }

    private static String reasons(final Map<String, Long> reasons)
    {
        if (reasons.isEmpty())
        {
            return "";
        }
        final StringBuilder sb = new StringBuilder(" (");
        for (final Map.Entry<String, Long> entry : reasons.entrySet())
        {
            sb.append(sb.length() > 2 ? "; " : "").append(entry.getValue()).append("x ").append(entry.getKey());
        }
        return sb.append(')').toString();
    }

    private static String percentiles(final Histogram histogram)
    {
        return String.format(Locale.ROOT, "p50 %s p90 %s p99 %s max %s (%,d samples)",
            micros(histogram.getValueAtPercentile(50)), micros(histogram.getValueAtPercentile(90)),
            micros(histogram.getValueAtPercentile(99)), micros(histogram.getMaxValue()), histogram.getTotalCount());
    }

    private static String micros(final long nanos)
    {
        return String.format(Locale.ROOT, "%.1fus", nanos / 1000.0);
    }

    /**
     * {@inheritDoc}
     */
    public void close()
    {
        CloseHelper.closeAll(subscriberRunner, client);
        CloseHelper.quietClose(subscriberClient);
        CloseHelper.closeAll(aeron, gateway);
    }
}
