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

import io.tickwire.feed.ingest.MalformedInputCounter;
import io.tickwire.feed.ingest.PcapUdpReader;
import io.tickwire.feed.ingest.mdp3.Mdp3ChannelConfig;
import io.tickwire.feed.ingest.mdp3.Mdp3PacketDecoder;
import io.tickwire.feed.ingest.mdp3.Mdp3Schema;
import io.tickwire.feed.ingest.mdp3.Mdp3SequenceTracker;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3ChannelServer;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3Capture;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3Simulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code tickwire mdp3}: look inside CME Globex MDP 3.0 inputs.
 * <ul>
 *     <li>{@code mdp3 dump --pcap F [--port P] [--errors N]}: one line per message and per entry on stdout, a
 *     summary of counts, sequence checks and errors on stderr; exit 0 when all input was well formed, 1 otherwise.
 *     </li>
 *     <li>{@code mdp3 generate --out F --packets N [--instruments K] [--seed S] [--channel G:P]}: write a pcap of
 *     simulated incremental packets of one channel.</li>
 *     <li>{@code mdp3 serve --line-a H:P --line-b H:P --snapshot H:P --packets N [--rate R] [--loss-a %]
 *     [--loss-b %] [--mbo --snapshot-mbo H:P] ...}: serve the simulated channel live over UDP (with --mbo its
 *     market-by-order flow and MBO snapshot loop).</li>
 * </ul>
 */
@Command(
    name = "mdp3",
    mixinStandardHelpOptions = true,
    description = "Dump CME Globex MDP 3.0 (SBE) market data captures and generate simulated ones.",
    subcommands = { Mdp3Command.Dump.class, Mdp3Command.Generate.class, Mdp3Command.Serve.class })
public final class Mdp3Command implements Runnable
{
    /** Exit code when everything was well formed. */
    static final int EXIT_OK = 0;
    /** Exit code when any input was malformed or the command failed. */
    static final int EXIT_ERROR = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Without a subcommand, show what there is.
     */
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code mdp3 dump}.
     */
    @Command(
        name = "dump",
        mixinStandardHelpOptions = true,
        description = {
            "Print every MDP 3.0 message of a pcap of UDP packets, and every entry of its groups, one line each:",
            "  seq=<MsgSeqNum> template=<id> name=.. version=.. sending_time=.. <field>=<value> ...",
            "  seq=<MsgSeqNum> template=<id> entry=<book|order|trade|volume|...> <field>=<value> ...",
            "Prices are decimals (exponent -7 for templates 27-44, -9 for 46-56).",
            "Counts per template, MsgSeqNum and RptSeq checks and malformed input per reason go to stderr.",
            "Exit status: 0 all input well formed, 1 malformed input found or error."})
    public static final class Dump implements Callable<Integer>
    {
        @Option(names = "--pcap", paramLabel = "FILE", required = true,
            description = "Classic pcap (plain or gzip) of Ethernet/IPv4/UDP datagrams of one MDP 3.0 channel.")
        Path pcap;

        @Option(names = "--port", paramLabel = "PORT", defaultValue = "-1",
            description = "Only datagrams to this UDP destination port (one channel's line); default all.")
        int port;

        @Option(names = "--errors", paramLabel = "N", defaultValue = "10",
            description = "Number of malformed-input reports printed in full (default: ${DEFAULT-VALUE}).")
        int errors;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        /**
         * Run the dump.
         *
         * @return exit code.
         * @throws Exception if the input cannot be opened.
         */
        public Integer call() throws Exception
        {
            final PrintWriter out = spec.commandLine().getOut();
            final PrintWriter err = spec.commandLine().getErr();
            if (!Files.isReadable(pcap))
            {
                err.println("error: cannot read " + pcap);
                return EXIT_ERROR;
            }

            final MalformedInputCounter malformed = new MalformedInputCounter(errors);
            final Mdp3SequenceTracker tracker = new Mdp3SequenceTracker();
            final Mdp3DumpPrinter printer = new Mdp3DumpPrinter(out, tracker);
            final Mdp3PacketDecoder decoder = new Mdp3PacketDecoder(printer, malformed, pcap.toString());
            long datagrams = 0;
            final long start = System.nanoTime();
            try (PcapUdpReader reader = new PcapUdpReader(pcap, malformed))
            {
                while (reader.next())
                {
                    if (port < 0 || reader.destinationPort() == port)
                    {
                        datagrams++;
                        decoder.decode(
                            reader.buffer(), reader.payloadOffset(), reader.payloadLength(), reader.payloadPosition());
                    }
                }
            }
            out.flush();
            final long elapsedNs = System.nanoTime() - start;

            final StringBuilder byTemplate = new StringBuilder();
            final StringBuilder skipped = new StringBuilder();
            for (int templateId = 0; templateId <= Mdp3Schema.MAX_TEMPLATE_ID; templateId++)
            {
                if (decoder.messageCount(templateId) > 0)
                {
                    byTemplate.append(' ').append(templateId).append('=').append(decoder.messageCount(templateId));
                }
                if (decoder.skippedCount(templateId) > 0)
                {
                    skipped.append(' ').append(templateId).append('=').append(decoder.skippedCount(templateId));
                }
            }
            err.printf("source: %s%n", pcap);
            err.printf("packets: %d (UDP datagrams %d)%n", decoder.packetCount(), datagrams);
            err.printf("messages: %d%s%n", decoder.messageCount(), byTemplate);
            err.printf("skipped (not decoded): %d%s%n", decoder.skippedCount(), skipped);
            err.printf("lines: %d%n", printer.lines());
            err.printf("msg_seq_num: last %d gaps %d (missing %d) duplicates %d%n", tracker.lastMsgSeqNum(),
                tracker.packetGaps(), tracker.packetsMissing(), tracker.packetDuplicates());
            err.printf("rpt_seq: instruments %d gaps %d (missing %d) duplicates %d%n", tracker.instrumentCount(),
                tracker.rptSeqGaps(), tracker.rptSeqMissing(), tracker.rptSeqDuplicates());
            err.printf("malformed: %d%s%n", malformed.total(), malformed.total() == 0 ? "" : " " + malformed.summary());
            for (final String report : malformed.firstReports())
            {
                err.println("  " + report);
            }
            if (malformed.total() > malformed.firstReports().size())
            {
                err.printf("  ... %d more%n", malformed.total() - malformed.firstReports().size());
            }
            err.printf("elapsed: %.3f s%n", elapsedNs / 1e9);
            err.flush();

            return malformed.total() == 0 ? EXIT_OK : EXIT_ERROR;
        }
    }

    /**
     * {@code mdp3 generate}.
     */
    @Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Write a pcap of a simulated MDP 3.0 incremental channel (schema version 9): instrument definitions (54)",
            "and SecurityStatus (30) first, books built with New levels, then price-level updates (46), trades (48)",
            "and volume (37) of quarterly futures of ES, NQ, CL, GC, ZN, 6E, YM, RTY, NG, SI, ZB, HG.",
            "Deterministic for a seed; UDP datagrams from 10.1.31.1 to the channel's group and port.",
            "--mbo adds market by order: the orders behind each level (46 order entries, 47)."})
    public static final class Generate implements Callable<Integer>
    {
        @Option(names = "--out", paramLabel = "FILE", required = true, description = "pcap file to write.")
        Path out;

        @Option(names = "--packets", paramLabel = "N", required = true, description = "Number of packets.")
        long packets;

        @Option(names = "--instruments", paramLabel = "K", defaultValue = "12",
            description = "Number of futures contracts, 1.." + Mdp3Simulator.MAX_INSTRUMENTS +
            " (default: ${DEFAULT-VALUE}).")
        int instruments;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the simulation (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--channel", paramLabel = "GROUP:PORT", defaultValue = "224.0.31.1:14310",
            description = "IPv4 multicast group and UDP port of the datagrams (default: ${DEFAULT-VALUE}).")
        String channel;

        @Option(names = "--mbo",
            description = "Market by order: the orders behind each level (order entries of 46, and 47).")
        boolean mbo;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        /**
         * Run the generator.
         *
         * @return exit code.
         * @throws Exception if the file cannot be written.
         */
        public Integer call() throws Exception
        {
            if (packets < 0)
            {
                throw new CommandLine.ParameterException(spec.commandLine(), "--packets must be >= 0");
            }
            if (instruments < 1 || instruments > Mdp3Simulator.MAX_INSTRUMENTS)
            {
                throw new CommandLine.ParameterException(
                    spec.commandLine(), "--instruments must be 1.." + Mdp3Simulator.MAX_INSTRUMENTS);
            }
            final int colon = channel.lastIndexOf(':');
            final int group = colon > 0 ? multicastGroup(channel.substring(0, colon)) : 0;
            final int port = colon > 0 ? port(channel.substring(colon + 1)) : -1;
            if (group == 0 || port < 0)
            {
                throw new CommandLine.ParameterException(spec.commandLine(),
                    "--channel must be an IPv4 multicast group and a port, e.g. 224.0.31.1:14310: " + channel);
            }

            final long start = System.nanoTime();
            final long bytes = Mdp3Capture.write(out, new Mdp3Simulator(seed, instruments, mbo), packets, group, port);
            final long elapsedNs = Math.max(1, System.nanoTime() - start);

            final PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf("packets: %d (payload bytes %d)%n", packets, bytes);
            stdout.printf("instruments: %d seed: %d channel: %s%s%n", instruments, seed, channel,
                mbo ? " market by order" : "");
            stdout.printf("file: %s (%d bytes)%n", out, Files.size(out));
            stdout.printf("elapsed: %.3f s%n", elapsedNs / 1e9);
            stdout.printf("rate: %.0f packets/s%n", packets * 1e9 / elapsedNs);
            stdout.flush();

            return EXIT_OK;
        }

        private static int multicastGroup(final String address)
        {
            final String[] parts = address.split("\\.", -1);
            if (parts.length != 4)
            {
                return 0;
            }
            int value = 0;
            for (final String part : parts)
            {
                final int octet = port(part);
                if (octet < 0 || octet > 255)
                {
                    return 0;
                }
                value = (value << 8) | octet;
            }
            final int first = value >>> 24;
            return first >= 224 && first <= 239 ? value : 0;
        }

        static int port(final String text)
        {
            if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit))
            {
                return -1;
            }
            final int value = Integer.parseInt(text);
            return value <= 0xFFFF ? value : -1;
        }
    }

    /**
     * {@code mdp3 serve}.
     */
    @Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the simulated MDP 3.0 channel of 'generate' live over UDP: every incremental packet to line A",
            "and line B, each line losing packets at its own rate, and the snapshot loop (SnapshotFullRefresh 52,",
            "one contract per packet) to the snapshot address, and optionally the definition loop.",
            "--mbo serves market by order: the orders behind each level (46 order entries, 47) and the MBO",
            "snapshot loop (SnapshotFullRefreshOrderBook 53) to --snapshot-mbo (and --snapshot-mbo-b).",
            "Destinations may be multicast groups or unicast."})
    public static final class Serve implements Callable<Integer>
    {
        @Option(names = "--line-a", paramLabel = "HOST:PORT", required = true, description = "Incremental line A.")
        String lineA;

        @Option(names = "--line-b", paramLabel = "HOST:PORT", required = true, description = "Incremental line B.")
        String lineB;

        @Option(names = "--snapshot", paramLabel = "HOST:PORT", required = true, description = "Snapshot loop.")
        String snapshot;

        @Option(names = "--definitions", paramLabel = "HOST:PORT",
            description = "Instrument definition loop: one definition (54) per packet, sent with each snapshot packet.")
        String definitions;

        @Option(names = "--snapshot-b", paramLabel = "HOST:PORT",
            description = "The snapshot loop's side B: the same packets as --snapshot.")
        String snapshotB;

        @Option(names = "--definitions-b", paramLabel = "HOST:PORT",
            description = "The definition loop's side B: the same packets as --definitions.")
        String definitionsB;

        @Option(names = "--mbo",
            description = "Market by order: orders behind each level, and the MBO snapshot loop (needs " +
            "--snapshot-mbo).")
        boolean mbo;

        @Option(names = "--snapshot-mbo", paramLabel = "HOST:PORT",
            description = "With --mbo: the MBO snapshot loop (53), one packet with each snapshot packet.")
        String snapshotMbo;

        @Option(names = "--snapshot-mbo-b", paramLabel = "HOST:PORT",
            description = "With --mbo: the MBO snapshot loop's side B, the same packets as --snapshot-mbo.")
        String snapshotMboB;

        @Option(names = "--packets", paramLabel = "N", required = true, description = "Incremental packets.")
        long packets;

        @Option(names = "--rate", paramLabel = "R", defaultValue = "1000",
            description = "Incremental packets per second (default: ${DEFAULT-VALUE}).")
        long rate;

        @Option(names = "--instruments", paramLabel = "K", defaultValue = "12",
            description = "Number of futures contracts (default: ${DEFAULT-VALUE}).")
        int instruments;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the simulation and of the losses (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--loss-a", paramLabel = "PERCENT", defaultValue = "0",
            description = "Packets line A loses, percent (default: ${DEFAULT-VALUE}).")
        double lossA;

        @Option(names = "--loss-b", paramLabel = "PERCENT", defaultValue = "0",
            description = "Packets line B loses, percent (default: ${DEFAULT-VALUE}).")
        double lossB;

        @Option(names = "--snapshot-every", paramLabel = "N", defaultValue = "100",
            description = "Incremental packets between two snapshot packets (default: ${DEFAULT-VALUE}).")
        int snapshotEvery;

        @Option(names = "--ttl", paramLabel = "T", defaultValue = "1",
            description = "Multicast TTL (default: ${DEFAULT-VALUE}).")
        int ttl;

        @Option(names = "--interface", paramLabel = "NIC",
            description = "Interface (name or address) multicast leaves on, e.g. 127.0.0.1 for receivers on this " +
            "host (default: the system's choice).")
        String networkInterface;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        /**
         * Run the server.
         *
         * @return exit code.
         * @throws Exception if the datagrams cannot be sent.
         */
        public Integer call() throws Exception
        {
            final InetSocketAddress a = address(lineA, "--line-a");
            final InetSocketAddress b = address(lineB, "--line-b");
            final InetSocketAddress s = address(snapshot, "--snapshot");
            final InetSocketAddress d = null == definitions ? null : address(definitions, "--definitions");
            if (packets < 0 || rate < 1 || snapshotEvery < 1 || ttl < 0 || ttl > 255)
            {
                throw new CommandLine.ParameterException(spec.commandLine(),
                    "--packets must be >= 0, --rate and --snapshot-every >= 1, --ttl 0..255");
            }
            if (mbo != (null != snapshotMbo) || null != snapshotMboB && null == snapshotMbo)
            {
                throw new CommandLine.ParameterException(spec.commandLine(),
                    "--mbo and --snapshot-mbo go together (--snapshot-mbo-b needs both)");
            }
            if (!(lossA >= 0 && lossA <= 100 && lossB >= 0 && lossB <= 100))
            {
                throw new CommandLine.ParameterException(spec.commandLine(), "--loss-a and --loss-b must be 0..100");
            }
            if (instruments < 1 || instruments > Mdp3Simulator.MAX_INSTRUMENTS)
            {
                throw new CommandLine.ParameterException(
                    spec.commandLine(), "--instruments must be 1.." + Mdp3Simulator.MAX_INSTRUMENTS);
            }

            final NetworkInterface nic;
            try
            {
                nic = null == networkInterface ? null :
                    new Mdp3ChannelConfig().networkInterface(networkInterface).resolveInterface();
            }
            catch (final IllegalArgumentException ex)
            {
                throw new CommandLine.ParameterException(spec.commandLine(), "--interface: " + ex.getMessage());
            }

            final PrintWriter out = spec.commandLine().getOut();
            final long start = System.nanoTime();
            final Mdp3ChannelServer server;
            try (DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET))
            {
                channel.setOption(StandardSocketOptions.IP_MULTICAST_TTL, ttl);
                channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
                if (null != nic)
                {
                    channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, nic);
                }
                server = new Mdp3ChannelServer(new Mdp3Simulator(seed, instruments, mbo), channel, a, b, s, d,
                    lossA / 100, lossB / 100, ~seed, snapshotEvery);
                server.loopsB(null == snapshotB ? null : address(snapshotB, "--snapshot-b"),
                    null == definitionsB ? null : address(definitionsB, "--definitions-b"));
                if (mbo)
                {
                    server.orderBookLoop(address(snapshotMbo, "--snapshot-mbo"),
                        null == snapshotMboB ? null : address(snapshotMboB, "--snapshot-mbo-b"));
                }
                final long intervalNs = Math.max(1, 1_000_000_000L / rate);
                for (long i = 0; i < packets; i++)
                {
                    final long due = start + i * intervalNs;
                    long now;
                    while ((now = System.nanoTime()) < due)
                    {
                        LockSupport.parkNanos(due - now);
                    }
                    server.sendNext();
                }
            }
            final long elapsedNs = Math.max(1, System.nanoTime() - start);
            out.printf("packets: %d instruments: %d seed: %d%n", server.incrementals(), instruments, seed);
            out.printf("line A %s: sent %d lost %d%n", lineA, server.sentA(), server.droppedA());
            out.printf("line B %s: sent %d lost %d%n", lineB, server.sentB(), server.droppedB());
            out.printf("lost on both lines: %d%n", server.droppedBoth());
            out.printf("snapshot %s: sent %d%n", snapshot, server.snapshotsSent());
            if (null != d)
            {
                out.printf("definitions %s: sent %d%n", definitions, server.definitionsSent());
            }
            if (mbo)
            {
                out.printf("mbo snapshot %s: sent %d%n", snapshotMbo, server.orderBookSnapshotsSent());
            }
            out.printf("elapsed: %.3f s%n", elapsedNs / 1e9);
            out.flush();
            return EXIT_OK;
        }

        private InetSocketAddress address(final String text, final String option)
        {
            final int colon = text.lastIndexOf(':');
            final int port = colon > 0 ? Generate.port(text.substring(colon + 1)) : -1;
            if (port <= 0)
            {
                throw new CommandLine.ParameterException(spec.commandLine(),
                    option + " must be HOST:PORT, e.g. 224.0.31.1:14310: " + text);
            }
            final InetSocketAddress address = new InetSocketAddress(text.substring(0, colon), port);
            if (address.isUnresolved())
            {
                throw new CommandLine.ParameterException(spec.commandLine(), option + ": unknown host " + text);
            }
            return address;
        }
    }
}
