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

import org.agrona.concurrent.UnsafeBuffer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A file read in large chunks into one reusable buffer, plain or gzip-compressed (detected by its magic bytes,
 * whatever its name), so that framing code sees contiguous bytes and never allocates per message.
 * <p>
 * The caller works at a read index into {@link #buffer()}: {@link #ensure(int)} makes at least {@code n} bytes
 * available from the read index (compacting and refilling as needed, which may move the read index),
 * {@link #advance(int)} consumes them. {@link #position()} is the offset in the (uncompressed) stream of the read
 * index, for error reports.
 */
final class ChunkedInput implements AutoCloseable
{
    /** Default buffer capacity: large reads, and room to look ahead past the longest frame. */
    static final int DEFAULT_CAPACITY = 1 << 20;

    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;

    private final InputStream in;
    private final CountingInputStream raw;
    private final GzipInput gzipIn;
    private final byte[] bytes;
    private final UnsafeBuffer buffer;
    private final boolean gzip;
    private int readIndex;
    private int limit;
    private long basePosition;
    private boolean endOfStream;
    private IOException readError;

    ChunkedInput(final Path path, final int capacity) throws IOException
    {
        this.gzip = isGzip(path);
        this.raw = new CountingInputStream(Files.newInputStream(path));
        this.gzipIn = gzip ? openGzip() : null;
        this.in = null != gzipIn ? gzipIn : raw;
        this.bytes = new byte[capacity];
        this.buffer = new UnsafeBuffer(bytes);
    }

    /**
     * GZIPInputStream reads the member header as it is made: a corrupt header is kept as the read error at
     * uncompressed offset 0, so it is reported with its offsets as corruption later in the stream is, not thrown
     * from the constructor.
     */
    private GzipInput openGzip()
    {
        try
        {
            return new GzipInput(raw, 1 << 16);
        }
        catch (final IOException ex)
        {
            readError = ex;
            endOfStream = true;
            return null;
        }
    }

    /**
     * Does the file start with the gzip magic bytes?
     *
     * @param path of the file.
     * @return true when gzip-compressed.
     * @throws IOException if the file cannot be read.
     */
    static boolean isGzip(final Path path) throws IOException
    {
        try (InputStream probe = Files.newInputStream(path))
        {
            return probe.read() == GZIP_MAGIC_0 && probe.read() == GZIP_MAGIC_1;
        }
    }

    boolean isGzip()
    {
        return gzip;
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    int capacity()
    {
        return bytes.length;
    }

    int readIndex()
    {
        return readIndex;
    }

    int available()
    {
        return limit - readIndex;
    }

    long position()
    {
        return basePosition + readIndex;
    }

    /**
     * Has the stream ended with nothing left to read?
     *
     * @return true at the end of the input.
     */
    boolean isDone()
    {
        return endOfStream && readIndex == limit;
    }

    /**
     * Make at least {@code n} bytes available from the read index, reading more when needed.
     *
     * @param n bytes wanted, at most the capacity.
     * @return true when available, false when the stream ends first (what is left stays available).
     */
    boolean ensure(final int n)
    {
        if (limit - readIndex >= n)
        {
            return true;
        }
        if (n > bytes.length)
        {
            throw new IllegalArgumentException("need " + n + " bytes, buffer capacity is " + bytes.length);
        }
        if (endOfStream)
        {
            return false;
        }

        if (readIndex > 0)
        {
            final int remaining = limit - readIndex;
            System.arraycopy(bytes, readIndex, bytes, 0, remaining);
            basePosition += readIndex;
            readIndex = 0;
            limit = remaining;
        }

        while (limit < bytes.length)
        {
            final int read;
            try
            {
                read = in.read(bytes, limit, bytes.length - limit);
            }
            catch (final IOException ex)
            {
                // Keep what was read before the failure usable; the caller asks for the error at the end.
                readError = ex;
                endOfStream = true;
                break;
            }
            if (read < 0)
            {
                endOfStream = true;
                break;
            }
            limit += read;
        }

        return limit - readIndex >= n;
    }

    /**
     * The error that ended the stream early, if any: bytes read before it are still delivered.
     *
     * @return the read error, or null when the stream ended normally (or has not ended).
     */
    IOException readError()
    {
        return readError;
    }

    /**
     * Offset in the uncompressed stream one past the last byte read from it: where a read error happened.
     *
     * @return bytes decoded (or read, for a plain file) so far.
     */
    long readLimitPosition()
    {
        return basePosition + limit;
    }

    /**
     * Offset in the file of the next byte the decompressor would consume: after a gzip error, where in the
     * compressed file the error was found (the inflater's input buffer is subtracted, so it is exact to the byte
     * for deflate errors; a CRC or length error is found at the member's trailer).
     *
     * @return file offset, equal to {@link #readLimitPosition()} for a plain file.
     */
    long compressedPosition()
    {
        return null == gzipIn ? raw.count : raw.count - gzipIn.inflaterRemaining();
    }

    /**
     * Describe the read error with its offsets, for a report.
     *
     * @return the error and where it happened, or null when there was none.
     */
    String describeReadError()
    {
        if (null == readError)
        {
            return null;
        }
        return gzip ?
            "gzip stream corrupt at compressed offset " + compressedPosition() + ", uncompressed offset " +
            readLimitPosition() + ": " + readError :
            "read failed at offset " + readLimitPosition() + ": " + readError;
    }

    void advance(final int n)
    {
        readIndex += n;
    }

    /**
     * Drop everything buffered and stop reading, after an unrecoverable error.
     */
    void skipRest()
    {
        readIndex = limit;
        endOfStream = true;
    }

    /**
     * Counts the bytes read from the file, for the compressed offset of a gzip error.
     */
    private static final class CountingInputStream extends FilterInputStream
    {
        private long count;

        CountingInputStream(final InputStream in)
        {
            super(in);
        }

        public int read() throws IOException
        {
            final int b = super.read();
            if (b >= 0)
            {
                count++;
            }
            return b;
        }

        public int read(final byte[] b, final int off, final int len) throws IOException
        {
            final int n = super.read(b, off, len);
            if (n > 0)
            {
                count += n;
            }
            return n;
        }

        public long skip(final long n) throws IOException
        {
            final long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /**
     * A gzip stream that tells how much of the compressed input its inflater holds but has not consumed.
     */
    private static final class GzipInput extends GZIPInputStream
    {
        GzipInput(final InputStream in, final int size) throws IOException
        {
            super(in, size);
        }

        int inflaterRemaining()
        {
            return inf.getRemaining();
        }
    }

    public void close()
    {
        try
        {
            in.close();
        }
        catch (final IOException ignore)
        {
            // Closing a file opened only for reading loses nothing.
        }
    }
}
