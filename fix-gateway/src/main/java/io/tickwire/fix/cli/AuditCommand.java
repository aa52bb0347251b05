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

import io.tickwire.fix.audit.AuditExporter;
import io.tickwire.fix.audit.AuditSealKey;
import io.tickwire.fix.audit.JournalComparator;
import io.tickwire.fix.audit.JournalFileScan;
import io.tickwire.fix.audit.JournalIssue;
import io.tickwire.fix.audit.JournalReader;
import io.tickwire.fix.audit.JournalVerifyReport;
import io.tickwire.fix.audit.OwnerOnlyFiles;
import io.tickwire.fix.audit.SealDescriptor;
import io.tickwire.fix.audit.SealVerifier;
import io.tickwire.fix.time.ClockSyncMonitor;
import io.tickwire.fix.time.ClockSyncPolicy;
import io.tickwire.fix.time.ClockSyncSnapshot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code tickwire audit}: verify and export audit journals, print the clock synchronisation state.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Verify and export the order audit journal; show the clock synchronisation state.",
    subcommands = {
        AuditCommand.Verify.class, AuditCommand.Export.class, AuditCommand.Compare.class, AuditCommand.Clock.class })
public final class AuditCommand implements Runnable
{
    static final int EXIT_OK = 0;
    static final int EXIT_ERROR = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Without a subcommand: usage.
     */
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static List<Path> expand(final List<Path> inputs)
    {
        final List<Path> files = new ArrayList<>();
        for (final Path input : inputs)
        {
            if (!Files.exists(input))
            {
                throw new IllegalArgumentException("no such file or directory: " + input);
            }
            if (Files.isDirectory(input))
            {
                files.addAll(JournalReader.journalFiles(input));
            }
            else
            {
                files.add(input);
            }
        }
        return files;
    }

    /**
     * {@code audit verify FILE|DIR... [--seal-key FILE]}.
     */
    @Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Check every header, CRC32C, sequence and the SHA-256 hash chain across the files and, with --seal-key,",
            "every seal (" + SealDescriptor.FILE_NAME + " beside the journal): its MAC, the chain of seals, and that",
            "the sealed head record is still there with the sealed hash (a cut tail, a rewritten journal).",
            "Exit 0 only if all hold; otherwise each issue is printed with file and byte offset and exit is 1." })
    static final class Verify implements Callable<Integer>
    {
        @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Journal files in order, or directories.")
        private List<Path> inputs;

        @Option(names = "--allow-torn-tail",
            description = "Exit 0 when the only issue is a truncated tail of the last file (left by a crash).")
        private boolean allowTornTail;

        @Option(names = "--seal-key", paramLabel = "FILE",
            description = "Key the journal was sealed with (the gateway's TickwireAuditSealKeyFile): check the seals.")
        private Path sealKeyFile;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        public Integer call()
        {
            final PrintWriter out = spec.commandLine().getOut();
            final List<Path> files = expand(inputs);
            if (files.isEmpty())
            {
                out.println("FAILED: no journal files in " + inputs);
                return EXIT_ERROR;
            }
            final AuditSealKey key = loadKey();
            final SealVerifier.Report sealed =
                SealVerifier.verify(files, SealVerifier.findSealFile(inputs), key, null);
            final JournalVerifyReport report = sealed.journal();
            for (final JournalFileScan scan : report.files())
            {
                out.println(scan.file() + ": index " + scan.journalIndex() + ", " + scan.frames() + " records (" +
                    scan.firstSequence() + ".." + scan.lastSequence() + "), " + scan.validLength() + " of " +
                    scan.fileLength() + " bytes valid");
            }
            if (sealed.sealsChecked())
            {
                out.println(sealed.sealFile() + ": " + sealed.seals() + " seals");
            }
            for (final JournalIssue issue : report.issues())
            {
                out.println(issue.describe());
            }
            for (final JournalIssue issue : sealed.sealIssues())
            {
                out.println(issue.describe());
            }
            for (final String note : sealed.notes())
            {
                out.println("note: " + note);
            }
            final String seals = sealed.sealsChecked() ? ", " + sealed.seals() + " seals checked" : "";
            if (sealed.isValid())
            {
                out.println("OK " + report.records() + " records in " + files.size() + " files" + seals);
                return EXIT_OK;
            }
            if (allowTornTail && sealed.isValidExceptTruncatedTail())
            {
                out.println("OK with torn tail: " + report.records() + " records in " + files.size() + " files" +
                    seals);
                return EXIT_OK;
            }
            out.println("FAILED: " + (report.issues().size() + sealed.sealIssues().size()) + " issue(s), " +
                report.records() + " valid records");
            return EXIT_ERROR;
        }

        private AuditSealKey loadKey()
        {
            if (null == sealKeyFile)
            {
                return null;
            }
            try
            {
                return AuditSealKey.load(sealKeyFile);
            }
            catch (final IOException | IllegalArgumentException ex)
            {
                throw new CommandLine.ParameterException(spec.commandLine(), "--seal-key: " + ex.getMessage());
            }
        }
    }

    /**
     * {@code audit export FILE|DIR... --format csv|json}.
     */
    @Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write every field of every valid record as CSV or JSON lines; raw FIX shows SOH as '|'.",
            "Records after an issue are not exported; the issue is reported on stderr and the exit code is 1." })
    static final class Export implements Callable<Integer>
    {
        @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Journal files in order, or directories.")
        private List<Path> inputs;

        @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE}).")
        private String format;

        @Option(names = { "-o", "--output" }, description = "Output file (default: standard output).")
        private Path output;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        public Integer call() throws IOException
        {
            final AuditExporter.Format exportFormat;
            try
            {
                exportFormat = AuditExporter.Format.valueOf(format.toUpperCase());
            }
            catch (final IllegalArgumentException ex)
            {
                throw new CommandLine.ParameterException(spec.commandLine(), "--format must be csv or json: " + format);
            }

            final List<Path> files = expand(inputs);
            if (null != output && !Files.exists(output))
            {
                // The export is the journal's content: owner only, as the journal is.
                Files.createFile(output, OwnerOnlyFiles.fileAttributes(output));
            }
            final PrintWriter out = null == output ?
                spec.commandLine().getOut() :
                new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8));
            final JournalVerifyReport report;
            try
            {
                final AuditExporter exporter = new AuditExporter();
                if (AuditExporter.Format.CSV == exportFormat)
                {
                    AuditExporter.writeCsvHeader(out);
                }
                report = new JournalReader().verify(files, (file, frameOffset, sequence, buffer, offset, length) ->
                    AuditExporter.writeRow(
                        out, exportFormat, exporter.toRow(file, frameOffset, buffer, offset, length)));
            }
            finally
            {
                out.flush();
                if (null != output)
                {
                    out.close();
                }
            }

            final PrintWriter err = spec.commandLine().getErr();
            for (final JournalIssue issue : report.issues())
            {
                err.println(issue.describe());
            }
            err.flush();
            return report.isValid() ? EXIT_OK : EXIT_ERROR;
        }
    }

    /**
     * {@code audit compare DIR DIR [DIR...]}: the journals of cluster members, written from the same log.
     */
    @Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compare the audit journals of cluster members (each <clusterDir>/audit), written from the same log.",
            "Prints 'AGREE up to position P (N records)' and exits 0, or the first divergence and exits 1.",
            "A member behind the others is not a divergence. Usage errors exit 2." })
    static final class Compare implements Callable<Integer>
    {
        @Parameters(arity = "2..*", paramLabel = "DIR", description = "Member journal directories.")
        private List<Path> directories;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        public Integer call()
        {
            for (final Path directory : directories)
            {
                if (!Files.isDirectory(directory))
                {
                    throw new CommandLine.ParameterException(spec.commandLine(), "not a directory: " + directory);
                }
            }
            final PrintWriter out = spec.commandLine().getOut();
            final JournalComparator.Result result = JournalComparator.compare(directories);
            result.lines().forEach(out::println);
            out.flush();
            return result.agree() ? EXIT_OK : EXIT_ERROR;
        }
    }

    /**
     * {@code audit clock}: one reading of the clock synchronisation state.
     */
    @Command(
        name = "clock",
        mixinStandardHelpOptions = true,
        description = "Read the kernel NTP state (ntp_adjtime) and chrony, if installed, and classify it.")
    static final class Clock implements Callable<Integer>
    {
        @Option(names = "--tolerance-micros", defaultValue = "1000",
            description = "Tolerance to classify against (default ${DEFAULT-VALUE}; HFT: 100).")
        private long toleranceMicros;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        public Integer call()
        {
            final PrintWriter out = spec.commandLine().getOut();
            final ClockSyncSnapshot snapshot = ClockSyncMonitor.forHost().snapshot();
            out.println("clock: " + snapshot.describe());
            out.println("tolerance: " + toleranceMicros + "us -> " +
                (snapshot.isWithin(toleranceMicros) ? "WITHIN TOLERANCE" : "NOT WITHIN TOLERANCE") +
                (ClockSyncPolicy.HFT_TOLERANCE_MICROS == toleranceMicros ? " (RTS 25 HFT)" : ""));
            return EXIT_OK;
        }
    }
}
