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
import io.aeron.Subscription;
import io.tickwire.counters.CounterSet;
import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.client.ClientCounterTypes;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

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
 * gap, and while that session's publication is there; otherwise requests are counted as refused and clients ask
 * again after their timeout.
 * <p>
 * This class is the agent and owns the Aeron resources; {@code SnapshotBooks} keeps the books from the followed
 * stream, {@code SnapshotRequests} takes requests and {@code SnapshotWriter} encodes and sends the responses.
 * Their counters are Aeron counters of the server's client, labelled {@code tickwire-snapshot-server NAME: CHANNEL
 * stream ID} (and the books' {@code tickwire-book NAME: snapshot-server CHANNEL stream ID}).
 */
public final class SnapshotServer implements Agent, AutoCloseable
{
    /**
     * Orders per SnapshotOrders message, so that each stays within one Aeron frame at the default MTU.
     */
    public static final int ORDERS_PER_MESSAGE = 60;

    /** The component in the server's counter labels: {@code tickwire-snapshot-server NAME: CHANNEL stream ID}. */
    public static final String COMPONENT = "tickwire-snapshot-server";

    private final Aeron aeron;
    private final Subscription feedSubscription;
    private final Subscription requestSubscription;
    private final ExclusivePublication responsePublication;
    private final FragmentAssembler feedAssembler;
    private final CounterSet counters;
    private final CounterSet bookCounters;
    private final SnapshotBooks books;
    private final SnapshotRequests requestHandler;
    private final SnapshotWriter writer;
    private final int fragmentLimit;

    /**
     * A server on an existing Aeron client (not closed by the server).
     *
     * @param ctx configuration.
     */
    public SnapshotServer(final Context ctx)
    {
        ctx.conclude();
        this.aeron = ctx.aeron;
        this.fragmentLimit = ctx.fragmentLimit;
        Subscription feed = null;
        Subscription requests = null;
        CounterSet serverCounters = null;
        CounterSet builderCounters = null;
        try
        {
            // In the driver's CnC file, so that stat and the metrics endpoint show the server and its books.
            final String instance = ctx.feedChannel + " stream " + ctx.feedStreamId;
            serverCounters = new CounterSet(aeron::addCounter, COMPONENT, instance);
            builderCounters = new CounterSet(aeron::addCounter, ClientCounterTypes.BOOK_COMPONENT,
                "snapshot-server " + instance);
            // Requests first: if their endpoint cannot be bound, no spy is left behind holding the publication back.
            requests = aeron.addSubscription(ctx.requestChannel, ctx.requestStreamId);
            feed = aeron.addSubscription(ctx.feedChannel, ctx.feedStreamId);
            this.responsePublication = aeron.addExclusivePublication(ctx.responseChannel, ctx.responseStreamId);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(feed, requests, serverCounters, builderCounters);
            throw ex;
        }
        this.feedSubscription = feed;
        this.requestSubscription = requests;
        this.counters = serverCounters;
        this.bookCounters = builderCounters;
        this.books = new SnapshotBooks(counters, bookCounters);
        this.feedAssembler = new FragmentAssembler(books);
        this.requestHandler = new SnapshotRequests(books, counters);
        this.writer = new SnapshotWriter(responsePublication, ctx.nanoClock, fragmentLimit, counters);
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        int work = feedSubscription.poll(feedAssembler, fragmentLimit);
        if (books.isValid() && null == feedSubscription.imageBySessionId(books.sessionId()))
        {
            // The publication closed: a publisher that took over elsewhere continues from a state these books
            // may not have (a cluster member that lost the lead); answering would mislead a recovering client.
            books.publisherGone();
        }
        if (writer.isSending())
        {
            work += writer.sendSome();
        }
        else
        {
            work += requestSubscription.poll(requestHandler, 16);
            if (requestHandler.hasPending())
            {
                writer.encodeSnapshot(requestHandler.takeNext(), books.builder(), books.lastAppliedSequence());
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
        return books.isValid();
    }

    /**
     * Last stream sequence applied to the server's books.
     *
     * @return the sequence.
     */
    public long lastAppliedSequence()
    {
        return books.lastAppliedSequence();
    }

    /**
     * Messages applied.
     *
     * @return the count.
     */
    public long messagesApplied()
    {
        return books.messagesApplied();
    }

    /**
     * Gaps seen on the server's own subscription (each makes it invalid until the publisher restarts).
     *
     * @return the count.
     */
    public long gaps()
    {
        return books.gaps();
    }

    /**
     * Snapshots sent completely.
     *
     * @return the count.
     */
    public long snapshotsServed()
    {
        return writer.snapshotsServed();
    }

    /**
     * Requests refused because the server was not valid.
     *
     * @return the count.
     */
    public long requestsRefused()
    {
        return requestHandler.requestsRefused();
    }

    /**
     * Snapshots abandoned because no subscriber was connected to the response stream.
     *
     * @return the count.
     */
    public long snapshotsAbandoned()
    {
        return writer.snapshotsAbandoned();
    }

    /**
     * The server's books.
     *
     * @return the builder holding them.
     */
    public BookBuilder books()
    {
        return books.builder();
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        close();
    }

    /**
     * Close the subscriptions, the publication and the counters (the getters keep their last values).
     */
    public void close()
    {
        CloseHelper.closeAll(responsePublication, requestSubscription, feedSubscription, counters, bookCounters);
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
