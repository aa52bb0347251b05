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
import io.tickwire.feed.ingest.moldudp64.MoldUdp64StatusListener;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzz target for {@link PcapSource} (pcap, Ethernet, VLAN tags, IPv4, UDP, MoldUDP64): the input
 * is written as a capture file and read to its end. In {@code mvn verify} it replays the seed corpus under
 * {@code src/test/resources/io/tickwire/feed/ingest/PcapSourceFuzzTestInputs/}; docs/HARDENING.md says how to fuzz
 * it for real.
 * <p>
 * Properties: opening throws only the documented {@link IOException}, and only for a file that claims to be gzip;
 * nothing else throws; the source ends within one poll per message plus one; every delivered message has a valid
 * ITCH type and length, a MoldUDP64 sequence number that has not wrapped, and is bytes of the file, in file order
 * (nothing is made up or read out of order); every report is counted; every gap told to the status listener is a
 * forward jump, and the gap and missing-message counters add up to what was told.
 */
class PcapSourceFuzzTest
{
    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;

    @FuzzTest(maxDuration = "60s")
    void readCapture(final byte[] input)
    {
        final Path file = FuzzFiles.write("capture.pcap", input);
        final boolean gzip = input.length >= 2 && (input[0] & 0xFF) == GZIP_MAGIC_0 &&
            (input[1] & 0xFF) == GZIP_MAGIC_1;
        final ItchTestMessages.Recorder reports = new ItchTestMessages.Recorder();
        final GapRecorder gaps = new GapRecorder();
        final PcapSource source;
        try
        {
            source = new PcapSource(file, reports, gaps);
        }
        catch (final IOException ex)
        {
            // A gzip header the JDK cannot parse is refused when the file is opened, as a file that cannot be read.
            assertTrue(gzip, "only a gzip file can fail to open: " + ex);
            return;
        }

        final int limit = 1 + input.length % 5;
        final int[] searchFrom = {0};
        final long[] delivered = {0};
        final MessageHandler check = (sequence, buffer, offset, length) ->
        {
            assertTrue(length > 0 && ItchMessageType.isValid(buffer.getByte(offset), length),
                "delivered an invalid message of length " + length);
            assertTrue(offset >= 0 && offset + length <= buffer.capacity());
            assertTrue(sequence >= 0, "a MoldUDP64 sequence number wrapped to " + sequence);
            delivered[0]++;
            if (!gzip)
            {
                final byte[] bytes = new byte[length];
                buffer.getBytes(offset, bytes);
                final int found = indexOf(input, bytes, searchFrom[0]);
                assertTrue(found >= 0, "delivered a message that is not in the file after offset " + searchFrom[0]);
                searchFrom[0] = found + length;
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
        assertTrue(delivered[0] <= input.length / 3);
        assertEquals(gaps.gaps, source.gapCount());
        assertEquals(gaps.missing, source.missingCount());
        if (null != source.headerError())
        {
            assertEquals(0, delivered[0]);
            assertEquals(MalformedReason.BAD_PCAP_HEADER, reports.reports.get(0).reason());
        }
        if (!gzip)
        {
            for (final ItchTestMessages.Report report : reports.reports)
            {
                assertTrue(report.position() >= 0 && report.position() <= input.length, report.toString());
            }
        }
    }

    private static int indexOf(final byte[] haystack, final byte[] needle, final int from)
    {
        for (int i = from; i + needle.length <= haystack.length; i++)
        {
            int j = 0;
            while (j < needle.length && haystack[i + j] == needle[j])
            {
                j++;
            }
            if (j == needle.length)
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * Checks and adds up the gaps the source tells.
     */
    private static final class GapRecorder implements MoldUdp64StatusListener
    {
        long gaps;
        long missing;
        long lastGapExpected;
        long lastGapReceived;

        public void onGap(final long expected, final long received)
        {
            assertTrue(received > expected, "gap from " + expected + " to " + received + " is not forward");
            lastGapExpected = expected;
            lastGapReceived = received;
        }

        public void onUnrecoverableGap(final long fromSequence, final long toSequence, final boolean skipped)
        {
            assertEquals(lastGapExpected, fromSequence);
            assertEquals(lastGapReceived - 1, toSequence);
            assertTrue(skipped);
            gaps++;
            missing += toSequence - fromSequence + 1;
        }
    }
}
