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
package io.tickwire.tools.demo;

import io.tickwire.fix.cluster.ClusterConfiguration;
import io.tickwire.fix.gateway.GatewayConfiguration;
import quickfix.ConfigError;
import quickfix.FieldConvertError;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The gateway configuration the demo runs: the installation's file as it is (cluster, audit durability, risk,
 * credentials) with only what would meet another gateway on this host changed: the FIX port, the cluster's ports,
 * the market data channel (free ports on loopback) and the data directories (under the demo's own).
 */
final class DemoGatewaySettings
{
    private static final SessionID DEFAULTS = new SessionID("DEFAULT", "", "");
    private static final int CLUSTER_PORT_SEARCH_LIMIT = 200;

    private DemoGatewaySettings()
    {
    }

    /**
     * @param config  the gateway's configuration file.
     * @param demoDir where the gateway's store, cluster and audit journal go.
     * @param channel the market data channel, or null for a free UDP port on loopback.
     * @return the settings to launch the gateway with.
     * @throws ConfigError        if the file cannot be read.
     * @throws FieldConvertError  if the cluster base port in it is not a number.
     * @throws IOException        if no free port is found.
     */
    static SessionSettings of(final Path config, final Path demoDir, final String channel)
        throws ConfigError, FieldConvertError, IOException
    {
        if (!Files.isRegularFile(config))
        {
            throw new IllegalArgumentException("no gateway configuration file: " + config + " (--gateway-config)");
        }
        final SessionSettings settings = new SessionSettings(config.toString());
        settings.setLong(DEFAULTS, "SocketAcceptPort", freeTcpPort());
        settings.setString(DEFAULTS, "SocketAcceptAddress", "127.0.0.1");
        settings.setString(DEFAULTS, "FileStorePath", demoDir.resolve("store").toString());
        settings.removeSetting(DEFAULTS, "FileLogPath");
        settings.removeSetting(DEFAULTS, GatewayConfiguration.CLUSTER_MEMBERS_PROP_NAME);
        settings.setString(GatewayConfiguration.CLUSTER_DIR_PROP_NAME, demoDir.resolve("cluster").toString());
        final int basePort = settings.isSetting(GatewayConfiguration.CLUSTER_BASE_PORT_PROP_NAME) ?
            (int)settings.getLong(GatewayConfiguration.CLUSTER_BASE_PORT_PROP_NAME) : ClusterConfiguration.basePort();
        settings.setLong(GatewayConfiguration.CLUSTER_BASE_PORT_PROP_NAME, freeClusterBasePort(basePort));
        settings.setString(GatewayConfiguration.AUDIT_DIRECTORY_PROP_NAME, demoDir.resolve("audit").toString());
        settings.setString(GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME,
            null != channel ? channel : "aeron:udp?endpoint=127.0.0.1:" + freeUdpPort());
        return settings;
    }

    private static int freeTcpPort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException
    {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))
        {
            return socket.getLocalPort();
        }
    }

    /**
     * The configured base port, or the next block of a member's ports after it, whose ports are free now: a gateway
     * already running on this host keeps its cluster.
     */
    private static int freeClusterBasePort(final int configured) throws IOException
    {
        for (int i = 0; i < CLUSTER_PORT_SEARCH_LIMIT; i++)
        {
            final int base = configured + i * ClusterConfiguration.PORTS_PER_MEMBER;
            if (udpPortsFree(base + ClusterConfiguration.ARCHIVE_CONTROL_PORT_OFFSET,
                base + ClusterConfiguration.CATCHUP_PORT_OFFSET))
            {
                return base;
            }
        }
        throw new IOException("no free block of cluster ports from " + configured);
    }

    private static boolean udpPortsFree(final int first, final int last)
    {
        final InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int port = first; port <= last; port++)
        {
            try (DatagramSocket ignore = new DatagramSocket(new InetSocketAddress(loopback, port)))
            {
                // bound: free
            }
            catch (final SocketException ex)
            {
                return false;
            }
        }
        return true;
    }
}
