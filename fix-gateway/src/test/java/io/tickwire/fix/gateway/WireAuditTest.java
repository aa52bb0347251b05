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

import io.tickwire.fix.audit.AuditExporter;
import io.tickwire.fix.audit.JournalReader;
import io.tickwire.fix.audit.JournalVerifyReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.Session;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tickwire.fix.gateway.GatewayTestSupport.field;
import static io.tickwire.fix.gateway.GatewayTestSupport.msgType;
import static io.tickwire.fix.gateway.OrderFlowTest.assertReport;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wire copy of what QuickFIX/J sends is audited (outcome SENT): the session Reject QuickFIX/J generates for
 * a garbled message and the BusinessMessageReject for an unsupported MsgType, each with its Text, and every
 * ExecutionReport with the MsgSeqNum and SendingTime it carried on the wire.
 */
@Timeout(60)
class WireAuditTest
{
    private static final char SOH = '\u0001';

    @TempDir
    Path dir;

    @Test
    void shouldJournalSessionRejectBusinessRejectAndReportAsSent() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final Path journal = dir.resolve("audit");
        final quickfix.SessionSettings settings = GatewayTestSupport.settings(dir, port);
        settings.setString("RejectGarbledMessage", "Y");
        final Message report;
        final Message sessionReject;
        final Message businessReject;
        try (Gateway gateway = Gateway.launch(new GatewayContext().settings(settings).auditDirectory(journal));
            TestFixClient client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice",
                GatewayTestSupport.PASSWORD, false))
        {
            assertTrue(client.awaitLogon(10_000));
            client.send(newOrder("W1", "AAPL", '1', "10", '2', "150", '0'));
            report = client.next();
            assertReport(report, '0', '0', "W1", "0", "10");

            final Session session = Session.lookupSession(client.sessionId);
            final int seq = session.getStore().getNextSenderMsgSeqNum();
            session.getResponder().send(raw(seq, "11=G1" + SOH + "55=AAPL" + SOH + "54=1" + SOH + "60=" + now() +
                SOH + "38=1" + SOH + "4x0=2" + SOH + "44=10" + SOH));
            session.getStore().incrNextSenderMsgSeqNum();
            sessionReject = client.nextAdmin("3");
            assertNotNull(sessionReject);

            final Message unsupported = new Message();
            unsupported.getHeader().setString(35, "BE");
            unsupported.setString(923, "UR1");
            unsupported.setInt(924, 1);
            unsupported.setString(553, "alice");
            client.send(unsupported);
            businessReject = client.next();
            assertNotNull(businessReject);
            assertEquals("j", msgType(businessReject), businessReject.toString());
        }

        final List<Map<String, String>> sent = new ArrayList<>();
        final AuditExporter exporter = new AuditExporter();
        final JournalVerifyReport verify = new JournalReader().verify(JournalReader.journalFiles(journal),
            (file, frameOffset, sequence, buffer, offset, length) ->
            {
                final Map<String, String> row = exporter.toRow(file, frameOffset, buffer, offset, length);
                if ("SENT".equals(row.get("outcome")))
                {
                    sent.add(row);
                }
            });
        assertTrue(verify.isValid(), verify.toString());

        final Map<String, String> reportRow = find(sent, "EXECUTION_REPORT", "W1");
        final String reportSeq = report.getHeader().getString(34);
        assertEquals(reportSeq, reportRow.get("msgSeqNum"));
        assertTrue(reportRow.get("rawMessage").contains("|34=" + reportSeq + "|"), reportRow.get("rawMessage"));
        assertTrue(reportRow.get("rawMessage").contains("|52=" + report.getHeader().getString(52) + "|"),
            reportRow.get("rawMessage"));
        assertEquals("OUTBOUND", reportRow.get("direction"));

        final Map<String, String> rejectRow = find(sent, "SESSION_REJECT", "");
        assertEquals(field(sessionReject, 58), rejectRow.get("text"));
        assertEquals(sessionReject.getHeader().getString(34), rejectRow.get("msgSeqNum"));

        final Map<String, String> bmrRow = find(sent, "BUSINESS_REJECT", "");
        assertEquals(field(businessReject, 58), bmrRow.get("text"));
        assertTrue(bmrRow.get("rawMessage").contains("|372=BE|"), bmrRow.get("rawMessage"));
    }

    private static Map<String, String> find(
        final List<Map<String, String>> rows, final String eventType, final String clOrdId)
    {
        for (final Map<String, String> row : rows)
        {
            if (eventType.equals(row.get("eventType")) && clOrdId.equals(row.get("clOrdId")))
            {
                return row;
            }
        }
        throw new AssertionError("no SENT " + eventType + " " + clOrdId + " in " + rows);
    }

    private static String raw(final int seq, final String body)
    {
        final String header = "35=D" + SOH + "49=CLIENT1" + SOH + "56=TWGW" + SOH + "34=" + seq + SOH + "52=" + now() +
            SOH;
        final String withoutTrailer = "8=FIX.4.4" + SOH + "9=" + (header.length() + body.length()) + SOH + header +
            body;
        int sum = 0;
        for (int i = 0; i < withoutTrailer.length(); i++)
        {
            sum += withoutTrailer.charAt(i);
        }
        return withoutTrailer + "10=" + String.format("%03d", sum % 256) + SOH;
    }

    private static String now()
    {
        return LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS"));
    }
}
