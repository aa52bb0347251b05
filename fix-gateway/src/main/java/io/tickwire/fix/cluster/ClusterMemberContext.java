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
import io.aeron.cluster.service.ClusteredService;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.exceptions.ConfigurationException;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.IdleStrategy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Configuration of a {@link ClusterMember}: starts from {@link ClusterConfiguration} (system properties) and
 * Aeron's own defaults for the consensus timeouts ({@link ConsensusTimeouts}); fluent setters;
 * {@link #conclude()} validates everything and derives the directories before anything is started. Reusable: a
 * member can be launched again with the same context (with a service supplier, each launch gets a new service).
 * <p>
 * The rules {@link #conclude()} applies are in {@link ClusterMemberChecks}; how each setting reaches the driver,
 * archive, consensus module and service container contexts is in {@link ClusterComponents}. Example: see
 * {@link ClusterMember}.
 */
public final class ClusterMemberContext
{
    /**
     * Prefix of every configuration error, naming the setting.
     */
    static final String NAME = "ClusterMemberContext";

    private int memberId = ClusterConfiguration.memberId();
    private List<String> hosts = ClusterConfiguration.hosts();
    private int basePort = ClusterConfiguration.basePort();
    private int clusterId = ClusteredServiceContainer.Configuration.clusterId();
    private File clusterDir = null == ClusterConfiguration.dir() ? null : new File(ClusterConfiguration.dir());
    private String aeronDirectoryName;
    private boolean deleteDirOnStart = ClusterConfiguration.deleteDirOnStart();
    private ClusterMember.Threading threading;
    private String idleStrategy = ClusterConfiguration.idleStrategy();
    private Supplier<IdleStrategy> idleStrategySupplier;
    private String logChannel = ClusterConfiguration.logChannel();
    private String ingressChannel = ClusterConfiguration.ingressChannel();
    private boolean ipc;
    private MemberWakeUps wakeUps;
    private int termLength = ClusterConfiguration.termLength();
    private final ConsensusTimeouts timeouts = new ConsensusTimeouts();
    private Supplier<? extends ClusteredService> clusteredServiceSupplier;
    private ErrorHandler errorHandler;

    /**
     * Check every setting and derive the directories and idle strategies. Called by
     * {@link ClusterMember#launch(ClusterMemberContext)}; may be called earlier to fail fast. Starts nothing, creates
     * nothing.
     *
     * @return this for a fluent API.
     * @throws ConfigurationException naming the first invalid setting.
     */
    public ClusterMemberContext conclude()
    {
        ClusterMemberChecks.checkMembers(hosts, memberId, basePort);
        if (clusterId < 0)
        {
            throw new ConfigurationException(NAME + ".clusterId must not be negative: " + clusterId);
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
            throw new UncheckedIOException(NAME + ".clusterDir: " + clusterDir, ex);
        }
        if (clusterDir.exists() && !clusterDir.isDirectory())
        {
            throw new ConfigurationException(NAME + ".clusterDir is not a directory: " + clusterDir);
        }
        if (null == aeronDirectoryName)
        {
            aeronDirectoryName = new File(clusterDir, ClusterMember.AERON_DIR_NAME).getPath();
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
            throw new ConfigurationException(NAME + "." + ex.getMessage());
        }

        if (null != wakeUps && !ipc)
        {
            throw new ConfigurationException(NAME + ".wakeUps needs ipc: a member whose client shares its process");
        }
        if (ipc && hosts.size() != 1)
        {
            throw new ConfigurationException(NAME + ".ipc is for a cluster of one member, not " + hosts.size());
        }
        if (!ipc)
        {
            ClusterMemberChecks.checkUdpChannel("logChannel", logChannel);
        }
        ClusterMemberChecks.checkUdpChannel("ingressChannel", ingressChannel);
        ClusterMemberChecks.checkTermLength(termLength);
        timeouts.check();

        if (null == clusteredServiceSupplier)
        {
            throw new ConfigurationException(NAME + ".clusteredService must be set");
        }

        return this;
    }

    /**
     * @param memberId this member's index in the host list.
     * @return this for a fluent API.
     */
    public ClusterMemberContext memberId(final int memberId)
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
    public ClusterMemberContext hosts(final List<String> hosts)
    {
        this.hosts = List.copyOf(hosts);
        return this;
    }

    /**
     * @param hosts of all members in member id order.
     * @return this for a fluent API.
     */
    public ClusterMemberContext hosts(final String... hosts)
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
    public ClusterMemberContext basePort(final int basePort)
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
    public ClusterMemberContext clusterId(final int clusterId)
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
    public ClusterMemberContext clusterDir(final File clusterDir)
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
    public ClusterMemberContext aeronDirectoryName(final String aeronDirectoryName)
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
    public ClusterMemberContext deleteDirOnStart(final boolean deleteDirOnStart)
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
     * @param threading of the driver and archive (default {@link ClusterMember.Threading#SHARED}).
     * @return this for a fluent API.
     */
    public ClusterMemberContext threading(final ClusterMember.Threading threading)
    {
        this.threading = threading;
        return this;
    }

    /**
     * @return the threading (resolved by {@link #conclude()} unless set).
     */
    public ClusterMember.Threading threading()
    {
        return threading;
    }

    /**
     * @param idleStrategy name, as {@link ClusterConfiguration#IDLE_STRATEGY_PROP_NAME}: {@code backoff}
     *                     (default), {@code backoff:S,Y,MIN,MAX}, {@code yield} or {@code spin}.
     * @return this for a fluent API.
     */
    public ClusterMemberContext idleStrategy(final String idleStrategy)
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
    public ClusterMemberContext logChannel(final String logChannel)
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
    public ClusterMemberContext ingressChannel(final String ingressChannel)
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
     * A cluster of one member whose clients share its media driver (the gateway's embedded member): the log goes
     * over IPC ({@value ClusterConfiguration#IPC_LOG_CHANNEL}) and the consensus module also takes ingress over IPC,
     * so clients of the driver connect with {@code ClusterClients.connectIpc} and get their egress over IPC. Nothing
     * crosses the driver's sender and receiver: on this project's 2-core machine they were the largest consumer of
     * CPU on the order path at 10k orders/s (a quarter of a core). UDP ingress stays open for other clients.
     *
     * @param ipc whether to.
     * @return this for a fluent API.
     */
    public ClusterMemberContext ipc(final boolean ipc)
    {
        this.ipc = ipc;
        return this;
    }

    /**
     * @return whether the log and same-driver clients use IPC ({@link #ipc(boolean)}).
     */
    public boolean ipc()
    {
        return ipc;
    }

    /**
     * Wake the member's agents at every hand-off instead of leaving them to their park timeouts: for a member
     * whose client runs in the same process, with {@link #ipc(boolean)} (see {@link MemberWakeUps}). Null (the
     * default) leaves every agent on the idle strategy.
     *
     * @param wakeUps the hand-offs; the client wakes the consensus module and gives its egress waker.
     * @return this for a fluent API.
     */
    public ClusterMemberContext wakeUps(final MemberWakeUps wakeUps)
    {
        this.wakeUps = wakeUps;
        return this;
    }

    /**
     * @return the hand-offs between the member's agents, or null ({@link #wakeUps(MemberWakeUps)}).
     */
    public MemberWakeUps wakeUps()
    {
        return wakeUps;
    }

    /**
     * @param termLength of the member driver's streams that name none (power of two, 64 KiB to 1 GiB).
     * @return this for a fluent API.
     */
    public ClusterMemberContext termLength(final int termLength)
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
     * @return the consensus timeouts, to set them (Aeron's defaults until then).
     */
    public ConsensusTimeouts timeouts()
    {
        return timeouts;
    }

    /**
     * @param supplier of the service, called once per launch so that a restarted member starts from a fresh
     *                 instance and rebuilds its state from the snapshot and log only.
     * @return this for a fluent API.
     */
    public ClusterMemberContext clusteredService(final Supplier<? extends ClusteredService> supplier)
    {
        this.clusteredServiceSupplier = supplier;
        return this;
    }

    /**
     * @param service instance to run. Launch such a context once: a second launch would run the same instance,
     *                with the state of the first, on top of the recovered state.
     * @return this for a fluent API.
     */
    public ClusterMemberContext clusteredService(final ClusteredService service)
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
    public ClusterMemberContext errorHandler(final ErrorHandler errorHandler)
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
     * Convenience for tests and tools: shorten the consensus timeouts consistently from one value
     * ({@link ConsensusTimeouts#failover(long, TimeUnit)}).
     *
     * @param leaderHeartbeatTimeout after which followers elect a new leader.
     * @param unit                   of the timeout.
     * @return this for a fluent API.
     */
    public ClusterMemberContext failoverTimeout(final long leaderHeartbeatTimeout, final TimeUnit unit)
    {
        timeouts.failover(leaderHeartbeatTimeout, unit);
        return this;
    }
}
