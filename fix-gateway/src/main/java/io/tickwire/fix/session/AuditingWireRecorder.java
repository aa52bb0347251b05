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
import io.tickwire.fix.time.MessageStamper;
import io.tickwire.sbe.audit.AuditEventType;
import io.tickwire.sbe.audit.Direction;
import io.tickwire.sbe.audit.Outcome;
import quickfix.Message;
import quickfix.SessionID;

/**
 * Audits the wire copy of what QuickFIX/J sends: every outbound application message (ExecutionReports,
 * OrderCancelRejects, BusinessMessageRejects QuickFIX/J generates, resends) and the session-level Reject (35=3)
 * and Logout (35=5) messages, from {@code toApp}/{@code toAdmin}, i.e. with the final header (MsgSeqNum,
 * SendingTime, PossDupFlag) and the bytes as they will be on the wire. Outcome {@code SENT}.
 * <p>
 * Secrets are masked in the raw copy ({@link SecretMasking}), here and for discarded inbound messages (a garbled
 * Logon holds its password): the journal's hash chain covers the masked bytes.
 * <p>
 * Not gated: the gated record of an ExecutionReport ({@link AuditingOutboundGate}) remains the durability
 * guarantee; this is the wire evidence, including for messages the application never built.
 * <p>
 * No lock on the order path: the record goes to the ring of the calling thread - the session thread's
 * (bound by {@link #bindSessionThread()} on each inbound message) or the report sender's (bound by
 * {@link #bindReportThread()}); any other thread (a Logout from QuickFIX/J's timer or a closing thread) uses the
 * shared ring under its lock.
 */
public final class AuditingWireRecorder
{
    private final Lane sessionLane;
    private final Lane reportLane;
    private final Lane otherLane;
    private volatile Thread sessionThread;
    private volatile Thread reportThread;

    /**
     * @param sessionPublisher the session thread's publisher.
     * @param reportPublisher  the report sender thread's publisher.
     * @param otherPublisher   the shared publisher for any other thread.
     * @param stamper          stamps the send (stateless, shared by the three lanes).
     */
    public AuditingWireRecorder(
        final AuditPublisher sessionPublisher,
        final AuditPublisher reportPublisher,
        final AuditPublisher otherPublisher,
        final MessageStamper stamper)
    {
        sessionLane = new Lane(sessionPublisher, stamper);
        reportLane = new Lane(reportPublisher, stamper);
        otherLane = new Lane(otherPublisher, stamper);
    }

    /**
     * Called on the session thread (each inbound message): records made on this thread use its ring.
     */
    public void bindSessionThread()
    {
        final Thread current = Thread.currentThread();
        if (sessionThread != current)
        {
            sessionThread = current;
        }
    }

    /**
     * Called on the report sender thread (each report): records made on this thread use its ring.
     */
    public void bindReportThread()
    {
        final Thread current = Thread.currentThread();
        if (reportThread != current)
        {
            reportThread = current;
        }
    }

    /**
     * Record an outbound message if it is audited on the wire: every application message, and session Reject
     * and Logout.
     *
     * @param sessionId its session.
     * @param message   the message, header complete.
     */
    public void onOutbound(final SessionID sessionId, final Message message)
    {
        final String msgType = AuditFields.string(message.getHeader(), 35);
        if (null == msgType)
        {
            return;
        }
        final AuditEventType eventType = eventType(msgType, message.isAdmin());
        if (null == eventType)
        {
            return;
        }
        final Thread current = Thread.currentThread();
        if (current == sessionThread)
        {
            sessionLane.publish(sessionId, message, eventType);
        }
        else if (current == reportThread)
        {
            reportLane.publish(sessionId, message, eventType);
        }
        else
        {
            synchronized (otherLane.publisher)
            {
                otherLane.publish(sessionId, message, eventType);
            }
        }
    }

    /**
     * Record an inbound message that the session layer discarded as garbled (bad CheckSum, BodyLength or
     * framing): raw bytes as received, secrets masked, and the reason. Rare, from QuickFIX/J's I/O or session
     * thread: the shared lane.
     *
     * @param sessionId its session.
     * @param raw       the message as received.
     * @param reason    why it was discarded.
     */
    public void onDiscarded(final SessionID sessionId, final String raw, final String reason)
    {
        synchronized (otherLane.publisher)
        {
            otherLane.publishDiscarded(sessionId, raw, reason);
        }
    }

    private static AuditEventType eventType(final String msgType, final boolean admin)
    {
        if (admin)
        {
            switch (msgType)
            {
                case "3":
                    return AuditEventType.SESSION_REJECT;
                case "5":
                    return AuditEventType.OTHER;
                default:
                    return null;
            }
        }
        switch (msgType)
        {
            case "8":
                return AuditEventType.EXECUTION_REPORT;
            case "9":
                return AuditEventType.CANCEL_REJECT;
            case "j":
                return AuditEventType.BUSINESS_REJECT;
            default:
                return AuditEventType.OTHER;
        }
    }

    private static final class Lane
    {
        private final AuditPublisher publisher;
        private final MessageStamper stamper;
        private final MessageStamp stamp = new MessageStamp();
        private final AuditEntry entry = new AuditEntry();
        private final AuditFields fields = new AuditFields();

        Lane(final AuditPublisher publisher, final MessageStamper stamper)
        {
            this.publisher = publisher;
            this.stamper = stamper;
        }

        void publish(final SessionID sessionId, final Message message, final AuditEventType eventType)
        {
            stamper.stamp(stamp);
            entry.reset().direction(Direction.OUTBOUND).eventType(eventType).outcome(Outcome.SENT);
            fields.copy(message, sessionId, entry);
            entry.rawMessage(SecretMasking.mask(message.toString()));
            publisher.publish(stamp, entry);
        }

        void publishDiscarded(final SessionID sessionId, final String raw, final String reason)
        {
            stamper.stamp(stamp);
            entry.reset().direction(Direction.INBOUND).eventType(AuditEventType.OTHER).outcome(Outcome.DISCARDED)
                .sessionId(sessionId.toString())
                .text(SecretMasking.mask(reason))
                .rawMessage(SecretMasking.mask(raw));
            publisher.publish(stamp, entry);
        }
    }
}
