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
import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import io.tickwire.sbe.md.SnapshotRequestDecoder;
import org.agrona.DirectBuffer;
import org.agrona.collections.LongArrayQueue;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The {@link SnapshotServer}'s request side: decodes {@code SnapshotRequest}s and queues their ids until a snapshot
 * can be sent, refusing them while the books are not valid (clients ask again after their timeout). A request id
 * already queued is not queued twice, so a client's retries do not cost a snapshot each.
 */
final class SnapshotRequests implements FragmentHandler
{
    private final SnapshotBooks books;
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final SnapshotRequestDecoder requestDecoder = new SnapshotRequestDecoder();
    private final LongArrayQueue pendingRequests = new LongArrayQueue();
    private final AtomicCounter requestsRefused;

    private final CounterSet counters;

    /**
     * @param books    whose validity decides whether a request is taken.
     * @param counters the server's, where requests refused are counted.
     */
    SnapshotRequests(final SnapshotBooks books, final CounterSet counters)
    {
        this.books = books;
        this.counters = counters;
        this.requestsRefused = counters.add(FeedCounterTypes.SNAPSHOT_REQUESTS_REFUSED, "requests-refused");
    }

    /**
     * Take one message of the request stream; anything but a {@code SnapshotRequest} is ignored.
     *
     * @param buffer containing the message.
     * @param offset at which it starts.
     * @param length of the message.
     * @param header of its fragment.
     */
    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
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
        if (!books.isValid())
        {
            requestsRefused.incrementRelease();
            return;
        }
        if (!pendingRequests.contains(requestId))
        {
            pendingRequests.addLong(requestId);
        }
    }

    /**
     * @return true when a request waits for its snapshot.
     */
    boolean hasPending()
    {
        return !pendingRequests.isEmpty();
    }

    /**
     * @return the id of the oldest waiting request, now taken off the queue.
     */
    long takeNext()
    {
        return pendingRequests.pollLong();
    }

    /**
     * @return requests refused because the books were not valid.
     */
    long requestsRefused()
    {
        return counters.get(requestsRefused);
    }
}
