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
import io.tickwire.agent.metrics.Scrape;
import io.tickwire.feed.FeedStages;
import io.tickwire.feed.TestChannels;
import io.tickwire.feed.ingest.PcapBuilder;
import io.tickwire.feed.ingest.itch.ItchFileWriter;
import io.tickwire.feed.ingest.itch.sim.ItchSimulator;
import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.HeartbeatDecoder;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code feed publish} end to end through the real ingest path (simulator, ITCH file) and an external media driver,
 * with a plain subscriber checking contiguous sequence numbers.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FeedPublishCommandTest
{
    private static final Pattern PUBLISHED = Pattern.compile("published +([0-9,]+) ");
    private static final Pattern METRICS_URL = Pattern.compile("  metrics    (http://\\S+)\n");

    @TempDir
    Path tempDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private MediaDriver driver;
    private Aeron aeron;
    private String channel;

    @BeforeEach
    void before() throws IOException
    {
        driver = MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(CommonContext.generateRandomDirName())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        channel = io.tickwire.feed.TestChannels.randomMulticastChannel();
    }

    @AfterEach
    void after()
    {
        CloseHelper.closeAll(aeron, driver);
    }

    @Test
    void shouldPublishSimulatedFlowCompletelyAndPrintBannerStatusAndSummary()
    {
        final long received = publishAndReceive("--simulate", "--messages", "20000", "--symbols", "20", "--seed", "7");

        final String output = out.toString();
        assertTrue(output.contains("tickwire feed publisher"), output);
        assertTrue(output.contains("channel    " + channel), output);
        assertTrue(output.contains(driver.aeronDirectoryName() + " (external driver)"), output);
        assertTrue(output.contains("ingest-0: simulator(messages=20000, symbols=20, seed=7)"), output);
        assertTrue(output.contains("messages in        20,000"), output);
        assertTrue(output.contains("malformed          0"), output);
        assertEquals(published(output), received);
        assertTrue(received > 19_000, "most simulated messages are normalised: " + received);
    }

    @Test
    void shouldWritePublisherStageLatenciesToHlog() throws IOException
    {
        final Path hlogDir = tempDir.resolve("hlog");
        final long received = publishAndReceive("--simulate", "--messages", "20000", "--symbols", "20", "--seed", "7",
            "--hlog", hlogDir.toString(), "--hlog-interval-ms", "100");

        final String output = out.toString();
        assertTrue(output.contains("latency    " + hlogDir), output);
        final List<Path> files;
        try (Stream<Path> list = Files.list(hlogDir))
        {
            files = list.toList();
        }
        assertEquals(1, files.size(), files.toString());
        assertTrue(files.get(0).getFileName().toString().startsWith("feed-publish-"), files.toString());

        final Map<String, Long> counts = new HashMap<>();
        final HistogramLogReader reader = new HistogramLogReader(files.get(0).toFile());
        for (EncodableHistogram interval; null != (interval = reader.nextIntervalHistogram()); )
        {
            final Histogram histogram = (Histogram)interval;
            counts.merge(histogram.getTag(), histogram.getTotalCount(), Long::sum);
            assertTrue(0 == histogram.getTotalCount() || histogram.getMinValue() >= 0);
        }

        // Every message that went through the ring is recorded once per stage; nothing else is.
        assertEquals(Set.of(FeedStages.INGEST_TO_RING, FeedStages.RING_TO_PUBLISH), counts.keySet());
        assertEquals(received, counts.get(FeedStages.INGEST_TO_RING));
        assertEquals(received, counts.get(FeedStages.RING_TO_PUBLISH));
        assertTrue(received > 19_000, "received " + received);
    }

    @Test
    void shouldServeMetricsWhilePublishingAndStopServingAtTheEnd() throws Exception
    {
        final Subscription subscription = aeron.addSubscription(channel, 1001);
        final CommandLine commandLine = new CommandLine(new FeedCommand());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        final CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute(
            "publish", "--aeron-dir", driver.aeronDirectoryName(), "--channel", channel, "--stream", "1001",
            "--profile", "compact", "--linger-ms", "200", "--no-snapshots",
            "--simulate", "--messages", "5000", "--rate", "5000", "--metrics-port", "0"));

        final long[] received = new long[1];
        final FragmentHandler counter = (buffer, offset, length, header) -> received[0]++;
        final BackoffIdleStrategy idle = new BackoffIdleStrategy();
        String url = null;
        Scrape scrape = null;
        while (!exit.isDone())
        {
            idle.idle(subscription.poll(counter, 100));
            final Matcher matcher = METRICS_URL.matcher(out.toString());
            if (null == scrape && matcher.find())
            {
                url = matcher.group(1);
                scrape = Scrape.get(url);
            }
        }
        assertEquals(FeedPublishCommand.EXIT_OK, exit.join(), err + out.toString());
        subscription.close();

        assertNotNull(scrape, "scraped while publishing: " + out);
        assertTrue(url.startsWith("http://127.0.0.1:"), url);
        assertEquals("counter", scrape.type("tickwire_feed_messages_in_total"), scrape.text());
        assertEquals(1, scrape.samples("tickwire_feed_messages_in_total").size(), scrape.text());
        assertEquals(1, scrape.samples("tickwire_latency_seconds_count", "stage", FeedStages.RING_TO_PUBLISH).size(),
            "--metrics-port records stage latencies without --hlog: " + scrape.text());
        assertFalse(scrape.samples("aeron_system_counter", "driver", "feed").isEmpty(), scrape.text());
        final String scraped = url;
        assertThrows(ConnectException.class, () -> Scrape.get(scraped), "the endpoint closes with the command");
    }

    @Test
    void shouldRejectAMetricsPortOutOfRange()
    {
        final CommandLine commandLine = new CommandLine(new FeedCommand());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));

        assertEquals(FeedPublishCommand.EXIT_USAGE, commandLine.execute("publish", "--simulate", "--metrics-port",
            "70000"));
        assertTrue(err.toString().contains("--metrics-port must be 0..65535"), err.toString());
    }

    @Test
    void shouldPublishAnItchFile() throws IOException
    {
        final Path file = tempDir.resolve("sim.itch");
        final ItchSimulator simulator = new ItchSimulator(3, 10);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        try (ItchFileWriter writer = new ItchFileWriter(file))
        {
            for (int i = 0; i < 5_000; i++)
            {
                writer.write(buffer, 0, simulator.next(buffer, 0));
            }
        }

        final long received = publishAndReceive("--itch", file.toString(), "--rate", "1000000");

        final String output = out.toString();
        assertTrue(output.contains("ingest-0: " + file), output);
        assertTrue(output.contains("rate       1000000 msgs/s"), output);
        assertTrue(output.contains("messages in        5,000"), output);
        assertEquals(published(output), received);
    }

    @Test
    void shouldFailWithExitCodeOneOnUnreadableFile()
    {
        final CommandLine commandLine = new CommandLine(new FeedCommand());
        commandLine.setErr(new PrintWriter(err));
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> 1);

        assertEquals(1, commandLine.execute("publish", "--itch", tempDir.resolve("missing.itch").toString(),
            "--aeron-dir", driver.aeronDirectoryName(), "--channel", channel));
    }

    @Test
    void shouldCountAndReportAGapInACaptureAndExitWithGapsStatus() throws IOException
    {
        final ItchSimulator simulator = new ItchSimulator(3, 5);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final PcapBuilder pcap = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false);
        for (long sequence = 1; sequence <= 200; sequence++)
        {
            final int length = simulator.next(buffer, 0);
            if (sequence < 51 || sequence > 55)
            {
                final byte[] message = new byte[length];
                buffer.getBytes(0, message);
                pcap.moldPacket("SESSION001", sequence, message);
            }
        }
        final Path file = tempDir.resolve("gap.pcap");
        Files.write(file, pcap.toByteArray());
        final ByteArrayOutputStream errors = new ByteArrayOutputStream();
        final PrintStream systemErr = System.err;
        final long received;
        // The feed handler reports to System.err (FeedHandlerContext.errorStream's default).
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try
        {
            received = publishAndReceive(FeedPublishCommand.EXIT_GAPS, "--pcap", file.toString());
        }
        finally
        {
            System.setErr(systemErr);
        }

        final String output = out.toString();
        assertTrue(output.contains("messages in        195"), output);
        assertTrue(output.contains("malformed          0"), output);
        assertTrue(output.contains("upstream gaps      1 (recovered 0 messages, lost 5)"), output);
        assertTrue(output.contains("result: input had gaps, 1 gap(s), 5 message(s) missing (exit 4)"), output);
        final String reported = errors.toString(StandardCharsets.UTF_8);
        assertTrue(reported.contains("upstream gap not recovered: source=" + file + " sequences 51..55 (skipped)"),
            reported);
        assertEquals(published(output), received);
    }

    @Test
    void shouldReportACorruptGzipWithItsOffsetAndExitWithBadInputStatus() throws IOException
    {
        final Path file = tempDir.resolve("flipped.itch.gz");
        final ItchSimulator simulator = new ItchSimulator(3, 10);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        try (ItchFileWriter writer = new ItchFileWriter(file))
        {
            for (int i = 0; i < 20_000; i++)
            {
                writer.write(buffer, 0, simulator.next(buffer, 0));
            }
        }
        final byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        final ByteArrayOutputStream errors = new ByteArrayOutputStream();
        final PrintStream systemErr = System.err;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try
        {
            publishAndReceive(FeedPublishCommand.EXIT_BAD_INPUT, "--itch", file.toString());
        }
        finally
        {
            System.setErr(systemErr);
        }

        final String output = out.toString();
        assertTrue(output.contains("(of which read errors 1)"), output);
        assertTrue(output.contains("result: input was bad, 1 read error(s)"), output);
        assertTrue(output.contains("(exit 3)"), output);
        final String reported = errors.toString(StandardCharsets.UTF_8);
        final Matcher report = Pattern.compile("malformed input: READ_ERROR source=" + Pattern.quote(file.toString()) +
            " position=[0-9]+ gzip stream corrupt at compressed offset ([0-9]+), uncompressed offset [0-9]+")
            .matcher(reported);
        assertTrue(report.find(), reported);
        assertTrue(Long.parseLong(report.group(1)) > bytes.length / 2, reported);
    }

    @Test
    void shouldReportACorruptGzipHeaderAtOffsetZeroAndExitWithBadInputStatus() throws IOException
    {
        final Path file = tempDir.resolve("bad-header.itch.gz");
        final ItchSimulator simulator = new ItchSimulator(3, 10);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        try (ItchFileWriter writer = new ItchFileWriter(file))
        {
            for (int i = 0; i < 1_000; i++)
            {
                writer.write(buffer, 0, simulator.next(buffer, 0));
            }
        }
        final byte[] bytes = Files.readAllBytes(file);
        // Byte 2 of a gzip member header is the compression method: only 8 (deflate) exists.
        bytes[2] = 7;
        Files.write(file, bytes);
        final ByteArrayOutputStream errors = new ByteArrayOutputStream();
        final PrintStream systemErr = System.err;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        final long received;
        try
        {
            received = publishAndReceive(FeedPublishCommand.EXIT_BAD_INPUT, "--itch", file.toString());
        }
        finally
        {
            System.setErr(systemErr);
        }

        assertEquals(0, received);
        final String output = out.toString();
        assertTrue(output.contains("(of which read errors 1)"), output);
        assertTrue(output.contains("result: input was bad, 1 read error(s)"), output);
        assertTrue(output.contains("(exit 3)"), output);
        final String reported = errors.toString(StandardCharsets.UTF_8);
        assertTrue(Pattern.compile("malformed input: READ_ERROR source=" + Pattern.quote(file.toString()) +
            " position=0 gzip stream corrupt at compressed offset [0-9]+, uncompressed offset 0: ")
            .matcher(reported).find(), reported);
    }

    private long publishAndReceive(final String... sourceArgs)
    {
        return publishAndReceive(FeedPublishCommand.EXIT_OK, sourceArgs);
    }

    private long publishAndReceive(final int expectedExit, final String... sourceArgs)
    {
        final Subscription subscription = aeron.addSubscription(channel, 1001);
        final CommandLine commandLine = new CommandLine(new FeedCommand());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        final String[] common = { "publish", "--aeron-dir", driver.aeronDirectoryName(), "--channel", channel,
            "--stream", "1001", "--profile", "compact", "--linger-ms", "200",
            "--snapshot-request", TestChannels.randomUnicastChannel(),
            "--snapshot-response", TestChannels.randomMulticastChannel() };
        final String[] args = new String[common.length + sourceArgs.length];
        System.arraycopy(common, 0, args, 0, common.length);
        System.arraycopy(sourceArgs, 0, args, common.length, sourceArgs.length);
        final CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute(args));

        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final long[] lastSequenceAndCount = new long[2];
        final FragmentHandler checker = (buffer, offset, length, h) ->
        {
            header.wrap(buffer, offset);
            if (HeartbeatDecoder.TEMPLATE_ID != header.templateId())
            {
                final long sequence =
                    buffer.getLong(offset + MarketDataHeader.SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
                assertEquals(lastSequenceAndCount[0] + 1, sequence);
                lastSequenceAndCount[0] = sequence;
                lastSequenceAndCount[1]++;
            }
        };

        final BackoffIdleStrategy idle = new BackoffIdleStrategy();
        while (!exit.isDone())
        {
            idle.idle(subscription.poll(checker, 100));
        }
        // The publisher lingered before exiting, so everything has arrived: drain what is left in the image.
        while (subscription.poll(checker, 100) > 0)
        {
            idle.reset();
        }

        assertEquals(expectedExit, exit.join(), err + out.toString());
        subscription.close();
        return lastSequenceAndCount[1];
    }

    private static long published(final String output)
    {
        final Matcher matcher = PUBLISHED.matcher(output);
        assertTrue(matcher.find(), output);
        return Long.parseLong(matcher.group(1).replace(",", ""));
    }
}
