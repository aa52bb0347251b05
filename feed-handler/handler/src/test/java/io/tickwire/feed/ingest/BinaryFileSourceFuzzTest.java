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

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tickwire.feed.ingest.itch.ItchMessageType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzz target for {@link BinaryFileSource}: the input is written as a file and read to its end.
 * In {@code mvn verify} it replays the seed corpus under
 * {@code src/test/resources/io/tickwire/feed/ingest/BinaryFileSourceFuzzTestInputs/}; docs/HARDENING.md says how to
 * fuzz it for real.
 * <p>
 * Properties: opening throws only the documented {@link IOException}, and only for a file that claims to be gzip;
 * nothing else throws; the source ends ({@link MessageSource#isExhausted()}) within one poll per message plus one;
 * every delivered message has a valid ITCH type and length and, in a plain file, is byte for byte the frame at the
 * source's position, with increasing sequence numbers (never a desynchronised frame); every report is counted; a
 * plain file with no report was nothing but frames, all delivered, and a file of valid frames round-trips with no
 * report.
 */
class BinaryFileSourceFuzzTest
{
    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;

    @FuzzTest(maxDuration = "60s")
    void readFile(final byte[] input) throws IOException
    {
        final Path file = FuzzFiles.write("binaryfile", input);
        final boolean gzip = input.length >= 2 && (input[0] & 0xFF) == GZIP_MAGIC_0 &&
            (input[1] & 0xFF) == GZIP_MAGIC_1;
        final ItchTestMessages.Recorder reports = new ItchTestMessages.Recorder();
        final BinaryFileSource source;
        try
        {
            source = new BinaryFileSource(file, reports);
        }
        catch (final IOException ex)
        {
            // A gzip header the JDK cannot parse is refused when the file is opened, as a file that cannot be read.
            assertTrue(gzip, "only a gzip file can fail to open: " + ex);
            return;
        }

        final int limit = 1 + input.length % 5;
        final long[] lastSequence = {0};
        final long[] expectedPosition = {0};
        final long[] delivered = {0};
        final MessageHandler check = (sequence, buffer, offset, length) ->
        {
            assertTrue(length > 0 && ItchMessageType.isValid(buffer.getByte(offset), length),
                "delivered an invalid message of length " + length);
            assertTrue(offset >= 0 && offset + length <= buffer.capacity());
            assertTrue(sequence > lastSequence[0], "sequence " + sequence + " after " + lastSequence[0]);
            lastSequence[0] = sequence;
            delivered[0]++;
            if (!gzip)
            {
                final int position = (int)source.position();
                assertEquals(length, ((input[position] & 0xFF) << 8) | (input[position + 1] & 0xFF),
                    "length prefix at " + position);
                final byte[] bytes = new byte[length];
                buffer.getBytes(offset, bytes);
                assertArrayEquals(Arrays.copyOfRange(input, position + 2, position + 2 + length), bytes,
                    "message bytes at " + position);
                if (reports.reports.isEmpty())
                {
                    assertEquals(expectedPosition[0], position, "no report, yet bytes were skipped");
                }
                expectedPosition[0] = position + 2 + length;
            }
        };

        int polls = 0;
        while (!source.isExhausted())
        {
            assertTrue(polls++ <= input.length + 1, "source never ends");
            assertTrue(source.poll(check, limit) <= limit);
        }
        assertEquals(0, source.poll(check, limit));
        source.close();

        assertEquals(reports.reports.size(), source.malformedCount(), "every report counted");
        assertEquals(delivered[0], source.deliveredCount());
        if (!gzip)
        {
            for (final ItchTestMessages.Report report : reports.reports)
            {
                assertTrue(report.position() >= 0 && report.position() <= input.length, report.toString());
            }
            if (reports.reports.isEmpty())
            {
                assertEquals(input.length, expectedPosition[0], "no report, yet the tail was not delivered");
            }
            final long frames = validFrames(input);
            if (frames >= 0)
            {
                assertEquals(0, reports.reports.size(), "a file of valid frames reported " + reports.reports);
                assertEquals(frames, delivered[0]);
            }
        }
    }

    /**
     * Number of frames when the input is nothing but valid ITCH frames, else -1.
     */
    private static long validFrames(final byte[] input)
    {
        long frames = 0;
        int position = 0;
        while (position < input.length)
        {
            if (position + 3 > input.length)
            {
                return -1;
            }
            final int length = ((input[position] & 0xFF) << 8) | (input[position + 1] & 0xFF);
            if (position + 2 + length > input.length || !ItchMessageType.isValid(input[position + 2], length))
            {
                return -1;
            }
            position += 2 + length;
            frames++;
        }
        return frames;
    }
}
