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
package io.tickwire.feed.book;

import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.AddOrderDecoder;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import io.tickwire.sbe.md.OrderCancelDecoder;
import io.tickwire.sbe.md.OrderDeleteDecoder;
import io.tickwire.sbe.md.OrderExecutedDecoder;
import io.tickwire.sbe.md.OrderExecutedWithPriceDecoder;
import io.tickwire.sbe.md.OrderReplaceDecoder;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Applies published SBE market data to {@link ReferenceBook}s, one per instrument, and compares them with real books.
 */
public final class ReferenceFeed
{
    private final Map<Long, ReferenceBook> books = new TreeMap<>();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final AddOrderDecoder add = new AddOrderDecoder();
    private final OrderExecutedDecoder executed = new OrderExecutedDecoder();
    private final OrderExecutedWithPriceDecoder executedWithPrice = new OrderExecutedWithPriceDecoder();
    private final OrderCancelDecoder cancel = new OrderCancelDecoder();
    private final OrderDeleteDecoder delete = new OrderDeleteDecoder();
    private final OrderReplaceDecoder replace = new OrderReplaceDecoder();
    private long errors;
    private long lastSequence;

    /**
     * Apply one message.
     *
     * @param buffer holding it.
     * @param offset of the message header.
     * @return the instrument id the message was for.
     */
    public long apply(final DirectBuffer buffer, final int offset)
    {
        header.wrap(buffer, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        lastSequence = buffer.getLong(offset + MarketDataHeader.SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
        final long instrumentId =
            buffer.getInt(offset + MarketDataHeader.INSTRUMENT_ID_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL;
        final ReferenceBook book = books.computeIfAbsent(instrumentId, id -> new ReferenceBook());
        final BookResult result;
        switch (header.templateId())
        {
            case AddOrderDecoder.TEMPLATE_ID:
                add.wrap(buffer, body, blockLength, version);
                result = book.add(add.orderId(), add.side(), add.price(), add.quantity());
                break;
            case OrderExecutedDecoder.TEMPLATE_ID:
                executed.wrap(buffer, body, blockLength, version);
                result = book.reduce(executed.orderId(), executed.executedQuantity());
                break;
            case OrderExecutedWithPriceDecoder.TEMPLATE_ID:
                executedWithPrice.wrap(buffer, body, blockLength, version);
                result = book.reduce(executedWithPrice.orderId(), executedWithPrice.executedQuantity());
                break;
            case OrderCancelDecoder.TEMPLATE_ID:
                cancel.wrap(buffer, body, blockLength, version);
                result = book.reduce(cancel.orderId(), cancel.cancelledQuantity());
                break;
            case OrderDeleteDecoder.TEMPLATE_ID:
                delete.wrap(buffer, body, blockLength, version);
                result = book.delete(delete.orderId());
                break;
            case OrderReplaceDecoder.TEMPLATE_ID:
                replace.wrap(buffer, body, blockLength, version);
                result = book.replace(
                    replace.originalOrderId(), replace.newOrderId(), replace.quantity(), replace.price());
                break;
            default:
                result = BookResult.APPLIED;
        }
        if (BookResult.APPLIED != result)
        {
            errors++;
        }
        return instrumentId;
    }

    /**
     * Reference book of an instrument.
     *
     * @param instrumentId of the book.
     * @return the book, empty if never seen.
     */
    public ReferenceBook book(final long instrumentId)
    {
        return books.computeIfAbsent(instrumentId, id -> new ReferenceBook());
    }

    /**
     * Every instrument id seen.
     *
     * @return the ids.
     */
    public Iterable<Long> instrumentIds()
    {
        return books.keySet();
    }

    /**
     * Events the reference books rejected.
     *
     * @return the count.
     */
    public long errors()
    {
        return errors;
    }

    /**
     * Sequence of the last message applied.
     *
     * @return the sequence.
     */
    public long lastSequence()
    {
        return lastSequence;
    }

    /**
     * Assert that a book equals the reference at L3 (orders in priority) and L2 (levels), both sides.
     *
     * @param instrumentId of the book.
     * @param book         to check; {@code null} is treated as empty.
     * @param context      for the failure message.
     */
    public void assertBookEquals(final long instrumentId, final OrderBook book, final String context)
    {
        final ReferenceBook reference = book(instrumentId);
        final OrderBook actual = null == book ? new OrderBook(instrumentId) : book;
        for (final io.tickwire.sbe.md.Side side : new io.tickwire.sbe.md.Side[]{
            io.tickwire.sbe.md.Side.BUY, io.tickwire.sbe.md.Side.SELL })
        {
            assertEquals(reference.orders(side), ReferenceBook.orders(actual, side),
                () -> "L3 " + side + " instrument " + instrumentId + " " + context);
            assertEquals(reference.levels2(side), ReferenceBook.levels2(actual, side),
                () -> "L2 " + side + " instrument " + instrumentId + " " + context);
        }
        assertEquals(reference.orderCount(), actual.orderCount(), () -> "orders " + instrumentId + " " + context);
    }
}
