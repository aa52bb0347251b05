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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Journal files read through a window much smaller than the file: frames straddle the window's end, some frames
 * are larger than the window, and a damaged frame across a window boundary is reported where it is.
 */
@Timeout(60)
class JournalReaderWindowTest
{
    private static final int WINDOW = 1024;
    private static final int RECORDS = 3_000;

    @TempDir
    Path dir;

    @Test
    void shouldReadTheSameFramesThroughAnyWindow() throws IOException
    {
        final List<byte[]> written = writeJournal();
        final List<Path> files = JournalReader.journalFiles(dir);
        assertEquals(1, files.size());
        final byte[] file = Files.readAllBytes(files.get(0));
        assertTrue(file.length > 1000 * WINDOW, "file of " + file.length + " bytes");

        final JournalVerifyReport whole = new JournalReader(file.length).verify(files, null);
        assertTrue(whole.isValid(), whole.issues()::toString);
        for (final int window : new int[]{ JournalDescriptor.HEADER_LENGTH, WINDOW, 4093, 1 << 16 })
        {
            final List<Long> offsets = new ArrayList<>();
            final List<byte[]> records = new ArrayList<>();
            final JournalVerifyReport report = new JournalReader(window).verify(files,
                (path, frameOffset, sequence, buffer, offset, length) ->
                {
                    offsets.add(frameOffset);
                    final byte[] record = new byte[length];
                    buffer.getBytes(offset, record);
                    records.add(record);
                });

            assertTrue(report.isValid(), report.issues()::toString);
            assertEquals(RECORDS, report.records(), "window " + window);
            assertArrayEquals(whole.files().get(0).lastHash(), report.files().get(0).lastHash(), "window " + window);
            assertEquals(whole.files().get(0).validLength(), report.files().get(0).validLength());
            int straddling = 0;
            for (int i = 0; i < RECORDS; i++)
            {
                final long frameOffset = offsets.get(i);
                final int recordAt = (int)frameOffset + JournalDescriptor.FRAME_HEADER_LENGTH;
                assertArrayEquals(written.get(i), records.get(i), "record " + i + ", window " + window);
                assertArrayEquals(Arrays.copyOfRange(file, recordAt, recordAt + records.get(i).length),
                    records.get(i), "the bytes at the frame's file offset, record " + i);
                final long frameEnd = recordAt + records.get(i).length;
                straddling += frameOffset / window != (frameEnd - 1) / window ? 1 : 0;
            }
            assertTrue(straddling > 10, "frames across a multiple of the window " + window + ": " + straddling);
        }
    }

    @Test
    void shouldReportADamagedFrameAcrossAWindowBoundaryAtItsOffset() throws IOException
    {
        writeJournal();
        final List<Path> files = JournalReader.journalFiles(dir);
        final List<Long> offsets = new ArrayList<>();
        final List<Integer> lengths = new ArrayList<>();
        new JournalReader().verify(files, (path, frameOffset, sequence, buffer, offset, length) ->
        {
            offsets.add(frameOffset);
            lengths.add(length);
        });
        // A frame in the second half of the file that crosses a multiple of the window, damaged just after it.
        int victim = RECORDS / 2;
        while (offsets.get(victim) / WINDOW == (offsets.get(victim) + JournalDescriptor.FRAME_HEADER_LENGTH +
            lengths.get(victim) - 1) / WINDOW || lengths.get(victim) > WINDOW)
        {
            victim++;
        }
        final long boundary = (offsets.get(victim) / WINDOW + 1) * WINDOW;
        final long recordAt = offsets.get(victim) + JournalDescriptor.FRAME_HEADER_LENGTH;
        JournalTest.flipByte(files.get(0), Math.max(boundary, recordAt));

        for (final int window : new int[]{ WINDOW, 1 << 20 })
        {
            final JournalVerifyReport report = new JournalReader(window).verify(files, null);
            assertFalse(report.isValid());
            assertEquals(1, report.issues().size(), report.issues()::toString);
            final JournalIssue issue = report.issues().get(0);
            assertEquals(JournalIssue.Kind.BAD_CRC, issue.kind(), issue.toString());
            assertEquals((long)offsets.get(victim), issue.offset(), "window " + window);
            assertEquals(victim + 1, issue.sequence());
            assertEquals(victim, report.records());
        }
    }

    @Test
    void shouldReadTheSameSealsThroughASmallWindowAndReportADamagedOneAtItsOffset() throws IOException
    {
        final Path journal = dir.resolve("journal");
        final AuditSealKey key = AuditSealKey.loadOrCreate(dir.resolve("seal.key"), journal);
        final UnsafeBuffer record = new UnsafeBuffer(new byte[64]);
        try (JournalWriter writer = new JournalWriter(journal, 1L << 30, () -> 1_763_600_000_000_000L)
            .sealWith(key, 1))
        {
            // Past the seal made at open, then 10 ns apart: every commit is due a seal with an interval of 1 ns.
            final long start = System.nanoTime() + 1_000_000_000L;
            for (int i = 0; i < 300; i++)
            {
                writer.append(record, 0, 16 + i % 48);
                writer.commit();
                assertTrue(writer.sealIfDue(start + 10L * i));
            }
        }
        final Path sealFile = journal.resolve(SealDescriptor.FILE_NAME);
        final int window = 100;
        assertTrue(Files.size(sealFile) > 100L * window, "seal file of " + Files.size(sealFile) + " bytes");

        final SealFileReader.Result whole = SealFileReader.read(sealFile, key);
        final SealFileReader.Result windowed = SealFileReader.read(sealFile, key, window);
        assertTrue(whole.issues().isEmpty(), whole.issues()::toString);
        assertTrue(windowed.issues().isEmpty(), windowed.issues()::toString);
        assertEquals(whole.count(), windowed.count());
        assertEquals(whole.seals().size(), windowed.seals().size());
        for (int i = 0; i < whole.seals().size(); i++)
        {
            final SealFileReader.Seal expected = whole.seals().get(i);
            final SealFileReader.Seal actual = windowed.seals().get(i);
            assertEquals(expected.offset(), actual.offset());
            assertEquals(expected.sealSequence(), actual.sealSequence());
            assertEquals(expected.recordSequence(), actual.recordSequence());
            assertEquals(expected.position(), actual.position());
            assertArrayEquals(expected.headHash(), actual.headHash());
        }

        final SealFileReader.Seal victim = whole.seals().get(whole.seals().size() / 2);
        JournalTest.flipByte(sealFile, victim.offset() + SealDescriptor.SEAL_LENGTH / 2);
        for (final SealFileReader.Result damaged :
            List.of(SealFileReader.read(sealFile, key), SealFileReader.read(sealFile, key, window)))
        {
            assertEquals(1, damaged.issues().size(), damaged.issues()::toString);
            assertEquals(JournalIssue.Kind.SEAL_MAC_INVALID, damaged.issues().get(0).kind());
            assertEquals(victim.offset(), damaged.issues().get(0).offset());
        }
    }

    @Test
    void shouldRefuseAWindowSmallerThanTheFileHeader()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new JournalReader(JournalDescriptor.HEADER_LENGTH - 1));
        assertTrue(ex.getMessage().contains("header"), ex.getMessage());
    }

    /**
     * Records of 8 to 1,500 bytes, every 200th of 3,000 to 5,000 bytes (larger than the window), none an SBE
     * audit record (their first bytes are zero) so they are journalled as given.
     */
    private List<byte[]> writeJournal() throws IOException
    {
        final List<byte[]> written = new ArrayList<>();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[8192]);
        try (JournalWriter writer = new JournalWriter(dir, 1L << 30, () -> 1_763_600_000_000_000L))
        {
            for (int i = 0; i < RECORDS; i++)
            {
                final int length = 0 == i % 200 ? 3000 + (i * 7) % 2000 : 8 + (i * 37) % 1493;
                final byte[] record = new byte[length];
                for (int j = 8; j < length; j++)
                {
                    record[j] = (byte)(i * 31 + j);
                }
                buffer.putBytes(0, record);
                writer.append(buffer, 0, length);
                written.add(record);
                if (0 == i % 50)
                {
                    writer.commit();
                }
            }
            writer.commit();
        }
        return written;
    }
}
