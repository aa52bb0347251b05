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
import io.tickwire.sbe.audit.Direction;
import io.tickwire.sbe.audit.MessageHeaderDecoder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import quickfix.Message;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.tickwire.fix.gateway.GatewayTestSupport.field;
import static io.tickwire.fix.gateway.GatewayTestSupport.msgType;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The issue's acceptance for the audit durability contract, at gateway level: a gateway in a child JVM (audit
 * on) takes resting and crossing orders from a real QuickFIX/J initiator at full speed; it is killed with
 * SIGKILL mid-flow; afterwards the journal verifies (a torn last frame allowed) and every ExecutionReport the
 * client received (ClOrdID, ExecType) has its outbound record in the journal, after the order's inbound record.
 */
@Timeout(120)
class GatewayCrashTest
{
    private static final int ORDERS = 4000;
    private static final int KILL_AFTER_ACKS = 1500;

    @TempDir
    Path dir;

    /**
     * Both durability contracts promise the same across a crash of the process (what was written belongs to the
     * kernel); they differ only on a crash of the host, which a test on one machine cannot stage.
     *
     * @param sync the gateway's {@code TickwireAuditSync}.
     * @throws Exception on failure.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fsync", "write"})
    void shouldJournalEveryAcknowledgedOrderAcrossKillMinus9(final String sync) throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-opens");
        command.add("java.base/jdk.internal.misc=ALL-UNNAMED");
        command.add("--add-opens");
        command.add("java.base/sun.nio.ch=ALL-UNNAMED");
        command.add("--add-opens");
        command.add("java.base/java.util.zip=ALL-UNNAMED");
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(GatewayCrashChild.class.getName());
        command.add(dir.toString());
        command.add(Integer.toString(port));
        command.add(sync);

        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final AtomicInteger sent = new AtomicInteger();
        final Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        final List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII)))
        {
            String line;
            while (null != (line = reader.readLine()) && !line.startsWith("READY"))
            {
                output.add(line);
            }
            assertTrue(null != line, "gateway did not start: " + output);
            assertTrue(line.startsWith("READY sync=" + sync + " "), line);

            try (TestFixClient client = new TestFixClient(
                "FIX.4.4", "CLIENT1", port, "alice", GatewayTestSupport.PASSWORD, false))
            {
                assertTrue(client.awaitLogon(10_000));
                final Thread sender = new Thread(() ->
                {
                    // Buys rest at 150 (even), sells cross them at 150 (odd): New, then Fill on both sides.
                    for (int i = 0; i < ORDERS && client.isLoggedOn(); i++)
                    {
                        final boolean buy = 0 == i % 2;
                        client.send(newOrder("K" + i, "AAPL", buy ? '1' : '2', "10", '2', "150", '0'));
                        sent.incrementAndGet();
                    }
                }, "order-sender");
                sender.start();

                final long deadline = System.currentTimeMillis() + 20_000;
                while (acknowledged.size() < KILL_AFTER_ACKS && System.currentTimeMillis() < deadline)
                {
                    final Message report = client.appMessages.poll(100, TimeUnit.MILLISECONDS);
                    if (null != report)
                    {
                        acknowledged.add(ack(report));
                    }
                }
                // SIGKILL while orders are still flowing: every report received so far was seen by the client.
                child.destroyForcibly();
                assertTrue(child.waitFor(20, TimeUnit.SECONDS));
                sender.join(10_000);
                Message report;
                while (null != (report = client.appMessages.poll(200, TimeUnit.MILLISECONDS)))
                {
                    acknowledged.add(ack(report));
                }
            }
        }
        finally
        {
            child.destroyForcibly();
        }
        assertTrue(acknowledged.size() >= KILL_AFTER_ACKS, "acknowledged " + acknowledged.size() + ": " + output);
        assertTrue(sent.get() > 0);

        final Set<String> inbound = new HashSet<>();
        final Set<String> outbound = new HashSet<>();
        final List<String> outOfOrder = new ArrayList<>();
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
                    final Direction direction = record.direction();
                    final char execType = (char)record.execType();
                    record.sessionId();
                    final String clOrdId = record.clOrdId();
                    if (Direction.INBOUND == direction)
                    {
                        inbound.add(clOrdId);
                    }
                    else
                    {
                        outbound.add(clOrdId + "/" + execType);
                        if (!inbound.contains(clOrdId))
                        {
                            outOfOrder.add(clOrdId + "/" + execType);
                        }
                    }
                }
            });
        System.out.println("GatewayCrashTest: sent " + sent.get() + ", acknowledged " + acknowledged.size() +
            ", journal " + report.records() + " records, issues " + report.issues());
        assertTrue(report.isValidExceptTruncatedTail(), report.issues()::toString);

        final List<String> missing = new ArrayList<>();
        for (final String ack : acknowledged)
        {
            final String clOrdId = ack.substring(0, ack.indexOf('/'));
            if (!inbound.contains(clOrdId) || !outbound.contains(ack))
            {
                missing.add(ack);
            }
        }
        assertTrue(missing.isEmpty(), "acknowledged but not journalled: " + missing);
        assertTrue(outOfOrder.isEmpty(), "reports journalled before their request: " + outOfOrder);
    }

    private static String ack(final Message report) throws Exception
    {
        return "8".equals(msgType(report)) ? field(report, 11) + "/" + field(report, 150) : "other/" + msgType(report);
    }
}
