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

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tickwire.sbe.audit.AuditRecordDecoder;
import io.tickwire.sbe.audit.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzz targets for the audit journal's reader and verifier ({@link JournalReader}) and for the
 * writer reopening a journal ({@link JournalWriter}), over a valid journal damaged as the input says. In
 * {@code mvn verify} they replay the seed corpus under
 * {@code src/test/resources/io/tickwire/fix/audit/JournalFuzzTestInputs/} (files at its top level are shared by both
 * targets); docs/HARDENING.md says how to fuzz them for real.
 * <p>
 * The input is a list of edits applied to one journal file of {@link #RECORDS} valid records: flip a byte,
 * overwrite bytes, append bytes, truncate (see {@link #damage}). Properties of {@link #verifyDamagedJournal}:
 * nothing throws; the scan is consistent (valid frames visited once each, back to back from the header, up to the
 * valid length, where the one issue is, at offset 0 for a bad header); every frame before the first damaged byte is
 * still read; and damage no forger could hide is reported where it is: an unchanged file verifies, a cut file is
 * truncated at the frame it cuts (or verifies when cut between frames), bytes too few for a frame appended to the
 * file are truncated at its old end, and one changed byte is reported at its frame (or the header, except in the
 * header's unused tail). Properties of {@link #reopenDamagedJournal}: the writer either refuses the journal with an
 * {@link IOException} naming the damage, or opens it (dropping a torn tail) so that after one more record the
 * journal verifies.
 */
class JournalFuzzTest
{
    /** Records in the journal the edits damage. */
    static final int RECORDS = 5;

    private static final int EDIT_FLIP = 0;
    private static final int EDIT_OVERWRITE = 1;
    private static final int EDIT_APPEND = 2;
    /** The header bytes after its CRC, which nothing reads. */
    private static final int HEADER_UNUSED_FROM = JournalDescriptor.HEADER_CRC_OFFSET + 4;
    private static final int MIN_FRAME = JournalDescriptor.FRAME_HEADER_LENGTH + JournalDescriptor.MIN_RECORD_LENGTH;

    private static byte[] original;
    private static long[] frameOffsets;

    @FuzzTest(maxDuration = "60s")
    void verifyDamagedJournal(final byte[] input) throws IOException
    {
        final byte[] journal = original();
        final byte[] damaged = damage(journal, input);
        final Path dir = Files.createTempDirectory("tickwire-journal-fuzz");
        try
        {
            final Path file = dir.resolve(JournalDescriptor.fileName(0));
            Files.write(file, damaged);
            final List<long[]> visited = new ArrayList<>();
            final JournalVerifyReport report = new JournalReader().verify(List.of(file),
                (path, frameOffset, sequence, buffer, recordOffset, recordLength) ->
                    visited.add(new long[] {frameOffset, sequence, recordLength}));

            assertEquals(1, report.files().size());
            final JournalFileScan scan = report.files().get(0);
            assertConsistent(scan, visited, damaged.length);
            assertEquals(scan.frames(), report.records());
            assertEquals(null == scan.issue() ? List.of() : List.of(scan.issue()), report.issues());
            assertDamageFound(journal, damaged, scan);
        }
        finally
        {
            delete(dir);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void reopenDamagedJournal(final byte[] input) throws IOException
    {
        final byte[] damaged = damage(original(), input);
        final Path dir = Files.createTempDirectory("tickwire-journal-fuzz");
        try
        {
            Files.write(dir.resolve(JournalDescriptor.fileName(0)), damaged);
            final JournalWriter writer;
            try
            {
                writer = new JournalWriter(dir, 1 << 20, () -> 1_763_600_000_000_000L);
            }
            catch (final IOException ex)
            {
                assertTrue(ex.getMessage().startsWith("journal damaged, run 'audit verify': "), ex.toString());
                return;
            }
            try (writer)
            {
                final byte[] record = record(RECORDS + 1);
                writer.append(new UnsafeBuffer(record), 0, record.length);
                writer.commit();
            }
            final JournalVerifyReport report = new JournalReader().verify(JournalReader.journalFiles(dir), null);
            assertTrue(report.isValid(), () -> "reopened journal does not verify: " + report.issues());
        }
        finally
        {
            delete(dir);
        }
    }

    /**
     * Apply the edits an input describes: each starts with a byte whose low two bits choose flip (position u16,
     * mask), overwrite (position u16, count, bytes), append (count, bytes) or truncate (position u16), positions
     * taken modulo the file's length.
     */
    static byte[] damage(final byte[] journal, final byte[] input)
    {
        byte[] bytes = journal.clone();
        int i = 0;
        while (i < input.length)
        {
            final int edit = input[i++] & 0x03;
            final int position = u16(input, i);
            switch (edit)
            {
                case EDIT_FLIP:
                    i += 2;
                    if (bytes.length > 0)
                    {
                        final int mask = i < input.length ? input[i++] : 0;
                        bytes[position % bytes.length] ^= (byte)(0 == mask ? 1 : mask);
                    }
                    break;

                case EDIT_OVERWRITE:
                    i += 2;
                    final int count = Math.min(i < input.length ? input[i++] & 0xFF : 0, input.length - i);
                    for (int j = 0; j < count && bytes.length > 0; j++)
                    {
                        bytes[(position + j) % bytes.length] = input[i + j];
                    }
                    i += count;
                    break;

                case EDIT_APPEND:
                    final int appended = Math.min(i < input.length ? input[i++] & 0xFF : 0, input.length - i);
                    final byte[] longer = Arrays.copyOf(bytes, bytes.length + appended);
                    System.arraycopy(input, i, longer, bytes.length, appended);
                    bytes = longer;
                    i += appended;
                    break;

                default:
                    // Truncate.
                    i += 2;
                    bytes = Arrays.copyOf(bytes, position % (bytes.length + 1));
                    break;
            }
        }
        return bytes;
    }

    private static void assertConsistent(final JournalFileScan scan, final List<long[]> visited, final int length)
    {
        assertEquals(length, scan.fileLength());
        assertEquals(scan.frames(), visited.size(), "visitor calls");
        assertTrue(scan.validLength() <= length);
        if (null == scan.issue())
        {
            assertEquals(length, scan.validLength(), "no issue, yet not all of the file is valid");
        }
        else if (JournalIssue.Kind.BAD_HEADER == scan.issue().kind())
        {
            assertEquals(0, scan.issue().offset());
            assertEquals(0, scan.frames());
            assertNull(scan.lastHash());
        }
        else
        {
            assertEquals(scan.validLength(), scan.issue().offset(), "issue not where the valid part ends");
        }
        if (null != scan.lastHash())
        {
            long expectedOffset = JournalDescriptor.HEADER_LENGTH;
            long expectedSequence = scan.firstSequence();
            for (final long[] frame : visited)
            {
                assertEquals(expectedOffset, frame[0], "frames not back to back");
                assertEquals(expectedSequence++, frame[1]);
                expectedOffset += JournalDescriptor.frameLength((int)frame[2]);
            }
            assertEquals(scan.validLength(), expectedOffset);
            assertEquals(scan.firstSequence() + scan.frames() - 1, scan.lastSequence());
        }
    }

    private static void assertDamageFound(final byte[] journal, final byte[] damaged, final JournalFileScan scan)
    {
        final int common = Math.min(journal.length, damaged.length);
        int first = 0;
        while (first < common && journal[first] == damaged[first])
        {
            first++;
        }
        if (first == journal.length && first == damaged.length)
        {
            assertNull(scan.issue(), "an intact journal reported " + scan.issue());
            assertEquals(RECORDS, scan.frames());
            return;
        }

        final int intactFrames = framesEndingBy(first);
        if (first >= JournalDescriptor.HEADER_LENGTH)
        {
            assertTrue(scan.frames() >= intactFrames, "frames before the damage at " + first + " lost");
            assertNotNull(scan.lastHash());
        }

        final int issueOffset = null == scan.issue() ? -1 : (int)scan.issue().offset();
        if (first == damaged.length)
        {
            // Cut short and nothing else.
            if (damaged.length < JournalDescriptor.HEADER_LENGTH)
            {
                assertEquals(JournalIssue.Kind.BAD_HEADER, scan.issue().kind());
            }
            else if (isFrameBoundary(damaged.length))
            {
                assertNull(scan.issue(), "a journal cut between frames is a shorter valid journal");
                assertEquals(intactFrames, scan.frames());
            }
            else
            {
                assertEquals(JournalIssue.Kind.TRUNCATED, scan.issue().kind());
                assertEquals(frameOffsets[intactFrames], issueOffset);
            }
        }
        else if (first == journal.length)
        {
            // Bytes appended and nothing else: at most frames that continue the chain, which need a hash.
            assertTrue(scan.frames() >= RECORDS);
            if (damaged.length - journal.length < MIN_FRAME)
            {
                assertEquals(journal.length, issueOffset, "appended bytes not reported at the old end");
            }
        }
        else if (damaged.length == journal.length && differences(journal, damaged) == 1)
        {
            if (first < HEADER_UNUSED_FROM)
            {
                assertEquals(JournalIssue.Kind.BAD_HEADER, scan.issue().kind());
            }
            else if (first >= JournalDescriptor.HEADER_LENGTH)
            {
                assertEquals(frameOffsets[intactFrames], issueOffset, "one changed byte at " + first);
            }
        }
    }

    private static int framesEndingBy(final int offset)
    {
        int frames = 0;
        while (frames < RECORDS && frameOffsets[frames + 1] <= offset)
        {
            frames++;
        }
        return frames;
    }

    private static boolean isFrameBoundary(final int offset)
    {
        for (final long frameOffset : frameOffsets)
        {
            if (frameOffset == offset)
            {
                return true;
            }
        }
        return false;
    }

    private static int differences(final byte[] a, final byte[] b)
    {
        int count = 0;
        for (int i = 0; i < a.length; i++)
        {
            count += a[i] != b[i] ? 1 : 0;
        }
        return count;
    }

    private static int u16(final byte[] input, final int i)
    {
        return (i < input.length ? (input[i] & 0xFF) << 8 : 0) | (i + 1 < input.length ? input[i + 1] & 0xFF : 0);
    }

    /**
     * The journal every input damages, written once: {@link #RECORDS} records, audit-schema records (whose own
     * sequence the reader checks) and opaque ones, of different lengths.
     */
    static synchronized byte[] original()
    {
        if (null == original)
        {
            try
            {
                final Path dir = Files.createTempDirectory("tickwire-journal-fuzz");
                try (JournalWriter writer = new JournalWriter(dir, 1 << 20, () -> 1_763_600_000_000_000L))
                {
                    for (int i = 1; i <= RECORDS; i++)
                    {
                        final byte[] record = record(i);
                        writer.append(new UnsafeBuffer(record), 0, record.length);
                    }
                    writer.commit();
                }
                final List<Path> files = JournalReader.journalFiles(dir);
                assertEquals(1, files.size());
                final byte[] bytes = Files.readAllBytes(files.get(0));
                final long[] offsets = new long[RECORDS + 1];
                final int[] next = {0};
                final JournalVerifyReport report = new JournalReader().verify(files,
                    (path, frameOffset, sequence, buffer, recordOffset, recordLength) ->
                        offsets[next[0]++] = frameOffset);
                assertTrue(report.isValid());
                offsets[RECORDS] = bytes.length;
                delete(dir);
                frameOffsets = offsets;
                original = bytes;
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
        return original;
    }

    /**
     * Where a frame of the journal every input damages starts.
     *
     * @param frame from 0; {@link #RECORDS} gives the end of the file.
     * @return its offset in the file.
     */
    static long frameOffset(final int frame)
    {
        original();
        return frameOffsets[frame];
    }

    /**
     * Record {@code i}: even ones carry the audit schema's header and a sequence field, odd ones are opaque.
     */
    static byte[] record(final int i)
    {
        final byte[] record = new byte[MessageHeaderEncoder.ENCODED_LENGTH + 8 + 3 * i];
        final UnsafeBuffer buffer = new UnsafeBuffer(record);
        if (0 == i % 2)
        {
            new MessageHeaderEncoder().wrap(buffer, 0)
                .blockLength(8 + 3 * i)
                .templateId(AuditRecordDecoder.TEMPLATE_ID)
                .schemaId(AuditRecordDecoder.SCHEMA_ID)
                .version(AuditRecordDecoder.SCHEMA_VERSION);
        }
        for (int j = MessageHeaderEncoder.ENCODED_LENGTH + 8; j < record.length; j++)
        {
            record[j] = (byte)(i * 31 + j);
        }
        return record;
    }

    private static void delete(final Path dir) throws IOException
    {
        try (Stream<Path> paths = Files.walk(dir))
        {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(path);
            }
        }
    }
}
