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

import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.MalformedReason;

/**
 * What a {@link MoldUdp64Client} counts, and the malformed-input reports that go with the counts.
 * <p>
 * The client extends this so its public counter accessors stay where callers expect them while the roles that
 * do the counting (receiver, sequencer, stash, gap recovery) bump the fields directly: plain fields, written
 * only on the polling thread, for status lines on that thread or an approximate view from another.
 */
abstract class MoldUdp64ClientCounters
{
    final String name;
    private final MalformedInputListener malformedListener;

    long packetsReceived;
    long bytesReceived;
    long messagesDelivered;
    long heartbeatsReceived;
    long duplicatePackets;
    long duplicateMessages;
    long malformedPackets;
    long emptyMessages;
    long packetsStashed;
    long stashOverflows;
    long gapsDetected;
    long gapsRecovered;
    long messagesRecovered;
    long requestsSent;
    long requestRetries;
    long requestSendsFailed;
    long unrecoverableGaps;
    long messagesSkipped;
    long sessionChanges;

    MoldUdp64ClientCounters(final String name, final MalformedInputListener malformedListener)
    {
        this.name = name;
        this.malformedListener = malformedListener;
    }

    final void malformed(final MalformedReason reason, final long position, final String detail)
    {
        if (reason == MalformedReason.BAD_MOLDUDP64_PACKET)
        {
            malformedPackets++;
        }
        malformedListener.onMalformed(reason, name, position, detail);
    }

    /**
     * @return datagrams received on both sockets, valid or not.
     */
    public long packetsReceived()
    {
        return packetsReceived;
    }

    /**
     * @return bytes received on both sockets.
     */
    public long bytesReceived()
    {
        return bytesReceived;
    }

    /**
     * @return messages delivered to the handler.
     */
    public long messagesDelivered()
    {
        return messagesDelivered;
    }

    /**
     * @return heartbeats received.
     */
    public long heartbeatsReceived()
    {
        return heartbeatsReceived;
    }

    /**
     * @return packets ignored because every message in them was already delivered.
     */
    public long duplicatePackets()
    {
        return duplicatePackets;
    }

    /**
     * @return messages skipped at the front of packets that overlapped what was already delivered.
     */
    public long duplicateMessages()
    {
        return duplicateMessages;
    }

    /**
     * @return packets rejected as malformed or of another session.
     */
    public long malformedPackets()
    {
        return malformedPackets;
    }

    /**
     * @return zero-length messages reported and not delivered.
     */
    public long emptyMessages()
    {
        return emptyMessages;
    }

    /**
     * @return packets kept because they arrived ahead of a gap.
     */
    public long packetsStashed()
    {
        return packetsStashed;
    }

    /**
     * @return packets ahead of a gap not kept because the stash was full (requested later instead).
     */
    public long stashOverflows()
    {
        return stashOverflows;
    }

    /**
     * @return gaps detected.
     */
    public long gapsDetected()
    {
        return gapsDetected;
    }

    /**
     * @return gaps whose every message was delivered.
     */
    public long gapsRecovered()
    {
        return gapsRecovered;
    }

    /**
     * @return messages delivered that had been missing in a gap.
     */
    public long messagesRecovered()
    {
        return messagesRecovered;
    }

    /**
     * @return requests sent.
     */
    public long requestsSent()
    {
        return requestsSent;
    }

    /**
     * @return requests repeated after a timeout.
     */
    public long requestRetries()
    {
        return requestRetries;
    }

    /**
     * @return requests the socket did not take.
     */
    public long requestSendsFailed()
    {
        return requestSendsFailed;
    }

    /**
     * @return gaps reported as unrecoverable.
     */
    public long unrecoverableGaps()
    {
        return unrecoverableGaps;
    }

    /**
     * @return messages skipped past as unrecoverable.
     */
    public long messagesSkipped()
    {
        return messagesSkipped;
    }

    /**
     * @return times the session changed after the first.
     */
    public long sessionChanges()
    {
        return sessionChanges;
    }
}
