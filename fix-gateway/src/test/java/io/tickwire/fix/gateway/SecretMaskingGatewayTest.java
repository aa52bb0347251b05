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
import io.tickwire.fix.audit.AuditExporter;
import io.tickwire.fix.audit.JournalReader;
import io.tickwire.fix.audit.JournalVerifyReport;
import io.tickwire.fix.cli.AuditCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import quickfix.FileLogFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.tickwire.fix.gateway.GatewayTestSupport.msgType;
import static io.tickwire.fix.gateway.OrderFlowTest.assertReport;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client logs on with Username/Password through the real gateway, changes its password with a UserRequest
 * (Password and NewPassword) and sends one more whose CheckSum is wrong: the session logs - QuickFIX/J's files
 * (FileLogPath) and its SLF4J log - and the audit journal record that a password was sent ({@code 554=***}),
 * never what it was, and the journal still verifies. A Logon for an unknown session is not logged whole either.
 */
@Timeout(90)
class SecretMaskingGatewayTest
{
    private static final char SOH = '\u0001';
    private static final String PASSWORD = GatewayTestSupport.PASSWORD;
    private static final String NEW_PASSWORD = "n3w-s3cret-pass";

    @TempDir
    Path dir;

    @Test
    void shouldMaskPasswordsInTheSessionLogFilesAndTheAuditJournal() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        final Path logDir = dir.resolve("log");
        final Path journal = dir.resolve("audit");
        settings.setString(FileLogFactory.SETTING_FILE_LOG_PATH, logDir.toString());
        try (Gateway gateway = Gateway.launch(new GatewayContext().settings(settings).auditDirectory(journal));
            TestFixClient client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", PASSWORD, false))
        {
            assertTrue(client.awaitLogon(10_000));
            changePassword(client);

            // The same request corrupted in transit: discarded as garbled, journalled with its bytes as received.
            final Session session = Session.lookupSession(client.sessionId);
            final int seq = session.getStore().getNextSenderMsgSeqNum();
            session.getResponder().send(withWrongCheckSum(seq, "923=UR2" + SOH + "924=3" + SOH + "553=alice" + SOH +
                "554=" + PASSWORD + SOH + "925=" + NEW_PASSWORD + SOH));
            session.getStore().incrNextSenderMsgSeqNum();
            client.send(newOrder("M1", "AAPL", '1', "1", '2', "10", '0'));
            assertReport(client.next(), '0', '0', "M1", "0", "1");
            assertEquals(1, gateway.counters().garbledDiscarded());
        }

        final String messages = readAll(logDir, ".messages.log");
        assertTrue(messages.contains(SOH + "35=A" + SOH) &&
            messages.contains(SOH + "553=alice" + SOH + "554=***" + SOH),
            "the Logon is logged, its password masked: " + readable(messages));
        assertTrue(messages.contains(SOH + "35=BE" + SOH) && messages.contains(SOH + "925=***" + SOH),
            "the UserRequest's NewPassword too: " + readable(messages));
        assertNoSecret(logDir);

        final StringWriter out = new StringWriter();
        final CommandLine audit = new CommandLine(new AuditCommand());
        audit.setOut(new PrintWriter(out, true));
        assertEquals(0, audit.execute("verify", journal.toString()), out::toString);

        final List<Map<String, String>> rows = new ArrayList<>();
        final AuditExporter exporter = new AuditExporter();
        final JournalVerifyReport report = new JournalReader().verify(JournalReader.journalFiles(journal),
            (file, frameOffset, sequence, buffer, offset, length) ->
                rows.add(exporter.toRow(file, frameOffset, buffer, offset, length)));
        assertTrue(report.isValid(), report.toString());
        final Map<String, String> userRequest = find(rows, (row) -> "RECEIVED".equals(row.get("outcome")) &&
            row.get("rawMessage").contains("|35=BE|"));
        assertTrue(userRequest.get("rawMessage").contains("|554=***|") &&
            userRequest.get("rawMessage").contains("|925=***|"), userRequest::toString);
        final Map<String, String> discarded = find(rows, (row) -> "DISCARDED".equals(row.get("outcome")));
        assertTrue(discarded.get("rawMessage").contains("|553=alice|554=***|925=***|"), discarded::toString);
        for (final Map<String, String> row : rows)
        {
            assertFalse(row.toString().contains(PASSWORD) || row.toString().contains(NEW_PASSWORD), row::toString);
        }
        // Nothing the gateway wrote holds them: store, logs, journal, cluster log and archive.
        assertNoSecret(dir);
    }

    @Test
    void shouldMaskPasswordsInTheSlf4jLogAndNotLogALogonForAnUnknownSession() throws Exception
    {
        assertTrue(LoggerFactory.getILoggerFactory() instanceof LoggerContext, "tests log through Logback");
        final LoggerContext context = (LoggerContext)LoggerFactory.getILoggerFactory();
        final ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        final ch.qos.logback.classic.Logger quickfixj = context.getLogger("quickfixj");
        final Level levelBefore = quickfixj.getLevel();
        final ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
        quickfixj.setLevel(Level.INFO);
        final List<ILoggingEvent> events;
        try
        {
            final int port = GatewayTestSupport.freePort();
            try (Gateway gateway = Gateway.launch(
                new GatewayContext().settings(GatewayTestSupport.settings(dir, port)));
                TestFixClient client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", PASSWORD, false))
            {
                assertTrue(client.awaitLogon(10_000));
                changePassword(client);
                try (TestFixClient unknown = new TestFixClient("FIX.4.4", "CLIENT9", port, "alice", PASSWORD, false))
                {
                    awaitEvent(captured, (event) -> event.getFormattedMessage().contains("unknown session"));
                }
            }
            synchronized (captured)
            {
                events = new ArrayList<>(captured.list);
            }
        }
        finally
        {
            root.detachAppender(captured);
            quickfixj.setLevel(levelBefore);
        }

        final String gatewaySession = "FIX.4.4:TWGW->CLIENT1: ";
        final String logon = find(events, (event) -> event.getLoggerName().equals("quickfixj.msg.incoming") &&
            event.getFormattedMessage().startsWith(gatewaySession) &&
            event.getFormattedMessage().contains(SOH + "35=A" + SOH)).getFormattedMessage();
        assertTrue(logon.contains(SOH + "553=alice" + SOH + "554=***" + SOH), readable(logon));
        final String userRequest = find(events, (event) -> event.getLoggerName().equals("quickfixj.msg.incoming") &&
            event.getFormattedMessage().startsWith(gatewaySession) &&
            event.getFormattedMessage().contains(SOH + "35=BE" + SOH)).getFormattedMessage();
        assertTrue(userRequest.contains(SOH + "554=***" + SOH) && userRequest.contains(SOH + "925=***" + SOH),
            readable(userRequest));
        assertNotNull(find(events, (event) -> event.getLevel() == Level.ERROR &&
            event.getFormattedMessage().contains("unknown session")));
        for (final ILoggingEvent event : events)
        {
            final String text = event.getFormattedMessage();
            // The test clients' own QuickFIX/J logs (CLIENTn->TWGW) are theirs: they send the password.
            final boolean clientsOwnLog = text.startsWith("FIX.4.4:CLIENT") && text.contains("->TWGW: ");
            assertTrue(clientsOwnLog || !(text.contains(PASSWORD) || text.contains(NEW_PASSWORD)),
                () -> event.getLoggerName() + ": " + readable(text));
        }
    }

    /**
     * A UserRequest (BE) changing the password: an application message, journalled as OTHER, rejected with a
     * BusinessMessageReject as the gateway supports no user management.
     */
    private static void changePassword(final TestFixClient client) throws Exception
    {
        final Message userRequest = new Message();
        userRequest.getHeader().setString(35, "BE");
        userRequest.setString(923, "UR1");
        userRequest.setInt(924, 3);
        userRequest.setString(553, "alice");
        userRequest.setString(554, PASSWORD);
        userRequest.setString(925, NEW_PASSWORD);
        client.send(userRequest);
        final Message reject = client.next();
        assertNotNull(reject, "no answer to the UserRequest");
        assertEquals("j", msgType(reject), reject.toString());
    }

    private static void awaitEvent(final ListAppender<ILoggingEvent> appender, final Predicate<ILoggingEvent> match)
        throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadlineNs)
        {
            synchronized (appender)
            {
                if (appender.list.stream().anyMatch(match))
                {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no such event within 20 s");
    }

    private static <T> T find(final List<T> items, final Predicate<T> match)
    {
        return items.stream().filter(match).findFirst()
            .orElseThrow(() -> new AssertionError("none matches in " + items.size() + " items"));
    }

    private static String withWrongCheckSum(final int seq, final String body)
    {
        final String header = "35=BE" + SOH + "49=CLIENT1" + SOH + "56=TWGW" + SOH + "34=" + seq + SOH + "52=" +
            LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS")) + SOH;
        final String withoutTrailer = "8=FIX.4.4" + SOH + "9=" + (header.length() + body.length()) + SOH + header +
            body;
        int sum = 0;
        for (int i = 0; i < withoutTrailer.length(); i++)
        {
            sum += withoutTrailer.charAt(i);
        }
        return withoutTrailer + "10=" + String.format("%03d", (sum + 1) % 256) + SOH;
    }

    private static String readAll(final Path directory, final String suffix) throws IOException
    {
        final StringBuilder text = new StringBuilder();
        for (final Path file : files(directory))
        {
            if (file.getFileName().toString().endsWith(suffix))
            {
                text.append(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        assertFalse(text.length() == 0, "no " + suffix + " in " + directory);
        return text.toString();
    }

    private static List<Path> files(final Path directory) throws IOException
    {
        try (Stream<Path> walk = Files.walk(directory))
        {
            return walk.filter(Files::isRegularFile).collect(Collectors.toList());
        }
    }

    /**
     * No file under the directory holds either password, read in chunks as the cluster's files may be large.
     */
    private static void assertNoSecret(final Path directory) throws IOException
    {
        final List<Path> files = files(directory);
        assertFalse(files.isEmpty(), directory::toString);
        for (final Path file : files)
        {
            for (final String secret : List.of(PASSWORD, NEW_PASSWORD))
            {
                assertFalse(contains(file, secret), () -> file + " holds " + secret);
            }
        }
    }

    private static boolean contains(final Path file, final String secret) throws IOException
    {
        final byte[] chunk = new byte[1 << 20];
        final int overlap = secret.length() - 1;
        try (InputStream in = Files.newInputStream(file))
        {
            int kept = 0;
            while (true)
            {
                final int read = in.readNBytes(chunk, kept, chunk.length - kept);
                if (0 == read)
                {
                    return false;
                }
                final int length = kept + read;
                if (new String(chunk, 0, length, StandardCharsets.ISO_8859_1).contains(secret))
                {
                    return true;
                }
                kept = Math.min(overlap, length);
                System.arraycopy(chunk, length - kept, chunk, 0, kept);
            }
        }
    }

    private static String readable(final String text)
    {
        return text.replace(SOH, '|');
    }
}
