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

import org.agrona.DirectBuffer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a NASDAQ BinaryFILE: each message preceded by its u16 big-endian length. A path ending in {@code .gz} is
 * gzip-compressed. Messages are gathered in a large buffer and written in chunks.
 */
public final class ItchFileWriter implements AutoCloseable
{
    private static final int CHUNK = 1 << 20;

    private final OutputStream out;
    private final byte[] chunk = new byte[CHUNK];
    private int used;
    private long messageCount;
    private long bytesWritten;

    /**
     * Create (or truncate) a BinaryFILE.
     *
     * @param path of the file; {@code .gz} selects gzip compression.
     * @throws IOException if the file cannot be created.
     */
    public ItchFileWriter(final Path path) throws IOException
    {
        final OutputStream raw = Files.newOutputStream(path);
        this.out = path.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
    }

    /**
     * Append one message.
     *
     * @param buffer holding the message.
     * @param offset of its type byte.
     * @param length of the message, at most 65535.
     * @throws IOException if writing fails.
     */
    public void write(final DirectBuffer buffer, final int offset, final int length) throws IOException
    {
        if (length > 0xFFFF || length < 0)
        {
            throw new IllegalArgumentException("message length " + length + " does not fit a u16 length prefix");
        }
        if (used + 2 + length > CHUNK)
        {
            flushChunk();
        }
        chunk[used] = (byte)(length >>> 8);
        chunk[used + 1] = (byte)length;
        buffer.getBytes(offset, chunk, used + 2, length);
        used += 2 + length;
        messageCount++;
        bytesWritten += 2 + length;
    }

    /**
     * Messages written so far.
     *
     * @return count of messages.
     */
    public long messageCount()
    {
        return messageCount;
    }

    /**
     * Uncompressed bytes written so far, length prefixes included.
     *
     * @return count of bytes.
     */
    public long bytesWritten()
    {
        return bytesWritten;
    }

    /**
     * Write what is buffered and close the file.
     *
     * @throws IOException if writing fails.
     */
    public void close() throws IOException
    {
        try
        {
            flushChunk();
        }
        finally
        {
            out.close();
        }
    }

    private void flushChunk() throws IOException
    {
        if (used > 0)
        {
            out.write(chunk, 0, used);
            used = 0;
        }
    }
}
