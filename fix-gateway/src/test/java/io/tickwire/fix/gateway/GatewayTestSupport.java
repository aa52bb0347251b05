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
import io.tickwire.fix.session.CredentialStore;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds gateway settings for tests: free port, FileStore under a temporary directory, two users.
 */
final class GatewayTestSupport
{
    static final String GATEWAY_COMP_ID = "TWGW";
    static final String PASSWORD = "s3cret-pass";

    /**
     * Test users are hashed with 10,000 iterations (the old default, still verified as any older entry is), so a
     * logon costs the logon verifier about 2 ms rather than the default's ~140 ms; the default is covered by
     * {@code session.CredentialStoreTest}, {@code cli.GatewayCommandTest} and {@code LogonVerifierGatewayTest}.
     */
    static final int TEST_ITERATIONS = 10_000;

    private GatewayTestSupport()
    {
    }

    static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }

    /**
     * A base port whose six UDP ports are free now: the embedded member binds base+1 to base+5.
     */
    static int clusterBasePort()
    {
        while (true)
        {
            final int base = 15_000 + 10 * java.util.concurrent.ThreadLocalRandom.current().nextInt(200);
            if (udpPortsFree(base + 1, base + 5))
            {
                return base;
            }
        }
    }

    private static boolean udpPortsFree(final int first, final int last)
    {
        for (int port = first; port <= last; port++)
        {
            try (java.net.DatagramSocket socket = new java.net.DatagramSocket(port))
            {
                socket.setReuseAddress(false);
            }
            catch (final IOException ex)
            {
                return false;
            }
        }
        return true;
    }

    static SessionSettings settings(final Path dir, final int port) throws IOException
    {
        final Path credentials = dir.resolve("credentials");
        if (!Files.exists(credentials))
        {
            Files.write(credentials, List.of(
                "# test users",
                CredentialStore.entry("alice", PASSWORD, TEST_ITERATIONS),
                CredentialStore.entry("bob", PASSWORD, TEST_ITERATIONS)));
        }
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "acceptor");
        settings.setLong("SocketAcceptPort", port);
        settings.setString("SocketAcceptAddress", "127.0.0.1");
        settings.setString("FileStorePath", dir.resolve("store").toString());
        settings.setString("StartTime", "00:00:00");
        settings.setString("EndTime", "00:00:00");
        settings.setLong("HeartBtInt", 30);
        settings.setString("TimeStampPrecision", "MICROS");
        settings.setString("UseDataDictionary", "Y");
        settings.setString("SenderCompID", GATEWAY_COMP_ID);
        if (null != System.getProperty("tickwire.test.fixlog"))
        {
            settings.setString("FileLogPath", System.getProperty("tickwire.test.fixlog"));
        }
        settings.setString(GatewayConfiguration.INSTRUMENTS_PROP_NAME, "AAPL:1,MSFT:2");
        // The shipped configuration's order path: an embedded one-member cluster (tests that need the in-process
        // engine remove these). Ports 15000-16995: below the ephemeral range, apart from the other tests.
        settings.setString(GatewayConfiguration.CLUSTER_DIR_PROP_NAME, dir.resolve("cluster").toString());
        settings.setLong(GatewayConfiguration.CLUSTER_BASE_PORT_PROP_NAME, clusterBasePort());
        settings.setString(GatewayConfiguration.CREDENTIALS_FILE_PROP_NAME, credentials.toString());
        addSession(settings, "FIX.4.4", "CLIENT1");
        addSession(settings, "FIX.4.4", "CLIENT2");
        final SessionID fix42 = addSession(settings, "FIX.4.2", "CLIENT42");
        // FIX 4.2 has no Username/Password in Logon: let 553/554 through the 4.2 dictionary.
        settings.setString(fix42, "AllowUnknownMsgFields", "Y");
        final SessionID fixt = addSession(settings, "FIXT.1.1", "CLIENT50");
        settings.setString(fixt, "DefaultApplVerID", "FIX.5.0SP2");
        settings.setString(fixt, "TransportDataDictionary", "FIXT11.xml");
        settings.setString(fixt, "AppDataDictionary", "FIX50SP2.xml");
        return settings;
    }

    static SessionID addSession(final SessionSettings settings, final String beginString, final String client)
    {
        final SessionID sessionId = new SessionID(beginString, GATEWAY_COMP_ID, client);
        settings.setString(sessionId, "BeginString", beginString);
        settings.setString(sessionId, "TargetCompID", client);
        return sessionId;
    }

    static String field(final Message message, final int tag) throws Exception
    {
        return message.isSetField(tag) ? message.getString(tag) : null;
    }

    static String msgType(final Message message) throws Exception
    {
        return message.getHeader().getString(35);
    }

    /**
     * The gateway as a client of external cluster members rather than with its embedded cluster: market data on
     * IPC in its own media driver, and sessions that keep their orders on disconnect (a failover test reconnects).
     *
     * @param dir    test directory.
     * @param port   FIX port.
     * @param member any member: its ingress endpoints name them all.
     * @return the settings.
     * @throws IOException if the credentials file cannot be written.
     */
    static SessionSettings clusterClientSettings(final Path dir, final int port, final ClusterMember member)
        throws IOException
    {
        final SessionSettings settings = settings(dir, port);
        settings.setString(GatewayConfiguration.CLUSTER_MEMBERS_PROP_NAME, member.ingressEndpoints());
        settings.setString(GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME, "aeron:ipc");
        settings.setString(GatewayConfiguration.AERON_DIR_PROP_NAME, dir.resolve("gateway-aeron").toString());
        settings.setString("TickwireCancelOnDisconnect", "N");
        return settings;
    }

    /**
     * The member that leads (elected, no election under way), other than one known closed; fails after 20 s.
     */
    static ClusterMember awaitLeader(final List<ClusterMember> members, final ClusterMember closed)
        throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadlineNs)
        {
            for (final ClusterMember member : members)
            {
                if (member != closed && !member.isClosed() && member.isLeader())
                {
                    return member;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no leader elected");
    }

    /**
     * Take a snapshot on the (leading) member and wait until it is complete; fails after 20 s.
     */
    static void takeSnapshot(final ClusterMember member) throws InterruptedException
    {
        final long before = member.snapshotCount();
        assertTrue(member.takeSnapshot(), "snapshot requested");
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (member.snapshotCount() == before)
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new AssertionError("snapshot not taken within 20 s");
            }
            Thread.sleep(10);
        }
    }
}
