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
package io.tickwire.perf.harness;

import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.AddOrderEncoder;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import io.tickwire.sbe.md.Side;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The message every feed scenario sends: a real SBE market-data AddOrder, so transports carry the bytes the
 * feed carries. The sequence is the message index; {@code ingestTimestamp} holds the INTENDED send time and
 * {@code publishTimestamp} the actual send time, both epoch ns from one clock of the process.
 */
public final class FeedPayload
{
    /**
     * Encoded length: SBE header plus the AddOrder block.
     */
    public static final int LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + AddOrderEncoder.BLOCK_LENGTH;

    private FeedPayload()
    {
    }

    /**
     * Encode the fixed part of an AddOrder once; {@link #stamp} then fills the per-message fields in place.
     *
     * @param buffer where to encode.
     * @param offset at which offset.
     */
    public static void encodeTemplate(final MutableDirectBuffer buffer, final int offset)
    {
        new AddOrderEncoder()
            .wrapAndApplyHeader(buffer, offset, new MessageHeaderEncoder())
            .sequence(0)
            .sourceTimestamp(0)
            .ingestTimestamp(0)
            .publishTimestamp(0)
            .instrumentId(42)
            .orderId(1)
            .side(Side.BUY)
            .quantity(100)
            .price(1_234_500)
            .attribution("TKWR");
    }

    /**
     * Stamp the per-message fields.
     *
     * @param buffer       holding an encoded template.
     * @param offset       its offset.
     * @param sequence     message index.
     * @param intendedNs   intended send time, epoch ns.
     * @param publishNs    actual send time, epoch ns.
     */
    public static void stamp(
        final MutableDirectBuffer buffer, final int offset, final long sequence, final long intendedNs,
        final long publishNs)
    {
        buffer.putLong(offset + MarketDataHeader.SEQUENCE_OFFSET, sequence, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + MarketDataHeader.INGEST_TIMESTAMP_OFFSET, intendedNs, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + MarketDataHeader.PUBLISH_TIMESTAMP_OFFSET, publishNs, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * The message index.
     *
     * @param buffer message buffer.
     * @param offset message offset.
     * @return the sequence.
     */
    public static long sequence(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + MarketDataHeader.SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * The intended send time.
     *
     * @param buffer message buffer.
     * @param offset message offset.
     * @return epoch ns.
     */
    public static long intendedNs(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + MarketDataHeader.INGEST_TIMESTAMP_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * The actual send time.
     *
     * @param buffer message buffer.
     * @param offset message offset.
     * @return epoch ns.
     */
    public static long publishNs(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + MarketDataHeader.PUBLISH_TIMESTAMP_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }
}
