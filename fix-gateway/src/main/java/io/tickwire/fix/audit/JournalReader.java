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

import io.tickwire.sbe.audit.AuditRecordDecoder;
import io.tickwire.sbe.audit.ClockSyncEventDecoder;
import io.tickwire.sbe.audit.MessageHeaderDecoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import static io.tickwire.fix.audit.JournalDescriptor.CHAIN_ALGORITHM_OFFSET;
import static io.tickwire.fix.audit.JournalDescriptor.CHAIN_SHA256_CRC32C;
import static io.tickwire.fix.audit.JournalDescriptor.CRC_OFFSET;
import static io.tickwire.fix.audit.JournalDescriptor.FIRST_SEQUENCE_OFFSET;
import static io.tickwire.fix.audit.JournalDescriptor.FRAME_HEADER_LENGTH;
import static io.tickwire.fix.audit.JournalDescriptor.HASH_LENGTH;
import static io.tickwire.fix.audit.JournalDescriptor.HASH_OFFSET;
import static io.tickwire.fix.audit.JournalDescriptor.HEADER_CRC_OFFSET;
import static io.tickwire.fix.audit.JournalDescriptor.HEADER_LENGTH;
import static io.tickwire.fix.audit.JournalDescriptor.HEADER_LENGTH_OFFSET;
import static io.tickwire.fix.audit.JournalDescriptor.JOURNAL_INDEX_OFFSET;
import static io.tickwire.fix.audit.JournalDescriptor.MAGIC;
import static io.tickwire.fix.audit.JournalDescriptor.MAX_RECORD_LENGTH;
import static io.tickwire.fix.audit.JournalDescriptor.MIN_RECORD_LENGTH;
import static io.tickwire.fix.audit.JournalDescriptor.PREVIOUS_HASH_OFFSET;
import static io.tickwire.fix.audit.JournalDescriptor.RECORD_LENGTH_OFFSET;
import static io.tickwire.fix.audit.JournalDescriptor.SEQUENCE_OFFSET;
import static io.tickwire.fix.audit.JournalDescriptor.VERSION;
import static io.tickwire.fix.audit.JournalDescriptor.VERSION_OFFSET;

/**
 * Reads and checks journal files (layout in {@link JournalDescriptor}): every header, length, CRC, sequence and
 * hash, and the continuity from one file to the next. Used by {@code audit verify}/{@code export} and by the
 * writer when it reopens a journal. Each file is read front to back through a bounded window ({@link FileWindow}),
 * so memory does not grow with the file. Not a hot path: plain Java, allocates.
 */
public final class JournalReader
{
    /**
     * Bytes of a journal file held in memory at once by default: a file is read through a window this size (or
     * one frame, if larger), whatever its length.
     */
    public static final int DEFAULT_WINDOW_BYTES = 1 << 20;

    private final int windowBytes;
    private final MessageDigest digest;
    private final CRC32C crc = new CRC32C();
    private final byte[] hash = new byte[HASH_LENGTH];
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();

    /**
     * Create a reader with the {@link #DEFAULT_WINDOW_BYTES default window}.
     */
    public JournalReader()
    {
        this(DEFAULT_WINDOW_BYTES);
    }

    /**
     * Create a reader.
     *
     * @param windowBytes bytes of a file held at once, at least a file header; a larger frame is read whole.
     */
    public JournalReader(final int windowBytes)
    {
        if (windowBytes < HEADER_LENGTH)
        {
            throw new IllegalArgumentException("window of " + windowBytes + " bytes is smaller than the " +
                HEADER_LENGTH + "-byte file header");
        }
        this.windowBytes = windowBytes;
        digest = sha256();
    }

    static MessageDigest sha256()
    {
        try
        {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 unavailable", ex);
        }
    }

    /**
     * The journal files in a directory, in journal index order.
     *
     * @param directory the directory.
     * @return the files.
     */
    public static List<Path> journalFiles(final Path directory)
    {
        try (Stream<Path> stream = Files.list(directory))
        {
            return stream
                .filter((file) -> JournalDescriptor.journalIndex(file) >= 0)
                .sorted((a, b) -> Long.compare(JournalDescriptor.journalIndex(a), JournalDescriptor.journalIndex(b)))
                .toList();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Check a sequence of files as one journal and visit every valid frame.
     *
     * @param files   the files, in journal order.
     * @param visitor called for every valid frame, may be null.
     * @return the report.
     */
    public JournalVerifyReport verify(final List<Path> files, final JournalFrameVisitor visitor)
    {
        final List<JournalFileScan> scans = new ArrayList<>();
        final List<JournalIssue> issues = new ArrayList<>();
        long records = 0;
        JournalFileScan previous = null;
        for (final Path file : files)
        {
            final JournalFileScan scan = scanFile(file, visitor);
            scans.add(scan);
            records += scan.frames();
            if (null != previous && null != scan.previousHash() && null != previous.lastHash())
            {
                if (scan.journalIndex() != previous.journalIndex() + 1 ||
                    scan.firstSequence() != previous.lastSequence() + 1 ||
                    !Arrays.equals(scan.previousHash(), previous.lastHash()))
                {
                    issues.add(new JournalIssue(
                        JournalIssue.Kind.FILE_DISCONTINUITY, file, 0, scan.firstSequence(),
                        "does not continue " + previous.file() + ": index " + scan.journalIndex() + " after " +
                        previous.journalIndex() + ", first sequence " + scan.firstSequence() + " after " +
                        previous.lastSequence() + ", previous hash " +
                        (Arrays.equals(scan.previousHash(), previous.lastHash()) ? "matches" : "differs")));
                }
            }
            final long nameIndex = JournalDescriptor.journalIndex(file);
            if (scan.journalIndex() >= 0 && nameIndex >= 0 && scan.journalIndex() != nameIndex)
            {
                issues.add(new JournalIssue(JournalIssue.Kind.INDEX_MISMATCH, file, JOURNAL_INDEX_OFFSET, 0,
                    "header names journal index " + scan.journalIndex() + " but the file name index " + nameIndex +
                    ": files renamed or swapped"));
            }
            if (null != scan.issue())
            {
                issues.add(scan.issue());
            }
            previous = scan;
        }

        return new JournalVerifyReport(scans, issues, records);
    }

    /**
     * Scan one file on its own: the chain starts from the previous hash in its header.
     *
     * @param file    the file.
     * @param visitor called for every valid frame, may be null.
     * @return the scan.
     */
    public JournalFileScan scanFile(final Path file, final JournalFrameVisitor visitor)
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final long fileLength = channel.size();
            final FileWindow window = new FileWindow(channel, windowBytes);
            try
            {
                return scan(file, fileLength, window, visitor);
            }
            catch (final IOException ex)
            {
                // The file was cut or became unreadable while being read: what was read so far is reported.
                return badHeader(file, fileLength, "cannot read: " + ex);
            }
        }
        catch (final IOException ex)
        {
            return badHeader(file, 0, "cannot read: " + ex);
        }
    }

    private JournalFileScan scan(
        final Path file, final long fileLength, final FileWindow window, final JournalFrameVisitor visitor)
        throws IOException
    {
        if (fileLength < HEADER_LENGTH)
        {
            return badHeader(file, fileLength, "file of " + fileLength + " bytes is shorter than the " +
                HEADER_LENGTH + "-byte header");
        }
        final int headerOffset = window.span(0, HEADER_LENGTH);
        final byte[] headerBytes = window.bytes();
        final UnsafeBuffer headerBuffer = window.buffer();
        if (!Arrays.equals(headerBytes, headerOffset, headerOffset + MAGIC.length, MAGIC, 0, MAGIC.length))
        {
            return badHeader(file, fileLength, "bad magic");
        }
        crc.reset();
        crc.update(headerBytes, headerOffset, HEADER_CRC_OFFSET);
        if ((int)crc.getValue() != headerBuffer.getInt(headerOffset + HEADER_CRC_OFFSET, ByteOrder.LITTLE_ENDIAN))
        {
            return badHeader(file, fileLength, "header CRC mismatch");
        }
        final int version = headerBuffer.getInt(headerOffset + VERSION_OFFSET, ByteOrder.LITTLE_ENDIAN);
        if (VERSION != version ||
            HEADER_LENGTH != headerBuffer.getInt(headerOffset + HEADER_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN) ||
            CHAIN_SHA256_CRC32C != headerBuffer.getInt(headerOffset + CHAIN_ALGORITHM_OFFSET, ByteOrder.LITTLE_ENDIAN))
        {
            return badHeader(file, fileLength, "unsupported version " + version + " or layout");
        }

        final long journalIndex = headerBuffer.getLong(headerOffset + JOURNAL_INDEX_OFFSET, ByteOrder.LITTLE_ENDIAN);
        final long firstSequence =
            headerBuffer.getLong(headerOffset + FIRST_SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
        final byte[] previousHash = Arrays.copyOfRange(
            headerBytes, headerOffset + PREVIOUS_HASH_OFFSET, headerOffset + PREVIOUS_HASH_OFFSET + HASH_LENGTH);
        final byte[] lastHash = previousHash.clone();

        long offset = HEADER_LENGTH;
        long expectedSequence = firstSequence;
        long frames = 0;
        JournalIssue issue = null;
        while (offset < fileLength)
        {
            if (fileLength - offset < FRAME_HEADER_LENGTH)
            {
                issue = new JournalIssue(JournalIssue.Kind.TRUNCATED, file, offset, expectedSequence,
                    "file ends " + (fileLength - offset) + " bytes into a frame header");
                break;
            }
            final int lengthAt = window.span(offset, FRAME_HEADER_LENGTH);
            final int recordLength =
                window.buffer().getInt(lengthAt + RECORD_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN);
            if (recordLength < MIN_RECORD_LENGTH || recordLength > MAX_RECORD_LENGTH)
            {
                issue = new JournalIssue(JournalIssue.Kind.BAD_LENGTH, file, offset, expectedSequence,
                    "record length " + recordLength + " outside [" + MIN_RECORD_LENGTH + ", " +
                    MAX_RECORD_LENGTH + "]");
                break;
            }
            final long frameEnd = offset + FRAME_HEADER_LENGTH + recordLength;
            if (frameEnd > fileLength)
            {
                issue = new JournalIssue(JournalIssue.Kind.TRUNCATED, file, offset, expectedSequence,
                    "frame of " + (FRAME_HEADER_LENGTH + recordLength) + " bytes but only " + (fileLength - offset) +
                    " bytes remain");
                break;
            }

            // The whole frame in the window: it may straddle the window's end, in which case it moves to its start.
            final int frameOffset = window.span(offset, FRAME_HEADER_LENGTH + recordLength);
            final byte[] bytes = window.bytes();
            final UnsafeBuffer buffer = window.buffer();
            crc.reset();
            crc.update(bytes, frameOffset + RECORD_LENGTH_OFFSET, 4);
            crc.update(bytes, frameOffset + SEQUENCE_OFFSET, FRAME_HEADER_LENGTH - SEQUENCE_OFFSET + recordLength);
            if ((int)crc.getValue() != buffer.getInt(frameOffset + CRC_OFFSET, ByteOrder.LITTLE_ENDIAN))
            {
                issue = new JournalIssue(JournalIssue.Kind.BAD_CRC, file, offset, expectedSequence,
                    "CRC32C mismatch: frame corrupted or altered");
                break;
            }

            final long sequence = buffer.getLong(frameOffset + SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
            if (sequence != expectedSequence)
            {
                issue = new JournalIssue(JournalIssue.Kind.SEQUENCE_GAP, file, offset, expectedSequence,
                    "frame sequence " + sequence + ", expected " + expectedSequence);
                break;
            }

            final int recordOffset = frameOffset + FRAME_HEADER_LENGTH;
            chainHash(lastHash, bytes, frameOffset + SEQUENCE_OFFSET, recordOffset, recordLength, hash);
            if (!Arrays.equals(hash, 0, HASH_LENGTH, bytes, frameOffset + HASH_OFFSET, frameOffset + HASH_OFFSET +
                HASH_LENGTH))
            {
                issue = new JournalIssue(JournalIssue.Kind.CHAIN_BROKEN, file, offset, expectedSequence,
                    "hash does not continue the chain: record altered (CRC recomputed), removed or reordered");
                break;
            }

            final long recordSequence = embeddedSequence(buffer, recordOffset, recordLength);
            if (recordSequence >= 0 && recordSequence != sequence)
            {
                issue = new JournalIssue(JournalIssue.Kind.SEQUENCE_GAP, file, offset, expectedSequence,
                    "record carries sequence " + recordSequence + " in frame " + sequence);
                break;
            }

            System.arraycopy(hash, 0, lastHash, 0, HASH_LENGTH);
            if (null != visitor)
            {
                visitor.onFrame(file, offset, sequence, buffer, recordOffset, recordLength);
            }
            frames++;
            expectedSequence++;
            offset = frameEnd;
        }

        return new JournalFileScan(
            file, journalIndex, firstSequence, previousHash, offset, fileLength, frames, expectedSequence - 1,
            lastHash, issue);
    }

    void chainHash(
        final byte[] previousHash,
        final byte[] bytes,
        final int sequenceOffset,
        final int recordOffset,
        final int recordLength,
        final byte[] out)
    {
        digest.reset();
        digest.update(previousHash, 0, HASH_LENGTH);
        digest.update(bytes, sequenceOffset, 8);
        digest.update(bytes, recordOffset, recordLength);
        try
        {
            digest.digest(out, 0, HASH_LENGTH);
        }
        catch (final DigestException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private long embeddedSequence(final UnsafeBuffer buffer, final int recordOffset, final int recordLength)
    {
        if (recordLength < MessageHeaderDecoder.ENCODED_LENGTH + 8)
        {
            return -1;
        }
        headerDecoder.wrap(buffer, recordOffset);
        final int templateId = headerDecoder.templateId();
        if (AuditRecordDecoder.SCHEMA_ID != headerDecoder.schemaId() ||
            (AuditRecordDecoder.TEMPLATE_ID != templateId && ClockSyncEventDecoder.TEMPLATE_ID != templateId))
        {
            return -1;
        }
        return buffer.getLong(recordOffset + MessageHeaderDecoder.ENCODED_LENGTH, ByteOrder.LITTLE_ENDIAN);
    }

    private static JournalFileScan badHeader(final Path file, final long fileLength, final String message)
    {
        return new JournalFileScan(file, -1, 0, null, 0, fileLength, 0, 0, null,
            new JournalIssue(JournalIssue.Kind.BAD_HEADER, file, 0, 0, message));
    }
}
