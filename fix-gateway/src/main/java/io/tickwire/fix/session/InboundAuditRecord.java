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

import io.tickwire.fix.cluster.IngressFrame;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * The inbound audit record of the message the session thread is handling, encoded once by the
 * {@link AuditingInboundObserver} (which also enqueues it for the gateway's journal) and attached by the
 * {@link OrderEntry} to the command it causes, so that it travels in the cluster log ({@link IngressFrame} version
 * 2). Owned by the session thread; cleared when used and at every inbound message, so a record is never attached
 * to a command of another message.
 */
public final class InboundAuditRecord
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(IngressFrame.MAX_AUDIT_LENGTH));
    private int length;

    /**
     * @return the buffer the record is encoded into, at offset 0.
     */
    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return bytes available for a record.
     */
    public int capacity()
    {
        return buffer.capacity();
    }

    /**
     * @return length of the current record, 0 when none.
     */
    public int length()
    {
        return length;
    }

    /**
     * @param length of the record just encoded at offset 0.
     */
    public void length(final int length)
    {
        this.length = length;
    }

    /**
     * No record for the next command.
     */
    public void clear()
    {
        length = 0;
    }
}
