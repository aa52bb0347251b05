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
package io.tickwire.feed.snapshot;

import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import io.tickwire.counters.CounterSet;
import io.tickwire.feed.FeedCounterTypes;
import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.book.InstrumentBook;
import io.tickwire.feed.book.MarketByPriceBook;
import io.tickwire.feed.book.Order;
import io.tickwire.feed.book.OrderBook;
import io.tickwire.feed.book.PriceLevel;
import io.tickwire.latency.CalibratedEpochNanoClock;
import io.tickwire.sbe.md.BookSnapshotBeginEncoder;
import io.tickwire.sbe.md.BookSnapshotEndEncoder;
import io.tickwire.sbe.md.BooleanType;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import io.tickwire.sbe.md.PriceLevelAction;
import io.tickwire.sbe.md.PriceLevelUpdateEncoder;
import io.tickwire.sbe.md.Side;
import io.tickwire.sbe.md.SnapshotOrdersEncoder;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.util.List;

/**
 * The {@link SnapshotServer}'s response side. A snapshot is encoded in one go into a buffer of length-prefixed
 * messages, a consistent copy of the books at one sequence, then offered message by message across duty cycles so
 * that a slow response stream never stalls the books. A snapshot nobody is connected to receive is abandoned after
 * a timeout rather than holding up every later request.
 * <p>
 * Per instrument: its definition and trading status as received, then its resting orders, or for a market-by-price
 * instrument its levels as PriceLevelUpdate NEW messages, best first, outright then implied (stream sequence 0:
 * they restate the books, they are not events of the stream).
 */
final class SnapshotWriter
{
    private static final int RECORD_HEADER = Integer.BYTES;
    private static final long NOT_CONNECTED_TIMEOUT_NS = 5_000_000_000L;

    private final ExclusivePublication responsePublication;
    private final CounterSet counters;
    private final NanoClock nanoClock;
    private final EpochNanoClock epochClock = CalibratedEpochNanoClock.shared();
    private final int fragmentLimit;
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final BookSnapshotBeginEncoder beginEncoder = new BookSnapshotBeginEncoder();
    private final BookSnapshotEndEncoder endEncoder = new BookSnapshotEndEncoder();
    private final SnapshotOrdersEncoder ordersEncoder = new SnapshotOrdersEncoder();
    private final PriceLevelUpdateEncoder levelEncoder = new PriceLevelUpdateEncoder();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[4096]);
    private final ExpandableArrayBuffer snapshotBuffer = new ExpandableArrayBuffer(1024 * 1024);

    private int sendPosition;
    private int sendLimit;
    private long notConnectedSinceNs;
    private final AtomicCounter snapshotsServed;
    private final AtomicCounter snapshotsAbandoned;

    /**
     * @param responsePublication the snapshots are offered on.
     * @param nanoClock           for the not-connected timeout.
     * @param fragmentLimit       most messages offered per duty cycle.
     * @param counters            the server's, where snapshots served and abandoned are counted.
     */
    SnapshotWriter(
        final ExclusivePublication responsePublication,
        final NanoClock nanoClock,
        final int fragmentLimit,
        final CounterSet counters)
    {
        this.counters = counters;
        this.snapshotsServed = counters.add(FeedCounterTypes.SNAPSHOTS_SERVED, "snapshots-served");
        this.snapshotsAbandoned = counters.add(FeedCounterTypes.SNAPSHOTS_ABANDONED, "snapshots-abandoned");
        this.responsePublication = responsePublication;
        this.nanoClock = nanoClock;
        this.fragmentLimit = fragmentLimit;
    }

    /**
     * @return true while a snapshot is only partly sent.
     */
    boolean isSending()
    {
        return sendPosition < sendLimit;
    }

    /**
     * Encode a snapshot of every book, replacing any unsent one, stamped with the request id as snapshot id.
     *
     * @param requestId of the request answered.
     * @param builder   holding the books.
     * @param sequence  the last stream sequence applied to the books.
     */
    void encodeSnapshot(final long requestId, final BookBuilder builder, final long sequence)
    {
        sendPosition = 0;
        sendLimit = 0;
        notConnectedSinceNs = 0;
        final List<InstrumentBook> instruments = builder.instruments();

        appendBegin(requestId, 0, sequence, instruments.size());
        for (int i = 0, size = instruments.size(); i < size; i++)
        {
            final InstrumentBook instrument = instruments.get(i);
            final OrderBook book = instrument.book();
            appendBegin(requestId, instrument.instrumentId(), sequence, book.orderCount());
            if (instrument.definitionLength() > 0)
            {
                appendRaw(instrument.definitionMessage(), instrument.definitionLength());
            }
            if (instrument.statusLength() > 0)
            {
                appendRaw(instrument.statusMessage(), instrument.statusLength());
            }
            appendOrders(requestId, book, Side.BUY);
            appendOrders(requestId, book, Side.SELL);
            if (null != instrument.priceLevelBook())
            {
                appendLevels(instrument.priceLevelBook(), Side.BUY);
                appendLevels(instrument.priceLevelBook(), Side.SELL);
                appendLevels(instrument.impliedBook(), Side.BUY);
                appendLevels(instrument.impliedBook(), Side.SELL);
            }
            appendEnd(requestId, instrument.instrumentId(), sequence, book.orderCount());
        }
        appendEnd(requestId, 0, sequence, instruments.size());
    }

    /**
     * Offer the next messages of the snapshot being sent, up to the fragment limit, until back-pressured.
     *
     * @return messages sent.
     */
    int sendSome()
    {
        int sent = 0;
        while (sendPosition < sendLimit && sent < fragmentLimit)
        {
            final int length = snapshotBuffer.getInt(sendPosition);
            final long result = responsePublication.offer(snapshotBuffer, sendPosition + RECORD_HEADER, length);
            if (result > 0)
            {
                sendPosition += RECORD_HEADER + length;
                sent++;
                notConnectedSinceNs = 0;
            }
            else
            {
                if (Publication.NOT_CONNECTED == result || Publication.CLOSED == result)
                {
                    final long nowNs = nanoClock.nanoTime();
                    if (0 == notConnectedSinceNs)
                    {
                        notConnectedSinceNs = nowNs;
                    }
                    else if (nowNs - notConnectedSinceNs > NOT_CONNECTED_TIMEOUT_NS)
                    {
                        snapshotsAbandoned.incrementRelease();
                        sendPosition = 0;
                        sendLimit = 0;
                    }
                }
                break;
            }
        }

        if (sendLimit > 0 && sendPosition == sendLimit)
        {
            snapshotsServed.incrementRelease();
            sendPosition = 0;
            sendLimit = 0;
        }
        return sent;
    }

    /**
     * @return snapshots sent completely.
     */
    long snapshotsServed()
    {
        return counters.get(snapshotsServed);
    }

    /**
     * @return snapshots abandoned because no subscriber was connected to the response stream.
     */
    long snapshotsAbandoned()
    {
        return counters.get(snapshotsAbandoned);
    }

    private void appendOrders(final long requestId, final OrderBook book, final Side side)
    {
        final int total = countOrders(book, side);
        if (0 == total)
        {
            return;
        }

        int remaining = total;
        SnapshotOrdersEncoder.OrdersEncoder orders = null;
        int inMessage = 0;
        for (int levelIndex = 0, depth = book.depth(side); levelIndex < depth; levelIndex++)
        {
            final PriceLevel level = book.level(side, levelIndex);
            for (Order order = level.firstOrder(); null != order; order = order.next())
            {
                if (null == orders)
                {
                    final int batch = Math.min(SnapshotServer.ORDERS_PER_MESSAGE, remaining);
                    orders = stamp(ordersEncoder.wrapAndApplyHeader(scratch, 0, headerEncoder), book.instrumentId())
                        .snapshotId(requestId)
                        .ordersCount(batch);
                    inMessage = batch;
                }
                orders.next()
                    .orderId(order.orderId())
                    .side(order.side())
                    .quantity(order.quantity())
                    .price(order.price())
                    .priority(order.priority());
                remaining--;
                if (0 == --inMessage)
                {
                    appendRaw(scratch, MessageHeaderEncoder.ENCODED_LENGTH + ordersEncoder.encodedLength());
                    orders = null;
                }
            }
        }
    }

    private void appendLevels(final MarketByPriceBook book, final Side side)
    {
        // Each level appended behind the ones before it rebuilds the side exactly, whatever the subscriber held.
        for (int i = 0, depth = book.depth(side); i < depth; i++)
        {
            levelEncoder.wrapAndApplyHeader(scratch, 0, headerEncoder)
                .sequence(0)
                .sourceTimestamp(0)
                .ingestTimestamp(0)
                .publishTimestamp(epochClock.nanoTime())
                .instrumentId(book.instrumentId())
                .action(PriceLevelAction.NEW)
                .side(side)
                .implied(book.isImplied() ? BooleanType.TRUE : BooleanType.FALSE)
                .level((short)(i + 1))
                .price(book.price(side, i))
                .quantity(book.quantity(side, i))
                .orderCount(book.orderCount(side, i))
                .venueSequence(0);
            appendRaw(scratch, MessageHeaderEncoder.ENCODED_LENGTH + levelEncoder.encodedLength());
        }
    }

    private static int countOrders(final OrderBook book, final Side side)
    {
        int count = 0;
        for (int i = 0, depth = book.depth(side); i < depth; i++)
        {
            count += book.orderCount(side, i);
        }
        return count;
    }

    private SnapshotOrdersEncoder stamp(final SnapshotOrdersEncoder encoder, final long instrumentId)
    {
        return encoder
            .sequence(0)
            .sourceTimestamp(0)
            .ingestTimestamp(0)
            .publishTimestamp(epochClock.nanoTime())
            .instrumentId(instrumentId);
    }

    private void appendBegin(final long requestId, final long instrumentId, final long sequence, final int count)
    {
        beginEncoder.wrapAndApplyHeader(scratch, 0, headerEncoder)
            .sequence(0)
            .sourceTimestamp(0)
            .ingestTimestamp(0)
            .publishTimestamp(epochClock.nanoTime())
            .instrumentId(instrumentId)
            .snapshotId(requestId)
            .lastAppliedSequence(sequence)
            .orderCount(count);
        appendRaw(scratch, MessageHeaderEncoder.ENCODED_LENGTH + beginEncoder.encodedLength());
    }

    private void appendEnd(final long requestId, final long instrumentId, final long sequence, final int count)
    {
        endEncoder.wrapAndApplyHeader(scratch, 0, headerEncoder)
            .sequence(0)
            .sourceTimestamp(0)
            .ingestTimestamp(0)
            .publishTimestamp(epochClock.nanoTime())
            .instrumentId(instrumentId)
            .snapshotId(requestId)
            .lastAppliedSequence(sequence)
            .orderCount(count);
        appendRaw(scratch, MessageHeaderEncoder.ENCODED_LENGTH + endEncoder.encodedLength());
    }

    private void appendRaw(final DirectBuffer source, final int length)
    {
        snapshotBuffer.putInt(sendLimit, length);
        snapshotBuffer.putBytes(sendLimit + RECORD_HEADER, source, 0, length);
        sendLimit += RECORD_HEADER + length;
    }
}
