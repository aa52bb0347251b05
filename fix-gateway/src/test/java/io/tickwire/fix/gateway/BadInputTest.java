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
import io.tickwire.fix.session.PreLogonCloseReason;
import io.tickwire.sbe.audit.AuditRecordDecoder;
import io.tickwire.sbe.audit.MessageHeaderDecoder;
import io.tickwire.sbe.audit.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.Session;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.tickwire.fix.gateway.GatewayTestSupport.field;
import static io.tickwire.fix.gateway.GatewayTestSupport.msgType;
import static io.tickwire.fix.gateway.OrderFlowTest.assertReport;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class BadInputTest
{
    private static final char SOH = '\u0001';

    @TempDir
    Path dir;

    private Gateway gateway;
    private TestFixClient client;

    @BeforeEach
    void setUp() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final quickfix.SessionSettings settings = GatewayTestSupport.settings(dir, port);
        gateway = Gateway.launch(new GatewayContext().settings(settings).auditDirectory(dir.resolve("audit")));
        client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", GatewayTestSupport.PASSWORD, false);
        assertTrue(client.awaitLogon(10_000));
    }

    @AfterEach
    void tearDown()
    {
        if (null != client)
        {
            client.close();
        }
        if (null != gateway)
        {
            gateway.close();
        }
    }

    private Message assertRejected(final Message order, final String clOrdId, final String ordRejReason,
        final String text) throws Exception
    {
        client.send(order);
        final Message report = client.next();
        assertReport(report, '8', '8', clOrdId, "0", "0");
        assertEquals(ordRejReason, field(report, 103), report.toString());
        assertTrue(field(report, 58).contains(text), field(report, 58));
        return report;
    }

    private void assertSessionStillWorks(final String clOrdId) throws Exception
    {
        client.send(newOrder(clOrdId, "AAPL", '1', "1", '2', "10", '0'));
        assertReport(client.next(), '0', '0', clOrdId, "0", "1");
        assertTrue(client.isLoggedOn());
    }

    @Test
    void shouldRejectUnknownSymbol() throws Exception
    {
        final Message report =
            assertRejected(newOrder("U1", "ZZZZ", '1', "10", '2', "10", '0'), "U1", "1", "unknown symbol");
        assertEquals("ZZZZ", field(report, 55), "the reject echoes the symbol the client sent");
        final String longSymbol = "A-VERY-LONG-UNLISTED-SYMBOL-NAME-1234567890";
        final Message cut =
            assertRejected(newOrder("U2", longSymbol, '1', "10", '2', "10", '0'), "U2", "1", "unknown symbol");
        assertEquals(longSymbol.substring(0, 32), field(cut, 55), "echoed up to 32 characters");
        assertSessionStillWorks("OK1");
    }

    @Test
    void shouldRejectZeroAndNegativeQuantityAndPrice() throws Exception
    {
        assertRejected(newOrder("Q0", "AAPL", '1', "0", '2', "10", '0'), "Q0", "13", "got 0");
        assertRejected(newOrder("Q1", "AAPL", '1', "-5", '2', "10", '0'), "Q1", "13", "got -5");
        assertRejected(newOrder("Q2", "AAPL", '1', "1.5", '2', "10", '0'), "Q2", "13", "malformed");
        assertRejected(newOrder("P0", "AAPL", '1', "10", '2', "0", '0'), "P0", "99", "invalid price");
        assertRejected(newOrder("P1", "AAPL", '1', "10", '2', "-1.5", '0'), "P1", "99", "got -1.5");
        assertSessionStillWorks("OK1");
    }

    @Test
    void shouldRejectDuplicateClOrdId() throws Exception
    {
        client.send(newOrder("D1", "AAPL", '1', "10", '2', "10", '0'));
        assertReport(client.next(), '0', '0', "D1", "0", "10");
        assertRejected(newOrder("D1", "AAPL", '1', "10", '2', "10", '0'), "D1", "6", "duplicate ClOrdID");
    }

    @Test
    void shouldRejectUnsupportedOrderTypeAndTimeInForce() throws Exception
    {
        assertRejected(newOrder("T1", "AAPL", '1', "10", '3', "10", '0'), "T1", "11", "OrdType(40) '3'");
        assertRejected(newOrder("T2", "AAPL", '1', "10", '2', "10", '1'), "T2", "11", "TimeInForce(59) '1'");
    }

    @Test
    void shouldRejectMissingRequiredField() throws Exception
    {
        final Message order = newOrder("M1", "AAPL", '1', "10", '2', "10", '0');
        order.removeField(38);
        client.send(order);
        final Message reject = client.next();
        assertNotNull(reject);
        assertEquals("j", msgType(reject), reject.toString());
        assertEquals("5", field(reject, 380), reject.toString());
        assertTrue(field(reject, 58).contains("Required Field Missing, field=38"), field(reject, 58));
        assertSessionStillWorks("OK1");
    }

    @Test
    void shouldBusinessRejectUnsupportedMessageType() throws Exception
    {
        final Message request = new Message();
        request.getHeader().setString(35, "V");
        request.setString(262, "MDR1");
        request.setChar(263, '0');
        request.setInt(264, 1);
        final quickfix.Group types = new quickfix.Group(267, 269);
        types.setChar(269, '0');
        request.addGroup(types);
        final quickfix.Group symbols = new quickfix.Group(146, 55);
        symbols.setString(55, "AAPL");
        request.addGroup(symbols);
        client.send(request);
        final Message reject = client.next();
        assertNotNull(reject);
        assertEquals("j", msgType(reject), reject.toString());
        assertEquals("V", field(reject, 372));
        assertEquals("3", field(reject, 380));
        assertNotNull(field(reject, 58));
        assertSessionStillWorks("OK1");
    }

    @Test
    void shouldIgnoreGarbledOrderAndRecoverItByResendRequest() throws Exception
    {
        final Session session = Session.lookupSession(client.sessionId);
        final int seq = session.getStore().getNextSenderMsgSeqNum();
        final String good = raw(seq, "11=CK1" + SOH + "55=AAPL" + SOH + "54=1" + SOH + "60=" + now() + SOH +
            "38=1" + SOH + "40=2" + SOH + "44=10" + SOH);
        final String bad = good.substring(0, good.length() - 4) + String.format("%03d", (checksumOf(good) + 1) % 256) +
            SOH;
        // Corrupted in transit: the client holds the order it sent, the wire carries a wrong CheckSum.
        session.getStore().set(seq, good);
        session.getResponder().send(bad);
        session.getStore().incrNextSenderMsgSeqNum();

        client.send(newOrder("NEXT1", "AAPL", '1', "1", '2', "10", '0'));
        final Message resendRequest = client.nextAdmin("2");
        assertNotNull(resendRequest, "the gap the garbled message left is asked for again");
        assertEquals(String.valueOf(seq), field(resendRequest, 7));

        final Message first = client.next();
        assertReport(first, '0', '0', "CK1", "0", "1");
        assertReport(client.next(), '0', '0', "NEXT1", "0", "1");
        assertNull(client.appMessages.poll(500, TimeUnit.MILLISECONDS), "the order is acknowledged once");
        assertEquals(1, gateway.counters().garbledDiscarded());
        assertTrue(client.adminMessages.stream().noneMatch(m -> "3".equals(msgTypeOrNull(m))), "no session Reject");
        assertSessionStillWorks("OK1");

        client.close();
        client = null;
        gateway.close();
        gateway = null;
        final List<String> discarded = new ArrayList<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final AuditRecordDecoder record = new AuditRecordDecoder();
        final JournalVerifyReport report = new JournalReader().verify(JournalReader.journalFiles(dir.resolve("audit")),
            (file, frameOffset, sequence, buffer, offset, length) ->
            {
                header.wrap(buffer, offset);
                if (header.templateId() == AuditRecordDecoder.TEMPLATE_ID)
                {
                    record.wrapAndApplyHeader(buffer, offset, header);
                    final Outcome outcome = record.outcome();
                    record.sessionId();
                    record.clOrdId();
                    record.origClOrdId();
                    record.symbol();
                    final String text = record.text();
                    final byte[] bytes = new byte[record.rawMessageLength()];
                    record.getRawMessage(bytes, 0, bytes.length);
                    if (Outcome.DISCARDED == outcome)
                    {
                        discarded.add(text + " | " + new String(bytes, StandardCharsets.ISO_8859_1));
                    }
                }
            });
        assertTrue(report.isValid(), report.toString());
        assertEquals(1, discarded.size(), discarded.toString());
        assertTrue(discarded.get(0).endsWith(" | " + bad), "raw bytes as received: " + discarded.get(0));
        assertTrue(discarded.get(0).contains("CheckSum"), discarded.get(0));
    }

    @Test
    void shouldIgnoreGarbledFieldAndStayUp() throws Exception
    {
        final Session session = Session.lookupSession(client.sessionId);
        final int seq = session.getStore().getNextSenderMsgSeqNum();
        session.getResponder().send(raw(seq, "11=G1" + SOH + "55=AAPL" + SOH + "54=1" + SOH + "60=" + now() + SOH +
            "38=1" + SOH + "4x0=2" + SOH + "44=10" + SOH));
        session.getStore().incrNextSenderMsgSeqNum();
        // Nothing of it is in the client's store: the resend fills the gap, the session carries on.
        assertSessionStillWorks("OK1");
        assertEquals(1, gateway.counters().garbledDiscarded());
    }

    @Test
    void shouldRejectOversizedBodyLengthAndStayUp() throws Exception
    {
        final Session session = Session.lookupSession(client.sessionId);
        final int seq = session.getStore().getNextSenderMsgSeqNum();
        final String good = raw(seq, "11=BL1" + SOH + "55=AAPL" + SOH + "54=1" + SOH + "60=" + now() + SOH +
            "38=1" + SOH + "40=2" + SOH + "44=10" + SOH);
        final String oversized = good.replaceFirst("9=\\d+", "9=999999");
        session.getResponder().send(oversized);
        session.getStore().incrNextSenderMsgSeqNum();
        final Message reject = client.nextAdmin("3");
        assertNotNull(reject);
        assertEquals("9", field(reject, 371));
        assertEquals("BodyLength(9) 999999 exceeds the maximum inbound message size 8192", field(reject, 58));
        assertSessionStillWorks("OK1");
        assertEquals(1, gateway.sizeFilter().oversizedCount());
    }

    @Test
    void shouldDropJunkAndAnUnterminatedHeaderAfterLogonWithoutBufferingThemAndStayUp() throws Exception
    {
        final long heldBefore = gateway.sizeFilter().framingHighWaterMark();
        final Session session = Session.lookupSession(client.sessionId);
        // Junk outside any frame, then a BodyLength that never ends (a million digits), then SOH so that the
        // client's next message starts a frame again.
        session.getResponder().send("junk outside any frame" + SOH + "8=FIX.4.4" + SOH + "9=" +
            "9".repeat(1_000_000) + SOH);
        assertSessionStillWorks("OK1");
        assertEquals(1, gateway.sizeFilter().malformedHeaders());
        assertTrue(gateway.sizeFilter().discardedBytes() >= 1_000_000, "" + gateway.sizeFilter().discardedBytes());
        final long held = gateway.sizeFilter().framingHighWaterMark();
        // The order sent after it is the largest frame since: what the framing held is bounded by frames, not junk.
        assertTrue(held < 1024, "framing held " + held + " bytes (before: " + heldBefore + ")");
        assertEquals(0, gateway.counters().preLogonCloses(PreLogonCloseReason.MALFORMED_HEADER),
            "a logged-on session is not closed for it");
    }

    private static String msgTypeOrNull(final Message message)
    {
        try
        {
            return msgType(message);
        }
        catch (final Exception ex)
        {
            return null;
        }
    }

    private String raw(final int seq, final String body)
    {
        final String header = "35=D" + SOH + "49=CLIENT1" + SOH + "56=TWGW" + SOH + "34=" + seq + SOH + "52=" + now() +
            SOH;
        final String withoutTrailer = "8=FIX.4.4" + SOH + "9=" + (header.length() + body.length()) + SOH + header +
            body;
        return withoutTrailer + "10=" + String.format("%03d", checksum(withoutTrailer)) + SOH;
    }

    private static int checksumOf(final String message)
    {
        return checksum(message.substring(0, message.lastIndexOf("10=")));
    }

    private static int checksum(final String text)
    {
        int sum = 0;
        for (int i = 0; i < text.length(); i++)
        {
            sum += text.charAt(i);
        }
        return sum % 256;
    }

    private static String now()
    {
        return LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS"));
    }
}
