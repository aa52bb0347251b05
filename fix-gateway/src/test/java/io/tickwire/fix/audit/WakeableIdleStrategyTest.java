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
package io.tickwire.fix.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A parked writer is woken by the producer rather than left to sleep out its timeout.
 */
@Timeout(60)
class WakeableIdleStrategyTest
{
    @Test
    void shouldEndAParkWhenWoken() throws Exception
    {
        // No spins or yields and a park of ten minutes: only wake() can end the idle within the test's minute.
        final WakeableIdleStrategy idle = new WakeableIdleStrategy(0, 0, TimeUnit.MINUTES.toNanos(10),
            TimeUnit.MINUTES.toNanos(10));
        final CountDownLatch done = new CountDownLatch(1);
        final Thread writer = new Thread(() ->
        {
            idle.idle();
            done.countDown();
        });
        writer.start();
        while (!idle.isParked())
        {
            Thread.sleep(1);
        }

        // A spurious return of parkNanos is allowed by its contract; keep waking until the thread is through.
        while (!done.await(10, TimeUnit.MILLISECONDS))
        {
            idle.wake();
        }
        writer.join();
        assertFalse(idle.isParked());
        assertEquals(1, idle.parks());
    }

    @Test
    void shouldSpinThenYieldBeforeParking()
    {
        final WakeableIdleStrategy idle = new WakeableIdleStrategy(2, 3, 1_000, 4_000);
        for (int i = 0; i < 5; i++)
        {
            idle.idle(0);
        }
        assertEquals(0, idle.parks(), "two spins and three yields, no park yet");
        idle.idle(0);
        assertEquals(1, idle.parks());
        idle.idle(1);
        idle.idle(0);
        assertEquals(1, idle.parks(), "work resets the back-off to spinning");
    }

    @Test
    void shouldWakeTheAuditWriterWhenAReportIsPublished(@TempDir final Path dir) throws Exception
    {
        final WakeableIdleStrategy idle = new WakeableIdleStrategy(0, 0, TimeUnit.MINUTES.toNanos(10),
            TimeUnit.MINUTES.toNanos(10));
        try (AuditTrail audit = AuditTrail.launch(AuditFixture.context(dir)))
        {
            audit.startWriterThread(idle);
            while (!idle.isParked())
            {
                Thread.sleep(1);
            }
            final AuditFixture fixture = new AuditFixture();
            fixture.publish(audit.publisher(), 0);
            final long report = fixture.publish(audit.reportPublisher(), 1);

            // Parked for ten minutes: only the report publisher's wake-up gets the record durable in time.
            while (!audit.reportDurability().isDurable(report))
            {
                Thread.sleep(1);
            }
            assertTrue(audit.durability().durableTicket() >= 1, "its request is durable with it");
        }
    }
}
