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
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two durability contracts: what a published durable ticket promises about the journal file.
 */
class AuditSyncTest
{
    @TempDir
    Path dir;

    @Test
    void shouldForceBeforeReleasingWithFsync() throws Exception
    {
        try (AuditTrail audit = AuditTrail.launch(AuditFixture.context(dir).sync(AuditSync.FSYNC)))
        {
            final long ticket = new AuditFixture().publish(audit.publisher(), 0);
            AuditFixture.drain(audit);

            assertTrue(audit.durability().isDurable(ticket));
            assertFalse(audit.writerAgent().journal().hasUnforcedWrites(), "released only after fdatasync");
            assertTrue(audit.writerAgent().maxCommitNanos() > 0, "the flush was timed");
        }
    }

    @Test
    void shouldReleaseOnceWrittenAndForceWithinTheIntervalWithWrite() throws Exception
    {
        final long interval = TimeUnit.MILLISECONDS.toNanos(200);
        try (AuditTrail audit = AuditTrail.launch(
            AuditFixture.context(dir).sync(AuditSync.WRITE).forceIntervalNanos(interval)))
        {
            final AuditFixture fixture = new AuditFixture();
            // The first cycle may force at once (nothing was forced yet): start the interval from there.
            fixture.publish(audit.publisher(), 0);
            AuditFixture.drain(audit);
            audit.writerAgent().doWork();

            final long ticket = fixture.publish(audit.publisher(), 1);
            final long releasedAt = System.nanoTime();
            AuditFixture.drain(audit);
            assertTrue(audit.durability().isDurable(ticket));
            if (System.nanoTime() - releasedAt < interval)
            {
                assertTrue(audit.writerAgent().journal().hasUnforcedWrites(), "released before the flush");
            }
            final JournalVerifyReport written =
                new JournalReader().verify(JournalReader.journalFiles(dir), null);
            assertTrue(written.isValid(), written.issues()::toString);
            assertEquals(2, written.records(), "a released record is in the file, flushed or not");

            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (audit.writerAgent().journal().hasUnforcedWrites() && System.nanoTime() < deadline)
            {
                audit.writerAgent().doWork();
                Thread.sleep(1);
            }
            assertFalse(audit.writerAgent().journal().hasUnforcedWrites(), "flushed once the interval passed");
        }
    }

    @Test
    void shouldHoldRequestsForTheReportThatWaitsOnThem() throws Exception
    {
        try (AuditTrail audit = AuditTrail.launch(AuditFixture.context(dir).sync(AuditSync.FSYNC)))
        {
            final AuditFixture fixture = new AuditFixture();
            final AuditWriterAgent writer = audit.writerAgent();
            final long request = fixture.publish(audit.publisher(), 0);
            final long before = System.nanoTime();
            writer.doWork();
            if (System.nanoTime() - before < AuditConfiguration.UNGATED_COMMIT_DELAY_NANOS)
            {
                assertEquals(0, writer.commits(), "a request alone does not make a flush");
                assertFalse(audit.durability().isDurable(request));
            }

            final long report = fixture.publish(audit.reportPublisher(), 1);
            writer.doWork();
            assertTrue(audit.reportDurability().isDurable(report), "the report commits at once");
            assertTrue(audit.durability().isDurable(request), "with its request, in the same flush");
            assertEquals(1, writer.commits());

            final long alone = fixture.publish(audit.publisher(), 2);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!audit.durability().isDurable(alone) && System.nanoTime() < deadline)
            {
                writer.doWork();
            }
            assertTrue(audit.durability().isDurable(alone), "a request alone is committed after the delay");
        }
    }

    @Test
    void shouldNameTheLevelsAsConfigured()
    {
        assertEquals(AuditSync.WRITE, AuditSync.fromConfigName(" Write "));
        assertEquals(AuditSync.FSYNC, AuditSync.fromConfigName("fsync"));
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> AuditSync.fromConfigName("sometimes"));
        assertEquals("audit sync must be fsync or write: sometimes", ex.getMessage());
    }
}
