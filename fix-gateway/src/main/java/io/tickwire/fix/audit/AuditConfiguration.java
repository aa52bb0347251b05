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

import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.util.concurrent.TimeUnit;

/**
 * Configuration of the audit trail: system property names and defaults.
 */
public final class AuditConfiguration
{
    /**
     * Journal directory.
     */
    public static final String DIRECTORY_PROP_NAME = "tickwire.audit.dir";

    /**
     * Default journal directory.
     */
    public static final String DIRECTORY_DEFAULT = "audit";

    /**
     * Ring buffer capacity in bytes (a power of two), excluding the trailer.
     */
    public static final String RING_CAPACITY_PROP_NAME = "tickwire.audit.ring.capacity";

    /**
     * Default ring capacity: 8 MiB, some 20,000 records of a few hundred bytes: tens of milliseconds of
     * slack at 30 k orders/s while an fsync completes.
     */
    public static final int RING_CAPACITY_DEFAULT = 8 * 1024 * 1024;

    /**
     * Journal file size at which files rotate.
     */
    public static final String MAX_FILE_SIZE_PROP_NAME = "tickwire.audit.max.file.size";

    /**
     * Default journal file size: 256 MiB.
     */
    public static final long MAX_FILE_SIZE_DEFAULT = 256L * 1024 * 1024;

    /**
     * Largest permitted journal file size: 1 GiB (a file is read whole by the verifier).
     */
    public static final long MAX_FILE_SIZE_LIMIT = 1024L * 1024 * 1024;

    /**
     * Maximum records per group commit.
     */
    public static final String BATCH_LIMIT_PROP_NAME = "tickwire.audit.batch.limit";

    /**
     * Default batch limit.
     */
    public static final int BATCH_LIMIT_DEFAULT = 4096;

    /**
     * Durability contract: {@code fsync} (default) or {@code write}, see {@link AuditSync}.
     */
    public static final String SYNC_PROP_NAME = "tickwire.audit.sync";

    /**
     * With {@link AuditSync#WRITE}: longest time written records stay unflushed, in milliseconds.
     */
    public static final String FORCE_INTERVAL_MS_PROP_NAME = "tickwire.audit.force.interval.ms";

    /**
     * Default force interval with {@link AuditSync#WRITE}.
     */
    public static final long FORCE_INTERVAL_MS_DEFAULT = 10;

    /**
     * Shortest time between periodic seals of the journal's head, in milliseconds (a seal is written only when the
     * head moved; rotation and shutdown always seal).
     */
    public static final String SEAL_INTERVAL_MS_PROP_NAME = "tickwire.audit.seal.interval.ms";

    /**
     * Default seal interval: 1 s, so at most a second of records is unsealed at any time.
     */
    public static final long SEAL_INTERVAL_MS_DEFAULT = 1000;

    /**
     * Longest a batch of request records alone (no report waits on them) is held before it is committed: 1 ms.
     */
    public static final long UNGATED_COMMIT_DELAY_NANOS = 1_000_000;

    /**
     * Capacity of the ring for records of threads other than the session and report sender threads (rare
     * session-level messages): 256 KiB.
     */
    public static final int OTHER_RING_CAPACITY = 256 * 1024;

    /**
     * Length of the ring buffer trailer, added to the capacity when allocating.
     */
    public static final int RING_TRAILER_LENGTH = RingBufferDescriptor.TRAILER_LENGTH;

    private AuditConfiguration()
    {
    }

    /**
     * @return journal directory from {@value #DIRECTORY_PROP_NAME}.
     */
    public static String directory()
    {
        return System.getProperty(DIRECTORY_PROP_NAME, DIRECTORY_DEFAULT);
    }

    /**
     * @return ring capacity from {@value #RING_CAPACITY_PROP_NAME}.
     */
    public static int ringCapacity()
    {
        return Integer.getInteger(RING_CAPACITY_PROP_NAME, RING_CAPACITY_DEFAULT);
    }

    /**
     * @return file size from {@value #MAX_FILE_SIZE_PROP_NAME}.
     */
    public static long maxFileSize()
    {
        return Long.getLong(MAX_FILE_SIZE_PROP_NAME, MAX_FILE_SIZE_DEFAULT);
    }

    /**
     * @return batch limit from {@value #BATCH_LIMIT_PROP_NAME}.
     */
    public static int batchLimit()
    {
        return Integer.getInteger(BATCH_LIMIT_PROP_NAME, BATCH_LIMIT_DEFAULT);
    }

    /**
     * @return sync level from {@value #SYNC_PROP_NAME}.
     */
    public static AuditSync sync()
    {
        return AuditSync.fromConfigName(System.getProperty(SYNC_PROP_NAME, AuditSync.FSYNC.configName()));
    }

    /**
     * @return seal interval from {@value #SEAL_INTERVAL_MS_PROP_NAME}, in nanoseconds.
     */
    public static long sealIntervalNanos()
    {
        return TimeUnit.MILLISECONDS.toNanos(Long.getLong(SEAL_INTERVAL_MS_PROP_NAME, SEAL_INTERVAL_MS_DEFAULT));
    }

    /**
     * @return force interval from {@value #FORCE_INTERVAL_MS_PROP_NAME}, in nanoseconds.
     */
    public static long forceIntervalNanos()
    {
        return TimeUnit.MILLISECONDS.toNanos(
            Long.getLong(FORCE_INTERVAL_MS_PROP_NAME, FORCE_INTERVAL_MS_DEFAULT));
    }
}
