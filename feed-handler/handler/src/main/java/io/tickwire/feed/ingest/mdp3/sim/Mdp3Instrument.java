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
package io.tickwire.feed.ingest.mdp3.sim;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * A simulated CME futures contract: what its definition (template 54) says about it, and its market state - the
 * bid and offer price-level books, the per-instrument RptSeq and the cumulative traded volume. Contracts are the
 * quarterly expiries (H, M, U, Z from March 2027) of twelve liquid products with their real tick sizes,
 * multipliers and price levels of late 2026; prices on the wire are Decimal9 / PRICE9 mantissas (exponent -9).
 */
final class Mdp3Instrument
{
    /** Products: the contracts cycle through them, one expiry after another. */
    static final int PRODUCTS = 12;
    /** Quarterly expiries per product, five years of them. */
    static final int EXPIRIES = 20;

    private static final String[] ROOTS = { "ES", "NQ", "CL", "GC", "ZN", "6E", "YM", "RTY", "NG", "SI", "ZB", "HG" };
    private static final long[] TICKS = {
        250_000_000L, 250_000_000L, 10_000_000L, 100_000_000L, 15_625_000L, 50_000L, 1_000_000_000L, 100_000_000L,
        1_000_000L, 5_000_000L, 31_250_000L, 500_000L,
    };
    // Price levels in ticks: 6000.00, 21000.00, 70.00, 2650.0, 110-16, 1.05000, 44000, 2400.0, 3.500, 31.000,
    // 118-00, 4.2000.
    private static final long[] START_TICKS = {
        24_000, 84_000, 7_000, 26_500, 7_072, 21_000, 44_000, 24_000, 3_500, 6_200, 3_776, 8_400,
    };
    private static final int[] MULTIPLIERS = { 50, 20, 1000, 100, 1000, 125_000, 5, 50, 10_000, 5000, 1000, 25_000 };
    private static final String[] UNITS = {
        "IPNT", "IPNT", "BBL", "OZTR", "USD", "EUR", "IPNT", "IPNT", "MMBTU", "OZTR", "USD", "LBS",
    };
    // FIX Product (UnderlyingProduct): 5 equity, 2 commodity, 6 government, 4 currency.
    private static final short[] PRODUCT_CODES = { 5, 5, 2, 2, 6, 4, 5, 5, 2, 2, 6, 2 };
    private static final short[] SEGMENTS = { 64, 64, 80, 72, 76, 68, 64, 64, 80, 72, 76, 72 };
    private static final char[] MONTH_CODES = { 'H', 'M', 'U', 'Z' };

    final int securityId;
    final String root;
    final String symbol;
    final long tickMantissa;
    final int multiplier;
    final String unitOfMeasure;
    final short underlyingProduct;
    final short marketSegmentId;
    final int maturityYear;
    final short maturityMonth;
    final long activationNs;
    final long lastTradeNs;
    final long referencePriceTicks;

    final Mdp3BookSide bids;
    final Mdp3BookSide offers;
    long rptSeq;
    int volume;

    /**
     * The contract number {@code index} of the simulation.
     *
     * @param index      0-based; product {@code index % 12}, expiry {@code index / 12}.
     * @param securityId its SecurityID.
     * @param priceTicks where its market starts, in ticks.
     * @param depth      book depth (GBX market depth).
     */
    Mdp3Instrument(final int index, final int securityId, final long priceTicks, final int depth)
    {
        final int product = index % PRODUCTS;
        final int expiry = index / PRODUCTS;
        this.securityId = securityId;
        this.root = ROOTS[product];
        this.maturityYear = 2027 + expiry / MONTH_CODES.length;
        this.maturityMonth = (short)(3 * (1 + expiry % MONTH_CODES.length));
        this.symbol = root + MONTH_CODES[expiry % MONTH_CODES.length] + (maturityYear % 10);
        this.tickMantissa = TICKS[product];
        this.multiplier = MULTIPLIERS[product];
        this.unitOfMeasure = UNITS[product];
        this.underlyingProduct = PRODUCT_CODES[product];
        this.marketSegmentId = SEGMENTS[product];
        final LocalDate lastTrade = LocalDate.of(maturityYear, maturityMonth, 1)
            .with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY));
        this.lastTradeNs = lastTrade.atTime(13, 30).toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
        this.activationNs = lastTrade.minusYears(1).atTime(22, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
        this.referencePriceTicks = priceTicks;
        this.bids = new Mdp3BookSide(true, depth);
        this.offers = new Mdp3BookSide(false, depth);
    }

    /**
     * Where a product's prices start, in ticks.
     *
     * @param index contract number.
     * @return the product's price level of late 2026 in ticks.
     */
    static long startTicks(final int index)
    {
        return START_TICKS[index % PRODUCTS];
    }

    /**
     * A price in ticks as a PRICE9 mantissa.
     *
     * @param ticks price in ticks.
     * @return the mantissa, exponent -9.
     */
    long mantissa(final long ticks)
    {
        return ticks * tickMantissa;
    }

    Mdp3BookSide side(final boolean bid)
    {
        return bid ? bids : offers;
    }

    long nextRptSeq()
    {
        return ++rptSeq;
    }
}
