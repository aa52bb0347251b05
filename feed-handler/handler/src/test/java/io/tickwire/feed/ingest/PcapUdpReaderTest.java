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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link PcapUdpReader}, the venue-neutral pcap reading every venue shares: any UDP payload with its record's
 * timestamp, addresses, ports and file positions, in microsecond and nanosecond captures, and frames that are not
 * UDP reported and skipped.
 */
@Timeout(30)
class PcapUdpReaderTest
{
    private static final int SOURCE = (205 << 24) | (209 << 16) | (223 << 8) | 70;
    private static final int GROUP = (224 << 24) | (31 << 8) | 1;

    @TempDir
    Path dir;

    private final List<String> reports = new ArrayList<>();

    @Test
    void shouldYieldEveryDatagramWithItsTimestampAddressesAndPositions() throws IOException
    {
        final UdpPcapWriter writer = new UdpPcapWriter(true);
        final int first = writer.size();
        writer.datagram(1_536_760_535_679_530_123L, SOURCE, GROUP, 14310, 14311, false, new byte[] {1, 2, 3});
        final int second = writer.size();
        writer.datagram(1_536_760_535_679_530_999L, GROUP, SOURCE, 1, 2, true, new byte[] {4, 5});
        final Path file = writer.write(dir.resolve("nanos.pcap"));

        try (PcapUdpReader reader = new PcapUdpReader(file, this::record))
        {
            assertTrue(reader.isNanosecond());
            assertTrue(reader.next());
            assertEquals(1_536_760_535_679_530_123L, reader.timestampNanos());
            assertEquals("205.209.223.70", PcapUdpReader.formatAddress(reader.sourceAddress()));
            assertEquals("224.0.31.1", PcapUdpReader.formatAddress(reader.destinationAddress()));
            assertEquals(14310, reader.sourcePort());
            assertEquals(14311, reader.destinationPort());
            assertEquals(3, reader.payloadLength());
            assertEquals(3, reader.buffer().getByte(reader.payloadOffset() + 2));
            assertEquals(first, reader.recordPosition());
            assertEquals(first + 16 + 14 + 20 + 8, reader.payloadPosition());

            assertTrue(reader.next());
            assertEquals(second, reader.recordPosition());
            assertEquals(second + 16 + 18 + 20 + 8, reader.payloadPosition());
            assertEquals(2, reader.payloadLength());
            assertEquals(5, reader.buffer().getByte(reader.payloadOffset() + 1));
            assertEquals(2, reader.destinationPort());

            assertFalse(reader.next());
            assertTrue(reader.isExhausted());
            assertEquals(2, reader.recordCount());
            assertEquals(2, reader.datagramCount());
        }
        assertEquals(List.of(), reports);
    }

    @Test
    void shouldScaleMicrosecondTimestamps() throws IOException
    {
        final Path file = new UdpPcapWriter(false)
            .datagram(5_017_848_978_163_000L, SOURCE, GROUP, 14310, 14310, false, new byte[12])
            .write(dir.resolve("micros.pcap"));

        try (PcapUdpReader reader = new PcapUdpReader(file, this::record))
        {
            assertFalse(reader.isNanosecond());
            assertTrue(reader.next());
            assertEquals(5_017_848_978_163_000L, reader.timestampNanos());
        }
    }

    @Test
    void shouldReportAFrameThatIsNotUdpAndGoOnToTheNext() throws IOException
    {
        final UdpPcapWriter writer = new UdpPcapWriter(false);
        final int bad = writer.size();
        final byte[] arp = new byte[16 + 42];
        arp[8] = 42;
        arp[12] = 42;
        arp[16 + 12] = 0x08;
        arp[16 + 13] = 0x06;
        writer.raw(arp).datagram(1_000_000L, SOURCE, GROUP, 1, 2, false, new byte[] {9});
        final Path file = writer.write(dir.resolve("arp.pcap"));

        try (PcapUdpReader reader = new PcapUdpReader(file, this::record))
        {
            assertTrue(reader.next());
            assertEquals(9, reader.buffer().getByte(reader.payloadOffset()));
            assertFalse(reader.next());
            assertEquals(1, reader.malformedCount());
        }
        assertEquals(List.of("NOT_UDP@" + bad + " ethertype 0x0806 is not IPv4"), reports);
    }

    private void record(final MalformedReason reason, final String source, final long position, final String detail)
    {
        reports.add(reason + "@" + position + " " + detail);
    }
}
