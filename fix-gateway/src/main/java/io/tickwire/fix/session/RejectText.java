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

import io.tickwire.fix.audit.StoreFault;
import io.tickwire.fix.audit.StoreHealth;
import io.tickwire.sbe.internal.RejectReason;

/**
 * The Text (58) of a reject: which check failed and the values involved. Error path only (allocates).
 */
public final class RejectText
{
    private RejectText()
    {
    }

    /**
     * @param reason why.
     * @param limit  the limit hit or a detail code.
     * @param actual the offending value.
     * @return human readable text.
     */
    public static String describe(final RejectReason reason, final long limit, final long actual)
    {
        switch (reason)
        {
            case UNKNOWN_SYMBOL:
                return "unknown symbol: Symbol(55) is not a configured instrument";
            case UNKNOWN_ORDER:
                return "unknown order: OrigClOrdID(41) does not refer to an order of this session";
            case TOO_LATE:
                return "too late: the order is no longer open";
            case INVALID_QUANTITY:
                return "invalid quantity: OrderQty(38) must be a positive whole number, got " +
                    (actual == FixDecimals.INVALID ? "a malformed value" : Long.toString(actual));
            case INVALID_PRICE:
                return "invalid price: Price(44) must be positive with at most 4 decimals, got " +
                    (actual == FixDecimals.INVALID ? "a malformed value" : FixDecimals.format(actual));
            case INVALID_REPLACE:
                return "invalid replace: new OrderQty(38) " + actual + " is not above the executed quantity " + limit;
            case DUPLICATE_CLORDID:
                return "duplicate ClOrdID(11): already used on this session";
            case MAX_ORDER_QUANTITY:
                return "risk: max order quantity exceeded: OrderQty " + actual + " > limit " + limit;
            case MAX_NOTIONAL:
                return "risk: max notional exceeded: notional " + actual + " > limit " + limit;
            case PRICE_COLLAR:
                return "risk: price collar: price deviates " + actual + " bps from the reference price > limit " +
                    limit + " bps";
            case ORDER_RATE:
                return "risk: order rate throttle: " + actual + " requests in the current second > limit " + limit;
            case KILL_SWITCH:
                return "risk: kill switch engaged for this session";
            case CLOCK_UNSYNCHRONISED:
                return "clock not synchronised within tolerance (error bound " +
                    (actual < 0 ? "unknown" : actual + " us") + "), orders refused by --require-clock-sync";
            case STORE_UNAVAILABLE:
                return StoreHealth.storeName(limit) + " unavailable: " + StoreFault.fromCode(actual).describe();
            case UNSUPPORTED:
                if (OrderRules.UNSUPPORTED_SIDE == limit)
                {
                    return "unsupported Side(54) '" + (char)actual +
                        "': only 1 (buy), 2 (sell), 5 (sell short), 6 (sell short exempt)";
                }
                if (OrderRules.UNSUPPORTED_ORD_TYPE == limit)
                {
                    return "unsupported OrdType(40) '" + (char)actual + "': only 1 (market) and 2 (limit)";
                }
                if (OrderRules.UNSUPPORTED_TIME_IN_FORCE == limit)
                {
                    return "unsupported TimeInForce(59) '" + (char)actual + "': only 0 (Day), 3 (IOC), 4 (FOK)";
                }
                return "unsupported ClOrdID(11): " + actual + " characters, at most 32";
            case REPLACE_CHANGES_SYMBOL:
                return "invalid replace: Symbol(55) differs from the order's; cancel and enter a new order";
            case REPLACE_CHANGES_SIDE:
                return "invalid replace: Side(54) differs from the order's; cancel and enter a new order";
            case REPLACE_CHANGES_ORD_TYPE:
                return "invalid replace: OrdType(40) differs from the order's; cancel and enter a new order";
            case FOK_NOT_FILLABLE:
                return "fill-or-kill order not fully executable";
            default:
                return "rejected: " + reason.name();
        }
    }
}
