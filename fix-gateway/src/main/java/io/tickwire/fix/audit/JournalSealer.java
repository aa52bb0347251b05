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

import org.agrona.concurrent.EpochMicroClock;
import org.agrona.concurrent.UnsafeBuffer;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.CRC32C;

import static io.tickwire.fix.audit.SealDescriptor.CREATED_MICROS_OFFSET;
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
 * Appends seals ({@link SealDescriptor}) to a journal directory's seal file: the journal writer calls it after a
 * head has been forced, on its own thread, never on the order path. One {@link Mac} and one seal buffer are reused,
 * so sealing allocates nothing of its own in steady state (the JDK's HMAC keeps one 32-byte digest per call).
 * <p>
 * An existing seal file is continued: its key id must be this key's, a seal torn by a crash (the file ends inside
 * it) is cut off, and the chain of MACs continues from the last whole seal. A seal that cannot be written (disk full,
 * read-only) throws and is written whole by the next attempt: what a failed attempt left is cut off first.
 */
public final class JournalSealer implements AutoCloseable
{
    private final Path file;
    private final Mac mac;
    private final EpochMicroClock epochClock;
    private final byte[] sealBytes = new byte[SEAL_LENGTH];
    private final UnsafeBuffer seal = new UnsafeBuffer(sealBytes);
    private final ByteBuffer sealOut = ByteBuffer.wrap(sealBytes);
    private final byte[] previousMac = new byte[MAC_LENGTH];
    private final FileChannel channel;
    private final long intervalNanos;
    private final byte[] forcedHash = new byte[JournalDescriptor.HASH_LENGTH];
    private long forcedJournalIndex;
    private long forcedSequence;
    private long forcedPosition;
    private long lastSealNanos;
    private long sealSequence;
    private long sealedRecordSequence = -1;
    private long truncatedOnOpen;
    private long retryFrom = -1;

    /**
     * Open (or create) the seal file.
     *
     * @param file          the seal file, e.g. {@code <journal>/audit.seals}.
     * @param key        the key.
     * @param epochClock    for seal times.
     * @param intervalNanos shortest time between periodic seals ({@link #sealIfDue}).
     * @throws IOException when the file cannot be opened, is damaged or was made with another key.
     */
    public JournalSealer(
        final Path file, final AuditSealKey key, final EpochMicroClock epochClock, final long intervalNanos)
        throws IOException
    {
        if (intervalNanos <= 0)
        {
            throw new IllegalArgumentException("seal interval must be positive: " + intervalNanos);
        }
        this.intervalNanos = intervalNanos;
        this.file = file;
        this.mac = key.newMac();
        this.epochClock = epochClock;
        final byte[] keyId = key.keyId();
        if (Files.exists(file))
        {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try
            {
                continueFile(keyId);
            }
            catch (final IOException | RuntimeException ex)
            {
                channel.close();
                throw ex;
            }
        }
        else
        {
            channel = FileChannel.open(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE),
                OwnerOnlyFiles.fileAttributes(file));
            createHeader(keyId);
        }
    }

    private void createHeader(final byte[] keyId) throws IOException
    {
        final byte[] header = new byte[HEADER_LENGTH];
        final UnsafeBuffer buffer = new UnsafeBuffer(header);
        buffer.putBytes(0, MAGIC);
        buffer.putInt(VERSION_OFFSET, VERSION, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(HEADER_LENGTH_OFFSET, HEADER_LENGTH, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(SEAL_LENGTH_OFFSET, SEAL_LENGTH, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(MAC_ALGORITHM_OFFSET, MAC_HMAC_SHA256, ByteOrder.LITTLE_ENDIAN);
        buffer.putBytes(KEY_ID_OFFSET, keyId, 0, KEY_ID_LENGTH);
        buffer.putLong(CREATED_MICROS_OFFSET, epochClock.microTime(), ByteOrder.LITTLE_ENDIAN);
        final CRC32C crc = new CRC32C();
        crc.update(header, 0, HEADER_CRC_OFFSET);
        buffer.putInt(HEADER_CRC_OFFSET, (int)crc.getValue(), ByteOrder.LITTLE_ENDIAN);
        writeFully(ByteBuffer.wrap(header), 0);
        channel.force(true);
        forceDirectory(file.toAbsolutePath().getParent());
        System.arraycopy(firstPreviousMac(mac, header), 0, previousMac, 0, MAC_LENGTH);
    }

    private void continueFile(final byte[] keyId) throws IOException
    {
        final long size = channel.size();
        final byte[] header = new byte[HEADER_LENGTH];
        if (size < HEADER_LENGTH || readFully(ByteBuffer.wrap(header), 0) < HEADER_LENGTH)
        {
            throw new IOException("seal file " + file + " is shorter than its header: run 'audit verify'");
        }
        final String problem = SealFileReader.checkHeader(header);
        if (null != problem)
        {
            throw new IOException("seal file " + file + ": " + problem + ": run 'audit verify'");
        }
        final byte[] fileKeyId = Arrays.copyOfRange(header, KEY_ID_OFFSET, KEY_ID_OFFSET + KEY_ID_LENGTH);
        if (!Arrays.equals(fileKeyId, keyId))
        {
            throw new IOException("seal file " + file + " was sealed with another key (key id " +
                AuditSealKey.hex(fileKeyId) + ", this key " + AuditSealKey.hex(keyId) + "): use that key, or move " +
                "the seal file away with the journal it seals");
        }
        final long seals = (size - HEADER_LENGTH) / SEAL_LENGTH;
        final long end = HEADER_LENGTH + seals * SEAL_LENGTH;
        if (end < size)
        {
            // A seal torn by a crash: never complete, so it sealed nothing.
            truncatedOnOpen = size - end;
            channel.truncate(end);
            channel.force(true);
        }
        if (0 == seals)
        {
            System.arraycopy(firstPreviousMac(mac, header), 0, previousMac, 0, MAC_LENGTH);
            return;
        }
        final long lastOffset = end - SEAL_LENGTH;
        final byte[] before = new byte[MAC_LENGTH];
        if (seals > 1)
        {
            readFully(ByteBuffer.wrap(before), lastOffset - SEAL_LENGTH + MAC_OFFSET);
        }
        else
        {
            System.arraycopy(firstPreviousMac(mac, header), 0, before, 0, MAC_LENGTH);
        }
        readFully(ByteBuffer.wrap(sealBytes), lastOffset);
        if (!Arrays.equals(computeMac(mac, before, sealBytes, 0), 0, MAC_LENGTH, sealBytes, MAC_OFFSET, SEAL_LENGTH))
        {
            throw new IOException("seal file " + file + ": the MAC of its last seal is invalid: run 'audit verify'");
        }
        System.arraycopy(sealBytes, MAC_OFFSET, previousMac, 0, MAC_LENGTH);
        sealSequence = seal.getLong(SEAL_SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
        sealedRecordSequence = seal.getLong(RECORD_SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
        channel.position(end);
    }

    /**
     * The MAC a chain of seals starts from: the header's MAC, so the header (key id, creation time) is sealed too.
     *
     * @param mac    under the key.
     * @param header the file header.
     * @return the MAC of header bytes [0, {@value SealDescriptor#HEADER_CRC_OFFSET}).
     */
    static byte[] firstPreviousMac(final Mac mac, final byte[] header)
    {
        mac.update(header, 0, HEADER_CRC_OFFSET);
        return mac.doFinal();
    }

    /**
     * The MAC of a seal.
     *
     * @param mac         under the key.
     * @param previousMac the previous seal's MAC (or {@link #firstPreviousMac}).
     * @param bytes       holding the seal.
     * @param offset      of the seal.
     * @return the MAC it must carry.
     */
    static byte[] computeMac(final Mac mac, final byte[] previousMac, final byte[] bytes, final int offset)
    {
        mac.update(previousMac, 0, MAC_LENGTH);
        mac.update(bytes, offset, MAC_OFFSET);
        return mac.doFinal();
    }

    /**
     * The journal's head is on disk (forced) up to here; the journal writer calls this after each force.
     *
     * @param journalIndex   file holding the head record.
     * @param recordSequence the head record's sequence, 0 when the journal has none.
     * @param position       where the head record's frame ends in that file.
     * @param headHash       the head record's hash (copied).
     */
    public void headForced(
        final long journalIndex, final long recordSequence, final long position, final byte[] headHash)
    {
        forcedJournalIndex = journalIndex;
        forcedSequence = recordSequence;
        forcedPosition = position;
        System.arraycopy(headHash, 0, forcedHash, 0, JournalDescriptor.HASH_LENGTH);
    }

    /**
     * Seal the forced head now (open, rotation, shutdown), unless its record is the one sealed last.
     *
     * @param reason {@link SealDescriptor} reason.
     * @return whether a seal was written.
     * @throws IOException when writing or forcing fails.
     */
    public boolean sealForced(final int reason) throws IOException
    {
        lastSealNanos = System.nanoTime();
        return seal(forcedJournalIndex, forcedSequence, forcedPosition, forcedHash, reason);
    }

    /**
     * Seal the forced head when it moved since the last seal and the interval has passed.
     *
     * @param nowNanos {@link System#nanoTime()} now.
     * @return whether a seal was written.
     * @throws IOException when writing or forcing fails.
     */
    public boolean sealIfDue(final long nowNanos) throws IOException
    {
        if (nowNanos - lastSealNanos < intervalNanos || forcedSequence == sealedRecordSequence)
        {
            return false;
        }
        lastSealNanos = nowNanos;
        return seal(forcedJournalIndex, forcedSequence, forcedPosition, forcedHash, SealDescriptor.REASON_PERIODIC);
    }

    /**
     * Seal a head that is on disk (forced), unless its record is the one sealed last. Writes and forces the seal.
     *
     * @param journalIndex   file holding the head record.
     * @param recordSequence the head record's sequence, 0 when the journal has none.
     * @param position       where the head record's frame ends in that file.
     * @param headHash       the head record's hash.
     * @param reason         {@link SealDescriptor} reason.
     * @return whether a seal was written.
     * @throws IOException when writing or forcing fails.
     */
    private boolean seal(
        final long journalIndex,
        final long recordSequence,
        final long position,
        final byte[] headHash,
        final int reason) throws IOException
    {
        if (recordSequence == sealedRecordSequence)
        {
            return false;
        }
        final long sequence = sealSequence + 1;
        seal.putLong(SEAL_SEQUENCE_OFFSET, sequence, ByteOrder.LITTLE_ENDIAN);
        seal.putLong(JOURNAL_INDEX_OFFSET, journalIndex, ByteOrder.LITTLE_ENDIAN);
        seal.putLong(RECORD_SEQUENCE_OFFSET, recordSequence, ByteOrder.LITTLE_ENDIAN);
        seal.putLong(POSITION_OFFSET, position, ByteOrder.LITTLE_ENDIAN);
        seal.putLong(SEALED_MICROS_OFFSET, epochClock.microTime(), ByteOrder.LITTLE_ENDIAN);
        seal.putInt(REASON_OFFSET, reason, ByteOrder.LITTLE_ENDIAN);
        seal.putInt(REASON_OFFSET + Integer.BYTES, 0, ByteOrder.LITTLE_ENDIAN);
        seal.putBytes(HEAD_HASH_OFFSET, headHash, 0, JournalDescriptor.HASH_LENGTH);
        mac.update(previousMac, 0, MAC_LENGTH);
        mac.update(sealBytes, 0, MAC_OFFSET);
        try
        {
            mac.doFinal(sealBytes, MAC_OFFSET);
        }
        catch (final ShortBufferException ex)
        {
            throw new IllegalStateException(ex);
        }

        if (retryFrom >= 0)
        {
            // A failed attempt (disk full, read-only) may have left part of a seal: cut back to the last whole one.
            channel.truncate(retryFrom);
            channel.position(retryFrom);
            retryFrom = -1;
        }
        final long start = channel.position();
        sealOut.clear();
        try
        {
            while (sealOut.hasRemaining())
            {
                channel.write(sealOut);
            }
            channel.force(false);
        }
        catch (final IOException ex)
        {
            retryFrom = start;
            throw ex;
        }
        System.arraycopy(sealBytes, MAC_OFFSET, previousMac, 0, MAC_LENGTH);
        sealSequence = sequence;
        sealedRecordSequence = recordSequence;
        return true;
    }

    /**
     * @return seals in the file (the last one's sequence), 0 when none.
     */
    public long sealSequence()
    {
        return sealSequence;
    }

    /**
     * @return the record sequence named by the last seal, -1 when none.
     */
    public long sealedRecordSequence()
    {
        return sealedRecordSequence;
    }

    /**
     * @return the head hash named by the last seal (the seal buffer's copy), valid when a seal exists.
     */
    byte[] sealedHeadHash()
    {
        return Arrays.copyOfRange(sealBytes, HEAD_HASH_OFFSET, HEAD_HASH_OFFSET + JournalDescriptor.HASH_LENGTH);
    }

    /**
     * @return bytes of a torn seal cut off when the file was opened, 0 when none.
     */
    public long truncatedOnOpen()
    {
        return truncatedOnOpen;
    }

    /**
     * @return the seal file.
     */
    public Path file()
    {
        return file;
    }

    private void writeFully(final ByteBuffer buffer, final long position) throws IOException
    {
        long at = position;
        while (buffer.hasRemaining())
        {
            at += channel.write(buffer, at);
        }
        channel.position(at);
    }

    private int readFully(final ByteBuffer buffer, final long position) throws IOException
    {
        int total = 0;
        while (buffer.hasRemaining())
        {
            final int read = channel.read(buffer, position + total);
            if (read < 0)
            {
                break;
            }
            total += read;
        }
        return total;
    }

    private static void forceDirectory(final Path directory)
    {
        // The new file's directory entry must be durable too; not every platform lets a directory be opened.
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ))
        {
            dir.force(true);
        }
        catch (final IOException ignore)
        {
        }
    }

    /**
     * Close the file (every seal is already forced).
     *
     * @throws IOException when closing fails.
     */
    public void close() throws IOException
    {
        channel.close();
    }
}
