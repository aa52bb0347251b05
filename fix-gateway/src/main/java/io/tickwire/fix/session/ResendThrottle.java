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
package io.tickwire.fix.session;

import quickfix.SessionID;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A limit on ResendRequests per session: at most {@code maxRequests} in any {@code windowMs}.
 * <p>
 * Each ResendRequest makes the gateway read and send again up to every message of the session (a {@code 7=1,
 * 16=0} asks for all of them), so a client that repeats one is an amplifier aimed at the gateway's session thread,
 * which every session shares. A client that recovers a gap sends one, or a few; a client that sends more than the
 * limit is logged out with a Text saying why. Used on the session thread only.
 */
public final class ResendThrottle
{
    private final int maxRequests;
    private final long windowMs;
    private final LongSupplier clockMs;
    private final Map<SessionID, Window> windows = new HashMap<>();

    /**
     * @param maxRequests most ResendRequests a session may send within the window (at least 1).
     * @param windowMs    the window, in milliseconds (at least 1).
     * @param clockMs     monotonic milliseconds.
     */
    public ResendThrottle(final int maxRequests, final long windowMs, final LongSupplier clockMs)
    {
        if (maxRequests < 1 || windowMs < 1)
        {
            throw new IllegalArgumentException(
                "resend limit must be at least 1 request in at least 1 ms: " + maxRequests + " in " + windowMs);
        }
        this.maxRequests = maxRequests;
        this.windowMs = windowMs;
        this.clockMs = clockMs;
    }

    /**
     * Count one ResendRequest of the session.
     *
     * @param sessionId the session it came on.
     * @return true if it is within the limit and may be served.
     */
    public boolean allow(final SessionID sessionId)
    {
        final long nowMs = clockMs.getAsLong();
        Window window = windows.get(sessionId);
        if (null == window)
        {
            window = new Window(maxRequests);
            windows.put(sessionId, window);
        }
        return window.allow(nowMs, windowMs);
    }

    /**
     * Forget a session's requests (at logon: a new connection starts afresh).
     *
     * @param sessionId the session.
     */
    public void reset(final SessionID sessionId)
    {
        windows.remove(sessionId);
    }

    /**
     * @return most requests per window.
     */
    public int maxRequests()
    {
        return maxRequests;
    }

    /**
     * @return the window in milliseconds.
     */
    public long windowMs()
    {
        return windowMs;
    }

    /**
     * One session's last {@code maxRequests} request times, oldest next to be overwritten.
     */
    private static final class Window
    {
        private final long[] times;
        private int next;

        Window(final int maxRequests)
        {
            times = new long[maxRequests];
        }

        boolean allow(final long nowMs, final long windowMs)
        {
            // The slot holds the time of the request maxRequests ago (0 before there were that many).
            if (0 != times[next] && nowMs - times[next] < windowMs)
            {
                return false;
            }
            times[next] = Math.max(1, nowMs);
            next = (next + 1) % times.length;
            return true;
        }
    }
}
