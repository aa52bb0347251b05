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
package io.tickwire.feed.ingest.arbitration;

import org.agrona.concurrent.NanoClock;

import java.util.Objects;

/**
 * A/B line arbitration, venue-neutral: the same packets are published on two lines (A and B) and the first copy of
 * each sequence number to arrive wins; the copy from the other line is dropped. A gap is declared only when both
 * lines missed a range: nothing delivered it within a configurable wait after the sequence got stuck in front of it.
 * <p>
 * The sources feed {@link #onPacket(int, long, int)} with the line, the sequence number of the packet's first
 * message and its message count (MoldUDP64 numbers messages; an MDP 3.0 packet is one sequence number, count 1).
 * The answer is one of:
 * <ul>
 *     <li>{@link #PROCESS}: the packet holds the next expected sequence number. Process its messages from
 *     {@link #processFrom()} on (earlier ones in it were already processed from the other line); the arbiter
 *     already expects the sequence number after its last message.</li>
 *     <li>{@link #DUPLICATE}: every message in it was already processed; drop it.</li>
 *     <li>{@link #AHEAD}: it starts after the next expected sequence number, so something in front of it is
 *     missing, possibly only for now (the other line may still bring it). The caller holds it, in its own
 *     bounded store (the MoldUDP64 client has its stash), and offers it again with
 *     {@link #onHeldPacket(int, long, int)} once the sequence may have reached it.</li>
 * </ul>
 * The caller keeps packets it holds because the arbiter stays allocation-free and venue-neutral: it never sees the
 * bytes. Protocol for the held packets: after every {@link #PROCESS} and after every {@link #poll()} that declared a
 * gap, offer the held packet with the lowest sequence number, then the next, until one is {@link #AHEAD} again or
 * none is left. Offering that lowest one is also how the arbiter learns where the hole ends; a held packet the
 * caller drops (its store is full) is lost to arbitration and ends up inside a declared gap unless a line
 * delivers it again.
 * <p>
 * Gaps: while something beyond the next expected sequence number has been seen, {@link #poll()} (on the duty
 * cycle) checks how long the sequence has been stuck. The wait starts when the hole opens and again whenever the
 * sequence moves on with a hole still in front of it, so a late line that is catching up is given the whole wait
 * for each hole. After {@code gapWaitNs} without progress, the range from the next expected sequence number to the
 * one before the lowest held packet (or to the highest seen, when none is held) is declared missed on both lines:
 * counted and reported to the {@link LineArbiterListener}. Then, as constructed, the arbiter either passes over it
 * (a source with no recovery of its own), or holds its position (a source that recovers the range itself, such as
 * the MoldUDP64 client from its request server): it declares the gap once, keeps answering {@link #AHEAD} for what
 * lies beyond, and moves on when a line fills the range after all or the caller reports the recovered sequence
 * with {@link #advanceTo(long)}. The wait also absorbs reordering within a line, so it should exceed the worst
 * reordering or skew between the lines. Heartbeats that carry the next sequence number (MoldUDP64) go to
 * {@link #onHeartbeat(int, long)}: they reveal a hole at the tail that no packet shows yet.
 * <p>
 * Counters per line, each packet of a line counted once in won or duplicates once it is decided:
 * <ul>
 *     <li>won: packets of this line that were processed (first arrival of at least one message), on arrival or
 *     when offered again from hold;</li>
 *     <li>duplicates: packets of this line dropped because all their messages had been processed already, nearly
 *     always from the other line's copy;</li>
 *     <li>ahead: packets of this line that arrived ahead of the sequence and were handed back to be held (they are
 *     counted again as won or duplicate when offered again);</li>
 *     <li>missed: sequence numbers this line jumped over in its own numbering, whether or not the other line
 *     delivered them (a packet arriving after a later one on the same line counts as missed: the line is
 *     watched for loss, not for order).</li>
 * </ul>
 * and for both lines: gaps on both and the messages in them.
 * <p>
 * Single-threaded; no allocation after construction. The clock is only read when a hole opens or moves and by
 * {@link #poll()} while a hole is open, so in-order packets and duplicates cost a few compares and counter bumps.
 * Counters are plain fields, for status lines on the same thread or an approximate view from another.
 */
public final class LineArbiter
{
    /** Line A. */
    public static final int LINE_A = 0;
    /** Line B. */
    public static final int LINE_B = 1;
    /** Number of lines. */
    public static final int LINE_COUNT = 2;

    /** Result: process the packet's messages from {@link #processFrom()} on. */
    public static final int PROCESS = 0;
    /** Result: every message in the packet was already processed; drop it. */
    public static final int DUPLICATE = 1;
    /** Result: the packet starts after the next expected sequence number; hold it and offer it again. */
    public static final int AHEAD = 2;

    private static final long NONE = Long.MAX_VALUE;

    private final NanoClock clock;
    private final long gapWaitNs;
    private final LineArbiterListener listener;
    private final boolean skipDeclaredGaps;

    private final long[] lineNext = new long[LINE_COUNT];
    private final long[] won = new long[LINE_COUNT];
    private final long[] duplicates = new long[LINE_COUNT];
    private final long[] ahead = new long[LINE_COUNT];
    private final long[] missed = new long[LINE_COUNT];
    private long gapsOnBoth;
    private long messagesMissedOnBoth;

    private long nextExpected;
    private long processFrom;
    // One past the highest sequence number seen on either line: a hole is open while it is beyond nextExpected.
    private long seenEnd;
    private long lowestAhead = NONE;
    private long stuckSinceNs;
    private boolean gapDeclared;

    /**
     * @param initialSequence first sequence number to process.
     * @param gapWaitNs       how long the sequence may be stuck in front of a hole before the hole is declared
     *                        missed on both lines; 0 declares it on the first {@link #poll()}.
     * @param clock           for the wait; tests pass one they move.
     * @param listener        told about gaps on both lines.
     */
    public LineArbiter(
        final long initialSequence,
        final long gapWaitNs,
        final NanoClock clock,
        final LineArbiterListener listener)
    {
        this(initialSequence, gapWaitNs, clock, listener, true);
    }

    /**
     * @param initialSequence  first sequence number to process.
     * @param gapWaitNs        how long the sequence may be stuck in front of a hole before the hole is declared
     *                         missed on both lines; 0 declares it on the first {@link #poll()}.
     * @param clock            for the wait; tests pass one they move.
     * @param listener         told about gaps on both lines.
     * @param skipDeclaredGaps pass over a declared gap (true), or hold the position until the range is filled or
     *                         {@link #advanceTo(long)} moves past it (false: the caller recovers gaps).
     */
    public LineArbiter(
        final long initialSequence,
        final long gapWaitNs,
        final NanoClock clock,
        final LineArbiterListener listener,
        final boolean skipDeclaredGaps)
    {
        this.skipDeclaredGaps = skipDeclaredGaps;
        if (gapWaitNs < 0)
        {
            throw new IllegalArgumentException("gapWaitNs must be >= 0: " + gapWaitNs);
        }
        this.gapWaitNs = gapWaitNs;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        reset(initialSequence);
    }

    /**
     * Start again from a sequence number, for instance when a new session begins: forgets what was seen and held
     * (the caller discards its held packets), keeps the counters.
     *
     * @param initialSequence first sequence number to process.
     */
    public void reset(final long initialSequence)
    {
        nextExpected = initialSequence;
        processFrom = initialSequence;
        seenEnd = initialSequence;
        lowestAhead = NONE;
        gapDeclared = false;
        for (int line = 0; line < LINE_COUNT; line++)
        {
            lineNext[line] = initialSequence;
        }
    }

    /**
     * A packet arrived on a line.
     *
     * @param line         {@link #LINE_A} or {@link #LINE_B}.
     * @param sequence     sequence number of its first message.
     * @param messageCount messages in it, at least 1.
     * @return {@link #PROCESS}, {@link #DUPLICATE} or {@link #AHEAD}.
     */
    public int onPacket(final int line, final long sequence, final int messageCount)
    {
        final long end = sequence + messageCount;
        final long lineEnd = lineNext[line];
        if (sequence > lineEnd)
        {
            missed[line] += sequence - lineEnd;
        }
        if (end > lineEnd)
        {
            lineNext[line] = end;
        }

        final int result = classify(sequence, end);
        if (result == PROCESS)
        {
            won[line]++;
        }
        else if (result == DUPLICATE)
        {
            duplicates[line]++;
        }
        else
        {
            ahead[line]++;
        }
        return result;
    }

    /**
     * A packet that was {@link #AHEAD} on arrival is offered again from the caller's hold. It is not counted as
     * arriving again on its line; it is counted as won or duplicate once decided.
     *
     * @param line         line it arrived on.
     * @param sequence     sequence number of its first message.
     * @param messageCount messages in it, at least 1.
     * @return {@link #PROCESS}, {@link #DUPLICATE} or {@link #AHEAD} (keep holding it).
     */
    public int onHeldPacket(final int line, final long sequence, final int messageCount)
    {
        final int result = classify(sequence, sequence + messageCount);
        if (result == PROCESS)
        {
            won[line]++;
        }
        else if (result == DUPLICATE)
        {
            duplicates[line]++;
        }
        return result;
    }

    /**
     * A heartbeat arrived on a line, carrying the sequence number of the next message the line will send: the line
     * has sent everything before it, so a hole may be open even though no packet shows it.
     *
     * @param line         {@link #LINE_A} or {@link #LINE_B}.
     * @param nextSequence sequence number of the next message on that line.
     */
    public void onHeartbeat(final int line, final long nextSequence)
    {
        final long lineEnd = lineNext[line];
        if (nextSequence > lineEnd)
        {
            missed[line] += nextSequence - lineEnd;
            lineNext[line] = nextSequence;
        }
        if (nextSequence > seenEnd)
        {
            if (seenEnd <= nextExpected)
            {
                stuckSinceNs = clock.nanoTime();
            }
            seenEnd = nextSequence;
        }
    }

    /**
     * The sequence moved on other than through the lines (a retransmission or snapshot, a gap the caller gave up
     * on): continue from there. No effect unless it is beyond the next expected sequence number.
     *
     * @param sequence next sequence number to process.
     */
    public void advanceTo(final long sequence)
    {
        if (sequence > nextExpected)
        {
            moveTo(sequence);
        }
    }

    /**
     * Duty cycle: declare the hole in front of the sequence missed on both lines once the sequence has been stuck
     * for the wait. The caller then offers its held packets again.
     *
     * @return whether a gap was declared.
     */
    public boolean poll()
    {
        if (seenEnd <= nextExpected || gapDeclared)
        {
            return false;
        }
        final long nowNs = clock.nanoTime();
        if (nowNs - stuckSinceNs < gapWaitNs)
        {
            return false;
        }

        final long from = nextExpected;
        final long to = Math.min(lowestAhead, seenEnd);
        gapsOnBoth++;
        messagesMissedOnBoth += to - from;
        if (skipDeclaredGaps)
        {
            nextExpected = to;
            lowestAhead = NONE;
            stuckSinceNs = nowNs;
        }
        else
        {
            gapDeclared = true;
        }
        listener.onGapOnBoth(from, to - 1);
        return true;
    }

    /**
     * @return whether the hole in front of the sequence has been declared and the arbiter holds its position
     * (only when not skipping declared gaps).
     */
    public boolean isGapDeclared()
    {
        return gapDeclared;
    }

    /**
     * @return next sequence number to process.
     */
    public long nextExpected()
    {
        return nextExpected;
    }

    /**
     * @return after {@link #PROCESS}: the first sequence number in the packet not processed before; messages in
     * front of it are duplicates to skip.
     */
    public long processFrom()
    {
        return processFrom;
    }

    /**
     * @return whether something beyond the next expected sequence number has been seen, so a hole is open.
     */
    public boolean isHoleOpen()
    {
        return seenEnd > nextExpected;
    }

    /**
     * @return one past the highest sequence number seen on either line.
     */
    public long seenEnd()
    {
        return seenEnd;
    }

    /**
     * @param line {@link #LINE_A} or {@link #LINE_B}.
     * @return packets of the line that were processed.
     */
    public long packetsWon(final int line)
    {
        return won[line];
    }

    /**
     * @param line {@link #LINE_A} or {@link #LINE_B}.
     * @return packets of the line dropped because all their messages had been processed.
     */
    public long duplicatePackets(final int line)
    {
        return duplicates[line];
    }

    /**
     * @param line {@link #LINE_A} or {@link #LINE_B}.
     * @return packets of the line that arrived ahead of the sequence and were handed back to be held.
     */
    public long packetsAhead(final int line)
    {
        return ahead[line];
    }

    /**
     * @param line {@link #LINE_A} or {@link #LINE_B}.
     * @return sequence numbers the line jumped over in its own numbering.
     */
    public long missedMessages(final int line)
    {
        return missed[line];
    }

    /**
     * @return gaps declared missed on both lines.
     */
    public long gapsOnBoth()
    {
        return gapsOnBoth;
    }

    /**
     * @return sequence numbers in the gaps missed on both lines.
     */
    public long messagesMissedOnBoth()
    {
        return messagesMissedOnBoth;
    }

    private int classify(final long sequence, final long end)
    {
        final long expected = nextExpected;
        if (end <= expected)
        {
            return DUPLICATE;
        }
        if (sequence > expected)
        {
            if (seenEnd <= expected)
            {
                stuckSinceNs = clock.nanoTime();
            }
            if (sequence < lowestAhead)
            {
                lowestAhead = sequence;
            }
            if (end > seenEnd)
            {
                seenEnd = end;
            }
            return AHEAD;
        }

        processFrom = expected;
        moveTo(end);
        return PROCESS;
    }

    private void moveTo(final long sequence)
    {
        nextExpected = sequence;
        gapDeclared = false;
        if (sequence >= seenEnd)
        {
            seenEnd = sequence;
            lowestAhead = NONE;
        }
        else
        {
            // Still a hole in front (or a held packet now reachable): the other line gets the whole wait again.
            if (lowestAhead <= sequence)
            {
                lowestAhead = NONE;
            }
            stuckSinceNs = clock.nanoTime();
        }
    }
}
