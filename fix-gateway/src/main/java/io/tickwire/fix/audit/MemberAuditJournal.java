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
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.SystemEpochMicroClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A cluster member's audit journal, written from the committed log: the inbound audit records that travel in the
 * commands ({@code cluster.IngressFrame} version 2 or 3), each with the log position of its command in the record's
 * {@code logPosition}. Every member applies the same log, so every member's journal holds the same records in the
 * same order, hash-chained the same way: the journals of all members are identical, frame for frame, up to the
 * same log position ({@code ./tickwire audit compare}). No clock readings are journalled here (they differ per
 * host).
 * <p>
 * The clustered service hands records over with {@link #offer} on its own thread and never touches the disk: a
 * single-writer ring sits between it and this journal's {@link Agent} (own thread, {@link #start}), which appends
 * and forces them in batches (group commit). A full ring makes the service wait, counted: the ring holds
 * {@value #RING_CAPACITY_DEFAULT} bytes (thousands of records), so the writer is then far behind the disk's pace.
 * <p>
 * <b>Idempotent across replays.</b> At open, the log position of the last record journalled is read back
 * ({@link #startPosition()}); a record offered at or below it is skipped (counted in {@link #replaysSkipped()}):
 * after a restart the service replays the log past its snapshot, and records journalled before the restart are not
 * written twice. Every record at or below a snapshot's position is journalled before the snapshot is taken
 * ({@link #awaitJournalled}), so a replay never starts past a record the journal lacks.
 * <p>
 * If the journal cannot be written (I/O error) {@link #failure()} is set and further records are dropped, counted
 * in {@link #dropped()}, rather than stopping the replicated state machine; {@code audit compare} then shows this
 * member's journal short.
 */
public final class MemberAuditJournal implements Agent, MessageHandler, AutoCloseable
{
    /**
     * Ring capacity between the service and the writer.
     */
    public static final int RING_CAPACITY_DEFAULT = 8 * 1024 * 1024;

    /**
     * Offset of {@code logPosition} in a record (SBE message header included).
     */
    public static final int LOG_POSITION_OFFSET =
        MessageHeaderDecoder.ENCODED_LENGTH + AuditRecordDecoder.logPositionEncodingOffset();

    private static final int BATCH_LIMIT = 4096;
    private static final int MIN_BLOCK_LENGTH = AuditRecordDecoder.logPositionEncodingOffset() + Long.BYTES;

    private final OneToOneRingBuffer ring;
    private final JournalWriter journal;
    private final long startPosition;
    private final AtomicLong journalledPosition = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong replaysSkipped = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong backPressure = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private volatile String failure;
    private long offeredPosition;
    private long drainedPosition;
    private AgentRunner runner;

    /**
     * Open (or continue) the journal in a directory and read back the position of its last record.
     *
     * @param directory the member's journal directory, created if absent.
     * @throws UncheckedIOException when the journal cannot be opened (damaged other than at its tail).
     */
    public MemberAuditJournal(final Path directory)
    {
        this(directory, null);
    }

    /**
     * Open (or continue) the journal in a directory, sealing its head with a key ({@link JournalWriter#sealWith}):
     * each member seals its own journal with its own key.
     *
     * @param directory the member's journal directory, created if absent.
     * @param sealKey   the seal key (outside the directory), or null for no seals.
     * @throws UncheckedIOException when the journal cannot be opened (damaged other than at its tail, or not
     *                              matching its seals).
     */
    public MemberAuditJournal(final Path directory, final AuditSealKey sealKey)
    {
        try
        {
            journal = new JournalWriter(directory, AuditConfiguration.maxFileSize(), new SystemEpochMicroClock());
            if (null != sealKey)
            {
                try
                {
                    journal.sealWith(sealKey, AuditConfiguration.sealIntervalNanos());
                }
                catch (final IOException | RuntimeException ex)
                {
                    journal.close();
                    throw ex;
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("member audit journal " + directory + ": " + ex.getMessage(), ex);
        }
        startPosition = lastLogPosition(directory);
        offeredPosition = startPosition;
        drainedPosition = startPosition;
        journalledPosition.set(startPosition);
        ring = new OneToOneRingBuffer(new UnsafeBuffer(ByteBuffer.allocateDirect(
            RING_CAPACITY_DEFAULT + RingBufferDescriptor.TRAILER_LENGTH)));
    }

    /**
     * The log position recorded in the last record of a journal directory.
     *
     * @param directory holding a journal.
     * @return its last record's log position, 0 when it has none.
     */
    public static long lastLogPosition(final Path directory)
    {
        final long[] last = new long[1];
        final MessageHeaderDecoder decoder = new MessageHeaderDecoder();
        new JournalReader().verify(JournalReader.journalFiles(directory),
            (file, frameOffset, sequence, buffer, recordOffset, recordLength) ->
            {
                final long position = logPosition(decoder, buffer, recordOffset, recordLength);
                if (position > 0)
                {
                    last[0] = position;
                }
            });
        return last[0];
    }

    /**
     * The log position in a record.
     *
     * @param decoder      to wrap the header with.
     * @param buffer       holding the record.
     * @param recordOffset of its SBE header.
     * @param recordLength of the record.
     * @return its log position, 0 when it is not an AuditRecord of schema version 3 or later, or has none.
     */
    public static long logPosition(
        final MessageHeaderDecoder decoder, final DirectBuffer buffer, final int recordOffset, final int recordLength)
    {
        if (!isAuditRecordV3(decoder, buffer, recordOffset, recordLength))
        {
            return 0;
        }
        final long position = buffer.getLong(recordOffset + LOG_POSITION_OFFSET, ByteOrder.LITTLE_ENDIAN);
        return AuditRecordDecoder.logPositionNullValue() == position ? 0 : position;
    }

    private static boolean isAuditRecordV3(
        final MessageHeaderDecoder decoder, final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return false;
        }
        decoder.wrap(buffer, offset);
        return AuditRecordDecoder.SCHEMA_ID == decoder.schemaId() &&
            AuditRecordDecoder.TEMPLATE_ID == decoder.templateId() &&
            decoder.version() >= 3 && decoder.blockLength() >= MIN_BLOCK_LENGTH &&
            length >= MessageHeaderDecoder.ENCODED_LENGTH + decoder.blockLength();
    }

    /**
     * Run the writer on its own thread.
     *
     * @param name of the thread.
     * @return this.
     */
    public MemberAuditJournal start(final String name)
    {
        runner = new AgentRunner(new BackoffIdleStrategy(), Throwable::printStackTrace, null, this);
        AgentRunner.startOnThread(runner, (r) -> new Thread(r, name));
        return this;
    }

    /**
     * Hand a record to the writer (the clustered service's thread, the one producer). Skipped when at or below
     * the journal's {@link #startPosition()} (journalled before a restart) or when not an AuditRecord of schema
     * version 3 or later (counted in {@link #malformed()}); never blocks on the disk, waits with the given idle
     * strategy while the ring is full.
     *
     * @param logPosition of the command that carried it: the key of the record, increasing.
     * @param buffer      holding the record.
     * @param offset      of its SBE header.
     * @param length      of the record.
     * @param idle        how to wait while the ring is full (the cluster's idle strategy).
     * @return whether it was handed over.
     */
    public boolean offer(
        final long logPosition, final DirectBuffer buffer, final int offset, final int length, final IdleStrategy idle)
    {
        if (logPosition <= offeredPosition)
        {
            replaysSkipped.lazySet(replaysSkipped.get() + 1);
            return false;
        }
        if (!isAuditRecordV3(header, buffer, offset, length) || length > ring.maxMsgLength())
        {
            malformed.lazySet(malformed.get() + 1);
            return false;
        }
        if (null != failure)
        {
            dropped.lazySet(dropped.get() + 1);
            return false;
        }
        int index = ring.tryClaim(AuditRecordDecoder.TEMPLATE_ID, length);
        if (index < 0)
        {
            idle.reset();
            do
            {
                backPressure.lazySet(backPressure.get() + 1);
                if (null != failure || Thread.currentThread().isInterrupted())
                {
                    dropped.lazySet(dropped.get() + 1);
                    return false;
                }
                idle.idle();
                index = ring.tryClaim(AuditRecordDecoder.TEMPLATE_ID, length);
            }
            while (index < 0);
        }
        final MutableDirectBuffer ringBytes = ring.buffer();
        ringBytes.putBytes(index, buffer, offset, length);
        ringBytes.putLong(index + LOG_POSITION_OFFSET, logPosition, ByteOrder.LITTLE_ENDIAN);
        ring.commit(index);
        offeredPosition = logPosition;
        return true;
    }

    /**
     * Wait until every record offered so far is journalled (before a snapshot), or the journal has failed.
     *
     * @param idle how to wait.
     */
    public void awaitJournalled(final IdleStrategy idle)
    {
        idle.reset();
        while (journalledPosition.get() < offeredPosition && null == failure && null != runner &&
            !runner.isClosed() && !Thread.currentThread().isInterrupted())
        {
            idle.idle();
        }
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        final int drained = ring.read(this, BATCH_LIMIT);
        if (drained > 0)
        {
            try
            {
                journal.commit();
            }
            catch (final IOException ex)
            {
                fail(ex);
            }
            journalledPosition.lazySet(drainedPosition);
        }
        try
        {
            return journal.sealIfDue(System.nanoTime()) ? drained + 1 : drained;
        }
        catch (final IOException ex)
        {
            fail(ex);
            return drained;
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        try
        {
            journal.append(buffer, index, length);
            drainedPosition = buffer.getLong(index + LOG_POSITION_OFFSET, ByteOrder.LITTLE_ENDIAN);
            records.lazySet(records.get() + 1);
        }
        catch (final IOException ex)
        {
            fail(ex);
        }
    }

    private void fail(final IOException ex)
    {
        failure = ex.toString();
        throw new AgentTerminationException(ex);
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        try
        {
            if (null == failure)
            {
                while (ring.read(this, BATCH_LIMIT) > 0)
                {
                    journalledPosition.lazySet(drainedPosition);
                }
                journal.commit();
                journalledPosition.lazySet(drainedPosition);
            }
            journal.close();
        }
        catch (final IOException | RuntimeException ex)
        {
            if (null == failure)
            {
                failure = ex.toString();
            }
        }
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "member-audit-writer";
    }

    /**
     * Stop the writer's thread after journalling what is in the ring. Call after the service has stopped.
     */
    public void close()
    {
        if (null != runner)
        {
            CloseHelper.quietClose(runner);
        }
        else
        {
            onClose();
        }
    }

    /**
     * @return log position of the last record journalled before this open, 0 for a new journal.
     */
    public long startPosition()
    {
        return startPosition;
    }

    /**
     * @return log position of the last record journalled and forced; any thread.
     */
    public long journalledPosition()
    {
        return journalledPosition.get();
    }

    /**
     * @return records journalled since open; any thread.
     */
    public long records()
    {
        return records.get();
    }

    /**
     * @return records offered again by a replay and skipped (journalled before); any thread.
     */
    public long replaysSkipped()
    {
        return replaysSkipped.get();
    }

    /**
     * @return records that were not an AuditRecord of schema version 3 or later, skipped; any thread.
     */
    public long malformed()
    {
        return malformed.get();
    }

    /**
     * @return times the service found the ring full and waited; any thread.
     */
    public long backPressure()
    {
        return backPressure.get();
    }

    /**
     * @return records dropped because the journal had failed; any thread.
     */
    public long dropped()
    {
        return dropped.get();
    }

    /**
     * @return why the journal stopped, or null; any thread.
     */
    public String failure()
    {
        return failure;
    }
}
