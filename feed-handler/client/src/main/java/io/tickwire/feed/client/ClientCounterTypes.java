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
package io.tickwire.feed.client;

/**
 * The type ids of the feed client artifact's Aeron counters, in one place so that they never collide: the
 * {@link FeedClient}'s (3100-3129) and the {@code BookBuilder}'s (3130-3149). Tickwire's counters are 3000-3999
 * ({@code CounterSet}); the feed handler artifact's are in {@code FeedCounterTypes}. Aeron's own are below 1000.
 * docs/OPERATIONS.md lists them all.
 */
public final class ClientCounterTypes
{
    /** The component in the feed client's labels: {@code tickwire-feed-client NAME: CHANNEL stream ID}. */
    public static final String CLIENT_COMPONENT = "tickwire-feed-client";
    /** The component in a book builder's labels: {@code tickwire-book NAME: OWNER}. */
    public static final String BOOK_COMPONENT = "tickwire-book";

    /** Feed client: messages read from the feed. */
    public static final int MESSAGES_RECEIVED = 3100;
    /** Feed client: heartbeats received. */
    public static final int HEARTBEATS = 3101;
    /** Feed client: messages applied to the books, live or from the recovery buffer. */
    public static final int MESSAGES_APPLIED = 3102;
    /** Feed client: gaps detected. */
    public static final int GAPS = 3103;
    /** Feed client: duplicates detected and dropped. */
    public static final int DUPLICATES = 3104;
    /** Feed client: publisher restarts (new sessions after the first). */
    public static final int PUBLISHER_RESTARTS = 3105;
    /** Feed client: messages from a replaced session, dropped. */
    public static final int STALE_SESSION_MESSAGES = 3106;
    /** Feed client: live messages dropped because the snapshot already contained them. */
    public static final int SKIPPED_COVERED_BY_SNAPSHOT = 3107;
    /** Feed client: silences longer than the silence timeout. */
    public static final int SILENCES = 3108;
    /** Feed client: snapshot recoveries started. */
    public static final int RECOVERIES_STARTED = 3109;
    /** Feed client: snapshot recoveries completed. */
    public static final int RECOVERIES_COMPLETED = 3110;
    /** Feed client: snapshot requests sent. */
    public static final int SNAPSHOT_REQUESTS = 3111;
    /** Feed client: snapshots that did not add up and were requested again. */
    public static final int SNAPSHOT_ERRORS = 3112;
    /** Feed client: publisher changes (a new session announced by a publisher epoch, or first heard past 1). */
    public static final int PUBLISHER_CHANGES = 3113;

    /** Book builder: messages routed to the books (neither malformed nor of an unknown template). */
    public static final int BOOK_MESSAGES_APPLIED = 3130;
    /** Book builder: order events and price level updates the books rejected, one per {@code BookResult} error. */
    public static final int BOOK_ERRORS = 3131;
    /** Book builder: messages for an instrument with no definition while a symbol filter is set. */
    public static final int BOOK_UNDEFINED_INSTRUMENT_MESSAGES = 3132;
    /** Book builder: messages of a schema or template it does not know. */
    public static final int BOOK_UNKNOWN_TEMPLATE_MESSAGES = 3133;
    /** Book builder: messages too short or with values the schema does not define. */
    public static final int BOOK_MALFORMED_MESSAGES = 3134;
    /** Book builder: BookReset messages applied (market-by-price venues: one instrument or a whole venue). */
    public static final int BOOK_RESETS = 3135;

    /** Room for a feed client's counters in the fallback in memory of its own (some to spare for new ones). */
    public static final int CLIENT_COUNTERS = 32;
    /** Room for a book builder's counters in the fallback in memory of its own (some to spare for new ones). */
    public static final int BOOK_COUNTERS = 32;

    private ClientCounterTypes()
    {
    }
}
