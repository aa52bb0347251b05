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
import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import io.tickwire.latency.CalibratedEpochNanoClock;
import io.tickwire.sbe.MarketDataHeader;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.EpochNanoClock;

import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

/**
 * Minimal stand-in for the real publisher: stamps the stream sequence and publish timestamp into an encoded
 * market data message and offers it on an {@link ExclusivePublication}. Tests drive gaps, duplicates and restarts
 * by choosing the sequence themselves.
 */
public final class TestFeedPublisher implements AutoCloseable
{
    private final ExclusivePublication publication;
    private final EpochNanoClock clock = CalibratedEpochNanoClock.shared();
    private final Runnable whileWaiting;
    private long nextSequence = 1;
    private long backPressured;

    /**
     * A publisher.
     *
     * @param aeron        client.
     * @param channel      to publish on.
     * @param streamId     to publish on.
     * @param whileWaiting run while the publication is back-pressured or not connected (e.g. poll subscribers).
     */
    public TestFeedPublisher(
        final Aeron aeron, final String channel, final int streamId, final Runnable whileWaiting)
    {
        this.publication = aeron.addExclusivePublication(channel, streamId);
        this.whileWaiting = whileWaiting;
    }

    /**
     * The publication.
     *
     * @return the publication.
     */
    public ExclusivePublication publication()
    {
        return publication;
    }

    /**
     * Sequence the next {@link #publish} will stamp.
     *
     * @return the sequence.
     */
    public long nextSequence()
    {
        return nextSequence;
    }

    /**
     * Set the next sequence (to create a gap or a duplicate).
     *
     * @param sequence the next sequence.
     */
    public void nextSequence(final long sequence)
    {
        this.nextSequence = sequence;
    }

    /**
     * Offers that were back-pressured or not connected.
     *
     * @return the count.
     */
    public long backPressured()
    {
        return backPressured;
    }

    /**
     * Stamp the next sequence and offer, retrying while back-pressured.
     *
     * @param buffer holding the message.
     * @param offset of the message header.
     * @param length of the message.
     * @return the sequence stamped.
     */
    public long publish(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        final long sequence = nextSequence++;
        stamp(buffer, offset, sequence);
        offer(buffer, offset, length);
        return sequence;
    }

    /**
     * Stamp a sequence and a publish timestamp.
     *
     * @param buffer   holding the message.
     * @param offset   of the message header.
     * @param sequence to stamp.
     */
    public void stamp(final MutableDirectBuffer buffer, final int offset, final long sequence)
    {
        buffer.putLong(offset + MarketDataHeader.SEQUENCE_OFFSET, sequence, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + MarketDataHeader.PUBLISH_TIMESTAMP_OFFSET, clock.nanoTime(), ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Offer as is, retrying while back-pressured or not connected, for at most 20 s.
     *
     * @param buffer holding the message.
     * @param offset of the message header.
     * @param length of the message.
     */
    public void offer(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long result;
        while ((result = publication.offer(buffer, offset, length)) < 0)
        {
            if (Publication.CLOSED == result || Publication.MAX_POSITION_EXCEEDED == result)
            {
                throw new IllegalStateException("publication failed: " + Publication.errorString(result));
            }
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("offer timed out: " + Publication.errorString(result));
            }
            backPressured++;
            whileWaiting.run();
            Thread.yield();
        }
    }

    /**
     * Close the publication.
     */
    public void close()
    {
        publication.close();
    }
}
