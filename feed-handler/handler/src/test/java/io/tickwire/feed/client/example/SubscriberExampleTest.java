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
package io.tickwire.feed.client.example;

import io.aeron.driver.MediaDriver;
import io.tickwire.feed.cli.FeedPublishCommand;
import io.tickwire.feed.client.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's subscriber example, run as a user would: in a JVM of its own with only the client artifact's
 * classpath (client, schemas, latency, aeron-client, agrona, HdrHistogram: no media driver, no handler) and the JVM
 * flags the README gives, against a live {@code feed publish --simulate}. The README must show the example's code
 * as it is compiled here.
 */
@Timeout(90)
class SubscriberExampleTest
{
    private static final Path README = Paths.get("../../README.md");
    private static final Path EXAMPLE = Paths.get(
        "../client/src/test/java/io/tickwire/feed/client/example/BboPrinter.java");
    private static final Pattern BBO_LINE =
        Pattern.compile("^[A-Z]{1,8} +\\d+ @ \\d+\\.\\d{4} / +\\d+ @ \\d+\\.\\d{4}$");

    @Test
    void shouldPrintBooksFromALivePublisherWithOnlyTheClientOnItsClasspath() throws Exception
    {
        final String classpath = subscriberClasspath();
        final String channel = TestMedia.multicastChannel();
        final String request = TestMedia.unicastChannel();
        final String response = TestMedia.multicastChannel();
        final StringWriter publishErr = new StringWriter();
        try (MediaDriver driver = TestMedia.launchDriver())
        {
            final List<String> command = new ArrayList<>();
            command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(Arrays.asList(readmeJvmFlags()));
            command.addAll(List.of(
                "-Daeron.dir=" + driver.aeronDirectoryName(),
                "-Dtickwire.feed.client.channel=" + channel,
                "-Dtickwire.feed.client.stream.id=93",
                "-Dtickwire.feed.client.snapshot.request.channel=" + request,
                "-Dtickwire.feed.client.snapshot.response.channel=" + response,
                "-cp", classpath,
                BboPrinter.class.getName(), "6"));
            final Process subscriber = new ProcessBuilder(command).start();

            // The subscriber joins while the publisher runs: whatever it missed comes from a snapshot.
            final CommandLine publish = new CommandLine(new FeedPublishCommand())
                .setOut(new PrintWriter(new StringWriter(), true))
                .setErr(new PrintWriter(publishErr, true));
            final CompletableFuture<Integer> published = CompletableFuture.supplyAsync(() -> publish.execute(
                "--simulate", "--rate", "10000", "--messages", "40000", "--symbols", "20",
                "--aeron-dir", driver.aeronDirectoryName(),
                "--channel", channel, "--stream", "93",
                "--snapshot-request", request, "--snapshot-response", response,
                "--linger-ms", "3000"));

            final CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(subscriber, false));
            final CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(subscriber, true));
            assertTrue(subscriber.waitFor(60, TimeUnit.SECONDS), "example did not finish");
            final String out = stdout.get(10, TimeUnit.SECONDS);
            final String err = stderr.get(10, TimeUnit.SECONDS);
            assertEquals(0, subscriber.exitValue(), out + err);
            assertEquals(0, published.get(60, TimeUnit.SECONDS), publishErr.toString());

            final List<String> lines = Arrays.asList(out.split("\n"));
            final long bboLines = lines.stream().filter((line) -> BBO_LINE.matcher(line).matches()).count();
            assertTrue(bboLines > 100, "too few BBO lines (" + bboLines + "):\n" + out + err);
            final Matcher summary = Pattern.compile("(\\d+) messages, (\\d+) gaps, (\\d+) recoveries")
                .matcher(lines.get(lines.size() - 1));
            assertTrue(summary.matches(), out);
            assertTrue(Long.parseLong(summary.group(1)) > 10_000, summary.group());
            assertFalse(err.contains("Exception") || err.contains("Error"), err);
        }
    }

    @Test
    void shouldShowTheExampleInTheReadmeAsItCompiles() throws IOException
    {
        final String example = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        final String code = example.substring(example.indexOf("package "));
        final String readme = Files.readString(README, StandardCharsets.UTF_8);
        assertTrue(readme.contains(code), "README.md must show " + EXAMPLE.normalize() + " from its package line on");
    }

    /**
     * The classpath a subscriber's project has: the client artifact and its dependencies, nothing of the handler.
     */
    private static String subscriberClasspath()
    {
        final List<String> kept = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter((entry) ->
                entry.contains("feed-handler" + File.separator + "client" + File.separator) ||
                entry.contains("tickwire-feed-client") ||
                entry.contains("feed-handler" + File.separator + "latency" + File.separator) ||
                entry.contains("tickwire-latency") ||
                entry.contains("schemas" + File.separator + "target") ||
                entry.contains("tickwire-schemas") ||
                entry.contains("aeron-client") ||
                entry.contains(File.separator + "agrona-") ||
                entry.contains("HdrHistogram"))
            .collect(Collectors.toList());
        assertTrue(kept.stream().noneMatch((entry) -> entry.contains("aeron-driver") ||
            entry.contains("tickwire-feed-handler") || entry.contains(File.separator + "handler" + File.separator)),
            kept.toString());
        assertTrue(kept.stream().anyMatch((entry) -> entry.contains("aeron-client")), kept.toString());

        return String.join(File.pathSeparator, kept);
    }

    /**
     * The JVM flags the README tells a subscriber to use, from its {@code java …} line.
     */
    private static String[] readmeJvmFlags() throws IOException
    {
        final String readme = Files.readString(README, StandardCharsets.UTF_8);
        final Matcher flags = Pattern.compile("(?m)^SUBSCRIBER_JVM_FLAGS=\"([^\"]+)\"$").matcher(readme);
        assertTrue(flags.find(), "README.md must give SUBSCRIBER_JVM_FLAGS=\"…\"");

        return flags.group(1).trim().split("\\s+");
    }

    private static String read(final Process process, final boolean errors)
    {
        try
        {
            return new String(
                (errors ? process.getErrorStream() : process.getInputStream()).readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
