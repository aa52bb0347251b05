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

import org.agrona.LangUtil;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.tickwire.fix.audit.JournalDescriptor.HASH_LENGTH;

/**
 * Forces the journal file and seals its head on a thread of its own, so that the writer never waits on a flush it
 * does not need to answer for.
 * <p>
 * With {@link AuditSync#WRITE} a report waits only for its record's write to the kernel, yet the writer used to
 * {@code fdatasync} the journal every force interval on its own thread: every report queued behind that flush waited
 * as long as the disk took (tens to hundreds of milliseconds on a virtio disk under load), which made the
 * {@code write} level's tail worse than {@code fsync}'s. Seals force the seal file once a second, with the same effect
 * on both levels. Here the writer posts a request (the head it has written) and carries on; this thread forces the
 * file, then seals that head, then marks the request done.
 * <p>
 * One request at a time: the writer posts only when the previous one is done ({@link #isIdle()}), and waits for it
 * ({@link #awaitIdle()}) before it touches the file or the sealer itself (rotation, close). So the sealer is used by
 * one thread at a time, handed over through {@code requested}/{@code completed} (volatile). The file channel is
 * shared: {@link FileChannel#force} does not take the channel's position lock, so the writer's {@code write} goes on
 * during the flush.
 */
final class JournalForcer implements Runnable, AutoCloseable
{
    private static final long SLOW_FORCE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final JournalSealer sealer;
    private final Thread thread;
    private final byte[] headHash = new byte[HASH_LENGTH];
    private FileChannel channel;
    private long journalIndex;
    private long recordSequence;
    private long position;
    private boolean forceFirst;
    private volatile long requested;
    private volatile long completed;
    private volatile boolean running = true;
    private volatile IOException failure;
    private volatile long maxForceNanos;
    private volatile long slowForces;
    private volatile long forces;

    /**
     * Start the thread.
     *
     * @param sealer     to seal each forced head with, or null when the journal is not sealed.
     * @param threadName of the thread.
     */
    JournalForcer(final JournalSealer sealer, final String threadName)
    {
        this.sealer = sealer;
        thread = new Thread(this, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * @return whether no request is in flight: the writer may post one, or use the file and the sealer itself.
     */
    boolean isIdle()
    {
        return completed == requested;
    }

    /**
     * Force the file up to what has been written to it and seal the given head (the last record written). Writer
     * thread, only when {@link #isIdle()}.
     *
     * @param channel        the journal file being appended to.
     * @param journalIndex   file holding the head record.
     * @param recordSequence the head record's sequence.
     * @param position       where the head record's frame ends in that file.
     * @param hash           the head record's hash.
     * @param forceFirst     whether the file must be forced before the head is sealed (false: the writer forced it).
     */
    void request(
        final FileChannel channel,
        final long journalIndex,
        final long recordSequence,
        final long position,
        final byte[] hash,
        final boolean forceFirst)
    {
        this.channel = channel;
        this.forceFirst = forceFirst;
        this.journalIndex = journalIndex;
        this.recordSequence = recordSequence;
        this.position = position;
        System.arraycopy(hash, 0, headHash, 0, HASH_LENGTH);
        requested = requested + 1;
        LockSupport.unpark(thread);
    }

    /**
     * Wait until the request in flight is done (rotation and close only: rare, and they force themselves next).
     *
     * @throws IOException the failure of the request, if it failed.
     */
    void awaitIdle() throws IOException
    {
        while (!isIdle())
        {
            LockSupport.parkNanos(50_000);
        }
        rethrowFailure();
    }

    /**
     * Report the failure of the last request once (the writer's store-trouble path retries it).
     *
     * @throws IOException the failure, if there was one.
     */
    void rethrowFailure() throws IOException
    {
        final IOException ex = failure;
        if (null != ex)
        {
            failure = null;
            throw ex;
        }
    }

    /**
     * {@inheritDoc}
     */
    public void run()
    {
        long done = 0;
        while (running)
        {
            if (requested == done)
            {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(100));
                continue;
            }
            done = requested;
            final long startNanos = System.nanoTime();
            try
            {
                if (forceFirst)
                {
                    channel.force(false);
                    final long nanos = System.nanoTime() - startNanos;
                    forces = forces + 1;
                    if (nanos > SLOW_FORCE_NANOS)
                    {
                        slowForces = slowForces + 1;
                    }
                    if (nanos > maxForceNanos)
                    {
                        maxForceNanos = nanos;
                    }
                }
                if (null != sealer)
                {
                    sealer.headForced(journalIndex, recordSequence, position, headHash);
                    sealer.sealIfDue(System.nanoTime());
                }
            }
            catch (final IOException ex)
            {
                failure = ex;
            }
            catch (final Throwable ex)
            {
                failure = new IOException("journal force failed", ex);
            }
            completed = done;
        }
    }

    /**
     * @return background flushes done.
     */
    long forces()
    {
        return forces;
    }

    /**
     * @return background flushes slower than 10 ms.
     */
    long slowForces()
    {
        return slowForces;
    }

    /**
     * @return the longest background flush in nanoseconds.
     */
    long maxForceNanos()
    {
        return maxForceNanos;
    }

    /**
     * Stop the thread after the request in flight, if any.
     */
    public void close()
    {
        running = false;
        LockSupport.unpark(thread);
        try
        {
            thread.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            LangUtil.rethrowUnchecked(ex);
        }
    }
}
