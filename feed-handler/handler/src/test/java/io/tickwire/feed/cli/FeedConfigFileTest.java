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
import io.tickwire.agent.cli.TickwireHome;
import io.tickwire.feed.FeedHandlerContext;
import io.tickwire.feed.TestChannels;
import io.tickwire.feed.client.FeedClientContext;
import io.tickwire.feed.config.ShippedConfig;
import io.tickwire.feed.ingest.moldudp64.MoldUdp64ClientContext;
import io.tickwire.feed.ingest.moldudp64.MoldUdp64Configuration;
import io.tickwire.sbe.md.HeartbeatDecoder;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The configuration files of {@code feed publish} and {@code feed subscribe}: every key of the shipped
 * {@code config/feed-handler.properties} is known and parses (examples shown commented out included), flags given on
 * the command line override the file, unknown keys and bad values fail with exit status 2 naming file, key and
 * value, and a file alone drives a real run.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FeedConfigFileTest
{
    private static final String SHIPPED = "feed-handler.properties";

    @TempDir
    Path dir;

    @Test
    void shouldKnowEveryKeyOfTheShippedFileAndStateTheBuiltInDefaults()
    {
        final PublishSettings settings = PublishSettings.load(ShippedConfig.file(SHIPPED));

        assertEquals(PublishSettings.LINGER_DEFAULT_MS, settings.lingerMs);
        assertNull(settings.hlogDir);
        assertEquals(io.tickwire.agent.cli.HlogOptions.INTERVAL_MS_DEFAULT, settings.hlogIntervalMs);
        assertNull(settings.metricsPort);
        assertEquals(io.tickwire.agent.metrics.MetricsServer.DEFAULT_HOST, settings.metricsHost);
        assertNull(settings.lineB);
        assertNull(settings.requestServer);
        assertEquals(InetAddress.getLoopbackAddress(), settings.interfaceAddress);
        final MoldUdp64ClientContext mold = settings.applyTo(new MoldUdp64ClientContext());
        assertEquals(MoldUdp64Configuration.ARBITRATION_WAIT_DEFAULT_NS, mold.arbitrationWaitNs());
        assertEquals(MoldUdp64Configuration.REQUEST_TIMEOUT_DEFAULT_NS, mold.requestTimeoutNs());
        assertEquals(MoldUdp64Configuration.MAX_REQUEST_MESSAGES_DEFAULT, mold.maxRequestMessages());
        assertEquals(MoldUdp64Configuration.MAX_REQUEST_ATTEMPTS_DEFAULT, mold.maxRequestAttempts());
        assertEquals(MoldUdp64Configuration.SKIP_UNRECOVERABLE_GAPS_DEFAULT, mold.skipUnrecoverableGaps());
        assertEquals(MoldUdp64Configuration.STASH_CAPACITY_DEFAULT, mold.stashCapacity());
        assertEquals(MoldUdp64Configuration.SOCKET_RCVBUF_DEFAULT, mold.socketRcvbuf());
    }

    @Test
    void shouldKnowAndParseEveryExampleTheShippedFileShowsCommentedOut() throws IOException
    {
        TickwireHome.publish();
        final Path examples = dir.resolve("examples.properties");
        final List<String> keys = ShippedConfig.examples(SHIPPED, examples);

        final PublishSettings settings = PublishSettings.load(examples);

        assertEquals(9, keys.size(), keys.toString());
        final FeedHandlerContext ctx = settings.context;
        assertEquals("/dev/shm/aeron-feed", ctx.aeronDirectoryName());
        assertEquals(io.tickwire.agent.ThreadingProfile.COMPACT, ctx.threadingProfile());
        assertEquals(2, ctx.cpus().length);
        assertEquals(TickwireHome.dataDir().resolve("feed/recording").toFile(), ctx.recordingDir());
        assertEquals(TickwireHome.dataDir().resolve("hlog"), settings.hlogDir);
        assertEquals(9464, settings.metricsPort);
        assertEquals(new InetSocketAddress("239.1.1.2", 26478), settings.lineB);
        assertEquals(InetAddress.getByName("10.0.0.5"), settings.interfaceAddress);
        assertEquals(new InetSocketAddress("10.0.0.1", 26479), settings.requestServer);
    }

    @Test
    void shouldLetFlagsGivenOnThePublishCommandLineOverrideTheFile() throws IOException
    {
        final Path file = write("tickwire.feed.channel=aeron:ipc", "tickwire.feed.stream.id=5",
            "tickwire.feed.ring.capacity=2048", "tickwire.feed.linger.ms=7", "tickwire.feed.hlog.interval.ms=50",
            "tickwire.feed.snapshot.request.stream.id=77", "tickwire.feed.snapshots=false",
            "tickwire.moldudp64.arbitration.wait=3ms");
        final FeedPublishCommand command = new FeedPublishCommand();
        new CommandLine(command).parseArgs("--config", file.toString(), "--simulate", "--stream", "9",
            "--snapshot-request-stream", "88", "--hlog-interval-ms", "60");

        final FeedHandlerContext ctx = command.context();

        assertEquals("aeron:ipc", ctx.channel());
        assertEquals(9, ctx.streamId());
        assertEquals(2048, ctx.ringCapacity());
        assertEquals(88, ctx.snapshotRequestStreamId());
        assertFalse(ctx.snapshots());
        assertEquals(7, command.lingerMs);
        assertEquals(60, command.hlog.intervalMs());
        assertEquals(TimeUnit.MILLISECONDS.toNanos(3),
            command.settings().applyTo(new MoldUdp64ClientContext()).arbitrationWaitNs());
    }

    @Test
    void shouldLetFlagsGivenOnTheSubscribeCommandLineOverrideTheFile() throws IOException
    {
        final Path file = write("tickwire.feed.client.channel=aeron:ipc", "tickwire.feed.client.stream.id=5",
            "tickwire.feed.client.conflate=true", "tickwire.feed.client.symbols=AAPL,MSFT",
            "tickwire.feed.client.silence.timeout.ns=0", "tickwire.feed.client.fragment.limit=16");
        final FeedSubscribeCommand command = new FeedSubscribeCommand();
        new CommandLine(command).parseArgs("--config", file.toString(), "--stream", "9", "--silence-ms", "300",
            "--snapshot-request", "none");

        final FeedClientContext ctx = command.context();

        assertEquals("aeron:ipc", ctx.channel());
        assertEquals(9, ctx.streamId());
        assertTrue(ctx.conflate());
        assertEquals(Set.of("AAPL", "MSFT"), ctx.symbols());
        assertEquals(TimeUnit.MILLISECONDS.toNanos(300), ctx.silenceTimeoutNs());
        assertFalse(ctx.recoveryEnabled());
    }

    @Test
    void shouldReadTheInstallationsFilesWhenNoConfigIsGiven() throws IOException
    {
        final Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve("config"));
        Files.write(home.resolve("config").resolve(FeedPublishCommand.CONFIG_FILE),
            List.of("tickwire.feed.stream.id=6"), StandardCharsets.UTF_8);
        Files.write(home.resolve("config").resolve(FeedSubscribeCommand.CONFIG_FILE),
            List.of("tickwire.feed.client.stream.id=8"), StandardCharsets.UTF_8);
        final String[] names = {TickwireHome.HOME_PROP_NAME, TickwireHome.DATA_DIR_PROP_NAME,
            TickwireHome.LOG_DIR_PROP_NAME};
        final String[] saved = new String[names.length];
        for (int i = 0; i < names.length; i++)
        {
            saved[i] = System.getProperty(names[i]);
        }
        System.setProperty(TickwireHome.HOME_PROP_NAME, home.toString());
        try
        {
            final FeedPublishCommand publish = new FeedPublishCommand();
            new CommandLine(publish).parseArgs("--simulate");
            assertEquals(6, publish.context().streamId());
            assertEquals(home.resolve("config").resolve(FeedPublishCommand.CONFIG_FILE), publish.settings().file);

            final FeedSubscribeCommand subscribe = new FeedSubscribeCommand();
            new CommandLine(subscribe).parseArgs();
            assertEquals(8, subscribe.context().streamId());
        }
        finally
        {
            for (int i = 0; i < names.length; i++)
            {
                if (null == saved[i])
                {
                    System.clearProperty(names[i]);
                }
                else
                {
                    System.setProperty(names[i], saved[i]);
                }
            }
        }
    }

    @Test
    void shouldExitWithUsageStatusNamingAnUnknownKeyAndItsFile() throws IOException
    {
        final Path file = write("tickwire.feed.stream.id=5", "tickwire.feed.chanel=aeron:ipc");
        final StringWriter err = new StringWriter();

        assertEquals(FeedPublishCommand.EXIT_USAGE, feed(err, "publish", "--config", file.toString(), "--simulate"));
        assertTrue(err.toString().contains(file + ": unknown key 'tickwire.feed.chanel'"), err::toString);

        final Path clientFile = write("tickwire.feed.client.stream.ids=5");
        final StringWriter clientErr = new StringWriter();
        assertEquals(2, feed(clientErr, "subscribe", "--config", clientFile.toString(), "--duration", "1s"),
            clientErr::toString);
        assertTrue(clientErr.toString().contains(clientFile + ": unknown key 'tickwire.feed.client.stream.ids'"),
            clientErr::toString);
    }

    @Test
    void shouldExitWithUsageStatusNamingABadValueAndTheFormExpected() throws IOException
    {
        final Path file = write("tickwire.moldudp64.request.timeout=soon");
        final StringWriter err = new StringWriter();

        assertEquals(FeedPublishCommand.EXIT_USAGE, feed(err, "publish", "--config", file.toString(), "--simulate"));
        assertTrue(err.toString().contains(file + ": bad value for tickwire.moldudp64.request.timeout: 'soon', " +
            "expected a duration, e.g. 500us, 1ms or 2s"), err::toString);

        final Path clientFile = write("tickwire.feed.client.stream.id=1.5");
        final StringWriter clientErr = new StringWriter();
        assertEquals(2, feed(clientErr, "subscribe", "--config", clientFile.toString(), "--duration", "1s"),
            clientErr::toString);
        assertTrue(clientErr.toString().contains(clientFile + ": bad value for tickwire.feed.client.stream.id: " +
            "'1.5', expected an integer"), clientErr::toString);
    }

    @Test
    void shouldExitWithUsageStatusForAMissingFile()
    {
        final StringWriter err = new StringWriter();
        final Path missing = dir.resolve("missing.properties");

        assertEquals(FeedPublishCommand.EXIT_USAGE, feed(err, "publish", "--config", missing.toString(), "--simulate"));
        assertTrue(err.toString().contains("--config: no such file: " + missing), err::toString);
    }

    @Test
    void shouldPublishOnTheChannelAndStreamTheFileNamesAndWriteItsLatencyLog() throws IOException
    {
        final String channel = TestChannels.randomMulticastChannel();
        final Path hlogDir = dir.resolve("hlog");
        final Path file = write("tickwire.feed.channel=" + channel, "tickwire.feed.stream.id=4242",
            "tickwire.feed.linger.ms=200", "tickwire.feed.hlog.dir=" + hlogDir,
            "tickwire.feed.snapshot.request.channel=" + TestChannels.randomUnicastChannel(),
            "tickwire.feed.snapshot.response.channel=" + TestChannels.randomMulticastChannel());
        final MediaDriver driver = MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(CommonContext.generateRandomDirName())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        final Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        try
        {
            final Subscription subscription = aeron.addSubscription(channel, 4242);
            final StringWriter out = new StringWriter();
            final CommandLine commandLine = new CommandLine(new FeedCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(out));
            final CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute(
                "publish", "--config", file.toString(), "--aeron-dir", driver.aeronDirectoryName(),
                "--profile", "compact", "--simulate", "--messages", "5000", "--symbols", "5"));

            final MessageHeaderDecoder header = new MessageHeaderDecoder();
            final long[] received = new long[1];
            final FragmentHandler counter = (buffer, offset, length, h) ->
            {
                header.wrap(buffer, offset);
                if (HeartbeatDecoder.TEMPLATE_ID != header.templateId())
                {
                    received[0]++;
                }
            };
            final BackoffIdleStrategy idle = new BackoffIdleStrategy();
            while (!exit.isDone())
            {
                idle.idle(subscription.poll(counter, 100));
            }
            // The publisher lingered before exiting, so everything has arrived: drain what is left in the image.
            while (subscription.poll(counter, 100) > 0)
            {
                idle.reset();
            }

            assertEquals(0, exit.join(), out::toString);
            assertTrue(out.toString().contains("  config     " + file), out::toString);
            assertTrue(out.toString().contains("channel    " + channel), out::toString);
            assertTrue(received[0] > 4_000, "received " + received[0] + "\n" + out);
            try (Stream<Path> logs = Files.list(hlogDir))
            {
                assertEquals(1, logs.filter((p) -> p.toString().endsWith(".hlog")).count());
            }
        }
        finally
        {
            CloseHelper.closeAll(aeron, driver);
        }
    }

    private static int feed(final StringWriter err, final String... args)
    {
        return new CommandLine(new FeedCommand())
            .setOut(new PrintWriter(new StringWriter(), true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    }

    private Path write(final String... lines) throws IOException
    {
        final Path file = Files.createTempFile(dir, "feed", ".properties");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }
}
