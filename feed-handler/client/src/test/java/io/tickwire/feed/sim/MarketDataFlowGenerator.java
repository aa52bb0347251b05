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
package io.tickwire.feed.sim;

import io.tickwire.sbe.md.AddOrderEncoder;
import io.tickwire.sbe.md.BooleanType;
import io.tickwire.sbe.md.InstrumentDefinitionEncoder;
import io.tickwire.sbe.md.InstrumentSource;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import io.tickwire.sbe.md.OrderCancelEncoder;
import io.tickwire.sbe.md.OrderDeleteEncoder;
import io.tickwire.sbe.md.OrderExecutedEncoder;
import io.tickwire.sbe.md.OrderExecutedWithPriceEncoder;
import io.tickwire.sbe.md.OrderReplaceEncoder;
import io.tickwire.sbe.md.Side;
import io.tickwire.sbe.md.TradeEncoder;
import io.tickwire.sbe.md.TradingState;
import io.tickwire.sbe.md.TradingStatusEncoder;
import org.agrona.MutableDirectBuffer;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Deterministic generator of realistic market data order flow, encoded directly in the published SBE schema.
 * <p>
 * It exists for the subscriber side: tests, benchmarks and fall-backs that need a market data stream without the
 * ITCH ingest path. First it defines every instrument and opens it for trading, then it emits adds, executions,
 * partial cancels, deletes, replaces and non-displayed trades around a slowly walking mid price. It only ever
 * references orders it has added and not yet removed, so a correct book never reports an error. The sequence and
 * publish timestamp fields are left 0: the publisher stamps them, as the real one does.
 */
public final class MarketDataFlowGenerator
{
    private static final long TICK = 100;
    private static final int MAX_ORDERS_PER_INSTRUMENT = 4096;

    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final InstrumentDefinitionEncoder definitionEncoder = new InstrumentDefinitionEncoder();
    private final TradingStatusEncoder statusEncoder = new TradingStatusEncoder();
    private final AddOrderEncoder addEncoder = new AddOrderEncoder();
    private final OrderExecutedEncoder executedEncoder = new OrderExecutedEncoder();
    private final OrderExecutedWithPriceEncoder executedWithPriceEncoder = new OrderExecutedWithPriceEncoder();
    private final OrderCancelEncoder cancelEncoder = new OrderCancelEncoder();
    private final OrderDeleteEncoder deleteEncoder = new OrderDeleteEncoder();
    private final OrderReplaceEncoder replaceEncoder = new OrderReplaceEncoder();
    private final TradeEncoder tradeEncoder = new TradeEncoder();

    private final SplittableRandom random;
    private final int instrumentCount;
    private final int targetOrdersPerInstrument;
    private final long[] mid;
    private final long[][] orderIds;
    private final byte[][] orderSides;
    private final long[][] orderPrices;
    private final long[][] orderQuantities;
    private final int[] orderCounts;
    private long nextOrderId = 1;
    private long nextMatchNumber = 1;
    private long sourceTimestamp = 34_200_000_000_000L;
    private int setupIndex;
    private long generated;

    /**
     * A generator.
     *
     * @param seed                      of the pseudo random flow; the same seed gives the same stream.
     * @param instrumentCount           number of instruments, ids 1 to instrumentCount.
     * @param targetOrdersPerInstrument resting orders per book the flow hovers around (at most 4096).
     */
    public MarketDataFlowGenerator(final long seed, final int instrumentCount, final int targetOrdersPerInstrument)
    {
        if (instrumentCount < 1 || targetOrdersPerInstrument < 1 ||
            targetOrdersPerInstrument > MAX_ORDERS_PER_INSTRUMENT / 2)
        {
            throw new IllegalArgumentException(
                "instrumentCount=" + instrumentCount + " targetOrdersPerInstrument=" + targetOrdersPerInstrument);
        }

        this.random = new SplittableRandom(seed);
        this.instrumentCount = instrumentCount;
        this.targetOrdersPerInstrument = targetOrdersPerInstrument;
        this.mid = new long[instrumentCount + 1];
        this.orderIds = new long[instrumentCount + 1][MAX_ORDERS_PER_INSTRUMENT];
        this.orderSides = new byte[instrumentCount + 1][MAX_ORDERS_PER_INSTRUMENT];
        this.orderPrices = new long[instrumentCount + 1][MAX_ORDERS_PER_INSTRUMENT];
        this.orderQuantities = new long[instrumentCount + 1][MAX_ORDERS_PER_INSTRUMENT];
        this.orderCounts = new int[instrumentCount + 1];
        for (int i = 1; i <= instrumentCount; i++)
        {
            mid[i] = (10 + random.nextInt(490)) * 10_000L;
        }
    }

    /**
     * Symbol of an instrument.
     *
     * @param instrumentId from 1 to the instrument count.
     * @return the symbol.
     */
    public static String symbol(final long instrumentId)
    {
        return "SYM" + instrumentId;
    }

    /**
     * Number of instruments.
     *
     * @return the instrument count.
     */
    public int instrumentCount()
    {
        return instrumentCount;
    }

    /**
     * Number of messages generated so far.
     *
     * @return the count.
     */
    public long generated()
    {
        return generated;
    }

    /**
     * Encode the next message.
     *
     * @param buffer to encode into, with room for at least 128 bytes from the offset.
     * @param offset at which the SBE message header starts.
     * @return the encoded length including the message header.
     */
    public int next(final MutableDirectBuffer buffer, final int offset)
    {
        generated++;
        sourceTimestamp += 1 + random.nextInt(2_000);
        if (setupIndex < instrumentCount * 2)
        {
            final int instrumentId = 1 + (setupIndex >> 1);
            final boolean definition = 0 == (setupIndex & 1);
            setupIndex++;
            return definition ? definition(buffer, offset, instrumentId) : status(buffer, offset, instrumentId);
        }

        final int instrumentId = 1 + random.nextInt(instrumentCount);
        final int count = orderCounts[instrumentId];
        if (count < 4 || (count < targetOrdersPerInstrument && random.nextInt(100) < 55))
        {
            return add(buffer, offset, instrumentId);
        }

        final int roll = random.nextInt(100);
        final int index = random.nextInt(count);
        if (roll < 35 || count >= MAX_ORDERS_PER_INSTRUMENT - 1)
        {
            return delete(buffer, offset, instrumentId, index);
        }
        else if (roll < 50)
        {
            return cancel(buffer, offset, instrumentId, index);
        }
        else if (roll < 65)
        {
            return execute(buffer, offset, instrumentId, bestIndex(instrumentId, index));
        }
        else if (roll < 68)
        {
            return executeWithPrice(buffer, offset, instrumentId, index);
        }
        else if (roll < 85)
        {
            return replace(buffer, offset, instrumentId, index);
        }
        else if (roll < 88)
        {
            return trade(buffer, offset, instrumentId);
        }

        return add(buffer, offset, instrumentId);
    }

    private int bestIndex(final int instrumentId, final int candidate)
    {
        // Executions hit the touch far more often than the back of the book: pick the better of two random orders.
        final int other = random.nextInt(orderCounts[instrumentId]);
        final byte side = orderSides[instrumentId][candidate];
        if (orderSides[instrumentId][other] != side)
        {
            return candidate;
        }
        final long a = orderPrices[instrumentId][candidate];
        final long b = orderPrices[instrumentId][other];
        final boolean otherBetter = side == Side.BUY.value() ? b > a : b < a;
        return otherBetter ? other : candidate;
    }

    private int definition(final MutableDirectBuffer buffer, final int offset, final int instrumentId)
    {
        definitionEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
            .sequence(0)
            .sourceTimestamp(sourceTimestamp)
            .ingestTimestamp(0)
            .publishTimestamp(0)
            .instrumentId(instrumentId)
            .symbol(symbol(instrumentId))
            .priceExponent((byte)-4)
            .lotSize(100)
            .source(InstrumentSource.SIMULATOR)
            .venue("XSIM")
            .marketCategory((byte)'Q')
            .financialStatus((byte)'N')
            .issueClassification((byte)'C');
        return MessageHeaderEncoder.ENCODED_LENGTH + definitionEncoder.encodedLength();
    }

    private int status(final MutableDirectBuffer buffer, final int offset, final int instrumentId)
    {
        statusEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
            .sequence(0)
            .sourceTimestamp(sourceTimestamp)
            .ingestTimestamp(0)
            .publishTimestamp(0)
            .instrumentId(instrumentId)
            .tradingState(TradingState.TRADING)
            .reason("    ");
        return MessageHeaderEncoder.ENCODED_LENGTH + statusEncoder.encodedLength();
    }

    private int add(final MutableDirectBuffer buffer, final int offset, final int instrumentId)
    {
        walkMid(instrumentId);
        final boolean buy = random.nextBoolean();
        final long distance = TICK * (1 + Math.min(random.nextInt(40), random.nextInt(40)));
        final long price = buy ? mid[instrumentId] - distance : mid[instrumentId] + distance;
        final long quantity = 100L * (1 + random.nextInt(20));
        final long orderId = nextOrderId++;
        remember(instrumentId, orderId, buy ? Side.BUY.value() : Side.SELL.value(), price, quantity);

        addEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
            .sequence(0)
            .sourceTimestamp(sourceTimestamp)
            .ingestTimestamp(0)
            .publishTimestamp(0)
            .instrumentId(instrumentId)
            .orderId(orderId)
            .side(buy ? Side.BUY : Side.SELL)
            .quantity(quantity)
            .price(price)
            .attribution("    ");
        return MessageHeaderEncoder.ENCODED_LENGTH + addEncoder.encodedLength();
    }

    private int delete(final MutableDirectBuffer buffer, final int offset, final int instrumentId, final int index)
    {
        final long orderId = orderIds[instrumentId][index];
        forget(instrumentId, index);
        deleteEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
            .sequence(0)
            .sourceTimestamp(sourceTimestamp)
            .ingestTimestamp(0)
            .publishTimestamp(0)
            .instrumentId(instrumentId)
            .orderId(orderId);
        return MessageHeaderEncoder.ENCODED_LENGTH + deleteEncoder.encodedLength();
    }

    private int cancel(final MutableDirectBuffer buffer, final int offset, final int instrumentId, final int index)
    {
        final long open = orderQuantities[instrumentId][index];
        if (open <= 100)
        {
            return delete(buffer, offset, instrumentId, index);
        }
        final long cancelled = 100L * (1 + random.nextInt((int)(open / 100) - 1));
        orderQuantities[instrumentId][index] = open - cancelled;
        cancelEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
            .sequence(0)
            .sourceTimestamp(sourceTimestamp)
            .ingestTimestamp(0)
            .publishTimestamp(0)
            .instrumentId(instrumentId)
            .orderId(orderIds[instrumentId][index])
            .cancelledQuantity(cancelled);
        return MessageHeaderEncoder.ENCODED_LENGTH + cancelEncoder.encodedLength();
    }

    private long executedQuantity(final int instrumentId, final int index)
    {
        final long open = orderQuantities[instrumentId][index];
        final long executed = random.nextBoolean() ? open : 100L * (1 + random.nextInt((int)(open / 100)));
        if (executed >= open)
        {
            forget(instrumentId, index);
        }
        else
        {
            orderQuantities[instrumentId][index] = open - executed;
        }
        return executed;
    }

    private int execute(final MutableDirectBuffer buffer, final int offset, final int instrumentId, final int index)
    {
        final long orderId = orderIds[instrumentId][index];
        final long executed = executedQuantity(instrumentId, index);
        executedEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
            .sequence(0)
            .sourceTimestamp(sourceTimestamp)
            .ingestTimestamp(0)
            .publishTimestamp(0)
            .instrumentId(instrumentId)
            .orderId(orderId)
            .executedQuantity(executed)
            .matchNumber(nextMatchNumber++);
        return MessageHeaderEncoder.ENCODED_LENGTH + executedEncoder.encodedLength();
    }

    private int executeWithPrice(
        final MutableDirectBuffer buffer, final int offset, final int instrumentId, final int index)
    {
        final long orderId = orderIds[instrumentId][index];
        final long price = orderPrices[instrumentId][index];
        final long executed = executedQuantity(instrumentId, index);
        executedWithPriceEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
            .sequence(0)
            .sourceTimestamp(sourceTimestamp)
            .ingestTimestamp(0)
            .publishTimestamp(0)
            .instrumentId(instrumentId)
            .orderId(orderId)
            .executedQuantity(executed)
            .matchNumber(nextMatchNumber++)
            .printable(BooleanType.TRUE)
            .executionPrice(price + TICK);
        return MessageHeaderEncoder.ENCODED_LENGTH + executedWithPriceEncoder.encodedLength();
    }

    private int replace(final MutableDirectBuffer buffer, final int offset, final int instrumentId, final int index)
    {
        final long originalOrderId = orderIds[instrumentId][index];
        final byte side = orderSides[instrumentId][index];
        final long price = orderPrices[instrumentId][index] + TICK * (random.nextInt(5) - 2);
        final long quantity = 100L * (1 + random.nextInt(20));
        final long newOrderId = nextOrderId++;
        forget(instrumentId, index);
        remember(instrumentId, newOrderId, side, price, quantity);
        replaceEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
            .sequence(0)
            .sourceTimestamp(sourceTimestamp)
            .ingestTimestamp(0)
            .publishTimestamp(0)
            .instrumentId(instrumentId)
            .originalOrderId(originalOrderId)
            .newOrderId(newOrderId)
            .quantity(quantity)
            .price(price);
        return MessageHeaderEncoder.ENCODED_LENGTH + replaceEncoder.encodedLength();
    }

    private int trade(final MutableDirectBuffer buffer, final int offset, final int instrumentId)
    {
        tradeEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
            .sequence(0)
            .sourceTimestamp(sourceTimestamp)
            .ingestTimestamp(0)
            .publishTimestamp(0)
            .instrumentId(instrumentId)
            .orderId(0)
            .side(random.nextBoolean() ? Side.BUY : Side.SELL)
            .quantity(100L * (1 + random.nextInt(10)))
            .price(mid[instrumentId])
            .matchNumber(nextMatchNumber++);
        return MessageHeaderEncoder.ENCODED_LENGTH + tradeEncoder.encodedLength();
    }

    private void walkMid(final int instrumentId)
    {
        final int step = random.nextInt(64);
        if (0 == step && mid[instrumentId] > 50 * TICK)
        {
            mid[instrumentId] -= TICK;
        }
        else if (1 == step)
        {
            mid[instrumentId] += TICK;
        }
    }

    private void remember(
        final int instrumentId, final long orderId, final byte side, final long price, final long quantity)
    {
        final int index = orderCounts[instrumentId]++;
        orderIds[instrumentId][index] = orderId;
        orderSides[instrumentId][index] = side;
        orderPrices[instrumentId][index] = price;
        orderQuantities[instrumentId][index] = quantity;
    }

    private void forget(final int instrumentId, final int index)
    {
        final int last = --orderCounts[instrumentId];
        orderIds[instrumentId][index] = orderIds[instrumentId][last];
        orderSides[instrumentId][index] = orderSides[instrumentId][last];
        orderPrices[instrumentId][index] = orderPrices[instrumentId][last];
        orderQuantities[instrumentId][index] = orderQuantities[instrumentId][last];
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "MarketDataFlowGenerator{instruments=" + instrumentCount + ", generated=" + generated +
            ", resting=" + Arrays.stream(orderCounts).sum() + '}';
    }
}
