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
import picocli.CommandLine.Command;

import java.net.BindException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code tickwire} command line: one picocli command with a subcommand per capability.
 * <p>
 * Exit codes follow the usual convention: {@code 0} success, {@code 1} an error while running,
 * {@code 2} a usage error (unknown option, missing argument).
 * <p>
 * Each module owns the commands for its capability; this class only assembles them, so adding a capability
 * is one line in {@link #SUBCOMMANDS}.
 */
@Command(
    name = "tickwire",
    mixinStandardHelpOptions = true,
    versionProvider = TickwireVersion.class,
    description = "Low-latency market data feed handler and FIX order gateway on Aeron.",
    subcommands = { CommandLine.HelpCommand.class })
public final class TickwireMain implements Runnable
{
    /**
     * Exit code for success.
     */
    public static final int EXIT_OK = 0;

    /**
     * Exit code for an error while running a command.
     */
    public static final int EXIT_ERROR = 1;

    /**
     * Exit code for a usage error.
     */
    public static final int EXIT_USAGE = 2;

    /**
     * The subcommands, in the order {@code --help} lists them.
     */
    static final Object[] SUBCOMMANDS = {
        io.tickwire.feed.cli.ItchCommand.class,
        io.tickwire.feed.cli.Mdp3Command.class,
        io.tickwire.feed.cli.FeedCommand.class,
        io.tickwire.tools.demo.DemoCommand.class,
        io.tickwire.feed.cli.StatCommand.class,
        new io.tickwire.tools.report.ReportCommand(),
        new io.tickwire.perf.cli.BenchCommand(),
        new io.tickwire.fix.cli.AuditCommand(),
        new io.tickwire.fix.cli.GatewayCommand(),
        new io.tickwire.fix.cli.ClusterCommand(),
        new io.tickwire.fix.cli.FixClientCommand(),
    };

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Entry point.
     *
     * @param args command line arguments.
     */
    public static void main(final String[] args)
    {
        System.exit(execute(args));
    }

    /**
     * Run the command line without exiting the JVM, for tests and embedding.
     *
     * @param args command line arguments.
     * @return the exit code.
     */
    public static int execute(final String... args)
    {
        return newCommandLine().execute(args);
    }

    /**
     * Build the command line with every subcommand registered.
     *
     * @return a configured {@link CommandLine}.
     */
    public static CommandLine newCommandLine()
    {
        final CommandLine commandLine = new CommandLine(new TickwireMain());
        for (final Object subcommand : SUBCOMMANDS)
        {
            commandLine.addSubcommand(subcommand);
        }

        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) ->
        {
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + describe(ex)));
            if (Boolean.getBoolean("tickwire.debug"))
            {
                ex.printStackTrace(cmd.getErr());
            }
            return EXIT_ERROR;
        });

        return commandLine;
    }

    /**
     * What went wrong, in words: the file and what is wrong with it, the address and that it is in use, and the
     * causes a library wrapped, never only an exception's class name.
     *
     * @param ex what a command threw.
     * @return one line for the user.
     */
    static String describe(final Throwable ex)
    {
        final StringBuilder text = new StringBuilder();
        final Set<String> said = new HashSet<>();
        for (Throwable t = ex; null != t && said.size() < 8; t = t.getCause())
        {
            final String part = explain(t);
            if (null != part && said.add(part) && text.indexOf(part) < 0)
            {
                if (text.length() > 0)
                {
                    text.append(": ");
                }
                text.append(part);
            }
        }
        return text.length() > 0 ? text.toString() : "unexpected " + ex.getClass().getSimpleName() +
            " (run with TICKWIRE_DEBUG=1 for the stack trace)";
    }

    private static String explain(final Throwable t)
    {
        if (null != t.getCause() && t.getCause().toString().equals(t.getMessage()))
        {
            return null; // a wrapper that only repeats its cause, class name and all
        }
        if (t instanceof NoSuchFileException)
        {
            return "no such file or directory: " + ((FileSystemException)t).getFile();
        }
        if (t instanceof AccessDeniedException)
        {
            return "permission denied: " + ((FileSystemException)t).getFile();
        }
        if (t instanceof FileAlreadyExistsException)
        {
            return "already exists: " + ((FileSystemException)t).getFile();
        }
        if (t instanceof NotDirectoryException)
        {
            return "not a directory: " + ((FileSystemException)t).getFile();
        }
        if (t instanceof FileSystemException)
        {
            final FileSystemException fse = (FileSystemException)t;
            return fse.getFile() + (null == fse.getReason() ? "" : ": " + fse.getReason());
        }
        if (t instanceof BindException)
        {
            return "cannot listen: " + (null == t.getMessage() ? "address in use" : t.getMessage().toLowerCase(
                Locale.ROOT)) + " (another process holds the port: stop it or choose another port)";
        }
        if (t instanceof UnknownHostException)
        {
            return "unknown host: " + t.getMessage();
        }
        if (t instanceof ConnectException)
        {
            return "cannot connect: " + t.getMessage();
        }
        return t.getMessage();
    }

    /**
     * Without a subcommand there is nothing to do but say what there is.
     */
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
