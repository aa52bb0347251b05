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

import javax.crypto.Mac;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

import static io.tickwire.fix.audit.SealDescriptor.HEADER_CRC_OFFSET;
import static io.tickwire.fix.audit.SealDescriptor.HEADER_LENGTH;
import static io.tickwire.fix.audit.SealDescriptor.HEADER_LENGTH_OFFSET;
import static io.tickwire.fix.audit.SealDescriptor.HEAD_HASH_OFFSET;
import static io.tickwire.fix.audit.SealDescriptor.JOURNAL_INDEX_OFFSET;
import static io.tickwire.fix.audit.SealDescriptor.KEY_ID_LENGTH;
import static io.tickwire.fix.audit.SealDescriptor.KEY_ID_OFFSET;
import static io.tickwire.fix.audit.SealDescriptor.MAC_ALGORITHM_OFFSET;
import static io.tickwire.fix.audit.SealDescriptor.MAC_HMAC_SHA256;
import static io.tickwire.fix.audit.SealDescriptor.MAC_LENGTH;
import static io.tickwire.fix.audit.SealDescriptor.MAC_OFFSET;
import static io.tickwire.fix.audit.SealDescriptor.MAGIC;
import static io.tickwire.fix.audit.SealDescriptor.POSITION_OFFSET;
import static io.tickwire.fix.audit.SealDescriptor.REASON_OFFSET;
import static io.tickwire.fix.audit.SealDescriptor.RECORD_SEQUENCE_OFFSET;
import static io.tickwire.fix.audit.SealDescriptor.SEALED_MICROS_OFFSET;
import static io.tickwire.fix.audit.SealDescriptor.SEAL_LENGTH;
import static io.tickwire.fix.audit.SealDescriptor.SEAL_LENGTH_OFFSET;
import static io.tickwire.fix.audit.SealDescriptor.SEAL_SEQUENCE_OFFSET;
import static io.tickwire.fix.audit.SealDescriptor.VERSION;
import static io.tickwire.fix.audit.SealDescriptor.VERSION_OFFSET;

/**
 * Reads a seal file ({@link SealDescriptor}) and, with the key, checks its header, the key id, the sequence and the
 * MAC of every seal, reading the file through a bounded window. What the seals say about the journal is checked
 * by {@link SealVerifier}.
 */
final class SealFileReader
{
    /**
     * Bytes of the seal file held at once: it is read front to back, so memory does not grow with the file.
     */
    private static final int WINDOW_BYTES = 64 * 1024;

    /**
     * One seal as read.
     *
     * @param offset         in the seal file.
     * @param sealSequence   from 1.
     * @param journalIndex   file of the head record.
     * @param recordSequence the head record, 0 for none.
     * @param position       where the head record's frame ends.
     * @param sealedMicros   when sealed.
     * @param reason         why sealed.
     * @param headHash       the head record's hash.
     */
    record Seal(
        long offset,
        long sealSequence,
        long journalIndex,
        long recordSequence,
        long position,
        long sealedMicros,
        int reason,
        byte[] headHash)
    {
    }

    /**
     * What the file holds.
     *
     * @param seals  seals whose MAC holds (empty without a key).
     * @param count  whole seals in the file.
     * @param issues problems (damaged header, other key, invalid MAC, a gap in the seal sequence).
     * @param notes  information that is not a failure (a torn last seal).
     */
    record Result(List<Seal> seals, long count, List<JournalIssue> issues, List<String> notes)
    {
    }

    private SealFileReader()
    {
    }

    /**
     * @param header a seal file header.
     * @return what is wrong with it, or null.
     */
    static String checkHeader(final byte[] header)
    {
        if (!Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length))
        {
            return "bad magic";
        }
        final UnsafeBuffer buffer = new UnsafeBuffer(header);
        final CRC32C crc = new CRC32C();
        crc.update(header, 0, HEADER_CRC_OFFSET);
        if ((int)crc.getValue() != buffer.getInt(HEADER_CRC_OFFSET, ByteOrder.LITTLE_ENDIAN))
        {
            return "header CRC mismatch";
        }
        if (VERSION != buffer.getInt(VERSION_OFFSET, ByteOrder.LITTLE_ENDIAN) ||
            HEADER_LENGTH != buffer.getInt(HEADER_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN) ||
            SEAL_LENGTH != buffer.getInt(SEAL_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN) ||
            MAC_HMAC_SHA256 != buffer.getInt(MAC_ALGORITHM_OFFSET, ByteOrder.LITTLE_ENDIAN))
        {
            return "unsupported version " + buffer.getInt(VERSION_OFFSET, ByteOrder.LITTLE_ENDIAN) + " or layout";
        }
        return null;
    }

    /**
     * Read the file; with a key check every seal.
     *
     * @param file the seal file.
     * @param key  the key, or null to count the seals only.
     * @return the seals.
     */
    static Result read(final Path file, final AuditSealKey key)
    {
        return read(file, key, WINDOW_BYTES);
    }

    /**
     * Read the file through a window of the given size; with a key check every seal.
     *
     * @param file        the seal file.
     * @param key         the key, or null to count the seals only.
     * @param windowBytes bytes of the file held at once (a seal larger than the window is read whole).
     * @return the seals.
     */
    static Result read(final Path file, final AuditSealKey key, final int windowBytes)
    {
        final List<Seal> seals = new ArrayList<>();
        final List<JournalIssue> issues = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final long count = read(file, key, new FileWindow(channel, Math.max(windowBytes, HEADER_LENGTH)),
                channel.size(), seals, issues, notes);
            return new Result(seals, count, issues, notes);
        }
        catch (final IOException ex)
        {
            issues.add(issue(JournalIssue.Kind.SEAL_DAMAGED, file, 0, "cannot read: " + ex));
            return new Result(seals, 0, issues, notes);
        }
    }

    private static long read(
        final Path file,
        final AuditSealKey key,
        final FileWindow window,
        final long fileLength,
        final List<Seal> seals,
        final List<JournalIssue> issues,
        final List<String> notes) throws IOException
    {
        if (fileLength < HEADER_LENGTH)
        {
            issues.add(issue(JournalIssue.Kind.SEAL_DAMAGED, file, 0,
                "seal file of " + fileLength + " bytes is shorter than the " + HEADER_LENGTH + "-byte header"));
            return 0;
        }
        final int headerOffset = window.span(0, HEADER_LENGTH);
        final byte[] header = Arrays.copyOfRange(window.bytes(), headerOffset, headerOffset + HEADER_LENGTH);
        final String problem = checkHeader(header);
        if (null != problem)
        {
            issues.add(issue(JournalIssue.Kind.SEAL_DAMAGED, file, 0, problem));
            return 0;
        }
        final long count = (fileLength - HEADER_LENGTH) / SEAL_LENGTH;
        final long torn = fileLength - HEADER_LENGTH - count * SEAL_LENGTH;
        if (torn > 0)
        {
            notes.add("seal file " + file + " ends " + torn + " bytes into seal " + (count + 1) +
                " (a write torn by a crash; not a failure)");
        }
        if (null == key)
        {
            return count;
        }

        final byte[] fileKeyId = Arrays.copyOfRange(header, KEY_ID_OFFSET, KEY_ID_OFFSET + KEY_ID_LENGTH);
        final byte[] keyId = key.keyId();
        if (!Arrays.equals(fileKeyId, keyId))
        {
            issues.add(issue(JournalIssue.Kind.SEAL_KEY_MISMATCH, file, KEY_ID_OFFSET,
                "sealed with another key (key id " + AuditSealKey.hex(fileKeyId) + "), --seal-key " + key.file() +
                " has key id " + AuditSealKey.hex(keyId) + ": no seal checked"));
            return count;
        }

        final Mac mac = key.newMac();
        byte[] previousMac = JournalSealer.firstPreviousMac(mac, header);
        long expectedSequence = 1;
        for (long i = 0; i < count; i++)
        {
            final long offset = HEADER_LENGTH + i * SEAL_LENGTH;
            final int at = window.span(offset, SEAL_LENGTH);
            final byte[] bytes = window.bytes();
            final UnsafeBuffer buffer = window.buffer();
            final long sealSequence = buffer.getLong(at + SEAL_SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
            final byte[] expectedMac = JournalSealer.computeMac(mac, previousMac, bytes, at);
            final boolean macValid = Arrays.equals(
                expectedMac, 0, MAC_LENGTH, bytes, at + MAC_OFFSET, at + MAC_OFFSET + MAC_LENGTH);
            if (sealSequence != expectedSequence)
            {
                issues.add(issue(JournalIssue.Kind.SEAL_GAP, file, offset, "seal " + sealSequence +
                    " where seal " + expectedSequence + " belongs: seals removed, reordered or altered"));
            }
            if (!macValid)
            {
                issues.add(issue(JournalIssue.Kind.SEAL_MAC_INVALID, file, offset,
                    "seal " + sealSequence + " MAC invalid: the seal was altered or made without the key"));
            }
            else
            {
                seals.add(new Seal(
                    offset,
                    sealSequence,
                    buffer.getLong(at + JOURNAL_INDEX_OFFSET, ByteOrder.LITTLE_ENDIAN),
                    buffer.getLong(at + RECORD_SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN),
                    buffer.getLong(at + POSITION_OFFSET, ByteOrder.LITTLE_ENDIAN),
                    buffer.getLong(at + SEALED_MICROS_OFFSET, ByteOrder.LITTLE_ENDIAN),
                    buffer.getInt(at + REASON_OFFSET, ByteOrder.LITTLE_ENDIAN),
                    Arrays.copyOfRange(bytes, at + HEAD_HASH_OFFSET, at + HEAD_HASH_OFFSET + MAC_LENGTH)));
            }
            // The chain goes on from the MAC as stored: one altered seal is one issue, not all that follow.
            previousMac = Arrays.copyOfRange(bytes, at + MAC_OFFSET, at + MAC_OFFSET + MAC_LENGTH);
            expectedSequence = sealSequence + 1;
        }
        return count;
    }

    private static JournalIssue issue(
        final JournalIssue.Kind kind, final Path file, final long offset, final String message)
    {
        return new JournalIssue(kind, file, offset, 0, message);
    }
}
