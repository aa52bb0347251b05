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

import io.tickwire.feed.ingest.BinaryFileSource;
import io.tickwire.feed.ingest.MalformedInputCounter;
import io.tickwire.feed.ingest.MessageHandler;
import io.tickwire.feed.ingest.moldudp64.MoldUdp64Configuration;
import io.tickwire.feed.ingest.moldudp64.MoldUdp64RequestServer;
import io.tickwire.feed.ingest.moldudp64.MoldUdp64Server;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code itch serve}: play an ITCH 5.0 BinaryFILE as a live MoldUDP64 session, with a request server answering
 * re-requests, so {@code feed publish --moldudp64} has a venue to listen to. Ends the session at the end of the
 * file and keeps answering requests for {@code --linger} seconds.
 * <p>
 * One thread runs the file, the downstream server and the request server as one duty cycle with a back-off
 * idle strategy. The file is read only when everything stored has been sent, so memory stays bounded by what
 * the socket takes; the store keeps every message for re-requests.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
        "Serve an ITCH 5.0 BinaryFILE (plain or gzip) as a live MoldUDP64 session to a unicast or multicast",
        "destination, with a request server for gap recovery. Ends the session at the end of the file.",
        "Exit status: 0 file well formed and served, 1 malformed input or error, 2 usage."})
public final class ItchServeCommand implements Callable<Integer>
{
    /** Exit code when the whole file was well formed and served. */
    static final int EXIT_OK = 0;
    /** Exit code for malformed input or a failure. */
    static final int EXIT_ERROR = 1;

    @Option(names = "--file", paramLabel = "FILE", required = true,
        description = "NASDAQ BinaryFILE (u16 length + message), plain or gzip.")
    Path file;

    @Option(names = "--destination", paramLabel = "HOST:PORT", required = true,
        description = "Where downstream packets go: a unicast address or a multicast group.")
    String destination;

    @Option(names = "--request-port", paramLabel = "P", required = true,
        description = "UDP port of the request server (0 picks a free one, printed at start).")
    int requestPort;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "0",
        description = "Messages per second; 0 for as fast as the socket takes them (default: ${DEFAULT-VALUE}).")
    long rate;

    @Option(names = "--session", paramLabel = "NAME", defaultValue = "TICKWIRE",
        description = "MoldUDP64 session name, 1 to 10 ASCII characters (default: ${DEFAULT-VALUE}).")
    String session;

    @Option(names = "--interface", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
        description = "Interface address for multicast (default: ${DEFAULT-VALUE}).")
    String interfaceAddress;

    @Option(names = "--ttl", paramLabel = "N", defaultValue = "1",
        description = "Multicast time to live; 0 keeps packets on this host (default: ${DEFAULT-VALUE}).")
    int ttl;

    @Option(names = "--heartbeat-ms", paramLabel = "MS", defaultValue = "1000",
        description = "Heartbeat (and end-of-session repeat) interval when idle (default: ${DEFAULT-VALUE}).")
    long heartbeatMs;

    @Option(names = "--linger", paramLabel = "SECONDS", defaultValue = "2",
        description = "Keep answering requests this long after the end of session (default: ${DEFAULT-VALUE}).")
    double lingerSeconds;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Serve the file.
     *
     * @return exit code.
     * @throws Exception if the file cannot be read or a socket cannot be opened.
     */
    public Integer call() throws Exception
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final InetSocketAddress to = parseDestination();
        if (rate < 0 || lingerSeconds < 0 || heartbeatMs <= 0)
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--rate and --linger must not be negative, --heartbeat-ms must be positive");
        }
        final MalformedInputCounter malformed = new MalformedInputCounter(10);
        final MoldUdp64Server.Context serverContext;
        try
        {
            serverContext = new MoldUdp64Server.Context()
                .session(session)
                .destination(to)
                .interfaceAddress(InetAddress.getByName(interfaceAddress))
                .ttl(ttl)
                .heartbeatIntervalNs(TimeUnit.MILLISECONDS.toNanos(heartbeatMs))
                .maxPayloadLength(MoldUdp64Configuration.maxPayloadLength());
            serverContext.conclude();
        }
        catch (final IllegalArgumentException | UnknownHostException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
        }

        if (!Files.isReadable(file))
        {
            err.println("error: cannot read " + file);
            return EXIT_ERROR;
        }

        try (BinaryFileSource source = new BinaryFileSource(file, malformed);
            MoldUdp64Server server = new MoldUdp64Server(serverContext);
            MoldUdp64RequestServer requestServer = new MoldUdp64RequestServer(new MoldUdp64RequestServer.Context()
                .session(session)
                .store(server.store())
                .bindAddress(new InetSocketAddress(requestPort))))
        {
            out.printf("serving %s to %s session %s, requests on port %d%n",
                file, to, session, requestServer.localAddress().getPort());
            out.flush();

            final long startNs = System.nanoTime();
            serve(source, server, requestServer, startNs);
            final long elapsedNs = System.nanoTime() - startNs;

            out.printf("served %d messages in %d packets (%d bytes) in %.3f s; " +
                "requests %d answered with %d messages, %d invalid, %d beyond the store%n",
                server.store().lastSequence(), server.packetsSent(), server.bytesSent(), elapsedNs / 1e9,
                requestServer.requestsReceived() - requestServer.invalidRequests() -
                    requestServer.requestsBeyondStore(),
                requestServer.messagesSent(), requestServer.invalidRequests(), requestServer.requestsBeyondStore());
            out.flush();
        }

        if (malformed.total() > 0)
        {
            err.printf("malformed: %d %s%n", malformed.total(), malformed.summary());
            for (final String report : malformed.firstReports())
            {
                err.println("  " + report);
            }
            err.flush();
            return EXIT_ERROR;
        }
        return EXIT_OK;
    }

    private void serve(
        final BinaryFileSource source,
        final MoldUdp64Server server,
        final MoldUdp64RequestServer requestServer,
        final long startNs)
    {
        final IdleStrategy idle = new BackoffIdleStrategy();
        final MessageHandler offer = (sequence, buffer, offset, length) -> server.offer(buffer, offset, length);
        while (!source.isExhausted())
        {
            int work = 0;
            if (server.isCaughtUp())
            {
                work += source.poll(offer, allowance(server, startNs));
            }
            work += server.doWork();
            work += requestServer.doWork();
            idle.idle(work);
        }

        server.endSession();
        final long lingerEndNs = System.nanoTime() + (long)(lingerSeconds * 1e9);
        while (!server.isCaughtUp() || server.endOfSessionPacketsSent() == 0 || System.nanoTime() < lingerEndNs)
        {
            idle.idle(server.doWork() + requestServer.doWork());
        }
    }

    /**
     * Messages the pace allows now: all of a batch when unpaced, else what the rate owes since the start.
     */
    private int allowance(final MoldUdp64Server server, final long startNs)
    {
        final int batch = 256;
        if (rate == 0)
        {
            return batch;
        }
        final long due = (long)((System.nanoTime() - startNs) * (rate / 1e9));
        return (int)Math.max(0, Math.min(batch, due - server.store().lastSequence()));
    }

    private InetSocketAddress parseDestination()
    {
        final int colon = destination.lastIndexOf(':');
        if (colon <= 0 || colon == destination.length() - 1)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--destination must be HOST:PORT");
        }
        final int port;
        try
        {
            port = Integer.parseInt(destination.substring(colon + 1));
        }
        catch (final NumberFormatException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "bad port in --destination " + destination);
        }
        if (port <= 0 || port > 65535)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "bad port in --destination " + destination);
        }
        final InetSocketAddress address = new InetSocketAddress(destination.substring(0, colon), port);
        if (address.isUnresolved())
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot use --destination " + destination);
        }
        return address;
    }
}
