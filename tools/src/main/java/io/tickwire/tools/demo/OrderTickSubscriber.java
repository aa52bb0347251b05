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
package io.tickwire.tools.demo;

import io.tickwire.feed.book.OrderListener;
import io.tickwire.sbe.md.Side;
import org.HdrHistogram.Recorder;
import org.agrona.collections.Long2LongHashMap;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Times each demo order to the first market data message it caused, as the subscriber's book saw it: a resting
 * order to its {@code AddOrder} (found by side and price), an aggressor to the {@code OrderExecuted} of the resting
 * order it hit (found by that order's id, learnt from its {@code AddOrder}). Measured from the order's intended send
 * time on {@link System#nanoTime()}, as {@code bench order-to-tick} does: sender and subscriber share the process.
 * Runs on the subscriber's thread; no allocation once the map of resting orders awaiting their aggressor is sized.
 */
final class OrderTickSubscriber implements OrderListener
{
    private static final long NONE = -1;

    private final CrossingOrders flow;
    private final long[] intendedNanos;
    private final boolean[] seen;
    private volatile long warmupEndsNanos = Long.MAX_VALUE;
    private final Long2LongHashMap restingPairByOrderId = new Long2LongHashMap(1024, 0.65f, NONE);
    private final Recorder tickWarmup = new Recorder(3);
    private final Recorder tick = new Recorder(3);
    private final AtomicLong adds = new AtomicLong();
    private final AtomicLong executions = new AtomicLong();
    private final AtomicLong executedQuantity = new AtomicLong();
    private final AtomicLong ordersSeen = new AtomicLong();
    private final AtomicLong unknownTicks = new AtomicLong();

    /**
     * @param flow            the orders' sides and prices.
     * @param intendedNanos   intended send time of each order, filled in before {@link #warmupEnds(long)}.
     */
    OrderTickSubscriber(final CrossingOrders flow, final long[] intendedNanos)
    {
        this.flow = flow;
        this.intendedNanos = intendedNanos;
        this.seen = new boolean[intendedNanos.length];
    }

    /**
     * Called once the intended send times are set, before the first order is sent (the volatile write publishes
     * them to the subscriber's thread).
     *
     * @param nanos orders due before this are timed apart, as warm-up.
     */
    void warmupEnds(final long nanos)
    {
        warmupEndsNanos = nanos;
    }

    /**
     * {@inheritDoc}
     */
    public void onAdd(
        final long sequence,
        final long instrumentId,
        final long orderId,
        final Side side,
        final long price,
        final long quantity)
    {
        final long now = System.nanoTime();
        final long warmupEnds = warmupEndsNanos;
        adds.setRelease(adds.getPlain() + 1);
        final int order = flow.restingOrder(side, price);
        if (order < 0 || order >= intendedNanos.length || seen[order])
        {
            unknownTicks.setRelease(unknownTicks.getPlain() + 1);
            return;
        }
        restingPairByOrderId.put(orderId, order >> 1);
        record(order, now, warmupEnds);
    }

    /**
     * {@inheritDoc}
     */
    public void onExecute(
        final long sequence,
        final long instrumentId,
        final long orderId,
        final long quantity,
        final long executionPrice,
        final long matchNumber)
    {
        final long now = System.nanoTime();
        final long warmupEnds = warmupEndsNanos;
        executions.setRelease(executions.getPlain() + 1);
        executedQuantity.setRelease(executedQuantity.getPlain() + quantity);
        final long pair = restingPairByOrderId.remove(orderId);
        final int aggressor = NONE == pair ? -1 : (int)(2 * pair + 1);
        if (aggressor < 0 || aggressor >= intendedNanos.length || seen[aggressor])
        {
            unknownTicks.setRelease(unknownTicks.getPlain() + 1);
            return;
        }
        record(aggressor, now, warmupEnds);
    }

    private void record(final int order, final long now, final long warmupEnds)
    {
        seen[order] = true;
        final long intended = intendedNanos[order];
        (intended < warmupEnds ? tickWarmup : tick).recordValue(Math.max(0, now - intended));
        ordersSeen.setRelease(ordersSeen.getPlain() + 1);
    }

    Recorder tickRecorder(final boolean warmup)
    {
        return warmup ? tickWarmup : tick;
    }

    /**
     * @return {@code AddOrder} messages applied.
     */
    long adds()
    {
        return adds.get();
    }

    /**
     * @return {@code OrderExecuted} messages applied: one per trade.
     */
    long executions()
    {
        return executions.get();
    }

    long executedQuantity()
    {
        return executedQuantity.get();
    }

    /**
     * @return orders whose market data message was seen.
     */
    long ordersSeen()
    {
        return ordersSeen.get();
    }

    /**
     * @return book changes that named no order of the flow, or one already seen.
     */
    long unknownTicks()
    {
        return unknownTicks.get();
    }
}
