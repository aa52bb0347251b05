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

import io.tickwire.fix.cli.FixClientCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tickwire fix-client} says why it could not log on: nothing listening, or the gateway's own reason.
 */
@Timeout(60)
class FixClientErrorsTest
{
    @TempDir
    Path dir;

    @Test
    void shouldSayThatNothingListens() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final String err = run("--host", "127.0.0.1", "--port", String.valueOf(port), "--orders", "1");
        assertTrue(err.contains("error: nothing listens on 127.0.0.1:" + port + " (connection refused)"), err);
    }

    @Test
    void shouldShowTheGatewaysReasonForRefusingTheLogon() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        // The in-process engine: the logon is what is under test, not the order path.
        settings.removeSetting(new SessionID("DEFAULT", "", ""), GatewayConfiguration.CLUSTER_DIR_PROP_NAME);
        try (Gateway ignore = Gateway.launch(new GatewayContext().settings(settings)))
        {
            final String err = run("--host", "127.0.0.1", "--port", String.valueOf(port), "--orders", "1",
                "--username", "alice", "--password", "not-her-password");
            assertTrue(err.contains("error: could not log on to 127.0.0.1:" + port + " as CLIENT1: logged out by " +
                "the gateway: authentication failed: invalid username or password"), err);
        }
    }

    private static String run(final String... args)
    {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final PrintStream stderr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try
        {
            assertEquals(1, new CommandLine(new FixClientCommand()).execute(args));
        }
        finally
        {
            System.setErr(stderr);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}
