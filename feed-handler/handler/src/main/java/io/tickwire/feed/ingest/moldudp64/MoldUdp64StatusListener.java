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

/**
 * Told about the sequencing life of a {@link MoldUdp64Client}: gaps, requests, recoveries, losses, heartbeats,
 * session changes and the end of the session. Every method has an empty default, so a listener implements
 * only what it reports.
 * <p>
 * Called on the client's polling thread. {@link #onHeartbeat(long)} comes once per heartbeat packet, so keep it
 * cheap; the others are rare and may allocate.
 */
public interface MoldUdp64StatusListener
{
    /** A listener that ignores everything. */
    MoldUdp64StatusListener NO_OP = new MoldUdp64StatusListener()
    {
    };

    /**
     * A gap was found: messages from {@code expected} are missing, and a packet or heartbeat showed that
     * sequence numbers up to {@code received - 1} exist.
     *
     * @param expected next sequence number the client needs.
     * @param received first sequence number after the missing range.
     */
    default void onGap(final long expected, final long received)
    {
    }

    /**
     * A request was sent to the request server.
     *
     * @param fromSequence first message asked for.
     * @param count        number of messages asked for.
     * @param attempt      1 for the first request for this range, 2 for the first retry, ...
     */
    default void onRequestSent(final long fromSequence, final int count, final int attempt)
    {
    }

    /**
     * Every message of a gap has been delivered.
     *
     * @param fromSequence first message of the gap.
     * @param toSequence   last message of the gap.
     */
    default void onRecovered(final long fromSequence, final long toSequence)
    {
    }

    /**
     * Messages could not be recovered: no request server, or it gave no progress after the configured attempts.
     *
     * @param fromSequence first message lost.
     * @param toSequence   last message lost.
     * @param skipped      true when the client skipped past them; false when it keeps requesting.
     */
    default void onUnrecoverableGap(final long fromSequence, final long toSequence, final boolean skipped)
    {
    }

    /**
     * A heartbeat arrived.
     *
     * @param nextSequence sequence number of the next message the server will send.
     */
    default void onHeartbeat(final long nextSequence)
    {
    }

    /**
     * Every message of the session has been delivered and the server said the session ended.
     *
     * @param nextSequence one past the last message of the session.
     */
    default void onEndOfSession(final long nextSequence)
    {
    }

    /**
     * The client adopted a session: the first one seen, or a new one that replaced it.
     *
     * @param oldSession previous session name, or null for the first.
     * @param newSession new session name.
     */
    default void onSessionChange(final String oldSession, final String newSession)
    {
    }
}
