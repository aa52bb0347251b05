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
package io.tickwire.feed.client;

import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.sim.MarketDataFlowGenerator;
import io.tickwire.sbe.MarketDataHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Three "hosts" (network namespaces) joined by a bridge in a fourth, each running its own JVM and media driver:
 * one publisher and two subscribers over real multicast between namespaces. Both subscribers must build books
 * identical to each other and to a direct build of the same flow. Needs root and {@code ip}; skipped otherwise.
 */
@Timeout(180)
class MultiHostTest
{
    private static final int STREAM_ID = 1001;
    private static final int MESSAGES = 50_000;
    private static final int INSTRUMENTS = 10;
    private static final long SEED = 4242;

    private final String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xFFFFF));
    private final String hub = "tw" + suffix + "hub";
    private final String[] hosts = { "tw" + suffix + "h1", "tw" + suffix + "h2", "tw" + suffix + "h3" };
    private final List<Process> processes = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();

    @AfterEach
    void tearDown()
    {
        for (final Process process : processes)
        {
            process.destroyForcibly();
        }
        for (final String namespace : namespaces)
        {
            runQuietly("ip", "netns", "del", namespace);
        }
    }

    @Test
    void shouldBuildIdenticalBooksOnTwoHostsOverMulticast() throws Exception
    {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) && canRun("ip", "netns", "list"),
            "needs root and the ip tool (ip netns): skipping the multi-host multicast test");

        final ThreadLocalRandom random = ThreadLocalRandom.current();
        final String subnet = "10." + (100 + random.nextInt(150)) + "." + (1 + random.nextInt(250)) + ".";
        buildNetwork(subnet);

        final String channel = "aeron:udp?endpoint=239.255." + (1 + random.nextInt(254)) + "." +
            (1 + 2 * random.nextInt(126)) + ":" + (40_000 + random.nextInt(20_000)) +
            "|interface=" + subnet + "0/24|ttl=4";

        final List<String> subscriber1 = new CopyOnWriteArrayList<>();
        final List<String> subscriber2 = new CopyOnWriteArrayList<>();
        final List<String> publisherOut = new CopyOnWriteArrayList<>();
        final Process s1 = launch(hosts[1], NetnsSubscriberMain.class, subscriber1, channel, "" + STREAM_ID,
            "" + MESSAGES);
        final Process s2 = launch(hosts[2], NetnsSubscriberMain.class, subscriber2, channel, "" + STREAM_ID,
            "" + MESSAGES);
        awaitLine(subscriber1, "READY", s1);
        awaitLine(subscriber2, "READY", s2);

        final Process publisher = launch(hosts[0], NetnsPublisherMain.class, publisherOut, channel, "" + STREAM_ID,
            "" + SEED, "" + INSTRUMENTS, "" + MESSAGES);
        assertTrue(s1.waitFor(120, TimeUnit.SECONDS), "subscriber 1 finished: " + subscriber1);
        assertTrue(s2.waitFor(120, TimeUnit.SECONDS), "subscriber 2 finished: " + subscriber2);
        assertTrue(publisher.waitFor(60, TimeUnit.SECONDS), "publisher finished: " + publisherOut);
        assertEquals(0, publisher.exitValue(), "publisher: " + publisherOut);

        final String expected = "RESULT applied=" + MESSAGES + " gaps=0 errors=0 digest=" + referenceDigest();
        assertEquals(expected, resultLine(subscriber1), "subscriber on " + hosts[1] + ": " + subscriber1);
        assertEquals(expected, resultLine(subscriber2), "subscriber on " + hosts[2] + ": " + subscriber2);
    }

    private static String referenceDigest()
    {
        final MarketDataFlowGenerator generator = new MarketDataFlowGenerator(SEED, INSTRUMENTS, 100);
        final BookBuilder builder = new BookBuilder(null);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        for (int i = 1; i <= MESSAGES; i++)
        {
            final int length = generator.next(buffer, 0);
            buffer.putLong(MarketDataHeader.SEQUENCE_OFFSET, i, ByteOrder.LITTLE_ENDIAN);
            builder.apply(buffer, 0, length);
        }
        return NetnsSubscriberMain.digest(builder.instruments());
    }

    private void buildNetwork(final String subnet)
    {
        run("ip", "netns", "add", hub);
        namespaces.add(hub);
        run("ip", "netns", "exec", hub, "ip", "link", "add", "br0", "type", "bridge");
        run("ip", "netns", "exec", hub, "ip", "link", "set", "br0", "type", "bridge", "mcast_snooping", "0");
        run("ip", "netns", "exec", hub, "ip", "link", "set", "br0", "up");
        for (int i = 0; i < hosts.length; i++)
        {
            final String host = hosts[i];
            final String hubEnd = "tw" + suffix + "b" + i;
            final String hostEnd = "tw" + suffix + "v" + i;
            run("ip", "netns", "add", host);
            namespaces.add(host);
            run("ip", "link", "add", hubEnd, "type", "veth", "peer", "name", hostEnd);
            run("ip", "link", "set", hubEnd, "netns", hub);
            run("ip", "link", "set", hostEnd, "netns", host);
            run("ip", "netns", "exec", hub, "ip", "link", "set", hubEnd, "master", "br0");
            run("ip", "netns", "exec", hub, "ip", "link", "set", hubEnd, "up");
            run("ip", "netns", "exec", host, "ip", "addr", "add", subnet + (i + 1) + "/24", "dev", hostEnd);
            run("ip", "netns", "exec", host, "ip", "link", "set", hostEnd, "up");
            run("ip", "netns", "exec", host, "ip", "link", "set", "lo", "up");
            run("ip", "netns", "exec", host, "ip", "route", "add", "224.0.0.0/4", "dev", hostEnd);
        }
    }

    private Process launch(final String namespace, final Class<?> mainClass, final List<String> output,
        final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>(List.of(
            "ip", "netns", "exec", namespace,
            System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
            "-Xmx256m",
            "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "-Daeron.print.configuration=false",
            "-cp", System.getProperty("java.class.path"),
            mainClass.getName()));
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(process);
        final Thread reader = new Thread(() ->
        {
            try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while (null != (line = lines.readLine()))
                {
                    output.add(line);
                }
            }
            catch (final IOException ignore)
            {
                // the process went away; what it printed is in output
            }
        }, "output-" + namespace);
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private static void awaitLine(final List<String> output, final String line, final Process process)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!output.contains(line))
        {
            if (!process.isAlive() || System.nanoTime() > deadline)
            {
                fail("no " + line + " from process: " + output);
            }
            Thread.sleep(20);
        }
    }

    private static String resultLine(final List<String> output)
    {
        for (final String line : output)
        {
            if (line.startsWith("RESULT"))
            {
                return line;
            }
        }
        return "no RESULT line";
    }

    private static boolean canRun(final String... command)
    {
        try
        {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && 0 == process.exitValue();
        }
        catch (final IOException | InterruptedException ex)
        {
            return false;
        }
    }

    private static void run(final String... command)
    {
        try
        {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || 0 != process.exitValue())
            {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        }
        catch (final IOException | InterruptedException ex)
        {
            throw new IllegalStateException(String.join(" ", command) + " failed", ex);
        }
    }

    private static void runQuietly(final String... command)
    {
        try
        {
            run(command);
        }
        catch (final IllegalStateException ignore)
        {
            // best effort clean-up
        }
    }
}
