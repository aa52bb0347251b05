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

/**
 * The receive stamp of one inbound message, taken once at the documented stamping point
 * ({@link GatewayApplication#fromApp} / {@link GatewayApplication#fromAdmin}, first line). Mutable and reused by
 * the session thread: copy the values if they must outlive the callback.
 */
public final class ReceiveStamp
{
    /**
     * Clock status when the state of synchronisation is not known.
     */
    public static final int CLOCK_UNKNOWN = 0;

    /**
     * Clock status when synchronised to UTC.
     */
    public static final int CLOCK_SYNCHRONISED = 1;

    /**
     * Clock status when known not to be synchronised.
     */
    public static final int CLOCK_UNSYNCHRONISED = 2;

    private long epochMicros;
    private long monotonicNanos;
    private int clockStatus;
    private long errorBoundMicros;
    private boolean withinTolerance;

    /**
     * Set every value of the stamp.
     *
     * @param epochMicros      UTC microseconds since the epoch.
     * @param monotonicNanos   monotonic nanoseconds for latency measurement.
     * @param clockStatus      one of the {@code CLOCK_*} constants.
     * @param errorBoundMicros bound on the divergence from UTC, or -1 when unknown.
     * @param withinTolerance  whether the bound is within the configured tolerance.
     * @return this.
     */
    public ReceiveStamp set(
        final long epochMicros,
        final long monotonicNanos,
        final int clockStatus,
        final long errorBoundMicros,
        final boolean withinTolerance)
    {
        this.epochMicros = epochMicros;
        this.monotonicNanos = monotonicNanos;
        this.clockStatus = clockStatus;
        this.errorBoundMicros = errorBoundMicros;
        this.withinTolerance = withinTolerance;
        return this;
    }

    /**
     * @return UTC microseconds since the epoch.
     */
    public long epochMicros()
    {
        return epochMicros;
    }

    /**
     * @return monotonic nanoseconds.
     */
    public long monotonicNanos()
    {
        return monotonicNanos;
    }

    /**
     * @return one of the {@code CLOCK_*} constants.
     */
    public int clockStatus()
    {
        return clockStatus;
    }

    /**
     * @return bound on the divergence from UTC in microseconds, -1 when unknown.
     */
    public long errorBoundMicros()
    {
        return errorBoundMicros;
    }

    /**
     * @return whether the clock was within the configured tolerance.
     */
    public boolean withinTolerance()
    {
        return withinTolerance;
    }

    /**
     * @param clockStatus one of the {@code CLOCK_*} constants.
     * @return its name for banners and status lines.
     */
    public static String clockStatusName(final int clockStatus)
    {
        switch (clockStatus)
        {
            case CLOCK_SYNCHRONISED:
                return "synchronised";
            case CLOCK_UNSYNCHRONISED:
                return "unsynchronised";
            default:
                return "unknown";
        }
    }
}
