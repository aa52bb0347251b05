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

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tickwire.fix.audit.JournalReader;
import io.tickwire.fix.audit.JournalVerifyReport;
import io.tickwire.sbe.audit.AuditRecordDecoder;
import io.tickwire.sbe.audit.MessageHeaderDecoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.tickwire.fix.gateway.OrderFlowTest.assertReport;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing a gateway while a session is logged on with resting orders, cancel-on-disconnect and orders still
 * arriving: the session is logged out, its cancels are made and reported (into the session's store and the
 * journal) before the stores and the journal close, so nothing is logged as an error and the journal verifies.
 * Real gateway, real QuickFIX/J initiator over TCP, both order paths.
 */
@Timeout(120)
class GatewayCloseTest
{
    private static final int RESTING = 200;
    private static final String CLIENT_SIDE = "FIX.4.4:CLIENT1->TWGW";

    @TempDir
    Path dir;

    private TestFixClient buyer;

    @AfterEach
    void tearDown()
    {
        if (null != buyer && buyer.isLoggedOn())
        {
            buyer.close();
        }
    }

    @ParameterizedTest(name = "clustered={0}")
    @ValueSource(booleans = {false, true})
    void shouldCloseUnderLoadWithoutErrorsCancellingTheRestingOrders(final boolean clustered) throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        if (!clustered)
        {
            settings.removeSetting(new SessionID("DEFAULT", "", ""), GatewayConfiguration.CLUSTER_DIR_PROP_NAME);
        }
        final Path audit = dir.resolve("audit");

        final LoggerContext logging = (LoggerContext)LoggerFactory.getILoggerFactory();
        final ch.qos.logback.classic.Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        final ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logging);
        captured.start();
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        final PrintStream originalErr = System.err;

        final Gateway gateway = Gateway.launch(new GatewayContext().settings(settings).auditDirectory(audit));
        final long errorsBefore;
        final AtomicBoolean flooding = new AtomicBoolean(true);
        final AtomicLong sent = new AtomicLong();
        final Thread flood;
        try
        {
            buyer = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", GatewayTestSupport.PASSWORD, false);
            assertTrue(buyer.awaitLogon(20_000));
            for (int i = 0; i < RESTING; i++)
            {
                buyer.send(newOrder("REST" + i, "AAPL", '1', "1", '2', "90", '0'));
            }
            for (int i = 0; i < RESTING; i++)
            {
                assertReport(buyer.next(), '0', '0', "REST" + i, "0", "1");
            }
            errorsBefore = gateway.counters().agentErrors();

            // Orders keep arriving (each rests too) while the gateway closes; logged out, the client stops, as a
            // client told the venue is closing would (it would otherwise try to log on again every second).
            final TestFixClient client = buyer;
            flood = new Thread(() ->
            {
                while (flooding.get() && client.isLoggedOn())
                {
                    client.send(newOrder("LOAD" + sent.incrementAndGet(), "AAPL", '1', "1", '2', "89", '0'));
                }
                client.close();
            }, "order-flood");
            flood.start();
            while (sent.get() < 500)
            {
                Thread.sleep(1);
            }
            root.addAppender(captured);
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        }
        catch (final Exception | Error ex)
        {
            gateway.close();
            throw ex;
        }

        final List<ILoggingEvent> problems;
        try
        {
            gateway.close();
        }
        finally
        {
            System.setErr(originalErr);
            root.detachAppender(captured);
            flooding.set(false);
        }
        flood.join(10_000);
        // The client's own session log is left out: reports the gateway sent before the client's Logout answer
        // and that reached it after it are reported by the client's QuickFIX/J as arriving when not logged on.
        problems = captured.list.stream()
            .filter((event) -> event.getLevel().isGreaterOrEqual(Level.WARN))
            .filter((event) -> !event.getFormattedMessage().startsWith(CLIENT_SIDE))
            .toList();

        assertEquals(List.of(), problems.stream().map((event) -> event.getLevel() + " " + event.getLoggerName() +
            " " + event.getFormattedMessage()).toList(), "logged while closing");
        assertEquals("", stderr.toString(StandardCharsets.UTF_8), "printed while closing");
        assertEquals(errorsBefore, gateway.counters().agentErrors(), "agent errors while closing");

        final AtomicInteger cancels = new AtomicInteger();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final AuditRecordDecoder record = new AuditRecordDecoder();
        final JournalVerifyReport report = new JournalReader().verify(JournalReader.journalFiles(audit),
            (file, frameOffset, sequence, buffer, offset, length) ->
            {
                header.wrap(buffer, offset);
                if (header.templateId() == AuditRecordDecoder.TEMPLATE_ID)
                {
                    record.wrapAndApplyHeader(buffer, offset, header);
                    if ("OUTBOUND".equals(record.direction().name()) && '4' == (char)record.execType())
                    {
                        cancels.incrementAndGet();
                    }
                }
            });
        assertTrue(report.isValid(), report.issues()::toString);
        assertTrue(cancels.get() >= RESTING, "cancel reports journalled: " + cancels.get());
    }
}
