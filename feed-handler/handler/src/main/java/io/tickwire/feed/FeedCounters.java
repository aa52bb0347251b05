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
import io.aeron.Counter;
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
 * and Aeron's {@code AeronStat} shows them next to the driver's own. Labels start with {@code tickwire-feed}.
 */
public final class FeedCounters implements AutoCloseable
{
    /** Type id of "ITCH messages in" per source. */
    public static final int MESSAGES_IN_TYPE_ID = 3001;
    /** Type id of "messages not normalised" (types counted but not published) per source. */
    public static final int NOT_NORMALISED_TYPE_ID = 3002;
    /** Type id of "ring-full episodes" per source. */
    public static final int RING_FULL_TYPE_ID = 3003;
    /** Type id of "messages dropped, ring full" per live source. */
    public static final int DROPPED_TYPE_ID = 3004;
    /** Type id of "malformed input" per source and reason. */
    public static final int MALFORMED_TYPE_ID = 3005;
    /** Type id of "upstream MoldUDP64 gaps" per source. */
    public static final int UPSTREAM_GAPS_TYPE_ID = 3006;
    /** Type id of "upstream MoldUDP64 messages recovered" per source. */
    public static final int UPSTREAM_RECOVERED_TYPE_ID = 3007;
    /** Type id of "upstream MoldUDP64 messages lost" (unrecoverable gaps) per source. */
    public static final int UPSTREAM_LOST_TYPE_ID = 3008;
    /** Type id of "messages published". */
    public static final int MESSAGES_PUBLISHED_TYPE_ID = 3010;
    /** Type id of "bytes published". */
    public static final int BYTES_PUBLISHED_TYPE_ID = 3011;
    /** Type id of "back-pressure events". */
    public static final int BACK_PRESSURE_TYPE_ID = 3012;
    /** Type id of "not-connected events". */
    public static final int NOT_CONNECTED_TYPE_ID = 3013;
    /** Type id of "heartbeats published". */
    public static final int HEARTBEATS_TYPE_ID = 3014;
    /** Type id of "publisher position". */
    public static final int PUBLISHER_POSITION_TYPE_ID = 3015;

    private static final String PREFIX = "tickwire-feed ";
    private static final int MAX_NAME_LENGTH = 200;

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

    private final List<Counter> allocated = new ArrayList<>();
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
            for (final String sourceName : sourceNames)
            {
                final String name = shorten(sourceName);
                final IngestCounters ingest = new IngestCounters(
                    add(aeron, MESSAGES_IN_TYPE_ID, "msgs-in: " + name),
                    add(aeron, NOT_NORMALISED_TYPE_ID, "msgs-not-normalised: " + name),
                    add(aeron, RING_FULL_TYPE_ID, "ring-full: " + name),
                    add(aeron, DROPPED_TYPE_ID, "dropped-ring-full: " + name));
                final MalformedReason[] reasons = MalformedReason.values();
                final AtomicCounter[] malformed = new AtomicCounter[reasons.length];
                for (final MalformedReason reason : reasons)
                {
                    malformed[reason.ordinal()] = add(aeron, MALFORMED_TYPE_ID, "malformed " + reason + ": " + name);
                }
                sources.add(new Source(
                    sourceName,
                    ingest,
                    malformed,
                    add(aeron, UPSTREAM_GAPS_TYPE_ID, "upstream-gaps: " + name),
                    add(aeron, UPSTREAM_RECOVERED_TYPE_ID, "upstream-recovered: " + name),
                    add(aeron, UPSTREAM_LOST_TYPE_ID, "upstream-lost: " + name)));
            }

            final String stream = shorten(streamLabel);
            publisher = new PublisherCounters(
                add(aeron, MESSAGES_PUBLISHED_TYPE_ID, "msgs-published: " + stream),
                add(aeron, BYTES_PUBLISHED_TYPE_ID, "bytes-published: " + stream),
                add(aeron, BACK_PRESSURE_TYPE_ID, "back-pressure: " + stream),
                add(aeron, NOT_CONNECTED_TYPE_ID, "not-connected: " + stream),
                add(aeron, HEARTBEATS_TYPE_ID, "heartbeats: " + stream),
                add(aeron, PUBLISHER_POSITION_TYPE_ID, "publisher-position: " + stream));
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

    private AtomicCounter add(final Aeron aeron, final int typeId, final String label)
    {
        final Counter counter = aeron.addCounter(typeId, PREFIX + label);
        allocated.add(counter);
        return counter;
    }

    private static String shorten(final String name)
    {
        return name.length() <= MAX_NAME_LENGTH ? name : "..." + name.substring(name.length() - MAX_NAME_LENGTH);
    }
}
