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
 * Reads a Logon's Username (553) and Password (554) from the raw message QuickFIX/J's decoder framed, before
 * QuickFIX/J parses it, so that the password can be verified off the session thread ({@link LogonVerifier}).
 * <p>
 * A plain scan of {@code tag=value SOH} fields that skips the value of RawData (96) by the length RawDataLength (95)
 * declares, as that field may hold SOH. What it reads only decides which password is hashed: the session thread
 * accepts a Logon only when the Username and Password QuickFIX/J parsed are exactly the ones verified, so a message
 * this scan reads differently is refused, never accepted.
 */
final class LogonFields
{
    private static final char SOH = '\u0001';
    private static final String LOGON_TYPE = "35=A\u0001";
    private static final int USERNAME = 553;
    private static final int PASSWORD = 554;
    private static final int RAW_DATA_LENGTH = 95;
    private static final int RAW_DATA = 96;

    final String username;
    final String password;

    private LogonFields(final String username, final String password)
    {
        this.username = username;
        this.password = password;
    }

    /**
     * Whether a framed message is a Logon: MsgType (35) is the third field of every FIX header
     * ({@code 8=...SOH 9=...SOH 35=A SOH}). Allocates nothing: it runs for every inbound message.
     *
     * @param message a message as QuickFIX/J's decoder framed it.
     * @return true for a Logon.
     */
    static boolean isLogon(final String message)
    {
        final int first = message.indexOf(SOH);
        final int second = first < 0 ? -1 : message.indexOf(SOH, first + 1);
        return second > 0 && message.startsWith(LOGON_TYPE, second + 1);
    }

    /**
     * @param message a Logon as QuickFIX/J's decoder framed it.
     * @return its Username and Password, each null if absent (the first occurrence of each).
     */
    static LogonFields parse(final String message)
    {
        String username = null;
        String password = null;
        int rawDataLength = -1;
        int start = 0;
        final int length = message.length();
        while (start < length)
        {
            final int equals = message.indexOf('=', start);
            if (equals < 0)
            {
                break;
            }
            final int tag = tagOf(message, start, equals);
            int end;
            if (RAW_DATA == tag && rawDataLength >= 0 && equals + 1 + rawDataLength <= length)
            {
                end = equals + 1 + rawDataLength;
            }
            else
            {
                end = message.indexOf(SOH, equals + 1);
            }
            if (end < 0)
            {
                end = length;
            }
            if (USERNAME == tag && null == username)
            {
                username = message.substring(equals + 1, end);
            }
            else if (PASSWORD == tag && null == password)
            {
                password = message.substring(equals + 1, end);
            }
            else if (RAW_DATA_LENGTH == tag)
            {
                rawDataLength = intOf(message, equals + 1, end);
            }
            start = end + 1;
        }
        return new LogonFields(username, password);
    }

    private static int tagOf(final String message, final int start, final int end)
    {
        return intOf(message, start, end);
    }

    private static int intOf(final String message, final int start, final int end)
    {
        if (start >= end || end - start > 9)
        {
            return -1;
        }
        int value = 0;
        for (int i = start; i < end; i++)
        {
            final int digit = message.charAt(i) - '0';
            if (digit < 0 || digit > 9)
            {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
