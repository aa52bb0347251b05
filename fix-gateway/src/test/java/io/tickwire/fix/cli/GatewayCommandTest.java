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

import io.tickwire.fix.cluster.ClusterConfiguration;
import io.tickwire.fix.gateway.GatewayConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import quickfix.SessionSettings;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gateway --cluster-dir | --cluster-members [--cluster-base-port]} override the cluster keys of the
 * configuration file (nothing launched); the gateway on real members runs in {@link ClusterNodeEndToEndTest}.
 */
@Timeout(30)
class GatewayCommandTest
{
    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void writeConfig() throws IOException
    {
        config = dir.resolve("gateway.cfg");
        Files.write(config, List.of(
            "[DEFAULT]",
            "ConnectionType=acceptor",
            "SocketAcceptPort=17599",
            "TickwireInstruments=AAPL:1",
            "TickwireClusterDir=" + dir.resolve("from-file"),
            "[SESSION]",
            "BeginString=FIX.4.4",
            "SenderCompID=TWGW",
            "TargetCompID=CLIENT1"));
    }

    @Test
    void shouldTurnAMemberHostListIntoTheMembersSettingAndDropTheEmbeddedCluster() throws Exception
    {
        final SessionSettings settings = settings(
            "--cluster-members", "10.0.0.1,10.0.0.2,10.0.0.3", "--cluster-base-port", "17300");

        final String members = settings.getString(GatewayConfiguration.CLUSTER_MEMBERS_PROP_NAME);
        assertEquals("10.0.0.1,10.0.0.2,10.0.0.3", members);
        assertEquals(17_300, settings.getLong(GatewayConfiguration.CLUSTER_BASE_PORT_PROP_NAME));
        assertFalse(settings.isSetting(GatewayConfiguration.CLUSTER_DIR_PROP_NAME), "members elsewhere win");
        // What the gateway connects to: the ingress port of each member's block.
        assertEquals("0=10.0.0.1:17302,1=10.0.0.2:17402,2=10.0.0.3:17502",
            ClusterConfiguration.ingressEndpoints(members, 17_300));
    }

    @Test
    void shouldTakeIngressEndpointsAsGiven() throws Exception
    {
        final SessionSettings settings = settings("--cluster-members", "0=h0:9002,1=h1:9102,2=h2:9202");
        assertEquals("0=h0:9002,1=h1:9102,2=h2:9202", ClusterConfiguration.ingressEndpoints(
            settings.getString(GatewayConfiguration.CLUSTER_MEMBERS_PROP_NAME), 20_000));
    }

    @Test
    void shouldSetTheEmbeddedClusterDirectory() throws Exception
    {
        final Path clusterDir = dir.resolve("cluster");
        final SessionSettings settings = settings("--cluster-dir", clusterDir.toString());
        assertEquals(clusterDir.toString(), settings.getString(GatewayConfiguration.CLUSTER_DIR_PROP_NAME));
        assertFalse(settings.isSetting(GatewayConfiguration.CLUSTER_MEMBERS_PROP_NAME));
        assertFalse(settings.isSetting(GatewayConfiguration.CLUSTER_BASE_PORT_PROP_NAME));
    }

    @Test
    void shouldKeepTheFileWithoutClusterOptions() throws Exception
    {
        final SessionSettings settings = settings();
        assertEquals(dir.resolve("from-file").toString(),
            settings.getString(GatewayConfiguration.CLUSTER_DIR_PROP_NAME));
    }

    @Test
    void shouldRejectBothClusterOptionsAndAnEmptyMemberAsUsageErrors()
    {
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = new CommandLine(new GatewayCommand());
        commandLine.setErr(new PrintWriter(err, true));
        assertEquals(2, commandLine.execute("--config", config.toString(), "--cluster-dir", dir.toString(),
            "--cluster-members", "h0,h1,h2"));
        assertTrue(err.toString().contains("mutually exclusive"), err::toString);

        final CommandLine again = new CommandLine(new GatewayCommand());
        again.setErr(new PrintWriter(err, true));
        assertEquals(2, again.execute("--config", config.toString(), "--cluster-members", "h0,,h2"));
        assertTrue(err.toString().contains("--cluster-members: empty host"), err::toString);
    }

    private SessionSettings settings(final String... options) throws Exception
    {
        final String[] args = new String[options.length + 2];
        args[0] = "--config";
        args[1] = config.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        final CommandLine commandLine = new CommandLine(new GatewayCommand());
        commandLine.parseArgs(args);
        return ((GatewayCommand)commandLine.getCommand()).settings();
    }
}
