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
import org.agrona.collections.Long2ObjectHashMap;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The orders the engine knows: live ones and the most recent finished ones, by order id and by the ClOrdIDs their
 * sessions used ({@link ClOrdIdIndex}), with the pool they come from and return to.
 * <p>
 * Finished orders stay queryable (status, duplicate ClOrdID, too-late cancel) until {@code retainedFinishedOrders}
 * newer orders have finished; the oldest then returns to the pool. Steady state allocates nothing: the pool and the
 * scratch arrays only grow while the engine warms up.
 */
final class OrderStore
{
    private static final Comparator<Order> BY_ORDER_ID = Comparator.comparingLong((order) -> order.orderId);

    /**
     * Live orders the maps hold, beside the retained finished ones, before they first grow. A map that grows
     * rehashes every entry on the engine's thread: at a few hundred thousand orders that is milliseconds during
     * which no command is applied.
     */
    static final int PRESIZED_LIVE_ORDERS = 65_536;

    private final Long2ObjectHashMap<Order> orders;
    private final ClOrdIdIndex clOrdIds;
    private final Order[] finished;
    private int finishedHead;
    private int finishedCount;
    private Order[] pool = new Order[1024];
    private int pooled;
    private Order[] collected = new Order[64];

    /**
     * @param retainedFinishedOrders how many finished orders stay queryable.
     */
    OrderStore(final int retainedFinishedOrders)
    {
        this.finished = new Order[Math.max(1, retainedFinishedOrders)];
        final int capacity = (int)Math.min(1 << 30,
            (long)((finished.length + (long)PRESIZED_LIVE_ORDERS) / Hashing.DEFAULT_LOAD_FACTOR) + 1);
        this.orders = new Long2ObjectHashMap<>(capacity, Hashing.DEFAULT_LOAD_FACTOR);
        this.clOrdIds = new ClOrdIdIndex(capacity);
    }

    /**
     * @return orders live or retained as finished.
     */
    int size()
    {
        return orders.size();
    }

    /**
     * @return a reset order from the pool, not yet known.
     */
    Order acquire()
    {
        final Order order = 0 == pooled ? new Order() : pool[--pooled];
        order.reset();
        return order;
    }

    /**
     * @param order never made known (rejected), or aged out.
     */
    void release(final Order order)
    {
        if (pooled == pool.length)
        {
            pool = Arrays.copyOf(pool, pooled * 2);
        }
        pool[pooled++] = order;
    }

    /**
     * The order a request names: by order id when the gateway knew it, otherwise by ClOrdID, since the gateway's
     * own index starts empty after a restart and holds only a window of recent ids, while the orders here came back
     * from the snapshot and log. An order id not known here falls back to the ClOrdID too: the gateway's window may
     * map an id to an order this engine refused as a duplicate of an older order the window no longer held.
     *
     * @param orderId      the gateway's order id, or 0 when it did not know it.
     * @param sessionIndex the requesting session.
     * @param clOrdId      the ClOrdID the request named, NUL padded.
     * @return the order, or null; it may belong to another session when named by order id.
     */
    Order find(final long orderId, final int sessionIndex, final byte[] clOrdId)
    {
        final Order order = 0 != orderId ? orders.get(orderId) : null;
        return null != order ? order : findByClOrdId(sessionIndex, clOrdId);
    }

    /**
     * @param sessionIndex the session.
     * @param clOrdId      the id's bytes, NUL padded.
     * @return the known order of this session that used this id, or null.
     */
    Order findByClOrdId(final int sessionIndex, final byte[] clOrdId)
    {
        return clOrdIds.find(sessionIndex, clOrdId, orders);
    }

    /**
     * Make an accepted order known, by id and ClOrdID.
     *
     * @param order accepted.
     */
    void add(final Order order)
    {
        orders.put(order.orderId, order);
        clOrdIds.put(order.sessionIndex, order.clOrdId, order.orderId);
        clOrdIds.sweepIfStale(orders);
    }

    /**
     * The order now goes by the ClOrdID of the cancel or replace that changed it; the old id still finds it.
     *
     * @param order      known.
     * @param newClOrdId the request's id, NUL padded.
     */
    void rename(final Order order, final byte[] newClOrdId)
    {
        System.arraycopy(newClOrdId, 0, order.clOrdId, 0, Order.CLORDID_LENGTH);
        clOrdIds.put(order.sessionIndex, order.clOrdId, order.orderId);
    }

    /**
     * The order is finished: it stays known until enough newer ones have finished.
     *
     * @param order finished, out of the book.
     */
    void retire(final Order order)
    {
        order.live = false;
        if (finishedCount == finished.length)
        {
            final Order oldest = finished[finishedHead];
            finished[finishedHead] = null;
            finishedHead = (finishedHead + 1) % finished.length;
            finishedCount--;
            // The id may name a newer order by now: that one stays known.
            if (orders.get(oldest.orderId) == oldest)
            {
                orders.remove(oldest.orderId);
            }
            release(oldest);
        }
        finished[(finishedHead + finishedCount) % finished.length] = order;
        finishedCount++;
    }

    /**
     * Make an order read from a snapshot known again; a finished one takes its place among the retained.
     *
     * @param order as it was when the snapshot was taken; a live one still has to rest in its book.
     */
    void restore(final Order order)
    {
        orders.put(order.orderId, order);
        clOrdIds.put(order.sessionIndex, order.clOrdId, order.orderId);
        if (!order.live)
        {
            retire(order);
        }
    }

    /**
     * @return finished orders retained.
     */
    int finishedCount()
    {
        return finishedCount;
    }

    /**
     * @param age 0 for the oldest retained finished order.
     * @return the finished order.
     */
    Order finished(final int age)
    {
        return finished[(finishedHead + age) % finished.length];
    }

    /**
     * Gather a session's live orders in order id order, not hash order, so that every member of a cluster acts on
     * them in the same order. Take them with {@link #collected(int)} before the next call.
     *
     * @param sessionIndex the session.
     * @return how many were gathered.
     */
    int collectLive(final int sessionIndex)
    {
        int count = 0;
        for (final Order order : orders.values())
        {
            if (order.live && order.sessionIndex == sessionIndex)
            {
                if (count == collected.length)
                {
                    collected = Arrays.copyOf(collected, count * 2);
                }
                collected[count++] = order;
            }
        }
        Arrays.sort(collected, 0, count, BY_ORDER_ID);
        return count;
    }

    /**
     * @param i below the count {@link #collectLive(int)} returned; each taken once.
     * @return the gathered order, no longer held here (it may go back to the pool).
     */
    Order collected(final int i)
    {
        final Order order = collected[i];
        collected[i] = null;
        return order;
    }
}
