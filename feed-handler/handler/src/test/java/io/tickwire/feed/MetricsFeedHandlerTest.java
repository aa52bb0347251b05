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
package io.tickwire.feed;

import io.aeron.Aeron;
import io.aeron.CommonContext;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.FragmentHandler;
import io.tickwire.agent.ThreadingProfile;
import io.tickwire.agent.metrics.MetricsServer;
import io.tickwire.agent.metrics.Scrape;
import io.tickwire.feed.ingest.MalformedReason;
import io.tickwire.feed.ingest.itch.sim.SimulatorSource;
import io.tickwire.latency.LatencyRecording;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live feed handler scraped over HTTP: its counters under their own names with the values its snapshot gives,
 * its stage latencies counted once each for the endpoint and once each for the {@code .hlog} writer that reads
 * the same recorders at the same time.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MetricsFeedHandlerTest
{
    private static final int STREAM_ID = 1001;
    private static final long MESSAGES = 5_000;

    @TempDir
    Path dir;

    private final String channel = TestChannels.randomMulticastChannel();
    private MediaDriver driver;
    private Aeron aeron;
    private LatencyRecording recording;
    private MetricsServer metrics;
    private FeedHandler feed;

    @AfterEach
    void after()
    {
        CloseHelper.closeAll(metrics, feed, recording, aeron, driver);
    }

    @Test
    void shouldExportFeedCountersAndStageLatenciesThatAgreeWithTheSnapshotAndTheHlog() throws Exception
    {
        driver = MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(CommonContext.generateRandomDirName())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        recording = LatencyRecording.start(dir, "feed-test", 20);
        final FeedHandlerContext ctx = new FeedHandlerContext()
            .addSource(FeedSource.replay("simulator", listener -> new SimulatorSource(3, 5, MESSAGES)))
            .channel(channel)
            .streamId(STREAM_ID)
            .aeronDirectoryName(driver.aeronDirectoryName())
            .threadingProfile(ThreadingProfile.COMPACT)
            .snapshots(false)
            .latencyRegistry(recording.registry())
            .ratePerSecond(10_000)
            .errorStream(null);
        feed = new FeedHandler(ctx);
        // The driver is external, so the endpoint can start first and be attached to each recorder as it is made.
        metrics = MetricsServer.builder().port(0)
            .counterKinds(FeedMetrics.COUNTER_KINDS)
            .aeronDirectory(FeedMetrics.DRIVER, driver.aeronDirectoryName())
            .latency(recording.registry())
            .start();
        final Subscription subscription = aeron.addSubscription(channel, STREAM_ID);
        feed.start();

        final BackoffIdleStrategy idle = new BackoffIdleStrategy();
        final long[] fragments = new long[1];
        final FragmentHandler handler = (buffer, offset, length, header) -> fragments[0]++;
        boolean scrapedWhileRunning = false;
        while (!feed.isComplete())
        {
            idle.idle(subscription.poll(handler, 100));
            if (!scrapedWhileRunning && feed.snapshot().published() > 0)
            {
                // A scrape in the middle of the flow: the hlog writer and the endpoint drain the same recorders.
                scrapedWhileRunning = !Scrape.get(metrics.url()).samples().isEmpty();
            }
        }
        // The agents may count the last message a moment after the ring is seen empty.
        Thread.sleep(200);
        while (subscription.poll(handler, 100) > 0)
        {
            idle.reset();
        }
        final FeedSnapshot snapshot = feed.snapshot();
        final Scrape scrape = Scrape.get(metrics.url());

        assertEquals("counter", scrape.type("tickwire_feed_messages_in_total"), scrape.text());
        assertEquals(MESSAGES, snapshot.messagesIn());
        assertEquals(snapshot.messagesIn(), (long)scrape.value("tickwire_feed_messages_in_total", "source",
            "simulator"));
        assertEquals(snapshot.published(), (long)scrape.value("tickwire_feed_messages_published_total",
            "channel", channel, "stream", Integer.toString(STREAM_ID)));
        assertEquals(snapshot.bytesPublished(), (long)scrape.value("tickwire_feed_published_bytes_total",
            "channel", channel, "stream", Integer.toString(STREAM_ID)));
        assertEquals(snapshot.notNormalised(), (long)scrape.value("tickwire_feed_messages_not_normalised_total",
            "source", "simulator"));
        assertEquals("gauge", scrape.type("tickwire_feed_publisher_position_bytes"));
        assertEquals(0.0, scrape.value("tickwire_feed_malformed_messages_total", "source", "simulator",
            "reason", MalformedReason.values()[0].name()));
        assertTrue(scrape.value("aeron_system_counter", "driver", FeedMetrics.DRIVER, "name", "Bytes sent") > 0,
            scrape.text());

        for (final Scrape.Sample sample : scrape.samples())
        {
            assertTrue(Scrape.METRIC_NAME.matcher(sample.name()).matches(), sample.toString());
            final String label = sample.label("label");
            assertFalse(null != label && label.startsWith("tickwire-"),
                "every Tickwire counter has a kind of its own: " + sample);
            if (sample.name().startsWith("tickwire_feed_"))
            {
                assertNull(label, "every feed counter's label text matches its kind: " + sample);
            }
        }

        assertEquals("summary", scrape.type("tickwire_latency_seconds_count"));
        assertTrue(scrape.value("tickwire_latency_seconds", "stage", FeedStages.RING_TO_PUBLISH, "quantile",
            "0.99") > 0, scrape.text());
        assertTrue(scrape.value("tickwire_latency_max_seconds", "stage", FeedStages.INGEST_TO_RING) > 0);
        assertTrue(fragments[0] > 0);

        // Once the agents have stopped, nothing more is recorded: the last scrape and the log's last interval
        // must account for the same values, though the hlog writer sampled every 20 ms and took them first.
        feed.close();
        final Scrape last = Scrape.get(metrics.url());
        metrics.close();
        recording.close();
        final Map<String, Long> hlogCounts = countsByTag(recording.file());
        assertTrue(hlogCounts.get(FeedStages.RING_TO_PUBLISH) > 0, hlogCounts.toString());
        for (final String stage : new String[]{ FeedStages.INGEST_TO_RING, FeedStages.RING_TO_PUBLISH })
        {
            assertEquals(hlogCounts.get(stage), (long)last.value("tickwire_latency_seconds_count", "stage", stage),
                stage + ": the endpoint and the hlog writer each saw every value: " + hlogCounts);
        }
        assertTrue(scrapedWhileRunning);
    }

    private static Map<String, Long> countsByTag(final Path file) throws FileNotFoundException
    {
        final Map<String, Long> counts = new HashMap<>();
        final HistogramLogReader reader = new HistogramLogReader(file.toFile());
        try
        {
            for (EncodableHistogram interval; null != (interval = reader.nextIntervalHistogram()); )
            {
                counts.merge(interval.getTag(), ((Histogram)interval).getTotalCount(), Long::sum);
            }
        }
        finally
        {
            reader.close();
        }
        return counts;
    }
}
