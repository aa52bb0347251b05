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
package io.tickwire.feed.publish;

import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import io.aeron.logbuffer.BufferClaim;
import io.tickwire.latency.StageRecorder;
import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.HeartbeatEncoder;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.ControlledMessageHandler;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.nio.ByteOrder;

/**
 * Drains the ingest agents' rings onto one Aeron {@link ExclusivePublication}, stamping each message with the
 * next stream sequence number and the publish timestamp at the offsets of {@link MarketDataHeader}.
 * <p>
 * Zero copy on the way out: each message is copied once, from its ring straight into a frame claimed with
 * {@link ExclusivePublication#tryClaim(int, BufferClaim)}. Fairness: every ring gets at most {@code batchLimit}
 * messages per duty cycle, and the ring served first rotates.
 * <p>
 * Back-pressure and not-connected: the message is left in its ring ({@link Action#ABORT}) and retried on the
 * next duty cycle, so nothing is lost and the ingest side feels the pressure through its ring. Each refused
 * claim is counted.
 * <p>
 * Heartbeat: when nothing was published for {@code heartbeatIntervalNs}, a {@code Heartbeat} message carries the
 * sequence number of the last message published (0 before the first). It does not consume a sequence number;
 * a subscriber whose last message is older than the heartbeat's sequence knows it missed the tail.
 * <p>
 * The publish timestamp is read for each message once its frame is claimed, i.e. when it leaves for the wire.
 */
public final class PublisherAgent implements Agent, ControlledMessageHandler
{
    private final ExclusivePublication publication;
    private final RingBuffer[] rings;
    private final int batchLimit;
    private final EpochNanoClock clock;
    private final long heartbeatIntervalNs;
    private final PublisherCounters counters;
    private final BufferClaim bufferClaim = new BufferClaim();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final HeartbeatEncoder heartbeatEncoder = new HeartbeatEncoder();

    private StageRecorder ringToPublish;
    private int nextRing;
    private boolean blocked;
    private long publishTimestamp;
    private long lastPublishNs;
    private long sequence;
    private long bytesPublished;
    private long backPressured;
    private long notConnected;
    private long heartbeats;

    /**
     * Create the publisher.
     *
     * @param publication         to publish on; owned by the caller.
     * @param rings               to drain, one per ingest agent; this agent is their only consumer.
     * @param batchLimit          most messages taken from one ring per duty cycle.
     * @param clock               for publish timestamps and heartbeats.
     * @param heartbeatIntervalNs idle time after which a heartbeat is sent; 0 for never.
     * @param counters            of the publisher.
     */
    public PublisherAgent(
        final ExclusivePublication publication,
        final RingBuffer[] rings,
        final int batchLimit,
        final EpochNanoClock clock,
        final long heartbeatIntervalNs,
        final PublisherCounters counters)
    {
        if (batchLimit < 1)
        {
            throw new IllegalArgumentException("batchLimit must be positive: " + batchLimit);
        }

        this.publication = publication;
        this.rings = rings.clone();
        this.batchLimit = batchLimit;
        this.clock = clock;
        this.heartbeatIntervalNs = heartbeatIntervalNs;
        this.counters = counters;
    }

    /**
     * {@inheritDoc}
     */
    /**
     * Record the {@code ring->publish} stage: the ring-enqueue stamp the ingest agent left in the message's publish
     * timestamp field (see {@code IngestAgent.recordLatency}) to the publish timestamp. Off (null) by default.
     *
     * @param recorder of this agent's thread, or null for none.
     * @return this.
     */
    public PublisherAgent recordLatency(final StageRecorder recorder)
    {
        this.ringToPublish = recorder;
        return this;
    }

    public String roleName()
    {
        return "publisher";
    }

    /**
     * {@inheritDoc}
     */
    public void onStart()
    {
        lastPublishNs = clock.nanoTime();
    }

    /**
     * Sequence number of the last message published. Only meaningful on the publisher's thread or after it
     * stopped; others read {@link PublisherCounters#messagesPublished()}.
     *
     * @return the last sequence number assigned, 0 before the first.
     */
    public long lastSequence()
    {
        return sequence;
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        final RingBuffer[] rings = this.rings;
        final int ringCount = rings.length;
        final long sequenceBefore = sequence;
        int workCount = 0;
        blocked = false;

        for (int i = 0; i < ringCount && !blocked; i++)
        {
            final int index = nextRing + i < ringCount ? nextRing + i : nextRing + i - ringCount;
            workCount += rings[index].controlledRead(this, batchLimit);
        }

        if (++nextRing >= ringCount)
        {
            nextRing = 0;
        }

        if (sequence != sequenceBefore)
        {
            lastPublishNs = publishTimestamp;
            counters.messagesPublished().setRelease(sequence);
            counters.bytesPublished().setRelease(bytesPublished);
            counters.position().setRelease(publication.position());
        }
        else if (heartbeatIntervalNs > 0 && !blocked)
        {
            workCount += heartbeatIfIdle();
        }

        return workCount;
    }

    /**
     * {@inheritDoc}
     */
    public Action onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        final long result = publication.tryClaim(length, bufferClaim);
        if (result > 0)
        {
            final MutableDirectBuffer frame = bufferClaim.buffer();
            final int offset = bufferClaim.offset();
            frame.putBytes(offset, buffer, index, length);
            frame.putLong(offset + MarketDataHeader.SEQUENCE_OFFSET, ++sequence, ByteOrder.LITTLE_ENDIAN);
            publishTimestamp = clock.nanoTime();
            frame.putLong(offset + MarketDataHeader.PUBLISH_TIMESTAMP_OFFSET, publishTimestamp,
                ByteOrder.LITTLE_ENDIAN);
            final StageRecorder ringToPublish = this.ringToPublish;
            if (null != ringToPublish)
            {
                ringToPublish.recordInterval(
                    buffer.getLong(index + MarketDataHeader.PUBLISH_TIMESTAMP_OFFSET, ByteOrder.LITTLE_ENDIAN),
                    publishTimestamp);
            }
            bufferClaim.commit();
            bytesPublished += length;

            return Action.CONTINUE;
        }

        onClaimRefused(result);
        return Action.ABORT;
    }

    private int heartbeatIfIdle()
    {
        final long nowNs = clock.nanoTime();
        if (nowNs - lastPublishNs < heartbeatIntervalNs)
        {
            return 0;
        }

        final long result = publication.tryClaim(
            MessageHeaderEncoder.ENCODED_LENGTH + HeartbeatEncoder.BLOCK_LENGTH, bufferClaim);
        if (result > 0)
        {
            heartbeatEncoder.wrapAndApplyHeader(bufferClaim.buffer(), bufferClaim.offset(), headerEncoder)
                .sequence(sequence)
                .sourceTimestamp(0)
                .ingestTimestamp(nowNs)
                .publishTimestamp(nowNs)
                .instrumentId(0);
            bufferClaim.commit();
            lastPublishNs = nowNs;
            counters.heartbeats().setRelease(++heartbeats);
            counters.position().setRelease(publication.position());
            return 1;
        }

        // Nobody to tell, or no room: try again at the next interval rather than every duty cycle.
        lastPublishNs = nowNs;
        return 0;
    }

    private void onClaimRefused(final long result)
    {
        blocked = true;
        if (Publication.NOT_CONNECTED == result)
        {
            counters.notConnected().setRelease(++notConnected);
        }
        else if (Publication.BACK_PRESSURED == result || Publication.ADMIN_ACTION == result)
        {
            counters.backPressured().setRelease(++backPressured);
        }
        else if (Publication.CLOSED == result)
        {
            throw new IllegalStateException("publication closed: " + publication.channel());
        }
        else if (Publication.MAX_POSITION_EXCEEDED == result)
        {
            throw new IllegalStateException("publication reached its maximum position: " + publication.channel());
        }
    }
}
