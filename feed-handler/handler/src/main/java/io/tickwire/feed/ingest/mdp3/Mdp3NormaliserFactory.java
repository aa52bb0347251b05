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
package io.tickwire.feed.ingest.mdp3;

import io.tickwire.counters.CounterAllocator;
import io.tickwire.feed.NormaliserFactory;
import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ring.MessageNormaliser;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Creates the {@link Mdp3Normaliser} of a feed source of MDP 3.0 packets, each with counters of its own allocated
 * where the feed handler's are (or in memory of their own without an allocator).
 */
public final class Mdp3NormaliserFactory implements NormaliserFactory
{
    private final boolean marketByOrder;

    /**
     * Normalisers of market-by-price channels.
     */
    public Mdp3NormaliserFactory()
    {
        this(false);
    }

    /**
     * Normalisers of channels whose instruments get price-level books, or order books.
     *
     * @param marketByOrder true to publish market by order ({@link Mdp3Normaliser#marketByOrder}).
     */
    public Mdp3NormaliserFactory(final boolean marketByOrder)
    {
        this.marketByOrder = marketByOrder;
    }
    /**
     * {@inheritDoc}
     */
    public MessageNormaliser newNormaliser(
        final EpochNanoClock clock, final MalformedInputListener listener, final String sourceName)
    {
        return newNormaliser(clock, listener, sourceName, null);
    }

    /**
     * {@inheritDoc}
     */
    public MessageNormaliser newNormaliser(
        final EpochNanoClock clock,
        final MalformedInputListener listener,
        final String sourceName,
        final CounterAllocator counters)
    {
        final Mdp3Normaliser normaliser =
            new Mdp3Normaliser(clock, listener, sourceName, new Mdp3NormaliserCounters(counters, sourceName));
        // A capture has no snapshot loop to restate order books from: nothing is held for one.
        return marketByOrder ? normaliser.marketByOrder(0) : normaliser;
    }
}
