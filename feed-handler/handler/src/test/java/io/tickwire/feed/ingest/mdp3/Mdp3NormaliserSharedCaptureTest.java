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

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every shared CME capture ({@code ../shared/data/mdp3-pcap}, schema versions 5 and 9) normalises without a
 * malformed report, each definition is published, and each book and trade entry the decoder reads from it is
 * published with its instrument, action, side, level, size, order count, RptSeq and price scaled to -9. Normalised
 * market by order, the order entries of the version 9 captures (46 and 47) are published as OrderUpdate with the
 * price, side and RptSeq of the MD entry their ReferenceID names.
 */
@Timeout(60)
class Mdp3NormaliserSharedCaptureTest
{
    private static Path captures;

    @BeforeAll
    static void findCaptures()
    {
        final String shared = System.getProperty("tickwire.shared.dir", "../shared");
        captures = Paths.get(shared, "data", "mdp3-pcap");
        Assumptions.assumeTrue(Files.isDirectory(captures),
            "../shared/data absent: skipping shared MDP 3.0 captures (set -Dtickwire.shared.dir to run them)");
    }

    @Test
    void shouldNormaliseEveryCaptureWithoutMalformedInputAndPublishEveryEntry() throws IOException
    {
        final List<Path> files;
        try (Stream<Path> list = Files.list(captures))
        {
            files = list.filter((p) -> p.toString().endsWith(".pcap")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no captures in " + captures);

        long levels = 0;
        for (final Path file : files)
        {
            final Mdp3Recorder decoded = new Mdp3Recorder();
            final Mdp3Recorder reports = new Mdp3Recorder();
            final FeedText sink = new FeedText();
            final Mdp3Normaliser normaliser = new Mdp3Normaliser(
                () -> 1L, reports, file.toString(), new Mdp3NormaliserCounters(null, file.toString()));
            final Mdp3PacketDecoder decoder = new Mdp3PacketDecoder(decoded, decoded, file.toString());
            try (Mdp3PcapSource source = new Mdp3PcapSource(file, reports))
            {
                while (!source.isExhausted())
                {
                    source.poll((sequence, buffer, offset, length) ->
                    {
                        decoder.decode(buffer, offset, length, sequence);
                        normaliser.normalise(sequence, buffer, offset, length, sink);
                    }, 10);
                }
            }

            assertEquals(List.of(), reports.reports, file.toString());
            final List<String> expected = Mdp3ExpectedFeed.levelsAndTrades(decoded.events);
            final List<String> published = sink.messages().stream()
                .filter((m) -> m.startsWith("level ") || m.startsWith("trade ")).toList();
            assertEquals(expected, published, file.toString());
            assertEquals(decoded.templates.stream().filter((t) -> t == 27 || t == 29 || t == 54 || t == 56).count(),
                sink.messages().stream().filter((m) -> m.startsWith("definition ")).count(), file.toString());
            levels += expected.size();
        }
        assertFalse(0 == levels, "the captures hold book and trade entries");
    }

    @Test
    void shouldScaleTheVersion5BookCapturesPricesToMinusNine() throws IOException
    {
        final FeedText sink = new FeedText();
        final Mdp3Recorder reports = new Mdp3Recorder();
        final Mdp3Normaliser normaliser =
            new Mdp3Normaliser(() -> 1L, reports, "v5", new Mdp3NormaliserCounters(null, "v5"));
        try (Mdp3PcapSource source =
            new Mdp3PcapSource(captures.resolve("mdp3-v1.5-MdIncrementalRefreshBook.pcap"), reports))
        {
            source.poll((sequence, buffer, offset, length) ->
                normaliser.normalise(sequence, buffer, offset, length, sink), 10);
        }

        final long es = (1L << 24) + 13950;
        assertEquals(List.of(
            "level " + es + " CHANGE BUY out L1 207775000000000 x308 n89 r20707877",
            "level " + es + " CHANGE BUY out L2 207750000000000 x480 n141 r20707878"), sink.messages());
        // TransactTime 1446234284339172006: 19:44:44.339172006 UTC.
        assertEquals(71_084_339_172_006L, sink.sourceTimestamps().get(0));
    }

    @Test
    void shouldPublishTheOrderEntriesOfTheVersion9CapturesAsOrderUpdates() throws IOException
    {
        final List<String> book = orderUpdates("mdp3-v1.9-MdIncrementalRefreshBook.pcap");
        assertEquals(16, book.size(), book.toString());
        // ReferenceID 2: the second MD entry, SecurityID 157660 RptSeq 412 New Offer 15250.
        assertEquals(
            "order " + ((1L << 24) + 157660) + " CHANGE SELL #563189401446 p10623363030 15250000000000 x1 r412",
            book.get(0));
        // ReferenceID 5: SecurityID 286825 RptSeq 797 Delete Bid 5150 size 19.
        assertEquals("order " + ((1L << 24) + 286825) + " DELETE BUY #563189416911 p10623361228 5150000000000 x19 r797",
            book.get(2));
        // ReferenceID 18: SecurityID 384238 RptSeq 777 New Offer 8970.
        assertEquals("order " + ((1L << 24) + 384238) + " NEW SELL #563189423864 p10623363050 8970000000000 x1 r777",
            book.get(12));

        assertEquals(List.of(
            "order " + ((1L << 24) + 532259) + " NEW SELL #76662054355 p641463012 12068000000000 x4 r0"),
            orderUpdates("mdp3-v1.9-MdIncrementalRefreshOrderBook.pcap"));
        assertEquals(List.of(
            "order " + ((1L << 24) + 170506) + " DELETE BUY #88463939692 p1423903009 12952000000000 x1 r0",
            "order " + ((1L << 24) + 170506) + " CHANGE BUY #88463940665 p1423903131 12952000000000 x2 r0"),
            orderUpdates("mdp3-v1.9-MdIncrementalRefreshTradeSummary.pcap"));
    }

    /**
     * A capture joins mid-session and has no snapshot loop: without a hold its order updates are published as they
     * come.
     */
    private static List<String> orderUpdates(final String file) throws IOException
    {
        final FeedText sink = new FeedText();
        final Mdp3Recorder reports = new Mdp3Recorder();
        final Mdp3Normaliser normaliser =
            new Mdp3Normaliser(() -> 1L, reports, file, new Mdp3NormaliserCounters(null, file)).marketByOrder(0);
        try (Mdp3PcapSource source = new Mdp3PcapSource(captures.resolve(file), reports))
        {
            while (!source.isExhausted())
            {
                source.poll((sequence, buffer, offset, length) ->
                    normaliser.normalise(sequence, buffer, offset, length, sink), 10);
            }
        }
        assertEquals(List.of(), reports.reports, file);
        assertEquals(0, sink.messages().stream().filter((m) -> m.startsWith("level ")).count(), file);
        return sink.messages().stream().filter((m) -> m.startsWith("order ")).toList();
    }
}
