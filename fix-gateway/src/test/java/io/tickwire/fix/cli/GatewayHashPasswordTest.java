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

import io.tickwire.fix.session.CredentialStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code gateway --hash-password USER}, the password on standard input, as an operator runs it.
 */
@Timeout(60)
class GatewayHashPasswordTest
{
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int hashPassword(final String user, final String stdin)
    {
        final InputStream systemIn = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try
        {
            final CommandLine commandLine = new CommandLine(new GatewayCommand());
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            return commandLine.execute("--hash-password", user);
        }
        finally
        {
            System.setIn(systemIn);
        }
    }

    @Test
    void shouldPrintALineThatVerifiesWithTheDefaultIterations()
    {
        assertEquals(0, hashPassword("alice", "pass: with colon\n"), err::toString);
        final String line = out.toString().strip();
        assertTrue(line.startsWith("alice:pbkdf2-sha256:" + CredentialStore.DEFAULT_ITERATIONS + ":"), line);
        final CredentialStore store = CredentialStore.parse(List.of(line), "stdout");
        assertTrue(store.verify("alice", "pass: with colon"), "a password may hold the separator: it is hashed");
        assertEquals("", err.toString());
    }

    @Test
    void shouldRefuseAnEmptyPasswordWithExitCode2()
    {
        assertEquals(2, hashPassword("alice", " \n"));
        assertEquals("error: --hash-password: empty password: give the password on standard input",
            err.toString().strip());
        assertEquals("", out.toString(), "no line is printed");
    }

    @Test
    void shouldRefuseAUserNameWithTheSeparatorWithExitCode2()
    {
        assertEquals(2, hashPassword("al:ice", "secret\n"));
        assertEquals("error: --hash-password: user name must not contain ':' (the credentials file's separator): " +
            "al:ice", err.toString().strip());
        assertEquals("", out.toString());
    }
}
