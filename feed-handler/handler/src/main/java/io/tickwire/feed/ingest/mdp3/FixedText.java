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

import org.agrona.AsciiSequenceView;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A fixed-length MDP 3.0 character field copied out of a message into bytes owned here, seen as a
 * {@link CharSequence} trimmed of its padding (CME pads with NUL or spaces), so that text reaches listeners with no
 * allocation and stays valid after the packet buffer is reused.
 */
final class FixedText
{
    private final byte[] bytes;
    private final UnsafeBuffer buffer;
    private final AsciiSequenceView view = new AsciiSequenceView();

    FixedText(final int capacity)
    {
        bytes = new byte[capacity];
        buffer = new UnsafeBuffer(bytes);
        view.wrap(buffer, 0, 0);
    }

    /**
     * Where a codec copies the field to, before {@link #copied(int)}.
     */
    byte[] bytes()
    {
        return bytes;
    }

    /**
     * The field was copied into {@link #bytes()}: trim its padding.
     *
     * @param length bytes copied.
     * @return the text.
     */
    CharSequence copied(final int length)
    {
        int end = 0;
        while (end < length && bytes[end] != 0)
        {
            end++;
        }
        while (end > 0 && bytes[end - 1] == ' ')
        {
            end--;
        }
        view.wrap(buffer, 0, end);
        return view;
    }

    CharSequence clear()
    {
        view.wrap(buffer, 0, 0);
        return view;
    }

    CharSequence text()
    {
        return view;
    }
}
