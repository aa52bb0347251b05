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
package io.tickwire.feed;

import io.tickwire.feed.ingest.MessageHandler;
import io.tickwire.feed.ingest.MessageSource;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Generates ITCH 5.0 Add Order ('A', 36 bytes) messages whose fields follow from their index, so that a receiver
 * can check every field of every message: locate = index % 100 + 1, ref = index, side B for even index, shares =
 * index % 1000 + 1, stock "SYMnn", price = index * 10 (four implied decimals), timestamp = index * 1000.
 */
final class SyntheticItchSource implements MessageSource
{
    static final int ADD_ORDER_LENGTH = 36;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ADD_ORDER_LENGTH]);
    private final long messageCount;
    private long next = 1;
    private volatile boolean closed;

    SyntheticItchSource(final long messageCount)
    {
        this.messageCount = messageCount;
    }

    static int locate(final long index)
    {
        return (int)(index % 100) + 1;
    }

    static int shares(final long index)
    {
        return (int)(index % 1000) + 1;
    }

    static byte side(final long index)
    {
        return (byte)((index & 1) == 0 ? 'B' : 'S');
    }

    public String name()
    {
        return "synthetic:" + messageCount;
    }

    public int poll(final MessageHandler handler, final int limit)
    {
        int delivered = 0;
        while (delivered < limit && next <= messageCount)
        {
            encode(next);
            handler.onMessage(next, buffer, 0, ADD_ORDER_LENGTH);
            next++;
            delivered++;
        }
        return delivered;
    }

    public boolean isExhausted()
    {
        return next > messageCount;
    }

    public void close()
    {
        closed = true;
    }

    boolean isClosed()
    {
        return closed;
    }

    private void encode(final long index)
    {
        // ITCH is big-endian; the timestamp is 6 bytes.
        final long timestamp = index * 1000;
        buffer.putByte(0, (byte)'A');
        buffer.putShort(1, (short)locate(index), ByteOrder.BIG_ENDIAN);
        buffer.putShort(3, (short)0, ByteOrder.BIG_ENDIAN);
        buffer.putShort(5, (short)(timestamp >>> 32), ByteOrder.BIG_ENDIAN);
        buffer.putInt(7, (int)timestamp, ByteOrder.BIG_ENDIAN);
        buffer.putLong(11, index, ByteOrder.BIG_ENDIAN);
        buffer.putByte(19, side(index));
        buffer.putInt(20, shares(index), ByteOrder.BIG_ENDIAN);
        final byte[] stock = String.format("SYM%-5d", locate(index)).getBytes(StandardCharsets.US_ASCII);
        buffer.putBytes(24, stock, 0, 8);
        buffer.putInt(32, (int)(index * 10), ByteOrder.BIG_ENDIAN);
    }
}
