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
package io.tickwire.agent.metrics;

import io.aeron.CncFileDescriptor;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersReader;

import java.io.File;
import java.nio.MappedByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The counters of a media driver read straight from its CnC file, as Aeron's {@code AeronStat} and
 * {@code tickwire stat} read them: no client connection, so nothing in the driver notices the reader, and the
 * mapping stays valid after the driver (or the process's own Aeron client) has closed; a reader then sees the last
 * values. Tests read counters through it as {@code stat} would, from outside the process's Aeron client.
 */
public final class CncCounters implements AutoCloseable
{
    private final String aeronDirectoryName;
    private final MappedByteBuffer cncByteBuffer;
    private final CountersReader reader;

    /**
     * Map the CnC file of a running driver.
     *
     * @param aeronDirectoryName the driver's Aeron directory.
     * @throws IllegalStateException if there is no started driver there.
     */
    public CncCounters(final String aeronDirectoryName)
    {
        this.aeronDirectoryName = aeronDirectoryName;
        final File cncFile = new File(aeronDirectoryName, CncFileDescriptor.CNC_FILE);
        if (!cncFile.exists())
        {
            throw new IllegalStateException("no Aeron media driver at " + aeronDirectoryName + " (" + cncFile +
                " does not exist)");
        }
        cncByteBuffer = IoUtil.mapExistingFile(cncFile, "cnc");
        try
        {
            final UnsafeBuffer metaData = CncFileDescriptor.createMetaDataBuffer(cncByteBuffer);
            final int version = metaData.getIntVolatile(CncFileDescriptor.cncVersionOffset(0));
            if (0 == version)
            {
                throw new IllegalStateException("the driver at " + aeronDirectoryName + " has not finished starting");
            }
            CncFileDescriptor.checkVersion(version);
            reader = new CountersReader(
                CncFileDescriptor.createCountersMetaDataBuffer(cncByteBuffer, metaData),
                CncFileDescriptor.createCountersValuesBuffer(cncByteBuffer, metaData),
                StandardCharsets.US_ASCII);
        }
        catch (final RuntimeException ex)
        {
            IoUtil.unmap(cncByteBuffer);
            throw ex;
        }
    }

    /**
     * The driver's counters.
     *
     * @return a reader of the mapped file; valid until {@link #close()}.
     */
    public CountersReader reader()
    {
        return reader;
    }

    /**
     * The directory mapped.
     *
     * @return the Aeron directory.
     */
    public String aeronDirectoryName()
    {
        return aeronDirectoryName;
    }

    /**
     * Unmap the file. Only once no reader can run: a read after it would touch unmapped memory.
     */
    public void close()
    {
        IoUtil.unmap(cncByteBuffer);
    }
}
