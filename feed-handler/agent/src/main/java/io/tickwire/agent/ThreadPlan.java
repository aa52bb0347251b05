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
package io.tickwire.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which agent runs on which thread, pinned to which CPU, with which idle strategy: decided once at launch and
 * printed in the start-up banner.
 * <p>
 * The profile, unless requested, follows one rule (see FINDINGS: three spinning threads on two cores turned
 * microseconds into milliseconds): {@link ThreadingProfile#DEDICATED} only if its busy-spinning threads (one per
 * agent plus the embedded driver's sender) leave at least one core free for everything else; otherwise
 * {@link ThreadingProfile#COMPACT}.
 */
public final class ThreadPlan
{
    /**
     * Name of the compact profile's single agent thread.
     */
    public static final String COMPACT_THREAD_NAME = "feed-agents";

    /**
     * CPU column value for a thread that is not pinned.
     */
    public static final int ANY_CPU = -1;

    /**
     * One line of the plan.
     *
     * @param agent        role name of the agent.
     * @param thread       name of the thread it runs on.
     * @param cpu          CPU it is pinned to, or {@link #ANY_CPU}.
     * @param idleStrategy idle strategy of the thread.
     */
    public record Row(String agent, String thread, int cpu, String idleStrategy)
    {
    }

    private final ThreadingProfile profile;
    private final String reason;
    private final List<Row> rows;

    private ThreadPlan(final ThreadingProfile profile, final String reason, final List<Row> rows)
    {
        this.profile = profile;
        this.reason = reason;
        this.rows = Collections.unmodifiableList(rows);
    }

    /**
     * Busy-spinning threads the dedicated profile would run.
     *
     * @param agentCount     ingest agents plus the publisher.
     * @param embeddedDriver true if the media driver runs in this process.
     * @return number of threads that would spin.
     */
    public static int dedicatedSpinningThreads(final int agentCount, final boolean embeddedDriver)
    {
        // The embedded driver's sender spins; its conductor and receiver back off (the feed handler only sends).
        return agentCount + (embeddedDriver ? 1 : 0);
    }

    /**
     * Choose the threading profile.
     *
     * @param requested           profile asked for explicitly, or null to choose.
     * @param availableProcessors cores the JVM may use.
     * @param agentCount          ingest agents plus the publisher.
     * @param embeddedDriver      true if the media driver runs in this process.
     * @return the profile to run.
     */
    public static ThreadingProfile chooseProfile(
        final ThreadingProfile requested,
        final int availableProcessors,
        final int agentCount,
        final boolean embeddedDriver)
    {
        if (null != requested)
        {
            return requested;
        }

        final int spinning = dedicatedSpinningThreads(agentCount, embeddedDriver);
        return spinning + 1 <= availableProcessors ? ThreadingProfile.DEDICATED : ThreadingProfile.COMPACT;
    }

    /**
     * Build the plan for agents that all run the profile's idle strategy.
     *
     * @param requested            profile asked for explicitly, or null to choose from the core count.
     * @param availableProcessors  cores the JVM may use.
     * @param agentNames           role names of the ingest agents and the publisher, in start order.
     * @param cpus                 CPUs to pin to, in agent order (compact: the first one pins the shared thread);
     *                             empty for no pinning.
     * @param embeddedDriver       true if the media driver runs in this process.
     * @param agentIdleStrategy    idle strategy name of agent threads in the chosen profile.
     * @param driverDescription    how the driver runs, e.g. {@code embedded SHARED, BackoffIdleStrategy}.
     * @return the plan.
     */
    public static ThreadPlan plan(
        final ThreadingProfile requested,
        final int availableProcessors,
        final List<String> agentNames,
        final int[] cpus,
        final boolean embeddedDriver,
        final String agentIdleStrategy,
        final String driverDescription)
    {
        return plan(requested, availableProcessors, agentNames, List.of(), cpus, embeddedDriver, agentIdleStrategy,
            agentIdleStrategy, driverDescription);
    }

    /**
     * Build the plan.
     * <p>
     * Background agents (e.g. the snapshot server) are not latency critical: in the compact profile they join the
     * shared thread; in the dedicated profile each gets its own unpinned thread with a back-off idle strategy, which
     * is why they are not counted among the busy-spinning threads.
     *
     * @param requested            profile asked for explicitly, or null to choose from the core count.
     * @param availableProcessors  cores the JVM may use.
     * @param agentNames           role names of the ingest agents and the publisher, in start order.
     * @param backgroundAgentNames role names of agents that back off in every profile, started after the others.
     * @param cpus                 CPUs to pin to, in agent order (compact: the first one pins the shared thread);
     *                             empty for no pinning.
     * @param embeddedDriver       true if the media driver runs in this process.
     * @param agentIdleStrategy    idle strategy name of agent threads in the chosen profile.
     * @param backgroundIdleStrategy idle strategy name of a background agent's own thread (dedicated profile).
     * @param driverDescription    how the driver runs, e.g. {@code embedded SHARED, BackoffIdleStrategy}.
     * @return the plan.
     */
    public static ThreadPlan plan(
        final ThreadingProfile requested,
        final int availableProcessors,
        final List<String> agentNames,
        final List<String> backgroundAgentNames,
        final int[] cpus,
        final boolean embeddedDriver,
        final String agentIdleStrategy,
        final String backgroundIdleStrategy,
        final String driverDescription)
    {
        final int agentCount = agentNames.size();
        final ThreadingProfile profile = chooseProfile(requested, availableProcessors, agentCount, embeddedDriver);
        final int spinning = dedicatedSpinningThreads(agentCount, embeddedDriver);
        final String reason;
        if (null != requested)
        {
            reason = "requested" + (ThreadingProfile.DEDICATED == profile && spinning + 1 > availableProcessors ?
                "; WARNING: " + spinning + " busy-spinning threads on " + availableProcessors +
                " CPUs will starve each other" : "");
        }
        else
        {
            reason = "auto: " + availableProcessors + " CPUs, dedicated needs " + spinning +
                " busy-spinning threads + 1 free core" +
                (backgroundAgentNames.isEmpty() ? "" : "; " + String.join(", ", backgroundAgentNames) + " backs off");
        }

        final List<Row> rows = new ArrayList<>();
        for (int i = 0; i < agentCount; i++)
        {
            if (ThreadingProfile.DEDICATED == profile)
            {
                rows.add(new Row(agentNames.get(i), agentNames.get(i), i < cpus.length ? cpus[i] : ANY_CPU,
                    agentIdleStrategy));
            }
            else
            {
                rows.add(new Row(agentNames.get(i), COMPACT_THREAD_NAME, cpus.length > 0 ? cpus[0] : ANY_CPU,
                    agentIdleStrategy));
            }
        }
        for (final String name : backgroundAgentNames)
        {
            if (ThreadingProfile.DEDICATED == profile)
            {
                rows.add(new Row(name, name, ANY_CPU, backgroundIdleStrategy));
            }
            else
            {
                rows.add(new Row(name, COMPACT_THREAD_NAME, cpus.length > 0 ? cpus[0] : ANY_CPU, agentIdleStrategy));
            }
        }
        rows.add(new Row("media-driver", embeddedDriver ? "driver threads" : "external process", ANY_CPU,
            driverDescription));

        return new ThreadPlan(profile, reason, rows);
    }

    /**
     * @return the chosen profile.
     */
    public ThreadingProfile profile()
    {
        return profile;
    }

    /**
     * @return why this profile was chosen.
     */
    public String reason()
    {
        return reason;
    }

    /**
     * @return agents then the driver, one row each.
     */
    public List<Row> rows()
    {
        return rows;
    }

    /**
     * CPU of an agent in this plan.
     *
     * @param agentIndex index of the agent in the order given to {@link #plan}.
     * @return the CPU, or {@link #ANY_CPU}.
     */
    public int cpuOf(final int agentIndex)
    {
        return rows.get(agentIndex).cpu();
    }

    /**
     * The plan as a table: agent, thread, CPU, idle strategy.
     *
     * @return printable lines, each ending in a line separator.
     */
    public String describe()
    {
        final StringBuilder sb = new StringBuilder();
        sb.append("profile ").append(profile.displayName()).append(" (").append(reason).append(')')
            .append(System.lineSeparator());
        sb.append(String.format("  %-28s %-20s %-5s %s%n", "agent", "thread", "cpu", "idle strategy"));
        for (final Row row : rows)
        {
            sb.append(String.format("  %-28s %-20s %-5s %s%n", row.agent(), row.thread(),
                ANY_CPU == row.cpu() ? "any" : Integer.toString(row.cpu()), row.idleStrategy()));
        }
        return sb.toString();
    }

    /**
     * Parse a CPU list: comma-separated CPUs and ranges, e.g. {@code 2,3} or {@code 2-5,7}.
     *
     * @param list as given on the command line; null or blank for none.
     * @return the CPUs in the order given.
     * @throws IllegalArgumentException if the list is not well formed.
     */
    public static int[] parseCpus(final String list)
    {
        if (null == list || list.isBlank())
        {
            return new int[0];
        }

        final List<Integer> cpus = new ArrayList<>();
        for (final String part : list.split(","))
        {
            final String item = part.trim();
            try
            {
                final int dash = item.indexOf('-');
                if (dash > 0)
                {
                    final int from = Integer.parseInt(item.substring(0, dash).trim());
                    final int to = Integer.parseInt(item.substring(dash + 1).trim());
                    if (from > to)
                    {
                        throw new IllegalArgumentException("bad CPU range '" + item + "' in '" + list + "'");
                    }
                    for (int cpu = from; cpu <= to; cpu++)
                    {
                        cpus.add(cpu);
                    }
                }
                else
                {
                    final int cpu = Integer.parseInt(item);
                    if (cpu < 0)
                    {
                        throw new IllegalArgumentException("bad CPU '" + item + "' in '" + list + "'");
                    }
                    cpus.add(cpu);
                }
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("bad CPU list '" + list + "': " + item);
            }
        }

        return cpus.stream().mapToInt(Integer::intValue).toArray();
    }
}
