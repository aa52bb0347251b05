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
package io.tickwire.fix.cli;

import io.tickwire.fix.session.LogonRefusal;
import io.tickwire.fix.session.PreLogonCloseReason;
import io.tickwire.fix.session.SecurityEventListener;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Prints the gateway's security events, one line each with the remote address, for the operator's log. A flood
 * (thousands of connections closed by their logon timeout at once) is cut to {@value #MAX_LINES_PER_SECOND} lines a
 * second; the next line printed says how many were left out (the counters in the status line have them all).
 */
final class SecurityEventPrinter implements SecurityEventListener
{
    private static final int MAX_LINES_PER_SECOND = 20;

    private final PrintStream out;
    private long windowStartNanos = System.nanoTime();
    private int printedInWindow;
    private long suppressed;

    SecurityEventPrinter(final PrintStream out)
    {
        this.out = out;
    }

    public void onPreLogonClose(
        final PreLogonCloseReason reason, final String remoteAddress, final long bytesReceived, final long elapsedMs)
    {
        print("security: closed " + remoteAddress + " before logon: " + reason + " (" + reason.description() +
            ") after " + bytesReceived + " bytes, " + elapsedMs + " ms");
    }

    public void onLogonRefused(
        final LogonRefusal refusal,
        final String username,
        final String remoteAddress,
        final String text,
        final long lockoutMs)
    {
        print("security: logon refused " + refusal + " user=" + username + " address=" + remoteAddress +
            (lockoutMs > 0 ? " locked out " + lockoutMs + " ms" : "") + ": " + text);
    }

    /**
     * {@inheritDoc}
     */
    public void onResendRequestRefused(final String sessionId, final String text)
    {
        print("security: ResendRequest refused and session " + sessionId + " logged out: " + text);
    }

    /**
     * {@inheritDoc}
     */
    public void onStoreUnavailable(final String store, final String detail)
    {
        // Not rate limited: one line per outage, and the operator must see it on stderr too.
        System.err.println("******** " + store.toUpperCase(Locale.ROOT) + " UNAVAILABLE: " + detail +
            " - new orders are refused, acknowledgements held until it recovers ********");
        print("store: " + store + " unavailable: " + detail);
    }

    /**
     * {@inheritDoc}
     */
    public void onStoreRecovered(final String store, final long unavailableMillis)
    {
        System.err.println("******** " + store.toUpperCase(Locale.ROOT) + " RECOVERED after " +
            unavailableMillis + " ms - held records written, orders accepted again ********");
        print("store: " + store + " recovered after " + unavailableMillis + " ms");
    }

    private synchronized void print(final String line)
    {
        final long now = System.nanoTime();
        if (now - windowStartNanos >= TimeUnit.SECONDS.toNanos(1))
        {
            windowStartNanos = now;
            printedInWindow = 0;
        }
        if (printedInWindow >= MAX_LINES_PER_SECOND)
        {
            suppressed++;
            return;
        }
        printedInWindow++;
        if (suppressed > 0)
        {
            out.println("security: " + suppressed + " more events not printed (see the status line's counters)");
            suppressed = 0;
        }
        out.println(line);
    }
}
