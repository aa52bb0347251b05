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
 * The timestamp of one message: UTC micros, monotonic nanos, and the clock state it was taken under.
 * <p>
 * A mutable flyweight: the session thread owns one (or one per direction) and {@link MessageStamper#stamp}
 * overwrites it for every message, so stamping allocates nothing. Copy the values out if they must outlive the
 * next stamp.
 */
public final class MessageStamp
{
    private long epochMicros;
    private long monotonicNanos;
    private SyncStatus status = SyncStatus.UNKNOWN;
    private long errorBoundMicros = Long.MAX_VALUE;
    private boolean withinTolerance;
    private long snapshotSequence;

    /**
     * Overwrite every field.
     *
     * @param epochMicros      UTC micros.
     * @param monotonicNanos   monotonic nanos.
     * @param status           clock sync status at the stamp.
     * @param errorBoundMicros bound on |stamp - UTC| at the stamp.
     * @param withinTolerance  whether the stamp is within the configured tolerance of UTC.
     * @param snapshotSequence the {@link ClockSyncSnapshot#sequence()} the classification used.
     * @return this for a fluent API.
     */
    public MessageStamp set(
        final long epochMicros,
        final long monotonicNanos,
        final SyncStatus status,
        final long errorBoundMicros,
        final boolean withinTolerance,
        final long snapshotSequence)
    {
        this.epochMicros = epochMicros;
        this.monotonicNanos = monotonicNanos;
        this.status = status;
        this.errorBoundMicros = errorBoundMicros;
        this.withinTolerance = withinTolerance;
        this.snapshotSequence = snapshotSequence;
        return this;
    }

    /**
     * Copy another stamp into this one.
     *
     * @param other the stamp to copy.
     * @return this for a fluent API.
     */
    public MessageStamp set(final MessageStamp other)
    {
        return set(other.epochMicros, other.monotonicNanos, other.status, other.errorBoundMicros,
            other.withinTolerance, other.snapshotSequence);
    }

    /**
     * @return UTC microseconds since the epoch.
     */
    public long epochMicros()
    {
        return epochMicros;
    }

    /**
     * @return monotonic nanoseconds at the same point.
     */
    public long monotonicNanos()
    {
        return monotonicNanos;
    }

    /**
     * @return clock sync status at the stamp.
     */
    public SyncStatus status()
    {
        return status;
    }

    /**
     * @return bound on the divergence of the stamp from UTC in micros, {@link Long#MAX_VALUE} when unknown.
     */
    public long errorBoundMicros()
    {
        return errorBoundMicros;
    }

    /**
     * @return true when the clock was synchronised with a bound within the configured tolerance.
     */
    public boolean withinTolerance()
    {
        return withinTolerance;
    }

    /**
     * @return sequence of the clock sync reading the classification used.
     */
    public long snapshotSequence()
    {
        return snapshotSequence;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "MessageStamp{epochMicros=" + epochMicros + ", monotonicNanos=" + monotonicNanos +
            ", status=" + status + ", errorBoundMicros=" + errorBoundMicros +
            ", withinTolerance=" + withinTolerance + ", snapshotSequence=" + snapshotSequence + "}";
    }
}
