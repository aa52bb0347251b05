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

import com.sun.management.ThreadMXBean;
import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.book.BookResult;
import io.tickwire.feed.book.OrderListener;
import io.tickwire.feed.book.ReferenceFeed;
import io.tickwire.feed.ingest.itch.ItchNormaliser;
import io.tickwire.feed.ingest.itch.sim.ItchSimulator;
import io.tickwire.feed.sim.MarketDataFlowGenerator;
import io.tickwire.latency.CalibratedEpochNanoClock;
import io.tickwire.sbe.MarketDataHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@Timeout(60)
class BookBuilderTest
{
    @ParameterizedTest
    @ValueSource(longs = { 1, 42, 1234, 987_654_321 })
    void shouldEqualReferenceAfterEveryMessage(final long seed)
    {
        final MarketDataFlowGenerator generator = new MarketDataFlowGenerator(seed, 8, 150);
        final BookBuilder builder = new BookBuilder(null);
        final ReferenceFeed reference = new ReferenceFeed();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);

        for (int i = 1; i <= 60_000; i++)
        {
            final int length = generator.next(buffer, 0);
            buffer.putLong(MarketDataHeader.SEQUENCE_OFFSET, i, ByteOrder.LITTLE_ENDIAN);
            builder.apply(buffer, 0, length);
            final long instrumentId = reference.apply(buffer, 0);
            reference.assertBookEquals(instrumentId, builder.book(instrumentId), "seed " + seed + " seq " + i);
        }

        for (final long instrumentId : reference.instrumentIds())
        {
            reference.assertBookEquals(instrumentId, builder.book(instrumentId), "final, seed " + seed);
        }
        assertEquals(0, builder.totalBookErrors());
        assertEquals(0, reference.errors());
        assertEquals(8, builder.instruments().size());
    }

    @ParameterizedTest
    @ValueSource(longs = { 3, 2024, 77_777 })
    void shouldEqualReferenceOnVenueSimulatorFlowAfterEveryMessage(final long seed)
    {
        final ItchSimulator simulator = new ItchSimulator(seed, 20);
        final ItchNormaliser normaliser = new ItchNormaliser(
            CalibratedEpochNanoClock.shared(),
            (reason, source, position, detail) -> fail(reason + " " + detail),
            "sim");
        final BookBuilder builder = new BookBuilder(null);
        final ReferenceFeed reference = new ReferenceFeed();
        final UnsafeBuffer itch = new UnsafeBuffer(new byte[128]);
        final UnsafeBuffer sbe = new UnsafeBuffer(new byte[ItchNormaliser.MAX_ENCODED_LENGTH]);

        long sequence = 0;
        for (int i = 1; i <= 60_000; i++)
        {
            final int itchLength = simulator.next(itch, 0);
            final int length = normaliser.normalise(i, itch, 0, itchLength, sbe, 0);
            if (length <= 0)
            {
                continue;
            }
            sbe.putLong(MarketDataHeader.SEQUENCE_OFFSET, ++sequence, ByteOrder.LITTLE_ENDIAN);
            builder.apply(sbe, 0, length);
            final long instrumentId = reference.apply(sbe, 0);
            reference.assertBookEquals(instrumentId, builder.book(instrumentId), "seed " + seed + " seq " + sequence);
        }

        for (final long instrumentId : reference.instrumentIds())
        {
            reference.assertBookEquals(instrumentId, builder.book(instrumentId), "final, seed " + seed);
        }
        assertEquals(0, builder.totalBookErrors());
        assertEquals(0, reference.errors());
        assertEquals(20, builder.instruments().size());
        assertTrue(sequence > 50_000);
    }

    @Test
    void shouldCountUnknownOrdersAsErrors()
    {
        final MarketDataFlowGenerator generator = new MarketDataFlowGenerator(7, 2, 50);
        final BookBuilder builder = new BookBuilder(null);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final long[] reported = new long[1];
        builder.bookErrorListener((sequence, instrumentId, orderId, result) -> reported[0]++);

        // Skip every 50th message, as undetected loss would: later events then name orders the book never saw.
        for (int i = 1; i <= 20_000; i++)
        {
            final int length = generator.next(buffer, 0);
            if (i > 4 && 0 == i % 50)
            {
                continue;
            }
            builder.apply(buffer, 0, length);
        }

        assertTrue(builder.bookErrors(BookResult.UNKNOWN_ORDER) > 0, "unknown order errors");
        assertEquals(builder.totalBookErrors(), reported[0]);
    }

    @Test
    void shouldNotAllocateInSteadyState()
    {
        final int messages = 400_000;
        final MarketDataFlowGenerator generator = new MarketDataFlowGenerator(99, 16, 200);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[messages * 96]);
        final int[] offsets = new int[messages + 1];
        for (int i = 0; i < messages; i++)
        {
            offsets[i + 1] = offsets[i] + generator.next(buffer, offsets[i]);
        }

        final BookBuilder builder = new BookBuilder(null);
        final long[] sink = new long[1];
        builder.orderListener(new OrderListener()
        {
            public void onAdd(
                final long sequence,
                final long instrumentId,
                final long orderId,
                final io.tickwire.sbe.md.Side side,
                final long price,
                final long quantity)
            {
                sink[0] += quantity;
            }
        });

        final int warmUp = messages / 2;
        for (int i = 0; i < warmUp; i++)
        {
            builder.apply(buffer, offsets[i], offsets[i + 1] - offsets[i]);
        }

        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long start = threads.getCurrentThreadAllocatedBytes();
        final long overhead = threads.getCurrentThreadAllocatedBytes() - start;
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = warmUp; i < messages; i++)
        {
            builder.apply(buffer, offsets[i], offsets[i + 1] - offsets[i]);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before - overhead;

        assertEquals(0, builder.totalBookErrors());
        assertTrue(sink[0] > 0);
        // Any allocation per message would cost at least 16 bytes a message (3.2 MB here). What remains after
        // warm-up is the free lists growing when a book reaches a new high-water mark of resting orders.
        final long measured = messages - warmUp;
        assertTrue(allocated < measured / 10,
            "bytes allocated applying " + measured + " messages after warm-up: " + allocated);
    }
}
