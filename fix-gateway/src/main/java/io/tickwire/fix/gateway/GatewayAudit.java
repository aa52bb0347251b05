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
package io.tickwire.fix.gateway;

import io.tickwire.fix.audit.AuditTrail;
import io.tickwire.fix.audit.DurableListener;
import io.tickwire.fix.session.AuditingInboundObserver;
import io.tickwire.fix.session.AuditingOutboundGate;
import io.tickwire.fix.session.AuditingWireRecorder;
import io.tickwire.fix.session.InboundObserver;
import io.tickwire.fix.session.OutboundGate;
import io.tickwire.fix.time.ClockSyncPolicy;
import io.tickwire.fix.time.GatewayClock;
import io.tickwire.fix.time.MessageStamper;

/**
 * The audit points of the session layer and the report sender. With an audit directory: the {@link AuditTrail}
 * and the journal's inbound observer, outbound gate (a report waits until its record is durable) and wire recorder;
 * without one: the context's hooks, which do nothing unless a caller plugged its own in.
 */
final class GatewayAudit
{
    private final AuditTrail trail;
    private final AuditingWireRecorder wireRecorder;
    private final InboundObserver inboundObserver;
    private final OutboundGate outboundGate;

    /**
     * @param ctx         concluded context: its hooks, used when there is no trail.
     * @param trail       from {@link #launchTrail}, or null.
     * @param clock       the receive clock the records are stamped with.
     * @param clockPolicy tolerance and whether sync is required.
     */
    GatewayAudit(
        final GatewayContext ctx, final AuditTrail trail, final GatewayClock clock, final ClockSyncPolicy clockPolicy)
    {
        this.trail = trail;
        if (null != trail)
        {
            wireRecorder = new AuditingWireRecorder(trail.publisher(),
                trail.reportPublisher(), trail.otherPublisher(), new MessageStamper(clock, clockPolicy));
            inboundObserver = new AuditingInboundObserver(trail.publisher(), wireRecorder);
            outboundGate = new AuditingOutboundGate(trail.reportPublisher(), trail.reportDurability(),
                new MessageStamper(clock, clockPolicy), wireRecorder).auditStore(trail.storeHealth());
        }
        else
        {
            wireRecorder = null;
            inboundObserver = ctx.inboundObserver();
            outboundGate = ctx.outboundGate();
        }
    }

    /**
     * Open the journal when the context names an audit directory; its writer thread starts with the gateway.
     *
     * @param ctx             concluded context.
     * @param clock           whose sync state each commit records.
     * @param clockPolicy     tolerance recorded with it.
     * @param durableListener told after each group commit (wakes the report sender), or null.
     * @return the trail, or null without an audit directory.
     */
    static AuditTrail launchTrail(
        final GatewayContext ctx,
        final GatewayClock clock,
        final ClockSyncPolicy clockPolicy,
        final DurableListener durableListener)
    {
        if (null == ctx.resolvedAuditDirectory)
        {
            return null;
        }
        return AuditTrail.launch(new AuditTrail.Context()
            .sync(ctx.auditSync)
            .maxFileSize(ctx.auditMaxFileSize)
            .sealKey(ctx.auditSealKey())
            .directory(ctx.resolvedAuditDirectory)
            .toleranceMicros(clockPolicy.toleranceMicros())
            .clockSync(clock::syncSnapshot)
            .durableListener(durableListener));
    }

    AuditTrail trail()
    {
        return trail;
    }

    /**
     * @return the copy of every message as sent, or null without a trail.
     */
    AuditingWireRecorder wireRecorder()
    {
        return wireRecorder;
    }

    InboundObserver inboundObserver()
    {
        return inboundObserver;
    }

    OutboundGate outboundGate()
    {
        return outboundGate;
    }
}
