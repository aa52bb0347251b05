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

import io.tickwire.fix.time.ClockSyncPolicy;
import io.tickwire.fix.time.ClockSyncSnapshot;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.EpochMicroClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SystemEpochMicroClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The audit trail: two single-writer ring buffers, one from the session thread ({@link #publisher()}) and one
 * from the ExecutionReport sender thread ({@link #reportPublisher()}), both drained by one
 * {@link AuditWriterAgent} into one journal with group commit, and per ring the durable ticket
 * ({@link #durability()}, {@link #reportDurability()}) a thread waits on before releasing an ExecutionReport.
 * No lock anywhere: each ring has exactly one producer. Report records are journalled after the session records
 * published before them (see {@link AuditPublisher}), so a durable report implies its request is durable.
 * <p>
 * Threading is the launcher's choice: run {@link #writerAgent()} on its own thread
 * ({@link #startWriterThread(IdleStrategy)}), in a {@code CompositeAgent}, or invoke it from a test.
 * <pre>{@code
 * try (AuditTrail audit = AuditTrail.launch(new AuditTrail.Context().directory(dir).clockSync(monitor::snapshot)))
 * {
 *     audit.startWriterThread(new BackoffIdleStrategy());
 *     final long ticket = audit.publisher().publish(stamp, entry);
 *     ...
 *     if (audit.durability().isDurable(ticket)) { send the ExecutionReport }
 * }
 * }</pre>
 */
public final class AuditTrail implements AutoCloseable
{
    private final Context ctx;
    private final AuditDurability durability = new AuditDurability();
    private final AuditDurability reportDurability = new AuditDurability();
    private final OneToOneRingBuffer ringBuffer;
    private final OneToOneRingBuffer reportRingBuffer;
    private final OneToOneRingBuffer otherRingBuffer;
    private final AuditPublisher otherPublisher;
    private final AuditPublisher publisher;
    private final AuditPublisher reportPublisher;
    private final AuditWriterAgent writerAgent;
    private AgentRunner writerRunner;
    private boolean closed;

    private AuditTrail(final Context ctx) throws IOException
    {
        this.ctx = ctx;
        ringBuffer = new OneToOneRingBuffer(new UnsafeBuffer(
            ByteBuffer.allocateDirect(ctx.ringCapacity() + AuditConfiguration.RING_TRAILER_LENGTH)));
        reportRingBuffer = new OneToOneRingBuffer(new UnsafeBuffer(
            ByteBuffer.allocateDirect(ctx.ringCapacity() + AuditConfiguration.RING_TRAILER_LENGTH)));
        otherRingBuffer = new OneToOneRingBuffer(new UnsafeBuffer(ByteBuffer.allocateDirect(
            AuditConfiguration.OTHER_RING_CAPACITY + AuditConfiguration.RING_TRAILER_LENGTH)));
        publisher = new AuditPublisher(ringBuffer, ctx.backPressureIdle(), durability);
        otherPublisher = new AuditPublisher(otherRingBuffer, new YieldingIdleStrategy(), new AuditDurability());
        reportPublisher = new AuditPublisher(
            reportRingBuffer, ctx.reportBackPressureIdle(), reportDurability, publisher);
        final JournalWriter journal = new JournalWriter(ctx.directory(), ctx.maxFileSize(), ctx.epochClock());
        if (null != ctx.sealKey())
        {
            try
            {
                journal.sealWith(ctx.sealKey(), ctx.sealIntervalNanos());
            }
            catch (final IOException | RuntimeException ex)
            {
                journal.close();
                throw ex;
            }
        }
        writerAgent = new AuditWriterAgent(
            ringBuffer, reportRingBuffer, otherRingBuffer, journal, durability, reportDurability, ctx.clockSync(),
            ctx.toleranceMicros(), ctx.batchLimit(), ctx.durableListener(), ctx.sync(), ctx.forceIntervalNanos());
    }

    /**
     * Open the journal (continuing an existing one) and build the ring, publisher and writer agent.
     * No thread is started.
     *
     * @param ctx the context; concluded here.
     * @return the audit trail.
     * @throws UncheckedIOException when the journal cannot be opened.
     */
    public static AuditTrail launch(final Context ctx)
    {
        ctx.conclude();
        try
        {
            return new AuditTrail(ctx);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open audit journal in " + ctx.directory(), ex);
        }
    }

    /**
     * @return the durability contract the writer keeps.
     */
    public AuditSync sync()
    {
        return ctx.sync();
    }

    /**
     * Run the writer agent on its own thread.
     *
     * @param idleStrategy for the writer thread, e.g. {@link BackoffIdleStrategy} (never a busy spin on
     *                     small hosts).
     * @return this for a fluent API.
     */
    public AuditTrail startWriterThread(final IdleStrategy idleStrategy)
    {
        if (null != writerRunner)
        {
            throw new IllegalStateException("writer already started");
        }
        if (idleStrategy instanceof WakeableIdleStrategy)
        {
            // Reports are waited on: their publisher wakes a parked writer rather than let it sleep out a timeout.
            reportPublisher.wakeOnPublish(((WakeableIdleStrategy)idleStrategy)::wake);
        }
        // Flushes nothing waits on (the write level's periodic force) and seals go to a thread of their own.
        writerAgent.journal().forceInBackground("tickwire-audit-forcer");
        writerRunner = new AgentRunner(idleStrategy, (ex) -> writerAgent.fail(ex.toString()), null, writerAgent);
        AgentRunner.startOnThread(writerRunner);
        return this;
    }

    /**
     * @return the publisher, for the session thread only.
     */
    public AuditPublisher publisher()
    {
        return publisher;
    }

    /**
     * The ExecutionReport sender thread's publisher: its records are journalled after every
     * {@link #publisher()} record published before them.
     *
     * @return the publisher, for the report sender thread only.
     */
    public AuditPublisher reportPublisher()
    {
        return reportPublisher;
    }

    /**
     * A publisher for the rare records of any other thread (e.g. a Logout QuickFIX/J sends from its timer
     * thread): callers take turns by synchronising on the returned publisher. Its records are not gated.
     *
     * @return the shared publisher, never for the session or report sender thread.
     */
    public AuditPublisher otherPublisher()
    {
        return otherPublisher;
    }

    /**
     * @return durable ticket of {@link #publisher()} and writer health, for any thread.
     */
    public AuditDurability durability()
    {
        return durability;
    }

    /**
     * @return durable ticket of {@link #reportPublisher()} and writer health, for any thread.
     */
    public AuditDurability reportDurability()
    {
        return reportDurability;
    }

    /**
     * Whether the journal can be written now: false while the disk is full or read-only (the writer holds the
     * records it could not write and retries); the gateway refuses new orders meanwhile.
     *
     * @return the audit store's health, for any thread.
     */
    public StoreHealth storeHealth()
    {
        return writerAgent.storeHealth();
    }

    /**
     * @return the writer agent, to compose onto a thread of the launcher's choice.
     */
    public AuditWriterAgent writerAgent()
    {
        return writerAgent;
    }

    /**
     * @return the concluded context.
     */
    public Context context()
    {
        return ctx;
    }

    /**
     * Records published but not yet durable: the audit lag for status lines.
     *
     * @return lag in records.
     */
    public long lag()
    {
        return publisher.lastTicket() - durability.durableTicket() +
            reportPublisher.lastTicket() - reportDurability.durableTicket();
    }

    /**
     * Stop the writer thread (it drains and commits what is in the ring first) or, when no thread was started,
     * drain and close the journal here.
     */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            if (null != writerRunner)
            {
                CloseHelper.close(writerRunner);
            }
            else
            {
                writerAgent.onClose();
            }
        }
    }

    /**
     * Configuration of an audit trail: fields start from {@link AuditConfiguration}.
     */
    public static final class Context
    {
        private Path directory;
        private int ringCapacity = AuditConfiguration.ringCapacity();
        private long maxFileSize = AuditConfiguration.maxFileSize();
        private int batchLimit = AuditConfiguration.batchLimit();
        private long toleranceMicros = ClockSyncPolicy.DEFAULT_TOLERANCE_MICROS;
        private Supplier<ClockSyncSnapshot> clockSync;
        private IdleStrategy backPressureIdle;
        private IdleStrategy reportBackPressureIdle;
        private EpochMicroClock epochClock;
        private DurableListener durableListener;
        private AuditSync sync = AuditConfiguration.sync();
        private long forceIntervalNanos = AuditConfiguration.forceIntervalNanos();
        private AuditSealKey sealKey;
        private long sealIntervalNanos = AuditConfiguration.sealIntervalNanos();

        /**
         * Validate and fill in defaults.
         *
         * @return this for a fluent API.
         */
        public Context conclude()
        {
            if (null == directory)
            {
                directory = Paths.get(AuditConfiguration.directory());
            }
            if (ringCapacity < 4096 || Integer.bitCount(ringCapacity) != 1)
            {
                throw new IllegalArgumentException("ring capacity must be a power of two >= 4096: " + ringCapacity);
            }
            JournalDescriptor.checkMaxFileSize(maxFileSize);
            if (maxFileSize > AuditConfiguration.MAX_FILE_SIZE_LIMIT)
            {
                throw new IllegalArgumentException(
                    "journal file size must be at most " + AuditConfiguration.MAX_FILE_SIZE_LIMIT + ": " + maxFileSize);
            }
            if (forceIntervalNanos <= 0)
            {
                throw new IllegalArgumentException("force interval must be positive: " + forceIntervalNanos);
            }
            if (sealIntervalNanos <= 0)
            {
                throw new IllegalArgumentException("seal interval must be positive: " + sealIntervalNanos);
            }
            if (null != sealKey)
            {
                AuditSealKey.checkOutside(sealKey.file(), directory);
            }
            if (batchLimit <= 0)
            {
                throw new IllegalArgumentException("batch limit must be positive: " + batchLimit);
            }
            if (null == backPressureIdle)
            {
                backPressureIdle = new YieldingIdleStrategy();
            }
            if (null == reportBackPressureIdle)
            {
                reportBackPressureIdle = new YieldingIdleStrategy();
            }
            if (null == epochClock)
            {
                epochClock = new SystemEpochMicroClock();
            }
            return this;
        }

        /**
         * @param sealKey seal the journal's head with this key ({@link JournalWriter#sealWith}), or null for no
         *                seals; its file must be outside the journal directory.
         * @return this for a fluent API.
         */
        public Context sealKey(final AuditSealKey sealKey)
        {
            this.sealKey = sealKey;
            return this;
        }

        /**
         * @return the seal key, or null.
         */
        public AuditSealKey sealKey()
        {
            return sealKey;
        }

        /**
         * @param sealIntervalNanos shortest time between periodic seals (when the head moved).
         * @return this for a fluent API.
         */
        public Context sealIntervalNanos(final long sealIntervalNanos)
        {
            this.sealIntervalNanos = sealIntervalNanos;
            return this;
        }

        /**
         * @return shortest time between periodic seals.
         */
        public long sealIntervalNanos()
        {
            return sealIntervalNanos;
        }

        /**
         * @param sync what durable means before a held report is released ({@link AuditSync#FSYNC} default).
         * @return this for a fluent API.
         */
        public Context sync(final AuditSync sync)
        {
            this.sync = Objects.requireNonNull(sync, "sync");
            return this;
        }

        /**
         * @return the durability contract.
         */
        public AuditSync sync()
        {
            return sync;
        }

        /**
         * @param forceIntervalNanos with {@link AuditSync#WRITE}: longest time written records stay unflushed.
         * @return this for a fluent API.
         */
        public Context forceIntervalNanos(final long forceIntervalNanos)
        {
            this.forceIntervalNanos = forceIntervalNanos;
            return this;
        }

        /**
         * @return the force interval with {@link AuditSync#WRITE}.
         */
        public long forceIntervalNanos()
        {
            return forceIntervalNanos;
        }

        /**
         * @param directory journal directory.
         * @return this for a fluent API.
         */
        public Context directory(final Path directory)
        {
            this.directory = directory;
            return this;
        }

        /**
         * @return journal directory.
         */
        public Path directory()
        {
            return directory;
        }

        /**
         * @param ringCapacity capacity in bytes of each ring (session, report), a power of two.
         * @return this for a fluent API.
         */
        public Context ringCapacity(final int ringCapacity)
        {
            this.ringCapacity = ringCapacity;
            return this;
        }

        /**
         * @return ring capacity in bytes.
         */
        public int ringCapacity()
        {
            return ringCapacity;
        }

        /**
         * @param maxFileSize rotate before a journal file exceeds this size.
         * @return this for a fluent API.
         */
        public Context maxFileSize(final long maxFileSize)
        {
            this.maxFileSize = maxFileSize;
            return this;
        }

        /**
         * @return journal file size limit.
         */
        public long maxFileSize()
        {
            return maxFileSize;
        }

        /**
         * @param batchLimit maximum records per group commit.
         * @return this for a fluent API.
         */
        public Context batchLimit(final int batchLimit)
        {
            this.batchLimit = batchLimit;
            return this;
        }

        /**
         * @return maximum records per group commit.
         */
        public int batchLimit()
        {
            return batchLimit;
        }

        /**
         * @param toleranceMicros configured clock tolerance, journalled with each clock reading.
         * @return this for a fluent API.
         */
        public Context toleranceMicros(final long toleranceMicros)
        {
            this.toleranceMicros = toleranceMicros;
            return this;
        }

        /**
         * @return configured clock tolerance.
         */
        public long toleranceMicros()
        {
            return toleranceMicros;
        }

        /**
         * @param clockSync supplier of clock sync readings (e.g. {@code monitor::snapshot}); each new reading is
         *                  journalled as a ClockSyncEvent. Null for none.
         * @return this for a fluent API.
         */
        public Context clockSync(final Supplier<ClockSyncSnapshot> clockSync)
        {
            this.clockSync = clockSync;
            return this;
        }

        /**
         * @return supplier of clock sync readings or null.
         */
        public Supplier<ClockSyncSnapshot> clockSync()
        {
            return clockSync;
        }

        /**
         * @param backPressureIdle how the session thread waits while the ring is full.
         * @return this for a fluent API.
         */
        public Context backPressureIdle(final IdleStrategy backPressureIdle)
        {
            this.backPressureIdle = backPressureIdle;
            return this;
        }

        /**
         * @return how the session thread waits while the ring is full.
         */
        public IdleStrategy backPressureIdle()
        {
            return backPressureIdle;
        }

        /**
         * @param reportBackPressureIdle how the report sender thread waits while its ring is full (an idle
         *                               strategy has state: one per thread).
         * @return this for a fluent API.
         */
        public Context reportBackPressureIdle(final IdleStrategy reportBackPressureIdle)
        {
            this.reportBackPressureIdle = reportBackPressureIdle;
            return this;
        }

        /**
         * @return how the report sender thread waits while its ring is full.
         */
        public IdleStrategy reportBackPressureIdle()
        {
            return reportBackPressureIdle;
        }

        /**
         * @param epochClock clock for journal file creation times.
         * @return this for a fluent API.
         */
        public Context epochClock(final EpochMicroClock epochClock)
        {
            this.epochClock = epochClock;
            return this;
        }

        /**
         * @return clock for journal file creation times.
         */
        public EpochMicroClock epochClock()
        {
            return epochClock;
        }

        /**
         * @param durableListener told on the writer thread after each group commit, or null.
         * @return this for a fluent API.
         */
        public Context durableListener(final DurableListener durableListener)
        {
            this.durableListener = durableListener;
            return this;
        }

        /**
         * @return the durable listener or null.
         */
        public DurableListener durableListener()
        {
            return durableListener;
        }
    }
}
