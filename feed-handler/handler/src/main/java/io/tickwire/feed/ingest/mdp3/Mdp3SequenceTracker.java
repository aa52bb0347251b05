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

import org.agrona.collections.Long2LongHashMap;

/**
 * Checks the two MDP 3.0 sequences: the channel's packet MsgSeqNum and each instrument's RptSeq, which counts every
 * update of the instrument (book, trade and volume entries alike) across messages and packets. Counts gaps and
 * duplicates and keeps the last RptSeq of each instrument, the state a snapshot recovery starts from.
 * <p>
 * This phase only observes: the first value seen of each sequence starts it (a capture or a late join begins
 * mid-stream), a jump forward is a gap, a value not above the last is a duplicate (e.g. the copy from the other line
 * of an A/B pair). A snapshot sets an instrument's RptSeq, a ChannelReset forgets every instrument (CME restarts
 * RptSeq at 1 after it). No allocation once the instruments are known (primitive map).
 */
public final class Mdp3SequenceTracker
{
    /** The first value seen of the sequence. */
    public static final int FIRST = 0;
    /** The next value, as expected. */
    public static final int IN_SEQUENCE = 1;
    /** A jump forward: values between were missed. */
    public static final int GAP = 2;
    /** Not above the last value: a repeat or an older copy. */
    public static final int DUPLICATE = 3;

    private static final long NONE = -1;

    private final Long2LongHashMap lastRptSeq = new Long2LongHashMap(NONE);
    private long lastMsgSeqNum = NONE;
    private long packetGaps;
    private long packetsMissing;
    private long packetDuplicates;
    private long rptSeqGaps;
    private long rptSeqMissing;
    private long rptSeqDuplicates;

    /**
     * A packet arrived.
     *
     * @param msgSeqNum its MsgSeqNum.
     * @return {@link #FIRST}, {@link #IN_SEQUENCE}, {@link #GAP} or {@link #DUPLICATE}.
     */
    public int onPacket(final long msgSeqNum)
    {
        final long last = lastMsgSeqNum;
        if (last == NONE)
        {
            lastMsgSeqNum = msgSeqNum;
            return FIRST;
        }
        if (msgSeqNum <= last)
        {
            packetDuplicates++;
            return DUPLICATE;
        }
        lastMsgSeqNum = msgSeqNum;
        if (msgSeqNum == last + 1)
        {
            return IN_SEQUENCE;
        }
        packetGaps++;
        packetsMissing += msgSeqNum - last - 1;
        return GAP;
    }

    /**
     * An update of an instrument arrived (a book, trade or volume entry).
     *
     * @param securityId of the instrument.
     * @param rptSeq     its RptSeq.
     * @return {@link #FIRST}, {@link #IN_SEQUENCE}, {@link #GAP} or {@link #DUPLICATE}.
     */
    public int onRptSeq(final int securityId, final long rptSeq)
    {
        final long last = lastRptSeq.get(securityId);
        if (last == NONE)
        {
            lastRptSeq.put(securityId, rptSeq);
            return FIRST;
        }
        if (rptSeq <= last)
        {
            rptSeqDuplicates++;
            return DUPLICATE;
        }
        lastRptSeq.put(securityId, rptSeq);
        if (rptSeq == last + 1)
        {
            return IN_SEQUENCE;
        }
        rptSeqGaps++;
        rptSeqMissing += rptSeq - last - 1;
        return GAP;
    }

    /**
     * A snapshot of an instrument was applied: its RptSeq continues from the snapshot's.
     *
     * @param securityId of the instrument.
     * @param rptSeq     RptSeq of the last update the snapshot includes.
     */
    public void onSnapshot(final int securityId, final long rptSeq)
    {
        lastRptSeq.put(securityId, rptSeq);
    }

    /**
     * The lines' MsgSeqNum started again (a new session): the next packet is the first, whatever its number.
     */
    public void onSessionRestart()
    {
        lastMsgSeqNum = NONE;
    }

    /**
     * A ChannelReset: every instrument's RptSeq starts again.
     */
    public void onChannelReset()
    {
        lastRptSeq.clear();
    }

    /**
     * The last RptSeq seen of an instrument.
     *
     * @param securityId of the instrument.
     * @return its RptSeq, or -1 when none was seen.
     */
    public long lastRptSeq(final int securityId)
    {
        return lastRptSeq.get(securityId);
    }

    /**
     * The highest MsgSeqNum seen.
     *
     * @return MsgSeqNum, or -1 before the first packet.
     */
    public long lastMsgSeqNum()
    {
        return lastMsgSeqNum;
    }

    /** @return instruments with a known RptSeq. */
    public int instrumentCount()
    {
        return lastRptSeq.size();
    }

    /** @return jumps forward in MsgSeqNum. */
    public long packetGaps()
    {
        return packetGaps;
    }

    /** @return packets missing in those jumps. */
    public long packetsMissing()
    {
        return packetsMissing;
    }

    /** @return packets whose MsgSeqNum was not above the last. */
    public long packetDuplicates()
    {
        return packetDuplicates;
    }

    /** @return jumps forward in an instrument's RptSeq. */
    public long rptSeqGaps()
    {
        return rptSeqGaps;
    }

    /** @return updates missing in those jumps. */
    public long rptSeqMissing()
    {
        return rptSeqMissing;
    }

    /** @return updates whose RptSeq was not above the instrument's last. */
    public long rptSeqDuplicates()
    {
        return rptSeqDuplicates;
    }
}
