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
 * Sequence integrity of the stream: everything that is not the next expected message is reported here.
 */
public interface GapListener
{
    /**
     * The epoch given to {@link #onPublisherChange(int, int, long)} when the new publisher was not heard announcing
     * one (the client first heard it past its first message).
     */
    long NO_EPOCH = Long.MIN_VALUE;

    /**
     * Messages are missing.
     *
     * @param expectedSequence the next sequence the client expected.
     * @param receivedSequence the sequence that arrived instead.
     */
    default void onGap(long expectedSequence, long receivedSequence)
    {
    }

    /**
     * A message arrived again and was dropped.
     *
     * @param sequence         of the duplicate.
     * @param expectedSequence the next sequence the client expected.
     */
    default void onDuplicate(long sequence, long expectedSequence)
    {
    }

    /**
     * A new publisher session appeared (the publisher restarted); the books were reset.
     *
     * @param previousSessionId Aeron session id of the old publication.
     * @param sessionId         Aeron session id of the new publication.
     * @param firstSequence     first sequence seen from the new session.
     */
    default void onPublisherRestart(int previousSessionId, int sessionId, long firstSequence)
    {
    }

    /**
     * Another publisher took over a stream whose state continues (a new cluster leader): it announced itself with a
     * {@code PublisherEpoch}, or was first heard past its first message. Follows
     * {@link #onPublisherRestart(int, int, long)}; the books are recovered by snapshot (with snapshot channels).
     *
     * @param previousSessionId Aeron session id of the old publication.
     * @param sessionId         Aeron session id of the new publication.
     * @param publisherEpoch    the epoch the new publisher announced (a leadership term id), or {@link #NO_EPOCH}.
     */
    default void onPublisherChange(int previousSessionId, int sessionId, long publisherEpoch)
    {
    }

    /**
     * Snapshot recovery started; books are stale until it completes.
     *
     * @param reason    why.
     * @param requestId of the snapshot request.
     */
    default void onRecoveryStarted(RecoveryReason reason, long requestId)
    {
    }

    /**
     * Snapshot recovery completed; books are consistent with the stream again.
     *
     * @param requestId         of the snapshot request answered.
     * @param snapshotSequence  stream sequence the snapshot was taken at.
     * @param bufferedApplied   live messages buffered during recovery and applied on top of the snapshot.
     */
    default void onRecoveryCompleted(long requestId, long snapshotSequence, long bufferedApplied)
    {
    }

    /**
     * Nothing (not even a heartbeat) arrived from the publisher for longer than the silence timeout: it may have
     * died, or the network may be down. Every book goes stale.
     *
     * @param silentForNs time since the last message or heartbeat.
     */
    default void onSilence(long silentForNs)
    {
    }

    /**
     * The publisher was heard again after a silence. Books stale only because of the silence are fresh again,
     * unless what arrived shows messages were missed (then a gap or restart is reported and handled as usual).
     *
     * @param silentForNs how long the silence lasted.
     */
    default void onSilenceEnded(long silentForNs)
    {
    }
}
