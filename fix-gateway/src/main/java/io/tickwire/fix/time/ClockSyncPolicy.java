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
 * The tolerance every stamp is classified against, and whether orders are refused while out of tolerance
 * ({@code --require-clock-sync}).
 * <p>
 * MiFID II RTS 25 Annex: 1 ms for algorithmic trading that is not high-frequency (the default), 100 us for
 * high-frequency algorithmic trading ({@link #HFT_TOLERANCE_MICROS}); US CAT allows 50 ms.
 */
public final class ClockSyncPolicy
{
    /**
     * System property for the tolerance in microseconds.
     */
    public static final String TOLERANCE_MICROS_PROP_NAME = "tickwire.clock.tolerance.micros";

    /**
     * System property: refuse orders while the clock is out of tolerance.
     */
    public static final String REQUIRE_SYNC_PROP_NAME = "tickwire.clock.require.sync";

    /**
     * System property for the age after which a sync reading is considered stale (no longer classifies stamps
     * as within tolerance), in microseconds.
     */
    public static final String MAX_READING_AGE_MICROS_PROP_NAME = "tickwire.clock.max.reading.age.micros";

    /**
     * Default tolerance: 1 ms (RTS 25, algorithmic trading other than HFT).
     */
    public static final long DEFAULT_TOLERANCE_MICROS = 1_000;

    /**
     * HFT tolerance: 100 us (RTS 25, high-frequency algorithmic trading).
     */
    public static final long HFT_TOLERANCE_MICROS = 100;

    /**
     * Default maximum age of a sync reading: 10 s, ten refresh intervals of the default monitor.
     */
    public static final long DEFAULT_MAX_READING_AGE_MICROS = 10_000_000;

    /**
     * Growth of the kernel's error bound between updates: 500 ppm ({@code MAXFREQ}), i.e. 1 us per 2000 us.
     * A stamp taken some time after a reading carries the reading's bound plus this growth.
     */
    public static final long BOUND_GROWTH_DIVISOR = 2_000;

    private final long toleranceMicros;
    private final boolean requireSync;
    private final long maxReadingAgeMicros;

    /**
     * Create a policy.
     *
     * @param toleranceMicros     permitted divergence from UTC in micros, positive.
     * @param requireSync         whether orders are refused while out of tolerance.
     * @param maxReadingAgeMicros age after which a reading is stale, positive.
     */
    public ClockSyncPolicy(final long toleranceMicros, final boolean requireSync, final long maxReadingAgeMicros)
    {
        if (toleranceMicros <= 0 || maxReadingAgeMicros <= 0)
        {
            throw new IllegalArgumentException(
                "tolerance and max reading age must be positive: tolerance=" + toleranceMicros +
                " maxReadingAge=" + maxReadingAgeMicros);
        }
        this.toleranceMicros = toleranceMicros;
        this.requireSync = requireSync;
        this.maxReadingAgeMicros = maxReadingAgeMicros;
    }

    /**
     * The policy from system properties, with the defaults above.
     *
     * @return the configured policy.
     */
    public static ClockSyncPolicy fromSystemProperties()
    {
        return new ClockSyncPolicy(
            Long.getLong(TOLERANCE_MICROS_PROP_NAME, DEFAULT_TOLERANCE_MICROS),
            Boolean.getBoolean(REQUIRE_SYNC_PROP_NAME),
            Long.getLong(MAX_READING_AGE_MICROS_PROP_NAME, DEFAULT_MAX_READING_AGE_MICROS));
    }

    /**
     * Default policy: 1 ms tolerance, orders accepted whatever the clock state (and audited with it).
     *
     * @return the default policy.
     */
    public static ClockSyncPolicy defaults()
    {
        return new ClockSyncPolicy(DEFAULT_TOLERANCE_MICROS, false, DEFAULT_MAX_READING_AGE_MICROS);
    }

    /**
     * The same policy with a different {@code requireSync}.
     *
     * @param requireSync whether orders are refused while out of tolerance.
     * @return a new policy.
     */
    public ClockSyncPolicy withRequireSync(final boolean requireSync)
    {
        return new ClockSyncPolicy(toleranceMicros, requireSync, maxReadingAgeMicros);
    }

    /**
     * The {@code --require-clock-sync} predicate: may an order stamped with this stamp be accepted?
     *
     * @param stamp the order's stamp.
     * @return true unless sync is required and the stamp is out of tolerance.
     */
    public boolean admits(final MessageStamp stamp)
    {
        return !requireSync || stamp.withinTolerance();
    }

    /**
     * Text (58) for an order refused by {@link #admits}: error path, allocates.
     *
     * @param stamp the order's stamp.
     * @return the reason.
     */
    public String rejectReason(final MessageStamp stamp)
    {
        return "clock not synchronised within tolerance: status=" + stamp.status() + " bound=" +
            (Long.MAX_VALUE == stamp.errorBoundMicros() ? "unknown" : stamp.errorBoundMicros() + "us") +
            " tolerance=" + toleranceMicros + "us";
    }

    /**
     * @return permitted divergence from UTC in micros.
     */
    public long toleranceMicros()
    {
        return toleranceMicros;
    }

    /**
     * @return whether orders are refused while out of tolerance.
     */
    public boolean requireSync()
    {
        return requireSync;
    }

    /**
     * @return age after which a reading is stale, in micros.
     */
    public long maxReadingAgeMicros()
    {
        return maxReadingAgeMicros;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "ClockSyncPolicy{toleranceMicros=" + toleranceMicros + ", requireSync=" + requireSync +
            ", maxReadingAgeMicros=" + maxReadingAgeMicros + "}";
    }
}
