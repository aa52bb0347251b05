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

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Last trade and best bid/offer per instrument, written by the engine thread after each command and read by the
 * session thread's price collar. Single writer, release stores; readers may see a value one command old, which
 * is as fresh as a reference price needs to be.
 */
public final class ReferencePrices
{
    /**
     * Value when there is no price (no trade yet, empty side).
     */
    public static final long NO_PRICE = Long.MIN_VALUE;

    private static final int LAST = 0;
    private static final int BID = 1;
    private static final int ASK = 2;
    private static final int SLOTS = 3;

    private final int maxInstrumentId;
    private final AtomicLongArray prices;

    /**
     * @param maxInstrumentId the highest instrument id to hold.
     */
    public ReferencePrices(final int maxInstrumentId)
    {
        this.maxInstrumentId = maxInstrumentId;
        prices = new AtomicLongArray((maxInstrumentId + 1) * SLOTS);
        for (int i = 0; i < prices.length(); i++)
        {
            prices.set(i, NO_PRICE);
        }
    }

    /**
     * @param instrumentId instrument.
     * @return last trade price mantissa or {@link #NO_PRICE}.
     */
    public long lastTrade(final int instrumentId)
    {
        return get(instrumentId, LAST);
    }

    /**
     * @param instrumentId instrument.
     * @return best bid mantissa or {@link #NO_PRICE}.
     */
    public long bestBid(final int instrumentId)
    {
        return get(instrumentId, BID);
    }

    /**
     * @param instrumentId instrument.
     * @return best offer mantissa or {@link #NO_PRICE}.
     */
    public long bestAsk(final int instrumentId)
    {
        return get(instrumentId, ASK);
    }

    /**
     * Engine thread only.
     *
     * @param instrumentId instrument.
     * @param lastTrade    last trade or {@link #NO_PRICE}.
     * @param bestBid      best bid or {@link #NO_PRICE}.
     * @param bestAsk      best offer or {@link #NO_PRICE}.
     */
    public void update(final int instrumentId, final long lastTrade, final long bestBid, final long bestAsk)
    {
        if (instrumentId <= maxInstrumentId)
        {
            final int base = instrumentId * SLOTS;
            prices.lazySet(base + LAST, lastTrade);
            prices.lazySet(base + BID, bestBid);
            prices.lazySet(base + ASK, bestAsk);
        }
    }

    private long get(final int instrumentId, final int slot)
    {
        return instrumentId < 0 || instrumentId > maxInstrumentId ? NO_PRICE : prices.get(instrumentId * SLOTS + slot);
    }
}
