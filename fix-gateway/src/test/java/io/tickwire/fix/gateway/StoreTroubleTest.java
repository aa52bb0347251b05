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
import io.tickwire.fix.audit.SmallFilesystem;
import io.tickwire.fix.audit.StoreHealth;
import io.tickwire.fix.cli.AuditCommand;
import io.tickwire.fix.session.SecurityEventListener;
import io.tickwire.sbe.audit.AuditEventType;
import io.tickwire.sbe.audit.AuditRecordDecoder;
import io.tickwire.sbe.audit.Direction;
import io.tickwire.sbe.audit.MessageHeaderDecoder;
import io.tickwire.sbe.audit.Outcome;
import io.tickwire.sbe.internal.RejectReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import quickfix.Message;
import quickfix.SessionSettings;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.tickwire.fix.gateway.GatewayTestSupport.field;
import static io.tickwire.fix.gateway.GatewayTestSupport.msgType;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway (embedded cluster order path, FIX over TCP) with its audit journal on a real small tmpfs: filled up, or
 * made read-only under a rotating journal. New orders are refused with a reject that names the cause, the outage is
 * counted and reported, no acknowledgement leaves whose records are not in the journal, and when the space returns
 * the held acknowledgements go out, new orders are accepted and the journal verifies (chain and seals) with every
 * acknowledged order.
 */
@Timeout(90)
class StoreTroubleTest
{
    @TempDir
    Path dir;

    private SmallFilesystem fs;

    @AfterEach
    void unmount()
    {
        if (null != fs)
        {
            fs.close();
        }
    }

    @Test
    void shouldRefuseOrdersWhileTheAuditDiskIsFullAndAcknowledgeAgainWhenSpaceReturns() throws Exception
    {
        fs = SmallFilesystem.mountTmpfs(dir.resolve("mnt"), 1024);
        runOutage(256 * 1024, fs::fill, this::free, "audit store unavailable: no space left on device (ENOSPC)");
    }

    @Test
    void shouldRefuseOrdersWhileTheAuditDirectoryIsReadOnlyAndAcknowledgeAgainWhenWritable() throws Exception
    {
        fs = SmallFilesystem.mountTmpfs(dir.resolve("mnt"), 2048);
        // The smallest journal files: each few orders need a new file, which a read-only directory refuses.
        runOutage(4096, fs::readOnly, fs::readWrite, "audit store unavailable: read-only file system (EROFS)");
    }

    @Test
    void shouldRefuseOrdersWhileTheSessionStoreIsFullAndSendNothingItCouldNotStore() throws Exception
    {
        fs = SmallFilesystem.mountTmpfs(dir.resolve("mnt"), 1024);
        final String expectedText = "session store unavailable: no space left on device (ENOSPC)";
        final Path store = fs.path().resolve("store");
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        settings.setString("FileStorePath", store.toString());
        final Set<String> acknowledged = new HashSet<>();
        final Set<String> refused = new HashSet<>();
        try (Gateway gateway = Gateway.launch(
            new GatewayContext().settings(settings).auditDirectory(dir.resolve("audit")));
            TestFixClient client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", "s3cret-pass", false))
        {
            assertTrue(client.awaitLogon(10_000));
            final StoreHealth sessionStore = gateway.sessionStore();
            client.send(newOrder("A0", "AAPL", '1', "10", '2', "150", '0'));
            collect(client.next(), acknowledged, refused, expectedText);

            fs.fill();
            int sent = 0;
            while (sessionStore.isAvailable())
            {
                assertTrue(sent < 500, "the gateway never noticed the full session store");
                client.send(newOrder("B" + sent++, "AAPL", '1', "10", '2', "150", '0'));
                await(() -> !client.appMessages.isEmpty() || !sessionStore.isAvailable());
                while (!client.appMessages.isEmpty())
                {
                    collect(client.appMessages.poll(), acknowledged, refused, expectedText);
                }
            }
            // QuickFIX/J stores each message before it sends it; the acknowledgement it could not store was not sent.
            final String unanswered = "B" + (sent - 1);
            assertFalse(acknowledged.contains(unanswered), acknowledged.toString());
            await(() -> 1 == gateway.counters().storeOutages());
            assertTrue(gateway.storeDescription().startsWith("session store UNAVAILABLE"), gateway.storeDescription());

            final long failures = sessionStore.failures();
            client.send(newOrder("R1", "AAPL", '1', "10", '2', "150", '0'));
            await(() -> gateway.counters().rejects(RejectReason.STORE_UNAVAILABLE) >= 1 &&
                sessionStore.failures() > failures);
            assertTrue(client.appMessages.isEmpty(), "nothing leaves that the session store could not record");

            fs.free();
            // Any message the gateway sends is a write to the store: a Heartbeat answering a TestRequest will do.
            final Message testRequest = new Message();
            testRequest.getHeader().setString(35, "1");
            testRequest.setString(112, "after-free");
            client.send(testRequest);
            await(() -> sessionStore.isAvailable() && 1 == gateway.counters().storeRecoveries());

            client.send(newOrder("N1", "AAPL", '1', "10", '2', "150", '0'));
            nextFor(client, "N1", acknowledged, refused, expectedText);
            assertTrue(acknowledged.contains("N1"), acknowledged.toString());
            // The order whose acknowledgement could not be stored is in the book: a status request finds it.
            final Message status = new Message();
            status.getHeader().setString(35, "H");
            status.setString(11, unanswered);
            status.setString(55, "AAPL");
            status.setChar(54, '1');
            client.send(status);
            final Message statusReport = client.next();
            assertNotNull(statusReport, "no status report");
            assertEquals(unanswered, field(statusReport, 11));
            assertEquals("I", field(statusReport, 150));
            assertEquals("0", field(statusReport, 39));
        }

        final String body = new String(java.nio.file.Files.readAllBytes(
            store.resolve("FIX.4.4-TWGW-CLIENT1.body")), java.nio.charset.StandardCharsets.ISO_8859_1);
        for (final String clOrdId : acknowledged)
        {
            assertTrue(body.contains("\u000111=" + clOrdId + "\u0001"), "acknowledged and stored: " + clOrdId);
        }
    }

    private void free()
    {
        try
        {
            fs.free();
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private void runOutage(
        final long maxFileSize, final Runnable trouble, final Runnable repair, final String expectedText)
        throws Exception
    {
        final Path journal = fs.path().resolve("audit");
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        settings.setLong(GatewayConfiguration.AUDIT_MAX_FILE_SIZE_PROP_NAME, maxFileSize);
        final List<String> events = new CopyOnWriteArrayList<>();
        final Set<String> acknowledged = new HashSet<>();
        final Set<String> refused = new HashSet<>();
        try (Gateway gateway = Gateway.launch(new GatewayContext()
            .settings(settings)
            .auditDirectory(journal)
            .securityEventListener(new SecurityEventListener()
            {
                public void onStoreUnavailable(final String store, final String detail)
                {
                    events.add("unavailable " + store + ": " + detail);
                }

                public void onStoreRecovered(final String store, final long unavailableMillis)
                {
                    events.add("recovered " + store);
                }
            }));
            TestFixClient client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", "s3cret-pass", false))
        {
            assertTrue(client.awaitLogon(10_000));
            final StoreHealth store = gateway.auditStore();
            client.send(newOrder("A0", "AAPL", '1', "10", '2', "150", '0'));
            collect(client.next(), acknowledged, refused, expectedText);

            trouble.run();
            // Orders go on until one of them meets the trouble: its acknowledgement is then held.
            int sent = 0;
            while (store.isAvailable())
            {
                assertTrue(sent < 500, "the gateway never noticed the trouble");
                client.send(newOrder("B" + sent++, "AAPL", '1', "10", '2', "150", '0'));
                await(() -> !client.appMessages.isEmpty() || !store.isAvailable());
                while (!client.appMessages.isEmpty())
                {
                    collect(client.appMessages.poll(), acknowledged, refused, expectedText);
                }
            }
            // The store turns unavailable before the writer tells the counters and the listener: wait for both.
            await(() -> 1 == gateway.counters().storeOutages() && !events.isEmpty());
            assertEquals(1, gateway.counters().storeOutages());
            assertTrue(gateway.storeDescription().startsWith("audit store UNAVAILABLE"), gateway.storeDescription());
            assertTrue(events.get(0).startsWith("unavailable audit store: ") && events.get(0).contains(
                journal.toString()), events.toString());
            assertTrue(journalledAcknowledgements(journal, false).containsAll(acknowledged),
                "every acknowledgement sent so far is in the journal");

            client.send(newOrder("R1", "AAPL", '1', "10", '2', "150", '0'));
            nextFor(client, "R1", acknowledged, refused, expectedText);
            assertTrue(refused.contains("R1"), "refused: " + refused);
            assertTrue(gateway.counters().rejects(RejectReason.STORE_UNAVAILABLE) >= 1);
            assertFalse(store.isAvailable());
            assertTrue(journalledAcknowledgements(journal, false).containsAll(acknowledged),
                "no acknowledgement left whose record is not in the journal: " + acknowledged);

            repair.run();
            await(store::isAvailable);
            client.send(newOrder("N1", "AAPL", '1', "10", '2', "150", '0'));
            nextFor(client, "N1", acknowledged, refused, expectedText);
            assertTrue(acknowledged.contains("N1"), "accepted again: " + acknowledged);
            // Each order had one answer: acknowledged (held while its record could not be written, then released
            // before N1's, in order) or refused for the store.
            for (int i = 0; i < sent; i++)
            {
                assertTrue(acknowledged.contains("B" + i) ^ refused.contains("B" + i), "B" + i + ": " +
                    acknowledged + " " + refused);
            }
            await(() -> 1 == gateway.counters().storeRecoveries() && events.size() > 1);
            assertEquals(1, gateway.counters().storeRecoveries());
            assertEquals("OK", gateway.storeDescription());
            assertEquals("recovered audit store", events.get(events.size() - 1));
        }

        final Set<String> journalled = journalledAcknowledgements(journal, true);
        assertTrue(journalled.containsAll(acknowledged), journalled + " vs " + acknowledged);
        // The seals (on by default) survived the outage too: `audit verify --seal-key` accepts the journal.
        final StringWriter out = new StringWriter();
        final CommandLine audit = new CommandLine(new AuditCommand());
        audit.setOut(new PrintWriter(out, true));
        audit.setErr(new PrintWriter(out, true));
        assertEquals(0, audit.execute("verify", journal.toString(), "--seal-key",
            fs.path().resolve("audit-seal.key").toString()), out::toString);
    }

    /**
     * Read reports up to the one for a ClOrdID, sorting each into acknowledged or refused.
     */
    private static void nextFor(
        final TestFixClient client,
        final String clOrdId,
        final Set<String> acknowledged,
        final Set<String> refused,
        final String expectedText) throws Exception
    {
        while (true)
        {
            final Message message = client.next();
            assertNotNull(message, "no report for " + clOrdId);
            collect(message, acknowledged, refused, expectedText);
            if (clOrdId.equals(field(message, 11)))
            {
                return;
            }
        }
    }

    /**
     * An acknowledgement (New), or a refusal for the store with the expected Text; nothing else.
     */
    private static void collect(
        final Message message, final Set<String> acknowledged, final Set<String> refused, final String expectedText)
        throws Exception
    {
        assertNotNull(message, "no report");
        assertEquals("8", msgType(message), message.toString());
        final String clOrdId = field(message, 11);
        if ("8".equals(field(message, 150)))
        {
            assertEquals("8", field(message, 39), message.toString());
            assertEquals(expectedText, field(message, 58));
            assertTrue(refused.add(clOrdId), "answered twice: " + message);
        }
        else
        {
            assertEquals("0", field(message, 150), message.toString());
            assertTrue(acknowledged.add(clOrdId), "answered twice: " + message);
        }
    }

    /**
     * ClOrdIDs of the acknowledgements (gated ExecutionReport records, outcome ACCEPTED) in the journal; read while
     * the gateway writes it, the frames up to the first incomplete one.
     */
    private static Set<String> journalledAcknowledgements(final Path journal, final boolean mustVerify)
    {
        final Set<String> clOrdIds = new HashSet<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final AuditRecordDecoder record = new AuditRecordDecoder();
        final JournalVerifyReport report = new JournalReader().verify(JournalReader.journalFiles(journal),
            (file, frameOffset, sequence, buffer, offset, length) ->
            {
                header.wrap(buffer, offset);
                if (header.templateId() == AuditRecordDecoder.TEMPLATE_ID)
                {
                    record.wrapAndApplyHeader(buffer, offset, header);
                    if (Direction.OUTBOUND == record.direction() &&
                        AuditEventType.EXECUTION_REPORT == record.eventType() && Outcome.ACCEPTED == record.outcome())
                    {
                        record.sessionId();
                        final String clOrdId = record.clOrdId();
                        clOrdIds.add(clOrdId);
                    }
                }
            });
        if (mustVerify)
        {
            assertTrue(report.isValid(), report.toString());
        }
        return clOrdIds;
    }

    private static void await(final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean())
        {
            assertTrue(System.nanoTime() < deadline, "condition not met within 20 s");
            Thread.sleep(1);
        }
    }
}
