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
package io.tickwire.feed;

import io.tickwire.agent.PinnedAgent;
import io.tickwire.agent.ThreadPlan;
import io.tickwire.agent.ThreadingProfile;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of a {@link FeedHandler}'s agents run on which threads: the {@link ThreadPlan} chosen from the context,
 * and the {@link AgentRunner}s that carry it out. In the dedicated profile each agent gets its own thread, pinned
 * to its CPU when one is given, and each background agent its own backing-off thread; in the compact profile all
 * of them share one thread as a {@link CompositeAgent}.
 */
final class FeedThreads implements AutoCloseable
{
    private final List<AgentRunner> runners = new ArrayList<>();

    /**
     * Build the thread plan a context would run, without starting anything.
     *
     * @param ctx             configuration.
     * @param agentNames      ingest agents then the publisher.
     * @param backgroundNames agents that back off in every profile (the snapshot server).
     * @return the plan.
     */
    static ThreadPlan plan(
        final FeedHandlerContext ctx, final List<String> agentNames, final List<String> backgroundNames)
    {
        final ThreadingProfile profile = ThreadPlan.chooseProfile(
            ctx.threadingProfile, ctx.availableProcessors, agentNames.size(), ctx.embeddedDriver());
        final String agentIdle = ThreadingProfile.DEDICATED == profile ?
            ctx.dedicatedIdleStrategySupplier.get().getClass().getSimpleName() :
            ctx.compactIdleStrategySupplier.get().getClass().getSimpleName();
        final String driverDescription;
        if (!ctx.embeddedDriver())
        {
            driverDescription = "external driver: its own threads";
        }
        else if (ThreadingProfile.DEDICATED == profile)
        {
            driverDescription = "embedded DEDICATED: sender BusySpinIdleStrategy, conductor and receiver " +
                "BackoffIdleStrategy";
        }
        else
        {
            driverDescription = "embedded SHARED: " +
                ctx.compactIdleStrategySupplier.get().getClass().getSimpleName();
        }

        return ThreadPlan.plan(ctx.threadingProfile, ctx.availableProcessors, agentNames, backgroundNames, ctx.cpus,
            ctx.embeddedDriver(), agentIdle, ctx.snapshotIdleStrategySupplier.get().getClass().getSimpleName(),
            driverDescription);
    }

    /**
     * Start a runner per thread of the plan.
     *
     * @param ctx              configuration, for the idle strategies.
     * @param threadPlan       from {@link #plan(FeedHandlerContext, List, List)} with the same agents.
     * @param agents           ingest agents then the publisher.
     * @param backgroundAgents agents that back off in every profile.
     * @param errorHandler     of the runners.
     */
    void start(
        final FeedHandlerContext ctx,
        final ThreadPlan threadPlan,
        final List<Agent> agents,
        final List<Agent> backgroundAgents,
        final ErrorHandler errorHandler)
    {
        if (ThreadingProfile.DEDICATED == threadPlan.profile())
        {
            for (int i = 0; i < agents.size(); i++)
            {
                final int cpu = threadPlan.cpuOf(i);
                final Agent agent = ThreadPlan.ANY_CPU == cpu ? agents.get(i) : new PinnedAgent(agents.get(i), cpu);
                final AgentRunner runner =
                    new AgentRunner(ctx.dedicatedIdleStrategySupplier.get(), errorHandler, null, agent);
                runners.add(runner);
                AgentRunner.startOnThread(runner);
            }
            for (final Agent agent : backgroundAgents)
            {
                final AgentRunner runner =
                    new AgentRunner(ctx.snapshotIdleStrategySupplier.get(), errorHandler, null, agent);
                runners.add(runner);
                AgentRunner.startOnThread(runner);
            }
        }
        else
        {
            final List<Agent> all = new ArrayList<>(agents);
            all.addAll(backgroundAgents);
            final Agent composite = new CompositeAgent(all)
            {
                public String roleName()
                {
                    return ThreadPlan.COMPACT_THREAD_NAME;
                }
            };
            final int cpu = threadPlan.cpuOf(0);
            final Agent agent = ThreadPlan.ANY_CPU == cpu ? composite : new PinnedAgent(composite, cpu);
            final AgentRunner runner =
                new AgentRunner(ctx.compactIdleStrategySupplier.get(), errorHandler, null, agent);
            runners.add(runner);
            AgentRunner.startOnThread(runner);
        }
    }

    /**
     * @return true once any runner exists: from then on the agents, not the feed handler, close the sources.
     */
    boolean hasRunners()
    {
        return !runners.isEmpty();
    }

    /**
     * Stop the runners, which close their agents.
     */
    public void close()
    {
        CloseHelper.closeAll(runners);
    }
}
