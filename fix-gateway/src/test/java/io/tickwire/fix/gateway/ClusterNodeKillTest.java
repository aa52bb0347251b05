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

import io.tickwire.fix.cli.AuditCommand;
import io.tickwire.fix.cluster.ClusterConfiguration;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import quickfix.Message;
import quickfix.SessionSettings;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.tickwire.fix.gateway.GatewayTestSupport.field;
import static io.tickwire.fix.gateway.GatewayTestSupport.msgType;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three {@code cluster node} members, each a JVM process of its own (the real command line), the gateway in this JVM
 * as their client: while orders flow at a steady pace the leader's process is killed with SIGKILL
 * ({@link Process#destroyForcibly()}). The gateway must follow the new leader and re-offer what the old one had not
 * committed, the service de-duplicating it: every order is acknowledged exactly once, no fill is reported twice,
 * and the two survivors' audit journals agree and verify with their seals.
 * <p>
 * The members run with a 2 s leader heartbeat timeout (Aeron's system property) so that the failover takes seconds,
 * not the default ten; every wait is on a condition with a deadline.
 */
@Timeout(90)
class ClusterNodeKillTest
{
    private static final List<String> HOSTS = List.of("127.0.0.1", "127.0.0.1", "127.0.0.1");
    private static final int BASE_PORT = 19_100;
    private static final int ORDERS = 400;
    private static final int KILL_AFTER = 150;
    private static final long PACE_MS = 5;
    private static final long STARTUP_TIMEOUT_MS = 30_000;

    @TempDir
    Path dir;

    private final List<Process> nodes = new ArrayList<>();
    private Gateway gateway;
    private TestFixClient client;

    @AfterEach
    void tearDown() throws InterruptedException
    {
        CloseHelper.closeAll(client, gateway);
        for (final Process node : nodes)
        {
            node.destroyForcibly();
        }
        for (final Process node : nodes)
        {
            node.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldAcknowledgeEveryOrderOnceWhenTheLeaderProcessIsKilled() throws Exception
    {
        final long startNs = System.nanoTime();
        for (int id = 0; id < HOSTS.size(); id++)
        {
            nodes.add(startNode(id));
        }
        final int leader = awaitLeader(-1);
        final long electedNs = System.nanoTime();

        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        settings.setString(GatewayConfiguration.CLUSTER_MEMBERS_PROP_NAME,
            ClusterConfiguration.ingressEndpoints(HOSTS, BASE_PORT));
        settings.setString(GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME, "aeron:ipc");
        settings.setString(GatewayConfiguration.AERON_DIR_PROP_NAME, dir.resolve("gateway-aeron").toString());
        settings.setString("TickwireCancelOnDisconnect", "N");
        // The gateway's audit on: each command carries its inbound audit record, which every member journals.
        gateway = Gateway.launch(new GatewayContext().settings(settings).auditDirectory(dir.resolve("gateway-audit")));
        client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", GatewayTestSupport.PASSWORD, false);
        assertTrue(client.awaitLogon(10_000), "FIX logon through the gateway");

        final Reports reports = new Reports();
        long killedNs = 0;
        int sells = 0;
        for (int i = 0; i < ORDERS; i++)
        {
            // Three resting buys at 100, then a sell at 100 that crosses the oldest of them: acks and fills.
            final boolean sell = 3 == i % 4;
            sells += sell ? 1 : 0;
            client.send(newOrder("K" + i, "AAPL", sell ? '2' : '1', "1", '2', "100", '0'));
            if (KILL_AFTER == i)
            {
                nodes.get(leader).destroyForcibly();
                assertTrue(nodes.get(leader).waitFor(10, TimeUnit.SECONDS), "the leader's process ended");
                killedNs = System.nanoTime();
            }
            reports.drain(client, 0);
            Thread.sleep(PACE_MS);
        }
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((reports.acks.size() < ORDERS || reports.fills < 2 * sells) && System.nanoTime() < deadlineNs)
        {
            reports.drain(client, 100);
        }
        // Anything still in flight would be a duplicate: wait a moment for it.
        reports.drain(client, 1_000);
        final long ackedNs = System.nanoTime();

        final String context = describe(reports);
        assertEquals(ORDERS, reports.acks.size(), "orders acknowledged; " + context);
        for (int i = 0; i < ORDERS; i++)
        {
            assertEquals(1, reports.acks.get("K" + i), "acknowledgements of K" + i + "; " + context);
        }
        assertEquals(List.of(), reports.duplicateExecIds, "ExecIDs reported more than once; " + context);
        assertEquals(2 * sells, reports.fills, "fills: one per side of each cross; " + context);
        assertTrue(gateway.clusterPath().agent().leaderChanges() >= 1, "the gateway followed the new leader");
        final int newLeader = awaitLeader(leader);

        // SIGTERM the survivors: they close their journals; then their journals must agree and verify.
        final List<String> journals = new ArrayList<>();
        for (int id = 0; id < nodes.size(); id++)
        {
            if (id != leader)
            {
                nodes.get(id).destroy();
                assertTrue(nodes.get(id).waitFor(20, TimeUnit.SECONDS), "member " + id + " stopped on SIGTERM");
                // 143 (128 + SIGTERM) once the JVM ran its shutdown after the command closed the member.
                final int exit = nodes.get(id).exitValue();
                assertTrue(0 == exit || 143 == exit, "exit " + exit + "\n" + output(id));
                assertTrue(output(id).contains("shutting down member " + id + ": "), output(id));
                final Path member = dir.resolve("node-" + id);
                journals.add(member.resolve("audit").toString());
                final String verified = audit("verify", member.resolve("audit").toString(),
                    "--seal-key", member.resolve("audit-seal.key").toString());
                assertTrue(verified.contains(" seals checked"), verified);
            }
        }
        final List<String> compare = new ArrayList<>(List.of("compare"));
        compare.addAll(journals);
        // One record per order, each once: the re-offered commands the service dropped as duplicates add none.
        final String agreed = audit(compare.toArray(new String[0]));
        assertTrue(agreed.matches("(?s).*AGREE up to position \\d+ \\(" + ORDERS + " records\\).*"), agreed);
        assertEquals(applied(newLeader), applied(3 - leader - newLeader), "commands applied by the survivors");
        System.out.printf("kill -9 of the leader: elected %d ms after start, leader %d killed after %d orders, " +
            "%d orders acknowledged once %d ms after the kill; new leader %d; %s%n",
            (electedNs - startNs) / 1_000_000, leader, KILL_AFTER + 1, ORDERS, (ackedNs - killedNs) / 1_000_000,
            newLeader, context);
    }

    private Process startNode(final int id) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-opens");
        command.add("java.base/jdk.internal.misc=ALL-UNNAMED");
        command.add("--add-opens");
        command.add("java.base/sun.nio.ch=ALL-UNNAMED");
        command.add("--add-opens");
        command.add("java.base/java.util.zip=ALL-UNNAMED");
        command.add("-Xmx256m");
        command.add("-Daeron.cluster.leader.heartbeat.timeout=2s");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ClusterNodeChild.class.getName());
        command.addAll(List.of("node", "--member-id", String.valueOf(id), "--members", String.join(",", HOSTS),
            "--base-port", String.valueOf(BASE_PORT), "--dir", dir.resolve("node-" + id).toString(),
            "--instruments", "AAPL:1,MSFT:2", "--market-data", "none", "--snapshot-request", "none",
            "--status-interval", "1"));
        return new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("node-" + id + ".out").toFile())
            .start();
    }

    /**
     * The member whose latest status line says LEADER while the others' say FOLLOWER, other than {@code killed}.
     */
    private int awaitLeader(final int killed) throws IOException, InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STARTUP_TIMEOUT_MS);
        while (System.nanoTime() < deadlineNs)
        {
            int leader = -1;
            int followers = 0;
            for (int id = 0; id < nodes.size(); id++)
            {
                if (id == killed)
                {
                    continue;
                }
                final int member = id;
                assertTrue(nodes.get(id).isAlive(), () -> "member " + member + " ended:\n" + output(member));
                final String role = latestRole(id);
                if ("LEADER".equals(role))
                {
                    leader = id;
                }
                else if ("FOLLOWER".equals(role))
                {
                    followers++;
                }
            }
            if (leader >= 0 && followers == nodes.size() - (killed < 0 ? 1 : 2))
            {
                return leader;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no leader elected; member output:\n" + output(0) + output(1) + output(2));
    }

    private String latestRole(final int id) throws IOException
    {
        String role = null;
        for (final String line : lines(id))
        {
            final int at = line.indexOf("status: role=");
            if (at >= 0)
            {
                final int from = at + "status: role=".length();
                role = line.substring(from, line.indexOf(' ', from));
            }
        }
        return role;
    }

    /**
     * Commands applied by a member, from the status line it prints when it shuts down.
     */
    private long applied(final int id) throws IOException
    {
        for (final String line : lines(id))
        {
            if (line.startsWith("shutting down member " + id + ": "))
            {
                final int from = line.indexOf("commands applied=") + "commands applied=".length();
                return Long.parseLong(line.substring(from, line.indexOf(' ', from)));
            }
        }
        throw new AssertionError("member " + id + " printed no shutdown status:\n" + output(id));
    }

    private List<String> lines(final int id) throws IOException
    {
        final Path file = dir.resolve("node-" + id + ".out");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private String output(final int id)
    {
        try
        {
            return "--- member " + id + ":\n" + String.join("\n", lines(id)) + "\n";
        }
        catch (final IOException ex)
        {
            return "--- member " + id + ": " + ex + "\n";
        }
    }

    /**
     * Run {@code audit} as the command line would; fails unless it exits 0, else returns what it printed.
     */
    private static String audit(final String... args)
    {
        final StringWriter out = new StringWriter();
        final CommandLine audit = new CommandLine(new AuditCommand());
        audit.setOut(new PrintWriter(out, true));
        audit.setErr(new PrintWriter(out, true));
        assertEquals(0, audit.execute(args), () -> "audit " + String.join(" ", args) + ":\n" + out);
        return out.toString();
    }

    private String describe(final Reports reports)
    {
        return "acknowledged " + reports.acks.size() + ", fills " + reports.fills + ", gateway re-offered " +
            gateway.clusterPath().agent().commandsResent() + ", leader changes " +
            gateway.clusterPath().agent().leaderChanges() + ", reconnects " +
            gateway.clusterPath().agent().reconnects();
    }

    /**
     * What the FIX client received: acknowledgements per ClOrdID, fills, and any ExecID seen twice.
     */
    private static final class Reports
    {
        final Map<String, Integer> acks = new HashMap<>();
        final Set<String> execIds = new HashSet<>();
        final List<String> duplicateExecIds = new ArrayList<>();
        int fills;

        void drain(final TestFixClient client, final long waitMs) throws Exception
        {
            Message message = client.appMessages.poll(waitMs, TimeUnit.MILLISECONDS);
            while (null != message)
            {
                record(message);
                message = client.appMessages.poll();
            }
        }

        private void record(final Message message) throws Exception
        {
            assertEquals("8", msgType(message), message.toString());
            final String execType = field(message, 150);
            assertTrue("0".equals(execType) || "F".equals(execType), "only acknowledgements and fills: " + message);
            if (!execIds.add(field(message, 17)))
            {
                duplicateExecIds.add(field(message, 17) + " " + message);
            }
            if ("0".equals(execType))
            {
                acks.merge(field(message, 11), 1, Integer::sum);
            }
            else
            {
                fills++;
            }
        }
    }
}
