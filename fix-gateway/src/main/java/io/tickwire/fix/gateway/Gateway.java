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
import io.aeron.driver.MediaDriver;
import io.tickwire.agent.EmbeddedDriver;
import io.tickwire.fix.audit.AuditTrail;
import io.tickwire.fix.audit.StoreHealth;
import io.tickwire.fix.audit.OwnerOnlyFiles;
import io.tickwire.fix.cluster.ClusterMarketData;
import io.tickwire.fix.cluster.ClusterMember;
import io.tickwire.fix.cluster.ClusterOrderPath;
import io.tickwire.fix.cluster.MatchingService;
import io.tickwire.fix.match.BookListener;
import io.tickwire.fix.match.BookPublisher;
import io.tickwire.fix.session.ConnectionCap;
import io.tickwire.fix.session.CredentialStore;
import io.tickwire.fix.session.ExecutionReportSender;
import io.tickwire.fix.session.GatewayApplication;
import io.tickwire.fix.session.GatewayCounters;
import io.tickwire.fix.session.InFlightLimit;
import io.tickwire.fix.session.InboundSizeFilter;
import io.tickwire.fix.session.Instruments;
import io.tickwire.fix.session.LogonThrottle;
import io.tickwire.fix.session.LogonVerifier;
import io.tickwire.fix.session.OutboundGate;
import io.tickwire.fix.session.PreLogonGuard;
import io.tickwire.fix.session.SessionState;
import io.tickwire.fix.time.ClockSyncMonitor;
import io.tickwire.fix.time.ClockSyncPolicy;
import io.tickwire.fix.time.GatewayClock;
import io.tickwire.fix.time.SystemGatewayClock;
import io.tickwire.latency.CalibratedEpochNanoClock;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import quickfix.ConfigError;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The FIX order gateway: a QuickFIX/J {@code SocketAcceptor} (one message-processing thread, the session
 * thread), the matching engine agent and the execution report sender agent, joined by Agrona ring buffers.
 * <pre>
 *  FIX clients ── TCP ──▶ SocketAcceptor thread: stamp, validate, risk ──(command ring, 1 writer)──▶
 *       matching engine agent ──(event ring, 1 writer)──▶ report sender agent ── OutboundGate ──▶ FIX clients
 *  logout / disconnect threads ──(control ring, many writers)──▶ matching engine agent
 *  matching engine agent ──▶ BookPublisher ── Aeron ExclusivePublication (stream 2001) ──▶ feed subscribers
 * </pre>
 * With a cluster the order agent is a {@link ClusterOrderPath}'s client agent; an embedded member's service
 * publishes the book changes ({@link ClusterMarketData}, on this gateway's Aeron client) and serves snapshots.
 * The engine and the sender share one thread ({@code compact}, the default below 4 cores) or run on one each
 * ({@code dedicated}), chosen by {@link GatewayConfiguration#THREADING_PROP_NAME}, with back-off idle strategies (no
 * busy spin: see the threading lesson for 2-core hosts).
 * <p>
 * In front of QuickFIX/J's decoder each connection passes a {@link ConnectionCap} (connections open at once), a
 * {@link PreLogonGuard} (bytes and time before logon) and an {@link InboundSizeFilter} (message size, framing
 * buffer); behind it a {@link LogonVerifier} checks passwords off the session thread; logons go through a
 * {@link LogonThrottle}. The
 * journal, FileStore and file logs are created owner-only ({@link OwnerOnlyFiles}).
 * <p>
 * Configured by a {@link GatewayContext}, concluded before anything starts. This class owns the lifecycle (start
 * order, release order, a failed start releasing what had started), the public accessors and the status text; the
 * parts are assembled by role: {@code GatewayOrderPath} (rings, engine or cluster), {@code GatewayAudit} (journal
 * and its hooks), {@code GatewaySessionLayer} (application, throttles, acceptor, filters) and
 * {@code GatewayThreads} (idle strategies and runners).
 */
public final class Gateway implements AutoCloseable
{
    /**
     * How long closing waits for logged-on clients to answer the gateway's Logout (QuickFIX/J's timer sends it
     * within a second) before disconnecting them.
     */
    private static final long LOGOUT_TIMEOUT_MS = 3_000;

    private final GatewayContext context;
    private final SessionSettings settings;
    private final Instruments instruments;
    private final GatewayCounters counters;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final boolean authenticated;
    private final int weakCredentials;
    private final MediaDriver mediaDriver;
    private final Aeron aeron;
    private final BookPublisher bookPublisher;
    private final GatewayClock clock;
    private final ClockSyncPolicy clockPolicy;
    private final AgentRunner clockRunner;
    private final AuditTrail auditTrail;
    private final GatewayOrderPath orderPath;
    private final ClusterOrderPath clusterPath;
    private final GatewaySessionLayer sessionLayer;
    private final GatewayThreads threads;
    private final OutboundGate outboundGate;
    private final String threadPlan;

    private Gateway(final GatewayContext context) throws ConfigError, IOException
    {
        this.context = context;
        this.settings = context.settings();
        instruments = context.instruments;
        authenticated = null != context.credentials;
        weakCredentials = authenticated ? context.credentials.entriesBelow(CredentialStore.DEFAULT_ITERATIONS) : 0;
        try
        {
            orderPath = new GatewayOrderPath(context);
            mediaDriver = null != context.marketDataChannel && context.embeddedMediaDriver ?
                started(EmbeddedDriver.launchCompact(context.aeronDirectoryName)) : null;
            aeron = null == context.marketDataChannel ?
                null : started(Aeron.connect(aeronContext(mediaDriver, context.aeronDirectoryName)));
            // In the market data driver's CnC file when there is one, so that stat shows them; else in memory.
            counters = started(new GatewayCounters(null == aeron ? null : aeron::addCounter, counterInstance()));

            clockPolicy = ClockSyncPolicy.fromSystemProperties().withRequireSync(context.clockSyncRequired);
            if (null == context.clock())
            {
                final ClockSyncMonitor clockMonitor = ClockSyncMonitor.forHost();
                clock = new SystemGatewayClock(clockMonitor);
                clockRunner = new AgentRunner(new SleepingMillisIdleStrategy(100),
                    GatewayThreads.errorHandler(counters, "clock-monitor"), null, clockMonitor);
            }
            else
            {
                clock = context.clock();
                clockRunner = null;
            }

            // The order path's idle strategies: made first so that the producers can wake them (the session
            // thread after each command, the audit writer after each commit) and they can park soon without the
            // next order paying a park timeout.
            threads = new GatewayThreads(context, counters);
            auditTrail = started(GatewayAudit.launchTrail(context, clock, clockPolicy, threads.wakeSenderOnDurable()));
            final GatewayAudit audit = new GatewayAudit(context, auditTrail, clock, clockPolicy);
            sessionLayer = new GatewaySessionLayer(context, counters, orderPath, audit, clock, clockPolicy, threads);
            final StoreTroubleReporter storeTrouble =
                new StoreTroubleReporter(counters, context.securityEventListener());
            sessionLayer.sessionStore().listener(storeTrouble);
            if (null != auditTrail)
            {
                auditTrail.storeHealth().listener(storeTrouble);
            }
            outboundGate = audit.outboundGate();
            final ExecutionReportSender sender = orderPath.newReportSender(
                context, sessionLayer.application(), outboundGate, counters, clock);

            clusterPath = started(orderPath.launchCluster(
                context, aeron, threads.orderBackPressure(), null != auditTrail, threads.engineWaker()));
            // The in-process engine publishes its own changes; an embedded member publishes through its
            // ClusterMarketData, members elsewhere through theirs.
            bookPublisher = null == aeron || null != clusterPath ? null : new BookPublisher(
                aeron.addExclusivePublication(context.marketDataChannel, context.marketDataStreamId),
                CalibratedEpochNanoClock.shared());
            final Agent orderAgent = null != clusterPath ? clusterPath.agent() : orderPath.newMatchingEngine(
                context, threads.orderBackPressure(), null == bookPublisher ? BookListener.NO_OP : bookPublisher);

            started(sessionLayer.buildAcceptor(audit));
            threads.assign(orderAgent, sender);
            threadPlan = describeThreads(orderAgent);
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
     * Build, then start accepting connections.
     *
     * @param context configuration; concluded here, before anything is started.
     * @return the running gateway.
     * @throws Exception if the configuration is invalid or a port cannot be bound.
     */
    public static Gateway launch(final GatewayContext context) throws Exception
    {
        context.conclude();
        final Gateway gateway = new Gateway(context);
        try
        {
            if (null != gateway.auditTrail)
            {
                gateway.auditTrail.startWriterThread(context.auditIdleStrategy.get());
            }
            if (null != gateway.clockRunner)
            {
                AgentRunner.startOnThread(gateway.clockRunner);
            }
            gateway.threads.start();
            gateway.sessionLayer.acceptor().start();
            return gateway;
        }
        catch (final Exception ex)
        {
            gateway.close();
            throw ex;
        }
    }

    /**
     * @return whether the audit journal can be written now, or null without an audit trail.
     */
    public StoreHealth auditStore()
    {
        return null == auditTrail ? null : auditTrail.storeHealth();
    }

    /**
     * @return whether the FIX session store (FileStore) can be written now.
     */
    public StoreHealth sessionStore()
    {
        return sessionLayer.sessionStore();
    }

    /**
     * @return {@code OK}, or which store is unavailable since when and why: for status lines.
     */
    public String storeDescription()
    {
        final StoreHealth audit = auditStore();
        final String sessionStatus = sessionStore().isAvailable() ? "" : "session store " + sessionStore().describe();
        final String auditStatus = null == audit || audit.isAvailable() ? "" : "audit store " + audit.describe();
        return auditStatus.isEmpty() && sessionStatus.isEmpty() ? "OK" :
            (auditStatus + (auditStatus.isEmpty() || sessionStatus.isEmpty() ? "" : "; ") + sessionStatus);
    }

    /**
     * @return counters.
     */
    public GatewayCounters counters()
    {
        return counters;
    }

    /**
     * @return the bound on commands between the session thread and the report sender.
     */
    public InFlightLimit inFlightLimit()
    {
        return orderPath.inFlightLimit();
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
        return sessionLayer.sizeFilter();
    }

    /**
     * @return the cap on connections open at once, or null when {@code TickwireMaxConnections} is 0.
     */
    public ConnectionCap connectionCap()
    {
        return sessionLayer.connectionCap();
    }

    /**
     * @return the filter that verifies Logon passwords off the session thread, or null without credentials.
     */
    public LogonVerifier logonVerifier()
    {
        return sessionLayer.logonVerifier();
    }

    /**
     * @return the filter that bounds bytes and time before logon.
     */
    public PreLogonGuard preLogonGuard()
    {
        return sessionLayer.preLogonGuard();
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
        return sessionLayer.filePermissionWarnings();
    }

    /**
     * @return the QuickFIX/J application.
     */
    public GatewayApplication application()
    {
        return sessionLayer.application();
    }

    /**
     * @return instruments.
     */
    public Instruments instruments()
    {
        return instruments;
    }

    /**
     * @return the in-process engine's market data publisher, or null when no channel is configured or the order
     * path is clustered.
     */
    public BookPublisher bookPublisher()
    {
        return bookPublisher;
    }

    /**
     * @return the embedded cluster member's market data (publisher sessions, snapshots served), or null without
     * market data or an embedded member.
     */
    public ClusterMarketData memberMarketData()
    {
        final ClusterMember member = null == clusterPath ? null : clusterPath.member();
        return null == member ? null : ((MatchingService)member.service()).marketData();
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
        return sessionLayer.acceptor().getAcceptorAddresses();
    }

    /**
     * @return the first listening port.
     */
    public int port()
    {
        for (final SocketAddress address : sessionLayer.acceptor().getAcceptorAddresses().values())
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
        final GatewayApplication application = sessionLayer.application();
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
     * Log sessions out, drain the order path, then close the sessions' stores, the agents, the journal and Aeron.
     * <p>
     * The order matters under load: cancel-on-disconnect makes a report for every live order of a session as it
     * logs out. Sessions are therefore logged out (and refuse new logons) while their stores are open; the order
     * agent answers every queued command and the sender takes every answer; the reports the audit gate still holds
     * are released; only then does QuickFIX/J close the stores. A report for a session already logged out is kept
     * in its store, to be resent when the client logs on again, and journalled as sent.
     */
    public void close()
    {
        final int disconnected = sessionLayer.logoutAll(LOGOUT_TIMEOUT_MS);
        if (disconnected > 0)
        {
            System.err.println("tickwire gateway: closing: " + disconnected + " session(s) disconnected without " +
                "answering the Logout within " + LOGOUT_TIMEOUT_MS + " ms");
        }
        if (!orderPath.awaitDrained(clusterPath))
        {
            System.err.println("tickwire gateway: closing: commands or reports still in flight after waiting; " +
                "their reports are not sent");
        }
        CloseHelper.closeAll(threads.engineRunner(), threads.senderRunner());
        final int held = GatewayOrderPath.releaseHeldReports(outboundGate);
        if (held > 0)
        {
            System.err.println("tickwire gateway: closing: " + held + " report(s) not sent: their audit records " +
                "did not become durable in time");
        }
        sessionLayer.acceptor().stop(true);
        CloseHelper.closeAll(sessionLayer, clusterPath, clockRunner, auditTrail, counters, aeron, mediaDriver);
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

    private String describeThreads(final Agent orderAgent)
    {
        return threads.profile().displayName() + " (" + Runtime.getRuntime().availableProcessors() + " cores): " +
            "QuickFIX/J network + session threads, " + (threads.isCompact() ?
            orderAgent.roleName() + "+execution-report-sender on one thread" :
            orderAgent.roleName() + ", execution-report-sender") +
            " (idle " + context.idleStrategyName + ")" + (null == auditTrail ? "" :
            ", audit-writer, audit-forcer (fdatasync and seals, parked)") +
            (null == mediaDriver ? "" : ", embedded media driver (shared, backoff)") +
            ", clock monitor (sleeping), logon timer (sleeping)" + (null == sessionLayer.logonVerifier() ? "" :
            ", logon verifier x" + sessionLayer.logonVerifier().threads() + " (PBKDF2, started on the first logon)") +
            (null == clusterPath ? "" : "; orders sequenced by " + clusterPath.description() +
            (null == clusterPath.member() ? "" : " (" + clusterPath.member().threadPlan() + ")"));
    }

    /**
     * Which gateway the counters are of: its FIX acceptor port, stable across restarts (the label becomes a metric
     * label, so a process id would start new series each time).
     */
    private String counterInstance()
    {
        final String port = settings.getDefaultProperties().getProperty("SocketAcceptPort");
        return null == port ? "fix" : "fix port " + port;
    }

    private <T extends AutoCloseable> T started(final T component)
    {
        if (null != component)
        {
            started.add(component);
        }
        return component;
    }

    private static Aeron.Context aeronContext(final MediaDriver driver, final String aeronDirectoryName)
    {
        final Aeron.Context aeronContext = new Aeron.Context();
        if (null != driver)
        {
            aeronContext.aeronDirectoryName(driver.aeronDirectoryName());
        }
        else if (null != aeronDirectoryName)
        {
            aeronContext.aeronDirectoryName(aeronDirectoryName);
        }
        return aeronContext;
    }
}
