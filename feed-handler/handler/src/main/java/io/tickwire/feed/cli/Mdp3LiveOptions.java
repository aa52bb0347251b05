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

import io.tickwire.feed.ingest.mdp3.Mdp3ChannelConfig;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The options of {@code feed publish --mdp3-live} (a picocli mixin): where the channel's lines and loops are, from a
 * channel file and flags over it. Kept apart from the command so that the live CME channel's settings, and how they
 * become an {@link Mdp3ChannelConfig}, are in one place.
 */
final class Mdp3LiveOptions
{
    @Option(names = "--mdp3-channel", paramLabel = "FILE",
        description = "With --mdp3-live: properties file of tickwire.mdp3.channel.* keys (see config/); the " +
        "--mdp3-* flags override it.")
    Path mdp3Channel;

    @Option(names = "--mdp3-a", paramLabel = "GROUP:PORT", description = "With --mdp3-live: incremental feed A.")
    String mdp3A;

    @Option(names = "--mdp3-b", paramLabel = "GROUP:PORT", description = "With --mdp3-live: incremental feed B.")
    String mdp3B;

    @Option(names = "--mdp3-snapshot", paramLabel = "GROUP:PORT",
        description = "With --mdp3-live: the snapshot (market recovery) loop.")
    String mdp3Snapshot;

    @Option(names = "--mdp3-definitions", paramLabel = "GROUP:PORT",
        description = "With --mdp3-live: the instrument definition loop (optional).")
    String mdp3Definitions;

    @Option(names = "--mdp3-snapshot-b", paramLabel = "GROUP:PORT",
        description = "With --mdp3-live: the snapshot loop's side B, read with side A, first copy wins (optional).")
    String mdp3SnapshotB;

    @Option(names = "--mdp3-definitions-b", paramLabel = "GROUP:PORT",
        description = "With --mdp3-live: the definition loop's side B, read with side A (optional).")
    String mdp3DefinitionsB;

    @Option(names = "--mdp3-snapshot-mbo", paramLabel = "GROUP:PORT",
        description = "With --mdp3-live --mbo: the MBO snapshot loop (53), side A.")
    String mdp3SnapshotMbo;

    @Option(names = "--mdp3-snapshot-mbo-b", paramLabel = "GROUP:PORT",
        description = "With --mdp3-live --mbo: the MBO snapshot loop's side B, read with side A (optional).")
    String mdp3SnapshotMboB;

    @Option(names = "--mdp3-interface", paramLabel = "NIC",
        description = "With --mdp3-live: interface name or address to join the groups on (default 127.0.0.1).")
    String mdp3Interface;

    @Option(names = "--mdp3-gap-wait-us", paramLabel = "US",
        description = "With --mdp3-live: how long a hole waits for the other line before it is missed on both " +
        "(default 5000).")
    Long mdp3GapWaitUs;

    /**
     * Is any of these options on the command line? They mean something only with --mdp3-live.
     *
     * @return true when one was given.
     */
    boolean anyGiven()
    {
        return null != mdp3Channel || null != mdp3A || null != mdp3B || null != mdp3Snapshot ||
            null != mdp3SnapshotB || null != mdp3Definitions || null != mdp3DefinitionsB || null != mdp3Interface ||
            null != mdp3GapWaitUs || null != mdp3SnapshotMbo || null != mdp3SnapshotMboB;
    }

    /**
     * Is an MBO snapshot loop flag on the command line? They mean something only with --mbo.
     *
     * @return true when one was given.
     */
    boolean anyMboGiven()
    {
        return null != mdp3SnapshotMbo || null != mdp3SnapshotMboB;
    }

    /**
     * The live MDP 3.0 channel: the --mdp3-channel file's keys, then each --mdp3-* flag over them.
     *
     * @param commandLine whose usage error a bad file or address becomes.
     * @param mbo         --mbo given: market by order (the file's {@code mbo} key may say so too).
     * @return the channel, concluded and with its interface resolved.
     */
    Mdp3ChannelConfig toConfig(final CommandLine commandLine, final boolean mbo)
    {
        try
        {
            final Properties properties = new Properties();
            if (null != mdp3Channel)
            {
                try (Reader reader = Files.newBufferedReader(mdp3Channel))
                {
                    properties.load(reader);
                }
            }
            final Mdp3ChannelConfig config = Mdp3ChannelConfig.from(properties);
            if (null != mdp3A)
            {
                config.lineA(Mdp3ChannelConfig.parseAddress("--mdp3-a", mdp3A));
            }
            if (null != mdp3B)
            {
                config.lineB(Mdp3ChannelConfig.parseAddress("--mdp3-b", mdp3B));
            }
            if (null != mdp3Snapshot)
            {
                config.snapshot(Mdp3ChannelConfig.parseAddress("--mdp3-snapshot", mdp3Snapshot));
            }
            if (null != mdp3Definitions)
            {
                config.definitions(Mdp3ChannelConfig.parseAddress("--mdp3-definitions", mdp3Definitions));
            }
            if (null != mdp3SnapshotB)
            {
                config.snapshotB(Mdp3ChannelConfig.parseAddress("--mdp3-snapshot-b", mdp3SnapshotB));
            }
            if (null != mdp3DefinitionsB)
            {
                config.definitionsB(Mdp3ChannelConfig.parseAddress("--mdp3-definitions-b", mdp3DefinitionsB));
            }
            if (mbo)
            {
                config.mbo(true);
            }
            if (null != mdp3SnapshotMbo)
            {
                config.snapshotMbo(Mdp3ChannelConfig.parseAddress("--mdp3-snapshot-mbo", mdp3SnapshotMbo));
            }
            if (null != mdp3SnapshotMboB)
            {
                config.snapshotMboB(Mdp3ChannelConfig.parseAddress("--mdp3-snapshot-mbo-b", mdp3SnapshotMboB));
            }
            if (null != mdp3Interface)
            {
                config.networkInterface(mdp3Interface);
            }
            if (null != mdp3GapWaitUs)
            {
                config.gapWaitNs(TimeUnit.MICROSECONDS.toNanos(mdp3GapWaitUs));
            }
            config.conclude().resolveInterface();
            return config;
        }
        catch (final IOException ex)
        {
            throw new CommandLine.ParameterException(commandLine, "cannot read --mdp3-channel " +
                mdp3Channel + ": " + ex.getMessage());
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(commandLine, ex.getMessage());
        }
    }
}
