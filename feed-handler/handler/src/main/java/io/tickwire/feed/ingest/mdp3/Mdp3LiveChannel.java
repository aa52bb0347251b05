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
import io.tickwire.feed.FeedSource;
import io.tickwire.feed.NormaliserFactory;
import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.MessageSource;
import io.tickwire.feed.ingest.moldudp64.MoldUdp64StatusListener;
import io.tickwire.feed.ring.MessageNormaliser;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

/**
 * A live MDP 3.0 channel as a feed handler input: opens the {@link Mdp3LiveSource} and then creates the
 * {@link Mdp3Normaliser} that shares its recovery state (the feed handler opens a source before it creates the
 * source's normaliser). One instance per channel.
 */
public final class Mdp3LiveChannel implements FeedSource.Factory, NormaliserFactory
{
    private final String name;
    private final Mdp3ChannelConfig config;
    private final NanoClock clock;
    private Mdp3LiveSource source;

    /**
     * @param config the channel; checked here.
     */
    public Mdp3LiveChannel(final Mdp3ChannelConfig config)
    {
        this(config, SystemNanoClock.INSTANCE);
    }

    /**
     * @param config the channel; checked here.
     * @param clock  for the arbitration's wait.
     */
    public Mdp3LiveChannel(final Mdp3ChannelConfig config, final NanoClock clock)
    {
        this.config = config.conclude();
        this.clock = clock;
        this.name = config.describe();
    }

    /**
     * The feed handler input: live (a full ring drops, counted), read by this channel's normaliser.
     *
     * @return the input.
     */
    public FeedSource feedSource()
    {
        return FeedSource.live(name, this)
            .normaliser(Mdp3Normaliser.DESCRIPTION + (config.mbo() ? ", market by order" : ""), this,
                Mdp3Normaliser.MAX_ENCODED_LENGTH);
    }

    /**
     * @return the source opened last, or null before.
     */
    public Mdp3LiveSource source()
    {
        return source;
    }

    /**
     * {@inheritDoc}
     */
    public MessageSource open(final MalformedInputListener listener)
    {
        return open(listener, MoldUdp64StatusListener.NO_OP, null);
    }

    /**
     * {@inheritDoc}
     */
    public MessageSource open(
        final MalformedInputListener listener,
        final MoldUdp64StatusListener upstreamListener,
        final CounterAllocator counters)
    {
        source = new Mdp3LiveSource(name, config, clock, listener, counters);
        return source;
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
        if (null == source)
        {
            throw new IllegalStateException("the live MDP 3.0 source of " + name + " is opened before its normaliser");
        }
        // Wrapped so that a feed message the ring refuses puts its instrument into recovery.
        final Mdp3Normaliser normaliser = new Mdp3Normaliser(clock, listener, sourceName,
            new Mdp3NormaliserCounters(counters, sourceName), source.tracker(), source.recovery());
        if (config.mbo())
        {
            normaliser.marketByOrder(config.mboHold());
        }
        return new Mdp3RefusalWatch(normaliser, source.recovery());
    }
}
