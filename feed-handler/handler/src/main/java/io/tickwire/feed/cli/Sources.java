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

import io.tickwire.counters.CounterAllocator;
import io.tickwire.feed.FeedHandlerContext;
import io.tickwire.feed.FeedSource;
import io.tickwire.feed.ingest.BinaryFileSource;
import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.MessageSource;
import io.tickwire.feed.ingest.PcapSource;
import io.tickwire.feed.ingest.mdp3.Mdp3LiveChannel;
import io.tickwire.feed.ingest.mdp3.Mdp3Normaliser;
import io.tickwire.feed.ingest.mdp3.Mdp3NormaliserFactory;
import io.tickwire.feed.ingest.mdp3.Mdp3PcapSource;
import io.tickwire.feed.ingest.itch.sim.SimulatorSource;
import io.tickwire.feed.ingest.moldudp64.MoldUdp64Client;
import io.tickwire.feed.ingest.moldudp64.MoldUdp64ClientContext;
import io.tickwire.feed.ingest.moldudp64.MoldUdp64StatusListener;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns the source options of {@code feed publish} into a {@link FeedSource}: the one place of the command that
 * knows the ingest classes. Files, captures and the simulator get the back-pressure policy; live MoldUDP64 the
 * counted-drop policy, with its gaps and recoveries counted. A capture's gaps are counted too, as lost. An MDP 3.0
 * capture is read by the MDP 3.0 normaliser instead of the ITCH one, which counts its own gaps.
 */
final class Sources
{
    private Sources()
    {
    }

    static void configure(final FeedHandlerContext ctx, final FeedPublishCommand command)
    {
        ctx.addSource(source(command));
    }

    static FeedSource source(final FeedPublishCommand command)
    {
        if (null != command.itchFile())
        {
            final Path path = readable(command.itchFile());
            return FeedSource.replay(path.toString(), listener -> open(() -> new BinaryFileSource(path, listener)));
        }

        if (null != command.pcapFile())
        {
            final Path path = readable(command.pcapFile());
            return FeedSource.replay(path.toString(), new FeedSource.Factory()
            {
                public MessageSource open(final MalformedInputListener listener)
                {
                    return open(listener, MoldUdp64StatusListener.NO_OP);
                }

                // A capture's sequence gaps are counted as upstream gaps, lost for good: nothing can re-send them.
                public MessageSource open(
                    final MalformedInputListener listener, final MoldUdp64StatusListener upstreamListener)
                {
                    final PcapSource source = Sources.open(() -> new PcapSource(path, listener, upstreamListener));
                    if (null != source.headerError())
                    {
                        source.close();
                        throw new IllegalArgumentException(path + ": " + source.headerError());
                    }
                    return source;
                }
            });
        }

        if (null != command.mdp3File())
        {
            final Path path = readable(command.mdp3File());
            final FeedSource.Factory factory = listener ->
            {
                final Mdp3PcapSource source = open(() -> new Mdp3PcapSource(path, listener));
                if (null != source.headerError())
                {
                    source.close();
                    throw new IllegalArgumentException(path + ": " + source.headerError());
                }
                return source;
            };
            return FeedSource.replay(path.toString(), factory)
                .normaliser(Mdp3Normaliser.DESCRIPTION + (command.mbo() ? ", market by order" : ""),
                    new Mdp3NormaliserFactory(command.mbo()), Mdp3Normaliser.MAX_ENCODED_LENGTH);
        }

        if (command.mdp3Live())
        {
            return new Mdp3LiveChannel(command.mdp3ChannelConfig()).feedSource();
        }

        if (null != command.moldUdp64())
        {
            final InetSocketAddress endpoint = address(command, "--moldudp64", command.moldUdp64());
            final PublishSettings settings = command.settings();
            final InetSocketAddress requestServer = null == command.requestServer() ?
                settings.requestServer : address(command, "--request-server", command.requestServer());
            final String name = "moldudp64 " + command.moldUdp64() + (null == settings.lineB ? "" :
                " + line B " + settings.lineB.getHostString() + ":" + settings.lineB.getPort());
            return FeedSource.live(name, new FeedSource.Factory()
            {
                public MessageSource open(final MalformedInputListener listener)
                {
                    return open(listener, new MoldUdp64StatusListener()
                    {
                    });
                }

                public MessageSource open(
                    final MalformedInputListener listener, final MoldUdp64StatusListener upstreamListener)
                {
                    return open(listener, upstreamListener, null);
                }

                public MessageSource open(
                    final MalformedInputListener listener,
                    final MoldUdp64StatusListener upstreamListener,
                    final CounterAllocator counters)
                {
                    return new MoldUdp64Client(settings.applyTo(new MoldUdp64ClientContext())
                        .endpoint(endpoint)
                        .requestServer(requestServer)
                        .malformedInputListener(listener)
                        .statusListener(upstreamListener)
                        .counterAllocator(counters));
                }
            });
        }

        final long messages = command.messages();
        final int symbols = command.symbols();
        final long seed = command.seed();
        if (messages < 1 || symbols < 1)
        {
            throw new CommandLine.ParameterException(command.spec.commandLine(),
                "--messages and --symbols must be positive");
        }
        return FeedSource.replay("simulator(messages=" + messages + ", symbols=" + symbols + ", seed=" + seed + ")",
            listener -> new SimulatorSource(seed, symbols, messages));
    }

    private interface Opener<T>
    {
        T open() throws IOException;
    }

    private static <T> T open(final Opener<T> opener)
    {
        try
        {
            return opener.open();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static Path readable(final String file)
    {
        final Path path = Path.of(file);
        if (!Files.isReadable(path))
        {
            throw new IllegalArgumentException("cannot read " + path);
        }
        return path;
    }

    private static InetSocketAddress address(final FeedPublishCommand command, final String option, final String value)
    {
        final int colon = value.lastIndexOf(':');
        try
        {
            if (colon <= 0)
            {
                throw new NumberFormatException("no port");
            }
            return new InetSocketAddress(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(command.spec.commandLine(),
                option + " needs HOST:PORT, got '" + value + "'");
        }
    }
}
