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
package io.tickwire.fix.cluster;

import io.aeron.Aeron;
import io.aeron.ChannelUri;
import io.aeron.CommonContext;
import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.cluster.ClusterControl;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.ElectionState;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusterCounters;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.exceptions.ConfigurationException;
import io.aeron.logbuffer.LogBufferDescriptor;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.IoUtil;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ShutdownSignalBarrier;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersReader;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.agrona.SystemUtil.loadPropertiesFiles;

/**
 * One Aeron Cluster member running in this process: its own {@link MediaDriver}, an {@link Archive} that records the
 * log and snapshots, the {@link ConsensusModule} that takes part in elections and sequences the log, and a
 * {@link ClusteredServiceContainer} running the caller's {@link ClusteredService} (the replicated state machine).
 * <p>
 * Four agent threads per member (driver, archive, consensus module, service) with {@link Threading#SHARED}; the
 * consensus module never shares a thread with its own archive (FINDINGS: the election's synchronous
 * {@code startRecording} deadlocks) and is never run by an agent invoker (its {@code onStart} would block the
 * launching thread until the service acks).
 * <pre>{@code
 * try (ClusterMember member = ClusterMember.launch(new ClusterMember.Context()
 *     .memberId(0)
 *     .hosts("10.0.0.1", "10.0.0.2", "10.0.0.3")
 *     .clusterDir(new File("/var/lib/tickwire/cluster-0"))
 *     .clusteredService(MatchingEngineService::new)))
 * {
 *     ... member.role(), member.takeSnapshot() ...
 * }
 * }</pre>
 * State survives a restart: the archive holds the log and snapshots, the cluster directory the recording log, so a
 * member launched again on the same directory loads its latest snapshot and replays the log after it (unless
 * {@link Context#deleteDirOnStart(boolean)}). The member's Aeron directory is deleted when it closes.
 * <p>
 * Not thread safe: read the role and election state, toggle and close from one thread (the counters they read are
 * unmapped by {@link #close()}).
 */
public final class ClusterMember implements AutoCloseable
{
    /**
     * Threading of a member's media driver and archive. The consensus module and the service always have a thread
     * each.
     */
    public enum Threading
    {
        /**
         * Driver conductor, sender and receiver on one thread; archive conductor, recorder and replayer on another.
         */
        SHARED,

        /**
         * A thread per driver agent (3) and per archive agent (3): for hosts with cores to spare.
         */
        DEDICATED;

        /**
         * @param name {@code shared} or {@code dedicated}, any case.
         * @return the threading.
         * @throws ConfigurationException for any other name.
         */
        public static Threading parse(final String name)
        {
            try
            {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new ConfigurationException("cluster threading must be shared or dedicated: \"" + name + "\"");
            }
        }
    }

    /**
     * Subdirectory of the member directory for the media driver (CnC file, log buffers).
     */
    public static final String AERON_DIR_NAME = "aeron";

    /**
     * Subdirectory of the member directory for the archive (recordings of the log and snapshots, catalog).
     */
    public static final String ARCHIVE_DIR_NAME = "archive";

    /**
     * Subdirectory of the member directory for the consensus module and the service (recording log, mark files).
     */
    public static final String CLUSTER_DIR_NAME = "cluster";

    private final Context ctx;
    private final ClusteredService service;
    private final MediaDriver driver;
    private final Archive archive;
    private final ConsensusModule consensusModule;
    private final ClusteredServiceContainer container;
    private final AtomicBoolean terminated;
    private final CountersReader counters;
    private volatile boolean closed;

    private ClusterMember(
        final Context ctx,
        final ClusteredService service,
        final MediaDriver driver,
        final Archive archive,
        final ConsensusModule consensusModule,
        final ClusteredServiceContainer container,
        final AtomicBoolean terminated)
    {
        this.ctx = ctx;
        this.service = service;
        this.driver = driver;
        this.archive = archive;
        this.consensusModule = consensusModule;
        this.container = container;
        this.terminated = terminated;
        this.counters = driver.context().countersManager();
    }

    /**
     * Run one member with the echo service until SIGINT or SIGTERM, configured by system properties
     * ({@link ClusterConfiguration}) and the properties files or URLs given as arguments.
     *
     * @param args properties files or URLs.
     */
    public static void main(final String[] args)
    {
        loadPropertiesFiles(args);
        final Context ctx = new Context().clusteredService(EchoClusteredService::new);
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier();
            ClusterMember member = launch(ctx))
        {
            System.out.println("cluster member " + ctx.memberId() + " of " + ctx.hosts() + " in " + ctx.clusterDir() +
                ": threading=" + ctx.threading() + " idle=" + ctx.idleStrategy() + " ingress=" +
                member.ingressEndpoints());
            barrier.await();
        }
    }

    /**
     * Validate the context, then start driver, archive, consensus module and service in that order. If any of them
     * fails to start, those already started are closed before the failure is rethrown.
     *
     * @param ctx of the member; concluded here.
     * @return the running member.
     * @throws ConfigurationException if the context is invalid (nothing has been started).
     * @throws IllegalStateException  naming the component that failed to start, with the cause.
     */
    public static ClusterMember launch(final Context ctx)
    {
        ctx.conclude();

        final File clusterDir = ctx.clusterDir();
        if (ctx.deleteDirOnStart())
        {
            IoUtil.delete(clusterDir, false);
        }
        IoUtil.ensureDirectoryExists(clusterDir, "cluster member");

        final AtomicBoolean terminated = new AtomicBoolean();
        final Runnable terminationHook = () -> terminated.set(true);
        MediaDriver driver = null;
        Archive archive = null;
        ConsensusModule consensusModule = null;
        ClusteredServiceContainer container = null;
        String component = "media driver";
        try
        {
            driver = MediaDriver.launch(driverContext(ctx));

            component = "archive";
            archive = Archive.launch(archiveContext(ctx));

            component = "consensus module";
            consensusModule = ConsensusModule.launch(consensusModuleContext(ctx, terminationHook));

            component = "clustered service";
            final ClusteredService service = Objects.requireNonNull(
                ctx.clusteredServiceSupplier().get(), "clusteredServiceSupplier returned null");
            container = ClusteredServiceContainer.launch(containerContext(ctx, service, terminationHook));

            return new ClusterMember(ctx, service, driver, archive, consensusModule, container, terminated);
        }
        catch (final RuntimeException ex)
        {
            final IllegalStateException failure = new IllegalStateException(
                "cluster member " + ctx.memberId() + " failed to start its " + component + " (dir " + clusterDir +
                "): " + ex.getMessage(), ex);
            try
            {
                closeInOrder(consensusModule, container, archive, driver);
            }
            catch (final RuntimeException closeEx)
            {
                failure.addSuppressed(closeEx);
            }
            throw failure;
        }
    }

    /**
     * @return the context this member was launched with (concluded).
     */
    public Context context()
    {
        return ctx;
    }

    /**
     * @return this member's id.
     */
    public int memberId()
    {
        return ctx.memberId();
    }

    /**
     * @return the service instance this launch runs (a new one per launch when a supplier was given).
     */
    public ClusteredService service()
    {
        return service;
    }

    /**
     * @return the {@code ingressEndpoints} of all members, for {@link ClusterClients}.
     */
    public String ingressEndpoints()
    {
        return ClusterConfiguration.ingressEndpoints(ctx.hosts(), ctx.basePort());
    }

    /**
     * @return the directory of this member's media driver.
     */
    public String aeronDirectoryName()
    {
        return ctx.aeronDirectoryName();
    }

    /**
     * The role this member's consensus module last published. Read from the member driver's counters (not through
     * the consensus module's Aeron client, which may already be closed when the module has terminated).
     *
     * @return the role, or {@link Cluster.Role#FOLLOWER} when the consensus module has no role counter (not yet
     * started or terminated).
     * @throws IllegalStateException if the member is closed.
     */
    public Cluster.Role role()
    {
        final long code = counterValue(ConsensusModule.Configuration.CLUSTER_NODE_ROLE_TYPE_ID);
        return Aeron.NULL_VALUE == code ? Cluster.Role.FOLLOWER : Cluster.Role.get(code);
    }

    /**
     * The election state of this member's consensus module: {@link ElectionState#CLOSED} when no election is under
     * way (as Aeron reports it).
     *
     * @return the state, or {@link ElectionState#CLOSED} when the counter is absent.
     * @throws IllegalStateException if the member is closed.
     */
    public ElectionState electionState()
    {
        final long code = counterValue(ConsensusModule.Configuration.ELECTION_STATE_TYPE_ID);
        return Aeron.NULL_VALUE == code ? ElectionState.CLOSED : ElectionState.get(code);
    }

    /**
     * @return the consensus module's state, {@link ConsensusModule.State#CLOSED} when the counter is absent.
     * @throws IllegalStateException if the member is closed.
     */
    public ConsensusModule.State moduleState()
    {
        final long code = counterValue(ConsensusModule.Configuration.CONSENSUS_MODULE_STATE_TYPE_ID);
        return Aeron.NULL_VALUE == code ? ConsensusModule.State.CLOSED : ConsensusModule.State.get(code);
    }

    /**
     * @return true once this member leads: role leader, no election under way, consensus module active.
     * @throws IllegalStateException if the member is closed.
     */
    public boolean isLeader()
    {
        return Cluster.Role.LEADER == role() && ElectionState.CLOSED == electionState() &&
            ConsensusModule.State.ACTIVE == moduleState();
    }

    /**
     * @return snapshots this member has taken since it started (every member takes one at the same log position).
     * @throws IllegalStateException if the member is closed.
     */
    public long snapshotCount()
    {
        final long count = counterValue(ConsensusModule.Configuration.SNAPSHOT_COUNTER_TYPE_ID);
        return Aeron.NULL_VALUE == count ? 0 : count;
    }

    /**
     * Ask the cluster to take a snapshot (of the consensus module and the service, on every member, at the same log
     * position), as {@code ClusterControl} does. Only the leader's toggle is armed: on a follower, during an election,
     * or while another action is in progress this returns false and nothing happens. Completion shows as
     * {@link #snapshotCount()} going up.
     *
     * @return true if the request was accepted.
     * @throws IllegalStateException if the member is closed.
     */
    public boolean takeSnapshot()
    {
        return toggle(ClusterControl.ToggleState.SNAPSHOT);
    }

    /**
     * Switch this member's cluster control toggle, as {@code ClusterControl} does from another process: e.g.
     * {@link ClusterControl.ToggleState#SHUTDOWN} takes a snapshot and then terminates every member
     * ({@link #hasTerminated()}; close it afterwards).
     *
     * @param state to request.
     * @return true if the toggle was neutral (armed) and now holds the request.
     * @throws IllegalStateException if the member is closed.
     */
    public boolean toggle(final ClusterControl.ToggleState state)
    {
        ensureOpen();
        final AtomicCounter toggle = ClusterControl.findControlToggle(counters, ctx.clusterId());
        return null != toggle && state.toggle(toggle);
    }

    /**
     * @return true once the consensus module or the service has terminated (shutdown or abort through the control
     * toggle, or an unrecoverable error); the member should then be closed.
     */
    public boolean hasTerminated()
    {
        return terminated.get();
    }

    /**
     * @return true once {@link #close()} has been called.
     */
    public boolean isClosed()
    {
        return closed;
    }

    /**
     * Stop the member: consensus module first (so that it stops sequencing and leaves the election to the others),
     * then the service container, then the archive, then the media driver, which deletes its directory. Every
     * component is closed even if an earlier one throws. Idempotent.
     */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            closeInOrder(consensusModule, container, archive, driver);
        }
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "ClusterMember{id=" + ctx.memberId() + ", dir=" + ctx.clusterDir() + ", closed=" + closed + "}";
    }

    private static void closeInOrder(
        final ConsensusModule consensusModule,
        final ClusteredServiceContainer container,
        final Archive archive,
        final MediaDriver driver)
    {
        // The order of Aeron's own test harness: the service's container outlives its consensus module briefly,
        // both need the archive until they have stopped, and everything needs the driver.
        CloseHelper.closeAll(consensusModule, container, archive, driver);
    }

    private long counterValue(final int typeId)
    {
        ensureOpen();
        final int counterId = ClusterCounters.find(counters, typeId, ctx.clusterId());
        return Aeron.NULL_VALUE == counterId ? Aeron.NULL_VALUE : counters.getCounterValue(counterId);
    }

    private void ensureOpen()
    {
        if (closed)
        {
            throw new IllegalStateException("cluster member " + ctx.memberId() + " is closed");
        }
    }

    private static MediaDriver.Context driverContext(final Context ctx)
    {
        final Supplier<IdleStrategy> idle = ctx.idleStrategySupplier();
        final MediaDriver.Context driverCtx = new MediaDriver.Context()
            .aeronDirectoryName(ctx.aeronDirectoryName())
            // A stale directory of a crashed run is replaced; a live driver's directory is refused.
            .dirDeleteOnStart(false)
            .dirDeleteOnShutdown(true)
            .termBufferSparseFile(true)
            .publicationTermBufferLength(ctx.termLength())
            .ipcTermBufferLength(ctx.termLength());

        if (Threading.SHARED == ctx.threading())
        {
            driverCtx.threadingMode(ThreadingMode.SHARED).sharedIdleStrategy(idle.get());
        }
        else
        {
            driverCtx.threadingMode(ThreadingMode.DEDICATED)
                .conductorIdleStrategy(idle.get())
                .senderIdleStrategy(idle.get())
                .receiverIdleStrategy(idle.get());
        }

        if (null != ctx.errorHandler())
        {
            driverCtx.errorHandler(ctx.errorHandler());
        }

        return driverCtx;
    }

    private static Archive.Context archiveContext(final Context ctx)
    {
        final String host = ctx.hosts().get(ctx.memberId());
        final int archivePort = ClusterConfiguration.memberBasePort(ctx.basePort(), ctx.memberId()) +
            ClusterConfiguration.ARCHIVE_CONTROL_PORT_OFFSET;
        final Supplier<IdleStrategy> idle = ctx.idleStrategySupplier();
        final Archive.Context archiveCtx = new Archive.Context()
            .aeronDirectoryName(ctx.aeronDirectoryName())
            .archiveDir(new File(ctx.clusterDir(), ARCHIVE_DIR_NAME))
            .deleteArchiveOnStart(false)
            // UDP control: the other members' consensus modules replicate the log and snapshots from here.
            .controlChannel("aeron:udp?endpoint=" + host + ":" + archivePort)
            .replicationChannel("aeron:udp?endpoint=" + host + ":0")
            .recordingEventsEnabled(false)
            .threadingMode(Threading.SHARED == ctx.threading() ?
                ArchiveThreadingMode.SHARED : ArchiveThreadingMode.DEDICATED)
            .idleStrategySupplier(idle)
            .recorderIdleStrategySupplier(idle)
            .replayerIdleStrategySupplier(idle);

        if (null != ctx.errorHandler())
        {
            archiveCtx.errorHandler(ctx.errorHandler());
        }

        return archiveCtx;
    }

    private static ConsensusModule.Context consensusModuleContext(final Context ctx, final Runnable terminationHook)
    {
        final String host = ctx.hosts().get(ctx.memberId());
        // No archiveContext: Aeron's default talks to the archive over its IPC local control channel with a
        // response stream of its own, which is what a co-located consensus module wants.
        final ConsensusModule.Context cmCtx = new ConsensusModule.Context()
            .aeronDirectoryName(ctx.aeronDirectoryName())
            .clusterDir(new File(ctx.clusterDir(), CLUSTER_DIR_NAME))
            .deleteDirOnStart(false)
            .clusterId(ctx.clusterId())
            .clusterMemberId(ctx.memberId())
            .clusterMembers(ClusterConfiguration.clusterMembers(ctx.hosts(), ctx.basePort()))
            .ingressChannel(ctx.ingressChannel())
            .logChannel(ctx.logChannel())
            .replicationChannel("aeron:udp?endpoint=" + host + ":0")
            .serviceCount(1)
            .idleStrategySupplier(ctx.idleStrategySupplier())
            .leaderHeartbeatTimeoutNs(ctx.leaderHeartbeatTimeoutNs())
            .leaderHeartbeatIntervalNs(ctx.leaderHeartbeatIntervalNs())
            .electionTimeoutNs(ctx.electionTimeoutNs())
            .startupCanvassTimeoutNs(ctx.startupCanvassTimeoutNs())
            .sessionTimeoutNs(ctx.sessionTimeoutNs())
            .terminationHook(terminationHook);

        if (null != ctx.errorHandler())
        {
            cmCtx.errorHandler(ctx.errorHandler());
        }

        return cmCtx;
    }

    private static ClusteredServiceContainer.Context containerContext(
        final Context ctx, final ClusteredService service, final Runnable terminationHook)
    {
        final ClusteredServiceContainer.Context containerCtx = new ClusteredServiceContainer.Context()
            .aeronDirectoryName(ctx.aeronDirectoryName())
            // The same directory as the consensus module: the service reads the recording log from it.
            .clusterDir(new File(ctx.clusterDir(), CLUSTER_DIR_NAME))
            .clusterId(ctx.clusterId())
            .serviceId(0)
            .clusteredService(service)
            .idleStrategySupplier(ctx.idleStrategySupplier())
            .terminationHook(terminationHook);

        if (null != ctx.errorHandler())
        {
            containerCtx.errorHandler(ctx.errorHandler());
        }

        return containerCtx;
    }

    /**
     * Configuration of a {@link ClusterMember}: starts from {@link ClusterConfiguration} (system properties) and
     * Aeron's own defaults for the consensus timeouts; fluent setters; {@link #conclude()} validates everything and
     * derives the directories before anything is started. Reusable: a member can be launched again with the same
     * context (with a service supplier, each launch gets a new service).
     */
    public static final class Context
    {
        private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+]");

        private int memberId = ClusterConfiguration.memberId();
        private List<String> hosts = ClusterConfiguration.hosts();
        private int basePort = ClusterConfiguration.basePort();
        private int clusterId = ClusteredServiceContainer.Configuration.clusterId();
        private File clusterDir = null == ClusterConfiguration.dir() ? null : new File(ClusterConfiguration.dir());
        private String aeronDirectoryName;
        private boolean deleteDirOnStart = ClusterConfiguration.deleteDirOnStart();
        private Threading threading;
        private String idleStrategy = ClusterConfiguration.idleStrategy();
        private Supplier<IdleStrategy> idleStrategySupplier;
        private String logChannel = ClusterConfiguration.logChannel();
        private String ingressChannel = ClusterConfiguration.ingressChannel();
        private int termLength = ClusterConfiguration.termLength();
        private long leaderHeartbeatTimeoutNs = ConsensusModule.Configuration.leaderHeartbeatTimeoutNs();
        private long leaderHeartbeatIntervalNs = ConsensusModule.Configuration.leaderHeartbeatIntervalNs();
        private long electionTimeoutNs = ConsensusModule.Configuration.electionTimeoutNs();
        private long startupCanvassTimeoutNs = ConsensusModule.Configuration.startupCanvassTimeoutNs();
        private long sessionTimeoutNs = ConsensusModule.Configuration.sessionTimeoutNs();
        private Supplier<? extends ClusteredService> clusteredServiceSupplier;
        private ErrorHandler errorHandler;

        /**
         * Check every setting and derive the directories and idle strategies. Called by
         * {@link ClusterMember#launch(Context)}; may be called earlier to fail fast. Starts nothing, creates nothing.
         *
         * @return this for a fluent API.
         * @throws ConfigurationException naming the first invalid setting.
         */
        public Context conclude()
        {
            if (null == hosts || hosts.isEmpty())
            {
                throw new ConfigurationException("ClusterMember.Context.hosts must name at least one member");
            }
            for (final String host : hosts)
            {
                if (null == host || !HOST.matcher(host).matches())
                {
                    throw new ConfigurationException(
                        "ClusterMember.Context.hosts: invalid host \"" + host + "\" in " + hosts);
                }
            }
            if (memberId < 0 || memberId >= hosts.size())
            {
                throw new ConfigurationException("ClusterMember.Context.memberId=" + memberId +
                    " must index the host list of " + hosts.size() + " " + hosts);
            }
            if (clusterId < 0)
            {
                throw new ConfigurationException("ClusterMember.Context.clusterId must not be negative: " + clusterId);
            }

            final int lastPort = ClusterConfiguration.memberBasePort(basePort, hosts.size() - 1) +
                ClusterConfiguration.CATCHUP_PORT_OFFSET;
            if (basePort < 1 || lastPort > 65_535)
            {
                throw new ConfigurationException("ClusterMember.Context.basePort=" + basePort + " puts the ports of " +
                    hosts.size() + " members outside 1-65535 (last would be " + lastPort + ")");
            }

            if (null == clusterDir)
            {
                clusterDir = new File("tickwire-cluster-" + memberId);
            }
            try
            {
                clusterDir = clusterDir.getCanonicalFile();
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("ClusterMember.Context.clusterDir: " + clusterDir, ex);
            }
            if (clusterDir.exists() && !clusterDir.isDirectory())
            {
                throw new ConfigurationException(
                    "ClusterMember.Context.clusterDir is not a directory: " + clusterDir);
            }
            if (null == aeronDirectoryName)
            {
                aeronDirectoryName = new File(clusterDir, AERON_DIR_NAME).getPath();
            }

            if (null == threading)
            {
                threading = ClusterConfiguration.threading();
            }
            try
            {
                idleStrategySupplier = ClusterConfiguration.idleStrategySupplier(idleStrategy);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new ConfigurationException("ClusterMember.Context." + ex.getMessage());
            }

            checkUdpChannel("logChannel", logChannel);
            checkUdpChannel("ingressChannel", ingressChannel);
            try
            {
                LogBufferDescriptor.checkTermLength(termLength);
            }
            catch (final IllegalStateException ex)
            {
                throw new ConfigurationException("ClusterMember.Context.termLength: " + ex.getMessage());
            }

            if (leaderHeartbeatIntervalNs <= 0 || leaderHeartbeatTimeoutNs <= leaderHeartbeatIntervalNs)
            {
                throw new ConfigurationException("ClusterMember.Context: need 0 < leaderHeartbeatIntervalNs=" +
                    leaderHeartbeatIntervalNs + " < leaderHeartbeatTimeoutNs=" + leaderHeartbeatTimeoutNs);
            }
            // Aeron's own rule, checked here so that it fails before a driver and an archive have been started.
            if (startupCanvassTimeoutNs / leaderHeartbeatTimeoutNs < 2)
            {
                throw new ConfigurationException("ClusterMember.Context.startupCanvassTimeoutNs=" +
                    startupCanvassTimeoutNs + " must be at least twice leaderHeartbeatTimeoutNs=" +
                    leaderHeartbeatTimeoutNs);
            }
            if (electionTimeoutNs <= 0 || sessionTimeoutNs <= 0)
            {
                throw new ConfigurationException("ClusterMember.Context: electionTimeoutNs=" + electionTimeoutNs +
                    " and sessionTimeoutNs=" + sessionTimeoutNs + " must be positive");
            }

            if (null == clusteredServiceSupplier)
            {
                throw new ConfigurationException("ClusterMember.Context.clusteredService must be set");
            }

            return this;
        }

        private static void checkUdpChannel(final String name, final String channel)
        {
            final ChannelUri uri;
            try
            {
                uri = ChannelUri.parse(Objects.requireNonNull(channel, name));
            }
            catch (final RuntimeException ex)
            {
                throw new ConfigurationException("ClusterMember.Context." + name + " is not an Aeron URI: \"" +
                    channel + "\": " + ex.getMessage());
            }
            if (!uri.isUdp())
            {
                throw new ConfigurationException(
                    "ClusterMember.Context." + name + " must be UDP media: \"" + channel + "\"");
            }
            if (uri.containsKey(CommonContext.ENDPOINT_PARAM_NAME) && "ingressChannel".equals(name))
            {
                throw new ConfigurationException("ClusterMember.Context.ingressChannel must not name an endpoint " +
                    "(each member's ingress endpoint comes from the host list): \"" + channel + "\"");
            }
        }

        /**
         * @param memberId this member's index in the host list.
         * @return this for a fluent API.
         */
        public Context memberId(final int memberId)
        {
            this.memberId = memberId;
            return this;
        }

        /**
         * @return this member's id.
         */
        public int memberId()
        {
            return memberId;
        }

        /**
         * @param hosts of all members in member id order (host names or addresses; IPv6 in brackets).
         * @return this for a fluent API.
         */
        public Context hosts(final List<String> hosts)
        {
            this.hosts = List.copyOf(hosts);
            return this;
        }

        /**
         * @param hosts of all members in member id order.
         * @return this for a fluent API.
         */
        public Context hosts(final String... hosts)
        {
            return hosts(Arrays.asList(hosts));
        }

        /**
         * @return hosts of all members in member id order.
         */
        public List<String> hosts()
        {
            return hosts;
        }

        /**
         * @param basePort first port of member 0; member {@code id} uses {@code basePort + 100 * id + 1..5}.
         * @return this for a fluent API.
         */
        public Context basePort(final int basePort)
        {
            this.basePort = basePort;
            return this;
        }

        /**
         * @return first port of member 0.
         */
        public int basePort()
        {
            return basePort;
        }

        /**
         * @param clusterId distinguishing clusters whose components share a driver (default Aeron's, 0).
         * @return this for a fluent API.
         */
        public Context clusterId(final int clusterId)
        {
            this.clusterId = clusterId;
            return this;
        }

        /**
         * @return the cluster id.
         */
        public int clusterId()
        {
            return clusterId;
        }

        /**
         * @param clusterDir this member's own directory, holding {@code aeron/}, {@code archive/} and
         *                   {@code cluster/} (default {@code tickwire-cluster-<memberId>} in the working directory).
         * @return this for a fluent API.
         */
        public Context clusterDir(final File clusterDir)
        {
            this.clusterDir = clusterDir;
            return this;
        }

        /**
         * @return this member's directory (canonical after {@link #conclude()}).
         */
        public File clusterDir()
        {
            return clusterDir;
        }

        /**
         * @param aeronDirectoryName of the member's media driver, to put it elsewhere than {@code clusterDir/aeron}
         *                           (e.g. on {@code /dev/shm} while the archive stays on disk).
         * @return this for a fluent API.
         */
        public Context aeronDirectoryName(final String aeronDirectoryName)
        {
            this.aeronDirectoryName = aeronDirectoryName;
            return this;
        }

        /**
         * @return the media driver's directory (derived by {@link #conclude()} unless set).
         */
        public String aeronDirectoryName()
        {
            return aeronDirectoryName;
        }

        /**
         * @param deleteDirOnStart true to start empty, false (default) to recover from the directory.
         * @return this for a fluent API.
         */
        public Context deleteDirOnStart(final boolean deleteDirOnStart)
        {
            this.deleteDirOnStart = deleteDirOnStart;
            return this;
        }

        /**
         * @return whether the member directory is deleted before start.
         */
        public boolean deleteDirOnStart()
        {
            return deleteDirOnStart;
        }

        /**
         * @param threading of the driver and archive (default {@link Threading#SHARED}).
         * @return this for a fluent API.
         */
        public Context threading(final Threading threading)
        {
            this.threading = threading;
            return this;
        }

        /**
         * @return the threading (resolved by {@link #conclude()} unless set).
         */
        public Threading threading()
        {
            return threading;
        }

        /**
         * @param idleStrategy name, as {@link ClusterConfiguration#IDLE_STRATEGY_PROP_NAME}: {@code backoff}
         *                     (default), {@code backoff:S,Y,MIN,MAX}, {@code yield} or {@code spin}.
         * @return this for a fluent API.
         */
        public Context idleStrategy(final String idleStrategy)
        {
            this.idleStrategy = idleStrategy;
            return this;
        }

        /**
         * @return the idle strategy name.
         */
        public String idleStrategy()
        {
            return idleStrategy;
        }

        /**
         * @return a supplier of new idle strategies of the named kind (after {@link #conclude()}).
         */
        public Supplier<IdleStrategy> idleStrategySupplier()
        {
            return idleStrategySupplier;
        }

        /**
         * @param logChannel of the replicated log, UDP without endpoint; its {@code term-length} sizes the log.
         * @return this for a fluent API.
         */
        public Context logChannel(final String logChannel)
        {
            this.logChannel = logChannel;
            return this;
        }

        /**
         * @return the log channel.
         */
        public String logChannel()
        {
            return logChannel;
        }

        /**
         * @param ingressChannel members listen for clients on, UDP without endpoint.
         * @return this for a fluent API.
         */
        public Context ingressChannel(final String ingressChannel)
        {
            this.ingressChannel = ingressChannel;
            return this;
        }

        /**
         * @return the ingress channel.
         */
        public String ingressChannel()
        {
            return ingressChannel;
        }

        /**
         * @param termLength of the member driver's streams that name none (power of two, 64 KiB to 1 GiB).
         * @return this for a fluent API.
         */
        public Context termLength(final int termLength)
        {
            this.termLength = termLength;
            return this;
        }

        /**
         * @return the term length of streams that name none.
         */
        public int termLength()
        {
            return termLength;
        }

        /**
         * @param leaderHeartbeatTimeoutNs after which followers without a leader heartbeat start an election; Aeron's
         *                                 default is 10 s (tests use about 1 s to fail over quickly).
         * @return this for a fluent API.
         */
        public Context leaderHeartbeatTimeoutNs(final long leaderHeartbeatTimeoutNs)
        {
            this.leaderHeartbeatTimeoutNs = leaderHeartbeatTimeoutNs;
            return this;
        }

        /**
         * @return the leader heartbeat timeout.
         */
        public long leaderHeartbeatTimeoutNs()
        {
            return leaderHeartbeatTimeoutNs;
        }

        /**
         * @param leaderHeartbeatIntervalNs between the leader's heartbeats when the log is idle (default 200 ms).
         * @return this for a fluent API.
         */
        public Context leaderHeartbeatIntervalNs(final long leaderHeartbeatIntervalNs)
        {
            this.leaderHeartbeatIntervalNs = leaderHeartbeatIntervalNs;
            return this;
        }

        /**
         * @return the leader heartbeat interval.
         */
        public long leaderHeartbeatIntervalNs()
        {
            return leaderHeartbeatIntervalNs;
        }

        /**
         * @param electionTimeoutNs of each election phase (default 1 s).
         * @return this for a fluent API.
         */
        public Context electionTimeoutNs(final long electionTimeoutNs)
        {
            this.electionTimeoutNs = electionTimeoutNs;
            return this;
        }

        /**
         * @return the election timeout.
         */
        public long electionTimeoutNs()
        {
            return electionTimeoutNs;
        }

        /**
         * @param startupCanvassTimeoutNs a starting member waits for all others before settling for a quorum
         *                                (default 60 s; at least twice the leader heartbeat timeout).
         * @return this for a fluent API.
         */
        public Context startupCanvassTimeoutNs(final long startupCanvassTimeoutNs)
        {
            this.startupCanvassTimeoutNs = startupCanvassTimeoutNs;
            return this;
        }

        /**
         * @return the startup canvass timeout.
         */
        public long startupCanvassTimeoutNs()
        {
            return startupCanvassTimeoutNs;
        }

        /**
         * @param sessionTimeoutNs after which a silent client session is closed (default 10 s).
         * @return this for a fluent API.
         */
        public Context sessionTimeoutNs(final long sessionTimeoutNs)
        {
            this.sessionTimeoutNs = sessionTimeoutNs;
            return this;
        }

        /**
         * @return the session timeout.
         */
        public long sessionTimeoutNs()
        {
            return sessionTimeoutNs;
        }

        /**
         * @param supplier of the service, called once per launch so that a restarted member starts from a fresh
         *                 instance and rebuilds its state from the snapshot and log only.
         * @return this for a fluent API.
         */
        public Context clusteredService(final Supplier<? extends ClusteredService> supplier)
        {
            this.clusteredServiceSupplier = supplier;
            return this;
        }

        /**
         * @param service instance to run. Launch such a context once: a second launch would run the same instance,
         *                with the state of the first, on top of the recovered state.
         * @return this for a fluent API.
         */
        public Context clusteredService(final ClusteredService service)
        {
            Objects.requireNonNull(service, "service");
            this.clusteredServiceSupplier = () -> service;
            return this;
        }

        /**
         * @return the service supplier.
         */
        public Supplier<? extends ClusteredService> clusteredServiceSupplier()
        {
            return clusteredServiceSupplier;
        }

        /**
         * @param errorHandler called (besides each component's distinct error log) with every error of every
         *                     component; null (default) for Aeron's defaults.
         * @return this for a fluent API.
         */
        public Context errorHandler(final ErrorHandler errorHandler)
        {
            this.errorHandler = errorHandler;
            return this;
        }

        /**
         * @return the error handler or null.
         */
        public ErrorHandler errorHandler()
        {
            return errorHandler;
        }

        /**
         * Convenience for tests and tools: shorten the consensus timeouts consistently from one value.
         *
         * @param leaderHeartbeatTimeout after which followers elect a new leader.
         * @param unit                   of the timeout.
         * @return this for a fluent API.
         */
        public Context failoverTimeout(final long leaderHeartbeatTimeout, final TimeUnit unit)
        {
            final long timeoutNs = unit.toNanos(leaderHeartbeatTimeout);
            return leaderHeartbeatTimeoutNs(timeoutNs)
                .leaderHeartbeatIntervalNs(Math.max(1, timeoutNs / 10))
                .startupCanvassTimeoutNs(Math.max(startupCanvassTimeoutNs, 2 * timeoutNs));
        }
    }
}
