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

import io.tickwire.counters.CounterAllocator;
import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ring.MessageNormaliser;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Creates the normaliser of one source; each ingest agent owns its normaliser (instrument state, encoders).
 */
@FunctionalInterface
public interface NormaliserFactory
{
    /**
     * Create a normaliser.
     *
     * @param clock      for ingest timestamps.
     * @param listener   to report malformed messages to.
     * @param sourceName for reports.
     * @return a new normaliser.
     */
    MessageNormaliser newNormaliser(EpochNanoClock clock, MalformedInputListener listener, String sourceName);

    /**
     * Create a normaliser whose own counters (an MDP 3.0 channel's packets, gaps...) are allocated where the feed
     * handler's are, so that {@code tickwire stat} shows them. Normalisers without counters ignore the allocator.
     *
     * @param clock      for ingest timestamps.
     * @param listener   to report malformed input to.
     * @param sourceName for reports and counter labels.
     * @param counters   where to allocate counters (the feed handler's Aeron client), or null for none.
     * @return a new normaliser.
     */
    default MessageNormaliser newNormaliser(
        final EpochNanoClock clock,
        final MalformedInputListener listener,
        final String sourceName,
        final CounterAllocator counters)
    {
        return newNormaliser(clock, listener, sourceName);
    }
}
