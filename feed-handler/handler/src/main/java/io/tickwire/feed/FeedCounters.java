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

import io.aeron.Aeron;
import io.tickwire.counters.CounterAllocator;
import io.tickwire.counters.CounterSet;
import io.tickwire.feed.ingest.MalformedReason;
import io.tickwire.feed.publish.PublisherCounters;
import io.tickwire.feed.ring.IngestCounters;
import org.agrona.CloseHelper;
import org.agrona.concurrent.status.AtomicCounter;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The feed handler's counters, allocated through the Aeron client so that they live in the driver's CnC file
 * and Aeron's {@code AeronStat} shows them next to the driver's own: a {@link CounterSet} per source and one for the
 * publisher, labelled {@code tickwire-feed NAME: SOURCE} and {@code tickwire-feed NAME: CHANNEL stream ID}; type
 * ids in {@link FeedCounterTypes}.
 */
public final class FeedCounters implements AutoCloseable
{
    /** The component in the counters' labels. */
    public static final String COMPONENT = "tickwire-feed";

    /**
     * The counters of one source.
     */
    public static final class Source
    {
        private final String name;
        private final IngestCounters ingest;
        private final AtomicCounter[] malformed;
        private final AtomicCounter upstreamGaps;
        private final AtomicCounter upstreamRecovered;
        private final AtomicCounter upstreamLost;

        Source(
            final String name,
            final IngestCounters ingest,
            final AtomicCounter[] malformed,
            final AtomicCounter upstreamGaps,
            final AtomicCounter upstreamRecovered,
            final AtomicCounter upstreamLost)
        {
            this.name = name;
            this.ingest = ingest;
            this.malformed = malformed;
            this.upstreamGaps = upstreamGaps;
            this.upstreamRecovered = upstreamRecovered;
            this.upstreamLost = upstreamLost;
        }

        /**
         * @return name of the source.
         */
        public String name()
        {
            return name;
        }

        /**
         * @return the ingest agent's counters.
         */
        public IngestCounters ingest()
        {
            return ingest;
        }

        /**
         * @param reason of malformed input.
         * @return the counter for that reason.
         */
        public AtomicCounter malformed(final MalformedReason reason)
        {
            return malformed[reason.ordinal()];
        }

        /**
         * @return malformed input of all reasons.
         */
        public long malformedTotal()
        {
            long total = 0;
            for (final AtomicCounter counter : malformed)
            {
                total += counter.get();
            }
            return total;
        }

        /**
         * @return upstream MoldUDP64 gaps detected (0 for other sources).
         */
        public AtomicCounter upstreamGaps()
        {
            return upstreamGaps;
        }

        /**
         * @return upstream MoldUDP64 messages recovered by re-request (0 for other sources).
         */
        public AtomicCounter upstreamRecovered()
        {
            return upstreamRecovered;
        }

        /**
         * @return upstream MoldUDP64 messages lost to unrecoverable gaps (0 for other sources).
         */
        public AtomicCounter upstreamLost()
        {
            return upstreamLost;
        }

        /**
         * A listener that counts into this source's upstream counters.
         *
         * @param out where unrecoverable gaps are reported; null for nowhere.
         * @return the listener.
         */
        public UpstreamCounters newUpstreamListener(final PrintStream out)
        {
            return new UpstreamCounters(name, upstreamGaps, upstreamRecovered, upstreamLost, out);
        }

        /**
         * A listener that counts into this source's malformed counters.
         *
         * @param out         where the first reports of each reason are printed; null for none.
         * @param reportLimit reports printed per reason.
         * @return the listener.
         */
        public MalformedInputReporter newMalformedListener(final PrintStream out, final int reportLimit)
        {
            return new MalformedInputReporter(malformed, out, reportLimit);
        }
    }

    private final List<CounterSet> allocated = new ArrayList<>();
    private final List<Source> sources = new ArrayList<>();
    private final PublisherCounters publisher;

    /**
     * Allocate the counters for the given sources and the publisher.
     *
     * @param aeron       client to allocate through.
     * @param sourceNames one per source, in ring order.
     * @param streamLabel channel and stream, for the publisher's labels.
     */
    public FeedCounters(final Aeron aeron, final List<String> sourceNames, final String streamLabel)
    {
        try
        {
            final CounterAllocator allocator = aeron::addCounter;
            for (final String sourceName : sourceNames)
            {
                final CounterSet set = add(new CounterSet(allocator, COMPONENT, sourceName));
                final IngestCounters ingest = new IngestCounters(
                    set.add(FeedCounterTypes.MESSAGES_IN, "msgs-in"),
                    set.add(FeedCounterTypes.NOT_NORMALISED, "msgs-not-normalised"),
                    set.add(FeedCounterTypes.RING_FULL, "ring-full"),
                    set.add(FeedCounterTypes.DROPPED, "dropped-ring-full"));
                final MalformedReason[] reasons = MalformedReason.values();
                final AtomicCounter[] malformed = new AtomicCounter[reasons.length];
                for (final MalformedReason reason : reasons)
                {
                    malformed[reason.ordinal()] = set.add(FeedCounterTypes.MALFORMED, "malformed " + reason);
                }
                sources.add(new Source(
                    sourceName,
                    ingest,
                    malformed,
                    set.add(FeedCounterTypes.UPSTREAM_GAPS, "upstream-gaps"),
                    set.add(FeedCounterTypes.UPSTREAM_RECOVERED, "upstream-recovered"),
                    set.add(FeedCounterTypes.UPSTREAM_LOST, "upstream-lost")));
            }

            final CounterSet set = add(new CounterSet(allocator, COMPONENT, streamLabel));
            publisher = new PublisherCounters(
                set.add(FeedCounterTypes.MESSAGES_PUBLISHED, "msgs-published"),
                set.add(FeedCounterTypes.BYTES_PUBLISHED, "bytes-published"),
                set.add(FeedCounterTypes.BACK_PRESSURE, "back-pressure"),
                set.add(FeedCounterTypes.NOT_CONNECTED, "not-connected"),
                set.add(FeedCounterTypes.HEARTBEATS, "heartbeats"),
                set.add(FeedCounterTypes.PUBLISHER_POSITION, "publisher-position"));
        }
        catch (final RuntimeException ex)
        {
            close();
            throw ex;
        }
    }

    /**
     * @return the per-source counters, in ring order.
     */
    public List<Source> sources()
    {
        return Collections.unmodifiableList(sources);
    }

    /**
     * @return the publisher's counters.
     */
    public PublisherCounters publisher()
    {
        return publisher;
    }

    /**
     * @return ITCH messages in, all sources.
     */
    public long messagesIn()
    {
        long total = 0;
        for (final Source source : sources)
        {
            total += source.ingest().messagesIn().get();
        }
        return total;
    }

    /**
     * @return malformed input, all sources and reasons.
     */
    public long malformed()
    {
        long total = 0;
        for (final Source source : sources)
        {
            total += source.malformedTotal();
        }
        return total;
    }

    /**
     * @param reason of malformed input.
     * @return malformed input of that reason, all sources.
     */
    public long malformed(final MalformedReason reason)
    {
        long total = 0;
        for (final Source source : sources)
        {
            total += source.malformed(reason).get();
        }
        return total;
    }

    /**
     * @return messages dropped for a full ring, all sources.
     */
    public long dropped()
    {
        long total = 0;
        for (final Source source : sources)
        {
            total += source.ingest().dropped().get();
        }
        return total;
    }

    /**
     * @return ring-full episodes, all sources.
     */
    public long ringFull()
    {
        long total = 0;
        for (final Source source : sources)
        {
            total += source.ingest().ringFull().get();
        }
        return total;
    }

    /**
     * @return messages of types counted but not normalised, all sources.
     */
    public long notNormalised()
    {
        long total = 0;
        for (final Source source : sources)
        {
            total += source.ingest().notNormalised().get();
        }
        return total;
    }

    /**
     * @return upstream gaps, all sources.
     */
    public long upstreamGaps()
    {
        long total = 0;
        for (final Source source : sources)
        {
            total += source.upstreamGaps().get();
        }
        return total;
    }

    /**
     * @return upstream messages recovered, all sources.
     */
    public long upstreamRecovered()
    {
        long total = 0;
        for (final Source source : sources)
        {
            total += source.upstreamRecovered().get();
        }
        return total;
    }

    /**
     * @return upstream messages lost to unrecoverable gaps, all sources.
     */
    public long upstreamLost()
    {
        long total = 0;
        for (final Source source : sources)
        {
            total += source.upstreamLost().get();
        }
        return total;
    }

    /**
     * Free the counters in the driver.
     */
    public void close()
    {
        CloseHelper.closeAll(allocated);
        allocated.clear();
    }

    private CounterSet add(final CounterSet set)
    {
        allocated.add(set);
        return set;
    }
}
