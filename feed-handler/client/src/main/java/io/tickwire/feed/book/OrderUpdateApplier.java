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

import io.tickwire.sbe.md.OrderUpdateAction;
import io.tickwire.sbe.md.OrderUpdateDecoder;
import io.tickwire.sbe.md.Side;
import org.agrona.DirectBuffer;

/**
 * Applies OrderUpdate messages (schema version 4: CME MDP 3.0 market by order) to the {@link OrderBook} of an
 * instrument whose definition says ORDER_BOOK, ranking orders by the venue's priority within their price rather than
 * by arrival. The market-by-order counterpart of {@link PriceLevelApplier}, on the hot path of {@link BookBuilder} and
 * allocation-free once the book has reached its working size.
 * <p>
 * Action and side are read raw, so a value the schema does not define is a counted {@link BookResult} reported with
 * its context, not an exception out of the subscriber's poll. A Change or Delete of an order the book does not hold
 * is {@link BookResult#UNKNOWN_ORDER}; an update for a price-level instrument {@link BookResult#INVALID_ORDER} (its
 * order book would hold orders nobody reads). A rejected update leaves the book as it was.
 */
final class OrderUpdateApplier
{
    private final OrderUpdateDecoder decoder = new OrderUpdateDecoder();
    private final InstrumentRegistry registry;
    private final BookErrors errors;

    /**
     * An applier.
     *
     * @param registry of the instruments.
     * @param errors   to count rejected updates in.
     */
    OrderUpdateApplier(final InstrumentRegistry registry, final BookErrors errors)
    {
        this.registry = registry;
        this.errors = errors;
    }

    InstrumentBook orderUpdate(
        final DirectBuffer buffer,
        final int bodyOffset,
        final int blockLength,
        final int version,
        final long sequence,
        final long instrumentId)
    {
        final InstrumentBook instrument = registry.subscribed(instrumentId);
        if (null == instrument)
        {
            return null;
        }
        final OrderUpdateDecoder d = decoder.wrap(buffer, bodyOffset, blockLength, version);
        final long orderId = d.orderId();
        if (null != instrument.priceLevelBook)
        {
            errors.report(sequence, instrumentId, orderId, BookResult.INVALID_ORDER);
            return null;
        }
        final short action = d.actionRaw();
        final byte sideRaw = d.sideRaw();
        final Side side = Side.BUY.value() == sideRaw ? Side.BUY : Side.SELL.value() == sideRaw ? Side.SELL :
            Side.NULL_VAL;
        final OrderBook book = instrument.book;
        final BookResult result;
        if (OrderUpdateAction.NEW.value() == action)
        {
            result = book.addByPriority(orderId, side, d.price(), d.displayQuantity(), d.priority());
        }
        else if (OrderUpdateAction.CHANGE.value() == action)
        {
            result = book.changeByPriority(orderId, side, d.price(), d.displayQuantity(), d.priority());
        }
        else if (OrderUpdateAction.DELETE.value() == action)
        {
            result = book.delete(orderId);
        }
        else
        {
            result = BookResult.INVALID_ORDER;
        }
        if (BookResult.APPLIED != result)
        {
            errors.report(sequence, instrumentId, orderId, result);
            return null;
        }
        return instrument;
    }
}
