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
package io.tickwire.feed.ingest;

import io.tickwire.feed.cli.ItchDumpPrinter;
import io.tickwire.feed.ingest.itch.ItchDecoder;
import io.tickwire.feed.ingest.itch.ItchListener;
import io.tickwire.feed.ingest.itch.ItchMessageType;
import io.tickwire.feed.ingest.itch.ItchNormaliser;
import io.tickwire.feed.ingest.itch.ItchText;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every message of every shared ITCH 5.0 capture decodes without error and with the right field values.
 * <p>
 * The first message of every file is checked field by field against values read from a hex dump of the capture
 * (see the expectations below); every other message is checked against the dump recorded in
 * {@code itch50-pcap-dump.txt}.
 */
@Timeout(60)
class SharedCaptureTest
{
    private static Path captures;

    @BeforeAll
    static void findCaptures()
    {
        final String shared = System.getProperty("tickwire.shared.dir", "../shared");
        captures = Paths.get(shared, "data", "itch50-pcap");
        Assumptions.assumeTrue(Files.isDirectory(captures), "../shared/data absent: skipping shared ITCH captures");
    }

    @Test
    void shouldDecodeEveryCaptureWithoutErrorAndMatchTheRecordedDump() throws IOException
    {
        final Map<String, List<String>> expected = expectedDump();
        final List<Path> files;
        try (Stream<Path> list = Files.list(captures))
        {
            files = list.filter((p) -> p.toString().endsWith(".pcap")).sorted().collect(Collectors.toList());
        }
        assertEquals(23, files.size(), "shared captures");
        assertEquals(expected.keySet(), files.stream().map((p) -> p.getFileName().toString())
            .collect(Collectors.toSet()));

        for (final Path file : files)
        {
            final List<String> lines = dump(file);
            assertEquals(expected.get(file.getFileName().toString()), lines, file.toString());
        }
    }

    @Test
    void shouldCountMessagesPerFile() throws IOException
    {
        final Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("v50-20230822-AddOrderNoMPID.pcap", 5);
        counts.put("v50-20230822-AddOrderWithMPID.pcap", 5);
        counts.put("v50-20230822-CrossTrade.pcap", 5);
        counts.put("v50-20230822-LULDAuctionCollar.pcap", 5);
        counts.put("v50-20230822-MarketParticipantPosition.pcap", 5);
        counts.put("v50-20230822-NetOrderImbalanceIndicator.pcap", 5);
        counts.put("v50-20230822-NonCrossTrade.pcap", 5);
        counts.put("v50-20230822-OrderCancel.pcap", 5);
        counts.put("v50-20230822-OrderDelete.pcap", 5);
        counts.put("v50-20230822-OrderExecuted.pcap", 5);
        counts.put("v50-20230822-OrderExecutedWithPrice.pcap", 5);
        counts.put("v50-20230822-OrderReplace.pcap", 5);
        counts.put("v50-20230822-RegSHORestriction.pcap", 5);
        counts.put("v50-20230822-StockTradingAction.pcap", 5);
        counts.put("v50-20230822-SystemEvent.pcap", 1);
        counts.put("v50-AddOrderNoMpidAttributionMessage.pcap", 1);
        counts.put("v50-MarketParticipantPositionMessage.pcap", 1);
        counts.put("v50-Multiple.Packets.pcap", 39);
        counts.put("v50-NetOrderImbalanceIndicatorMessage.pcap", 1);
        counts.put("v50-OrderDeleteMessage.pcap", 1);
        counts.put("v50-OrderExecutedMessage.pcap", 1);
        counts.put("v50-OrderReplaceMessage.pcap", 1);
        counts.put("v50-StockTradingActionMessage.pcap", 1);

        for (final Map.Entry<String, Integer> entry : counts.entrySet())
        {
            final ItchTestMessages.Recorder recorder = new ItchTestMessages.Recorder();
            final PcapSource source = new PcapSource(captures.resolve(entry.getKey()), recorder);
            ItchTestMessages.drain(source, recorder);
            assertEquals(List.of(), recorder.reports, entry.getKey());
            assertEquals(entry.getValue(), recorder.delivered.size(), entry.getKey());
            final long records = entry.getKey().contains("Multiple") ? 2 : entry.getValue();
            assertEquals(records, source.recordCount(), entry.getKey() + " records");
            for (final ItchTestMessages.Delivered message : recorder.delivered)
            {
                assertTrue(ItchMessageType.isValid(message.type(), message.length()), entry.getKey());
            }
        }
    }

    @Test
    void shouldReadTheCapturesAsLittleEndianNanosecondPcap() throws IOException
    {
        // The captures carry the nanosecond magic 0xa1b23c4d, written little-endian (bytes 4d 3c b2 a1).
        final ItchTestMessages.Recorder recorder = new ItchTestMessages.Recorder();
        try (PcapSource source = new PcapSource(captures.resolve("v50-20230822-SystemEvent.pcap"), recorder))
        {
            assertEquals(ByteOrder.LITTLE_ENDIAN, source.byteOrder());
            assertTrue(source.isNanosecond());
        }
    }

    @Test
    void shouldNumberMultiplePacketsByMoldUdp64Sequence() throws IOException
    {
        final ItchTestMessages.Recorder recorder = new ItchTestMessages.Recorder();
        final PcapSource source = new PcapSource(captures.resolve("v50-Multiple.Packets.pcap"), recorder);
        ItchTestMessages.drain(source, recorder);

        assertEquals(List.of(), recorder.reports);
        assertEquals(2, source.packetCount());
        final List<Long> sequences = new ArrayList<>();
        recorder.delivered.forEach((m) -> sequences.add(m.sequence()));
        final List<Long> expected = new ArrayList<>();
        expected.add(14_764_496L);
        for (long s = 19_009_117L; s < 19_009_117L + 38; s++)
        {
            expected.add(s);
        }
        assertEquals(expected, sequences);
        assertEquals('D', recorder.delivered.get(0).type());
        assertEquals(36, recorder.delivered.stream().filter((m) -> m.type() == 'A').count());
        assertEquals(2, recorder.delivered.stream().filter((m) -> m.type() == 'F').count());
        assertEquals('F', recorder.delivered.get(9).type());
        assertEquals('F', recorder.delivered.get(14).type());
    }

    @Test
    void shouldDecodeTheFirstAddOrderFieldByField() throws IOException
    {
        // 41 1598 0000 1f1aced85306 000000000166b53e 42 00000640 49564f4f20202020 000d55ac
        final List<long[]> adds = new ArrayList<>();
        final List<Long> stocks = new ArrayList<>();
        final ItchListener listener = new ItchListener()
        {
            public void onAddOrder(final long sequence, final int locate, final int tracking, final long timestamp,
                final long ref, final byte side, final long shares, final long stock, final long price,
                final int attribution)
            {
                adds.add(new long[] {sequence, locate, tracking, timestamp, ref, side, shares, price, attribution});
                stocks.add(stock);
            }
        };
        decode("v50-AddOrderNoMpidAttributionMessage.pcap", listener);

        assertEquals(1, adds.size());
        assertArrayEquals(
            new long[] {14_757_721L, 5528, 0, 34_199_999_894_278L, 23_508_286L, 'B', 1600, 873_900, 0},
            adds.get(0));
        assertEquals("IVOO", ItchText.unpack(stocks.get(0), 8));
    }

    @Test
    void shouldDecodeTheFirstAttributedAddOrderFieldByField() throws IOException
    {
        // 46 06ca 0000 1f1aced99936 000000000120be75 53 00000064 4341535920202020 0026fd40 464c5455
        final List<long[]> adds = new ArrayList<>();
        final ItchListener listener = new ItchListener()
        {
            public void onAddOrder(final long sequence, final int locate, final int tracking, final long timestamp,
                final long ref, final byte side, final long shares, final long stock, final long price,
                final int attribution)
            {
                adds.add(new long[] {locate, tracking, timestamp, ref, side, shares, stock, price, attribution});
            }
        };
        decode("v50-20230822-AddOrderWithMPID.pcap", listener);

        assertEquals(5, adds.size());
        assertArrayEquals(new long[] {1738, 0, 0x1f1aced99936L, 0x120be75L, 'S', 100, ItchText.packStock("CASY"),
            2_555_200, ItchText.packMpid("FLTU")}, adds.get(0));
    }

    @Test
    void shouldDecodeTheFirstNoiiFieldByField() throws IOException
    {
        // 49 193e 0000 1f1acede0ab2 0000000000000001 0000000000000000 4e 4d44432020202020 00071610 00071610
        // 00071610 4f 4c
        final List<long[]> records = new ArrayList<>();
        final ItchListener listener = new ItchListener()
        {
            public void onNoii(final long sequence, final int locate, final int tracking, final long timestamp,
                final long pairedShares, final long imbalanceShares, final byte direction, final long stock,
                final long farPrice, final long nearPrice, final long referencePrice, final byte crossType,
                final byte priceVariation)
            {
                records.add(new long[] {sequence, locate, tracking, timestamp, pairedShares, imbalanceShares,
                    direction, stock, farPrice, nearPrice, referencePrice, crossType, priceVariation});
            }
        };
        decode("v50-NetOrderImbalanceIndicatorMessage.pcap", listener);

        assertEquals(1, records.size());
        assertArrayEquals(new long[] {14_757_919L, 0x193e, 0, 0x1f1acede0ab2L, 1, 0, 'N', ItchText.packStock("MDC"),
            464_400, 464_400, 464_400, 'O', 'L'}, records.get(0));
    }

    @Test
    void shouldHaveNoUnknownTypesInAnyCaptureWhenNormalised() throws IOException
    {
        final MalformedInputCounter malformed = new MalformedInputCounter(10);
        final ItchNormaliser normaliser = new ItchNormaliser(() -> 1L, malformed, "captures");
        final org.agrona.concurrent.UnsafeBuffer dst =
            new org.agrona.concurrent.UnsafeBuffer(new byte[ItchNormaliser.MAX_ENCODED_LENGTH]);
        try (Stream<Path> list = Files.list(captures))
        {
            for (final Path file : list.sorted().collect(Collectors.toList()))
            {
                try (PcapSource source = new PcapSource(file, malformed))
                {
                    while (!source.isExhausted())
                    {
                        source.poll((seq, buffer, offset, length) ->
                            assertTrue(normaliser.normalise(seq, buffer, offset, length, dst, 0) >= 0), 100);
                    }
                }
            }
        }

        assertEquals(0, malformed.total(), malformed.firstReports().toString());
        assertEquals(117, normaliser.normalisedCount() + normaliser.notNormalisedCount());
        // J, L, I and Y are counted, not normalised: 5 + 6 + 6 + 5.
        assertEquals(22, normaliser.notNormalisedCount());
        assertEquals(42, normaliser.messageCount(ItchMessageType.ADD_ORDER));
        assertEquals(7, normaliser.messageCount(ItchMessageType.ADD_ORDER_MPID));
    }

    private static void decode(final String file, final ItchListener listener) throws IOException
    {
        final MalformedInputCounter malformed = new MalformedInputCounter(10);
        final ItchDecoder decoder = new ItchDecoder(listener, malformed, file);
        try (PcapSource source = new PcapSource(captures.resolve(file), malformed))
        {
            while (!source.isExhausted())
            {
                source.poll(decoder, 100);
            }
        }
        assertEquals(0, malformed.total(), malformed.firstReports().toString());
    }

    private static List<String> dump(final Path file) throws IOException
    {
        final StringWriter text = new StringWriter();
        final MalformedInputCounter malformed = new MalformedInputCounter(10);
        try (PrintWriter out = new PrintWriter(text))
        {
            final ItchDecoder decoder = new ItchDecoder(new ItchDumpPrinter(out), malformed, file.toString());
            try (PcapSource source = new PcapSource(file, malformed))
            {
                while (!source.isExhausted())
                {
                    source.poll(decoder, 3);
                }
            }
        }
        assertEquals(0, malformed.total(), malformed.firstReports().toString());
        assertFalse(text.toString().isEmpty(), file.toString());

        return List.of(text.toString().split("\n"));
    }

    private static Map<String, List<String>> expectedDump() throws IOException
    {
        final Map<String, List<String>> expected = new LinkedHashMap<>();
        try (InputStream in = SharedCaptureTest.class.getResourceAsStream("itch50-pcap-dump.txt"))
        {
            List<String> current = null;
            for (final String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n"))
            {
                if (line.startsWith("# "))
                {
                    current = new ArrayList<>();
                    expected.put(line.substring(2), current);
                }
                else if (null != current)
                {
                    current.add(line);
                }
            }
        }

        return expected;
    }
}
