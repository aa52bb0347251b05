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
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.tickwire.agent.ThreadingProfile;
import io.tickwire.feed.ring.MessageNormaliser;
import io.tickwire.sbe.md.AddOrderEncoder;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FeedHandlerTest
{
    private final String channel = TestChannels.randomMulticastChannel();
    private FeedHandler feed;
    private VerifyingSubscriber subscriber;

    @AfterEach
    void after()
    {
        if (null != subscriber)
        {
            subscriber.close();
        }
        if (null != feed)
        {
            feed.close();
        }
    }

    private FeedHandlerContext context(final long messageCount)
    {
        return new FeedHandlerContext()
            .addSource(FeedSource.replay("synthetic", listener -> new SyntheticItchSource(messageCount)))
            .normaliserFactory(
                (clock, listener, sourceName) -> MessageNormaliser.oneToOne(new AddOrderNormaliser(clock)))
            .channel(channel)
            .streamId(1001)
            .threadingProfile(ThreadingProfile.COMPACT)
            .heartbeatIntervalNs(0)
            .snapshotRequest(TestChannels.randomUnicastChannel(), 1002)
            .snapshotResponse(TestChannels.randomMulticastChannel(), 1003)
            .errorStream(null);
    }

    @Test
    void shouldDeliverEveryMessageInOrderWithContiguousSequenceNumbers()
    {
        final long messageCount = 200_000;
        feed = new FeedHandler(context(messageCount)).start();
        subscriber = new VerifyingSubscriber(feed.aeronDirectoryName(), channel, 1001);

        receiveUntil(() -> subscriber.lastSequence() >= messageCount || null != subscriber.firstProblem(), 100);
        awaitTrue(feed::isComplete);

        assertNull(subscriber.firstProblem());
        assertEquals(messageCount, subscriber.lastSequence());
        final FeedSnapshot snapshot = feed.snapshot();
        assertEquals(messageCount, snapshot.messagesIn());
        assertEquals(messageCount, snapshot.published());
        assertEquals(messageCount * (MessageHeaderEncoder.ENCODED_LENGTH + AddOrderEncoder.BLOCK_LENGTH),
            snapshot.bytesPublished());
        assertEquals(0, snapshot.malformed());
        assertEquals(0, snapshot.dropped());
        assertCountersVisibleInCncFile(messageCount);
    }

    private void assertCountersVisibleInCncFile(final long messageCount)
    {
        // Another client reading the CnC file sees what AeronStat would print.
        final Map<String, Long> counters = new HashMap<>();
        try (Aeron observer = Aeron.connect(new Aeron.Context().aeronDirectoryName(feed.aeronDirectoryName())))
        {
            final CountersReader reader = observer.countersReader();
            reader.forEach((counterId, typeId, keyBuffer, label) ->
            {
                if (typeId >= FeedCounterTypes.MESSAGES_IN && typeId <= FeedCounterTypes.PUBLISHER_POSITION)
                {
                    counters.put(label, reader.getCounterValue(counterId));
                }
            });
        }

        assertEquals(messageCount, counters.get("tickwire-feed msgs-in: synthetic"), counters.toString());
        assertEquals(messageCount, counters.get("tickwire-feed msgs-published: " + channel + " stream 1001"));
        assertEquals(0, counters.get("tickwire-feed malformed TRUNCATED_MESSAGE: synthetic"));
        assertEquals(0, counters.get("tickwire-feed dropped-ring-full: synthetic"));
        assertTrue(counters.get("tickwire-feed publisher-position: " + channel + " stream 1001") > 0);
    }

    @Test
    void shouldLoseNothingWhenRingIsTinyAndSubscriberIsSlow()
    {
        final long messageCount = 20_000;
        feed = new FeedHandler(context(messageCount)
            .ringCapacity(4096)
            .termLength(64 * 1024)).start();
        subscriber = new VerifyingSubscriber(feed.aeronDirectoryName(), channel, 1001);

        // A few messages at a time with a pause: the receiver window fills, the publisher is back-pressured and
        // the tiny ring fills behind it.
        while (subscriber.lastSequence() < messageCount && null == subscriber.firstProblem())
        {
            subscriber.poll(20);
            sleepMillis(1);
        }
        awaitTrue(feed::isComplete);

        assertNull(subscriber.firstProblem());
        assertEquals(messageCount, subscriber.lastSequence());
        final FeedSnapshot snapshot = feed.snapshot();
        assertTrue(snapshot.backPressured() > 0, "back-pressure events " + snapshot.backPressured());
        assertTrue(snapshot.ringFull() > 0, "ring-full events " + snapshot.ringFull());
        assertEquals(messageCount, snapshot.published());
        assertEquals(0, snapshot.dropped());
    }

    @Test
    void shouldHoldMessagesWhileNotConnectedAndDeliverThemAllOnceSubscribed()
    {
        final long messageCount = 5_000;
        feed = new FeedHandler(context(messageCount).ringCapacity(64 * 1024)).start();

        awaitTrue(() -> feed.snapshot().notConnected() > 0 && feed.snapshot().ringFull() > 0);
        assertEquals(0, feed.snapshot().published());

        subscriber = new VerifyingSubscriber(feed.aeronDirectoryName(), channel, 1001);
        receiveUntil(() -> subscriber.lastSequence() >= messageCount || null != subscriber.firstProblem(), 100);

        assertNull(subscriber.firstProblem());
        assertEquals(messageCount, subscriber.lastSequence());
        awaitTrue(feed::isComplete);
        assertEquals(messageCount, feed.snapshot().published());
    }

    @Test
    void shouldSendHeartbeatsCarryingTheLastSequenceWhenIdle()
    {
        final long messageCount = 1_000;
        feed = new FeedHandler(context(messageCount).heartbeatIntervalNs(TimeUnit.MILLISECONDS.toNanos(5))).start();
        subscriber = new VerifyingSubscriber(feed.aeronDirectoryName(), channel, 1001);

        receiveUntil(() -> (subscriber.lastSequence() >= messageCount && subscriber.heartbeats() >= 2) ||
            null != subscriber.firstProblem(), 100);

        assertNull(subscriber.firstProblem());
        assertEquals(messageCount, subscriber.lastHeartbeatSequence());
        assertTrue(feed.snapshot().heartbeats() >= 2);
    }

    @Test
    void shouldPrintThreadPlanAndChannelInBanner()
    {
        feed = new FeedHandler(context(10).cpus(1)).start();

        final String banner = feed.banner();
        assertTrue(banner.contains(channel), banner);
        assertTrue(banner.contains("stream id  1001"), banner);
        assertTrue(banner.contains(feed.aeronDirectoryName() + " (embedded driver, deleted on exit)"), banner);
        assertTrue(banner.contains("ingest-0: synthetic"), banner);
        assertTrue(banner.contains("profile compact (requested)"), banner);
        assertTrue(banner.matches("(?s).*ingest-0 +feed-agents +1 +BackoffIdleStrategy.*"), banner);
        assertTrue(banner.matches("(?s).*publisher +feed-agents +1 +BackoffIdleStrategy.*"), banner);
        assertTrue(banner.matches("(?s).*media-driver +driver threads +any +embedded SHARED.*"), banner);
    }

    @Test
    void shouldRunEachAgentOnItsOwnPinnedThreadWhenDedicated()
    {
        // An external, back-off driver and back-off agents: the dedicated layout without busy-spinning in a test.
        final long messageCount = 20_000;
        try (MediaDriver driver = MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(CommonContext.generateRandomDirName())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)))
        {
            feed = new FeedHandler(context(messageCount)
                .aeronDirectoryName(driver.aeronDirectoryName())
                .threadingProfile(ThreadingProfile.DEDICATED)
                .dedicatedIdleStrategySupplier(BackoffIdleStrategy::new)
                .cpus(0, 1)).start();

            final Set<String> threadNames = new HashSet<>();
            for (final Thread thread : Thread.getAllStackTraces().keySet())
            {
                threadNames.add(thread.getName());
            }
            assertTrue(threadNames.containsAll(List.of("ingest-0", "publisher")), threadNames.toString());
            assertTrue(feed.banner().matches("(?s).*ingest-0 +ingest-0 +0 +BackoffIdleStrategy.*"), feed.banner());
            assertTrue(feed.banner().matches("(?s).*publisher +publisher +1 +BackoffIdleStrategy.*"), feed.banner());
            assertTrue(feed.banner().contains("(external driver)"), feed.banner());

            subscriber = new VerifyingSubscriber(feed.aeronDirectoryName(), channel, 1001);
            receiveUntil(() -> subscriber.lastSequence() >= messageCount || null != subscriber.firstProblem(), 100);
            assertNull(subscriber.firstProblem());
            assertEquals(messageCount, subscriber.lastSequence());

            subscriber.close();
            subscriber = null;
            feed.close();
        }
    }

    private void receiveUntil(final BooleanSupplier done, final int fragmentLimit)
    {
        final BackoffIdleStrategy idle = new BackoffIdleStrategy();
        while (!done.getAsBoolean())
        {
            idle.idle(subscriber.poll(fragmentLimit));
        }
    }

    private static void awaitTrue(final BooleanSupplier condition)
    {
        while (!condition.getAsBoolean())
        {
            sleepMillis(1);
        }
    }

    private static void sleepMillis(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
