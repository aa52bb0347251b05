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
package io.tickwire.feed.ingest;

import io.tickwire.feed.ingest.itch.ItchMessageType;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * NASDAQ BinaryFILE: the historical ITCH 5.0 file format, a u16 big-endian length followed by the message,
 * repeated. Plain or gzip-compressed (detected by magic bytes).
 * <p>
 * The sequence number of a message is its index in the file from 1; a framed message that is rejected (unknown
 * type, wrong length for its type, zero length) still uses up its index, so sequence numbers stay the message
 * indexes of the file.
 * <p>
 * Framing never desynchronises: a frame whose type and length disagree is trusted (and reported) only when a valid
 * frame or the end of the file follows it; otherwise the bytes are junk, and the source scans forward to the first
 * offset where two consecutive valid frames (or a valid frame and the end of file) start, reporting the skipped
 * bytes once as {@link MalformedReason#GARBAGE}. A file that ends inside a frame is reported as
 * {@link MalformedReason#TRUNCATED_MESSAGE} with the offset of that frame. Offsets are in the uncompressed stream.
 */
public final class BinaryFileSource implements MessageSource
{
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;
    private static final int LENGTH_PREFIX = 2;
    /** Bytes needed to judge a frame: length prefix and type byte. */
    private static final int FRAME_PROBE = LENGTH_PREFIX + 1;
    /** Smallest buffer that can hold the longest possible frame plus the look-ahead behind it. */
    private static final int MIN_CAPACITY = 2 * (LENGTH_PREFIX + 0xFFFF + FRAME_PROBE);

    private final Path path;
    private final String name;
    private final MalformedInputListener listener;
    private final ChunkedInput in;
    private long sequence;
    private long deliveredCount;
    private long malformedCount;
    private boolean exhausted;

    /**
     * Open a BinaryFILE with the default buffer.
     *
     * @param path     of the file, plain or gzip.
     * @param listener to be told about malformed input.
     * @throws IOException if the file cannot be opened.
     */
    public BinaryFileSource(final Path path, final MalformedInputListener listener) throws IOException
    {
        this(path, listener, ChunkedInput.DEFAULT_CAPACITY);
    }

    /**
     * Open a BinaryFILE.
     *
     * @param path           of the file, plain or gzip.
     * @param listener       to be told about malformed input.
     * @param bufferCapacity bytes read per chunk (at least 256 KiB is used).
     * @throws IOException if the file cannot be opened.
     */
    public BinaryFileSource(final Path path, final MalformedInputListener listener, final int bufferCapacity)
        throws IOException
    {
        this.path = path;
        this.name = path.toString();
        this.listener = listener;
        this.in = new ChunkedInput(path, Math.max(bufferCapacity, MIN_CAPACITY));
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return name;
    }

    /**
     * The file being read.
     *
     * @return its path.
     */
    public Path path()
    {
        return path;
    }

    /**
     * Is the file gzip-compressed?
     *
     * @return true when the file starts with the gzip magic bytes.
     */
    public boolean isGzip()
    {
        return in.isGzip();
    }

    /**
     * Messages delivered to handlers so far.
     *
     * @return count of valid messages.
     */
    public long deliveredCount()
    {
        return deliveredCount;
    }

    /**
     * Pieces of malformed input reported so far.
     *
     * @return count of reports.
     */
    public long malformedCount()
    {
        return malformedCount;
    }

    /**
     * Offset in the (uncompressed) file of the next byte to frame.
     *
     * @return byte offset.
     */
    public long position()
    {
        return in.position();
    }

    /**
     * {@inheritDoc}
     */
    public int poll(final MessageHandler handler, final int limit)
    {
        if (exhausted)
        {
            return 0;
        }

        int delivered = 0;
        final UnsafeBuffer buffer = in.buffer();
        while (delivered < limit)
        {
            if (!in.ensure(LENGTH_PREFIX))
            {
                onEnd();
                break;
            }

            final int length = buffer.getShort(in.readIndex(), BE) & 0xFFFF;
            if (!in.ensure(LENGTH_PREFIX + length))
            {
                if (null == in.readError() && in.available() > LENGTH_PREFIX &&
                    !ItchMessageType.isValid(buffer.getByte(in.readIndex() + LENGTH_PREFIX), length))
                {
                    // Not a message cut short by the end of the file but junk claiming a long length.
                    resynchronise();
                    continue;
                }
                onEnd();
                break;
            }

            final int index = in.readIndex();
            final byte type = length > 0 ? buffer.getByte(index + LENGTH_PREFIX) : 0;
            if (length > 0 && ItchMessageType.isValid(type, length))
            {
                handler.onMessage(++sequence, buffer, index + LENGTH_PREFIX, length);
                in.advance(LENGTH_PREFIX + length);
                deliveredCount++;
                delivered++;
            }
            else if (frameOrEndAt(LENGTH_PREFIX + length))
            {
                sequence++;
                report(ItchMessageType.check(type, length), in.position(),
                    ItchMessageType.describe(type, length) + " (message " + sequence + ")");
                in.advance(LENGTH_PREFIX + length);
            }
            else
            {
                resynchronise();
            }
        }

        return delivered;
    }

    /**
     * {@inheritDoc}
     */
    public boolean isExhausted()
    {
        return exhausted;
    }

    /**
     * {@inheritDoc}
     */
    public void close()
    {
        in.close();
    }

    private void onEnd()
    {
        final int left = in.available();
        if (null != in.readError())
        {
            report(MalformedReason.READ_ERROR, in.position(),
                in.describeReadError() + (left > 0 ? " (" + left + " byte(s) of an incomplete frame dropped)" : ""));
        }
        else if (left > 0)
        {
            report(MalformedReason.TRUNCATED_MESSAGE, in.position(), left < LENGTH_PREFIX ?
                left + " trailing byte(s), too short for a frame length" :
                "frame length " + (in.buffer().getShort(in.readIndex(), BE) & 0xFFFF) + " but only " +
                (left - LENGTH_PREFIX) + " byte(s) remain in the file");
        }
        in.skipRest();
        exhausted = true;
    }

    /**
     * Is there a plausible frame (type and length agree) or the end of the input at {@code relative} bytes from
     * the read index? A partial frame at the end of input counts as plausible: it is reported as truncated next.
     */
    private boolean frameOrEndAt(final int relative)
    {
        if (!in.ensure(relative + FRAME_PROBE))
        {
            return in.available() >= relative;
        }

        return validFrameAt(relative);
    }

    private boolean validFrameAt(final int relative)
    {
        final UnsafeBuffer buffer = in.buffer();
        final int index = in.readIndex() + relative;
        final int length = buffer.getShort(index, BE) & 0xFFFF;

        return length > 0 && ItchMessageType.isValid(buffer.getByte(index + LENGTH_PREFIX), length);
    }

    /**
     * Skip junk until two consecutive valid frames (or a valid frame and the end) start, reporting it once.
     */
    private void resynchronise()
    {
        final long start = in.position();
        long skipped = 0;
        int relative = 1;
        final int dropThreshold = in.capacity() - 2 * (LENGTH_PREFIX + ItchMessageType.MAX_LENGTH + FRAME_PROBE);
        while (true)
        {
            if (!in.ensure(relative + FRAME_PROBE))
            {
                final int left = in.available();
                skipped += left;
                in.advance(left);
                break;
            }
            if (validFrameAt(relative))
            {
                final int length = in.buffer().getShort(in.readIndex() + relative, BE) & 0xFFFF;
                if (frameOrEndAt(relative + LENGTH_PREFIX + length))
                {
                    skipped += relative;
                    in.advance(relative);
                    break;
                }
            }
            relative++;
            if (relative >= dropThreshold)
            {
                skipped += relative;
                in.advance(relative);
                relative = 0;
            }
        }

        report(MalformedReason.GARBAGE, start, skipped + " byte(s) frame as no ITCH message, skipped");
    }

    private void report(final MalformedReason reason, final long position, final String detail)
    {
        malformedCount++;
        listener.onMalformed(reason, name, position, detail);
    }
}
