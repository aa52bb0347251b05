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
package io.tickwire.feed.ingest.mdp3;

import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.MalformedReason;

/**
 * The packet being normalised as the normaliser's parts see it: where it is (its position in the source and its
 * MsgSeqNum) for the reports of malformed input and of field values CME does not define, whether anything of it was
 * malformed, and the bound on the feed messages one packet may write ({@link #claim()}).
 * <p>
 * Single-threaded, reset per packet; nothing is allocated unless reporting.
 */
final class Mdp3PacketContext
{
    private final MalformedInputListener listener;
    private final String sourceName;
    private final Mdp3FeedWriter writer;
    private int maxMessages;
    private long position;
    private long msgSeqNum;
    private boolean malformed;

    /**
     * @param listener    told about malformed packets and messages, and field values CME does not define.
     * @param sourceName  for reports.
     * @param writer      whose messages of this packet are counted against the bound.
     * @param maxMessages feed messages one packet may write.
     */
    Mdp3PacketContext(
        final MalformedInputListener listener, final String sourceName, final Mdp3FeedWriter writer,
        final int maxMessages)
    {
        this.listener = listener;
        this.sourceName = sourceName;
        this.writer = writer;
        this.maxMessages = maxMessages;
    }

    /**
     * A new packet.
     *
     * @param position  of the packet in its source.
     * @param msgSeqNum of its header, -1 when it is too short to have one.
     */
    void start(final long position, final long msgSeqNum)
    {
        this.position = position;
        this.malformed = false;
        this.msgSeqNum = msgSeqNum;
    }

    /**
     * The packet's MsgSeqNum as the decoder read it.
     */
    void msgSeqNum(final long msgSeqNum)
    {
        this.msgSeqNum = msgSeqNum;
    }

    long msgSeqNum()
    {
        return msgSeqNum;
    }

    boolean isMalformed()
    {
        return malformed;
    }

    int maxMessages()
    {
        return maxMessages;
    }

    /**
     * More messages a packet may write (the entries a snapshot or order book unit may release).
     */
    void addMaxMessages(final int more)
    {
        maxMessages += more;
    }

    /**
     * A SecurityID is positive, or reported.
     */
    boolean validSecurityId(final int templateId, final int securityId)
    {
        if (securityId > 0)
        {
            return true;
        }
        badField(templateId, securityId, "SecurityID " + securityId + " is not positive");
        return false;
    }

    /**
     * Room for one more message of this packet. Cannot fail for a packet of at most
     * {@link Mdp3Normaliser#MAX_PACKET_LENGTH} bytes; checked because the ring's space accounting relies on it.
     */
    boolean claim()
    {
        if (writer.written() < maxMessages)
        {
            return true;
        }
        malformed(MalformedReason.BAD_MDP3_PACKET, "more than " + maxMessages +
            " feed messages from one packet; the rest of it is skipped");
        return false;
    }

    void badField(final int templateId, final int securityId, final String detail)
    {
        malformed(MalformedReason.BAD_FIELD_VALUE, "template " + templateId + " SecurityID " + securityId + ": " +
            detail + " is not an MDP 3.0 value; skipped");
    }

    void malformed(final MalformedReason reason, final String detail)
    {
        malformed = true;
        listener.onMalformed(reason, sourceName, position, "MsgSeqNum " + msgSeqNum + " " + detail);
    }

    /**
     * A report of the decoder, with its own position and detail.
     */
    void onDecoderMalformed(
        final MalformedReason reason, final String source, final long position, final String detail)
    {
        malformed = true;
        listener.onMalformed(reason, source, position, detail);
    }
}
