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
import io.tickwire.sbe.audit.MessageHeaderDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochMicroClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

import static io.tickwire.fix.audit.JournalDescriptor.CRC_OFFSET;
import static io.tickwire.fix.audit.JournalDescriptor.FRAME_HEADER_LENGTH;
import static io.tickwire.fix.audit.JournalDescriptor.HASH_LENGTH;
import static io.tickwire.fix.audit.JournalDescriptor.HASH_OFFSET;
import static io.tickwire.fix.audit.JournalDescriptor.HEADER_LENGTH;
import static io.tickwire.fix.audit.JournalDescriptor.RECORD_LENGTH_OFFSET;
import static io.tickwire.fix.audit.JournalDescriptor.SEQUENCE_OFFSET;

/**
 * Appends frames to the journal (layout in {@link JournalDescriptor}) and makes them durable.
 * <p>
 * Frames are built in a staging buffer ({@link #append}), written and {@code force}d by {@link #commit()}:
 * the caller commits once per drained batch (group commit). Files rotate when the next frame would take the
 * current one past the size limit; a new file's header and its directory entry are forced before any frame
 * goes into it.
 * <p>
 * Opening a directory that already holds a journal continues it ({@link JournalRecovery}): the last file is
 * checked, a torn tail (the file ends inside a frame, or its last frame fails its CRC - what a crash leaves) is cut
 * off, and appending resumes with the next sequence and the last hash. Any other damage stops the open with an
 * {@link IOException}: evidence is never repaired automatically. Single threaded (the writer agent).
 * <p>
 * A failed write, flush or file creation (disk full, read-only filesystem) throws and leaves the writer able to
 * retry: staged frames stay staged until they are written, a partly written tail is cut back to the last whole
 * frame before the next write, a half-created file is removed, and a rotation that could not create its file is
 * done again by the next {@link #append}. So a retry after the space returns continues the chain unbroken.
 * <p>
 * Files are created {@code 0600} and a directory the writer creates {@code 0700} ({@link OwnerOnlyFiles}).
 * <p>
 * With {@link #sealWith} the head of the chain is sealed ({@link JournalSealer}) once it is on disk: at open, at
 * each rotation, at close and periodically ({@link #sealIfDue}).
 */
public final class JournalWriter implements AutoCloseable
{
    private static final int INITIAL_STAGING_CAPACITY = 1024 * 1024;

    private final Path directory;
    private final long maxFileSize;
    private final EpochMicroClock epochClock;
    private final JournalReader chain = new JournalReader();
    private final CRC32C crc = new CRC32C();
    private final byte[] lastHash = new byte[HASH_LENGTH];
    private final byte[] nextHash = new byte[HASH_LENGTH];
    private byte[] stagingBytes = new byte[INITIAL_STAGING_CAPACITY];
    private UnsafeBuffer staging = new UnsafeBuffer(stagingBytes);
    private int stagingLength;
    private FileChannel channel;
    private Path currentFile;
    private long journalIndex;
    private long fileLength;
    private long nextSequence;
    private long truncatedOnOpen;
    private boolean unforcedWrites;
    private long previousFileEnd;
    private JournalSealer sealer;
    private JournalForcer forcer;
    private boolean writtenSinceForceRequest;
    private long lastSealRequestNanos;
    private long sealIntervalNanos;
    private boolean tailSuspect;
    private final JournalFileCreator fileCreator;

    /**
     * Open (or create) the journal in a directory.
     *
     * @param directory   the journal directory, created if absent.
     * @param maxFileSize rotate before a file exceeds this size.
     * @param epochClock  for file creation times.
     * @throws IOException when the journal cannot be opened or its last file is damaged other than at the tail.
     */
    public JournalWriter(final Path directory, final long maxFileSize, final EpochMicroClock epochClock)
        throws IOException
    {
        JournalDescriptor.checkMaxFileSize(maxFileSize);
        this.directory = directory;
        this.maxFileSize = maxFileSize;
        this.epochClock = epochClock;
        this.fileCreator = new JournalFileCreator(directory, epochClock);
        // Owner only: the journal holds every order and report.
        OwnerOnlyFiles.createDirectories(directory);
        open();
    }

    private void open() throws IOException
    {
        final JournalRecovery recovery = JournalRecovery.recover(directory, chain);
        previousFileEnd = recovery.previousFileEnd();
        if (null == recovery.lastFile())
        {
            createFile(recovery.journalIndex(), recovery.nextSequence(), recovery.lastHash());
            return;
        }
        truncatedOnOpen = recovery.truncated();
        channel = FileChannel.open(recovery.lastFile(), StandardOpenOption.WRITE, StandardOpenOption.READ);
        if (truncatedOnOpen > 0)
        {
            channel.truncate(recovery.validLength());
            channel.force(true);
        }
        channel.position(recovery.validLength());
        currentFile = recovery.lastFile();
        journalIndex = recovery.journalIndex();
        fileLength = recovery.validLength();
        nextSequence = recovery.nextSequence();
        System.arraycopy(recovery.lastHash(), 0, lastHash, 0, HASH_LENGTH);
    }

    private void createFile(final long index, final long firstSequence, final byte[] previousHash) throws IOException
    {
        final Path file = directory.resolve(JournalDescriptor.fileName(index));
        channel = fileCreator.create(file, index, firstSequence, previousHash);
        currentFile = file;
        journalIndex = index;
        fileLength = HEADER_LENGTH;
        nextSequence = firstSequence;
        System.arraycopy(previousHash, 0, lastHash, 0, HASH_LENGTH);
    }

    /**
     * Frame a record and stage it; it is written and forced by the next {@link #commit()}. The record's own
     * {@code recordSequence} (the first field after the SBE header, for audit schema messages) is set to the
     * assigned sequence.
     *
     * @param src    holding the record (SBE header + message).
     * @param offset of the record.
     * @param length of the record.
     * @return the record's sequence.
     * @throws IOException when staging has to be written and the write fails.
     */
    public long append(final DirectBuffer src, final int offset, final int length) throws IOException
    {
        final int frameLength = JournalDescriptor.frameLength(length);
        if (null == channel ||
            fileLength + stagingLength + frameLength > maxFileSize && fileLength + stagingLength > HEADER_LENGTH)
        {
            rotate();
        }
        if (stagingLength + frameLength > stagingBytes.length)
        {
            writeStaging();
            if (frameLength > stagingBytes.length)
            {
                stagingBytes = new byte[frameLength];
                staging = new UnsafeBuffer(stagingBytes);
            }
        }

        final long sequence = nextSequence++;
        final int frame = stagingLength;
        final int record = frame + FRAME_HEADER_LENGTH;
        staging.putInt(frame + RECORD_LENGTH_OFFSET, length, ByteOrder.LITTLE_ENDIAN);
        staging.putLong(frame + SEQUENCE_OFFSET, sequence, ByteOrder.LITTLE_ENDIAN);
        staging.putBytes(record, src, offset, length);
        if (length >= MessageHeaderDecoder.ENCODED_LENGTH + 8 &&
            AuditRecordDecoder.SCHEMA_ID == staging.getShort(record + 4, ByteOrder.LITTLE_ENDIAN))
        {
            staging.putLong(record + MessageHeaderDecoder.ENCODED_LENGTH, sequence, ByteOrder.LITTLE_ENDIAN);
        }

        chain.chainHash(lastHash, stagingBytes, frame + SEQUENCE_OFFSET, record, length, nextHash);
        System.arraycopy(nextHash, 0, lastHash, 0, HASH_LENGTH);
        staging.putBytes(frame + HASH_OFFSET, nextHash, 0, HASH_LENGTH);

        crc.reset();
        crc.update(stagingBytes, frame + RECORD_LENGTH_OFFSET, 4);
        crc.update(stagingBytes, frame + SEQUENCE_OFFSET, FRAME_HEADER_LENGTH - SEQUENCE_OFFSET + length);
        staging.putInt(frame + CRC_OFFSET, (int)crc.getValue(), ByteOrder.LITTLE_ENDIAN);

        stagingLength += frameLength;
        return sequence;
    }

    /**
     * Write every staged frame and force the file: afterwards every appended record is durable.
     *
     * @throws IOException when writing or forcing fails.
     */
    public void commit() throws IOException
    {
        writeStaging();
        if (unforcedWrites)
        {
            channel.force(false);
            unforcedWrites = false;
        }
        if (null != sealer && null == forcer)
        {
            captureForcedHead();
        }
    }

    /**
     * Force and seal on a thread of its own ({@link JournalForcer}) from now on: {@link #forceWrittenInBackground()}
     * and {@link #sealIfDue} post to it instead of blocking the writer. Call after {@link #sealWith}, once.
     *
     * @param threadName of the forcing thread.
     * @return this for a fluent API.
     */
    public JournalWriter forceInBackground(final String threadName)
    {
        if (null != forcer)
        {
            throw new IllegalStateException("already forcing in background");
        }
        forcer = new JournalForcer(sealer, threadName);
        return this;
    }

    /**
     * Write what is staged and have it forced, without waiting for the force: with {@link AuditSync#WRITE}, to bound
     * what a host crash could take. Without {@link #forceInBackground} this is {@link #commit()}.
     *
     * @return whether a force was started (nothing new was written, or the previous force is still running: false).
     * @throws IOException when writing fails, or the previous background force failed (it is then tried again).
     */
    public boolean forceWrittenInBackground() throws IOException
    {
        if (null == forcer)
        {
            final boolean forced = unforcedWrites || stagingLength > 0;
            commit();
            return forced;
        }
        rethrowForceFailure();
        if (!forcer.isIdle())
        {
            return false;
        }
        writeStaging();
        if (!writtenSinceForceRequest)
        {
            return false;
        }
        requestForce(true);
        return true;
    }

    private void requestForce(final boolean forceFirst)
    {
        // Everything appended is written: the head is the last record, and the force covers it.
        final boolean inThisFile = fileLength > HEADER_LENGTH || 0 == journalIndex;
        writtenSinceForceRequest = false;
        forcer.request(channel, inThisFile ? journalIndex : journalIndex - 1, nextSequence - 1,
            inThisFile ? fileLength : previousFileEnd, lastHash, forceFirst);
    }

    private void rethrowForceFailure() throws IOException
    {
        try
        {
            forcer.rethrowFailure();
        }
        catch (final IOException ex)
        {
            writtenSinceForceRequest = true;
            throw ex;
        }
    }

    /**
     * @return whether forces and seals run on a thread of their own ({@link #forceInBackground}).
     */
    public boolean isForcingInBackground()
    {
        return null != forcer;
    }

    /**
     * @return the forcing thread's end, or null without {@link #forceInBackground}: its flush counts and times.
     */
    JournalForcer forcer()
    {
        return forcer;
    }

    private void captureForcedHead()
    {
        // The head record is the last one forced; a file without records yet leaves it at the previous file's end.
        final boolean inThisFile = fileLength > HEADER_LENGTH || 0 == journalIndex;
        sealer.headForced(inThisFile ? journalIndex : journalIndex - 1, nextSequence - 1,
            inThisFile ? fileLength : previousFileEnd, lastHash);
    }

    /**
     * Seal the journal's head ({@link JournalSealer}) from now on: at once (the head this writer opened with), at
     * every rotation, at {@link #close()}, and from {@link #sealIfDue} when the forced head has moved and the
     * interval has passed. Refuses a journal whose last seal names a record beyond its end or with another hash:
     * its tail was cut or it was rewritten while the writer was stopped, and evidence is never repaired.
     *
     * @param key               the seal key (kept outside the journal directory).
     * @param sealIntervalNanos shortest time between periodic seals.
     * @return this.
     * @throws IOException when the seal file cannot be opened or the journal does not match its last seal.
     */
    public JournalWriter sealWith(final AuditSealKey key, final long sealIntervalNanos) throws IOException
    {
        if (null != forcer)
        {
            throw new IllegalStateException("seal before forcing in background");
        }
        AuditSealKey.checkOutside(key.file(), directory);
        final JournalSealer newSealer = new JournalSealer(
            directory.resolve(SealDescriptor.FILE_NAME), key, epochClock, sealIntervalNanos);
        this.sealIntervalNanos = sealIntervalNanos;
        final long head = nextSequence - 1;
        final long sealed = newSealer.sealedRecordSequence();
        if (sealed > head || (sealed == head && head > 0 && !Arrays.equals(newSealer.sealedHeadHash(), lastHash)))
        {
            newSealer.close();
            throw new IOException("journal " + directory + " does not match its seals: seal " +
                newSealer.sealSequence() + " names record #" + sealed + ", the journal ends at #" + head +
                (sealed > head ? " (tail cut)" : " with another hash (rewritten)") +
                "; run 'audit verify --seal-key'");
        }
        sealer = newSealer;
        // What the previous run wrote may still be in the page cache only: a seal must never name a lost record.
        channel.force(false);
        commit();
        sealer.sealForced(SealDescriptor.REASON_OPEN);
        return this;
    }

    /**
     * Seal the forced head when it moved since the last seal and the seal interval has passed. Writer thread;
     * allocation-free but for the JDK's HMAC digest.
     *
     * @param nowNanos {@link System#nanoTime()} now.
     * @return whether a seal was written.
     * @throws IOException when the seal cannot be written.
     */
    public boolean sealIfDue(final long nowNanos) throws IOException
    {
        if (null == sealer)
        {
            return false;
        }
        if (null == forcer)
        {
            return sealer.sealIfDue(nowNanos);
        }
        rethrowForceFailure();
        // Only a head on disk is posted, and the forcer only seals it (a second fdatasync of the journal beside the
        // writer's own would slow the writer's); the seal file's own force runs on the forcing thread. On disk:
        // committed by the writer (AuditSync.FSYNC: nothing staged or written unforced), or forced by the last
        // background force, which is done (AuditSync.WRITE: nothing written since). With WRITE the forcer also
        // seals after each background force; this catches the head that was forced within a seal interval of the
        // previous seal and then nothing followed, which would otherwise stay unsealed until shutdown.
        // The sealer is read only once the forcer is idle: its last request happened before (volatile hand-over).
        final boolean onDisk = !unforcedWrites || !writtenSinceForceRequest;
        if (stagingLength > 0 || !onDisk || nowNanos - lastSealRequestNanos < sealIntervalNanos ||
            !forcer.isIdle() || sealer.sealedRecordSequence() == nextSequence - 1)
        {
            return false;
        }
        lastSealRequestNanos = nowNanos;
        requestForce(false);
        return true;
    }

    /**
     * @return the sealer, or null when the journal is not sealed.
     */
    public JournalSealer sealer()
    {
        return sealer;
    }

    /**
     * Write every staged frame to the file without forcing it: afterwards the records survive a crash of this
     * process (they belong to the kernel) but not of the host until {@link #commit()}.
     *
     * @throws IOException when writing fails.
     */
    public void write() throws IOException
    {
        writeStaging();
    }

    /**
     * @return whether frames have been written since the file was last forced.
     */
    public boolean hasUnforcedWrites()
    {
        return unforcedWrites;
    }

    private void writeStaging() throws IOException
    {
        if (stagingLength > 0)
        {
            if (tailSuspect)
            {
                // A failed write may have left part of a frame after the last whole one: cut the file back to it,
                // then write the staged frames (kept, with their sequences and hashes) again.
                channel.truncate(fileLength);
                channel.position(fileLength);
                tailSuspect = false;
            }
            final ByteBuffer out = ByteBuffer.wrap(stagingBytes, 0, stagingLength);
            try
            {
                while (out.hasRemaining())
                {
                    channel.write(out);
                }
            }
            catch (final IOException ex)
            {
                tailSuspect = true;
                throw ex;
            }
            fileLength += stagingLength;
            stagingLength = 0;
            unforcedWrites = true;
            writtenSinceForceRequest = true;
        }
    }

    private void awaitForcer() throws IOException
    {
        if (null != forcer)
        {
            try
            {
                forcer.awaitIdle();
            }
            catch (final IOException ex)
            {
                writtenSinceForceRequest = true;
                throw ex;
            }
        }
    }

    private void rotate() throws IOException
    {
        if (null != channel)
        {
            awaitForcer();
            commit();
            if (null != sealer)
            {
                captureForcedHead();
                // The file is closed for good: seal its last record, so even a cut of whole files shows.
                sealer.sealForced(SealDescriptor.REASON_ROTATION);
            }
            previousFileEnd = fileLength;
            channel.close();
            // No current file until the next one exists: a creation that fails is tried again by the next append.
            channel = null;
        }
        createFile(journalIndex + 1, nextSequence, lastHash.clone());
    }

    /**
     * @return the sequence the next record will get.
     */
    public long nextSequence()
    {
        return nextSequence;
    }

    /**
     * @return the file being appended to.
     */
    public Path currentFile()
    {
        return currentFile;
    }

    /**
     * @return the journal directory.
     */
    public Path directory()
    {
        return directory;
    }

    /**
     * @return bytes of torn tail cut off when the journal was opened, 0 when none.
     */
    public long truncatedOnOpen()
    {
        return truncatedOnOpen;
    }

    /**
     * @return a copy of the hash of the last record.
     */
    public byte[] lastHash()
    {
        return Arrays.copyOf(lastHash, HASH_LENGTH);
    }

    /**
     * Commit what is staged and close the file.
     *
     * @throws IOException when the final commit fails.
     */
    public void close() throws IOException
    {
        if (null == channel)
        {
            // A rotation that could not create its file left no current file; the seal file still closes.
            if (null != forcer)
            {
                forcer.close();
            }
            if (null != sealer)
            {
                sealer.close();
            }
            return;
        }
        if (null != channel && channel.isOpen())
        {
            try
            {
                awaitForcer();
                commit();
                if (null != sealer)
                {
                    captureForcedHead();
                    sealer.sealForced(SealDescriptor.REASON_SHUTDOWN);
                }
            }
            finally
            {
                if (null != forcer)
                {
                    forcer.close();
                }
                channel.close();
                if (null != sealer)
                {
                    sealer.close();
                }
            }
        }
    }
}
