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

import java.util.Arrays;

/**
 * The instruments of a live MDP 3.0 channel that may have lost entries in a MsgSeqNum gap both lines missed. A lost
 * packet may carry any instrument, so a gap makes every instrument suspect (CME: a packet gap means recover from the
 * snapshot loop); RptSeq then tells per instrument, once its next entry arrives, or a snapshot whose
 * LastMsgSeqNumProcessed is at or past the gap settles it. Indexed like {@link Mdp3Recovery}'s instruments.
 * <p>
 * A gap marks every instrument in one pass over the known instruments (gaps on both lines are rare); nothing is
 * allocated but when the instrument count doubles. Single-threaded (the ingest agent's).
 */
final class Mdp3Suspects
{
    private boolean[] suspect = new boolean[64];
    private int count;
    private long gapEnd = -1;

    /**
     * Room for instrument indexes below a length.
     */
    void ensure(final int length)
    {
        if (length > suspect.length)
        {
            suspect = Arrays.copyOf(suspect, Math.max(length, 2 * suspect.length));
        }
    }

    /**
     * A gap on both lines: every instrument not recovering becomes suspect.
     *
     * @param toMsgSeqNum last MsgSeqNum lost.
     * @param instruments instruments known.
     * @param recovering  which of them recover already (their snapshot settles them anyway).
     */
    void onGap(final long toMsgSeqNum, final int instruments, final boolean[] recovering)
    {
        gapEnd = Math.max(gapEnd, toMsgSeqNum);
        for (int i = 0; i < instruments; i++)
        {
            if (!suspect[i] && !recovering[i])
            {
                suspect[i] = true;
                count++;
            }
        }
    }

    boolean isSuspect(final int i)
    {
        return suspect[i];
    }

    void clear(final int i)
    {
        if (suspect[i])
        {
            suspect[i] = false;
            count--;
        }
    }

    void clearAll()
    {
        Arrays.fill(suspect, false);
        count = 0;
    }

    /**
     * @return instruments suspect now.
     */
    int count()
    {
        return count;
    }

    /**
     * @return the last MsgSeqNum of the latest gap: a snapshot settles a suspect only when it is as of it or later.
     */
    long gapEnd()
    {
        return gapEnd;
    }
}
