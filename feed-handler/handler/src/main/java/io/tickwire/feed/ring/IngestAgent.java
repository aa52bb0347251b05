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
import io.tickwire.latency.StageRecorder;
import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.nio.ByteOrder;

/**
 * Reads one {@link MessageSource}, hands each input unit to the venue's {@link MessageNormaliser} and writes every
 * SBE message it makes into the agent's own single-producer ring buffer (the agent is the normaliser's
 * {@link MessageSink}), with the SBE template id as the ring's message type id.
 * <p>
 * Ring full: with {@link RingFullPolicy#BACK_PRESSURE} the agent asks the source for no more input units than are
 * certain to fit in the ring, each counted at the normaliser's {@link MessageNormaliser#maxMessagesPerInput()}
 * messages of the longest length (a source cannot take back a unit it has delivered), so it never has to drop
 * or block inside a source callback; when not even one unit fits it counts a ring-full episode and returns no work,
 * letting its idle strategy, and on a shared thread the publisher, run. With {@link RingFullPolicy#DROP} it
 * reads the source regardless and counts and reports what does not fit.
 * <p>
 * Optional open-loop pacing: at most {@code ratePerSecond} messages per second on average since the first duty
 * cycle, without making up for time the source was slow.
 */
public final class IngestAgent implements Agent, MessageHandler, MessageSink
{
    private static final int TEMPLATE_ID_OFFSET = MessageHeaderDecoder.templateIdEncodingOffset();

    private final String roleName;
    private final MessageSource source;
    private final MessageNormaliser normaliser;
    private final RingBuffer ring;
    private final RingFullPolicy policy;
    private final int maxRecordLength;
    private final int batchLimit;
    private final long ratePerSecond;
    private final NanoClock nanoClock;
    private final IngestCounters counters;
    private final ErrorHandler errorHandler;
    private final UnsafeBuffer scratch;
    private final int maxMessagesPerInput;

    private StageRecorder ingestToRing;
    private EpochNanoClock latencyClock;
    private long messagesIn;
    private long notNormalised;
    private long ringFullEpisodes;
    private long dropped;
    private long written;
    private long inputSequence;
    private boolean ringFull;
    private boolean dropping;
    private boolean lastWriteAccepted = true;
    private long pacingStartNs;
    private long pacedMessages;
    private volatile boolean exhausted;

    /**
     * Create an agent for one source.
     *
     * @param roleName         of the agent, e.g. {@code ingest-0}.
     * @param source           to read.
     * @param normaliser       turning the source's input into SBE.
     * @param ring             owned by this agent as its only producer.
     * @param policy           when the ring is full.
     * @param maxMessageLength longest SBE message the normaliser produces, header included.
     * @param batchLimit       most messages taken from the source per duty cycle.
     * @param ratePerSecond    pacing in messages per second, or 0 for as fast as possible.
     * @param nanoClock        for pacing.
     * @param counters         of this agent.
     * @param errorHandler     told when a drop episode starts.
     */
    public IngestAgent(
        final String roleName,
        final MessageSource source,
        final MessageNormaliser normaliser,
        final RingBuffer ring,
        final RingFullPolicy policy,
        final int maxMessageLength,
        final int batchLimit,
        final long ratePerSecond,
        final NanoClock nanoClock,
        final IngestCounters counters,
        final ErrorHandler errorHandler)
    {
        if (maxMessageLength > ring.maxMsgLength())
        {
            throw new IllegalArgumentException(
                "maxMessageLength " + maxMessageLength + " > ring maxMsgLength " + ring.maxMsgLength());
        }
        if (batchLimit < 1)
        {
            throw new IllegalArgumentException("batchLimit must be positive: " + batchLimit);
        }

        this.roleName = roleName;
        this.source = source;
        this.normaliser = normaliser;
        this.ring = ring;
        this.policy = policy;
        this.maxRecordLength = BitUtil.align(maxMessageLength + RecordDescriptor.HEADER_LENGTH,
            RecordDescriptor.ALIGNMENT);
        this.batchLimit = batchLimit;
        this.ratePerSecond = ratePerSecond;
        this.nanoClock = nanoClock;
        this.counters = counters;
        this.errorHandler = errorHandler;
        this.scratch = new UnsafeBuffer(new byte[BitUtil.align(maxMessageLength, 64)]);
        this.maxMessagesPerInput = normaliser.maxMessagesPerInput();
        if (maxMessagesPerInput < 1)
        {
            throw new IllegalArgumentException("maxMessagesPerInput must be positive: " + maxMessagesPerInput);
        }
        if (RingFullPolicy.BACK_PRESSURE == policy &&
            ring.capacity() / maxRecordLength - 1 < maxMessagesPerInput)
        {
            throw new IllegalArgumentException("ring of " + ring.capacity() + " bytes cannot hold the " +
                maxMessagesPerInput + " messages of " + maxMessageLength + " bytes one input unit may give " +
                "(needs " + (long)(maxMessagesPerInput + 1) * maxRecordLength + " bytes)");
        }
    }

    /**
     * {@inheritDoc}
     */
    /**
     * Record the {@code ingest->ring} stage: the normaliser's ingest timestamp to the moment the message is written
     * into the ring. The ring-enqueue stamp travels in the message's publish timestamp field, which the publisher
     * overwrites, so that the publisher can record {@code ring->publish} from it. Off (null) by default: then no
     * clock is read and nothing is recorded.
     *
     * @param recorder of this agent's thread, or null for none.
     * @param clock    the epoch clock the normaliser stamps ingest timestamps with.
     * @return this.
     */
    public IngestAgent recordLatency(final StageRecorder recorder, final EpochNanoClock clock)
    {
        this.ingestToRing = recorder;
        this.latencyClock = clock;
        return this;
    }

    public String roleName()
    {
        return roleName;
    }

    /**
     * @return the source this agent reads.
     */
    public MessageSource source()
    {
        return source;
    }

    /**
     * @return the ring this agent writes.
     */
    public RingBuffer ring()
    {
        return ring;
    }

    /**
     * Has the source delivered everything and has every message been written to the ring? Safe from any thread.
     *
     * @return true when this agent has no more work, ever.
     */
    public boolean isExhausted()
    {
        return exhausted;
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        if (exhausted)
        {
            return 0;
        }

        int limit = batchLimit;
        if (ratePerSecond > 0)
        {
            limit = Math.min(limit, pacingAllowance());
            if (0 == limit)
            {
                return 0;
            }
        }

        final int delivered;
        if (RingFullPolicy.BACK_PRESSURE == policy)
        {
            // One record's worth is kept back for the padding record the ring writes when it wraps.
            final int fits = (ring.capacity() - ring.size()) / maxRecordLength - 1;
            if (fits < maxMessagesPerInput)
            {
                if (!ringFull)
                {
                    ringFull = true;
                    counters.ringFull().setRelease(++ringFullEpisodes);
                }
                return 0;
            }
            ringFull = false;
            delivered = pollWithinSpace(limit, fits);
        }
        else
        {
            delivered = source.poll(this, limit);
        }

        if (delivered > 0)
        {
            pacedMessages += delivered;
            counters.messagesIn().setRelease(messagesIn);
            counters.notNormalised().setRelease(notNormalised);
            counters.dropped().setRelease(dropped);
        }
        else if (source.isExhausted())
        {
            exhausted = true;
        }

        return delivered;
    }

    /**
     * {@inheritDoc}
     */
    public void onMessage(final long sequence, final DirectBuffer buffer, final int offset, final int length)
    {
        messagesIn++;
        inputSequence = sequence;
        if (0 == normaliser.normalise(sequence, buffer, offset, length, this))
        {
            notNormalised++;
        }
    }

    /**
     * {@inheritDoc}
     */
    public MutableDirectBuffer buffer()
    {
        return scratch;
    }

    /**
     * {@inheritDoc}
     */
    public void write(final int encodedLength)
    {
        written++;
        final int templateId = scratch.getShort(TEMPLATE_ID_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final StageRecorder ingestToRing = this.ingestToRing;
        long enqueueNs = 0;
        if (null != ingestToRing && encodedLength >= MarketDataHeader.MIN_MESSAGE_LENGTH)
        {
            enqueueNs = latencyClock.nanoTime();
            scratch.putLong(MarketDataHeader.PUBLISH_TIMESTAMP_OFFSET, enqueueNs, ByteOrder.LITTLE_ENDIAN);
        }
        lastWriteAccepted = ring.write(templateId, scratch, 0, encodedLength);
        if (lastWriteAccepted)
        {
            dropping = false;
            if (0 != enqueueNs)
            {
                ingestToRing.recordInterval(
                    scratch.getLong(MarketDataHeader.INGEST_TIMESTAMP_OFFSET, ByteOrder.LITTLE_ENDIAN), enqueueNs);
            }
        }
        else
        {
            onRingFull(inputSequence);
        }
    }

    /**
     * {@inheritDoc}
     */
    public boolean lastWriteAccepted()
    {
        return lastWriteAccepted;
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        source.close();
    }

    private void onRingFull(final long sequence)
    {
        if (RingFullPolicy.BACK_PRESSURE == policy)
        {
            // The space check in doWork makes this impossible; if it happens, stop loudly rather than lose data.
            throw new IllegalStateException("ring full despite space check: source " + source.name() +
                " sequence " + sequence + " would be lost");
        }

        dropped++;
        if (!dropping)
        {
            dropping = true;
            counters.ringFull().setRelease(++ringFullEpisodes);
            errorHandler.onError(new IllegalStateException("ring full: dropping live messages from " +
                source.name() + " starting at sequence " + sequence + " (counted as dropped)"));
        }
    }

    /**
     * Poll the source in steps that each fit for certain, counting each unit at its worst case and each message
     * written at the longest length, until the batch is done, the space is used or the source has no more now.
     * For a one-to-one normaliser the first step asks for the whole batch, as a single poll would.
     */
    private int pollWithinSpace(final int limit, final int fits)
    {
        int delivered = 0;
        int space = fits;
        while (delivered < limit)
        {
            final int ask = Math.min(limit - delivered, space / maxMessagesPerInput);
            if (ask <= 0)
            {
                break;
            }
            final long writtenBefore = written;
            final int polled = source.poll(this, ask);
            delivered += polled;
            space -= (int)(written - writtenBefore);
            if (polled < ask)
            {
                break;
            }
        }
        return delivered;
    }

    private int pacingAllowance()
    {
        final long nowNs = nanoClock.nanoTime();
        if (0 == pacingStartNs)
        {
            pacingStartNs = nowNs;
        }

        final long due = (long)((nowNs - pacingStartNs) * (ratePerSecond / 1e9)) + 1;
        return (int)Math.min(Integer.MAX_VALUE, Math.max(0, due - pacedMessages));
    }
}
