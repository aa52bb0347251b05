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
package io.tickwire.perf.harness;

/**
 * The schedule of an open-loop sender: message {@code i} is intended to leave at {@code start + i * interval}.
 * <p>
 * The sender waits (yielding) until a message is due and stamps the INTENDED time into it, never the time it
 * actually got round to sending. If the system under test stalls the sender, the messages queued behind the
 * stall carry their intended times and show the stall in their latencies: coordinated omission is not hidden.
 * A sender that falls behind sends the messages it owes back to back, each still stamped with its intended
 * time; whatever it could not send by the end of its grace period is reported as a backlog, never dropped silently.
 */
public final class OpenLoopPacer
{
    private final long startNanos;
    private final double intervalNanos;
    private long index;

    /**
     * A schedule.
     *
     * @param startNanos         intended time of message 0.
     * @param messagesPerSecond  rate.
     */
    public OpenLoopPacer(final long startNanos, final double messagesPerSecond)
    {
        if (messagesPerSecond <= 0)
        {
            throw new IllegalArgumentException("rate must be > 0: " + messagesPerSecond);
        }
        this.startNanos = startNanos;
        this.intervalNanos = 1e9 / messagesPerSecond;
    }

    /**
     * Index of the next message to send.
     *
     * @return the index.
     */
    public long index()
    {
        return index;
    }

    /**
     * Intended send time of the next message.
     *
     * @return nanoseconds, same clock as the start.
     */
    public long intendedNanos()
    {
        return intendedNanos(index);
    }

    /**
     * Intended send time of message {@code i}.
     *
     * @param i the message index.
     * @return nanoseconds, same clock as the start.
     */
    public long intendedNanos(final long i)
    {
        return startNanos + (long)(i * intervalNanos);
    }

    /**
     * Whether the next message is due.
     *
     * @param nowNanos the current time.
     * @return true when its intended time has come.
     */
    public boolean isDue(final long nowNanos)
    {
        return nowNanos >= intendedNanos(index);
    }

    /**
     * The next message has been sent.
     */
    public void advance()
    {
        index++;
    }

    /**
     * Messages whose intended time is before {@code nowNanos} but that were not sent.
     *
     * @param nowNanos the current time.
     * @return the number behind schedule.
     */
    public long backlog(final long nowNanos)
    {
        final long due = (long)Math.floor((nowNanos - startNanos) / intervalNanos) + 1;
        return Math.max(0, due - index);
    }

    /**
     * Number of messages intended to be sent within a duration.
     *
     * @param durationNanos the duration.
     * @return the count.
     */
    public long countWithin(final long durationNanos)
    {
        return (long)Math.ceil(durationNanos / intervalNanos);
    }
}
