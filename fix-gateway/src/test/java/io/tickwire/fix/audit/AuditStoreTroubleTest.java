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

import io.tickwire.fix.cli.AuditCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit writer on a real full or read-only filesystem (a small tmpfs): a failed write, flush or file creation
 * holds the records (nothing is reported durable, no report is released), marks the store unavailable with the cause,
 * retries, and when the space returns journals every held record in order with the chain intact.
 */
@Timeout(60)
class AuditStoreTroubleTest
{
    private static final String REPORT = "REPORT";

    @TempDir
    Path dir;

    private SmallFilesystem fs;

    @AfterEach
    void unmount()
    {
        if (null != fs)
        {
            fs.close();
        }
    }

    @Test
    void shouldHoldRecordsWhileTheDiskIsFullAndJournalThemInOrderWhenSpaceReturns() throws Exception
    {
        fs = SmallFilesystem.mountTmpfs(dir.resolve("mnt"), 1024);
        final Path journal = fs.path().resolve("audit");
        final AuditFixture fixture = new AuditFixture();
        int published = 0;
        // Sealed at every cycle that moves the head: the seal file meets the full disk too.
        final Path keyFile = fs.path().resolve("audit-seal.key");
        final AuditSealKey key = AuditSealKey.loadOrCreate(keyFile, journal);
        try (AuditTrail audit = AuditTrail.launch(
            AuditFixture.context(journal).maxFileSize(64 * 1024).sealKey(key).sealIntervalNanos(1)))
        {
            final StoreHealth health = audit.storeHealth();
            final DurabilityGate<String> gate = new DurabilityGate<>(audit.reportDurability(), 16);
            final List<String> released = new ArrayList<>();
            while (published < 10)
            {
                fixture.publish(audit.publisher(), published++);
            }
            AuditFixture.drain(audit);
            assertTrue(health.isAvailable());

            fs.fill();
            while (health.isAvailable())
            {
                // The journal's last page still takes a few records; the next one that needs a page fails.
                assertTrue(published < 1_000, "the writer never noticed the full disk");
                fixture.publish(audit.publisher(), published++);
                final long ticket = published;
                runWriterUntil(audit, () -> audit.durability().isDurable(ticket) || !health.isAvailable());
            }
            assertEquals(StoreFault.NO_SPACE, health.fault());
            assertTrue(health.detail().contains(journal.toString()), health.detail());
            assertNull(audit.durability().failure(), "a full disk is an outage, not the end of the writer");
            final long durableWhenFull = audit.durability().durableTicket();
            assertTrue(durableWhenFull < audit.publisher().lastTicket());

            final long reportTicket = audit.reportPublisher().publish(fixture.stamp, fixture.entry.clOrdId(REPORT));
            gate.hold(reportTicket, "ack");
            for (int i = 0; i < 20; i++)
            {
                fixture.publish(audit.publisher(), published++);
            }
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < deadline)
            {
                audit.writerAgent().doWork();
                assertEquals(0, gate.release(released::add), "no report is released while its record is not written");
            }
            assertEquals(durableWhenFull, audit.durability().durableTicket());
            assertFalse(health.isAvailable());
            assertEquals(1, health.outages());
            assertTrue(health.failures() >= 2, "retried: " + health.failures());

            fs.free();
            runWriterUntil(audit, () -> audit.reportDurability().isDurable(reportTicket) &&
                audit.durability().durableTicket() == audit.publisher().lastTicket());
            assertEquals(1, gate.release(released::add));
            assertEquals(List.of("ack"), released);
            assertTrue(health.isAvailable());
            assertEquals(1, health.recoveries());
        }
        assertJournalHoldsInOrder(journal, published, 1, 1);
        final StringWriter out = new StringWriter();
        final CommandLine verify = new CommandLine(new AuditCommand());
        verify.setOut(new PrintWriter(out, true));
        verify.setErr(new PrintWriter(out, true));
        assertEquals(0, verify.execute("verify", journal.toString(), "--seal-key", keyFile.toString()),
            out::toString);
    }

    @Test
    void shouldHoldRecordsWhileTheDirectoryIsReadOnlyAcrossRotationAndJournalThemWhenWritableAgain() throws Exception
    {
        fs = SmallFilesystem.mountTmpfs(dir.resolve("mnt"), 2048);
        final Path journal = fs.path().resolve("audit");
        final AuditFixture fixture = new AuditFixture();
        int published = 0;
        // The smallest files: a rotation (a new file) every few records, so the outage spans file creation too.
        try (AuditTrail audit = AuditTrail.launch(
            AuditFixture.context(journal).maxFileSize(JournalDescriptor.MIN_FILE_SIZE)))
        {
            final StoreHealth health = audit.storeHealth();
            while (published < 15)
            {
                fixture.publish(audit.publisher(), published++);
            }
            AuditFixture.drain(audit);

            fs.readOnly();
            for (int i = 0; i < 30; i++)
            {
                fixture.publish(audit.publisher(), published++);
            }
            runWriterUntil(audit, () -> !health.isAvailable());
            assertEquals(StoreFault.READ_ONLY, health.fault(), health.detail());
            final long durableWhenReadOnly = audit.durability().durableTicket();
            for (int i = 0; i < 100; i++)
            {
                audit.writerAgent().doWork();
            }
            assertEquals(durableWhenReadOnly, audit.durability().durableTicket());
            assertTrue(durableWhenReadOnly < audit.publisher().lastTicket());

            fs.readWrite();
            runWriterUntil(audit, () -> audit.durability().durableTicket() == audit.publisher().lastTicket());
            assertTrue(health.isAvailable());
        }
        assertJournalHoldsInOrder(journal, published, 0, 3);
    }

    @Test
    void shouldCloseWhileTheStoreIsUnavailableAndContinueTheJournalOnReopen() throws Exception
    {
        fs = SmallFilesystem.mountTmpfs(dir.resolve("mnt"), 1024);
        final Path journal = fs.path().resolve("audit");
        final AuditFixture fixture = new AuditFixture();
        final long durable;
        try (AuditTrail audit = AuditTrail.launch(
            AuditFixture.context(journal).maxFileSize(JournalDescriptor.MIN_FILE_SIZE)))
        {
            fs.readOnly();
            for (int i = 0; i < 30; i++)
            {
                fixture.publish(audit.publisher(), i);
            }
            runWriterUntil(audit, () -> !audit.storeHealth().isAvailable());
            durable = audit.durability().durableTicket();
            audit.close();
            assertNotNull(audit.durability().failure(), "closed with records it could not write: says so");
            assertEquals(durable, audit.durability().durableTicket());
        }
        fs.readWrite();
        final long next;
        try (AuditTrail audit = AuditTrail.launch(AuditFixture.context(journal)))
        {
            next = audit.writerAgent().journal().nextSequence();
        }
        assertTrue(next - 1 >= durable, "every record reported durable is in the journal: " + next + " " + durable);
        assertTrue(next - 1 < 30, "the outage held records back: " + next);
        assertJournalHoldsInOrder(journal, (int)(next - 1), 0, 1);
    }

    private static void assertJournalHoldsInOrder(
        final Path journal, final int records, final int reports, final int minFiles)
    {
        final List<Path> files = JournalReader.journalFiles(journal);
        final JournalVerifyReport report = new JournalReader().verify(files, null);
        assertTrue(report.isValid(), report.toString());
        assertTrue(files.size() >= minFiles, "files: " + files);
        assertEquals(records + reports, report.records());
        final List<String> clOrdIds = new ArrayList<>();
        for (final AuditFixture.Frame frame : AuditFixture.frames(files))
        {
            clOrdIds.add(frame.row().get("clOrdId"));
        }
        assertEquals(reports, clOrdIds.stream().filter(REPORT::equals).count());
        clOrdIds.removeIf(REPORT::equals);
        for (int i = 0; i < records; i++)
        {
            assertEquals("ORD" + i, clOrdIds.get(i));
        }
    }

    private static void runWriterUntil(final AuditTrail audit, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean())
        {
            assertTrue(System.nanoTime() < deadline, "condition not reached within 20 s");
            audit.writerAgent().doWork();
            Thread.onSpinWait();
        }
    }
}
