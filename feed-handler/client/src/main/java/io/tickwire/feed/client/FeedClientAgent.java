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
package io.tickwire.feed.client;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Runs a {@link FeedClient} as an Agrona {@link Agent}, for callers that want the client on a thread of its own
 * (or composed with other agents) rather than polling it themselves.
 */
public final class FeedClientAgent implements Agent
{
    private final FeedClient client;

    /**
     * Wrap a client; the agent closes it when the agent closes.
     *
     * @param client to poll.
     */
    public FeedClientAgent(final FeedClient client)
    {
        this.client = client;
    }

    /**
     * An {@link AgentRunner} with the client context's idle strategy.
     *
     * @param client       to poll.
     * @param errorHandler for exceptions thrown by listeners.
     * @return a runner, not started.
     */
    public static AgentRunner runner(final FeedClient client, final ErrorHandler errorHandler)
    {
        return new AgentRunner(
            client.context().idleStrategy(), errorHandler, (AtomicCounter)null, new FeedClientAgent(client));
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        return client.poll();
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        client.close();
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "feed-client";
    }
}
