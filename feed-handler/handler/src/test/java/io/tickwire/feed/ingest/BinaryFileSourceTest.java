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

import io.tickwire.feed.ingest.itch.ItchDecoder;
import io.tickwire.feed.ingest.itch.ItchFileWriter;
import io.tickwire.feed.ingest.itch.sim.ItchSimulator;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tickwire.feed.ingest.ItchTestMessages.addOrder;
import static io.tickwire.feed.ingest.ItchTestMessages.frame;
import static io.tickwire.feed.ingest.ItchTestMessages.orderDelete;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class BinaryFileSourceTest
{
    private static final byte[] ADD_1 = addOrder(7, 1, 'B', 100, "MSFT", 3_215_000);
    private static final byte[] ADD_2 = addOrder(7, 2, 'S', 200, "MSFT", 3_216_000);
    private static final byte[] DELETE_1 = orderDelete(7, 1);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"flow.itch", "flow.itch.gz"})
    void shouldRoundTripGeneratedFlowThroughAFile(final String fileName) throws IOException
    {
        final int messages = 200_000;
        final Path file = dir.resolve(fileName);
        final long[] written = new long[256];
        final ItchSimulator simulator = new ItchSimulator(42, 50);
        final UnsafeBuffer scratch = new UnsafeBuffer(new byte[64]);
        try (ItchFileWriter writer = new ItchFileWriter(file))
        {
            for (int i = 0; i < messages; i++)
            {
                final int length = simulator.next(scratch, 0);
                written[scratch.getByte(0)]++;
                writer.write(scratch, 0, length);
            }
        }

        final MalformedInputCounter malformed = new MalformedInputCounter(10);
        final OrderBookChecker book = new OrderBookChecker();
        final ItchDecoder decoder = new ItchDecoder(book, malformed, fileName);
        final long[] read = new long[256];
        final long[] expectedSequence = {1};
        final ItchSimulator replay = new ItchSimulator(42, 50);
        try (BinaryFileSource source = new BinaryFileSource(file, malformed))
        {
            assertEquals(fileName.endsWith(".gz"), source.isGzip());
            while (!source.isExhausted())
            {
                source.poll((sequence, buffer, offset, length) ->
                {
                    assertEquals(expectedSequence[0]++, sequence);
                    final int expectedLength = replay.next(scratch, 0);
                    assertEquals(expectedLength, length);
                    for (int i = 0; i < length; i++)
                    {
                        assertEquals(scratch.getByte(i), buffer.getByte(offset + i), "byte " + i);
                    }
                    read[buffer.getByte(offset)]++;
                    assertTrue(decoder.decode(sequence, buffer, offset, length));
                }, 1000);
            }
            assertEquals(messages, source.deliveredCount());
        }

        assertEquals(0, malformed.total(), malformed.firstReports().toString());
        assertArrayEquals(written, read);
        for (final char type : "SRHAFEXDUPC".toCharArray())
        {
            assertTrue(read[type] > 0, "generated type " + type);
        }
        assertEquals(simulator.liveOrderCount(), book.liveOrders());
    }

    @Test
    void shouldDetectGzipByMagicBytesNotName() throws IOException
    {
        final Path gz = dir.resolve("x.gz");
        final UnsafeBuffer message = new UnsafeBuffer(ADD_1);
        try (ItchFileWriter writer = new ItchFileWriter(gz))
        {
            writer.write(message, 0, ADD_1.length);
        }
        final Path misnamed = Files.move(gz, dir.resolve("x.bin"));

        final ItchTestMessages.Recorder recorder = new ItchTestMessages.Recorder();
        final BinaryFileSource source = new BinaryFileSource(misnamed, recorder);
        assertTrue(source.isGzip());
        ItchTestMessages.drain(source, recorder);
        assertEquals(1, recorder.delivered.size());
        assertArrayEquals(ADD_1, recorder.delivered.get(0).bytes());
    }

    @Test
    void shouldReportTruncatedTailWithItsOffset() throws IOException
    {
        final byte[] partial = Arrays.copyOf(frame(ADD_2), 10);
        final ItchTestMessages.Recorder recorder = read(frame(ADD_1), frame(DELETE_1), partial);

        assertEquals(2, recorder.delivered.size());
        assertEquals(List.of(MalformedReason.TRUNCATED_MESSAGE), reasons(recorder));
        assertEquals(38 + 21, recorder.reports.get(0).position());
    }

    @Test
    void shouldReportOneTrailingByte() throws IOException
    {
        final ItchTestMessages.Recorder recorder = read(frame(ADD_1), new byte[] {0});

        assertEquals(1, recorder.delivered.size());
        assertEquals(List.of(MalformedReason.TRUNCATED_MESSAGE), reasons(recorder));
        assertEquals(38, recorder.reports.get(0).position());
    }

    @Test
    void shouldSkipWrongLengthForTypeAndKeepFraming() throws IOException
    {
        final byte[] shortAdd = Arrays.copyOf(ADD_2, 35);
        final ItchTestMessages.Recorder recorder = read(frame(ADD_1), frame(shortAdd), frame(DELETE_1));

        assertEquals(List.of(MalformedReason.WRONG_LENGTH_FOR_TYPE), reasons(recorder));
        assertEquals(38, recorder.reports.get(0).position());
        assertTrue(recorder.reports.get(0).detail().contains("length 35, expected 36"));
        assertEquals(2, recorder.delivered.size());
        assertEquals(1, recorder.delivered.get(0).sequence());
        assertEquals(3, recorder.delivered.get(1).sequence(), "a rejected message keeps its index");
        assertArrayEquals(DELETE_1, recorder.delivered.get(1).bytes());
    }

    @Test
    void shouldSkipUnknownTypeAndEmptyMessage() throws IOException
    {
        final byte[] unknown = new byte[20];
        unknown[0] = 'Z';
        final ItchTestMessages.Recorder recorder = read(
            frame(ADD_1), frame(unknown), frame(ADD_2), new byte[] {0, 0}, frame(DELETE_1));

        assertEquals(List.of(MalformedReason.UNKNOWN_TYPE, MalformedReason.EMPTY_MESSAGE), reasons(recorder));
        assertEquals(38, recorder.reports.get(0).position());
        assertEquals(38 + 22 + 38, recorder.reports.get(1).position());
        assertEquals(3, recorder.delivered.size());
        assertArrayEquals(ADD_2, recorder.delivered.get(1).bytes());
        assertArrayEquals(DELETE_1, recorder.delivered.get(2).bytes());
    }

    @Test
    void shouldResynchroniseAfterGarbage() throws IOException
    {
        final byte[] garbage = {(byte)0xFF, (byte)0xFF, 1, 2, 3, 'A', 0, 36, 9, 9, 9, 9, 9};
        final ItchTestMessages.Recorder recorder = read(
            frame(ADD_1), garbage, frame(ADD_2), frame(DELETE_1));

        assertEquals(List.of(MalformedReason.GARBAGE), reasons(recorder));
        assertEquals(38, recorder.reports.get(0).position());
        assertTrue(recorder.reports.get(0).detail().startsWith("13 byte(s)"), recorder.reports.get(0).detail());
        assertEquals(3, recorder.delivered.size());
        assertArrayEquals(ADD_2, recorder.delivered.get(1).bytes());
        assertArrayEquals(DELETE_1, recorder.delivered.get(2).bytes());
    }

    @Test
    void shouldResynchroniseAfterGarbageAtTheStart() throws IOException
    {
        final ItchTestMessages.Recorder recorder = read(new byte[] {'x', 'y', 'z'}, frame(ADD_1), frame(ADD_2));

        assertEquals(List.of(MalformedReason.GARBAGE), reasons(recorder));
        assertEquals(0, recorder.reports.get(0).position());
        assertEquals(2, recorder.delivered.size());
    }

    @Test
    void shouldNeverLoseFramingAcrossChunksWithGarbageSprinkledIn() throws IOException
    {
        final ItchSimulator simulator = new ItchSimulator(7, 20);
        final UnsafeBuffer scratch = new UnsafeBuffer(new byte[64]);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int messages = 30_000;
        int garbageRuns = 0;
        for (int i = 0; i < messages; i++)
        {
            final int length = simulator.next(scratch, 0);
            bytes.writeBytes(frame(ItchTestMessages.copy(scratch, length)));
            if (i % 5_000 == 4_999)
            {
                bytes.writeBytes(new byte[] {(byte)0xEE, (byte)0xEE, (byte)0xEE, 0x00, 0x05, 'q'});
                garbageRuns++;
            }
        }
        final Path file = dir.resolve("sprinkled.itch");
        Files.write(file, bytes.toByteArray());

        final ItchTestMessages.Recorder recorder = new ItchTestMessages.Recorder();
        ItchTestMessages.drain(new BinaryFileSource(file, recorder, 0), recorder);

        assertEquals(messages, recorder.delivered.size());
        assertEquals(garbageRuns, recorder.reports.size());
        recorder.reports.forEach((r) -> assertEquals(MalformedReason.GARBAGE, r.reason()));
        assertEquals(messages, recorder.delivered.get(messages - 1).sequence());
    }

    @Test
    void shouldReportCorruptGzipAsReadError() throws IOException
    {
        final Path gz = dir.resolve("corrupt.gz");
        try (ItchFileWriter writer = new ItchFileWriter(gz))
        {
            final UnsafeBuffer scratch = new UnsafeBuffer(new byte[64]);
            final ItchSimulator simulator = new ItchSimulator(3, 5);
            for (int i = 0; i < 50_000; i++)
            {
                writer.write(scratch, 0, simulator.next(scratch, 0));
            }
        }
        final byte[] bytes = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(bytes, bytes.length / 2));

        final ItchTestMessages.Recorder recorder = new ItchTestMessages.Recorder();
        ItchTestMessages.drain(new BinaryFileSource(gz, recorder), recorder);

        assertTrue(recorder.delivered.size() > 1000);
        assertEquals(MalformedReason.READ_ERROR, recorder.reports.get(recorder.reports.size() - 1).reason());
    }

    @Test
    void shouldReportACorruptGzipHeaderAsReadErrorAtOffsetZero() throws IOException
    {
        final Path gz = dir.resolve("bad-header.itch.gz");
        try (ItchFileWriter writer = new ItchFileWriter(gz))
        {
            final UnsafeBuffer scratch = new UnsafeBuffer(new byte[64]);
            final ItchSimulator simulator = new ItchSimulator(3, 5);
            for (int i = 0; i < 1_000; i++)
            {
                writer.write(scratch, 0, simulator.next(scratch, 0));
            }
        }
        final byte[] bytes = Files.readAllBytes(gz);
        // Byte 2 of a gzip member header is the compression method: only 8 (deflate) exists.
        bytes[2] = 7;
        Files.write(gz, bytes);

        final ItchTestMessages.Recorder recorder = new ItchTestMessages.Recorder();
        final BinaryFileSource source = new BinaryFileSource(gz, recorder);
        assertTrue(source.isGzip());
        ItchTestMessages.drain(source, recorder);

        assertEquals(List.of(), recorder.delivered);
        assertEquals(1, recorder.reports.size(), recorder.reports.toString());
        final ItchTestMessages.Report report = recorder.reports.get(0);
        assertEquals(MalformedReason.READ_ERROR, report.reason());
        assertEquals(gz.toString(), report.source());
        assertEquals(0, report.position());
        final Matcher offsets = Pattern.compile("gzip stream corrupt at compressed offset ([0-9]+), " +
            "uncompressed offset 0: .*compression method").matcher(report.detail());
        assertTrue(offsets.find(), report.detail());
        assertTrue(Long.parseLong(offsets.group(1)) <= 10, report.detail());
    }

    @Test
    void shouldReportAFlippedByteInAGzipWithItsCompressedAndUncompressedOffsets() throws IOException
    {
        final Path gz = dir.resolve("flipped.itch.gz");
        final int messages = 50_000;
        try (ItchFileWriter writer = new ItchFileWriter(gz))
        {
            final UnsafeBuffer scratch = new UnsafeBuffer(new byte[64]);
            final ItchSimulator simulator = new ItchSimulator(3, 5);
            for (int i = 0; i < messages; i++)
            {
                writer.write(scratch, 0, simulator.next(scratch, 0));
            }
        }
        final byte[] bytes = Files.readAllBytes(gz);
        final int flipped = bytes.length / 2;
        bytes[flipped] ^= 0x10;
        Files.write(gz, bytes);

        final ItchTestMessages.Recorder recorder = new ItchTestMessages.Recorder();
        ItchTestMessages.drain(new BinaryFileSource(gz, recorder), recorder);

        final List<ItchTestMessages.Report> readErrors = recorder.reports.stream()
            .filter((r) -> r.reason() == MalformedReason.READ_ERROR).toList();
        assertEquals(1, readErrors.size(), recorder.reports.toString());
        final ItchTestMessages.Report report = readErrors.get(0);
        assertEquals(gz.toString(), report.source());
        final Matcher offsets = Pattern.compile("gzip stream corrupt at compressed offset ([0-9]+), " +
            "uncompressed offset ([0-9]+): ").matcher(report.detail());
        assertTrue(offsets.find(), report.detail());
        final long compressedOffset = Long.parseLong(offsets.group(1));
        final long uncompressedOffset = Long.parseLong(offsets.group(2));
        // The error is found at or after the flipped byte (at the latest at the trailer's CRC), never before it.
        assertTrue(compressedOffset > flipped && compressedOffset <= bytes.length, report.detail());
        assertTrue(report.position() <= uncompressedOffset, report.detail());
    }

    private ItchTestMessages.Recorder read(final byte[]... parts) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (final byte[] part : parts)
        {
            bytes.writeBytes(part);
        }
        final Path file = dir.resolve("test.itch");
        Files.write(file, bytes.toByteArray());

        final ItchTestMessages.Recorder recorder = new ItchTestMessages.Recorder();
        ItchTestMessages.drain(new BinaryFileSource(file, recorder), recorder);
        recorder.reports.forEach((r) -> assertEquals(file.toString(), r.source()));
        return recorder;
    }

    private static List<MalformedReason> reasons(final ItchTestMessages.Recorder recorder)
    {
        return recorder.reports.stream().map(ItchTestMessages.Report::reason).toList();
    }
}
