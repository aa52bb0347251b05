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
package io.tickwire.feed.cli;

import io.tickwire.feed.book.MarketByPriceBook;
import io.tickwire.feed.book.OrderBook;
import io.tickwire.feed.book.PriceLevelBook;
import io.tickwire.sbe.md.PriceLevelAction;
import io.tickwire.sbe.md.Side;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BookLinesTest
{
    @Test
    void shouldWritePricesAtTheirInstrumentsExponent()
    {
        assertEquals("123.4500", BookLines.price(1_234_500, -4));
        assertEquals("5000.25", BookLines.price(5_000_250_000_000L, -9));
        assertEquals("5000.00", BookLines.price(5_000_000_000_000L, -9));
        assertEquals("0.000000001", BookLines.price(1, -9));
        // A calendar spread trades at negative prices too.
        assertEquals("-0.25", BookLines.price(-250_000_000L, -9));
        assertEquals("-", BookLines.price(PriceLevelBook.NULL_PRICE, -9));
    }

    @Test
    void shouldWriteImpliedLevelsApartFromTheOutrightOnes()
    {
        final MarketByPriceBook outright = new MarketByPriceBook(1, false, 10);
        final MarketByPriceBook implied = new MarketByPriceBook(1, true, 2);
        outright.apply(PriceLevelAction.NEW, Side.BUY, 1, 5_000_000_000_000L, 7, 3);
        outright.apply(PriceLevelAction.NEW, Side.BUY, 2, 4_999_750_000_000L, 9, 4);
        outright.apply(PriceLevelAction.NEW, Side.SELL, 1, 5_000_250_000_000L, 2, 1);
        implied.apply(PriceLevelAction.NEW, Side.SELL, 1, 5_000_500_000_000L, 40, 0);

        assertEquals("ESZ6 bids 7@5000.00 | asks 2@5000.25 | implied bids | implied asks 40@5000.50",
            BookLines.formatBook("ESZ6", outright, implied, 1, -9));
        assertEquals("ESZ6 bids 7@5000.00 9@4999.75 | asks 2@5000.25 | implied bids | implied asks 40@5000.50",
            BookLines.formatBook("ESZ6", outright, implied, 5, -9));
        implied.clear();
        assertEquals("ESZ6 bids 7@5000.00 9@4999.75 | asks 2@5000.25",
            BookLines.formatBook("ESZ6", outright, implied, 5, -9));
    }

    @Test
    void shouldWriteAnOrderBookAsBefore()
    {
        final OrderBook book = new OrderBook(1);
        book.add(1, Side.BUY, 1_000_000, 100);
        book.add(2, Side.SELL, 1_000_100, 200);

        assertEquals("AAPL bids 100@100.0000 | asks 200@100.0100", BookLines.formatBook("AAPL", book, null, 5, -4));
    }
}
