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

import io.tickwire.fix.cli.OpenLoopOrderClient;
import io.tickwire.fix.gateway.Gateway;
import io.tickwire.fix.gateway.GatewayConfiguration;
import io.tickwire.perf.harness.Scenario;
import io.tickwire.perf.harness.ScenarioContext;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Order to ExecutionReport(New) round trip over loopback TCP, open loop, for the Tickwire gateway and for a bare
 * QuickFIX/J acceptor with the same settings, side by side in one run.
 * <pre>
 *  OpenLoopOrderClient (initiator) ──TCP──▶ GATEWAY: SocketAcceptor ─▶ command ring ─▶ engine ─▶ event ring ─▶ sender
 *                                  ◀──TCP── ExecutionReport(New)
 *  OpenLoopOrderClient (initiator) ──TCP──▶ BARE: SocketAcceptor fromApp ─▶ ExecutionReport(New)
 * </pre>
 * Latency is from each order's intended send time (no coordinated omission). Gateway and client share the JVM and
 * the machine's cores: compare the two targets within one run, not absolute figures across machines.
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
        BARE
    }

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
            return String.format("%-8s %s", target, client.format());
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
            "gateway (without audit, audit sync=fsync, audit sync=write) vs bare QuickFIX/J acceptor, and the " +
            "highest acknowledged rate";
    }

    /**
     * {@inheritDoc}
     */
    public void run(final ScenarioContext context) throws Exception
    {
        context.threadPlan("client: QuickFIX/J initiator + sender thread; gateway: QuickFIX/J SocketAcceptor " +
            "thread, matching engine and report sender agents (one thread below 4 cores), audit writer when " +
            "audited (" +
            System.getProperty("tickwire.gateway.idle", "backoff") + " idle, audit writer " +
            System.getProperty("tickwire.gateway.audit.idle", GatewayConfiguration.AUDIT_IDLE_STRATEGY_DEFAULT) +
            "); bare: QuickFIX/J SocketAcceptor thread");
        final double measureSeconds = context.measureNanos() / 1e9;
        final double warmupSeconds = context.warmupNanos() / 1e9;
        for (final int rate : new int[]{ 1_000, 10_000 })
        {
            final String run = rate + "/s";
            final Result[] pair = new Result[Target.values().length];
            for (final Target target : Target.values())
            {
                final Result result = run(target, rate, (int)Math.max(100, rate * measureSeconds),
                    (int)(rate * warmupSeconds));
                pair[target.ordinal()] = result;
                context.log(result.format());
                final String series = target.name().toLowerCase();
                final OpenLoopOrderClient.Result client = result.client();
                context.metric(run, series, "p50", client.micros(50), "us");
                context.metric(run, series, "p90", client.micros(90), "us");
                context.metric(run, series, "p99", client.micros(99), "us");
                context.metric(run, series, "p99.9", client.micros(99.9), "us");
                context.metric(run, series, "achieved", client.achievedRate(), "orders/s");
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
        for (final Target target : Target.values())
        {
            final Result result = run(target, offered, context.quick() ? offered : offered * 2, offered / 5);
            context.log("throughput " + result.format());
            context.metric("max", target.name().toLowerCase(), "throughput", result.client().achievedRate(),
                "orders/s");
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
        final Path dir = Files.createTempDirectory("tickwire-fixlatency");
        final int port = freePort();
        final SessionSettings settings = settings(dir, port);
        final AutoCloseable server;
        switch (target)
        {
            case GATEWAY:
                server = Gateway.launch(new Gateway.Context().settings(settings));
                break;
            case GATEWAY_AUDIT_FSYNC:
            case GATEWAY_AUDIT_WRITE:
                settings.setString(GatewayConfiguration.AUDIT_SYNC_PROP_NAME,
                    target == Target.GATEWAY_AUDIT_FSYNC ? "fsync" : "write");
                server = Gateway.launch(new Gateway.Context().settings(settings).auditDirectory(dir.resolve("audit")));
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
            return new Result(target, client.run(orders, rate, 60_000));
        }
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
        settings.setString(GatewayConfiguration.IDLE_STRATEGY_PROP_NAME,
            System.getProperty("tickwire.gateway.idle", "backoff"));
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
            " (client, QuickFIX/J threads and the gateway agents share them)");
        final List<Result> results = new ArrayList<>();
        for (final int rate : new int[]{ 1_000, 10_000 })
        {
            for (final Target target : Target.values())
            {
                final Result result = run(target, rate, rate * seconds, rate * 2);
                results.add(result);
                System.out.println(result.format());
            }
        }
        final int targets = Target.values().length;
        for (int i = 0; i + targets - 1 < results.size(); i += targets)
        {
            final Result bare = results.get(i + Target.BARE.ordinal());
            for (final Target target :
                new Target[]{ Target.GATEWAY, Target.GATEWAY_AUDIT_FSYNC, Target.GATEWAY_AUDIT_WRITE })
            {
                final Result result = results.get(i + target.ordinal());
                System.out.printf("rate %d/s: %s/bare p50 = %.2f, p99 = %.2f%n", result.client().rate(),
                    target, result.client().micros(50) / bare.client().micros(50),
                    result.client().micros(99) / bare.client().micros(99));
            }
        }
        for (final Target target : Target.values())
        {
            final Result result = run(target, offered, offered * 2, offered / 5);
            System.out.printf("%-8s throughput offered %d/s: achieved %.0f acks/s (%s)%n",
                target, offered, result.client().achievedRate(), result.client().format());
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
