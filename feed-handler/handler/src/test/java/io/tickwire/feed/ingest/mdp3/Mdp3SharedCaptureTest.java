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

import io.tickwire.feed.cli.Mdp3DumpPrinter;
import io.tickwire.feed.ingest.PcapUdpReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every message of every shared CME MDP 3.0 capture ({@code ../shared/data/mdp3-pcap}, schema versions 5 and 9)
 * decodes without error and with the field values read from the bytes of the capture: MsgSeqNum, SendingTime,
 * template ids in order, security ids, RptSeq, prices as mantissa and exponent, sizes, entry counts. Each whole
 * capture is also checked against the dump recorded in {@code mdp3-pcap-dump.txt}.
 */
@Timeout(60)
class Mdp3SharedCaptureTest
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
    void shouldDecodeEveryMessageOfEveryCaptureInOrderWithoutError() throws IOException
    {
        final Map<String, List<Integer>> templates = new LinkedHashMap<>();
        templates.put("mdp3-v1.5-MdIncrementalRefreshBook.pcap", List.of(32));
        templates.put("mdp3-v1.5-MdIncrementalRefreshTradeSummary.pcap", List.of(42));
        templates.put("mdp3-v1.5-MdIncrementalRefreshVolume.pcap", List.of(37, 32));
        templates.put("mdp3-v1.5-MdInstrumentDefinitionSpread.pcap", List.of(29, 29, 27, 29, 27));
        templates.put("mdp3-v1.9-MdIncrementalRefreshBook.pcap", List.of(46, 46));
        templates.put("mdp3-v1.9-MdIncrementalRefreshOrderBook.pcap", List.of(47));
        templates.put("mdp3-v1.9-MdIncrementalRefreshTradeSummary.pcap", List.of(48, 37, 47, 46, 46));
        assertEquals(templates.keySet(), captureNames(), "shared captures");

        for (final Map.Entry<String, List<Integer>> capture : templates.entrySet())
        {
            final Mdp3Recorder recorder = decode(capture.getKey());
            assertEquals(List.of(), recorder.reports, capture.getKey());
            assertEquals(capture.getValue(), recorder.templates, capture.getKey());
            final String version = capture.getKey().contains("v1.5") ? " v5 " : " v9 ";
            assertTrue(recorder.events.stream().filter((e) -> e.startsWith("incremental") ||
                e.startsWith("definition")).allMatch((e) -> e.contains(version)), capture.getKey());
        }
    }

    @Test
    void shouldDecodeTheVersion5BookPacket() throws IOException
    {
        assertEquals(List.of(
            "packet 19321375 1446234284339294656 100",
            "incremental 32 v5 1446234284339172006 132 2",
            "book 13950 20707877 1 0 2077750000000e-7 308 1 89",
            "book 13950 20707878 1 0 2077500000000e-7 480 2 141",
            "end 32"),
            decode("mdp3-v1.5-MdIncrementalRefreshBook.pcap").events);
    }

    @Test
    void shouldDecodeTheVersion5TradeSummaryWithItsOrdersAndNoTradeEntryId() throws IOException
    {
        // MDTradeEntryID came with version 7: absent (null) here although the entry block has room for it.
        assertEquals(List.of(
            "packet 19321415 1446234284847061045 172",
            "incremental 42 v5 1446234284846627883 1 1",
            "trade 13950 20707922 0 2078000000000e-7 11 6 1 " + Mdp3Schema.NULL_UINT32,
            "tradeOrder 0 11",
            "tradeOrder 643336544165 1",
            "tradeOrder 643336544167 1",
            "tradeOrder 643336544171 4",
            "tradeOrder 643336544172 1",
            "tradeOrder 643336544174 4",
            "end 42"),
            decode("mdp3-v1.5-MdIncrementalRefreshTradeSummary.pcap").events);
    }

    @Test
    void shouldDecodeTheVersion5VolumeAndBookOfOnePacket() throws IOException
    {
        assertEquals(List.of(
            "packet 19321379 1446234284406158799 108",
            "incremental 37 v5 1446234284405794767 2 1",
            "volume 13950 20707882 0 1340718",
            "end 37",
            "incremental 32 v5 1446234284405794767 132 1",
            "book 13950 20707883 1 1 2078000000000e-7 85 1 22",
            "end 32"),
            decode("mdp3-v1.5-MdIncrementalRefreshVolume.pcap").events);
    }

    @Test
    void shouldDecodeTheVersion5DefinitionsOfFuturesAndSpreads() throws IOException
    {
        final String common = " ES ES FUT ";
        final String channel = " status=4 appl=310 gbx=10 gbi=-1 events=5:";
        assertEquals(List.of(
            "packet 2 1446849164970634188 1376",
            "definition 29 v5 spread 10123 ESM6-ESU6" + common + "FMIXSX 2016-6 USD tick=50000000e-7 " +
                "display=100000e-7 ref=-6700000000" + channel + "1434720600000000000,7:1466170200000000000 " +
                "legs=6505S1,2615B1",
            "end 29",
            "definition 29 v5 spread 7978 ESM6-ESZ6" + common + "FMIXSX 2016-6 USD tick=50000000e-7 " +
                "display=100000e-7 ref=-12800000000" + channel + "1442583000000000000,7:1466170200000000000 " +
                "legs=6505S1,2928B1",
            "end 29",
            "definition 27 v5 future 2615 ESU6" + common + "FFIXSX 2016-9 USD tick=250000000e-7 " +
                "display=100000e-7 ref=2073500000000" + channel + "1434720600000000000,7:1474032600000000000 legs=",
            "end 27",
            "definition 29 v5 spread 8036 ESU6-ESZ6" + common + "FMIXSX 2016-9 USD tick=50000000e-7 " +
                "display=100000e-7 ref=-6100000000" + channel + "1442583000000000000,7:1474032600000000000 " +
                "legs=2615S1,2928B1",
            "end 29",
            "definition 27 v5 future 13950 ESZ5" + common + "FFIXSX 2015-12 USD tick=250000000e-7 " +
                "display=100000e-7 ref=2093750000000" + channel + "1411133400000000000,7:1450449000000000000 legs=",
            "end 27"),
            decode("mdp3-v1.5-MdInstrumentDefinitionSpread.pcap").events);
    }

    @Test
    void shouldDecodeTheVersion9BookWithItsOrderEntries() throws IOException
    {
        final Mdp3Recorder recorder = decode("mdp3-v1.9-MdIncrementalRefreshBook.pcap");
        final List<String> books = recorder.eventsStartingWith("book ");
        final List<String> orders = recorder.eventsStartingWith("bookOrder ");

        assertEquals("packet 1028095 1536760535685381248 1196", recorder.events.get(0));
        assertEquals("incremental 46 v9 1536760535644820404 4 23", recorder.events.get(1));
        assertEquals(23, books.size());
        assertEquals("book 157660 411 2 1 15230000000000e-9 1 1 1", books.get(0));
        assertEquals("book 157660 412 0 1 15250000000000e-9 1 1 1", books.get(1));
        assertEquals("book 286825 797 2 0 5150000000000e-9 19 1 1", books.get(4));
        assertEquals("book 831691 728 2 1 10370000000000e-9 1 1 1", books.get(22));
        // The 8-byte group dimension: blockLength 24, five bytes of padding, numInGroup 16.
        assertEquals(16, orders.size());
        assertEquals("bookOrder 563189401446 10623363030 1 2 1", orders.get(0));
        assertEquals("bookOrder 563189412340 10623323688 1 23 2", orders.get(15));
        // The second message of the packet ends the event with both groups empty.
        assertEquals(List.of("end 46", "incremental 46 v9 1536760535644820404 128 0", "end 46"),
            recorder.events.subList(recorder.events.size() - 3, recorder.events.size()));
        assertEquals(2 + 23 + 16 + 3, recorder.events.size());
    }

    @Test
    void shouldDecodeTheVersion9OrderBook() throws IOException
    {
        assertEquals(List.of(
            "packet 911525 1536760536898363329 76",
            "incremental 47 v9 1536760536853618175 132 1",
            "order 532259 76662054355 641463012 0 1 12068000000000e-9 4",
            "end 47"),
            decode("mdp3-v1.9-MdIncrementalRefreshOrderBook.pcap").events);
    }

    @Test
    void shouldDecodeTheVersion9TradeEventAcrossFiveTemplates() throws IOException
    {
        assertEquals(List.of(
            "packet 884140 1536760535682568739 396",
            "incremental 48 v9 1536760535670166278 1 1",
            "trade 170506 20185 0 12952000000000e-9 2 3 2 341412",
            "tradeOrder 88463941745 2",
            "tradeOrder 88463939692 1",
            "tradeOrder 88463940665 1",
            "end 48",
            "incremental 37 v9 1536760535670166278 2 1",
            "volume 170506 20186 0 3765",
            "end 37",
            "incremental 47 v9 1536760535670166278 4 2",
            "order 170506 88463939692 1423903009 2 0 12952000000000e-9 1",
            "order 170506 88463940665 1423903131 1 0 12952000000000e-9 2",
            "end 47",
            "incremental 46 v9 1536760535670166278 4 1",
            "book 170506 20187 1 0 12952000000000e-9 3 1 2",
            "end 46",
            "incremental 46 v9 1536760535670166278 144 1",
            "book 5893 19534 1 E 13003000000000e-9 3 1 " + Mdp3Schema.NULL_INT32,
            "end 46"),
            decode("mdp3-v1.9-MdIncrementalRefreshTradeSummary.pcap").events);
    }

    @Test
    void shouldFollowRptSeqAcrossTheTemplatesOfAnInstrument() throws IOException
    {
        // Trade, volume and book entries of instrument 170506 carry RptSeq 20185, 20186, 20187.
        final Mdp3SequenceTracker tracker = new Mdp3SequenceTracker();
        final Mdp3DumpPrinter printer = new Mdp3DumpPrinter(new PrintWriter(new StringWriter()), tracker);
        final Mdp3Recorder reports = new Mdp3Recorder();
        readPackets("mdp3-v1.9-MdIncrementalRefreshTradeSummary.pcap", new Mdp3PacketDecoder(printer, reports, "t"));

        assertEquals(20_187, tracker.lastRptSeq(170_506));
        assertEquals(19_534, tracker.lastRptSeq(5893));
        assertEquals(0, tracker.rptSeqGaps());
        assertEquals(0, tracker.rptSeqDuplicates());
        assertEquals(884_140, tracker.lastMsgSeqNum());
    }

    @Test
    void shouldReadThePcapLayersOfTheCaptures() throws IOException
    {
        final Mdp3Recorder reports = new Mdp3Recorder();
        try (PcapUdpReader reader = new PcapUdpReader(captures.resolve("mdp3-v1.5-MdIncrementalRefreshBook.pcap"),
            reports))
        {
            assertEquals(ByteOrder.LITTLE_ENDIAN, reader.byteOrder());
            assertFalse(reader.isNanosecond());
            assertTrue(reader.next());
            assertEquals(5_017_848_978_163_000L, reader.timestampNanos());
            assertEquals("205.209.223.70", PcapUdpReader.formatAddress(reader.sourceAddress()));
            assertEquals("224.0.31.1", PcapUdpReader.formatAddress(reader.destinationAddress()));
            assertEquals(14310, reader.sourcePort());
            assertEquals(14310, reader.destinationPort());
            assertEquals(100, reader.payloadLength());
            assertEquals(24L, reader.recordPosition());
            assertEquals(24L + 16 + 14 + 20 + 8, reader.payloadPosition());
            assertEquals(19_321_375L, Mdp3PacketDecoder.msgSeqNum(reader.buffer(), reader.payloadOffset()));
            assertFalse(reader.next());
            assertTrue(reader.isExhausted());
            assertEquals(1, reader.recordCount());
        }
        try (PcapUdpReader reader = new PcapUdpReader(captures.resolve("mdp3-v1.9-MdIncrementalRefreshBook.pcap"),
            reports))
        {
            assertTrue(reader.next());
            assertEquals(1_536_760_535_679_530_000L, reader.timestampNanos());
            assertEquals("69.50.112.95", PcapUdpReader.formatAddress(reader.sourceAddress()));
            assertEquals("224.0.28.20", PcapUdpReader.formatAddress(reader.destinationAddress()));
            assertEquals(14361, reader.destinationPort());
            assertEquals(1196, reader.payloadLength());
        }
        assertEquals(List.of(), reports.reports);
    }

    @Test
    void shouldMatchTheRecordedDumpOfEveryCapture() throws IOException
    {
        final Map<String, List<String>> expected = expectedDump();
        assertEquals(captureNames(), expected.keySet());
        for (final Map.Entry<String, List<String>> capture : expected.entrySet())
        {
            final StringWriter out = new StringWriter();
            final Mdp3DumpPrinter printer =
                new Mdp3DumpPrinter(new PrintWriter(out), new Mdp3SequenceTracker());
            final Mdp3Recorder reports = new Mdp3Recorder();
            readPackets(capture.getKey(), new Mdp3PacketDecoder(printer, reports, capture.getKey()));
            assertEquals(List.of(), reports.reports);
            assertEquals(capture.getValue(), List.of(out.toString().split("\n")), capture.getKey());
        }
    }

    private static Mdp3Recorder decode(final String name) throws IOException
    {
        final Mdp3Recorder recorder = new Mdp3Recorder();
        readPackets(name, new Mdp3PacketDecoder(recorder, recorder, name));
        return recorder;
    }

    private static void readPackets(final String name, final Mdp3PacketDecoder decoder) throws IOException
    {
        final Mdp3Recorder reports = new Mdp3Recorder();
        try (PcapUdpReader reader = new PcapUdpReader(captures.resolve(name), reports))
        {
            while (reader.next())
            {
                decoder.decode(reader.buffer(), reader.payloadOffset(), reader.payloadLength(),
                    reader.payloadPosition());
            }
        }
        assertEquals(List.of(), reports.reports, name);
    }

    private static Set<String> captureNames() throws IOException
    {
        try (Stream<Path> list = Files.list(captures))
        {
            return list.map((p) -> p.getFileName().toString()).filter((n) -> n.endsWith(".pcap"))
                .sorted().collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    private static Map<String, List<String>> expectedDump() throws IOException
    {
        final Map<String, List<String>> expected = new LinkedHashMap<>();
        try (InputStream in = Mdp3SharedCaptureTest.class.getResourceAsStream("mdp3-pcap-dump.txt"))
        {
            List<String> lines = null;
            for (final String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
            {
                if (line.startsWith("# "))
                {
                    lines = new ArrayList<>();
                    expected.put(line.substring(2), lines);
                }
                else if (!line.isEmpty())
                {
                    lines.add(line);
                }
            }
        }
        return expected;
    }
}
