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

import io.tickwire.counters.CounterAllocator;
import io.tickwire.counters.CounterSet;
import io.tickwire.sbe.internal.RejectReason;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersReader;


/**
 * Counters for the status line and tests: requests in, execution reports out, rejects by reason, failed logons,
 * lockouts, logon verification time, connections closed before logon by reason. The order path's counters have one
 * writing thread each (release stores); the security counters may be written from several (I/O, session and timer
 * threads) and are atomic increments. Readers on other threads may see values a moment old.
 * <p>
 * They are Aeron counters ({@link CounterSet}, type ids in {@link GatewayCounterTypes}) labelled
 * {@code tickwire-gateway NAME: INSTANCE}: in the market data driver's CnC file when the gateway has an Aeron client,
 * so that {@code tickwire stat} shows them, in memory of their own otherwise; the metrics endpoint reads them either
 * way, by type id.
 */
public final class GatewayCounters implements AutoCloseable
{
    /** The component in the counters' labels: {@code tickwire-gateway NAME: INSTANCE}. */
    public static final String COMPONENT = "tickwire-gateway";

    private static final int REASONS = 256;
    // Room for the local fallback, with some to spare for counters added later.
    private static final int COUNTERS = 128;

    private final CounterSet counters;

    private final AtomicCounter requestsReceived;
    private final AtomicCounter ordersReceived;
    private final AtomicCounter reportsSent;
    private final AtomicCounter logonFailures;
    private final AtomicCounter resendRequestsRefused;
    private final AtomicCounter garbledDiscarded;
    private final AtomicCounter agentErrors;
    private final AtomicCounter storeOutages;
    private final AtomicCounter storeRecoveries;
    private final AtomicCounter[] rejectsByReason;
    private final AtomicCounter logonLockouts;
    private final AtomicCounter logonsRefusedLockedOut;
    private final AtomicCounter logonVerifications;
    private final AtomicCounter logonVerifyTotalNanos;
    private final AtomicCounter logonVerifyMaxNanos;
    private final AtomicCounter logonsRefusedBusy;
    private final AtomicCounter logonsUnverified;
    private final AtomicCounter[] preLogonCloses;

    /**
     * Counters in memory of their own, for a gateway without an Aeron client (and tests).
     */
    public GatewayCounters()
    {
        this(null, "local");
    }

    /**
     * Counters allocated through an allocator: an Aeron client's, so that they are in its driver's CnC file.
     *
     * @param allocator where to allocate, or null for memory of their own.
     * @param instance  which gateway, for the labels.
     */
    public GatewayCounters(final CounterAllocator allocator, final String instance)
    {
        this.counters = CounterSet.of(allocator, COMPONENT, instance, COUNTERS);
        requestsReceived = counter(GatewayCounterTypes.REQUESTS_RECEIVED, "requests-received");
        ordersReceived = counter(GatewayCounterTypes.ORDERS_RECEIVED, "orders-received");
        reportsSent = counter(GatewayCounterTypes.REPORTS_SENT, "reports-sent");
        logonFailures = counter(GatewayCounterTypes.LOGON_FAILURES, "logon-failures");
        resendRequestsRefused = counter(GatewayCounterTypes.RESEND_REQUESTS_REFUSED, "resend-requests-refused");
        garbledDiscarded = counter(GatewayCounterTypes.GARBLED_DISCARDED, "garbled-discarded");
        agentErrors = counter(GatewayCounterTypes.AGENT_ERRORS, "agent-errors");
        storeOutages = counter(GatewayCounterTypes.STORE_OUTAGES, "store-outages");
        storeRecoveries = counter(GatewayCounterTypes.STORE_RECOVERIES, "store-recoveries");
        rejectsByReason = rejectCounters();
        logonLockouts = counter(GatewayCounterTypes.LOGON_LOCKOUTS, "logon-lockouts");
        logonsRefusedLockedOut = counter(GatewayCounterTypes.LOGONS_REFUSED_LOCKED_OUT, "logons-refused-locked-out");
        logonVerifications = counter(GatewayCounterTypes.LOGON_VERIFICATIONS, "logon-verifications");
        logonVerifyTotalNanos = counter(GatewayCounterTypes.LOGON_VERIFY_TOTAL_NS, "logon-verify-total-ns");
        logonVerifyMaxNanos = counter(GatewayCounterTypes.LOGON_VERIFY_MAX_NS, "logon-verify-max-ns");
        logonsRefusedBusy = counter(GatewayCounterTypes.LOGONS_REFUSED_BUSY, "logons-refused-busy");
        logonsUnverified = counter(GatewayCounterTypes.LOGONS_UNVERIFIED, "logons-unverified");
        preLogonCloses = preLogonCloseCounters();
    }

    /**
     * Session thread: one order entry request (new, cancel, replace, status) received.
     *
     * @param newOrder whether it is a NewOrderSingle.
     */
    public void onRequest(final boolean newOrder)
    {
        requestsReceived.incrementRelease();
        if (newOrder)
        {
            ordersReceived.incrementRelease();
        }
    }

    /**
     * Sender thread: one report released.
     */
    public void onReportSent()
    {
        reportsSent.incrementRelease();
    }

    /**
     * Sender thread: one order or cancel/replace rejected.
     *
     * @param reason why.
     */
    public void onReject(final RejectReason reason)
    {
        rejectsByReason[reason.value() & (REASONS - 1)].incrementRelease();
    }

    /**
     * Session thread: a logon failed authentication.
     */
    public void onLogonFailure()
    {
        logonFailures.increment();
    }

    /**
     * Session thread: a failed logon started (or lengthened) a lockout of its user or remote address.
     */
    public void onLogonLockout()
    {
        logonLockouts.increment();
    }

    /**
     * Session thread: a logon was refused without checking its password because of a lockout.
     */
    public void onLogonRefusedLockedOut()
    {
        logonsRefusedLockedOut.increment();
    }

    /**
     * Session thread: a logon was refused without checking its password because the verifier's queue was full.
     */
    public void onLogonRefusedBusy()
    {
        logonsRefusedBusy.increment();
    }

    /**
     * Session thread: a logon was refused because no verification was found for it.
     */
    public void onLogonUnverified()
    {
        logonsUnverified.increment();
    }

    /**
     * Verifier thread: one password verification (PBKDF2) took this long (off the session thread).
     *
     * @param nanos duration of the verification.
     */
    public void onLogonVerify(final long nanos)
    {
        logonVerifications.increment();
        logonVerifyTotalNanos.getAndAdd(nanos);
        proposeMax(logonVerifyMaxNanos, nanos);
    }

    /**
     * I/O or logon timer thread: a connection was closed before it logged on.
     *
     * @param reason why.
     */
    public void onPreLogonClose(final PreLogonCloseReason reason)
    {
        preLogonCloses[reason.ordinal()].increment();
    }

    /**
     * Any I/O or session thread: a garbled inbound message was discarded, as the FIX session rules say.
     */
    public void onGarbledDiscarded()
    {
        garbledDiscarded.increment();
    }

    /**
     * Any agent thread: an agent threw; its runner carries on.
     */
    public void onAgentError()
    {
        agentErrors.increment();
    }

    /**
     * The audit writer's or a session store's thread: a store (audit journal, FileStore) could not be written; new
     * orders are refused until it recovers.
     */
    public void onStoreUnavailable()
    {
        storeOutages.increment();
    }

    /**
     * The audit writer's or a session store's thread: a store that was unavailable took a write again.
     */
    public void onStoreRecovered()
    {
        storeRecoveries.increment();
    }

    /**
     * @return times a store (audit journal, FileStore) became unavailable.
     */
    public long storeOutages()
    {
        return counters.get(storeOutages);
    }

    /**
     * @return times a store recovered.
     */
    public long storeRecoveries()
    {
        return counters.get(storeRecoveries);
    }

    /**
     * @return exceptions thrown by the gateway's agents.
     */
    public long agentErrors()
    {
        return counters.get(agentErrors);
    }

    /**
     * @return garbled inbound messages discarded (bad CheckSum, BodyLength or framing).
     */
    public long garbledDiscarded()
    {
        return counters.get(garbledDiscarded);
    }

    /**
     * @return requests received.
     */
    public long requestsReceived()
    {
        return counters.get(requestsReceived);
    }

    /**
     * @return new orders received.
     */
    public long ordersReceived()
    {
        return counters.get(ordersReceived);
    }

    /**
     * @return reports sent.
     */
    public long reportsSent()
    {
        return counters.get(reportsSent);
    }

    /**
     * @return ResendRequests refused for going over the session's limit.
     */
    public long resendRequestsRefused()
    {
        return counters.get(resendRequestsRefused);
    }

    /**
     * A ResendRequest over the session's limit was refused.
     */
    public void onResendRequestRefused()
    {
        resendRequestsRefused.increment();
    }

    /**
     * @return failed logons.
     */
    public long logonFailures()
    {
        return counters.get(logonFailures);
    }

    /**
     * @return lockouts started or lengthened by failed logons.
     */
    public long logonLockouts()
    {
        return counters.get(logonLockouts);
    }

    /**
     * @return logons refused because their user or address was locked out.
     */
    public long logonsRefusedLockedOut()
    {
        return counters.get(logonsRefusedLockedOut);
    }

    /**
     * @return logons refused without checking the password because the verifier's queue was full.
     */
    public long logonsRefusedBusy()
    {
        return counters.get(logonsRefusedBusy);
    }

    /**
     * @return logons refused because no verification was found for them.
     */
    public long logonsUnverified()
    {
        return counters.get(logonsUnverified);
    }

    /**
     * @return password verifications done.
     */
    public long logonVerifications()
    {
        return counters.get(logonVerifications);
    }

    /**
     * @return the longest password verification in nanoseconds (on a verifier thread).
     */
    public long logonVerifyMaxNanos()
    {
        return counters.get(logonVerifyMaxNanos);
    }

    /**
     * @return mean password verification time in nanoseconds, 0 before the first.
     */
    public long logonVerifyMeanNanos()
    {
        final long count = counters.get(logonVerifications);
        return 0 == count ? 0 : counters.get(logonVerifyTotalNanos) / count;
    }

    /**
     * @param reason why.
     * @return connections closed before logon for that reason.
     */
    public long preLogonCloses(final PreLogonCloseReason reason)
    {
        return counters.get(preLogonCloses[reason.ordinal()]);
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
        return counters.get(rejectsByReason[reason.value() & (REASONS - 1)]);
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

    /**
     * The counters when they are in memory of their own, for the metrics endpoint.
     *
     * @return the reader, or null when they are a driver's (read its CnC file).
     */
    public CountersReader localReader()
    {
        return counters.localReader();
    }

    /**
     * Free the counters (the getters keep their last values); before the Aeron client they were allocated in closes.
     */
    public void close()
    {
        counters.close();
    }

    private AtomicCounter counter(final int typeId, final String name)
    {
        return counters.add(typeId, name);
    }

    private AtomicCounter[] rejectCounters()
    {
        final AtomicCounter[] byValue = new AtomicCounter[REASONS];
        AtomicCounter other = null;
        for (final RejectReason reason : RejectReason.values())
        {
            if (RejectReason.NULL_VAL != reason)
            {
                byValue[reason.value() & (REASONS - 1)] = counter(GatewayCounterTypes.REJECTS, "rejects " + reason);
            }
            if (RejectReason.OTHER == reason)
            {
                other = byValue[reason.value() & (REASONS - 1)];
            }
        }
        // A value no reason has (the null value) is counted as OTHER rather than lost.
        for (int i = 0; i < REASONS; i++)
        {
            if (null == byValue[i])
            {
                byValue[i] = other;
            }
        }
        return byValue;
    }

    private AtomicCounter[] preLogonCloseCounters()
    {
        final PreLogonCloseReason[] reasons = PreLogonCloseReason.values();
        final AtomicCounter[] byReason = new AtomicCounter[reasons.length];
        for (final PreLogonCloseReason reason : reasons)
        {
            byReason[reason.ordinal()] = counter(GatewayCounterTypes.PRE_LOGON_CLOSES, "pre-logon-closes " + reason);
        }
        return byReason;
    }

    private static void proposeMax(final AtomicCounter counter, final long value)
    {
        // Several session threads may verify at once: a compare-and-set loop keeps the largest.
        long max = counter.get();
        while (value > max && !counter.compareAndSet(max, value))
        {
            max = counter.get();
        }
    }
}
