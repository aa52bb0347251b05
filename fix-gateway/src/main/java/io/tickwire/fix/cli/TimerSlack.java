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
package io.tickwire.fix.cli;

import com.sun.jna.Function;

/**
 * Linux per-thread timer slack ({@code prctl(PR_SET_TIMERSLACK)}), for a load generator that paces by sleeping.
 * <p>
 * A normal thread's sleeps may end up to 50 us late (the default slack, so the kernel can batch wake-ups). An
 * open-loop client that sleeps between orders would send them late, and one that yields or spins instead burns a
 * core that, on a small host, the system under test needs. With the slack at 1 ns the kernel adds no slack of its
 * own; the wake-up latency of the host remains (tens of microseconds on this project's virtual machines, seen as
 * late sends when the client parked to within 8 us of each order), so the client still yields the last 60 us.
 */
final class TimerSlack
{
    private static final int PR_SET_TIMERSLACK = 29;

    private TimerSlack()
    {
    }

    /**
     * Set the calling thread's timer slack.
     *
     * @param nanos slack in nanoseconds (1 is the smallest).
     * @return true if the kernel took it; false where prctl is unavailable (not Linux, no JNA).
     */
    static boolean setForCurrentThread(final long nanos)
    {
        try
        {
            final Function prctl = Function.getFunction("c", "prctl", Function.THROW_LAST_ERROR);
            return 0 == prctl.invokeInt(new Object[]{ PR_SET_TIMERSLACK, nanos, 0L, 0L, 0L });
        }
        catch (final RuntimeException | UnsatisfiedLinkError ex)
        {
            return false;
        }
    }
}
