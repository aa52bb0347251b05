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

import io.tickwire.fix.audit.AuditDurability;
import io.tickwire.fix.audit.AuditEntry;
import io.tickwire.fix.audit.AuditPublisher;
import io.tickwire.fix.audit.DurabilityGate;
import io.tickwire.fix.audit.StoreHealth;
import io.tickwire.fix.time.MessageStamp;
import io.tickwire.fix.time.MessageStamper;
import io.tickwire.sbe.audit.AuditEventType;
import io.tickwire.sbe.audit.Direction;
import io.tickwire.sbe.audit.Outcome;
import quickfix.Message;
import quickfix.Session;

import java.util.function.Consumer;

/**
 * The audit durability contract at the release point: each report is stamped (send decision time), its audit
 * record published, and the report held until the audit writer reports the record durable (group commit); then
 * it is sent. Runs on the execution report sender thread, which owns its own single-producer audit ring
 * ({@code AuditTrail.reportPublisher()}: no lock); {@link #doWork()} releases on every duty cycle. That ring's
 * records are journalled after the session thread's records published before them, so a report released here
 * implies the request that caused it is durable too.
 * <p>
 * The record's raw bytes are the report as built, before QuickFIX/J adds the header (MsgSeqNum, SendingTime) at
 * send time; the {@link AuditingWireRecorder} adds the wire copy (outcome SENT) when QuickFIX/J sends it.
 */
public final class AuditingOutboundGate implements OutboundGate
{
    private final AuditPublisher publisher;
    private final AuditingWireRecorder wireRecorder;
    private final MessageStamper stamper;
    private final MessageStamp stamp = new MessageStamp();
    private final AuditEntry entry = new AuditEntry();
    private final AuditFields fields = new AuditFields();
    private final DurabilityGate<Pending> gate;
    private final Consumer<Pending> sender = (pending) -> pending.session().send(pending.report());
    private StoreHealth auditStore;

    /**
     * @param publisher  the report sender thread's audit publisher ({@code AuditTrail.reportPublisher()}).
     * @param durability that publisher's durable ticket ({@code AuditTrail.reportDurability()}).
     * @param stamper    stamps the send decision.
     * @param wireRecorder records what QuickFIX/J sends (told which thread is the sender's), or null.
     */
    public AuditingOutboundGate(
        final AuditPublisher publisher,
        final AuditDurability durability,
        final MessageStamper stamper,
        final AuditingWireRecorder wireRecorder)
    {
        this.publisher = publisher;
        this.wireRecorder = wireRecorder;
        this.stamper = stamper;
        this.gate = new DurabilityGate<>(durability, 1024);
    }

    /**
     * {@inheritDoc}
     */
    public void release(final Session session, final Message report, final long correlationId, final long nanos)
    {
        if (null != wireRecorder)
        {
            wireRecorder.bindReportThread();
        }
        stamper.stamp(stamp);
        final String msgType = AuditFields.string(report.getHeader(), 35);
        final boolean cancelReject = "9".equals(msgType);
        final Outcome outcome = cancelReject ? Outcome.REJECTED :
            outcome(AuditFields.string(report, 150), AuditFields.string(report, 39));
        entry.reset()
            .direction(Direction.OUTBOUND)
            .eventType(cancelReject ? AuditEventType.CANCEL_REJECT : AuditEventType.EXECUTION_REPORT)
            .outcome(outcome);
        fields.copy(report, session.getSessionID(), entry);
        entry.rawMessage(SecretMasking.mask(report.toString()));
        final long ticket = publisher.publish(stamp, entry);
        if (Outcome.REJECTED == outcome && null != auditStore && !auditStore.isAvailable())
        {
            // A refusal acknowledges nothing: it leaves now, so the client hears why, while acknowledgements wait
            // for the store. Its record is in the ring and is journalled, in order, when the store is back.
            gate.release(sender);
            session.send(report);
            return;
        }
        gate.hold(ticket, new Pending(session, report));
        gate.release(sender);
    }

    /**
     * Send rejects at once while the audit store cannot be written (they acknowledge nothing); everything else
     * still waits for its record. Set before the first report.
     *
     * @param auditStore the audit journal's health, or null to hold every report.
     * @return this.
     */
    public AuditingOutboundGate auditStore(final StoreHealth auditStore)
    {
        this.auditStore = auditStore;
        return this;
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        return gate.release(sender);
    }

    /**
     * @return reports waiting for their audit record to become durable.
     */
    public int pending()
    {
        return gate.pending();
    }

    private static Outcome outcome(final String execType, final String ordStatus)
    {
        final boolean filled = "2".equals(ordStatus);
        if (null == execType || execType.isEmpty())
        {
            return Outcome.STATUS;
        }
        switch (execType.charAt(0))
        {
            case '0':
                return Outcome.ACCEPTED;
            case '8':
                return Outcome.REJECTED;
            case '1':
            case '2':
            case 'F':
                return filled ? Outcome.FILLED : Outcome.PARTIALLY_FILLED;
            case '4':
                return Outcome.CANCELLED;
            case '5':
                return Outcome.REPLACED;
            case 'C':
                return Outcome.EXPIRED;
            default:
                return Outcome.STATUS;
        }
    }

    private record Pending(Session session, Message report)
    {
    }
}
