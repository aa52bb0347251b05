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

/**
 * A clock whose time and sync state are set by the caller: for tests and simulations.
 * Fields are volatile so a test thread may move time while the gateway reads it.
 */
public final class ManualGatewayClock implements GatewayClock
{
    private volatile long epochMicros;
    private volatile long monotonicNanos;
    private volatile ClockSyncSnapshot snapshot = ClockSyncSnapshot.UNKNOWN;

    /**
     * Create a clock at the given time, sync state unknown.
     *
     * @param epochMicros    initial UTC micros.
     * @param monotonicNanos initial monotonic nanos.
     */
    public ManualGatewayClock(final long epochMicros, final long monotonicNanos)
    {
        this.epochMicros = epochMicros;
        this.monotonicNanos = monotonicNanos;
    }

    /**
     * Set the time.
     *
     * @param epochMicros    UTC micros.
     * @param monotonicNanos monotonic nanos.
     * @return this for a fluent API.
     */
    public ManualGatewayClock time(final long epochMicros, final long monotonicNanos)
    {
        this.epochMicros = epochMicros;
        this.monotonicNanos = monotonicNanos;
        return this;
    }

    /**
     * Advance both readings.
     *
     * @param micros microseconds to add.
     * @return this for a fluent API.
     */
    public ManualGatewayClock advanceMicros(final long micros)
    {
        epochMicros += micros;
        monotonicNanos += micros * 1000;
        return this;
    }

    /**
     * Set the sync state.
     *
     * @param snapshot the reading the clock reports from now on.
     * @return this for a fluent API.
     */
    public ManualGatewayClock syncSnapshot(final ClockSyncSnapshot snapshot)
    {
        this.snapshot = snapshot;
        return this;
    }

    /**
     * Set a synchronised state with the given bound, read now.
     *
     * @param errorBoundMicros the bound.
     * @return this for a fluent API.
     */
    public ManualGatewayClock synchronised(final long errorBoundMicros)
    {
        return syncSnapshot(new ClockSyncSnapshot(
            snapshot.sequence() + 1, epochMicros, SyncStatus.SYNCHRONISED, errorBoundMicros, errorBoundMicros,
            0, 0, "manual", "set by test"));
    }

    /**
     * Set an unsynchronised state with the given bound, read now.
     *
     * @param errorBoundMicros the bound.
     * @return this for a fluent API.
     */
    public ManualGatewayClock unsynchronised(final long errorBoundMicros)
    {
        return syncSnapshot(new ClockSyncSnapshot(
            snapshot.sequence() + 1, epochMicros, SyncStatus.UNSYNCHRONISED, errorBoundMicros, errorBoundMicros,
            KernelNtpClockSource.STA_UNSYNC, KernelNtpClockSource.TIME_ERROR, "manual", "set by test"));
    }

    /**
     * {@inheritDoc}
     */
    public long epochMicros()
    {
        return epochMicros;
    }

    /**
     * {@inheritDoc}
     */
    public long monotonicNanos()
    {
        return monotonicNanos;
    }

    /**
     * {@inheritDoc}
     */
    public ClockSyncSnapshot syncSnapshot()
    {
        return snapshot;
    }
}
