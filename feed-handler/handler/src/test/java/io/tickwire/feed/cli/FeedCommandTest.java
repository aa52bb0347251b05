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
package io.tickwire.feed.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FeedCommandTest
{
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(final String... args)
    {
        final CommandLine commandLine = new CommandLine(new FeedCommand());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void shouldDescribeEveryPublishOptionInHelp()
    {
        assertEquals(0, execute("publish", "--help"));
        final String help = out.toString();
        for (final String option : new String[]{ "--itch", "--pcap", "--moldudp64", "--request-server", "--simulate",
            "--messages", "--symbols", "--seed", "--rate", "--max", "--channel", "--stream", "--profile", "--cpus",
            "--aeron-dir", "--record" })
        {
            assertTrue(help.contains(option), option + " missing from\n" + help);
        }
    }

    @Test
    void shouldListPublishUnderFeed()
    {
        assertEquals(0, execute("--help"));
        assertTrue(out.toString().contains("publish"), out.toString());
    }

    @Test
    void shouldRequireExactlyOneSource()
    {
        assertEquals(2, execute("publish"));
        assertEquals(2, execute("publish", "--simulate", "--itch", "x.itch"));
    }

    @Test
    void shouldRejectConflictingOrInvalidOptions()
    {
        assertEquals(2, execute("publish", "--simulate", "--rate", "10", "--max"));
        assertEquals(2, execute("publish", "--simulate", "--request-server", "localhost:1"));
        assertEquals(2, execute("publish", "--simulate", "--profile", "turbo"));
        assertEquals(2, execute("publish", "--simulate", "--cpus", "3-1"));
        assertEquals(2, execute("publish", "--simulate", "--rate", "0"));
        assertEquals(2, execute("publish", "--moldudp64", "239.1.1.1:5000", "--rate", "1000"));
        assertEquals(2, execute("publish", "--moldudp64", "nonsense"));
        assertTrue(err.toString().contains("--request-server needs --moldudp64"), err.toString());
    }
}
