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
import io.tickwire.sbe.audit.AuditRecordDecoder;
import io.tickwire.sbe.audit.MessageHeaderDecoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.tickwire.fix.gateway.GatewayTestSupport.field;
import static io.tickwire.fix.gateway.GatewayTestSupport.msgType;
import static io.tickwire.fix.gateway.OrderFlowTest.assertReport;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order checks that decide which way an order trades, on both paths that can set it: NewOrderSingle and
 * OrderCancelReplaceRequest. Real gateway with an audit trail, real QuickFIX/J initiators over TCP.
 */
@Timeout(90)
class OrderValidationTest
{
    @TempDir
    Path dir;

    private Gateway gateway;
    private TestFixClient buyer;
    private TestFixClient seller;

    @BeforeEach
    void setUp() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        gateway = Gateway.launch(new GatewayContext()
            .settings(GatewayTestSupport.settings(dir, port))
            .auditDirectory(dir.resolve("audit")));
        buyer = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", GatewayTestSupport.PASSWORD, false);
        seller = new TestFixClient("FIX.4.4", "CLIENT2", port, "bob", GatewayTestSupport.PASSWORD, false);
        assertTrue(buyer.awaitLogon(10_000));
        assertTrue(seller.awaitLogon(10_000));
    }

    @AfterEach
    void tearDown()
    {
        if (null != buyer)
        {
            buyer.close();
        }
        if (null != seller)
        {
            seller.close();
        }
        if (null != gateway)
        {
            gateway.close();
        }
    }

    @Test
    void shouldAcknowledgeBuySellAndShortSalesEchoingTheSideSent() throws Exception
    {
        final char[] accepted = {'1', '2', '5', '6'};
        for (final char side : accepted)
        {
            final String clOrdId = "S" + side;
            buyer.send(newOrder(clOrdId, "AAPL", side, "10", '2', '1' == side ? "100" : "200", '0'));
            final Message report = buyer.next();
            assertReport(report, '0', '0', clOrdId, "0", "10");
            assertEquals(String.valueOf(side), field(report, 54), report.toString());
        }
    }

    @Test
    void shouldRejectEverySideTheVenueDoesNotExecute() throws Exception
    {
        final char[] refused = {'3', '4', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F', 'G'};
        for (final char side : refused)
        {
            final String clOrdId = "X" + side;
            buyer.send(newOrder(clOrdId, "AAPL", side, "10", '2', "100", '0'));
            final Message report = buyer.next();
            assertReport(report, '8', '8', clOrdId, "0", "0");
            assertEquals(String.valueOf(side), field(report, 54), "the reject echoes the Side sent");
            assertEquals("11", field(report, 103), report.toString());
            assertTrue(field(report, 58).contains("unsupported Side(54) '" + side + "'"), field(report, 58));
        }
    }

    @Test
    void shouldTradeShortSaleAsSellAndRefusedSideNotAtAll() throws Exception
    {
        buyer.send(newOrder("BID", "AAPL", '1', "10", '2', "100", '0'));
        assertReport(buyer.next(), '0', '0', "BID", "0", "10");

        // Cross (9) was once executed as a sell against this bid: now refused, the bid untouched.
        seller.send(newOrder("CROSS", "AAPL", '9', "10", '2', "100", '0'));
        assertReport(seller.next(), '8', '8', "CROSS", "0", "0");

        seller.send(newOrder("SHORT", "AAPL", '5', "4", '2', "100", '0'));
        assertReport(seller.next(), '0', '0', "SHORT", "0", "4");
        final Message shortFill = seller.next();
        assertReport(shortFill, 'F', '2', "SHORT", "4", "0");
        assertEquals("5", field(shortFill, 54), "a short sale's fill stays marked as one");
        final Message bidFill = buyer.next();
        assertReport(bidFill, 'F', '1', "BID", "4", "6");
        assertEquals("1", field(bidFill, 54));
    }

    @Test
    void shouldKeepShortSaleFlagInTheAuditRecords() throws Exception
    {
        seller.send(newOrder("SS1", "AAPL", '5', "10", '2', "200", '0'));
        assertReport(seller.next(), '0', '0', "SS1", "0", "10");
        seller.send(newOrder("SSE1", "AAPL", '6', "10", '2', "201", '0'));
        assertReport(seller.next(), '0', '0', "SSE1", "0", "10");
        closeAll();

        final List<String> sides = journalled();
        assertTrue(sides.contains("INBOUND RECEIVED 5 SS1"), sides.toString());
        assertTrue(sides.contains("OUTBOUND ACCEPTED 5 SS1"), sides.toString());
        assertTrue(sides.contains("INBOUND RECEIVED 6 SSE1"), sides.toString());
        assertTrue(sides.contains("OUTBOUND ACCEPTED 6 SSE1"), sides.toString());
    }

    @Test
    void shouldRejectReplaceThatChangesSymbolAndLeaveTheOrderAsItWas() throws Exception
    {
        buyer.send(newOrder("A1", "AAPL", '1', "100", '2', "150", '0'));
        assertReport(buyer.next(), '0', '0', "A1", "0", "100");

        buyer.send(replace("A2", "A1", "MSFT", '2', "100", '2', "300"));
        assertCancelReject(buyer.next(), "A2", "A1", "Symbol(55) differs");
        buyer.send(replace("A3", "A1", "MSFT", '1', "100", '2', "300"));
        assertCancelReject(buyer.next(), "A3", "A1", "Symbol(55) differs");

        // Still an AAPL buy at 150: a sell at 150 trades with it, a sell at 300 would not have.
        seller.send(newOrder("S1", "AAPL", '2', "100", '2', "150", '0'));
        assertReport(seller.next(), '0', '0', "S1", "0", "100");
        final Message fill = seller.next();
        assertReport(fill, 'F', '2', "S1", "100", "0");
        assertEquals("150", field(fill, 31));
        assertEquals("AAPL", field(fill, 55));
    }

    @Test
    void shouldRejectReplaceThatChangesSideOrOrdType() throws Exception
    {
        buyer.send(newOrder("B1", "AAPL", '1', "100", '2', "150", '0'));
        assertReport(buyer.next(), '0', '0', "B1", "0", "100");
        seller.send(newOrder("SS1", "AAPL", '5', "100", '2', "160", '0'));
        assertReport(seller.next(), '0', '0', "SS1", "0", "100");

        buyer.send(replace("B2", "B1", "AAPL", '2', "100", '2', "150"));
        assertCancelReject(buyer.next(), "B2", "B1", "Side(54) differs");
        seller.send(replace("SS2", "SS1", "AAPL", '2', "100", '2', "160"));
        assertCancelReject(seller.next(), "SS2", "SS1", "Side(54) differs");
        buyer.send(replace("B3", "B1", "AAPL", '1', "100", '1', null));
        assertCancelReject(buyer.next(), "B3", "B1", "OrdType(40) differs");

        buyer.send(replace("B4", "B1", "AAPL", '1', "90", '2', "150"));
        final Message replaced = buyer.next();
        assertReport(replaced, '5', '0', "B4", "0", "90");
        assertEquals("1", field(replaced, 54));
        seller.send(replace("SS3", "SS1", "AAPL", '5', "50", '2', "160"));
        final Message shortReplaced = seller.next();
        assertReport(shortReplaced, '5', '0', "SS3", "0", "50");
        assertEquals("5", field(shortReplaced, 54));
    }

    @Test
    void shouldApplyTheNewOrderFieldRulesToReplaces() throws Exception
    {
        buyer.send(newOrder("R1", "AAPL", '1', "100", '2', "150", '0'));
        assertReport(buyer.next(), '0', '0', "R1", "0", "100");

        final String longId = "R-" + "0123456789".repeat(4);
        buyer.send(replace(longId, "R1", "AAPL", '1', "100", '2', "151"));
        assertCancelReject(buyer.next(), longId.substring(0, 32), "R1", "unsupported ClOrdID(11): 42 characters");
        buyer.send(replace("R2", "R1", "ZZZZ", '1', "100", '2', "151"));
        assertCancelReject(buyer.next(), "R2", "R1", "unknown symbol");
        buyer.send(replace("R3", "R1", "AAPL", '9', "100", '2', "151"));
        assertCancelReject(buyer.next(), "R3", "R1", "unsupported Side(54) '9'");
        buyer.send(replace("R4", "R1", "AAPL", '1', "100", '3', "151"));
        assertCancelReject(buyer.next(), "R4", "R1", "unsupported OrdType(40) '3'");
        buyer.send(replace("R5", "R1", "AAPL", '1', "0", '2', "151"));
        assertCancelReject(buyer.next(), "R5", "R1", "invalid quantity");
        buyer.send(replace("R6", "R1", "AAPL", '1', "100", '2', "0"));
        assertCancelReject(buyer.next(), "R6", "R1", "invalid price");
        final Message withTif = replace("R7", "R1", "AAPL", '1', "100", '2', "151");
        withTif.setChar(59, '1');
        buyer.send(withTif);
        assertCancelReject(buyer.next(), "R7", "R1", "unsupported TimeInForce(59) '1'");
        buyer.send(replace("R1", "R1", "AAPL", '1', "100", '2', "151"));
        assertCancelReject(buyer.next(), "R1", "R1", "duplicate ClOrdID(11)");

        buyer.send(replace("R8", "R1", "AAPL", '1', "100", '2', "151"));
        assertReport(buyer.next(), '5', '0', "R8", "0", "100");
    }

    @Test
    void shouldApplyTheFieldRulesToNewOrders() throws Exception
    {
        final String longId = "N-" + "0123456789".repeat(4);
        buyer.send(newOrder(longId, "AAPL", '1', "10", '2', "150", '0'));
        assertNewOrderRejected(buyer.next(), longId.substring(0, 32), "unsupported ClOrdID(11): 42 characters");
        buyer.send(newOrder("N2", "ZZZZ", '1', "10", '2', "150", '0'));
        assertNewOrderRejected(buyer.next(), "N2", "unknown symbol");
        buyer.send(newOrder("N3", "AAPL", '1', "10", '3', "150", '0'));
        assertNewOrderRejected(buyer.next(), "N3", "unsupported OrdType(40) '3'");
        buyer.send(newOrder("N4", "AAPL", '1', "0", '2', "150", '0'));
        assertNewOrderRejected(buyer.next(), "N4", "invalid quantity");
        buyer.send(newOrder("N5", "AAPL", '1', "10", '2', "0", '0'));
        assertNewOrderRejected(buyer.next(), "N5", "invalid price");
        buyer.send(newOrder("N6", "AAPL", '1', "10", '2', "150", '1'));
        assertNewOrderRejected(buyer.next(), "N6", "unsupported TimeInForce(59) '1'");
        buyer.send(newOrder("N6", "AAPL", '1', "10", '2', "150", '0'));
        assertNewOrderRejected(buyer.next(), "N6", "duplicate ClOrdID(11)");
    }

    @Test
    void shouldKeepTheBytesOfANonAsciiClOrdId() throws Exception
    {
        // The client sends UTF-8; QuickFIX/J on both ends maps bytes to chars one to one (ISO-8859-1).
        final String first = wire("ÄÖ-1");
        final String second = wire("ÜÖ-1");
        buyer.send(newOrder(first, "AAPL", '1', "10", '2', "150", '0'));
        assertReport(buyer.next(), '0', '0', first, "0", "10");
        buyer.send(newOrder(second, "AAPL", '1', "10", '2', "150", '0'));
        assertReport(buyer.next(), '0', '0', second, "0", "10");
        closeAll();

        final List<String> records = journalled();
        assertEquals(List.of("INBOUND RECEIVED 1 ÄÖ-1", "INBOUND RECEIVED 1 ÜÖ-1"),
            records.stream().filter(line -> line.startsWith("INBOUND RECEIVED")).toList(),
            "journalled as the UTF-8 the client sent");
    }

    private static String wire(final String text)
    {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private void closeAll()
    {
        buyer.close();
        seller.close();
        gateway.close();
        buyer = null;
        seller = null;
        gateway = null;
    }

    /**
     * Every audit record as "DIRECTION OUTCOME side clOrdId".
     */
    private List<String> journalled() throws Exception
    {
        final List<String> lines = new ArrayList<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final AuditRecordDecoder record = new AuditRecordDecoder();
        final Path journal = dir.resolve("audit");
        final JournalVerifyReport report = new JournalReader().verify(JournalReader.journalFiles(journal),
            (file, frameOffset, sequence, buffer, offset, length) ->
            {
                header.wrap(buffer, offset);
                if (header.templateId() == AuditRecordDecoder.TEMPLATE_ID)
                {
                    record.wrapAndApplyHeader(buffer, offset, header);
                    final String line = record.direction() + " " + record.outcome() + " " + (char)record.side();
                    record.sessionId();
                    lines.add(line + " " + record.clOrdId());
                }
            });
        assertTrue(report.isValid(), report.toString());
        return lines;
    }

    static Message replace(
        final String clOrdId, final String origClOrdId, final String symbol, final char side, final String qty,
        final char ordType, final String price)
    {
        final Message replace = new Message();
        replace.getHeader().setString(35, "G");
        replace.setString(11, clOrdId);
        replace.setString(41, origClOrdId);
        replace.setString(55, symbol);
        replace.setChar(54, side);
        replace.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        replace.setString(38, qty);
        replace.setChar(40, ordType);
        if (null != price)
        {
            replace.setString(44, price);
        }
        return replace;
    }

    private static void assertCancelReject(
        final Message reject, final String clOrdId, final String origClOrdId, final String text) throws Exception
    {
        assertEquals("9", msgType(reject), String.valueOf(reject));
        assertEquals(clOrdId, field(reject, 11), reject.toString());
        assertEquals(origClOrdId, field(reject, 41), reject.toString());
        assertEquals("2", field(reject, 434), "answers a replace");
        assertTrue(field(reject, 58).contains(text), field(reject, 58));
    }

    private static void assertNewOrderRejected(final Message report, final String clOrdId, final String text)
        throws Exception
    {
        assertReport(report, '8', '8', clOrdId, "0", "0");
        assertTrue(field(report, 58).contains(text), field(report, 58));
    }
}
