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
 * Why the client asked for a snapshot.
 */
public enum RecoveryReason
{
    /**
     * The first message seen had a sequence above 1: the client joined after the stream started.
     */
    LATE_JOIN,

    /**
     * Sequence numbers were missing.
     */
    GAP,

    /**
     * A new publisher session (restart) started mid-stream.
     */
    PUBLISHER_RESTART,

    /**
     * A publisher session announced at its first message ({@code PublisherEpoch}) that it continues the state of
     * the stream, e.g. a new cluster leader: the books are not empty.
     */
    PUBLISHER_CHANGE,

    /**
     * The buffer of live messages held during recovery overflowed.
     */
    BUFFER_OVERFLOW,

    /**
     * A snapshot arrived that was older than the live messages buffered, or no snapshot came in time.
     */
    RETRY
}
