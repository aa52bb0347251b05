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

import io.tickwire.sbe.internal.CancelOrderCommandDecoder;
import io.tickwire.sbe.internal.NewOrderCommandDecoder;
import io.tickwire.sbe.internal.OrdStatus;
import io.tickwire.sbe.internal.OrderStatusCommandDecoder;
import io.tickwire.sbe.internal.RejectReason;
import io.tickwire.sbe.internal.ReplaceOrderCommandDecoder;
import io.tickwire.sbe.internal.SessionCancelCommandDecoder;

/**
 * What each command may do to the orders, and what it then does: a new order is refused for the gateway's reason,
 * a duplicate ClOrdID or an unknown symbol, else accepted and matched; a cancel or replace must name a live order
 * of its own session, and a replace may not change what identifies the order; a session cancel ends all of a
 * session's live orders (kill switch, disconnect).
 * <p>
 * Reads each command's fields straight from its decoder and answers through {@link EngineEvents}; the books are
 * the {@link OrderMatcher}'s, the orders the {@link OrderStore}'s.
 */
final class OrderStateRules
{
    private final OrderStore store;
    private final OrderMatcher matcher;
    private final EngineEvents events;
    private final byte[] rejectedSymbol = new byte[NewOrderCommandDecoder.symbolLength()];
    private final byte[] clOrdId = new byte[Order.CLORDID_LENGTH];
    private final byte[] origClOrdId = new byte[Order.CLORDID_LENGTH];

    /**
     * @param store   the known orders.
     * @param matcher the books.
     * @param events  where the answers go.
     */
    OrderStateRules(final OrderStore store, final OrderMatcher matcher, final EngineEvents events)
    {
        this.store = store;
        this.matcher = matcher;
        this.events = events;
    }

    /**
     * @param command wrapped.
     * @return the instrument whose book may have changed, or 0.
     */
    int onNewOrder(final NewOrderCommandDecoder command)
    {
        final long correlationId = command.correlationId();
        final long receiveNanos = command.receiveNanos();
        events.command(correlationId, receiveNanos);
        final int instrumentId = (int)command.instrumentId();
        final OrderBook book = matcher.book(instrumentId);

        final Order order = store.acquire();
        order.orderId = command.orderId();
        order.correlationId = correlationId;
        order.receiveNanos = receiveNanos;
        order.sessionIndex = (int)command.sessionIndex();
        order.instrumentId = instrumentId;
        order.side = command.sideRaw();
        order.fixSide = command.fixSide();
        order.orderType = command.orderTypeRaw();
        order.timeInForce = command.timeInForceRaw();
        order.quantity = command.quantity();
        order.leaves = order.quantity;
        order.price = command.price();
        command.getClOrdId(order.clOrdId, 0);

        RejectReason rejectReason = command.rejectReason();
        if (RejectReason.NONE == rejectReason && null != store.findByClOrdId(order.sessionIndex, order.clOrdId))
        {
            // The gateway's own window starts empty after a restart; this one is rebuilt from the log.
            rejectReason = RejectReason.DUPLICATE_CLORDID;
        }
        if (RejectReason.NONE != rejectReason || null == book)
        {
            command.getSymbol(rejectedSymbol, 0);
            final boolean gatewayReason = rejectReason == command.rejectReason();
            events.rejected(order, null == book ? RejectReason.UNKNOWN_SYMBOL : rejectReason,
                gatewayReason ? command.limitValue() : 0, gatewayReason ? command.actualValue() : 0, rejectedSymbol);
            store.release(order);
            return 0;
        }

        order.live = true;
        order.ordStatus = OrdStatus.NEW.value();
        store.add(order);
        events.accepted(order);
        matcher.matchNew(book, order);
        return instrumentId;
    }

    /**
     * @param command wrapped.
     * @return the instrument whose book changed, or 0.
     */
    int onCancel(final CancelOrderCommandDecoder command)
    {
        final long correlationId = command.correlationId();
        final long receiveNanos = command.receiveNanos();
        events.command(correlationId, receiveNanos);
        final int sessionIndex = (int)command.sessionIndex();
        command.getClOrdId(clOrdId, 0);
        command.getOrigClOrdId(origClOrdId, 0);
        final Order order = liveOrderOrReject(command.orderId(), sessionIndex, false);
        if (null == order)
        {
            return 0;
        }

        matcher.cancel(matcher.book(order.instrumentId), order);
        order.correlationId = correlationId;
        order.receiveNanos = receiveNanos;
        order.ordStatus = OrdStatus.CANCELED.value();
        events.cancelled(order, clOrdId, false);
        store.rename(order, clOrdId);
        store.retire(order);
        return order.instrumentId;
    }

    /**
     * @param command wrapped.
     * @return the instrument whose book changed, or 0.
     */
    int onReplace(final ReplaceOrderCommandDecoder command)
    {
        final long correlationId = command.correlationId();
        final long receiveNanos = command.receiveNanos();
        events.command(correlationId, receiveNanos);
        final int sessionIndex = (int)command.sessionIndex();
        command.getClOrdId(clOrdId, 0);
        command.getOrigClOrdId(origClOrdId, 0);
        final Order order = liveOrderOrReject(command.orderId(), sessionIndex, true);
        if (null == order)
        {
            return 0;
        }

        final long newQuantity = command.quantity();
        final long newPrice = command.price();
        final RejectReason rejectReason = changeRejected(order, command);
        if (RejectReason.NONE != rejectReason)
        {
            final boolean gatewayReason = rejectReason == command.rejectReason();
            events.cancelRejected(order, sessionIndex, true, rejectReason,
                gatewayReason ? command.limitValue() : 0, gatewayReason ? command.actualValue() : 0,
                clOrdId, origClOrdId);
            return 0;
        }
        if (newQuantity <= order.cumulative)
        {
            events.cancelRejected(order, sessionIndex, true, RejectReason.INVALID_REPLACE,
                order.cumulative, newQuantity, clOrdId, origClOrdId);
            return 0;
        }

        final OrderBook book = matcher.book(order.instrumentId);
        order.correlationId = correlationId;
        order.receiveNanos = receiveNanos;
        final boolean losesPriority = newPrice != order.price || newQuantity > order.quantity;
        final long newLeaves = newQuantity - order.cumulative;
        if (losesPriority)
        {
            matcher.takeOut(book, order);
            order.quantity = newQuantity;
            order.price = newPrice;
            order.leaves = newLeaves;
            order.ordStatus = (0 == order.cumulative ? OrdStatus.NEW : OrdStatus.PARTIALLY_FILLED).value();
            events.replaced(order, clOrdId);
            store.rename(order, clOrdId);
            matcher.matchReplaced(book, order);
        }
        else
        {
            matcher.reduce(book, order, newLeaves);
            order.quantity = newQuantity;
            events.replaced(order, clOrdId);
            store.rename(order, clOrdId);
        }
        return order.instrumentId;
    }

    /**
     * @param command wrapped.
     */
    void onStatus(final OrderStatusCommandDecoder command)
    {
        events.command(command.correlationId(), command.receiveNanos());
        final int sessionIndex = (int)command.sessionIndex();
        command.getClOrdId(clOrdId, 0);
        final Order order = store.find(command.orderId(), sessionIndex, clOrdId);
        events.orderStatus(null == order || order.sessionIndex != sessionIndex ? null : order, sessionIndex, clOrdId);
    }

    /**
     * Cancel every live order of a session; each book's reference prices are published as it changes.
     *
     * @param command wrapped.
     */
    void onSessionCancel(final SessionCancelCommandDecoder command)
    {
        final long correlationId = command.correlationId();
        final long receiveNanos = command.receiveNanos();
        events.command(correlationId, receiveNanos);
        final int count = store.collectLive((int)command.sessionIndex());
        for (int i = 0; i < count; i++)
        {
            final Order order = store.collected(i);
            final OrderBook book = matcher.book(order.instrumentId);
            matcher.cancel(book, order);
            order.correlationId = correlationId;
            order.receiveNanos = receiveNanos;
            order.ordStatus = OrdStatus.CANCELED.value();
            events.cancelled(order, order.clOrdId, false);
            store.retire(order);
            matcher.updateReferencePrices(book);
        }
    }

    /**
     * The order a cancel or replace request names, if it is live and belongs to the requesting session; otherwise
     * the request is answered with a cancel reject (unknown order, or too late) and null is returned.
     */
    private Order liveOrderOrReject(final long orderId, final int sessionIndex, final boolean replace)
    {
        final Order order = store.find(orderId, sessionIndex, origClOrdId);
        if (null == order || order.sessionIndex != sessionIndex)
        {
            events.cancelRejected(order, sessionIndex, replace, RejectReason.UNKNOWN_ORDER, 0, 0, clOrdId, origClOrdId);
            return null;
        }
        if (!order.live)
        {
            events.cancelRejected(order, sessionIndex, replace, RejectReason.TOO_LATE, 0, 0, clOrdId, origClOrdId);
            return null;
        }

        return order;
    }

    /**
     * Why a replace may not apply, or NONE. The gateway's field checks come first (they explain a malformed
     * request best); a replace may not change what identifies the order, Symbol, Side or OrdType (a replace that
     * did would move another instrument's reference price or trade the other way); the gateway's clock and risk
     * checks last, since a collar checked against another symbol's reference says nothing about this order.
     */
    private static RejectReason changeRejected(final Order order, final ReplaceOrderCommandDecoder command)
    {
        final RejectReason gatewayReason = command.rejectReason();
        if (isFieldRule(gatewayReason))
        {
            return gatewayReason;
        }
        if (command.instrumentId() != order.instrumentId)
        {
            return RejectReason.REPLACE_CHANGES_SYMBOL;
        }
        if (command.fixSide() != order.fixSide)
        {
            return RejectReason.REPLACE_CHANGES_SIDE;
        }
        if (command.orderTypeRaw() != order.orderType)
        {
            return RejectReason.REPLACE_CHANGES_ORD_TYPE;
        }
        return gatewayReason;
    }

    private static boolean isFieldRule(final RejectReason reason)
    {
        switch (reason)
        {
            case UNKNOWN_SYMBOL:
            case INVALID_QUANTITY:
            case INVALID_PRICE:
            case DUPLICATE_CLORDID:
            case UNSUPPORTED:
                return true;
            default:
                return false;
        }
    }
}
