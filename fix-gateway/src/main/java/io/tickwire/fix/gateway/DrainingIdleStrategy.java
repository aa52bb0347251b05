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

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.IdleStrategy;

/**
 * The matching engine's back-pressure wait when the engine and its consumer share one thread (the compact plan).
 * <p>
 * A single command can emit more events than the event ring holds (a cancel-on-disconnect of 200,000 resting
 * orders, a sweep through many levels). With its own thread the report sender drains the ring while the engine
 * waits; on the same thread nobody would, and the engine would wait for ever. So instead of idling, this runs the
 * consumer's duty cycle, which drains the ring, and idles only when that found nothing to do (the consumer is
 * itself held up, e.g. by the audit writer).
 */
final class DrainingIdleStrategy implements IdleStrategy
{
    private final IdleStrategy fallback;
    private Agent consumer;

    DrainingIdleStrategy(final IdleStrategy fallback)
    {
        this.fallback = fallback;
    }

    /**
     * @param consumer the agent that drains the ring, run on the waiting thread.
     */
    void consumer(final Agent consumer)
    {
        this.consumer = consumer;
    }

    /**
     * {@inheritDoc}
     */
    public void idle(final int workCount)
    {
        if (workCount <= 0)
        {
            idle();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void idle()
    {
        try
        {
            if (null != consumer && consumer.doWork() > 0)
            {
                fallback.reset();
                return;
            }
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("event consumer failed while draining for the matching engine", ex);
        }
        fallback.idle();
    }

    /**
     * {@inheritDoc}
     */
    public void reset()
    {
        fallback.reset();
    }

    /**
     * {@inheritDoc}
     */
    public String alias()
    {
        return "draining";
    }
}
