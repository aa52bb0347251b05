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

import java.util.function.Consumer;

/**
 * Holds outbound messages until their audit records are durable, then releases them in order.
 * <p>
 * For the thread that sends ExecutionReports: {@link #hold} each report with the ticket of its audit record,
 * and call {@link #release} on every duty cycle (and from a {@link DurableListener} hand-off if preferred).
 * A FIFO of pre-allocated arrays, so no allocation in steady state; it grows (allocating) only if more
 * messages are pending than its capacity. Not thread safe: one owning thread.
 *
 * @param <T> the held message type.
 */
public final class DurabilityGate<T>
{
    private final AuditDurability durability;
    private long[] tickets;
    private Object[] items;
    private int mask;
    private long head;
    private long tail;

    /**
     * Create a gate.
     *
     * @param durability      the audit trail's durability.
     * @param initialCapacity pending messages before the gate grows; rounded up to a power of two.
     */
    public DurabilityGate(final AuditDurability durability, final int initialCapacity)
    {
        this.durability = durability;
        final int capacity = Integer.highestOneBit(Math.max(2, initialCapacity) * 2 - 1);
        tickets = new long[capacity];
        items = new Object[capacity];
        mask = capacity - 1;
    }

    /**
     * Hold a message until the ticket is durable. Tickets must be held in increasing order.
     *
     * @param ticket from {@link AuditPublisher#publish}.
     * @param item   the message to release later.
     */
    public void hold(final long ticket, final T item)
    {
        if (tail - head == tickets.length)
        {
            grow();
        }
        final int index = (int)(tail & mask);
        tickets[index] = ticket;
        items[index] = item;
        tail++;
    }

    /**
     * Release, in order, every held message whose ticket is durable.
     *
     * @param sender receives each released message.
     * @return the number released.
     */
    @SuppressWarnings("unchecked")
    public int release(final Consumer<T> sender)
    {
        final long durable = durability.durableTicket();
        int released = 0;
        while (head < tail)
        {
            final int index = (int)(head & mask);
            if (tickets[index] > durable)
            {
                break;
            }
            final T item = (T)items[index];
            items[index] = null;
            head++;
            released++;
            sender.accept(item);
        }
        return released;
    }

    /**
     * @return messages held and not yet released.
     */
    public int pending()
    {
        return (int)(tail - head);
    }

    private void grow()
    {
        final int capacity = tickets.length;
        final long[] newTickets = new long[capacity * 2];
        final Object[] newItems = new Object[capacity * 2];
        for (int i = 0; i < capacity; i++)
        {
            final int from = (int)((head + i) & mask);
            newTickets[i] = tickets[from];
            newItems[i] = items[from];
        }
        tickets = newTickets;
        items = newItems;
        mask = capacity * 2 - 1;
        tail = tail - head;
        head = 0;
    }
}
