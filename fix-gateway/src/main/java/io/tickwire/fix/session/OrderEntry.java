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
package io.tickwire.fix.session;

import io.tickwire.fix.audit.StoreFault;
import io.tickwire.fix.audit.StoreHealth;
import io.tickwire.fix.cluster.IngressFrame;
import io.tickwire.fix.risk.PreTradeRisk;
import io.tickwire.fix.time.MessageStamp;
import io.tickwire.latency.StageRecorder;
import io.tickwire.sbe.internal.CancelOrderCommandEncoder;
import io.tickwire.sbe.internal.MessageHeaderEncoder;
import io.tickwire.sbe.internal.NewOrderCommandEncoder;
import io.tickwire.sbe.internal.OrderStatusCommandEncoder;
import io.tickwire.sbe.internal.OrderType;
import io.tickwire.sbe.internal.RejectReason;
import io.tickwire.sbe.internal.ReplaceOrderCommandEncoder;
import io.tickwire.sbe.internal.Side;
import io.tickwire.sbe.internal.TimeInForce;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import quickfix.FieldNotFound;
import quickfix.Message;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns order entry messages into engine commands on the session thread, the one writer of the command ring.
 * <p>
 * Validation that FIX leaves to the application (symbol, positive quantity and price, ClOrdID length, supported
 * OrdType and TimeInForce, duplicate ClOrdID) and the pre-trade risk checks happen here; a failure travels to the
 * engine as a command with a reject reason so that every outbound report leaves from one thread, in order.
 * A missing required field throws {@link FieldNotFound}, which QuickFIX/J answers with a session Reject naming
 * the tag. Beyond the QuickFIX/J message objects it is handed, this class allocates nothing per order.
 */
public final class OrderEntry
{
    private static final int CL_ORD_ID = 11;
    private static final int ORIG_CL_ORD_ID = 41;
    private static final int SYMBOL = 55;
    private static final int SIDE = 54;
    private static final int ORDER_QTY = 38;
    private static final int ORD_TYPE = 40;
    private static final int PRICE = 44;
    private static final int TIME_IN_FORCE = 59;

    private Runnable wakeEngine;
    private InFlightLimit inFlightLimit;
    private final RingBuffer commands;
    private final Instruments instruments;
    private final GatewayCounters counters;
    private final IdleStrategy backPressureIdle;
    private final boolean requireClockSync;
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final NewOrderCommandEncoder newOrder = new NewOrderCommandEncoder();
    private final CancelOrderCommandEncoder cancelOrder = new CancelOrderCommandEncoder();
    private final ReplaceOrderCommandEncoder replaceOrder = new ReplaceOrderCommandEncoder();
    private final OrderStatusCommandEncoder statusOrder = new OrderStatusCommandEncoder();
    private final OrderRules rules = new OrderRules();
    private final byte[] clOrdIdBytes = new byte[OrderRules.MAX_CLORDID_LENGTH];
    private final byte[] origClOrdIdBytes = new byte[OrderRules.MAX_CLORDID_LENGTH];
    private long nextOrderId;
    private long nextCorrelationId;
    private long riskNanos;
    private NanoClock nanoClock = SystemNanoClock.INSTANCE;
    private StageRecorder receiveToRisk;
    private InboundAuditRecord auditRecord;
    private StoreHealth auditStore;
    private StoreHealth sessionStore;

    /**
     * @param commands         the command ring (this is its one writer).
     * @param instruments      tradable instruments.
     * @param counters         request counters.
     * @param backPressureIdle how to wait while the command ring is full.
     * @param requireClockSync reject new orders whose stamp is not within clock tolerance.
     * @param firstOrderId     first order id to assign (unique across restarts, e.g. start time in micros).
     */
    public OrderEntry(
        final RingBuffer commands,
        final Instruments instruments,
        final GatewayCounters counters,
        final IdleStrategy backPressureIdle,
        final boolean requireClockSync,
        final long firstOrderId)
    {
        this.commands = commands;
        this.instruments = instruments;
        this.counters = counters;
        this.backPressureIdle = backPressureIdle;
        this.requireClockSync = requireClockSync;
        this.nextOrderId = firstOrderId;
    }

    /**
     * Record the {@code fix-receive->risk} stage (receive stamp to risk passed) of every order and replace that
     * passes the checks. Call before the session thread starts; the recorder is written by the session thread only.
     *
     * @param receiveToRisk the stage's recorder for the session thread, or null for none.
     * @return this.
     */
    public OrderEntry receiveToRiskRecorder(final StageRecorder receiveToRisk)
    {
        this.receiveToRisk = receiveToRisk;
        return this;
    }

    /**
     * The monotonic clock that marks when risk passed (the {@code fix-receive->risk} stage), the same as stamps
     * the receive time. Call before the session thread starts.
     *
     * @param nanoClock e.g. the gateway clock's {@code monotonicNanos}.
     * @return this.
     */
    public OrderEntry nanoClock(final NanoClock nanoClock)
    {
        this.nanoClock = nanoClock;
        return this;
    }

    /**
     * NewOrderSingle (D).
     *
     * @param message the order.
     * @param state   its session.
     * @param stamp   its receive stamp.
     * @throws FieldNotFound when a required field is missing.
     */
    public void onNewOrderSingle(final Message message, final SessionState state, final MessageStamp stamp)
        throws FieldNotFound
    {
        final String clOrdId = message.getString(CL_ORD_ID);
        final String symbol = message.getString(SYMBOL);
        final char side = message.getChar(SIDE);
        final char ordType = message.getChar(ORD_TYPE);
        final String quantityText = message.getString(ORDER_QTY);
        final boolean market = ordType == '1';
        final String priceText = market ? null : message.getString(PRICE);
        final char tif = message.isSetField(TIME_IN_FORCE) ? message.getChar(TIME_IN_FORCE) : OrderRules.TIF_ABSENT;
        counters.onRequest(true);

        final long quantity = FixDecimals.parseQuantity(quantityText);
        final long price = market ? 0 : FixDecimals.parsePrice(priceText);
        final int instrumentId = instruments.instrumentId(symbol);
        final long orderId = nextOrderId++;
        final long correlationId = ++nextCorrelationId;

        final boolean passed = clOrdId.length() <= OrderRules.MAX_CLORDID_LENGTH && !state.register(clOrdId, orderId) ?
            rules.reject(RejectReason.DUPLICATE_CLORDID, 0, 0) :
            rules.check(clOrdId, instrumentId, side, ordType, tif, quantity, price) &&
            clockAndRisk(state, stamp, instrumentId, quantity, price, market);
        final Side economicSide = OrderRules.economicSide(side);

        newOrder.wrapAndApplyHeader(buffer, 0, header)
            .correlationId(correlationId)
            .receiveNanos(stamp.monotonicNanos())
            .sessionIndex(state.index())
            .instrumentId(instrumentId)
            .side(null == economicSide ? Side.BUY : economicSide)
            .orderType(market ? OrderType.MARKET : OrderType.LIMIT)
            .timeInForce(tif == '3' ? TimeInForce.IOC : tif == '4' ? TimeInForce.FOK : TimeInForce.DAY)
            .quantity(Math.max(quantity, 0))
            .price(FixDecimals.INVALID == price ? 0 : price)
            .putClOrdId(OrderRules.wireBytes(clOrdId, clOrdIdBytes), 0)
            .orderId(orderId)
            .rejectReason(rules.reason())
            .limitValue(rules.limitValue())
            .actualValue(rules.actualValue())
            .riskNanos(passed ? riskNanos : 0)
            // Only an unknown symbol travels as text: the reject echoes what the client sent.
            .symbol(Instruments.UNKNOWN == instrumentId ? truncateSymbol(symbol) : "")
            .fixSide((byte)side);
        write(NewOrderCommandEncoder.TEMPLATE_ID, newOrder.encodedLength());
        taken(state);
    }

    /**
     * OrderCancelRequest (F).
     *
     * @param message the request.
     * @param state   its session.
     * @param stamp   its receive stamp.
     * @throws FieldNotFound when a required field is missing.
     */
    public void onOrderCancelRequest(final Message message, final SessionState state, final MessageStamp stamp)
        throws FieldNotFound
    {
        final String clOrdId = message.getString(CL_ORD_ID);
        final String origClOrdId = message.getString(ORIG_CL_ORD_ID);
        counters.onRequest(false);
        final long orderId = state.orderIdFor(origClOrdId);
        if (SessionState.NOT_FOUND != orderId && clOrdId.length() <= OrderRules.MAX_CLORDID_LENGTH)
        {
            state.register(clOrdId, orderId);
        }
        cancelOrder.wrapAndApplyHeader(buffer, 0, header)
            .correlationId(++nextCorrelationId)
            .receiveNanos(stamp.monotonicNanos())
            .sessionIndex(state.index())
            .instrumentId(0)
            .orderId(orderId)
            .putClOrdId(OrderRules.wireBytes(clOrdId, clOrdIdBytes), 0)
            .putOrigClOrdId(OrderRules.wireBytes(origClOrdId, origClOrdIdBytes), 0);
        write(CancelOrderCommandEncoder.TEMPLATE_ID, cancelOrder.encodedLength());
        taken(state);
    }

    /**
     * OrderCancelReplaceRequest (G).
     *
     * @param message the request.
     * @param state   its session.
     * @param stamp   its receive stamp.
     * @throws FieldNotFound when a required field is missing.
     */
    public void onOrderCancelReplaceRequest(final Message message, final SessionState state, final MessageStamp stamp)
        throws FieldNotFound
    {
        final String clOrdId = message.getString(CL_ORD_ID);
        final String origClOrdId = message.getString(ORIG_CL_ORD_ID);
        final String symbol = message.getString(SYMBOL);
        final char side = message.getChar(SIDE);
        final char ordType = message.getChar(ORD_TYPE);
        final long quantity = FixDecimals.parseQuantity(message.getString(ORDER_QTY));
        final boolean market = ordType == '1';
        final long price = market ? 0 : FixDecimals.parsePrice(message.getString(PRICE));
        final char tif = message.isSetField(TIME_IN_FORCE) ? message.getChar(TIME_IN_FORCE) : OrderRules.TIF_ABSENT;
        final int instrumentId = instruments.instrumentId(symbol);
        counters.onRequest(false);

        // The same rules as a new order: a replace is a new order in all but priority. Whether it may change the
        // order's Symbol, Side or OrdType only the engine knows, which holds the order.
        final long orderId = state.orderIdFor(origClOrdId);
        final boolean passed = clOrdId.length() <= OrderRules.MAX_CLORDID_LENGTH &&
            SessionState.NOT_FOUND != orderId && !state.register(clOrdId, orderId) ?
            rules.reject(RejectReason.DUPLICATE_CLORDID, 0, 0) :
            rules.check(clOrdId, instrumentId, side, ordType, tif, quantity, price) &&
            clockAndRisk(state, stamp, instrumentId, quantity, price, market);

        replaceOrder.wrapAndApplyHeader(buffer, 0, header)
            .correlationId(++nextCorrelationId)
            .receiveNanos(stamp.monotonicNanos())
            .sessionIndex(state.index())
            .instrumentId(instrumentId)
            .orderId(orderId)
            .quantity(Math.max(quantity, 0))
            .price(Math.max(price, 0))
            .putClOrdId(OrderRules.wireBytes(clOrdId, clOrdIdBytes), 0)
            .putOrigClOrdId(OrderRules.wireBytes(origClOrdId, origClOrdIdBytes), 0)
            .rejectReason(rules.reason())
            .limitValue(rules.limitValue())
            .actualValue(rules.actualValue())
            .riskNanos(passed ? riskNanos : 0)
            .fixSide((byte)side)
            .orderType(market ? OrderType.MARKET : OrderType.LIMIT);
        write(ReplaceOrderCommandEncoder.TEMPLATE_ID, replaceOrder.encodedLength());
        taken(state);
    }

    /**
     * OrderStatusRequest (H).
     *
     * @param message the request.
     * @param state   its session.
     * @param stamp   its receive stamp.
     * @throws FieldNotFound when a required field is missing.
     */
    public void onOrderStatusRequest(final Message message, final SessionState state, final MessageStamp stamp)
        throws FieldNotFound
    {
        final String clOrdId = message.getString(CL_ORD_ID);
        counters.onRequest(false);
        statusOrder.wrapAndApplyHeader(buffer, 0, header)
            .correlationId(++nextCorrelationId)
            .receiveNanos(stamp.monotonicNanos())
            .sessionIndex(state.index())
            .orderId(state.orderIdFor(clOrdId))
            .putClOrdId(OrderRules.wireBytes(clOrdId, clOrdIdBytes), 0);
        write(OrderStatusCommandEncoder.TEMPLATE_ID, statusOrder.encodedLength());
        taken(state);
    }

    /**
     * The checks that need the session: clock synchronisation when required, then pre-trade risk. On a pass the
     * {@code fix-receive->risk} stage is recorded and {@link #riskNanos} holds when it passed.
     */
    private boolean clockAndRisk(
        final SessionState state,
        final MessageStamp stamp,
        final int instrumentId,
        final long quantity,
        final long price,
        final boolean market)
    {
        if (!storesAvailable())
        {
            return false;
        }
        if (requireClockSync && !stamp.withinTolerance())
        {
            return rules.reject(RejectReason.CLOCK_UNSYNCHRONISED, 0, stamp.errorBoundMicros());
        }
        final PreTradeRisk risk = state.risk();
        if (!risk.check(instrumentId, quantity, price, market, stamp.monotonicNanos()))
        {
            return rules.reject(risk.reason(), risk.limitValue(), risk.actualValue());
        }
        riskNanos = nanoClock.nanoTime();
        if (null != receiveToRisk)
        {
            receiveToRisk.recordInterval(stamp.monotonicNanos(), riskNanos);
        }
        return true;
    }

    /**
     * A new order (or replace) is acknowledged only once its records are stored: while a store cannot be written it
     * is refused, with the store and the cause in the reject (Text "audit store unavailable: ...").
     */
    private boolean storesAvailable()
    {
        return storeAvailable(auditStore) && storeAvailable(sessionStore);
    }

    private boolean storeAvailable(final StoreHealth store)
    {
        final StoreFault fault = null == store ? null : store.fault();
        return null == fault || rules.reject(RejectReason.STORE_UNAVAILABLE, store.storeCode(), fault.code());
    }

    /**
     * Refuse new orders and replaces while a store is unavailable. Set before the session starts.
     *
     * @param auditStore   the audit journal's health, or null.
     * @param sessionStore the FIX session store's health, or null.
     * @return this.
     */
    public OrderEntry storeHealth(final StoreHealth auditStore, final StoreHealth sessionStore)
    {
        this.auditStore = auditStore;
        this.sessionStore = sessionStore;
        return this;
    }

    /**
     * Attach the inbound audit record of the message to each command it causes
     * ({@link IngressFrame#AUDITED_COMMAND_MSG_TYPE_ID}): only when the cluster order agent reads the command ring.
     * Set before the session starts.
     *
     * @param auditRecord shared with the {@link AuditingInboundObserver}, or null.
     * @return this.
     */
    public OrderEntry attachAuditRecord(final InboundAuditRecord auditRecord)
    {
        this.auditRecord = auditRecord;
        return this;
    }

    private void write(final int templateId, final int bodyLength)
    {
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + bodyLength;
        if (null != auditRecord && auditRecord.length() > 0)
        {
            writeWithAuditRecord(length);
            return;
        }
        backPressureIdle.reset();
        while (!commands.write(templateId, buffer, 0, length))
        {
            // A full command ring means the engine is behind: holding the session thread pushes back on TCP.
            backPressureIdle.idle();
        }
        if (null != wakeEngine)
        {
            wakeEngine.run();
        }
    }

    private void writeWithAuditRecord(final int commandLength)
    {
        final int auditLength = auditRecord.length();
        final int length = Integer.BYTES + commandLength + auditLength;
        backPressureIdle.reset();
        int index;
        while ((index = commands.tryClaim(IngressFrame.AUDITED_COMMAND_MSG_TYPE_ID, length)) < 0)
        {
            backPressureIdle.idle();
        }
        final AtomicBuffer ring = commands.buffer();
        ring.putInt(index, commandLength, ByteOrder.LITTLE_ENDIAN);
        ring.putBytes(index + Integer.BYTES, buffer, 0, commandLength);
        ring.putBytes(index + Integer.BYTES + commandLength, auditRecord.buffer(), 0, auditLength);
        commands.commit(index);
        auditRecord.clear();
        if (null != wakeEngine)
        {
            wakeEngine.run();
        }
    }

    /**
     * Wake the engine's thread after each command, when it idles with a wakeable strategy (see
     * {@code audit.WakeableIdleStrategy}): it can then park soon after going idle without adding a park timeout
     * to the next order. Set before the session starts.
     *
     * @param wakeEngine e.g. {@code idle::wake}, or null.
     */
    public void wakeOnCommand(final Runnable wakeEngine)
    {
        this.wakeEngine = wakeEngine;
    }

    /**
     * Bound the commands in flight between this thread and the report sender ({@link InFlightLimit}). Set before
     * the session starts.
     *
     * @param inFlightLimit the limit the sender also reports its answers to, or null for none.
     */
    public void inFlightLimit(final InFlightLimit inFlightLimit)
    {
        this.inFlightLimit = inFlightLimit;
    }

    private void taken(final SessionState state)
    {
        if (null != inFlightLimit)
        {
            inFlightLimit.onTaken(nextCorrelationId, state.index(), state.sessionId());
        }
    }

    private static CharSequence truncateSymbol(final String symbol)
    {
        final int max = NewOrderCommandEncoder.symbolLength();
        return symbol.length() > max ? symbol.subSequence(0, max) : symbol;
    }
}
