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

import org.agrona.concurrent.EpochMicroClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(20)
class ClockSyncSourceTest
{
    @Test
    void shouldParseRealKernelReadingConsistently()
    {
        final ClockSyncSnapshot reading = new KernelNtpClockSource().read();

        assertNotEquals(SyncStatus.UNKNOWN, reading.status(), reading::detail);
        assertTrue(reading.kernelState() >= KernelNtpClockSource.TIME_OK, reading::detail);
        assertTrue(reading.kernelState() <= KernelNtpClockSource.TIME_ERROR, reading::detail);
        assertTrue(reading.errorBoundMicros() >= 0 && reading.errorBoundMicros() <= 16_000_000, reading::detail);
        assertTrue(reading.estimatedErrorMicros() >= 0 && reading.estimatedErrorMicros() <= 16_000_000,
            reading::detail);

        final boolean unsync = (reading.kernelStatusBits() & KernelNtpClockSource.STA_UNSYNC) != 0 ||
            KernelNtpClockSource.TIME_ERROR == reading.kernelState();
        assertEquals(unsync ? SyncStatus.UNSYNCHRONISED : SyncStatus.SYNCHRONISED, reading.status(), reading::detail);
        if (unsync)
        {
            // What an undisciplined Linux clock reports (this project's machines): STA_UNSYNC and the 16 s cap.
            assertFalse(reading.isWithin(ClockSyncPolicy.DEFAULT_TOLERANCE_MICROS));
        }
        assertTrue(reading.detail().contains(KernelNtpClockSource.stateName(reading.kernelState())));
    }

    @Test
    void shouldClassifyTimexValues()
    {
        final ClockSyncSnapshot unsync = KernelNtpClockSource.fromTimex(
            KernelNtpClockSource.TIME_ERROR, KernelNtpClockSource.STA_UNSYNC, 16_000_000, 16_000_000);
        assertEquals(SyncStatus.UNSYNCHRONISED, unsync.status());
        assertEquals(16_000_000, unsync.errorBoundMicros());
        assertEquals("TIME_ERROR, status=0x40 STA_UNSYNC, maxerror=16000000us, esterror=16000000us", unsync.detail());

        final ClockSyncSnapshot synced = KernelNtpClockSource.fromTimex(
            KernelNtpClockSource.TIME_OK, KernelNtpClockSource.STA_PLL | KernelNtpClockSource.STA_NANO, 450, 12);
        assertEquals(SyncStatus.SYNCHRONISED, synced.status());
        assertEquals(450, synced.errorBoundMicros());
        assertEquals(12, synced.estimatedErrorMicros());
        assertTrue(synced.isWithin(ClockSyncPolicy.DEFAULT_TOLERANCE_MICROS));
        assertFalse(synced.isWithin(ClockSyncPolicy.HFT_TOLERANCE_MICROS));

        assertEquals(SyncStatus.UNSYNCHRONISED,
            KernelNtpClockSource.fromTimex(KernelNtpClockSource.TIME_OK, KernelNtpClockSource.STA_UNSYNC, 1, 1)
            .status());
        assertEquals(SyncStatus.UNSYNCHRONISED,
            KernelNtpClockSource.fromTimex(KernelNtpClockSource.TIME_ERROR, 0, 1, 1).status());
    }

    @Test
    void shouldParseChronyTracking()
    {
        final ClockSyncSnapshot synced = ChronyTrackingSource.parse(
            "A29FC87B,time.cloudflare.com,4,1763600000.123456789,-0.000012000,0.000001234,0.000023456," +
            "-12.345,0.001,0.045,0.000200000,0.000050000,1025.3,Normal\n");
        assertEquals(SyncStatus.SYNCHRONISED, synced.status());
        assertEquals(12 + 100 + 50, synced.errorBoundMicros());
        assertTrue(synced.detail().contains("ref=time.cloudflare.com"));

        final ClockSyncSnapshot unsynced = ChronyTrackingSource.parse(
            "00000000,,0,0.000000000,0.000000000,0.000000000,0.000000000,0.000,0.000,0.000," +
            "1.000000000,1.000000000,0.0,Not synchronised");
        assertEquals(SyncStatus.UNSYNCHRONISED, unsynced.status());

        assertEquals(SyncStatus.UNKNOWN, ChronyTrackingSource.parse("506 Cannot talk to daemon").status());
    }

    @Test
    void shouldCombineKernelAndChrony()
    {
        final ClockSyncSnapshot kernel = KernelNtpClockSource.fromTimex(
            KernelNtpClockSource.TIME_OK, 0, 8_000, 500);
        final ClockSyncSnapshot chrony = ChronyTrackingSource.parse(
            "A29FC87B,ref,2,1763600000.1,0.000010,0,0,0,0,0,0.000020,0.000005,16,Normal");

        final ClockSyncSnapshot combined = ClockSyncMonitor.combine(kernel, chrony);
        assertEquals(SyncStatus.SYNCHRONISED, combined.status());
        assertEquals(10 + 10 + 5, combined.errorBoundMicros());
        assertEquals("kernel+chrony", combined.source());

        final ClockSyncSnapshot kernelOnly = ClockSyncMonitor.combine(
            KernelNtpClockSource.fromTimex(5, 0x40, 16_000_000, 16_000_000), ChronyTrackingSource.parse("garbage"));
        assertEquals(SyncStatus.UNSYNCHRONISED, kernelOnly.status());
        assertEquals(16_000_000, kernelOnly.errorBoundMicros());
        assertEquals("kernel", kernelOnly.source());
    }

    @Test
    void shouldRefreshPeriodicallyWithIncreasingSequence()
    {
        final AtomicLong now = new AtomicLong(1_000_000);
        final EpochMicroClock epochClock = now::get;
        final AtomicLong bound = new AtomicLong(100);
        final ClockSyncMonitor monitor = new ClockSyncMonitor(
            () -> KernelNtpClockSource.fromTimex(0, 0, bound.get(), 1), null, epochClock, 1_000);

        assertEquals(ClockSyncSnapshot.UNKNOWN, monitor.snapshot());
        assertEquals(1, monitor.doWork());
        assertEquals(1, monitor.snapshot().sequence());
        assertEquals(1_000_000, monitor.snapshot().readingEpochMicros());
        assertEquals(100, monitor.snapshot().errorBoundMicros());

        bound.set(300);
        now.addAndGet(999_999);
        assertEquals(0, monitor.doWork());
        assertEquals(1, monitor.snapshot().sequence());

        now.addAndGet(1);
        assertEquals(1, monitor.doWork());
        assertEquals(2, monitor.snapshot().sequence());
        assertEquals(300, monitor.snapshot().errorBoundMicros());
    }

    @Test
    void shouldStampWithRealHostClock()
    {
        final ClockSyncMonitor monitor = ClockSyncMonitor.forHost();
        final SystemGatewayClock clock = new SystemGatewayClock(monitor);
        final MessageStamp stamp = new MessageStamper(clock, ClockSyncPolicy.defaults()).stamp(new MessageStamp());

        final long wallMicros = System.currentTimeMillis() * 1000;
        assertTrue(Math.abs(stamp.epochMicros() - wallMicros) < 60_000_000L, stamp::toString);
        assertEquals(monitor.snapshot().status(), stamp.status());
        assertTrue(!stamp.withinTolerance() || monitor.snapshot().isWithin(ClockSyncPolicy.DEFAULT_TOLERANCE_MICROS),
            "a stamp is within tolerance only under a reading that is");
    }
}
