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

import io.tickwire.feed.ingest.moldudp64.MoldUdp64ClientContext;
import io.tickwire.feed.ingest.BinaryFileSource;
import io.tickwire.feed.ingest.MalformedInputCounter;
import io.tickwire.feed.ingest.MessageHandler;
import io.tickwire.feed.ingest.moldudp64.MoldUdp64Client;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class ItchServeCommandTest
{
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldServeEveryMessageOfAFileToALiveClient() throws Exception
    {
        final Path file = dir.resolve("flow.itch");
        assertEquals(0, new CommandLine(new ItchCommand()).execute(
            "generate", "--out", file.toString(), "--messages", "5000", "--seed", "7"));
        final Checksum expected = new Checksum();
        try (BinaryFileSource source = new BinaryFileSource(file, new MalformedInputCounter(1)))
        {
            while (!source.isExhausted())
            {
                source.poll(expected, 1000);
            }
        }

        final int requestPort = freePort();
        final Checksum received = new Checksum();
        try (MoldUdp64Client client = new MoldUdp64Client(new MoldUdp64ClientContext()
            .endpoint(new InetSocketAddress(LOOPBACK, 0))
            .requestServer(new InetSocketAddress(LOOPBACK, requestPort))))
        {
            final CompletableFuture<Integer> serve = CompletableFuture.supplyAsync(() -> execute(
                "--file", file.toString(),
                "--destination", "127.0.0.1:" + client.localAddress().getPort(),
                "--request-port", Integer.toString(requestPort),
                "--session", "FLOW7",
                "--heartbeat-ms", "20",
                "--linger", "0.5"));
            while (!client.isExhausted())
            {
                if (client.poll(received, 256) == 0)
                {
                    Thread.yield();
                }
            }

            assertEquals(0, serve.get(30, TimeUnit.SECONDS), err.toString());
            assertEquals("FLOW7", client.session());
            assertEquals(0, client.unrecoverableGaps());
        }

        assertEquals(5000, expected.count);
        assertEquals(expected.count, received.count);
        assertEquals(expected.crc.getValue(), received.crc.getValue());
        assertTrue(out.toString().contains("served 5000 messages"), out.toString());
    }

    @Test
    void shouldRejectBadOptionsAsUsageErrors()
    {
        assertEquals(0, execute("--help"));
        assertEquals(2, execute("--file", "x.itch", "--request-port", "0"));
        assertEquals(2, execute("--file", "x.itch", "--destination", "nohostport", "--request-port", "0"));
        assertEquals(2, execute("--file", "x.itch", "--destination", "127.0.0.1:70000", "--request-port", "0"));
        assertEquals(2, execute("--file", "x.itch", "--destination", "127.0.0.1:5000", "--request-port", "0",
            "--session", "ELEVENCHARS"));
        assertEquals(1, execute("--file", dir.resolve("missing.itch").toString(),
            "--destination", "127.0.0.1:5000", "--request-port", "0"));
    }

    private int execute(final String... args)
    {
        final CommandLine commandLine = new CommandLine(new ItchServeCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static int freePort() throws IOException
    {
        try (DatagramChannel probe = DatagramChannel.open(StandardProtocolFamily.INET))
        {
            probe.bind(new InetSocketAddress(0));
            return ((InetSocketAddress)probe.getLocalAddress()).getPort();
        }
    }

    /**
     * Count and CRC of the messages in delivery order, so order and content are compared at once.
     */
    private static final class Checksum implements MessageHandler
    {
        private final CRC32 crc = new CRC32();
        private final byte[] bytes = new byte[65536];
        private long count;

        public void onMessage(final long sequence, final DirectBuffer buffer, final int offset, final int length)
        {
            buffer.getBytes(offset, bytes, 0, length);
            crc.update(bytes, 0, length);
            count++;
        }
    }
}
