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
package io.tickwire.fix.match;

import io.tickwire.sbe.internal.BooleanType;
import io.tickwire.sbe.internal.EngineSnapshotBeginDecoder;
import io.tickwire.sbe.internal.EngineSnapshotBeginEncoder;
import io.tickwire.sbe.internal.EngineSnapshotEndDecoder;
import io.tickwire.sbe.internal.EngineSnapshotEndEncoder;
import io.tickwire.sbe.internal.MessageHeaderDecoder;
import io.tickwire.sbe.internal.MessageHeaderEncoder;
import io.tickwire.sbe.internal.OrdStatus;
import io.tickwire.sbe.internal.OrderSnapshotDecoder;
import io.tickwire.sbe.internal.OrderSnapshotEncoder;
import io.tickwire.sbe.internal.OrderType;
import io.tickwire.sbe.internal.Side;
import io.tickwire.sbe.internal.TimeInForce;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * The matching engine's state as a sequence of SBE messages (internal schema: {@code EngineSnapshotBegin}, one
 * {@code OrderSnapshot} per order, {@code EngineSnapshotEnd}), and back.
 * <p>
 * Resting orders are written book by book (instrument ids ascending), bids then asks, best level first, oldest
 * order first: loading rests them in that order, which restores price-time priority exactly. Retained finished
 * orders follow, oldest first, so that they age out in the same order. Nothing is written in hash order, so
 * two members with the same state write the same bytes.
 */
public final class EngineSnapshotCodec
{
    /**
     * Where a snapshot's messages go, in order (e.g. a cluster snapshot publication).
     */
    @FunctionalInterface
    public interface Output
    {
        /**
         * @param buffer holding one message, SBE header included.
         * @param offset of the header.
         * @param length of header and body.
         */
        void write(DirectBuffer buffer, int offset, int length);
    }

    private EngineSnapshotCodec()
    {
    }

    static void write(final OrderMatcher matcher, final OrderStore store, final Output output)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final int[] instrumentIds = matcher.instrumentIds();
        int orderCount = store.finishedCount();
        for (final int instrumentId : instrumentIds)
        {
            final OrderBook book = matcher.book(instrumentId);
            orderCount += countOrders(book.bids()) + countOrders(book.asks());
        }

        final EngineSnapshotBeginEncoder begin = new EngineSnapshotBeginEncoder()
            .wrapAndApplyHeader(buffer, 0, header)
            .matchNumber(matcher.matchNumber())
            .orderCount(orderCount);
        final EngineSnapshotBeginEncoder.BooksEncoder books = begin.booksCount(instrumentIds.length);
        for (final int instrumentId : instrumentIds)
        {
            books.next().instrumentId(instrumentId).lastTradePrice(matcher.book(instrumentId).lastTradePrice());
        }
        output.write(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + begin.encodedLength());

        final OrderSnapshotEncoder encoder = new OrderSnapshotEncoder();
        for (final int instrumentId : instrumentIds)
        {
            final OrderBook book = matcher.book(instrumentId);
            writeSide(book.bids(), encoder, header, buffer, output);
            writeSide(book.asks(), encoder, header, buffer, output);
        }
        for (int age = 0, count = store.finishedCount(); age < count; age++)
        {
            writeOrder(store.finished(age), encoder, header, buffer, output);
        }

        final EngineSnapshotEndEncoder end = new EngineSnapshotEndEncoder()
            .wrapAndApplyHeader(buffer, 0, header)
            .orderCount(orderCount);
        output.write(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + end.encodedLength());
    }

    private static int countOrders(final BookSide side)
    {
        int count = 0;
        for (int rank = 0, levels = side.levelCount(); rank < levels; rank++)
        {
            for (Order order = side.level(rank).head; null != order; order = order.next)
            {
                count++;
            }
        }
        return count;
    }

    private static void writeSide(
        final BookSide side,
        final OrderSnapshotEncoder encoder,
        final MessageHeaderEncoder header,
        final ExpandableArrayBuffer buffer,
        final Output output)
    {
        for (int rank = 0, levels = side.levelCount(); rank < levels; rank++)
        {
            for (Order order = side.level(rank).head; null != order; order = order.next)
            {
                writeOrder(order, encoder, header, buffer, output);
            }
        }
    }

    private static void writeOrder(
        final Order order,
        final OrderSnapshotEncoder encoder,
        final MessageHeaderEncoder header,
        final ExpandableArrayBuffer buffer,
        final Output output)
    {
        encoder.wrapAndApplyHeader(buffer, 0, header)
            .orderId(order.orderId)
            .correlationId(order.correlationId)
            .sessionIndex(order.sessionIndex)
            .instrumentId(order.instrumentId)
            .side(Side.get(order.side))
            .fixSide(order.fixSide)
            .orderType(OrderType.get(order.orderType))
            .timeInForce(TimeInForce.get(order.timeInForce))
            .quantity(order.quantity)
            .price(order.price)
            .leavesQuantity(order.leaves)
            .cumulativeQuantity(order.cumulative)
            .notional(order.notional)
            .ordStatus(OrdStatus.get(order.ordStatus))
            .live(order.live ? BooleanType.TRUE : BooleanType.FALSE)
            .putClOrdId(order.clOrdId, 0);
        output.write(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    /**
     * Restores a snapshot into a new engine, one message at a time, as they are read from wherever the snapshot
     * was stored. Tells when the snapshot is complete; a snapshot that ends early or does not add up is an error,
     * never a partly loaded engine taken for a whole one.
     */
    public static final class Loader
    {
        private final OrderMatcher matcher;
        private final OrderStore store;
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final EngineSnapshotBeginDecoder begin = new EngineSnapshotBeginDecoder();
        private final OrderSnapshotDecoder order = new OrderSnapshotDecoder();
        private final EngineSnapshotEndDecoder end = new EngineSnapshotEndDecoder();
        private long expectedOrders = -1;
        private long orders;
        private boolean complete;

        Loader(final OrderMatcher matcher, final OrderStore store)
        {
            this.matcher = matcher;
            this.store = store;
        }

        /**
         * @param buffer holding one snapshot message.
         * @param offset of its SBE header.
         * @param length of the message.
         * @throws IllegalStateException when the message is not the one expected next.
         */
        public void onMessage(final DirectBuffer buffer, final int offset, final int length)
        {
            header.wrap(buffer, offset);
            if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
            {
                throw new IllegalStateException("snapshot message of schema " + header.schemaId());
            }
            switch (header.templateId())
            {
                case EngineSnapshotBeginDecoder.TEMPLATE_ID:
                    onBegin();
                    begin.wrapAndApplyHeader(buffer, offset, header);
                    expectedOrders = begin.orderCount();
                    matcher.matchNumber(begin.matchNumber());
                    for (final EngineSnapshotBeginDecoder.BooksDecoder book : begin.books())
                    {
                        final OrderBook orderBook = matcher.book((int)book.instrumentId());
                        if (null == orderBook)
                        {
                            throw new IllegalStateException("snapshot has a book for instrument " +
                                book.instrumentId() + ", which is not configured");
                        }
                        orderBook.lastTradePrice(book.lastTradePrice());
                    }
                    break;

                case OrderSnapshotDecoder.TEMPLATE_ID:
                    onOrder(buffer, offset);
                    break;

                case EngineSnapshotEndDecoder.TEMPLATE_ID:
                    end.wrapAndApplyHeader(buffer, offset, header);
                    if (expectedOrders < 0 || end.orderCount() != expectedOrders || orders != expectedOrders)
                    {
                        throw new IllegalStateException("snapshot incomplete: " + orders + " orders read, " +
                            expectedOrders + " announced, " + end.orderCount() + " at the end");
                    }
                    matcher.restoreReferencePrices();
                    complete = true;
                    break;

                default:
                    throw new IllegalStateException("unexpected snapshot message template " + header.templateId());
            }
        }

        private void onBegin()
        {
            if (expectedOrders >= 0)
            {
                throw new IllegalStateException("second snapshot begin");
            }
        }

        private void onOrder(final DirectBuffer buffer, final int offset)
        {
            if (expectedOrders < 0 || complete)
            {
                throw new IllegalStateException("order outside a snapshot");
            }
            order.wrapAndApplyHeader(buffer, offset, header);
            final OrderBook book = matcher.book((int)order.instrumentId());
            if (null == book)
            {
                throw new IllegalStateException("snapshot order " + order.orderId() + " for instrument " +
                    order.instrumentId() + ", which is not configured");
            }
            final Order restored = store.acquire();
            restored.orderId = order.orderId();
            restored.correlationId = order.correlationId();
            restored.sessionIndex = (int)order.sessionIndex();
            restored.instrumentId = (int)order.instrumentId();
            restored.side = order.sideRaw();
            restored.fixSide = order.fixSide();
            restored.orderType = order.orderTypeRaw();
            restored.timeInForce = order.timeInForceRaw();
            restored.quantity = order.quantity();
            restored.price = order.price();
            restored.leaves = order.leavesQuantity();
            restored.cumulative = order.cumulativeQuantity();
            restored.notional = order.notional();
            restored.ordStatus = order.ordStatusRaw();
            restored.live = BooleanType.TRUE == order.live();
            order.getClOrdId(restored.clOrdId, 0);
            store.restore(restored);
            if (restored.live)
            {
                book.rest(restored);
            }
            orders++;
        }

        /**
         * @return whether the end of the snapshot was read and everything added up.
         */
        public boolean isComplete()
        {
            return complete;
        }
    }
}
