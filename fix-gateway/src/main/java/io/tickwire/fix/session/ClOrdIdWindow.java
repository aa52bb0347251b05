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
package io.tickwire.fix.session;

import org.agrona.collections.Long2LongHashMap;

/**
 * A session's window of recently used ClOrdIDs (hash to order id): the most recent {@code capacity} ids, the
 * oldest evicted first, in memory sized once when the session is created.
 * <p>
 * The window is a fast path, not the record: the matching engine keeps its own index of the ids of every order it
 * still knows and is the authority on duplicates and on which order a request names. An id that has left this
 * window is looked up by the engine instead (its order id travels as 0). Keys and values are primitive and the
 * map is sized so that it never grows, so recording, looking up and evicting allocate nothing.
 */
final class ClOrdIdWindow
{
    /**
     * Value for an id not in the window.
     */
    static final long NOT_FOUND = 0;

    private static final float LOAD_FACTOR = 0.65f;

    private final Long2LongHashMap orderIds;
    private final long[] keys;
    private int head;
    private int count;

    /**
     * @param capacity how many ids the window holds, at least 1.
     */
    ClOrdIdWindow(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("ClOrdID window must hold at least 1 id: " + capacity);
        }
        keys = new long[capacity];
        // Sized so that a full window stays within the map's resize threshold: it never grows.
        orderIds = new Long2LongHashMap((int)Math.min(1 << 30, (long)Math.ceil(capacity / LOAD_FACTOR) + 1),
            LOAD_FACTOR, NOT_FOUND);
    }

    /**
     * @param key the id's hash.
     * @return its order id, or {@link #NOT_FOUND} when the id is not in the window.
     */
    long get(final long key)
    {
        return orderIds.get(key);
    }

    /**
     * Record an id not yet in the window, evicting the oldest when full.
     *
     * @param key     the id's hash.
     * @param orderId the order it names, not {@link #NOT_FOUND}.
     * @return false, recording nothing, when the id is already in the window.
     */
    boolean putIfAbsent(final long key, final long orderId)
    {
        if (orderIds.containsKey(key))
        {
            return false;
        }
        if (count == keys.length)
        {
            orderIds.remove(keys[head]);
            head = head + 1 == keys.length ? 0 : head + 1;
            count--;
        }
        final int tail = head + count;
        keys[tail >= keys.length ? tail - keys.length : tail] = key;
        count++;
        orderIds.put(key, orderId);
        return true;
    }

    /**
     * @return ids held.
     */
    int size()
    {
        return count;
    }

    /**
     * @return how many ids the window holds at most.
     */
    int capacity()
    {
        return keys.length;
    }
}
