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
 * One immutable reading of the clock synchronisation state, published by {@link ClockSyncMonitor} and read by
 * the session thread with a single volatile load.
 * <p>
 * The error bound is the source's bound on |host clock - UTC|: the kernel's {@code maxerror} from
 * {@code ntp_adjtime}, or chrony's {@code |offset| + root delay / 2 + root dispersion}.
 */
public final class ClockSyncSnapshot
{
    /**
     * Snapshot used before the first reading: status unknown, no bound.
     */
    public static final ClockSyncSnapshot UNKNOWN = new ClockSyncSnapshot(
        0, 0, SyncStatus.UNKNOWN, Long.MAX_VALUE, Long.MAX_VALUE, 0, -1, "none", "no reading yet");

    private final long sequence;
    private final long readingEpochMicros;
    private final SyncStatus status;
    private final long errorBoundMicros;
    private final long estimatedErrorMicros;
    private final int kernelStatusBits;
    private final int kernelState;
    private final String source;
    private final String detail;

    /**
     * Create a snapshot.
     *
     * @param sequence             reading number, from 1, incremented by the monitor for each reading.
     * @param readingEpochMicros   UTC micros when the reading was taken.
     * @param status               synchronisation status.
     * @param errorBoundMicros     bound on the divergence from UTC, {@link Long#MAX_VALUE} when unknown.
     * @param estimatedErrorMicros estimated error, {@link Long#MAX_VALUE} when unknown.
     * @param kernelStatusBits     {@code timex.status} bits ({@code STA_*}), 0 when not read.
     * @param kernelState          return value of {@code ntp_adjtime} ({@code TIME_*}), -1 when not read.
     * @param source               where the reading came from, e.g. {@code kernel} or {@code kernel+chrony}.
     * @param detail               human readable detail for banners and the audit trail.
     */
    public ClockSyncSnapshot(
        final long sequence,
        final long readingEpochMicros,
        final SyncStatus status,
        final long errorBoundMicros,
        final long estimatedErrorMicros,
        final int kernelStatusBits,
        final int kernelState,
        final String source,
        final String detail)
    {
        this.sequence = sequence;
        this.readingEpochMicros = readingEpochMicros;
        this.status = status;
        this.errorBoundMicros = errorBoundMicros;
        this.estimatedErrorMicros = estimatedErrorMicros;
        this.kernelStatusBits = kernelStatusBits;
        this.kernelState = kernelState;
        this.source = source;
        this.detail = detail;
    }

    /**
     * Copy of this snapshot with a new sequence and reading time, as assigned by the monitor.
     *
     * @param sequence           reading number.
     * @param readingEpochMicros UTC micros of the reading.
     * @return a new snapshot.
     */
    public ClockSyncSnapshot withSequence(final long sequence, final long readingEpochMicros)
    {
        return new ClockSyncSnapshot(
            sequence, readingEpochMicros, status, errorBoundMicros, estimatedErrorMicros,
            kernelStatusBits, kernelState, source, detail);
    }

    /**
     * Is a stamp taken under this reading within the given tolerance of UTC?
     * <p>
     * Only a synchronised clock with a known bound no larger than the tolerance qualifies: an unsynchronised
     * clock is never within tolerance, whatever its bound, because nothing traces it to UTC.
     *
     * @param toleranceMicros the permitted divergence from UTC.
     * @return true when synchronised and {@code errorBoundMicros <= toleranceMicros}.
     */
    public boolean isWithin(final long toleranceMicros)
    {
        return SyncStatus.SYNCHRONISED == status && errorBoundMicros <= toleranceMicros;
    }

    /**
     * @return reading number, from 1; 0 for {@link #UNKNOWN}.
     */
    public long sequence()
    {
        return sequence;
    }

    /**
     * @return UTC micros when the reading was taken.
     */
    public long readingEpochMicros()
    {
        return readingEpochMicros;
    }

    /**
     * @return synchronisation status.
     */
    public SyncStatus status()
    {
        return status;
    }

    /**
     * @return bound on |clock - UTC| in micros, {@link Long#MAX_VALUE} when unknown.
     */
    public long errorBoundMicros()
    {
        return errorBoundMicros;
    }

    /**
     * @return estimated error in micros, {@link Long#MAX_VALUE} when unknown.
     */
    public long estimatedErrorMicros()
    {
        return estimatedErrorMicros;
    }

    /**
     * @return kernel {@code timex.status} bits.
     */
    public int kernelStatusBits()
    {
        return kernelStatusBits;
    }

    /**
     * @return {@code ntp_adjtime} return value ({@code TIME_OK}=0 ... {@code TIME_ERROR}=5), -1 when not read.
     */
    public int kernelState()
    {
        return kernelState;
    }

    /**
     * @return where the reading came from.
     */
    public String source()
    {
        return source;
    }

    /**
     * @return human readable detail.
     */
    public String detail()
    {
        return detail;
    }

    /**
     * One line for banners and status lines, e.g.
     * {@code UNSYNCHRONISED bound=16000000us (kernel: STA_UNSYNC, TIME_ERROR)}.
     *
     * @return the description.
     */
    public String describe()
    {
        return status + " bound=" + (Long.MAX_VALUE == errorBoundMicros ? "unknown" : errorBoundMicros + "us") +
            " source=" + source + " (" + detail + ")";
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "ClockSyncSnapshot{sequence=" + sequence + ", " + describe() + "}";
    }
}
