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
package io.tickwire.fix.time;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;

/**
 * Reads the kernel's NTP state with {@code ntp_adjtime(&timex)} and {@code timex.modes = 0} (read only, no
 * privilege needed) through JNA.
 * <p>
 * Layout used (glibc, x86-64/aarch64 LP64): {@code struct timex} is {@value #TIMEX_LENGTH} bytes;
 * {@code modes} (unsigned int) at 0, {@code maxerror} (long, us) at {@value #MAXERROR_OFFSET},
 * {@code esterror} (long, us) at {@value #ESTERROR_OFFSET}, {@code status} (int, {@code STA_*}) at
 * {@value #STATUS_OFFSET}. The return value is the clock state: {@code TIME_OK} 0 ... {@code TIME_ERROR} 5.
 * <p>
 * The clock is synchronised when the state is not {@code TIME_ERROR} and {@code STA_UNSYNC} is clear; the
 * error bound is {@code maxerror}, the kernel's worst case (it grows by 500 ppm until a daemon updates it and
 * saturates at 16 s, which is what an undisciplined clock reports).
 */
public final class KernelNtpClockSource implements ClockSyncSource
{
    /**
     * sizeof(struct timex) on glibc LP64.
     */
    public static final int TIMEX_LENGTH = 208;

    /**
     * Offset of {@code long maxerror}.
     */
    public static final int MAXERROR_OFFSET = 24;

    /**
     * Offset of {@code long esterror}.
     */
    public static final int ESTERROR_OFFSET = 32;

    /**
     * Offset of {@code int status}.
     */
    public static final int STATUS_OFFSET = 40;

    /**
     * {@code STA_PLL}: phase-locked loop updates enabled.
     */
    public static final int STA_PLL = 0x0001;

    /**
     * {@code STA_UNSYNC}: the clock is not synchronised.
     */
    public static final int STA_UNSYNC = 0x0040;

    /**
     * {@code STA_NANO}: resolution is nanoseconds.
     */
    public static final int STA_NANO = 0x2000;

    /**
     * {@code TIME_OK}: clock synchronised, no leap second pending.
     */
    public static final int TIME_OK = 0;

    /**
     * {@code TIME_ERROR}: clock not synchronised.
     */
    public static final int TIME_ERROR = 5;

    /**
     * Source name in snapshots.
     */
    public static final String SOURCE = "kernel";

    private static final String[] STATE_NAMES =
    {
        "TIME_OK", "TIME_INS", "TIME_DEL", "TIME_OOP", "TIME_WAIT", "TIME_ERROR"
    };

    private final Function ntpAdjtime;
    private final Memory timex = new Memory(TIMEX_LENGTH);
    private final String loadError;

    /**
     * Load libc. A failure to load (not Linux, no JNA native) is remembered and reported by every reading as
     * {@link SyncStatus#UNKNOWN}, never thrown.
     */
    public KernelNtpClockSource()
    {
        Function loaded = null;
        String error = null;
        try
        {
            loaded = Function.getFunction("c", "ntp_adjtime", Function.THROW_LAST_ERROR);
        }
        catch (final Throwable ex)
        {
            error = ex.toString();
        }
        ntpAdjtime = loaded;
        loadError = error;
    }

    /**
     * {@inheritDoc}
     */
    public ClockSyncSnapshot read()
    {
        if (null == ntpAdjtime)
        {
            return unknown("ntp_adjtime unavailable: " + loadError);
        }

        synchronized (timex)
        {
            timex.clear();
            final int state;
            try
            {
                state = ntpAdjtime.invokeInt(new Object[]{ timex });
            }
            catch (final Throwable ex)
            {
                return unknown("ntp_adjtime failed: " + ex);
            }

            if (state < 0)
            {
                return unknown("ntp_adjtime returned " + state + " errno=" + Native.getLastError());
            }

            return fromTimex(
                state,
                timex.getInt(STATUS_OFFSET),
                timex.getLong(MAXERROR_OFFSET),
                timex.getLong(ESTERROR_OFFSET));
        }
    }

    /**
     * Classify the values of one {@code ntp_adjtime} call. Public so that the rule is tested with any values.
     *
     * @param state    return value of {@code ntp_adjtime}.
     * @param status   {@code timex.status}.
     * @param maxerror {@code timex.maxerror} in us.
     * @param esterror {@code timex.esterror} in us.
     * @return the snapshot (sequence 0; the monitor assigns it).
     */
    public static ClockSyncSnapshot fromTimex(
        final int state, final int status, final long maxerror, final long esterror)
    {
        final boolean unsync = TIME_ERROR == state || (status & STA_UNSYNC) != 0;
        final String detail = stateName(state) + ", status=0x" + Integer.toHexString(status) +
            ((status & STA_UNSYNC) != 0 ? " STA_UNSYNC" : "") +
            ", maxerror=" + maxerror + "us, esterror=" + esterror + "us";

        return new ClockSyncSnapshot(
            0, 0, unsync ? SyncStatus.UNSYNCHRONISED : SyncStatus.SYNCHRONISED, maxerror, esterror,
            status, state, SOURCE, detail);
    }

    /**
     * Name of an {@code ntp_adjtime} return value.
     *
     * @param state the value.
     * @return {@code TIME_OK} ... {@code TIME_ERROR}, or the number.
     */
    public static String stateName(final int state)
    {
        return state >= 0 && state < STATE_NAMES.length ? STATE_NAMES[state] : "TIME_" + state;
    }

    private static ClockSyncSnapshot unknown(final String detail)
    {
        return new ClockSyncSnapshot(0, 0, SyncStatus.UNKNOWN, Long.MAX_VALUE, Long.MAX_VALUE, 0, -1, SOURCE, detail);
    }
}
