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

import io.tickwire.sbe.internal.RejectReason;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counters for the status line and tests: requests in, execution reports out, rejects by reason, failed logons,
 * lockouts, logon verification time, connections closed before logon by reason. The order path's counters have one
 * writing thread each; the security counters may be written from several (I/O, session and timer threads) and are
 * atomic increments. Readers on other threads may see values a moment old.
 */
public final class GatewayCounters
{
    private static final int REASONS = 256;

    private final AtomicLong requestsReceived = new AtomicLong();
    private final AtomicLong ordersReceived = new AtomicLong();
    private final AtomicLong reportsSent = new AtomicLong();
    private final AtomicLong logonFailures = new AtomicLong();
    private final AtomicLong resendRequestsRefused = new AtomicLong();
    private final AtomicLong garbledDiscarded = new AtomicLong();
    private final AtomicLong agentErrors = new AtomicLong();
    private final AtomicLongArray rejectsByReason = new AtomicLongArray(REASONS);
    private final AtomicLong logonLockouts = new AtomicLong();
    private final AtomicLong logonsRefusedLockedOut = new AtomicLong();
    private final AtomicLong logonVerifications = new AtomicLong();
    private final AtomicLong logonVerifyTotalNanos = new AtomicLong();
    private final AtomicLong logonVerifyMaxNanos = new AtomicLong();
    private final AtomicLong logonsRefusedBusy = new AtomicLong();
    private final AtomicLong logonsUnverified = new AtomicLong();
    private final AtomicLongArray preLogonCloses = new AtomicLongArray(PreLogonCloseReason.values().length);

    /**
     * Session thread: one order entry request (new, cancel, replace, status) received.
     *
     * @param newOrder whether it is a NewOrderSingle.
     */
    public void onRequest(final boolean newOrder)
    {
        requestsReceived.lazySet(requestsReceived.get() + 1);
        if (newOrder)
        {
            ordersReceived.lazySet(ordersReceived.get() + 1);
        }
    }

    /**
     * Sender thread: one report released.
     */
    public void onReportSent()
    {
        reportsSent.lazySet(reportsSent.get() + 1);
    }

    /**
     * Sender thread: one order or cancel/replace rejected.
     *
     * @param reason why.
     */
    public void onReject(final RejectReason reason)
    {
        final int index = reason.value() & (REASONS - 1);
        rejectsByReason.lazySet(index, rejectsByReason.get(index) + 1);
    }

    /**
     * Session thread: a logon failed authentication.
     */
    public void onLogonFailure()
    {
        logonFailures.incrementAndGet();
    }

    /**
     * Session thread: a failed logon started (or lengthened) a lockout of its user or remote address.
     */
    public void onLogonLockout()
    {
        logonLockouts.incrementAndGet();
    }

    /**
     * Session thread: a logon was refused without checking its password because of a lockout.
     */
    public void onLogonRefusedLockedOut()
    {
        logonsRefusedLockedOut.incrementAndGet();
    }

    /**
     * Session thread: a logon was refused without checking its password because the verifier's queue was full.
     */
    public void onLogonRefusedBusy()
    {
        logonsRefusedBusy.incrementAndGet();
    }

    /**
     * Session thread: a logon was refused because no verification was found for it.
     */
    public void onLogonUnverified()
    {
        logonsUnverified.incrementAndGet();
    }

    /**
     * Verifier thread: one password verification (PBKDF2) took this long (off the session thread).
     *
     * @param nanos duration of the verification.
     */
    public void onLogonVerify(final long nanos)
    {
        logonVerifications.incrementAndGet();
        logonVerifyTotalNanos.addAndGet(nanos);
        logonVerifyMaxNanos.accumulateAndGet(nanos, Math::max);
    }

    /**
     * I/O or logon timer thread: a connection was closed before it logged on.
     *
     * @param reason why.
     */
    public void onPreLogonClose(final PreLogonCloseReason reason)
    {
        preLogonCloses.incrementAndGet(reason.ordinal());
    }

    /**
     * Any I/O or session thread: a garbled inbound message was discarded, as the FIX session rules say.
     */
    public void onGarbledDiscarded()
    {
        garbledDiscarded.incrementAndGet();
    }

    /**
     * Any agent thread: an agent threw; its runner carries on.
     */
    public void onAgentError()
    {
        agentErrors.incrementAndGet();
    }

    /**
     * @return exceptions thrown by the gateway's agents.
     */
    public long agentErrors()
    {
        return agentErrors.get();
    }

    /**
     * @return garbled inbound messages discarded (bad CheckSum, BodyLength or framing).
     */
    public long garbledDiscarded()
    {
        return garbledDiscarded.get();
    }

    /**
     * @return requests received.
     */
    public long requestsReceived()
    {
        return requestsReceived.get();
    }

    /**
     * @return new orders received.
     */
    public long ordersReceived()
    {
        return ordersReceived.get();
    }

    /**
     * @return reports sent.
     */
    public long reportsSent()
    {
        return reportsSent.get();
    }

    /**
     * @return ResendRequests refused for going over the session's limit.
     */
    public long resendRequestsRefused()
    {
        return resendRequestsRefused.get();
    }

    /**
     * A ResendRequest over the session's limit was refused.
     */
    public void onResendRequestRefused()
    {
        resendRequestsRefused.incrementAndGet();
    }

    /**
     * @return failed logons.
     */
    public long logonFailures()
    {
        return logonFailures.get();
    }

    /**
     * @return lockouts started or lengthened by failed logons.
     */
    public long logonLockouts()
    {
        return logonLockouts.get();
    }

    /**
     * @return logons refused because their user or address was locked out.
     */
    public long logonsRefusedLockedOut()
    {
        return logonsRefusedLockedOut.get();
    }

    /**
     * @return logons refused without checking the password because the verifier's queue was full.
     */
    public long logonsRefusedBusy()
    {
        return logonsRefusedBusy.get();
    }

    /**
     * @return logons refused because no verification was found for them.
     */
    public long logonsUnverified()
    {
        return logonsUnverified.get();
    }

    /**
     * @return password verifications done.
     */
    public long logonVerifications()
    {
        return logonVerifications.get();
    }

    /**
     * @return the longest password verification in nanoseconds (on a verifier thread).
     */
    public long logonVerifyMaxNanos()
    {
        return logonVerifyMaxNanos.get();
    }

    /**
     * @return mean password verification time in nanoseconds, 0 before the first.
     */
    public long logonVerifyMeanNanos()
    {
        final long count = logonVerifications.get();
        return 0 == count ? 0 : logonVerifyTotalNanos.get() / count;
    }

    /**
     * @param reason why.
     * @return connections closed before logon for that reason.
     */
    public long preLogonCloses(final PreLogonCloseReason reason)
    {
        return preLogonCloses.get(reason.ordinal());
    }

    /**
     * @return non-zero pre-logon close counts as {@code REASON=n ...}, or "none".
     */
    public String preLogonCloseSummary()
    {
        final StringBuilder builder = new StringBuilder();
        for (final PreLogonCloseReason reason : PreLogonCloseReason.values())
        {
            final long count = preLogonCloses(reason);
            if (count > 0)
            {
                builder.append(builder.length() == 0 ? "" : " ").append(reason.name()).append('=').append(count);
            }
        }
        return builder.length() == 0 ? "none" : builder.toString();
    }

    /**
     * @param reason reject reason.
     * @return rejects for it.
     */
    public long rejects(final RejectReason reason)
    {
        return rejectsByReason.get(reason.value() & (REASONS - 1));
    }

    /**
     * @return non-zero reject counts as {@code REASON=n ...}, or "none".
     */
    public String rejectSummary()
    {
        final StringBuilder builder = new StringBuilder();
        for (final RejectReason reason : RejectReason.values())
        {
            if (RejectReason.NULL_VAL == reason)
            {
                continue;
            }
            final long count = rejects(reason);
            if (count > 0)
            {
                builder.append(builder.length() == 0 ? "" : " ").append(reason.name()).append('=').append(count);
            }
        }
        return builder.length() == 0 ? "none" : builder.toString();
    }
}
