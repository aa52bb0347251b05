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
package io.tickwire.fix.risk;

import io.tickwire.sbe.internal.RejectReason;

/**
 * Pre-trade checks of one session, run on the session thread before a command reaches the engine. A failed
 * check leaves the reason, the limit and the offending value in {@link #reason()}, {@link #limitValue()} and
 * {@link #actualValue()}, so that the reject can say which limit and the values. Allocation free.
 * <p>
 * Order of checks: kill switch, order rate, quantity, notional, price collar. Duplicate ClOrdID is checked by the
 * session (it owns the ClOrdID index) before these.
 */
public final class PreTradeRisk
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final double PRICE_SCALE = 10_000.0;
    private static final long BPS = 10_000L;

    private final RiskLimits limits;
    private final ReferencePriceSource referencePrices;
    private long windowStartNanos = Long.MIN_VALUE;
    private int windowCount;
    private RejectReason reason = RejectReason.NONE;
    private long limitValue;
    private long actualValue;

    /**
     * @param limits          the session's limits.
     * @param referencePrices reference prices for the collar.
     */
    public PreTradeRisk(final RiskLimits limits, final ReferencePriceSource referencePrices)
    {
        this.limits = limits;
        this.referencePrices = referencePrices;
    }

    /**
     * @return the limits checked.
     */
    public RiskLimits limits()
    {
        return limits;
    }

    /**
     * Check a new order or the new terms of a replace.
     *
     * @param instrumentId instrument.
     * @param quantity     order quantity.
     * @param price        limit price mantissa (ignored for market orders).
     * @param market       whether it is a market order.
     * @param nowNanos     monotonic time of receipt, for the throttle.
     * @return true when every check passes.
     */
    public boolean check(
        final int instrumentId, final long quantity, final long price, final boolean market, final long nowNanos)
    {
        reason = RejectReason.NONE;
        limitValue = 0;
        actualValue = 0;
        if (limits.killSwitch())
        {
            return fail(RejectReason.KILL_SWITCH, 0, 0);
        }
        if (!checkRate(nowNanos))
        {
            return false;
        }
        if (limits.maxOrderQuantity() > 0 && quantity > limits.maxOrderQuantity())
        {
            return fail(RejectReason.MAX_ORDER_QUANTITY, limits.maxOrderQuantity(), quantity);
        }

        final long reference = referencePrices.referencePrice(instrumentId);
        final long notionalPrice = market ? reference : price;
        if (limits.maxNotional() > 0 && notionalPrice != ReferencePriceSource.NO_PRICE)
        {
            final double notional = (double)quantity * notionalPrice / PRICE_SCALE;
            if (notional > limits.maxNotional())
            {
                return fail(RejectReason.MAX_NOTIONAL, (long)limits.maxNotional(), (long)Math.ceil(notional));
            }
        }
        if (!market && limits.priceCollarBps() > 0 && reference != ReferencePriceSource.NO_PRICE && reference > 0)
        {
            final long deviationBps = Math.abs(price - reference) * BPS / reference;
            if (deviationBps > limits.priceCollarBps())
            {
                return fail(RejectReason.PRICE_COLLAR, limits.priceCollarBps(), deviationBps);
            }
        }
        return true;
    }

    /**
     * Count a request against the throttle only (cancels and status requests).
     *
     * @param nowNanos monotonic time of receipt.
     * @return true when within the rate.
     */
    public boolean checkRate(final long nowNanos)
    {
        final int max = limits.maxOrdersPerSecond();
        if (max <= 0)
        {
            return true;
        }
        if (nowNanos - windowStartNanos >= NANOS_PER_SECOND || windowStartNanos == Long.MIN_VALUE)
        {
            windowStartNanos = nowNanos;
            windowCount = 0;
        }
        windowCount++;
        if (windowCount > max)
        {
            return fail(RejectReason.ORDER_RATE, max, windowCount);
        }
        return true;
    }

    /**
     * @return reason of the last failed check, {@link RejectReason#NONE} after a pass.
     */
    public RejectReason reason()
    {
        return reason;
    }

    /**
     * @return the limit that the last failed check hit.
     */
    public long limitValue()
    {
        return limitValue;
    }

    /**
     * @return the value that broke the limit.
     */
    public long actualValue()
    {
        return actualValue;
    }

    private boolean fail(final RejectReason reason, final long limit, final long actual)
    {
        this.reason = reason;
        this.limitValue = limit;
        this.actualValue = actual;
        return false;
    }
}
