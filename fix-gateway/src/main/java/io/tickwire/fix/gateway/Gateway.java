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

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.driver.MediaDriver;
import io.tickwire.agent.EmbeddedDriver;
import io.tickwire.fix.audit.AuditSync;
import io.tickwire.fix.audit.AuditTrail;
import io.tickwire.fix.audit.DurableListener;
import io.tickwire.fix.audit.OwnerOnlyFiles;
import io.tickwire.fix.audit.WakeableIdleStrategy;
import io.tickwire.fix.cluster.ClusterConfiguration;
import io.tickwire.fix.cluster.ClusterMemberContext;
import io.tickwire.fix.cluster.ClusterOrderAgent;
import io.tickwire.fix.cluster.ClusterOrderPath;
import io.tickwire.fix.cluster.MatchingService;
import io.tickwire.fix.match.BookListener;
import io.tickwire.fix.match.BookPublisher;
import io.tickwire.fix.match.MatchingEngine;
import io.tickwire.fix.match.ReferencePrices;
import io.tickwire.fix.risk.ReferencePriceSource;
import io.tickwire.fix.session.AuditingInboundObserver;
import io.tickwire.fix.session.AuditingOutboundGate;
import io.tickwire.fix.session.AuditingWireRecorder;
import io.tickwire.fix.session.CredentialStore;
import io.tickwire.fix.session.DiscardRecordingLogFactory;
import io.tickwire.fix.session.ExecutionReportSender;
import io.tickwire.fix.session.GatewayApplication;
import io.tickwire.fix.session.GatewayCounters;
import io.tickwire.fix.session.InboundAuditRecord;
import io.tickwire.fix.session.InboundObserver;
import io.tickwire.fix.session.InboundSizeFilter;
import io.tickwire.fix.session.Instruments;
import io.tickwire.fix.session.LogonThrottle;
import io.tickwire.fix.session.MaskingLogFactory;
import io.tickwire.fix.session.ResendThrottle;
import io.tickwire.fix.session.OrderEntry;
import io.tickwire.fix.session.OutboundGate;
import io.tickwire.fix.session.OwnerOnlyFileStoreFactory;
import io.tickwire.fix.session.PreLogonGuard;
import io.tickwire.fix.session.SecurityEventListener;
import io.tickwire.fix.session.SessionState;
import io.tickwire.fix.time.ClockSyncMonitor;
import io.tickwire.fix.time.ClockSyncPolicy;
import io.tickwire.fix.time.GatewayClock;
import io.tickwire.fix.time.MessageStamper;
import io.tickwire.fix.time.SystemGatewayClock;
import io.tickwire.latency.CalibratedEpochNanoClock;
import io.tickwire.latency.LatencyRegistry;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldConvertError;
import quickfix.FileLogFactory;
import quickfix.FileStoreFactory;
import quickfix.LogFactory;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.mina.message.FIXProtocolCodecFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The FIX order gateway: a QuickFIX/J {@code SocketAcceptor} (one message-processing thread, the session
 * thread), the matching engine agent and the execution report sender agent, joined by Agrona ring buffers.
 * <pre>
 *  FIX clients ── TCP ──▶ SocketAcceptor thread: stamp, validate, risk ──(command ring, 1 writer)──▶
 *       matching engine agent ──(event ring, 1 writer)──▶ report sender agent ── OutboundGate ──▶ FIX clients
 *  logout / disconnect threads ──(control ring, many writers)──▶ matching engine agent
 *  matching engine agent ──▶ BookPublisher ── Aeron ExclusivePublication (stream 2001) ──▶ feed subscribers
 * </pre>
 * The engine and the sender share one thread ({@code compact}, the default below 4 cores) or run on one each
 * ({@code dedicated}), chosen by {@link GatewayConfiguration#THREADING_PROP_NAME}, with back-off idle strategies (no
 * busy spin: see the threading lesson for 2-core hosts).
 * <p>
 * In front of QuickFIX/J's decoder each connection passes a {@link PreLogonGuard} (bytes and time before logon)
 * and an {@link InboundSizeFilter} (message size, framing buffer); logons go through a {@link LogonThrottle}. The
 * journal, FileStore and file logs are created owner-only ({@link OwnerOnlyFiles}).
 */
public final class Gateway implements AutoCloseable
{
    private static final long BACKOFF_SPINS = 10;
    private static final long BACKOFF_YIELDS = 20_000;
    private static final long BACKOFF_MIN_PARK_NANOS = 1_000;
    private static final long BACKOFF_MAX_PARK_NANOS = 100_000;
    private static final long CLOSE_DRAIN_TIMEOUT_NS = 5_000_000_000L;

    private final Context context;
    private final SessionSettings settings;
    private final Instruments instruments;
    private final GatewayCounters counters = new GatewayCounters();
    private final GatewayApplication application;
    private final ClusterOrderPath clusterPath;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final RingBuffer commands;
    private final RingBuffer control;
    private final BookPublisher bookPublisher;
    private final SocketAcceptor acceptor;
    private final InboundSizeFilter sizeFilter;
    private final PreLogonGuard preLogonGuard;
    private final int weakCredentials;
    private final List<String> filePermissionWarnings = new ArrayList<>();
    private final AgentRunner engineRunner;
    private final AgentRunner senderRunner;
    private final String threadPlan;
    private final MediaDriver mediaDriver;
    private final Aeron aeron;
    private final boolean authenticated;
    private final ClockSyncMonitor clockMonitor;
    private final AgentRunner clockRunner;
    private final GatewayClock clock;
    private final ClockSyncPolicy clockPolicy;
    private final AuditTrail auditTrail;

    private Gateway(final Context context) throws ConfigError, IOException, FieldConvertError
    {
        try
        {
            this.context = context;
            this.settings = context.settings();
            instruments = Instruments.parse(settings.getString(GatewayConfiguration.INSTRUMENTS_PROP_NAME));
            if (settings.isSetting(GatewayConfiguration.REFERENCE_PRICES_PROP_NAME))
            {
                instruments.referencePrices(settings.getString(GatewayConfiguration.REFERENCE_PRICES_PROP_NAME));
            }

            CredentialStore credentials = null;
            if (settings.isSetting(GatewayConfiguration.CREDENTIALS_FILE_PROP_NAME))
            {
                credentials = CredentialStore.load(
                    Path.of(settings.getString(GatewayConfiguration.CREDENTIALS_FILE_PROP_NAME)));
            }
            authenticated = null != credentials;
            weakCredentials = null == credentials ? 0 : credentials.entriesBelow(CredentialStore.DEFAULT_ITERATIONS);

            commands = new OneToOneRingBuffer(newRingBuffer(
                getInt(GatewayConfiguration.COMMAND_RING_CAPACITY_PROP_NAME,
                    GatewayConfiguration.COMMAND_RING_CAPACITY_DEFAULT)));
            control = new ManyToOneRingBuffer(newRingBuffer(64 * 1024));
            final RingBuffer events = new OneToOneRingBuffer(newRingBuffer(
                getInt(GatewayConfiguration.EVENT_RING_CAPACITY_PROP_NAME,
                    GatewayConfiguration.EVENT_RING_CAPACITY_DEFAULT)));

            final ReferencePrices referencePrices = new ReferencePrices(instruments.maxInstrumentId());
            final ReferencePriceSource referenceSource =
                (instrumentId) -> referencePrice(referencePrices, instrumentId);

            MediaDriver driver = null;
            Aeron client = null;
            BookPublisher publisher = null;
            if (settings.isSetting(GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME))
            {
                final boolean embedded = !settings.isSetting(GatewayConfiguration.EMBEDDED_MEDIA_DRIVER_PROP_NAME) ||
                    settings.getBool(GatewayConfiguration.EMBEDDED_MEDIA_DRIVER_PROP_NAME);
                final Aeron.Context aeronContext = new Aeron.Context();
                if (embedded)
                {
                    driver = EmbeddedDriver.launchCompact(settings.isSetting(GatewayConfiguration.AERON_DIR_PROP_NAME) ?
                        settings.getString(GatewayConfiguration.AERON_DIR_PROP_NAME) : null);
                started.add(driver);
                    aeronContext.aeronDirectoryName(driver.aeronDirectoryName());
                }
                else if (settings.isSetting(GatewayConfiguration.AERON_DIR_PROP_NAME))
                {
                    aeronContext.aeronDirectoryName(settings.getString(GatewayConfiguration.AERON_DIR_PROP_NAME));
                }
                client = Aeron.connect(aeronContext);
                started.add(client);
                final int streamId = getInt(GatewayConfiguration.MARKET_DATA_STREAM_ID_PROP_NAME,
                    GatewayConfiguration.MARKET_DATA_STREAM_ID_DEFAULT);
                final ExclusivePublication publication = client.addExclusivePublication(
                    settings.getString(GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME), streamId);
                publisher = new BookPublisher(publication, CalibratedEpochNanoClock.shared());
            }
            mediaDriver = driver;
            aeron = client;
            bookPublisher = publisher;

            final LatencyRegistry latency = context.latencyRegistry();
            final boolean requireClockSync = context.requireClockSync() ||
                (settings.isSetting(GatewayConfiguration.REQUIRE_CLOCK_SYNC_PROP_NAME) &&
                settings.getBool(GatewayConfiguration.REQUIRE_CLOCK_SYNC_PROP_NAME));
            clockPolicy = ClockSyncPolicy.fromSystemProperties().withRequireSync(requireClockSync);
            if (null == context.clock())
            {
                clockMonitor = ClockSyncMonitor.forHost();
                clock = new SystemGatewayClock(clockMonitor);
                clockRunner = new AgentRunner(new SleepingMillisIdleStrategy(100), agentErrors("clock-monitor"), null,
                    clockMonitor);
            }
            else
            {
                clockMonitor = null;
                clock = context.clock();
                clockRunner = null;
            }
            final MessageStamper stamper = new MessageStamper(clock, clockPolicy);

            // The order path's idle strategies: made first so that the producers can wake them (see wakeOnCommand,
            // the audit durable listener) and they can park soon without the next order paying a park timeout.
            final String threading = threading();
            final boolean compact = "compact".equals(threading);
            final IdleStrategy engineIdle = idleStrategy();
            final IdleStrategy senderIdle = compact ? engineIdle : idleStrategy();
            final DurableListener wakeSender = senderIdle instanceof WakeableIdleStrategy ?
                wakeOnDurable((WakeableIdleStrategy)senderIdle) : null;

            InboundObserver inboundObserver = context.inboundObserver();
            OutboundGate outboundGate = context.outboundGate();
            AuditingWireRecorder wireRecorder = null;
            Path auditDirectory = context.auditDirectory();
            if (null == auditDirectory && settings.isSetting(GatewayConfiguration.AUDIT_DIRECTORY_PROP_NAME))
            {
                auditDirectory = Path.of(settings.getString(GatewayConfiguration.AUDIT_DIRECTORY_PROP_NAME));
            }
            if (null != auditDirectory)
            {
                final AuditTrail.Context auditContext = new AuditTrail.Context();
                if (settings.isSetting(GatewayConfiguration.AUDIT_SYNC_PROP_NAME))
                {
                    try
                    {
                        auditContext.sync(AuditSync.fromConfigName(
                            settings.getString(GatewayConfiguration.AUDIT_SYNC_PROP_NAME)));
                    }
                    catch (final IllegalArgumentException ex)
                    {
                        throw new ConfigError(GatewayConfiguration.AUDIT_SYNC_PROP_NAME + ": " + ex.getMessage());
                    }
                }
                if (settings.isSetting(GatewayConfiguration.AUDIT_MAX_FILE_SIZE_PROP_NAME))
                {
                    auditContext.maxFileSize(settings.getLong(GatewayConfiguration.AUDIT_MAX_FILE_SIZE_PROP_NAME));
                }
                auditTrail = AuditTrail.launch(auditContext
                    .directory(auditDirectory)
                    .toleranceMicros(clockPolicy.toleranceMicros())
                    .clockSync(clock::syncSnapshot)
                    .durableListener(wakeSender));
                started.add(auditTrail);
                wireRecorder = new AuditingWireRecorder(auditTrail.publisher(),
                    auditTrail.reportPublisher(), auditTrail.otherPublisher(), new MessageStamper(clock, clockPolicy));
                inboundObserver = new AuditingInboundObserver(auditTrail.publisher(), wireRecorder);
                outboundGate = new AuditingOutboundGate(auditTrail.reportPublisher(), auditTrail.reportDurability(),
                    new MessageStamper(clock, clockPolicy), wireRecorder);
            }
            else
            {
                auditTrail = null;
            }
            final OrderEntry orderEntry = new OrderEntry(
                commands, instruments, counters, new YieldingIdleStrategy(), requireClockSync,
                System.currentTimeMillis() * 1000);
            orderEntry.nanoClock(clock::monotonicNanos);
            if (engineIdle instanceof WakeableIdleStrategy)
            {
                orderEntry.wakeOnCommand(((WakeableIdleStrategy)engineIdle)::wake);
            }
            if (null != latency)
            {
                orderEntry.receiveToRiskRecorder(latency.recorder(OrderStages.FIX_RECEIVE_TO_RISK, "fix-session"));
            }
            application = new GatewayApplication(
                settings, credentials, stamper, inboundObserver, orderEntry, referenceSource, counters, control)
                .logonThrottle(logonThrottle())
                .resendThrottle(resendThrottle())
                .securityEventListener(context.securityEventListener());

            final ExecutionReportSender sender = new ExecutionReportSender(
                events, application, instruments, outboundGate, counters, clock);
            if (null != latency)
            {
                sender.latencyRecorders(
                    latency.recorder(OrderStages.MATCHED_TO_ER_SENT, "execution-report-sender"),
                    latency.recorder(OrderStages.FIX_RECEIVE_TO_ER_SENT, "execution-report-sender"));
            }

            final DrainingIdleStrategy drainingBackPressure = new DrainingIdleStrategy(new BackoffIdleStrategy());
            final IdleStrategy engineBackPressure = compact ? drainingBackPressure : new BackoffIdleStrategy();
            final int retainedFinishedOrders = getInt(GatewayConfiguration.RETAINED_FINISHED_ORDERS_PROP_NAME,
                GatewayConfiguration.RETAINED_FINISHED_ORDERS_DEFAULT);
            final BookListener bookListener = null == publisher ? BookListener.NO_OP : publisher;
            final Agent orderAgent;
            clusterPath = launchClusterPath(commands, control, events, engineBackPressure, retainedFinishedOrders,
                bookListener, referencePrices);
            started.add(clusterPath);
            if (null != clusterPath)
            {
                orderAgent = clusterPath.agent();
                if (inboundObserver instanceof AuditingInboundObserver)
                {
                    // The inbound audit record travels behind its command: the cluster log is the durable audit
                    // source.
                    final InboundAuditRecord auditRecord = new InboundAuditRecord();
                    ((AuditingInboundObserver)inboundObserver).commandRecord(auditRecord);
                    orderEntry.attachAuditRecord(auditRecord);
                }
            }
            else
            {
                final MatchingEngine engine = new MatchingEngine(
                    instruments.instrumentIds(),
                    commands,
                    control,
                    events,
                    referencePrices,
                    bookListener,
                    engineBackPressure,
                    retainedFinishedOrders);
                if (null != latency)
                {
                    engine.riskToMatchedRecorder(latency.recorder(OrderStages.RISK_TO_MATCHED, "matching-engine"));
                }
                orderAgent = engine;
            }

            checkExistingDirectory(FileStoreFactory.SETTING_FILE_STORE_PATH);
            if (hasFileLogPath())
            {
                checkExistingDirectory(FileLogFactory.SETTING_FILE_LOG_PATH);
            }
            if (null != auditDirectory && Files.isDirectory(auditDirectory) &&
                OwnerOnlyFiles.isSharedWithOthers(auditDirectory))
            {
                filePermissionWarnings.add("audit directory " + auditDirectory + " is open to group/others");
            }
            // A message for no known session (wrong CompID, address not allowed) QuickFIX/J logs whole to its class
            // logger, outside the masked session logs: a Logon's password with it. Its session ID is enough.
            if (!settings.isSetting(Session.SETTING_LOG_MESSAGE_WHEN_SESSION_NOT_FOUND))
            {
                settings.setBool(Session.SETTING_LOG_MESSAGE_WHEN_SESSION_NOT_FOUND, false);
            }
            final LogFactory logFactory = new DiscardRecordingLogFactory(new MaskingLogFactory(hasFileLogPath() ?
                OwnerOnlyFileStoreFactory.logFactory(settings) : new SLF4JLogFactory(settings)), counters,
                wireRecorder);
            acceptor = new SocketAcceptor(application, new OwnerOnlyFileStoreFactory(settings), settings, logFactory,
                new DefaultMessageFactory());

            preLogonGuard = new PreLogonGuard(
                getLong(GatewayConfiguration.PRE_LOGON_MAX_BYTES_PROP_NAME,
                GatewayConfiguration.PRE_LOGON_MAX_BYTES_DEFAULT),
                getLong(GatewayConfiguration.LOGON_TIMEOUT_MS_PROP_NAME, GatewayConfiguration.LOGON_TIMEOUT_MS_DEFAULT),
                counters, context.securityEventListener());
            started.add(preLogonGuard);
            sizeFilter = new InboundSizeFilter(getInt(GatewayConfiguration.MAX_MESSAGE_SIZE_PROP_NAME,
                GatewayConfiguration.MAX_MESSAGE_SIZE_DEFAULT), preLogonGuard);
            // Runs after QuickFIX/J built its chain (TLS, codec). The guard goes first, on the bytes of the wire, so
            // that a TLS handshake that never ends is timed too; the cap goes between TLS and codec, on decrypted
            // bytes.
            acceptor.setIoFilterChainBuilder((chain) ->
            {
                chain.addFirst("tickwire-pre-logon", preLogonGuard);
                chain.addBefore(FIXProtocolCodecFactory.FILTER_NAME, "tickwire-size-cap", sizeFilter);
            });

            if (compact)
            {
                drainingBackPressure.consumer(sender);
                // Engine first in the duty cycle: the events it emits are sent in the same cycle, without a wake-up.
                engineRunner = new AgentRunner(engineIdle, agentErrors(orderAgent.roleName()), null,
                    new CompositeAgent(orderAgent, sender));
                senderRunner = null;
            }
            else
            {
                engineRunner = new AgentRunner(engineIdle, agentErrors(orderAgent.roleName()), null, orderAgent);
                senderRunner = new AgentRunner(senderIdle, agentErrors(sender.roleName()), null, sender);
            }
            threadPlan = threading + " (" + Runtime.getRuntime().availableProcessors() + " cores): QuickFIX/J " +
                "network + session threads, " + (compact ?
                orderAgent.roleName() + "+execution-report-sender on one thread" :
                orderAgent.roleName() + ", execution-report-sender") +
                " (idle " + idleStrategyName() + ")" + (null == auditTrail ? "" : ", audit-writer") +
                (null == mediaDriver ? "" : ", embedded media driver (shared, backoff)") +
                ", clock monitor (sleeping), logon timer (sleeping)" +
                (null == clusterPath ? "" : "; orders sequenced by " + clusterPath.description() +
                (null == clusterPath.member() ? "" : " (" + clusterPath.member().threadPlan() + ")"));
        }
        catch (final Exception | Error ex)
        {
            // A gateway that cannot start leaves nothing running or mapped: close what had started, newest first.
            for (int i = started.size() - 1; i >= 0; i--)
            {
                CloseHelper.quietClose(started.get(i));
            }
            throw ex;
        }
    }

    /**
     * What an agent's runner does with an exception the agent throws: count it (status line) and say which agent
     * and why; the runner then carries on with the next duty cycle.
     */
    private ErrorHandler agentErrors(final String agent)
    {
        return (throwable) ->
        {
            counters.onAgentError();
            System.err.println("tickwire gateway: " + agent + " failed: " + throwable);
            if (Boolean.getBoolean("tickwire.debug"))
            {
                throwable.printStackTrace();
            }
        };
    }

    /**
     * The clustered order path when {@code TickwireClusterDir} or {@code TickwireClusterMembers} is set, else null.
     */
    private ClusterOrderPath launchClusterPath(
        final RingBuffer commands,
        final RingBuffer control,
        final RingBuffer events,
        final IdleStrategy eventBackPressure,
        final int retainedFinishedOrders,
        final BookListener bookListener,
        final ReferencePrices referencePrices) throws ConfigError, FieldConvertError
    {
        Path clusterDir = context.clusterDirectory();
        if (null == clusterDir && settings.isSetting(GatewayConfiguration.CLUSTER_DIR_PROP_NAME))
        {
            clusterDir = Path.of(settings.getString(GatewayConfiguration.CLUSTER_DIR_PROP_NAME));
        }
        final boolean external = settings.isSetting(GatewayConfiguration.CLUSTER_MEMBERS_PROP_NAME);
        if (null == clusterDir && !external)
        {
            return null;
        }
        // Ingress sequences above any an earlier run of this gateway sent: the start time in microseconds.
        final ClusterOrderAgent agent = new ClusterOrderAgent(commands, control, events, eventBackPressure,
            System.currentTimeMillis() * 1000, SystemNanoClock.INSTANCE);
        final int basePort = getInt(GatewayConfiguration.CLUSTER_BASE_PORT_PROP_NAME, ClusterConfiguration.basePort());
        if (external)
        {
            if (null == aeron)
            {
                throw new ConfigError(GatewayConfiguration.CLUSTER_MEMBERS_PROP_NAME + " needs a media driver for " +
                    "the cluster client: set " + GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME);
            }
            final String ingressEndpoints;
            try
            {
                ingressEndpoints = ClusterConfiguration.ingressEndpoints(
                    settings.getString(GatewayConfiguration.CLUSTER_MEMBERS_PROP_NAME), basePort);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new ConfigError(GatewayConfiguration.CLUSTER_MEMBERS_PROP_NAME + ": " + ex.getMessage());
            }
            // The engine runs elsewhere: the collar's reference is the last trade the fills report.
            agent.tradePrices(referencePrices);
            return ClusterOrderPath.external(aeron.context().aeronDirectoryName(), ingressEndpoints, agent);
        }
        final ClusterMemberContext member = new ClusterMemberContext()
            .clusterDir(clusterDir.toFile())
            .basePort(basePort);
        final MatchingService service =
            new MatchingService(instruments.instrumentIds(), retainedFinishedOrders, bookListener, referencePrices);
        if (null != auditTrail)
        {
            // The inbound records travel in the log only with an audit trail: then the member journals them.
            service.memberAudit(clusterDir.resolve(MatchingService.AUDIT_DIR_NAME));
        }
        final LatencyRegistry latency = context.latencyRegistry();
        service.sameHostLatency(SystemNanoClock.INSTANCE,
            null == latency ? null : latency.recorder(OrderStages.RISK_TO_MATCHED, "matching-service"));
        return ClusterOrderPath.embedded(member, service, agent);
    }

    /**
     * Build, then start accepting connections.
     *
     * @param context configuration.
     * @return the running gateway.
     * @throws Exception if the configuration is invalid or a port cannot be bound.
     */
    public static Gateway launch(final Context context) throws Exception
    {
        context.conclude();
        final Gateway gateway = new Gateway(context);
        try
        {
            if (null != gateway.auditTrail)
            {
                gateway.auditTrail.startWriterThread(gateway.auditIdleStrategy());
            }
            if (null != gateway.clockRunner)
            {
                AgentRunner.startOnThread(gateway.clockRunner);
            }
            AgentRunner.startOnThread(gateway.engineRunner);
            if (null != gateway.senderRunner)
            {
                AgentRunner.startOnThread(gateway.senderRunner);
            }
            gateway.acceptor.start();
            return gateway;
        }
        catch (final Exception ex)
        {
            gateway.close();
            throw ex;
        }
    }

    /**
     * @return counters.
     */
    public GatewayCounters counters()
    {
        return counters;
    }

    /**
     * @return the clustered order path, or null when the engine runs in this process.
     */
    public ClusterOrderPath clusterPath()
    {
        return clusterPath;
    }

    /**
     * @return the inbound message size cap.
     */
    public InboundSizeFilter sizeFilter()
    {
        return sizeFilter;
    }

    /**
     * @return the filter that bounds bytes and time before logon.
     */
    public PreLogonGuard preLogonGuard()
    {
        return preLogonGuard;
    }

    /**
     * @return users in the credentials file whose entry has fewer than the default PBKDF2 iterations.
     */
    public int weakCredentials()
    {
        return weakCredentials;
    }

    /**
     * @return directories the gateway writes into that existed before it started and are open to group or others
     * (the gateway creates its own owner-only but leaves an existing directory's mode alone).
     */
    public List<String> filePermissionWarnings()
    {
        return filePermissionWarnings;
    }

    /**
     * @return the QuickFIX/J application.
     */
    public GatewayApplication application()
    {
        return application;
    }

    /**
     * @return instruments.
     */
    public Instruments instruments()
    {
        return instruments;
    }

    /**
     * @return the market data publisher, or null when no channel is configured.
     */
    public BookPublisher bookPublisher()
    {
        return bookPublisher;
    }

    /**
     * @return the Aeron directory in use, or null when market data is off.
     */
    public String aeronDirectoryName()
    {
        return null == aeron ? null : aeron.context().aeronDirectoryName();
    }

    /**
     * @return whether logons are authenticated against a credentials file.
     */
    public boolean isAuthenticated()
    {
        return authenticated;
    }

    /**
     * @return the session ids configured.
     */
    public List<SessionID> sessionIds()
    {
        final List<SessionID> ids = new ArrayList<>();
        for (final Iterator<SessionID> it = settings.sectionIterator(); it.hasNext(); )
        {
            ids.add(it.next());
        }
        return ids;
    }

    /**
     * @return listening addresses by session.
     */
    public Map<SessionID, SocketAddress> listeningAddresses()
    {
        return acceptor.getAcceptorAddresses();
    }

    /**
     * @return the first listening port.
     */
    public int port()
    {
        for (final SocketAddress address : acceptor.getAcceptorAddresses().values())
        {
            if (address instanceof InetSocketAddress)
            {
                return ((InetSocketAddress)address).getPort();
            }
        }
        return -1;
    }

    /**
     * @return description of the receive clock.
     */
    public String clockDescription()
    {
        return clock.syncSnapshot().describe() + ", tolerance " + clockPolicy.toleranceMicros() + " us" +
            (clockPolicy.requireSync() ? ", orders refused while not within tolerance" : "");
    }

    /**
     * @return the audit trail, or null when none is configured.
     */
    public AuditTrail auditTrail()
    {
        return auditTrail;
    }

    /**
     * @return audit records not yet durable, or -1 without an audit trail.
     */
    public long auditLag()
    {
        return null == auditTrail ? -1 : auditTrail.lag();
    }

    /**
     * Engage or release a session's kill switch; engaging also cancels its live orders.
     *
     * @param sessionId session.
     * @param engaged   true to refuse new orders.
     */
    public void killSwitch(final SessionID sessionId, final boolean engaged)
    {
        final SessionState state = application.sessionState(sessionId);
        if (null == state)
        {
            throw new IllegalArgumentException("unknown session " + sessionId);
        }
        state.risk().limits().killSwitch(engaged);
        if (engaged)
        {
            application.cancelAll(state);
        }
    }

    /**
     * Stop accepting, log sessions out, stop the agents, release Aeron.
     */
    public void close()
    {
        if (null != acceptor)
        {
            acceptor.stop(true);
        }
        CloseHelper.close(preLogonGuard);
        if (null != clusterPath)
        {
            awaitClusterAnswers();
        }
        // The engine first, while the sender still drains the event ring (a mass cancel may be in progress).
        CloseHelper.closeAll(engineRunner, senderRunner, clusterPath, clockRunner, auditTrail, aeron, mediaDriver);
    }

    /**
     * Logging sessions out queues their cancel-on-disconnect commands: give the cluster a bounded time to commit
     * and answer them (and anything else in flight) before the client stops, so they are not left to the next run.
     */
    private void awaitClusterAnswers()
    {
        final long deadlineNs = System.nanoTime() + CLOSE_DRAIN_TIMEOUT_NS;
        while (System.nanoTime() - deadlineNs < 0 &&
            (commands.size() > 0 || control.size() > 0 || !clusterPath.agent().isIdle()))
        {
            LockSupport.parkNanos(1_000_000L);
        }
    }

    /**
     * The threads this gateway runs and why, for the start-up banner.
     *
     * @return e.g. {@code compact (2 cores): ...}.
     */
    public String threadPlan()
    {
        return threadPlan;
    }

    private String threading() throws ConfigError
    {
        final String name = settings.isSetting(GatewayConfiguration.THREADING_PROP_NAME) ?
            settings.getString(GatewayConfiguration.THREADING_PROP_NAME) :
            Runtime.getRuntime().availableProcessors() < GatewayConfiguration.DEDICATED_MIN_CORES ?
            "compact" : "dedicated";
        if (!"compact".equals(name) && !"dedicated".equals(name))
        {
            throw new ConfigError(GatewayConfiguration.THREADING_PROP_NAME + " must be compact or dedicated: " + name);
        }
        return name;
    }

    private String idleStrategyName() throws ConfigError
    {
        return settings.isSetting(GatewayConfiguration.IDLE_STRATEGY_PROP_NAME) ?
            settings.getString(GatewayConfiguration.IDLE_STRATEGY_PROP_NAME) : "backoff";
    }

    private IdleStrategy idleStrategy() throws ConfigError
    {
        return idleStrategy(GatewayConfiguration.IDLE_STRATEGY_PROP_NAME, idleStrategyName());
    }

    /**
     * The audit writer spends most of a busy period in {@code fdatasync}; between commits it should give its core
     * away quickly rather than yield for milliseconds against the session thread, and Agrona's default back-off
     * parks up to 1 ms, which an order waiting for its record to become durable would feel at low rates.
     */
    private IdleStrategy auditIdleStrategy() throws ConfigError
    {
        final String name = settings.isSetting(GatewayConfiguration.AUDIT_IDLE_STRATEGY_PROP_NAME) ?
            settings.getString(GatewayConfiguration.AUDIT_IDLE_STRATEGY_PROP_NAME) :
            GatewayConfiguration.AUDIT_IDLE_STRATEGY_DEFAULT;
        return idleStrategy(GatewayConfiguration.AUDIT_IDLE_STRATEGY_PROP_NAME, name);
    }

    private static DurableListener wakeOnDurable(final WakeableIdleStrategy idle)
    {
        // After each group commit held reports may be released: wake their sender if it parked meanwhile.
        return (durableTicket, reportDurableTicket) -> idle.wake();
    }

    private static IdleStrategy idleStrategy(final String key, final String name) throws ConfigError
    {
        if ("yielding".equals(name))
        {
            return new YieldingIdleStrategy();
        }
        if ("backoff".equals(name))
        {
            return new WakeableIdleStrategy(
                BACKOFF_SPINS, BACKOFF_YIELDS, BACKOFF_MIN_PARK_NANOS, BACKOFF_MAX_PARK_NANOS);
        }
        if (name.startsWith("backoff:"))
        {
            final String[] parts = name.substring("backoff:".length()).split(",");
            try
            {
                if (4 == parts.length)
                {
                    return new WakeableIdleStrategy(Long.parseLong(parts[0].trim()), Long.parseLong(parts[1].trim()),
                        Long.parseLong(parts[2].trim()), Long.parseLong(parts[3].trim()));
                }
            }
            catch (final NumberFormatException ignore)
            {
                // reported below
            }
        }
        throw new ConfigError(
            key + " must be backoff, backoff:SPINS,YIELDS,MIN_PARK_NS,MAX_PARK_NS or yielding: " + name);
    }

    private boolean hasFileLogPath()
    {
        return settings.isSetting(FileLogFactory.SETTING_FILE_LOG_PATH);
    }

    private int getInt(final String key, final int defaultValue) throws ConfigError, FieldConvertError
    {
        return settings.isSetting(key) ? (int)settings.getLong(key) : defaultValue;
    }

    private long getLong(final String key, final long defaultValue) throws ConfigError, FieldConvertError
    {
        return settings.isSetting(key) ? settings.getLong(key) : defaultValue;
    }

    private ResendThrottle resendThrottle() throws ConfigError, FieldConvertError
    {
        final int maxRequests = getInt(GatewayConfiguration.MAX_RESEND_REQUESTS_PROP_NAME,
            GatewayConfiguration.MAX_RESEND_REQUESTS_DEFAULT);
        if (0 == maxRequests)
        {
            return null;
        }
        try
        {
            return new ResendThrottle(maxRequests, getLong(GatewayConfiguration.RESEND_WINDOW_MS_PROP_NAME,
                GatewayConfiguration.RESEND_WINDOW_MS_DEFAULT), () -> System.nanoTime() / 1_000_000);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigError(ex.getMessage());
        }
    }

    private LogonThrottle logonThrottle() throws ConfigError, FieldConvertError
    {
        final int maxFailures = getInt(GatewayConfiguration.LOGON_MAX_FAILURES_PROP_NAME,
            GatewayConfiguration.LOGON_MAX_FAILURES_DEFAULT);
        final int maxAddressFailures = getInt(GatewayConfiguration.LOGON_MAX_ADDRESS_FAILURES_PROP_NAME,
            GatewayConfiguration.LOGON_MAX_ADDRESS_FAILURES_DEFAULT);
        if (0 == maxFailures && 0 == maxAddressFailures)
        {
            return null;
        }
        try
        {
            return new LogonThrottle(maxFailures, maxAddressFailures,
                getLong(GatewayConfiguration.LOGON_LOCKOUT_MS_PROP_NAME, GatewayConfiguration.LOGON_LOCKOUT_MS_DEFAULT),
                getLong(GatewayConfiguration.LOGON_LOCKOUT_MAX_MS_PROP_NAME,
                GatewayConfiguration.LOGON_LOCKOUT_MAX_MS_DEFAULT),
                LogonThrottle.DEFAULT_CAPACITY, () -> System.nanoTime() / 1_000_000);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigError(ex.getMessage());
        }
    }

    /**
     * A directory the gateway would write into that exists already keeps its mode: say so if others can read it.
     */
    private void checkExistingDirectory(final String key) throws ConfigError, IOException
    {
        if (settings.isSetting(key))
        {
            final Path directory = Path.of(settings.getString(key));
            if (Files.isDirectory(directory) && OwnerOnlyFiles.isSharedWithOthers(directory))
            {
                filePermissionWarnings.add(key + " " + directory + " is open to group/others");
            }
        }
    }

    private long referencePrice(final ReferencePrices prices, final int instrumentId)
    {
        final long last = prices.lastTrade(instrumentId);
        if (ReferencePrices.NO_PRICE != last)
        {
            return last;
        }
        final long bid = prices.bestBid(instrumentId);
        final long ask = prices.bestAsk(instrumentId);
        if (ReferencePrices.NO_PRICE != bid && ReferencePrices.NO_PRICE != ask)
        {
            return (bid + ask) / 2;
        }
        final long configured = instruments.configuredReferencePrice(instrumentId);
        return Long.MIN_VALUE == configured ? ReferencePriceSource.NO_PRICE : configured;
    }

    private static UnsafeBuffer newRingBuffer(final int capacity)
    {
        return new UnsafeBuffer(ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH));
    }

    /**
     * Gateway configuration: the QuickFIX/J settings plus the pluggable time and audit points.
     */
    public static final class Context
    {
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
        public Context configFile(final String configFile)
        {
            this.configFile = configFile;
            return this;
        }

        /**
         * @param settings settings already loaded (takes precedence over the file).
         * @return this.
         */
        public Context settings(final SessionSettings settings)
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
        public Context requireClockSync(final boolean requireClockSync)
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
        public Context clock(final GatewayClock clock)
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
        public Context clusterDirectory(final Path clusterDirectory)
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
        public Context auditDirectory(final Path auditDirectory)
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
        public Context inboundObserver(final InboundObserver inboundObserver)
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
        public Context outboundGate(final OutboundGate outboundGate)
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
        public Context latencyRegistry(final LatencyRegistry latencyRegistry)
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
        public Context securityEventListener(final SecurityEventListener securityEventListener)
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
         * Load the settings if needed and fill in defaults.
         *
         * @return this.
         * @throws ConfigError if the file cannot be read or has no sessions.
         */
        public Context conclude() throws ConfigError
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
            return this;
        }
    }
}
