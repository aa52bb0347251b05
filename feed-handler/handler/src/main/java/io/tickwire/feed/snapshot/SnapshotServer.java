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

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.book.InstrumentBook;
import io.tickwire.feed.book.Order;
import io.tickwire.feed.book.OrderBook;
import io.tickwire.feed.book.PriceLevel;
import io.tickwire.latency.CalibratedEpochNanoClock;
import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.BookSnapshotBeginEncoder;
import io.tickwire.sbe.md.BookSnapshotEndEncoder;
import io.tickwire.sbe.md.HeartbeatDecoder;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import io.tickwire.sbe.md.Side;
import io.tickwire.sbe.md.SnapshotOrdersEncoder;
import io.tickwire.sbe.md.SnapshotRequestDecoder;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.LongArrayQueue;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.List;

/**
 * Serves book snapshots to subscribers that joined late or lost messages beyond Aeron's repair.
 * <p>
 * The server is itself a subscriber of the published stream (in the publisher's process, typically through an
 * Aeron spy subscription on the publication, so no network hop) and maintains full books with the same
 * {@link BookBuilder} the clients use. A {@code SnapshotRequest} on the request stream is answered on the response
 * stream with, all stamped with the request id as {@code snapshotId} and taken at one stream sequence S:
 * <pre>
 *   BookSnapshotBegin(instrumentId 0, S, instrument count)
 *   per instrument: BookSnapshotBegin(id, S, orders), InstrumentDefinition, TradingStatus (as last published),
 *                   SnapshotOrders (batches, best price first, time priority within a level),
 *                   BookSnapshotEnd(id, S, orders)
 *   BookSnapshotEnd(instrumentId 0, S, instrument count)
 * </pre>
 * The snapshot is encoded into a buffer in one go when the request is taken (a consistent copy), then offered
 * message by message across duty cycles while the live stream keeps being consumed, so a slow response stream never
 * stalls the books. The server can only answer once it has seen its publisher session from sequence 1 without a
 * gap; until then requests are counted as refused and clients ask again after their timeout.
 */
public final class SnapshotServer implements Agent, AutoCloseable
{
    /**
     * Orders per SnapshotOrders message, so that each stays within one Aeron frame at the default MTU.
     */
    public static final int ORDERS_PER_MESSAGE = 60;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int RECORD_HEADER = Integer.BYTES;
    private static final long NOT_CONNECTED_TIMEOUT_NS = 5_000_000_000L;

    private final Aeron aeron;
    private final Subscription feedSubscription;
    private final Subscription requestSubscription;
    private final ExclusivePublication responsePublication;
    private final FragmentAssembler feedAssembler;
    private final BookBuilder builder = new BookBuilder(null);
    private final NanoClock nanoClock;
    private final EpochNanoClock epochClock = CalibratedEpochNanoClock.shared();
    private final int fragmentLimit;

    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final SnapshotRequestDecoder requestDecoder = new SnapshotRequestDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final BookSnapshotBeginEncoder beginEncoder = new BookSnapshotBeginEncoder();
    private final BookSnapshotEndEncoder endEncoder = new BookSnapshotEndEncoder();
    private final SnapshotOrdersEncoder ordersEncoder = new SnapshotOrdersEncoder();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[4096]);
    private final ExpandableArrayBuffer snapshotBuffer = new ExpandableArrayBuffer(1024 * 1024);
    private final LongArrayQueue pendingRequests = new LongArrayQueue();

    private boolean hasSession;
    private int sessionId;
    private boolean valid;
    private long lastAppliedSequence;
    private int sendPosition;
    private int sendLimit;
    private long notConnectedSinceNs;

    private long messagesApplied;
    private long gaps;
    private long snapshotsServed;
    private long requestsRefused;
    private long snapshotsAbandoned;

    /**
     * A server on an existing Aeron client (not closed by the server).
     *
     * @param ctx configuration.
     */
    public SnapshotServer(final Context ctx)
    {
        ctx.conclude();
        this.aeron = ctx.aeron;
        this.nanoClock = ctx.nanoClock;
        this.fragmentLimit = ctx.fragmentLimit;
        this.feedAssembler = new FragmentAssembler(this::onFeedFragment);
        Subscription feed = null;
        Subscription requests = null;
        try
        {
            // Requests first: if their endpoint cannot be bound, no spy is left behind holding the publication back.
            requests = aeron.addSubscription(ctx.requestChannel, ctx.requestStreamId);
            feed = aeron.addSubscription(ctx.feedChannel, ctx.feedStreamId);
            this.responsePublication = aeron.addExclusivePublication(ctx.responseChannel, ctx.responseStreamId);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(feed, requests);
            throw ex;
        }
        this.feedSubscription = feed;
        this.requestSubscription = requests;
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        int work = feedSubscription.poll(feedAssembler, fragmentLimit);
        if (sendPosition < sendLimit)
        {
            work += sendSome();
        }
        else
        {
            work += requestSubscription.poll(this::onRequestFragment, 16);
            if (!pendingRequests.isEmpty())
            {
                encodeSnapshot(pendingRequests.pollLong());
                work++;
            }
        }
        return work;
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "snapshot-server";
    }

    /**
     * Whether the server has seen its stream from sequence 1 without a gap and can answer requests.
     *
     * @return true when valid.
     */
    public boolean isValid()
    {
        return valid;
    }

    /**
     * Last stream sequence applied to the server's books.
     *
     * @return the sequence.
     */
    public long lastAppliedSequence()
    {
        return lastAppliedSequence;
    }

    /**
     * Messages applied.
     *
     * @return the count.
     */
    public long messagesApplied()
    {
        return messagesApplied;
    }

    /**
     * Gaps seen on the server's own subscription (each makes it invalid until the publisher restarts).
     *
     * @return the count.
     */
    public long gaps()
    {
        return gaps;
    }

    /**
     * Snapshots sent completely.
     *
     * @return the count.
     */
    public long snapshotsServed()
    {
        return snapshotsServed;
    }

    /**
     * Requests refused because the server was not valid.
     *
     * @return the count.
     */
    public long requestsRefused()
    {
        return requestsRefused;
    }

    /**
     * Snapshots abandoned because no subscriber was connected to the response stream.
     *
     * @return the count.
     */
    public long snapshotsAbandoned()
    {
        return snapshotsAbandoned;
    }

    /**
     * The server's books.
     *
     * @return the builder holding them.
     */
    public BookBuilder books()
    {
        return builder;
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        close();
    }

    /**
     * Close the subscriptions and the publication.
     */
    public void close()
    {
        CloseHelper.closeAll(responsePublication, requestSubscription, feedSubscription);
    }

    private void onFeedFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        if (length < MarketDataHeader.MIN_MESSAGE_LENGTH)
        {
            builder.apply(buffer, offset, length);
            return;
        }

        final long sequence = buffer.getLong(offset + MarketDataHeader.SEQUENCE_OFFSET, ORDER);
        final boolean heartbeat = HeartbeatDecoder.TEMPLATE_ID == buffer.getShort(offset + 2, ORDER);
        final long nextSequence = heartbeat ? sequence + 1 : sequence;
        if (!hasSession || header.sessionId() != sessionId)
        {
            if (hasSession)
            {
                builder.reset();
            }
            hasSession = true;
            sessionId = header.sessionId();
            valid = 1 == nextSequence;
            lastAppliedSequence = nextSequence - 1;
        }

        if (heartbeat)
        {
            // Heartbeats repeat the last sequence published; a higher one means the server lost the tail.
            if (sequence > lastAppliedSequence)
            {
                gaps++;
                valid = false;
                lastAppliedSequence = sequence;
            }
            return;
        }

        if (sequence != lastAppliedSequence + 1)
        {
            if (sequence <= lastAppliedSequence)
            {
                return;
            }
            gaps++;
            valid = false;
        }

        builder.apply(buffer, offset, length);
        lastAppliedSequence = sequence;
        messagesApplied++;
    }

    private void onRequestFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        headerDecoder.wrap(buffer, offset);
        if (length < MarketDataHeader.MIN_MESSAGE_LENGTH ||
            headerDecoder.schemaId() != MessageHeaderDecoder.SCHEMA_ID ||
            headerDecoder.templateId() != SnapshotRequestDecoder.TEMPLATE_ID)
        {
            return;
        }

        requestDecoder.wrap(
            buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, headerDecoder.blockLength(), headerDecoder.version());
        final long requestId = requestDecoder.requestId();
        if (!valid)
        {
            requestsRefused++;
            return;
        }
        if (!pendingRequests.contains(requestId))
        {
            pendingRequests.addLong(requestId);
        }
    }

    private void encodeSnapshot(final long requestId)
    {
        sendPosition = 0;
        sendLimit = 0;
        notConnectedSinceNs = 0;
        final long sequence = lastAppliedSequence;
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
            appendEnd(requestId, instrument.instrumentId(), sequence, book.orderCount());
        }
        appendEnd(requestId, 0, sequence, instruments.size());
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
                    final int batch = Math.min(ORDERS_PER_MESSAGE, remaining);
                    orders = stamp(ordersEncoder.wrapAndApplyHeader(scratch, 0, headerEncoder), book.instrumentId())
                        .snapshotId(requestId)
                        .ordersCount(batch);
                    inMessage = batch;
                }
                orders.next()
                    .orderId(order.orderId())
                    .side(order.side())
                    .quantity(order.quantity())
                    .price(order.price());
                remaining--;
                if (0 == --inMessage)
                {
                    appendRaw(scratch, MessageHeaderEncoder.ENCODED_LENGTH + ordersEncoder.encodedLength());
                    orders = null;
                }
            }
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

    private int sendSome()
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
                        snapshotsAbandoned++;
                        sendPosition = 0;
                        sendLimit = 0;
                    }
                }
                break;
            }
        }

        if (sendLimit > 0 && sendPosition == sendLimit)
        {
            snapshotsServed++;
            sendPosition = 0;
            sendLimit = 0;
        }
        return sent;
    }

    /**
     * Configuration of a {@link SnapshotServer}.
     */
    public static final class Context
    {
        private Aeron aeron;
        private String feedChannel;
        private int feedStreamId;
        private String requestChannel;
        private int requestStreamId;
        private String responseChannel;
        private int responseStreamId;
        private int fragmentLimit = 256;
        private NanoClock nanoClock;

        /**
         * Validate.
         *
         * @return this for a fluent API.
         */
        public Context conclude()
        {
            if (null == aeron || null == feedChannel || null == requestChannel || null == responseChannel)
            {
                throw new IllegalArgumentException("aeron, feed, request and response channels are required");
            }
            if (null == nanoClock)
            {
                nanoClock = SystemNanoClock.INSTANCE;
            }
            return this;
        }

        /**
         * Aeron client to use (not closed by the server).
         *
         * @param aeron client.
         * @return this for a fluent API.
         */
        public Context aeron(final Aeron aeron)
        {
            this.aeron = aeron;
            return this;
        }

        /**
         * The published stream to build books from; in the publisher's process prefer {@code aeron-spy:} + the
         * publication channel.
         *
         * @param channel  Aeron URI.
         * @param streamId id.
         * @return this for a fluent API.
         */
        public Context feed(final String channel, final int streamId)
        {
            this.feedChannel = channel;
            this.feedStreamId = streamId;
            return this;
        }

        /**
         * Where requests arrive.
         *
         * @param channel  Aeron URI.
         * @param streamId id.
         * @return this for a fluent API.
         */
        public Context request(final String channel, final int streamId)
        {
            this.requestChannel = channel;
            this.requestStreamId = streamId;
            return this;
        }

        /**
         * Where snapshots are sent.
         *
         * @param channel  Aeron URI.
         * @param streamId id.
         * @return this for a fluent API.
         */
        public Context response(final String channel, final int streamId)
        {
            this.responseChannel = channel;
            this.responseStreamId = streamId;
            return this;
        }

        /**
         * Fragments per poll and messages sent per duty cycle.
         *
         * @param fragmentLimit limit.
         * @return this for a fluent API.
         */
        public Context fragmentLimit(final int fragmentLimit)
        {
            this.fragmentLimit = fragmentLimit;
            return this;
        }

        /**
         * Clock for timeouts.
         *
         * @param nanoClock clock.
         * @return this for a fluent API.
         */
        public Context nanoClock(final NanoClock nanoClock)
        {
            this.nanoClock = nanoClock;
            return this;
        }
    }
}
