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

import org.agrona.CloseHelper;

/**
 * Puts the gateway's order path on Aeron Cluster: the cluster client agent that replaces the in-process engine,
 * and, for the default deployment, the one-member cluster that runs the {@link MatchingService} in the gateway's
 * own process (driver, archive, consensus module, service; data under one directory). With external members the
 * gateway is only their client.
 * <p>
 * The agent owns its client (it connects again when the client closes); closing this closes the embedded member.
 * A failure while starting closes what had started.
 */
public final class ClusterOrderPath implements AutoCloseable
{
    private final ClusterMember member;
    private final ClusterOrderAgent agent;
    private final String description;

    private ClusterOrderPath(
        final ClusterMember member, final ClusterOrderAgent agent, final String description)
    {
        this.member = member;
        this.agent = agent;
        this.description = description;
    }

    /**
     * Launch a one-member cluster running the matching service in this process and connect the agent to it.
     *
     * @param memberContext the member (directory, ports, idle strategy); its service is set here.
     * @param service       the matching service the member runs.
     * @param agent         the gateway's end, which becomes the client's egress listener.
     * @return the running path.
     */
    public static ClusterOrderPath embedded(
        final ClusterMemberContext memberContext, final MatchingService service, final ClusterOrderAgent agent)
    {
        final ClusterMember member = ClusterMember.launch(memberContext.clusteredService(service));
        try
        {
            // The client shares the member's driver: one process, one driver, fewer threads on a small host; with
            // the member's IPC log and ingress, nothing of the order path crosses UDP.
            agent.connect((listener) -> memberContext.ipc() ?
                ClusterClients.connectIpc(member.aeronDirectoryName(), listener) :
                ClusterClients.connect(member.aeronDirectoryName(), member.ingressEndpoints(), listener));
            return new ClusterOrderPath(member, agent, "embedded cluster member 0 in " +
                memberContext.clusterDir() + " (" + memberContext.threading().name().toLowerCase() + ", idle " +
                memberContext.idleStrategy() + "), " + (memberContext.ipc() ? "log and ingress over IPC" :
                "ingress " + member.ingressEndpoints()) + ", gateway id " + agent.gatewayId());
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(member);
            throw ex;
        }
    }

    /**
     * Connect the agent to members running elsewhere ({@code tickwire cluster node}).
     *
     * @param aeronDirectoryName a media driver for the client.
     * @param ingressEndpoints   of all members: {@code 0=host:port,1=host:port,...}.
     * @param agent              the gateway's end, which becomes the client's egress listener.
     * @return the connected path.
     */
    public static ClusterOrderPath external(
        final String aeronDirectoryName, final String ingressEndpoints, final ClusterOrderAgent agent)
    {
        agent.connect((listener) -> ClusterClients.connect(aeronDirectoryName, ingressEndpoints, listener));
        return new ClusterOrderPath(null, agent,
            "cluster members " + ingressEndpoints + ", gateway id " + agent.gatewayId());
    }

    /**
     * @return the agent to run on the gateway's order thread.
     */
    public ClusterOrderAgent agent()
    {
        return agent;
    }

    /**
     * @return the embedded member, or null when the members run elsewhere.
     */
    public ClusterMember member()
    {
        return member;
    }

    /**
     * @return for the banner: where the members are.
     */
    public String description()
    {
        return description;
    }

    /**
     * Close the embedded member. Call after the agent's thread has stopped (its runner closes the client).
     */
    public void close()
    {
        CloseHelper.quietClose(member);
    }
}
