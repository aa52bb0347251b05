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

import io.tickwire.fix.audit.AuditEntry;
import io.tickwire.fix.audit.AuditPublisher;
import io.tickwire.fix.time.MessageStamp;

/**
 * The gateway's single entry to the audit ring. Two threads publish: the session thread (inbound requests) and
 * the execution report sender (outbound reports). The audit ring and its tickets are single-producer, so the
 * two take turns on this lock; a ticket therefore always equals the record's position in the journal, which the
 * durability gate relies on. The lock is held only for the ring copy (hundreds of nanoseconds).
 */
public final class AuditSink
{
    private final AuditPublisher publisher;

    /**
     * @param publisher the audit trail's publisher.
     */
    public AuditSink(final AuditPublisher publisher)
    {
        this.publisher = publisher;
    }

    /**
     * @param stamp stamp of the record.
     * @param entry record content.
     * @return the record's durability ticket.
     */
    public synchronized long publish(final MessageStamp stamp, final AuditEntry entry)
    {
        return publisher.publish(stamp, entry);
    }
}
