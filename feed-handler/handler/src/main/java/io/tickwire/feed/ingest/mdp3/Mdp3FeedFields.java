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
package io.tickwire.feed.ingest.mdp3;

import io.tickwire.sbe.md.PriceLevelAction;
import io.tickwire.sbe.md.TradingState;

/**
 * How MDP 3.0 field values become Tickwire feed field values: instrument ids, prices at exponent -9, times of day,
 * maturities, trading states. Pure functions, kept apart from {@link Mdp3Normaliser} so that each rule is stated
 * (and tested) once.
 */
public final class Mdp3FeedFields
{
    /** CME's range of instrumentId in the feed: 2^24 + SecurityID (see the market data schema). */
    public static final long INSTRUMENT_ID_BASE = 1L << 24;
    /** Exponent of every CME price in the feed, whatever the template's own. */
    public static final byte FEED_PRICE_EXPONENT = -9;
    /** The feed's null price (int64 minimum), for a price CME leaves out. */
    public static final long NULL_PRICE = Long.MIN_VALUE;
    /** Nanoseconds in a day. */
    public static final long NANOS_PER_DAY = 86_400_000_000_000L;

    /** SecurityTradingStatus TradingHalt. */
    public static final int STATUS_TRADING_HALT = 2;
    /** SecurityTradingStatus Close. */
    public static final int STATUS_CLOSE = 4;
    /** SecurityTradingStatus NewPriceIndication. */
    public static final int STATUS_NEW_PRICE_INDICATION = 15;
    /** SecurityTradingStatus ReadyToTrade. */
    public static final int STATUS_READY_TO_TRADE = 17;
    /** SecurityTradingStatus NotAvailableForTrading. */
    public static final int STATUS_NOT_AVAILABLE = 18;
    /** SecurityTradingStatus UnknownorInvalid. */
    public static final int STATUS_UNKNOWN = 20;
    /** SecurityTradingStatus PreOpen. */
    public static final int STATUS_PRE_OPEN = 21;
    /** SecurityTradingStatus PreCross. */
    public static final int STATUS_PRE_CROSS = 24;
    /** SecurityTradingStatus Cross. */
    public static final int STATUS_CROSS = 25;
    /** SecurityTradingStatus PostClose. */
    public static final int STATUS_POST_CLOSE = 26;
    /** SecurityTradingStatus NoChange. */
    public static final int STATUS_NO_CHANGE = 103;

    private Mdp3FeedFields()
    {
    }

    /**
     * The feed's instrumentId of a CME instrument.
     *
     * @param securityId CME SecurityID, positive.
     * @return 2^24 + securityId.
     */
    public static long instrumentId(final int securityId)
    {
        return INSTRUMENT_ID_BASE + securityId;
    }

    /**
     * The factor that takes a mantissa of a template's exponent to exponent -9.
     *
     * @param exponent of the template's prices: -7 (schema versions up to 8) or -9.
     * @return 100 for -7, 1 for -9 (10^(exponent + 9) in general).
     */
    public static long scale(final int exponent)
    {
        if (exponent > 0 || exponent < FEED_PRICE_EXPONENT)
        {
            throw new IllegalArgumentException("price exponent out of range: " + exponent);
        }
        long scale = 1;
        for (int e = FEED_PRICE_EXPONENT; e < exponent; e++)
        {
            scale *= 10;
        }
        return scale;
    }

    /**
     * A price mantissa at exponent -9.
     *
     * @param mantissa as CME sent it, {@link Mdp3Schema#NULL_MANTISSA} when absent.
     * @param scale    from {@link #scale(int)}.
     * @return the mantissa at -9, or {@link #NULL_PRICE} when absent.
     */
    public static long price(final long mantissa, final long scale)
    {
        return mantissa == Mdp3Schema.NULL_MANTISSA ? NULL_PRICE : mantissa * scale;
    }

    /**
     * The feed's sourceTimestamp: nanoseconds since midnight UTC.
     *
     * @param epochNanos a CME time (TransactTime, SendingTime), nanoseconds since the epoch.
     * @return nanoseconds since midnight UTC of that day.
     */
    public static long timeOfDay(final long epochNanos)
    {
        return Math.floorMod(epochNanos, NANOS_PER_DAY);
    }

    /**
     * MaturityMonthYear as YYYYMMDD.
     *
     * @param year  65535 when absent.
     * @param month 255 when absent.
     * @param day   255 when absent (the usual case: CME gives the contract month).
     * @return YYYYMMDD, DD 00 when there is no day, MM 00 when there is no month, 0 when there is no year.
     */
    public static long maturity(final int year, final int month, final int day)
    {
        if (year == 65535)
        {
            return 0;
        }
        return year * 10_000L + (month == 255 ? 0 : month * 100L) + (day == 255 ? 0 : day);
    }

    /**
     * The feed's trading state of a CME SecurityTradingStatus.
     * <ul>
     *     <li>ReadyToTrade: TRADING;</li>
     *     <li>PreOpen, PreCross, Cross, NewPriceIndication: QUOTATION_ONLY (orders are taken, nothing matches);</li>
     *     <li>TradingHalt: PAUSED (the exchange stopped matching within the session; it resumes);</li>
     *     <li>Close, PostClose, NotAvailableForTrading: HALTED (no trading for the rest of the session);</li>
     *     <li>NoChange, UnknownorInvalid: null, nothing to publish (counted);</li>
     *     <li>anything else: null, and {@link #isKnownStatus(int)} is false (reported as a bad field value).</li>
     * </ul>
     *
     * @param status SecurityTradingStatus.
     * @return the state, or null when there is none to publish.
     */
    public static TradingState tradingState(final int status)
    {
        switch (status)
        {
            case STATUS_READY_TO_TRADE:
                return TradingState.TRADING;
            case STATUS_PRE_OPEN:
            case STATUS_PRE_CROSS:
            case STATUS_CROSS:
            case STATUS_NEW_PRICE_INDICATION:
                return TradingState.QUOTATION_ONLY;
            case STATUS_TRADING_HALT:
                return TradingState.PAUSED;
            case STATUS_CLOSE:
            case STATUS_POST_CLOSE:
            case STATUS_NOT_AVAILABLE:
                return TradingState.HALTED;
            default:
                return null;
        }
    }

    /**
     * Is a SecurityTradingStatus one CME defines?
     *
     * @param status SecurityTradingStatus.
     * @return true for the values of schema version 9.
     */
    public static boolean isKnownStatus(final int status)
    {
        return null != tradingState(status) || status == STATUS_NO_CHANGE || status == STATUS_UNKNOWN;
    }

    /**
     * The TradingStatus reason: the CME SecurityTradingStatus as three digits, then the HaltReason as one digit
     * ({@code ' '} when absent or above 9), e.g. {@code "0020"} for TradingHalt with HaltReason GroupSchedule.
     *
     * @param status     SecurityTradingStatus, 0 to 255.
     * @param haltReason HaltReason, {@link Mdp3Schema#NULL_UINT8} when absent.
     * @return the four ASCII bytes packed big-endian into an int.
     */
    public static int reason(final int status, final int haltReason)
    {
        final int s = status & 0xFF;
        final int hundreds = '0' + s / 100;
        final int tens = '0' + s / 10 % 10;
        final int units = '0' + s % 10;
        final int halt = haltReason >= 0 && haltReason <= 9 ? '0' + haltReason : ' ';
        return (hundreds << 24) | (tens << 16) | (units << 8) | halt;
    }

    /**
     * The feed's price level action of an MDUpdateAction.
     *
     * @param updateAction 0 New to 5 Overlay.
     * @return the action, or null for a value CME does not define.
     */
    public static PriceLevelAction action(final int updateAction)
    {
        switch (updateAction)
        {
            case 0:
                return PriceLevelAction.NEW;
            case 1:
                return PriceLevelAction.CHANGE;
            case 2:
                return PriceLevelAction.DELETE;
            case 3:
                return PriceLevelAction.DELETE_THRU;
            case 4:
                return PriceLevelAction.DELETE_FROM;
            case 5:
                return PriceLevelAction.OVERLAY;
            default:
                return null;
        }
    }
}
