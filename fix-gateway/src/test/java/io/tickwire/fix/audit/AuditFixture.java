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

import io.tickwire.fix.time.ManualGatewayClock;
import io.tickwire.fix.time.MessageStamp;
import io.tickwire.fix.time.MessageStamper;
import io.tickwire.fix.time.ClockSyncPolicy;
import io.tickwire.sbe.audit.AuditEventType;
import io.tickwire.sbe.audit.Direction;
import io.tickwire.sbe.audit.Outcome;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes deterministic audit records and gives the export row each one must produce.
 */
final class AuditFixture
{
    static final long T0 = 1_763_600_000_123_456L;

    final ManualGatewayClock clock = new ManualGatewayClock(T0, 1_000_000L);
    final MessageStamper stamper = new MessageStamper(clock, ClockSyncPolicy.defaults());
    final MessageStamp stamp = new MessageStamp();
    final AuditEntry entry = new AuditEntry();

    AuditFixture()
    {
        clock.unsynchronised(16_000_000);
    }

    static AuditTrail.Context context(final Path dir)
    {
        return new AuditTrail.Context().directory(dir).ringCapacity(1 << 20).maxFileSize(1 << 20).batchLimit(64);
    }

    static String raw(final int i)
    {
        return "8=FIX.4.4\u00019=120\u000135=D\u000134=" + i + "\u000149=CLIENT\u000156=TW\u000111=ORD" + i +
            "\u000155=AAPL\u000154=1\u000138=" + (100 + i) + "\u000140=2\u000144=187.25\u000159=0\u000110=000\u0001";
    }

    /**
     * Publish record i (content derived from i) and return its ticket.
     */
    long publish(final AuditPublisher publisher, final int i)
    {
        clock.advanceMicros(7);
        stamper.stamp(stamp);
        entry.reset()
            .direction(0 == i % 2 ? Direction.INBOUND : Direction.OUTBOUND)
            .eventType(0 == i % 2 ? AuditEventType.NEW_ORDER : AuditEventType.EXECUTION_REPORT)
            .outcome(0 == i % 2 ? Outcome.RECEIVED : Outcome.ACCEPTED)
            .msgSeqNum(i)
            .side('1')
            .orderType('2')
            .timeInForce('0')
            .orderQuantity(100 + i)
            .price(AuditEntry.toPriceMantissa(187.25))
            .orderId(0 == i % 2 ? 0 : 5000 + i)
            .sessionId("FIX.4.4:TW->CLIENT")
            .clOrdId("ORD" + i)
            .symbol("AAPL")
            .text(0 == i % 3 ? "note, with \"quotes\"" : null)
            .rawMessage(raw(i));
        if (1 == i % 2)
        {
            entry.execType('0').leavesQuantity(100 + i).origClOrdId("ORIG" + i);
        }
        return publisher.publish(stamp, entry);
    }

    /**
     * The export row record i must produce (without file, offset and sequence).
     */
    static Map<String, String> expectedRow(final int i)
    {
        final Map<String, String> row = new LinkedHashMap<>();
        final long micros = T0 + 7L * (i + 1);
        row.put("recordType", "AuditRecord");
        row.put("timestampMicros", Long.toString(micros));
        row.put("monotonicNanos", Long.toString(1_000_000L + 7_000L * (i + 1)));
        row.put("clockStatus", "UNSYNCHRONISED");
        row.put("withinTolerance", "FALSE");
        row.put("direction", 0 == i % 2 ? "INBOUND" : "OUTBOUND");
        row.put("eventType", 0 == i % 2 ? "NEW_ORDER" : "EXECUTION_REPORT");
        row.put("outcome", 0 == i % 2 ? "RECEIVED" : "ACCEPTED");
        row.put("msgSeqNum", Integer.toString(i));
        row.put("side", "1");
        row.put("orderType", "2");
        row.put("timeInForce", "0");
        row.put("execType", 1 == i % 2 ? "0" : "");
        row.put("orderQuantity", Integer.toString(100 + i));
        row.put("price", "187.2500");
        row.put("lastQuantity", "0");
        row.put("lastPrice", "");
        row.put("cumulativeQuantity", "0");
        row.put("leavesQuantity", 1 == i % 2 ? Integer.toString(100 + i) : "0");
        row.put("orderId", Integer.toString(0 == i % 2 ? 0 : 5000 + i));
        row.put("sessionId", "FIX.4.4:TW->CLIENT");
        row.put("clOrdId", "ORD" + i);
        row.put("origClOrdId", 1 == i % 2 ? "ORIG" + i : "");
        row.put("symbol", "AAPL");
        row.put("text", 0 == i % 3 ? "note, with \"quotes\"" : "");
        row.put("rawMessage", raw(i).replace('\u0001', '|'));
        return row;
    }

    /**
     * Run the writer agent until every published record is durable.
     */
    static void drain(final AuditTrail audit)
    {
        while (audit.durability().durableTicket() < audit.publisher().lastTicket())
        {
            audit.writerAgent().doWork();
        }
    }

    /**
     * Read every valid frame: offsets and export rows.
     */
    static List<Frame> frames(final List<Path> files)
    {
        final List<Frame> frames = new ArrayList<>();
        final AuditExporter exporter = new AuditExporter();
        new JournalReader().verify(files, (file, frameOffset, sequence, buffer, offset, length) ->
            frames.add(new Frame(file, frameOffset, sequence, length,
            exporter.toRow(file, frameOffset, buffer, offset, length))));
        return frames;
    }

    record Frame(Path file, long offset, long sequence, int recordLength, Map<String, String> row)
    {
    }
}
