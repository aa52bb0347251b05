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
package io.tickwire.fix.gateway;

import io.tickwire.fix.cluster.ClusterMarketData;

/**
 * Names and defaults of the gateway's own settings. They live in the [DEFAULT] section of the QuickFIX/J
 * configuration file next to the standard QuickFIX/J keys (QuickFIX/J ignores keys it does not know).
 */
public final class GatewayConfiguration
{
    /**
     * Instrument list {@code SYMBOL:ID,...} (required).
     */
    public static final String INSTRUMENTS_PROP_NAME = "TickwireInstruments";

    /**
     * Configured reference prices {@code SYMBOL:PRICE,...} for the price collar before the book has any.
     */
    public static final String REFERENCE_PRICES_PROP_NAME = "TickwireReferencePrices";

    /**
     * Credentials file; without it any logon is accepted (say so in the banner).
     */
    public static final String CREDENTIALS_FILE_PROP_NAME = "TickwireCredentialsFile";

    /**
     * Aeron channel for the gateway's market data; without it book changes are not published.
     */
    public static final String MARKET_DATA_CHANNEL_PROP_NAME = "TickwireMarketDataChannel";

    /**
     * Aeron stream id for the gateway's market data.
     */
    public static final String MARKET_DATA_STREAM_ID_PROP_NAME = "TickwireMarketDataStreamId";

    /**
     * Default gateway market data stream id.
     */
    public static final int MARKET_DATA_STREAM_ID_DEFAULT = 2001;

    /**
     * Where subscribers ask the embedded cluster member for a snapshot of the books (a late joiner, a subscriber
     * after a publisher change), or {@code none} for no snapshot server. Read with a market data channel and an
     * embedded member; the in-process engine serves no snapshots.
     */
    public static final String SNAPSHOT_REQUEST_CHANNEL_PROP_NAME = "TickwireSnapshotRequestChannel";

    /**
     * Default snapshot request channel: that of {@code tickwire cluster node}.
     */
    public static final String SNAPSHOT_REQUEST_CHANNEL_DEFAULT = ClusterMarketData.SNAPSHOT_REQUEST_CHANNEL_DEFAULT;

    /**
     * Stream id of the snapshot requests.
     */
    public static final String SNAPSHOT_REQUEST_STREAM_ID_PROP_NAME = "TickwireSnapshotRequestStreamId";

    /**
     * Where the embedded cluster member sends snapshots.
     */
    public static final String SNAPSHOT_RESPONSE_CHANNEL_PROP_NAME = "TickwireSnapshotResponseChannel";

    /**
     * Default snapshot response channel: that of {@code tickwire cluster node}.
     */
    public static final String SNAPSHOT_RESPONSE_CHANNEL_DEFAULT =
        ClusterMarketData.SNAPSHOT_RESPONSE_CHANNEL_DEFAULT;

    /**
     * Stream id of the snapshot responses.
     */
    public static final String SNAPSHOT_RESPONSE_STREAM_ID_PROP_NAME = "TickwireSnapshotResponseStreamId";

    /**
     * Directory of the embedded one-member Aeron Cluster that sequences and matches orders (driver, archive,
     * consensus module, matching service). Set, the order path is clustered: a report is sent only for a command
     * the cluster has committed, and books survive a restart.
     */
    public static final String CLUSTER_DIR_PROP_NAME = "TickwireClusterDir";

    /**
     * Cluster members run elsewhere ({@code tickwire cluster node}): their ingress endpoints
     * ({@code 0=host:port,1=host:port,...}) or their host list in member id order ({@code h0,h1,h2}, ingress ports
     * from {@link #CLUSTER_BASE_PORT_PROP_NAME}); the gateway is then their client only, on the media driver of
     * {@link #MARKET_DATA_CHANNEL_PROP_NAME}.
     */
    public static final String CLUSTER_MEMBERS_PROP_NAME = "TickwireClusterMembers";

    /**
     * First port of the embedded member (it uses the next five for archive, ingress, consensus, log, catch-up), or
     * of member 0 of the cluster named by a host list in {@link #CLUSTER_MEMBERS_PROP_NAME} (default 20000).
     */
    public static final String CLUSTER_BASE_PORT_PROP_NAME = "TickwireClusterBasePort";

    /**
     * This gateway's id on its cluster, 0 (default) to 255: every gateway that is a client of the same cluster
     * needs its own. The cluster keeps each gateway's ingress sequence, ClOrdIDs, session cancels and order events
     * apart by it (docs/CLUSTER.md "Several gateways"). Keep it across restarts: a gateway's orders are its id's.
     */
    public static final String GATEWAY_ID_PROP_NAME = "TickwireGatewayId";

    /**
     * Aeron directory of the media driver to use.
     */
    public static final String AERON_DIR_PROP_NAME = "TickwireAeronDir";

    /**
     * Launch an embedded media driver (Y/N).
     */
    public static final String EMBEDDED_MEDIA_DRIVER_PROP_NAME = "TickwireEmbeddedMediaDriver";

    /**
     * Reject new orders while the clock is not within tolerance (Y/N).
     */
    public static final String REQUIRE_CLOCK_SYNC_PROP_NAME = "TickwireRequireClockSync";

    /**
     * Capacity in bytes of the command ring (session thread to engine), a power of two.
     */
    public static final String COMMAND_RING_CAPACITY_PROP_NAME = "TickwireCommandRingCapacity";

    /**
     * Default command ring capacity: some 650 audited orders (an order with its audit record takes ~400 bytes),
     * about 50 ms of work for the clustered order path. The ring is one queue for all sessions, so an order of one
     * session waits behind whatever a flooding session has put in it: with 1 MiB that was ~250-550 ms, with 256 KiB
     * ~100 ms, at the same throughput ({@code FloodFairnessTest}, perf/README.md "Flood").
     */
    public static final int COMMAND_RING_CAPACITY_DEFAULT = 1 << 18;

    /**
     * Capacity in bytes of the event ring (engine to report sender), a power of two.
     */
    public static final String EVENT_RING_CAPACITY_PROP_NAME = "TickwireEventRingCapacity";

    /**
     * Default event ring capacity.
     */
    public static final int EVENT_RING_CAPACITY_DEFAULT = 1 << 22;

    /**
     * Finished orders that stay queryable by OrderStatusRequest.
     */
    public static final String RETAINED_FINISHED_ORDERS_PROP_NAME = "TickwireRetainedFinishedOrders";

    /**
     * Default number of retained finished orders.
     */
    public static final int RETAINED_FINISHED_ORDERS_DEFAULT = 100_000;

    /**
     * Largest BodyLength (9) accepted from a client; larger messages are rejected and skipped.
     */
    public static final String MAX_MESSAGE_SIZE_PROP_NAME = "TickwireMaxMessageSize";

    /**
     * Default largest BodyLength.
     */
    public static final int MAX_MESSAGE_SIZE_DEFAULT = 8192;

    /**
     * Messages of one session that may wait for the session thread, which serves all sessions in turn of arrival:
     * above the limit the gateway stops reading that session's socket (TCP pushes back on the client) until a
     * quarter of it is left. One client's burst then queues at most about this many messages ahead of another
     * session's Logon or order, instead of filling the one queue of all sessions. 0: QuickFIX/J's single queue of
     * 10,000 messages for all sessions, whose I/O thread blocks when it is full.
     */
    public static final String SESSION_QUEUE_LIMIT_PROP_NAME = "TickwireSessionQueueLimit";

    /**
     * Default messages of one session waiting for the session thread: at the ~13,000 orders a second the gateway
     * takes on its clustered path here, some 20 ms of work.
     */
    public static final int SESSION_QUEUE_LIMIT_DEFAULT = 256;

    /**
     * Commands taken and not yet answered by a report, over all sessions, above which the session thread stops
     * reading the socket of the session it just took a command from, until half are answered
     * ({@code session.InFlightLimit}). Reports of all sessions leave through one sender in order: without a bound
     * one flooding session queues thousands of reports ahead of every other session's. 0: no bound.
     */
    public static final String MAX_IN_FLIGHT_ORDERS_PROP_NAME = "TickwireMaxInFlightOrders";

    /**
     * Default commands in flight: at the gateway's ~17,000 reports a second on 2 cores, some 60 ms of reports ahead
     * of another session's order at worst, and still enough in flight to keep every stage busy.
     */
    public static final int MAX_IN_FLIGHT_ORDERS_DEFAULT = 1024;

    /**
     * Bytes a connection may send before its Logon is accepted; more and the connection is closed (counted as
     * {@code BYTE_LIMIT}). A Logon is a few hundred bytes; 0 turns the limit off.
     */
    public static final String PRE_LOGON_MAX_BYTES_PROP_NAME = "TickwirePreLogonMaxBytes";

    /**
     * Default bytes allowed before logon: 64 KiB.
     */
    public static final long PRE_LOGON_MAX_BYTES_DEFAULT = 64 * 1024;

    /**
     * Milliseconds from connect to an accepted Logon; a connection that has not logged on by then is closed
     * (counted as {@code LOGON_TIMEOUT}). A Logon already handed to the session thread gets longer (see
     * {@code session.PreLogonGuard}). 0 turns the timeout off.
     */
    public static final String LOGON_TIMEOUT_MS_PROP_NAME = "TickwireLogonTimeoutMs";

    /**
     * Default logon timeout.
     */
    public static final long LOGON_TIMEOUT_MS_DEFAULT = 5_000;

    /**
     * Connections open at once; one more is closed as it is accepted (counted as {@code CONNECTION_LIMIT}), and a
     * connection that closes makes room (see {@code session.ConnectionCap}). 0 turns the cap off.
     */
    public static final String MAX_CONNECTIONS_PROP_NAME = "TickwireMaxConnections";

    /**
     * Default connections open at once: far more than the sessions a gateway is configured for, far fewer than the
     * file descriptors of the process.
     */
    public static final int MAX_CONNECTIONS_DEFAULT = 256;

    /**
     * Threads that verify Logon passwords (PBKDF2) off the session thread. Default: half the available cores, at
     * least 1, at most 4 ({@code session.LogonVerifier.defaultThreads}).
     */
    public static final String LOGON_VERIFIER_THREADS_PROP_NAME = "TickwireLogonVerifierThreads";

    /**
     * Logons that may wait for a verifier thread; a Logon that finds the queue full is refused without hashing
     * ({@code VERIFIER_BUSY}).
     */
    public static final String LOGON_VERIFIER_QUEUE_PROP_NAME = "TickwireLogonVerifierQueue";

    /**
     * Default logons waiting for a verifier thread: at ~150 ms a verification, about 10 s of work for one thread,
     * within the 6 timeouts a queued Logon is given.
     */
    public static final int LOGON_VERIFIER_QUEUE_DEFAULT = 64;

    /**
     * Most ResendRequests a session may send within {@link #RESEND_WINDOW_MS_PROP_NAME}; one more and it is logged
     * out (0 = no limit).
     */
    public static final String MAX_RESEND_REQUESTS_PROP_NAME = "TickwireMaxResendRequests";

    /**
     * Default: 10 ResendRequests per window; a client recovering a gap sends one.
     */
    public static final int MAX_RESEND_REQUESTS_DEFAULT = 10;

    /**
     * The window of {@link #MAX_RESEND_REQUESTS_PROP_NAME}, in milliseconds.
     */
    public static final String RESEND_WINDOW_MS_PROP_NAME = "TickwireResendWindowMs";

    /**
     * Default window: 10 seconds.
     */
    public static final long RESEND_WINDOW_MS_DEFAULT = 10_000;

    /**
     * Consecutive failed logons for one user name before it is locked out (0 = no lockout).
     */
    public static final String LOGON_MAX_FAILURES_PROP_NAME = "TickwireLogonMaxFailures";

    /**
     * Default failed logons per user before a lockout.
     */
    public static final int LOGON_MAX_FAILURES_DEFAULT = 5;

    /**
     * Consecutive failed logons from one remote IP address, whatever the user, before the address is locked out
     * (0 = no lockout by address). Higher than the per-user limit: several users may share an address (NAT).
     */
    public static final String LOGON_MAX_ADDRESS_FAILURES_PROP_NAME = "TickwireLogonMaxAddressFailures";

    /**
     * Default failed logons per remote address before a lockout.
     */
    public static final int LOGON_MAX_ADDRESS_FAILURES_DEFAULT = 20;

    /**
     * First lockout window in milliseconds; each further failure after the limit doubles it.
     */
    public static final String LOGON_LOCKOUT_MS_PROP_NAME = "TickwireLogonLockoutMs";

    /**
     * Default first lockout window.
     */
    public static final long LOGON_LOCKOUT_MS_DEFAULT = 10_000;

    /**
     * Longest lockout window in milliseconds; a user or address with no failure for this long starts afresh.
     */
    public static final String LOGON_LOCKOUT_MAX_MS_PROP_NAME = "TickwireLogonLockoutMaxMs";

    /**
     * Default longest lockout window: 10 minutes.
     */
    public static final long LOGON_LOCKOUT_MAX_MS_DEFAULT = 600_000;

    /**
     * Directory of the audit journal; without it there is no audit trail (the banner says so).
     */
    public static final String AUDIT_DIRECTORY_PROP_NAME = "TickwireAuditDirectory";

    /**
     * Bytes at which the audit journal rotates to a new file (default {@code tickwire.audit.max.file.size}, 256 MiB).
     * Rotated files are closed for good: archive them (docs/AUDIT-AND-TIME.md, "Retention").
     */
    public static final String AUDIT_MAX_FILE_SIZE_PROP_NAME = "TickwireAuditMaxFileSize";

    /**
     * Key file the audit journal's head is sealed with (HMAC-SHA256, docs/AUDIT-AND-TIME.md "Seals"); created
     * (32 random bytes, 0600) if absent; must be outside the journal directory. Default: beside the journal
     * directory, {@code <journal directory>-seal.key}; {@value #AUDIT_SEAL_KEY_NONE} for no seals.
     */
    public static final String AUDIT_SEAL_KEY_FILE_PROP_NAME = "TickwireAuditSealKeyFile";

    /**
     * Value of {@link #AUDIT_SEAL_KEY_FILE_PROP_NAME} that turns sealing off.
     */
    public static final String AUDIT_SEAL_KEY_NONE = "none";

    /**
     * Audit durability contract before a report is released: {@code fsync} (default) or {@code write}; see
     * {@code io.tickwire.fix.audit.AuditSync}.
     */
    public static final String AUDIT_SYNC_PROP_NAME = "TickwireAuditSync";

    /**
     * Idle strategy of the engine and report sender threads: {@code backoff} (default: spin, yield for a few
     * milliseconds, then park up to 100 us) or {@code yielding} (lowest latency, one core's worth of yields each
     * while idle: only with free cores).
     */
    public static final String IDLE_STRATEGY_PROP_NAME = "TickwireIdleStrategy";

    /**
     * Idle strategy of the audit writer thread, same forms as {@link #IDLE_STRATEGY_PROP_NAME}.
     */
    public static final String AUDIT_IDLE_STRATEGY_PROP_NAME = "TickwireAuditIdleStrategy";

    /**
     * Default audit writer idle: 10 spins, 100 yields, then park 1 us doubling to 100 us.
     */
    public static final String AUDIT_IDLE_STRATEGY_DEFAULT = "backoff:10,100,1000,100000";

    /**
     * Thread plan of the order path behind the session thread: {@code compact} (the matching engine and the report
     * sender share one thread, a {@code CompositeAgent}: one wake-up per order instead of two) or {@code dedicated}
     * (one thread each). Default: compact below {@value #DEDICATED_MIN_CORES} cores, where two more threads that
     * spin or yield between orders take CPU from the session and network threads.
     */
    public static final String THREADING_PROP_NAME = "TickwireThreading";

    /**
     * Fewest available cores for which the default thread plan is {@code dedicated}.
     */
    public static final int DEDICATED_MIN_CORES = 4;

    private GatewayConfiguration()
    {
    }
}
