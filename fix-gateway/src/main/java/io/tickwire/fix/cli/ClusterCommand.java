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

import io.tickwire.fix.audit.AuditSealKey;
import io.tickwire.fix.cluster.ClusterConfiguration;
import io.tickwire.fix.cluster.ClusterMarketData;
import io.tickwire.fix.cluster.ClusterMember;
import io.tickwire.fix.cluster.ClusterMemberContext;
import io.tickwire.fix.cluster.MatchingService;
import io.tickwire.fix.gateway.GatewayConfiguration;
import io.tickwire.fix.session.Instruments;
import org.agrona.concurrent.ShutdownSignalBarrier;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import quickfix.ConfigError;
import quickfix.FieldConvertError;
import quickfix.SessionSettings;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code tickwire cluster}: run the members of the Aeron Cluster that sequences and matches orders for gateways
 * started with {@code --cluster-members}. {@code cluster node} runs one member (media driver, archive, consensus
 * module, {@link MatchingService}) in this process until SIGINT or SIGTERM; while it leads, it publishes the books'
 * changes on the market data feed and answers snapshot requests ({@link ClusterMarketData}).
 */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = "Run members of the matching cluster (Aeron Cluster) that gateways send orders to.",
    subcommands = { ClusterCommand.Node.class })
public final class ClusterCommand implements Runnable
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Without a subcommand: usage.
     */
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code cluster node}: one member of a matching cluster. Every member of a cluster is given the same host list,
     * base port and instruments; each its own member id and directory.
     */
    @Command(
        name = "node",
        mixinStandardHelpOptions = true,
        description = {
            "Run one member of a matching cluster until SIGINT/SIGTERM: media driver, archive, consensus module " +
                "and the matching engine as a clustered service.",
            "Give every member the same --members, --base-port and instruments; member N uses UDP ports " +
                "P+100*N+1..5 (archive, ingress, consensus, log, catch-up).",
            "State in --dir survives a restart: the member reloads its latest snapshot and replays the log.",
            "While it leads, the member publishes book changes on --market-data (each new leader starts a new " +
                "session that announces itself and restates the books) and answers --snapshot-request." })
    public static final class Node implements Callable<Integer>
    {
        /**
         * How often the member is checked for termination between status lines.
         */
        private static final long POLL_MS = 250;

        @Option(names = "--member-id", required = true, paramLabel = "N",
            description = "This member's id: its index in --members.")
        private int memberId;

        @Option(names = "--members", required = true, paramLabel = "H0,H1,H2",
            description = "Host (name or address) of every member, in member id order, comma separated.")
        private String members;

        @Option(names = "--base-port", paramLabel = "P", defaultValue = "" + ClusterConfiguration.BASE_PORT_DEFAULT,
            description = "First port of member 0's block of " + ClusterConfiguration.PORTS_PER_MEMBER +
            " (default ${DEFAULT-VALUE}).")
        private int basePort;

        @Option(names = "--dir", required = true, paramLabel = "DIR",
            description = "This member's directory: aeron/ (deleted on exit), archive/ and cluster/ (kept).")
        private Path dir;

        @ArgGroup(exclusive = true, multiplicity = "1")
        private InstrumentSource instrumentSource;

        @Option(names = "--retained-finished-orders", paramLabel = "N",
            description = "Finished orders kept for status requests (default: the config's " +
            GatewayConfiguration.RETAINED_FINISHED_ORDERS_PROP_NAME + ", else " +
            GatewayConfiguration.RETAINED_FINISHED_ORDERS_DEFAULT + "). The same on every member.")
        private Integer retainedFinishedOrders;

        @Option(names = "--idle", paramLabel = "STRATEGY", defaultValue = ClusterConfiguration.IDLE_STRATEGY_DEFAULT,
            converter = IdleStrategyName.class,
            description = "Idle strategy of every member thread: backoff (default: no busy spin), " +
            "backoff:SPINS,YIELDS,MIN_PARK_NS,MAX_PARK_NS, yield, or spin (only with a free core per thread).")
        private String idle;

        @Option(names = "--threading", paramLabel = "MODE", defaultValue = ClusterConfiguration.THREADING_DEFAULT,
            converter = ThreadingName.class,
            description = "shared (default: driver on 1 thread, archive on 1; 4 threads in all) or dedicated " +
            "(3 + 3; 8 threads in all).")
        private ClusterMember.Threading threading;

        @Option(names = "--audit-seal-key", paramLabel = "FILE",
            description = "Key the member's audit journal (DIR/audit) is sealed with, created (random, 0600) if " +
            "absent; outside DIR/audit (default: DIR/audit-seal.key).")
        private Path auditSealKeyFile;

        @Option(names = "--market-data", paramLabel = "URI|none",
            description = "Market data channel the leader publishes book changes on, or none (default: the " +
            "config's " + GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME + ", else " +
            ClusterMarketData.CHANNEL_DEFAULT + "). The same on every member.")
        private String marketDataChannel;

        @Option(names = "--market-data-stream", paramLabel = "ID",
            description = "Market data stream id (default: the config's " +
            GatewayConfiguration.MARKET_DATA_STREAM_ID_PROP_NAME + ", else " +
            ClusterMarketData.STREAM_ID_DEFAULT + ").")
        private Integer marketDataStreamId;

        @Option(names = "--snapshot-request", paramLabel = "URI|none",
            defaultValue = ClusterMarketData.SNAPSHOT_REQUEST_CHANNEL_DEFAULT,
            description = "Channel feed clients send snapshot requests on, or none; multicast, so that whichever " +
            "member leads hears them (default ${DEFAULT-VALUE}).")
        private String snapshotRequestChannel;

        @Option(names = "--snapshot-request-stream", paramLabel = "ID",
            defaultValue = "" + ClusterMarketData.SNAPSHOT_REQUEST_STREAM_ID_DEFAULT,
            description = "Snapshot request stream id (default ${DEFAULT-VALUE}).")
        private int snapshotRequestStreamId;

        @Option(names = "--snapshot-response", paramLabel = "URI",
            defaultValue = ClusterMarketData.SNAPSHOT_RESPONSE_CHANNEL_DEFAULT,
            description = "Channel snapshots are sent on (default ${DEFAULT-VALUE}).")
        private String snapshotResponseChannel;

        @Option(names = "--snapshot-response-stream", paramLabel = "ID",
            defaultValue = "" + ClusterMarketData.SNAPSHOT_RESPONSE_STREAM_ID_DEFAULT,
            description = "Snapshot response stream id (default ${DEFAULT-VALUE}).")
        private int snapshotResponseStreamId;

        @Option(names = "--status-interval", paramLabel = "S", defaultValue = "5",
            description = "Seconds between status lines, 0 for none (default ${DEFAULT-VALUE}).")
        private int statusInterval;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        private final AtomicReference<ClusterMember> running = new AtomicReference<>();
        private int[] instrumentIds;
        private int retained;
        private Path sealKeyFile;
        private AuditSealKey sealKey;

        /**
         * Where the instruments come from: a gateway configuration file or a list.
         */
        static final class InstrumentSource
        {
            @Option(names = "--config", paramLabel = "FILE",
                description = "Gateway configuration (QuickFIX/J file) to read " +
                GatewayConfiguration.INSTRUMENTS_PROP_NAME + " and " +
                GatewayConfiguration.RETAINED_FINISHED_ORDERS_PROP_NAME + " from: use the gateway's own.")
            private Path config;

            @Option(names = "--instruments", paramLabel = "SYM:ID,...",
                description = "Instruments, as " + GatewayConfiguration.INSTRUMENTS_PROP_NAME + ", e.g. AAPL:1,MSFT:2.")
            private String instruments;
        }

        /**
         * {@inheritDoc}
         */
        public Integer call() throws Exception
        {
            final PrintWriter out = spec.commandLine().getOut();
            final CountDownLatch stopped = new CountDownLatch(1);
            final ClusterMemberContext ctx = memberContext();
            try
            {
                // Created (or read) only now: the options above are checked before anything is written.
                sealKey = AuditSealKey.loadOrCreate(sealKeyFile, dir.resolve(MatchingService.AUDIT_DIR_NAME));
            }
            catch (final IOException | IllegalArgumentException ex)
            {
                throw usage("--audit-seal-key: cannot use " + sealKeyFile + ": " + ex.getMessage());
            }

            // SIGINT/SIGTERM signal every barrier (as does signalAll in tests); closed last, after the member.
            try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier(stopped::countDown);
                ClusterMember member = ClusterMember.launch(ctx))
            {
                final MatchingService service = (MatchingService)member.service();
                running.set(member);
                printBanner(out, member);
                out.println("audit seals: on, key " + sealKey.file() + (sealKey.created() ? " (created)" : ""));
                final long intervalNs = TimeUnit.SECONDS.toNanos(statusInterval);
                long nextStatusNs = System.nanoTime() + intervalNs;
                while (!awaitStop(stopped))
                {
                    if (member.hasTerminated())
                    {
                        out.println("member " + memberId + " terminated (cluster shutdown or abort): exiting");
                        break;
                    }
                    if (statusInterval > 0 && System.nanoTime() - nextStatusNs >= 0)
                    {
                        nextStatusNs += intervalNs;
                        out.println(status(member, service));
                    }
                }
                out.println("shutting down member " + memberId + ": " + status(member, service));
                running.set(null);
            }
            return 0;
        }

        /**
         * The member's context from the options: validated here so that a bad value is a usage error (exit 2).
         *
         * @return a context whose service supplier makes a new {@link MatchingService} with the instruments.
         * @throws CommandLine.ParameterException for an option value no member could run with.
         */
        ClusterMemberContext memberContext() throws ConfigError, FieldConvertError
        {
            final List<String> hosts;
            try
            {
                hosts = ClusterConfiguration.parseHosts(members);
            }
            catch (final IllegalArgumentException ex)
            {
                throw usage("--members: " + ex.getMessage());
            }
            if (memberId < 0 || memberId >= hosts.size())
            {
                throw usage("--member-id " + memberId + " must index --members (0.." + (hosts.size() - 1) + ")");
            }
            final int lastPort = ClusterConfiguration.memberBasePort(basePort, hosts.size() - 1) +
                ClusterConfiguration.CATCHUP_PORT_OFFSET;
            if (basePort < 1 || lastPort > 65_535)
            {
                throw usage("--base-port " + basePort + " puts the last member's ports above 65535");
            }

            final Path auditDir = dir.resolve(MatchingService.AUDIT_DIR_NAME);
            sealKeyFile = null != auditSealKeyFile ? auditSealKeyFile : AuditSealKey.defaultFile(auditDir);
            try
            {
                AuditSealKey.checkOutside(sealKeyFile, auditDir);
            }
            catch (final IllegalArgumentException ex)
            {
                throw usage("--audit-seal-key: " + ex.getMessage());
            }
            final int[] ids = parseInstrumentIds();
            final int retainedOrders = resolveRetainedFinishedOrders();
            final String mdChannel = resolveMarketDataChannel();
            final int mdStreamId = resolveMarketDataStreamId();
            final String requestChannel = "none".equals(snapshotRequestChannel) ? null : snapshotRequestChannel;
            instrumentIds = ids;
            retained = retainedOrders;
            return new ClusterMemberContext()
                .memberId(memberId)
                .hosts(hosts)
                .basePort(basePort)
                .clusterDir(dir.toFile())
                .idleStrategy(idle)
                .threading(threading)
                .clusteredService(() -> new MatchingService(ids, retainedOrders, null == mdChannel ?
                    null : new ClusterMarketData(mdChannel, mdStreamId, requestChannel,
                    snapshotRequestStreamId, snapshotResponseChannel, snapshotResponseStreamId))
                    .memberAudit(auditDir, sealKey));
        }

        /**
         * @return the member while {@link #call()} runs it, else null (for tests that run the command on a thread).
         */
        ClusterMember runningMember()
        {
            return running.get();
        }

        /**
         * @return the instrument ids the service is built with, once {@link #memberContext()} ran.
         */
        int[] instrumentIds()
        {
            return instrumentIds.clone();
        }

        /**
         * @return the finished orders the service retains, once {@link #memberContext()} ran.
         */
        int retainedFinishedOrders()
        {
            return retained;
        }

        /**
         * The instrument ids in ascending order, so that members given the same instruments in another order build
         * the same engine.
         */
        private int[] parseInstrumentIds() throws ConfigError
        {
            final String list;
            if (null != instrumentSource.config)
            {
                final SessionSettings settings = settings();
                if (!settings.isSetting(GatewayConfiguration.INSTRUMENTS_PROP_NAME))
                {
                    throw usage("--config " + instrumentSource.config + " has no " +
                        GatewayConfiguration.INSTRUMENTS_PROP_NAME);
                }
                list = settings.getString(GatewayConfiguration.INSTRUMENTS_PROP_NAME);
            }
            else
            {
                list = instrumentSource.instruments;
            }

            final int[] ids;
            try
            {
                ids = Instruments.parse(list).instrumentIds();
            }
            catch (final IllegalArgumentException ex)
            {
                throw usage("instruments \"" + list + "\": " + ex.getMessage());
            }
            if (0 == ids.length)
            {
                throw usage("no instruments in \"" + list + "\"");
            }
            Arrays.sort(ids);
            return ids;
        }

        /**
         * @return the market data channel, or null for none.
         */
        private String resolveMarketDataChannel() throws ConfigError
        {
            if (null != marketDataChannel)
            {
                return "none".equals(marketDataChannel) ? null : marketDataChannel;
            }
            if (null != instrumentSource.config &&
                settings().isSetting(GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME))
            {
                return settings().getString(GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME);
            }
            return ClusterMarketData.CHANNEL_DEFAULT;
        }

        private int resolveMarketDataStreamId() throws ConfigError, FieldConvertError
        {
            if (null != marketDataStreamId)
            {
                return marketDataStreamId;
            }
            if (null != instrumentSource.config &&
                settings().isSetting(GatewayConfiguration.MARKET_DATA_STREAM_ID_PROP_NAME))
            {
                return (int)settings().getLong(GatewayConfiguration.MARKET_DATA_STREAM_ID_PROP_NAME);
            }
            return ClusterMarketData.STREAM_ID_DEFAULT;
        }

        private int resolveRetainedFinishedOrders() throws ConfigError, FieldConvertError
        {
            if (null != retainedFinishedOrders)
            {
                return retainedFinishedOrders;
            }
            if (null != instrumentSource.config)
            {
                final SessionSettings settings = settings();
                if (settings.isSetting(GatewayConfiguration.RETAINED_FINISHED_ORDERS_PROP_NAME))
                {
                    return (int)settings.getLong(GatewayConfiguration.RETAINED_FINISHED_ORDERS_PROP_NAME);
                }
            }
            return GatewayConfiguration.RETAINED_FINISHED_ORDERS_DEFAULT;
        }

        private SessionSettings settings() throws ConfigError
        {
            if (!instrumentSource.config.toFile().isFile())
            {
                throw usage("--config " + instrumentSource.config + ": no such file");
            }
            return new SessionSettings(instrumentSource.config.toString());
        }

        private void printBanner(final PrintWriter out, final ClusterMember member)
        {
            final ClusterMemberContext ctx = member.context();
            final int port = ClusterConfiguration.memberBasePort(ctx.basePort(), ctx.memberId());
            final MatchingService service = (MatchingService)member.service();
            out.println("cluster node: member " + ctx.memberId() + " of " + ctx.hosts().size() + " " + ctx.hosts() +
                ", dir " + ctx.clusterDir());
            out.println("ports: archive control " + (port + ClusterConfiguration.ARCHIVE_CONTROL_PORT_OFFSET) +
                ", ingress " + (port + ClusterConfiguration.INGRESS_PORT_OFFSET) +
                ", consensus " + (port + ClusterConfiguration.CONSENSUS_PORT_OFFSET) +
                ", log " + (port + ClusterConfiguration.LOG_PORT_OFFSET) +
                ", catch-up " + (port + ClusterConfiguration.CATCHUP_PORT_OFFSET) + " (UDP, on " +
                ctx.hosts().get(ctx.memberId()) + "; base port " + ctx.basePort() + ")");
            out.println("ingress endpoints: " + member.ingressEndpoints() + " (gateway: --cluster-members " +
                String.join(",", ctx.hosts()) + " --cluster-base-port " + ctx.basePort() + ")");
            out.println("service: matching engine, instrument ids " + Arrays.toString(instrumentIds) +
                ", retained finished orders " + retained);
            final ClusterMarketData marketData = service.marketData();
            out.println(null == marketData ? "market data: off" : "market data: " + marketData.channel() +
                " stream " + marketData.streamId() + " while leading; snapshots: " +
                (null == marketData.requestChannel() ? "off" : "requests " + marketData.requestChannel() +
                ", responses " + marketData.responseChannel()));
            out.println("threads: " + member.threadPlan() + "; " + Runtime.getRuntime().availableProcessors() +
                " cores");
            out.println("aeron dir: " + member.aeronDirectoryName());
            out.println(status(member, service));
        }

        private static String status(final ClusterMember member, final MatchingService service)
        {
            return "status: role=" + member.role() + " election=" + member.electionState() +
                " module=" + member.moduleState() + " commands applied=" + service.commandsApplied() +
                " malformed commands=" + service.malformedCommands() + " undelivered events=" +
                service.undeliveredEvents() + " snapshots=" + member.snapshotCount() + marketDataStatus(service);
        }

        private static String marketDataStatus(final MatchingService service)
        {
            final ClusterMarketData marketData = service.marketData();
            return null == marketData ? "" : " market data=" + (marketData.isPublishing() ? "publishing" : "silent") +
                " epoch=" + marketData.epoch() + " md messages=" + marketData.messagesPublished() +
                " md sessions=" + marketData.sessionsAnnounced() + " md abandoned=" + marketData.sessionsAbandoned() +
                " md snapshots served=" + marketData.snapshotsServed() +
                " md requests refused=" + marketData.snapshotRequestsRefused();
        }

        /**
         * @return true once the barrier was signalled or the thread interrupted; false after the poll interval.
         */
        private static boolean awaitStop(final CountDownLatch stopped)
        {
            try
            {
                return stopped.await(POLL_MS, TimeUnit.MILLISECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return true;
            }
        }

        private CommandLine.ParameterException usage(final String message)
        {
            return new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }

    /**
     * Accepts the idle strategy names {@link ClusterConfiguration#idleStrategySupplier(String)} does.
     */
    static final class IdleStrategyName implements CommandLine.ITypeConverter<String>
    {
        public String convert(final String value)
        {
            try
            {
                ClusterConfiguration.idleStrategySupplier(value);
                return value;
            }
            catch (final IllegalArgumentException ex)
            {
                throw new CommandLine.TypeConversionException(ex.getMessage());
            }
        }
    }

    /**
     * Accepts {@code shared} or {@code dedicated}, any case.
     */
    static final class ThreadingName implements CommandLine.ITypeConverter<ClusterMember.Threading>
    {
        public ClusterMember.Threading convert(final String value)
        {
            try
            {
                return ClusterMember.Threading.parse(value);
            }
            catch (final RuntimeException ex)
            {
                throw new CommandLine.TypeConversionException(ex.getMessage());
            }
        }
    }
}
