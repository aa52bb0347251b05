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
package io.tickwire.fix.time;

import org.agrona.concurrent.HighResolutionClock;

import java.util.Objects;

/**
 * The host clock: UTC from the kernel's realtime clock ({@code CLOCK_REALTIME} through {@code java.time}),
 * monotonic time from {@link System#nanoTime()}, sync state from a {@link ClockSyncMonitor}.
 * <p>
 * The realtime clock is read directly on every stamp, not extrapolated from {@code nanoTime}, so the stamp is
 * exactly the clock that NTP/chrony disciplines and that {@code ntp_adjtime} describes: that is what makes the
 * error bound in the audit record apply to the stamp.
 */
public final class SystemGatewayClock implements GatewayClock
{
    private final ClockSyncMonitor monitor;

    /**
     * Create a clock whose sync state comes from the given monitor.
     *
     * @param monitor the clock sync monitor.
     */
    public SystemGatewayClock(final ClockSyncMonitor monitor)
    {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    /**
     * {@inheritDoc}
     */
    public long epochMicros()
    {
        return HighResolutionClock.epochMicros();
    }

    /**
     * {@inheritDoc}
     */
    public long monotonicNanos()
    {
        return System.nanoTime();
    }

    /**
     * {@inheritDoc}
     */
    public ClockSyncSnapshot syncSnapshot()
    {
        return monitor.snapshot();
    }
}
