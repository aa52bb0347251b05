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

import io.aeron.CncFileDescriptor;
import io.aeron.CommonContext;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.File;
import java.io.PrintWriter;
import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code tickwire stat}: Tickwire's and Aeron's counters of a running media driver, read from its CnC file as
 * Aeron's {@code AeronStat} does (no client connection, so it does not disturb the driver). Every Tickwire
 * component counts in Aeron counters labelled {@code COMPONENT NAME: INSTANCE} (the feed handler, its MoldUDP64
 * sources, snapshot server and books, feed clients, the gateway), so all of them are listed here.
 */
@Command(
    name = "stat",
    mixinStandardHelpOptions = true,
    description = {
        "Print the counters of a running Aeron media driver (Tickwire's and Aeron's own),",
        "read from its CnC file: counter id, value, label. Without --aeron-dir: the one driver running on",
        "this host (Aeron's default directory and the embedded drivers beside it); several are listed." })
public final class StatCommand implements Callable<Integer>
{
    /**
     * A driver whose CnC heartbeat is older than this is not running (Aeron's own default driver timeout).
     */
    static final long DRIVER_TIMEOUT_MS = 10_000;

    @Option(names = "--aeron-dir", paramLabel = "DIR",
        description = "Aeron directory of the driver (default: the only driver running here).")
    String aeronDir;

    @Option(names = "--watch", paramLabel = "N", description = "Print again every N seconds until Ctrl-C.")
    long watchSeconds;

    @Option(names = "--count", paramLabel = "K",
        description = "With --watch: stop after K prints (default: until Ctrl-C).")
    long count;

    @Option(names = "--filter", paramLabel = "REGEX",
        description = "Only counters whose label contains a match, e.g. 'tickwire-feed-client' or 'NAK|retransmit'.")
    String filter;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Print the counters.
     *
     * @return 0 when printed, 1 when there is no driver, 2 on bad options.
     */
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final Pattern pattern;
        try
        {
            pattern = null == filter ? null : Pattern.compile(filter);
        }
        catch (final PatternSyntaxException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "bad --filter: " + ex.getMessage());
        }
        if (watchSeconds < 0 || count < 0)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--watch and --count must be >= 0");
        }

        if (null == aeronDir)
        {
            aeronDir = discover(err);
            if (null == aeronDir)
            {
                return 1;
            }
        }
        final File cncFile = new File(aeronDir, CncFileDescriptor.CNC_FILE);
        if (!cncFile.exists())
        {
            err.println("no Aeron media driver at " + aeronDir + " (" + cncFile + " does not exist)");
            err.flush();
            return 1;
        }

        final MappedByteBuffer cncByteBuffer = IoUtil.mapExistingFile(cncFile, "cnc");
        try
        {
            final UnsafeBuffer metaData = CncFileDescriptor.createMetaDataBuffer(cncByteBuffer);
            final int version = metaData.getIntVolatile(CncFileDescriptor.cncVersionOffset(0));
            if (0 == version)
            {
                err.println("the driver at " + aeronDir + " has not finished starting");
                err.flush();
                return 1;
            }
            CncFileDescriptor.checkVersion(version);
            final CountersReader counters = new CountersReader(
                CncFileDescriptor.createCountersMetaDataBuffer(cncByteBuffer, metaData),
                CncFileDescriptor.createCountersValuesBuffer(cncByteBuffer, metaData),
                StandardCharsets.US_ASCII);
            final long pid = CncFileDescriptor.pid(metaData);

            long printed = 0;
            while (true)
            {
                print(out, counters, pattern, pid);
                printed++;
                if (0 == watchSeconds || (count > 0 && printed >= count) || Thread.currentThread().isInterrupted())
                {
                    break;
                }
                Thread.sleep(watchSeconds * 1000);
            }
            return 0;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return 0;
        }
        finally
        {
            IoUtil.unmap(cncByteBuffer);
        }
    }

    /**
     * The directory of the one media driver running on this host, or null after saying why there is none to pick.
     * Embedded drivers (the feed handler's, the gateway's) get a directory beside Aeron's default one, named after
     * it, so looking there finds every driver a Tickwire process launched.
     */
    private String discover(final PrintWriter err)
    {
        final List<String> running = runningDrivers(new File(CommonContext.getAeronDirectoryName()));
        if (1 == running.size())
        {
            err.println("aeron dir " + running.get(0) + " (the only media driver running here)");
            err.flush();
            return running.get(0);
        }
        if (running.isEmpty())
        {
            err.println("no Aeron media driver is running here (looked for " + CommonContext.getAeronDirectoryName() +
                "*); start one (e.g. ./tickwire feed publish) or give --aeron-dir DIR");
        }
        else
        {
            err.println(running.size() + " media drivers are running here; choose one with --aeron-dir:");
            for (final String dir : running)
            {
                err.println("  " + dir);
            }
        }
        err.flush();
        return null;
    }

    /**
     * Directories with a live driver: the default one and its siblings that share its name as a prefix (the form
     * {@code CommonContext.generateRandomDirName()} gives embedded drivers).
     *
     * @param defaultDir Aeron's default directory.
     * @return their paths, sorted.
     */
    static List<String> runningDrivers(final File defaultDir)
    {
        final List<String> running = new ArrayList<>();
        final File parent = defaultDir.getAbsoluteFile().getParentFile();
        final File[] candidates = null == parent ? null :
            parent.listFiles((file) -> file.isDirectory() && file.getName().startsWith(defaultDir.getName()));
        if (null != candidates)
        {
            for (final File candidate : candidates)
            {
                if (new File(candidate, CncFileDescriptor.CNC_FILE).exists() &&
                    CommonContext.isDriverActive(candidate, DRIVER_TIMEOUT_MS, StatCommand::ignore))
                {
                    running.add(candidate.getPath());
                }
            }
        }
        running.sort(null);
        return running;
    }

    private static void ignore(final String message)
    {
        // A stale directory is simply not a running driver: nothing to report.
    }

    private void print(final PrintWriter out, final CountersReader counters, final Pattern pattern, final long pid)
    {
        out.println(Instant.now() + " - aeron dir " + aeronDir + " - driver pid " + pid);
        out.println("=".repeat(80));
        counters.forEach((value, counterId, label) ->
        {
            if (null == pattern || pattern.matcher(label).find())
            {
                out.printf("%4d: %,20d - %s%n", counterId, value, label);
            }
        });
        out.println();
        out.flush();
    }
}
