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
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ext.DebugChannelEndpointConfiguration;
import io.aeron.driver.ext.DebugReceiveChannelEndpoint;
import io.aeron.driver.ext.RandomLossGenerator;
import io.aeron.driver.status.SystemCounterDescriptor;
import io.tickwire.feed.book.ReferenceFeed;
import io.tickwire.feed.sim.MarketDataFlowGenerator;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The subscriber's media driver drops a share of the incoming data frames (Aeron's debug receive endpoint with a
 * random loss generator, since tc netem is not available); Aeron's NAK/retransmit repairs it below the client, so the
 * client must see a complete stream: zero gaps, books equal to the reference.
 */
@Timeout(240)
class LossRecoveryTest
{
    private static final int MESSAGES = 1_000_000;
    private static final int STREAM_ID = 1001;

    @ParameterizedTest
    @ValueSource(doubles = { 0.05, 0.10 })
    void shouldDeliverCompleteStreamDespiteDataLoss(final double lossRate)
    {
        final String channel = TestMedia.multicastChannel();
        final MediaDriver.Context subscriberContext = TestMedia.driverContext()
            .nakMulticastMaxBackoffNs(TimeUnit.MILLISECONDS.toNanos(1))
            .receiveChannelEndpointSupplier((udpChannel, dispatcher, statusIndicator, context) ->
                new DebugReceiveChannelEndpoint(
                    udpChannel,
                    dispatcher,
                    statusIndicator,
                    context,
                    new RandomLossGenerator(lossRate, 42),
                    DebugChannelEndpointConfiguration.lossGeneratorSupplier(0, 0)));

        MediaDriver publisherDriver = null;
        MediaDriver subscriberDriver = null;
        Aeron publisherAeron = null;
        Aeron subscriberAeron = null;
        FeedClient client = null;
        TestFeedPublisher publisher = null;
        try
        {
            publisherDriver = TestMedia.launchDriver();
            subscriberDriver = MediaDriver.launch(subscriberContext);
            publisherAeron = Aeron.connect(
                new Aeron.Context().aeronDirectoryName(publisherDriver.aeronDirectoryName()));
            subscriberAeron = Aeron.connect(
                new Aeron.Context().aeronDirectoryName(subscriberDriver.aeronDirectoryName()));
            final FeedClient feedClient = FeedClient.connect(new FeedClientContext()
                .aeron(subscriberAeron)
                .channel(channel)
                .streamId(STREAM_ID)
                .snapshotRequest(null, 0)
                .fragmentLimit(1024));
            client = feedClient;
            publisher = new TestFeedPublisher(publisherAeron, channel, STREAM_ID, feedClient::poll);
            final TestFeedPublisher feedPublisher = publisher;

            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!feedPublisher.publication().isConnected() || !feedClient.isConnected())
            {
                if (System.nanoTime() > deadline)
                {
                    fail("no connection");
                }
                feedClient.poll();
                Thread.yield();
            }

            final MarketDataFlowGenerator generator = new MarketDataFlowGenerator(77, 20, 200);
            final ReferenceFeed reference = new ReferenceFeed();
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
            final long start = System.nanoTime();
            for (int i = 0; i < MESSAGES; i++)
            {
                final int length = generator.next(buffer, 0);
                publisher.publish(buffer, 0, length);
                reference.apply(buffer, 0);
                if (0 == (i & 255))
                {
                    feedClient.poll();
                }
            }
            final long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (feedClient.expectedSequence() <= MESSAGES)
            {
                if (System.nanoTime() > drainDeadline)
                {
                    fail("client stuck at " + feedClient.expectedSequence());
                }
                if (0 == feedClient.poll())
                {
                    Thread.yield();
                }
            }
            final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            final long naks = DriverCounters.value(subscriberAeron.countersReader(),
                SystemCounterDescriptor.NAK_MESSAGES_SENT);
            final long retransmits = DriverCounters.value(publisherAeron.countersReader(),
                SystemCounterDescriptor.RETRANSMITS_SENT);
            System.out.printf("loss %.0f%%: %,d messages in %,d ms, NAKs sent %,d, retransmits sent %,d%n",
                lossRate * 100, MESSAGES, elapsedMs, naks, retransmits);

            assertEquals(MESSAGES, feedClient.messagesApplied());
            assertEquals(0, feedClient.gaps());
            assertEquals(0, feedClient.duplicates());
            assertEquals(0, feedClient.totalBookErrors());
            assertTrue(naks > 0, "NAKs sent by the subscriber's driver");
            assertTrue(retransmits > 0, "retransmits sent by the publisher's driver");
            for (final long instrumentId : reference.instrumentIds())
            {
                reference.assertBookEquals(instrumentId, feedClient.book(instrumentId), "loss " + lossRate);
            }
        }
        finally
        {
            CloseHelper.closeAll(publisher, client, publisherAeron, subscriberAeron, publisherDriver, subscriberDriver);
        }
    }
}
