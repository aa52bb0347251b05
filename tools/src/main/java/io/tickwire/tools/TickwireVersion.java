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
package io.tickwire.tools;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Version of Tickwire and of the libraries it was built with, read from a resource filled in by the build.
 */
public final class TickwireVersion implements CommandLine.IVersionProvider
{
    private static final String RESOURCE = "/tickwire-version.properties";

    /**
     * Load the version properties written at build time.
     *
     * @return the properties, never null.
     */
    public static Properties load()
    {
        final Properties properties = new Properties();
        try (InputStream in = TickwireVersion.class.getResourceAsStream(RESOURCE))
        {
            if (null != in)
            {
                properties.load(in);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }

        return properties;
    }

    /**
     * {@inheritDoc}
     */
    public String[] getVersion()
    {
        final Properties p = load();
        return new String[] {
            "tickwire " + p.getProperty("version", "unknown"),
            "aeron " + p.getProperty("aeron", "?") + ", agrona " + p.getProperty("agrona", "?") +
                ", sbe " + p.getProperty("sbe", "?") + ", quickfixj " + p.getProperty("quickfixj", "?") +
                ", hdrhistogram " + p.getProperty("hdrhistogram", "?"),
            "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
        };
    }
}
