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

import io.tickwire.fix.time.ClockSyncSnapshot;
import io.tickwire.fix.time.KernelNtpClockSource;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class JournalTest
{
    @TempDir
    Path dir;

    private final AuditFixture fixture = new AuditFixture();

    private void writeRecords(final int count)
    {
        try (AuditTrail audit = AuditTrail.launch(AuditFixture.context(dir)))
        {
            for (int i = 0; i < count; i++)
            {
                assertEquals(i + 1, fixture.publish(audit.publisher(), i));
                if (0 == i % 7)
                {
                    AuditFixture.drain(audit);
                }
            }
            AuditFixture.drain(audit);
            assertEquals(count, audit.durability().durableTicket());
        }
    }

    @Test
    void shouldRoundTripEveryFieldAndVerify()
    {
        final int count = 50;
        writeRecords(count);

        final List<Path> files = JournalReader.journalFiles(dir);
        final JournalVerifyReport report = new JournalReader().verify(files, null);
        assertTrue(report.isValid(), report.issues()::toString);
        assertEquals(count, report.records());

        final List<AuditFixture.Frame> frames = AuditFixture.frames(files);
        assertEquals(count, frames.size());
        for (int i = 0; i < count; i++)
        {
            final Map<String, String> row = frames.get(i).row();
            assertEquals(Long.toString(i + 1), row.get("sequence"));
            for (final Map.Entry<String, String> expected : AuditFixture.expectedRow(i).entrySet())
            {
                assertEquals(expected.getValue(), row.get(expected.getKey()), "record " + i + " " + expected.getKey());
            }
            assertEquals("16000000", row.get("clockErrorBoundMicros"));
        }
    }

    @Test
    void shouldJournalEachClockSyncReading()
    {
        final ClockSyncSnapshot[] current = { ClockSyncSnapshot.UNKNOWN };
        try (AuditTrail audit = AuditTrail.launch(AuditFixture.context(dir).toleranceMicros(100)
            .clockSync(() -> current[0])))
        {
            audit.writerAgent().doWork();
            current[0] = KernelNtpClockSource.fromTimex(5, 0x40, 16_000_000, 16_000_000).withSequence(1, 42);
            fixture.publish(audit.publisher(), 0);
            AuditFixture.drain(audit);
            audit.writerAgent().doWork();
            current[0] = KernelNtpClockSource.fromTimex(0, 0x2001, 250, 20).withSequence(2, 43);
            assertEquals(1, audit.writerAgent().doWork());
        }

        final List<AuditFixture.Frame> frames = AuditFixture.frames(JournalReader.journalFiles(dir));
        assertEquals(3, frames.size());
        final Map<String, String> first = frames.get(0).row();
        assertEquals("ClockSyncEvent", first.get("recordType"));
        assertEquals("UNSYNCHRONISED", first.get("clockStatus"));
        assertEquals("16000000", first.get("clockErrorBoundMicros"));
        assertEquals("100", first.get("toleranceMicros"));
        assertEquals("0x40", first.get("kernelStatusBits"));
        assertEquals("42", first.get("timestampMicros"));
        assertTrue(first.get("source").startsWith("kernel: TIME_ERROR"), first.get("source"));
        assertEquals("AuditRecord", frames.get(1).row().get("recordType"));
        assertEquals("2", frames.get(1).row().get("sequence"));
        assertEquals("SYNCHRONISED", frames.get(2).row().get("clockStatus"));
        assertEquals("250", frames.get(2).row().get("clockErrorBoundMicros"));
    }

    @Test
    void shouldReportTamperedByteAtItsRecordOffset() throws IOException
    {
        writeRecords(20);
        final List<Path> files = JournalReader.journalFiles(dir);
        final AuditFixture.Frame victim = AuditFixture.frames(files).get(9);

        flipByte(victim.file(), victim.offset() + JournalDescriptor.FRAME_HEADER_LENGTH + victim.recordLength() / 2);

        final JournalVerifyReport report = new JournalReader().verify(files, null);
        assertFalse(report.isValid());
        assertEquals(1, report.issues().size());
        final JournalIssue issue = report.issues().get(0);
        assertEquals(JournalIssue.Kind.BAD_CRC, issue.kind());
        assertEquals(victim.file(), issue.file());
        assertEquals(victim.offset(), issue.offset());
        assertEquals(10, issue.sequence());
        assertEquals(9, report.records());
        assertFalse(report.isValidExceptTruncatedTail());
    }

    @Test
    void shouldDetectRewrittenRecordWhoseCrcWasRecomputed() throws IOException
    {
        writeRecords(20);
        final List<Path> files = JournalReader.journalFiles(dir);
        final AuditFixture.Frame victim = AuditFixture.frames(files).get(4);

        flipByte(victim.file(), victim.offset() + JournalDescriptor.FRAME_HEADER_LENGTH + victim.recordLength() - 3);
        recomputeCrc(victim.file(), victim.offset(), victim.recordLength());

        final JournalVerifyReport report = new JournalReader().verify(files, null);
        assertEquals(1, report.issues().size());
        assertEquals(JournalIssue.Kind.CHAIN_BROKEN, report.issues().get(0).kind());
        assertEquals(victim.offset(), report.issues().get(0).offset());
        assertEquals(5, report.issues().get(0).sequence());
    }

    @Test
    void shouldReportTruncatedTailWithOffset() throws IOException
    {
        writeRecords(12);
        final List<Path> files = JournalReader.journalFiles(dir);
        final AuditFixture.Frame last = AuditFixture.frames(files).get(11);
        final long size = Files.size(last.file());
        try (RandomAccessFile file = new RandomAccessFile(last.file().toFile(), "rw"))
        {
            file.setLength(size - 10);
        }

        final JournalVerifyReport report = new JournalReader().verify(files, null);
        assertEquals(1, report.issues().size());
        final JournalIssue issue = report.issues().get(0);
        assertEquals(JournalIssue.Kind.TRUNCATED, issue.kind());
        assertEquals(last.offset(), issue.offset());
        assertEquals(12, issue.sequence());
        assertEquals(11, report.records());
        assertTrue(report.isValidExceptTruncatedTail());
    }

    @Test
    void shouldKeepChainAcrossRotatedFiles()
    {
        final int count = 300;
        try (AuditTrail audit = AuditTrail.launch(AuditFixture.context(dir).maxFileSize(8192)))
        {
            for (int i = 0; i < count; i++)
            {
                fixture.publish(audit.publisher(), i);
                if (0 == i % 10)
                {
                    AuditFixture.drain(audit);
                }
            }
            AuditFixture.drain(audit);
        }

        final List<Path> files = JournalReader.journalFiles(dir);
        assertTrue(files.size() > 5, "rotated into " + files.size() + " files");
        for (final Path file : files)
        {
            assertTrue(fileSize(file) <= 8192, file + " is " + fileSize(file) + " bytes");
        }
        final JournalVerifyReport report = new JournalReader().verify(files, null);
        assertTrue(report.isValid(), report.issues()::toString);
        assertEquals(count, report.records());
        final List<AuditFixture.Frame> frames = AuditFixture.frames(files);
        for (int i = 0; i < count; i++)
        {
            assertEquals(i + 1, frames.get(i).sequence());
            assertEquals("ORD" + i, frames.get(i).row().get("clOrdId"));
        }

        final List<Path> withoutSecond = new ArrayList<>(files);
        withoutSecond.remove(1);
        final JournalVerifyReport gap = new JournalReader().verify(withoutSecond, null);
        assertFalse(gap.isValid());
        assertEquals(JournalIssue.Kind.FILE_DISCONTINUITY, gap.issues().get(0).kind());
        assertEquals(files.get(2), gap.issues().get(0).file());
    }

    @Test
    void shouldKeepWritingAndVerifyingWhenRotatedFilesAreArchivedAway() throws IOException
    {
        final Path archive = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-archive"));
        try (AuditTrail audit = AuditTrail.launch(AuditFixture.context(dir).maxFileSize(8192)))
        {
            for (int i = 0; i < 200; i++)
            {
                fixture.publish(audit.publisher(), i);
                if (0 == i % 10)
                {
                    AuditFixture.drain(audit);
                }
            }
            AuditFixture.drain(audit);

            // Retention as documented: every file but the newest is closed; move them away while the gateway runs.
            final List<Path> files = JournalReader.journalFiles(dir);
            assertTrue(files.size() > 3, "rotated into " + files.size() + " files");
            for (final Path file : files.subList(0, files.size() - 1))
            {
                Files.move(file, archive.resolve(file.getFileName()));
            }
            for (int i = 200; i < 300; i++)
            {
                fixture.publish(audit.publisher(), i);
            }
            AuditFixture.drain(audit);
        }
        try (AuditTrail reopened = AuditTrail.launch(AuditFixture.context(dir).maxFileSize(8192)))
        {
            fixture.publish(reopened.publisher(), 300);
            AuditFixture.drain(reopened);
        }

        final JournalVerifyReport live = new JournalReader().verify(JournalReader.journalFiles(dir), null);
        assertTrue(live.isValid(), live.issues()::toString);
        final List<Path> all = new ArrayList<>(JournalReader.journalFiles(archive));
        all.addAll(JournalReader.journalFiles(dir));
        final JournalVerifyReport whole = new JournalReader().verify(all, null);
        assertTrue(whole.isValid(), whole.issues()::toString);
        assertEquals(301, whole.records());
    }

    @Test
    void shouldContinueJournalAfterReopenAndCutTornTail() throws IOException
    {
        writeRecords(10);
        final Path file = JournalReader.journalFiles(dir).get(0);
        final AuditFixture.Frame last = AuditFixture.frames(List.of(file)).get(9);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.setLength(last.offset() + 20);
        }

        try (AuditTrail audit = AuditTrail.launch(AuditFixture.context(dir)))
        {
            assertEquals(last.offset() + 20 - last.offset(), audit.writerAgent().journal().truncatedOnOpen());
            assertEquals(10, audit.writerAgent().journal().nextSequence());
            for (int i = 100; i < 105; i++)
            {
                fixture.publish(audit.publisher(), i);
            }
            AuditFixture.drain(audit);
        }

        final JournalVerifyReport report = new JournalReader().verify(JournalReader.journalFiles(dir), null);
        assertTrue(report.isValid(), report.issues()::toString);
        assertEquals(14, report.records());
        final List<AuditFixture.Frame> frames = AuditFixture.frames(JournalReader.journalFiles(dir));
        assertEquals("ORD8", frames.get(8).row().get("clOrdId"));
        assertEquals("ORD100", frames.get(9).row().get("clOrdId"));
        assertEquals(10, frames.get(9).sequence());
    }

    @Test
    void shouldRefuseToReopenJournalDamagedBeforeItsTail() throws IOException
    {
        writeRecords(10);
        final AuditFixture.Frame victim = AuditFixture.frames(JournalReader.journalFiles(dir)).get(3);
        flipByte(victim.file(), victim.offset() + JournalDescriptor.FRAME_HEADER_LENGTH + 20);

        final UncheckedIOException ex = assertThrows(
            UncheckedIOException.class, () -> AuditTrail.launch(AuditFixture.context(dir)));
        assertTrue(ex.getCause().getMessage().contains("BAD_CRC"), ex.getCause().getMessage());
    }

    @Test
    void shouldReleaseHeldMessagesOnlyWhenDurable()
    {
        try (AuditTrail audit = AuditTrail.launch(AuditFixture.context(dir)))
        {
            final DurabilityGate<String> gate = new DurabilityGate<>(audit.durability(), 2);
            final List<String> sent = new ArrayList<>();
            for (int i = 0; i < 5; i++)
            {
                gate.hold(fixture.publish(audit.publisher(), i), "ER" + i);
            }
            assertEquals(0, gate.release(sent::add));
            assertEquals(5, gate.pending());

            AuditFixture.drain(audit);
            assertEquals(5, gate.release(sent::add));
            assertEquals(List.of("ER0", "ER1", "ER2", "ER3", "ER4"), sent);
            assertEquals(0, gate.pending());
        }
    }

    @Test
    void shouldJournalAReportOnlyAfterTheRequestsPublishedBeforeIt()
    {
        try (AuditTrail audit = AuditTrail.launch(AuditFixture.context(dir).batchLimit(64)))
        {
            final AuditFixture reportFixture = new AuditFixture();
            for (int i = 0; i < 200; i += 2)
            {
                fixture.publish(audit.publisher(), i);
            }
            final long reportTicket = reportFixture.publish(audit.reportPublisher(), 1);
            assertEquals(1, reportTicket);

            // One duty cycle takes 64 requests; the report follows request 100, so it waits.
            audit.writerAgent().doWork();
            assertEquals(64, audit.durability().durableTicket());
            assertEquals(0, audit.reportDurability().durableTicket());

            while (!audit.reportDurability().isDurable(reportTicket))
            {
                audit.writerAgent().doWork();
            }
            assertEquals(100, audit.durability().durableTicket());
        }

        final List<AuditFixture.Frame> frames = AuditFixture.frames(JournalReader.journalFiles(dir));
        assertEquals(101, frames.size());
        assertEquals("ORD1", frames.get(100).row().get("clOrdId"));
        assertEquals("EXECUTION_REPORT", frames.get(100).row().get("eventType"));
    }

    @Test
    void shouldReleaseReportsFromASecondThreadOnlyAfterTheirRequestsAreDurable() throws InterruptedException
    {
        final int count = 2000;
        final AtomicReferenceArray<Long> requestTickets = new AtomicReferenceArray<>(count);
        final AtomicInteger violations = new AtomicInteger();
        final AtomicInteger released = new AtomicInteger();
        try (AuditTrail audit = AuditTrail.launch(AuditFixture.context(dir).batchLimit(16)))
        {
            audit.startWriterThread(new BackoffIdleStrategy());
            final OneToOneConcurrentArrayQueue<Integer> handOff = new OneToOneConcurrentArrayQueue<>(count);
            final Thread sender = new Thread(() ->
            {
                final AuditFixture reportFixture = new AuditFixture();
                final DurabilityGate<Integer> gate = new DurabilityGate<>(audit.reportDurability(), 16);
                final Consumer<Integer> check = (i) ->
                {
                    if (!audit.durability().isDurable(requestTickets.get(i)))
                    {
                        violations.incrementAndGet();
                    }
                    released.incrementAndGet();
                };
                int done = 0;
                while (done < count / 2 || gate.pending() > 0)
                {
                    final Integer i = handOff.poll();
                    if (null != i)
                    {
                        gate.hold(reportFixture.publish(audit.reportPublisher(), i + 1), i);
                        done++;
                    }
                    else
                    {
                        Thread.yield();
                    }
                    gate.release(check);
                }
            });
            sender.start();
            for (int i = 0; i < count; i += 2)
            {
                requestTickets.set(i, fixture.publish(audit.publisher(), i));
                while (!handOff.offer(i))
                {
                    Thread.yield();
                }
            }
            sender.join();
        }

        assertEquals(0, violations.get());
        assertEquals(count / 2, released.get());
        final List<AuditFixture.Frame> frames = AuditFixture.frames(JournalReader.journalFiles(dir));
        assertEquals(count, frames.size());
        final Map<String, Integer> position = new HashMap<>();
        for (int f = 0; f < frames.size(); f++)
        {
            final Map<String, String> row = frames.get(f).row();
            final String clOrdId = row.get("clOrdId");
            if ("INBOUND".equals(row.get("direction")))
            {
                position.put(clOrdId, f);
            }
            else
            {
                final String request = "ORD" + (Integer.parseInt(clOrdId.substring(3)) - 1);
                assertTrue(position.containsKey(request), clOrdId + " journalled before " + request);
            }
        }
    }

    private static long fileSize(final Path file)
    {
        try
        {
            return Files.size(file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static void flipByte(final Path file, final long offset) throws IOException
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(offset);
            final int value = raf.read();
            raf.seek(offset);
            raf.write(value ^ 0x01);
        }
    }

    private static void recomputeCrc(final Path file, final long frameOffset, final int recordLength)
        throws IOException
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            final byte[] frame = new byte[JournalDescriptor.FRAME_HEADER_LENGTH + recordLength];
            raf.seek(frameOffset);
            raf.readFully(frame);
            final CRC32C crc = new CRC32C();
            crc.update(frame, 0, 4);
            crc.update(frame, JournalDescriptor.SEQUENCE_OFFSET, frame.length - JournalDescriptor.SEQUENCE_OFFSET);
            final ByteBuffer value = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            value.putInt(0, (int)crc.getValue());
            raf.seek(frameOffset + JournalDescriptor.CRC_OFFSET);
            raf.write(value.array());
        }
    }
}
