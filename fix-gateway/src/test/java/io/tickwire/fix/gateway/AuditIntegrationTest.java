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

import io.tickwire.fix.audit.JournalReader;
import io.tickwire.fix.audit.JournalVerifyReport;
import io.tickwire.fix.time.ManualGatewayClock;
import io.tickwire.sbe.audit.AuditRecordDecoder;
import io.tickwire.sbe.audit.MessageHeaderDecoder;
import io.tickwire.sbe.audit.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.tickwire.fix.gateway.GatewayTestSupport.field;
import static io.tickwire.fix.gateway.OrderFlowTest.assertReport;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class AuditIntegrationTest
{
    private static final long EPOCH_MICROS = 1_790_000_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldJournalRequestAndReportWithClockStatusBeforeReportIsSent() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final Path journal = dir.resolve("audit");
        final ManualGatewayClock clock = new ManualGatewayClock(EPOCH_MICROS, 1_000).unsynchronised(16_000_000);
        try (Gateway gateway = Gateway.launch(new GatewayContext()
            .settings(GatewayTestSupport.settings(dir, port))
            .clock(clock)
            .auditDirectory(journal));
            TestFixClient client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", "s3cret-pass", false))
        {
            assertTrue(client.awaitLogon(10_000));
            client.send(newOrder("A1", "AAPL", '1', "10", '2', "150", '0'));
            final Message ack = client.next();
            assertReport(ack, '0', '0', "A1", "0", "10");
            // TransactTime from the same clock that stamped the request and the audit records, to the microsecond.
            assertEquals(java.time.LocalDateTime.ofEpochSecond(0, 0, java.time.ZoneOffset.UTC)
                .plusNanos(EPOCH_MICROS * 1000)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSSSSS")), field(ack, 60));
            assertTrue(gateway.clockDescription().contains("UNSYNCHRONISED"), gateway.clockDescription());
        }

        final List<String> records = new ArrayList<>();
        final List<String> sent = new ArrayList<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final AuditRecordDecoder record = new AuditRecordDecoder();
        final JournalVerifyReport report = new JournalReader().verify(JournalReader.journalFiles(journal),
            (file, frameOffset, sequence, buffer, offset, length) ->
            {
                header.wrap(buffer, offset);
                if (header.templateId() == AuditRecordDecoder.TEMPLATE_ID)
                {
                    record.wrapAndApplyHeader(buffer, offset, header);
                    final String line = record.direction() + " " + record.eventType() + " " + record.outcome() +
                        " " + record.clockStatus() + " " + record.clockErrorBoundMicros() + " " +
                        record.withinTolerance() + " " + record.timestampMicros();
                    record.sessionId();
                    (Outcome.SENT == record.outcome() ? sent : records).add(line + " " + record.clOrdId());
                }
            });
        assertTrue(report.isValid(), report.toString());
        assertEquals(List.of(
            "INBOUND NEW_ORDER RECEIVED UNSYNCHRONISED 16000000 FALSE " + EPOCH_MICROS + " A1",
            "OUTBOUND EXECUTION_REPORT ACCEPTED UNSYNCHRONISED 16000000 FALSE " + EPOCH_MICROS + " A1"),
            records.subList(0, 2));
        for (final String later : records.subList(2, records.size()))
        {
            assertTrue(later.startsWith("OUTBOUND EXECUTION_REPORT CANCELLED"), "cancel-on-disconnect: " + later);
        }
        // The wire copy QuickFIX/J sent (toApp), after the gated record.
        assertEquals(
            "OUTBOUND EXECUTION_REPORT SENT UNSYNCHRONISED 16000000 FALSE " + EPOCH_MICROS + " A1", sent.get(0));
    }

    @Test
    void shouldRefuseOrdersWhileClockNotWithinToleranceWhenRequired() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final ManualGatewayClock clock = new ManualGatewayClock(EPOCH_MICROS, 1_000).unsynchronised(16_000_000);
        try (Gateway gateway = Gateway.launch(new GatewayContext()
            .settings(GatewayTestSupport.settings(dir, port))
            .clock(clock)
            .requireClockSync(true));
            TestFixClient client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", "s3cret-pass", false))
        {
            assertTrue(client.awaitLogon(10_000));
            client.send(newOrder("U1", "AAPL", '1', "10", '2', "150", '0'));
            final Message rejected = client.next();
            assertReport(rejected, '8', '8', "U1", "0", "0");
            assertTrue(field(rejected, 58).startsWith("clock not synchronised within tolerance (error bound 16000000"),
                field(rejected, 58));

            clock.synchronised(50);
            client.send(newOrder("U2", "AAPL", '1', "10", '2', "150", '0'));
            assertReport(client.next(), '0', '0', "U2", "0", "10");
        }
    }
}
