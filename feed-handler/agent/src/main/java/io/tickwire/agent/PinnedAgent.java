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

import net.openhft.affinity.AffinityLock;
import org.agrona.concurrent.Agent;

/**
 * Runs an agent on a thread pinned to one CPU. The lock is taken in {@link #onStart()}, i.e. on the agent's own
 * thread, because affinity applies to the calling thread.
 */
public final class PinnedAgent implements Agent
{
    private final Agent delegate;
    private final int cpu;
    private AffinityLock lock;
    private volatile int boundCpu = -1;

    public PinnedAgent(final Agent delegate, final int cpu)
    {
        this.delegate = delegate;
        this.cpu = cpu;
    }

    /**
     * @return the CPU the thread is bound to, -1 until started or if binding failed.
     */
    int boundCpu()
    {
        return boundCpu;
    }

    public void onStart()
    {
        lock = AffinityLock.acquireLock(cpu);
        boundCpu = lock.isBound() ? lock.cpuId() : -1;
        delegate.onStart();
    }

    public int doWork() throws Exception
    {
        return delegate.doWork();
    }

    public void onClose()
    {
        try
        {
            delegate.onClose();
        }
        finally
        {
            if (null != lock)
            {
                lock.release();
            }
        }
    }

    public String roleName()
    {
        return delegate.roleName();
    }
}
