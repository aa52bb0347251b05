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
import org.agrona.concurrent.EpochMicroClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.zip.CRC32C;

import static io.tickwire.fix.audit.JournalDescriptor.CHAIN_ALGORITHM_OFFSET;
import static io.tickwire.fix.audit.JournalDescriptor.CHAIN_SHA256_CRC32C;
import static io.tickwire.fix.audit.JournalDescriptor.CREATED_MICROS_OFFSET;
import static io.tickwire.fix.audit.JournalDescriptor.FIRST_SEQUENCE_OFFSET;
import static io.tickwire.fix.audit.JournalDescriptor.HASH_LENGTH;
import static io.tickwire.fix.audit.JournalDescriptor.HEADER_CRC_OFFSET;
import static io.tickwire.fix.audit.JournalDescriptor.HEADER_LENGTH;
import static io.tickwire.fix.audit.JournalDescriptor.HEADER_LENGTH_OFFSET;
import static io.tickwire.fix.audit.JournalDescriptor.JOURNAL_INDEX_OFFSET;
import static io.tickwire.fix.audit.JournalDescriptor.MAGIC;
import static io.tickwire.fix.audit.JournalDescriptor.PREVIOUS_HASH_OFFSET;
import static io.tickwire.fix.audit.JournalDescriptor.SBE_SCHEMA_ID_OFFSET;
import static io.tickwire.fix.audit.JournalDescriptor.SBE_SCHEMA_VERSION_OFFSET;
import static io.tickwire.fix.audit.JournalDescriptor.VERSION;
import static io.tickwire.fix.audit.JournalDescriptor.VERSION_OFFSET;

/**
 * Creates the journal's files whole or not at all, for the {@link JournalWriter}: the header (layout in
 * {@link JournalDescriptor}) is written and forced, then the directory entry, before any frame goes in. A file whose
 * header could not be written (disk full, read-only) is removed, at once or, if even that fails, before the next
 * attempt to create it, so that a retry after the space returns starts clean. Files are created {@code 0600}.
 */
final class JournalFileCreator
{
    private final Path directory;
    private final EpochMicroClock epochClock;
    private final CRC32C crc = new CRC32C();
    private Path partialFile;

    JournalFileCreator(final Path directory, final EpochMicroClock epochClock)
    {
        this.directory = directory;
        this.epochClock = epochClock;
    }

    /**
     * @param file          the new file, which must not exist (but for what a failed attempt left).
     * @param index         its journal index.
     * @param firstSequence the sequence its first frame will have.
     * @param previousHash  the last hash of the previous file, zeros for the first.
     * @return the file, open for writing at the end of its header.
     * @throws IOException when it cannot be created whole.
     */
    FileChannel create(final Path file, final long index, final long firstSequence, final byte[] previousHash)
        throws IOException
    {
        final byte[] header = new byte[HEADER_LENGTH];
        final UnsafeBuffer buffer = new UnsafeBuffer(header);
        buffer.putBytes(0, MAGIC);
        buffer.putInt(VERSION_OFFSET, VERSION, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(HEADER_LENGTH_OFFSET, HEADER_LENGTH, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(JOURNAL_INDEX_OFFSET, index, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(FIRST_SEQUENCE_OFFSET, firstSequence, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(CREATED_MICROS_OFFSET, epochClock.microTime(), ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(SBE_SCHEMA_ID_OFFSET, (short)AuditRecordDecoder.SCHEMA_ID, ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(SBE_SCHEMA_VERSION_OFFSET, (short)AuditRecordDecoder.SCHEMA_VERSION, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(CHAIN_ALGORITHM_OFFSET, CHAIN_SHA256_CRC32C, ByteOrder.LITTLE_ENDIAN);
        buffer.putBytes(PREVIOUS_HASH_OFFSET, previousHash, 0, HASH_LENGTH);
        crc.reset();
        crc.update(header, 0, HEADER_CRC_OFFSET);
        buffer.putInt(HEADER_CRC_OFFSET, (int)crc.getValue(), ByteOrder.LITTLE_ENDIAN);

        if (file.equals(partialFile))
        {
            Files.deleteIfExists(file);
            partialFile = null;
        }
        final FileChannel channel = FileChannel.open(file,
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ),
            OwnerOnlyFiles.fileAttributes(file));
        try
        {
            final ByteBuffer headerBuffer = ByteBuffer.wrap(header);
            while (headerBuffer.hasRemaining())
            {
                channel.write(headerBuffer);
            }
            channel.force(true);
        }
        catch (final IOException ex)
        {
            // Full or read-only: the file holds no frame. Remove it so that creating it again starts clean.
            channel.close();
            partialFile = file;
            deletePartialFile();
            throw ex;
        }
        forceDirectory();
        return channel;
    }

    private void deletePartialFile()
    {
        try
        {
            Files.deleteIfExists(partialFile);
            partialFile = null;
        }
        catch (final IOException ignore)
        {
            // Retried before the file is created again.
        }
    }

    private void forceDirectory()
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
}
