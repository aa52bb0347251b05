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
package io.tickwire.perf.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a result was measured on: cores, CPU model, OS, JVM, library versions, date.
 */
public final class MachineInfo
{
    private static final String[][] LIBRARIES =
    {
        { "tickwire", "io.tickwire", "tickwire-perf" },
        { "aeron", "io.aeron", "aeron-client" },
        { "agrona", "org.agrona", "agrona" },
        { "hdrhistogram", "org.hdrhistogram", "HdrHistogram" },
        { "quickfixj", "org.quickfixj", "quickfixj-core" },
        { "picocli", "info.picocli", "picocli" },
        { "jmh", "org.openjdk.jmh", "jmh-core" },
    };

    private MachineInfo()
    {
    }

    /**
     * The machine description for {@code results.json}.
     *
     * @return an ordered map.
     */
    public static Map<String, Object> machine()
    {
        final Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpuModel", cpuModel());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " +
            System.getProperty("os.arch"));
        machine.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("jvmVendor", System.getProperty("java.vm.vendor"));
        machine.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        machine.put("clocksource", clocksource());

        return machine;
    }

    /**
     * Versions of the libraries on the class path, from their Maven metadata ("unknown" when absent, e.g. when
     * running from a module's classes directory).
     *
     * @return library to version.
     */
    public static Map<String, Object> versions()
    {
        final Map<String, Object> versions = new LinkedHashMap<>();
        for (final String[] library : LIBRARIES)
        {
            versions.put(library[0], mavenVersion(library[1], library[2]));
        }
        versions.put("java", System.getProperty("java.version"));

        return versions;
    }

    /**
     * Current time for results.
     *
     * @return ISO-8601 UTC.
     */
    public static String date()
    {
        return Instant.now().toString();
    }

    static String cpuModel()
    {
        try
        {
            final List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (final String line : lines)
            {
                if (line.startsWith("model name"))
                {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        }
        catch (final IOException ignore)
        {
            // Not Linux: fall through.
        }

        return System.getProperty("os.arch") + " (model unknown)";
    }

    private static String clocksource()
    {
        try
        {
            return Files.readString(Path.of("/sys/devices/system/clocksource/clocksource0/current_clocksource")).trim();
        }
        catch (final IOException ex)
        {
            return "unknown";
        }
    }

    private static String mavenVersion(final String groupId, final String artifactId)
    {
        final String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = MachineInfo.class.getResourceAsStream(resource))
        {
            if (null != in)
            {
                final Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        }
        catch (final IOException ignore)
        {
            // Fall through to unknown.
        }

        return "unknown";
    }
}
