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

import io.tickwire.fix.time.ClockSyncSnapshot;
import io.tickwire.sbe.audit.AuditRecordEncoder;
import io.tickwire.sbe.audit.ClockSyncEventEncoder;
import io.tickwire.sbe.audit.ClockSyncStatus;
import io.tickwire.sbe.audit.MessageHeaderEncoder;
import org.agrona.LangUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.ControlledMessageHandler;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Drains the audit ring buffers into one journal with group commit.
 * <p>
 * Two single-producer rings: the session thread's (requests) and the report sender's (reports), plus a small
 * ring for the rare records of any other thread (drained last, not gated). Each record of
 * the report ring carries, in its {@code recordSequence} slot, the session ring ticket it must follow (the
 * session publisher's last ticket when the report was published, which covers the request that caused it).
 * <p>
 * Duty cycle: journal a clock-sync reading if the monitor has taken a new one; drain up to {@code batchLimit}
 * records from the session ring, then up to {@code batchLimit} from the report ring, stopping at a report whose
 * session dependency is not journalled yet (it is taken next cycle); if anything was appended, write and
 * {@code force} once (one fsync per batch, however many records), then publish each ring's new durable ticket
 * and tell the listener. A durable ticket therefore never runs ahead of the disk, a report is never before its
 * request in the journal (the hash chain orders records as written), and a report that is durable implies its
 * request is durable. With {@link AuditSync#WRITE} the batch is written without the force and the ticket means
 * "written to the kernel"; a force follows at most every force interval.
 * <p>
 * On an I/O error (disk full, read-only filesystem, a failed flush or file creation) the writer neither stops nor
 * drops a record: the records it could not make durable stay staged in the journal (or in their ring: a record whose
 * append failed is left there), no durable ticket advances, so no report waiting on them is released, and
 * {@link #storeHealth()} says the store is unavailable, with the cause and path, so the gateway refuses new orders.
 * The writer retries with back-off (1 ms doubling to 1 s); the first retry that commits writes the held records in
 * order, publishes the durable tickets and ends the outage. Closing while the store is unavailable records a failure
 * in {@link AuditDurability}: what could not be written is not durable, and nothing says otherwise.
 */
public final class AuditWriterAgent implements Agent, MessageHandler
{
    private static final long SLOW_COMMIT_NANOS = 10_000_000;
    private static final long MIN_RETRY_NANOS = 1_000_000;
    private static final long MAX_RETRY_NANOS = 1_000_000_000;
    private static final int DEPENDENCY_OFFSET =
        MessageHeaderEncoder.ENCODED_LENGTH + AuditRecordEncoder.recordSequenceEncodingOffset();

    private final RingBuffer ringBuffer;
    private final RingBuffer reportRingBuffer;
    private final RingBuffer otherRingBuffer;
    private final ControlledMessageHandler otherHandler = this::onOther;
    private long otherRecords;
    private final JournalWriter journal;
    private final AuditDurability durability;
    private final AuditDurability reportDurability;
    private final ControlledMessageHandler reportHandler = this::onReport;
    private final ControlledMessageHandler requestHandler = this::onRequest;
    private final StoreHealth storeHealth =
        new StoreHealth(StoreHealth.storeName(StoreHealth.AUDIT_STORE), StoreHealth.AUDIT_STORE);
    private boolean retrying;
    private long retryAtNanos;
    private long retryDelayNanos;
    private long reportTickets;
    private final Supplier<ClockSyncSnapshot> clockSync;
    private final long toleranceMicros;
    private final int batchLimit;
    private final DurableListener listener;
    private final AuditSync sync;
    private final long forceIntervalNanos;
    private long lastForceNanos;
    private final AtomicLong slowCommits = new AtomicLong();
    private final AtomicLong maxCommitNanos = new AtomicLong();
    private boolean uncommitted;
    private long uncommittedSinceNanos;
    private final MutableDirectBuffer clockEventBuffer = new UnsafeBuffer(new byte[4096]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final ClockSyncEventEncoder clockEventEncoder = new ClockSyncEventEncoder();
    private long drainedTickets;
    private long lastClockSequence;
    private long commits;
    private IOException appendError;

    /**
     * Create the agent. {@link AuditTrail} builds one; construct directly only in tests.
     *
     * @param ringBuffer       ring filled by the session thread's {@link AuditPublisher}.
     * @param reportRingBuffer ring filled by the report sender's publisher (ordered after the session's).
     * @param otherRingBuffer  ring filled by any other thread (not gated, no durable ticket).
     * @param journal          the journal.
     * @param durability       where the session ring's durable ticket is published.
     * @param reportDurability where the report ring's durable ticket is published.
     * @param clockSync       supplier of clock sync readings to journal, or null.
     * @param toleranceMicros configured tolerance, journalled with each reading.
     * @param batchLimit      maximum records per group commit.
     * @param listener        told after each commit, or null.
     * @param sync            what durable means before a ticket is published.
     * @param forceIntervalNanos with {@link AuditSync#WRITE}: longest time written records stay unflushed.
     */
    public AuditWriterAgent(
        final RingBuffer ringBuffer,
        final RingBuffer reportRingBuffer,
        final RingBuffer otherRingBuffer,
        final JournalWriter journal,
        final AuditDurability durability,
        final AuditDurability reportDurability,
        final Supplier<ClockSyncSnapshot> clockSync,
        final long toleranceMicros,
        final int batchLimit,
        final DurableListener listener,
        final AuditSync sync,
        final long forceIntervalNanos)
    {
        this.ringBuffer = Objects.requireNonNull(ringBuffer, "ringBuffer");
        this.reportRingBuffer = Objects.requireNonNull(reportRingBuffer, "reportRingBuffer");
        this.otherRingBuffer = Objects.requireNonNull(otherRingBuffer, "otherRingBuffer");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.durability = Objects.requireNonNull(durability, "durability");
        this.reportDurability = Objects.requireNonNull(reportDurability, "reportDurability");
        this.clockSync = clockSync;
        this.toleranceMicros = toleranceMicros;
        this.batchLimit = batchLimit;
        this.listener = listener;
        this.sync = Objects.requireNonNull(sync, "sync");
        this.forceIntervalNanos = forceIntervalNanos;
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        if (retrying && System.nanoTime() - retryAtNanos < 0)
        {
            return 0;
        }
        appendError = null;
        try
        {
            final int clockEvents = journalClockSync();
            final int requests = null == appendError ? ringBuffer.controlledRead(requestHandler, batchLimit) : 0;
            int gated = 0;
            if (null == appendError)
            {
                gated += reportRingBuffer.controlledRead(reportHandler, batchLimit);
            }
            if (null == appendError)
            {
                gated += otherRingBuffer.controlledRead(otherHandler, batchLimit);
            }
            if (null != appendError)
            {
                throw appendError;
            }
            final int records = requests + gated;
            int work = records + clockEvents;
            if ((records > 0 || clockEvents > 0) && !uncommitted)
            {
                uncommitted = true;
                uncommittedSinceNanos = System.nanoTime();
            }
            // Nothing waits on a request record by itself: its report, published a few microseconds later, does.
            // Committing a batch of requests alone would make that report wait for a second flush, so requests
            // wait (at most UNGATED_COMMIT_DELAY_NANOS) for a report, a clock reading or a full batch to commit with.
            if (uncommitted && (retrying || gated > 0 || clockEvents > 0 || requests >= batchLimit ||
                System.nanoTime() - uncommittedSinceNanos >= AuditConfiguration.UNGATED_COMMIT_DELAY_NANOS))
            {
                uncommitted = false;
                if (AuditSync.FSYNC == sync)
                {
                    final long startNanos = System.nanoTime();
                    journal.commit();
                    recordCommitTime(System.nanoTime() - startNanos);
                }
                else
                {
                    journal.write();
                }
                commits++;
                durability.durableTicket(drainedTickets);
                reportDurability.durableTicket(reportTickets);
                if (null != listener)
                {
                    listener.onDurable(drainedTickets, reportTickets);
                }
            }

            if (AuditSync.WRITE == sync && journal.hasUnforcedWrites() &&
                System.nanoTime() - lastForceNanos >= forceIntervalNanos)
            {
                // Written records are already released: this flush bounds what a host crash could take. Nothing
                // waits on it, so it runs on the journal's forcing thread when there is one: done here, every
                // report queued behind it would wait for the disk (the write level's stall).
                final long startNanos = System.nanoTime();
                if (journal.forceWrittenInBackground())
                {
                    lastForceNanos = System.nanoTime();
                    if (!journal.isForcingInBackground())
                    {
                        recordCommitTime(lastForceNanos - startNanos);
                    }
                    work++;
                }
            }
            if (journal.sealIfDue(System.nanoTime()))
            {
                work++;
            }
            if (retrying)
            {
                retrying = false;
                storeHealth.onSuccess();
            }
            return work;
        }
        catch (final IOException ex)
        {
            storeFailed(ex);
            return 1;
        }
    }

    /**
     * The records drained but not written stay staged, the failed one stays in its ring: commit them on the next
     * attempt, after a back-off, however few they are.
     */
    private void storeFailed(final IOException ex)
    {
        uncommitted = true;
        retryDelayNanos = retrying ? Math.min(MAX_RETRY_NANOS, retryDelayNanos * 2) : MIN_RETRY_NANOS;
        retrying = true;
        retryAtNanos = System.nanoTime() + retryDelayNanos;
        storeHealth.onFailure(ex, journal.currentFile());
    }

    /**
     * @return whether the audit store can be written now; the gateway refuses new orders while it cannot.
     */
    public StoreHealth storeHealth()
    {
        return storeHealth;
    }

    /**
     * Record a failure in both rings' durability: nothing becomes durable again.
     *
     * @param reason why the writer stopped.
     */
    void fail(final String reason)
    {
        durability.fail(reason);
        reportDurability.fail(reason);
    }

    /**
     * {@inheritDoc}
     */
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        onRequest(msgTypeId, buffer, index, length);
    }

    private ControlledMessageHandler.Action onRequest(
        final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (null != appendError)
        {
            return ControlledMessageHandler.Action.ABORT;
        }
        try
        {
            journal.append(buffer, index, length);
            drainedTickets++;
            return ControlledMessageHandler.Action.CONTINUE;
        }
        catch (final IOException ex)
        {
            // Left in the ring (ABORT): appended again on the next attempt, never lost, never reported durable.
            appendError = ex;
            return ControlledMessageHandler.Action.ABORT;
        }
    }

    private ControlledMessageHandler.Action onOther(
        final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (null != appendError)
        {
            return ControlledMessageHandler.Action.ABORT;
        }
        try
        {
            journal.append(buffer, index, length);
            otherRecords++;
            return ControlledMessageHandler.Action.CONTINUE;
        }
        catch (final IOException ex)
        {
            appendError = ex;
            return ControlledMessageHandler.Action.ABORT;
        }
    }

    private ControlledMessageHandler.Action onReport(
        final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (null != appendError)
        {
            return ControlledMessageHandler.Action.ABORT;
        }
        if (AuditRecordEncoder.TEMPLATE_ID == msgTypeId &&
            buffer.getLong(index + DEPENDENCY_OFFSET, ByteOrder.LITTLE_ENDIAN) > drainedTickets)
        {
            // The request this report follows is still in the session ring: leave the report for the next cycle.
            return ControlledMessageHandler.Action.ABORT;
        }
        try
        {
            journal.append(buffer, index, length);
            reportTickets++;
        }
        catch (final IOException ex)
        {
            appendError = ex;
            return ControlledMessageHandler.Action.ABORT;
        }
        return ControlledMessageHandler.Action.CONTINUE;
    }

    private int journalClockSync() throws IOException
    {
        if (null == clockSync)
        {
            return 0;
        }
        final ClockSyncSnapshot snapshot = clockSync.get();
        if (snapshot.sequence() == lastClockSequence || 0 == snapshot.sequence())
        {
            return 0;
        }

        clockEventEncoder.wrapAndApplyHeader(clockEventBuffer, 0, headerEncoder)
            .recordSequence(0)
            .timestampMicros(snapshot.readingEpochMicros())
            .monotonicNanos(System.nanoTime())
            .clockStatus(toSbe(snapshot))
            .clockErrorBoundMicros(snapshot.errorBoundMicros())
            .estimatedErrorMicros(snapshot.estimatedErrorMicros())
            .toleranceMicros(toleranceMicros)
            .kernelStatusBits(snapshot.kernelStatusBits());
        final String source = snapshot.source() + ": " + snapshot.detail();
        clockEventEncoder.source(source.length() > 2048 ? source.substring(0, 2048) : source);
        try
        {
            journal.append(clockEventBuffer, 0,
                MessageHeaderEncoder.ENCODED_LENGTH + clockEventEncoder.encodedLength());
        }
        catch (final IOException ex)
        {
            // Taken again on the next attempt; the records after it wait until then.
            appendError = ex;
            return 0;
        }
        lastClockSequence = snapshot.sequence();

        return 1;
    }

    private static ClockSyncStatus toSbe(final ClockSyncSnapshot snapshot)
    {
        switch (snapshot.status())
        {
            case SYNCHRONISED:
                return ClockSyncStatus.SYNCHRONISED;
            case UNSYNCHRONISED:
                return ClockSyncStatus.UNSYNCHRONISED;
            default:
                return ClockSyncStatus.UNKNOWN;
        }
    }

    /**
     * @return records drained from the ring and handed to the journal.
     */
    public long drainedTickets()
    {
        return drainedTickets;
    }

    /**
     * @return records drained from the report ring and handed to the journal.
     */
    public long drainedReportTickets()
    {
        return reportTickets;
    }

    private void recordCommitTime(final long nanos)
    {
        if (nanos > SLOW_COMMIT_NANOS)
        {
            slowCommits.lazySet(slowCommits.get() + 1);
        }
        if (nanos > maxCommitNanos.get())
        {
            maxCommitNanos.lazySet(nanos);
        }
    }

    /**
     * Flushes ({@code fdatasync}, timed around the call, so time descheduled counts) that took longer than 10 ms:
     * every report waiting on such a flush waits as long. Any thread.
     *
     * @return flushes slower than 10 ms so far.
     */
    public long slowCommits()
    {
        final JournalForcer forcer = journal.forcer();
        return slowCommits.get() + (null == forcer ? 0 : forcer.slowForces());
    }

    /**
     * @return the longest flush so far in nanoseconds; any thread.
     */
    public long maxCommitNanos()
    {
        final JournalForcer forcer = journal.forcer();
        return Math.max(maxCommitNanos.get(), null == forcer ? 0 : forcer.maxForceNanos());
    }

    /**
     * @return group commits (fsyncs) done.
     */
    public long commits()
    {
        return commits;
    }

    /**
     * @return the journal.
     */
    public JournalWriter journal()
    {
        return journal;
    }

    /**
     * Drain what remains, commit and close the journal.
     */
    public void onClose()
    {
        try
        {
            if (null == durability.failure())
            {
                retryAtNanos = System.nanoTime();
                while (doWork() > 0 && !retrying)
                {
                    Thread.onSpinWait();
                }
                if (retrying)
                {
                    // Held records were never reported durable; say why they are not in the journal.
                    fail("closed while the audit store was unavailable: " + storeHealth.detail());
                    closeQuietly();
                    return;
                }
            }
            journal.close();
        }
        catch (final AgentTerminationException ex)
        {
            closeQuietly();
        }
        catch (final IOException ex)
        {
            fail(ex.toString());
            LangUtil.rethrowUnchecked(ex);
        }
    }

    private void closeQuietly()
    {
        try
        {
            journal.close();
        }
        catch (final IOException ignore)
        {
        }
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "audit-writer";
    }
}
