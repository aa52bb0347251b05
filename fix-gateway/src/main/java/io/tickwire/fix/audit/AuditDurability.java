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

import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the journal is durable for one publisher's ring, in that publisher's tickets (see
 * {@link AuditPublisher#publish}): written by the {@link AuditWriterAgent} after each group commit, read by any
 * thread. The audit trail has one per ring ({@link AuditTrail#durability()}, {@link AuditTrail#reportDurability()}).
 * <p>
 * The durable ticket lives on its own cache lines (padding on both sides) because the session thread polls it
 * while the writer updates it.
 */
public final class AuditDurability
{
    private final AtomicLong durableTicket = new PaddedAtomicLong();
    private volatile String failure;

    /**
     * Highest ticket whose record is on stable storage (written and {@code force}d): every ticket up to and
     * including it is durable, in order.
     *
     * @return the durable ticket, 0 when none.
     */
    public long durableTicket()
    {
        return durableTicket.get();
    }

    /**
     * Is the record with this ticket durable?
     *
     * @param ticket from {@link AuditPublisher#publish}.
     * @return true when durable.
     */
    public boolean isDurable(final long ticket)
    {
        return durableTicket.get() >= ticket;
    }

    /**
     * Why the writer stopped, or null while it is healthy. After a failure nothing becomes durable again, so
     * ExecutionReports gated on durability are never released: the gateway must stop accepting orders.
     *
     * @return the failure or null.
     */
    public String failure()
    {
        return failure;
    }

    void durableTicket(final long ticket)
    {
        durableTicket.lazySet(ticket);
    }

    void fail(final String reason)
    {
        failure = reason;
    }

    @SuppressWarnings("unused")
    static final class PaddedAtomicLong extends AtomicLong
    {
        private static final long serialVersionUID = 1L;
        long p1;
        long p2;
        long p3;
        long p4;
        long p5;
        long p6;
        long p7;
        long p8;
        long p9;
        long p10;
        long p11;
        long p12;
        long p13;
        long p14;
    }
}
