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
package io.tickwire.fix.match;

import io.aeron.ExclusivePublication;
import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.AddOrderEncoder;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import io.tickwire.sbe.md.OrderCancelEncoder;
import io.tickwire.sbe.md.OrderDeleteEncoder;
import io.tickwire.sbe.md.OrderExecutedEncoder;
import io.tickwire.sbe.md.OrderReplaceEncoder;
import io.tickwire.sbe.md.PublisherEpochEncoder;
import io.tickwire.sbe.md.Side;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * Publishes the engine's book changes on the Tickwire market data feed (SBE {@code io.tickwire.sbe.md}, one
 * message per Aeron message) on the gateway's own stream, with the feed's header conventions: a contiguous
 * sequence from 1 stamped at publication and the publish timestamp in epoch nanoseconds.
 * <p>
 * Executions against gateway orders are always against displayed orders, so they appear as
 * {@code OrderExecuted} on the resting order (ITCH E semantics); {@code Trade} (ITCH P, non-displayed) is not used.
 * The sequence advances only for messages Aeron accepted: a message refused after the retry budget
 * (back pressure, no subscriber) is counted in {@link #droppedCount()} and leaves no gap.
 */
public final class BookPublisher implements BookListener
{
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final int OFFER_ATTEMPTS = 3;

    private final ExclusivePublication publication;
    private final EpochNanoClock clock;
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final AddOrderEncoder addOrder = new AddOrderEncoder();
    private final OrderExecutedEncoder orderExecuted = new OrderExecutedEncoder();
    private final OrderCancelEncoder orderCancel = new OrderCancelEncoder();
    private final OrderDeleteEncoder orderDelete = new OrderDeleteEncoder();
    private final OrderReplaceEncoder orderReplace = new OrderReplaceEncoder();
    private final PublisherEpochEncoder publisherEpoch = new PublisherEpochEncoder();
    private long sequence;
    private long dropped;

    /**
     * @param publication the gateway's market data stream, used by this thread only.
     * @param clock       epoch nanosecond clock for the timestamps.
     */
    public BookPublisher(final ExclusivePublication publication, final EpochNanoClock clock)
    {
        this.publication = publication;
        this.clock = clock;
    }

    /**
     * @return the last sequence number published.
     */
    public long sequence()
    {
        return sequence;
    }

    /**
     * @return messages that could not be published.
     */
    public long droppedCount()
    {
        return dropped;
    }

    /**
     * Announce that this publication continues the stream's state (a new cluster leader): the first message of its
     * session, followed by an {@code AddOrder} for each of the resting orders.
     *
     * @param epoch         grows with every publisher change (the leadership term id).
     * @param publisherId   which publisher (the member id).
     * @param restingOrders {@code AddOrder} messages that follow and restate the books.
     */
    public void announceEpoch(final long epoch, final int publisherId, final int restingOrders)
    {
        publisherEpoch.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(0)
            .publisherEpoch(epoch)
            .publisherId(publisherId)
            .restingOrders(restingOrders);
        offer(publisherEpoch.encodedLength());
    }

    /**
     * {@inheritDoc}
     */
    public void onAdd(final int instrumentId, final long orderId, final byte side, final long quantity,
        final long price)
    {
        addOrder.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(instrumentId)
            .orderId(orderId)
            .side('B' == side ? Side.BUY : Side.SELL)
            .quantity(quantity)
            .price(price)
            .attribution("TWGW");
        offer(addOrder.encodedLength());
    }

    /**
     * {@inheritDoc}
     */
    public void onExecuted(final int instrumentId, final long orderId, final long quantity, final long matchNumber)
    {
        orderExecuted.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(instrumentId)
            .orderId(orderId)
            .executedQuantity(quantity)
            .matchNumber(matchNumber);
        offer(orderExecuted.encodedLength());
    }

    /**
     * {@inheritDoc}
     */
    public void onCancel(final int instrumentId, final long orderId, final long cancelledQuantity)
    {
        orderCancel.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(instrumentId)
            .orderId(orderId)
            .cancelledQuantity(cancelledQuantity);
        offer(orderCancel.encodedLength());
    }

    /**
     * {@inheritDoc}
     */
    public void onDelete(final int instrumentId, final long orderId)
    {
        orderDelete.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(instrumentId)
            .orderId(orderId);
        offer(orderDelete.encodedLength());
    }

    /**
     * {@inheritDoc}
     */
    public void onReplace(final int instrumentId, final long originalOrderId, final long newOrderId,
        final long quantity, final long price)
    {
        orderReplace.wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(instrumentId)
            .originalOrderId(originalOrderId)
            .newOrderId(newOrderId)
            .quantity(quantity)
            .price(price);
        offer(orderReplace.encodedLength());
    }

    private void offer(final int bodyLength)
    {
        final long now = clock.nanoTime();
        buffer.putLong(MarketDataHeader.SEQUENCE_OFFSET, sequence + 1);
        buffer.putLong(MarketDataHeader.SOURCE_TIMESTAMP_OFFSET, now % NANOS_PER_DAY);
        buffer.putLong(MarketDataHeader.INGEST_TIMESTAMP_OFFSET, now);
        buffer.putLong(MarketDataHeader.PUBLISH_TIMESTAMP_OFFSET, now);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + bodyLength;
        for (int attempt = 0; attempt < OFFER_ATTEMPTS; attempt++)
        {
            if (publication.offer(buffer, 0, length) > 0)
            {
                sequence++;
                return;
            }
        }
        dropped++;
    }
}
