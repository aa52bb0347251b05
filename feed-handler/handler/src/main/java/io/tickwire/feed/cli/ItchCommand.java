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
import io.tickwire.feed.ingest.MessageSource;
import io.tickwire.feed.ingest.PcapSource;
import io.tickwire.feed.ingest.itch.ItchDecoder;
import io.tickwire.feed.ingest.itch.ItchFileWriter;
import io.tickwire.feed.ingest.itch.ItchMessageType;
import io.tickwire.feed.ingest.itch.sim.ItchSimulator;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code tickwire itch}: look inside ITCH 5.0 inputs and make new ones.
 * <ul>
 *     <li>{@code itch dump (--file F | --pcap F)}: one line per message on stdout, a summary of counts and errors
 *     on stderr; exit 0 when all input was well formed, 1 otherwise.</li>
 *     <li>{@code itch generate --out F --messages N [--symbols K] [--seed S]}: write a BinaryFILE of simulated
 *     order flow ({@code .gz} to compress).</li>
 * </ul>
 */
@Command(
    name = "itch",
    mixinStandardHelpOptions = true,
    description = "Dump, generate and serve (MoldUDP64) NASDAQ TotalView-ITCH 5.0 data.",
    subcommands = { ItchCommand.Dump.class, ItchCommand.Generate.class, ItchServeCommand.class })
public final class ItchCommand implements Runnable
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
     * {@code itch dump}.
     */
    @Command(
        name = "dump",
        mixinStandardHelpOptions = true,
        description = {
            "Print every ITCH message of a BinaryFILE (plain or gzip) or a pcap of MoldUDP64 packets, one line each:",
            "  seq=<n> type=<letter> locate=.. tracking=.. timestamp=.. <field>=<value> ...",
            "seq is the MoldUDP64 sequence number (pcap) or the message index from 1 (file).",
            "A summary of counts per type and malformed input per reason goes to stderr.",
            "Exit status: 0 all input well formed, 1 malformed input found or error."})
    public static final class Dump implements Callable<Integer>
    {
        /** The one input to dump. */
        static final class Input
        {
            @Option(names = "--file", paramLabel = "FILE", required = true,
                description = "NASDAQ BinaryFILE (u16 length + message), plain or gzip.")
            Path file;

            @Option(names = "--pcap", paramLabel = "FILE", required = true,
                description = "Classic pcap of Ethernet/IPv4/UDP/MoldUDP64 packets.")
            Path pcap;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Input input;

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
            final Path path = null != input.file ? input.file : input.pcap;
            if (!Files.isReadable(path))
            {
                err.println("error: cannot read " + path);
                return EXIT_ERROR;
            }

            final MalformedInputCounter malformed = new MalformedInputCounter(errors);
            final ItchDumpPrinter printer = new ItchDumpPrinter(out);
            final long[] counts = new long[256];
            final ItchDecoder decoder = new ItchDecoder(printer, malformed, path.toString());
            final long start = System.nanoTime();
            try (MessageSource source = null != input.file ?
                new BinaryFileSource(path, malformed) : new PcapSource(path, malformed))
            {
                while (!source.isExhausted())
                {
                    source.poll((sequence, buffer, offset, length) ->
                    {
                        if (decoder.decode(sequence, buffer, offset, length))
                        {
                            counts[buffer.getByte(offset) & 0xFF]++;
                        }
                    }, 4096);
                }
            }
            out.flush();
            final long elapsedNs = System.nanoTime() - start;

            long total = 0;
            final StringBuilder byType = new StringBuilder();
            for (final byte type : ItchMessageType.types())
            {
                final long count = counts[type & 0xFF];
                if (count > 0)
                {
                    total += count;
                    byType.append(' ').append((char)type).append('=').append(count);
                }
            }
            err.printf("source: %s%n", path);
            err.printf("messages: %d%s%n", total, byType);
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
     * {@code itch generate}.
     */
    @Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Write a NASDAQ BinaryFILE of simulated ITCH 5.0 order flow: system events and a stock directory first,",
            "then adds, executions, partial cancels, replaces, deletes and trades. Deterministic for a seed.",
            "A name ending in .gz is gzip-compressed."})
    public static final class Generate implements Callable<Integer>
    {
        @Option(names = "--out", paramLabel = "FILE", required = true, description = "File to write.")
        Path out;

        @Option(names = "--messages", paramLabel = "N", required = true, description = "Number of messages.")
        long messages;

        @Option(names = "--symbols", paramLabel = "K", defaultValue = "100",
            description = "Number of symbols, 1..65535 (default: ${DEFAULT-VALUE}).")
        int symbols;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the simulation (default: ${DEFAULT-VALUE}).")
        long seed;

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
            if (messages < 0)
            {
                throw new CommandLine.ParameterException(spec.commandLine(), "--messages must be >= 0");
            }
            if (symbols < 1 || symbols > 0xFFFF)
            {
                throw new CommandLine.ParameterException(spec.commandLine(), "--symbols must be 1..65535");
            }

            final ItchSimulator simulator = new ItchSimulator(seed, symbols);
            final UnsafeBuffer scratch = new UnsafeBuffer(new byte[64]);
            final long start = System.nanoTime();
            try (ItchFileWriter writer = new ItchFileWriter(out))
            {
                for (long i = 0; i < messages; i++)
                {
                    final int length = simulator.next(scratch, 0);
                    writer.write(scratch, 0, length);
                }
            }
            final long elapsedNs = Math.max(1, System.nanoTime() - start);

            final PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf("messages: %d%n", messages);
            stdout.printf("symbols: %d seed: %d%n", symbols, seed);
            stdout.printf("file: %s (%d bytes)%n", out, Files.size(out));
            stdout.printf("elapsed: %.3f s%n", elapsedNs / 1e9);
            stdout.printf("rate: %.0f msgs/s%n", messages * 1e9 / elapsedNs);
            stdout.flush();

            return EXIT_OK;
        }
    }
}
