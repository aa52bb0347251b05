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

import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.tickwire.counters.CounterSet;
import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.book.BookNotifier;
import io.tickwire.feed.book.InstrumentBook;
import io.tickwire.latency.CalibratedEpochNanoClock;
import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.HeartbeatDecoder;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import io.tickwire.sbe.md.PublisherEpochDecoder;
import org.agrona.DirectBuffer;
import org.agrona.collections.IntHashSet;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.ByteOrder;
import java.util.List;

/**
 * The sequence rules of the {@link FeedClient}, applied to every live fragment: which message is applied to the
 * books, which is dropped, and what a gap, a duplicate, a publisher restart or a silence means for the books. The
 * rules are listed on {@link FeedClient}. Messages in sequence are applied here; when the sequence breaks and
 * snapshot channels are configured, the {@link SnapshotRecovery} takes over until its snapshot is in and hands
 * the buffered messages back through {@link #resumeAfterSnapshot(long)} and {@link #replay(DirectBuffer, int, int)}.
 */
final class SequenceTracker implements FragmentHandler
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int TEMPLATE_ID_OFFSET = 2;
    private static final int SCHEMA_ID_OFFSET = 4;
    private static final int EPOCH_OFFSET =
        MessageHeaderDecoder.ENCODED_LENGTH + PublisherEpochDecoder.publisherEpochEncodingOffset();
    private static final int EPOCH_MESSAGE_LENGTH =
        MessageHeaderDecoder.ENCODED_LENGTH + PublisherEpochDecoder.BLOCK_LENGTH;

    private final BookBuilder builder;
    private final BookNotifier notifier;
    private final SnapshotRecovery recovery;
    private final GapListener gapListener;
    private final NanoClock nanoClock;
    private final long silenceTimeoutNs;
    private final CalibratedEpochNanoClock receiveClock = CalibratedEpochNanoClock.shared();
    private final IntHashSet retiredSessions = new IntHashSet();
    private final CounterSet counters;

    private boolean hasSession;
    private int sessionId;
    private long expectedSequence = 1;
    private long coveredBySnapshot;

    private final AtomicCounter messagesReceived;
    private final AtomicCounter heartbeats;
    private final AtomicCounter messagesApplied;
    private final AtomicCounter gaps;
    private final AtomicCounter duplicates;
    private final AtomicCounter publisherRestarts;
    private final AtomicCounter publisherChanges;
    private final AtomicCounter staleSessionMessages;
    private final AtomicCounter skippedCoveredBySnapshot;
    private long lastPublishTimestamp;
    private long lastReceiveTimestamp;
    private long lastIngestTimestamp;
    private long venueResetsSeen;

    private long lastHeardNs;
    private boolean silent;
    private final AtomicCounter silences;
    private long gapsAtSilence;
    private long restartsAtSilence;

    /**
     * Rules for one subscription, counting in memory of their own.
     *
     * @param ctx         concluded configuration.
     * @param builder     the books messages are applied to.
     * @param notifier    told of changed, stale and fresh books.
     * @param recovery    started when the sequence breaks, if enabled.
     * @param gapListener told of gaps, duplicates, restarts and silences.
     */
    SequenceTracker(
        final FeedClientContext ctx,
        final BookBuilder builder,
        final BookNotifier notifier,
        final SnapshotRecovery recovery,
        final GapListener gapListener)
    {
        this(ctx, builder, notifier, recovery, gapListener, CounterSet.local(
            ClientCounterTypes.CLIENT_COMPONENT, "local", ClientCounterTypes.CLIENT_COUNTERS));
    }

    /**
     * Rules for one subscription.
     *
     * @param ctx         concluded configuration.
     * @param builder     the books messages are applied to.
     * @param notifier    told of changed, stale and fresh books.
     * @param recovery    started when the sequence breaks, if enabled.
     * @param gapListener told of gaps, duplicates, restarts and silences.
     * @param counters    where the tracker's counters are allocated.
     */
    SequenceTracker(
        final FeedClientContext ctx,
        final BookBuilder builder,
        final BookNotifier notifier,
        final SnapshotRecovery recovery,
        final GapListener gapListener,
        final CounterSet counters)
    {
        this.counters = counters;
        this.messagesReceived = counters.add(ClientCounterTypes.MESSAGES_RECEIVED, "messages-received");
        this.heartbeats = counters.add(ClientCounterTypes.HEARTBEATS, "heartbeats");
        this.messagesApplied = counters.add(ClientCounterTypes.MESSAGES_APPLIED, "messages-applied");
        this.gaps = counters.add(ClientCounterTypes.GAPS, "gaps");
        this.duplicates = counters.add(ClientCounterTypes.DUPLICATES, "duplicates");
        this.publisherRestarts = counters.add(ClientCounterTypes.PUBLISHER_RESTARTS, "publisher-restarts");
        this.publisherChanges = counters.add(ClientCounterTypes.PUBLISHER_CHANGES, "publisher-changes");
        this.staleSessionMessages =
            counters.add(ClientCounterTypes.STALE_SESSION_MESSAGES, "stale-session-messages");
        this.skippedCoveredBySnapshot =
            counters.add(ClientCounterTypes.SKIPPED_COVERED_BY_SNAPSHOT, "skipped-covered-by-snapshot");
        this.silences = counters.add(ClientCounterTypes.SILENCES, "silences");
        this.builder = builder;
        this.notifier = notifier;
        this.recovery = recovery;
        this.gapListener = gapListener;
        this.nanoClock = ctx.nanoClock;
        this.silenceTimeoutNs = ctx.silenceTimeoutNs;
    }

    long expectedSequence()
    {
        return expectedSequence;
    }

    long messagesReceived()
    {
        return counters.get(messagesReceived);
    }

    long heartbeats()
    {
        return counters.get(heartbeats);
    }

    long messagesApplied()
    {
        return counters.get(messagesApplied);
    }

    long gaps()
    {
        return counters.get(gaps);
    }

    long duplicates()
    {
        return counters.get(duplicates);
    }

    long publisherRestarts()
    {
        return counters.get(publisherRestarts);
    }

    long publisherChanges()
    {
        return counters.get(publisherChanges);
    }

    long staleSessionMessages()
    {
        return counters.get(staleSessionMessages);
    }

    long skippedCoveredBySnapshot()
    {
        return counters.get(skippedCoveredBySnapshot);
    }

    long lastPublishTimestamp()
    {
        return lastPublishTimestamp;
    }

    long lastReceiveTimestamp()
    {
        return lastReceiveTimestamp;
    }

    long lastIngestTimestamp()
    {
        return lastIngestTimestamp;
    }

    boolean isSilent()
    {
        return silent;
    }

    long silences()
    {
        return counters.get(silences);
    }

    /**
     * {@inheritDoc}
     */
    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        lastReceiveTimestamp = receiveClock.nanoTime();
        messagesReceived.incrementRelease();
        if (length < MarketDataHeader.MIN_MESSAGE_LENGTH)
        {
            // No sequence to check: the builder counts it as malformed.
            builder.apply(buffer, offset, length);
            return;
        }

        final long sequence = buffer.getLong(offset + MarketDataHeader.SEQUENCE_OFFSET, ORDER);
        final int session = header.sessionId();
        final int templateId = buffer.getShort(offset + TEMPLATE_ID_OFFSET, ORDER);
        final boolean heartbeat = HeartbeatDecoder.TEMPLATE_ID == templateId;
        if (!hasSession || session != sessionId)
        {
            if (hasSession && retiredSessions.contains(session))
            {
                staleSessionMessages.incrementRelease();
                return;
            }
            // A heartbeat carries the last sequence published without consuming one: the next message is after it.
            onNewSession(session, heartbeat ? sequence + 1 : sequence, announcedEpoch(buffer, offset, length));
        }

        if (heartbeat)
        {
            onHeartbeat(sequence);
            return;
        }

        if (recovery.isRecovering())
        {
            bufferWhileRecovering(buffer, offset, length, sequence);
            return;
        }

        if (sequence == expectedSequence)
        {
            apply(buffer, offset, length);
            expectedSequence++;
        }
        else if (sequence < expectedSequence)
        {
            if (sequence <= coveredBySnapshot)
            {
                skippedCoveredBySnapshot.incrementRelease();
            }
            else
            {
                duplicates.incrementRelease();
                gapListener.onDuplicate(sequence, expectedSequence);
            }
        }
        else
        {
            gaps.incrementRelease();
            gapListener.onGap(expectedSequence, sequence);
            if (recovery.isEnabled())
            {
                recovery.start(RecoveryReason.GAP);
                bufferWhileRecovering(buffer, offset, length, sequence);
            }
            else
            {
                notifier.markAllStale();
                apply(buffer, offset, length);
                expectedSequence = sequence + 1;
            }
        }
    }

    /**
     * The snapshot the books were just loaded from was taken at this sequence: the stream continues after it, and
     * what it already contained is not a duplicate.
     *
     * @param snapshotSequence last sequence the snapshot contains.
     */
    void resumeAfterSnapshot(final long snapshotSequence)
    {
        expectedSequence = snapshotSequence + 1;
        coveredBySnapshot = snapshotSequence;
    }

    /**
     * A message buffered during recovery: applied if it is the next expected, otherwise the snapshot already had it.
     *
     * @param buffer holding the message.
     * @param offset of the message.
     * @param length of the message.
     * @return true when applied.
     */
    boolean replay(final DirectBuffer buffer, final int offset, final int length)
    {
        final long sequence = buffer.getLong(offset + MarketDataHeader.SEQUENCE_OFFSET, ORDER);
        if (sequence == expectedSequence)
        {
            apply(buffer, offset, length);
            expectedSequence++;
            return true;
        }
        skippedCoveredBySnapshot.incrementRelease();
        return false;
    }

    /**
     * Read the clock once per poll, not per fragment: hearing anything resets the silence, hearing nothing for
     * longer than the timeout starts one.
     *
     * @param fragments read from the feed in this poll.
     */
    void checkSilence(final int fragments)
    {
        if (silenceTimeoutNs <= 0)
        {
            return;
        }

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
        silences.incrementRelease();
        gapsAtSilence = gaps.get();
        restartsAtSilence = publisherRestarts.get();
        gapListener.onSilence(nowNs - lastHeardNs);
        notifier.markAllStaleForSilence();
    }

    private void endSilence(final long nowNs)
    {
        silent = false;
        gapListener.onSilenceEnded(nowNs - lastHeardNs);
        // What arrived may itself have shown missed messages or a new publisher: then recovery (or the lack of
        // it) decides when the books are fresh, not the end of the silence.
        notifier.endSilence(
            !recovery.isRecovering() && gaps.get() == gapsAtSilence && publisherRestarts.get() == restartsAtSilence);
    }

    private void onHeartbeat(final long lastPublishedSequence)
    {
        heartbeats.incrementRelease();
        if (!recovery.isRecovering() && lastPublishedSequence >= expectedSequence)
        {
            // The tail of the stream was lost and nothing followed it: only the heartbeat can tell.
            gaps.incrementRelease();
            gapListener.onGap(expectedSequence, lastPublishedSequence + 1);
            if (recovery.isEnabled())
            {
                recovery.start(RecoveryReason.GAP);
            }
            else
            {
                notifier.markAllStale();
                expectedSequence = lastPublishedSequence + 1;
            }
        }
    }

    /**
     * A new session whose first message is a {@code PublisherEpoch} at sequence 1, or one first heard past sequence
     * 1, continues the stream's state (a new cluster leader): its books are not empty, so they come from a snapshot.
     * One that starts at 1 without an epoch is a publisher that started afresh (books empty, as a feed handler's).
     */
    private void onNewSession(final int session, final long firstSequence, final long epoch)
    {
        final boolean restart = hasSession;
        final boolean announced = GapListener.NO_EPOCH != epoch && 1 == firstSequence;
        if (restart)
        {
            retiredSessions.add(sessionId);
            publisherRestarts.incrementRelease();
            gapListener.onPublisherRestart(sessionId, session, firstSequence);
            if (announced || 1 != firstSequence)
            {
                publisherChanges.incrementRelease();
                gapListener.onPublisherChange(sessionId, session, announced ? epoch : GapListener.NO_EPOCH);
            }
            builder.reset();
            notifier.discardPending();
        }
        hasSession = true;
        sessionId = session;
        expectedSequence = 1;
        coveredBySnapshot = 0;

        if (announced && recovery.isEnabled())
        {
            // The session restates the books right after the epoch, but until it has, they are not whole: a
            // snapshot (taken anywhere in the session) plus what follows it makes them whole sooner or later.
            recovery.start(RecoveryReason.PUBLISHER_CHANGE);
        }
        else if (1 == firstSequence)
        {
            if (recovery.isRecovering())
            {
                recovery.cancel();
            }
            notifier.markAllFresh();
        }
        else if (recovery.isEnabled())
        {
            recovery.start(restart ? RecoveryReason.PUBLISHER_RESTART : RecoveryReason.LATE_JOIN);
        }
        else
        {
            notifier.markAllStale();
            expectedSequence = firstSequence;
        }
    }

    /**
     * @return the epoch of a {@code PublisherEpoch} message of this schema, else {@link GapListener#NO_EPOCH}.
     */
    private static long announcedEpoch(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length >= EPOCH_MESSAGE_LENGTH &&
            PublisherEpochDecoder.TEMPLATE_ID == buffer.getShort(offset + TEMPLATE_ID_OFFSET, ORDER) &&
            PublisherEpochDecoder.SCHEMA_ID == buffer.getShort(offset + SCHEMA_ID_OFFSET, ORDER))
        {
            return buffer.getLong(offset + EPOCH_OFFSET, ORDER);
        }
        return GapListener.NO_EPOCH;
    }

    /**
     * While recovering the buffered messages must follow each other, so that they can be applied on top of the
     * snapshot: a repeat is dropped, and a gap makes what was buffered useless.
     */
    private void bufferWhileRecovering(
        final DirectBuffer buffer, final int offset, final int length, final long sequence)
    {
        if (recovery.hasBuffered())
        {
            final long nextSequence = recovery.nextBufferedSequence();
            if (sequence < nextSequence)
            {
                duplicates.incrementRelease();
                gapListener.onDuplicate(sequence, nextSequence);
                return;
            }
            if (sequence > nextSequence)
            {
                gaps.incrementRelease();
                gapListener.onGap(nextSequence, sequence);
                recovery.discardBuffered();
            }
        }
        recovery.buffer(buffer, offset, length, sequence);
    }

    private void apply(final DirectBuffer buffer, final int offset, final int length)
    {
        lastPublishTimestamp = buffer.getLong(offset + MarketDataHeader.PUBLISH_TIMESTAMP_OFFSET, ORDER);
        lastIngestTimestamp = buffer.getLong(offset + MarketDataHeader.INGEST_TIMESTAMP_OFFSET, ORDER);
        messagesApplied.incrementRelease();
        final InstrumentBook changed = builder.apply(buffer, offset, length);
        if (null != changed)
        {
            notifier.onBookChanged(changed);
        }
        else if (builder.venueResets() != venueResetsSeen)
        {
            // A venue-wide BookReset cleared many books at once: each one is reported as changed.
            venueResetsSeen = builder.venueResets();
            final List<InstrumentBook> cleared = builder.venueResetBooks();
            for (int i = 0, size = cleared.size(); i < size; i++)
            {
                notifier.onBookChanged(cleared.get(i));
            }
        }
    }
}
