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
import io.aeron.archive.Archive;
import io.aeron.cluster.ClusterControl;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.ElectionState;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusterCounters;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.driver.MediaDriver;
import io.aeron.exceptions.ConfigurationException;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.ShutdownSignalBarrier;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersReader;

import java.io.File;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * try (ClusterMember member = ClusterMember.launch(new ClusterMemberContext()
 *     .memberId(0)
 *     .hosts("10.0.0.1", "10.0.0.2", "10.0.0.3")
 *     .clusterDir(new File("/var/lib/tickwire/cluster-0"))
 *     .clusteredService(() -> new MatchingService(instrumentIds, 100_000, null))))
 * {
 *     ... member.role(), member.takeSnapshot() ...
 * }
 * }</pre>
 * State survives a restart: the archive holds the log and snapshots, the cluster directory the recording log, so a
 * member launched again on the same directory loads its latest snapshot and replays the log after it (unless
 * {@link ClusterMemberContext#deleteDirOnStart(boolean)}). The member's Aeron directory is deleted when it closes.
 * <p>
 * Its settings are a {@link ClusterMemberContext}; the component contexts built from them are in
 * {@link ClusterComponents}. {@code tickwire cluster node} runs one member of a matching cluster from the command
 * line.
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

    private final ClusterMemberContext ctx;
    private final ClusteredService service;
    private final MediaDriver driver;
    private final Archive archive;
    private final ConsensusModule consensusModule;
    private final ClusteredServiceContainer container;
    private final AtomicBoolean terminated;
    private final CountersReader counters;
    private volatile boolean closed;

    private ClusterMember(
        final ClusterMemberContext ctx,
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
        final ClusterMemberContext ctx = new ClusterMemberContext().clusteredService(EchoClusteredService::new);
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier();
            ClusterMember member = launch(ctx))
        {
            System.out.println("cluster member " + ctx.memberId() + " of " + ctx.hosts() + " in " + ctx.clusterDir() +
                ": " + member.threadPlan() + "; ingress=" + member.ingressEndpoints());
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
    public static ClusterMember launch(final ClusterMemberContext ctx)
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
            driver = MediaDriver.launch(ClusterComponents.driverContext(ctx));

            component = "archive";
            archive = Archive.launch(ClusterComponents.archiveContext(ctx));

            component = "consensus module";
            consensusModule = ConsensusModule.launch(
                ClusterComponents.consensusModuleContext(ctx, terminationHook));

            component = "clustered service";
            final ClusteredService service = Objects.requireNonNull(
                ctx.clusteredServiceSupplier().get(), "clusteredServiceSupplier returned null");
            container = ClusteredServiceContainer.launch(
                ClusterComponents.containerContext(ctx, service, terminationHook));

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
    public ClusterMemberContext context()
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
     * @return the threads this member runs and their idle strategy, for banners.
     */
    public String threadPlan()
    {
        return ClusterComponents.threadPlan(ctx);
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
            if (service instanceof AutoCloseable)
            {
                // After its container: the service's own resources (a member audit journal's writer).
                CloseHelper.quietClose((AutoCloseable)service);
            }
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
}
