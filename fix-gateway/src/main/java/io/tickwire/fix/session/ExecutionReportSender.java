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

import io.tickwire.sbe.internal.BooleanType;
import io.tickwire.sbe.internal.CancelRejectedEventDecoder;
import io.tickwire.sbe.internal.FillEventDecoder;
import io.tickwire.sbe.internal.MessageHeaderDecoder;
import io.tickwire.sbe.internal.OrdStatus;
import io.tickwire.sbe.internal.OrderAcceptedEventDecoder;
import io.tickwire.sbe.internal.OrderCancelledEventDecoder;
import io.tickwire.sbe.internal.OrderRejectedEventDecoder;
import io.tickwire.sbe.internal.OrderReplacedEventDecoder;
import io.tickwire.sbe.internal.OrderStatusEventDecoder;
import io.tickwire.sbe.internal.OrderType;
import io.tickwire.sbe.internal.RejectReason;
import io.tickwire.sbe.internal.Side;
import io.tickwire.sbe.internal.TimeInForce;
import io.tickwire.fix.time.GatewayClock;
import io.tickwire.latency.StageRecorder;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import quickfix.FixVersions;
import quickfix.Message;
import quickfix.Session;
import quickfix.UtcTimestampPrecision;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejReason;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecID;
import quickfix.field.ExecTransType;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MsgType;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdType;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TransactTime;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Drains the engine's event ring and turns each event into an ExecutionReport (or OrderCancelReject) for the
 * session it belongs to, released through the {@link OutboundGate}. The only thread that releases reports, so
 * reports of one session leave in engine order.
 * <p>
 * FIX 4.2 sessions get ExecTransType (20) and the 4.2 ExecType values (1/2 for fills, the OrdStatus for a status
 * answer); FIX 4.4 and FIX 5.0 SP2 get ExecType F and I. Building the QuickFIX/J message allocates (QuickFIX/J's
 * API is String based); the decoding before it does not.
 */
public final class ExecutionReportSender implements Agent
{
    private static final int EVENT_LIMIT = 64;
    private static final String NONE = "NONE";

    private final RingBuffer events;
    private final GatewayApplication application;
    private final Instruments instruments;
    private final OutboundGate gate;
    private final GatewayCounters counters;
    private final GatewayClock clock;
    private long nowNs;
    private Session[] sessions = new Session[16];
    private long execId;
    private StageRecorder matchedToSent;
    private StageRecorder receiveToSent;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final OrderAcceptedEventDecoder accepted = new OrderAcceptedEventDecoder();
    private final OrderRejectedEventDecoder rejected = new OrderRejectedEventDecoder();
    private final FillEventDecoder fill = new FillEventDecoder();
    private final OrderCancelledEventDecoder cancelled = new OrderCancelledEventDecoder();
    private final OrderReplacedEventDecoder replaced = new OrderReplacedEventDecoder();
    private final CancelRejectedEventDecoder cancelRejected = new CancelRejectedEventDecoder();
    private final OrderStatusEventDecoder status = new OrderStatusEventDecoder();
    private final MessageHandler handler = this::onEvent;
    private InFlightLimit inFlightLimit;

    /**
     * @param events      the engine's event ring (this agent is its one reader).
     * @param application to find sessions by index.
     * @param instruments for Symbol (55).
     * @param gate        release point of every report.
     * @param counters    counters.
     * @param clock         the clock-checked clock that stamps requests: TransactTime (60) comes from it too, so
     *                      every timestamp the gateway emits is from the one clock whose state it records.
     */
    public ExecutionReportSender(
        final RingBuffer events,
        final GatewayApplication application,
        final Instruments instruments,
        final OutboundGate gate,
        final GatewayCounters counters,
        final GatewayClock clock)
    {
        this.events = events;
        this.application = application;
        this.instruments = instruments;
        this.gate = gate;
        this.counters = counters;
        this.clock = clock;
        this.execId = System.currentTimeMillis() * 1000;
    }

    /**
     * Record {@code matched->er-sent} (engine emitted the event to the report handed to the {@link OutboundGate},
     * which sends it through QuickFIX/J at once unless an audit trail holds it until durable) for every report,
     * and {@code fix-receive->er-sent} for every report answering the request that was just received (not for
     * the passive side of a fill, whose request came earlier). Call before the sender thread starts.
     *
     * @param matchedToSent the {@code matched->er-sent} recorder for the sender thread, or null for none.
     * @param receiveToSent the {@code fix-receive->er-sent} recorder for the sender thread, or null for none.
     * @return this.
     */
    public ExecutionReportSender latencyRecorders(final StageRecorder matchedToSent, final StageRecorder receiveToSent)
    {
        this.matchedToSent = matchedToSent;
        this.receiveToSent = receiveToSent;
        return this;
    }

    /**
     * Report every answered command to the limit the session thread takes commands under, and resume the sessions
     * it suspended ({@link InFlightLimit}). Before the agent's thread starts.
     *
     * @param inFlightLimit the limit, or null for none.
     * @return this.
     */
    public ExecutionReportSender inFlightLimit(final InFlightLimit inFlightLimit)
    {
        this.inFlightLimit = inFlightLimit;
        return this;
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "execution-report-sender";
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        // One clock read per duty cycle, as Aeron's agents do: it stamps every report released in this cycle.
        nowNs = clock.monotonicNanos();
        final int work = events.read(handler, EVENT_LIMIT) + gate.doWork();
        return null == inFlightLimit ? work : work + inFlightLimit.poll();
    }

    private void onEvent(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        header.wrap(buffer, index);
        final int offset = index + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        switch (header.templateId())
        {
            case OrderAcceptedEventDecoder.TEMPLATE_ID:
                onAccepted(accepted.wrap(buffer, offset, blockLength, version));
                break;
            case OrderRejectedEventDecoder.TEMPLATE_ID:
                onRejected(rejected.wrap(buffer, offset, blockLength, version));
                break;
            case FillEventDecoder.TEMPLATE_ID:
                onFill(fill.wrap(buffer, offset, blockLength, version));
                break;
            case OrderCancelledEventDecoder.TEMPLATE_ID:
                onCancelled(cancelled.wrap(buffer, offset, blockLength, version));
                break;
            case OrderReplacedEventDecoder.TEMPLATE_ID:
                onReplaced(replaced.wrap(buffer, offset, blockLength, version));
                break;
            case CancelRejectedEventDecoder.TEMPLATE_ID:
                onCancelRejected(cancelRejected.wrap(buffer, offset, blockLength, version));
                break;
            case OrderStatusEventDecoder.TEMPLATE_ID:
                onStatus(status.wrap(buffer, offset, blockLength, version));
                break;
            default:
                break;
        }
    }

    private void onAccepted(final OrderAcceptedEventDecoder event)
    {
        final Session session = session((int)event.sessionIndex());
        if (null == session)
        {
            return;
        }
        final Message report = report(session, '0', '0', event.orderId(), event.clOrdId(), null,
            (int)event.instrumentId(), event.side(), event.fixSide(), event.orderType(), event.timeInForce(),
            event.orderQuantity(), event.orderPrice(), event.leavesQuantity(), 0, 0);
        release(session, report, event.correlationId(), event.receiveNanos(), event.engineNanos(), true);
    }

    private void onRejected(final OrderRejectedEventDecoder event)
    {
        final Session session = session((int)event.sessionIndex());
        final RejectReason reason = event.reason();
        counters.onReject(reason);
        if (null == session)
        {
            return;
        }
        final Message report = report(session, '8', '8', event.orderId(), event.clOrdId(), null,
            (int)event.instrumentId(), event.side(), event.fixSide(), event.orderType(), event.timeInForce(),
            event.orderQuantity(), event.orderPrice(), 0, 0, 0);
        if (null == instruments.symbol((int)event.instrumentId()))
        {
            // Echo the symbol the client sent; the engine knows no instrument by it.
            final String sent = event.symbol();
            report.setString(Symbol.FIELD, sent.isEmpty() ? "[N/A]" : sent);
        }
        report.setInt(OrdRejReason.FIELD, ordRejReason(reason));
        report.setString(Text.FIELD, RejectText.describe(reason, event.limitValue(), event.actualValue()));
        release(session, report, event.correlationId(), event.receiveNanos(), event.engineNanos(), true);
    }

    private void onFill(final FillEventDecoder event)
    {
        final Session session = session((int)event.sessionIndex());
        if (null == session)
        {
            return;
        }
        final boolean filled = 0 == event.leavesQuantity();
        final boolean fix42 = FixVersions.BEGINSTRING_FIX42.equals(session.getSessionID().getBeginString());
        final char execType = fix42 ? (filled ? '2' : '1') : 'F';
        final Message report = report(session, execType, filled ? '2' : '1', event.orderId(), event.clOrdId(), null,
            (int)event.instrumentId(), event.side(), event.fixSide(), event.orderType(), event.timeInForce(),
            event.orderQuantity(), event.orderPrice(), event.leavesQuantity(), event.cumulativeQuantity(),
            event.averagePrice());
        report.setString(LastQty.FIELD, Long.toString(event.lastQuantity()));
        report.setString(LastPx.FIELD, FixDecimals.format(event.lastPrice()));
        release(session, report, event.correlationId(), event.receiveNanos(), event.engineNanos(),
            BooleanType.TRUE == event.aggressor());
    }

    private void onCancelled(final OrderCancelledEventDecoder event)
    {
        final Session session = session((int)event.sessionIndex());
        if (null == session)
        {
            return;
        }
        final boolean expired = BooleanType.TRUE == event.expired();
        final String clOrdId = event.clOrdId();
        final String origClOrdId = event.origClOrdId();
        final Message report = report(session, '4', '4', event.orderId(), clOrdId,
            expired || clOrdId.equals(origClOrdId) ? null : origClOrdId,
            (int)event.instrumentId(), event.side(), event.fixSide(), event.orderType(), event.timeInForce(),
            event.orderQuantity(), event.orderPrice(), 0, event.cumulativeQuantity(), event.averagePrice());
        if (expired)
        {
            report.setString(Text.FIELD, TimeInForce.FOK == event.timeInForce() && 0 == event.cumulativeQuantity() ?
                "fill-or-kill order not fully executable: cancelled" :
                "unfilled remainder of immediate order cancelled");
        }
        release(session, report, event.correlationId(), event.receiveNanos(), event.engineNanos(), true);
    }

    private void onReplaced(final OrderReplacedEventDecoder event)
    {
        final Session session = session((int)event.sessionIndex());
        if (null == session)
        {
            return;
        }
        final Message report = report(session, '5', 0 == event.cumulativeQuantity() ? '0' : '1', event.orderId(),
            event.clOrdId(), event.origClOrdId(), (int)event.instrumentId(), event.side(), event.fixSide(),
            event.orderType(), event.timeInForce(), event.quantity(), event.price(), event.leavesQuantity(),
            event.cumulativeQuantity(), event.averagePrice());
        release(session, report, event.correlationId(), event.receiveNanos(), event.engineNanos(), true);
    }

    private void onCancelRejected(final CancelRejectedEventDecoder event)
    {
        final Session session = session((int)event.sessionIndex());
        final RejectReason reason = event.reason();
        counters.onReject(reason);
        if (null == session)
        {
            return;
        }
        final Message reject = new Message();
        reject.getHeader().setString(MsgType.FIELD, "9");
        reject.setString(OrderID.FIELD, 0 == event.orderId() ? NONE : Long.toString(event.orderId()));
        reject.setString(ClOrdID.FIELD, event.clOrdId());
        reject.setString(OrigClOrdID.FIELD, event.origClOrdId());
        reject.setChar(quickfix.field.OrdStatus.FIELD, (char)event.ordStatusRaw());
        reject.setChar(CxlRejResponseTo.FIELD, BooleanType.TRUE == event.replace() ? '2' : '1');
        reject.setInt(CxlRejReason.FIELD,
            RejectReason.UNKNOWN_ORDER == reason ? 1 : RejectReason.TOO_LATE == reason ? 0 : 99);
        reject.setString(Text.FIELD, RejectText.describe(reason, event.limitValue(), event.actualValue()));
        release(session, reject, event.correlationId(), event.receiveNanos(), event.engineNanos(), true);
    }

    private void onStatus(final OrderStatusEventDecoder event)
    {
        final Session session = session((int)event.sessionIndex());
        if (null == session)
        {
            return;
        }
        final OrdStatus ordStatus = event.ordStatus();
        final boolean fix42 = FixVersions.BEGINSTRING_FIX42.equals(session.getSessionID().getBeginString());
        final char ordStatusChar = (char)event.ordStatusRaw();
        final Message report = report(session, fix42 ? ordStatusChar : 'I', ordStatusChar, event.orderId(),
            event.clOrdId(), null, (int)event.instrumentId(), event.side(), event.fixSide(), event.orderType(),
            event.timeInForce(), event.orderQuantity(), event.orderPrice(), event.leavesQuantity(),
            event.cumulativeQuantity(), event.averagePrice());
        if (OrdStatus.REJECTED == ordStatus && 0 == event.orderId())
        {
            report.setInt(OrdRejReason.FIELD, 5);
            report.setString(Text.FIELD, "unknown order: no order with this ClOrdID(11) on this session");
        }
        release(session, report, event.correlationId(), event.receiveNanos(), event.engineNanos(), true);
    }

    private Message report(
        final Session session,
        final char execType,
        final char ordStatus,
        final long orderId,
        final String clOrdId,
        final String origClOrdId,
        final int instrumentId,
        final Side side,
        final byte fixSide,
        final OrderType orderType,
        final TimeInForce timeInForce,
        final long orderQuantity,
        final long price,
        final long leaves,
        final long cumulative,
        final long averagePrice)
    {
        final boolean fix42 = FixVersions.BEGINSTRING_FIX42.equals(session.getSessionID().getBeginString());
        final Message report = new Message();
        report.getHeader().setString(MsgType.FIELD, "8");
        report.setString(OrderID.FIELD, 0 == orderId ? NONE : Long.toString(orderId));
        report.setString(ClOrdID.FIELD, clOrdId);
        if (null != origClOrdId)
        {
            report.setString(OrigClOrdID.FIELD, origClOrdId);
        }
        report.setString(ExecID.FIELD, Long.toString(++execId));
        if (fix42)
        {
            report.setChar(ExecTransType.FIELD, '0');
        }
        report.setChar(ExecType.FIELD, execType);
        report.setChar(quickfix.field.OrdStatus.FIELD, ordStatus);
        final String symbol = instruments.symbol(instrumentId);
        report.setString(Symbol.FIELD, null == symbol ? "[N/A]" : symbol);
        // Echo the Side the client sent (a short sale stays 5 or 6); events from before it was carried have 0.
        report.setChar(quickfix.field.Side.FIELD, 0 != fixSide ? (char)fixSide : Side.SELL == side ? '2' : '1');
        report.setChar(OrdType.FIELD, OrderType.MARKET == orderType ? '1' : '2');
        final boolean noTif = null == timeInForce || TimeInForce.NULL_VAL == timeInForce;
        report.setChar(quickfix.field.TimeInForce.FIELD, noTif ? '0' : (char)timeInForce.value());
        report.setString(OrderQty.FIELD, Long.toString(orderQuantity));
        if (OrderType.MARKET != orderType && price > 0)
        {
            report.setString(Price.FIELD, FixDecimals.format(price));
        }
        report.setString(LeavesQty.FIELD, Long.toString(leaves));
        report.setString(CumQty.FIELD, Long.toString(cumulative));
        report.setString(AvgPx.FIELD, FixDecimals.format(averagePrice));
        final long micros = clock.epochMicros();
        report.setUtcTimeStamp(TransactTime.FIELD, LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
            (int)Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC),
            fix42 ? UtcTimestampPrecision.MILLIS : UtcTimestampPrecision.MICROS);
        return report;
    }

    private void release(
        final Session session,
        final Message report,
        final long correlationId,
        final long receiveNanos,
        final long engineNanos,
        final boolean answersRequest)
    {
        gate.release(session, report, correlationId, receiveNanos);
        counters.onReportSent();
        if (null != inFlightLimit)
        {
            inFlightLimit.onAnswered(correlationId);
        }
        if (null != matchedToSent && 0 != engineNanos)
        {
            matchedToSent.recordInterval(engineNanos, nowNs);
        }
        if (null != receiveToSent && answersRequest)
        {
            receiveToSent.recordInterval(receiveNanos, nowNs);
        }
    }

    private Session session(final int sessionIndex)
    {
        if (sessionIndex >= sessions.length)
        {
            sessions = Arrays.copyOf(sessions, Math.max(sessionIndex + 1, sessions.length * 2));
        }
        Session session = sessions[sessionIndex];
        if (null == session)
        {
            final SessionState state = application.sessionState(sessionIndex);
            if (null != state)
            {
                session = Session.lookupSession(state.sessionId());
                sessions[sessionIndex] = session;
            }
        }
        return session;
    }

    private static int ordRejReason(final RejectReason reason)
    {
        switch (reason)
        {
            case UNKNOWN_SYMBOL:
                return 1;
            case KILL_SWITCH:
                return 2;
            case MAX_ORDER_QUANTITY:
            case MAX_NOTIONAL:
            case PRICE_COLLAR:
            case ORDER_RATE:
                return 3;
            case DUPLICATE_CLORDID:
                return 6;
            case UNSUPPORTED:
                return 11;
            case INVALID_QUANTITY:
                return 13;
            default:
                return 99;
        }
    }
}
