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

import io.tickwire.fix.time.ClockSyncPolicy;
import io.tickwire.fix.time.ManualGatewayClock;
import io.tickwire.fix.time.MessageStamp;
import io.tickwire.fix.time.MessageStamper;
import io.tickwire.sbe.audit.AuditEventType;
import io.tickwire.sbe.audit.Direction;
import io.tickwire.sbe.audit.Outcome;
import org.agrona.concurrent.BackoffIdleStrategy;

import java.io.PrintStream;
import java.nio.file.Paths;

/**
 * Child process of {@link AuditCrashTest}: publishes audit records as fast as the ring allows, with ClOrdID
 * {@code T<ticket>}, and prints {@code DURABLE <ticket>} each time the durable ticket advances - what a gateway
 * would use to release acknowledgements. It runs until it is killed.
 */
public final class AuditCrashChild
{
    private AuditCrashChild()
    {
    }

    /**
     * @param args journal directory, max file size.
     */
    public static void main(final String[] args)
    {
        final PrintStream out = System.out;
        final ManualGatewayClock clock = new ManualGatewayClock(1_763_600_000_000_000L, 0).unsynchronised(16_000_000);
        final MessageStamper stamper = new MessageStamper(clock, ClockSyncPolicy.defaults());
        final MessageStamp stamp = new MessageStamp();
        final AuditEntry entry = new AuditEntry();
        final StringBuilder clOrdId = new StringBuilder();
        final AuditTrail audit = AuditTrail.launch(new AuditTrail.Context()
            .directory(Paths.get(args[0]))
            .maxFileSize(Long.parseLong(args[1]))
            .ringCapacity(1 << 20)
            .batchLimit(256));
        audit.startWriterThread(new BackoffIdleStrategy());
        out.println("STARTED " + audit.writerAgent().journal().nextSequence());
        out.flush();

        long printed = 0;
        while (true)
        {
            clock.advanceMicros(1);
            clOrdId.setLength(0);
            clOrdId.append('T').append(audit.publisher().lastTicket() + 1);
            audit.publisher().publish(stamper.stamp(stamp), entry.reset()
                .direction(Direction.OUTBOUND).eventType(AuditEventType.EXECUTION_REPORT).outcome(Outcome.ACCEPTED)
                .execType('0').clOrdId(clOrdId).symbol("AAPL").sessionId("FIX.4.4:TW->CRASH")
                .rawMessage("8=FIX.4.4\u000135=8\u000111=" + clOrdId + "\u0001150=0\u000110=000\u0001"));

            final long durable = audit.durability().durableTicket();
            if (durable > printed)
            {
                out.println("DURABLE " + durable);
                out.flush();
                printed = durable;
            }
        }
    }
}
