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
package io.tickwire.perf.jmh;

import org.agrona.MutableDirectBuffer;

/**
 * Writes a UTC time as a FIX UTCTimestamp with microseconds, {@code YYYYMMDD-HH:MM:SS.ssssss} (24 ASCII bytes),
 * into a caller's buffer without allocating: the candidate the gateway's SendingTime/TransactTime stamping is
 * measured against QuickFIX/J's {@code UtcTimestampConverter} with. The date part is cached per day.
 */
public final class FixUtcTimestampWriter
{
    /**
     * Length of the written timestamp.
     */
    public static final int LENGTH = 24;

    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private long cachedDay = Long.MIN_VALUE;
    private final byte[] datePrefix = new byte[9];

    /**
     * Write a timestamp.
     *
     * @param epochMicros microseconds since 1970-01-01T00:00:00Z.
     * @param buffer      destination.
     * @param offset      where to write the 24 bytes.
     * @return the number of bytes written ({@link #LENGTH}).
     */
    public int write(final long epochMicros, final MutableDirectBuffer buffer, final int offset)
    {
        final long day = Math.floorDiv(epochMicros, MICROS_PER_DAY);
        if (day != cachedDay)
        {
            cacheDate(day);
        }
        long microsOfDay = epochMicros - day * MICROS_PER_DAY;
        buffer.putBytes(offset, datePrefix);

        final int micros = (int)(microsOfDay % 1_000_000);
        microsOfDay /= 1_000_000;
        final int second = (int)(microsOfDay % 60);
        microsOfDay /= 60;
        final int minute = (int)(microsOfDay % 60);
        final int hour = (int)(microsOfDay / 60);

        putTwoDigits(buffer, offset + 9, hour);
        buffer.putByte(offset + 11, (byte)':');
        putTwoDigits(buffer, offset + 12, minute);
        buffer.putByte(offset + 14, (byte)':');
        putTwoDigits(buffer, offset + 15, second);
        buffer.putByte(offset + 17, (byte)'.');
        putTwoDigits(buffer, offset + 18, micros / 10_000);
        putTwoDigits(buffer, offset + 20, (micros / 100) % 100);
        putTwoDigits(buffer, offset + 22, micros % 100);

        return LENGTH;
    }

    private void cacheDate(final long day)
    {
        // Civil-from-days (H. Hinnant): proleptic Gregorian calendar, valid for any day.
        final long z = day + 719_468;
        final long era = Math.floorDiv(z, 146_097);
        final long dayOfEra = z - era * 146_097;
        final long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final long mp = (5 * dayOfYear + 2) / 153;
        final int dayOfMonth = (int)(dayOfYear - (153 * mp + 2) / 5 + 1);
        final int month = (int)(mp < 10 ? mp + 3 : mp - 9);
        final int year = (int)(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));

        datePrefix[0] = (byte)('0' + (year / 1000) % 10);
        datePrefix[1] = (byte)('0' + (year / 100) % 10);
        datePrefix[2] = (byte)('0' + (year / 10) % 10);
        datePrefix[3] = (byte)('0' + year % 10);
        datePrefix[4] = (byte)('0' + month / 10);
        datePrefix[5] = (byte)('0' + month % 10);
        datePrefix[6] = (byte)('0' + dayOfMonth / 10);
        datePrefix[7] = (byte)('0' + dayOfMonth % 10);
        datePrefix[8] = (byte)'-';
        cachedDay = day;
    }

    private static void putTwoDigits(final MutableDirectBuffer buffer, final int offset, final int value)
    {
        buffer.putByte(offset, (byte)('0' + value / 10));
        buffer.putByte(offset + 1, (byte)('0' + value % 10));
    }
}
