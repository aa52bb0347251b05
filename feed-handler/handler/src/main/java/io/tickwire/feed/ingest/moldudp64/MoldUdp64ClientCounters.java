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
package io.tickwire.feed.ingest.moldudp64;

import io.tickwire.counters.CounterAllocator;
import io.tickwire.counters.CounterSet;
import io.tickwire.feed.FeedCounterTypes;
import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.MalformedReason;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * What a {@link MoldUdp64Client} counts, and the malformed-input reports that go with the counts.
 * <p>
 * The client extends this so its public counter accessors stay where callers expect them while the roles that
 * do the counting (receiver, sequencer, stash, gap recovery) bump the counters directly. They are Aeron counters
 * when the context gives an allocator (the feed handler's client: in the driver's CnC file, so {@code stat} and the
 * metrics endpoint show them), in memory of the client's own otherwise; written only on the polling thread with
 * release stores, read by anyone.
 */
abstract class MoldUdp64ClientCounters
{
    /** The component in the counters' labels: {@code tickwire-moldudp64 NAME: SOURCE}. */
    public static final String COMPONENT = "tickwire-moldudp64";
    // Room for the local fallback, with some to spare for counters added later.
    private static final int COUNTERS = 32;

    final String name;
    private final MalformedInputListener malformedListener;
    private final CounterSet counterSet;

    final AtomicCounter packetsReceived;
    final AtomicCounter bytesReceived;
    final AtomicCounter messagesDelivered;
    final AtomicCounter heartbeatsReceived;
    final AtomicCounter duplicatePackets;
    final AtomicCounter duplicateMessages;
    final AtomicCounter malformedPackets;
    final AtomicCounter emptyMessages;
    final AtomicCounter packetsStashed;
    final AtomicCounter stashOverflows;
    final AtomicCounter gapsDetected;
    final AtomicCounter gapsRecovered;
    final AtomicCounter messagesRecovered;
    final AtomicCounter requestsSent;
    final AtomicCounter requestRetries;
    final AtomicCounter requestSendsFailed;
    final AtomicCounter unrecoverableGaps;
    final AtomicCounter messagesSkipped;
    final AtomicCounter sessionChanges;

    MoldUdp64ClientCounters(final String name, final MalformedInputListener malformedListener)
    {
        this(name, malformedListener, null);
    }

    MoldUdp64ClientCounters(
        final String name, final MalformedInputListener malformedListener, final CounterAllocator allocator)
    {
        this.name = name;
        this.malformedListener = malformedListener;
        this.counterSet = CounterSet.of(allocator, COMPONENT, name, COUNTERS);
        packetsReceived = counterSet.add(FeedCounterTypes.MOLD_PACKETS_RECEIVED, "packets-received");
        bytesReceived = counterSet.add(FeedCounterTypes.MOLD_BYTES_RECEIVED, "bytes-received");
        messagesDelivered = counterSet.add(FeedCounterTypes.MOLD_MESSAGES_DELIVERED, "messages-delivered");
        heartbeatsReceived = counterSet.add(FeedCounterTypes.MOLD_HEARTBEATS_RECEIVED, "heartbeats-received");
        duplicatePackets = counterSet.add(FeedCounterTypes.MOLD_DUPLICATE_PACKETS, "duplicate-packets");
        duplicateMessages = counterSet.add(FeedCounterTypes.MOLD_DUPLICATE_MESSAGES, "duplicate-messages");
        malformedPackets = counterSet.add(FeedCounterTypes.MOLD_MALFORMED_PACKETS, "malformed-packets");
        emptyMessages = counterSet.add(FeedCounterTypes.MOLD_EMPTY_MESSAGES, "empty-messages");
        packetsStashed = counterSet.add(FeedCounterTypes.MOLD_PACKETS_STASHED, "packets-stashed");
        stashOverflows = counterSet.add(FeedCounterTypes.MOLD_STASH_OVERFLOWS, "stash-overflows");
        gapsDetected = counterSet.add(FeedCounterTypes.MOLD_GAPS_DETECTED, "gaps-detected");
        gapsRecovered = counterSet.add(FeedCounterTypes.MOLD_GAPS_RECOVERED, "gaps-recovered");
        messagesRecovered = counterSet.add(FeedCounterTypes.MOLD_MESSAGES_RECOVERED, "messages-recovered");
        requestsSent = counterSet.add(FeedCounterTypes.MOLD_REQUESTS_SENT, "requests-sent");
        requestRetries = counterSet.add(FeedCounterTypes.MOLD_REQUEST_RETRIES, "request-retries");
        requestSendsFailed = counterSet.add(FeedCounterTypes.MOLD_REQUEST_SENDS_FAILED, "request-sends-failed");
        unrecoverableGaps = counterSet.add(FeedCounterTypes.MOLD_UNRECOVERABLE_GAPS, "unrecoverable-gaps");
        messagesSkipped = counterSet.add(FeedCounterTypes.MOLD_MESSAGES_SKIPPED, "messages-skipped");
        sessionChanges = counterSet.add(FeedCounterTypes.MOLD_SESSION_CHANGES, "session-changes");
    }

    /**
     * Free the counters; the getters keep their last values.
     */
    final void closeCounters()
    {
        counterSet.close();
    }

    final void malformed(final MalformedReason reason, final long position, final String detail)
    {
        if (reason == MalformedReason.BAD_MOLDUDP64_PACKET)
        {
            malformedPackets.incrementRelease();
        }
        malformedListener.onMalformed(reason, name, position, detail);
    }

    /**
     * @return datagrams received on both sockets, valid or not.
     */
    public long packetsReceived()
    {
        return counterSet.get(packetsReceived);
    }

    /**
     * @return bytes received on both sockets.
     */
    public long bytesReceived()
    {
        return counterSet.get(bytesReceived);
    }

    /**
     * @return messages delivered to the handler.
     */
    public long messagesDelivered()
    {
        return counterSet.get(messagesDelivered);
    }

    /**
     * @return heartbeats received.
     */
    public long heartbeatsReceived()
    {
        return counterSet.get(heartbeatsReceived);
    }

    /**
     * @return packets ignored because every message in them was already delivered.
     */
    public long duplicatePackets()
    {
        return counterSet.get(duplicatePackets);
    }

    /**
     * @return messages skipped at the front of packets that overlapped what was already delivered.
     */
    public long duplicateMessages()
    {
        return counterSet.get(duplicateMessages);
    }

    /**
     * @return packets rejected as malformed or of another session.
     */
    public long malformedPackets()
    {
        return counterSet.get(malformedPackets);
    }

    /**
     * @return zero-length messages reported and not delivered.
     */
    public long emptyMessages()
    {
        return counterSet.get(emptyMessages);
    }

    /**
     * @return packets kept because they arrived ahead of a gap.
     */
    public long packetsStashed()
    {
        return counterSet.get(packetsStashed);
    }

    /**
     * @return packets ahead of a gap not kept because the stash was full (requested later instead).
     */
    public long stashOverflows()
    {
        return counterSet.get(stashOverflows);
    }

    /**
     * @return gaps detected.
     */
    public long gapsDetected()
    {
        return counterSet.get(gapsDetected);
    }

    /**
     * @return gaps whose every message was delivered.
     */
    public long gapsRecovered()
    {
        return counterSet.get(gapsRecovered);
    }

    /**
     * @return messages delivered that had been missing in a gap.
     */
    public long messagesRecovered()
    {
        return counterSet.get(messagesRecovered);
    }

    /**
     * @return requests sent.
     */
    public long requestsSent()
    {
        return counterSet.get(requestsSent);
    }

    /**
     * @return requests repeated after a timeout.
     */
    public long requestRetries()
    {
        return counterSet.get(requestRetries);
    }

    /**
     * @return requests the socket did not take.
     */
    public long requestSendsFailed()
    {
        return counterSet.get(requestSendsFailed);
    }

    /**
     * @return gaps reported as unrecoverable.
     */
    public long unrecoverableGaps()
    {
        return counterSet.get(unrecoverableGaps);
    }

    /**
     * @return messages skipped past as unrecoverable.
     */
    public long messagesSkipped()
    {
        return counterSet.get(messagesSkipped);
    }

    /**
     * @return times the session changed after the first.
     */
    public long sessionChanges()
    {
        return counterSet.get(sessionChanges);
    }
}
