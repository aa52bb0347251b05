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

import java.util.Objects;

/**
 * Stamps messages: reads the clock once and classifies the stamp against the {@link ClockSyncPolicy}.
 * <p>
 * The exact stamping point (RTS 25 Art. 4): the gateway calls {@link #stamp} as the first statement of
 * QuickFIX/J's {@code Application.fromApp}, the first line of application code that sees an inbound
 * application message; the stamp is never retaken for that message. Allocation free.
 * <p>
 * The error bound of a stamp is the bound of the latest reading plus the kernel's own growth rule (500 ppm of
 * the time since the reading); a reading older than {@link ClockSyncPolicy#maxReadingAgeMicros()} (a stalled
 * monitor) never classifies a stamp as within tolerance.
 */
public final class MessageStamper
{
    private final GatewayClock clock;
    private final ClockSyncPolicy policy;
    private final long toleranceMicros;
    private final long maxReadingAgeMicros;

    /**
     * Create a stamper.
     *
     * @param clock  the clock to read.
     * @param policy the tolerance to classify against.
     */
    public MessageStamper(final GatewayClock clock, final ClockSyncPolicy policy)
    {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.toleranceMicros = policy.toleranceMicros();
        this.maxReadingAgeMicros = policy.maxReadingAgeMicros();
    }

    /**
     * Take a stamp now.
     *
     * @param stamp the flyweight to overwrite.
     * @return the same stamp, for a fluent API.
     */
    public MessageStamp stamp(final MessageStamp stamp)
    {
        final long nanos = clock.monotonicNanos();
        final long micros = clock.epochMicros();
        final ClockSyncSnapshot snapshot = clock.syncSnapshot();

        final long ageMicros = Math.max(0, micros - snapshot.readingEpochMicros());
        final long readingBound = snapshot.errorBoundMicros();
        final long bound = Long.MAX_VALUE == readingBound ?
            Long.MAX_VALUE : readingBound + ageMicros / ClockSyncPolicy.BOUND_GROWTH_DIVISOR;
        final boolean within = SyncStatus.SYNCHRONISED == snapshot.status() &&
            bound <= toleranceMicros &&
            ageMicros <= maxReadingAgeMicros;

        return stamp.set(micros, nanos, snapshot.status(), bound, within, snapshot.sequence());
    }

    /**
     * @return the clock this stamper reads.
     */
    public GatewayClock clock()
    {
        return clock;
    }

    /**
     * @return the policy this stamper classifies against.
     */
    public ClockSyncPolicy policy()
    {
        return policy;
    }
}
