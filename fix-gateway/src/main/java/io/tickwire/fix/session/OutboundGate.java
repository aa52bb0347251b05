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

import quickfix.Message;
import quickfix.Session;

/**
 * The one point through which every ExecutionReport and OrderCancelReject leaves the gateway, on the execution
 * report sender thread. The default sends at once; an audit implementation records the report and releases it
 * only when its record is durable (it then owns {@code report} and sends it later via {@code session.send}).
 */
@FunctionalInterface
public interface OutboundGate
{
    /**
     * Sends immediately.
     */
    OutboundGate IMMEDIATE = (session, report, correlationId, receiveNanos) -> session.send(report);

    /**
     * Release (or hold, then release) one outbound report.
     *
     * @param session       target session.
     * @param report        the message, not reused by the caller.
     * @param correlationId gateway correlation id of the request that caused it.
     * @param receiveNanos  monotonic receive stamp of that request.
     */
    void release(Session session, Message report, long correlationId, long receiveNanos);

    /**
     * Called on every duty cycle of the sender: release held reports whose condition is now met.
     *
     * @return reports released.
     */
    default int doWork()
    {
        return 0;
    }

    /**
     * @return reports held, not yet sent; read on the sender thread, or after it stopped.
     */
    default int pending()
    {
        return 0;
    }
}
