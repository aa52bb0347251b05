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
package io.tickwire.feed.ingest.mdp3;

import io.tickwire.feed.ring.MessageSink;
import io.tickwire.sbe.md.AggressorSide;
import io.tickwire.sbe.md.BookResetEncoder;
import io.tickwire.sbe.md.BookResetReason;
import io.tickwire.sbe.md.BookType;
import io.tickwire.sbe.md.BooleanType;
import io.tickwire.sbe.md.BrokenTradeEncoder;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import io.tickwire.sbe.md.OrderUpdateAction;
import io.tickwire.sbe.md.OrderUpdateEncoder;
import io.tickwire.sbe.md.PriceLevelAction;
import io.tickwire.sbe.md.PriceLevelUpdateEncoder;
import io.tickwire.sbe.md.Side;
import io.tickwire.sbe.md.TradeSummaryEncoder;
import io.tickwire.sbe.md.TradingState;
import io.tickwire.sbe.md.TradingStatusEncoder;

import static io.tickwire.feed.ingest.mdp3.Mdp3FeedFields.instrumentId;
import static io.tickwire.feed.ingest.mdp3.Mdp3FeedFields.price;
import static io.tickwire.feed.ingest.mdp3.Mdp3FeedFields.timeOfDay;

/**
 * Encodes the feed messages of one MDP 3.0 packet through the ingest agent's {@link MessageSink}, counts each in the
 * normaliser's counters and how many this packet gave; the {@link Mdp3Normaliser} decides what to write, this class
 * how. Encoders allocated once and reused; nothing is allocated per message.
 */
final class Mdp3FeedWriter
{
    private final Mdp3NormaliserCounters counters;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final Mdp3DefinitionWriter definitionWriter = new Mdp3DefinitionWriter();
    private final PriceLevelUpdateEncoder level = new PriceLevelUpdateEncoder();
    private final TradeSummaryEncoder trade = new TradeSummaryEncoder();
    private final BrokenTradeEncoder brokenTrade = new BrokenTradeEncoder();
    private final TradingStatusEncoder status = new TradingStatusEncoder();
    private final BookResetEncoder bookReset = new BookResetEncoder();
    private final OrderUpdateEncoder order = new OrderUpdateEncoder();

    private MessageSink sink;
    private long ingestTimestamp;
    private int written;

    Mdp3FeedWriter(final Mdp3NormaliserCounters counters)
    {
        this.counters = counters;
    }

    void start(final MessageSink sink)
    {
        this.sink = sink;
        written = 0;
    }

    void ingestTimestamp(final long ingestTimestamp)
    {
        this.ingestTimestamp = ingestTimestamp;
    }

    int written()
    {
        return written;
    }

    void level(
        final long transactTime, final int securityId, final long rptSeq, final PriceLevelAction action,
        final byte entryType, final long price, final int priceExponent, final int size, final int priceLevel,
        final int numberOfOrders)
    {
        level.wrapAndApplyHeader(sink.buffer(), 0, header)
            .sequence(0)
            .sourceTimestamp(timeOfDay(transactTime))
            .ingestTimestamp(ingestTimestamp)
            .publishTimestamp(0)
            .instrumentId(instrumentId(securityId))
            .action(action)
            .side(entryType == '0' || entryType == 'E' ? Side.BUY : Side.SELL)
            .implied(entryType == 'E' || entryType == 'F' ? BooleanType.TRUE : BooleanType.FALSE)
            .level((short)(priceLevel & 0xFF))
            .price(price(price, Mdp3FeedFields.scale(priceExponent)))
            .quantity(size == Mdp3Schema.NULL_INT32 ? 0 : size)
            .orderCount(numberOfOrders == Mdp3Schema.NULL_INT32 ? 0 : numberOfOrders)
            .venueSequence(rptSeq);
        write(MessageHeaderEncoder.ENCODED_LENGTH + PriceLevelUpdateEncoder.BLOCK_LENGTH);
        counters.levelUpdates.incrementRelease();
    }

    void trade(
        final long transactTime, final int securityId, final long rptSeq, final long price, final int priceExponent,
        final int size, final AggressorSide aggressor, final int numberOfOrders, final long tradeEntryId)
    {
        trade.wrapAndApplyHeader(sink.buffer(), 0, header)
            .sequence(0)
            .sourceTimestamp(timeOfDay(transactTime))
            .ingestTimestamp(ingestTimestamp)
            .publishTimestamp(0)
            .instrumentId(instrumentId(securityId))
            .price(price(price, Mdp3FeedFields.scale(priceExponent)))
            .quantity(size == Mdp3Schema.NULL_INT32 ? 0 : size)
            .aggressorSide(aggressor)
            .orderCount(numberOfOrders == Mdp3Schema.NULL_INT32 ? 0 : numberOfOrders)
            .tradeId(tradeEntryId)
            .venueSequence(rptSeq);
        write(MessageHeaderEncoder.ENCODED_LENGTH + TradeSummaryEncoder.BLOCK_LENGTH);
        counters.trades.incrementRelease();
    }

    /**
     * A trade CME busted: the TradeSummary it published carried the same venue trade id (MDTradeEntryID).
     */
    void brokenTrade(final long transactTime, final int securityId, final long tradeEntryId)
    {
        brokenTrade.wrapAndApplyHeader(sink.buffer(), 0, header)
            .sequence(0)
            .sourceTimestamp(timeOfDay(transactTime))
            .ingestTimestamp(ingestTimestamp)
            .publishTimestamp(0)
            .instrumentId(instrumentId(securityId))
            .matchNumber(tradeEntryId);
        write(MessageHeaderEncoder.ENCODED_LENGTH + BrokenTradeEncoder.BLOCK_LENGTH);
        counters.tradeBusts.incrementRelease();
    }

    void status(final long transactTime, final int securityId, final TradingState state, final int reason)
    {
        status.wrapAndApplyHeader(sink.buffer(), 0, header)
            .sequence(0)
            .sourceTimestamp(timeOfDay(transactTime))
            .ingestTimestamp(ingestTimestamp)
            .publishTimestamp(0)
            .instrumentId(instrumentId(securityId))
            .tradingState(state)
            .putReason((byte)(reason >>> 24), (byte)(reason >>> 16), (byte)(reason >>> 8), (byte)reason);
        write(MessageHeaderEncoder.ENCODED_LENGTH + TradingStatusEncoder.BLOCK_LENGTH);
        counters.statuses.incrementRelease();
    }

    void bookReset(
        final long instrumentId, final long transactTime, final BookResetReason reason, final long venueSequence)
    {
        bookReset.wrapAndApplyHeader(sink.buffer(), 0, header)
            .sequence(0)
            .sourceTimestamp(timeOfDay(transactTime))
            .ingestTimestamp(ingestTimestamp)
            .publishTimestamp(0)
            .instrumentId(instrumentId)
            .putVenue(Mdp3Normaliser.X, Mdp3Normaliser.C, Mdp3Normaliser.M, Mdp3Normaliser.E)
            .reason(reason)
            .venueSequence(venueSequence);
        write(MessageHeaderEncoder.ENCODED_LENGTH + BookResetEncoder.BLOCK_LENGTH);
        counters.bookResets.incrementRelease();
    }

    void definition(final Mdp3InstrumentDefinition def, final long sendingTime, final BookType bookType)
    {
        write(definitionWriter.encode(sink.buffer(), def, timeOfDay(sendingTime), ingestTimestamp, bookType));
        counters.definitions.incrementRelease();
    }

    void orderUpdate(
        final long transactTime, final int securityId, final OrderUpdateAction action, final Side side,
        final long orderId, final long priority, final long price, final long displayQuantity, final long rptSeq)
    {
        order.wrapAndApplyHeader(sink.buffer(), 0, header)
            .sequence(0)
            .sourceTimestamp(timeOfDay(transactTime))
            .ingestTimestamp(ingestTimestamp)
            .publishTimestamp(0)
            .instrumentId(instrumentId(securityId))
            .action(action)
            .side(side)
            .orderId(orderId)
            .priority(priority)
            .price(price)
            .displayQuantity(displayQuantity)
            .venueSequence(rptSeq);
        write(MessageHeaderEncoder.ENCODED_LENGTH + OrderUpdateEncoder.BLOCK_LENGTH);
        counters.orderUpdates.incrementRelease();
    }

    private void write(final int length)
    {
        written++;
        sink.write(length);
    }
}
