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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class MessageStamperTest
{
    private static final long T0 = 1_763_600_000_000_000L;

    private final ManualGatewayClock clock = new ManualGatewayClock(T0, 5_000_000_000L);
    private final MessageStamp stamp = new MessageStamp();

    @Test
    void shouldCarryInjectedTimeAndSyncState()
    {
        clock.synchronised(200);
        final MessageStamper stamper = new MessageStamper(clock, ClockSyncPolicy.defaults());

        assertSame(stamp, stamper.stamp(stamp));
        assertEquals(T0, stamp.epochMicros());
        assertEquals(5_000_000_000L, stamp.monotonicNanos());
        assertEquals(SyncStatus.SYNCHRONISED, stamp.status());
        assertEquals(200, stamp.errorBoundMicros());
        assertTrue(stamp.withinTolerance());
        assertEquals(clock.syncSnapshot().sequence(), stamp.snapshotSequence());
    }

    @Test
    void shouldClassifyAgainstDefaultAndHftTolerance()
    {
        final MessageStamper defaultStamper = new MessageStamper(clock, ClockSyncPolicy.defaults());
        final MessageStamper hftStamper = new MessageStamper(
            clock, new ClockSyncPolicy(ClockSyncPolicy.HFT_TOLERANCE_MICROS, true, 10_000_000));

        clock.synchronised(500);
        assertTrue(defaultStamper.stamp(stamp).withinTolerance());
        assertFalse(hftStamper.stamp(stamp).withinTolerance());

        clock.synchronised(100);
        assertTrue(hftStamper.stamp(stamp).withinTolerance());

        clock.synchronised(1_001);
        assertFalse(defaultStamper.stamp(stamp).withinTolerance());
    }

    @Test
    void shouldNeverClassifyUnsynchronisedOrUnknownClockAsWithinTolerance()
    {
        final MessageStamper stamper = new MessageStamper(clock, ClockSyncPolicy.defaults());

        assertFalse(stamper.stamp(stamp).withinTolerance());
        assertEquals(SyncStatus.UNKNOWN, stamp.status());
        assertEquals(Long.MAX_VALUE, stamp.errorBoundMicros());

        clock.unsynchronised(10);
        stamper.stamp(stamp);
        assertEquals(SyncStatus.UNSYNCHRONISED, stamp.status());
        assertFalse(stamp.withinTolerance());

        clock.unsynchronised(16_000_000);
        stamper.stamp(stamp);
        assertEquals(16_000_000, stamp.errorBoundMicros());
        assertFalse(stamp.withinTolerance());
    }

    @Test
    void shouldGrowBoundWithReadingAgeAndExpireStaleReadings()
    {
        final MessageStamper stamper = new MessageStamper(clock, new ClockSyncPolicy(1_000, false, 5_000_000));
        clock.synchronised(900);

        clock.advanceMicros(100_000);
        stamper.stamp(stamp);
        assertEquals(900 + 100_000 / ClockSyncPolicy.BOUND_GROWTH_DIVISOR, stamp.errorBoundMicros());
        assertTrue(stamp.withinTolerance());

        clock.advanceMicros(200_000);
        stamper.stamp(stamp);
        assertEquals(1_050, stamp.errorBoundMicros());
        assertFalse(stamp.withinTolerance(), "bound grown past tolerance");

        clock.synchronised(10);
        clock.advanceMicros(5_000_001);
        stamper.stamp(stamp);
        assertFalse(stamp.withinTolerance(), "reading older than the maximum age");
    }

    @Test
    void shouldAdmitOrdersOnlyWithinToleranceWhenSyncRequired()
    {
        final ClockSyncPolicy lenient = ClockSyncPolicy.defaults();
        final ClockSyncPolicy strict = lenient.withRequireSync(true);
        final MessageStamper stamper = new MessageStamper(clock, strict);

        clock.unsynchronised(16_000_000);
        stamper.stamp(stamp);
        assertTrue(lenient.admits(stamp));
        assertFalse(strict.admits(stamp));
        assertEquals(
            "clock not synchronised within tolerance: status=UNSYNCHRONISED bound=16000000us tolerance=1000us",
            strict.rejectReason(stamp));

        clock.synchronised(50);
        stamper.stamp(stamp);
        assertTrue(strict.admits(stamp));
    }
}
