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
package io.tickwire.feed.ingest.itch.sim;

import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.book.InstrumentBook;
import io.tickwire.feed.book.PriceLevelBook;
import io.tickwire.feed.ingest.itch.ItchMessageType;
import io.tickwire.feed.ingest.itch.ItchNormaliser;
import io.tickwire.feed.ingest.itch.ItchText;
import io.tickwire.latency.CalibratedEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@Timeout(30)
class ItchSimulatorTest
{
    @Test
    void shouldBeDeterministicForASeed()
    {
        final ItchSimulator a = new ItchSimulator(99, 30);
        final ItchSimulator b = new ItchSimulator(99, 30);
        final ItchSimulator c = new ItchSimulator(100, 30);
        final UnsafeBuffer bufferA = new UnsafeBuffer(new byte[64]);
        final UnsafeBuffer bufferB = new UnsafeBuffer(new byte[64]);
        final UnsafeBuffer bufferC = new UnsafeBuffer(new byte[64]);
        boolean differs = false;
        for (int i = 0; i < 100_000; i++)
        {
            final int length = a.next(bufferA, 0);
            assertEquals(length, b.next(bufferB, 0));
            for (int j = 0; j < length; j++)
            {
                assertEquals(bufferA.getByte(j), bufferB.getByte(j));
            }
            final int lengthC = c.next(bufferC, 0);
            differs |= lengthC != length || bufferC.getLong(0) != bufferA.getLong(0) ||
                bufferC.getLong(8) != bufferA.getLong(8);
        }
        assertTrue(differs, "another seed gives other flow");
    }

    @Test
    void shouldOpenWithSystemEventsDirectoryAndTradingActions()
    {
        final int symbols = 25;
        final ItchSimulator simulator = new ItchSimulator(5, symbols);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final StringBuilder types = new StringBuilder();
        final Set<Long> stocks = new HashSet<>();
        for (int i = 0; i < ItchSimulator.openingMessageCount(symbols); i++)
        {
            final int length = simulator.next(buffer, 0);
            final byte type = buffer.getByte(0);
            assertEquals(ItchMessageType.length(type), length);
            types.append((char)type);
            if (type == 'R')
            {
                assertEquals(stocks.size() + 1, buffer.getShort(1, java.nio.ByteOrder.BIG_ENDIAN));
                stocks.add(buffer.getLong(11, java.nio.ByteOrder.BIG_ENDIAN));
            }
        }

        assertEquals("S" + "R".repeat(symbols) + "S" + "H".repeat(symbols) + "S", types.toString());
        assertEquals(symbols, stocks.size(), "symbols are unique");
        for (int locate = 1; locate <= symbols; locate++)
        {
            assertTrue(stocks.contains(simulator.stock(locate)));
            assertFalse(ItchText.unpack(simulator.stock(locate), 8).isEmpty());
        }
        assertEquals('A', nextType(simulator, buffer), "order flow starts with an add");
    }

    @Test
    void shouldNeverShowALockedOrCrossedBook()
    {
        // As a venue matches crossing orders: after every message of a long run, through the product's own
        // normaliser and books, every book's best bid is below its best offer.
        final ItchSimulator simulator = new ItchSimulator(42, 20);
        final ItchNormaliser normaliser = new ItchNormaliser(
            CalibratedEpochNanoClock.shared(),
            (reason, source, position, detail) -> fail(reason + " " + detail),
            "sim");
        final BookBuilder builder = new BookBuilder(null);
        final UnsafeBuffer itch = new UnsafeBuffer(new byte[128]);
        final UnsafeBuffer sbe = new UnsafeBuffer(new byte[ItchNormaliser.MAX_ENCODED_LENGTH]);
        long twoSided = 0;
        long executions = 0;
        for (int i = 1; i <= 1_000_000; i++)
        {
            final int itchLength = simulator.next(itch, 0);
            if ('E' == itch.getByte(0))
            {
                executions++;
            }
            final int length = normaliser.normalise(i, itch, 0, itchLength, sbe, 0);
            final InstrumentBook changed = length > 0 ? builder.apply(sbe, 0, length) : null;
            if (null != changed)
            {
                final long bid = changed.book().bestBidPrice();
                final long ask = changed.book().bestAskPrice();
                if (PriceLevelBook.NULL_PRICE != bid && PriceLevelBook.NULL_PRICE != ask)
                {
                    twoSided++;
                    if (bid >= ask)
                    {
                        fail("message " + i + ": " + changed.symbol() + " bid " + bid + " >= ask " + ask);
                    }
                }
            }
        }

        assertEquals(0, builder.totalBookErrors());
        assertTrue(twoSided > 900_000, "books two-sided after most messages: " + twoSided);
        assertTrue(executions > 50_000, "executions: " + executions);
    }

    @Test
    void shouldRejectImpossibleSymbolCounts()
    {
        assertThrows(IllegalArgumentException.class, () -> new ItchSimulator(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new ItchSimulator(1, 65_536));
    }

    @Test
    void shouldDeliverABoundedNumberOfMessagesFromOne()
    {
        final SimulatorSource source = new SimulatorSource(1, 10, 1_000);
        final long[] last = {0};
        while (!source.isExhausted())
        {
            source.poll((sequence, buffer, offset, length) ->
            {
                assertEquals(last[0] + 1, sequence);
                last[0] = sequence;
            }, 64);
        }
        assertEquals(1_000, last[0]);
        final long[] more = {0};
        assertEquals(0, source.poll((s, b, o, l) -> more[0]++, 64));
        assertEquals(0, more[0]);
        assertNotEquals("", source.name());
    }

    private static char nextType(final ItchSimulator simulator, final UnsafeBuffer buffer)
    {
        simulator.next(buffer, 0);
        return (char)buffer.getByte(0);
    }
}
