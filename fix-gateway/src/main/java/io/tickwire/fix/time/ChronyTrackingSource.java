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
package io.tickwire.fix.time;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Reads {@code chronyc -c tracking} where chrony is installed, for a tighter bound than the kernel's
 * {@code maxerror} and the name of the reference.
 * <p>
 * CSV fields (chrony 3/4): reference id, reference name, stratum, reference time, system time offset (s),
 * last offset, RMS offset, frequency (ppm), residual frequency, skew, root delay (s), root dispersion (s),
 * update interval, leap status. The bound on |clock - UTC| is
 * {@code |system time offset| + root delay / 2 + root dispersion}, chrony's own definition of the maximum error.
 * A leap status of {@code Not synchronised} means unsynchronised.
 */
public final class ChronyTrackingSource implements ClockSyncSource
{
    /**
     * Source name in snapshots.
     */
    public static final String SOURCE = "chrony";

    private static final long TIMEOUT_MS = 2_000;

    private final String chronyc;

    /**
     * Create a source that runs the given chronyc executable.
     *
     * @param chronyc path of {@code chronyc}.
     */
    public ChronyTrackingSource(final String chronyc)
    {
        this.chronyc = chronyc;
    }

    /**
     * Find {@code chronyc} on the {@code PATH}.
     *
     * @return the source, or null when chrony is not installed.
     */
    public static ChronyTrackingSource findOnPath()
    {
        final String path = System.getenv("PATH");
        if (null == path)
        {
            return null;
        }

        for (final String dir : path.split(File.pathSeparator))
        {
            final File candidate = new File(dir, "chronyc");
            if (candidate.canExecute())
            {
                return new ChronyTrackingSource(candidate.getPath());
            }
        }

        return null;
    }

    /**
     * {@inheritDoc}
     */
    public ClockSyncSnapshot read()
    {
        try
        {
            final Process process = new ProcessBuilder(chronyc, "-c", "tracking").redirectErrorStream(true).start();
            final String output;
            try (InputStream in = process.getInputStream())
            {
                output = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            }
            if (!process.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS))
            {
                process.destroyForcibly();
                return unknown("chronyc timed out");
            }
            if (0 != process.exitValue())
            {
                return unknown("chronyc exit " + process.exitValue() + ": " + output);
            }

            return parse(output);
        }
        catch (final IOException ex)
        {
            return unknown("chronyc failed: " + ex.getMessage());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return unknown("interrupted");
        }
    }

    /**
     * Parse one line of {@code chronyc -c tracking}.
     *
     * @param csv the line.
     * @return the snapshot, {@link SyncStatus#UNKNOWN} when the line cannot be parsed.
     */
    public static ClockSyncSnapshot parse(final String csv)
    {
        final String[] fields = csv.trim().split(",");
        if (fields.length < 14)
        {
            return unknown("unexpected chronyc output: " + csv);
        }

        try
        {
            final double systemOffsetSeconds = Double.parseDouble(fields[4]);
            final double rootDelaySeconds = Double.parseDouble(fields[10]);
            final double rootDispersionSeconds = Double.parseDouble(fields[11]);
            final String leap = fields[13].trim();
            final double boundSeconds = Math.abs(systemOffsetSeconds) + rootDelaySeconds / 2 + rootDispersionSeconds;
            final long boundMicros = (long)Math.ceil(boundSeconds * 1e6);
            final long offsetMicros = (long)Math.ceil(Math.abs(systemOffsetSeconds) * 1e6);
            final boolean synced = !"Not synchronised".equalsIgnoreCase(leap) && !"0".equals(fields[2].trim());

            return new ClockSyncSnapshot(
                0, 0, synced ? SyncStatus.SYNCHRONISED : SyncStatus.UNSYNCHRONISED, boundMicros, offsetMicros,
                0, -1, SOURCE,
                "ref=" + fields[1] + " stratum=" + fields[2] + " offset=" + fields[4] + "s rootDelay=" +
                fields[10] + "s rootDispersion=" + fields[11] + "s leap=" + leap);
        }
        catch (final NumberFormatException ex)
        {
            return unknown("unparsable chronyc output: " + csv);
        }
    }

    private static ClockSyncSnapshot unknown(final String detail)
    {
        return new ClockSyncSnapshot(0, 0, SyncStatus.UNKNOWN, Long.MAX_VALUE, Long.MAX_VALUE, 0, -1, SOURCE, detail);
    }
}
