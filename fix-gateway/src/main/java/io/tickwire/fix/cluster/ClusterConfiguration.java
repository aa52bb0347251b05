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

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Defaults of a cluster member and its clients, each overridable by a system property. A
 * {@link ClusterMemberContext} starts from these values; its setters override them. Also the one place where the
 * port layout of a member and the strings Aeron Cluster wants ({@code clusterMembers}, {@code ingressEndpoints}) are
 * derived from a host list.
 * <p>
 * Port layout (as measured in FINDINGS "Aeron Cluster on these machines"): member {@code id} owns the block of
 * {@value #PORTS_PER_MEMBER} ports starting at {@code P = basePort + 100 * id}:
 * <pre>
 *   P+1 archive control (UDP, the other members replicate from it)
 *   P+2 ingress         (UDP, clients send to the leader's)
 *   P+3 consensus       (UDP, member to member)
 *   P+4 log             (UDP, leader to followers)
 *   P+5 catch-up        (UDP, a lagging follower's replay)
 * </pre>
 */
public final class ClusterConfiguration
{
    /**
     * Ports reserved for each member, so that member {@code id}'s ports are {@code basePort + 100 * id + offset}.
     */
    public static final int PORTS_PER_MEMBER = 100;

    /**
     * Offset of the archive control port in a member's port block.
     */
    public static final int ARCHIVE_CONTROL_PORT_OFFSET = 1;

    /**
     * Offset of the client-facing ingress port in a member's port block.
     */
    public static final int INGRESS_PORT_OFFSET = 2;

    /**
     * Offset of the member-facing consensus port in a member's port block.
     */
    public static final int CONSENSUS_PORT_OFFSET = 3;

    /**
     * Offset of the log port (where a follower receives the leader's log) in a member's port block.
     */
    public static final int LOG_PORT_OFFSET = 4;

    /**
     * Offset of the catch-up port (where a lagging follower receives a replay) in a member's port block.
     */
    public static final int CATCHUP_PORT_OFFSET = 5;

    /**
     * This member's id: its index in the host list.
     */
    public static final String MEMBER_ID_PROP_NAME = "tickwire.cluster.member.id";

    /**
     * Default member id: a single-member cluster.
     */
    public static final int MEMBER_ID_DEFAULT = 0;

    /**
     * Hosts of all members, comma separated, in member id order; each member's ports follow from its id.
     */
    public static final String HOSTS_PROP_NAME = "tickwire.cluster.hosts";

    /**
     * Default host list: one member on this host.
     */
    public static final String HOSTS_DEFAULT = "localhost";

    /**
     * First port of member 0's port block.
     */
    public static final String BASE_PORT_PROP_NAME = "tickwire.cluster.base.port";

    /**
     * Default base port: below the kernel's ephemeral range (32768 and up) so that no socket bound to port 0 is handed
     * one of ours.
     */
    public static final int BASE_PORT_DEFAULT = 20_000;

    /**
     * Directory of this member's state: {@code aeron/} (driver, deleted on start and exit), {@code archive/} (the
     * recorded log and snapshots) and {@code cluster/} (recording log, mark files). Unset: {@code
     * tickwire-cluster-<memberId>} in the working directory.
     */
    public static final String DIR_PROP_NAME = "tickwire.cluster.dir";

    /**
     * Delete the member's directory before it starts ({@code true}) or recover from it ({@code false}).
     */
    public static final String DELETE_DIR_ON_START_PROP_NAME = "tickwire.cluster.delete.dir.on.start";

    /**
     * Default: keep, so that a restarted member recovers its state from its snapshot and log.
     */
    public static final boolean DELETE_DIR_ON_START_DEFAULT = false;

    /**
     * Threading of the member's media driver and archive: {@code shared} or {@code dedicated}.
     */
    public static final String THREADING_PROP_NAME = "tickwire.cluster.threading";

    /**
     * Default threading: one thread for the driver and one for the archive (four agent threads per member with the
     * consensus module and the service), which FINDINGS measured to work on 2 cores, also with 3 members in one JVM.
     */
    public static final String THREADING_DEFAULT = "shared";

    /**
     * Idle strategy of every agent thread of a member: {@code backoff} (spin 10, yield 20, then park 1 us doubling
     * to 1 ms; Aeron's default), {@code backoff:SPINS,YIELDS,MIN_PARK_NS,MAX_PARK_NS}, {@code yield} (also
     * {@code yielding}: lowest latency, a core's worth of yields per idle thread) or {@code spin} (only with a
     * free core per thread).
     */
    public static final String IDLE_STRATEGY_PROP_NAME = "tickwire.cluster.idle.strategy";

    /**
     * Whether the gateway's embedded member carries its log, ingress and egress over IPC
     * ({@code ClusterMemberContext.ipc}): {@code true} (default) or {@code false} for UDP loopback as a member
     * elsewhere would.
     */
    public static final String EMBEDDED_IPC_PROP_NAME = "tickwire.cluster.embedded.ipc";

    /**
     * Whether the embedded member's agents and the gateway wake each other at every hand-off
     * ({@link MemberWakeUps}): {@code true} (default) or {@code false} for plain back-off as a member of its own.
     */
    public static final String EMBEDDED_WAKE_UPS_PROP_NAME = "tickwire.cluster.embedded.wakeups";

    /**
     * First park timeout of an agent that is woken at every hand-off ({@link MemberWakeUps}), doubling to 1 ms.
     */
    public static final String WAKE_UP_MIN_PARK_NS_PROP_NAME = "tickwire.cluster.wakeup.min.park.ns";

    /**
     * {@link #WAKE_UP_MIN_PARK_NS_PROP_NAME}, default 100 us: the wake-ups end a park as soon as there is work, so
     * the timeout matters only to the work nobody wakes for (timers, heartbeats, snapshots).
     */
    public static final long WAKE_UP_MIN_PARK_NS = Long.getLong(WAKE_UP_MIN_PARK_NS_PROP_NAME, 100_000);

    /**
     * Default idle strategy: back-off, because a member runs four agent threads and yielding ones would take both
     * cores of these machines from everything else (FINDINGS: backoff costs 0.1-1.7 ms of p50 here).
     */
    public static final String IDLE_STRATEGY_DEFAULT = "backoff";

    /**
     * Channel of the replicated log, without endpoint (the consensus module adds each follower's log endpoint).
     */
    public static final String LOG_CHANNEL_PROP_NAME = "tickwire.cluster.log.channel";

    /**
     * Default log channel: 4 MiB terms instead of Aeron's 64 MiB, so that a member does not map 192 MiB per log.
     */
    public static final String LOG_CHANNEL_DEFAULT = "aeron:udp?term-length=4m";

    /**
     * Log channel of a one-member cluster whose clients share its driver ({@code ClusterMemberContext.ipc}).
     */
    public static final String IPC_LOG_CHANNEL = "aeron:ipc?term-length=4m";

    /**
     * Channel of client ingress, without endpoint (the members' ingress endpoints are added).
     */
    public static final String INGRESS_CHANNEL_PROP_NAME = "tickwire.cluster.ingress.channel";

    /**
     * Default ingress channel: 128 KiB terms; each client has its own ingress publication.
     */
    public static final String INGRESS_CHANNEL_DEFAULT = "aeron:udp?term-length=128k";

    /**
     * Channel on which a client receives egress (responses from the leader); port 0 lets the client's driver choose.
     */
    public static final String EGRESS_CHANNEL_PROP_NAME = "tickwire.cluster.egress.channel";

    /**
     * Default egress channel: loopback, any port. Clients on another host than the members set their own host.
     */
    public static final String EGRESS_CHANNEL_DEFAULT = "aeron:udp?endpoint=localhost:0";

    /**
     * Term length of every stream a member's driver creates without a {@code term-length} of its own (consensus,
     * egress, snapshots, replays).
     */
    public static final String TERM_LENGTH_PROP_NAME = "tickwire.cluster.term.length";

    /**
     * Default term length of a member driver's other streams: 4 MiB instead of 16 MiB (UDP) and 64 MiB (IPC).
     */
    public static final int TERM_LENGTH_DEFAULT = 4 * 1024 * 1024;

    private ClusterConfiguration()
    {
    }

    /**
     * @return the member id from {@link #MEMBER_ID_PROP_NAME} or {@link #MEMBER_ID_DEFAULT}.
     */
    public static int memberId()
    {
        return Integer.getInteger(MEMBER_ID_PROP_NAME, MEMBER_ID_DEFAULT);
    }

    /**
     * @return the host list from {@link #HOSTS_PROP_NAME} or {@link #HOSTS_DEFAULT}.
     */
    public static List<String> hosts()
    {
        return parseHosts(System.getProperty(HOSTS_PROP_NAME, HOSTS_DEFAULT));
    }

    /**
     * @return the base port from {@link #BASE_PORT_PROP_NAME} or {@link #BASE_PORT_DEFAULT}.
     */
    public static int basePort()
    {
        return Integer.getInteger(BASE_PORT_PROP_NAME, BASE_PORT_DEFAULT);
    }

    /**
     * @return the directory from {@link #DIR_PROP_NAME}, or null to derive it from the member id.
     */
    public static String dir()
    {
        return System.getProperty(DIR_PROP_NAME);
    }

    /**
     * @return {@link #DELETE_DIR_ON_START_PROP_NAME} or {@link #DELETE_DIR_ON_START_DEFAULT}.
     */
    public static boolean deleteDirOnStart()
    {
        final String value = System.getProperty(DELETE_DIR_ON_START_PROP_NAME);
        return null == value ? DELETE_DIR_ON_START_DEFAULT : Boolean.parseBoolean(value);
    }

    /**
     * @return the threading from {@link #THREADING_PROP_NAME} or {@link #THREADING_DEFAULT}.
     */
    public static ClusterMember.Threading threading()
    {
        return ClusterMember.Threading.parse(System.getProperty(THREADING_PROP_NAME, THREADING_DEFAULT));
    }

    /**
     * @return the idle strategy name from {@link #IDLE_STRATEGY_PROP_NAME} or {@link #IDLE_STRATEGY_DEFAULT}.
     */
    public static String idleStrategy()
    {
        return System.getProperty(IDLE_STRATEGY_PROP_NAME, IDLE_STRATEGY_DEFAULT);
    }

    /**
     * @return {@link #EMBEDDED_IPC_PROP_NAME}, true unless set to false.
     */
    public static boolean embeddedIpc()
    {
        return Boolean.parseBoolean(System.getProperty(EMBEDDED_IPC_PROP_NAME, "true"));
    }

    /**
     * @return {@link #EMBEDDED_WAKE_UPS_PROP_NAME}, true unless set to false.
     */
    public static boolean embeddedWakeUps()
    {
        return Boolean.parseBoolean(System.getProperty(EMBEDDED_WAKE_UPS_PROP_NAME, "true"));
    }

    /**
     * @return the log channel from {@link #LOG_CHANNEL_PROP_NAME} or {@link #LOG_CHANNEL_DEFAULT}.
     */
    public static String logChannel()
    {
        return System.getProperty(LOG_CHANNEL_PROP_NAME, LOG_CHANNEL_DEFAULT);
    }

    /**
     * @return the ingress channel from {@link #INGRESS_CHANNEL_PROP_NAME} or {@link #INGRESS_CHANNEL_DEFAULT}.
     */
    public static String ingressChannel()
    {
        return System.getProperty(INGRESS_CHANNEL_PROP_NAME, INGRESS_CHANNEL_DEFAULT);
    }

    /**
     * @return the egress channel from {@link #EGRESS_CHANNEL_PROP_NAME} or {@link #EGRESS_CHANNEL_DEFAULT}.
     */
    public static String egressChannel()
    {
        return System.getProperty(EGRESS_CHANNEL_PROP_NAME, EGRESS_CHANNEL_DEFAULT);
    }

    /**
     * @return the term length from {@link #TERM_LENGTH_PROP_NAME} or {@link #TERM_LENGTH_DEFAULT}.
     */
    public static int termLength()
    {
        return Integer.getInteger(TERM_LENGTH_PROP_NAME, TERM_LENGTH_DEFAULT);
    }

    /**
     * Split a comma separated host list.
     *
     * @param hosts such as {@code "10.0.0.1,10.0.0.2,10.0.0.3"}.
     * @return the hosts in member id order, trimmed.
     * @throws IllegalArgumentException if the list or a host is empty.
     */
    public static List<String> parseHosts(final String hosts)
    {
        final List<String> result = new ArrayList<>();
        for (final String host : hosts.split(",", -1))
        {
            final String trimmed = host.trim();
            if (trimmed.isEmpty())
            {
                throw new IllegalArgumentException("empty host in cluster host list: \"" + hosts + "\"");
            }
            result.add(trimmed);
        }

        return Collections.unmodifiableList(result);
    }

    /**
     * First port of a member's port block.
     *
     * @param basePort first port of member 0.
     * @param memberId of the member.
     * @return {@code basePort + 100 * memberId}.
     */
    public static int memberBasePort(final int basePort, final int memberId)
    {
        return basePort + PORTS_PER_MEMBER * memberId;
    }

    /**
     * The {@code clusterMembers} string of {@code io.aeron.cluster.ConsensusModule.Context}:
     * {@code id,ingress,consensus,log,catchup,archive|...} with ports laid out as in the class comment.
     *
     * @param hosts    in member id order.
     * @param basePort first port of member 0.
     * @return the members string.
     */
    public static String clusterMembers(final List<String> hosts, final int basePort)
    {
        final StringBuilder sb = new StringBuilder();
        for (int id = 0; id < hosts.size(); id++)
        {
            final String host = hosts.get(id);
            final int port = memberBasePort(basePort, id);
            if (id > 0)
            {
                sb.append('|');
            }
            sb.append(id)
                .append(',').append(host).append(':').append(port + INGRESS_PORT_OFFSET)
                .append(',').append(host).append(':').append(port + CONSENSUS_PORT_OFFSET)
                .append(',').append(host).append(':').append(port + LOG_PORT_OFFSET)
                .append(',').append(host).append(':').append(port + CATCHUP_PORT_OFFSET)
                .append(',').append(host).append(':').append(port + ARCHIVE_CONTROL_PORT_OFFSET);
        }

        return sb.toString();
    }

    /**
     * The {@code ingressEndpoints} string of {@code io.aeron.cluster.client.AeronCluster.Context}:
     * {@code 0=host:port,1=host:port,...}, every member's ingress so that a client finds the leader and follows it
     * to the next one.
     *
     * @param hosts    in member id order.
     * @param basePort first port of member 0.
     * @return the ingress endpoints string.
     */
    public static String ingressEndpoints(final List<String> hosts, final int basePort)
    {
        final StringBuilder sb = new StringBuilder();
        for (int id = 0; id < hosts.size(); id++)
        {
            if (id > 0)
            {
                sb.append(',');
            }
            sb.append(id).append('=').append(hosts.get(id)).append(':')
                .append(memberBasePort(basePort, id) + INGRESS_PORT_OFFSET);
        }

        return sb.toString();
    }

    /**
     * Say what an idle strategy name does to an idle thread, for banners.
     *
     * @param name as for {@link #idleStrategySupplier(String)}.
     * @return e.g. {@code backoff (spin 10, yield 20, park 1 us doubling to 1 ms: no busy spin)}.
     */
    public static String describeIdleStrategy(final String name)
    {
        switch (name)
        {
            case "backoff":
                return "backoff (spin 10, yield 20, park 1 us doubling to 1 ms: no busy spin)";
            case "yield":
            case "yielding":
                return name + " (an idle thread yields: a core's worth of CPU per thread)";
            case "spin":
                return "spin (an idle thread busy-spins: only with a free core per thread)";
            default:
                return name + " (spin, yield, then park: no busy spin)";
        }
    }

    /**
     * The {@code ingressEndpoints} of a cluster given either way an operator may write it: the endpoints themselves
     * ({@code 0=host:port,1=host:port,...}, returned as given) or the members' host list, the same
     * {@code h0,h1,h2} their {@code tickwire cluster node --members} was given, whose ingress ports follow from the
     * base port.
     *
     * @param members  {@code 0=host:port,...} or {@code h0,h1,h2}.
     * @param basePort first port of member 0, used for a host list.
     * @return the ingress endpoints string.
     * @throws IllegalArgumentException if the list or a host is empty.
     */
    public static String ingressEndpoints(final String members, final int basePort)
    {
        final String trimmed = members.trim();
        return trimmed.indexOf('=') >= 0 ? trimmed : ingressEndpoints(parseHosts(trimmed), basePort);
    }

    /**
     * Make idle strategies from a name (see {@link #IDLE_STRATEGY_PROP_NAME}). A supplier because every agent thread
     * needs its own instance: back-off strategies keep state.
     *
     * @param name such as {@code backoff}, {@code backoff:10,20,1000,1000000}, {@code yield} or {@code spin}.
     * @return a supplier of new idle strategies.
     * @throws IllegalArgumentException if the name is not one of the forms above.
     */
    public static Supplier<IdleStrategy> idleStrategySupplier(final String name)
    {
        switch (name)
        {
            case "backoff":
                return () -> new BackoffIdleStrategy(10, 20, 1_000, 1_000_000);
            case "yield":
            case "yielding":
                return YieldingIdleStrategy::new;
            case "spin":
                return BusySpinIdleStrategy::new;
            default:
                break;
        }

        if (name.startsWith("backoff:"))
        {
            final String[] parts = name.substring("backoff:".length()).split(",");
            if (4 == parts.length)
            {
                try
                {
                    final long spins = Long.parseLong(parts[0].trim());
                    final long yields = Long.parseLong(parts[1].trim());
                    final long minParkNs = Long.parseLong(parts[2].trim());
                    final long maxParkNs = Long.parseLong(parts[3].trim());
                    if (spins >= 0 && yields >= 0 && minParkNs > 0 && maxParkNs >= minParkNs)
                    {
                        return () -> new BackoffIdleStrategy(spins, yields, minParkNs, maxParkNs);
                    }
                }
                catch (final NumberFormatException ignore)
                {
                    // reported below with the accepted forms
                }
            }
        }

        throw new IllegalArgumentException(
            "idle strategy must be backoff, backoff:SPINS,YIELDS,MIN_PARK_NS,MAX_PARK_NS (0 < min <= max), yield or " +
            "spin: \"" + name + "\"");
    }
}
