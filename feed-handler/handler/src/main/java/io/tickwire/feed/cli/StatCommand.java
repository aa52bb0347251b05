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
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code tickwire stat}: Tickwire's and Aeron's counters of a running media driver, read from its CnC file as
 * Aeron's {@code AeronStat} does (no client connection, so it does not disturb the driver).
 */
@Command(
    name = "stat",
    mixinStandardHelpOptions = true,
    description = {
        "Print the counters of a running Aeron media driver (Tickwire's feed counters and Aeron's own),",
        "read from its CnC file: counter id, value, label. The feed publisher's banner shows its aeron dir." })
public final class StatCommand implements Callable<Integer>
{
    @Option(names = "--aeron-dir", paramLabel = "DIR",
        description = "Aeron directory of the driver (default: ${DEFAULT-VALUE}).")
    String aeronDir = CommonContext.getAeronDirectoryName();

    @Option(names = "--watch", paramLabel = "N", description = "Print again every N seconds until Ctrl-C.")
    long watchSeconds;

    @Option(names = "--count", paramLabel = "K",
        description = "With --watch: stop after K prints (default: until Ctrl-C).")
    long count;

    @Option(names = "--filter", paramLabel = "REGEX",
        description = "Only counters whose label contains a match, e.g. 'tickwire-feed' or 'NAK|retransmit'.")
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
