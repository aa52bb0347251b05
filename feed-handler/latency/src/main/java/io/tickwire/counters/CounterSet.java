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

import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersReader;

import java.util.ArrayList;
import java.util.List;

/**
 * The counters of one instance of a component, allocated together, labelled alike and freed together: what the
 * feed handler's publisher started with, for every component that counts.
 * <p>
 * A label reads {@code COMPONENT NAME: INSTANCE}, e.g. {@code tickwire-feed-client gaps: aeron:udp?... stream 1001},
 * so that {@code stat} and {@code AeronStat} show whose counter it is, {@code stat --filter tickwire-feed-client}
 * picks one component, and the metrics endpoint takes the instance (and a reason, when the name carries one) out of
 * the label with one pattern per type id. Type ids are Tickwire's, {@link #MIN_TYPE_ID} to {@link #MAX_TYPE_ID},
 * declared in one registry class per artifact; Aeron's own are below 1000.
 * <p>
 * The counters are written on the component's hot path as plain {@link AtomicCounter}s (single writer:
 * {@code incrementRelease()}, as the driver does). Getters read them through {@link #get(AtomicCounter)}, which
 * after {@link #close()} returns the value the counter had when it was freed: a driver's counter lives in the
 * client's mapping of the CnC file, which is gone once the client closes.
 */
public final class CounterSet implements AutoCloseable
{
    /** Lowest type id of a Tickwire counter. */
    public static final int MIN_TYPE_ID = 3000;
    /** Highest type id of a Tickwire counter. */
    public static final int MAX_TYPE_ID = 3999;
    /** Instance names longer than this are cut at the front (the end of a channel says most). */
    public static final int MAX_INSTANCE_LENGTH = 200;

    private final CounterAllocator allocator;
    private final LocalCounters local;
    private final String component;
    private final String instance;
    private final List<AtomicCounter> counters = new ArrayList<>();
    private volatile long[] finalValues;

    /**
     * Counters of one component instance, allocated through an allocator (an Aeron client's {@code addCounter}).
     *
     * @param allocator where to allocate.
     * @param component e.g. {@code tickwire-feed-client}.
     * @param instance  which one, e.g. its channel and stream.
     */
    public CounterSet(final CounterAllocator allocator, final String component, final String instance)
    {
        this(allocator, null, component, instance);
    }

    private CounterSet(
        final CounterAllocator allocator, final LocalCounters local, final String component, final String instance)
    {
        if (null == allocator || null == component || null == instance)
        {
            throw new IllegalArgumentException("allocator, component and instance are required");
        }
        this.allocator = allocator;
        this.local = local;
        this.component = component;
        this.instance = shorten(instance);
    }

    /**
     * Counters of one component instance in memory of their own, for a component without an Aeron client.
     *
     * @param component e.g. {@code tickwire-book}.
     * @param instance  which one.
     * @param capacity  counters the component allocates.
     * @return the set.
     */
    public static CounterSet local(final String component, final String instance, final int capacity)
    {
        final LocalCounters local = new LocalCounters(capacity);
        return new CounterSet(local, local, component, instance);
    }

    /**
     * Counters through the allocator given, or in memory of their own when there is none.
     *
     * @param allocator where to allocate, or null for {@link #local(String, String, int)}.
     * @param component e.g. {@code tickwire-moldudp64}.
     * @param instance  which one.
     * @param capacity  counters the component allocates, for the local fallback.
     * @return the set.
     */
    public static CounterSet of(
        final CounterAllocator allocator, final String component, final String instance, final int capacity)
    {
        return null == allocator ?
            local(component, instance, capacity) : new CounterSet(allocator, component, instance);
    }

    /**
     * The label text of a counter.
     *
     * @param component e.g. {@code tickwire-feed-client}.
     * @param name      what it counts, e.g. {@code gaps} or {@code rejects UNKNOWN_SYMBOL}.
     * @param instance  which component.
     * @return {@code COMPONENT NAME: INSTANCE}.
     */
    public static String label(final String component, final String name, final String instance)
    {
        return component + " " + name + ": " + instance;
    }

    /**
     * Check that a type id is in Tickwire's range.
     *
     * @param typeId the type id.
     * @return the type id.
     * @throws IllegalArgumentException if it is not.
     */
    public static int checkTypeId(final int typeId)
    {
        if (typeId < MIN_TYPE_ID || typeId > MAX_TYPE_ID)
        {
            throw new IllegalArgumentException("Tickwire counter type ids are " + MIN_TYPE_ID + ".." + MAX_TYPE_ID +
                ": " + typeId);
        }
        return typeId;
    }

    /**
     * Allocate a counter of this instance.
     *
     * @param typeId of the counter, in Tickwire's range.
     * @param name   what it counts, e.g. {@code gaps}.
     * @return the counter, at zero.
     * @throws IllegalStateException after {@link #close()}.
     */
    public AtomicCounter add(final int typeId, final String name)
    {
        if (null != finalValues)
        {
            throw new IllegalStateException("counters closed: " + label(component, name, instance));
        }
        final AtomicCounter counter = allocator.allocate(checkTypeId(typeId), label(component, name, instance));
        counters.add(counter);
        return counter;
    }

    /**
     * A counter's value: now, or the value it had when this set was closed.
     *
     * @param counter one of this set's.
     * @return its value.
     */
    public long get(final AtomicCounter counter)
    {
        final long[] values = finalValues;
        if (null == values)
        {
            // Closed under the set by its Aeron client's close: the mapping is gone, so it must not be read.
            return counter.isClosed() ? 0 : counter.get();
        }
        final int index = counters.indexOf(counter);
        return index < 0 ? 0 : values[index];
    }

    /**
     * The component named in the labels.
     *
     * @return e.g. {@code tickwire-book}.
     */
    public String component()
    {
        return component;
    }

    /**
     * The instance named in the labels.
     *
     * @return e.g. a channel and stream.
     */
    public String instance()
    {
        return instance;
    }

    /**
     * The counters when they are in memory of their own, for a reader such as the metrics endpoint.
     *
     * @return the reader, or null when the counters are a driver's (read its CnC file instead).
     */
    public CountersReader localReader()
    {
        return null == local ? null : local.reader();
    }

    /**
     * Whether {@link #close()} has been called.
     *
     * @return true once closed.
     */
    public boolean isClosed()
    {
        return null != finalValues;
    }

    /**
     * Keep the values, then free the counters (so that {@code stat} no longer shows them). Idempotent.
     */
    public void close()
    {
        if (null != finalValues)
        {
            return;
        }
        final long[] values = new long[counters.size()];
        for (int i = 0; i < values.length; i++)
        {
            final AtomicCounter counter = counters.get(i);
            // A driver's counter whose client has closed is no longer mapped: nothing to read, nothing to free.
            values[i] = counter.isClosed() ? 0 : counter.get();
        }
        finalValues = values;
        for (final AtomicCounter counter : counters)
        {
            counter.close();
        }
    }

    private static String shorten(final String name)
    {
        return name.length() <= MAX_INSTANCE_LENGTH ?
            name : "..." + name.substring(name.length() - MAX_INSTANCE_LENGTH);
    }
}
