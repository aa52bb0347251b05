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
package io.tickwire.fix.cli;

import io.aeron.cluster.service.Cluster;
import io.tickwire.fix.audit.AuditSealKey;
import io.tickwire.fix.cluster.ClusterMember;
import io.tickwire.fix.cluster.MatchingService;
import org.agrona.concurrent.ShutdownSignalBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import static io.tickwire.fix.cli.ClusterNodeTestSupport.start;
import static io.tickwire.fix.cli.ClusterNodeTestSupport.writeGatewayConfig;
import static io.tickwire.fix.cluster.ClusterTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deployment of docs/FIX-GATEWAY.md "Deployment on three hosts" on one machine, through the command line in
 * this JVM: three {@code cluster node} members on 127.0.0.1 (base port 17300: ports 17301-17305, 17401-17405,
 * 17501-17505), each on its own thread as picocli runs it; a {@code gateway --cluster-members} with the same host
 * list (FIX on 17590); one FIX order acknowledged through the leader and applied by all three members, and its
 * cancel-on-disconnect when the client logs out; then SIGTERM's path (every {@link ShutdownSignalBarrier}
 * signalled) ends every command with exit code 0.
 * <p>
 * 16+ threads on 2 cores (4 per member, the gateway's driver and agents, QuickFIX/J): every wait is on a
 * condition with a deadline, none on a fixed sleep.
 */
@Timeout(30)
class ClusterNodeEndToEndTest
{
    private static final String HOSTS = "127.0.0.1,127.0.0.1,127.0.0.1";
    private static final int BASE_PORT = 17_300;
    private static final int FIX_PORT = 17_590;
    private static final long LEADER_TIMEOUT_MS = 15_000;
    private static final long STOP_TIMEOUT_MS = 10_000;

    @TempDir
    Path dir;

    private final List<FutureTask<Integer>> commands = new ArrayList<>();
    private final List<ClusterCommand.Node> nodes = new ArrayList<>();
    private final StringWriter nodeOut = new StringWriter();
    private OpenLoopOrderClient client;

    @AfterEach
    void stopEverything() throws Exception
    {
        if (null != client)
        {
            client.close();
        }
        signalAllBarriers();
        for (final FutureTask<Integer> command : commands)
        {
            command.get(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
    }

    @Test
    void shouldAcknowledgeAnOrderThroughAGatewayOnThreeClusterNodes() throws Exception
    {
        final long startNs = System.nanoTime();
        for (int id = 0; id < 3; id++)
        {
            final ClusterCommand command = new ClusterCommand();
            final CommandLine commandLine = new CommandLine(command);
            commandLine.setOut(new PrintWriter(nodeOut, true));
            commandLine.setErr(new PrintWriter(nodeOut, true));
            nodes.add(commandLine.getSubcommands().get("node").getCommand());
            start(commands, "cluster-node-" + id, commandLine,
                "node", "--member-id", String.valueOf(id), "--members", HOSTS,
                "--base-port", String.valueOf(BASE_PORT), "--dir", dir.resolve("node-" + id).toString(),
                "--instruments", "AAPL:1,MSFT:2", "--status-interval", "1");
        }
        await(() -> 1 == count(Cluster.Role.LEADER) && 2 == count(Cluster.Role.FOLLOWER), LEADER_TIMEOUT_MS,
            () -> "no leader among the nodes; output:\n" + nodeOut);
        final long electedNs = System.nanoTime();

        start(commands, "gateway", new CommandLine(new GatewayCommand()),
            "--config", writeGatewayConfig(dir, FIX_PORT).toString(),
            "--cluster-members", HOSTS, "--cluster-base-port", String.valueOf(BASE_PORT), "--status-interval", "0",
            "--audit-dir", dir.resolve("gateway-audit").toString());
        client = new OpenLoopOrderClient(
            "127.0.0.1", FIX_PORT, "FIX.4.4", "CLIENT1", "TWGW", null, null, "AAPL", new BigDecimal("150"));
        await(() -> awaitLogon(client) || commandEnded(), LEADER_TIMEOUT_MS, () -> "no logon; output:\n" + nodeOut);
        assertTrue(awaitLogon(client), () -> "a command ended before the FIX logon:\n" + nodeOut);
        final long loggedOnNs = System.nanoTime();

        final OpenLoopOrderClient.Result result = client.run(1, 100, 10_000);
        assertEquals(1, result.acknowledged(), result::format);
        assertEquals(0, result.rejected(), result::format);
        for (final ClusterCommand.Node node : nodes)
        {
            // Replicated: the command reached every member's engine, not only the leader's.
            final MatchingService service = (MatchingService)node.runningMember().service();
            await(() -> 1 == service.commandsApplied(), 5_000, () -> "applied " + service.commandsApplied());
            assertEquals(0, service.malformedCommands());
        }
        final long ackedNs = System.nanoTime();

        // The client logs out: the gateway cancels its resting order (cancel on disconnect) through the cluster too.
        client.close();
        client = null;
        for (final ClusterCommand.Node node : nodes)
        {
            final MatchingService service = (MatchingService)node.runningMember().service();
            await(() -> 2 == service.commandsApplied(), 5_000, () -> "applied " + service.commandsApplied());
        }
        signalAllBarriers();
        for (final FutureTask<Integer> command : commands)
        {
            assertEquals(0, command.get(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS), nodeOut::toString);
        }
        final String output = nodeOut.toString();
        assertTrue(output.contains("cluster node: member 1 of 3 [127.0.0.1, 127.0.0.1, 127.0.0.1]"), output);
        assertTrue(output.contains("ports: archive control 17401, ingress 17402, consensus 17403, log 17404, " +
            "catch-up 17405"), output);
        assertTrue(output.contains("threads: 4 threads (shared)"), output);
        assertTrue(output.contains("role=LEADER"), output);
        for (int id = 0; id < 3; id++)
        {
            assertTrue(output.contains("shutting down member " + id + ": status: "), output);
        }
        assertTrue(output.matches("(?s).*shutting down member \\d: status: role=LEADER .*commands applied=2 " +
            "malformed commands=0.*"), output);
        // Each member seals its own journal with its own key (created beside it): each verifies with its key.
        final Set<String> keyIds = new HashSet<>();
        for (int id = 0; id < 3; id++)
        {
            final Path member = dir.resolve("node-" + id);
            assertTrue(output.contains("audit seals: on, key " + member.resolve("audit-seal.key") + " (created)"),
                output);
            assertEquals(0, verifySealed(member.resolve("audit"), member.resolve("audit-seal.key")));
            keyIds.add(AuditSealKey.hex(AuditSealKey.load(member.resolve("audit-seal.key")).keyId()));
        }
        assertEquals(3, keyIds.size(), "a key per member");
        assertEquals(0, verifySealed(dir.resolve("gateway-audit"), dir.resolve("gateway-audit-seal.key")));
        System.out.printf("3 cluster nodes via the CLI: leader %d ms after start, FIX logon through the gateway " +
            "%d ms later, order acknowledged and applied on all members %d ms later, all stopped %d ms later%n",
            (electedNs - startNs) / 1_000_000, (loggedOnNs - electedNs) / 1_000_000,
            (ackedNs - loggedOnNs) / 1_000_000, (System.nanoTime() - ackedNs) / 1_000_000);
    }

    private static int verifySealed(final Path journal, final Path key)
    {
        final StringWriter out = new StringWriter();
        final CommandLine audit = new CommandLine(new AuditCommand());
        audit.setOut(new PrintWriter(out, true));
        audit.setErr(new PrintWriter(out, true));
        final int exit = audit.execute("verify", journal.toString(), "--seal-key", key.toString());
        assertTrue(out.toString().contains(" seals checked"), out::toString);
        return exit;
    }

    private int count(final Cluster.Role role)
    {
        int count = 0;
        for (final ClusterCommand.Node node : nodes)
        {
            final ClusterMember member = node.runningMember();
            // The service's role: safe to read from any thread, also while the command closes the member.
            if (null != member && role == ((MatchingService)member.service()).role())
            {
                count++;
            }
        }
        return count;
    }

    private boolean commandEnded()
    {
        for (final FutureTask<Integer> command : commands)
        {
            if (command.isDone())
            {
                return true;
            }
        }
        return false;
    }

    private static boolean awaitLogon(final OpenLoopOrderClient client)
    {
        try
        {
            return client.awaitLogon(0);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * What SIGINT/SIGTERM do: signal every barrier in the JVM, on which each command waits.
     */
    private static void signalAllBarriers()
    {
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier())
        {
            barrier.signalAll();
        }
    }
}
