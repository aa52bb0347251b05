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
package io.tickwire.fix.audit;

import org.agrona.concurrent.IdleStrategy;

import java.util.concurrent.locks.LockSupport;

/**
 * Back-off (spin, yield, then park with a growing timeout, as Agrona's {@code BackoffIdleStrategy}) that a
 * producer can cut short: {@link #wake()} unparks the idling thread if, and only if, it is parked.
 * <p>
 * For the consumers of the gateway's order path on small hosts (the engine, the report sender, the audit writer):
 * they must not spin or yield for long against the session thread, yet the next order should not wait out a park
 * timeout either. Their producers wake them after each hand-off; the cost is a volatile read, plus an unpark only
 * while the consumer is actually parked. A wake-up that races with the decision to park is not lost for longer
 * than the park timeout.
 */
public final class WakeableIdleStrategy implements IdleStrategy
{
    private final long maxSpins;
    private final long maxYields;
    private final long minParkPeriodNanos;
    private final long maxParkPeriodNanos;
    private long spins;
    private long yields;
    private long parkPeriodNanos;
    private volatile Thread parked;
    private long parks;

    /**
     * @param maxSpins           busy spins before yielding.
     * @param maxYields          yields before parking.
     * @param minParkPeriodNanos first park timeout.
     * @param maxParkPeriodNanos longest park timeout (the timeout doubles up to it).
     */
    public WakeableIdleStrategy(
        final long maxSpins, final long maxYields, final long minParkPeriodNanos, final long maxParkPeriodNanos)
    {
        this.maxSpins = maxSpins;
        this.maxYields = maxYields;
        this.minParkPeriodNanos = minParkPeriodNanos;
        this.maxParkPeriodNanos = maxParkPeriodNanos;
        reset();
    }

    /**
     * Wake the idling thread if it is parked; cheap when it is not. Any thread.
     */
    public void wake()
    {
        final Thread thread = parked;
        if (null != thread)
        {
            LockSupport.unpark(thread);
        }
    }

    /**
     * @return whether the idling thread is parked now.
     */
    public boolean isParked()
    {
        return null != parked;
    }

    /**
     * @return parks ended, by a wake-up or a timeout (for tests and diagnostics).
     */
    public long parks()
    {
        return parks;
    }

    /**
     * {@inheritDoc}
     */
    public void idle(final int workCount)
    {
        if (workCount > 0)
        {
            reset();
        }
        else
        {
            idle();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void idle()
    {
        if (spins < maxSpins)
        {
            spins++;
            Thread.onSpinWait();
        }
        else if (yields < maxYields)
        {
            yields++;
            Thread.yield();
        }
        else
        {
            parked = Thread.currentThread();
            LockSupport.parkNanos(parkPeriodNanos);
            parked = null;
            parks++;
            parkPeriodNanos = Math.min(parkPeriodNanos << 1, maxParkPeriodNanos);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void reset()
    {
        spins = 0;
        yields = 0;
        parkPeriodNanos = minParkPeriodNanos;
    }

    /**
     * {@inheritDoc}
     */
    public String alias()
    {
        return "wakeable-backoff";
    }
}
