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
import io.tickwire.sbe.internal.CancelOrderCommandDecoder;
import io.tickwire.sbe.internal.CancelRejectedEventEncoder;
import io.tickwire.sbe.internal.FillEventEncoder;
import io.tickwire.sbe.internal.MessageHeaderDecoder;
import io.tickwire.sbe.internal.MessageHeaderEncoder;
import io.tickwire.sbe.internal.NewOrderCommandDecoder;
import io.tickwire.sbe.internal.OrdStatus;
import io.tickwire.sbe.internal.OrderAcceptedEventEncoder;
import io.tickwire.sbe.internal.OrderCancelledEventEncoder;
import io.tickwire.sbe.internal.OrderRejectedEventEncoder;
import io.tickwire.sbe.internal.OrderReplacedEventEncoder;
import io.tickwire.sbe.internal.OrderStatusCommandDecoder;
import io.tickwire.sbe.internal.OrderStatusEventEncoder;
import io.tickwire.sbe.internal.OrderType;
import io.tickwire.sbe.internal.RejectReason;
import io.tickwire.sbe.internal.ReplaceOrderCommandDecoder;
import io.tickwire.sbe.internal.SessionCancelCommandDecoder;
import io.tickwire.sbe.internal.Side;
import io.tickwire.sbe.internal.TimeInForce;
import io.tickwire.latency.StageRecorder;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The matching engine agent: price-time priority books, one per instrument, driven by commands read from the
 * session thread's ring buffer (and a control ring for session-wide cancels), answering with events on a second
 * ring buffer that the execution report sender drains.
 * <p>
 * Single-threaded and allocation free in steady state: orders and price levels are pooled, commands and events
 * are SBE flyweights over preallocated buffers. Finished orders stay queryable (order status) until
 * {@code retainedFinishedOrders} newer orders have finished, then return to the pool.
 * <p>
 * Event order per command: accepted or rejected first, then fills (aggressor before resting side), then
 * the expiry of an immediate-or-cancel remainder.
 */
public final class MatchingEngine implements Agent, ExecutionHandler
{
    private static final int COMMAND_LIMIT = 64;
    private static final Comparator<Order> BY_ORDER_ID = Comparator.comparingLong((order) -> order.orderId);

    private final RingBuffer commands;
    private final RingBuffer control;
    private final EventSink events;
    private final NanoClock nanoClock;
    private final BookListener bookListener;
    private final ReferencePrices referencePrices;
    private final Int2ObjectHashMap<OrderBook> books = new Int2ObjectHashMap<>();
    private final int[] instrumentIds;
    private final Long2ObjectHashMap<Order> orders = new Long2ObjectHashMap<>();
    private final ClOrdIdIndex clOrdIds = new ClOrdIdIndex();
    private final Order[] finished;
    private int finishedHead;
    private int finishedCount;
    private Order[] pool = new Order[1024];
    private int pooled;
    private Order[] scratchOrders = new Order[64];
    private long matchNumber;
    private long correlationId;
    private long receiveNanos;
    private long riskNanos;
    private StageRecorder riskToMatched;

    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final NewOrderCommandDecoder newOrder = new NewOrderCommandDecoder();
    private final CancelOrderCommandDecoder cancelOrder = new CancelOrderCommandDecoder();
    private final ReplaceOrderCommandDecoder replaceOrder = new ReplaceOrderCommandDecoder();
    private final OrderStatusCommandDecoder statusOrder = new OrderStatusCommandDecoder();
    private final SessionCancelCommandDecoder sessionCancel = new SessionCancelCommandDecoder();

    private final byte[] rejectedSymbol = new byte[NewOrderCommandDecoder.symbolLength()];
    private final UnsafeBuffer eventBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(512));
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final OrderAcceptedEventEncoder accepted = new OrderAcceptedEventEncoder();
    private final OrderRejectedEventEncoder rejected = new OrderRejectedEventEncoder();
    private final FillEventEncoder fill = new FillEventEncoder();
    private final OrderCancelledEventEncoder cancelled = new OrderCancelledEventEncoder();
    private final OrderReplacedEventEncoder replaced = new OrderReplacedEventEncoder();
    private final CancelRejectedEventEncoder cancelRejected = new CancelRejectedEventEncoder();
    private final OrderStatusEventEncoder status = new OrderStatusEventEncoder();
    private final byte[] scratchClOrdId = new byte[Order.CLORDID_LENGTH];
    private final byte[] scratchOrigClOrdId = new byte[Order.CLORDID_LENGTH];

    private final MessageHandler commandHandler = this::onCommand;

    /**
     * An engine fed by rings in one process, reporting to the execution report sender's ring.
     *
     * @param instrumentIds          instruments to hold a book for.
     * @param commands               order commands from the session thread (one writer).
     * @param control                session-wide commands (many writers: disconnect and admin threads).
     * @param events                 events to the execution report sender (this agent is the one writer).
     * @param referencePrices        where to publish last trade and BBO for the price collar.
     * @param bookListener           told of every book change (market data).
     * @param backPressureIdle       how to wait when the event ring is full.
     * @param retainedFinishedOrders how many finished orders stay queryable.
     */
    public MatchingEngine(
        final int[] instrumentIds,
        final RingBuffer commands,
        final RingBuffer control,
        final RingBuffer events,
        final ReferencePrices referencePrices,
        final BookListener bookListener,
        final IdleStrategy backPressureIdle,
        final int retainedFinishedOrders)
    {
        this(instrumentIds, commands, control, new RingEventSink(events, backPressureIdle), referencePrices,
            bookListener, retainedFinishedOrders, System::nanoTime);
    }

    /**
     * An engine with any event sink; with null rings it is driven by {@link #apply(DirectBuffer, int)} alone, as
     * a replicated service drives it from its log.
     *
     * @param instrumentIds          instruments to hold a book for.
     * @param commands               order commands from the session thread (one writer), or null.
     * @param control                session-wide commands (many writers), or null.
     * @param events                 where events go.
     * @param referencePrices        where to publish last trade and BBO for the price collar.
     * @param bookListener           told of every book change (market data).
     * @param retainedFinishedOrders how many finished orders stay queryable.
     * @param nanoClock              stamps {@code engineNanos} in events (latency stages only, never state); a
     *                               replicated engine passes one that returns 0, since its state must not
     *                               depend on the host's clock.
     */
    public MatchingEngine(
        final int[] instrumentIds,
        final RingBuffer commands,
        final RingBuffer control,
        final EventSink events,
        final ReferencePrices referencePrices,
        final BookListener bookListener,
        final int retainedFinishedOrders,
        final NanoClock nanoClock)
    {
        this.instrumentIds = instrumentIds.clone();
        Arrays.sort(this.instrumentIds);
        for (final int instrumentId : instrumentIds)
        {
            books.put(instrumentId, new OrderBook(instrumentId));
        }
        this.commands = commands;
        this.control = control;
        this.events = events;
        this.referencePrices = referencePrices;
        this.bookListener = bookListener;
        this.nanoClock = nanoClock;
        this.finished = new Order[Math.max(1, retainedFinishedOrders)];
    }

    /**
     * Record the {@code risk->matched} stage (pre-trade risk passed on the session thread to this engine having
     * processed the order or replace). Call before the engine thread starts; only the engine thread records.
     *
     * @param riskToMatched the stage's recorder for the engine thread, or null for none.
     * @return this.
     */
    public MatchingEngine riskToMatchedRecorder(final StageRecorder riskToMatched)
    {
        this.riskToMatched = riskToMatched;
        return this;
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "matching-engine";
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        int work = null == control ? 0 : control.read(commandHandler, COMMAND_LIMIT);
        work += null == commands ? 0 : commands.read(commandHandler, COMMAND_LIMIT);
        return work;
    }

    /**
     * @return number of orders currently resting or retained as finished (for tests and status).
     */
    public int orderCount()
    {
        return orders.size();
    }

    /**
     * Apply one command: SBE message header, then body. For a caller that owns the command source, e.g. a
     * clustered service applying its log; commands that come from the rings are applied by {@link #doWork()}.
     * The caller checks the header's schema, template and length first.
     *
     * @param buffer holding the command.
     * @param index  of its message header.
     */
    public void apply(final DirectBuffer buffer, final int index)
    {
        onCommand(0, buffer, index, 0);
    }

    private void onCommand(final int msgTypeId, final DirectBuffer buffer, final int index, final int length)
    {
        headerDecoder.wrap(buffer, index);
        final int bodyOffset = index + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = headerDecoder.blockLength();
        final int version = headerDecoder.version();
        int instrumentId = 0;
        riskNanos = 0;
        switch (headerDecoder.templateId())
        {
            case NewOrderCommandDecoder.TEMPLATE_ID:
                newOrder.wrap(buffer, bodyOffset, blockLength, version);
                instrumentId = onNewOrder(newOrder);
                break;

            case CancelOrderCommandDecoder.TEMPLATE_ID:
                cancelOrder.wrap(buffer, bodyOffset, blockLength, version);
                instrumentId = onCancel(cancelOrder);
                break;

            case ReplaceOrderCommandDecoder.TEMPLATE_ID:
                replaceOrder.wrap(buffer, bodyOffset, blockLength, version);
                instrumentId = onReplace(replaceOrder);
                break;

            case OrderStatusCommandDecoder.TEMPLATE_ID:
                statusOrder.wrap(buffer, bodyOffset, blockLength, version);
                onStatus(statusOrder);
                break;

            case SessionCancelCommandDecoder.TEMPLATE_ID:
                sessionCancel.wrap(buffer, bodyOffset, blockLength, version);
                onSessionCancel(sessionCancel);
                break;

            default:
                break;
        }

        if (0 != riskNanos && null != riskToMatched)
        {
            riskToMatched.recordInterval(riskNanos, nanoClock.nanoTime());
        }

        if (0 != instrumentId)
        {
            final OrderBook book = books.get(instrumentId);
            if (null != book)
            {
                referencePrices.update(instrumentId, book.lastTradePrice(), book.bestBid(), book.bestAsk());
            }
        }
        bookListener.onCommandEnd();
    }

    private int onNewOrder(final NewOrderCommandDecoder command)
    {
        correlationId = command.correlationId();
        receiveNanos = command.receiveNanos();
        riskNanos = command.riskNanos();
        final int instrumentId = (int)command.instrumentId();
        final OrderBook book = books.get(instrumentId);

        final Order order = acquire();
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
        if (RejectReason.NONE == rejectReason && null != clOrdIds.find(order.sessionIndex, order.clOrdId, orders))
        {
            // The gateway's own window starts empty after a restart; this one is rebuilt from the log.
            rejectReason = RejectReason.DUPLICATE_CLORDID;
        }
        if (RejectReason.NONE != rejectReason || null == book)
        {
            command.getSymbol(rejectedSymbol, 0);
            final boolean gatewayReason = rejectReason == command.rejectReason();
            emitRejected(order, null == book ? RejectReason.UNKNOWN_SYMBOL : rejectReason,
                gatewayReason ? command.limitValue() : 0, gatewayReason ? command.actualValue() : 0);
            release(order);
            return 0;
        }

        order.live = true;
        order.ordStatus = OrdStatus.NEW.value();
        orders.put(order.orderId, order);
        clOrdIds.put(order.sessionIndex, order.clOrdId, order.orderId);
        clOrdIds.sweepIfStale(orders);
        emitAccepted(order);

        if (TimeInForce.FOK.value() == order.timeInForce && book.executableQuantity(order) < order.leaves)
        {
            expire(order);
            return instrumentId;
        }

        book.match(order, this);
        restOrExpire(book, order, false);
        return instrumentId;
    }

    private void restOrExpire(final OrderBook book, final Order order, final boolean replaced)
    {
        if (0 == order.leaves)
        {
            if (replaced)
            {
                bookListener.onDelete(order.instrumentId, order.orderId);
            }
            retire(order);
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
        emitCancelled(order, order.clOrdId, true);
        retire(order);
    }

    /**
     * {@inheritDoc}
     */
    public void onExecution(final Order resting, final Order aggressor, final long quantity, final long price)
    {
        final long match = ++matchNumber;
        aggressor.ordStatus = (0 == aggressor.leaves ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED).value();
        resting.ordStatus = (0 == resting.leaves ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED).value();
        emitFill(aggressor, match, quantity, price, true);
        emitFill(resting, match, quantity, price, false);
        bookListener.onExecuted(resting.instrumentId, resting.orderId, quantity, match);
        if (0 == resting.leaves)
        {
            retire(resting);
        }
    }

    private int onCancel(final CancelOrderCommandDecoder command)
    {
        correlationId = command.correlationId();
        receiveNanos = command.receiveNanos();
        final int sessionIndex = (int)command.sessionIndex();
        command.getClOrdId(scratchClOrdId, 0);
        command.getOrigClOrdId(scratchOrigClOrdId, 0);
        final Order order = liveOrderOrReject(command.orderId(), sessionIndex, false);
        if (null == order)
        {
            return 0;
        }

        final OrderBook book = books.get(order.instrumentId);
        book.remove(order);
        bookListener.onDelete(order.instrumentId, order.orderId);
        order.correlationId = correlationId;
        order.receiveNanos = receiveNanos;
        order.ordStatus = OrdStatus.CANCELED.value();
        emitCancelled(order, scratchClOrdId, false);
        System.arraycopy(scratchClOrdId, 0, order.clOrdId, 0, Order.CLORDID_LENGTH);
        clOrdIds.put(order.sessionIndex, order.clOrdId, order.orderId);
        retire(order);
        return order.instrumentId;
    }

    /**
     * The order a cancel or replace request names, if it is live and belongs to the requesting session; otherwise
     * the request is answered with a cancel reject (unknown order, or too late) and null is returned.
     */
    private Order liveOrderOrReject(final long orderId, final int sessionIndex, final boolean replace)
    {
        final Order order = 0 != orderId ? orders.get(orderId) : findByClOrdId(sessionIndex, scratchOrigClOrdId);
        if (null == order || order.sessionIndex != sessionIndex)
        {
            emitCancelRejected(order, sessionIndex, replace, RejectReason.UNKNOWN_ORDER, 0, 0);
            return null;
        }
        if (!order.live)
        {
            emitCancelRejected(order, sessionIndex, replace, RejectReason.TOO_LATE, 0, 0);
            return null;
        }

        return order;
    }

    /**
     * The order a session knows by a ClOrdID, when the gateway could not name it: its index starts empty after a
     * restart while the orders here came back from the snapshot and log.
     */
    private Order findByClOrdId(final int sessionIndex, final byte[] clOrdId)
    {
        return clOrdIds.find(sessionIndex, clOrdId, orders);
    }

    private int onReplace(final ReplaceOrderCommandDecoder command)
    {
        correlationId = command.correlationId();
        receiveNanos = command.receiveNanos();
        riskNanos = command.riskNanos();
        final int sessionIndex = (int)command.sessionIndex();
        command.getClOrdId(scratchClOrdId, 0);
        command.getOrigClOrdId(scratchOrigClOrdId, 0);
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
            emitCancelRejected(order, sessionIndex, true, rejectReason,
                gatewayReason ? command.limitValue() : 0, gatewayReason ? command.actualValue() : 0);
            return 0;
        }
        if (newQuantity <= order.cumulative)
        {
            emitCancelRejected(order, sessionIndex, true, RejectReason.INVALID_REPLACE,
                order.cumulative, newQuantity);
            return 0;
        }

        final OrderBook book = books.get(order.instrumentId);
        order.correlationId = correlationId;
        order.receiveNanos = receiveNanos;
        final boolean losesPriority = newPrice != order.price || newQuantity > order.quantity;
        final long newLeaves = newQuantity - order.cumulative;
        final long oldLeaves = order.leaves;
        if (losesPriority)
        {
            book.remove(order);
            order.quantity = newQuantity;
            order.price = newPrice;
            order.leaves = newLeaves;
            order.ordStatus = (0 == order.cumulative ? OrdStatus.NEW : OrdStatus.PARTIALLY_FILLED).value();
            emitReplaced(order, scratchClOrdId);
            System.arraycopy(scratchClOrdId, 0, order.clOrdId, 0, Order.CLORDID_LENGTH);
            clOrdIds.put(order.sessionIndex, order.clOrdId, order.orderId);
            book.match(order, this);
            restOrExpire(book, order, true);
        }
        else
        {
            book.reduce(order, newLeaves);
            order.quantity = newQuantity;
            bookListener.onCancel(order.instrumentId, order.orderId, oldLeaves - newLeaves);
            emitReplaced(order, scratchClOrdId);
            System.arraycopy(scratchClOrdId, 0, order.clOrdId, 0, Order.CLORDID_LENGTH);
            clOrdIds.put(order.sessionIndex, order.clOrdId, order.orderId);
        }
        return order.instrumentId;
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

    private void onStatus(final OrderStatusCommandDecoder command)
    {
        correlationId = command.correlationId();
        receiveNanos = command.receiveNanos();
        final int sessionIndex = (int)command.sessionIndex();
        command.getClOrdId(scratchClOrdId, 0);
        final long orderId = command.orderId();
        final Order order = 0 != orderId ? orders.get(orderId) : findByClOrdId(sessionIndex, scratchClOrdId);
        headerEncoder.wrap(eventBuffer, 0);
        status.wrapAndApplyHeader(eventBuffer, 0, headerEncoder)
            .engineNanos(nanoClock.nanoTime())
            .correlationId(correlationId)
            .receiveNanos(receiveNanos)
            .sessionIndex(sessionIndex);
        if (null == order || order.sessionIndex != sessionIndex)
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
                .putClOrdId(scratchClOrdId, 0);
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

    private void onSessionCancel(final SessionCancelCommandDecoder command)
    {
        correlationId = command.correlationId();
        receiveNanos = command.receiveNanos();
        final int sessionIndex = (int)command.sessionIndex();
        int count = 0;
        for (final Order order : orders.values())
        {
            if (order.live && order.sessionIndex == sessionIndex)
            {
                if (count == scratchOrders.length)
                {
                    scratchOrders = Arrays.copyOf(scratchOrders, count * 2);
                }
                scratchOrders[count++] = order;
            }
        }

        // Cancel in order id order, not hash order: every member of a cluster emits the same events.
        Arrays.sort(scratchOrders, 0, count, BY_ORDER_ID);
        for (int i = 0; i < count; i++)
        {
            final Order order = scratchOrders[i];
            scratchOrders[i] = null;
            final OrderBook book = books.get(order.instrumentId);
            book.remove(order);
            bookListener.onDelete(order.instrumentId, order.orderId);
            order.correlationId = correlationId;
            order.receiveNanos = receiveNanos;
            order.ordStatus = OrdStatus.CANCELED.value();
            emitCancelled(order, order.clOrdId, false);
            retire(order);
            referencePrices.update(order.instrumentId, book.lastTradePrice(), book.bestBid(), book.bestAsk());
        }
    }

    private void emitAccepted(final Order order)
    {
        headerEncoder.wrap(eventBuffer, 0);
        accepted.wrapAndApplyHeader(eventBuffer, 0, headerEncoder)
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

    private void emitRejected(final Order order, final RejectReason reason, final long limit, final long actual)
    {
        headerEncoder.wrap(eventBuffer, 0);
        rejected.wrapAndApplyHeader(eventBuffer, 0, headerEncoder)
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
            .putSymbol(rejectedSymbol, 0);
        publish(OrderRejectedEventEncoder.TEMPLATE_ID, rejected.encodedLength());
    }

    private void emitFill(
        final Order order, final long match, final long quantity, final long price, final boolean aggressor)
    {
        headerEncoder.wrap(eventBuffer, 0);
        fill.wrapAndApplyHeader(eventBuffer, 0, headerEncoder)
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

    private void emitCancelled(final Order order, final byte[] clOrdId, final boolean expired)
    {
        headerEncoder.wrap(eventBuffer, 0);
        cancelled.wrapAndApplyHeader(eventBuffer, 0, headerEncoder)
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

    private void emitReplaced(final Order order, final byte[] newClOrdId)
    {
        headerEncoder.wrap(eventBuffer, 0);
        replaced.wrapAndApplyHeader(eventBuffer, 0, headerEncoder)
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

    private void emitCancelRejected(
        final Order order,
        final int sessionIndex,
        final boolean replace,
        final RejectReason reason,
        final long limit,
        final long actual)
    {
        headerEncoder.wrap(eventBuffer, 0);
        cancelRejected.wrapAndApplyHeader(eventBuffer, 0, headerEncoder)
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
            .putClOrdId(scratchClOrdId, 0)
            .putOrigClOrdId(scratchOrigClOrdId, 0)
            .limitValue(limit)
            .actualValue(actual);
        publish(CancelRejectedEventEncoder.TEMPLATE_ID, cancelRejected.encodedLength());
    }

    private void publish(final int templateId, final int bodyLength)
    {
        events.onEvent(templateId, eventBuffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + bodyLength);
    }

    private void retire(final Order order)
    {
        order.live = false;
        if (finishedCount == finished.length)
        {
            final Order oldest = finished[finishedHead];
            finished[finishedHead] = null;
            finishedHead = (finishedHead + 1) % finished.length;
            finishedCount--;
            if (orders.get(oldest.orderId) == oldest)
            {
                orders.remove(oldest.orderId);
            }
            release(oldest);
        }
        finished[(finishedHead + finishedCount) % finished.length] = order;
        finishedCount++;
    }

    /**
     * Write the engine's state (see {@link EngineSnapshotCodec}). Not while a command is being applied.
     *
     * @param output where the snapshot messages go, in order.
     */
    public void takeSnapshot(final EngineSnapshotCodec.Output output)
    {
        EngineSnapshotCodec.write(this, output);
    }

    /**
     * A loader that restores a snapshot taken by {@link #takeSnapshot} into this engine, which must be new.
     *
     * @return the loader; feed it the snapshot's messages in order.
     */
    public EngineSnapshotCodec.Loader snapshotLoader()
    {
        return new EngineSnapshotCodec.Loader(this);
    }

    int[] instrumentIds()
    {
        return instrumentIds;
    }

    OrderBook book(final int instrumentId)
    {
        return books.get(instrumentId);
    }

    long matchNumber()
    {
        return matchNumber;
    }

    void matchNumber(final long matchNumber)
    {
        this.matchNumber = matchNumber;
    }

    int finishedCount()
    {
        return finishedCount;
    }

    Order finished(final int age)
    {
        return finished[(finishedHead + age) % finished.length];
    }

    Order newOrder()
    {
        return acquire();
    }

    void restore(final Order order)
    {
        orders.put(order.orderId, order);
        clOrdIds.put(order.sessionIndex, order.clOrdId, order.orderId);
        if (order.live)
        {
            books.get(order.instrumentId).rest(order);
        }
        else
        {
            retire(order);
        }
    }

    void restoreReferencePrices()
    {
        for (final int instrumentId : instrumentIds)
        {
            final OrderBook book = books.get(instrumentId);
            referencePrices.update(instrumentId, book.lastTradePrice(), book.bestBid(), book.bestAsk());
        }
    }

    private Order acquire()
    {
        final Order order = 0 == pooled ? new Order() : pool[--pooled];
        order.reset();
        return order;
    }

    private void release(final Order order)
    {
        if (pooled == pool.length)
        {
            pool = Arrays.copyOf(pool, pooled * 2);
        }
        pool[pooled++] = order;
    }
}
