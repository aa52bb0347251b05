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
import io.tickwire.sbe.internal.CancelRejectedEventEncoder;
import io.tickwire.sbe.internal.FillEventEncoder;
import io.tickwire.sbe.internal.MessageHeaderEncoder;
import io.tickwire.sbe.internal.OrdStatus;
import io.tickwire.sbe.internal.OrderAcceptedEventEncoder;
import io.tickwire.sbe.internal.OrderCancelledEventEncoder;
import io.tickwire.sbe.internal.OrderRejectedEventEncoder;
import io.tickwire.sbe.internal.OrderReplacedEventEncoder;
import io.tickwire.sbe.internal.OrderStatusEventEncoder;
import io.tickwire.sbe.internal.OrderType;
import io.tickwire.sbe.internal.RejectReason;
import io.tickwire.sbe.internal.Side;
import io.tickwire.sbe.internal.TimeInForce;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * The engine's outgoing events: encodes each one into a single preallocated buffer with reused SBE encoders and
 * hands it to the {@link EventSink} at once, so the sink sees events in exactly the order the engine decides them.
 * <p>
 * Events that answer the command itself (accepted, rejected, cancel rejected, status) carry the identifiers of the
 * command being applied, set by {@link #command(long, long)}; events about an order (fills, cancels, replaces)
 * carry the order's own, since a resting order filled by another session's command answers its own request.
 */
final class EngineEvents
{
    private final EventSink sink;
    private final NanoClock nanoClock;
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(512));
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final OrderAcceptedEventEncoder accepted = new OrderAcceptedEventEncoder();
    private final OrderRejectedEventEncoder rejected = new OrderRejectedEventEncoder();
    private final FillEventEncoder fill = new FillEventEncoder();
    private final OrderCancelledEventEncoder cancelled = new OrderCancelledEventEncoder();
    private final OrderReplacedEventEncoder replaced = new OrderReplacedEventEncoder();
    private final CancelRejectedEventEncoder cancelRejected = new CancelRejectedEventEncoder();
    private final OrderStatusEventEncoder status = new OrderStatusEventEncoder();
    private long correlationId;
    private long receiveNanos;

    /**
     * @param sink      where events go.
     * @param nanoClock stamps {@code engineNanos} (latency stages only, never state).
     */
    EngineEvents(final EventSink sink, final NanoClock nanoClock)
    {
        this.sink = sink;
        this.nanoClock = nanoClock;
    }

    /**
     * The command being applied, whose identifiers the answers to it carry.
     *
     * @param correlationId of the command.
     * @param receiveNanos  of the command.
     */
    void command(final long correlationId, final long receiveNanos)
    {
        this.correlationId = correlationId;
        this.receiveNanos = receiveNanos;
    }

    /**
     * @param order just accepted, before it trades.
     */
    void accepted(final Order order)
    {
        header.wrap(buffer, 0);
        accepted.wrapAndApplyHeader(buffer, 0, header)
            .engineNanos(nanoClock.nanoTime())
            .correlationId(correlationId)
            .receiveNanos(receiveNanos)
            .sessionIndex(order.sessionIndex)
            .instrumentId(order.instrumentId)
            .orderId(order.orderId)
            .leavesQuantity(order.leaves)
            .side(Side.get(order.side))
            .fixSide(order.fixSide)
            .orderType(OrderType.get(order.orderType))
            .timeInForce(TimeInForce.get(order.timeInForce))
            .orderQuantity(order.quantity)
            .orderPrice(order.price)
            .putClOrdId(order.clOrdId, 0);
        publish(OrderAcceptedEventEncoder.TEMPLATE_ID, accepted.encodedLength());
    }

    /**
     * @param order  the refused order, never accepted.
     * @param reason why.
     * @param limit  the limit a risk check applied, or 0.
     * @param actual the value it found, or 0.
     * @param symbol the symbol as the client sent it, NUL padded.
     */
    void rejected(
        final Order order, final RejectReason reason, final long limit, final long actual, final byte[] symbol)
    {
        header.wrap(buffer, 0);
        rejected.wrapAndApplyHeader(buffer, 0, header)
            .engineNanos(nanoClock.nanoTime())
            .correlationId(correlationId)
            .receiveNanos(receiveNanos)
            .sessionIndex(order.sessionIndex)
            .instrumentId(order.instrumentId)
            .reason(reason)
            .side(Side.get(order.side))
            .fixSide(order.fixSide)
            .orderType(OrderType.get(order.orderType))
            .timeInForce(TimeInForce.get(order.timeInForce))
            .orderQuantity(order.quantity)
            .orderPrice(order.price)
            .orderId(order.orderId)
            .putClOrdId(order.clOrdId, 0)
            .limitValue(limit)
            .actualValue(actual)
            .putSymbol(symbol, 0);
        publish(OrderRejectedEventEncoder.TEMPLATE_ID, rejected.encodedLength());
    }

    /**
     * One side of an execution.
     *
     * @param order     with its quantities after the execution.
     * @param match     the execution's number, the same on both sides.
     * @param quantity  executed.
     * @param price     executed (the resting order's).
     * @param aggressor whether this is the incoming side.
     */
    void fill(final Order order, final long match, final long quantity, final long price, final boolean aggressor)
    {
        header.wrap(buffer, 0);
        fill.wrapAndApplyHeader(buffer, 0, header)
            .engineNanos(nanoClock.nanoTime())
            .correlationId(order.correlationId)
            .receiveNanos(order.receiveNanos)
            .sessionIndex(order.sessionIndex)
            .instrumentId(order.instrumentId)
            .orderId(order.orderId)
            .matchNumber(match)
            .lastQuantity(quantity)
            .lastPrice(price)
            .cumulativeQuantity(order.cumulative)
            .leavesQuantity(order.leaves)
            .aggressor(aggressor ? BooleanType.TRUE : BooleanType.FALSE)
            .side(Side.get(order.side))
            .fixSide(order.fixSide)
            .orderType(OrderType.get(order.orderType))
            .timeInForce(TimeInForce.get(order.timeInForce))
            .orderQuantity(order.quantity)
            .orderPrice(order.price)
            .averagePrice(order.averagePrice())
            .putClOrdId(order.clOrdId, 0);
        publish(FillEventEncoder.TEMPLATE_ID, fill.encodedLength());
    }

    /**
     * @param order   cancelled or expired; its {@code clOrdId} is still the one being cancelled.
     * @param clOrdId the cancel request's id, or the order's own when nobody asked (expiry, session cancel).
     * @param expired whether time in force ended it rather than a request.
     */
    void cancelled(final Order order, final byte[] clOrdId, final boolean expired)
    {
        header.wrap(buffer, 0);
        cancelled.wrapAndApplyHeader(buffer, 0, header)
            .engineNanos(nanoClock.nanoTime())
            .correlationId(order.correlationId)
            .receiveNanos(order.receiveNanos)
            .sessionIndex(order.sessionIndex)
            .instrumentId(order.instrumentId)
            .orderId(order.orderId)
            .cumulativeQuantity(order.cumulative)
            .expired(expired ? BooleanType.TRUE : BooleanType.FALSE)
            .side(Side.get(order.side))
            .fixSide(order.fixSide)
            .orderType(OrderType.get(order.orderType))
            .timeInForce(TimeInForce.get(order.timeInForce))
            .orderQuantity(order.quantity)
            .orderPrice(order.price)
            .averagePrice(order.averagePrice())
            .putClOrdId(clOrdId, 0)
            .putOrigClOrdId(order.clOrdId, 0);
        publish(OrderCancelledEventEncoder.TEMPLATE_ID, cancelled.encodedLength());
    }

    /**
     * @param order      with its new quantity and price; its {@code clOrdId} is still the one being replaced.
     * @param newClOrdId the replace request's id.
     */
    void replaced(final Order order, final byte[] newClOrdId)
    {
        header.wrap(buffer, 0);
        replaced.wrapAndApplyHeader(buffer, 0, header)
            .engineNanos(nanoClock.nanoTime())
            .correlationId(order.correlationId)
            .receiveNanos(order.receiveNanos)
            .sessionIndex(order.sessionIndex)
            .instrumentId(order.instrumentId)
            .orderId(order.orderId)
            .quantity(order.quantity)
            .price(order.price)
            .leavesQuantity(order.leaves)
            .side(Side.get(order.side))
            .fixSide(order.fixSide)
            .orderType(OrderType.get(order.orderType))
            .timeInForce(TimeInForce.get(order.timeInForce))
            .cumulativeQuantity(order.cumulative)
            .averagePrice(order.averagePrice())
            .putClOrdId(newClOrdId, 0)
            .putOrigClOrdId(order.clOrdId, 0);
        publish(OrderReplacedEventEncoder.TEMPLATE_ID, replaced.encodedLength());
    }

    /**
     * A refused cancel or replace. Another session's order is neither named nor described (its order id and
     * status are left out), so a session learns nothing of orders that are not its own.
     *
     * @param order        the order the request named, or null when none was found.
     * @param sessionIndex the requesting session.
     * @param replace      whether the request was a replace.
     * @param reason       why.
     * @param limit        the limit a risk check applied, or 0.
     * @param actual       the value it found, or 0.
     * @param clOrdId      the request's id.
     * @param origClOrdId  the id the request named.
     */
    void cancelRejected(
        final Order order,
        final int sessionIndex,
        final boolean replace,
        final RejectReason reason,
        final long limit,
        final long actual,
        final byte[] clOrdId,
        final byte[] origClOrdId)
    {
        header.wrap(buffer, 0);
        cancelRejected.wrapAndApplyHeader(buffer, 0, header)
            .engineNanos(nanoClock.nanoTime())
            .correlationId(correlationId)
            .receiveNanos(receiveNanos)
            .sessionIndex(sessionIndex)
            .instrumentId(null == order ? 0 : order.instrumentId)
            .orderId(null == order || order.sessionIndex != sessionIndex ? 0 : order.orderId)
            .reason(reason)
            .ordStatus(null == order || order.sessionIndex != sessionIndex ?
                OrdStatus.REJECTED : OrdStatus.get(order.ordStatus))
            .replace(replace ? BooleanType.TRUE : BooleanType.FALSE)
            .putClOrdId(clOrdId, 0)
            .putOrigClOrdId(origClOrdId, 0)
            .limitValue(limit)
            .actualValue(actual);
        publish(CancelRejectedEventEncoder.TEMPLATE_ID, cancelRejected.encodedLength());
    }

    /**
     * @param order        the order asked about, or null when the session has no such order (answered as
     *                     rejected, describing nothing).
     * @param sessionIndex the asking session.
     * @param clOrdId      the id the request named, echoed when there is no order.
     */
    void orderStatus(final Order order, final int sessionIndex, final byte[] clOrdId)
    {
        header.wrap(buffer, 0);
        status.wrapAndApplyHeader(buffer, 0, header)
            .engineNanos(nanoClock.nanoTime())
            .correlationId(correlationId)
            .receiveNanos(receiveNanos)
            .sessionIndex(sessionIndex);
        if (null == order)
        {
            status.instrumentId(0)
                .orderId(0)
                .ordStatus(OrdStatus.REJECTED)
                .side(Side.BUY)
                .fixSide((byte)0)
                .orderType(OrderType.LIMIT)
                .timeInForce(TimeInForce.DAY)
                .orderQuantity(0)
                .orderPrice(0)
                .cumulativeQuantity(0)
                .leavesQuantity(0)
                .averagePrice(0)
                .putClOrdId(clOrdId, 0);
        }
        else
        {
            status.instrumentId(order.instrumentId)
                .orderId(order.orderId)
                .ordStatus(OrdStatus.get(order.ordStatus))
                .side(Side.get(order.side))
                .fixSide(order.fixSide)
                .orderType(OrderType.get(order.orderType))
                .timeInForce(TimeInForce.get(order.timeInForce))
                .orderQuantity(order.quantity)
                .orderPrice(order.price)
                .cumulativeQuantity(order.cumulative)
                .leavesQuantity(order.live ? order.leaves : 0)
                .averagePrice(order.averagePrice())
                .putClOrdId(order.clOrdId, 0);
        }
        publish(OrderStatusEventEncoder.TEMPLATE_ID, status.encodedLength());
    }

    private void publish(final int templateId, final int bodyLength)
    {
        sink.onEvent(templateId, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + bodyLength);
    }
}
