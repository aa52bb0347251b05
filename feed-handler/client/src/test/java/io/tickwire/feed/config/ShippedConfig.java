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
package io.tickwire.feed.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration files shipped in the repository's {@code config/} directory, found from a module's working
 * directory, and the example keys they show commented out.
 */
public final class ShippedConfig
{
    private static final Pattern EXAMPLE = Pattern.compile("^#(tickwire\\.[a-z0-9.]+=.*)$");

    private ShippedConfig()
    {
    }

    /**
     * A shipped file.
     *
     * @param name e.g. {@code feed-client.properties}.
     * @return its path.
     */
    public static Path file(final String name)
    {
        for (Path dir = Path.of("").toAbsolutePath(); null != dir; dir = dir.getParent())
        {
            final Path file = dir.resolve("config").resolve(name);
            if (Files.isRegularFile(file))
            {
                return file;
            }
        }
        throw new IllegalStateException("config/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * The settings a shipped file shows as comments ({@code #key=value}), uncommented into a file of their own.
     *
     * @param name   of the shipped file.
     * @param target file to write.
     * @return the keys written.
     * @throws IOException if a file cannot be read or written.
     */
    public static List<String> examples(final String name, final Path target) throws IOException
    {
        final List<String> lines = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        for (final String line : Files.readAllLines(file(name), StandardCharsets.UTF_8))
        {
            final Matcher example = EXAMPLE.matcher(line);
            if (example.matches())
            {
                lines.add(example.group(1));
                keys.add(example.group(1).substring(0, example.group(1).indexOf('=')));
            }
        }
        Files.write(target, lines, StandardCharsets.UTF_8);
        return keys;
    }
}
