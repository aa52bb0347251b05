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
package io.tickwire.feed.ingest.itch;

/**
 * Alphanumeric ITCH fields packed into primitives, and back to text for people.
 * <p>
 * ITCH alphanumerics are ASCII, left-justified and space padded. Reading 8 bytes big-endian into a {@code long}
 * keeps the first character in the most significant byte, so writing the {@code long} back big-endian restores the
 * bytes exactly and comparing two packed symbols is one comparison.
 */
public final class ItchText
{
    private ItchText()
    {
    }

    /**
     * Pack up to 8 ASCII characters, space padded, as a stock symbol.
     *
     * @param text to pack.
     * @return the packed symbol.
     */
    public static long packStock(final CharSequence text)
    {
        return pack(text, 8);
    }

    /**
     * Pack up to 4 ASCII characters, space padded, as an MPID or reason.
     *
     * @param text to pack.
     * @return the packed value.
     */
    public static int packMpid(final CharSequence text)
    {
        return (int)pack(text, 4);
    }

    /**
     * Pack up to {@code width} ASCII characters, space padded.
     *
     * @param text  to pack.
     * @param width in bytes, at most 8.
     * @return packed, first character most significant.
     */
    public static long pack(final CharSequence text, final int width)
    {
        if (text.length() > width)
        {
            throw new IllegalArgumentException("'" + text + "' is longer than " + width + " characters");
        }
        long packed = 0;
        for (int i = 0; i < width; i++)
        {
            final char c = i < text.length() ? text.charAt(i) : ' ';
            packed = (packed << 8) | (c & 0xFF);
        }

        return packed;
    }

    /**
     * Unpack to text with trailing spaces removed.
     *
     * @param packed value.
     * @param width  in bytes.
     * @return the text, trimmed on the right.
     */
    public static String unpack(final long packed, final int width)
    {
        final StringBuilder sb = new StringBuilder(width);
        appendTrimmed(sb, packed, width);
        return sb.toString();
    }

    /**
     * Append the unpacked text, trailing spaces removed, without creating a string.
     *
     * @param sb     to append to.
     * @param packed value.
     * @param width  in bytes.
     * @return the builder.
     */
    public static StringBuilder appendTrimmed(final StringBuilder sb, final long packed, final int width)
    {
        int end = width;
        while (end > 0 && ((packed >>> ((width - end) * 8)) & 0xFF) == ' ')
        {
            end--;
        }
        for (int i = 0; i < end; i++)
        {
            final int c = (int)((packed >>> ((width - 1 - i) * 8)) & 0xFF);
            sb.append(c >= 0x20 && c < 0x7F ? (char)c : '?');
        }

        return sb;
    }
}
