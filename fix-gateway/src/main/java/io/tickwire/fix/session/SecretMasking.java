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
 * Replaces the values of the FIX fields that carry secrets with {@value #MASK}, so that a log line or an audit
 * record shows that a password was sent, never what it was.
 * <p>
 * Masked: Password (554), NewPassword (925), EncryptedPassword (1402), EncryptedNewPassword (1404) in any message,
 * and RawData (96) in a Logon (35=A), where venues carry authentication data; RawData elsewhere (News, Email) is
 * content and stays. A masked data field (1402, 1404, 96) covers at least the length its length field (1401, 1403,
 * 95) declares, as its value may hold SOH, and at least up to the next SOH, whatever the length says.
 * <p>
 * The result is a copy for reading: BodyLength (9), CheckSum (10) and the data length fields are left as they
 * were, so it no longer checks as a FIX message. A text that embeds a message (a QuickFIX/J event such as
 * "Rejecting invalid message: ...: 8=FIX.4.4^A...") is masked the same way: a field is anything that starts after
 * SOH (or at the start of the text) with a tag number and '='.
 * <p>
 * Called for every logged and every audited message, including orders on the session thread: one pass over the
 * text that only reads it, and the same {@link String} back without allocating when there is nothing to mask
 * (also when the secrets are already {@value #MASK}, so masking twice costs nothing more).
 */
public final class SecretMasking
{
    /**
     * What a secret's value is replaced with.
     */
    public static final String MASK = "***";

    private static final char SOH = '\u0001';
    private static final int PASSWORD = 554;
    private static final int NEW_PASSWORD = 925;
    private static final int RAW_DATA_LENGTH = 95;
    private static final int RAW_DATA = 96;
    private static final int ENCRYPTED_PASSWORD_LENGTH = 1401;
    private static final int ENCRYPTED_PASSWORD = 1402;
    private static final int ENCRYPTED_NEW_PASSWORD_LENGTH = 1403;
    private static final int ENCRYPTED_NEW_PASSWORD = 1404;
    private static final int MSG_TYPE = 35;
    /**
     * Tags have at most 7 digits here; a longer run of digits is no tag (and cannot overflow an int).
     */
    private static final int MAX_TAG_DIGITS = 7;

    private SecretMasking()
    {
    }

    /**
     * @param text a FIX message with SOH delimiters, or a text that contains one; may be null.
     * @return the text with every secret value replaced by {@value #MASK}; the same instance when there was none.
     */
    public static String mask(final String text)
    {
        if (null == text)
        {
            return null;
        }
        final int end = text.length();
        StringBuilder masked = null;
        int copied = 0;
        boolean logon = false;
        int previousTag = 0;
        long declaredLength = -1;
        int fieldStart = 0;
        while (fieldStart < end)
        {
            int index = fieldStart;
            int tag = 0;
            while (index < end && index - fieldStart <= MAX_TAG_DIGITS)
            {
                final char c = text.charAt(index);
                if (c < '0' || c > '9')
                {
                    break;
                }
                tag = tag * 10 + (c - '0');
                index++;
            }
            final int digits = index - fieldStart;
            if (0 == digits || digits > MAX_TAG_DIGITS || index >= end || '=' != text.charAt(index))
            {
                // Not a field (the words before an embedded message, a value's own SOH): on to the next SOH.
                final int soh = text.indexOf(SOH, index);
                if (soh < 0)
                {
                    break;
                }
                fieldStart = soh + 1;
                previousTag = 0;
                continue;
            }

            final int valueStart = index + 1;
            int valueEnd = nextSoh(text, valueStart);
            if (MSG_TYPE == tag)
            {
                logon = valueEnd - valueStart == 1 && 'A' == text.charAt(valueStart);
            }
            if (isSecret(tag, logon))
            {
                if (declaredLength > 0 && isLengthOf(previousTag, tag))
                {
                    // A data field may hold SOH: mask what its length declares, and on to the next SOH after it.
                    valueEnd = Math.max(valueEnd, nextSoh(text, (int)Math.min(end, valueStart + declaredLength)));
                }
                if (!isMask(text, valueStart, valueEnd))
                {
                    if (null == masked)
                    {
                        masked = new StringBuilder(end + MASK.length());
                    }
                    masked.append(text, copied, valueStart).append(MASK);
                    copied = valueEnd;
                }
            }

            previousTag = tag;
            declaredLength = isLengthField(tag) ? parseLength(text, valueStart, valueEnd) : -1;
            fieldStart = valueEnd + 1;
        }

        if (null == masked)
        {
            return text;
        }
        masked.append(text, copied, end);
        return masked.toString();
    }

    private static boolean isSecret(final int tag, final boolean logon)
    {
        return PASSWORD == tag || NEW_PASSWORD == tag || ENCRYPTED_PASSWORD == tag || ENCRYPTED_NEW_PASSWORD == tag ||
            (logon && RAW_DATA == tag);
    }

    private static boolean isLengthField(final int tag)
    {
        return RAW_DATA_LENGTH == tag || ENCRYPTED_PASSWORD_LENGTH == tag || ENCRYPTED_NEW_PASSWORD_LENGTH == tag;
    }

    private static boolean isLengthOf(final int lengthTag, final int dataTag)
    {
        return (RAW_DATA_LENGTH == lengthTag && RAW_DATA == dataTag) ||
            (ENCRYPTED_PASSWORD_LENGTH == lengthTag && ENCRYPTED_PASSWORD == dataTag) ||
            (ENCRYPTED_NEW_PASSWORD_LENGTH == lengthTag && ENCRYPTED_NEW_PASSWORD == dataTag);
    }

    private static int nextSoh(final String text, final int from)
    {
        final int soh = text.indexOf(SOH, from);
        return soh < 0 ? text.length() : soh;
    }

    private static boolean isMask(final String text, final int start, final int end)
    {
        return end - start == MASK.length() && text.startsWith(MASK, start);
    }

    /**
     * @return the value as a length, or -1 when it is none (empty, not digits, too long to mean anything).
     */
    private static long parseLength(final String text, final int start, final int end)
    {
        if (start == end || end - start > 18)
        {
            return -1;
        }
        long length = 0;
        for (int i = start; i < end; i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            length = length * 10 + (c - '0');
        }
        return length;
    }
}
