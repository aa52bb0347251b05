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

import io.tickwire.agent.cli.TickwireHome;
import io.tickwire.feed.config.ConfigException;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the feed commands find their configuration file and tell a flag given on the command line from a default, the
 * same way for {@code feed publish} and {@code feed subscribe}: {@code --config FILE}, else the installation's
 * {@code config/<name>} when present (as the gateway finds {@code config/gateway.cfg}), else none.
 */
final class CommandConfig
{
    private CommandConfig()
    {
    }

    /**
     * The configuration file to read.
     *
     * @param given       the {@code --config} value, or null.
     * @param name        of the installation's file, e.g. {@code feed-handler.properties}.
     * @param commandLine the command, for a usage error.
     * @return the file, or null for none (system properties and built-in defaults only).
     * @throws CommandLine.ParameterException if {@code --config} names no file.
     */
    static Path resolve(final Path given, final String name, final CommandLine commandLine)
    {
        // Before the file is read: its values may name ${tickwire.home} and ${tickwire.data.dir}.
        TickwireHome.publish();
        if (null == given)
        {
            final Path installed = TickwireHome.config(name);
            return Files.isRegularFile(installed) ? installed : null;
        }
        if (!Files.isRegularFile(given))
        {
            throw new CommandLine.ParameterException(commandLine, "--config: no such file: " + given);
        }
        return given;
    }

    /**
     * A configuration file's error as a usage error: exit status 2, the message naming file, key and value.
     *
     * @param commandLine the command.
     * @param ex          the error.
     * @return the exception to throw.
     */
    static CommandLine.ParameterException usage(final CommandLine commandLine, final ConfigException ex)
    {
        return new CommandLine.ParameterException(commandLine, ex.getMessage());
    }

    /**
     * Was the option given on the command line (rather than left at its default)?
     *
     * @param commandLine the parsed command.
     * @param option      its name, e.g. {@code --channel}.
     * @return true when given.
     */
    static boolean given(final CommandLine commandLine, final String option)
    {
        return commandLine.getParseResult().hasMatchedOption(option);
    }
}
