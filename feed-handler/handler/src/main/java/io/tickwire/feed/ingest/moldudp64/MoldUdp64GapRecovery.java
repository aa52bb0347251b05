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
import org.agrona.DirectBuffer;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * The gap a {@link MoldUdp64Client} is filling and the retransmission requests that fill it: the missing range,
 * when it was found, the request outstanding for it, request pacing by timeout, attempts without progress, and
 * giving the gap up as unrecoverable (then skipping it or requesting it for ever, as configured). Requests go to
 * the configured request server from the request socket; without one, a gap is given up once it has been open
 * for the request timeout, which allows for reordering.
 */
final class MoldUdp64GapRecovery
{
    private final MoldUdp64ClientContext ctx;
    private final DatagramChannel requestChannel;
    private final ByteBuffer requestByteBuffer = ByteBuffer.allocateDirect(MoldUdp64Packet.REQUEST_LENGTH);
    private final UnsafeBuffer requestBuffer = new UnsafeBuffer(requestByteBuffer);
    private final DirectBuffer session;
    private final NanoClock clock;
    private final MoldUdp64StatusListener statusListener;
    private final MoldUdp64ClientCounters counters;

    private boolean gapOpen;
    private long gapFrom;
    private long gapTo;
    private long gapDetectedNs;
    private boolean unrecoverableReported;
    private boolean requestOutstanding;
    private long requestFrom;
    private int requestCount;
    private long requestSentNs;
    private int requestAttempts;

    /**
     * @param ctx            concluded configuration.
     * @param requestChannel to send requests on, or null when there is no request server.
     * @param session        bytes of the followed session, written into every request.
     * @param counters       to count gaps, requests and losses.
     */
    MoldUdp64GapRecovery(
        final MoldUdp64ClientContext ctx,
        final DatagramChannel requestChannel,
        final DirectBuffer session,
        final MoldUdp64ClientCounters counters)
    {
        this.ctx = ctx;
        this.requestChannel = requestChannel;
        this.session = session;
        this.counters = counters;
        clock = ctx.clock();
        statusListener = ctx.statusListener();
    }

    /**
     * @return whether a gap is open, so answers to requests are worth reading.
     */
    boolean isGapOpen()
    {
        return gapOpen;
    }

    /**
     * @return last sequence number of the open gap, or {@link Long#MIN_VALUE} when none is open; messages up to
     * it are recovered ones.
     */
    long recoveringUpTo()
    {
        return gapOpen ? gapTo : Long.MIN_VALUE;
    }

    /**
     * Close the open gap without counting it as recovered; what it still lacked is reported by the caller.
     */
    void reset()
    {
        gapOpen = false;
        requestOutstanding = false;
    }

    /**
     * Close the open gap as recovered once the sequence has passed its end.
     *
     * @param nextExpected next sequence number to deliver.
     */
    void closeIfRecovered(final long nextExpected)
    {
        if (gapOpen && nextExpected > gapTo)
        {
            gapOpen = false;
            requestOutstanding = false;
            counters.gapsRecovered.incrementRelease();
            statusListener.onRecovered(gapFrom, gapTo);
        }
    }

    /**
     * Messages from {@code nextExpected} to {@code holeEnd} are missing: open or widen the gap, then send a
     * request, repeat one that timed out, or give the gap up.
     *
     * @param nextExpected next sequence number to deliver.
     * @param holeEnd      last missing sequence number in front of what is stashed or known to exist.
     * @return the next sequence number to deliver: {@code nextExpected}, or {@code holeEnd + 1} when the gap was
     * given up and skipped.
     */
    long onHole(final long nextExpected, final long holeEnd)
    {
        final long nowNs = clock.nanoTime();
        if (!gapOpen)
        {
            gapOpen = true;
            gapFrom = nextExpected;
            gapTo = holeEnd;
            gapDetectedNs = nowNs;
            unrecoverableReported = false;
            requestOutstanding = false;
            requestAttempts = 0;
            counters.gapsDetected.incrementRelease();
            statusListener.onGap(nextExpected, holeEnd + 1);
        }
        else if (holeEnd > gapTo)
        {
            gapTo = holeEnd;
        }

        long next = nextExpected;
        if (null == requestChannel)
        {
            // Reported once: a kept gap is polled again on every duty cycle until the sequence passes it.
            if (nowNs - gapDetectedNs >= ctx.requestTimeoutNs() && !unrecoverableReported)
            {
                next = unrecoverable(nextExpected, holeEnd);
            }
        }
        else if (!requestOutstanding || nextExpected >= requestFrom + requestCount)
        {
            requestAttempts = 0;
            request(nextExpected, holeEnd, nowNs);
        }
        else if (nowNs - requestSentNs >= ctx.requestTimeoutNs())
        {
            if (nextExpected > requestFrom)
            {
                requestAttempts = 0;
            }
            if (requestAttempts >= ctx.maxRequestAttempts() && !unrecoverableReported)
            {
                next = unrecoverable(nextExpected, holeEnd);
            }
            if (gapOpen)
            {
                counters.requestRetries.incrementRelease();
                request(nextExpected, holeEnd, nowNs);
            }
        }
        return next;
    }

    private void request(final long nextExpected, final long holeEnd, final long nowNs)
    {
        final int count = (int)Math.min(holeEnd - nextExpected + 1, ctx.maxRequestMessages());
        MoldUdp64Packet.putHeader(requestBuffer, 0, session, nextExpected, count);
        requestByteBuffer.clear();
        requestOutstanding = true;
        requestFrom = nextExpected;
        requestCount = count;
        requestSentNs = nowNs;
        requestAttempts++;
        try
        {
            if (requestChannel.send(requestByteBuffer, ctx.requestServer()) == 0)
            {
                // Counted as an attempt all the same: the timeout brings the retry.
                counters.requestSendsFailed.incrementRelease();
                return;
            }
        }
        catch (final IOException ex)
        {
            counters.requestSendsFailed.incrementRelease();
            counters.malformed(MalformedReason.BAD_MOLDUDP64_PACKET, nextExpected,
                "request to " + ctx.requestServer() + " failed: " + ex);
            return;
        }
        counters.requestsSent.incrementRelease();
        statusListener.onRequestSent(requestFrom, count, requestAttempts);
    }

    private long unrecoverable(final long nextExpected, final long holeEnd)
    {
        final boolean skip = ctx.skipUnrecoverableGaps();
        counters.unrecoverableGaps.incrementRelease();
        statusListener.onUnrecoverableGap(nextExpected, holeEnd, skip);
        if (skip)
        {
            counters.messagesSkipped.getAndAddRelease(holeEnd - nextExpected + 1);
            gapOpen = false;
            requestOutstanding = false;
            return holeEnd + 1;
        }
        unrecoverableReported = true;
        return nextExpected;
    }
}
