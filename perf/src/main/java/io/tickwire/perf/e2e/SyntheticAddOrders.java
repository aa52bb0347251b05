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
package io.tickwire.perf.e2e;

import io.tickwire.feed.ingest.MessageHandler;
import io.tickwire.feed.ingest.MessageSource;
import io.tickwire.feed.ring.SingleMessageNormaliser;
import io.tickwire.sbe.md.AddOrderEncoder;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import io.tickwire.sbe.md.Side;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A minimal ITCH Add Order source and normaliser for measuring the hand-off and publishing path on its own,
 * without file I/O or the full ITCH normaliser: 36-byte 'A' messages in, 69-byte SBE AddOrder out.
 */
final class SyntheticAddOrders
{
    static final int ADD_ORDER_LENGTH = 36;
    static final byte[] BLANK_MPID = { ' ', ' ', ' ', ' ' };

    private SyntheticAddOrders()
    {
    }

    /**
     * Generates {@code count} Add Order messages.
     */
    static final class Source implements MessageSource
    {
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ADD_ORDER_LENGTH]);
        private final long count;
        private long next = 1;

        Source(final long count)
        {
            this.count = count;
            buffer.putByte(0, (byte)'A');
            buffer.putBytes(24, "SYNTH   ".getBytes(StandardCharsets.US_ASCII));
        }

        public String name()
        {
            return "synthetic-add-orders:" + count;
        }

        public int poll(final MessageHandler handler, final int limit)
        {
            int delivered = 0;
            final UnsafeBuffer buffer = this.buffer;
            while (delivered < limit && next <= count)
            {
                final long index = next++;
                buffer.putShort(1, (short)(index % 100 + 1), ByteOrder.BIG_ENDIAN);
                buffer.putInt(7, (int)index, ByteOrder.BIG_ENDIAN);
                buffer.putLong(11, index, ByteOrder.BIG_ENDIAN);
                buffer.putByte(19, (byte)((index & 1) == 0 ? 'B' : 'S'));
                buffer.putInt(20, 100, ByteOrder.BIG_ENDIAN);
                buffer.putInt(32, (int)(index % 100_000), ByteOrder.BIG_ENDIAN);
                handler.onMessage(index, buffer, 0, ADD_ORDER_LENGTH);
                delivered++;
            }
            return delivered;
        }

        public boolean isExhausted()
        {
            return next > count;
        }

        public void close()
        {
        }
    }

    /**
     * Encodes the Add Orders of {@link Source} into SBE AddOrder.
     */
    static final class Normaliser implements SingleMessageNormaliser
    {
        private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
        private final AddOrderEncoder encoder = new AddOrderEncoder();
        private final EpochNanoClock clock;

        Normaliser(final EpochNanoClock clock)
        {
            this.clock = clock;
        }

        public int normalise(
            final long sequence,
            final DirectBuffer src,
            final int offset,
            final int length,
            final MutableDirectBuffer dst,
            final int dstOffset)
        {
            encoder.wrapAndApplyHeader(dst, dstOffset, headerEncoder)
                .sequence(0)
                .sourceTimestamp(src.getInt(offset + 7, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL)
                .ingestTimestamp(clock.nanoTime())
                .publishTimestamp(0)
                .instrumentId(src.getShort(offset + 1, ByteOrder.BIG_ENDIAN) & 0xFFFF)
                .orderId(src.getLong(offset + 11, ByteOrder.BIG_ENDIAN))
                .side(src.getByte(offset + 19) == 'B' ? Side.BUY : Side.SELL)
                .quantity(src.getInt(offset + 20, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL)
                .price(src.getInt(offset + 32, ByteOrder.BIG_ENDIAN))
                .putAttribution(BLANK_MPID, 0);

            return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
        }
    }
}
