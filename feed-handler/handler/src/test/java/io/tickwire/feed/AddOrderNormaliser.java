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

import io.tickwire.feed.ring.SingleMessageNormaliser;
import io.tickwire.sbe.md.AddOrderEncoder;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import io.tickwire.sbe.md.Side;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.EpochNanoClock;

import java.nio.ByteOrder;

/**
 * Normalises the ITCH Add Order messages of {@link SyntheticItchSource} into SBE AddOrder, standing in for the
 * ingest module's normaliser so that the publisher is tested on its own.
 */
final class AddOrderNormaliser implements SingleMessageNormaliser
{
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final AddOrderEncoder encoder = new AddOrderEncoder();
    private final EpochNanoClock clock;

    AddOrderNormaliser(final EpochNanoClock clock)
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
        if (src.getByte(offset) != 'A')
        {
            return 0;
        }

        final long timestamp = ((long)(src.getShort(offset + 5, ByteOrder.BIG_ENDIAN) & 0xFFFF) << 32) |
            (src.getInt(offset + 7, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL);
        encoder.wrapAndApplyHeader(dst, dstOffset, headerEncoder)
            .sequence(0)
            .sourceTimestamp(timestamp)
            .ingestTimestamp(clock.nanoTime())
            .publishTimestamp(0)
            .instrumentId(src.getShort(offset + 1, ByteOrder.BIG_ENDIAN) & 0xFFFF)
            .orderId(src.getLong(offset + 11, ByteOrder.BIG_ENDIAN))
            .side(Side.get(src.getByte(offset + 19)))
            .quantity(src.getInt(offset + 20, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL)
            .price(src.getInt(offset + 32, ByteOrder.BIG_ENDIAN))
            .attribution("    ");

        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }
}
