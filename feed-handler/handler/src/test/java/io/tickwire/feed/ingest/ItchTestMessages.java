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

import io.tickwire.feed.ingest.itch.ItchMessageWriter;
import io.tickwire.feed.ingest.itch.ItchText;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helpers: ITCH messages as byte arrays, and a handler recording what a source delivered.
 */
final class ItchTestMessages
{
    private ItchTestMessages()
    {
    }

    static byte[] addOrder(final int locate, final long ref, final char side, final long shares, final String stock,
        final long price)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final int length = ItchMessageWriter.addOrder(buffer, 0, locate, 34_200_000_000_123L, ref, (byte)side,
            shares, ItchText.packStock(stock), price, 0);
        return copy(buffer, length);
    }

    static byte[] orderDelete(final int locate, final long ref)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        return copy(buffer, ItchMessageWriter.orderDelete(buffer, 0, locate, 34_200_000_000_456L, ref));
    }

    static byte[] copy(final DirectBuffer buffer, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    /**
     * A BinaryFILE frame: u16 BE length then the bytes.
     */
    static byte[] frame(final byte[] message)
    {
        return frame(message, message.length);
    }

    static byte[] frame(final byte[] message, final int declaredLength)
    {
        final byte[] frame = new byte[2 + message.length];
        frame[0] = (byte)(declaredLength >>> 8);
        frame[1] = (byte)declaredLength;
        System.arraycopy(message, 0, frame, 2, message.length);
        return frame;
    }

    /**
     * One delivered message.
     */
    record Delivered(long sequence, byte type, int length, byte[] bytes)
    {
    }

    /**
     * One malformed report.
     */
    record Report(MalformedReason reason, String source, long position, String detail)
    {
    }

    /**
     * Records deliveries and malformed reports.
     */
    static final class Recorder implements MessageHandler, MalformedInputListener
    {
        final List<Delivered> delivered = new ArrayList<>();
        final List<Report> reports = new ArrayList<>();

        public void onMessage(final long sequence, final DirectBuffer buffer, final int offset, final int length)
        {
            final byte[] bytes = new byte[length];
            buffer.getBytes(offset, bytes);
            delivered.add(new Delivered(sequence, bytes[0], length, bytes));
        }

        public void onMalformed(
            final MalformedReason reason, final String source, final long position, final String detail)
        {
            reports.add(new Report(reason, source, position, detail));
        }

        void drain(final MessageSource source)
        {
            int polls = 0;
            while (!source.isExhausted())
            {
                source.poll(this, 7);
                if (++polls > 10_000_000)
                {
                    throw new IllegalStateException("source never exhausted");
                }
            }
        }
    }

    static void drain(final MessageSource source, final Recorder recorder) throws IOException
    {
        recorder.drain(source);
        source.close();
    }
}
