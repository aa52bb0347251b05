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

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class JournalSealTest
{
    private static final long NEVER = TimeUnit.HOURS.toNanos(1);

    @TempDir
    Path dir;

    private final AuditFixture fixture = new AuditFixture();

    private Path journal()
    {
        return dir.resolve("audit");
    }

    private AuditSealKey key() throws IOException
    {
        return AuditSealKey.loadOrCreate(dir.resolve("audit-seal.key"), journal());
    }

    private List<Path> files()
    {
        return JournalReader.journalFiles(journal());
    }

    private SealVerifier.Report verifySealed(final AuditSealKey key)
    {
        return SealVerifier.verify(files(), journal().resolve(SealDescriptor.FILE_NAME), key, null);
    }

    /**
     * Records "record i" (any bytes of at least 8 are a valid record to the journal), committed, not closed.
     */
    private static void append(final JournalWriter writer, final int from, final int to, final String variant)
        throws IOException
    {
        for (int i = from; i < to; i++)
        {
            final byte[] record = ("record " + i + variant + " padded to be long enough").getBytes(
                StandardCharsets.US_ASCII);
            writer.append(new UnsafeBuffer(record), 0, record.length);
        }
        writer.commit();
    }

    private void writeSealed(final AuditSealKey key, final int records) throws IOException
    {
        try (JournalWriter writer = new JournalWriter(journal(), 1 << 20, fixture.clock::epochMicros)
            .sealWith(key, NEVER))
        {
            append(writer, 0, records, "");
        }
    }

    private static String describe(final SealVerifier.Report report)
    {
        return report.journal().issues() + " " + report.sealIssues() + " " + report.notes();
    }

    @Test
    void shouldForceAndSealOnTheForcingThreadWhileTheWriterGoesOn() throws Exception
    {
        final AuditSealKey key = key();
        try (JournalWriter writer = new JournalWriter(journal(), 1 << 20, fixture.clock::epochMicros)
            .sealWith(key, 1)
            .forceInBackground("test-journal-forcer"))
        {
            for (int round = 1; round <= 3; round++)
            {
                for (int i = 0; i < 10; i++)
                {
                    final byte[] record = ("record " + round + "." + i + " padded to be long enough").getBytes(
                        StandardCharsets.US_ASCII);
                    writer.append(new UnsafeBuffer(record), 0, record.length);
                }
                assertTrue(writer.forceWrittenInBackground(), "what was written is handed over to be forced");
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while ((writer.forcer().forces() < round || !writer.forcer().isIdle()) && System.nanoTime() < deadline)
                {
                    Thread.sleep(1);
                }
                assertEquals(round, writer.forcer().forces());
                assertFalse(writer.forceWrittenInBackground(), "nothing new written, nothing to force");
            }
        }

        final SealVerifier.Report report = verifySealed(key);
        assertTrue(report.isValid(), () -> describe(report));
        final SealFileReader.Result seals = SealFileReader.read(journal().resolve(SealDescriptor.FILE_NAME), key);
        final long periodic = seals.seals().stream()
            .filter((seal) -> SealDescriptor.REASON_PERIODIC == seal.reason())
            .mapToLong(SealFileReader.Seal::recordSequence)
            .max().orElse(0);
        assertEquals(30, periodic, "the forcing thread sealed each head it forced, the last one 30");
        // Already sealed by the forcing thread, the head needs no shutdown seal.
        assertEquals(30, seals.seals().get(seals.seals().size() - 1).recordSequence());
    }

    @Test
    void shouldSealAHeadForcedInBackgroundOnceTheIntervalHasPassedThoughNothingFollows() throws Exception
    {
        final AuditSealKey key = key();
        try (JournalWriter writer = new JournalWriter(journal(), 1 << 20, fixture.clock::epochMicros)
            .sealWith(key, TimeUnit.MILLISECONDS.toNanos(200))
            .forceInBackground("test-journal-forcer"))
        {
            for (int i = 0; i < 5; i++)
            {
                final byte[] record = ("record " + i + " padded to be long enough").getBytes(StandardCharsets.US_ASCII);
                writer.append(new UnsafeBuffer(record), 0, record.length);
            }
            // Forced at once, within the interval of the open seal: the forcer does not seal it then.
            assertTrue(writer.forceWrittenInBackground());
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!(writer.forcer().isIdle() && 5 == writer.sealer().sealedRecordSequence()) &&
                System.nanoTime() < deadline)
            {
                writer.sealIfDue(System.nanoTime());
                Thread.sleep(5);
            }
            assertTrue(writer.forcer().isIdle());
            assertEquals(5, writer.sealer().sealedRecordSequence(), "sealed while the writer was idle, before close");
        }
        final SealVerifier.Report report = verifySealed(key);
        assertTrue(report.isValid(), () -> describe(report));
    }

    @Test
    void shouldVerifySealedJournalWrittenByTheAuditTrail() throws IOException
    {
        final AuditSealKey key = key();
        try (AuditTrail audit = AuditTrail.launch(AuditFixture.context(journal()).sealKey(key)))
        {
            for (int i = 0; i < 40; i++)
            {
                fixture.publish(audit.publisher(), i);
            }
            AuditFixture.drain(audit);
        }

        final SealVerifier.Report report = verifySealed(key);
        assertTrue(report.isValid(), () -> describe(report));
        assertTrue(report.sealsChecked());
        // Open (empty journal) and shutdown (record 40).
        assertEquals(2, report.seals());
        assertTrue(report.notes().isEmpty(), report.notes()::toString);
        final SealFileReader.Result seals = SealFileReader.read(journal().resolve(SealDescriptor.FILE_NAME), key);
        final SealFileReader.Seal last = seals.seals().get(seals.seals().size() - 1);
        assertEquals(40, last.recordSequence());
        assertEquals(SealDescriptor.REASON_SHUTDOWN, last.reason());
        assertEquals(Files.size(files().get(0)), last.position());
    }

    @Test
    void shouldCreateKeyOwnerOnlyAndReuseIt() throws IOException
    {
        final AuditSealKey created = key();
        assertTrue(created.created());
        assertEquals(AuditSealKey.KEY_LENGTH, Files.size(created.file()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(created.file())));
        final AuditSealKey loaded = key();
        assertFalse(loaded.created());
        assertEquals(AuditSealKey.hex(created.keyId()), AuditSealKey.hex(loaded.keyId()));
    }

    @Test
    void shouldReportTailCutAtFrameBoundaryWhichTheChainAloneAccepts() throws IOException
    {
        final AuditSealKey key = key();
        writeSealed(key, 20);
        final List<AuditFixture.Frame> frames = AuditFixture.frames(files());
        final long sealedEnd = Files.size(files().get(0));
        try (RandomAccessFile file = new RandomAccessFile(files().get(0).toFile(), "rw"))
        {
            file.setLength(frames.get(15).offset());
        }

        assertTrue(new JournalReader().verify(files(), null).isValid(), "the chain alone cannot see the cut");
        final SealVerifier.Report unchecked = SealVerifier.verify(files(), SealVerifier.findSealFile(
            List.of(journal())), null, null);
        assertTrue(unchecked.isValid());
        assertTrue(unchecked.notes().toString().contains("seals present (2 in "), unchecked.notes()::toString);
        assertTrue(unchecked.notes().toString().contains("not checked: no --seal-key"), unchecked.notes()::toString);

        final SealVerifier.Report report = verifySealed(key);
        assertFalse(report.isValid());
        assertFalse(report.isValidExceptTruncatedTail(), "a cut is not a torn tail");
        assertEquals(1, report.sealIssues().size(), () -> describe(report));
        final JournalIssue issue = report.sealIssues().get(0);
        assertEquals(JournalIssue.Kind.TAIL_CUT, issue.kind());
        assertEquals("sealed head #20 at position " + sealedEnd + " missing: journal ends at #15 (tail cut)",
            issue.message());

        // The writer refuses to continue it: the next records would take the sealed numbers.
        final IOException refused = assertThrows(IOException.class, () ->
            new JournalWriter(journal(), 1 << 20, fixture.clock::epochMicros).sealWith(key, NEVER));
        assertTrue(refused.getMessage().contains("tail cut"), refused.getMessage());
    }

    @Test
    void shouldCatchJournalRewrittenAndChainedAgain() throws IOException
    {
        final AuditSealKey key = key();
        writeSealed(key, 10);
        final Path seals = journal().resolve(SealDescriptor.FILE_NAME);
        final Path kept = dir.resolve("kept.seals");
        Files.move(seals, kept);
        for (final Path file : files())
        {
            Files.delete(file);
        }
        // Same records up to 6, then others: a valid chain from its first record to its last.
        try (JournalWriter writer = new JournalWriter(journal(), 1 << 20, fixture.clock::epochMicros))
        {
            append(writer, 0, 7, "");
            append(writer, 7, 10, "altered");
        }
        Files.move(kept, seals);

        assertTrue(new JournalReader().verify(files(), null).isValid(), "the chain alone cannot see the rewrite");
        final SealVerifier.Report report = verifySealed(key);
        assertEquals(1, report.sealIssues().size(), () -> describe(report));
        final JournalIssue issue = report.sealIssues().get(0);
        assertEquals(JournalIssue.Kind.REWRITTEN, issue.kind());
        assertEquals(10, issue.sequence());
        assertEquals("record #10 hash differs from seal 2 (rewritten)", issue.message());
    }

    @Test
    void shouldCatchTamperedAndRemovedSeals() throws IOException
    {
        final AuditSealKey key = key();
        writeSealed(key, 5);
        final Path seals = journal().resolve(SealDescriptor.FILE_NAME);
        // Seal 2 claims fewer records, so that a cut would pass: its MAC no longer holds.
        final long offset = SealDescriptor.HEADER_LENGTH + SealDescriptor.SEAL_LENGTH +
            SealDescriptor.RECORD_SEQUENCE_OFFSET;
        try (RandomAccessFile file = new RandomAccessFile(seals.toFile(), "rw"))
        {
            file.seek(offset);
            file.write(3);
        }
        final SealVerifier.Report report = verifySealed(key);
        assertEquals(1, report.sealIssues().size(), () -> describe(report));
        assertEquals(JournalIssue.Kind.SEAL_MAC_INVALID, report.sealIssues().get(0).kind());
        assertEquals("seal 2 MAC invalid: the seal was altered or made without the key",
            report.sealIssues().get(0).message());

        Files.delete(seals);
        final SealVerifier.Report removed = verifySealed(key);
        assertEquals(JournalIssue.Kind.SEAL_DAMAGED, removed.sealIssues().get(0).kind(), () -> describe(removed));
        final SealVerifier.Report found = SealVerifier.verify(
            files(), SealVerifier.findSealFile(List.of(journal())), key, null);
        assertEquals(JournalIssue.Kind.SEAL_DAMAGED, found.sealIssues().get(0).kind(), () -> describe(found));
    }

    @Test
    void shouldReportWrongKeyAndRefuseToContinueWithIt() throws IOException
    {
        writeSealed(key(), 5);
        final AuditSealKey other = AuditSealKey.loadOrCreate(dir.resolve("other.key"), journal());

        final SealVerifier.Report report = verifySealed(other);
        assertEquals(1, report.sealIssues().size(), () -> describe(report));
        assertEquals(JournalIssue.Kind.SEAL_KEY_MISMATCH, report.sealIssues().get(0).kind());
        assertTrue(report.sealIssues().get(0).message().contains("sealed with another key"));

        final IOException refused = assertThrows(IOException.class, () ->
            new JournalWriter(journal(), 1 << 20, fixture.clock::epochMicros).sealWith(other, NEVER));
        assertTrue(refused.getMessage().contains("another key"), refused.getMessage());
    }

    @Test
    void shouldRefuseKeyFileInsideJournalDirectory() throws IOException
    {
        Files.createDirectories(journal());
        final Path inside = journal().resolve("seal.key");
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> AuditSealKey.loadOrCreate(inside, journal()));
        assertTrue(ex.getMessage().contains("is inside the journal directory"), ex.getMessage());
        assertFalse(Files.exists(inside), "no key created there");
        // Through a symbolic link to the journal directory too.
        final Path link = Files.createSymbolicLink(dir.resolve("link"), journal());
        assertThrows(IllegalArgumentException.class,
            () -> AuditSealKey.loadOrCreate(link.resolve("seal.key"), journal()));

        final AuditSealKey outside = key();
        Files.copy(outside.file(), inside);
        final AuditSealKey loadedInside = AuditSealKey.load(inside);
        assertThrows(IllegalArgumentException.class,
            () -> AuditTrail.launch(AuditFixture.context(journal()).sealKey(loadedInside)));
    }

    @Test
    void shouldSealAtRotationAndCatchARemovedLastFile() throws IOException
    {
        final AuditSealKey key = key();
        final JournalWriter writer = new JournalWriter(journal(), 4096, fixture.clock::epochMicros)
            .sealWith(key, NEVER);
        append(writer, 0, 120, "");
        assertTrue(files().size() >= 3, files()::toString);

        final List<SealFileReader.Seal> seals =
            SealFileReader.read(journal().resolve(SealDescriptor.FILE_NAME), key).seals();
        final List<SealFileReader.Seal> rotations = seals.stream()
            .filter((seal) -> SealDescriptor.REASON_ROTATION == seal.reason()).toList();
        assertEquals(files().size() - 1, rotations.size(), seals::toString);
        final List<AuditFixture.Frame> frames = AuditFixture.frames(files());
        for (final SealFileReader.Seal rotation : rotations)
        {
            final Path file = journal().resolve(JournalDescriptor.fileName(rotation.journalIndex()));
            assertEquals(Files.size(file), rotation.position());
            final AuditFixture.Frame last = frames.stream().filter((f) -> f.file().equals(file))
                .reduce((a, b) -> b).orElseThrow();
            assertEquals(last.sequence(), rotation.recordSequence());
        }
        writer.close();
        assertTrue(verifySealed(key).isValid(), () -> describe(verifySealed(key)));

        // A whole last file removed leaves a chain that verifies; the shutdown seal names its last record.
        final Path lastFile = files().get(files().size() - 1);
        Files.delete(lastFile);
        assertTrue(new JournalReader().verify(files(), null).isValid());
        final SealVerifier.Report report = verifySealed(key);
        assertEquals(JournalIssue.Kind.TAIL_CUT, report.sealIssues().get(0).kind(), () -> describe(report));
        assertEquals(lastFile, report.sealIssues().get(0).file());
    }

    @Test
    void shouldReportUnsealedTailWithoutFailingAndSealItPeriodically() throws IOException
    {
        final AuditSealKey key = key();
        try (JournalWriter writer = new JournalWriter(journal(), 1 << 20, fixture.clock::epochMicros)
            .sealWith(key, 1))
        {
            append(writer, 0, 8, "");
            assertTrue(writer.sealIfDue(System.nanoTime() + 2));
            assertFalse(writer.sealIfDue(System.nanoTime() + 4), "the head has not moved");
            append(writer, 8, 11, "");

            final SealVerifier.Report report = verifySealed(key);
            assertTrue(report.isValid(), () -> describe(report));
            assertEquals(List.of("unsealed tail: 3 records after seal 2 (#8; a crash can leave them, not a failure)"),
                report.notes());
        }
        final SealVerifier.Report closed = verifySealed(key);
        assertTrue(closed.isValid() && closed.notes().isEmpty(), () -> describe(closed));
        assertEquals(3, closed.seals());
    }

    @Test
    void shouldContinueSealsAfterReopenAndCutATornSeal() throws IOException
    {
        final AuditSealKey key = key();
        writeSealed(key, 4);
        final Path seals = journal().resolve(SealDescriptor.FILE_NAME);
        try (RandomAccessFile file = new RandomAccessFile(seals.toFile(), "rw"))
        {
            // A crash in the middle of writing a seal.
            file.setLength(file.length() + 50);
        }
        final SealVerifier.Report torn = verifySealed(key);
        assertTrue(torn.isValid(), () -> describe(torn));
        assertTrue(torn.notes().toString().contains("torn by a crash"), torn.notes()::toString);

        try (JournalWriter writer = new JournalWriter(journal(), 1 << 20, fixture.clock::epochMicros)
            .sealWith(key, NEVER))
        {
            assertEquals(50, writer.sealer().truncatedOnOpen());
            append(writer, 4, 9, "");
        }
        final SealVerifier.Report report = verifySealed(key);
        assertTrue(report.isValid() && report.notes().isEmpty(), () -> describe(report));
        assertEquals(3, report.seals(), "open, shutdown, shutdown: the second open sealed no new head");
    }

    @Test
    void shouldReportHeaderIndexThatDisagreesWithFileName() throws IOException
    {
        try (JournalWriter writer = new JournalWriter(journal(), 1 << 20, fixture.clock::epochMicros))
        {
            append(writer, 0, 3, "");
        }
        final Path renamed = journal().resolve(JournalDescriptor.fileName(4));
        Files.move(files().get(0), renamed);

        final JournalVerifyReport report = new JournalReader().verify(files(), null);
        assertEquals(1, report.issues().size(), report.issues()::toString);
        final JournalIssue issue = report.issues().get(0);
        assertEquals(JournalIssue.Kind.INDEX_MISMATCH, issue.kind());
        assertEquals(renamed, issue.file());
        assertTrue(issue.message().startsWith("header names journal index 0 but the file name index 4"),
            issue.message());
        final IOException refused = assertThrows(IOException.class,
            () -> new JournalWriter(journal(), 1 << 20, fixture.clock::epochMicros));
        assertTrue(refused.getMessage().contains("renamed or swapped"), refused.getMessage());
    }
}
