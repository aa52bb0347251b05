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

import io.tickwire.sbe.internal.OrdStatus;
import io.tickwire.sbe.internal.OrderType;
import io.tickwire.sbe.internal.TimeInForce;
import org.agrona.collections.Int2ObjectHashMap;

import java.util.Arrays;

/**
 * The books and what happens in them: price-time matching of new and repriced orders, the fills it makes, resting
 * or expiring what is left by time in force, the book listener's view of every change, and the reference prices
 * the session thread's price collar reads.
 * <p>
 * Match numbers count executions across all books. They are engine state (snapshotted), so that every member of a
 * cluster numbers the same trade alike.
 */
final class OrderMatcher implements ExecutionHandler
{
    private final Int2ObjectHashMap<OrderBook> books = new Int2ObjectHashMap<>();
    private final int[] instrumentIds;
    private final OrderStore store;
    private final EngineEvents events;
    private final BookListener bookListener;
    private final ReferencePrices referencePrices;
    private long matchNumber;

    /**
     * @param instrumentIds   instruments to hold a book for.
     * @param store           where finished orders retire.
     * @param events          where fills and expiries go.
     * @param bookListener    told of every book change (market data).
     * @param referencePrices where to publish last trade and BBO for the price collar.
     */
    OrderMatcher(
        final int[] instrumentIds,
        final OrderStore store,
        final EngineEvents events,
        final BookListener bookListener,
        final ReferencePrices referencePrices)
    {
        // Sorted: whatever walks all books (snapshot, reference prices after a load) does so in the same order on
        // every member.
        this.instrumentIds = instrumentIds.clone();
        Arrays.sort(this.instrumentIds);
        for (final int instrumentId : instrumentIds)
        {
            books.put(instrumentId, new OrderBook(instrumentId));
        }
        this.store = store;
        this.events = events;
        this.bookListener = bookListener;
        this.referencePrices = referencePrices;
    }

    /**
     * @return the instruments with a book, ascending.
     */
    int[] instrumentIds()
    {
        return instrumentIds;
    }

    /**
     * @param instrumentId the instrument.
     * @return its book, or null when it is not configured.
     */
    OrderBook book(final int instrumentId)
    {
        return books.get(instrumentId);
    }

    /**
     * @return the number of the last execution.
     */
    long matchNumber()
    {
        return matchNumber;
    }

    /**
     * @param matchNumber the number of the last execution, from a snapshot.
     */
    void matchNumber(final long matchNumber)
    {
        this.matchNumber = matchNumber;
    }

    /**
     * An accepted new order: a fill-or-kill that cannot fill entirely expires untouched; otherwise it executes
     * while it crosses, and what is left rests or expires.
     *
     * @param book  the order's book.
     * @param order accepted, not in the book.
     */
    void matchNew(final OrderBook book, final Order order)
    {
        if (TimeInForce.FOK.value() == order.timeInForce && book.executableQuantity(order) < order.leaves)
        {
            expire(order);
            return;
        }

        book.match(order, this);
        restOrExpire(book, order, false);
    }

    /**
     * A replaced order that lost its time priority: it executes while its new price crosses, and what is left
     * rests at the back of its new level or expires.
     *
     * @param book  the order's book.
     * @param order taken out of the book by {@link #takeOut}, with its new price and quantity.
     */
    void matchReplaced(final OrderBook book, final Order order)
    {
        book.match(order, this);
        restOrExpire(book, order, true);
    }

    /**
     * Take a resting order out of its book without telling the book listener: a replace tells it once the order
     * has rested again or filled, as one replace or delete.
     *
     * @param book  the order's book.
     * @param order resting there.
     */
    void takeOut(final OrderBook book, final Order order)
    {
        book.remove(order);
    }

    /**
     * Take a cancelled order out of its book.
     *
     * @param book  the order's book.
     * @param order resting there.
     */
    void cancel(final OrderBook book, final Order order)
    {
        book.remove(order);
        bookListener.onDelete(order.instrumentId, order.orderId);
    }

    /**
     * Reduce a resting order's open quantity in place, keeping its time priority.
     *
     * @param book      the order's book.
     * @param order     resting there.
     * @param newLeaves above zero and below the current open quantity.
     */
    void reduce(final OrderBook book, final Order order, final long newLeaves)
    {
        final long oldLeaves = order.leaves;
        book.reduce(order, newLeaves);
        bookListener.onCancel(order.instrumentId, order.orderId, oldLeaves - newLeaves);
    }

    /**
     * {@inheritDoc}
     */
    public void onExecution(final Order resting, final Order aggressor, final long quantity, final long price)
    {
        final long match = ++matchNumber;
        aggressor.ordStatus = (0 == aggressor.leaves ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED).value();
        resting.ordStatus = (0 == resting.leaves ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED).value();
        events.fill(aggressor, match, quantity, price, true);
        events.fill(resting, match, quantity, price, false);
        bookListener.onExecuted(resting.instrumentId, resting.orderId, quantity, match);
        if (0 == resting.leaves)
        {
            store.retire(resting);
        }
    }

    /**
     * Publish an instrument's last trade and BBO after a command changed its book.
     *
     * @param instrumentId the instrument; one without a book is ignored.
     */
    void updateReferencePrices(final int instrumentId)
    {
        final OrderBook book = books.get(instrumentId);
        if (null != book)
        {
            updateReferencePrices(book);
        }
    }

    /**
     * @param book changed.
     */
    void updateReferencePrices(final OrderBook book)
    {
        referencePrices.update(book.instrumentId(), book.lastTradePrice(), book.bestBid(), book.bestAsk());
    }

    /**
     * Publish every book's prices, after a snapshot was loaded.
     */
    void restoreReferencePrices()
    {
        for (final int instrumentId : instrumentIds)
        {
            updateReferencePrices(books.get(instrumentId));
        }
    }

    private void restOrExpire(final OrderBook book, final Order order, final boolean replaced)
    {
        if (0 == order.leaves)
        {
            if (replaced)
            {
                bookListener.onDelete(order.instrumentId, order.orderId);
            }
            store.retire(order);
        }
        else if (TimeInForce.DAY.value() == order.timeInForce && OrderType.LIMIT.value() == order.orderType)
        {
            book.rest(order);
            if (replaced)
            {
                bookListener.onReplace(order.instrumentId, order.orderId, order.orderId, order.leaves, order.price);
            }
            else
            {
                bookListener.onAdd(order.instrumentId, order.orderId, order.side, order.leaves, order.price);
            }
        }
        else
        {
            expire(order);
        }
    }

    private void expire(final Order order)
    {
        order.ordStatus = OrdStatus.CANCELED.value();
        events.cancelled(order, order.clOrdId, true);
        store.retire(order);
    }
}
