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
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code feed publish --mdp3-live}: the channel's lines from flags and from a properties file, and the usage errors
 * (exit 2) of a channel that is incomplete or wrong, market by order (--mbo with its MBO snapshot loop) included.
 * A live run itself is covered by {@code Mdp3LiveChannelTest} and {@code Mdp3LiveOrderBooksTest}.
 */
class FeedPublishMdp3LiveTest
{
    @TempDir
    Path tempDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldReadTheShippedChannelFilesAndLetFlagsOverrideThem()
    {
        final FeedPublishCommand command = parse("--mdp3-live", "--mdp3-channel",
            Path.of("../../config/mdp3-channel-310.properties").toString(), "--mdp3-b", "224.0.32.9:15310",
            "--mdp3-snapshot-b", "224.0.32.23:15310");
        assertEquals("mdp3 channel 310 A 224.0.31.1:14310 B 224.0.32.9:15310 snapshot 224.0.31.22:14310/" +
            "224.0.32.23:15310 definitions 224.0.31.43:14310/224.0.32.43:15310",
            command.mdp3ChannelConfig().describe());
        assertEquals(5_000_000L, command.mdp3ChannelConfig().gapWaitNs());
        // Held entries sized from the channel's 512 instruments, 256 each.
        assertEquals(131_072, command.mdp3ChannelConfig().conclude().recoveryEntries());

        final FeedPublishCommand sim = parse("--mdp3-live", "--mdp3-channel",
            Path.of("../../config/mdp3-channel-sim.properties").toString(), "--mdp3-gap-wait-us", "250");
        assertEquals(250_000L, sim.mdp3ChannelConfig().gapWaitNs());
        assertEquals("mdp3 channel sim A 239.255.31.1:14310 B 239.255.32.1:15310 snapshot 239.255.31.22:14310/" +
            "239.255.32.22:15310 definitions 239.255.31.43:14310/239.255.32.43:15310",
            sim.mdp3ChannelConfig().describe());
        assertEquals(16_384, sim.mdp3ChannelConfig().conclude().recoveryEntries());

        // Market by order: the shipped files list the channel's MBO snapshot loop, read only with --mbo.
        assertEquals(new InetSocketAddress("233.72.75.1", 23310), command.mdp3ChannelConfig().snapshotMbo());
        assertEquals(new InetSocketAddress("233.72.75.64", 22310), command.mdp3ChannelConfig().snapshotMboB());
        assertFalse(command.mdp3ChannelConfig().mbo());
        final FeedPublishCommand mbo = parse("--mdp3-live", "--mbo", "--mdp3-channel",
            Path.of("../../config/mdp3-channel-sim.properties").toString(), "--mdp3-snapshot-mbo-b",
            "239.255.32.25:15310");
        assertTrue(mbo.mdp3ChannelConfig().mbo());
        assertEquals("mdp3 channel sim A 239.255.31.1:14310 B 239.255.32.1:15310 snapshot 239.255.31.22:14310/" +
            "239.255.32.22:15310 definitions 239.255.31.43:14310/239.255.32.43:15310 mbo snapshot " +
            "239.255.31.24:14310/239.255.32.25:15310", mbo.mdp3ChannelConfig().describe());
    }

    @Test
    void shouldRejectAnIncompleteOrWrongChannel() throws IOException
    {
        usage("need --mdp3-live", "--simulate", "--mdp3-a", "239.1.1.1:14310");
        usage("need --mdp3-live", "--simulate", "--mdp3-snapshot-b", "239.1.1.1:14312");
        usage("need --mdp3-live", "--simulate", "--mdp3-definitions-b", "239.1.1.1:14313");
        usage("needs incremental lines A and B and the snapshot", "--mdp3-live", "--mdp3-a", "239.1.1.1:14310");
        usage("--mdp3-b needs HOST:PORT, got 'nowhere'", "--mdp3-live", "--mdp3-a", "239.1.1.1:14310",
            "--mdp3-b", "nowhere", "--mdp3-snapshot", "239.1.1.3:14310");
        usage("--rate paces replayed input", "--mdp3-live", "--rate", "10", "--mdp3-a", "239.1.1.1:14310",
            "--mdp3-b", "239.1.1.2:14310", "--mdp3-snapshot", "239.1.1.3:14310");
        usage("needs its MBO snapshot loop (tickwire.mdp3.channel.snapshot.mbo.a; --mdp3-snapshot-mbo)",
            "--mdp3-live", "--mbo", "--mdp3-a", "239.1.1.1:14310", "--mdp3-b", "239.1.1.2:14310", "--mdp3-snapshot",
            "239.1.1.3:14310");
        usage("--mdp3-snapshot-mbo and --mdp3-snapshot-mbo-b need --mbo", "--mdp3-live", "--mdp3-a",
            "239.1.1.1:14310", "--mdp3-b", "239.1.1.2:14310", "--mdp3-snapshot", "239.1.1.3:14310",
            "--mdp3-snapshot-mbo", "239.1.1.5:14310");
        usage("need --mdp3-live", "--simulate", "--mdp3-snapshot-mbo", "239.1.1.5:14310");
        usage("the MBO snapshot loop's side B needs its side A", "--mdp3-live", "--mbo", "--mdp3-a",
            "239.1.1.1:14310", "--mdp3-b", "239.1.1.2:14310", "--mdp3-snapshot", "239.1.1.3:14310",
            "--mdp3-snapshot-mbo-b", "239.1.1.6:14310");
        usage("--mdp3-snapshot-mbo needs HOST:PORT, got 'x'", "--mdp3-live", "--mbo", "--mdp3-a", "239.1.1.1:14310",
            "--mdp3-b", "239.1.1.2:14310", "--mdp3-snapshot", "239.1.1.3:14310", "--mdp3-snapshot-mbo", "x");
        usage("--mbo needs --mdp3 or --mdp3-live", "--simulate", "--mbo");
        usage("no network interface no-such-nic", "--mdp3-live", "--mdp3-a", "239.1.1.1:14310",
            "--mdp3-b", "239.1.1.2:14310", "--mdp3-snapshot", "239.1.1.3:14310", "--mdp3-interface", "no-such-nic");

        final Path file = tempDir.resolve("channel.properties");
        Files.writeString(file, "tickwire.mdp3.channel.incremental.a=239.1.1.1:14310\n" +
            "tickwire.mdp3.channel.incremetal.b=239.1.1.2:14310\n");
        usage("unknown key tickwire.mdp3.channel.incremetal.b", "--mdp3-live", "--mdp3-channel", file.toString());
    }

    private FeedPublishCommand parse(final String... args)
    {
        final FeedPublishCommand command = new FeedPublishCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    private void usage(final String message, final String... args)
    {
        err.getBuffer().setLength(0);
        final CommandLine commandLine = new CommandLine(new FeedCommand());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        final String[] all = new String[args.length + 1];
        all[0] = "publish";
        System.arraycopy(args, 0, all, 1, args.length);
        assertEquals(FeedPublishCommand.EXIT_USAGE, commandLine.execute(all), err.toString());
        assertTrue(err.toString().contains(message), message + "\n" + err);
    }
}
