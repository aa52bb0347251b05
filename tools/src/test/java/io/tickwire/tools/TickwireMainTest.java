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
package io.tickwire.tools;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.BindException;
import java.nio.file.AccessDeniedException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line answers {@code --help} and {@code --version} and keeps its exit-code promises.
 */
class TickwireMainTest
{
    @Test
    void shouldPrintUsageWithExitCodeZero()
    {
        final StringWriter out = new StringWriter();
        final CommandLine commandLine = TickwireMain.newCommandLine();
        commandLine.setOut(new PrintWriter(out));

        assertEquals(TickwireMain.EXIT_OK, commandLine.execute("--help"));
        assertTrue(out.toString().contains("Usage: tickwire"), out.toString());
    }

    @Test
    void shouldPrintVersionsOfTickwireAndItsLibraries()
    {
        final StringWriter out = new StringWriter();
        final CommandLine commandLine = TickwireMain.newCommandLine();
        commandLine.setOut(new PrintWriter(out));

        assertEquals(TickwireMain.EXIT_OK, commandLine.execute("--version"));
        final String version = out.toString();
        assertTrue(version.startsWith("tickwire "), version);
        assertTrue(version.contains("aeron 1."), version);
        assertTrue(version.contains("agrona 2."), version);
    }

    @Test
    void shouldExitWithUsageErrorOnUnknownOption()
    {
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = TickwireMain.newCommandLine();
        commandLine.setErr(new PrintWriter(err));

        assertEquals(TickwireMain.EXIT_USAGE, commandLine.execute("--no-such-option"));
        assertTrue(err.toString().contains("--no-such-option"), err.toString());
    }

    @Test
    void shouldNameTheCauseOfAnErrorNeverTheExceptionClass()
    {
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = TickwireMain.newCommandLine();
        commandLine.setErr(new PrintWriter(err, true));

        assertEquals(TickwireMain.EXIT_ERROR, commandLine.execute(
            "itch", "generate", "--out", "/nonexistent-dir/x.itch", "--messages", "10"));
        assertTrue(err.toString().contains("error: no such file or directory: /nonexistent-dir/x.itch"), err::toString);

        assertEquals(TickwireMain.EXIT_USAGE, commandLine.execute("feed", "subscribe", "--duration", "5x"));
        assertTrue(err.toString().contains("'5x' is not a duration: give e.g. 20s"), err::toString);
        assertFalse(err.toString().contains("Exception"), err::toString);
    }

    @Test
    void shouldSayThatAnAddressIsInUseThroughTheWrappersOfALibrary()
    {
        // What QuickFIX/J throws when its acceptor cannot bind.
        final Exception bind = new RuntimeException("Error while binding on /0.0.0.0:9878",
            new RuntimeException(new BindException("Address already in use")));

        assertEquals("Error while binding on /0.0.0.0:9878: cannot listen: address already in use (another " +
            "process holds the port: stop it or choose another port)", TickwireMain.describe(bind));
        assertEquals("permission denied: /etc/shadow",
            TickwireMain.describe(new IllegalStateException(new AccessDeniedException("/etc/shadow"))));
    }

    @Test
    void shouldOfferHelpOnEverySubcommand()
    {
        final CommandLine commandLine = TickwireMain.newCommandLine();
        for (final CommandLine sub : commandLine.getSubcommands().values())
        {
            assertHelpOnEveryLevel(sub);
        }
    }

    private static void assertHelpOnEveryLevel(final CommandLine command)
    {
        final boolean hasHelp = command.getCommandSpec().optionsMap().containsKey("--help") ||
            command.getCommandSpec().userObject() instanceof CommandLine.HelpCommand;
        assertTrue(hasHelp, command.getCommandName() + " lacks --help");
        for (final CommandLine sub : command.getSubcommands().values())
        {
            assertHelpOnEveryLevel(sub);
        }
    }
}
