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

import io.aeron.cluster.client.AeronCluster;
import io.aeron.driver.MediaDriver;
import io.tickwire.fix.cli.OpenLoopOrderClient;
import io.tickwire.fix.cluster.ClusterConfiguration;
import io.tickwire.fix.cluster.EchoClusteredService;
import io.tickwire.fix.cluster.MatchingService;
import io.tickwire.fix.cluster.MemberWakeUps;
import io.tickwire.fix.gateway.Gateway;
import io.tickwire.fix.gateway.GatewayConfiguration;
import io.tickwire.fix.gateway.GatewayContext;
import io.tickwire.fix.session.Instruments;
import io.tickwire.perf.harness.Scenario;
import io.tickwire.perf.harness.ScenarioContext;
import org.agrona.IoUtil;
import quickfix.ConfigError;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Order to ExecutionReport(New) round trip over loopback TCP, open loop, for the Tickwire gateway (in-process
 * engine, with audit, on Aeron Cluster) and for a bare QuickFIX/J acceptor with the same settings, side by side in
 * one run, with the cluster's own echo round trip as the floor of the clustered targets.
 * <pre>
 *  OpenLoopOrderClient (initiator) ──TCP──▶ GATEWAY: SocketAcceptor ─▶ command ring ─▶ engine ─▶ event ring ─▶ sender
 *                                  ◀──TCP── ExecutionReport(New)
 *  OpenLoopOrderClient (initiator) ──TCP──▶ BARE: SocketAcceptor fromApp ─▶ ExecutionReport(New)
 *  OpenLoopOrderClient (initiator) ──TCP──▶ GATEWAY_CLUSTER_n: SocketAcceptor ─▶ command ring ─▶ cluster client ─UDP─▶
 *      n members (MatchingService; log replicated and committed) ─UDP─▶ cluster client ─▶ event ring ─▶ sender
 *  OpenLoopEchoClient ─UDP─▶ CLUSTER_ECHO_n: the same n members with EchoClusteredService ─UDP─▶ OpenLoopEchoClient
 * </pre>
 * Latency is from each order's (message's) intended send time (no coordinated omission). Everything shares the JVM
 * and the machine's cores: compare the targets within one run, not absolute figures across machines.
 * {@link ClusterTargets} checks the clustered targets against the others of the same run.
 * <p>
 * {@link #run(Target, int, int, int)} is the entry point for other harnesses; {@link #main} prints the
 * comparison at 1 k and 10 k orders/s and the highest rate sustained.
 */
public final class FixLatency implements Scenario
{
    /**
     * What answers the orders.
     */
    public enum Target
    {
        /**
         * The Tickwire gateway: stamp, risk, rings, matching engine, report sender (no market data channel).
         */
        GATEWAY,

        /**
         * The gateway with its audit trail on, {@code TickwireAuditSync=fsync} (the default): every
         * ExecutionReport waits for its audit record's group commit ({@code fdatasync}).
         */
        GATEWAY_AUDIT_FSYNC,

        /**
         * The gateway with its audit trail on, {@code TickwireAuditSync=write}: every ExecutionReport waits for its
         * audit record to be written to the kernel (survives a gateway crash, not a host crash).
         */
        GATEWAY_AUDIT_WRITE,

        /**
         * A bare QuickFIX/J acceptor acknowledging from fromApp.
         */
        BARE,

        /**
         * The gateway with an embedded one-member cluster ({@code GatewayContext.clusterDirectory}): an order is
         * acknowledged once the cluster has committed it; the gateway's cluster client shares the member's driver.
         */
        GATEWAY_CLUSTER_1,

        /**
         * The round trip of a 32-byte message through a one-member cluster configured as {@link #GATEWAY_CLUSTER_1}'s
         * running {@link EchoClusteredService}, client on the member's driver: the floor under
         * {@link #GATEWAY_CLUSTER_1}'s cluster leg.
         */
        CLUSTER_ECHO_1,

        /**
         * The gateway as a client ({@code TickwireClusterMembers}, on its own embedded driver) of three members in
         * this JVM on loopback running {@link MatchingService}: acknowledged once a majority has the command.
         */
        GATEWAY_CLUSTER_3,

        /**
         * The round trip of a 32-byte message through three members configured as {@link #GATEWAY_CLUSTER_3}'s
         * running {@link EchoClusteredService}, client on a driver configured as the gateway's.
         */
        CLUSTER_ECHO_3;

        /**
         * @return the number of cluster members of a clustered target, 0 for the others.
         */
        public int clusterMembers()
        {
            switch (this)
            {
                case GATEWAY_CLUSTER_1:
                case CLUSTER_ECHO_1:
                    return 1;
                case GATEWAY_CLUSTER_3:
                case CLUSTER_ECHO_3:
                    return 3;
                default:
                    return 0;
            }
        }

        /**
         * @return whether the target is a cluster echo (no FIX).
         */
        public boolean isEcho()
        {
            return this == CLUSTER_ECHO_1 || this == CLUSTER_ECHO_3;
        }
    }

    /**
     * How long the members of a clustered target may take to elect a leader (FINDINGS: three members 0.85-1.19 s from
     * the first launch on an idle machine).
     */
    private static final long ELECTION_TIMEOUT_SECONDS = 30;

    /**
     * How long a client may take to open its session once a leader is elected.
     */
    private static final long CONNECT_TIMEOUT_MS = 10_000;

    /**
     * How long to wait for the last answers after the last send.
     */
    private static final long ANSWER_TIMEOUT_MS = 60_000;

    /**
     * The gateway needs {@code TickwireMarketDataChannel} for an embedded driver, on which its cluster client runs
     * when the members are elsewhere. Nothing is published on it then (book updates come from the members' service,
     * which has no listener here): IPC with a small term keeps it cheap.
     */
    private static final String CLUSTER_CLIENT_MARKET_DATA_CHANNEL = "aeron:ipc?term-length=64k";

    /**
     * One measurement.
     *
     * @param target what answered.
     * @param client the load client's measurement.
     */
    public record Result(Target target, OpenLoopOrderClient.Result client)
    {
        /**
         * @return one line.
         */
        public String format()
        {
            return String.format("%-19s %s", target, client.format());
        }
    }

    /**
     * For the bench harness ({@code ScenarioCatalog} creates it by name).
     */
    public FixLatency()
    {
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return "fix-latency";
    }

    /**
     * {@inheritDoc}
     */
    public String description()
    {
        return "FIX order -> ExecutionReport(New) round trip over loopback, open loop at 1 k and 10 k orders/s, " +
            "gateway (without audit, audit sync=fsync, audit sync=write, on a 1- and a 3-member Aeron Cluster) vs " +
            "bare QuickFIX/J acceptor and the clusters' echo round trip, and the highest acknowledged rate; " +
            "cluster targets checked MET / NOT MET";
    }

    /**
     * {@inheritDoc}
     */
    public void run(final ScenarioContext context) throws Exception
    {
        context.threadPlan("client: QuickFIX/J initiator + sender thread; gateway: QuickFIX/J SocketAcceptor " +
            "thread, matching engine and report sender agents (one thread below 4 cores), audit writer when " +
            "audited (" +
            gatewayIdle() + " idle, audit writer " +
            System.getProperty("tickwire.gateway.audit.idle", GatewayConfiguration.AUDIT_IDLE_STRATEGY_DEFAULT) +
            "); bare: QuickFIX/J SocketAcceptor thread");
        final String memberIdle = ClusterConfiguration.idleStrategy();
        context.threadPlan("cluster members (all targets *CLUSTER*): per member media driver (shared) + archive " +
            "(shared) + consensus module + service = 4 threads, idle " + memberIdle + " (tickwire.cluster.idle" +
            ".strategy), loopback UDP (n = 3; n = 1: log, ingress and egress over IPC, as the gateway's embedded " +
            "member), ports 18000-19999; a fresh directory per run under " +
            LocalCluster.scratchRoot() + (LocalCluster.onShm() ? " (tmpfs: the archive never touches a disk)" :
            " (no /dev/shm here: the archive writes to this filesystem)") + ", deleted after the run");
        context.threadPlan("GATEWAY_CLUSTER_1: the gateway above with an embedded member (MatchingService); its " +
            "order thread is the cluster client, on the member's driver; 4 member threads");
        context.threadPlan("GATEWAY_CLUSTER_3: 3 members (MatchingService) in this JVM, 12 threads; the gateway " +
            "above as their client (TickwireClusterMembers) on its embedded driver (shared, backoff), +1 thread");
        context.threadPlan("CLUSTER_ECHO_n: the same members running EchoClusteredService, " +
            OpenLoopEchoClient.MESSAGE_LENGTH + "-byte messages; client on the scenario thread (sends open loop, " +
            "polls egress; idles as the gateway's order thread, " + gatewayIdle() + ", never parking into the " +
            "last 100 us before a send), on member 0's driver (n = 1) or a driver configured as the gateway's " +
            "(n = 3)");
        final double measureSeconds = context.measureNanos() / 1e9;
        final double warmupSeconds = context.warmupNanos() / 1e9;
        final Map<String, Map<Target, Result>> byRun = new LinkedHashMap<>();
        for (final int rate : new int[]{ 1_000, 10_000 })
        {
            final String run = rate + "/s";
            final Map<Target, Result> results = new EnumMap<>(Target.class);
            byRun.put(run, results);
            final Result[] pair = new Result[Target.values().length];
            for (final Target target : Target.values())
            {
                final Result result = run(target, rate, (int)Math.max(100, rate * measureSeconds),
                    (int)(rate * warmupSeconds));
                pair[target.ordinal()] = result;
                results.put(target, result);
                context.log(result.format());
                final String series = target.name().toLowerCase();
                final OpenLoopOrderClient.Result client = result.client();
                context.metric(run, series, "p50", client.micros(50), "us");
                context.metric(run, series, "p90", client.micros(90), "us");
                context.metric(run, series, "p99", client.micros(99), "us");
                context.metric(run, series, "p99.9", client.micros(99.9), "us");
                context.metric(run, series, "achieved", client.achievedRate(), "orders/s");
                context.metric(run, series, "unanswered",
                    client.orders() - client.acknowledged() - client.rejected(), "orders");
            }
            final double bareP50 = pair[Target.BARE.ordinal()].client().micros(50);
            context.metric(run, "gateway/bare", "p50-ratio",
                pair[Target.GATEWAY.ordinal()].client().micros(50) / bareP50, "x");
            context.metric(run, "gateway-audit-fsync/bare", "p50-ratio",
                pair[Target.GATEWAY_AUDIT_FSYNC.ordinal()].client().micros(50) / bareP50, "x");
            context.metric(run, "gateway-audit-write/bare", "p50-ratio",
                pair[Target.GATEWAY_AUDIT_WRITE.ordinal()].client().micros(50) / bareP50, "x");
        }
        final int offered = context.quick() ? 20_000 : 50_000;
        final Map<Target, Result> max = new EnumMap<>(Target.class);
        for (final Target target : Target.values())
        {
            final Result result = run(target, offered, context.quick() ? offered : offered * 2, offered / 5);
            max.put(target, result);
            context.log("throughput " + result.format());
            context.metric(ClusterTargets.MAX_RUN, target.name().toLowerCase(), "throughput",
                result.client().achievedRate(), "orders/s");
        }

        for (final ClusterTargets.Check check : ClusterTargets.evaluate(byRun, max))
        {
            context.log("TARGET " + check.line());
            context.metric(check.run(), check.series(), check.metric() + "-measured", check.measured(), check.unit());
            context.metric(check.run(), check.series(), check.metric() + "-target", check.target(), check.unit());
            context.metric(check.run(), check.series(), check.metric() + "-ratio", check.ratio(), "x");
            context.metric(check.run(), check.series(), check.metric() + "-met", check.met() ? 1 : 0, "met");
        }
    }

    /**
     * Start the target on a free port with its own store directory, warm up, measure, stop.
     *
     * @param target what answers.
     * @param rate   orders per second.
     * @param orders orders measured.
     * @param warmup orders sent first and not measured.
     * @return the result.
     * @throws Exception if the target or the client cannot start.
     */
    public static Result run(final Target target, final int rate, final int orders, final int warmup)
        throws Exception
    {
        if (target.isEcho())
        {
            return runEcho(target, rate, orders, warmup);
        }
        final Path dir = Files.createTempDirectory("tickwire-fixlatency");
        final int port = freePort();
        final SessionSettings settings = settings(dir, port);
        try
        {
            return runOrders(target, rate, orders, warmup, dir, port, settings);
        }
        finally
        {
            // QuickFIX/J store and audit journal of this run only: tens of MB each, not to pile up in /tmp.
            IoUtil.delete(dir.toFile(), true);
        }
    }

    private static Result runOrders(
        final Target target,
        final int rate,
        final int orders,
        final int warmup,
        final Path dir,
        final int port,
        final SessionSettings settings) throws Exception
    {
        // Members (or the embedded member's directory and ports) outlive the gateway: closed after it.
        try (LocalCluster cluster = cluster(target, settings))
        {
            final AutoCloseable server;
            switch (target)
            {
                case GATEWAY:
                    server = Gateway.launch(new GatewayContext().settings(settings));
                    break;
                case GATEWAY_AUDIT_FSYNC:
                case GATEWAY_AUDIT_WRITE:
                    settings.setString(GatewayConfiguration.AUDIT_SYNC_PROP_NAME,
                        target == Target.GATEWAY_AUDIT_FSYNC ? "fsync" : "write");
                    server = Gateway.launch(
                        new GatewayContext().settings(settings).auditDirectory(dir.resolve("audit")));
                    break;
                case GATEWAY_CLUSTER_1:
                    settings.setLong(GatewayConfiguration.CLUSTER_BASE_PORT_PROP_NAME, cluster.basePort());
                    server = Gateway.launch(
                        new GatewayContext().settings(settings).clusterDirectory(cluster.memberDir(0)));
                    break;
                case GATEWAY_CLUSTER_3:
                    settings.setString(GatewayConfiguration.CLUSTER_MEMBERS_PROP_NAME, cluster.ingressEndpoints());
                    settings.setString(GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME,
                        CLUSTER_CLIENT_MARKET_DATA_CHANNEL);
                    settings.setString(GatewayConfiguration.AERON_DIR_PROP_NAME,
                        cluster.dir().resolve("gateway-aeron").toString());
                    server = Gateway.launch(new GatewayContext().settings(settings));
                    break;
                default:
                    server = new BareAckAcceptor(settings);
                    break;
            }
            try (server;
                OpenLoopOrderClient client = new OpenLoopOrderClient(
                    "127.0.0.1", port, "FIX.4.4", "CLIENT1", "TWGW", null, null, "AAPL", new BigDecimal("150")))
            {
                if (!client.awaitLogon(10_000))
                {
                    throw new IllegalStateException("load client could not log on to " + target);
                }
                if (warmup > 0)
                {
                    client.run(warmup, rate, 30_000);
                }
                return new Result(target, client.run(orders, rate, ANSWER_TIMEOUT_MS));
            }
        }
    }

    /**
     * The clustered targets' members: ports and a directory for the gateway's embedded member, three running
     * members for the gateway as a client; null for the other targets.
     */
    private static LocalCluster cluster(final Target target, final SessionSettings settings)
        throws IOException, ConfigError
    {
        switch (target)
        {
            case GATEWAY_CLUSTER_1:
                return LocalCluster.reserve(1);
            case GATEWAY_CLUSTER_3:
                // The service the gateway's embedded member would run, for the gateway's instruments.
                final int[] instrumentIds =
                    Instruments.parse(settings.getString(GatewayConfiguration.INSTRUMENTS_PROP_NAME)).instrumentIds();
                return LocalCluster.launch(target.clusterMembers(), () -> new MatchingService(instrumentIds,
                    GatewayConfiguration.RETAINED_FINISHED_ORDERS_DEFAULT, null),
                    ELECTION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            default:
                return null;
        }
    }

    /**
     * Launch the members with the echo service, connect an {@link OpenLoopEchoClient} as the gateway's cluster
     * client would be connected, send warm-up and measured messages on one schedule, close everything.
     */
    private static Result runEcho(final Target target, final int rate, final int messages, final int warmup)
        throws IOException
    {
        final boolean sharesMemberDriver = 1 == target.clusterMembers();
        try (LocalCluster cluster = LocalCluster.launch(target.clusterMembers(), EchoClusteredService::new,
                ELECTION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            MediaDriver clientDriver = sharesMemberDriver ? null : cluster.launchClientDriver())
        {
            final String aeronDir = sharesMemberDriver ?
                cluster.members().get(0).aeronDirectoryName() : clientDriver.aeronDirectoryName();
            final OpenLoopEchoClient echo = OpenLoopEchoClient.idlingLikeGateway(gatewayIdle());
            final MemberWakeUps wakeUps = sharesMemberDriver ? cluster.members().get(0).context().wakeUps() : null;
            if (null != wakeUps)
            {
                // As the gateway's order thread and its embedded member wake each other.
                wakeUps.egressWaker(echo::wake);
                echo.wakeOnIngress(wakeUps::wakeConsensusModule);
            }
            try (AeronCluster client = cluster.connect(aeronDir, echo, CONNECT_TIMEOUT_MS))
            {
                return new Result(target, echo.cluster(client).run(messages, rate, warmup, ANSWER_TIMEOUT_MS));
            }
        }
    }

    private static String gatewayIdle()
    {
        return System.getProperty("tickwire.gateway.idle", "backoff");
    }

    /**
     * Settings shared by both targets: FileStore, microsecond timestamps, data dictionary validation.
     *
     * @param dir  store directory.
     * @param port acceptor port.
     * @return settings.
     */
    public static SessionSettings settings(final Path dir, final int port)
    {
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "acceptor");
        settings.setString("SocketAcceptAddress", "127.0.0.1");
        settings.setLong("SocketAcceptPort", port);
        settings.setString("SenderCompID", "TWGW");
        settings.setString("StartTime", "00:00:00");
        settings.setString("EndTime", "00:00:00");
        settings.setLong("HeartBtInt", 30);
        settings.setString("SocketTcpNoDelay", "Y");
        // -Dtickwire.bench.store.dir puts QuickFIX/J's FileStore on another filesystem than the audit journal.
        final String storeDir = System.getProperty("tickwire.bench.store.dir");
        settings.setString("FileStorePath", null == storeDir ?
            dir.resolve("store").toString() : Path.of(storeDir, dir.getFileName().toString()).toString());
        settings.setString("TimeStampPrecision", "MICROS");
        settings.setString("UseDataDictionary", "Y");
        settings.setString(GatewayConfiguration.INSTRUMENTS_PROP_NAME, "AAPL:1");
        // Shutdown between runs must not cancel the whole book; the idle strategy can be compared from outside.
        settings.setString("TickwireCancelOnDisconnect", "N");
        settings.setString(GatewayConfiguration.IDLE_STRATEGY_PROP_NAME, gatewayIdle());
        settings.setString(GatewayConfiguration.AUDIT_IDLE_STRATEGY_PROP_NAME,
            System.getProperty("tickwire.gateway.audit.idle", GatewayConfiguration.AUDIT_IDLE_STRATEGY_DEFAULT));
        final SessionID sessionId = new SessionID("FIX.4.4", "TWGW", "CLIENT1");
        settings.setString(sessionId, "BeginString", "FIX.4.4");
        settings.setString(sessionId, "TargetCompID", "CLIENT1");
        return settings;
    }

    /**
     * Print the side-by-side comparison.
     *
     * @param args optional: seconds per measured run (default 5), offered rate of the throughput run (default
     *             50000).
     * @throws Exception on failure.
     */
    public static void main(final String[] args) throws Exception
    {
        final int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        final int offered = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        System.out.println("cores=" + Runtime.getRuntime().availableProcessors() +
            " (client, QuickFIX/J threads, the gateway agents and the cluster members share them); cluster " +
            "directories under " + LocalCluster.scratchRoot());
        final Map<String, Map<Target, Result>> byRun = new LinkedHashMap<>();
        for (final int rate : new int[]{ 1_000, 10_000 })
        {
            final Map<Target, Result> results = new EnumMap<>(Target.class);
            byRun.put(rate + "/s", results);
            for (final Target target : Target.values())
            {
                final Result result = run(target, rate, rate * seconds, rate * 2);
                results.put(target, result);
                System.out.println(result.format());
            }
        }
        for (final Map<Target, Result> results : byRun.values())
        {
            final Result bare = results.get(Target.BARE);
            for (final Target target : Target.values())
            {
                if (Target.BARE == target || target.isEcho())
                {
                    continue;
                }
                final Result result = results.get(target);
                System.out.printf("rate %d/s: %s/bare p50 = %.2f, p99 = %.2f%n", result.client().rate(),
                    target, result.client().micros(50) / bare.client().micros(50),
                    result.client().micros(99) / bare.client().micros(99));
            }
        }
        final Map<Target, Result> max = new EnumMap<>(Target.class);
        for (final Target target : Target.values())
        {
            final Result result = run(target, offered, offered * 2, offered / 5);
            max.put(target, result);
            System.out.printf("%-19s throughput offered %d/s: achieved %.0f acks/s (%s)%n",
                target, offered, result.client().achievedRate(), result.client().format());
        }
        final List<ClusterTargets.Check> checks = ClusterTargets.evaluate(byRun, max);
        for (final ClusterTargets.Check check : checks)
        {
            System.out.println("TARGET " + check.line());
        }
    }

    static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
