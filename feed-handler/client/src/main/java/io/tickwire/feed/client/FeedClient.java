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
package io.tickwire.feed.client;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.tickwire.counters.CounterSet;
import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.book.BookNotifier;
import io.tickwire.feed.book.BookResult;
import io.tickwire.feed.book.BookStateListener;
import io.tickwire.feed.book.InstrumentBook;
import io.tickwire.feed.book.MarketByPriceBook;
import io.tickwire.feed.book.OrderBook;
import io.tickwire.feed.book.PriceLevelBook;
import io.tickwire.latency.CalibratedEpochNanoClock;
import org.agrona.CloseHelper;

import java.util.List;

/**
 * Subscriber to the Tickwire market data feed: checks the sequence of every message, builds L3/L2 books per
 * instrument, recovers from late join, gaps and publisher restarts with a snapshot, and calls small listeners.
 * <p>
 * The caller owns the thread, as with an Aeron {@link Subscription}: call {@link #poll()} in a duty cycle (or run
 * a {@link FeedClientAgent} under an {@code AgentRunner}). Not thread safe.
 * <p>
 * Sequence rules, per publisher session (Aeron session id):
 * <ul>
 *     <li>the next expected sequence is applied;</li>
 *     <li>a lower one is a duplicate: reported and dropped;</li>
 *     <li>a higher one is a gap: reported, every book goes stale, and a snapshot is requested; live messages are
 *     buffered meanwhile and applied on top of the snapshot;</li>
 *     <li>a new session is a publisher restart: reported, books reset; if it does not start at sequence 1 (or the
 *     very first session seen does not) a snapshot is requested (late join);</li>
 *     <li>a new session that starts with a {@code PublisherEpoch} (a new cluster leader) continues the stream's
 *     state: a publisher change, reported and counted, and a snapshot is requested.</li>
 * </ul>
 * Without snapshot channels configured, books that miss messages stay stale and keep being updated; their errors
 * are counted.
 * <p>
 * Silence: the publisher sends a heartbeat when idle, so when nothing at all (no message, no heartbeat) has arrived
 * for longer than {@link FeedClientContext#silenceTimeoutNs(long)} the publisher is taken to be dead or cut off,
 * and every book goes stale ({@link GapListener#onSilence(long)}, {@link BookStateListener#onStale(long, String)}).
 * The first message or heartbeat after it ends the silence: books are fresh again unless it showed a gap or a
 * restart, which are then handled as above.
 * <p>
 * The client itself only polls and wires the parts together: a {@code SequenceTracker} applies the rules above to
 * every live fragment, a {@code SnapshotRecovery} runs a recovery, and a {@link BookNotifier} tells the listeners
 * about the books.
 * <p>
 * Its counters (messages, heartbeats, gaps, duplicates, restarts, silences, recoveries...) and its books' are Aeron
 * counters of the client's driver, labelled {@code tickwire-feed-client NAME: CHANNEL stream ID} and
 * {@code tickwire-book NAME: feed-client CHANNEL stream ID} (type ids in {@link ClientCounterTypes}), so that
 * {@code tickwire stat} and {@code AeronStat} show them; the getters read the same counters.
 */
public final class FeedClient implements AutoCloseable
{
    private final FeedClientContext ctx;
    private final Aeron aeron;
    private final boolean ownsAeron;
    private final Subscription subscription;
    private final Subscription responseSubscription;
    private final Publication requestPublication;
    private final CounterSet counters;
    private final CounterSet bookCounters;
    private final BookBuilder builder;
    private final BookNotifier notifier;
    private final SnapshotRecovery recovery;
    private final SequenceTracker tracker;
    private final FragmentAssembler liveAssembler;
    private final int fragmentLimit;

    private FeedClient(final FeedClientContext ctx)
    {
        this.ctx = ctx;
        this.fragmentLimit = ctx.fragmentLimit;
        final GapListener gapListener = null != ctx.gapListener ? ctx.gapListener : new GapListener()
        {
        };
        final BookStateListener bookStateListener =
            null != ctx.bookStateListener ? ctx.bookStateListener : new BookStateListener()
            {
            };

        Aeron connectedAeron = ctx.aeron;
        CounterSet clientCounters = null;
        CounterSet builderCounters = null;
        try
        {
            if (null == connectedAeron)
            {
                final Aeron.Context aeronContext = new Aeron.Context();
                if (null != ctx.aeronDirectoryName)
                {
                    aeronContext.aeronDirectoryName(ctx.aeronDirectoryName);
                }
                connectedAeron = Aeron.connect(aeronContext);
                this.ownsAeron = true;
            }
            else
            {
                this.ownsAeron = false;
            }
            this.aeron = connectedAeron;

            // In the driver's CnC file beside its own, so that stat and the metrics endpoint see this client.
            final String instance = ctx.channel + " stream " + ctx.streamId;
            clientCounters = new CounterSet(aeron::addCounter, ClientCounterTypes.CLIENT_COMPONENT, instance);
            builderCounters = new CounterSet(aeron::addCounter, ClientCounterTypes.BOOK_COMPONENT,
                "feed-client " + instance);

            this.subscription = aeron.addSubscription(ctx.channel, ctx.streamId);
            if (ctx.recoveryEnabled())
            {
                this.responseSubscription =
                    aeron.addSubscription(ctx.snapshotResponseChannel, ctx.snapshotResponseStreamId);
                this.requestPublication =
                    aeron.addPublication(ctx.snapshotRequestChannel, ctx.snapshotRequestStreamId);
            }
            else
            {
                this.responseSubscription = null;
                this.requestPublication = null;
            }
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(clientCounters, builderCounters);
            if (null == ctx.aeron)
            {
                CloseHelper.quietClose(connectedAeron);
            }
            throw ex;
        }

        this.counters = clientCounters;
        this.bookCounters = builderCounters;

        this.builder = new BookBuilder(ctx.symbols, bookCounters)
            .instrumentListener(ctx.instrumentListener)
            .orderListener(ctx.orderListener)
            .tradeListener(ctx.tradeListener)
            .bookErrorListener(ctx.bookErrorListener);
        this.notifier = new BookNotifier(builder, ctx.conflate, ctx.bookListener, ctx.bboListener, bookStateListener);
        this.recovery = new SnapshotRecovery(
            ctx, responseSubscription, requestPublication, builder, notifier, gapListener, counters);
        this.tracker = new SequenceTracker(ctx, builder, notifier, recovery, gapListener, counters);
        recovery.sequenceTracker(tracker);
        this.liveAssembler = new FragmentAssembler(tracker);
    }

    /**
     * Connect a client.
     *
     * @param ctx configuration; concluded here.
     * @return a connected client, not yet polled.
     */
    public static FeedClient connect(final FeedClientContext ctx)
    {
        ctx.conclude();
        return new FeedClient(ctx);
    }

    /**
     * The configuration the client was built from.
     *
     * @return the context.
     */
    public FeedClientContext context()
    {
        return ctx;
    }

    /**
     * The duty cycle: read live messages (and snapshot responses while recovering), deliver conflated updates.
     *
     * @return the amount of work done, 0 when idle.
     */
    public int poll()
    {
        int work = subscription.poll(liveAssembler, fragmentLimit);
        tracker.checkSilence(work);
        if (recovery.isRecovering())
        {
            work += recovery.poll();
        }
        work += notifier.flush();
        return work;
    }

    /**
     * Whether the publisher has been silent (no message, no heartbeat) for longer than the silence timeout.
     *
     * @return true while silent; the books are then stale.
     */
    public boolean isSilent()
    {
        return tracker.isSilent();
    }

    /**
     * Silences seen: times the publisher went quiet for longer than the silence timeout.
     *
     * @return count of silences.
     */
    public long silences()
    {
        return tracker.silences();
    }

    /**
     * Whether the feed subscription has a publisher connected.
     *
     * @return true when connected.
     */
    public boolean isConnected()
    {
        return subscription.isConnected();
    }

    /**
     * Whether snapshot recovery is in progress.
     *
     * @return true while books are stale awaiting a snapshot.
     */
    public boolean isRecovering()
    {
        return recovery.isRecovering();
    }

    /**
     * The next sequence the client expects on the current session.
     *
     * @return the expected sequence.
     */
    public long expectedSequence()
    {
        return tracker.expectedSequence();
    }

    /**
     * Order book of a subscribed instrument (empty for a price-level instrument: see {@link #priceLevelBook(long)}).
     *
     * @param instrumentId of the book.
     * @return the book or {@code null} when unknown or not subscribed.
     */
    public OrderBook book(final long instrumentId)
    {
        return builder.book(instrumentId);
    }

    /**
     * L2 view of an instrument whatever its book type: the outright market-by-price book of an instrument defined
     * as PRICE_LEVEL, else the order book. Live: read it on the polling thread.
     *
     * @param instrumentId of the book.
     * @return the view, or {@code null} when the instrument is unknown or not subscribed.
     */
    public PriceLevelBook priceLevelBook(final long instrumentId)
    {
        return builder.priceLevelBook(instrumentId);
    }

    /**
     * Implied market-by-price book of an instrument defined as PRICE_LEVEL, kept apart from the outright one. Live:
     * read it on the polling thread.
     *
     * @param instrumentId of the book.
     * @return the book, or {@code null} when the instrument is unknown, not subscribed or not a price-level one.
     */
    public MarketByPriceBook impliedBook(final long instrumentId)
    {
        return builder.impliedBook(instrumentId);
    }

    /**
     * Instrument state by id.
     *
     * @param instrumentId of the instrument.
     * @return the instrument or {@code null}.
     */
    public InstrumentBook instrument(final long instrumentId)
    {
        return builder.instrument(instrumentId);
    }

    /**
     * Every instrument seen.
     *
     * @return a read-only list.
     */
    public List<InstrumentBook> instruments()
    {
        return builder.instruments();
    }

    /**
     * Publish timestamp (epoch ns) of the message being, or last, applied: for latency measurement in listeners.
     *
     * @return the timestamp.
     */
    public long lastPublishTimestamp()
    {
        return tracker.lastPublishTimestamp();
    }

    /**
     * When the live fragment being, or last, handled was received from the subscription: epoch ns from
     * {@link CalibratedEpochNanoClock#shared()} (comparable with the publisher's publish timestamp), read once per
     * fragment. Messages buffered during a recovery and applied later keep the receive time of the fragment that
     * was read last, so this is exact for live, in-order messages only.
     *
     * @return the receive timestamp.
     */
    public long lastReceiveTimestamp()
    {
        return tracker.lastReceiveTimestamp();
    }

    /**
     * Ingest timestamp (epoch ns) of the message being, or last, applied.
     *
     * @return the timestamp.
     */
    public long lastIngestTimestamp()
    {
        return tracker.lastIngestTimestamp();
    }

    /**
     * Messages read from the feed.
     *
     * @return the count.
     */
    public long messagesReceived()
    {
        return tracker.messagesReceived();
    }

    /**
     * Heartbeats received (they carry the last sequence published and do not consume one).
     *
     * @return the count.
     */
    public long heartbeats()
    {
        return tracker.heartbeats();
    }

    /**
     * Messages applied to the books (live or from the recovery buffer).
     *
     * @return the count.
     */
    public long messagesApplied()
    {
        return tracker.messagesApplied();
    }

    /**
     * Gaps detected.
     *
     * @return the count.
     */
    public long gaps()
    {
        return tracker.gaps();
    }

    /**
     * Duplicates detected and dropped.
     *
     * @return the count.
     */
    public long duplicates()
    {
        return tracker.duplicates();
    }

    /**
     * Publisher restarts (new sessions after the first).
     *
     * @return the count.
     */
    public long publisherRestarts()
    {
        return tracker.publisherRestarts();
    }

    /**
     * Publisher changes: new sessions after the first that continue the stream's state (announced by a
     * {@code PublisherEpoch}, or first heard past sequence 1), recovered by snapshot; a subset of
     * {@link #publisherRestarts()}.
     *
     * @return the count.
     */
    public long publisherChanges()
    {
        return tracker.publisherChanges();
    }

    /**
     * Recoveries started.
     *
     * @return the count.
     */
    public long recoveriesStarted()
    {
        return recovery.recoveriesStarted();
    }

    /**
     * Recoveries completed.
     *
     * @return the count.
     */
    public long recoveriesCompleted()
    {
        return recovery.recoveriesCompleted();
    }

    /**
     * Snapshot requests sent (a recovery may need more than one).
     *
     * @return the count.
     */
    public long snapshotRequests()
    {
        return recovery.snapshotRequests();
    }

    /**
     * Messages from a session that was replaced by a newer one, dropped.
     *
     * @return the count.
     */
    public long staleSessionMessages()
    {
        return tracker.staleSessionMessages();
    }

    /**
     * Live messages dropped because the snapshot already contained them.
     *
     * @return the count.
     */
    public long skippedCoveredBySnapshot()
    {
        return tracker.skippedCoveredBySnapshot();
    }

    /**
     * Snapshots that did not add up (order count mismatch) and were requested again.
     *
     * @return the count.
     */
    public long snapshotErrors()
    {
        return recovery.snapshotErrors();
    }

    /**
     * Books currently stale.
     *
     * @return the count.
     */
    public int staleBooks()
    {
        return notifier.staleBooks();
    }

    /**
     * Events the books rejected, per reason.
     *
     * @param result the reason.
     * @return the count.
     */
    public long bookErrors(final BookResult result)
    {
        return builder.bookErrors(result);
    }

    /**
     * Events the books rejected, all reasons.
     *
     * @return the count.
     */
    public long totalBookErrors()
    {
        return builder.totalBookErrors();
    }

    /**
     * Close the counters (the getters keep their last values), the subscriptions, and the Aeron client if the client
     * connected it.
     */
    public void close()
    {
        CloseHelper.closeAll(counters, bookCounters);
        if (ownsAeron)
        {
            CloseHelper.close(aeron);
        }
        else
        {
            CloseHelper.closeAll(requestPublication, responseSubscription, subscription);
        }
    }
}
