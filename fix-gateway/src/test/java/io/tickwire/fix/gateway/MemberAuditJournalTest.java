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
import io.tickwire.fix.audit.JournalComparator;
import io.tickwire.fix.audit.JournalReader;
import io.tickwire.fix.audit.JournalVerifyReport;
import io.tickwire.fix.audit.MemberAuditJournal;
import io.tickwire.fix.cli.AuditCommand;
import io.tickwire.fix.cluster.ClusterMember;
import io.tickwire.fix.cluster.ClusterMemberContext;
import io.tickwire.fix.cluster.MatchingService;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import quickfix.Message;
import quickfix.SessionSettings;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.tickwire.fix.gateway.GatewayTestSupport.field;
import static io.tickwire.fix.gateway.OrderFlowTest.assertReport;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Audit from the replicated log: the inbound audit record travels in the command, and every member journals it from
 * the committed log, keyed by log position. On the embedded one-member cluster: the member's journal verifies and
 * holds each order's record with the gateway's stamp and raw bytes; a restart (log replay, with or without a
 * snapshot) writes no record twice. On three members with the gateway as client and a leader closed under load:
 * {@code audit compare} finds the journals agreeing, and finds the divergence in a tampered copy.
 */
@Timeout(120)
class MemberAuditJournalTest
{
    private static final int BASE_PORT = 17_800;
    private static final List<String> HOSTS = List.of("127.0.0.1", "127.0.0.1", "127.0.0.1");

    @TempDir
    Path dir;

    private final int basePort = GatewayTestSupport.clusterBasePort();
    private final List<ClusterMember> members = new ArrayList<>();
    private Gateway gateway;
    private TestFixClient client;

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(client, gateway);
        CloseHelper.closeAll(members);
    }

    private Gateway launchEmbedded(final int fixPort) throws Exception
    {
        final SessionSettings settings = GatewayTestSupport.settings(dir, fixPort);
        settings.setString("TickwireCancelOnDisconnect", "N");
        settings.setLong(GatewayConfiguration.CLUSTER_BASE_PORT_PROP_NAME, basePort);
        return Gateway.launch(new GatewayContext().settings(settings)
            .clusterDirectory(dir.resolve("cluster"))
            .auditDirectory(dir.resolve("gateway-audit")));
    }

    @Test
    void shouldJournalEachOrdersInboundRecordOnTheMemberWithTheGatewaysStampAndBytes() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        gateway = launchEmbedded(port);
        client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", GatewayTestSupport.PASSWORD, false);
        assertTrue(client.awaitLogon(10_000));
        client.send(newOrder("B1", "AAPL", '1', "100", '2', "150", '0'));
        assertReport(client.next(), '0', '0', "B1", "0", "100");
        client.send(newOrder("B2", "MSFT", '1', "7", '2', "20", '0'));
        assertReport(client.next(), '0', '0', "B2", "0", "7");
        client.send(newOrder("B3", "AAPL", '1', "-1", '2', "150", '0'));
        assertReport(client.next(), '8', '8', "B3", "0", "0");
        CloseHelper.closeAll(client, gateway);
        client = null;
        gateway = null;

        final Path memberJournal = dir.resolve("cluster").resolve(MatchingService.AUDIT_DIR_NAME);
        final List<Map<String, String>> member = rows(memberJournal);
        final List<Map<String, String>> inbound = new ArrayList<>();
        for (final Map<String, String> row : rows(dir.resolve("gateway-audit")))
        {
            if ("INBOUND".equals(row.get("direction")))
            {
                inbound.add(row);
            }
        }
        assertEquals(3, inbound.size(), inbound::toString);
        assertEquals(3, member.size(), member::toString);
        long lastPosition = 0;
        for (int i = 0; i < member.size(); i++)
        {
            final Map<String, String> record = member.get(i);
            final Map<String, String> sent = inbound.get(i);
            assertEquals("B" + (i + 1), record.get("clOrdId"));
            for (final String column : List.of("timestampMicros", "monotonicNanos", "clockStatus",
                "clockErrorBoundMicros", "withinTolerance", "eventType", "msgSeqNum", "sessionId", "clOrdId",
                "symbol", "orderQuantity", "price", "rawMessage"))
            {
                assertEquals(sent.get(column), record.get(column), column + " of record " + (i + 1));
            }
            assertTrue(record.get("rawMessage").contains("|11=B" + (i + 1) + "|"), record.get("rawMessage"));
            assertEquals(Long.toString(i + 1), record.get("sequence"));
            final long position = Long.parseLong(record.get("logPosition"));
            assertTrue(position > lastPosition, "log positions increase: " + member);
            lastPosition = position;
        }
        assertEquals(lastPosition, MemberAuditJournal.lastLogPosition(memberJournal));
        assertEquals(0, runAudit("verify", memberJournal.toString()), audit.toString());
    }

    @ParameterizedTest(name = "snapshot before restart: {0}")
    @ValueSource(booleans = {false, true})
    void shouldNotJournalARecordTwiceWhenTheLogIsReplayedAfterARestart(final boolean snapshot) throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        gateway = launchEmbedded(port);
        client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", GatewayTestSupport.PASSWORD, false);
        assertTrue(client.awaitLogon(10_000));
        client.send(newOrder("R1", "AAPL", '1', "10", '2', "150", '0'));
        assertReport(client.next(), '0', '0', "R1", "0", "10");
        if (snapshot)
        {
            GatewayTestSupport.takeSnapshot(gateway.clusterPath().member());
        }
        client.send(newOrder("R2", "AAPL", '1', "10", '2', "149", '0'));
        assertReport(client.next(), '0', '0', "R2", "0", "10");
        CloseHelper.closeAll(client, gateway);
        final Path memberJournal = dir.resolve("cluster").resolve(MatchingService.AUDIT_DIR_NAME);
        assertEquals(2, rows(memberJournal).size());

        gateway = launchEmbedded(port);
        final MatchingService service = (MatchingService)gateway.clusterPath().member().service();
        assertEquals(snapshot, service.snapshotLoaded());
        client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", GatewayTestSupport.PASSWORD, false);
        assertTrue(client.awaitLogon(10_000));
        client.send(newOrder("R3", "AAPL", '1', "10", '2', "148", '0'));
        assertReport(client.next(), '0', '0', "R3", "0", "10");
        final MemberAuditJournal journal = service.auditJournal();
        assertNotNull(journal);
        // Replayed past the snapshot: R2 (and R1 without a snapshot) met again and skipped.
        assertEquals(snapshot ? 1 : 2, journal.replaysSkipped());
        CloseHelper.closeAll(client, gateway);
        client = null;
        gateway = null;

        final List<Map<String, String>> records = rows(memberJournal);
        final Set<String> positions = new HashSet<>();
        final List<String> clOrdIds = new ArrayList<>();
        for (final Map<String, String> record : records)
        {
            assertTrue(positions.add(record.get("logPosition")), "one record per log position: " + records);
            clOrdIds.add(record.get("clOrdId"));
        }
        assertEquals(List.of("R1", "R2", "R3"), clOrdIds);
        assertEquals(0, runAudit("verify", memberJournal.toString()), audit.toString());
    }

    @Test
    void shouldFindMembersJournalsAgreeingAcrossAFailoverAndFindATamperedCopy() throws Exception
    {
        final int orders = 150;
        for (int id = 0; id < HOSTS.size(); id++)
        {
            final Path memberDir = dir.resolve("member-" + id);
            members.add(ClusterMember.launch(new ClusterMemberContext()
                .memberId(id)
                .hosts(HOSTS)
                .basePort(BASE_PORT)
                .clusterDir(memberDir.toFile())
                .failoverTimeout(1, TimeUnit.SECONDS)
                .clusteredService(() -> new MatchingService(new int[]{ 1, 2 }, 1024, null)
                    .memberAudit(memberDir.resolve(MatchingService.AUDIT_DIR_NAME)))));
        }
        final ClusterMember firstLeader = GatewayTestSupport.awaitLeader(members, null);
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        settings.setString(GatewayConfiguration.CLUSTER_MEMBERS_PROP_NAME, members.get(0).ingressEndpoints());
        settings.setString(GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME, "aeron:ipc");
        settings.setString(GatewayConfiguration.AERON_DIR_PROP_NAME, dir.resolve("gateway-aeron").toString());
        settings.setString("TickwireCancelOnDisconnect", "N");
        gateway = Gateway.launch(new GatewayContext().settings(settings).auditDirectory(dir.resolve("gateway-audit")));
        client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", GatewayTestSupport.PASSWORD, false);
        assertTrue(client.awaitLogon(10_000));

        final Set<String> acked = new HashSet<>();
        for (int i = 0; i < orders; i++)
        {
            client.send(newOrder("A" + i, "AAPL", '1', "1", '2', Integer.toString(100 + (i % 50)), '0'));
            if (i == orders / 3)
            {
                collect(acked, orders / 6);
                firstLeader.close();
            }
        }
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acked.size() < orders && System.nanoTime() < deadlineNs)
        {
            collect(acked, 1);
        }
        assertEquals(orders, acked.size(), "orders acknowledged");
        for (final ClusterMember member : members)
        {
            if (member != firstLeader)
            {
                final MatchingService service = (MatchingService)member.service();
                final long applyDeadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (service.commandsApplied() < orders && System.nanoTime() < applyDeadlineNs)
                {
                    Thread.sleep(10);
                }
                assertEquals(orders, service.commandsApplied());
            }
        }
        CloseHelper.closeAll(client, gateway);
        client = null;
        gateway = null;
        CloseHelper.closeAll(members);

        final List<Path> journals = new ArrayList<>();
        for (int id = 0; id < HOSTS.size(); id++)
        {
            final Path journal = dir.resolve("member-" + id).resolve(MatchingService.AUDIT_DIR_NAME);
            assertEquals(0, runAudit("verify", journal.toString()), audit.toString());
            journals.add(journal);
        }
        final Path survivor = journals.get(firstLeader.memberId() == 0 ? 1 : 0);
        final long survivorRecords = JournalReader.journalFiles(survivor).isEmpty() ? 0 :
            new JournalReader().verify(JournalReader.journalFiles(survivor), null).records();
        assertEquals(orders, survivorRecords, "every order's record on a survivor");

        final JournalComparator.Result result = JournalComparator.compare(journals);
        assertTrue(result.agree(), String.join("\n", result.lines()));
        // The closed leader's journal is a prefix; the common part ends at its last record.
        assertEquals(MemberAuditJournal.lastLogPosition(journals.get(firstLeader.memberId())), result.position());
        final List<Path> survivors = new ArrayList<>(journals);
        survivors.remove(firstLeader.memberId());
        final JournalComparator.Result survivorsResult = JournalComparator.compare(survivors);
        assertEquals(orders, survivorsResult.records(), String.join("\n", survivorsResult.lines()));
        assertEquals(MemberAuditJournal.lastLogPosition(survivor), survivorsResult.position());
        final String[] args = Stream.concat(Stream.of("compare"), journals.stream().map(Path::toString))
            .toArray(String[]::new);
        assertEquals(0, runAudit(args), audit.toString());
        assertTrue(audit.toString().contains("AGREE up to position " + result.position()), audit.toString());
        System.out.println("audit compare after failover (leader " + firstLeader.memberId() + " closed):\n" + audit);

        // A tampered copy: one byte of a record's raw FIX bytes flipped in the middle of the journal.
        final Path tampered = dir.resolve("tampered");
        Files.createDirectories(tampered);
        for (final Path file : JournalReader.journalFiles(survivor))
        {
            Files.copy(file, tampered.resolve(file.getFileName()));
        }
        final Path file = JournalReader.journalFiles(tampered).get(0);
        final byte[] bytes = Files.readAllBytes(file);
        final int at = indexOf(bytes, "11=A75\u0001".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(at > 0, "A75 in the journal");
        bytes[at + 3] ^= 0x01;
        Files.write(file, bytes);
        assertEquals(1, runAudit("compare", survivors.get(0).toString(), tampered.toString()), audit.toString());
        assertTrue(audit.toString().contains("DIVERGE at record 76"), audit.toString());
        assertTrue(audit.toString().contains("BAD_CRC"), audit.toString());
        assertTrue(audit.toString().contains("agree up to position"), audit.toString());
        System.out.println("audit compare with a tampered copy:\n" + audit);
        assertEquals(2, runAudit("compare", survivors.get(0).toString()), audit.toString());
    }

    private final StringWriter audit = new StringWriter();

    private int runAudit(final String... args)
    {
        audit.getBuffer().setLength(0);
        final CommandLine commandLine = new CommandLine(new AuditCommand());
        commandLine.setOut(new PrintWriter(audit, true));
        commandLine.setErr(new PrintWriter(audit, true));
        return commandLine.execute(args);
    }

    private static int indexOf(final byte[] bytes, final byte[] pattern)
    {
        outer:
        for (int i = 0; i + pattern.length <= bytes.length; i++)
        {
            for (int j = 0; j < pattern.length; j++)
            {
                if (bytes[i + j] != pattern[j])
                {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static List<Map<String, String>> rows(final Path journal)
    {
        final List<Map<String, String>> rows = new ArrayList<>();
        final AuditExporter exporter = new AuditExporter();
        final JournalVerifyReport report = new JournalReader().verify(JournalReader.journalFiles(journal),
            (file, frameOffset, sequence, buffer, offset, length) ->
            {
                final Map<String, String> row = exporter.toRow(file, frameOffset, buffer, offset, length);
                if ("AuditRecord".equals(row.get("recordType")))
                {
                    rows.add(row);
                }
            });
        assertTrue(report.isValid(), report.issues()::toString);
        return rows;
    }

    private void collect(final Set<String> acked, final int count) throws Exception
    {
        for (int i = 0; i < count; i++)
        {
            final Message message = client.appMessages.poll(20, TimeUnit.SECONDS);
            if (null == message)
            {
                return;
            }
            assertEquals("0", field(message, 150), message.toString());
            acked.add(field(message, 11));
        }
    }

}
