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
package io.tickwire.fix.gateway;

import io.tickwire.agent.ThreadingProfile;
import io.tickwire.fix.audit.AuditConfiguration;
import io.tickwire.fix.audit.AuditSealKey;
import io.tickwire.fix.audit.AuditSync;
import io.tickwire.fix.audit.JournalDescriptor;
import io.tickwire.fix.cluster.ClusterConfiguration;
import io.tickwire.fix.cluster.ClusterMarketData;
import io.tickwire.fix.cluster.GatewaySessions;
import io.tickwire.fix.session.CredentialStore;
import io.tickwire.fix.session.InboundObserver;
import io.tickwire.fix.session.Instruments;
import io.tickwire.fix.session.LogonVerifier;
import io.tickwire.fix.session.OutboundGate;
import io.tickwire.fix.session.SecurityEventListener;
import io.tickwire.fix.time.ClockSyncMonitor;
import io.tickwire.fix.time.GatewayClock;
import io.tickwire.latency.LatencyRegistry;
import org.agrona.concurrent.IdleStrategy;
import quickfix.ConfigError;
import quickfix.Session;
import quickfix.SessionSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Configuration of a {@link Gateway}: the QuickFIX/J settings, whose {@code Tickwire*} keys are named in
 * {@link GatewayConfiguration}, plus the pluggable time, audit, latency and security points.
 * <p>
 * {@link #conclude()}, which {@link Gateway#launch(GatewayContext)} calls first, reads and checks every gateway key
 * before anything is started: a bad value fails with a {@link ConfigError} that names the key, and no driver, journal
 * or cluster member is left behind. The gateway then builds itself from the typed values. Keys of a part that is
 * not configured are not read: market data keys without {@code TickwireMarketDataChannel}, audit keys without an
 * audit directory, cluster keys without a cluster.
 */
public class GatewayContext
{
    // Filled by conclude() and read directly by the classes of this package that assemble a Gateway (as
    // FeedHandlerContext does), so the typed values need no public API of their own.
    Instruments instruments;
    CredentialStore credentials;
    boolean clockSyncRequired;
    int commandRingCapacity;
    int eventRingCapacity;
    int retainedFinishedOrders;
    ThreadingProfile threading;
    String idleStrategyName;
    Supplier<IdleStrategy> idleStrategy;
    String marketDataChannel;
    int marketDataStreamId;
    boolean embeddedMediaDriver;
    String aeronDirectoryName;
    String snapshotRequestChannel;
    int snapshotRequestStreamId;
    String snapshotResponseChannel;
    int snapshotResponseStreamId;
    Path resolvedAuditDirectory;
    AuditSync auditSync;
    long auditMaxFileSize;
    Path auditSealKeyFile;
    private AuditSealKey auditSealKey;
    Supplier<IdleStrategy> auditIdleStrategy;
    Path resolvedClusterDirectory;
    String clusterIngressEndpoints;
    int clusterBasePort;
    int gatewayId;
    int maxMessageSize;
    int sessionQueueLimit;
    int maxInFlightOrders;
    long preLogonMaxBytes;
    long logonTimeoutMs;
    int maxConnections;
    int logonVerifierThreads;
    int logonVerifierQueue;
    int maxResendRequests;
    long resendWindowMs;
    int logonMaxFailures;
    int logonMaxAddressFailures;
    long logonLockoutMs;
    long logonLockoutMaxMs;

    private SessionSettings settings;
    private String configFile;
    private boolean requireClockSync;
    private GatewayClock clock;
    private Path auditDirectory;
    private Path clusterDirectory;
    private InboundObserver inboundObserver;
    private OutboundGate outboundGate;
    private LatencyRegistry latencyRegistry;
    private SecurityEventListener securityEventListener;

    /**
     * @param configFile QuickFIX/J configuration file.
     * @return this.
     */
    public GatewayContext configFile(final String configFile)
    {
        this.configFile = configFile;
        return this;
    }

    /**
     * @param settings settings already loaded (takes precedence over the file).
     * @return this.
     */
    public GatewayContext settings(final SessionSettings settings)
    {
        this.settings = settings;
        return this;
    }

    /**
     * @return settings.
     */
    public SessionSettings settings()
    {
        return settings;
    }

    /**
     * @param requireClockSync refuse orders while the clock is not within tolerance.
     * @return this.
     */
    public GatewayContext requireClockSync(final boolean requireClockSync)
    {
        this.requireClockSync = requireClockSync;
        return this;
    }

    /**
     * @return whether orders are refused while the clock is not within tolerance.
     */
    public boolean requireClockSync()
    {
        return requireClockSync;
    }

    /**
     * @param clock the clock to stamp with (tests inject a {@code ManualGatewayClock}); default: the host's
     *              clock with a {@link ClockSyncMonitor}.
     * @return this.
     */
    public GatewayContext clock(final GatewayClock clock)
    {
        this.clock = clock;
        return this;
    }

    /**
     * @return injected clock or null.
     */
    public GatewayClock clock()
    {
        return clock;
    }

    /**
     * @param clusterDirectory directory of the embedded one-member cluster that sequences and matches orders
     *                         (overrides {@code TickwireClusterDir}); null for the in-process engine.
     * @return this.
     */
    public GatewayContext clusterDirectory(final Path clusterDirectory)
    {
        this.clusterDirectory = clusterDirectory;
        return this;
    }

    /**
     * @return directory of the embedded cluster member, or null.
     */
    public Path clusterDirectory()
    {
        return clusterDirectory;
    }

    /**
     * @param auditDirectory audit journal directory (overrides {@code TickwireAuditDirectory}).
     * @return this.
     */
    public GatewayContext auditDirectory(final Path auditDirectory)
    {
        this.auditDirectory = auditDirectory;
        return this;
    }

    /**
     * @return audit journal directory or null.
     */
    public Path auditDirectory()
    {
        return auditDirectory;
    }

    /**
     * @param inboundObserver inbound audit hook.
     * @return this.
     */
    public GatewayContext inboundObserver(final InboundObserver inboundObserver)
    {
        this.inboundObserver = inboundObserver;
        return this;
    }

    /**
     * @return inbound audit hook.
     */
    public InboundObserver inboundObserver()
    {
        return inboundObserver;
    }

    /**
     * @param outboundGate outbound release point (audit durability gate).
     * @return this.
     */
    public GatewayContext outboundGate(final OutboundGate outboundGate)
    {
        this.outboundGate = outboundGate;
        return this;
    }

    /**
     * @return outbound release point.
     */
    public OutboundGate outboundGate()
    {
        return outboundGate;
    }

    /**
     * Record the order stages ({@code fix-receive->risk}, {@code risk->matched}, {@code matched->er-sent},
     * {@code fix-receive->er-sent}) into this registry, one recorder per stage per gateway thread.
     *
     * @param latencyRegistry the registry, e.g. of a {@code LatencyRecording}; null (default) for none.
     * @return this.
     */
    public GatewayContext latencyRegistry(final LatencyRegistry latencyRegistry)
    {
        this.latencyRegistry = latencyRegistry;
        return this;
    }

    /**
     * The registry the order stages are recorded into.
     *
     * @return the registry, or null.
     */
    public LatencyRegistry latencyRegistry()
    {
        return latencyRegistry;
    }

    /**
     * @param securityEventListener hears connections closed before logon and refused logons, with their remote
     *                              address (they are counted in any case).
     * @return this.
     */
    public GatewayContext securityEventListener(final SecurityEventListener securityEventListener)
    {
        this.securityEventListener = securityEventListener;
        return this;
    }

    /**
     * @return the security event listener.
     */
    public SecurityEventListener securityEventListener()
    {
        return securityEventListener;
    }


    /**
     * Load the settings if needed, fill in defaults, and read and check every gateway key.
     *
     * @return this.
     * @throws ConfigError if the file cannot be read, has no instruments, or a key has a value the gateway cannot
     *                     use (the message names the key).
     */
    public GatewayContext conclude() throws ConfigError
    {
        if (null == settings)
        {
            if (null == configFile)
            {
                throw new ConfigError("no configuration: set configFile or settings");
            }
            settings = new SessionSettings(configFile);
        }
        if (!settings.isSetting(GatewayConfiguration.INSTRUMENTS_PROP_NAME))
        {
            throw new ConfigError("missing " + GatewayConfiguration.INSTRUMENTS_PROP_NAME + " in [DEFAULT]");
        }
        if (null == inboundObserver)
        {
            inboundObserver = InboundObserver.NO_OP;
        }
        if (null == outboundGate)
        {
            outboundGate = OutboundGate.IMMEDIATE;
        }
        if (null == securityEventListener)
        {
            securityEventListener = SecurityEventListener.NO_OP;
        }
        // A message for no known session (wrong CompID, address not allowed) QuickFIX/J logs whole to its class
        // logger, outside the masked session logs: a Logon's password with it. Its session ID is enough.
        if (!settings.isSetting(Session.SETTING_LOG_MESSAGE_WHEN_SESSION_NOT_FOUND))
        {
            settings.setBool(Session.SETTING_LOG_MESSAGE_WHEN_SESSION_NOT_FOUND, false);
        }

        final SettingsReader reader = new SettingsReader(settings);
        instruments = reader.instruments();
        credentials = reader.credentials();
        clockSyncRequired = requireClockSync || reader.bool(GatewayConfiguration.REQUIRE_CLOCK_SYNC_PROP_NAME, false);
        concludeOrderPath(reader);
        concludeMarketData(reader);
        concludeAudit(reader);
        concludeCluster(reader);
        concludeSessionLimits(reader);
        reader.checkSessionSettings();
        return this;
    }

    private void concludeOrderPath(final SettingsReader reader) throws ConfigError
    {
        commandRingCapacity = reader.ringCapacity(
            GatewayConfiguration.COMMAND_RING_CAPACITY_PROP_NAME, GatewayConfiguration.COMMAND_RING_CAPACITY_DEFAULT);
        eventRingCapacity = reader.ringCapacity(
            GatewayConfiguration.EVENT_RING_CAPACITY_PROP_NAME, GatewayConfiguration.EVENT_RING_CAPACITY_DEFAULT);
        retainedFinishedOrders = reader.intValue(GatewayConfiguration.RETAINED_FINISHED_ORDERS_PROP_NAME,
            GatewayConfiguration.RETAINED_FINISHED_ORDERS_DEFAULT, 0);
        threading = reader.threading(Runtime.getRuntime().availableProcessors());
        idleStrategyName = reader.string(GatewayConfiguration.IDLE_STRATEGY_PROP_NAME, "backoff");
        idleStrategy = SettingsReader.idleStrategy(GatewayConfiguration.IDLE_STRATEGY_PROP_NAME, idleStrategyName);
    }

    private void concludeMarketData(final SettingsReader reader) throws ConfigError
    {
        marketDataChannel = reader.string(GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME, null);
        embeddedMediaDriver = false;
        aeronDirectoryName = null;
        if (null != marketDataChannel)
        {
            marketDataStreamId = reader.intValue(GatewayConfiguration.MARKET_DATA_STREAM_ID_PROP_NAME,
                GatewayConfiguration.MARKET_DATA_STREAM_ID_DEFAULT, Integer.MIN_VALUE);
            embeddedMediaDriver = reader.bool(GatewayConfiguration.EMBEDDED_MEDIA_DRIVER_PROP_NAME, true);
            aeronDirectoryName = reader.string(GatewayConfiguration.AERON_DIR_PROP_NAME, null);
        }
    }

    private void concludeAudit(final SettingsReader reader) throws ConfigError
    {
        resolvedAuditDirectory = null != auditDirectory ?
            auditDirectory : reader.path(GatewayConfiguration.AUDIT_DIRECTORY_PROP_NAME);
        auditIdleStrategy = null;
        auditSealKey = null;
        auditSealKeyFile = null;
        if (null == resolvedAuditDirectory)
        {
            return;
        }
        auditSealKeyFile = sealKeyFile(settings, resolvedAuditDirectory);
        if (null != auditSealKeyFile)
        {
            try
            {
                AuditSealKey.checkOutside(auditSealKeyFile, resolvedAuditDirectory);
                // An existing key is read now, so a bad one fails before anything starts; a new one is created
                // when the journal opens.
                if (Files.exists(auditSealKeyFile))
                {
                    auditSealKey = AuditSealKey.load(auditSealKeyFile);
                }
            }
            catch (final IllegalArgumentException ex)
            {
                throw SettingsReader.invalid(GatewayConfiguration.AUDIT_SEAL_KEY_FILE_PROP_NAME, ex.getMessage());
            }
            catch (final IOException ex)
            {
                throw SettingsReader.invalid(GatewayConfiguration.AUDIT_SEAL_KEY_FILE_PROP_NAME,
                    "cannot read " + auditSealKeyFile + ": " + ex);
            }
        }
        auditSync = AuditConfiguration.sync();
        if (reader.isSet(GatewayConfiguration.AUDIT_SYNC_PROP_NAME))
        {
            try
            {
                auditSync = AuditSync.fromConfigName(reader.string(GatewayConfiguration.AUDIT_SYNC_PROP_NAME, null));
            }
            catch (final IllegalArgumentException ex)
            {
                throw SettingsReader.invalid(GatewayConfiguration.AUDIT_SYNC_PROP_NAME, ex.getMessage());
            }
        }
        auditMaxFileSize = AuditConfiguration.maxFileSize();
        if (reader.isSet(GatewayConfiguration.AUDIT_MAX_FILE_SIZE_PROP_NAME))
        {
            // The audit trail's own limits, checked here so that they fail before the driver has started.
            auditMaxFileSize = reader.longValue(GatewayConfiguration.AUDIT_MAX_FILE_SIZE_PROP_NAME, 0, Long.MIN_VALUE);
            try
            {
                JournalDescriptor.checkMaxFileSize(auditMaxFileSize);
            }
            catch (final IllegalArgumentException ex)
            {
                throw SettingsReader.invalid(GatewayConfiguration.AUDIT_MAX_FILE_SIZE_PROP_NAME, ex.getMessage());
            }
            if (auditMaxFileSize > AuditConfiguration.MAX_FILE_SIZE_LIMIT)
            {
                throw SettingsReader.invalid(GatewayConfiguration.AUDIT_MAX_FILE_SIZE_PROP_NAME,
                    "must be at most " + AuditConfiguration.MAX_FILE_SIZE_LIMIT + ": " + auditMaxFileSize);
            }
        }
        auditIdleStrategy = SettingsReader.idleStrategy(GatewayConfiguration.AUDIT_IDLE_STRATEGY_PROP_NAME,
            reader.string(GatewayConfiguration.AUDIT_IDLE_STRATEGY_PROP_NAME,
            GatewayConfiguration.AUDIT_IDLE_STRATEGY_DEFAULT));
    }

    /**
     * The audit journal's seal key, created (random, {@code 0600}) on first use when its file does not exist. Once
     * concluded; called by the journal and the embedded cluster member as they open.
     *
     * @return the key, or null without an audit trail or with sealing off.
     * @throws UncheckedIOException when the key file cannot be created or read.
     */
    AuditSealKey auditSealKey()
    {
        if (null == auditSealKey && null != auditSealKeyFile)
        {
            try
            {
                auditSealKey = AuditSealKey.loadOrCreate(auditSealKeyFile, resolvedAuditDirectory);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("audit seal key " + auditSealKeyFile + ": " + ex.getMessage(), ex);
            }
        }
        return auditSealKey;
    }

    /**
     * The seal key file of a journal directory: {@value GatewayConfiguration#AUDIT_SEAL_KEY_FILE_PROP_NAME}, else
     * beside the directory ({@link AuditSealKey#defaultFile}); null when set to
     * {@value GatewayConfiguration#AUDIT_SEAL_KEY_NONE}.
     *
     * @param settings         the configuration.
     * @param journalDirectory the journal directory.
     * @return the key file, or null for no seals.
     * @throws ConfigError when the setting cannot be read.
     */
    public static Path sealKeyFile(final SessionSettings settings, final Path journalDirectory) throws ConfigError
    {
        final String key = GatewayConfiguration.AUDIT_SEAL_KEY_FILE_PROP_NAME;
        if (!settings.isSetting(key))
        {
            return AuditSealKey.defaultFile(journalDirectory);
        }
        final String value = settings.getString(key).trim();
        return GatewayConfiguration.AUDIT_SEAL_KEY_NONE.equalsIgnoreCase(value) ? null : Path.of(value);
    }

    private void concludeCluster(final SettingsReader reader) throws ConfigError
    {
        final String members = reader.string(GatewayConfiguration.CLUSTER_MEMBERS_PROP_NAME, null);
        final Path directory = null != clusterDirectory ?
            clusterDirectory : reader.path(GatewayConfiguration.CLUSTER_DIR_PROP_NAME);
        clusterIngressEndpoints = null;
        resolvedClusterDirectory = null;
        snapshotRequestChannel = null;
        // Read without a cluster too: the order ids the gateway assigns carry it.
        gatewayId = reader.intValue(GatewayConfiguration.GATEWAY_ID_PROP_NAME, 0, 0);
        if (gatewayId > GatewaySessions.MAX_GATEWAY_ID)
        {
            throw SettingsReader.invalid(GatewayConfiguration.GATEWAY_ID_PROP_NAME,
                "must be at most " + GatewaySessions.MAX_GATEWAY_ID + ": " + gatewayId);
        }
        if (null == members && null == directory)
        {
            return;
        }
        clusterBasePort = reader.intValue(
            GatewayConfiguration.CLUSTER_BASE_PORT_PROP_NAME, ClusterConfiguration.basePort(), Integer.MIN_VALUE);
        if (null == members)
        {
            resolvedClusterDirectory = directory;
            concludeMemberSnapshots(reader);
            return;
        }
        // Members elsewhere take precedence over an embedded member's directory.
        if (null == marketDataChannel)
        {
            throw new ConfigError(GatewayConfiguration.CLUSTER_MEMBERS_PROP_NAME + " needs a media driver for " +
                "the cluster client: set " + GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME);
        }
        try
        {
            clusterIngressEndpoints = ClusterConfiguration.ingressEndpoints(members, clusterBasePort);
        }
        catch (final IllegalArgumentException ex)
        {
            throw SettingsReader.invalid(GatewayConfiguration.CLUSTER_MEMBERS_PROP_NAME, ex.getMessage());
        }
    }

    private void concludeMemberSnapshots(final SettingsReader reader) throws ConfigError
    {
        if (null != marketDataChannel)
        {
            // The embedded member publishes the market data and serves its snapshots (docs/CLUSTER.md).
            snapshotRequestChannel = reader.channel(GatewayConfiguration.SNAPSHOT_REQUEST_CHANNEL_PROP_NAME,
                GatewayConfiguration.SNAPSHOT_REQUEST_CHANNEL_DEFAULT);
            snapshotRequestStreamId = reader.intValue(GatewayConfiguration.SNAPSHOT_REQUEST_STREAM_ID_PROP_NAME,
                ClusterMarketData.SNAPSHOT_REQUEST_STREAM_ID_DEFAULT, Integer.MIN_VALUE);
            snapshotResponseChannel = null == snapshotRequestChannel ? null : reader.channel(
                GatewayConfiguration.SNAPSHOT_RESPONSE_CHANNEL_PROP_NAME,
                GatewayConfiguration.SNAPSHOT_RESPONSE_CHANNEL_DEFAULT);
            snapshotResponseStreamId = reader.intValue(GatewayConfiguration.SNAPSHOT_RESPONSE_STREAM_ID_PROP_NAME,
                ClusterMarketData.SNAPSHOT_RESPONSE_STREAM_ID_DEFAULT, Integer.MIN_VALUE);
            if (null != snapshotRequestChannel && null == snapshotResponseChannel)
            {
                throw SettingsReader.invalid(GatewayConfiguration.SNAPSHOT_RESPONSE_CHANNEL_PROP_NAME,
                    "snapshots need a response channel: set one, or " +
                    GatewayConfiguration.SNAPSHOT_REQUEST_CHANNEL_PROP_NAME + "=none");
            }
        }
    }

    private void concludeSessionLimits(final SettingsReader reader) throws ConfigError
    {
        maxMessageSize = reader.intValue(
            GatewayConfiguration.MAX_MESSAGE_SIZE_PROP_NAME, GatewayConfiguration.MAX_MESSAGE_SIZE_DEFAULT, 1);
        sessionQueueLimit = reader.intValue(GatewayConfiguration.SESSION_QUEUE_LIMIT_PROP_NAME,
            GatewayConfiguration.SESSION_QUEUE_LIMIT_DEFAULT, 0);
        maxInFlightOrders = reader.intValue(GatewayConfiguration.MAX_IN_FLIGHT_ORDERS_PROP_NAME,
            GatewayConfiguration.MAX_IN_FLIGHT_ORDERS_DEFAULT, 0);
        preLogonMaxBytes = reader.longValue(
            GatewayConfiguration.PRE_LOGON_MAX_BYTES_PROP_NAME, GatewayConfiguration.PRE_LOGON_MAX_BYTES_DEFAULT, 0);
        logonTimeoutMs = reader.longValue(
            GatewayConfiguration.LOGON_TIMEOUT_MS_PROP_NAME, GatewayConfiguration.LOGON_TIMEOUT_MS_DEFAULT, 0);
        maxConnections = reader.intValue(
            GatewayConfiguration.MAX_CONNECTIONS_PROP_NAME, GatewayConfiguration.MAX_CONNECTIONS_DEFAULT, 0);
        logonVerifierThreads = reader.intValue(GatewayConfiguration.LOGON_VERIFIER_THREADS_PROP_NAME,
            LogonVerifier.defaultThreads(Runtime.getRuntime().availableProcessors()), 1);
        logonVerifierQueue = reader.intValue(GatewayConfiguration.LOGON_VERIFIER_QUEUE_PROP_NAME,
            GatewayConfiguration.LOGON_VERIFIER_QUEUE_DEFAULT, 1);

        maxResendRequests = reader.intValue(GatewayConfiguration.MAX_RESEND_REQUESTS_PROP_NAME,
            GatewayConfiguration.MAX_RESEND_REQUESTS_DEFAULT, 0);
        if (0 != maxResendRequests)
        {
            resendWindowMs = reader.longValue(
                GatewayConfiguration.RESEND_WINDOW_MS_PROP_NAME, GatewayConfiguration.RESEND_WINDOW_MS_DEFAULT, 1);
        }

        logonMaxFailures = reader.intValue(GatewayConfiguration.LOGON_MAX_FAILURES_PROP_NAME,
            GatewayConfiguration.LOGON_MAX_FAILURES_DEFAULT, 0);
        logonMaxAddressFailures = reader.intValue(GatewayConfiguration.LOGON_MAX_ADDRESS_FAILURES_PROP_NAME,
            GatewayConfiguration.LOGON_MAX_ADDRESS_FAILURES_DEFAULT, 0);
        if (0 != logonMaxFailures || 0 != logonMaxAddressFailures)
        {
            logonLockoutMs = reader.longValue(
                GatewayConfiguration.LOGON_LOCKOUT_MS_PROP_NAME, GatewayConfiguration.LOGON_LOCKOUT_MS_DEFAULT, 1);
            logonLockoutMaxMs = reader.longValue(GatewayConfiguration.LOGON_LOCKOUT_MAX_MS_PROP_NAME,
                GatewayConfiguration.LOGON_LOCKOUT_MAX_MS_DEFAULT, logonLockoutMs);
        }
    }
}
