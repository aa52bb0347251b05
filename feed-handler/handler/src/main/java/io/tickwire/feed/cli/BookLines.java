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

import io.tickwire.feed.book.InstrumentBook;
import io.tickwire.feed.book.PriceLevelBook;
import io.tickwire.sbe.md.Side;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How {@code feed subscribe} writes prices and books: prices at each instrument's own exponent (ITCH's
 * -4 with four decimals as always, CME's -9 with its significant decimals), a book as its top levels per side, and a
 * market-by-price instrument's implied levels apart from its outright ones.
 */
final class BookLines
{
    /** Exponent of ITCH prices, and of an instrument whose definition has not arrived yet. */
    static final int ITCH_PRICE_EXPONENT = -4;

    private BookLines()
    {
    }

    static String price(final long price)
    {
        return PriceLevelBook.NULL_PRICE == price ? "-" :
            String.format(Locale.ROOT, "%d.%04d", price / 10_000, Math.abs(price % 10_000));
    }

    static int exponentOf(final InstrumentBook instrument)
    {
        // Until its definition arrives an instrument's exponent is unknown: ITCH's, the feed's first venue.
        return null == instrument || 0 == instrument.priceExponent() ? ITCH_PRICE_EXPONENT : instrument.priceExponent();
    }

    static String price(final long price, final int exponent)
    {
        if (ITCH_PRICE_EXPONENT == exponent || PriceLevelBook.NULL_PRICE == price)
        {
            return price(price);
        }
        // CME's exponent -9 would print nine decimals of zeros: only the significant ones, at least two.
        final BigDecimal value = BigDecimal.valueOf(price, -exponent).stripTrailingZeros();
        return (value.scale() < 2 ? value.setScale(2) : value).toPlainString();
    }

    static String formatBook(
        final String symbol,
        final PriceLevelBook book,
        final PriceLevelBook implied,
        final int depth,
        final int exponent)
    {
        final StringBuilder sb = new StringBuilder(symbol);
        appendLevels(sb.append(" bids"), book, Side.BUY, depth, exponent);
        appendLevels(sb.append(" | asks"), book, Side.SELL, depth, exponent);
        // A market-by-price instrument's implied levels are a book of their own: shown apart, when there are any.
        if (null != implied && implied.depth(Side.BUY) + implied.depth(Side.SELL) > 0)
        {
            appendLevels(sb.append(" | implied bids"), implied, Side.BUY, depth, exponent);
            appendLevels(sb.append(" | implied asks"), implied, Side.SELL, depth, exponent);
        }
        return sb.toString();
    }

    private static void appendLevels(
        final StringBuilder sb, final PriceLevelBook book, final Side side, final int depth, final int exponent)
    {
        for (int i = 0, n = Math.min(depth, book.depth(side)); i < n; i++)
        {
            sb.append(' ').append(book.quantity(side, i)).append('@').append(price(book.price(side, i), exponent));
        }
    }
}
