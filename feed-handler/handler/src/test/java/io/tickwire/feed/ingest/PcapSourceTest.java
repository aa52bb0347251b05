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

import io.tickwire.feed.ingest.moldudp64.MoldUdp64StatusListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static io.tickwire.feed.ingest.ItchTestMessages.addOrder;
import static io.tickwire.feed.ingest.ItchTestMessages.orderDelete;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class PcapSourceTest
{
    private static final byte[] ADD_1 = addOrder(3, 11, 'B', 100, "AAPL", 1_895_000);
    private static final byte[] ADD_2 = addOrder(3, 12, 'S', 300, "AAPL", 1_896_000);
    private static final byte[] DELETE_1 = orderDelete(3, 11);

    @TempDir
    Path dir;

    @Test
    void shouldReadEveryByteOrderAndTimestampResolution() throws IOException
    {
        for (final ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN))
        {
            for (final boolean nanos : new boolean[] {false, true})
            {
                final PcapBuilder pcap = new PcapBuilder(order, nanos)
                    .moldPacket("SESSION001", 1000, ADD_1, ADD_2)
                    .moldPacket("SESSION001", 1002, DELETE_1);
                final ItchTestMessages.Recorder recorder = read(pcap.toByteArray(), "pcap");
                final String what = order + (nanos ? " ns" : " us");

                assertEquals(List.of(), recorder.reports, what);
                assertEquals(3, recorder.delivered.size(), what);
                assertEquals(1000, recorder.delivered.get(0).sequence(), what);
                assertEquals(1001, recorder.delivered.get(1).sequence(), what);
                assertEquals(1002, recorder.delivered.get(2).sequence(), what);
                assertArrayEquals(ADD_2, recorder.delivered.get(1).bytes(), what);
                assertArrayEquals(DELETE_1, recorder.delivered.get(2).bytes(), what);
            }
        }
    }

    @Test
    void shouldStepOverVlanTagsAndIpOptions() throws IOException
    {
        final PcapBuilder pcap = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false);
        pcap.vlanTags(1).moldPacket("S", 1, ADD_1);
        pcap.vlanTags(2).moldPacket("S", 2, ADD_2);
        pcap.vlanTags(0).ipOptionWords(3).moldPacket("S", 3, DELETE_1);
        final ItchTestMessages.Recorder recorder = read(pcap.toByteArray(), "pcap");

        assertEquals(List.of(), recorder.reports);
        assertEquals(3, recorder.delivered.size());
        assertArrayEquals(ADD_1, recorder.delivered.get(0).bytes());
        assertArrayEquals(ADD_2, recorder.delivered.get(1).bytes());
        assertArrayEquals(DELETE_1, recorder.delivered.get(2).bytes());
    }

    @Test
    void shouldRejectPcapngWithAClearMessage() throws IOException
    {
        final byte[] pcapng = {0x0a, 0x0d, 0x0d, 0x0a, 0x1c, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0,
            -1, -1, -1, -1, -1, -1, -1, -1, 0x1c, 0, 0, 0};
        final Path file = dir.resolve("capture.pcapng");
        Files.write(file, pcapng);
        final ItchTestMessages.Recorder recorder = new ItchTestMessages.Recorder();
        final PcapSource source = new PcapSource(file, recorder);

        assertTrue(source.isExhausted());
        assertNotNull(source.headerError());
        assertTrue(source.headerError().contains("pcapng is not supported"), source.headerError());
        assertEquals(List.of(MalformedReason.BAD_PCAP_HEADER), reasons(recorder));
        assertEquals(0, source.poll(recorder, 10));
        source.close();
    }

    @Test
    void shouldRejectAFileThatIsNotPcap() throws IOException
    {
        final ItchTestMessages.Recorder recorder = read("this is not a capture at all".getBytes(), "pcap");
        assertEquals(List.of(MalformedReason.BAD_PCAP_HEADER), reasons(recorder));
    }

    @Test
    void shouldSkipABadRecordLengthAndRecover() throws IOException
    {
        final PcapBuilder pcap = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false).moldPacket("S", 1, ADD_1);
        final int badOffset = pcap.size();
        final byte[] frame = new byte[60];
        pcap.record(frame, 0x7fff_0000, 0x7fff_0000);
        pcap.moldPacket("S", 2, ADD_2).moldPacket("S", 3, DELETE_1);
        final ItchTestMessages.Recorder recorder = read(pcap.toByteArray(), "pcap");

        assertEquals(List.of(MalformedReason.BAD_PCAP_RECORD), reasons(recorder));
        assertEquals(badOffset, recorder.reports.get(0).position());
        assertEquals(List.of(1L, 2L, 3L), recorder.delivered.stream().map(ItchTestMessages.Delivered::sequence)
            .toList(), recorder.reports.get(0).detail());
        assertTrue(recorder.reports.get(0).detail().contains("skipped 76 byte(s)"), recorder.reports.get(0).detail());
        assertEquals(List.of(1L, 2L, 3L), recorder.delivered.stream().map(ItchTestMessages.Delivered::sequence)
            .toList());
    }

    @Test
    void shouldCountFramesThatAreNotUdpAndCarryOn() throws IOException
    {
        final PcapBuilder pcap = new PcapBuilder(ByteOrder.BIG_ENDIAN, true).moldPacket("S", 1, ADD_1);
        final int ipv6Offset = pcap.size();
        final byte[] ipv6 = new byte[80];
        ipv6[12] = (byte)0x86;
        ipv6[13] = (byte)0xdd;
        pcap.frame(ipv6).moldPacket("S", 2, ADD_2);
        final ItchTestMessages.Recorder recorder = read(pcap.toByteArray(), "pcap");

        assertEquals(List.of(MalformedReason.NOT_UDP), reasons(recorder));
        assertEquals(ipv6Offset, recorder.reports.get(0).position());
        assertEquals(2, recorder.delivered.size());
    }

    @Test
    void shouldReportWrongLengthInsideAPacketAndDeliverTheRest() throws IOException
    {
        final PcapBuilder pcap = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false)
            .moldPacket("S", 500, ADD_1, Arrays.copyOf(ADD_2, 30), DELETE_1);
        final ItchTestMessages.Recorder recorder = read(pcap.toByteArray(), "pcap");

        assertEquals(List.of(MalformedReason.WRONG_LENGTH_FOR_TYPE), reasons(recorder));
        assertEquals(24, recorder.reports.get(0).position());
        assertTrue(recorder.reports.get(0).detail().contains("sequence 501"), recorder.reports.get(0).detail());
        assertEquals(List.of(500L, 502L), recorder.delivered.stream().map(ItchTestMessages.Delivered::sequence)
            .toList());
    }

    @Test
    void shouldReportASequenceGapWithItsRangeAsUnrecoverable() throws IOException
    {
        final PcapBuilder pcap = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false);
        for (long sequence = 1; sequence <= 60; sequence++)
        {
            if (sequence < 51 || sequence > 55)
            {
                pcap.moldPacket("SESSION001", sequence, addOrder(3, sequence, 'B', 100, "AAPL", 1_895_000));
            }
        }
        // A duplicate (as an A/B feed would show) and a heartbeat at the next sequence are not gaps.
        pcap.moldPacket("SESSION001", 60, addOrder(3, 60, 'B', 100, "AAPL", 1_895_000));
        pcap.moldControl("SESSION001", 61, 0);
        final Path file = dir.resolve("gap.pcap");
        Files.write(file, pcap.toByteArray());

        final ItchTestMessages.Recorder recorder = new ItchTestMessages.Recorder();
        final List<String> status = new ArrayList<>();
        final PcapSource source = new PcapSource(file, recorder, new MoldUdp64StatusListener()
        {
            public void onGap(final long expected, final long received)
            {
                status.add("gap " + expected + " " + received);
            }

            public void onUnrecoverableGap(final long fromSequence, final long toSequence, final boolean skipped)
            {
                status.add("lost " + fromSequence + ".." + toSequence + (skipped ? " skipped" : ""));
            }
        });
        ItchTestMessages.drain(source, recorder);

        assertEquals(List.of("gap 51 56", "lost 51..55 skipped"), status);
        assertEquals(1, source.gapCount());
        assertEquals(5, source.missingCount());
        assertEquals(List.of(), recorder.reports);
        assertEquals(56, recorder.delivered.size());
    }

    @Test
    void shouldStartANewSequenceOnANewSessionWithoutAGap() throws IOException
    {
        final PcapBuilder pcap = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false)
            .moldPacket("SESSION001", 1000, ADD_1)
            .moldPacket("SESSION002", 1, ADD_2);
        final Path file = dir.resolve("sessions.pcap");
        Files.write(file, pcap.toByteArray());

        final ItchTestMessages.Recorder recorder = new ItchTestMessages.Recorder();
        final PcapSource source = new PcapSource(file, recorder, MoldUdp64StatusListener.NO_OP);
        ItchTestMessages.drain(source, recorder);

        assertEquals(0, source.gapCount());
        assertEquals(2, recorder.delivered.size());
    }

    @Test
    void shouldAcceptHeartbeatsAndEndOfSessionWithoutMessages() throws IOException
    {
        final PcapBuilder pcap = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false)
            .moldControl("S", 1, 0).moldPacket("S", 1, ADD_1).moldControl("S", 2, 0xFFFF);
        final ItchTestMessages.Recorder recorder = new ItchTestMessages.Recorder();
        final Path file = dir.resolve("control.pcap");
        Files.write(file, pcap.toByteArray());
        final PcapSource source = new PcapSource(file, recorder);
        ItchTestMessages.drain(source, recorder);

        assertEquals(List.of(), recorder.reports);
        assertEquals(1, recorder.delivered.size());
        assertEquals(3, source.packetCount());
    }

    @Test
    void shouldReportATruncatedLastRecord() throws IOException
    {
        final PcapBuilder pcap = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false).moldPacket("S", 1, ADD_1);
        final int lastOffset = pcap.size();
        pcap.moldPacket("S", 2, ADD_2);
        final byte[] bytes = pcap.toByteArray();
        final ItchTestMessages.Recorder recorder = read(Arrays.copyOf(bytes, bytes.length - 5), "pcap");

        assertEquals(List.of(MalformedReason.TRUNCATED_MESSAGE), reasons(recorder));
        assertEquals(lastOffset, recorder.reports.get(0).position());
        assertEquals(1, recorder.delivered.size());
    }

    @Test
    void shouldHonourThePollLimitInsideAPacket() throws IOException
    {
        final PcapBuilder pcap = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false)
            .moldPacket("S", 10, ADD_1, ADD_2, DELETE_1).moldPacket("S", 13, ADD_1);
        final Path file = dir.resolve("limit.pcap");
        Files.write(file, pcap.toByteArray());
        final ItchTestMessages.Recorder recorder = new ItchTestMessages.Recorder();
        try (PcapSource source = new PcapSource(file, recorder))
        {
            assertEquals(1, source.poll(recorder, 1));
            assertEquals(2, source.poll(recorder, 2));
            assertEquals(1, source.poll(recorder, 5));
            assertEquals(0, source.poll(recorder, 5));
            assertTrue(source.isExhausted());
        }
        assertEquals(List.of(10L, 11L, 12L, 13L), recorder.delivered.stream()
            .map(ItchTestMessages.Delivered::sequence).toList());
    }

    @Test
    void shouldReadAGzipCapture() throws IOException
    {
        final byte[] pcap = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, true).moldPacket("S", 7, ADD_1).toByteArray();
        final ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz))
        {
            out.write(pcap);
        }
        final ItchTestMessages.Recorder recorder = read(gz.toByteArray(), "pcap.gz");

        assertEquals(List.of(), recorder.reports);
        assertEquals(1, recorder.delivered.size());
        assertEquals(7, recorder.delivered.get(0).sequence());
    }

    @Test
    void shouldReportACorruptGzipHeaderAsReadErrorNotAsABadCapture() throws IOException
    {
        final byte[] pcap = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, true).moldPacket("S", 7, ADD_1).toByteArray();
        final ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz))
        {
            out.write(pcap);
        }
        final byte[] bytes = gz.toByteArray();
        // Byte 2 of a gzip member header is the compression method: only 8 (deflate) exists.
        bytes[2] = 7;
        final Path file = dir.resolve("bad-header.pcap.gz");
        Files.write(file, bytes);

        final ItchTestMessages.Recorder recorder = new ItchTestMessages.Recorder();
        final PcapSource source = new PcapSource(file, recorder);
        assertEquals(null, source.headerError());
        ItchTestMessages.drain(source, recorder);

        assertEquals(List.of(MalformedReason.READ_ERROR), reasons(recorder));
        assertEquals(0, recorder.reports.get(0).position());
        final String detail = recorder.reports.get(0).detail();
        assertTrue(detail.startsWith("gzip stream corrupt at compressed offset "), detail);
        assertTrue(detail.contains(", uncompressed offset 0: "), detail);
        assertEquals(0, recorder.delivered.size());
    }

    private ItchTestMessages.Recorder read(final byte[] bytes, final String extension) throws IOException
    {
        final Path file = dir.resolve("test." + extension);
        Files.write(file, bytes);
        final ItchTestMessages.Recorder recorder = new ItchTestMessages.Recorder();
        ItchTestMessages.drain(new PcapSource(file, recorder), recorder);
        recorder.reports.forEach((r) -> assertEquals(file.toString(), r.source()));
        return recorder;
    }

    private static List<MalformedReason> reasons(final ItchTestMessages.Recorder recorder)
    {
        return recorder.reports.stream().map(ItchTestMessages.Report::reason).toList();
    }
}
