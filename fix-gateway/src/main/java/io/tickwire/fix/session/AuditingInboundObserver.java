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
import io.tickwire.sbe.audit.AuditEventType;
import io.tickwire.sbe.audit.Direction;
import io.tickwire.sbe.audit.Outcome;
import quickfix.Message;
import quickfix.SessionID;

/**
 * Writes an audit record for every inbound order entry request (NewOrderSingle, OrderCancelRequest,
 * OrderCancelReplaceRequest, OrderStatusRequest, and any other application message as OTHER) with its receive
 * stamp and raw bytes (secrets masked by {@link SecretMasking}), on the session thread, before the request is acted
 * on. The publisher is the session thread's own single-producer ring: no lock.
 */
public final class AuditingInboundObserver implements InboundObserver
{
    private final AuditPublisher publisher;
    private final AuditingWireRecorder wireRecorder;
    private final AuditEntry entry = new AuditEntry();
    private final AuditFields fields = new AuditFields();
    private InboundAuditRecord commandRecord;

    /**
     * @param publisher    the session thread's audit publisher ({@code AuditTrail.publisher()}).
     * @param wireRecorder records what QuickFIX/J sends, or null.
     */
    public AuditingInboundObserver(final AuditPublisher publisher, final AuditingWireRecorder wireRecorder)
    {
        this.publisher = publisher;
        this.wireRecorder = wireRecorder;
    }

    /**
     * Also keep each record for the command it causes, to travel in the cluster log (clustered order path). Set
     * before the session starts.
     *
     * @param commandRecord shared with the {@link OrderEntry}, or null.
     * @return this.
     */
    public AuditingInboundObserver commandRecord(final InboundAuditRecord commandRecord)
    {
        this.commandRecord = commandRecord;
        return this;
    }

    /**
     * {@inheritDoc}
     */
    public void onInbound(final SessionID sessionId, final Message message, final MessageStamp stamp)
    {
        if (null != wireRecorder)
        {
            wireRecorder.bindSessionThread();
        }
        if (null != commandRecord)
        {
            commandRecord.clear();
        }
        final String msgType = AuditFields.string(message.getHeader(), 35);
        if (null == msgType || message.isAdmin())
        {
            return;
        }
        final AuditEventType eventType;
        switch (msgType)
        {
            case "D":
                eventType = AuditEventType.NEW_ORDER;
                break;
            case "F":
                eventType = AuditEventType.CANCEL_REQUEST;
                break;
            case "G":
                eventType = AuditEventType.REPLACE_REQUEST;
                break;
            case "H":
                eventType = AuditEventType.STATUS_REQUEST;
                break;
            default:
                eventType = AuditEventType.OTHER;
                break;
        }
        entry.reset().direction(Direction.INBOUND).eventType(eventType).outcome(Outcome.RECEIVED);
        fields.copy(message, sessionId, entry);
        // A UserRequest (BE) carries Password and NewPassword: the journal and the cluster log get them masked.
        entry.rawMessage(SecretMasking.mask(message.toRawString()));
        if (null == commandRecord)
        {
            publisher.publish(stamp, entry);
        }
        else
        {
            // Encoded once: the same bytes go to the gateway's journal and, behind the command, to the cluster log.
            final int length = publisher.encode(stamp, entry, commandRecord.buffer(), 0, commandRecord.capacity());
            publisher.publishEncoded(commandRecord.buffer(), 0, length);
            commandRecord.length(length);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onOutbound(final SessionID sessionId, final Message message)
    {
        if (null != wireRecorder)
        {
            wireRecorder.onOutbound(sessionId, message);
        }
    }
}
