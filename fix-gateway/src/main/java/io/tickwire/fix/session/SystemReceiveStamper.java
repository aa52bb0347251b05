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
package io.tickwire.fix.session;

import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;

/**
 * Stamps with the JVM's clocks and claims nothing about synchronisation: the status is
 * {@link ReceiveStamp#CLOCK_UNKNOWN}, the error bound unknown and therefore never within tolerance.
 * Replaced by a clock-sync-aware stamper where one is configured.
 */
public final class SystemReceiveStamper implements ReceiveStamper
{
    private final EpochNanoClock clock;

    /**
     * Stamp from a {@link OffsetEpochNanoClock}.
     */
    public SystemReceiveStamper()
    {
        this(new OffsetEpochNanoClock());
    }

    /**
     * @param clock source of epoch nanoseconds (tests inject a fixed one).
     */
    public SystemReceiveStamper(final EpochNanoClock clock)
    {
        this.clock = clock;
    }

    /**
     * {@inheritDoc}
     */
    public void stamp(final ReceiveStamp stamp)
    {
        stamp.set(clock.nanoTime() / 1000, System.nanoTime(), ReceiveStamp.CLOCK_UNKNOWN, -1, false);
    }
}
