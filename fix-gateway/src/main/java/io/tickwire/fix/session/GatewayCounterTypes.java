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

/**
 * The type ids of the gateway's Aeron counters ({@link GatewayCounters}), in one place so that they never collide:
 * 3300-3399 of Tickwire's 3000-3999 ({@code CounterSet}); the feed handler's are in {@code FeedCounterTypes}, the
 * feed client's in {@code ClientCounterTypes}. Aeron's own are below 1000. docs/OPERATIONS.md lists them all.
 */
public final class GatewayCounterTypes
{
    /** Order entry requests received (new, cancel, replace, status). */
    public static final int REQUESTS_RECEIVED = 3300;
    /** New orders received. */
    public static final int ORDERS_RECEIVED = 3301;
    /** Execution reports sent. */
    public static final int REPORTS_SENT = 3302;
    /** Orders and cancel/replace requests rejected, one counter per reason. */
    public static final int REJECTS = 3303;
    /** Logons that failed authentication. */
    public static final int LOGON_FAILURES = 3304;
    /** ResendRequests refused for going over the session's limit. */
    public static final int RESEND_REQUESTS_REFUSED = 3305;
    /** Garbled inbound messages discarded. */
    public static final int GARBLED_DISCARDED = 3306;
    /** Exceptions thrown by the gateway's agents. */
    public static final int AGENT_ERRORS = 3307;
    /** Lockouts started or lengthened by failed logons. */
    public static final int LOGON_LOCKOUTS = 3308;
    /** Logons refused because their user or address was locked out. */
    public static final int LOGONS_REFUSED_LOCKED_OUT = 3309;
    /** Password verifications done. */
    public static final int LOGON_VERIFICATIONS = 3310;
    /** Time spent in password verifications, ns. */
    public static final int LOGON_VERIFY_TOTAL_NS = 3311;
    /** Longest password verification, ns. */
    public static final int LOGON_VERIFY_MAX_NS = 3312;
    /** Connections closed before they logged on, one counter per reason. */
    public static final int PRE_LOGON_CLOSES = 3313;
    /** Logons refused without hashing: the logon verifier's queue was full. */
    public static final int LOGONS_REFUSED_BUSY = 3314;
    /** Logons refused because no verification was found for them. */
    public static final int LOGONS_UNVERIFIED = 3315;
    /** Times a store (audit journal, FIX session store) became unavailable. */
    public static final int STORE_OUTAGES = 3316;
    /** Times an unavailable store recovered. */
    public static final int STORE_RECOVERIES = 3317;

    private GatewayCounterTypes()
    {
    }
}
