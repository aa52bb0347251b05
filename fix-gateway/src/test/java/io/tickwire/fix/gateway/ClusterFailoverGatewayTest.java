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

import io.tickwire.fix.cluster.ClusterMember;
import io.tickwire.fix.cluster.ClusterMemberContext;
import io.tickwire.fix.cluster.MatchingService;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.SessionSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.tickwire.fix.cluster.ClusterTestSupport.await;
import static io.tickwire.fix.gateway.GatewayTestSupport.field;
import static io.tickwire.fix.gateway.GatewayTestSupport.msgType;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three matching members on loopback (real Aeron Cluster, UDP), the gateway as their client: the leader is closed
 * while orders flow, a new leader is elected, and every order is acknowledged exactly once, by the new leader if
 * the old one had not answered it; the survivors hold the same books.
 */
@Timeout(120)
class ClusterFailoverGatewayTest
{
    private static final int BASE_PORT = 17_700;
    private static final int ORDERS = 300;
    private static final List<String> HOSTS = List.of("127.0.0.1", "127.0.0.1", "127.0.0.1");

    @TempDir
    Path dir;

    private final List<ClusterMember> members = new ArrayList<>();
    private Gateway gateway;
    private TestFixClient client;

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(client, gateway);
        CloseHelper.closeAll(members);
    }

    @Test
    void shouldAcknowledgeEveryOrderOnceAcrossALeaderFailover() throws Exception
    {
        final ClusterMember firstLeader = launchMembersAndGateway();

        final Map<String, Integer> acks = new HashMap<>();
        for (int i = 0; i < ORDERS; i++)
        {
            // Resting buys at prices that never cross: one acknowledgement each, nothing else.
            client.send(newOrder("F" + i, "AAPL", '1', "1", '2', Integer.toString(100 + (i % 50)), '0'));
            if (i == ORDERS / 3)
            {
                collect(acks, ORDERS / 6);
                firstLeader.close();
            }
        }
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acks.size() < ORDERS && System.nanoTime() < deadlineNs)
        {
            collect(acks, 1);
        }
        final String counters = describe();
        assertEquals(ORDERS, acks.size(), "orders acknowledged: " + acks.size() + " of " + ORDERS + "; " + counters);
        Message extra;
        while (null != (extra = client.appMessages.poll(1, TimeUnit.SECONDS)))
        {
            record(acks, extra);
        }
        for (int i = 0; i < ORDERS; i++)
        {
            assertEquals(1, acks.get("F" + i), "acknowledgements of F" + i);
        }

        final ClusterMember newLeader = GatewayTestSupport.awaitLeader(members, firstLeader);
        final MatchingService leaderService = (MatchingService)newLeader.service();
        for (final ClusterMember member : members)
        {
            if (member != firstLeader)
            {
                final MatchingService service = (MatchingService)member.service();
                awaitApplied(service, ORDERS);
                assertEquals(0, service.malformedCommands());
            }
        }
        // The new leader's event reaches the gateway on its next egress poll, or the gateway connects again: either
        // way it follows, possibly after every order was already answered.
        await(() -> gateway.clusterPath().agent().leaderChanges() +
            gateway.clusterPath().agent().reconnects() >= 1, 20_000, () -> "the gateway followed the new leader: " +
            describe());
        System.out.println("failover: leader " + firstLeader.memberId() + " -> " + newLeader.memberId() + ": " +
            describe());
    }

    @Test
    void shouldCatchUpAFollowerThatWasDown() throws Exception
    {
        final ClusterMember leader = launchMembersAndGateway();
        final int followerIndex = (members.indexOf(leader) + 1) % members.size();
        members.get(followerIndex).close();

        final Map<String, Integer> acks = new HashMap<>();
        for (int i = 0; i < 100; i++)
        {
            client.send(newOrder("D" + i, "AAPL", '1', "1", '2', Integer.toString(100 + (i % 50)), '0'));
        }
        collect(acks, 100);
        assertEquals(100, acks.size(), "acknowledged by the two members left: a majority");

        final ClusterMember back = ClusterMember.launch(memberContext(followerIndex));
        members.set(followerIndex, back);
        for (final ClusterMember member : members)
        {
            awaitApplied((MatchingService)member.service(), 100);
        }
        client.send(newOrder("E1", "AAPL", '1', "1", '2', "100", '0'));
        collect(acks, 1);
        assertEquals(1, acks.get("E1"));
        for (final ClusterMember member : members)
        {
            awaitApplied((MatchingService)member.service(), 101);
        }
    }

    private ClusterMemberContext memberContext(final int id)
    {
        return new ClusterMemberContext()
            .memberId(id)
            .hosts(HOSTS)
            .basePort(BASE_PORT)
            .clusterDir(dir.resolve("member-" + id).toFile())
            .failoverTimeout(1, TimeUnit.SECONDS)
            .clusteredService(() -> new MatchingService(new int[]{ 1, 2 }, 1024, null));
    }

    /**
     * Three members, then the gateway as their client and a logged-on FIX client; returns the leader.
     */
    private ClusterMember launchMembersAndGateway() throws Exception
    {
        for (int id = 0; id < HOSTS.size(); id++)
        {
            members.add(ClusterMember.launch(memberContext(id)));
        }
        final ClusterMember leader = GatewayTestSupport.awaitLeader(members, null);
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.clusterClientSettings(dir, port, members.get(0));
        gateway = Gateway.launch(new GatewayContext().settings(settings));
        client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", GatewayTestSupport.PASSWORD, false);
        assertTrue(client.awaitLogon(10_000));
        return leader;
    }

    private String describe()
    {
        final StringBuilder text = new StringBuilder("gateway re-offered " +
            gateway.clusterPath().agent().commandsResent() + ", leader changes " +
            gateway.clusterPath().agent().leaderChanges() + ", reconnects " +
            gateway.clusterPath().agent().reconnects());
        for (final ClusterMember member : members)
        {
            if (!member.isClosed())
            {
                final MatchingService service = (MatchingService)member.service();
                text.append("; member ").append(member.memberId()).append(' ').append(service.role())
                    .append(" applied ").append(service.commandsApplied())
                    .append(" duplicates ").append(service.duplicateCommands())
                    .append(" re-answered ").append(service.reansweredCommands())
                    .append(" undelivered ").append(service.undeliveredEvents());
            }
        }
        return text.toString();
    }

    private void collect(final Map<String, Integer> acks, final int count) throws Exception
    {
        for (int i = 0; i < count; i++)
        {
            final Message message = client.appMessages.poll(20, TimeUnit.SECONDS);
            if (null == message)
            {
                return;
            }
            record(acks, message);
        }
    }

    private static void record(final Map<String, Integer> acks, final Message message) throws Exception
    {
        assertEquals("8", msgType(message), message.toString());
        assertEquals("0", field(message, 150), "only acknowledgements: " + message);
        acks.merge(field(message, 11), 1, Integer::sum);
    }

    private static void awaitApplied(final MatchingService service, final int commands) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (service.commandsApplied() < commands && System.nanoTime() < deadlineNs)
        {
            Thread.sleep(10);
        }
        assertEquals(commands, service.commandsApplied(), "commands applied by a member");
    }

}
