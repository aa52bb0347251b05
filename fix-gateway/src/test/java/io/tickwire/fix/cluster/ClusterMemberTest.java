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
package io.tickwire.fix.cluster;

import io.aeron.cluster.service.Cluster;
import io.aeron.exceptions.ConfigurationException;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import static io.tickwire.fix.cluster.ClusterTestSupport.await;
import static io.tickwire.fix.cluster.ClusterTestSupport.echoService;
import static io.tickwire.fix.cluster.ClusterTestSupport.memberContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class ClusterMemberTest
{
    private static final List<String> ONE_HOST = List.of("localhost");
    private static final long ELECTION_TIMEOUT_MS = 10_000;
    private static final long ECHO_TIMEOUT_MS = 10_000;

    @TempDir
    Path dir;

    private final ClusterTestSupport.Errors errors = new ClusterTestSupport.Errors();
    private ClusterMember member;
    private ClusterMember other;
    private EchoTestClient client;

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(client, other, member);
    }

    @Test
    void shouldEchoInOrderAndRestoreFromSnapshotPlusLogAfterRestart()
    {
        final ClusterMemberContext ctx =
            memberContext(dir, 0, ONE_HOST, ClusterTestSupport.SNAPSHOT_TEST_BASE_PORT, errors);
        member = launchAndAwaitLeader(ctx);
        client = new EchoTestClient(dir, member.ingressEndpoints());
        client.connect(ECHO_TIMEOUT_MS);

        client.echo(1000, ECHO_TIMEOUT_MS);
        assertEquals(1000, echoService(member).messageCount());

        // Snapshot through the control toggle (as ClusterControl does), then more messages that only the log holds.
        await(member::takeSnapshot, ELECTION_TIMEOUT_MS, () -> "snapshot toggle not accepted: " + member.moduleState());
        await(() -> 1 == member.snapshotCount(), ECHO_TIMEOUT_MS, () -> "snapshots " + member.snapshotCount());
        client.echo(100, ECHO_TIMEOUT_MS);
        client.disconnect();
        member.close();

        member = launchAndAwaitLeader(ctx);
        final EchoClusteredService restarted = echoService(member);
        assertEquals(1000, restarted.restoredMessageCount());
        await(() -> 1100 == restarted.messageCount(), ECHO_TIMEOUT_MS, () -> "count " + restarted.messageCount());

        client.connect(ECHO_TIMEOUT_MS);
        client.echo(10, ECHO_TIMEOUT_MS);
        assertEquals(1110, restarted.messageCount());
        assertTrue(errors.errors().isEmpty(), () -> "errors: " + errors.errors());
    }

    @Test
    void shouldRecoverByReplayingTheLogWhenThereIsNoSnapshot()
    {
        // Dedicated driver and archive threads here (shared in the other tests): both threadings recover.
        final ClusterMemberContext ctx =
            memberContext(dir, 0, ONE_HOST, ClusterTestSupport.REPLAY_TEST_BASE_PORT, errors)
                .threading(ClusterMember.Threading.DEDICATED);
        member = launchAndAwaitLeader(ctx);
        client = new EchoTestClient(dir, member.ingressEndpoints());
        client.connect(ECHO_TIMEOUT_MS);
        client.echo(1000, ECHO_TIMEOUT_MS);
        client.disconnect();
        member.close();

        member = launchAndAwaitLeader(ctx);
        assertEquals(ClusterMember.Threading.DEDICATED, member.context().threading());
        final EchoClusteredService restarted = echoService(member);
        assertEquals(EchoClusteredService.NOT_RESTORED, restarted.restoredMessageCount());
        await(() -> 1000 == restarted.messageCount(), ECHO_TIMEOUT_MS, () -> "count " + restarted.messageCount());

        client.connect(ECHO_TIMEOUT_MS);
        client.echo(10, ECHO_TIMEOUT_MS);
        assertEquals(1010, restarted.messageCount());
        assertTrue(errors.errors().isEmpty(), () -> "errors: " + errors.errors());
    }

    @Test
    void shouldCloseWhatHadStartedWhenAComponentFailsToStart()
    {
        member = launchAndAwaitLeader(
            memberContext(dir, 0, ONE_HOST, ClusterTestSupport.FAILED_START_TEST_BASE_PORT, errors));

        // Same ports, own directory: its driver starts, its archive cannot bind the archive control port.
        final ClusterMemberContext clash = memberContext(
            dir.resolve("clash"), 0, ONE_HOST, ClusterTestSupport.FAILED_START_TEST_BASE_PORT, throwable -> {});
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> other = launch(clash));
        assertTrue(ex.getMessage().contains("failed to start its archive"), ex.getMessage());
        assertFalse(new File(clash.aeronDirectoryName()).exists(), "the started driver was closed and deleted");

        // The running member is untouched.
        assertTrue(member.isLeader());
        client = new EchoTestClient(dir, member.ingressEndpoints());
        client.connect(ECHO_TIMEOUT_MS);
        client.echo(10, ECHO_TIMEOUT_MS);
    }

    @Test
    void shouldRejectAnInvalidContextBeforeStartingAnything()
    {
        final File memberDir = dir.resolve("never").toFile();
        final ClusterMemberContext valid = new ClusterMemberContext()
            .hosts("localhost", "localhost")
            .memberId(1)
            .clusterDir(memberDir)
            .clusteredService(EchoClusteredService::new);
        valid.conclude();
        assertEquals(new File(memberDir, ClusterMember.AERON_DIR_NAME).getPath(), valid.aeronDirectoryName());

        assertConfigurationError("memberId=2", copyOf(memberDir).memberId(2));
        assertConfigurationError("idle strategy", copyOf(memberDir).idleStrategy("sleepy"));
        assertConfigurationError("idle strategy", copyOf(memberDir).idleStrategy("backoff:1,2,3"));
        assertConfigurationError("basePort", copyOf(memberDir).basePort(65_500));
        assertConfigurationError("ingressChannel", copyOf(memberDir).ingressChannel("aeron:udp?endpoint=x:1"));
        assertConfigurationError("logChannel", copyOf(memberDir).logChannel("aeron:ipc"));
        assertConfigurationError("termLength", copyOf(memberDir).termLength(1000));
        final ClusterMemberContext shortCanvass = copyOf(memberDir);
        shortCanvass.timeouts().startupCanvassTimeoutNs(1);
        assertConfigurationError("startupCanvassTimeoutNs", shortCanvass);
        assertConfigurationError("clusteredService", new ClusterMemberContext().clusterDir(memberDir));
        assertThrows(ConfigurationException.class, () -> ClusterMember.Threading.parse("pooled"));

        assertFalse(memberDir.exists(), "conclude creates nothing");
        assertThrows(ConfigurationException.class, () -> launch(copyOf(memberDir).idleStrategy("sleepy")));
        assertFalse(memberDir.exists(), "launch starts nothing with an invalid context");
    }

    private static ClusterMemberContext copyOf(final File memberDir)
    {
        return new ClusterMemberContext()
            .hosts("localhost", "localhost")
            .memberId(1)
            .clusterDir(memberDir)
            .clusteredService(EchoClusteredService::new);
    }

    private static void assertConfigurationError(final String expected, final ClusterMemberContext ctx)
    {
        final ConfigurationException ex = assertThrows(ConfigurationException.class, ctx::conclude);
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }

    private static ClusterMember launch(final ClusterMemberContext ctx)
    {
        return ClusterMember.launch(ctx);
    }

    private static ClusterMember launchAndAwaitLeader(final ClusterMemberContext ctx)
    {
        final ClusterMember launched = ClusterMember.launch(ctx);
        try
        {
            await(launched::isLeader, ELECTION_TIMEOUT_MS,
                () -> "role " + launched.role() + ", election " + launched.electionState());
        }
        catch (final AssertionError ex)
        {
            launched.close();
            throw ex;
        }
        assertEquals(Cluster.Role.LEADER, launched.role());
        return launched;
    }
}
