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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static io.tickwire.fix.gateway.GatewayTestSupport.field;
import static io.tickwire.fix.gateway.GatewayTestSupport.msgType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class OrderFlowTest
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
        gateway = Gateway.launch(new GatewayContext().settings(GatewayTestSupport.settings(dir, port)));
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

    static Message status(final String clOrdId)
    {
        final Message status = new Message();
        status.getHeader().setString(35, "H");
        status.setString(11, clOrdId);
        status.setString(55, "AAPL");
        status.setChar(54, '1');
        return status;
    }

    static Message cancel(final String clOrdId, final String origClOrdId)
    {
        final Message cancel = new Message();
        cancel.getHeader().setString(35, "F");
        cancel.setString(11, clOrdId);
        cancel.setString(41, origClOrdId);
        cancel.setString(55, "AAPL");
        cancel.setChar(54, '1');
        cancel.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        return cancel;
    }

    static Message newOrder(
        final String clOrdId, final String symbol, final char side, final String qty, final char ordType,
        final String price, final char tif)
    {
        final Message message = new Message();
        message.getHeader().setString(35, "D");
        message.setString(11, clOrdId);
        message.setChar(21, '1');
        message.setString(55, symbol);
        message.setChar(54, side);
        message.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        message.setString(38, qty);
        message.setChar(40, ordType);
        if (null != price)
        {
            message.setString(44, price);
        }
        message.setChar(59, tif);
        return message;
    }

    static void assertReport(
        final Message report, final char execType, final char ordStatus, final String clOrdId,
        final String cum, final String leaves) throws Exception
    {
        assertNotNull(report, "no report");
        assertEquals("8", msgType(report), report.toString());
        assertEquals(String.valueOf(execType), field(report, 150), report.toString());
        assertEquals(String.valueOf(ordStatus), field(report, 39), report.toString());
        assertEquals(clOrdId, field(report, 11), report.toString());
        assertEquals(cum, field(report, 14), report.toString());
        assertEquals(leaves, field(report, 151), report.toString());
    }

    @Test
    void shouldAcknowledgeNewLimitOrder() throws Exception
    {
        buyer.send(newOrder("B1", "AAPL", '1', "100", '2', "150.25", '0'));
        final Message report = buyer.next();
        assertReport(report, '0', '0', "B1", "0", "100");
        assertEquals("AAPL", field(report, 55));
        assertEquals("150.25", field(report, 44));
        assertNotNull(field(report, 37));
        assertTrue(report.getString(60).contains("."), "TransactTime carries sub-second digits");
    }

    @Test
    void shouldFillCrossingOrdersOnBothSides() throws Exception
    {
        seller.send(newOrder("S1", "AAPL", '2', "100", '2', "150", '0'));
        assertReport(seller.next(), '0', '0', "S1", "0", "100");

        buyer.send(newOrder("B1", "AAPL", '1', "60", '2', "151", '0'));
        assertReport(buyer.next(), '0', '0', "B1", "0", "60");
        final Message buyFill = buyer.next();
        assertReport(buyFill, 'F', '2', "B1", "60", "0");
        assertEquals("60", field(buyFill, 32));
        assertEquals("150", field(buyFill, 31));
        assertEquals("150", field(buyFill, 6));

        final Message sellFill = seller.next();
        assertReport(sellFill, 'F', '1', "S1", "60", "40");
        assertEquals("60", field(sellFill, 32));
        assertEquals("150", field(sellFill, 31));
    }

    @Test
    void shouldCancelImmediateOrCancelRemainder() throws Exception
    {
        seller.send(newOrder("S1", "AAPL", '2', "30", '2', "150", '0'));
        assertReport(seller.next(), '0', '0', "S1", "0", "30");

        buyer.send(newOrder("B1", "AAPL", '1', "100", '2', "150", '3'));
        assertReport(buyer.next(), '0', '0', "B1", "0", "100");
        assertReport(buyer.next(), 'F', '1', "B1", "30", "70");
        final Message expired = buyer.next();
        assertReport(expired, '4', '4', "B1", "30", "0");
        assertTrue(field(expired, 58).contains("immediate"), field(expired, 58));
    }

    @Test
    void shouldCancelFillOrKillThatCannotFillCompletely() throws Exception
    {
        seller.send(newOrder("S1", "AAPL", '2', "30", '2', "150", '0'));
        assertReport(seller.next(), '0', '0', "S1", "0", "30");

        buyer.send(newOrder("B1", "AAPL", '1', "100", '2', "150", '4'));
        assertReport(buyer.next(), '0', '0', "B1", "0", "100");
        final Message killed = buyer.next();
        assertReport(killed, '4', '4', "B1", "0", "0");
        assertTrue(field(killed, 58).contains("fill-or-kill"), field(killed, 58));

        buyer.send(newOrder("B2", "AAPL", '1', "30", '2', "150", '4'));
        assertReport(buyer.next(), '0', '0', "B2", "0", "30");
        assertReport(buyer.next(), 'F', '2', "B2", "30", "0");
    }

    @Test
    void shouldExecuteMarketOrderAgainstBook() throws Exception
    {
        seller.send(newOrder("S1", "MSFT", '2', "10", '2', "300.5", '0'));
        assertReport(seller.next(), '0', '0', "S1", "0", "10");
        buyer.send(newOrder("B1", "MSFT", '1', "10", '1', null, '3'));
        assertReport(buyer.next(), '0', '0', "B1", "0", "10");
        final Message fill = buyer.next();
        assertReport(fill, 'F', '2', "B1", "10", "0");
        assertEquals("300.5", field(fill, 31));
    }

    @Test
    void shouldCancelReplaceAndReportStatus() throws Exception
    {
        buyer.send(newOrder("B1", "AAPL", '1', "100", '2', "149", '0'));
        assertReport(buyer.next(), '0', '0', "B1", "0", "100");

        final Message replace = new Message();
        replace.getHeader().setString(35, "G");
        replace.setString(11, "B2");
        replace.setString(41, "B1");
        replace.setString(55, "AAPL");
        replace.setChar(54, '1');
        replace.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        replace.setString(38, "80");
        replace.setChar(40, '2');
        replace.setString(44, "149.5");
        buyer.send(replace);
        final Message replaced = buyer.next();
        assertReport(replaced, '5', '0', "B2", "0", "80");
        assertEquals("B1", field(replaced, 41));
        assertEquals("149.5", field(replaced, 44));

        final Message status = new Message();
        status.getHeader().setString(35, "H");
        status.setString(11, "B2");
        status.setString(55, "AAPL");
        status.setChar(54, '1');
        buyer.send(status);
        final Message statusReport = buyer.next();
        assertReport(statusReport, 'I', '0', "B2", "0", "80");

        final Message cancel = new Message();
        cancel.getHeader().setString(35, "F");
        cancel.setString(11, "B3");
        cancel.setString(41, "B2");
        cancel.setString(55, "AAPL");
        cancel.setChar(54, '1');
        cancel.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        buyer.send(cancel);
        final Message cancelled = buyer.next();
        assertReport(cancelled, '4', '4', "B3", "0", "0");
        assertEquals("B2", field(cancelled, 41));

        cancel.setString(11, "B4");
        buyer.send(cancel);
        final Message tooLate = buyer.next();
        assertEquals("9", msgType(tooLate));
        assertEquals("1", field(tooLate, 434));
        assertEquals("0", field(tooLate, 102));
        assertTrue(field(tooLate, 58).contains("too late"), field(tooLate, 58));
    }

    @Test
    void shouldRejectCancelOfUnknownOrder() throws Exception
    {
        final Message cancel = new Message();
        cancel.getHeader().setString(35, "F");
        cancel.setString(11, "C1");
        cancel.setString(41, "NOPE");
        cancel.setString(55, "AAPL");
        cancel.setChar(54, '1');
        cancel.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        buyer.send(cancel);
        final Message reject = buyer.next();
        assertEquals("9", msgType(reject));
        assertEquals("NONE", field(reject, 37));
        assertEquals("1", field(reject, 102));
        assertTrue(field(reject, 58).contains("unknown order"), field(reject, 58));
    }

    @Test
    void shouldNotLetOneSessionCancelAnotherSessionsOrder() throws Exception
    {
        buyer.send(newOrder("X1", "AAPL", '1', "5", '2', "100", '0'));
        assertReport(buyer.next(), '0', '0', "X1", "0", "5");
        final Message cancel = new Message();
        cancel.getHeader().setString(35, "F");
        cancel.setString(11, "C1");
        cancel.setString(41, "X1");
        cancel.setString(55, "AAPL");
        cancel.setChar(54, '1');
        cancel.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC));
        seller.send(cancel);
        final Message reject = seller.next();
        assertEquals("9", msgType(reject));
        assertTrue(field(reject, 58).contains("unknown order"), field(reject, 58));
    }
}
