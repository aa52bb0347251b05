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

import io.aeron.Aeron;
import io.aeron.CommonContext;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.FragmentHandler;
import io.tickwire.feed.TestChannels;
import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.mdp3.FeedText;
import io.tickwire.feed.ingest.mdp3.Mdp3ExpectedFeed;
import io.tickwire.feed.ingest.mdp3.Mdp3Normaliser;
import io.tickwire.feed.ingest.mdp3.Mdp3NormaliserCounters;
import io.tickwire.feed.ingest.mdp3.Mdp3PcapSource;
import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.HeartbeatDecoder;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code feed publish --mdp3} end to end: a seeded simulator capture written by {@code mdp3 generate}, and the shared
 * CME captures, published through the ingest and publisher agents on an external media driver and received by a plain
 * Aeron subscription. Every book entry of the capture arrives as a PriceLevelUpdate with its instrument, action,
 * side, level, price, size, order count and RptSeq, every trade as a TradeSummary, every definition as a
 * VenueInstrumentDefinition, in order and with contiguous stream sequence numbers.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FeedPublishMdp3Test
{
    @TempDir
    Path tempDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final StringWriter stat = new StringWriter();
    private MediaDriver driver;
    private Aeron aeron;
    private String channel;

    @BeforeEach
    void before()
    {
        driver = MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(CommonContext.generateRandomDirName())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        channel = TestChannels.randomMulticastChannel();
    }

    @AfterEach
    void after()
    {
        CloseHelper.closeAll(aeron, driver);
    }

    @Test
    void shouldPublishEveryBookEntryTradeAndDefinitionOfASimulatedCapture() throws IOException
    {
        final Path pcap = tempDir.resolve("sim.pcap");
        assertEquals(0, new CommandLine(new Mdp3Command()).execute("generate", "--out", pcap.toString(),
            "--packets", "3000", "--instruments", "6", "--seed", "11"));
        final Mdp3ExpectedFeed expected = Mdp3ExpectedFeed.of(pcap);

        final List<String> received = publishAndReceive(pcap);

        assertEquals(expected.levelsAndTrades(), received.stream()
            .filter((m) -> m.startsWith("level ") || m.startsWith("trade ")).toList());
        assertEquals(6, expected.definitions());
        final List<String> definitions = received.stream().filter((m) -> m.startsWith("definition ")).toList();
        assertEquals(6, definitions.size());
        assertTrue(definitions.get(0).startsWith("definition " + ((1L << 24) + 42_001) + " XCME 42001 CME_MDP3 " +
            "FUTURE PRICE_LEVEL e-9 "), definitions.get(0));
        assertEquals(6, received.stream().filter((m) -> m.startsWith("status ")).count());
        assertTrue(expected.levelsAndTrades().size() > 3000, "entries: " + expected.levelsAndTrades().size());
        assertTrue(expected.levelsAndTrades().stream().anyMatch((m) -> m.startsWith("trade ")));

        final String output = out.toString();
        assertTrue(output.contains("venue      ingest-0: CME MDP 3.0 -> venue XCME"), output);
        assertTrue(output.contains("snapshots  requests "), output);
        assertTrue(output.contains("messages in        3,000"), output);
        assertTrue(output.contains("malformed          0 "), output);
        assertTrue(output.contains("mdp3: packets 3,000, packet-gaps 0, "), output);
        final long levels = expected.levelsAndTrades().stream().filter((m) -> m.startsWith("level ")).count();
        assertTrue(output.contains(String.format(", level-updates %,d, ", levels)), output);
        // tickwire stat, run while the feed handler was up, listed the normaliser's counters from the CnC file.
        final String counters = stat.toString();
        for (final String name : List.of("packets", "packet-gaps", "rpt-seq-gaps", "definitions", "level-updates",
            "trades", "statuses", "book-resets", "volume-entries", "messages-skipped"))
        {
            assertTrue(counters.contains(" - tickwire-mdp3 " + name + ": " + pcap), name + "\n" + counters);
        }
    }

    @Test
    void shouldPublishOrderUpdatesOfAMarketByOrderCaptureIntoOrderBooks() throws IOException
    {
        final Path pcap = tempDir.resolve("mbo.pcap");
        assertEquals(0, new CommandLine(new Mdp3Command()).execute("generate", "--out", pcap.toString(),
            "--packets", "2000", "--instruments", "4", "--seed", "12", "--mbo"));
        final FeedText expected = new FeedText();
        final List<String> reports = new ArrayList<>();
        final MalformedInputListener listener =
            (reason, source, position, detail) -> reports.add(reason + " " + detail);
        final Mdp3Normaliser normaliser = new Mdp3Normaliser(() -> 1L, listener, "expected",
            new Mdp3NormaliserCounters(null, "expected")).marketByOrder(0);
        try (Mdp3PcapSource source = new Mdp3PcapSource(pcap, listener))
        {
            while (!source.isExhausted())
            {
                source.poll((sequence, buffer, offset, length) ->
                    normaliser.normalise(sequence, buffer, offset, length, expected), 100);
            }
        }
        assertEquals(List.of(), reports);
        final List<String> expectedOrders =
            expected.messages().stream().filter((m) -> m.startsWith("order ")).toList();

        final BookBuilder builder = new BookBuilder(null);
        final List<String> received = publishAndReceive(pcap, builder, "--mbo");

        assertEquals(expectedOrders, received.stream().filter((m) -> m.startsWith("order ")).toList());
        assertTrue(expectedOrders.size() > 5_000, "order updates: " + expectedOrders.size());
        assertEquals(0, received.stream().filter((m) -> m.startsWith("level ")).count());
        assertTrue(received.get(0).startsWith("definition " + ((1L << 24) + 42_001) + " XCME 42001 CME_MDP3 " +
            "FUTURE ORDER_BOOK e-9 "), received.get(0));
        assertEquals(0, builder.totalBookErrors());
        assertEquals(0, builder.malformedMessages());
        assertTrue(builder.book((1L << 24) + 42_001).orderCount() > 0);
        assertTrue(out.toString().contains(String.format("order-updates %,d", expectedOrders.size())), out.toString());
    }

    @Test
    void shouldPublishTheSharedCmeCapturesWithoutMalformedInput() throws IOException
    {
        final Path captures = Paths.get(System.getProperty("tickwire.shared.dir", "../shared"), "data", "mdp3-pcap");
        Assumptions.assumeTrue(Files.isDirectory(captures),
            "../shared/data absent: skipping shared MDP 3.0 captures (set -Dtickwire.shared.dir to run them)");

        for (final String name : List.of("mdp3-v1.5-MdInstrumentDefinitionSpread.pcap",
            "mdp3-v1.5-MdIncrementalRefreshBook.pcap", "mdp3-v1.9-MdIncrementalRefreshTradeSummary.pcap"))
        {
            final Path pcap = captures.resolve(name);
            final Mdp3ExpectedFeed expected = Mdp3ExpectedFeed.of(pcap);
            out.getBuffer().setLength(0);

            final List<String> received = publishAndReceive(pcap);

            assertEquals(expected.levelsAndTrades(), received.stream()
                .filter((m) -> m.startsWith("level ") || m.startsWith("trade ")).toList(), name);
            assertEquals(expected.definitions(), received.stream().filter((m) -> m.startsWith("definition ")).count());
            assertTrue(out.toString().contains("malformed          0 "), out.toString());
        }
    }

    private List<String> publishAndReceive(final Path pcap)
    {
        return publishAndReceive(pcap, null);
    }

    private List<String> publishAndReceive(final Path pcap, final BookBuilder builder, final String... more)
    {
        final Subscription subscription = aeron.addSubscription(channel, 1001);
        final CommandLine commandLine = new CommandLine(new FeedCommand());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        final String[] args = { "publish", "--aeron-dir", driver.aeronDirectoryName(), "--channel", channel,
            "--stream", "1001", "--profile", "compact", "--linger-ms", "200", "--mdp3", pcap.toString() };
        final String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        final CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute(all));

        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final List<String> received = new ArrayList<>();
        final long[] lastSequence = new long[1];
        final FragmentHandler handler = (buffer, offset, length, h) ->
        {
            header.wrap(buffer, offset);
            if (HeartbeatDecoder.TEMPLATE_ID != header.templateId())
            {
                final long sequence =
                    buffer.getLong(offset + MarketDataHeader.SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
                assertEquals(lastSequence[0] + 1, sequence);
                lastSequence[0] = sequence;
                received.add(FeedText.format(buffer, offset, length));
                if (null != builder)
                {
                    builder.apply(buffer, offset, length);
                }
                if (1 == received.size())
                {
                    final CommandLine statCommand = new CommandLine(new StatCommand());
                    statCommand.setOut(new PrintWriter(stat));
                    statCommand.setErr(new PrintWriter(stat));
                    assertEquals(0, statCommand.execute(
                        "--aeron-dir", driver.aeronDirectoryName(), "--filter", "tickwire-mdp3"));
                }
            }
        };

        final BackoffIdleStrategy idle = new BackoffIdleStrategy();
        while (!exit.isDone())
        {
            idle.idle(subscription.poll(handler, 100));
        }
        // The publisher lingered before exiting, so everything has arrived: drain what is left in the image.
        while (subscription.poll(handler, 100) > 0)
        {
            idle.reset();
        }

        assertEquals(FeedPublishCommand.EXIT_OK, exit.join(), err + out.toString());
        subscription.close();
        return received;
    }
}
