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
package io.tickwire.fix.cluster;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableRingBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The {@link ClusterOrderAgent}'s commands offered to the cluster and not yet known to be committed, oldest first,
 * each as {@code [correlation id | ingress frame]}: trimmed when an event answers one of them (and so every older
 * one), offered again in order after a leader change or a reconnect, because a leader that died may have taken a
 * command and never replicated it. Agent thread only; nothing allocated per command.
 */
final class InFlightCommands
{
    /**
     * Offers a frame to the cluster's ingress again.
     */
    @FunctionalInterface
    interface Resender
    {
        /**
         * @param buffer holding the ingress frame.
         * @param offset of the frame.
         * @param length of the frame.
         * @return whether ingress took it; if not, the resend stops here and goes on at the next call.
         */
        boolean offerAgain(DirectBuffer buffer, int offset, int length);
    }

    /**
     * Offset of the command's correlation id in an entry.
     */
    static final int CORRELATION_OFFSET = 0;

    /**
     * Offset of the ingress frame in an entry.
     */
    static final int FRAME_OFFSET = Long.BYTES;

    private final ExpandableRingBuffer entries = new ExpandableRingBuffer(0, 1 << 30, true);
    private final ExpandableRingBuffer.MessageConsumer resendHandler = this::resend;
    private final ExpandableRingBuffer.MessageConsumer findHandler = this::find;
    private final ExpandableRingBuffer.MessageConsumer headHandler = this::head;
    private final ExpandableRingBuffer.MessageConsumer trimHandler = this::trim;
    private final Resender resender;
    private int count;
    private int resendFrom = -1;
    private int resendIndex;
    private long answeredCorrelationId;
    private long headCorrelationId;
    private int answeredIndex;
    private int scanIndex;

    /**
     * @param resender offers the frames again.
     */
    InFlightCommands(final Resender resender)
    {
        this.resender = resender;
    }

    /**
     * A command ingress took.
     *
     * @param buffer holding the entry: correlation id at {@link #CORRELATION_OFFSET}, frame at {@link #FRAME_OFFSET}.
     * @param offset of the entry.
     * @param length of the entry.
     */
    void add(final DirectBuffer buffer, final int offset, final int length)
    {
        entries.append(buffer, offset, length);
        count++;
    }

    /**
     * @return commands in flight.
     */
    int count()
    {
        return count;
    }

    /**
     * A new leader, or a new session: everything in flight is to be offered again, from the oldest.
     */
    void resendAll()
    {
        if (count > 0)
        {
            resendFrom = 0;
        }
    }

    /**
     * @return whether commands wait to be offered again; new commands wait behind them (the log keeps the
     * gateway's order).
     */
    boolean isResending()
    {
        return resendFrom >= 0;
    }

    /**
     * Offer again what is left to offer again, until ingress refuses one.
     *
     * @return work done.
     */
    int resend()
    {
        resendIndex = 0;
        return entries.forEach(resendHandler, Integer.MAX_VALUE);
    }

    /**
     * The command with this correlation id has been applied, and so has every command sent before it: drop them.
     * An id found nowhere (the resting side of a fill answers an older command) is a no-op.
     *
     * @param correlationId of the command an event answers.
     */
    void trimAnswered(final long correlationId)
    {
        if (0 == count)
        {
            return;
        }
        // The session thread numbers its commands in increasing order (session-wide cancels carry 0), and they are
        // in flight in that order: an id below the oldest one in flight answers a command trimmed already (the
        // resting side of a fill), found without a scan. The usual case, the oldest answered, stops at the first.
        headCorrelationId = 0;
        entries.forEach(headHandler, 1);
        if (0 != correlationId && 0 != headCorrelationId && correlationId < headCorrelationId)
        {
            return;
        }
        answeredCorrelationId = correlationId;
        answeredIndex = -1;
        scanIndex = 0;
        entries.forEach(findHandler, Integer.MAX_VALUE);
        if (answeredIndex >= 0)
        {
            scanIndex = 0;
            entries.consume(trimHandler, answeredIndex + 1);
            count -= answeredIndex + 1;
            if (resendFrom > 0)
            {
                resendFrom = Math.max(0, resendFrom - (answeredIndex + 1));
            }
            if (resendFrom >= 0 && 0 == count)
            {
                resendFrom = -1;
            }
        }
    }

    private boolean resend(final MutableDirectBuffer buffer, final int offset, final int length, final int headOffset)
    {
        if (resendIndex++ < resendFrom)
        {
            return true;
        }
        if (!resender.offerAgain(buffer, offset + FRAME_OFFSET, length - FRAME_OFFSET))
        {
            return false;
        }
        resendFrom++;
        if (resendFrom == count)
        {
            resendFrom = -1;
            return false;
        }
        return true;
    }

    private boolean find(final MutableDirectBuffer buffer, final int offset, final int length, final int headOffset)
    {
        if (buffer.getLong(offset + CORRELATION_OFFSET, ByteOrder.LITTLE_ENDIAN) == answeredCorrelationId)
        {
            answeredIndex = scanIndex;
            return false;
        }
        scanIndex++;
        return true;
    }

    private boolean head(final MutableDirectBuffer buffer, final int offset, final int length, final int headOffset)
    {
        headCorrelationId = buffer.getLong(offset + CORRELATION_OFFSET, ByteOrder.LITTLE_ENDIAN);
        return true;
    }

    private boolean trim(final MutableDirectBuffer buffer, final int offset, final int length, final int headOffset)
    {
        return true;
    }
}
