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

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.driver.MediaDriver;
import io.tickwire.feed.book.ReferenceFeed;
import io.tickwire.feed.sim.MarketDataFlowGenerator;
import io.tickwire.latency.CalibratedEpochNanoClock;
import org.HdrHistogram.Histogram;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Slow subscribers on their own media drivers (as on their own hosts). With Aeron's default multicast flow control
 * ({@code max}: the publisher is paced by the fastest receiver) a subscriber that is slow, or stops reading
 * altogether, never holds back the publisher or the other subscribers. The contrast case shows why the feed does not
 * use {@code fc=min}: there the slowest receiver paces everyone.
 */
@Timeout(120)
class SlowConsumerTest
{
    private static final int STREAM_ID = 1001;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private MediaDriver publisherDriver;
    private Aeron publisherAeron;

    @BeforeEach
    void setUp()
    {
        publisherDriver = TestMedia.launchDriver();
        publisherAeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(publisherDriver.aeronDirectoryName()));
    }

    @AfterEach
    void tearDown()
    {
        for (int i = closeables.size() - 1; i >= 0; i--)
        {
            CloseHelper.quietClose(closeables.get(i));
        }
        CloseHelper.closeAll(publisherAeron, publisherDriver);
    }

    private Aeron subscriberAeron()
    {
        final MediaDriver driver = TestMedia.launchDriver();
        closeables.add(driver);
        final Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
        closeables.add(aeron);
        return aeron;
    }

    private FeedClient client(final Aeron aeron, final String channel, final FeedClientContext context)
    {
        final FeedClient client = FeedClient.connect(context
            .aeron(aeron)
            .channel(channel)
            .streamId(STREAM_ID)
            .snapshotRequest(null, 0));
        closeables.add(client);
        return client;
    }

    @Test
    void shouldNotStallPublisherOrFastSubscriberWithMaxFlowControl() throws InterruptedException
    {
        final int messages = 300_000;
        // Terms large enough to keep the whole run in the publisher's buffers: with max flow control the publisher
        // never waits for the slow receivers, so on a loaded 2-core host a receiver starved of CPU must still be
        // able to NAK what it missed and have it retransmitted, rather than find it overwritten.
        final String channel = TestMedia.multicastChannel() + "|term-length=32m";
        final EpochNanoClock clock = CalibratedEpochNanoClock.shared();
        final Histogram fastLatency = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final FeedClient[] fastHolder = new FeedClient[1];
        final FeedClient fast = client(subscriberAeron(), channel, new FeedClientContext()
            .bookListener((instrumentId, symbol, book) ->
                fastLatency.recordValue(Math.max(0, clock.nanoTime() - fastHolder[0].lastPublishTimestamp()))));
        fastHolder[0] = fast;

        final AtomicLong slowCallbacks = new AtomicLong();
        final FeedClient slow = client(subscriberAeron(), channel, new FeedClientContext()
            .conflate(true)
            .fragmentLimit(4096)
            .bookListener((instrumentId, symbol, book) ->
            {
                slowCallbacks.incrementAndGet();
                LockSupport.parkNanos(100_000);
            }));
        final AgentRunner slowRunner = FeedClientAgent.runner(slow, Throwable::printStackTrace);
        closeables.add(slowRunner);

        // A subscriber whose application never reads: its image fills, its receiver stops advancing.
        client(subscriberAeron(), channel, new FeedClientContext());

        final TestFeedPublisher publisher = new TestFeedPublisher(publisherAeron, channel, STREAM_ID, fast::poll);
        closeables.add(publisher);
        awaitReceivers(publisher, fast, 3);
        AgentRunner.startOnThread(slowRunner);

        final MarketDataFlowGenerator generator = new MarketDataFlowGenerator(3, 10, 100);
        final ReferenceFeed reference = new ReferenceFeed();
        for (int i = 0; i < messages; i++)
        {
            final int length = generator.next(buffer, 0);
            publisher.publish(buffer, 0, length);
            reference.apply(buffer, 0);
            if (0 == (i & 63))
            {
                fast.poll();
            }
        }
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (fast.expectedSequence() <= messages)
        {
            if (System.nanoTime() > deadline)
            {
                fail("fast subscriber stuck at " + fast.expectedSequence());
            }
            fast.poll();
        }

        assertEquals(messages, fast.messagesApplied());
        assertEquals(0, fast.gaps());
        for (final long instrumentId : reference.instrumentIds())
        {
            reference.assertBookEquals(instrumentId, fast.book(instrumentId), "fast subscriber");
        }

        final long slowDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (slow.expectedSequence() <= messages)
        {
            if (System.nanoTime() > slowDeadline)
            {
                fail("conflating slow subscriber stuck at " + slow.expectedSequence());
            }
            Thread.sleep(10);
        }
        slowRunner.close();
        closeables.remove(slowRunner);

        System.out.printf("fast subscriber: %,d messages, publish->book callback p50=%,d ns p99=%,d ns max=%,d ns;" +
            " slow conflating subscriber: %,d messages, %,d book callbacks%n",
            fast.messagesApplied(), fastLatency.getValueAtPercentile(50), fastLatency.getValueAtPercentile(99),
            fastLatency.getMaxValue(), slow.messagesApplied(), slowCallbacks.get());
        assertEquals(messages, slow.messagesApplied());
        assertEquals(0, slow.gaps());
        assertTrue(slowCallbacks.get() < messages / 5, "conflation delivered " + slowCallbacks.get() + " updates");
        for (final long instrumentId : reference.instrumentIds())
        {
            reference.assertBookEquals(instrumentId, slow.book(instrumentId), "slow subscriber");
        }
    }

    @Test
    void shouldStallPublisherWithMinFlowControlWhenASubscriberStops()
    {
        final String channel = TestMedia.multicastChannel() + "|fc=min";
        final FeedClient stopped = client(subscriberAeron(), channel, new FeedClientContext());
        final TestFeedPublisher publisher = new TestFeedPublisher(publisherAeron, channel, STREAM_ID, Thread::yield);
        closeables.add(publisher);
        awaitReceivers(publisher, stopped, 1);

        final MarketDataFlowGenerator generator = new MarketDataFlowGenerator(4, 4, 50);
        final Publication publication = publisher.publication();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long published = 0;
        long result = 0;
        while (result != Publication.BACK_PRESSURED)
        {
            if (System.nanoTime() > deadline)
            {
                fail("publisher never back-pressured after " + published + " messages");
            }
            final int length = generator.next(buffer, 0);
            publisher.stamp(buffer, 0, published + 1);
            while ((result = publication.offer(buffer, 0, length)) == Publication.ADMIN_ACTION)
            {
                Thread.yield();
            }
            if (result > 0)
            {
                published++;
            }
        }

        // Nothing was read by the only receiver: the publisher is held at that receiver's window.
        assertEquals(0, stopped.messagesReceived());
        assertTrue(published > 0 && published < 1_000_000, "published " + published + " before back pressure");
    }

    private void awaitReceivers(final TestFeedPublisher publisher, final FeedClient client, final int count)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!publisher.publication().isConnected() || !client.isConnected())
        {
            if (System.nanoTime() > deadline)
            {
                fail("no connection");
            }
            client.poll();
            Thread.yield();
        }
        // Give the other receivers' setup/status messages a moment so they join before data flows.
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100L * count));
    }
}
