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

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static io.tickwire.fix.audit.JournalDescriptor.FRAME_HEADER_LENGTH;
import static io.tickwire.fix.audit.JournalDescriptor.HASH_LENGTH;
import static io.tickwire.fix.audit.JournalDescriptor.HEADER_LENGTH;
import static io.tickwire.fix.audit.JournalDescriptor.RECORD_LENGTH_OFFSET;

/**
 * Where a {@link JournalWriter} opening a directory continues the journal: in a new file (an empty directory, or
 * a last file whose creation a crash interrupted, which is deleted: nothing in it was ever durable), or at the end
 * of the last file's last whole frame (a torn tail, what a crash leaves, is to be cut off by the writer). Any other
 * damage stops the open with an {@link IOException}: evidence is never repaired automatically.
 */
final class JournalRecovery
{
    private static final String DAMAGED = "journal damaged, run 'audit verify': ";

    private final byte[] lastHash = new byte[HASH_LENGTH];
    private Path lastFile;
    private long journalIndex;
    private long nextSequence = 1;
    private long validLength;
    private long truncated;
    private long previousFileEnd;

    private JournalRecovery()
    {
    }

    /**
     * Find where the journal continues; a half-created last file is deleted.
     *
     * @param directory the journal directory.
     * @param chain     reads and checks the files.
     * @return where to continue.
     * @throws IOException when the last file is damaged other than at the tail, or cannot be read.
     */
    static JournalRecovery recover(final Path directory, final JournalReader chain) throws IOException
    {
        final JournalRecovery recovery = new JournalRecovery();
        final List<Path> files = JournalReader.journalFiles(directory);
        if (files.isEmpty())
        {
            return recovery;
        }

        final Path last = files.get(files.size() - 1);
        final JournalFileScan scan = chain.scanFile(last, null);
        if (null != scan.issue() && JournalIssue.Kind.BAD_HEADER == scan.issue().kind())
        {
            // A crash while creating the file: nothing in it was ever durable. Continue from the previous file.
            if (scan.fileLength() > HEADER_LENGTH)
            {
                throw new IOException(DAMAGED + scan.issue().describe());
            }
            recovery.journalIndex = JournalDescriptor.journalIndex(last);
            if (files.size() == 1)
            {
                Files.delete(last);
                return recovery;
            }
            final JournalFileScan previous = chain.scanFile(files.get(files.size() - 2), null);
            if (!previous.isValid())
            {
                throw new IOException(DAMAGED + previous.issue().describe());
            }
            Files.delete(last);
            recovery.previousFileEnd = previous.validLength();
            recovery.nextSequence = previous.lastSequence() + 1;
            System.arraycopy(previous.lastHash(), 0, recovery.lastHash, 0, HASH_LENGTH);
            return recovery;
        }

        if (scan.journalIndex() != JournalDescriptor.journalIndex(last))
        {
            throw new IOException(DAMAGED + last + " holds journal index " + scan.journalIndex() +
                " in its header (file renamed or swapped)");
        }
        if (null != scan.issue())
        {
            final JournalIssue issue = scan.issue();
            final boolean tornTail = JournalIssue.Kind.TRUNCATED == issue.kind() ||
                (JournalIssue.Kind.BAD_CRC == issue.kind() && lastFrameEndsAtFileEnd(last, issue.offset()));
            if (!tornTail)
            {
                throw new IOException(DAMAGED + issue.describe());
            }
            recovery.truncated = scan.fileLength() - scan.validLength();
        }
        if (files.size() > 1)
        {
            recovery.previousFileEnd = Files.size(files.get(files.size() - 2));
        }
        recovery.lastFile = last;
        recovery.journalIndex = scan.journalIndex();
        recovery.validLength = scan.validLength();
        recovery.nextSequence = scan.lastSequence() + 1;
        System.arraycopy(scan.lastHash(), 0, recovery.lastHash, 0, HASH_LENGTH);
        return recovery;
    }

    /**
     * @return the last file, to continue after its last whole frame, or null to continue in a new file.
     */
    Path lastFile()
    {
        return lastFile;
    }

    /**
     * @return the journal index of the last file, or of the new file.
     */
    long journalIndex()
    {
        return journalIndex;
    }

    /**
     * @return the sequence of the next frame.
     */
    long nextSequence()
    {
        return nextSequence;
    }

    /**
     * @return the hash of the last frame (zeros before the first): the chain continues from it.
     */
    byte[] lastHash()
    {
        return lastHash;
    }

    /**
     * @return where the last file's last whole frame ends.
     */
    long validLength()
    {
        return validLength;
    }

    /**
     * @return bytes of a torn tail to cut off the last file.
     */
    long truncated()
    {
        return truncated;
    }

    /**
     * @return where the file before the one continued in ends, 0 without one.
     */
    long previousFileEnd()
    {
        return previousFileEnd;
    }

    private static boolean lastFrameEndsAtFileEnd(final Path file, final long frameOffset) throws IOException
    {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ))
        {
            final ByteBuffer lengthBytes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            in.read(lengthBytes, frameOffset + RECORD_LENGTH_OFFSET);
            final long end = frameOffset + FRAME_HEADER_LENGTH + lengthBytes.getInt(0);
            return end == in.size();
        }
    }
}
