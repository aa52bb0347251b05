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

import io.aeron.cluster.ConsensusModule;
import io.aeron.exceptions.ConfigurationException;

import java.util.concurrent.TimeUnit;

import static io.tickwire.fix.cluster.ClusterMemberContext.NAME;

/**
 * A member's consensus timeouts, part of its {@link ClusterMemberContext}: how soon followers notice a silent
 * leader, how long elections and a starting member's canvass take, when a silent client session is closed. They
 * start from Aeron's defaults ({@code aeron.cluster.*} system properties); {@link #failover(long, TimeUnit)} shortens
 * them consistently from one value for tests and tools.
 */
public final class ConsensusTimeouts
{
    private long leaderHeartbeatTimeoutNs = ConsensusModule.Configuration.leaderHeartbeatTimeoutNs();
    private long leaderHeartbeatIntervalNs = ConsensusModule.Configuration.leaderHeartbeatIntervalNs();
    private long electionTimeoutNs = ConsensusModule.Configuration.electionTimeoutNs();
    private long startupCanvassTimeoutNs = ConsensusModule.Configuration.startupCanvassTimeoutNs();
    private long sessionTimeoutNs = ConsensusModule.Configuration.sessionTimeoutNs();

    /**
     * @param leaderHeartbeatTimeoutNs after which followers without a leader heartbeat start an election; Aeron's
     *                                 default is 10 s (tests use about 1 s to fail over quickly).
     * @return this for a fluent API.
     */
    public ConsensusTimeouts leaderHeartbeatTimeoutNs(final long leaderHeartbeatTimeoutNs)
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
    public ConsensusTimeouts leaderHeartbeatIntervalNs(final long leaderHeartbeatIntervalNs)
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
    public ConsensusTimeouts electionTimeoutNs(final long electionTimeoutNs)
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
    public ConsensusTimeouts startupCanvassTimeoutNs(final long startupCanvassTimeoutNs)
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
    public ConsensusTimeouts sessionTimeoutNs(final long sessionTimeoutNs)
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
     * Shorten the timeouts consistently from one value: the heartbeat a tenth of it, the canvass at least twice it.
     *
     * @param leaderHeartbeatTimeout after which followers elect a new leader.
     * @param unit                   of the timeout.
     * @return this for a fluent API.
     */
    public ConsensusTimeouts failover(final long leaderHeartbeatTimeout, final TimeUnit unit)
    {
        final long timeoutNs = unit.toNanos(leaderHeartbeatTimeout);
        return leaderHeartbeatTimeoutNs(timeoutNs)
            .leaderHeartbeatIntervalNs(Math.max(1, timeoutNs / 10))
            .startupCanvassTimeoutNs(Math.max(startupCanvassTimeoutNs, 2 * timeoutNs));
    }

    /**
     * The timeouts are positive and ordered as Aeron requires.
     *
     * @throws ConfigurationException naming the timeout that breaks a rule.
     */
    void check()
    {
        if (leaderHeartbeatIntervalNs <= 0 || leaderHeartbeatTimeoutNs <= leaderHeartbeatIntervalNs)
        {
            throw new ConfigurationException(NAME + ": need 0 < leaderHeartbeatIntervalNs=" +
                leaderHeartbeatIntervalNs + " < leaderHeartbeatTimeoutNs=" + leaderHeartbeatTimeoutNs);
        }
        // Aeron's own rule, checked here so that it fails before a driver and an archive have been started.
        if (startupCanvassTimeoutNs / leaderHeartbeatTimeoutNs < 2)
        {
            throw new ConfigurationException(NAME + ".startupCanvassTimeoutNs=" + startupCanvassTimeoutNs +
                " must be at least twice leaderHeartbeatTimeoutNs=" + leaderHeartbeatTimeoutNs);
        }
        if (electionTimeoutNs <= 0 || sessionTimeoutNs <= 0)
        {
            throw new ConfigurationException(NAME + ": electionTimeoutNs=" + electionTimeoutNs +
                " and sessionTimeoutNs=" + sessionTimeoutNs + " must be positive");
        }
    }

    /**
     * @param consensusModule the member's consensus module context, given these timeouts.
     * @return the context.
     */
    ConsensusModule.Context applyTo(final ConsensusModule.Context consensusModule)
    {
        return consensusModule
            .leaderHeartbeatTimeoutNs(leaderHeartbeatTimeoutNs)
            .leaderHeartbeatIntervalNs(leaderHeartbeatIntervalNs)
            .electionTimeoutNs(electionTimeoutNs)
            .startupCanvassTimeoutNs(startupCanvassTimeoutNs)
            .sessionTimeoutNs(sessionTimeoutNs);
    }
}
