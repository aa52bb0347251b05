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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Binary layout of the audit journal, version {@value #VERSION}. All integers little-endian.
 * <p>
 * A journal is a sequence of files {@code audit-NNNNNNNNNN.journal} (journal index, from 0). Each file is a
 * header followed by frames, appended only; a file is closed and the next one started when the next frame would
 * take it past the configured size. Records are numbered contiguously across files from 1, and a SHA-256 hash
 * chain runs through every record of every file: the chain of file n+1 starts from the last hash of file n,
 * which file n+1's header repeats.
 * <pre>
 * File header ({@value #HEADER_LENGTH} bytes)
 *   0  magic            8 bytes  ASCII "TWAUDJNL"
 *   8  version          int32    {@value #VERSION}
 *  12  headerLength     int32    {@value #HEADER_LENGTH}
 *  16  journalIndex     int64    file number, from 0
 *  24  firstSequence    int64    sequence of the first frame of this file
 *  32  createdMicros    int64    UTC micros when the file was created
 *  40  sbeSchemaId      uint16   schema of the records (audit schema id 2)
 *  42  sbeSchemaVersion uint16
 *  44  chainAlgorithm   int32    1 = SHA-256 chain, CRC32C frames
 *  48  previousHash     32 bytes last hash of the previous file, zeros for file 0
 *  80  headerCrc        int32    CRC32C of bytes [0, 80)
 *  84  reserved         zeros to {@value #HEADER_LENGTH}
 *
 * Frame ({@value #FRAME_HEADER_LENGTH} bytes + record)
 *   0  recordLength     int32    length of the record bytes
 *   4  crc              int32    CRC32C of bytes [0, 4) and [8, 48 + recordLength)
 *   8  sequence         int64    record sequence, contiguous from 1 across files
 *  16  hash             32 bytes SHA-256(previous hash || sequence (8 bytes LE) || record)
 *  48  record           SBE message header + AuditRecord or ClockSyncEvent; its recordSequence = sequence
 * </pre>
 * The CRC detects accidental corruption and torn writes; the hash chain detects deliberate edits (a record
 * changed and its CRC recomputed breaks every later hash) and deletions (sequence gap, chain break). A file that
 * ends inside a frame is truncated at that frame's offset (the tail of a crash; the writer cuts it off when it
 * reopens the journal, and it was never reported durable).
 */
public final class JournalDescriptor
{
    /**
     * Layout version written in every header.
     */
    public static final int VERSION = 1;

    /**
     * Magic bytes at the start of every file.
     */
    public static final byte[] MAGIC = "TWAUDJNL".getBytes(StandardCharsets.US_ASCII);

    /**
     * Offset of the magic.
     */
    public static final int MAGIC_OFFSET = 0;

    /**
     * Offset of the version.
     */
    public static final int VERSION_OFFSET = 8;

    /**
     * Offset of the header length.
     */
    public static final int HEADER_LENGTH_OFFSET = 12;

    /**
     * Offset of the journal index.
     */
    public static final int JOURNAL_INDEX_OFFSET = 16;

    /**
     * Offset of the first sequence.
     */
    public static final int FIRST_SEQUENCE_OFFSET = 24;

    /**
     * Offset of the creation time.
     */
    public static final int CREATED_MICROS_OFFSET = 32;

    /**
     * Offset of the SBE schema id.
     */
    public static final int SBE_SCHEMA_ID_OFFSET = 40;

    /**
     * Offset of the SBE schema version.
     */
    public static final int SBE_SCHEMA_VERSION_OFFSET = 42;

    /**
     * Offset of the chain algorithm.
     */
    public static final int CHAIN_ALGORITHM_OFFSET = 44;

    /**
     * Offset of the previous file's last hash.
     */
    public static final int PREVIOUS_HASH_OFFSET = 48;

    /**
     * Offset of the header CRC.
     */
    public static final int HEADER_CRC_OFFSET = 80;

    /**
     * Length of the file header.
     */
    public static final int HEADER_LENGTH = 128;

    /**
     * Chain algorithm 1: SHA-256 hash chain, CRC32C frame checksums.
     */
    public static final int CHAIN_SHA256_CRC32C = 1;

    /**
     * Length of a hash.
     */
    public static final int HASH_LENGTH = 32;

    /**
     * Offset of the record length in a frame.
     */
    public static final int RECORD_LENGTH_OFFSET = 0;

    /**
     * Offset of the CRC in a frame.
     */
    public static final int CRC_OFFSET = 4;

    /**
     * Offset of the sequence in a frame.
     */
    public static final int SEQUENCE_OFFSET = 8;

    /**
     * Offset of the hash in a frame.
     */
    public static final int HASH_OFFSET = 16;

    /**
     * Length of the frame header; the record follows.
     */
    public static final int FRAME_HEADER_LENGTH = HASH_OFFSET + HASH_LENGTH;

    /**
     * Smallest valid record: an SBE message header.
     */
    public static final int MIN_RECORD_LENGTH = 8;

    /**
     * Largest valid record: larger lengths are treated as corruption.
     */
    public static final int MAX_RECORD_LENGTH = 16 * 1024 * 1024;

    /**
     * Smallest permitted file size: a header and one maximum frame are not required to fit, but a header and
     * a small frame are.
     */
    public static final long MIN_FILE_SIZE = 4096;

    /**
     * File name prefix.
     */
    public static final String FILE_PREFIX = "audit-";

    /**
     * File name suffix.
     */
    public static final String FILE_SUFFIX = ".journal";

    private JournalDescriptor()
    {
    }

    /**
     * Total length of a frame carrying a record.
     *
     * @param recordLength the record length.
     * @return the frame length.
     */
    public static int frameLength(final int recordLength)
    {
        return FRAME_HEADER_LENGTH + recordLength;
    }

    /**
     * File name of a journal index.
     *
     * @param journalIndex the index.
     * @return e.g. {@code audit-0000000003.journal}.
     */
    public static String fileName(final long journalIndex)
    {
        return FILE_PREFIX + String.format("%010d", journalIndex) + FILE_SUFFIX;
    }

    /**
     * Journal index of a file name, or -1 when the name is not a journal file name.
     *
     * @param file the file.
     * @return the index or -1.
     */
    public static long journalIndex(final Path file)
    {
        final String name = file.getFileName().toString();
        if (!name.startsWith(FILE_PREFIX) || !name.endsWith(FILE_SUFFIX))
        {
            return -1;
        }
        try
        {
            return Long.parseLong(name.substring(FILE_PREFIX.length(), name.length() - FILE_SUFFIX.length()));
        }
        catch (final NumberFormatException ex)
        {
            return -1;
        }
    }

    /**
     * Check a file size limit with a precise message.
     *
     * @param maxFileSize the limit.
     * @throws IllegalArgumentException when too small.
     */
    public static void checkMaxFileSize(final long maxFileSize)
    {
        if (maxFileSize < MIN_FILE_SIZE)
        {
            throw new IllegalArgumentException(
                "journal file size must be at least " + MIN_FILE_SIZE + ": maxFileSize=" + maxFileSize);
        }
    }
}
