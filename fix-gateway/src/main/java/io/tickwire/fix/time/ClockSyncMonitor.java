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

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochMicroClock;
import org.agrona.concurrent.SystemEpochMicroClock;

import java.util.Objects;

/**
 * Periodically reads the clock synchronisation state off the hot path and publishes it as an immutable
 * {@link ClockSyncSnapshot} through a volatile field, so the session thread reads it with one load.
 * <p>
 * Sources: the kernel ({@link KernelNtpClockSource}, always) and chrony ({@link ChronyTrackingSource}, where
 * installed). When chrony reports itself synchronised its bound is used (it is the tighter, daemon-side bound);
 * otherwise the kernel's reading stands, so an undisciplined host reports {@code UNSYNCHRONISED} with the
 * kernel's 16 s bound. Each reading gets the next sequence number; the audit writer journals every reading
 * (FINRA 4590: log each synchronisation and its result).
 * <p>
 * An {@link Agent}: run it on the gateway's housekeeping thread or its own {@code AgentRunner} with a sleeping
 * idle strategy; {@link #doWork()} only reads when the refresh interval has elapsed.
 */
public final class ClockSyncMonitor implements Agent
{
    /**
     * System property for the refresh interval in milliseconds.
     */
    public static final String REFRESH_INTERVAL_MS_PROP_NAME = "tickwire.clock.refresh.interval.ms";

    /**
     * Default refresh interval: 1 s.
     */
    public static final long DEFAULT_REFRESH_INTERVAL_MS = 1_000;

    private final ClockSyncSource kernelSource;
    private final ClockSyncSource chronySource;
    private final EpochMicroClock epochClock;
    private final long refreshIntervalMicros;
    private long nextReadingMicros;
    private long sequence;
    private volatile ClockSyncSnapshot snapshot = ClockSyncSnapshot.UNKNOWN;

    /**
     * Create a monitor.
     *
     * @param kernelSource       primary source, usually {@link KernelNtpClockSource}.
     * @param chronySource       secondary source or null when chrony is not installed.
     * @param epochClock         clock for reading times and the refresh schedule.
     * @param refreshIntervalMs  how often to read.
     */
    public ClockSyncMonitor(
        final ClockSyncSource kernelSource,
        final ClockSyncSource chronySource,
        final EpochMicroClock epochClock,
        final long refreshIntervalMs)
    {
        this.kernelSource = Objects.requireNonNull(kernelSource, "kernelSource");
        this.chronySource = chronySource;
        this.epochClock = Objects.requireNonNull(epochClock, "epochClock");
        this.refreshIntervalMicros = refreshIntervalMs * 1000;
    }

    /**
     * A monitor of this host: kernel plus chrony when found on the {@code PATH}, refresh interval from
     * {@value #REFRESH_INTERVAL_MS_PROP_NAME}. Takes the first reading before returning, so a banner printed
     * next says the truth.
     *
     * @return the monitor.
     */
    public static ClockSyncMonitor forHost()
    {
        final ClockSyncMonitor monitor = new ClockSyncMonitor(
            new KernelNtpClockSource(),
            ChronyTrackingSource.findOnPath(),
            new SystemEpochMicroClock(),
            Long.getLong(REFRESH_INTERVAL_MS_PROP_NAME, DEFAULT_REFRESH_INTERVAL_MS));
        monitor.refresh();
        return monitor;
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        if (epochClock.microTime() - nextReadingMicros >= 0)
        {
            refresh();
            return 1;
        }

        return 0;
    }

    /**
     * Read the sources now and publish the result.
     *
     * @return the new snapshot.
     */
    public ClockSyncSnapshot refresh()
    {
        final ClockSyncSnapshot kernel = kernelSource.read();
        final ClockSyncSnapshot chrony = null != chronySource ? chronySource.read() : null;
        final long now = epochClock.microTime();
        final ClockSyncSnapshot combined = combine(kernel, chrony).withSequence(++sequence, now);
        nextReadingMicros = now + refreshIntervalMicros;
        snapshot = combined;
        return combined;
    }

    /**
     * Combine a kernel and an optional chrony reading (see the class description).
     *
     * @param kernel the kernel reading.
     * @param chrony the chrony reading or null.
     * @return the combined reading.
     */
    public static ClockSyncSnapshot combine(final ClockSyncSnapshot kernel, final ClockSyncSnapshot chrony)
    {
        if (null == chrony || SyncStatus.SYNCHRONISED != chrony.status())
        {
            if (null == chrony)
            {
                return kernel;
            }
            return new ClockSyncSnapshot(
                0, 0, kernel.status(), kernel.errorBoundMicros(), kernel.estimatedErrorMicros(),
                kernel.kernelStatusBits(), kernel.kernelState(), kernel.source(),
                kernel.detail() + "; chrony: " + chrony.status() + " " + chrony.detail());
        }

        return new ClockSyncSnapshot(
            0, 0, SyncStatus.SYNCHRONISED, chrony.errorBoundMicros(), chrony.estimatedErrorMicros(),
            kernel.kernelStatusBits(), kernel.kernelState(), kernel.source() + "+" + chrony.source(),
            chrony.detail() + "; kernel: " + kernel.detail());
    }

    /**
     * The latest reading: one volatile load, safe from any thread.
     *
     * @return the latest snapshot, {@link ClockSyncSnapshot#UNKNOWN} before the first reading.
     */
    public ClockSyncSnapshot snapshot()
    {
        return snapshot;
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "clock-sync-monitor";
    }
}
