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
package io.tickwire.perf.e2e;

import io.aeron.cluster.ElectionState;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.tickwire.fix.cluster.ClusterClients;
import io.tickwire.fix.cluster.ClusterConfiguration;
import io.tickwire.fix.cluster.ClusterMember;
import io.tickwire.fix.cluster.ClusterMemberContext;
import io.tickwire.fix.cluster.MemberWakeUps;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.BackoffIdleStrategy;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Aeron Cluster members for one benchmark run, in this JVM on loopback, with the members' default configuration
 * ({@link ClusterMemberContext}: shared driver and archive threads, the cluster's back-off idle strategy, log
 * channel term 4 MiB): a fresh scratch directory, a block of free UDP ports, and the members themselves. Closing
 * closes the members and deletes the directory.
 * <pre>
 *  scratch dir (on /dev/shm when it exists, else java.io.tmpdir; deleted on close)
 *    member-0/ aeron/ archive/ cluster/      ports P = base + 100 * id: archive P+1, ingress P+2, consensus P+3,
 *    member-1/ ...                                                       log P+4, catch-up P+5 (all UDP)
 *    client-aeron/   the client's driver, when the client does not share member 0's
 * </pre>
 * On /dev/shm (tmpfs) the archive never touches a disk, as in the measurements of FINDINGS "Aeron Cluster on these
 * machines": the figures are the cluster's protocol and threads, not a disk's.
 * <p>
 * Ports come from 18000-19999: outside the cluster tests' 17000-17299, the default 20000 of
 * {@code tickwire cluster node}, the feed handler tests' random 20000-32000 and the kernel's ephemeral range; every
 * port of a block is checked free (bound once) before it is used.
 */
public final class LocalCluster implements AutoCloseable
{
    /**
     * Host of every member.
     */
    public static final String HOST = "localhost";

    /**
     * Where scratch directories go when it exists: tmpfs.
     */
    public static final Path SHM = Path.of("/dev/shm");

    private static final int FIRST_BASE_PORT = 18_000;
    private static final int PORT_RANGE_END = 20_000;
    private static int nextBasePort = FIRST_BASE_PORT;

    private final Path dir;
    private final int basePort;
    private final List<String> hosts;
    private final List<ClusterMember> members = new ArrayList<>();

    private LocalCluster(final Path dir, final int basePort, final int memberCount)
    {
        this.dir = dir;
        this.basePort = basePort;
        this.hosts = Collections.nCopies(memberCount, HOST);
    }

    /**
     * A scratch directory and free ports for {@code memberCount} members, none started: for a caller that launches
     * the member itself (the gateway's embedded member, in {@link #memberDir(int)} on {@link #basePort()}).
     *
     * @param memberCount number of members the ports are for.
     * @return the reservation; close it to delete the directory.
     * @throws IOException if the directory cannot be created or no block of ports is free.
     */
    public static LocalCluster reserve(final int memberCount) throws IOException
    {
        final int basePort = freeBasePort(memberCount);
        return new LocalCluster(Files.createTempDirectory(scratchRoot(), "tickwire-cluster-bench"), basePort,
            memberCount);
    }

    /**
     * Launch {@code memberCount} members, all together, and wait until one leads and no election is under way.
     *
     * @param memberCount     1 or more.
     * @param service         makes each member's service.
     * @param electionTimeout how long to wait for the leader.
     * @param unit            of the timeout.
     * @return the running members; close them with it.
     * @throws IOException if the directory cannot be created or no block of ports is free.
     */
    public static LocalCluster launch(
        final int memberCount,
        final Supplier<? extends ClusteredService> service,
        final long electionTimeout,
        final TimeUnit unit) throws IOException
    {
        final LocalCluster cluster = reserve(memberCount);
        try
        {
            for (int id = 0; id < memberCount; id++)
            {
                cluster.members.add(ClusterMember.launch(new ClusterMemberContext()
                    .memberId(id)
                    .hosts(cluster.hosts)
                    .basePort(cluster.basePort)
                    .clusterDir(cluster.memberDir(id).toFile())
                    // As the gateway's embedded member: one member's log and same-driver clients go over IPC.
                    .ipc(1 == memberCount)
                    .wakeUps(1 == memberCount && ClusterConfiguration.embeddedWakeUps() ?
                        MemberWakeUps.withDefaults() : null)
                    .clusteredService(service)));
            }
            cluster.awaitLeader(unit.toNanos(electionTimeout));
            return cluster;
        }
        catch (final RuntimeException ex)
        {
            cluster.close();
            throw ex;
        }
    }

    /**
     * Where the scratch directories go: {@code /dev/shm} if it is a writable directory, else {@code java.io.tmpdir}.
     *
     * @return the parent of every scratch directory.
     */
    public static Path scratchRoot()
    {
        return Files.isDirectory(SHM) && Files.isWritable(SHM) ? SHM : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * @return whether the scratch directories are on tmpfs ({@code /dev/shm}).
     */
    public static boolean onShm()
    {
        return SHM.equals(scratchRoot());
    }

    /**
     * Launch a media driver for a cluster client configured as the gateway's embedded one (shared thread, Agrona's
     * default back-off), in {@code client-aeron} of the scratch directory.
     *
     * @return the driver; close it after its clients.
     */
    public MediaDriver launchClientDriver()
    {
        return MediaDriver.launchEmbedded(new MediaDriver.Context()
            .aeronDirectoryName(dir.resolve("client-aeron").toString())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
    }

    /**
     * Connect a client, retrying until the deadline (the leader may still be opening its session).
     *
     * @param aeronDirectoryName driver of the client.
     * @param listener           for the replies.
     * @param timeoutMs          how long to try.
     * @return the connected client.
     */
    public AeronCluster connect(final String aeronDirectoryName, final EgressListener listener, final long timeoutMs)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true)
        {
            try
            {
                final boolean onMemberDriver = 1 == members.size() &&
                    members.get(0).aeronDirectoryName().equals(aeronDirectoryName);
                return onMemberDriver ? ClusterClients.connectIpc(aeronDirectoryName, listener) :
                    ClusterClients.connect(aeronDirectoryName, ingressEndpoints(), listener);
            }
            catch (final RuntimeException ex)
            {
                if (System.nanoTime() - deadlineNs >= 0)
                {
                    throw new IllegalStateException("cluster client did not connect within " + timeoutMs + " ms to " +
                        ingressEndpoints(), ex);
                }
            }
        }
    }

    /**
     * @return the scratch directory.
     */
    public Path dir()
    {
        return dir;
    }

    /**
     * @param memberId of a member.
     * @return its directory ({@code member-<id>} in the scratch directory).
     */
    public Path memberDir(final int memberId)
    {
        return dir.resolve("member-" + memberId);
    }

    /**
     * @return first port of member 0's block.
     */
    public int basePort()
    {
        return basePort;
    }

    /**
     * @return every member's ingress, {@code 0=localhost:port,...}, for a client or {@code TickwireClusterMembers}.
     */
    public String ingressEndpoints()
    {
        return ClusterConfiguration.ingressEndpoints(hosts, basePort);
    }

    /**
     * @return the members launched here (none after {@link #reserve(int)}).
     */
    public List<ClusterMember> members()
    {
        return members;
    }

    /**
     * Close the members, then delete the scratch directory.
     */
    public void close()
    {
        try
        {
            CloseHelper.closeAll(members);
        }
        finally
        {
            IoUtil.delete(dir.toFile(), true);
        }
    }

    private void awaitLeader(final long timeoutNs)
    {
        final long deadlineNs = System.nanoTime() + timeoutNs;
        while (!hasOneLeader())
        {
            if (System.nanoTime() - deadlineNs >= 0)
            {
                throw new IllegalStateException("no cluster leader within " +
                    TimeUnit.NANOSECONDS.toMillis(timeoutNs) + " ms: " + describe());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private boolean hasOneLeader()
    {
        int leaders = 0;
        for (final ClusterMember member : members)
        {
            if (ElectionState.CLOSED != member.electionState())
            {
                return false;
            }
            if (member.isLeader())
            {
                leaders++;
            }
        }
        return 1 == leaders;
    }

    private String describe()
    {
        final StringBuilder sb = new StringBuilder();
        for (final ClusterMember member : members)
        {
            sb.append(member.memberId()).append(": ").append(member.role()).append('/')
                .append(member.electionState()).append('/').append(member.moduleState()).append("; ");
        }
        return sb.toString();
    }

    /**
     * The first base port, from where the last search stopped, whose members' ports are all free on loopback.
     */
    private static synchronized int freeBasePort(final int memberCount) throws IOException
    {
        final int blockSize = ClusterConfiguration.PORTS_PER_MEMBER * memberCount;
        final int candidates = (PORT_RANGE_END - FIRST_BASE_PORT) / blockSize;
        for (int i = 0; i < candidates; i++)
        {
            if (nextBasePort + blockSize > PORT_RANGE_END)
            {
                nextBasePort = FIRST_BASE_PORT;
            }
            final int basePort = nextBasePort;
            // The next run starts on other ports: no late datagram of a closed member can reach a new one.
            nextBasePort += blockSize;
            if (portsFree(basePort, memberCount))
            {
                return basePort;
            }
        }
        throw new IOException("no free UDP ports for " + memberCount + " cluster members in " + FIRST_BASE_PORT + "-" +
            (PORT_RANGE_END - 1));
    }

    private static boolean portsFree(final int basePort, final int memberCount)
    {
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int id = 0; id < memberCount; id++)
        {
            final int memberBase = ClusterConfiguration.memberBasePort(basePort, id);
            for (int port = memberBase + ClusterConfiguration.ARCHIVE_CONTROL_PORT_OFFSET;
                port <= memberBase + ClusterConfiguration.CATCHUP_PORT_OFFSET; port++)
            {
                try (DatagramSocket ignore = new DatagramSocket(new InetSocketAddress(loopback, port)))
                {
                    // bound: free
                }
                catch (final SocketException ex)
                {
                    return false;
                }
            }
        }
        return true;
    }
}
