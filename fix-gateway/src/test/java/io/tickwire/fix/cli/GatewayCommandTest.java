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

import io.tickwire.agent.cli.TickwireHome;
import io.tickwire.fix.cluster.ClusterConfiguration;
import io.tickwire.fix.gateway.GatewayConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import quickfix.SessionSettings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    @AfterEach
    void forgetTheHome()
    {
        // The command publishes the directories as system properties; the next test starts without them.
        System.clearProperty(TickwireHome.HOME_PROP_NAME);
        System.clearProperty(TickwireHome.DATA_DIR_PROP_NAME);
        System.clearProperty(TickwireHome.LOG_DIR_PROP_NAME);
    }

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
    void shouldSetTheGatewayId() throws Exception
    {
        final SessionSettings settings = settings("--cluster-members", "10.0.0.1", "--gateway-id", "3");
        assertEquals(3, settings.getLong(GatewayConfiguration.GATEWAY_ID_PROP_NAME));
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

    @Test
    void shouldShipAConfigurationThatListensOnLoopbackAndKeepsEverythingUnderTheDataDirectory() throws Exception
    {
        final Path home = Path.of("..").toAbsolutePath().normalize();
        final Path data = dir.resolve("data");
        System.setProperty(TickwireHome.HOME_PROP_NAME, home.toString());
        System.setProperty(TickwireHome.DATA_DIR_PROP_NAME, data.toString());
        final GatewayCommand command = command();
        final SessionSettings settings = command.settings();

        assertEquals("127.0.0.1", settings.getString("SocketAcceptAddress"));
        assertEquals("N", settings.getString("RejectGarbledMessage"));
        assertEquals(data.resolve("gateway/store").toString(), settings.getString("FileStorePath"));
        assertEquals(data.resolve("gateway/cluster").toString(),
            settings.getString(GatewayConfiguration.CLUSTER_DIR_PROP_NAME));
        final Path credentials = Path.of(settings.getString(GatewayConfiguration.CREDENTIALS_FILE_PROP_NAME));
        assertEquals(home.resolve("config/gateway-credentials"), credentials);
        assertTrue(Files.readAllLines(credentials).contains(GatewayCommand.EXAMPLE_CREDENTIALS),
            "the example entry this command refuses without --demo");
        assertEquals(data.resolve("gateway/audit"), command.auditDirectory(settings), "audit on by default");
    }

    @Test
    void shouldJournalUnlessToldNotTo() throws Exception
    {
        System.setProperty(TickwireHome.DATA_DIR_PROP_NAME, dir.resolve("data").toString());
        assertEquals(dir.resolve("data/gateway/audit"), auditDirectory(), "a file without a directory");
        assertEquals(dir.resolve("mine"), auditDirectory("--audit-dir", dir.resolve("mine").toString()));
        assertNull(auditDirectory("--no-audit"));

        final StringWriter err = new StringWriter();
        final CommandLine both = new CommandLine(new GatewayCommand());
        both.setErr(new PrintWriter(err, true));
        assertEquals(2, both.execute("--config", config.toString(), "--no-audit", "--audit-dir", dir.toString()));
        assertTrue(err.toString().contains("--no-audit and --audit-dir exclude each other"), err::toString);
    }

    @Test
    void shouldRefuseASealKeyInsideTheJournalDirectoryAsAUsageError() throws Exception
    {
        final List<String> lines = new ArrayList<>(Files.readAllLines(config));
        lines.add(1, "TickwireAuditSealKeyFile=" + dir.resolve("journal/seal.key"));
        Files.write(config, lines);
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = new CommandLine(new GatewayCommand());
        commandLine.setErr(new PrintWriter(err, true));

        assertEquals(2, commandLine.execute("--config", config.toString(), "--audit-dir",
            dir.resolve("journal").toString()));
        assertTrue(err.toString().contains(
            "TickwireAuditSealKeyFile: audit seal key " + dir.resolve("journal/seal.key") +
            " is inside the journal directory"), err::toString);
        assertFalse(Files.exists(dir.resolve("journal")), "nothing started");
    }

    @Test
    void shouldRefuseTheExampleCredentialsUnlessTriedOutWithDemo() throws Exception
    {
        final Path credentials = dir.resolve("credentials");
        Files.write(credentials, List.of("# as shipped", GatewayCommand.EXAMPLE_CREDENTIALS));
        final List<String> lines = new ArrayList<>(Files.readAllLines(config));
        lines.add(1, "TickwireCredentialsFile=" + credentials);
        Files.write(config, lines);
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final PrintStream stderr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try
        {
            assertEquals(2, new CommandLine(new GatewayCommand()).execute("--config", config.toString()));
        }
        finally
        {
            System.setErr(stderr);
        }
        final String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("holds the example user 'demo'") && message.contains("--demo"), message);
    }

    @Test
    void shouldRejectAMetricsPortOutOfRangeBeforeLaunching()
    {
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = new CommandLine(new GatewayCommand());
        commandLine.setErr(new PrintWriter(err, true));
        assertEquals(2, commandLine.execute("--config", config.toString(), "--metrics-port", "-1"));
        assertTrue(err.toString().contains("--metrics-port must be 0..65535: -1"), err::toString);
    }

    @Test
    void shouldNameAMissingConfigurationFile()
    {
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = new CommandLine(new GatewayCommand());
        commandLine.setErr(new PrintWriter(err, true));
        assertEquals(2, commandLine.execute("--config", dir.resolve("nope.cfg").toString()));
        assertTrue(err.toString().contains("--config: no such file: " + dir.resolve("nope.cfg")), err::toString);
    }

    private Path auditDirectory(final String... options) throws Exception
    {
        final GatewayCommand command = withConfig(options);
        return command.auditDirectory(command.settings());
    }

    private SessionSettings settings(final String... options) throws Exception
    {
        return withConfig(options).settings();
    }

    private GatewayCommand withConfig(final String... options)
    {
        final String[] args = new String[options.length + 2];
        args[0] = "--config";
        args[1] = config.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        return command(args);
    }

    private static GatewayCommand command(final String... args)
    {
        final CommandLine commandLine = new CommandLine(new GatewayCommand());
        commandLine.parseArgs(args);
        return (GatewayCommand)commandLine.getCommand();
    }
}
