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

import io.tickwire.fix.audit.WakeableIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.util.function.Supplier;

/**
 * Hand-offs between the agents of a one-member cluster that runs in its client's process (the gateway's embedded
 * member, IPC log and ingress), so that each agent is woken when the one before it has produced its input instead
 * of finding it at the end of a park timeout.
 * <p>
 * Back-off idling keeps a small host's cores free, but a command then crosses four parked threads (client, consensus
 * module, archive recorder, consensus module again for the commit, service, client for egress) and each may be
 * parked: on these machines a park ends tens of microseconds late whatever its timeout, and an idle thread wakes
 * itself several times between two orders 100 us apart only to find nothing. With the producers waking their
 * consumers, the agents can park longer ({@link ClusterConfiguration#WAKE_UP_MIN_PARK_NS}) and wake once per
 * hand-off:
 * <ul>
 *   <li>the client, after offering ingress, wakes the consensus module ({@link #wakeConsensusModule()});</li>
 *   <li>the consensus module, after any work (it appended to the log, or moved the commit position), wakes the
 *   archive, which records the log, and the service, which applies what is committed;</li>
 *   <li>the archive, after any work, wakes the consensus module: with one member, the recording position is what
 *   commits;</li>
 *   <li>the service, after any work (it sent egress), wakes the client ({@link #egressWaker(Runnable)}).</li>
 * </ul>
 * A wake-up costs a volatile read, and an unpark only when the thread is parked. One missed (racing the decision to
 * park) costs at most the park timeout, as without wake-ups; nothing depends on it for correctness. The media
 * driver is not in the chain: IPC data does not pass through it.
 * <p>
 * Each agent's idle strategy is one instance, handed out for every request of its role: Aeron asks twice for the
 * consensus module and the service (the runner and the agent's own waits), both on the agent's thread.
 */
public final class MemberWakeUps
{
    private static final Runnable NO_OP = () -> {};

    private final WakeableIdleStrategy consensusModule;
    private final WakeableIdleStrategy archive;
    private final WakeableIdleStrategy service;
    private final IdleStrategy consensusModuleIdle;
    private final IdleStrategy archiveIdle;
    private final IdleStrategy serviceIdle;
    private volatile Runnable egressWaker = NO_OP;

    /**
     * @param maxSpins           busy spins before yielding.
     * @param maxYields          yields before parking.
     * @param minParkPeriodNanos first park timeout.
     * @param maxParkPeriodNanos longest park timeout.
     */
    public MemberWakeUps(
        final long maxSpins, final long maxYields, final long minParkPeriodNanos, final long maxParkPeriodNanos)
    {
        consensusModule = new WakeableIdleStrategy(maxSpins, maxYields, minParkPeriodNanos, maxParkPeriodNanos);
        archive = new WakeableIdleStrategy(maxSpins, maxYields, minParkPeriodNanos, maxParkPeriodNanos);
        service = new WakeableIdleStrategy(maxSpins, maxYields, minParkPeriodNanos, maxParkPeriodNanos);
        consensusModuleIdle = new WakingIdleStrategy(consensusModule)
        {
            void onWork()
            {
                archive.wake();
                service.wake();
            }
        };
        archiveIdle = new WakingIdleStrategy(archive)
        {
            void onWork()
            {
                consensusModule.wake();
            }
        };
        serviceIdle = new WakingIdleStrategy(service)
        {
            void onWork()
            {
                egressWaker.run();
            }
        };
    }

    /**
     * With {@link ClusterConfiguration#WAKE_UP_MIN_PARK_NS} and the Aeron back-off's spins, yields and longest park.
     *
     * @return wake-ups for one member.
     */
    public static MemberWakeUps withDefaults()
    {
        return new MemberWakeUps(10, 20, ClusterConfiguration.WAKE_UP_MIN_PARK_NS, 1_000_000);
    }

    /**
     * @param egressWaker wakes the thread that polls the client's egress; any thread may call it.
     * @return this.
     */
    public MemberWakeUps egressWaker(final Runnable egressWaker)
    {
        this.egressWaker = null == egressWaker ? NO_OP : egressWaker;
        return this;
    }

    /**
     * Wake the consensus module: the client has offered ingress. Any thread.
     */
    public void wakeConsensusModule()
    {
        consensusModule.wake();
    }

    /**
     * @return the consensus module's idle strategy (the same instance every time).
     */
    public Supplier<IdleStrategy> consensusModule()
    {
        return () -> consensusModuleIdle;
    }

    /**
     * @return the archive's idle strategy: of its one thread when shared, of its recorder when dedicated.
     */
    public Supplier<IdleStrategy> archive()
    {
        return () -> archiveIdle;
    }

    /**
     * @return the service container's idle strategy (the same instance every time).
     */
    public Supplier<IdleStrategy> service()
    {
        return () -> serviceIdle;
    }

    /**
     * An agent's back-off that tells its consumers after each duty cycle that did work.
     */
    private abstract static class WakingIdleStrategy implements IdleStrategy
    {
        private final WakeableIdleStrategy idle;

        WakingIdleStrategy(final WakeableIdleStrategy idle)
        {
            this.idle = idle;
        }

        abstract void onWork();

        public void idle(final int workCount)
        {
            if (workCount > 0)
            {
                onWork();
            }
            idle.idle(workCount);
        }

        public void idle()
        {
            idle.idle();
        }

        public void reset()
        {
            idle.reset();
        }

        public String alias()
        {
            return "backoff-woken";
        }
    }
}
