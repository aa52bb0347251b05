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

import io.tickwire.sbe.md.AddOrderDecoder;
import io.tickwire.sbe.md.BooleanType;
import io.tickwire.sbe.md.OrderCancelDecoder;
import io.tickwire.sbe.md.OrderDeleteDecoder;
import io.tickwire.sbe.md.OrderExecutedDecoder;
import io.tickwire.sbe.md.OrderExecutedWithPriceDecoder;
import io.tickwire.sbe.md.OrderReplaceDecoder;
import io.tickwire.sbe.md.Side;
import org.agrona.DirectBuffer;

/**
 * Applies the order messages (add, execute, execute with price, cancel, delete, replace) and snapshot orders to the
 * instrument's {@link OrderBook}, then notifies the order listener and, for printable executions, the trade listener.
 * This is the hot path of {@link BookBuilder}: every method is allocation-free and called directly from its dispatch
 * switch.
 * <p>
 * Each message method takes the fields the dispatcher already decoded from the headers and returns the instrument
 * whose book changed, or {@code null} when no subscribed book changed.
 */
final class OrderApplier
{
    private final AddOrderDecoder addDecoder = new AddOrderDecoder();
    private final OrderExecutedDecoder executedDecoder = new OrderExecutedDecoder();
    private final OrderExecutedWithPriceDecoder executedWithPriceDecoder = new OrderExecutedWithPriceDecoder();
    private final OrderCancelDecoder cancelDecoder = new OrderCancelDecoder();
    private final OrderDeleteDecoder deleteDecoder = new OrderDeleteDecoder();
    private final OrderReplaceDecoder replaceDecoder = new OrderReplaceDecoder();

    private final InstrumentRegistry registry;
    private final BookErrors errors;
    private OrderListener orderListener;
    private TradeListener tradeListener;

    /**
     * An applier.
     *
     * @param registry of the instruments.
     * @param errors   to count rejected events in.
     */
    OrderApplier(final InstrumentRegistry registry, final BookErrors errors)
    {
        this.registry = registry;
        this.errors = errors;
    }

    /**
     * Listener for order events (may be null).
     *
     * @param listener to notify.
     */
    void orderListener(final OrderListener listener)
    {
        this.orderListener = listener;
    }

    /**
     * Listener for the trades printable executions report (may be null).
     *
     * @param listener to notify.
     */
    void tradeListener(final TradeListener listener)
    {
        this.tradeListener = listener;
    }

    InstrumentBook addOrder(
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
        addDecoder.wrap(buffer, bodyOffset, blockLength, version);
        final long orderId = addDecoder.orderId();
        final Side side = addDecoder.side();
        final long quantity = addDecoder.quantity();
        final long price = addDecoder.price();
        final BookResult result = instrument.book.add(orderId, side, price, quantity);
        if (BookResult.APPLIED != result)
        {
            errors.report(sequence, instrumentId, orderId, result);
            return null;
        }
        if (null != orderListener)
        {
            orderListener.onAdd(sequence, instrumentId, orderId, side, price, quantity);
        }
        return instrument;
    }

    InstrumentBook orderExecuted(
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
        executedDecoder.wrap(buffer, bodyOffset, blockLength, version);
        final long orderId = executedDecoder.orderId();
        final long quantity = executedDecoder.executedQuantity();
        final long matchNumber = executedDecoder.matchNumber();
        // The message has no price: the execution is at the resting order's price, read before the order may go.
        final Order order = instrument.book.order(orderId);
        final long price = null == order ? 0 : order.price();
        return execution(instrument, sequence, orderId, quantity, price, matchNumber, true);
    }

    InstrumentBook orderExecutedWithPrice(
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
        executedWithPriceDecoder.wrap(buffer, bodyOffset, blockLength, version);
        final long orderId = executedWithPriceDecoder.orderId();
        final long quantity = executedWithPriceDecoder.executedQuantity();
        final long matchNumber = executedWithPriceDecoder.matchNumber();
        final boolean printable = BooleanType.TRUE == executedWithPriceDecoder.printable();
        final long price = executedWithPriceDecoder.executionPrice();
        return execution(instrument, sequence, orderId, quantity, price, matchNumber, printable);
    }

    InstrumentBook orderCancel(
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
        cancelDecoder.wrap(buffer, bodyOffset, blockLength, version);
        final long orderId = cancelDecoder.orderId();
        final long quantity = cancelDecoder.cancelledQuantity();
        final BookResult result = instrument.book.cancel(orderId, quantity);
        if (BookResult.APPLIED != result)
        {
            errors.report(sequence, instrumentId, orderId, result);
            // Cancelling more than the open quantity still removed the order, so the book did change.
            if (BookResult.UNKNOWN_ORDER == result)
            {
                return null;
            }
        }
        if (null != orderListener)
        {
            orderListener.onCancel(sequence, instrumentId, orderId, quantity);
        }
        return instrument;
    }

    InstrumentBook orderDelete(
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
        deleteDecoder.wrap(buffer, bodyOffset, blockLength, version);
        final long orderId = deleteDecoder.orderId();
        final BookResult result = instrument.book.delete(orderId);
        if (BookResult.APPLIED != result)
        {
            errors.report(sequence, instrumentId, orderId, result);
            return null;
        }
        if (null != orderListener)
        {
            orderListener.onDelete(sequence, instrumentId, orderId);
        }
        return instrument;
    }

    InstrumentBook orderReplace(
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
        replaceDecoder.wrap(buffer, bodyOffset, blockLength, version);
        final long originalOrderId = replaceDecoder.originalOrderId();
        final long newOrderId = replaceDecoder.newOrderId();
        final long quantity = replaceDecoder.quantity();
        final long price = replaceDecoder.price();
        final BookResult result = instrument.book.replace(originalOrderId, newOrderId, quantity, price);
        if (BookResult.APPLIED != result)
        {
            errors.report(sequence, instrumentId, originalOrderId, result);
            // An invalid replacement still removed the original, so the book did change.
            return BookResult.INVALID_ORDER == result ? instrument : null;
        }
        if (null != orderListener)
        {
            orderListener.onReplace(sequence, instrumentId, originalOrderId, newOrderId, quantity, price);
        }
        return instrument;
    }

    /**
     * Add an order taken from a snapshot. A snapshot rebuilds state rather than reporting events, so no order
     * listener is notified; a rejection is reported with sequence 0 because a snapshot order has no stream sequence.
     *
     * @param instrumentId of the book.
     * @param orderId      of the order.
     * @param side         of the order.
     * @param price        of the order.
     * @param quantity     open quantity.
     * @param priority     the venue's rank within its price (a book ranked by venue priority), or 0.
     * @return the instrument, or {@code null} when it is not subscribed.
     */
    InstrumentBook snapshotOrder(
        final long instrumentId,
        final long orderId,
        final Side side,
        final long price,
        final long quantity,
        final long priority)
    {
        final InstrumentBook instrument = registry.subscribed(instrumentId);
        if (null == instrument)
        {
            return null;
        }

        // Snapshot orders come in book order; one with a venue priority takes its rank from it, as an OrderUpdate's.
        final BookResult result = 0 == priority ?
            instrument.book.add(orderId, side, price, quantity) :
            instrument.book.addByPriority(orderId, side, price, quantity, priority);
        if (BookResult.APPLIED != result)
        {
            errors.report(0, instrumentId, orderId, result);
        }
        return instrument;
    }

    private InstrumentBook execution(
        final InstrumentBook instrument,
        final long sequence,
        final long orderId,
        final long quantity,
        final long price,
        final long matchNumber,
        final boolean printable)
    {
        final long instrumentId = instrument.instrumentId;
        final BookResult result = instrument.book.execute(orderId, quantity);
        if (BookResult.APPLIED != result)
        {
            errors.report(sequence, instrumentId, orderId, result);
            if (BookResult.UNKNOWN_ORDER == result)
            {
                return null;
            }
        }
        if (null != orderListener)
        {
            orderListener.onExecute(sequence, instrumentId, orderId, quantity, price, matchNumber);
        }
        if (printable && null != tradeListener)
        {
            tradeListener.onTrade(sequence, instrumentId, price, quantity, matchNumber);
        }
        return instrument;
    }
}
