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

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two calibrated clocks agree far more closely than the latencies they are used to measure.
 */
class CalibratedEpochNanoClockTest
{
    private static final long AGREEMENT_NS = 50_000;

    @Test
    void shouldAgreeWithAnIndependentlyCalibratedInstance()
    {
        final CalibratedEpochNanoClock a = CalibratedEpochNanoClock.shared();
        final CalibratedEpochNanoClock b = new CalibratedEpochNanoClock();

        final long t1 = a.nanoTime();
        final long t2 = b.nanoTime();
        final long t3 = a.nanoTime();
        final long difference = t2 - (t1 + ((t3 - t1) >> 1));

        assertTrue(Math.abs(difference) < AGREEMENT_NS + (t3 - t1), "instances disagree by " + difference + " ns");
    }

    @Test
    void shouldTellEpochTime()
    {
        final Instant before = Instant.now();
        final long nanos = CalibratedEpochNanoClock.shared().nanoTime();
        final Instant after = Instant.now();

        final long beforeNs = before.getEpochSecond() * 1_000_000_000L + before.getNano();
        final long afterNs = after.getEpochSecond() * 1_000_000_000L + after.getNano();
        assertTrue(nanos >= beforeNs - AGREEMENT_NS && nanos <= afterNs + AGREEMENT_NS,
            beforeNs + " <= " + nanos + " <= " + afterNs);
    }
}
