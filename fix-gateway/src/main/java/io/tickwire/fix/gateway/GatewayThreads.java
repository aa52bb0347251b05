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
package io.tickwire.fix.gateway;

import io.tickwire.agent.ThreadingProfile;
import io.tickwire.fix.audit.DurableListener;
import io.tickwire.fix.audit.WakeableIdleStrategy;
import io.tickwire.fix.session.GatewayCounters;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.IdleStrategy;

/**
 * The threads of the order path behind the session thread, chosen from the context's {@link ThreadingProfile}: the
 * order agent (matching engine or cluster client) and the execution report sender share one {@link AgentRunner}
 * ({@code compact}) or get one each ({@code dedicated}). The idle strategies are made before the producers, so that
 * the session thread and the audit writer can wake them; the order agent's back-pressure wait is made here too,
 * because in the compact plan it must drain the event ring itself.
 */
final class GatewayThreads
{
    private final ThreadingProfile profile;
    private final GatewayCounters counters;
    private final IdleStrategy engineIdle;
    private final IdleStrategy senderIdle;
    private final DrainingIdleStrategy drainingBackPressure;
    private final IdleStrategy orderBackPressure;
    private AgentRunner engineRunner;
    private AgentRunner senderRunner;

    /**
     * @param ctx      concluded context: threading profile and idle strategy.
     * @param counters where agent errors are counted.
     */
    GatewayThreads(final GatewayContext ctx, final GatewayCounters counters)
    {
        this.profile = ctx.threading;
        this.counters = counters;
        engineIdle = ctx.idleStrategy.get();
        senderIdle = isCompact() ? engineIdle : ctx.idleStrategy.get();
        drainingBackPressure = new DrainingIdleStrategy(new BackoffIdleStrategy());
        orderBackPressure = isCompact() ? drainingBackPressure : new BackoffIdleStrategy();
    }

    boolean isCompact()
    {
        return ThreadingProfile.COMPACT == profile;
    }

    ThreadingProfile profile()
    {
        return profile;
    }

    /**
     * @return what the order agent does while the event ring is full.
     */
    IdleStrategy orderBackPressure()
    {
        return orderBackPressure;
    }

    /**
     * @return wakes the order agent's thread after each command, or null when its idle strategy never parks long.
     */
    Runnable engineWaker()
    {
        return engineIdle instanceof WakeableIdleStrategy ? ((WakeableIdleStrategy)engineIdle)::wake : null;
    }

    /**
     * After each group commit held reports may be released: wake their sender if it parked meanwhile.
     *
     * @return the audit trail's durable listener, or null when the sender's idle strategy never parks long.
     */
    DurableListener wakeSenderOnDurable()
    {
        if (senderIdle instanceof WakeableIdleStrategy)
        {
            final WakeableIdleStrategy idle = (WakeableIdleStrategy)senderIdle;
            return (durableTicket, reportDurableTicket) -> idle.wake();
        }
        return null;
    }

    /**
     * Place the agents on their runners; nothing starts until {@link #start()}.
     *
     * @param orderAgent the matching engine or the cluster client.
     * @param sender     the execution report sender.
     */
    void assign(final Agent orderAgent, final Agent sender)
    {
        if (isCompact())
        {
            drainingBackPressure.consumer(sender);
            // Engine first in the duty cycle: the events it emits are sent in the same cycle, without a wake-up.
            engineRunner = new AgentRunner(engineIdle, errorHandler(counters, orderAgent.roleName()), null,
                new CompositeAgent(orderAgent, sender));
            senderRunner = null;
        }
        else
        {
            engineRunner = new AgentRunner(engineIdle, errorHandler(counters, orderAgent.roleName()), null, orderAgent);
            senderRunner = new AgentRunner(senderIdle, errorHandler(counters, sender.roleName()), null, sender);
        }
    }

    /**
     * Start the order agent's thread, then the sender's if it has one.
     */
    void start()
    {
        AgentRunner.startOnThread(engineRunner);
        if (null != senderRunner)
        {
            AgentRunner.startOnThread(senderRunner);
        }
    }

    AgentRunner engineRunner()
    {
        return engineRunner;
    }

    AgentRunner senderRunner()
    {
        return senderRunner;
    }

    /**
     * What an agent's runner does with an exception the agent throws: count it (status line) and say which agent
     * and why; the runner then carries on with the next duty cycle.
     *
     * @param counters where the error is counted.
     * @param agent    role name for the message.
     * @return the handler.
     */
    static ErrorHandler errorHandler(final GatewayCounters counters, final String agent)
    {
        return (throwable) ->
        {
            counters.onAgentError();
            System.err.println("tickwire gateway: " + agent + " failed: " + throwable);
            if (Boolean.getBoolean("tickwire.debug"))
            {
                throwable.printStackTrace();
            }
        };
    }
}
