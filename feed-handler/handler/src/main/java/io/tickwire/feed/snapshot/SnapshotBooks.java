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

import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.tickwire.counters.CounterSet;
import io.tickwire.feed.FeedCounterTypes;
import io.tickwire.feed.book.BookBuilder;
import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.HeartbeatDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.ByteOrder;

/**
 * The {@link SnapshotServer}'s books, kept from the published stream it follows with the same {@link BookBuilder}
 * the clients use, and whether they can be served: only once the publisher's session has been seen from sequence 1
 * without a gap, and while its publication is there. A new session (the publisher restarted) starts the books
 * afresh.
 */
final class SnapshotBooks implements FragmentHandler
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final CounterSet counters;
    private final BookBuilder builder;
    private boolean hasSession;
    private int sessionId;
    private boolean valid;
    private long lastAppliedSequence;
    private final AtomicCounter messagesApplied;
    private final AtomicCounter gaps;

    /**
     * Books counting into the server's counters.
     *
     * @param counters     the server's, where messages applied and gaps are counted.
     * @param bookCounters where the books' own counters are allocated.
     */
    SnapshotBooks(final CounterSet counters, final CounterSet bookCounters)
    {
        this.counters = counters;
        this.messagesApplied = counters.add(FeedCounterTypes.SNAPSHOT_MESSAGES_APPLIED, "messages-applied");
        this.gaps = counters.add(FeedCounterTypes.SNAPSHOT_GAPS, "gaps");
        this.builder = new BookBuilder(null, bookCounters);
    }

    /**
     * Apply one message of the followed stream.
     *
     * @param buffer containing the message.
     * @param offset at which it starts.
     * @param length of the message.
     * @param header of its (reassembled) fragment, for the publisher's session.
     */
    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
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
                gaps.incrementRelease();
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
            gaps.incrementRelease();
            valid = false;
        }

        builder.apply(buffer, offset, length);
        lastAppliedSequence = sequence;
        messagesApplied.incrementRelease();
    }

    /**
     * @return true when the session has been seen from sequence 1 without a gap.
     */
    boolean isValid()
    {
        return valid;
    }

    /**
     * @return the Aeron session id of the publisher followed; meaningful once a message arrived.
     */
    int sessionId()
    {
        return sessionId;
    }

    /**
     * The followed publication is gone (closed, e.g. by a cluster member that stopped leading): its books may no
     * longer be what subscribers' next publisher continues from, so they are not served until a new session starts.
     */
    void publisherGone()
    {
        valid = false;
    }

    /**
     * @return last stream sequence applied.
     */
    long lastAppliedSequence()
    {
        return lastAppliedSequence;
    }

    /**
     * @return messages applied.
     */
    long messagesApplied()
    {
        return counters.get(messagesApplied);
    }

    /**
     * @return gaps seen.
     */
    long gaps()
    {
        return counters.get(gaps);
    }

    /**
     * @return the builder holding the books.
     */
    BookBuilder builder()
    {
        return builder;
    }
}
