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

import io.tickwire.sbe.internal.RejectReason;
import io.tickwire.sbe.internal.Side;

/**
 * The field checks FIX leaves to the application, applied alike to a NewOrderSingle and to an
 * OrderCancelReplaceRequest so that neither path can let through what the other refuses: ClOrdID length, known
 * symbol, supported Side, positive quantity, positive price for a limit, supported OrdType and TimeInForce.
 * <p>
 * Side (54) is where a missing check trades in the wrong direction: only the values this venue executes are
 * accepted, each mapped to its economic side; the FIX value travels on so that reports and the audit trail keep
 * a short sale marked as one. Single-threaded (the session thread); allocates nothing.
 */
public final class OrderRules
{
    /**
     * limitValue detail of an UNSUPPORTED reject: the OrdType (40) is not market or limit.
     */
    public static final long UNSUPPORTED_ORD_TYPE = 40;

    /**
     * limitValue detail of an UNSUPPORTED reject: the TimeInForce (59) is not Day, IOC or FOK.
     */
    public static final long UNSUPPORTED_TIME_IN_FORCE = 59;

    /**
     * limitValue detail of an UNSUPPORTED reject: the ClOrdID (11) is longer than 32 characters.
     */
    public static final long UNSUPPORTED_CLORDID_LENGTH = 11;

    /**
     * limitValue detail of an UNSUPPORTED reject: the Side (54) is not one this venue executes.
     */
    public static final long UNSUPPORTED_SIDE = 54;

    /**
     * Longest ClOrdID (11) kept, in bytes as sent.
     */
    public static final int MAX_CLORDID_LENGTH = 32;

    /**
     * TimeInForce (59) when the message has none: Day.
     */
    public static final char TIF_ABSENT = '0';

    private RejectReason reason = RejectReason.NONE;
    private long limit;
    private long actual;

    /**
     * The economic side of a FIX Side (54) value this venue executes.
     *
     * @param fixSide Side (54) as sent.
     * @return BUY for 1; SELL for 2, 5 (sell short) and 6 (sell short exempt); null for every other value.
     */
    public static Side economicSide(final char fixSide)
    {
        switch (fixSide)
        {
            case '1':
                return Side.BUY;
            case '2':
            case '5':
            case '6':
                return Side.SELL;
            default:
                return null;
        }
    }

    /**
     * Check the fields of an order or replace. Duplicate ClOrdID, clock and risk checks are the caller's: they
     * need the session and its state.
     *
     * @param clOrdId      ClOrdID (11).
     * @param instrumentId the instrument Symbol (55) names, or {@link Instruments#UNKNOWN}.
     * @param fixSide      Side (54).
     * @param ordType      OrdType (40).
     * @param timeInForce  TimeInForce (59), {@link #TIF_ABSENT} when absent.
     * @param quantity     parsed OrderQty (38).
     * @param price        parsed Price (44), 0 for a market order.
     * @return true when every check passed; otherwise {@link #reason()} and the values say why.
     */
    public boolean check(
        final CharSequence clOrdId,
        final int instrumentId,
        final char fixSide,
        final char ordType,
        final char timeInForce,
        final long quantity,
        final long price)
    {
        reason = RejectReason.NONE;
        limit = 0;
        actual = 0;
        if (clOrdId.length() > MAX_CLORDID_LENGTH)
        {
            return reject(RejectReason.UNSUPPORTED, UNSUPPORTED_CLORDID_LENGTH, clOrdId.length());
        }
        if (Instruments.UNKNOWN == instrumentId)
        {
            return reject(RejectReason.UNKNOWN_SYMBOL, 0, 0);
        }
        if (null == economicSide(fixSide))
        {
            return reject(RejectReason.UNSUPPORTED, UNSUPPORTED_SIDE, fixSide);
        }
        if (quantity <= 0)
        {
            return reject(RejectReason.INVALID_QUANTITY, 0, quantity);
        }
        if (ordType != '1' && price <= 0)
        {
            return reject(RejectReason.INVALID_PRICE, 0, price);
        }
        if (ordType != '1' && ordType != '2')
        {
            return reject(RejectReason.UNSUPPORTED, UNSUPPORTED_ORD_TYPE, ordType);
        }
        if (timeInForce != '0' && timeInForce != '3' && timeInForce != '4')
        {
            return reject(RejectReason.UNSUPPORTED, UNSUPPORTED_TIME_IN_FORCE, timeInForce);
        }
        return true;
    }

    /**
     * Record a reject found by the caller's own checks (duplicate ClOrdID, clock, risk).
     *
     * @param reason why.
     * @param limit  the limit hit or a detail code.
     * @param actual the offending value.
     * @return false, for use in a condition.
     */
    public boolean reject(final RejectReason reason, final long limit, final long actual)
    {
        this.reason = reason;
        this.limit = limit;
        this.actual = actual;
        return false;
    }

    /**
     * @return why the last check failed, NONE when it passed.
     */
    public RejectReason reason()
    {
        return reason;
    }

    /**
     * @return the limit or detail code of the last failure.
     */
    public long limitValue()
    {
        return limit;
    }

    /**
     * @return the offending value of the last failure.
     */
    public long actualValue()
    {
        return actual;
    }

    /**
     * Copy a FIX string's bytes into a fixed-length field, cut at its length and NUL padded. QuickFIX/J reads the
     * wire as ISO-8859-1, one char per byte, so the low byte of each char is the byte the client sent: an id in
     * any encoding comes back, and is journalled, exactly as sent.
     *
     * @param value the string.
     * @param dst   the field's bytes.
     * @return dst.
     */
    public static byte[] wireBytes(final CharSequence value, final byte[] dst)
    {
        final int length = Math.min(value.length(), dst.length);
        for (int i = 0; i < length; i++)
        {
            dst[i] = (byte)value.charAt(i);
        }
        for (int i = length; i < dst.length; i++)
        {
            dst[i] = 0;
        }
        return dst;
    }
}
