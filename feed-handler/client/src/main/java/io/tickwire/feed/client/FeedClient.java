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
import io.aeron.logbuffer.Header;
import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.book.BookErrorListener;
import io.tickwire.feed.book.BookResult;
import io.tickwire.feed.book.CrossState;
import io.tickwire.feed.book.InstrumentBook;
import io.tickwire.feed.book.InstrumentListener;
import io.tickwire.feed.book.OrderBook;
import io.tickwire.feed.book.OrderListener;
import io.tickwire.feed.book.TradeListener;
import io.tickwire.latency.CalibratedEpochNanoClock;
import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.BookSnapshotBeginDecoder;
import io.tickwire.sbe.md.BookSnapshotEndDecoder;
import io.tickwire.sbe.md.HeartbeatDecoder;
import io.tickwire.sbe.md.InstrumentDefinitionDecoder;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import io.tickwire.sbe.md.SnapshotOrdersDecoder;
import io.tickwire.sbe.md.SnapshotRequestEncoder;
import io.tickwire.sbe.md.TradingStatusDecoder;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.IntHashSet;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

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
 *     very first session seen does not) a snapshot is requested (late join).</li>
 * </ul>
 * Without snapshot channels configured, books that miss messages stay stale and keep being updated; their errors
 * are counted.
 * <p>
 * Silence: the publisher sends a heartbeat when idle, so when nothing at all (no message, no heartbeat) has arrived
 * for longer than {@link Context#silenceTimeoutNs(long)} the publisher is taken to be dead or cut off, and every
 * book goes stale ({@link GapListener#onSilence(long)}, {@link BookStateListener#onStale(long)}). The first message
 * or heartbeat after it ends the silence: books are fresh again unless it showed a gap or a restart, which are then
 * handled as above.
 */
public final class FeedClient implements AutoCloseable
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int RECORD_HEADER = Integer.BYTES;
    private static final int TEMPLATE_ID_OFFSET = 2;

    private final Context ctx;
    private final Aeron aeron;
    private final boolean ownsAeron;
    private final Subscription subscription;
    private final Subscription responseSubscription;
    private final Publication requestPublication;
    private final BookBuilder builder;
    private final FragmentAssembler liveAssembler;
    private final FragmentAssembler responseAssembler;
    private final NanoClock nanoClock;
    private final int fragmentLimit;
    private final boolean conflate;
    private final BookListener bookListener;
    private final BboListener bboListener;
    private final GapListener gapListener;
    private final BookStateListener bookStateListener;

    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final BookSnapshotBeginDecoder beginDecoder = new BookSnapshotBeginDecoder();
    private final BookSnapshotEndDecoder endDecoder = new BookSnapshotEndDecoder();
    private final SnapshotOrdersDecoder ordersDecoder = new SnapshotOrdersDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final SnapshotRequestEncoder requestEncoder = new SnapshotRequestEncoder();
    private final UnsafeBuffer requestBuffer = new UnsafeBuffer(new byte[128]);

    private final ExpandableArrayBuffer recoveryBuffer = new ExpandableArrayBuffer(64 * 1024);
    private final int recoveryBufferCapacity;
    private final IntHashSet retiredSessions = new IntHashSet();
    private final long requestIdBase = new SecureRandom().nextLong() & 0x7FFF_FFFF_0000_0000L;

    private InstrumentBook[] dirtyBooks = new InstrumentBook[64];
    private int dirtyCount;

    private boolean hasSession;
    private int sessionId;
    private long expectedSequence = 1;
    private long coveredBySnapshot;

    private boolean recovering;
    private boolean requestPending;
    private long requestId;
    private long requestCounter;
    private long requestDeadlineNs;
    private boolean inSnapshot;
    private int recoveryBufferLimit;
    private long bufferedCount;
    private long firstBufferedSequence;
    private long lastBufferedSequence;

    private long messagesReceived;
    private long heartbeats;
    private long messagesApplied;
    private long gaps;
    private long duplicates;
    private long publisherRestarts;
    private long recoveriesStarted;
    private long recoveriesCompleted;
    private long snapshotRequests;
    private long staleSessionMessages;
    private long skippedCoveredBySnapshot;
    private long snapshotErrors;
    private long lastPublishTimestamp;
    private long lastReceiveTimestamp;
    private final CalibratedEpochNanoClock receiveClock = CalibratedEpochNanoClock.shared();
    private long lastIngestTimestamp;
    private int staleBooks;
    private final long silenceTimeoutNs;
    private long lastHeardNs;
    private boolean silent;
    private long silences;
    private long gapsAtSilence;
    private long restartsAtSilence;

    private FeedClient(final Context ctx)
    {
        this.ctx = ctx;
        this.nanoClock = ctx.nanoClock;
        this.silenceTimeoutNs = ctx.silenceTimeoutNs;
        this.fragmentLimit = ctx.fragmentLimit;
        this.conflate = ctx.conflate;
        this.recoveryBufferCapacity = ctx.recoveryBufferCapacity;
        this.bookListener = ctx.bookListener;
        this.bboListener = ctx.bboListener;
        this.gapListener = null != ctx.gapListener ? ctx.gapListener : new GapListener()
        {
        };
        this.bookStateListener = null != ctx.bookStateListener ? ctx.bookStateListener : new BookStateListener()
        {
        };

        this.builder = new BookBuilder(ctx.symbols)
            .instrumentListener(ctx.instrumentListener)
            .orderListener(ctx.orderListener)
            .tradeListener(ctx.tradeListener)
            .bookErrorListener(ctx.bookErrorListener);
        this.liveAssembler = new FragmentAssembler(this::onLiveFragment);
        this.responseAssembler = new FragmentAssembler(this::onSnapshotFragment);

        Aeron connectedAeron = ctx.aeron;
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
            if (null == ctx.aeron)
            {
                CloseHelper.quietClose(connectedAeron);
            }
            throw ex;
        }
    }

    /**
     * Connect a client.
     *
     * @param ctx configuration; concluded here.
     * @return a connected client, not yet polled.
     */
    public static FeedClient connect(final Context ctx)
    {
        ctx.conclude();
        return new FeedClient(ctx);
    }

    /**
     * The configuration the client was built from.
     *
     * @return the context.
     */
    public Context context()
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
        if (silenceTimeoutNs > 0)
        {
            checkSilence(work);
        }
        if (recovering)
        {
            work += pollRecovery();
        }
        if (dirtyCount > 0)
        {
            work += flushDirty();
        }
        return work;
    }

    /**
     * Whether the publisher has been silent (no message, no heartbeat) for longer than the silence timeout.
     *
     * @return true while silent; the books are then stale.
     */
    public boolean isSilent()
    {
        return silent;
    }

    /**
     * Silences seen: times the publisher went quiet for longer than the silence timeout.
     *
     * @return count of silences.
     */
    public long silences()
    {
        return silences;
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
        return recovering;
    }

    /**
     * The next sequence the client expects on the current session.
     *
     * @return the expected sequence.
     */
    public long expectedSequence()
    {
        return expectedSequence;
    }

    /**
     * Book of a subscribed instrument.
     *
     * @param instrumentId of the book.
     * @return the book or {@code null} when unknown or not subscribed.
     */
    public OrderBook book(final long instrumentId)
    {
        return builder.book(instrumentId);
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
        return lastPublishTimestamp;
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
        return lastReceiveTimestamp;
    }

    /**
     * Ingest timestamp (epoch ns) of the message being, or last, applied.
     *
     * @return the timestamp.
     */
    public long lastIngestTimestamp()
    {
        return lastIngestTimestamp;
    }

    /**
     * Messages read from the feed.
     *
     * @return the count.
     */
    public long messagesReceived()
    {
        return messagesReceived;
    }

    /**
     * Heartbeats received (they carry the last sequence published and do not consume one).
     *
     * @return the count.
     */
    public long heartbeats()
    {
        return heartbeats;
    }

    /**
     * Messages applied to the books (live or from the recovery buffer).
     *
     * @return the count.
     */
    public long messagesApplied()
    {
        return messagesApplied;
    }

    /**
     * Gaps detected.
     *
     * @return the count.
     */
    public long gaps()
    {
        return gaps;
    }

    /**
     * Duplicates detected and dropped.
     *
     * @return the count.
     */
    public long duplicates()
    {
        return duplicates;
    }

    /**
     * Publisher restarts (new sessions after the first).
     *
     * @return the count.
     */
    public long publisherRestarts()
    {
        return publisherRestarts;
    }

    /**
     * Recoveries started.
     *
     * @return the count.
     */
    public long recoveriesStarted()
    {
        return recoveriesStarted;
    }

    /**
     * Recoveries completed.
     *
     * @return the count.
     */
    public long recoveriesCompleted()
    {
        return recoveriesCompleted;
    }

    /**
     * Snapshot requests sent (a recovery may need more than one).
     *
     * @return the count.
     */
    public long snapshotRequests()
    {
        return snapshotRequests;
    }

    /**
     * Messages from a session that was replaced by a newer one, dropped.
     *
     * @return the count.
     */
    public long staleSessionMessages()
    {
        return staleSessionMessages;
    }

    /**
     * Live messages dropped because the snapshot already contained them.
     *
     * @return the count.
     */
    public long skippedCoveredBySnapshot()
    {
        return skippedCoveredBySnapshot;
    }

    /**
     * Snapshots that did not add up (order count mismatch) and were requested again.
     *
     * @return the count.
     */
    public long snapshotErrors()
    {
        return snapshotErrors;
    }

    /**
     * Books currently stale.
     *
     * @return the count.
     */
    public int staleBooks()
    {
        return staleBooks;
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
     * Close the subscriptions, and the Aeron client if the client connected it.
     */
    public void close()
    {
        if (ownsAeron)
        {
            CloseHelper.close(aeron);
        }
        else
        {
            CloseHelper.closeAll(requestPublication, responseSubscription, subscription);
        }
    }

    /**
     * Read the clock once per poll, not per fragment: hearing anything resets the silence, hearing nothing for
     * longer than the timeout starts one.
     */
    private void checkSilence(final int fragments)
    {
        final long nowNs = nanoClock.nanoTime();
        if (fragments > 0)
        {
            if (silent)
            {
                endSilence(nowNs);
            }
            lastHeardNs = nowNs;
        }
        else if (!silent && hasSession && nowNs - lastHeardNs > silenceTimeoutNs)
        {
            startSilence(nowNs);
        }
    }

    private void startSilence(final long nowNs)
    {
        silent = true;
        silences++;
        gapsAtSilence = gaps;
        restartsAtSilence = publisherRestarts;
        gapListener.onSilence(nowNs - lastHeardNs);
        final List<InstrumentBook> instruments = builder.instruments();
        for (int i = 0, size = instruments.size(); i < size; i++)
        {
            final InstrumentBook instrument = instruments.get(i);
            if (instrument.isSubscribed() && !instrument.isStale())
            {
                instrument.stale(true);
                instrument.staleForSilence(true);
                staleBooks++;
                bookStateListener.onStale(instrument.instrumentId());
            }
        }
    }

    private void endSilence(final long nowNs)
    {
        silent = false;
        gapListener.onSilenceEnded(nowNs - lastHeardNs);
        // What arrived may itself have shown missed messages or a new publisher: then recovery (or the lack of
        // it) decides when the books are fresh, not the end of the silence.
        final boolean resumedCleanly = !recovering && gaps == gapsAtSilence && publisherRestarts == restartsAtSilence;
        final List<InstrumentBook> instruments = builder.instruments();
        for (int i = 0, size = instruments.size(); i < size; i++)
        {
            final InstrumentBook instrument = instruments.get(i);
            if (instrument.isStaleForSilence())
            {
                instrument.staleForSilence(false);
                if (resumedCleanly && instrument.isStale())
                {
                    instrument.stale(false);
                    staleBooks--;
                    if (instrument.isSubscribed())
                    {
                        bookStateListener.onFresh(instrument.instrumentId());
                    }
                }
            }
        }
    }

    private void onLiveFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        lastReceiveTimestamp = receiveClock.nanoTime();
        messagesReceived++;
        if (length < MarketDataHeader.MIN_MESSAGE_LENGTH)
        {
            builder.apply(buffer, offset, length);
            return;
        }

        final long sequence = buffer.getLong(offset + MarketDataHeader.SEQUENCE_OFFSET, ORDER);
        final int session = header.sessionId();
        final boolean heartbeat = HeartbeatDecoder.TEMPLATE_ID == buffer.getShort(offset + TEMPLATE_ID_OFFSET, ORDER);
        if (!hasSession || session != sessionId)
        {
            if (hasSession && retiredSessions.contains(session))
            {
                staleSessionMessages++;
                return;
            }
            // A heartbeat carries the last sequence published without consuming one: the next message is after it.
            onNewSession(session, heartbeat ? sequence + 1 : sequence);
        }

        if (heartbeat)
        {
            onHeartbeat(sequence);
            return;
        }

        if (recovering)
        {
            bufferLive(buffer, offset, length, sequence);
            return;
        }

        if (sequence == expectedSequence)
        {
            applyLive(buffer, offset, length);
            expectedSequence++;
        }
        else if (sequence < expectedSequence)
        {
            if (sequence <= coveredBySnapshot)
            {
                skippedCoveredBySnapshot++;
            }
            else
            {
                duplicates++;
                gapListener.onDuplicate(sequence, expectedSequence);
            }
        }
        else
        {
            gaps++;
            gapListener.onGap(expectedSequence, sequence);
            if (ctx.recoveryEnabled())
            {
                startRecovery(RecoveryReason.GAP);
                bufferLive(buffer, offset, length, sequence);
            }
            else
            {
                markAllStale();
                applyLive(buffer, offset, length);
                expectedSequence = sequence + 1;
            }
        }
    }

    private void onHeartbeat(final long lastPublishedSequence)
    {
        heartbeats++;
        if (!recovering && lastPublishedSequence >= expectedSequence)
        {
            // The tail of the stream was lost and nothing followed it: only the heartbeat can tell.
            gaps++;
            gapListener.onGap(expectedSequence, lastPublishedSequence + 1);
            if (ctx.recoveryEnabled())
            {
                startRecovery(RecoveryReason.GAP);
            }
            else
            {
                markAllStale();
                expectedSequence = lastPublishedSequence + 1;
            }
        }
    }

    private void onNewSession(final int session, final long firstSequence)
    {
        final boolean restart = hasSession;
        if (restart)
        {
            retiredSessions.add(sessionId);
            publisherRestarts++;
            gapListener.onPublisherRestart(sessionId, session, firstSequence);
            builder.reset();
            dirtyCount = 0;
        }
        hasSession = true;
        sessionId = session;
        expectedSequence = 1;
        coveredBySnapshot = 0;

        if (1 == firstSequence)
        {
            if (recovering)
            {
                recovering = false;
                resetRecoveryBuffer();
            }
            markAllFresh();
        }
        else if (ctx.recoveryEnabled())
        {
            startRecovery(restart ? RecoveryReason.PUBLISHER_RESTART : RecoveryReason.LATE_JOIN);
        }
        else
        {
            markAllStale();
            expectedSequence = firstSequence;
        }
    }

    private void applyLive(final DirectBuffer buffer, final int offset, final int length)
    {
        lastPublishTimestamp = buffer.getLong(offset + MarketDataHeader.PUBLISH_TIMESTAMP_OFFSET, ORDER);
        lastIngestTimestamp = buffer.getLong(offset + MarketDataHeader.INGEST_TIMESTAMP_OFFSET, ORDER);
        messagesApplied++;
        final InstrumentBook changed = builder.apply(buffer, offset, length);
        if (null != changed)
        {
            if (conflate)
            {
                markDirty(changed);
            }
            else
            {
                notifyBook(changed);
            }
        }
    }

    private void markDirty(final InstrumentBook instrument)
    {
        if (!instrument.isDirty())
        {
            instrument.dirty(true);
            if (dirtyCount == dirtyBooks.length)
            {
                dirtyBooks = Arrays.copyOf(dirtyBooks, dirtyCount << 1);
            }
            dirtyBooks[dirtyCount++] = instrument;
        }
    }

    private int flushDirty()
    {
        final int count = dirtyCount;
        for (int i = 0; i < count; i++)
        {
            final InstrumentBook instrument = dirtyBooks[i];
            dirtyBooks[i] = null;
            instrument.dirty(false);
            notifyBook(instrument);
        }
        dirtyCount = 0;
        return count;
    }

    private void notifyBook(final InstrumentBook instrument)
    {
        final OrderBook book = instrument.book();
        final CrossState crossState = book.crossState();
        if (crossState != instrument.crossState())
        {
            instrument.crossState(crossState);
            bookStateListener.onCrossState(
                instrument.instrumentId(), crossState, book.bestBidPrice(), book.bestAskPrice());
        }
        if (null != bookListener)
        {
            bookListener.onBookUpdate(instrument.instrumentId(), book);
        }
        if (instrument.updateBbo() && null != bboListener)
        {
            bboListener.onBbo(instrument.instrumentId(),
                instrument.bidPrice(), instrument.bidQuantity(), instrument.askPrice(), instrument.askQuantity());
        }
    }

    private void markAllStale()
    {
        final List<InstrumentBook> instruments = builder.instruments();
        for (int i = 0, size = instruments.size(); i < size; i++)
        {
            final InstrumentBook instrument = instruments.get(i);
            if (instrument.isSubscribed() && !instrument.isStale())
            {
                instrument.stale(true);
                staleBooks++;
                bookStateListener.onStale(instrument.instrumentId());
            }
        }
    }

    private void markAllFresh()
    {
        final List<InstrumentBook> instruments = builder.instruments();
        for (int i = 0, size = instruments.size(); i < size; i++)
        {
            final InstrumentBook instrument = instruments.get(i);
            instrument.staleForSilence(false);
            if (instrument.isStale())
            {
                instrument.stale(false);
                staleBooks--;
                if (instrument.isSubscribed())
                {
                    bookStateListener.onFresh(instrument.instrumentId());
                }
            }
        }
    }

    private void startRecovery(final RecoveryReason reason)
    {
        recovering = true;
        recoveriesStarted++;
        markAllStale();
        resetRecoveryBuffer();
        newRequest(reason);
    }

    private void newRequest(final RecoveryReason reason)
    {
        requestId = requestIdBase + (++requestCounter);
        requestPending = true;
        inSnapshot = false;
        requestDeadlineNs = nanoClock.nanoTime() + ctx.snapshotTimeoutNs;
        gapListener.onRecoveryStarted(reason, requestId);
    }

    private int pollRecovery()
    {
        int work = 0;
        final long nowNs = nanoClock.nanoTime();
        if (requestPending)
        {
            requestEncoder.wrapAndApplyHeader(requestBuffer, 0, headerEncoder)
                .sequence(0)
                .sourceTimestamp(0)
                .ingestTimestamp(0)
                .publishTimestamp(0)
                .instrumentId(0)
                .requestId(requestId)
                .responseStreamId(ctx.snapshotResponseStreamId);
            final long result = requestPublication.offer(
                requestBuffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + requestEncoder.encodedLength());
            if (result > 0)
            {
                requestPending = false;
                snapshotRequests++;
                requestDeadlineNs = nowNs + ctx.snapshotTimeoutNs;
                work++;
            }
        }

        work += responseSubscription.poll(responseAssembler, fragmentLimit);

        if (recovering && nowNs - requestDeadlineNs > 0)
        {
            newRequest(RecoveryReason.RETRY);
        }
        return work;
    }

    private void bufferLive(final DirectBuffer buffer, final int offset, final int length, final long sequence)
    {
        if (bufferedCount > 0 && sequence != lastBufferedSequence + 1)
        {
            if (sequence <= lastBufferedSequence)
            {
                duplicates++;
                gapListener.onDuplicate(sequence, lastBufferedSequence + 1);
                return;
            }
            gaps++;
            gapListener.onGap(lastBufferedSequence + 1, sequence);
            resetRecoveryBuffer();
        }

        if (recoveryBufferLimit + RECORD_HEADER + length > recoveryBufferCapacity)
        {
            resetRecoveryBuffer();
            newRequest(RecoveryReason.BUFFER_OVERFLOW);
        }

        recoveryBuffer.putInt(recoveryBufferLimit, length);
        recoveryBuffer.putBytes(recoveryBufferLimit + RECORD_HEADER, buffer, offset, length);
        recoveryBufferLimit += RECORD_HEADER + length;
        if (0 == bufferedCount)
        {
            firstBufferedSequence = sequence;
        }
        lastBufferedSequence = sequence;
        bufferedCount++;
    }

    private void resetRecoveryBuffer()
    {
        recoveryBufferLimit = 0;
        bufferedCount = 0;
        firstBufferedSequence = 0;
        lastBufferedSequence = 0;
    }

    private void onSnapshotFragment(
        final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        if (!recovering || length < MarketDataHeader.MIN_MESSAGE_LENGTH)
        {
            return;
        }

        headerDecoder.wrap(buffer, offset);
        if (headerDecoder.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            return;
        }

        final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = headerDecoder.blockLength();
        final int version = headerDecoder.version();
        switch (headerDecoder.templateId())
        {
            case BookSnapshotBeginDecoder.TEMPLATE_ID:
            {
                beginDecoder.wrap(buffer, bodyOffset, blockLength, version);
                if (beginDecoder.snapshotId() == requestId && 0 == beginDecoder.instrumentId())
                {
                    inSnapshot = true;
                    builder.clearBooks();
                    dirtyCount = 0;
                }
                break;
            }

            case InstrumentDefinitionDecoder.TEMPLATE_ID:
            case TradingStatusDecoder.TEMPLATE_ID:
                if (inSnapshot)
                {
                    builder.apply(buffer, offset, length);
                }
                break;

            case SnapshotOrdersDecoder.TEMPLATE_ID:
            {
                ordersDecoder.wrap(buffer, bodyOffset, blockLength, version);
                if (inSnapshot && ordersDecoder.snapshotId() == requestId)
                {
                    final long instrumentId = ordersDecoder.instrumentId();
                    for (final SnapshotOrdersDecoder.OrdersDecoder order : ordersDecoder.orders())
                    {
                        builder.applySnapshotOrder(
                            instrumentId, order.orderId(), order.side(), order.price(), order.quantity());
                    }
                }
                break;
            }

            case BookSnapshotEndDecoder.TEMPLATE_ID:
            {
                endDecoder.wrap(buffer, bodyOffset, blockLength, version);
                if (inSnapshot && endDecoder.snapshotId() == requestId)
                {
                    final long instrumentId = endDecoder.instrumentId();
                    final long lastAppliedSequence = endDecoder.lastAppliedSequence();
                    final long orderCount = endDecoder.orderCount();
                    if (0 == instrumentId)
                    {
                        completeSnapshot(lastAppliedSequence);
                    }
                    else
                    {
                        final OrderBook book = builder.book(instrumentId);
                        if (null != book && book.orderCount() != orderCount)
                        {
                            snapshotErrors++;
                            newRequest(RecoveryReason.RETRY);
                        }
                    }
                }
                break;
            }

            default:
                break;
        }
    }

    private void completeSnapshot(final long snapshotSequence)
    {
        inSnapshot = false;
        if (bufferedCount > 0 && snapshotSequence < firstBufferedSequence - 1)
        {
            // The server had not yet seen the messages just before our buffer: ask again, it will have caught up.
            newRequest(RecoveryReason.RETRY);
            return;
        }

        expectedSequence = snapshotSequence + 1;
        coveredBySnapshot = snapshotSequence;
        long applied = 0;
        int position = 0;
        while (position < recoveryBufferLimit)
        {
            final int length = recoveryBuffer.getInt(position);
            final int messageOffset = position + RECORD_HEADER;
            final long sequence = recoveryBuffer.getLong(messageOffset + MarketDataHeader.SEQUENCE_OFFSET, ORDER);
            if (sequence == expectedSequence)
            {
                applyLive(recoveryBuffer, messageOffset, length);
                expectedSequence++;
                applied++;
            }
            else
            {
                skippedCoveredBySnapshot++;
            }
            position = messageOffset + length;
        }
        resetRecoveryBuffer();

        recovering = false;
        recoveriesCompleted++;
        dirtyCount = 0;
        final List<InstrumentBook> instruments = builder.instruments();
        for (int i = 0, size = instruments.size(); i < size; i++)
        {
            instruments.get(i).dirty(false);
        }
        markAllFresh();
        for (int i = 0, size = instruments.size(); i < size; i++)
        {
            final InstrumentBook instrument = instruments.get(i);
            if (instrument.isSubscribed())
            {
                notifyBook(instrument);
            }
        }
        gapListener.onRecoveryCompleted(requestId, snapshotSequence, applied);
    }

    /**
     * Configuration of a {@link FeedClient}: where to subscribe, what to build, whom to tell.
     */
    public static final class Context
    {
        private Aeron aeron;
        private String aeronDirectoryName;
        private String channel = FeedClientConfiguration.channel();
        private int streamId = FeedClientConfiguration.streamId();
        private String snapshotRequestChannel = FeedClientConfiguration.snapshotRequestChannel();
        private int snapshotRequestStreamId = FeedClientConfiguration.snapshotRequestStreamId();
        private String snapshotResponseChannel = FeedClientConfiguration.snapshotResponseChannel();
        private int snapshotResponseStreamId = FeedClientConfiguration.snapshotResponseStreamId();
        private Set<String> symbols;
        private boolean conflate;
        private int fragmentLimit = FeedClientConfiguration.fragmentLimit();
        private int recoveryBufferCapacity = FeedClientConfiguration.recoveryBufferCapacity();
        private long snapshotTimeoutNs = FeedClientConfiguration.snapshotTimeoutNs();
        private long silenceTimeoutNs = FeedClientConfiguration.silenceTimeoutNs();
        private IdleStrategy idleStrategy;
        private NanoClock nanoClock;
        private InstrumentListener instrumentListener;
        private OrderListener orderListener;
        private TradeListener tradeListener;
        private BookListener bookListener;
        private BboListener bboListener;
        private GapListener gapListener;
        private BookStateListener bookStateListener;
        private BookErrorListener bookErrorListener;

        /**
         * Validate and fill in derived defaults.
         *
         * @return this for a fluent API.
         */
        public Context conclude()
        {
            if (null == channel || null == snapshotResponseChannel && null != snapshotRequestChannel)
            {
                throw new IllegalArgumentException("channel and snapshot response channel are required");
            }
            if (silenceTimeoutNs < 0)
            {
                throw new IllegalArgumentException("silenceTimeoutNs=" + silenceTimeoutNs + " must not be negative");
            }
            if (fragmentLimit < 1 || recoveryBufferCapacity < 1024)
            {
                throw new IllegalArgumentException(
                    "fragmentLimit=" + fragmentLimit + " recoveryBufferCapacity=" + recoveryBufferCapacity);
            }
            if (null == idleStrategy)
            {
                idleStrategy = new BackoffIdleStrategy();
            }
            if (null == nanoClock)
            {
                nanoClock = SystemNanoClock.INSTANCE;
            }
            return this;
        }

        /**
         * Whether snapshot recovery is configured.
         *
         * @return true when a snapshot request channel is set.
         */
        public boolean recoveryEnabled()
        {
            return null != snapshotRequestChannel && !snapshotRequestChannel.isEmpty();
        }

        /**
         * Use an existing Aeron client (not closed by the feed client).
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
         * Aeron directory of an external media driver.
         *
         * @param aeronDirectoryName directory.
         * @return this for a fluent API.
         */
        public Context aeronDirectoryName(final String aeronDirectoryName)
        {
            this.aeronDirectoryName = aeronDirectoryName;
            return this;
        }

        /**
         * Feed channel.
         *
         * @param channel Aeron URI.
         * @return this for a fluent API.
         */
        public Context channel(final String channel)
        {
            this.channel = channel;
            return this;
        }

        /**
         * Feed channel.
         *
         * @return Aeron URI.
         */
        public String channel()
        {
            return channel;
        }

        /**
         * Feed stream id.
         *
         * @param streamId id.
         * @return this for a fluent API.
         */
        public Context streamId(final int streamId)
        {
            this.streamId = streamId;
            return this;
        }

        /**
         * Feed stream id.
         *
         * @return id.
         */
        public int streamId()
        {
            return streamId;
        }

        /**
         * Channel and stream the snapshot requests go to; a null or empty channel disables recovery.
         *
         * @param channel  Aeron URI.
         * @param streamId id.
         * @return this for a fluent API.
         */
        public Context snapshotRequest(final String channel, final int streamId)
        {
            this.snapshotRequestChannel = channel;
            this.snapshotRequestStreamId = streamId;
            return this;
        }

        /**
         * Channel and stream the snapshots are answered on.
         *
         * @param channel  Aeron URI.
         * @param streamId id.
         * @return this for a fluent API.
         */
        public Context snapshotResponse(final String channel, final int streamId)
        {
            this.snapshotResponseChannel = channel;
            this.snapshotResponseStreamId = streamId;
            return this;
        }

        /**
         * Only build books for these symbols.
         *
         * @param symbols trimmed symbols, or null for all.
         * @return this for a fluent API.
         */
        public Context symbols(final Set<String> symbols)
        {
            this.symbols = null == symbols ? null : Set.copyOf(symbols);
            return this;
        }

        /**
         * Deliver book and BBO updates once per instrument per poll (latest state) instead of per event.
         *
         * @param conflate true for conflation.
         * @return this for a fluent API.
         */
        public Context conflate(final boolean conflate)
        {
            this.conflate = conflate;
            return this;
        }

        /**
         * Fragments read per poll.
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
         * Bytes of live messages held while waiting for a snapshot.
         *
         * @param capacity bytes.
         * @return this for a fluent API.
         */
        public Context recoveryBufferCapacity(final int capacity)
        {
            this.recoveryBufferCapacity = capacity;
            return this;
        }

        /**
         * Time to wait for a snapshot before asking again.
         *
         * @param timeoutNs nanoseconds.
         * @return this for a fluent API.
         */
        public Context snapshotTimeoutNs(final long timeoutNs)
        {
            this.snapshotTimeoutNs = timeoutNs;
            return this;
        }

        /**
         * Time without any message or heartbeat after which the publisher is taken for dead and every book goes
         * stale. Keep it a few of the publisher's heartbeat intervals ({@code tickwire.feed.heartbeat.interval.ns}).
         *
         * @param timeoutNs nanoseconds; 0 disables the check.
         * @return this for a fluent API.
         */
        public Context silenceTimeoutNs(final long timeoutNs)
        {
            this.silenceTimeoutNs = timeoutNs;
            return this;
        }

        /**
         * Time without any message or heartbeat after which every book goes stale.
         *
         * @return nanoseconds; 0 when disabled.
         */
        public long silenceTimeoutNs()
        {
            return silenceTimeoutNs;
        }

        /**
         * Idle strategy for a {@link FeedClientAgent} runner.
         *
         * @param idleStrategy to use.
         * @return this for a fluent API.
         */
        public Context idleStrategy(final IdleStrategy idleStrategy)
        {
            this.idleStrategy = idleStrategy;
            return this;
        }

        /**
         * Idle strategy for a {@link FeedClientAgent} runner.
         *
         * @return the strategy.
         */
        public IdleStrategy idleStrategy()
        {
            return idleStrategy;
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

        /**
         * Instrument listener.
         *
         * @param listener to notify.
         * @return this for a fluent API.
         */
        public Context instrumentListener(final InstrumentListener listener)
        {
            this.instrumentListener = listener;
            return this;
        }

        /**
         * Order listener.
         *
         * @param listener to notify.
         * @return this for a fluent API.
         */
        public Context orderListener(final OrderListener listener)
        {
            this.orderListener = listener;
            return this;
        }

        /**
         * Trade listener.
         *
         * @param listener to notify.
         * @return this for a fluent API.
         */
        public Context tradeListener(final TradeListener listener)
        {
            this.tradeListener = listener;
            return this;
        }

        /**
         * Book (L2) listener.
         *
         * @param listener to notify.
         * @return this for a fluent API.
         */
        public Context bookListener(final BookListener listener)
        {
            this.bookListener = listener;
            return this;
        }

        /**
         * BBO listener.
         *
         * @param listener to notify.
         * @return this for a fluent API.
         */
        public Context bboListener(final BboListener listener)
        {
            this.bboListener = listener;
            return this;
        }

        /**
         * Gap and recovery listener.
         *
         * @param listener to notify.
         * @return this for a fluent API.
         */
        public Context gapListener(final GapListener listener)
        {
            this.gapListener = listener;
            return this;
        }

        /**
         * Book state (stale, fresh, cross) listener.
         *
         * @param listener to notify.
         * @return this for a fluent API.
         */
        public Context bookStateListener(final BookStateListener listener)
        {
            this.bookStateListener = listener;
            return this;
        }

        /**
         * Book error listener.
         *
         * @param listener to notify.
         * @return this for a fluent API.
         */
        public Context bookErrorListener(final BookErrorListener listener)
        {
            this.bookErrorListener = listener;
            return this;
        }
    }
}
