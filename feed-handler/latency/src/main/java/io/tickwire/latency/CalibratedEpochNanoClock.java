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
package io.tickwire.latency;

import org.agrona.concurrent.EpochNanoClock;

import java.time.Instant;

/**
 * Epoch nanoseconds at the cost of {@link System#nanoTime()}, calibrated against the real-time clock to within
 * tens of nanoseconds, so that timestamps taken by different components, and by different processes on one host,
 * can be subtracted.
 * <p>
 * Why not Agrona's {@code OffsetEpochNanoClock}: it calibrates against {@code System.currentTimeMillis()}, so two
 * instances disagree by up to a millisecond (measured here: 100 to 360 µs between two instances in one JVM), which
 * is larger than the latencies Tickwire measures. This clock calibrates against {@link Instant#now()}, which has
 * nanosecond resolution on Linux, keeping the sample with the narrowest {@code nanoTime} bracket.
 * <p>
 * Every component in a process shares {@link #shared()}; reading it allocates nothing and takes no lock. The offset
 * is fixed at calibration: the monotonic clock and the real-time clock are slewed alike by NTP, only a step of the
 * real-time clock separates them, and {@link #recalibrate()} (off the hot path) follows such a step.
 */
public final class CalibratedEpochNanoClock implements EpochNanoClock
{
    private static final int SAMPLES = 1_000;
    private static final CalibratedEpochNanoClock SHARED = new CalibratedEpochNanoClock();

    private volatile long offsetNs;
    private volatile long calibrationWindowNs;

    /**
     * Create and calibrate a clock. Prefer {@link #shared()} so that every component agrees exactly.
     */
    public CalibratedEpochNanoClock()
    {
        recalibrate();
    }

    /**
     * The clock every component of this process uses for epoch-nanosecond timestamps.
     *
     * @return the process-wide clock.
     */
    public static CalibratedEpochNanoClock shared()
    {
        return SHARED;
    }

    /**
     * Measure the offset between {@link System#nanoTime()} and the real-time clock again.
     */
    public void recalibrate()
    {
        long bestWindow = Long.MAX_VALUE;
        long bestOffset = 0;
        for (int i = 0; i < SAMPLES; i++)
        {
            final long before = System.nanoTime();
            final Instant now = Instant.now();
            final long after = System.nanoTime();
            final long window = after - before;
            if (window < bestWindow)
            {
                bestWindow = window;
                final long epochNs = now.getEpochSecond() * 1_000_000_000L + now.getNano();
                bestOffset = epochNs - (before + (window >> 1));
            }
        }

        calibrationWindowNs = bestWindow;
        offsetNs = bestOffset;
    }

    /**
     * Width of the {@code nanoTime} bracket of the sample the offset came from: twice the bound on its error.
     *
     * @return the calibration window in nanoseconds.
     */
    public long calibrationWindowNs()
    {
        return calibrationWindowNs;
    }

    /**
     * {@inheritDoc}
     */
    public long nanoTime()
    {
        return System.nanoTime() + offsetNs;
    }
}
