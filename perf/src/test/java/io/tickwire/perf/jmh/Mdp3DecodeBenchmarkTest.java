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
package io.tickwire.perf.jmh;

import io.tickwire.feed.ingest.mdp3.Mdp3PacketDecoder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static io.tickwire.perf.jmh.Mdp3BenchmarkPackets.BOOK_46_ENTRIES;
import static io.tickwire.perf.jmh.Mdp3BenchmarkPackets.BOOK_46_MD_ENTRIES;
import static io.tickwire.perf.jmh.Mdp3BenchmarkPackets.BOOK_46_MESSAGES;
import static io.tickwire.perf.jmh.Mdp3BenchmarkPackets.MIXED_ENTRIES;
import static io.tickwire.perf.jmh.Mdp3BenchmarkPackets.MIXED_MD_ENTRIES;
import static io.tickwire.perf.jmh.Mdp3BenchmarkPackets.MIXED_MESSAGES;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A fast wrong answer is not a result: {@link Mdp3DecodeBenchmark} decodes, from the shared CME captures and from
 * the packets its fallback builds with the encoders, the messages and entries the decoder's tests expect of those
 * captures (the version 9 book packet: 2 messages of template 46, 23 price levels and 16 orders; the trade event:
 * templates 48, 37, 47, 46, 46 with 6 MD entries and 3 orders), template by template, without a report, and counts
 * them as JMH will report them.
 */
@Timeout(30)
class Mdp3DecodeBenchmarkTest
{
    private static final Blackhole BLACKHOLE = new Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    private static final int REPEATS = 1_000;

    @Test
    void shouldDecodeTheSharedCapturesAsTheDecoderTestsExpect()
    {
        final Path captures = Paths.get(System.getProperty("tickwire.shared.dir", "../shared"), "data", "mdp3-pcap");
        Assumptions.assumeTrue(Files.isDirectory(captures), "../shared/data absent: skipping the captured packets");

        final Mdp3BenchmarkPackets packets = Mdp3BenchmarkPackets.load();
        assertEquals(captures.toString(), packets.source(), "the captures are used when present");
        assertDecodesAsExpected(packets);
    }

    @Test
    void shouldDecodeTheEncodedFallbackPacketsLikeTheCaptures()
    {
        assertDecodesAsExpected(Mdp3BenchmarkPackets.fromEncoder());
    }

    private static void assertDecodesAsExpected(final Mdp3BenchmarkPackets packets)
    {
        final Mdp3DecodeBenchmark benchmark = new Mdp3DecodeBenchmark();
        benchmark.setUp(BLACKHOLE, packets);
        final Mdp3PacketDecoder decoder = benchmark.decoder();
        final Mdp3DecodeBenchmark.Delivered book = new Mdp3DecodeBenchmark.Delivered();
        final Mdp3DecodeBenchmark.Delivered mixed = new Mdp3DecodeBenchmark.Delivered();
        final long setUpMessages = decoder.messageCount();

        for (int i = 0; i < REPEATS; i++)
        {
            assertEquals(BOOK_46_MESSAGES, benchmark.refreshBook46(book));
        }
        assertEquals((long)REPEATS * BOOK_46_MESSAGES, book.messages, packets.source());
        assertEquals((long)REPEATS * BOOK_46_ENTRIES, book.entries);
        assertEquals((long)REPEATS * BOOK_46_MD_ENTRIES, book.mdEntries);
        assertEquals(setUpMessages + (long)REPEATS * BOOK_46_MESSAGES, decoder.messageCount(46) +
            decoder.messageCount(37) + decoder.messageCount(47) + decoder.messageCount(48));

        for (int i = 0; i < REPEATS; i++)
        {
            assertEquals(MIXED_MESSAGES, benchmark.mixed(mixed));
        }
        assertEquals((long)REPEATS * MIXED_MESSAGES, mixed.messages);
        assertEquals((long)REPEATS * MIXED_ENTRIES, mixed.entries);
        assertEquals((long)REPEATS * MIXED_MD_ENTRIES, mixed.mdEntries);

        // Set-up decoded each packet once; templates per packet: book 46, 46; mixed 48, 37, 47, 46, 46.
        final long books = REPEATS + 1L;
        final long trades = REPEATS + 1L;
        assertEquals(2 * books + 2 * trades, decoder.messageCount(46), "template 46");
        assertEquals(trades, decoder.messageCount(48), "template 48");
        assertEquals(trades, decoder.messageCount(37), "template 37");
        assertEquals(trades, decoder.messageCount(47), "template 47");
        assertEquals(books + trades, decoder.packetCount());
        assertEquals(0, decoder.malformedCount());
        assertEquals(0, decoder.skippedCount());

        book.reset();
        assertEquals(0, book.entries + book.mdEntries + book.messages, "counts start again each iteration");
    }
}
