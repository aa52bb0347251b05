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

import io.tickwire.sbe.internal.CancelOrderCommandEncoder;
import io.tickwire.sbe.internal.FillEventDecoder;
import io.tickwire.sbe.internal.MessageHeaderEncoder;
import io.tickwire.sbe.internal.NewOrderCommandEncoder;
import io.tickwire.sbe.internal.OrderType;
import io.tickwire.sbe.internal.RejectReason;
import io.tickwire.sbe.internal.Side;
import io.tickwire.sbe.internal.TimeInForce;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's order path (decode command, match, rest, cancel, encode events) allocates nothing once warm.
 */
@Timeout(30)
class MatchingEngineAllocationTest
{
    private final OneToOneRingBuffer commands = ring(1 << 16);
    private final ManyToOneRingBuffer control = new ManyToOneRingBuffer(newBuffer(1 << 12));
    private final OneToOneRingBuffer events = ring(1 << 20);
    private final MatchingEngine engine = new MatchingEngine(
        new int[]{ 7 }, commands, control, events, new ReferencePrices(7), BookListener.NO_OP,
        NoOpIdleStrategy.INSTANCE, 256);
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final NewOrderCommandEncoder newOrder = new NewOrderCommandEncoder();
    private final CancelOrderCommandEncoder cancel = new CancelOrderCommandEncoder();
    private long fills;
    private final MessageHandler eventHandler = (msgTypeId, b, index, length) ->
    {
        if (msgTypeId == FillEventDecoder.TEMPLATE_ID)
        {
            fills++;
        }
    };
    private long nextId = 1;

    // Fixed-length ids written as bytes: encoding a String would allocate on this (measured) thread.
    private static final byte[] CLORDID_C = java.util.Arrays.copyOf(new byte[]{ 'C' }, 32);
    private final byte[] scratchClOrdId = new byte[32];

    /**
     * A unique id per order (the engine refuses a session's reused ClOrdID), written without allocating.
     */
    private byte[] clOrdId(final char prefix, final long number)
    {
        java.util.Arrays.fill(scratchClOrdId, (byte)0);
        scratchClOrdId[0] = (byte)prefix;
        int end = 1;
        for (long rest = number; rest > 0; rest /= 10)
        {
            end++;
        }
        long rest = number;
        for (int i = end - 1; i >= 1; i--)
        {
            scratchClOrdId[i] = (byte)('0' + rest % 10);
            rest /= 10;
        }
        return scratchClOrdId;
    }

    private static OneToOneRingBuffer ring(final int capacity)
    {
        return new OneToOneRingBuffer(newBuffer(capacity));
    }

    private static UnsafeBuffer newBuffer(final int capacity)
    {
        return new UnsafeBuffer(ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH));
    }

    private void order(final Side side, final long quantity, final long price, final TimeInForce tif)
    {
        final long id = nextId++;
        newOrder.wrapAndApplyHeader(buffer, 0, header)
            .correlationId(id)
            .receiveNanos(id)
            .sessionIndex(0)
            .instrumentId(7)
            .side(side)
            .orderType(OrderType.LIMIT)
            .timeInForce(tif)
            .quantity(quantity)
            .price(price)
            .putClOrdId(clOrdId('C', id), 0)
            .orderId(id)
            .rejectReason(RejectReason.NONE)
            .limitValue(0)
            .actualValue(0);
        assertTrue(commands.write(NewOrderCommandEncoder.TEMPLATE_ID, buffer, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + newOrder.encodedLength()));
    }

    private void cancel(final long orderId)
    {
        cancel.wrapAndApplyHeader(buffer, 0, header)
            .correlationId(orderId)
            .receiveNanos(orderId)
            .sessionIndex(0)
            .instrumentId(7)
            .orderId(orderId)
            .putClOrdId(clOrdId('X', orderId), 0)
            .putOrigClOrdId(CLORDID_C, 0);
        assertTrue(commands.write(CancelOrderCommandEncoder.TEMPLATE_ID, buffer, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + cancel.encodedLength()));
    }

    private void cycle(final int rounds)
    {
        for (int i = 0; i < rounds; i++)
        {
            order(Side.SELL, 10, 1000 + (i % 5), TimeInForce.DAY);
            order(Side.SELL, 10, 1000 + (i % 5), TimeInForce.DAY);
            order(Side.BUY, 15, 1010, TimeInForce.IOC);
            final long toCancel = nextId - 2;
            cancel(toCancel);
            order(Side.BUY, 5, 990, TimeInForce.DAY);
            cancel(nextId - 1);
            while (engine.doWork() > 0)
            {
                events.read(eventHandler, Integer.MAX_VALUE);
            }
            events.read(eventHandler, Integer.MAX_VALUE);
        }
    }

    @Test
    void shouldNotAllocateOnOrderPathOnceWarm()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();
        cycle(20_000);

        final long fillsBefore = fills;
        final long before = threads.getThreadAllocatedBytes(threadId);
        cycle(10_000);
        final long allocated = threads.getThreadAllocatedBytes(threadId) - before;

        assertEquals(10_000L * 4, fills - fillsBefore, "each round: 15 buy against 10 + 5 of the sells, both sides");
        assertTrue(allocated < 10_000, "bytes allocated for 60,000 commands: " + allocated);
    }
}
