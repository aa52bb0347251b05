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
package io.tickwire.counters;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.nio.charset.StandardCharsets;

/**
 * Counters in memory of the process's own, laid out as in a CnC file (an Agrona {@link CountersManager} over
 * buffers of its own): the fallback of a component that has no Aeron client, so that nothing needs a media driver
 * and the component counts exactly as it does in the driver. A {@link #reader()} reads them as a CnC file's
 * reader would, e.g. for the metrics endpoint.
 */
public final class LocalCounters implements CounterAllocator
{
    private final CountersManager manager;

    /**
     * Room for a number of counters.
     *
     * @param capacity counters that can be allocated at the same time.
     */
    public LocalCounters(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        // On the heap: a book builder made per fuzz input leaves no direct memory for the GC to chase; the values
        // are read and written with the same atomic accesses as a driver's mapped file.
        manager = new CountersManager(
            new UnsafeBuffer(new byte[capacity * CountersReader.METADATA_LENGTH]),
            new UnsafeBuffer(new byte[capacity * CountersReader.COUNTER_LENGTH]),
            StandardCharsets.US_ASCII);
    }

    /**
     * {@inheritDoc}
     */
    public AtomicCounter allocate(final int typeId, final String label)
    {
        return manager.newCounter(label, typeId);
    }

    /**
     * The counters, for readers on any thread.
     *
     * @return the reader.
     */
    public CountersReader reader()
    {
        return manager;
    }
}
