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
package io.tickwire.sbe;

import io.tickwire.sbe.md.AddOrderDecoder;
import io.tickwire.sbe.md.AddOrderEncoder;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import io.tickwire.sbe.md.Side;
import io.tickwire.sbe.md.SnapshotOrdersDecoder;
import io.tickwire.sbe.md.SnapshotOrdersEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared prefix of market data messages sits where {@link MarketDataHeader} says, in every template,
 * so the publisher can stamp sequence and publish time without decoding.
 */
class MarketDataHeaderTest
{
    private static final String[] PREFIX = {
        "sequence", "sourceTimestamp", "ingestTimestamp", "publishTimestamp", "instrumentId",
    };

    @Test
    void shouldStartEveryMarketDataMessageWithTheSharedPrefix() throws Exception
    {
        final Element root = SchemaRoundTripTest.parse("/sbe/market-data-schema.xml");
        final List<Element> messages = SchemaRoundTripTest.children(root, "sbe:message");
        assertFalse(messages.isEmpty());

        final int[] expectedOffsets = {
            MarketDataHeader.SEQUENCE_BODY_OFFSET,
            MarketDataHeader.SOURCE_TIMESTAMP_BODY_OFFSET,
            MarketDataHeader.INGEST_TIMESTAMP_BODY_OFFSET,
            MarketDataHeader.PUBLISH_TIMESTAMP_BODY_OFFSET,
            MarketDataHeader.INSTRUMENT_ID_BODY_OFFSET,
        };

        for (final Element message : messages)
        {
            final Class<?> decoder = Class.forName("io.tickwire.sbe.md." + message.getAttribute("name") + "Decoder");
            for (int i = 0; i < PREFIX.length; i++)
            {
                final int offset = (int)decoder.getMethod(PREFIX[i] + "EncodingOffset").invoke(null);
                assertEquals(expectedOffsets[i], offset, decoder.getSimpleName() + "." + PREFIX[i]);
            }

            final int blockLength = decoder.getField("BLOCK_LENGTH").getInt(null);
            assertTrue(blockLength + MarketDataHeader.MESSAGE_HEADER_LENGTH >= MarketDataHeader.MIN_MESSAGE_LENGTH);
        }
    }

    @Test
    void shouldStampSequenceAndPublishTimeInPlace()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        final AddOrderEncoder encoder = new AddOrderEncoder();
        encoder.wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .sequence(0)
            .sourceTimestamp(34_200_000_000_000L)
            .ingestTimestamp(1_700_000_000_000_000_000L)
            .publishTimestamp(0)
            .instrumentId(13)
            .orderId(Long.MAX_VALUE)
            .side(Side.SELL)
            .quantity(4_294_967_294L)
            .price(873_900L)
            .attribution("GSCO");

        buffer.putLong(MarketDataHeader.SEQUENCE_OFFSET, 42L);
        buffer.putLong(MarketDataHeader.PUBLISH_TIMESTAMP_OFFSET, 1_700_000_000_000_001_000L);

        final AddOrderDecoder decoder = new AddOrderDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
        assertEquals(42L, decoder.sequence());
        assertEquals(34_200_000_000_000L, decoder.sourceTimestamp());
        assertEquals(1_700_000_000_000_000_000L, decoder.ingestTimestamp());
        assertEquals(1_700_000_000_000_001_000L, decoder.publishTimestamp());
        assertEquals(13, decoder.instrumentId());
        assertEquals(13, buffer.getInt(MarketDataHeader.INSTRUMENT_ID_OFFSET));
        assertEquals(Long.MAX_VALUE, decoder.orderId());
        assertEquals(Side.SELL, decoder.side());
        assertEquals(4_294_967_294L, decoder.quantity());
        assertEquals(873_900L, decoder.price());
        assertEquals("GSCO", decoder.attribution());
    }

    @Test
    void shouldCarrySnapshotOrdersInPriorityOrder()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
        final SnapshotOrdersEncoder encoder = new SnapshotOrdersEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .sequence(7).sourceTimestamp(0).ingestTimestamp(1).publishTimestamp(2).instrumentId(5).snapshotId(99);
        final SnapshotOrdersEncoder.OrdersEncoder orders = encoder.ordersCount(2);
        orders.next().orderId(1).side(Side.BUY).quantity(100).price(1_000_000);
        orders.next().orderId(2).side(Side.BUY).quantity(200).price(999_900);

        final SnapshotOrdersDecoder decoder = new SnapshotOrdersDecoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
        assertEquals(7, decoder.sequence());
        assertEquals(99, decoder.snapshotId());
        final SnapshotOrdersDecoder.OrdersDecoder decoded = decoder.orders();
        assertEquals(2, decoded.count());
        assertEquals(1, decoded.next().orderId());
        assertEquals(1_000_000, decoded.price());
        assertEquals(2, decoded.next().orderId());
        assertEquals(200, decoded.quantity());
        assertEquals(999_900, decoded.price());
    }
}
