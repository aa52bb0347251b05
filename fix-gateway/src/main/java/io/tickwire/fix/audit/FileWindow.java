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
package io.tickwire.fix.audit;

import org.agrona.concurrent.UnsafeBuffer;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A bounded window onto a file read front to back: the bytes a reader needs next are brought into one reused
 * buffer, so reading a file takes memory bounded by the window (or the largest single span asked for) however
 * large the file is. A span that straddles the end of the window is moved to its start and the rest read in.
 */
final class FileWindow
{
    private final FileChannel channel;
    private byte[] bytes;
    private ByteBuffer byteBuffer;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);
    private long windowStart;
    private int windowLength;

    /**
     * @param channel     open for reading; not closed here.
     * @param windowBytes bytes held at once, unless one span needs more.
     */
    FileWindow(final FileChannel channel, final int windowBytes)
    {
        this.channel = channel;
        allocate(windowBytes);
    }

    /**
     * Bring a span of the file into the window.
     *
     * @param position where the span starts in the file, not before the previous span's start.
     * @param length   its length.
     * @return the span's offset in {@link #buffer()} and {@link #bytes()}, valid until the next call.
     * @throws IOException  if the file cannot be read.
     * @throws EOFException if the file ends before the span does.
     */
    int span(final long position, final int length) throws IOException
    {
        if (position >= windowStart && position + length <= windowStart + windowLength)
        {
            return (int)(position - windowStart);
        }
        if (length > bytes.length)
        {
            allocate(length);
            windowLength = 0;
        }
        final long kept = position >= windowStart && position < windowStart + windowLength ?
            windowStart + windowLength - position : 0;
        if (kept > 0)
        {
            System.arraycopy(bytes, (int)(position - windowStart), bytes, 0, (int)kept);
        }
        windowStart = position;
        windowLength = (int)kept;
        while (windowLength < length)
        {
            byteBuffer.limit(bytes.length).position(windowLength);
            final int read = channel.read(byteBuffer, windowStart + windowLength);
            if (read < 0)
            {
                throw new EOFException("file ends at " + (windowStart + windowLength) + ", " +
                    (length - windowLength) + " bytes short of the span at " + position);
            }
            windowLength += read;
        }
        return 0;
    }

    /**
     * @return the window as a buffer.
     */
    UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return the window's bytes.
     */
    byte[] bytes()
    {
        return bytes;
    }

    /**
     * @return bytes held at most, currently.
     */
    int capacity()
    {
        return bytes.length;
    }

    private void allocate(final int length)
    {
        bytes = new byte[length];
        byteBuffer = ByteBuffer.wrap(bytes);
        buffer.wrap(bytes);
    }
}
