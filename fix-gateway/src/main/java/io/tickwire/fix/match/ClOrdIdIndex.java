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
package io.tickwire.fix.match;

import org.agrona.collections.Hashing;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The engine's index of the ClOrdIDs each session has used for its known orders (live and retained finished):
 * the duplicate window that survives a restart because it is rebuilt from the engine's state (log and snapshot),
 * and the way a cancel, replace or status request finds an order the gateway no longer knows by id.
 * <p>
 * Keyed by a 64-bit hash of (session, ClOrdID), valued by order id: primitive, so lookups and inserts allocate
 * nothing once sized. A hit is confirmed against the order (session, and the id bytes when it is the order's
 * current id); an entry whose order has aged out is dropped when met, and all such entries are swept when they
 * outnumber the orders. Everything here follows from the commands applied, so every member holds the same index.
 */
final class ClOrdIdIndex
{
    private static final long NOT_FOUND = 0;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final Long2LongHashMap index;

    /**
     * @param initialCapacity entries before the index first grows.
     */
    ClOrdIdIndex(final int initialCapacity)
    {
        index = new Long2LongHashMap(initialCapacity, Hashing.DEFAULT_LOAD_FACTOR, NOT_FOUND);
    }

    /**
     * @param sessionIndex the session.
     * @param clOrdId      the id's bytes, NUL padded.
     * @param orderId      the order it names.
     */
    void put(final int sessionIndex, final byte[] clOrdId, final long orderId)
    {
        index.put(key(sessionIndex, clOrdId), orderId);
    }

    /**
     * @param sessionIndex the session.
     * @param clOrdId      the id's bytes, NUL padded.
     * @param orders       the engine's known orders.
     * @return the known order of this session that used this id, or null.
     */
    Order find(final int sessionIndex, final byte[] clOrdId, final Long2ObjectHashMap<Order> orders)
    {
        final long key = key(sessionIndex, clOrdId);
        final long orderId = index.get(key);
        if (NOT_FOUND == orderId)
        {
            return null;
        }
        final Order order = orders.get(orderId);
        if (null == order)
        {
            index.remove(key);
            return null;
        }
        return order.sessionIndex == sessionIndex ? order : null;
    }

    /**
     * Drop the entries of orders no longer known, when they outnumber the orders: bounded memory over a long day
     * of replaced and cancelled ids. Triggered by counts, so every member sweeps at the same command.
     *
     * @param orders the engine's known orders.
     */
    void sweepIfStale(final Long2ObjectHashMap<Order> orders)
    {
        if (index.size() > 4 * orders.size() + 4096)
        {
            index.values().removeIfLong((orderId) -> !orders.containsKey(orderId));
        }
    }

    /**
     * @return entries held (for tests).
     */
    int size()
    {
        return index.size();
    }

    static long key(final int sessionIndex, final byte[] clOrdId)
    {
        long hash = FNV_OFFSET;
        hash = (hash ^ (sessionIndex & 0xFF)) * FNV_PRIME;
        hash = (hash ^ ((sessionIndex >>> 8) & 0xFF)) * FNV_PRIME;
        hash = (hash ^ ((sessionIndex >>> 16) & 0xFF)) * FNV_PRIME;
        hash = (hash ^ (sessionIndex >>> 24)) * FNV_PRIME;
        for (final byte b : clOrdId)
        {
            if (0 == b)
            {
                break;
            }
            hash = (hash ^ (b & 0xFF)) * FNV_PRIME;
        }
        return NOT_FOUND == hash ? 1 : hash;
    }
}
