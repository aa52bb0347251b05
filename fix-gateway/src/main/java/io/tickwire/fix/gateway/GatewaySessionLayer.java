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

import io.tickwire.fix.audit.OwnerOnlyFiles;
import io.tickwire.fix.audit.StoreHealth;
import io.tickwire.fix.cluster.GatewaySessions;
import io.tickwire.fix.session.AuditingInboundObserver;
import io.tickwire.fix.session.ConnectionCap;
import io.tickwire.fix.session.DiscardRecordingLogFactory;
import io.tickwire.fix.session.GatewayApplication;
import io.tickwire.fix.session.GatewayCounters;
import io.tickwire.fix.session.InboundAuditRecord;
import io.tickwire.fix.session.InboundSizeFilter;
import io.tickwire.fix.session.LogonThrottle;
import io.tickwire.fix.session.LogonVerifier;
import io.tickwire.fix.session.MaskingLogFactory;
import io.tickwire.fix.session.OrderEntry;
import io.tickwire.fix.session.OwnerOnlyFileStoreFactory;
import io.tickwire.fix.session.PreLogonGuard;
import io.tickwire.fix.session.ResendThrottle;
import io.tickwire.fix.time.ClockSyncPolicy;
import io.tickwire.fix.time.GatewayClock;
import io.tickwire.fix.time.MessageStamper;
import io.tickwire.latency.LatencyRegistry;
import org.agrona.CloseHelper;
import org.agrona.concurrent.YieldingIdleStrategy;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FileLogFactory;
import quickfix.FileStoreFactory;
import quickfix.LogFactory;
import quickfix.Session;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.mina.message.FIXProtocolCodecFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The session layer: the session thread's order entry, the QuickFIX/J application with its logon and resend
 * throttles, and the {@link SocketAcceptor} with the gateway's filters around QuickFIX/J's decoder: a
 * {@link ConnectionCap} (connections open at once), a {@link PreLogonGuard} (bytes and time before logon) and an
 * {@link InboundSizeFilter} (message size) in front of it, a {@link LogonVerifier} (passwords checked off the session
 * thread) behind it. Built in two steps to keep the gateway's build order: the application before the order path is
 * launched (the report sender needs it), the acceptor and its filters after; nothing accepts a connection until the
 * gateway starts the acceptor. Closing it stops the filters' threads (logon timer, verifier).
 */
final class GatewaySessionLayer implements AutoCloseable
{
    private final GatewayContext ctx;
    private final SessionSettings settings;
    private final GatewayCounters counters;
    private final OrderEntry orderEntry;
    private final StoreHealth sessionStore =
        new StoreHealth(StoreHealth.storeName(StoreHealth.SESSION_STORE), StoreHealth.SESSION_STORE);
    private final GatewayApplication application;
    private final List<String> filePermissionWarnings = new ArrayList<>();
    private SocketAcceptor acceptor;
    private PreLogonGuard preLogonGuard;
    private InboundSizeFilter sizeFilter;
    private ConnectionCap connectionCap;
    private LogonVerifier logonVerifier;

    /**
     * The order entry and the application: nothing is started.
     *
     * @param ctx         concluded context.
     * @param counters    gateway counters.
     * @param orderPath   rings and reference prices.
     * @param audit       the audit points.
     * @param clock       the receive clock.
     * @param clockPolicy tolerance and whether orders need a synchronised clock.
     * @param threads     whose order agent the session thread wakes after each command.
     */
    GatewaySessionLayer(
        final GatewayContext ctx,
        final GatewayCounters counters,
        final GatewayOrderPath orderPath,
        final GatewayAudit audit,
        final GatewayClock clock,
        final ClockSyncPolicy clockPolicy,
        final GatewayThreads threads)
    {
        this.ctx = ctx;
        this.settings = ctx.settings();
        this.counters = counters;
        orderEntry = new OrderEntry(orderPath.commands(), ctx.instruments, counters, new YieldingIdleStrategy(),
            ctx.clockSyncRequired, GatewaySessions.firstOrderId(ctx.gatewayId, System.currentTimeMillis() * 1000));
        orderEntry.nanoClock(clock::monotonicNanos);
        orderEntry.storeHealth(null == audit.trail() ? null : audit.trail().storeHealth(), sessionStore);
        orderEntry.inFlightLimit(orderPath.inFlightLimit());
        final Runnable engineWaker = threads.engineWaker();
        if (null != engineWaker)
        {
            orderEntry.wakeOnCommand(engineWaker);
        }
        final LatencyRegistry latency = ctx.latencyRegistry();
        if (null != latency)
        {
            orderEntry.receiveToRiskRecorder(latency.recorder(OrderStages.FIX_RECEIVE_TO_RISK, "fix-session"));
        }
        final boolean clustered = null != ctx.resolvedClusterDirectory || null != ctx.clusterIngressEndpoints;
        if (clustered && audit.inboundObserver() instanceof AuditingInboundObserver)
        {
            // The inbound audit record travels behind its command: the cluster log is the durable audit source.
            final InboundAuditRecord auditRecord = new InboundAuditRecord();
            ((AuditingInboundObserver)audit.inboundObserver()).commandRecord(auditRecord);
            orderEntry.attachAuditRecord(auditRecord);
        }
        application = new GatewayApplication(settings, ctx.credentials, new MessageStamper(clock, clockPolicy),
            audit.inboundObserver(), orderEntry, orderPath.referenceSource(), counters, orderPath.control())
            .logonThrottle(logonThrottle())
            .resendThrottle(resendThrottle())
            .securityEventListener(ctx.securityEventListener());
    }

    /**
     * Build the acceptor and its filters, and note the directories it writes into that others can read.
     *
     * @param audit the audit points: QuickFIX/J's discards are journalled through its wire recorder.
     * @return this, which owns the filters' threads (logon timer, verifier) to close when the gateway closes.
     * @throws ConfigError if QuickFIX/J rejects its settings.
     * @throws IOException if a directory's permissions cannot be read.
     */
    GatewaySessionLayer buildAcceptor(final GatewayAudit audit) throws ConfigError, IOException
    {
        checkExistingDirectory(FileStoreFactory.SETTING_FILE_STORE_PATH);
        if (hasFileLogPath())
        {
            checkExistingDirectory(FileLogFactory.SETTING_FILE_LOG_PATH);
        }
        final Path auditDirectory = ctx.resolvedAuditDirectory;
        if (null != auditDirectory && Files.isDirectory(auditDirectory) &&
            OwnerOnlyFiles.isSharedWithOthers(auditDirectory))
        {
            filePermissionWarnings.add("audit directory " + auditDirectory + " is open to group/others");
        }
        final LogFactory masked = hasFileLogPath() ?
            new MaskingLogFactory(OwnerOnlyFileStoreFactory.logFactory(settings)) : MaskingLogFactory.slf4j(settings);
        final LogFactory logFactory = new DiscardRecordingLogFactory(masked, counters, audit.wireRecorder());
        acceptor = newAcceptor(logFactory);

        preLogonGuard = new PreLogonGuard(
            ctx.preLogonMaxBytes, ctx.logonTimeoutMs, counters, ctx.securityEventListener());
        sizeFilter = new InboundSizeFilter(ctx.maxMessageSize, preLogonGuard);
        connectionCap = 0 == ctx.maxConnections ?
            null : new ConnectionCap(ctx.maxConnections, counters, ctx.securityEventListener());
        if (null != ctx.credentials)
        {
            logonVerifier = new LogonVerifier(ctx.credentials, application.logonThrottle(), counters,
                ctx.logonVerifierThreads, ctx.logonVerifierQueue);
            application.logonVerifier(logonVerifier);
        }
        // Runs after QuickFIX/J built its chain (TLS, codec). The connection cap goes first, so that a refused
        // connection costs nothing more; the guard next, on the bytes of the wire, so that a TLS handshake that
        // never ends is timed too; the size cap between TLS and codec, on decrypted bytes; the verifier behind the
        // codec, on framed messages.
        final ConnectionCap connections = connectionCap;
        final PreLogonGuard guard = preLogonGuard;
        final InboundSizeFilter cap = sizeFilter;
        final LogonVerifier verifier = logonVerifier;
        acceptor.setIoFilterChainBuilder((chain) ->
        {
            chain.addFirst("tickwire-pre-logon", guard);
            if (null != connections)
            {
                chain.addFirst("tickwire-connection-cap", connections);
            }
            chain.addBefore(FIXProtocolCodecFactory.FILTER_NAME, "tickwire-size-cap", cap);
            if (null != verifier)
            {
                chain.addAfter(FIXProtocolCodecFactory.FILTER_NAME, "tickwire-logon-verifier", verifier);
            }
        });
        return this;
    }

    /**
     * Stop the logon timer and the verifier threads.
     */
    public void close()
    {
        CloseHelper.closeAll(logonVerifier, preLogonGuard);
    }

    /**
     * All sessions share QuickFIX/J's one session thread and its queue. With a per-session limit the queue is
     * unbounded but each session's share is not: QuickFIX/J suspends reading a session's socket while more than
     * the limit of its messages wait, and resumes at a quarter of it, so a burst on one session pushes back on
     * that client's TCP connection and no longer on the I/O thread that also reads the other sessions.
     */
    private SocketAcceptor newAcceptor(final LogFactory logFactory) throws ConfigError
    {
        if (0 == ctx.sessionQueueLimit)
        {
            return new SocketAcceptor(application, new OwnerOnlyFileStoreFactory(settings, sessionStore), settings,
                logFactory, new DefaultMessageFactory());
        }
        return SocketAcceptor.newBuilder()
            .withApplication(application)
            .withMessageStoreFactory(new OwnerOnlyFileStoreFactory(settings, sessionStore))
            .withSettings(settings)
            .withLogFactory(logFactory)
            .withMessageFactory(new DefaultMessageFactory())
            .withQueueWatermarks(ctx.sessionQueueLimit / 4, ctx.sessionQueueLimit)
            .build();
    }

    /**
     * @return whether the FIX session store (FileStore) can be written now.
     */
    StoreHealth sessionStore()
    {
        return sessionStore;
    }

    /**
     * Log every session out while its store is open: each is disabled first, so no new Logon is accepted on it,
     * and QuickFIX/J's timer sends the Logout of each logged-on one; cancel-on-disconnect then queues its cancels
     * as the client answers. A session whose client does not answer within the time is disconnected.
     *
     * @param timeoutMs how long to wait for the clients' Logout answers.
     * @return sessions disconnected without an answer.
     */
    int logoutAll(final long timeoutMs)
    {
        final List<Session> sessions = acceptor.getManagedSessions();
        for (final Session session : sessions)
        {
            session.logout("gateway closing");
        }
        final long deadlineMs = System.currentTimeMillis() + timeoutMs;
        while (anyLoggedOn(sessions) && System.currentTimeMillis() < deadlineMs)
        {
            LockSupport.parkNanos(10_000_000L);
        }
        int disconnected = 0;
        for (final Session session : sessions)
        {
            if (session.isLoggedOn())
            {
                try
                {
                    session.disconnect("gateway closing: no Logout answer within " + timeoutMs + " ms", false);
                    disconnected++;
                }
                catch (final IOException ex)
                {
                    System.err.println("tickwire gateway: closing: disconnecting " + session.getSessionID() +
                        " failed: " + ex);
                }
            }
        }
        return disconnected;
    }

    private static boolean anyLoggedOn(final List<Session> sessions)
    {
        for (final Session session : sessions)
        {
            if (session.isLoggedOn())
            {
                return true;
            }
        }
        return false;
    }

    GatewayApplication application()
    {
        return application;
    }

    SocketAcceptor acceptor()
    {
        return acceptor;
    }

    PreLogonGuard preLogonGuard()
    {
        return preLogonGuard;
    }

    InboundSizeFilter sizeFilter()
    {
        return sizeFilter;
    }

    ConnectionCap connectionCap()
    {
        return connectionCap;
    }

    LogonVerifier logonVerifier()
    {
        return logonVerifier;
    }

    List<String> filePermissionWarnings()
    {
        return filePermissionWarnings;
    }

    private LogonThrottle logonThrottle()
    {
        if (0 == ctx.logonMaxFailures && 0 == ctx.logonMaxAddressFailures)
        {
            return null;
        }
        return new LogonThrottle(ctx.logonMaxFailures, ctx.logonMaxAddressFailures, ctx.logonLockoutMs,
            ctx.logonLockoutMaxMs, LogonThrottle.DEFAULT_CAPACITY, () -> System.nanoTime() / 1_000_000);
    }

    private ResendThrottle resendThrottle()
    {
        if (0 == ctx.maxResendRequests)
        {
            return null;
        }
        return new ResendThrottle(ctx.maxResendRequests, ctx.resendWindowMs, () -> System.nanoTime() / 1_000_000);
    }

    private boolean hasFileLogPath()
    {
        return settings.isSetting(FileLogFactory.SETTING_FILE_LOG_PATH);
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
}
