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
package io.tickwire.feed.book;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.Side;
import org.agrona.concurrent.UnsafeBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzz target for the subscriber's market data decoding, {@link BookBuilder#apply}, over arbitrary
 * bytes. In {@code mvn verify} it replays the seed corpus under
 * {@code src/test/resources/io/tickwire/feed/book/BookBuilderFuzzTestInputs/}; docs/HARDENING.md says how to fuzz
 * it for real.
 * <p>
 * The input is a run of messages, each a u16 little-endian length and the message (as Aeron frames them; a length
 * past the end takes what is left). Each is copied into a buffer of exactly its length, so a read past the message
 * throws instead of reading the next frame. Properties: nothing throws; a message too short for the market data
 * header is counted malformed and one of another schema or an unknown template is counted unknown, each exactly
 * once; and after every message every book is whole: each side's levels strictly ordered (bids down, asks up),
 * each level's order count and quantity those of its orders, every order positive, on its level's side and price,
 * and found by its id, and the book's order count the sum over its levels; a market-by-price book never holds more
 * levels than its depth.
 */
class BookBuilderFuzzTest
{
    @FuzzTest(maxDuration = "60s")
    void applyMessages(final byte[] input)
    {
        final BookBuilder builder = new BookBuilder(null)
            .orderListener(new OrderListener()
            {
            })
            .instrumentListener(new InstrumentListener()
            {
            })
            .tradeListener((sequence, instrumentId, price, quantity, matchNumber) -> {})
            .bookErrorListener((sequence, instrumentId, orderId, result) -> {});

        int position = 0;
        while (position < input.length)
        {
            final int declared = position + 1 < input.length ?
                (input[position] & 0xFF) | ((input[position + 1] & 0xFF) << 8) : 0;
            position = Math.min(position + 2, input.length);
            final int length = Math.min(declared, input.length - position);
            final byte[] message = new byte[length];
            System.arraycopy(input, position, message, 0, length);
            position += length;

            final long malformedBefore = builder.malformedMessages();
            final long unknownBefore = builder.unknownTemplateMessages();
            final InstrumentBook changed = builder.apply(new UnsafeBuffer(message), 0, length);
            final long counted = builder.malformedMessages() - malformedBefore +
                builder.unknownTemplateMessages() - unknownBefore;
            assertTrue(counted <= 1, "a message is counted at most once");
            if (length < MarketDataHeader.MIN_MESSAGE_LENGTH)
            {
                assertEquals(1, builder.malformedMessages() - malformedBefore, "short message not counted");
            }
            if (counted > 0)
            {
                assertEquals(null, changed, "a message counted as bad changed a book");
            }
            for (final InstrumentBook instrument : builder.instruments())
            {
                assertWhole(instrument.book());
                if (null != instrument.priceLevelBook())
                {
                    assertWhole(instrument.priceLevelBook());
                    assertWhole(instrument.impliedBook());
                }
            }
        }
    }

    private static void assertWhole(final OrderBook book)
    {
        final int orders = assertSide(book, Side.BUY) + assertSide(book, Side.SELL);
        assertEquals(book.orderCount(), orders, "orders by id against orders on levels");
    }

    private static void assertWhole(final MarketByPriceBook book)
    {
        // Prices may be out of order (applied as the venue sent them and reported), but never beyond the depth.
        for (final Side side : new Side[]{ Side.BUY, Side.SELL })
        {
            assertTrue(book.depth(side) <= book.marketDepth(), side + " levels beyond the depth");
            for (int i = 0; i < book.depth(side); i++)
            {
                book.price(side, i);
                book.quantity(side, i);
                book.orderCount(side, i);
            }
        }
    }

    private static int assertSide(final OrderBook book, final Side side)
    {
        int orders = 0;
        long previousPrice = 0;
        for (int i = 0; i < book.depth(side); i++)
        {
            final PriceLevel level = book.level(side, i);
            assertNotNull(level);
            assertEquals(side, level.side());
            if (i > 0)
            {
                assertTrue(Side.BUY == side ? level.price() < previousPrice : level.price() > previousPrice,
                    side + " level " + i + " out of order");
            }
            previousPrice = level.price();

            int count = 0;
            long quantity = 0;
            for (Order order = level.firstOrder(); null != order; order = order.next())
            {
                assertTrue(order.quantity() > 0, "order " + order.orderId() + " of quantity " + order.quantity());
                assertEquals(side, order.side());
                assertEquals(level.price(), order.price());
                assertSame(order, book.order(order.orderId()));
                assertTrue(++count <= book.orderCount(), "cycle in the orders of a level");
                quantity += order.quantity();
            }
            assertTrue(count > 0, "empty level left in the book");
            assertEquals(level.orderCount(), count);
            assertEquals(level.quantity(), quantity);
            orders += count;
        }
        return orders;
    }
}
