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
package io.tickwire.fix.session;

import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Object2IntHashMap;

/**
 * The configured tradable instruments: symbol to instrument id and back, plus an optional configured reference
 * price. Parsed from {@code SYMBOL:ID} lists separated by commas; read-only once built.
 */
public final class Instruments
{
    /**
     * Returned by {@link #instrumentId(String)} for an unknown symbol.
     */
    public static final int UNKNOWN = 0;

    private final Object2IntHashMap<String> idBySymbol = new Object2IntHashMap<>(UNKNOWN);
    private final Int2ObjectHashMap<String> symbolById = new Int2ObjectHashMap<>();
    private final Int2ObjectHashMap<long[]> referenceById = new Int2ObjectHashMap<>();

    /**
     * Parse {@code AAPL:1,MSFT:2}.
     *
     * @param list instrument list.
     * @return the instruments.
     */
    public static Instruments parse(final String list)
    {
        final Instruments instruments = new Instruments();
        for (final String item : list.split(","))
        {
            final String trimmed = item.trim();
            if (trimmed.isEmpty())
            {
                continue;
            }
            final int colon = trimmed.indexOf(':');
            if (colon <= 0)
            {
                throw new IllegalArgumentException("instrument '" + trimmed + "': expected SYMBOL:ID");
            }
            instruments.add(trimmed.substring(0, colon).trim(), Integer.parseInt(trimmed.substring(colon + 1).trim()));
        }
        return instruments;
    }

    /**
     * Add one instrument.
     *
     * @param symbol       FIX Symbol (55).
     * @param instrumentId feed instrument id, above zero.
     * @return this.
     */
    public Instruments add(final String symbol, final int instrumentId)
    {
        if (instrumentId <= 0)
        {
            throw new IllegalArgumentException("instrument id of " + symbol + " must be positive: " + instrumentId);
        }
        if (idBySymbol.containsKey(symbol) || symbolById.containsKey(instrumentId))
        {
            throw new IllegalArgumentException("duplicate instrument " + symbol + ":" + instrumentId);
        }
        idBySymbol.put(symbol, instrumentId);
        symbolById.put(instrumentId, symbol);
        return this;
    }

    /**
     * Set configured reference prices from {@code AAPL:150.25,MSFT:300}.
     *
     * @param list reference price list, may be empty.
     * @return this.
     */
    public Instruments referencePrices(final String list)
    {
        for (final String item : list.split(","))
        {
            final String trimmed = item.trim();
            if (trimmed.isEmpty())
            {
                continue;
            }
            final int colon = trimmed.indexOf(':');
            final String symbol = colon > 0 ? trimmed.substring(0, colon).trim() : trimmed;
            final int id = instrumentId(symbol);
            final long mantissa = colon > 0 ? FixDecimals.parsePrice(trimmed.substring(colon + 1).trim()) : -1;
            if (UNKNOWN == id || mantissa <= 0)
            {
                throw new IllegalArgumentException("reference price '" + trimmed + "': expected SYMBOL:PRICE of a " +
                    "configured symbol");
            }
            referenceById.put(id, new long[]{ mantissa });
        }
        return this;
    }

    /**
     * @param symbol FIX Symbol (55).
     * @return its instrument id or {@link #UNKNOWN}.
     */
    public int instrumentId(final String symbol)
    {
        return idBySymbol.getValue(symbol);
    }

    /**
     * @param instrumentId instrument id.
     * @return symbol or null.
     */
    public String symbol(final int instrumentId)
    {
        return symbolById.get(instrumentId);
    }

    /**
     * @param instrumentId instrument id.
     * @return configured reference price mantissa, or {@link Long#MIN_VALUE} when none.
     */
    public long configuredReferencePrice(final int instrumentId)
    {
        final long[] price = referenceById.get(instrumentId);
        return null == price ? Long.MIN_VALUE : price[0];
    }

    /**
     * @return every instrument id.
     */
    public int[] instrumentIds()
    {
        final int[] ids = new int[symbolById.size()];
        int i = 0;
        for (final int id : symbolById.keySet())
        {
            ids[i++] = id;
        }
        return ids;
    }

    /**
     * @return the highest instrument id, 0 if none.
     */
    public int maxInstrumentId()
    {
        int max = 0;
        for (final int id : symbolById.keySet())
        {
            max = Math.max(max, id);
        }
        return max;
    }

    /**
     * @return symbols for the banner.
     */
    public String toString()
    {
        return idBySymbol.toString();
    }
}
