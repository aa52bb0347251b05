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
import io.tickwire.feed.sim.MarketDataFlowGenerator;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Publisher process of {@link MultiHostTest}, run inside a network namespace:
 * {@code channel streamId seed instruments messages}. Publishes the generated flow and lingers so that
 * receivers can repair losses before the publication goes away.
 */
public final class NetnsPublisherMain
{
    private NetnsPublisherMain()
    {
    }

    /**
     * Entry point.
     *
     * @param args channel, stream id, seed, instruments, messages.
     * @throws InterruptedException if interrupted while lingering.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        final String channel = args[0];
        final int streamId = Integer.parseInt(args[1]);
        final long seed = Long.parseLong(args[2]);
        final int instruments = Integer.parseInt(args[3]);
        final int messages = Integer.parseInt(args[4]);

        try (MediaDriver driver = TestMedia.launchDriver();
            Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
            TestFeedPublisher publisher = new TestFeedPublisher(aeron, channel, streamId, Thread::yield))
        {
            final MarketDataFlowGenerator generator = new MarketDataFlowGenerator(seed, instruments, 100);
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
            for (int i = 0; i < messages; i++)
            {
                publisher.publish(buffer, 0, generator.next(buffer, 0));
            }
            System.out.println("PUBLISHED " + messages);
            System.out.flush();
            Thread.sleep(3_000);
        }
    }
}
