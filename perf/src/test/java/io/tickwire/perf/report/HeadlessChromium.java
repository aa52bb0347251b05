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
package io.tickwire.perf.report;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds Debian's chromium, installing it with apt-get when running as root (a CI container or a developer
 * machine that allows it), and takes headless screenshots of local pages.
 */
final class HeadlessChromium
{
    private static final String[] CANDIDATES = { "/usr/bin/chromium", "/usr/bin/chromium-browser" };

    private HeadlessChromium()
    {
    }

    /**
     * The chromium binary, installing it when possible.
     *
     * @return the path, or a reason why there is none (prefixed "unavailable:").
     */
    static String locateOrInstall()
    {
        final String found = locate();
        if (null != found)
        {
            return found;
        }
        final boolean root = "root".equals(System.getProperty("user.name"));
        if (!root && null == System.getenv("CI"))
        {
            return "unavailable: chromium not installed and not root, cannot apt-get install it";
        }
        try
        {
            // A fresh machine has no package lists: without the update, install finds no chromium.
            final String failure = apt(120, "update", "-qq");
            if (null != failure)
            {
                return failure;
            }
            final String installFailure = apt(300, "install", "-y", "-qq", "chromium");
            if (null != installFailure)
            {
                return installFailure;
            }
        }
        catch (final Exception ex)
        {
            return "unavailable: apt-get install chromium failed: " + ex;
        }
        final String installed = locate();

        return null != installed ? installed : "unavailable: apt-get install chromium did not provide a binary";
    }

    private static String apt(final int timeoutSeconds, final String... args) throws Exception
    {
        final String[] command = new String[args.length + 1];
        command[0] = "apt-get";
        System.arraycopy(args, 0, command, 1, args.length);
        final ProcessBuilder builder = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        final Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            return "unavailable: apt-get " + String.join(" ", args) + " did not finish within " + timeoutSeconds + " s";
        }

        return 0 == process.exitValue() ? null :
            "unavailable: apt-get " + String.join(" ", args) + " exited with " + process.exitValue();
    }

    /**
     * Take a screenshot of a local file.
     *
     * @param chromium the binary.
     * @param page     the page.
     * @param png      the screenshot to write.
     * @param profile  an empty directory for the browser profile.
     * @return chromium's exit code.
     */
    static int screenshot(final String chromium, final Path page, final Path png, final Path profile)
        throws Exception
    {
        final List<String> command = List.of(
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
            "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=1200,1600",
            page.toUri().toString());
        final Process process = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(profile.resolve("chromium.log").toFile())
            .start();
        if (!process.waitFor(90, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within 90 s: " +
                Files.readString(profile.resolve("chromium.log")));
        }

        return process.exitValue();
    }

    private static String locate()
    {
        for (final String candidate : CANDIDATES)
        {
            if (new File(candidate).canExecute())
            {
                return candidate;
            }
        }

        return null;
    }
}
