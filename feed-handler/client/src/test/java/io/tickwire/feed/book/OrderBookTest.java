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

import io.tickwire.sbe.md.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@Timeout(30)
class OrderBookTest
{
    private final OrderBook book = new OrderBook(7);

    @Test
    void shouldKeepPriceTimePriorityAndAggregateLevels()
    {
        assertEquals(BookResult.APPLIED, book.add(1, Side.BUY, 100_0000, 100));
        assertEquals(BookResult.APPLIED, book.add(2, Side.BUY, 101_0000, 200));
        assertEquals(BookResult.APPLIED, book.add(3, Side.BUY, 100_0000, 300));
        assertEquals(BookResult.APPLIED, book.add(4, Side.SELL, 102_0000, 50));
        assertEquals(BookResult.APPLIED, book.add(5, Side.SELL, 103_0000, 60));
        assertEquals(BookResult.APPLIED, book.add(6, Side.SELL, 102_0000, 70));

        assertEquals(List.of(List.of(101_0000L, 2L, 200L), List.of(100_0000L, 1L, 100L, 3L, 300L)),
            ReferenceBook.orders(book, Side.BUY));
        assertEquals(List.of(List.of(102_0000L, 4L, 50L, 6L, 70L), List.of(103_0000L, 5L, 60L)),
            ReferenceBook.orders(book, Side.SELL));
        assertEquals(List.of(List.of(101_0000L, 200L, 1L), List.of(100_0000L, 400L, 2L)),
            ReferenceBook.levels2(book, Side.BUY));
        assertEquals(101_0000L, book.bestBidPrice());
        assertEquals(200L, book.bestBidQuantity());
        assertEquals(102_0000L, book.bestAskPrice());
        assertEquals(120L, book.bestAskQuantity());
        assertEquals(6, book.orderCount());
    }

    @Test
    void shouldExecuteCancelDeleteAndReplaceLosingPriority()
    {
        book.add(1, Side.BUY, 100, 100);
        book.add(2, Side.BUY, 100, 100);
        book.add(3, Side.BUY, 99, 100);

        assertEquals(BookResult.APPLIED, book.execute(1, 40));
        assertEquals(BookResult.APPLIED, book.cancel(2, 10));
        assertEquals(List.of(List.of(100L, 1L, 60L, 2L, 90L), List.of(99L, 3L, 100L)),
            ReferenceBook.orders(book, Side.BUY));

        assertEquals(BookResult.APPLIED, book.replace(1, 10, 500, 100));
        assertEquals(List.of(List.of(100L, 2L, 90L, 10L, 500L), List.of(99L, 3L, 100L)),
            ReferenceBook.orders(book, Side.BUY));

        assertEquals(BookResult.APPLIED, book.delete(3));
        assertEquals(BookResult.APPLIED, book.execute(2, 90));
        assertNull(book.order(2));
        assertEquals(List.of(List.of(100L, 10L, 500L)), ReferenceBook.orders(book, Side.BUY));
        assertEquals(1, book.orderCount());
    }

    @Test
    void shouldReportErrorsWithoutChangingTheBook()
    {
        book.add(1, Side.SELL, 100, 100);

        assertEquals(BookResult.UNKNOWN_ORDER, book.execute(9, 10));
        assertEquals(BookResult.UNKNOWN_ORDER, book.cancel(9, 10));
        assertEquals(BookResult.UNKNOWN_ORDER, book.delete(9));
        assertEquals(BookResult.UNKNOWN_ORDER, book.replace(9, 10, 1, 1));
        assertEquals(BookResult.DUPLICATE_ORDER_ID, book.add(1, Side.BUY, 1, 1));
        assertEquals(BookResult.INVALID_ORDER, book.add(2, Side.BUY, 1, 0));
        assertEquals(BookResult.INVALID_ORDER, book.add(2, Side.NULL_VAL, 1, 10));
        assertEquals(List.of(List.of(100L, 1L, 100L)), ReferenceBook.orders(book, Side.SELL));

        assertEquals(BookResult.QUANTITY_EXCEEDS_OPEN, book.execute(1, 150));
        assertEquals(0, book.orderCount());
        assertEquals(0, book.depth(Side.SELL));
    }

    @Test
    void shouldReportLockedAndCrossedBooks()
    {
        book.add(1, Side.BUY, 100, 10);
        book.add(2, Side.SELL, 101, 10);
        assertEquals(CrossState.NORMAL, book.crossState());

        book.add(3, Side.BUY, 101, 10);
        assertEquals(CrossState.LOCKED, book.crossState());

        book.add(4, Side.BUY, 102, 10);
        assertEquals(CrossState.CROSSED, book.crossState());

        book.delete(4);
        book.delete(3);
        assertEquals(CrossState.NORMAL, book.crossState());
    }

    @Test
    void shouldClearAndReuseOrders()
    {
        for (int i = 0; i < 100; i++)
        {
            book.add(i, 0 == (i & 1) ? Side.BUY : Side.SELL, 1000 + (i % 10) * (0 == (i & 1) ? -1 : 1), 10);
        }
        assertEquals(100, book.orderCount());

        book.clear();
        assertEquals(0, book.orderCount());
        assertEquals(0, book.depth(Side.BUY));
        assertEquals(PriceLevelBook.NULL_PRICE, book.bestAskPrice());

        book.add(1, Side.BUY, 5, 5);
        assertEquals(List.of(List.of(5L, 1L, 5L)), ReferenceBook.orders(book, Side.BUY));
    }

    @Test
    void shouldRankOrdersByVenuePriorityWhateverTheirArrival()
    {
        assertEquals(BookResult.APPLIED, book.addByPriority(1, Side.SELL, 100, 5, 30));
        assertEquals(BookResult.APPLIED, book.addByPriority(2, Side.SELL, 100, 6, 10));
        assertEquals(BookResult.APPLIED, book.addByPriority(3, Side.SELL, 100, 7, 20));
        assertEquals(BookResult.APPLIED, book.addByPriority(4, Side.SELL, 100, 8, 40));
        assertEquals(List.of(2L, 3L, 1L, 4L), ids(book.level(Side.SELL, 0)));
        assertEquals(26, book.bestAskQuantity());

        // A quantity change at the same priority keeps the place; a new priority ranks the order again.
        assertEquals(BookResult.APPLIED, book.changeByPriority(3, Side.SELL, 100, 1, 20));
        assertEquals(List.of(2L, 3L, 1L, 4L), ids(book.level(Side.SELL, 0)));
        assertEquals(20, book.bestAskQuantity());
        assertEquals(BookResult.APPLIED, book.changeByPriority(2, Side.SELL, 100, 6, 50));
        assertEquals(List.of(3L, 1L, 4L, 2L), ids(book.level(Side.SELL, 0)));
        assertEquals(BookResult.APPLIED, book.changeByPriority(4, Side.SELL, 99, 8, 60));
        assertEquals(99, book.bestAskPrice());
        assertEquals(List.of(3L, 1L, 2L), ids(book.level(Side.SELL, 1)));

        assertEquals(BookResult.UNKNOWN_ORDER, book.changeByPriority(9, Side.SELL, 100, 1, 1));
        assertEquals(BookResult.DUPLICATE_ORDER_ID, book.addByPriority(1, Side.SELL, 100, 1, 1));
        assertEquals(BookResult.INVALID_ORDER, book.changeByPriority(1, Side.SELL, 100, 0, 30));
        assertEquals(4, book.orderCount());
    }

    private static List<Long> ids(final PriceLevel level)
    {
        final List<Long> ids = new ArrayList<>();
        for (Order order = level.firstOrder(); null != order; order = order.next())
        {
            ids.add(order.orderId());
        }
        return ids;
    }
}
