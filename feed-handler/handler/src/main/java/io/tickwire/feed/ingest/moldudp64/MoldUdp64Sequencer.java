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

import io.tickwire.feed.ingest.MalformedReason;
import io.tickwire.feed.ingest.MessageHandler;
import io.tickwire.feed.ingest.arbitration.LineArbiter;
import org.agrona.DirectBuffer;

/**
 * Sequence tracking and in-order delivery for a {@link MoldUdp64Client}: the next sequence number expected, the
 * highest known to exist (from message packets and heartbeats), the end of the session, and session changes.
 * Classifies each valid packet as old, ahead of a gap (stashed) or next in line, and delivers messages from one
 * packet at a time, in place, through a cursor that may stay open across polls when the limit cuts it short.
 * Finding holes in the sequence is here; what to do about them is the {@link MoldUdp64GapRecovery}'s business.
 * <p>
 * With a B line, packets from both lines come here and the first copy of each message wins, as it would for any
 * duplicate; the {@link LineArbiter} sees every downstream packet too, counts per line, and decides when a hole
 * has been missed on both lines: until its wait is over, the other line may still fill the hole, so nothing is
 * requested. The arbiter holds its position after declaring a gap (the request server fills it) and is brought
 * up to this sequencer's position before each decision, since answers and skips move the sequence without it.
 */
final class MoldUdp64Sequencer
{
    private final MoldUdp64ClientContext ctx;
    private final MoldUdp64FollowedSession session;
    private final MoldUdp64PacketStash stash;
    private final MoldUdp64GapRecovery recovery;
    private final MoldUdp64StatusListener statusListener;
    private final MoldUdp64ClientCounters counters;
    private final LineArbiter arbiter;

    private long nextExpected;
    private long highestKnown;
    private long endOfSessionSequence = Long.MAX_VALUE;
    private boolean endOfSessionReported;

    private DirectBuffer cursorBuffer;
    private int cursorOffset;
    private int cursorRemaining;
    private long cursorSequence;

    /**
     * @param ctx      concluded configuration.
     * @param session  the session followed.
     * @param stash    for packets that arrive ahead of a gap.
     * @param recovery to hand holes in the sequence to.
     * @param counters to count deliveries, duplicates and session changes.
     * @param arbiter  of the A and B lines, or null without a B line.
     */
    MoldUdp64Sequencer(
        final MoldUdp64ClientContext ctx,
        final MoldUdp64FollowedSession session,
        final MoldUdp64PacketStash stash,
        final MoldUdp64GapRecovery recovery,
        final MoldUdp64ClientCounters counters,
        final LineArbiter arbiter)
    {
        this.arbiter = arbiter;
        this.ctx = ctx;
        this.session = session;
        this.stash = stash;
        this.recovery = recovery;
        this.counters = counters;
        statusListener = ctx.statusListener();
        nextExpected = ctx.initialSequence();
        highestKnown = nextExpected - 1;
    }

    /**
     * Take in a valid packet: follow or check its session, learn from heartbeats and the end of session, then
     * ignore it as old, stash it as ahead of a gap, or open it for delivery.
     *
     * @param buffer   holding the packet at offset 0; must stay unchanged while the packet is open.
     * @param length   of the packet.
     * @param count    its validated message count, {@link MoldUdp64Packet#HEARTBEAT} or
     *                 {@link MoldUdp64Packet#END_OF_SESSION}.
     * @param isAnswer whether it is an answer to a request rather than a downstream packet.
     * @param line     it came on, when it is a downstream packet.
     */
    void onPacket(
        final DirectBuffer buffer, final int length, final int count, final boolean isAnswer, final int line)
    {
        if (!session.isKnown())
        {
            session.adopt(buffer, 0);
        }
        else if (!session.matches(buffer, 0))
        {
            if (isAnswer || null != ctx.session())
            {
                counters.malformed(MalformedReason.BAD_MOLDUDP64_PACKET, MoldUdp64Packet.sequence(buffer, 0),
                    "session '" + MoldUdp64Packet.sessionName(buffer, 0) + "', expected '" + session.name() + "'");
                return;
            }
            changeSession(buffer);
        }

        final long sequence = MoldUdp64Packet.sequence(buffer, 0);
        if (nextExpected == MoldUdp64ClientContext.JOIN_AT_FIRST_SEEN)
        {
            nextExpected = sequence;
            if (null != arbiter)
            {
                arbiter.reset(sequence);
            }
        }

        final boolean arbitrate = null != arbiter && !isAnswer;
        if (arbitrate)
        {
            arbiter.advanceTo(nextExpected);
        }

        if (count == MoldUdp64Packet.HEARTBEAT)
        {
            if (arbitrate)
            {
                arbiter.onHeartbeat(line, sequence);
            }
            counters.heartbeatsReceived.incrementRelease();
            know(sequence - 1);
            statusListener.onHeartbeat(sequence);
            return;
        }

        if (count == MoldUdp64Packet.END_OF_SESSION)
        {
            if (arbitrate)
            {
                arbiter.onHeartbeat(line, sequence);
            }
            know(sequence - 1);
            if (sequence < endOfSessionSequence)
            {
                endOfSessionSequence = sequence;
            }
            return;
        }

        final long last = sequence + count - 1;
        if (last >= endOfSessionSequence)
        {
            counters.malformed(MalformedReason.BAD_MOLDUDP64_PACKET, sequence,
                "messages up to " + last + " after end of session at " + endOfSessionSequence);
            return;
        }

        if (arbitrate)
        {
            // Same rules as below, so the answer only feeds the per-line counters and the hole wait.
            arbiter.onPacket(line, sequence, count);
        }
        know(last);
        if (last < nextExpected)
        {
            counters.duplicatePackets.incrementRelease();
        }
        else if (sequence > nextExpected)
        {
            stash.add(buffer, length, isAnswer ? MoldUdp64PacketStash.NO_LINE : line);
        }
        else
        {
            openCursor(buffer, 0, sequence, count);
        }
    }

    /**
     * @return whether an open packet still holds messages to deliver.
     */
    boolean hasMessages()
    {
        return cursorRemaining > 0;
    }

    /**
     * Deliver messages of the open packet in sequence order; a zero-length one is reported, not delivered.
     *
     * @param handler to receive the messages.
     * @param limit   most messages to deliver.
     * @return the number delivered.
     */
    int deliver(final MessageHandler handler, final int limit)
    {
        int delivered = 0;
        final DirectBuffer buffer = cursorBuffer;
        final long recoveringUpTo = recovery.recoveringUpTo();
        while (cursorRemaining > 0 && delivered < limit)
        {
            final int length = buffer.getShort(cursorOffset, MoldUdp64Packet.BYTE_ORDER) & 0xFFFF;
            final int messageOffset = cursorOffset + MoldUdp64Packet.MESSAGE_LENGTH_FIELD_LENGTH;
            final long sequence = cursorSequence;
            cursorOffset = messageOffset + length;
            cursorSequence++;
            cursorRemaining--;
            nextExpected = sequence + 1;

            if (sequence <= recoveringUpTo)
            {
                counters.messagesRecovered.incrementRelease();
            }

            if (length == 0)
            {
                counters.emptyMessages.incrementRelease();
                counters.malformed(
                    MalformedReason.EMPTY_MESSAGE, sequence, "zero-length message in MoldUDP64 packet");
                continue;
            }

            counters.messagesDelivered.incrementRelease();
            delivered++;
            handler.onMessage(sequence, buffer, messageOffset, length);
        }
        return delivered;
    }

    /**
     * Open the first stashed packet if the sequence has reached it.
     *
     * @return whether a packet was opened.
     */
    boolean openStashHead()
    {
        if (null != arbiter)
        {
            arbiter.advanceTo(nextExpected);
        }
        final int packetOffset = stash.takeReachable(nextExpected);
        if (packetOffset < 0)
        {
            return false;
        }
        final DirectBuffer buffer = stash.buffer();
        openCursor(buffer, packetOffset, MoldUdp64Packet.sequence(buffer, packetOffset),
            MoldUdp64Packet.messageCount(buffer, packetOffset));
        return true;
    }

    /**
     * With nothing left to deliver for now: close a gap the sequence has passed, hand a hole in front of the
     * sequence to the gap recovery, or notice that the session is over. Called with no packet open.
     */
    void checkSequence()
    {
        recovery.closeIfRecovered(nextExpected);

        final long holeEnd = holeEnd();
        if (holeEnd < nextExpected)
        {
            if (!endOfSessionReported && nextExpected >= endOfSessionSequence)
            {
                endOfSessionReported = true;
                statusListener.onEndOfSession(endOfSessionSequence);
            }
            return;
        }

        if (null != arbiter && !recovery.isGapOpen() && !missedOnBothLines())
        {
            return;
        }
        nextExpected = recovery.onHole(nextExpected, holeEnd);
    }

    /**
     * @return next sequence number to deliver.
     */
    long nextExpected()
    {
        return nextExpected;
    }

    /**
     * @return highest sequence number known to exist.
     */
    long highestKnown()
    {
        return highestKnown;
    }

    /**
     * @return whether the server ended the session and everything before the end has been delivered.
     */
    boolean isEndOfSessionReported()
    {
        return endOfSessionReported;
    }

    /**
     * Whether the hole in front of the sequence is missed on both lines, so worth requesting: declared by the
     * arbiter after its wait, or a hole the lines never showed (only answers did), which no wait would fill.
     */
    private boolean missedOnBothLines()
    {
        arbiter.advanceTo(nextExpected);
        return !arbiter.isHoleOpen() || arbiter.isGapDeclared() || arbiter.poll();
    }

    private void know(final long sequence)
    {
        if (sequence > highestKnown)
        {
            highestKnown = sequence;
        }
    }

    private void openCursor(final DirectBuffer buffer, final int packetOffset, final long sequence, final int count)
    {
        cursorBuffer = buffer;
        cursorOffset = packetOffset + MoldUdp64Packet.HEADER_LENGTH;
        cursorSequence = sequence;
        cursorRemaining = count;
        while (cursorSequence < nextExpected && cursorRemaining > 0)
        {
            final int length = buffer.getShort(cursorOffset, MoldUdp64Packet.BYTE_ORDER) & 0xFFFF;
            cursorOffset += MoldUdp64Packet.MESSAGE_LENGTH_FIELD_LENGTH + length;
            cursorSequence++;
            cursorRemaining--;
            counters.duplicateMessages.incrementRelease();
        }
    }

    /**
     * Last sequence number of the hole in front of the next expected one, or {@code nextExpected - 1} if none.
     * Called with no cursor open and the stash head not yet reachable.
     */
    private long holeEnd()
    {
        if (!stash.isEmpty())
        {
            return stash.headSequence() - 1;
        }
        return highestKnown;
    }

    private void changeSession(final DirectBuffer buffer)
    {
        if (highestKnown >= nextExpected && nextExpected < endOfSessionSequence)
        {
            // What the old session still owed can no longer be requested: report it as lost.
            counters.unrecoverableGaps.incrementRelease();
            counters.messagesSkipped.getAndAddRelease(highestKnown - nextExpected + 1);
            statusListener.onUnrecoverableGap(nextExpected, highestKnown, true);
        }
        counters.sessionChanges.incrementRelease();
        nextExpected = ctx.initialSequence();
        highestKnown = nextExpected - 1;
        endOfSessionSequence = Long.MAX_VALUE;
        endOfSessionReported = false;
        stash.clear();
        recovery.reset();
        if (null != arbiter)
        {
            arbiter.reset(nextExpected);
        }
        session.adopt(buffer, 0);
    }
}
