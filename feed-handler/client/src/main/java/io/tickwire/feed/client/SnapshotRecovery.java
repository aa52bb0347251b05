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

import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import io.tickwire.counters.CounterSet;
import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.book.BookNotifier;
import io.tickwire.feed.book.OrderBook;
import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.BookSnapshotBeginDecoder;
import io.tickwire.sbe.md.BookSnapshotEndDecoder;
import io.tickwire.sbe.md.InstrumentDefinitionDecoder;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import io.tickwire.sbe.md.PriceLevelUpdateDecoder;
import io.tickwire.sbe.md.SnapshotOrdersDecoder;
import io.tickwire.sbe.md.SnapshotRequestEncoder;
import io.tickwire.sbe.md.TradingStatusDecoder;
import io.tickwire.sbe.md.VenueInstrumentDefinitionDecoder;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.security.SecureRandom;

/**
 * Snapshot recovery of the {@link FeedClient}, as a state machine in its own class (as Aeron's {@code ReplayMerge}
 * is for replay): send a snapshot request, keep the live messages that arrive meanwhile in a bounded buffer, load
 * the snapshot into the books as it is answered, then hand the buffered messages after the snapshot back to the
 * {@link SequenceTracker} to apply on top of it.
 * <p>
 * States: idle; recovering with a request to send (retried after the snapshot timeout, or when the buffer
 * overflows, or the snapshot does not add up); recovering inside the snapshot answering the current request.
 * Answers to an older request are ignored, by request id. When no snapshot request channel is configured the
 * machine stays idle and the tracker never starts it.
 */
final class SnapshotRecovery
{
    private static final int RECORD_HEADER = Integer.BYTES;

    private final Subscription responseSubscription;
    private final Publication requestPublication;
    private final BookBuilder builder;
    private final BookNotifier notifier;
    private final GapListener gapListener;
    private final NanoClock nanoClock;
    private final FragmentAssembler responseAssembler;
    private final int fragmentLimit;
    private final int responseStreamId;
    private final long snapshotTimeoutNs;
    private final int recoveryBufferCapacity;

    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final BookSnapshotBeginDecoder beginDecoder = new BookSnapshotBeginDecoder();
    private final BookSnapshotEndDecoder endDecoder = new BookSnapshotEndDecoder();
    private final SnapshotOrdersDecoder ordersDecoder = new SnapshotOrdersDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final SnapshotRequestEncoder requestEncoder = new SnapshotRequestEncoder();
    private final UnsafeBuffer requestBuffer = new UnsafeBuffer(new byte[128]);
    private final ExpandableArrayBuffer recoveryBuffer = new ExpandableArrayBuffer(64 * 1024);
    // Every client reads the same response stream: a random base keeps this client's request ids apart from theirs.
    private final long requestIdBase = new SecureRandom().nextLong() & 0x7FFF_FFFF_0000_0000L;

    private final CounterSet counters;
    private SequenceTracker tracker;

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

    private final AtomicCounter recoveriesStarted;
    private final AtomicCounter recoveriesCompleted;
    private final AtomicCounter snapshotRequests;
    private final AtomicCounter snapshotErrors;

    /**
     * Recovery over the given request and response streams.
     *
     * @param ctx                  concluded configuration.
     * @param responseSubscription snapshot responses, or null when recovery is not configured.
     * @param requestPublication   snapshot requests, or null when recovery is not configured.
     * @param builder              the books a snapshot is loaded into.
     * @param notifier             told when the books go stale, are replaced and are fresh again.
     * @param gapListener          told when a recovery starts and completes.
     */
    SnapshotRecovery(
        final FeedClientContext ctx,
        final Subscription responseSubscription,
        final Publication requestPublication,
        final BookBuilder builder,
        final BookNotifier notifier,
        final GapListener gapListener)
    {
        this(ctx, responseSubscription, requestPublication, builder, notifier, gapListener, CounterSet.local(
            ClientCounterTypes.CLIENT_COMPONENT, "local", ClientCounterTypes.CLIENT_COUNTERS));
    }

    /**
     * Recovery over the given request and response streams.
     *
     * @param ctx                  concluded configuration.
     * @param responseSubscription snapshot responses, or null when recovery is not configured.
     * @param requestPublication   snapshot requests, or null when recovery is not configured.
     * @param builder              the books a snapshot is loaded into.
     * @param notifier             told when the books go stale, are replaced and are fresh again.
     * @param gapListener          told when a recovery starts and completes.
     * @param counters             where the recovery's counters are allocated.
     */
    SnapshotRecovery(
        final FeedClientContext ctx,
        final Subscription responseSubscription,
        final Publication requestPublication,
        final BookBuilder builder,
        final BookNotifier notifier,
        final GapListener gapListener,
        final CounterSet counters)
    {
        this.counters = counters;
        this.recoveriesStarted = counters.add(ClientCounterTypes.RECOVERIES_STARTED, "recoveries-started");
        this.recoveriesCompleted =
            counters.add(ClientCounterTypes.RECOVERIES_COMPLETED, "recoveries-completed");
        this.snapshotRequests = counters.add(ClientCounterTypes.SNAPSHOT_REQUESTS, "snapshot-requests");
        this.snapshotErrors = counters.add(ClientCounterTypes.SNAPSHOT_ERRORS, "snapshot-errors");
        this.responseSubscription = responseSubscription;
        this.requestPublication = requestPublication;
        this.builder = builder;
        this.notifier = notifier;
        this.gapListener = gapListener;
        this.nanoClock = ctx.nanoClock;
        this.fragmentLimit = ctx.fragmentLimit;
        this.responseStreamId = ctx.snapshotResponseStreamId;
        this.snapshotTimeoutNs = ctx.snapshotTimeoutNs;
        this.recoveryBufferCapacity = ctx.recoveryBufferCapacity;
        this.responseAssembler = new FragmentAssembler(this::onSnapshotFragment);
    }

    /**
     * The tracker and the recovery need each other: the tracker starts recoveries and feeds the buffer, the
     * recovery hands the buffer back to the tracker once the snapshot is in. Set once, before the first poll.
     *
     * @param tracker that applies the buffered messages after the snapshot.
     */
    void sequenceTracker(final SequenceTracker tracker)
    {
        this.tracker = tracker;
    }

    boolean isEnabled()
    {
        return null != requestPublication;
    }

    boolean isRecovering()
    {
        return recovering;
    }

    long recoveriesStarted()
    {
        return counters.get(recoveriesStarted);
    }

    long recoveriesCompleted()
    {
        return counters.get(recoveriesCompleted);
    }

    long snapshotRequests()
    {
        return counters.get(snapshotRequests);
    }

    long snapshotErrors()
    {
        return counters.get(snapshotErrors);
    }

    /**
     * The books can no longer be trusted: make them stale and ask for a snapshot.
     *
     * @param reason reported to the gap listener.
     */
    void start(final RecoveryReason reason)
    {
        recovering = true;
        recoveriesStarted.incrementRelease();
        notifier.markAllStale();
        resetRecoveryBuffer();
        newRequest(reason);
    }

    /**
     * A new publisher session starts from sequence 1: the stream itself rebuilds the books, no snapshot is needed.
     */
    void cancel()
    {
        recovering = false;
        resetRecoveryBuffer();
    }

    boolean hasBuffered()
    {
        return bufferedCount > 0;
    }

    /**
     * The sequence that extends the buffer without a gap.
     *
     * @return the last buffered sequence + 1; meaningful only when {@link #hasBuffered()}.
     */
    long nextBufferedSequence()
    {
        return lastBufferedSequence + 1;
    }

    /**
     * Drop what was buffered: a gap inside the buffer means it can no longer be applied on top of a snapshot as is,
     * but a snapshot newer than the gap can still be completed by what follows.
     */
    void discardBuffered()
    {
        resetRecoveryBuffer();
    }

    /**
     * Keep a live message, in sequence after what is already buffered, to apply once the snapshot is in.
     *
     * @param buffer   holding the message.
     * @param offset   of the message.
     * @param length   of the message.
     * @param sequence of the message.
     */
    void buffer(final DirectBuffer buffer, final int offset, final int length, final long sequence)
    {
        if (recoveryBufferLimit + RECORD_HEADER + length > recoveryBufferCapacity)
        {
            // Ask for a newer snapshot rather than grow without bound: it will cover what no longer fits.
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

    /**
     * Send the pending request, read snapshot responses, and ask again when the answer is overdue.
     *
     * @return the amount of work done.
     */
    int poll()
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
                .responseStreamId(responseStreamId);
            final long result = requestPublication.offer(
                requestBuffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + requestEncoder.encodedLength());
            if (result > 0)
            {
                requestPending = false;
                snapshotRequests.incrementRelease();
                requestDeadlineNs = nowNs + snapshotTimeoutNs;
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

    private void newRequest(final RecoveryReason reason)
    {
        requestId = requestIdBase + (++requestCounter);
        requestPending = true;
        inSnapshot = false;
        requestDeadlineNs = nanoClock.nanoTime() + snapshotTimeoutNs;
        gapListener.onRecoveryStarted(reason, requestId);
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
                    notifier.discardPending();
                }
                break;
            }

            case InstrumentDefinitionDecoder.TEMPLATE_ID:
            case VenueInstrumentDefinitionDecoder.TEMPLATE_ID:
            case TradingStatusDecoder.TEMPLATE_ID:
            case PriceLevelUpdateDecoder.TEMPLATE_ID:
                // A market-by-price book comes as its levels, each a NEW behind the ones before it.
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
                        // A server older than schema version 4 sends no priority: the null value reads as none.
                        final long priority = order.priority();
                        builder.applySnapshotOrder(instrumentId, order.orderId(), order.side(), order.price(),
                            order.quantity(), SnapshotOrdersDecoder.OrdersDecoder.priorityNullValue() == priority ?
                            0 : priority);
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
                            snapshotErrors.incrementRelease();
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

        tracker.resumeAfterSnapshot(snapshotSequence);
        long applied = 0;
        int position = 0;
        while (position < recoveryBufferLimit)
        {
            final int length = recoveryBuffer.getInt(position);
            final int messageOffset = position + RECORD_HEADER;
            if (tracker.replay(recoveryBuffer, messageOffset, length))
            {
                applied++;
            }
            position = messageOffset + length;
        }
        resetRecoveryBuffer();

        recovering = false;
        recoveriesCompleted.incrementRelease();
        notifier.onRecovered();
        gapListener.onRecoveryCompleted(requestId, snapshotSequence, applied);
    }
}
