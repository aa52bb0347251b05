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

/**
 * Parses FIX decimal fields into the integer mantissas the engine uses (prices: exponent -4) and formats them
 * back, without allocating on the parse side.
 */
public final class FixDecimals
{
    /**
     * Decimal places of a price mantissa.
     */
    public static final int PRICE_DECIMALS = 4;

    /**
     * Returned when a value is not a decimal number that fits.
     */
    public static final long INVALID = Long.MIN_VALUE;

    private static final long PRICE_SCALE = 10_000L;

    private FixDecimals()
    {
    }

    /**
     * @param value FIX Price, e.g. {@code "150.25"} or {@code "-1"}.
     * @return mantissa with 4 decimals, or {@link #INVALID} (malformed, more than 4 decimals, overflow).
     */
    public static long parsePrice(final CharSequence value)
    {
        return parse(value, PRICE_DECIMALS);
    }

    /**
     * @param value FIX Qty; only whole quantities are accepted.
     * @return the quantity, or {@link #INVALID}.
     */
    public static long parseQuantity(final CharSequence value)
    {
        return parse(value, 0);
    }

    /**
     * @param mantissa price mantissa.
     * @return as a double for FIX Price fields.
     */
    public static double toDouble(final long mantissa)
    {
        return (double)mantissa / PRICE_SCALE;
    }

    /**
     * @param mantissa price mantissa.
     * @return exact decimal text for messages.
     */
    public static String format(final long mantissa)
    {
        final long abs = Math.abs(mantissa);
        final long fraction = abs % PRICE_SCALE;
        final StringBuilder builder = new StringBuilder(24);
        if (mantissa < 0)
        {
            builder.append('-');
        }
        builder.append(abs / PRICE_SCALE);
        if (0 != fraction)
        {
            builder.append('.');
            for (long digit = PRICE_SCALE / 10; digit > fraction; digit /= 10)
            {
                builder.append('0');
            }
            builder.append(fraction);
            while (builder.charAt(builder.length() - 1) == '0')
            {
                builder.setLength(builder.length() - 1);
            }
        }
        return builder.toString();
    }

    private static long parse(final CharSequence value, final int decimals)
    {
        final int length = value.length();
        if (0 == length)
        {
            return INVALID;
        }
        int i = 0;
        boolean negative = false;
        if (value.charAt(0) == '-')
        {
            negative = true;
            i++;
        }
        long result = 0;
        int fractionDigits = -1;
        boolean digits = false;
        for (; i < length; i++)
        {
            final char c = value.charAt(i);
            if (c == '.')
            {
                if (fractionDigits >= 0)
                {
                    return INVALID;
                }
                fractionDigits = 0;
                continue;
            }
            if (c < '0' || c > '9')
            {
                return INVALID;
            }
            if (fractionDigits >= 0)
            {
                if (fractionDigits == decimals)
                {
                    if (c != '0')
                    {
                        return INVALID;
                    }
                    continue;
                }
                fractionDigits++;
            }
            digits = true;
            if (result > (Long.MAX_VALUE - 9) / 10)
            {
                return INVALID;
            }
            result = result * 10 + (c - '0');
        }
        if (!digits)
        {
            return INVALID;
        }
        for (int f = Math.max(fractionDigits, 0); f < decimals; f++)
        {
            if (result > Long.MAX_VALUE / 10)
            {
                return INVALID;
            }
            result *= 10;
        }
        return negative ? -result : result;
    }
}
