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

import io.tickwire.latency.StageRecorder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.ringbuffer.RingBuffer;

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
 * <p>
 * This class wires the parts and holds the rings: {@link CommandDispatcher} decodes commands, {@link OrderStateRules}
 * decides what each does, {@link OrderMatcher} holds the books and matches, {@link OrderStore} holds the orders,
 * {@link EngineEvents} encodes the events and {@link EngineSnapshotCodec} writes and loads the state.
 */
public final class MatchingEngine implements Agent
{
    private static final int COMMAND_LIMIT = 64;

    private final RingBuffer commands;
    private final RingBuffer control;
    private final OrderStore store;
    private final OrderMatcher matcher;
    private final CommandDispatcher dispatcher;

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
        this.commands = commands;
        this.control = control;
        final EngineEvents engineEvents = new EngineEvents(events, nanoClock);
        this.store = new OrderStore(retainedFinishedOrders);
        this.matcher = new OrderMatcher(instrumentIds, store, engineEvents, bookListener, referencePrices);
        this.dispatcher = new CommandDispatcher(
            new OrderStateRules(store, matcher, engineEvents), matcher, bookListener, nanoClock);
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
        dispatcher.riskToMatched(riskToMatched);
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
        int work = null == control ? 0 : control.read(dispatcher, COMMAND_LIMIT);
        work += null == commands ? 0 : commands.read(dispatcher, COMMAND_LIMIT);
        return work;
    }

    /**
     * @return number of orders currently resting or retained as finished (for tests and status).
     */
    public int orderCount()
    {
        return store.size();
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
        dispatcher.onCommand(buffer, index);
    }

    /**
     * Write the engine's state (see {@link EngineSnapshotCodec}). Not while a command is being applied.
     *
     * @param output where the snapshot messages go, in order.
     */
    public void takeSnapshot(final EngineSnapshotCodec.Output output)
    {
        EngineSnapshotCodec.write(matcher, store, output);
    }

    /**
     * Tell the listener of every resting order as if it had just been added, in an order that rebuilds the books
     * with the same time priority: instrument by instrument, bids then asks, level by level, oldest first within a
     * level. Not while a command is being applied.
     *
     * @param listener told {@link BookListener#onAdd} once per resting order.
     * @return the number of resting orders.
     */
    public int forEachRestingOrder(final BookListener listener)
    {
        int count = 0;
        for (final int instrumentId : matcher.instrumentIds())
        {
            final OrderBook book = matcher.book(instrumentId);
            count += forEachOrder(book.bids(), listener) + forEachOrder(book.asks(), listener);
        }
        return count;
    }

    /**
     * A loader that restores a snapshot taken by {@link #takeSnapshot} into this engine, which must be new.
     *
     * @return the loader; feed it the snapshot's messages in order.
     */
    public EngineSnapshotCodec.Loader snapshotLoader()
    {
        return new EngineSnapshotCodec.Loader(matcher, store);
    }

    private static int forEachOrder(final BookSide side, final BookListener listener)
    {
        int count = 0;
        for (int rank = 0, levels = side.levelCount(); rank < levels; rank++)
        {
            for (Order order = side.level(rank).head; null != order; order = order.next)
            {
                listener.onAdd(order.instrumentId, order.orderId, order.side, order.leaves, order.price);
                count++;
            }
        }
        return count;
    }
}
