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
import io.tickwire.feed.ingest.MessageSource;
import io.tickwire.feed.ingest.moldudp64.MoldUdp64StatusListener;
import io.tickwire.feed.ring.RingFullPolicy;

import java.util.Objects;

/**
 * One input of the feed handler: how to open it, what to do when its ring is full and, for a venue other than the
 * context's default (ITCH 5.0), which normaliser reads it. The source itself is created at start, once the counters
 * its malformed-input listener reports into exist.
 */
public final class FeedSource
{
    /**
     * Opens an {@link MessageSource} that reports malformed input to the given listener.
     */
    @FunctionalInterface
    public interface Factory
    {
        /**
         * Open the source.
         *
         * @param listener to report malformed framing to.
         * @return the open source.
         */
        MessageSource open(MalformedInputListener listener);

        /**
         * Open a source that can also report upstream MoldUDP64 gaps and recoveries. Sources without an upstream
         * session ignore the second listener.
         *
         * @param listener         to report malformed framing to.
         * @param upstreamListener to report the upstream session's gaps, recoveries and losses to.
         * @return the open source.
         */
        default MessageSource open(
            final MalformedInputListener listener, final MoldUdp64StatusListener upstreamListener)
        {
            return open(listener);
        }

        /**
         * Open a source whose own counters (a MoldUDP64 client's packets, requests, gaps...) are allocated where the
         * feed handler's are, so that {@code stat} and the metrics endpoint show them. Sources without counters of
         * their own ignore the allocator.
         *
         * @param listener         to report malformed framing to.
         * @param upstreamListener to report the upstream session's gaps, recoveries and losses to.
         * @param counters         where to allocate the source's counters (the feed handler's Aeron client).
         * @return the open source.
         */
        default MessageSource open(
            final MalformedInputListener listener,
            final MoldUdp64StatusListener upstreamListener,
            final CounterAllocator counters)
        {
            return open(listener, upstreamListener);
        }
    }

    private final String name;
    private final RingFullPolicy ringFullPolicy;
    private final Factory factory;
    private final NormaliserFactory normaliserFactory;
    private final int maxMessageLength;
    private final String venue;

    private FeedSource(final String name, final RingFullPolicy ringFullPolicy, final Factory factory)
    {
        this(name, ringFullPolicy, factory, null, 0, null);
    }

    private FeedSource(
        final String name,
        final RingFullPolicy ringFullPolicy,
        final Factory factory,
        final NormaliserFactory normaliserFactory,
        final int maxMessageLength,
        final String venue)
    {
        this.name = Objects.requireNonNull(name, "name");
        this.ringFullPolicy = Objects.requireNonNull(ringFullPolicy, "ringFullPolicy");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.normaliserFactory = normaliserFactory;
        this.maxMessageLength = maxMessageLength;
        this.venue = venue;
    }

    /**
     * The same source read by a venue's own normaliser instead of the context's.
     *
     * @param venue             what the normaliser reads and makes, for the banner, e.g. {@code CME MDP 3.0 -> XCME}.
     * @param normaliserFactory creating the source's normaliser.
     * @param maxMessageLength  longest SBE message it writes, header included (the ring's records are sized for the
     *                          longer of this and the context's).
     * @return the new definition.
     */
    public FeedSource normaliser(
        final String venue, final NormaliserFactory normaliserFactory, final int maxMessageLength)
    {
        return new FeedSource(name, ringFullPolicy, factory, Objects.requireNonNull(normaliserFactory,
            "normaliserFactory"), maxMessageLength, Objects.requireNonNull(venue, "venue"));
    }

    /**
     * Input that waits for us (a file, a capture, the simulator): a full ring slows reading, nothing is lost.
     *
     * @param name    for counters, status lines and error reports.
     * @param factory opening the source.
     * @return the definition.
     */
    public static FeedSource replay(final String name, final Factory factory)
    {
        return new FeedSource(name, RingFullPolicy.BACK_PRESSURE, factory);
    }

    /**
     * Live input that does not wait (UDP): a full ring drops messages, counted and reported.
     *
     * @param name    for counters, status lines and error reports.
     * @param factory opening the source.
     * @return the definition.
     */
    public static FeedSource live(final String name, final Factory factory)
    {
        return new FeedSource(name, RingFullPolicy.DROP, factory);
    }

    /**
     * A source with an explicit policy.
     *
     * @param name           for counters, status lines and error reports.
     * @param ringFullPolicy when its ring is full.
     * @param factory        opening the source.
     * @return the definition.
     */
    public static FeedSource of(final String name, final RingFullPolicy ringFullPolicy, final Factory factory)
    {
        return new FeedSource(name, ringFullPolicy, factory);
    }

    /**
     * @return the name of the source.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return the policy when its ring is full.
     */
    public RingFullPolicy ringFullPolicy()
    {
        return ringFullPolicy;
    }

    /**
     * @return the factory that opens the source.
     */
    public Factory factory()
    {
        return factory;
    }

    /**
     * @return the source's own normaliser factory, or null for the context's.
     */
    public NormaliserFactory normaliserFactory()
    {
        return normaliserFactory;
    }

    /**
     * @return longest message the source's own normaliser writes, or 0 when it has none.
     */
    public int maxMessageLength()
    {
        return maxMessageLength;
    }

    /**
     * @return what the source's own normaliser reads and makes, or null when it has none.
     */
    public String venue()
    {
        return venue;
    }
}
