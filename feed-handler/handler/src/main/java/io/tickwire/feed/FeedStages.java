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
package io.tickwire.feed;

/**
 * The handler's latency stages: a tick from the venue through ingest and the ring to the Aeron publication.
 * The subscriber's stages are {@code io.tickwire.feed.client.ClientStages}.
 */
public final class FeedStages
{
    /**
     * Venue source timestamp to ingest decode (only meaningful when the venue clock is comparable to ours).
     */
    public static final String SOURCE_TO_INGEST = "source->ingest";

    /**
     * Ingest decode to enqueue on the ring buffer towards the publisher.
     */
    public static final String INGEST_TO_RING = "ingest->ring";

    /**
     * Ring enqueue to the Aeron publication offer/claim commit.
     */
    public static final String RING_TO_PUBLISH = "ring->publish";

    private FeedStages()
    {
    }
}
