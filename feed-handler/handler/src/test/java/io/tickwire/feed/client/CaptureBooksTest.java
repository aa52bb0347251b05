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

import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.book.ReferenceFeed;
import io.tickwire.feed.ingest.MalformedInputCounter;
import io.tickwire.feed.ingest.PcapSource;
import io.tickwire.feed.ingest.itch.ItchNormaliser;
import io.tickwire.latency.CalibratedEpochNanoClock;
import io.tickwire.sbe.MarketDataHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Books built from the real NASDAQ ITCH 5.0 captures in {@code ../shared/data/itch50-pcap} (PcapSource →
 * ItchNormaliser → BookBuilder) equal the plain-collections {@link ReferenceFeed} after every message. The captures
 * are short excerpts of a trading day, so executions, cancels, deletes and replaces mostly name orders added before
 * the excerpt: both sides must then reject them the same way (counted as errors, book unchanged).
 */
@Timeout(60)
class CaptureBooksTest
{
    @Test
    void shouldBuildBooksEqualToReferenceFromEveryCapture() throws IOException
    {
        final Path captures = Paths.get(System.getProperty("tickwire.shared.dir", "../shared"), "data", "itch50-pcap");
        Assumptions.assumeTrue(Files.isDirectory(captures), "../shared/data absent: skipping books from ITCH captures");
        final List<Path> files;
        try (Stream<Path> list = Files.list(captures))
        {
            files = list.filter((p) -> p.toString().endsWith(".pcap")).sorted().collect(Collectors.toList());
        }
        Assumptions.assumeFalse(files.isEmpty(), "../shared/data has no .pcap captures: skipping");

        long totalApplied = 0;
        long totalErrors = 0;
        long totalAddsResting = 0;
        for (final Path file : files)
        {
            final MalformedInputCounter malformed = new MalformedInputCounter(10);
            final ItchNormaliser normaliser =
                new ItchNormaliser(CalibratedEpochNanoClock.shared(), malformed, file.getFileName().toString());
            final BookBuilder builder = new BookBuilder(null);
            final ReferenceFeed reference = new ReferenceFeed();
            final UnsafeBuffer sbe = new UnsafeBuffer(new byte[ItchNormaliser.MAX_ENCODED_LENGTH]);
            final long[] sequence = new long[1];
            final String name = file.getFileName().toString();
            try (PcapSource source = new PcapSource(file, malformed))
            {
                while (!source.isExhausted())
                {
                    source.poll(
                        (itchSequence, buffer, offset, length) ->
                        {
                            final int sbeLength = normaliser.normalise(itchSequence, buffer, offset, length, sbe, 0);
                            if (sbeLength <= 0)
                            {
                                return;
                            }
                            sbe.putLong(MarketDataHeader.SEQUENCE_OFFSET, ++sequence[0], ByteOrder.LITTLE_ENDIAN);
                            builder.apply(sbe, 0, sbeLength);
                            final long instrumentId = reference.apply(sbe, 0);
                            reference.assertBookEquals(instrumentId, builder.book(instrumentId),
                                name + " seq " + sequence[0] + " (itch seq " + itchSequence + ")");
                        },
                        100);
                }
            }

            for (final long instrumentId : reference.instrumentIds())
            {
                reference.assertBookEquals(instrumentId, builder.book(instrumentId), "final, " + name);
                totalAddsResting += null == builder.book(instrumentId) ? 0 : builder.book(instrumentId).orderCount();
            }
            assertEquals(0, malformed.total(), name + ": " + malformed.firstReports());
            assertEquals(reference.errors(), builder.totalBookErrors(), name + ": book errors");
            totalApplied += sequence[0];
            totalErrors += builder.totalBookErrors();
        }

        assertTrue(totalApplied > 0, "no message normalised from " + files.size() + " captures");
        assertTrue(totalAddsResting > 0, "no order resting in any book");
        System.out.printf("%d captures: %d messages applied, %d resting orders at the end, %d book errors " +
            "(orders from before the excerpt), identical on both sides%n", files.size(), totalApplied,
            totalAddsResting, totalErrors);
    }
}
