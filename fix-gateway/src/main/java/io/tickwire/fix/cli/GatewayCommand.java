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

import io.tickwire.agent.cli.HlogOptions;
import io.tickwire.agent.cli.MetricsOptions;
import io.tickwire.agent.cli.TickwireHome;
import io.tickwire.agent.metrics.MetricsServer;
import io.tickwire.fix.audit.AuditSealKey;
import io.tickwire.fix.audit.AuditSync;
import io.tickwire.fix.cluster.ClusterConfiguration;
import io.tickwire.fix.cluster.ClusterMarketData;
import io.tickwire.fix.gateway.Gateway;
import io.tickwire.fix.gateway.GatewayConfiguration;
import io.tickwire.fix.gateway.GatewayContext;
import io.tickwire.fix.gateway.GatewayMetrics;
import io.tickwire.fix.session.CredentialStore;
import io.tickwire.fix.session.GatewayCounters;
import io.tickwire.fix.session.LogonThrottle;
import io.tickwire.fix.session.SessionState;
import io.tickwire.latency.LatencyRecording;
import org.agrona.concurrent.ShutdownSignalBarrier;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import quickfix.ConfigError;
import quickfix.FieldConvertError;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code tickwire gateway}: run the FIX order gateway from a QuickFIX/J configuration file, print what it listens
 * on, its sessions and the clock status, then a status line at a fixed interval until interrupted.
 * <p>
 * Orders are matched in this process unless the order path is put on Aeron Cluster: {@code --cluster-dir} (an
 * embedded one-member cluster) or {@code --cluster-members} (members run by {@code tickwire cluster node}); these
 * override {@code TickwireClusterDir} / {@code TickwireClusterMembers} of the file.
 */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    description = "Run the FIX order gateway (QuickFIX/J acceptor, risk, matching, market data).")
public final class GatewayCommand implements Callable<Integer>
{
    /**
     * The example credentials file's only line: user {@code demo}, password {@code demo-password}, as documented.
     * A gateway that accepts it accepts anyone who has read the docs.
     */
    static final String EXAMPLE_CREDENTIALS =
        "demo:pbkdf2-sha256:600000:84a8h5xc+O/6baOc0pB8Tw==:ZEh5bXSgZCA50YsjwCDaPYAUXdAEqrDWKvsPhZiE15A=";

    /**
     * Exit status: the gateway would have run with the example credentials, or without an audit trail by accident.
     */
    static final int EXIT_UNSAFE = 2;

    @Option(names = "--config", paramLabel = "FILE",
        description = "QuickFIX/J configuration file (default: config/gateway.cfg of the installation).")
    private Path config;

    @Option(names = "--require-clock-sync",
        description = "Reject new orders while the clock is not synchronised within tolerance.")
    private boolean requireClockSync;

    @Option(names = "--audit-dir", paramLabel = "DIR",
        description = "Audit journal directory (overrides TickwireAuditDirectory; default: the data directory's " +
        "gateway/audit).")
    private Path auditDirectory;

    @Option(names = "--no-audit",
        description = "Run WITHOUT an audit trail: no order, report or session message is journalled.")
    private boolean noAudit;

    @Option(names = "--demo",
        description = "Try-out mode: accept the example credentials (user demo, password demo-password).")
    private boolean demo;

    @Option(names = "--status-interval", defaultValue = "5",
        description = "Seconds between status lines, 0 for none (default ${DEFAULT-VALUE}).")
    private int statusInterval;

    @Option(names = "--hash-password", paramLabel = "USER",
        description = "Print a credentials file line for USER (password read from standard input) and exit; " +
        "exit code 2 for an empty password or a user name the file cannot hold (e.g. one with ':').")
    private String hashPasswordFor;

    @ArgGroup(exclusive = true)
    private ClusterOptions cluster;

    @Option(names = "--cluster-base-port", paramLabel = "P",
        description = "First port of cluster member 0 (" + GatewayConfiguration.CLUSTER_BASE_PORT_PROP_NAME +
        ", default " + ClusterConfiguration.BASE_PORT_DEFAULT + "): of the embedded member, or the --base-port the " +
        "members named by a host list in --cluster-members were given.")
    private Integer clusterBasePort;

    @Option(names = "--gateway-id", paramLabel = "N",
        description = "This gateway's id on its cluster (" + GatewayConfiguration.GATEWAY_ID_PROP_NAME +
        ", default 0): each gateway that is a client of the same cluster needs its own, 0..255.")
    private Integer gatewayId;

    @Mixin
    private HlogOptions hlog;

    @Mixin
    private MetricsOptions metrics;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Where the order path's cluster is: embedded here or run elsewhere. At most one.
     */
    static final class ClusterOptions
    {
        @Option(names = "--cluster-dir", paramLabel = "DIR",
            description = "Match orders on an embedded one-member Aeron Cluster whose state (log, snapshots) is kept " +
            "in DIR (" + GatewayConfiguration.CLUSTER_DIR_PROP_NAME + ").")
        private Path dir;

        @Option(names = "--cluster-members", paramLabel = "H0,H1,H2|0=H:P,...",
            description = "Send orders to the members run by 'tickwire cluster node' (" +
            GatewayConfiguration.CLUSTER_MEMBERS_PROP_NAME + "): their --members host list (ingress ports from " +
            "--cluster-base-port) or their ingress endpoints. Needs " +
            GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME + " (the gateway's media driver).")
        private String members;
    }

    /**
     * {@inheritDoc}
     */
    public Integer call() throws Exception
    {
        final PrintStream out = System.out;
        if (null != hashPasswordFor)
        {
            return hashPassword(hashPasswordFor, System.in);
        }

        metrics.validate(spec.commandLine());
        if (noAudit && null != auditDirectory)
        {
            throw new CommandLine.ParameterException(
                spec.commandLine(), "--no-audit and --audit-dir exclude each other");
        }
        final SessionSettings settings = settings();
        final String unsafe = exampleCredentials(settings);
        if (null != unsafe)
        {
            System.err.println("error: " + unsafe);
            return EXIT_UNSAFE;
        }
        final Path journal = auditDirectory(settings);
        if (null != journal)
        {
            final Path keyFile = GatewayContext.sealKeyFile(settings, journal);
            try
            {
                if (null != keyFile)
                {
                    AuditSealKey.checkOutside(keyFile, journal);
                }
            }
            catch (final IllegalArgumentException ex)
            {
                throw new CommandLine.ParameterException(spec.commandLine(),
                    GatewayConfiguration.AUDIT_SEAL_KEY_FILE_PROP_NAME + ": " + ex.getMessage());
            }
        }
        if (noAudit)
        {
            System.err.println("WARNING: --no-audit: this gateway keeps NO audit trail; orders, reports and session " +
                "messages are not journalled");
        }
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier();
            LatencyRecording recording = hlog.start("gateway");
            Gateway gateway = Gateway.launch(new GatewayContext()
            .settings(settings)
            .requireClockSync(requireClockSync)
            .auditDirectory(journal)
            .latencyRegistry(recording.registry())
            .securityEventListener(new SecurityEventPrinter(out)));
            MetricsServer metricsServer = startMetrics(gateway, recording))
        {
            printBanner(out, gateway);
            out.println("latency log: " + (recording.isEnabled() ? recording.file() : "off (no --hlog)"));
            out.println("metrics: " + (null == metricsServer ? "off (no --metrics-port)" : metricsServer.url()));
            final Thread status = new Thread(() -> statusLoop(out, gateway), "gateway-status");
            status.setDaemon(true);
            if (statusInterval > 0)
            {
                status.start();
            }
            barrier.await();
            out.println("shutting down");
        }
        return 0;
    }

    /**
     * The metrics endpoint {@code --metrics-port} asks for, or null.
     */
    private MetricsServer startMetrics(final Gateway gateway, final LatencyRecording recording) throws IOException
    {
        return metrics.isEnabled() ?
            GatewayMetrics.export(metrics.builder(), gateway, recording.registry()).start() : null;
    }

    /**
     * The configuration file with the command line's cluster options applied.
     *
     * @return the settings to launch the gateway with.
     * @throws ConfigError if the file cannot be read.
     * @throws CommandLine.ParameterException if {@code --cluster-members} names no member.
     */
    SessionSettings settings() throws ConfigError, FieldConvertError
    {
        // Before the file is read: QuickFIX/J expands ${tickwire.home} and ${tickwire.data.dir} as it parses.
        TickwireHome.publish();
        final Path file = null != config ? config : TickwireHome.config("gateway.cfg");
        if (!Files.isRegularFile(file))
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--config: no such file: " + file);
        }
        final SessionSettings settings = new SessionSettings(file.toString());
        if (noAudit)
        {
            settings.removeSetting(new SessionID("DEFAULT", "", ""), GatewayConfiguration.AUDIT_DIRECTORY_PROP_NAME);
        }
        final SessionID defaults = new SessionID("DEFAULT", "", "");
        if (null != clusterBasePort)
        {
            settings.setLong(GatewayConfiguration.CLUSTER_BASE_PORT_PROP_NAME, clusterBasePort);
        }
        if (null != gatewayId)
        {
            settings.setLong(GatewayConfiguration.GATEWAY_ID_PROP_NAME, gatewayId);
        }
        if (null != cluster && null != cluster.dir)
        {
            settings.setString(GatewayConfiguration.CLUSTER_DIR_PROP_NAME, cluster.dir.toString());
            settings.removeSetting(defaults, GatewayConfiguration.CLUSTER_MEMBERS_PROP_NAME);
        }
        if (null != cluster && null != cluster.members)
        {
            final int basePort = settings.isSetting(GatewayConfiguration.CLUSTER_BASE_PORT_PROP_NAME) ?
                (int)settings.getLong(GatewayConfiguration.CLUSTER_BASE_PORT_PROP_NAME) :
                ClusterConfiguration.basePort();
            try
            {
                ClusterConfiguration.ingressEndpoints(cluster.members, basePort);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new CommandLine.ParameterException(spec.commandLine(), "--cluster-members: " + ex.getMessage());
            }
            settings.setString(GatewayConfiguration.CLUSTER_MEMBERS_PROP_NAME, cluster.members);
            settings.removeSetting(defaults, GatewayConfiguration.CLUSTER_DIR_PROP_NAME);
        }
        return settings;
    }

    /**
     * Where the journal goes: {@code --audit-dir}, else the configuration's directory, else the data directory's
     * {@code gateway/audit}; none only with {@code --no-audit}.
     *
     * @param settings the configuration, with the command line applied.
     * @return the journal directory, or null for no audit trail.
     * @throws ConfigError if the configuration cannot be read.
     */
    Path auditDirectory(final SessionSettings settings) throws ConfigError, FieldConvertError
    {
        if (noAudit)
        {
            return null;
        }
        if (null != auditDirectory)
        {
            return auditDirectory;
        }
        return settings.isSetting(GatewayConfiguration.AUDIT_DIRECTORY_PROP_NAME) ?
            Path.of(settings.getString(GatewayConfiguration.AUDIT_DIRECTORY_PROP_NAME)) :
            TickwireHome.dataDir().resolve("gateway").resolve("audit");
    }

    /**
     * Why the gateway must not start with these credentials, or null: the example entry is accepted only with
     * {@code --demo}.
     */
    private String exampleCredentials(final SessionSettings settings) throws ConfigError, FieldConvertError
    {
        if (demo || !settings.isSetting(GatewayConfiguration.CREDENTIALS_FILE_PROP_NAME))
        {
            return null;
        }
        final Path file = Path.of(settings.getString(GatewayConfiguration.CREDENTIALS_FILE_PROP_NAME));
        try
        {
            if (Files.isRegularFile(file) &&
                Files.readAllLines(file, StandardCharsets.UTF_8).stream().anyMatch(EXAMPLE_CREDENTIALS::equals))
            {
                return "the credentials file " + file + " holds the example user 'demo' whose password is in the " +
                    "docs: replace it with your own (printf '%s' PASSWORD | ./tickwire gateway --hash-password USER) " +
                    "or pass --demo to try the gateway out with it";
            }
        }
        catch (final IOException ex)
        {
            return null; // the gateway's own credential loading reports an unreadable file with its cause
        }
        return null;
    }

    /**
     * Print a credentials line, or say why not: exit code 2 for input the file cannot hold (usage), as for other
     * usage errors.
     */
    private int hashPassword(final String username, final InputStream in) throws IOException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final String password = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        try
        {
            CredentialStore.checkUsername(username);
            if (password.isEmpty())
            {
                throw new IllegalArgumentException("empty password: give the password on standard input");
            }
            out.println(CredentialStore.entry(username, password));
            out.flush();
            return 0;
        }
        catch (final IllegalArgumentException ex)
        {
            err.println("error: --hash-password: " + ex.getMessage());
            err.flush();
            return 2;
        }
    }

    private void printBanner(final PrintStream out, final Gateway gateway)
    {
        for (final Map.Entry<SocketAddress, ?> entry : groupByAddress(gateway).entrySet())
        {
            out.println("listening on " + entry.getKey() + " for " + entry.getValue());
        }
        for (int i = 0; i < gateway.application().sessionCount(); i++)
        {
            final SessionState state = gateway.application().sessionState(i);
            out.println("session " + state.sessionId() + " risk: " + state.risk().limits() +
                (null == state.username() ? "" : " user=" + state.username()));
        }
        out.println("instruments: " + gateway.instruments());
        out.println("authentication: " + (gateway.isAuthenticated() ?
            "Username/Password against the credentials file (PBKDF2-HMAC-SHA256, verified on the session thread)" +
            (gateway.weakCredentials() > 0 ? "; " + gateway.weakCredentials() + " entries have fewer than " +
            CredentialStore.DEFAULT_ITERATIONS + " iterations: hash them again with --hash-password" : "") :
            "NONE - any logon is accepted"));
        final LogonThrottle throttle = gateway.application().logonThrottle();
        out.println("before logon: closed after " + limit(gateway.preLogonGuard().maxBytes(), " bytes") + " or " +
            limit(gateway.preLogonGuard().timeoutMs(), " ms") + " without a logon; logon lockout " +
            (null == throttle ? "off" : "on (see TickwireLogonMaxFailures)"));
        for (final String warning : gateway.filePermissionWarnings())
        {
            out.println("files: WARNING " + warning + " (the gateway creates its files 0600, new directories 0700)");
        }
        final ClusterMarketData memberMarketData = gateway.memberMarketData();
        out.println("market data: " + (null == gateway.aeronDirectoryName() ? "off (no " +
            GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME + ")" : "on, aeron dir " + gateway.aeronDirectoryName() +
            (null == memberMarketData ? "" : ", published by the embedded cluster member (a session announced with " +
            "its epoch at each start); snapshots: " + (null == memberMarketData.requestChannel() ? "none" :
            "requests " + memberMarketData.requestChannel() + " stream " + memberMarketData.requestStreamId() +
            ", responses " + memberMarketData.responseChannel() + " stream " +
            memberMarketData.responseStreamId()))));
        out.println("order path: " + (null == gateway.clusterPath() ? "matching engine in this process" :
            gateway.clusterPath().description()));
        out.println("threads: " + gateway.threadPlan());
        out.println("clock: " + gateway.clockDescription());
        out.println("audit: " + (null == gateway.auditTrail() ? "OFF (--no-audit) - NOTHING IS JOURNALLED" :
            "journal " + gateway.auditTrail().context().directory() +
            (AuditSync.FSYNC == gateway.auditTrail().sync() ?
            " (sync=fsync: reports are sent only once their audit record is fdatasync'd, group commit)" :
            " (sync=write: reports are sent once their audit record is written to the kernel: survives a " +
            "gateway crash, not a host crash; fdatasync at most every " +
            gateway.auditTrail().context().forceIntervalNanos() / 1_000_000 + " ms)")));
        if (null != gateway.auditTrail())
        {
            final AuditSealKey key = gateway.auditTrail().context().sealKey();
            out.println("audit seals: " + (null == key ? "OFF (" + GatewayConfiguration.AUDIT_SEAL_KEY_FILE_PROP_NAME +
                "=none): a cut or rewritten journal would still verify" :
                "on, HMAC-SHA256 of the chain head every " +
                gateway.auditTrail().context().sealIntervalNanos() / 1_000_000 + " ms of activity, at rotation and " +
                "shutdown; key " + key.file() + (key.created() ? " (created)" : "") + " - keep a copy away from " +
                "the journal"));
        }
    }

    private static String marketDataStatus(final ClusterMarketData marketData)
    {
        return null == marketData ? "" : " market data=" + (marketData.isPublishing() ? "publishing" : "silent") +
            " epoch=" + marketData.epoch() + " md messages=" + marketData.messagesPublished() + " md sessions=" +
            marketData.sessionsAnnounced() + " md abandoned=" + marketData.sessionsAbandoned() +
            " md snapshots served=" + marketData.snapshotsServed();
    }

    private static String limit(final long value, final String unit)
    {
        return 0 == value ? "no limit" : value + unit;
    }

    private static Map<SocketAddress, StringBuilder> groupByAddress(final Gateway gateway)
    {
        final Map<SocketAddress, StringBuilder> byAddress = new LinkedHashMap<>();
        for (final Map.Entry<SessionID, SocketAddress> entry : gateway.listeningAddresses().entrySet())
        {
            final StringBuilder sessions = byAddress.computeIfAbsent(entry.getValue(), (k) -> new StringBuilder());
            sessions.append(sessions.length() == 0 ? "" : ", ").append(entry.getKey());
        }
        return byAddress;
    }

    private void statusLoop(final PrintStream out, final Gateway gateway)
    {
        final GatewayCounters counters = gateway.counters();
        long lastOrders = counters.ordersReceived();
        long lastNanos = System.nanoTime();
        while (!Thread.currentThread().isInterrupted())
        {
            try
            {
                Thread.sleep(TimeUnit.SECONDS.toMillis(statusInterval));
            }
            catch (final InterruptedException ex)
            {
                return;
            }
            final long orders = counters.ordersReceived();
            final long now = System.nanoTime();
            final double rate = (orders - lastOrders) * 1e9 / Math.max(1, now - lastNanos);
            lastOrders = orders;
            lastNanos = now;
            final long auditLag = gateway.auditLag();
            final String audit = auditLag < 0 ? "n/a (no audit trail)" : auditLag + " records, flush max " +
                gateway.auditTrail().writerAgent().maxCommitNanos() / 1_000 + " us, slow (>10 ms) " +
                gateway.auditTrail().writerAgent().slowCommits();
            out.printf("status: orders/s=%.0f orders=%d reports=%d rejects: %s logon failures=%d " +
                "lockouts=%d refused locked out=%d refused busy=%d unverified=%d verify max %d ms; " +
                "closed before logon: %s (%d pending) " +
                "audit lag: %s store: %s clock: %s%s%n",
                rate, orders, counters.reportsSent(), counters.rejectSummary(), counters.logonFailures(),
                counters.logonLockouts(), counters.logonsRefusedLockedOut(), counters.logonsRefusedBusy(),
                counters.logonsUnverified(),
                TimeUnit.NANOSECONDS.toMillis(counters.logonVerifyMaxNanos()), counters.preLogonCloseSummary(),
                gateway.preLogonGuard().pendingConnections(), audit, gateway.storeDescription(),
                gateway.clockDescription(), marketDataStatus(gateway.memberMarketData()));
        }
    }
}
