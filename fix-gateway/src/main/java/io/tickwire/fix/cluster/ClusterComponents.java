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
import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.concurrent.IdleStrategy;

import java.io.File;
import java.util.function.Supplier;

import static io.tickwire.fix.cluster.ClusterMember.ARCHIVE_DIR_NAME;
import static io.tickwire.fix.cluster.ClusterMember.CLUSTER_DIR_NAME;

/**
 * The contexts of a member's four Aeron components, built from one concluded {@link ClusterMemberContext}: where
 * each setting of the member goes, which directories and channels the components share, and how many threads they
 * run. {@link ClusterMember#launch(ClusterMemberContext)} starts them in this order: driver, archive, consensus
 * module, service container.
 */
final class ClusterComponents
{
    private ClusterComponents()
    {
    }

    /**
     * The thread plan of a member, for banners: the threads and their idle strategy.
     *
     * @param ctx concluded.
     * @return e.g. {@code 4 threads (shared): media driver (conductor+sender+receiver), ...; idle backoff (...)}.
     */
    static String threadPlan(final ClusterMemberContext ctx)
    {
        final boolean shared = ClusterMember.Threading.SHARED == ctx.threading();
        return (shared ? "4 threads (shared): media driver (conductor+sender+receiver), archive " +
            "(conductor+recorder+replayer), consensus module, clustered service" :
            "8 threads (dedicated): media driver conductor, sender, receiver; archive conductor, recorder, " +
            "replayer; consensus module; clustered service") +
            "; idle " + ClusterConfiguration.describeIdleStrategy(ctx.idleStrategy()) + (null == ctx.wakeUps() ? "" :
            "; consensus module, archive and service woken at each hand-off, first park " +
            ClusterConfiguration.WAKE_UP_MIN_PARK_NS / 1000 + " us");
    }

    /**
     * The member's own media driver in {@code aeronDirectoryName}, deleted on close.
     *
     * @param ctx concluded.
     * @return the driver's context.
     */
    static MediaDriver.Context driverContext(final ClusterMemberContext ctx)
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

        if (ClusterMember.Threading.SHARED == ctx.threading())
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

    /**
     * The archive under {@code clusterDir/archive}, its control channel on the member's archive port.
     *
     * @param ctx concluded.
     * @return the archive's context.
     */
    static Archive.Context archiveContext(final ClusterMemberContext ctx)
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
            .threadingMode(ClusterMember.Threading.SHARED == ctx.threading() ?
                ArchiveThreadingMode.SHARED : ArchiveThreadingMode.DEDICATED)
            .idleStrategySupplier(idle)
            .recorderIdleStrategySupplier(idle)
            .replayerIdleStrategySupplier(idle);
        final MemberWakeUps wakeUps = ctx.wakeUps();
        if (null != wakeUps)
        {
            // The agent that records the log: the archive's one thread when shared, its recorder when dedicated.
            if (ClusterMember.Threading.SHARED == ctx.threading())
            {
                archiveCtx.idleStrategySupplier(wakeUps.archive());
            }
            else
            {
                archiveCtx.recorderIdleStrategySupplier(wakeUps.archive());
            }
        }

        if (null != ctx.errorHandler())
        {
            archiveCtx.errorHandler(ctx.errorHandler());
        }

        return archiveCtx;
    }

    /**
     * The consensus module under {@code clusterDir/cluster}, with every member's endpoints from the host list.
     *
     * @param ctx             concluded.
     * @param terminationHook run when the module terminates.
     * @return the consensus module's context.
     */
    static ConsensusModule.Context consensusModuleContext(
        final ClusterMemberContext ctx, final Runnable terminationHook)
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
            .logChannel(ctx.ipc() ? ClusterConfiguration.IPC_LOG_CHANNEL : ctx.logChannel())
            .isIpcIngressAllowed(ctx.ipc())
            .replicationChannel("aeron:udp?endpoint=" + host + ":0")
            .serviceCount(1)
            .idleStrategySupplier(null == ctx.wakeUps() ?
                ctx.idleStrategySupplier() : ctx.wakeUps().consensusModule())
            .terminationHook(terminationHook);
        ctx.timeouts().applyTo(cmCtx);

        if (null != ctx.errorHandler())
        {
            cmCtx.errorHandler(ctx.errorHandler());
        }

        return cmCtx;
    }

    /**
     * The service container, sharing the consensus module's directory.
     *
     * @param ctx             concluded.
     * @param service         to run.
     * @param terminationHook run when the container terminates.
     * @return the container's context.
     */
    static ClusteredServiceContainer.Context containerContext(
        final ClusterMemberContext ctx, final ClusteredService service, final Runnable terminationHook)
    {
        final ClusteredServiceContainer.Context containerCtx = new ClusteredServiceContainer.Context()
            .aeronDirectoryName(ctx.aeronDirectoryName())
            // The same directory as the consensus module: the service reads the recording log from it.
            .clusterDir(new File(ctx.clusterDir(), CLUSTER_DIR_NAME))
            .clusterId(ctx.clusterId())
            .serviceId(0)
            .clusteredService(service)
            .idleStrategySupplier(null == ctx.wakeUps() ? ctx.idleStrategySupplier() : ctx.wakeUps().service())
            .terminationHook(terminationHook);

        if (null != ctx.errorHandler())
        {
            containerCtx.errorHandler(ctx.errorHandler());
        }

        return containerCtx;
    }

}
