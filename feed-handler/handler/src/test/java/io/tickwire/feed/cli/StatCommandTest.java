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

import io.tickwire.agent.ThreadingProfile;
import io.tickwire.feed.FeedHandler;
import io.tickwire.feed.FeedHandlerContext;
import io.tickwire.feed.FeedSource;
import io.tickwire.feed.TestChannels;
import io.tickwire.feed.ingest.itch.sim.SimulatorSource;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StatCommandTest
{
    private static final Pattern MSGS_IN = Pattern.compile("\\s+([0-9,]+) - tickwire-feed msgs-in: simulator");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private FeedHandler feed;

    @BeforeEach
    void before()
    {
        // No subscriber: the publisher holds the input, so msgs-in stops at what fits into the ring.
        feed = new FeedHandler(new FeedHandlerContext()
            .addSource(FeedSource.replay("simulator", listener -> new SimulatorSource(3, 5, 1_000)))
            .channel(TestChannels.randomMulticastChannel())
            .threadingProfile(ThreadingProfile.COMPACT)
            .snapshots(false)
            .errorStream(null))
            .start();
    }

    @AfterEach
    void after()
    {
        CloseHelper.close(feed);
    }

    private int execute(final String... args)
    {
        final CommandLine commandLine = new CommandLine(new StatCommand());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void shouldPrintTickwireAndAeronCountersOfARunningDriver() throws InterruptedException
    {
        while (feed.snapshot().messagesIn() < 1_000)
        {
            Thread.sleep(10);
        }

        assertEquals(0, execute("--aeron-dir", feed.aeronDirectoryName()), err.toString());

        final String output = out.toString();
        assertTrue(output.contains("aeron dir " + feed.aeronDirectoryName()), output);
        final Matcher matcher = MSGS_IN.matcher(output);
        assertTrue(matcher.find(), output);
        assertEquals(1_000, Long.parseLong(matcher.group(1).replace(",", "")));
        assertTrue(output.contains("tickwire-feed msgs-published"), output);
        assertTrue(output.contains("Bytes sent"), "Aeron's system counters: " + output);
    }

    @Test
    void shouldFilterByRegexAndRepeatWithWatch()
    {
        assertEquals(0, execute("--aeron-dir", feed.aeronDirectoryName(), "--filter", "tickwire-feed (msgs|heart)",
            "--watch", "1", "--count", "2"));

        final String output = out.toString();
        assertEquals(2, output.split("driver pid", -1).length - 1, output);
        assertEquals(2, output.split("tickwire-feed msgs-published", -1).length - 1, output);
        assertEquals(2, output.split("tickwire-feed heartbeats", -1).length - 1, output);
        assertFalse(output.contains("Bytes sent"), output);
        assertFalse(output.contains("back-pressure"), output);
    }

    @Test
    void shouldFindTheRunningDriverWithoutBeingTold()
    {
        // The feed handler's embedded driver has a random directory of its own: stat finds it anyway. Another
        // driver running on this host at the same time is listed beside it instead.
        final int exit = execute("--filter", "tickwire-feed msgs-published");
        if (0 == exit)
        {
            assertTrue(out.toString().contains("aeron dir " + feed.aeronDirectoryName()), out.toString());
            assertTrue(out.toString().contains("tickwire-feed msgs-published"), out.toString());
            assertTrue(err.toString().contains("the only media driver running here"), err.toString());
        }
        else
        {
            assertEquals(1, exit, err.toString());
            assertTrue(err.toString().contains("media drivers are running here; choose one with --aeron-dir"),
                err.toString());
            assertTrue(err.toString().contains("  " + feed.aeronDirectoryName()), err.toString());
        }
    }

    @Test
    void shouldFailWithoutADriver(@TempDir final Path empty)
    {
        assertEquals(1, execute("--aeron-dir", empty.toString()));
        assertTrue(err.toString().contains("no Aeron media driver at " + empty), err.toString());
        assertEquals(2, execute("--aeron-dir", empty.toString(), "--filter", "("));
    }
}
