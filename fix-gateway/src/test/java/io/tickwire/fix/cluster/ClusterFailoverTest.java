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

import io.aeron.cluster.ElectionState;
import io.aeron.cluster.client.ClusterEvent;
import io.aeron.cluster.service.Cluster;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.tickwire.fix.cluster.ClusterTestSupport.await;
import static io.tickwire.fix.cluster.ClusterTestSupport.echoService;
import static io.tickwire.fix.cluster.ClusterTestSupport.memberContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Three members on loopback in this JVM (12 agent threads on two cores): a leader is elected, a client's messages
 * are echoed and applied by every member; the leader is closed, the other two elect a new one, and the client
 * (given every member's ingress endpoint) carries on with it.
 */
@Timeout(60)
class ClusterFailoverTest
{
    private static final List<String> HOSTS = List.of("127.0.0.1", "127.0.0.1", "127.0.0.1");
    private static final long ELECTION_TIMEOUT_MS = 15_000;
    private static final long ECHO_TIMEOUT_MS = 15_000;

    @TempDir
    Path dir;

    private final ClusterTestSupport.Errors errors = new ClusterTestSupport.Errors();
    private final List<ClusterMember> members = new ArrayList<>();
    private EchoTestClient client;

    @AfterEach
    void tearDown()
    {
        CloseHelper.close(client);
        CloseHelper.closeAll(members);
    }

    @Test
    void shouldElectANewLeaderAndKeepEchoingWhenTheLeaderCloses()
    {
        final long startNs = System.nanoTime();
        for (int id = 0; id < HOSTS.size(); id++)
        {
            members.add(ClusterMember.launch(
                memberContext(dir, id, HOSTS, ClusterTestSupport.THREE_MEMBER_BASE_PORT, errors)));
        }
        final ClusterMember firstLeader = awaitLeader(members);
        final long electedNs = System.nanoTime();

        client = new EchoTestClient(dir, firstLeader.ingressEndpoints());
        client.connect(ECHO_TIMEOUT_MS);
        client.echo(100, ECHO_TIMEOUT_MS);
        for (final ClusterMember member : members)
        {
            // Followers apply the same log: the state is replicated, not just the leader's.
            await(() -> 100 == echoService(member).messageCount(), ECHO_TIMEOUT_MS,
                () -> "member " + member.memberId() + " count " + echoService(member).messageCount());
        }

        final long closeNs = System.nanoTime();
        firstLeader.close();
        members.remove(firstLeader);
        final long closedNs = System.nanoTime();
        final ClusterMember secondLeader = awaitLeader(members);
        final long reelectedNs = System.nanoTime();
        assertNotEquals(firstLeader.memberId(), secondLeader.memberId());

        client.echo(100, ECHO_TIMEOUT_MS);
        final long echoedNs = System.nanoTime();
        // Lost offers to the dead leader are sent again; none had been sequenced, as every message before the close
        // was echoed first, so nothing is applied twice.
        assertEquals(0, client.duplicates());
        for (final ClusterMember member : members)
        {
            await(() -> 200 == echoService(member).messageCount(), ECHO_TIMEOUT_MS,
                () -> "member " + member.memberId() + " count " + echoService(member).messageCount());
        }
        // The followers warn that the leader's heartbeat timed out; anything else would be a fault.
        for (final Throwable error : errors.errors())
        {
            assertInstanceOf(ClusterEvent.class, error, () -> "unexpected component error: " + error);
        }
        System.out.printf("3 members: elected %d ms after launch; leader closed in %d ms; new leader %d ms after " +
            "close; 100 echoes %d ms after that; client connects %d, new leader events %d, component errors %d%n",
            (electedNs - startNs) / 1_000_000, (closedNs - closeNs) / 1_000_000, (reelectedNs - closeNs) / 1_000_000,
            (echoedNs - reelectedNs) / 1_000_000, client.connects(), client.newLeaderEvents(), errors.errors().size());
    }

    /**
     * Exactly one member leads with no election under way on any member.
     */
    private static ClusterMember awaitLeader(final List<ClusterMember> members)
    {
        final ClusterMember[] leader = new ClusterMember[1];
        await(
            () ->
            {
                leader[0] = null;
                int leaders = 0;
                for (final ClusterMember member : members)
                {
                    if (ElectionState.CLOSED != member.electionState())
                    {
                        return false;
                    }
                    if (member.isLeader())
                    {
                        leaders++;
                        leader[0] = member;
                    }
                }
                return 1 == leaders;
            },
            ELECTION_TIMEOUT_MS,
            () -> describe(members));
        assertNotNull(leader[0]);
        for (final ClusterMember member : members)
        {
            if (member != leader[0])
            {
                assertEquals(Cluster.Role.FOLLOWER, member.role(), () -> describe(members));
            }
        }
        return leader[0];
    }

    private static String describe(final List<ClusterMember> members)
    {
        final StringBuilder sb = new StringBuilder();
        for (final ClusterMember member : members)
        {
            sb.append(member.memberId()).append(": ").append(member.role()).append('/')
                .append(member.electionState()).append('/').append(member.moduleState()).append("; ");
        }
        return sb.toString();
    }
}
