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

/**
 * Drives a {@link LineArbiter} the way a source does, for the tests: holds packets that are ahead in a fixed store
 * (offered again lowest sequence first, earliest arrival first among equals), checks that messages are processed
 * in order and at most once, and records gaps in fixed arrays so the whole loop is allocation-free.
 */
final class ArbiterHarness implements LineArbiterListener
{
    /** A clock the test moves, counting how often the arbiter reads it. */
    static final class TestClock implements NanoClock
    {
        long nowNs;
        long reads;

        public long nanoTime()
        {
            reads++;
            return nowNs;
        }
    }

    final TestClock clock = new TestClock();
    final LineArbiter arbiter;

    private final int holdCapacity;
    private final long[] heldSequence;
    private final int[] heldCount;
    private final int[] heldLine;
    private final long[] heldArrival;
    private int heldSize;
    private long arrivals;
    int maxHeld;

    private final long[] gapFrom;
    private final long[] gapTo;
    int gaps;

    long nextToProcess;
    long messagesProcessed;
    long orderViolations;

    ArbiterHarness(final long initialSequence, final long gapWaitNs, final int holdCapacity, final int gapCapacity)
    {
        arbiter = new LineArbiter(initialSequence, gapWaitNs, clock, this);
        this.holdCapacity = holdCapacity;
        heldSequence = new long[holdCapacity];
        heldCount = new int[holdCapacity];
        heldLine = new int[holdCapacity];
        heldArrival = new long[holdCapacity];
        gapFrom = new long[gapCapacity];
        gapTo = new long[gapCapacity];
        nextToProcess = initialSequence;
    }

    /**
     * A packet arrives on a line.
     *
     * @return the arbiter's answer.
     */
    int deliver(final int line, final long sequence, final int count)
    {
        final int result = arbiter.onPacket(line, sequence, count);
        if (result == LineArbiter.PROCESS)
        {
            process(arbiter.processFrom(), sequence + count);
            drain();
        }
        else if (result == LineArbiter.AHEAD)
        {
            hold(line, sequence, count);
        }
        return result;
    }

    /**
     * Duty cycle.
     *
     * @return whether a gap was declared.
     */
    boolean poll()
    {
        if (arbiter.poll())
        {
            drain();
            return true;
        }
        return false;
    }

    public void onGapOnBoth(final long fromSequence, final long toSequence)
    {
        if (fromSequence != nextToProcess || toSequence < fromSequence)
        {
            orderViolations++;
        }
        gapFrom[gaps] = fromSequence;
        gapTo[gaps] = toSequence;
        gaps++;
        nextToProcess = toSequence + 1;
    }

    long gapFrom(final int index)
    {
        return gapFrom[index];
    }

    long gapTo(final int index)
    {
        return gapTo[index];
    }

    int heldSize()
    {
        return heldSize;
    }

    private void process(final long from, final long end)
    {
        if (from != nextToProcess || end <= from)
        {
            orderViolations++;
        }
        messagesProcessed += end - from;
        nextToProcess = end;
    }

    private void hold(final int line, final long sequence, final int count)
    {
        if (heldSize == holdCapacity)
        {
            throw new IllegalStateException("hold full");
        }
        heldSequence[heldSize] = sequence;
        heldCount[heldSize] = count;
        heldLine[heldSize] = line;
        heldArrival[heldSize] = arrivals++;
        heldSize++;
        maxHeld = Math.max(maxHeld, heldSize);
    }

    private void drain()
    {
        while (heldSize > 0)
        {
            int lowest = 0;
            for (int i = 1; i < heldSize; i++)
            {
                if (heldSequence[i] < heldSequence[lowest] ||
                    (heldSequence[i] == heldSequence[lowest] && heldArrival[i] < heldArrival[lowest]))
                {
                    lowest = i;
                }
            }

            final long sequence = heldSequence[lowest];
            final int count = heldCount[lowest];
            final int result = arbiter.onHeldPacket(heldLine[lowest], sequence, count);
            if (result == LineArbiter.AHEAD)
            {
                return;
            }
            heldSize--;
            heldSequence[lowest] = heldSequence[heldSize];
            heldCount[lowest] = heldCount[heldSize];
            heldLine[lowest] = heldLine[heldSize];
            heldArrival[lowest] = heldArrival[heldSize];
            if (result == LineArbiter.PROCESS)
            {
                process(arbiter.processFrom(), sequence + count);
            }
        }
    }
}
