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
package io.tickwire.feed.ring;

import io.tickwire.feed.ingest.MessageHandler;
import io.tickwire.feed.ingest.MessageSource;
import io.tickwire.sbe.md.HeartbeatEncoder;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class IngestAgentTest
{
    private static final int MAX_MESSAGE_LENGTH = 64;

    private final CountersManager countersManager = new CountersManager(
        new UnsafeBuffer(BufferUtil.allocateDirectAligned(64 * 1024, 64)),
        new UnsafeBuffer(BufferUtil.allocateDirectAligned(16 * 1024, 64)));
    private final IngestCounters counters = new IngestCounters(
        countersManager.newCounter("in"),
        countersManager.newCounter("not-normalised"),
        countersManager.newCounter("ring-full"),
        countersManager.newCounter("dropped"));
    private final OneToOneRingBuffer ring = new OneToOneRingBuffer(new UnsafeBuffer(
        BufferUtil.allocateDirectAligned(1024 + RingBufferDescriptor.TRAILER_LENGTH, 64)));
    private final List<Throwable> errors = new ArrayList<>();
    private long nowNs;

    /**
     * Emits 8-byte messages carrying their sequence; normalised into heartbeats whose sequence is the input's.
     */
    private static final class CountingSource implements MessageSource
    {
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[8]);
        private final long count;
        private long next = 1;

        CountingSource(final long count)
        {
            this.count = count;
        }

        public String name()
        {
            return "counting";
        }

        public int poll(final MessageHandler handler, final int limit)
        {
            int delivered = 0;
            while (delivered < limit && next <= count)
            {
                buffer.putLong(0, next);
                handler.onMessage(next++, buffer, 0, 8);
                delivered++;
            }
            return delivered;
        }

        public boolean isExhausted()
        {
            return next > count;
        }

        public void close()
        {
        }
    }

    private static final MessageHeaderEncoder HEADER_ENCODER = new MessageHeaderEncoder();
    private static final HeartbeatEncoder HEARTBEAT_ENCODER = new HeartbeatEncoder();

    private static int heartbeatNormaliser(
        final long sequence,
        final DirectBuffer src,
        final int offset,
        final int length,
        final MutableDirectBuffer dst,
        final int dstOffset)
    {
        if (sequence % 10 == 0)
        {
            return 0;
        }
        HEARTBEAT_ENCODER.wrapAndApplyHeader(dst, dstOffset, HEADER_ENCODER)
            .sequence(src.getLong(offset)).sourceTimestamp(0).ingestTimestamp(0).publishTimestamp(0).instrumentId(0);
        return MessageHeaderEncoder.ENCODED_LENGTH + HeartbeatEncoder.BLOCK_LENGTH;
    }

    private IngestAgent agent(final long count, final RingFullPolicy policy, final long rate)
    {
        return new IngestAgent("ingest-0", new CountingSource(count),
            MessageNormaliser.oneToOne(IngestAgentTest::heartbeatNormaliser), ring, policy, MAX_MESSAGE_LENGTH, 1000,
            rate, () -> nowNs, counters, errors::add);
    }

    @Test
    void shouldStopReadingWhenRingIsFullAndResumeWithoutLoss()
    {
        final IngestAgent agent = agent(1000, RingFullPolicy.BACK_PRESSURE, 0);
        final List<Long> sequences = new ArrayList<>();

        while (!agent.isExhausted())
        {
            if (0 == agent.doWork())
            {
                ring.read((msgTypeId, buffer, index, length) ->
                    sequences.add(buffer.getLong(index + MessageHeaderEncoder.ENCODED_LENGTH)));
            }
        }
        ring.read((msgTypeId, buffer, index, length) ->
            sequences.add(buffer.getLong(index + MessageHeaderEncoder.ENCODED_LENGTH)));

        assertEquals(900, sequences.size());
        long expected = 1;
        for (final long sequence : sequences)
        {
            expected += expected % 10 == 0 ? 1 : 0;
            assertEquals(expected++, sequence);
        }
        assertEquals(1000, counters.messagesIn().get());
        assertEquals(100, counters.notNormalised().get());
        assertTrue(counters.ringFull().get() > 0);
        assertEquals(0, counters.dropped().get());
        assertTrue(errors.isEmpty());
    }

    @Test
    void shouldCountAndReportDropsForLiveInput()
    {
        final IngestAgent agent = agent(1000, RingFullPolicy.DROP, 0);

        while (!agent.isExhausted())
        {
            agent.doWork();
        }

        final int recordLength = BitUtil.align(RecordDescriptor.HEADER_LENGTH + MessageHeaderEncoder.ENCODED_LENGTH +
            HeartbeatEncoder.BLOCK_LENGTH, RecordDescriptor.ALIGNMENT);
        final int capacityInRecords = 1024 / recordLength;
        assertEquals(1000, counters.messagesIn().get());
        assertEquals(900 - capacityInRecords, counters.dropped().get());
        assertEquals(1, counters.ringFull().get());
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).getMessage().contains("dropping live messages from counting starting at sequence"));
    }

    @Test
    void shouldPaceToTheConfiguredRate()
    {
        final IngestAgent agent = agent(1000, RingFullPolicy.DROP, 1000);
        nowNs = 1;

        assertEquals(1, agent.doWork());
        assertEquals(0, agent.doWork());
        nowNs += TimeUnit.MILLISECONDS.toNanos(10);
        assertEquals(10, agent.doWork());
        nowNs += TimeUnit.MILLISECONDS.toNanos(5);
        assertEquals(5, agent.doWork());
        assertFalse(agent.isExhausted());
    }

    @Test
    void shouldRefuseMessagesLongerThanTheRingAllows()
    {
        assertThrows(IllegalArgumentException.class, () -> new IngestAgent(
            "x", new CountingSource(1), MessageNormaliser.oneToOne(IngestAgentTest::heartbeatNormaliser), ring,
            RingFullPolicy.DROP, ring.maxMsgLength() + 1, 10, 0, () -> 0, counters, errors::add));
    }

    @Test
    void shouldHoldBackInputUntilEveryMessageItMayGiveFits()
    {
        final IngestAgent agent = new IngestAgent("ingest-0", new CountingSource(200), new Fanout(3), ring,
            RingFullPolicy.BACK_PRESSURE, MAX_MESSAGE_LENGTH, 1000, 0, () -> nowNs, counters, errors::add);
        final List<Long> sequences = new ArrayList<>();

        while (!agent.isExhausted())
        {
            if (0 == agent.doWork())
            {
                ring.read((msgTypeId, buffer, index, length) ->
                    sequences.add(buffer.getLong(index + MessageHeaderEncoder.ENCODED_LENGTH)));
            }
        }
        ring.read((msgTypeId, buffer, index, length) ->
            sequences.add(buffer.getLong(index + MessageHeaderEncoder.ENCODED_LENGTH)));

        // Input n gives n mod 4 messages (0 to 3): nothing lost, nothing reordered, no ring-full exception.
        final List<Long> expected = new ArrayList<>();
        for (long n = 1; n <= 200; n++)
        {
            for (int i = 0; i < n % 4; i++)
            {
                expected.add(n * 10 + i);
            }
        }
        assertEquals(expected, sequences);
        assertEquals(200, counters.messagesIn().get());
        assertEquals(50, counters.notNormalised().get());
        assertTrue(counters.ringFull().get() > 0);
        assertTrue(errors.isEmpty());
    }

    @Test
    void shouldRefuseARingTooSmallForOneInputsMessages()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new IngestAgent(
            "x", new CountingSource(1), new Fanout(100), ring, RingFullPolicy.BACK_PRESSURE, MAX_MESSAGE_LENGTH, 10,
            0, () -> 0, counters, errors::add));
        assertTrue(ex.getMessage().contains("cannot hold the 100 messages"), ex.getMessage());
    }

    /**
     * Writes up to {@code max} heartbeats per input (input n gives n mod (max + 1)), sequences n * 10 + i.
     */
    private static final class Fanout implements MessageNormaliser
    {
        private final int max;

        Fanout(final int max)
        {
            this.max = max;
        }

        public int normalise(
            final long sequence, final DirectBuffer src, final int offset, final int length, final MessageSink sink)
        {
            final int count = (int)(src.getLong(offset) % (max + 1));
            for (int i = 0; i < count; i++)
            {
                HEARTBEAT_ENCODER.wrapAndApplyHeader(sink.buffer(), 0, HEADER_ENCODER)
                    .sequence(src.getLong(offset) * 10 + i).sourceTimestamp(0).ingestTimestamp(0).publishTimestamp(0)
                    .instrumentId(0);
                sink.write(MessageHeaderEncoder.ENCODED_LENGTH + HeartbeatEncoder.BLOCK_LENGTH);
            }
            return count;
        }

        public int maxMessagesPerInput()
        {
            return max;
        }
    }
}
