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
package io.tickwire.feed;

import io.aeron.Aeron;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.AddOrderDecoder;
import io.tickwire.sbe.md.HeartbeatDecoder;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import io.tickwire.sbe.md.Side;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * A plain Aeron subscriber that checks every message of a {@link SyntheticItchSource} feed as it arrives:
 * contiguous sequence numbers from 1, AddOrder fields derived from the sequence, heartbeats never ahead of the
 * data. Records the first problem instead of throwing inside the poll.
 */
final class VerifyingSubscriber implements FragmentHandler, AutoCloseable
{
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final AddOrderDecoder addOrderDecoder = new AddOrderDecoder();
    private final HeartbeatDecoder heartbeatDecoder = new HeartbeatDecoder();
    private final Aeron aeron;
    private final Subscription subscription;
    private long lastSequence;
    private long heartbeats;
    private long lastHeartbeatSequence = -1;
    private String firstProblem;
    private String firstSequenceProblem;

    VerifyingSubscriber(final String aeronDirectoryName, final String channel, final int streamId)
    {
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDirectoryName));
        subscription = aeron.addSubscription(channel, streamId);
    }

    int poll(final int fragmentLimit)
    {
        return subscription.poll(this, fragmentLimit);
    }

    boolean isConnected()
    {
        return subscription.isConnected();
    }

    long lastSequence()
    {
        return lastSequence;
    }

    long heartbeats()
    {
        return heartbeats;
    }

    long lastHeartbeatSequence()
    {
        return lastHeartbeatSequence;
    }

    String firstProblem()
    {
        return firstProblem;
    }

    /**
     * For feeds not made by {@link SyntheticItchSource}: only sequence contiguity and heartbeats are checked.
     *
     * @return the first sequence problem, or null.
     */
    String firstProblemIgnoringFields()
    {
        return firstSequenceProblem;
    }

    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        headerDecoder.wrap(buffer, offset);
        final int templateId = headerDecoder.templateId();
        if (HeartbeatDecoder.TEMPLATE_ID != templateId)
        {
            final long sequence = buffer.getLong(
                offset + MarketDataHeader.SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
            if (sequence != lastSequence + 1 && null == firstSequenceProblem)
            {
                firstSequenceProblem = "sequence " + sequence + " after " + lastSequence;
            }
            if (AddOrderDecoder.TEMPLATE_ID != templateId)
            {
                lastSequence = sequence;
                problem("template " + templateId + " is not from the synthetic source");
                return;
            }
        }

        if (AddOrderDecoder.TEMPLATE_ID == templateId)
        {
            addOrderDecoder.wrapAndApplyHeader(buffer, offset, headerDecoder);
            checkAddOrder(length);
        }
        else if (HeartbeatDecoder.TEMPLATE_ID == templateId)
        {
            heartbeatDecoder.wrapAndApplyHeader(buffer, offset, headerDecoder);
            heartbeats++;
            lastHeartbeatSequence = heartbeatDecoder.sequence();
            if (lastHeartbeatSequence != lastSequence)
            {
                problem("heartbeat sequence " + lastHeartbeatSequence + " after message " + lastSequence);
            }
        }
    }

    public void close()
    {
        CloseHelper.closeAll(subscription, aeron);
    }

    private void checkAddOrder(final int length)
    {
        final long expected = lastSequence + 1;
        final long sequence = addOrderDecoder.sequence();
        lastSequence = sequence;
        if (sequence != expected)
        {
            problem("sequence " + sequence + ", expected " + expected);
            return;
        }

        final long sourceTimestamp = addOrderDecoder.sourceTimestamp();
        final long ingestTimestamp = addOrderDecoder.ingestTimestamp();
        final long publishTimestamp = addOrderDecoder.publishTimestamp();
        final long instrumentId = addOrderDecoder.instrumentId();
        final long orderId = addOrderDecoder.orderId();
        final Side side = addOrderDecoder.side();
        final long quantity = addOrderDecoder.quantity();
        final long price = addOrderDecoder.price();
        final String attribution = addOrderDecoder.attribution();

        if (length != MessageHeaderDecoder.ENCODED_LENGTH + AddOrderDecoder.BLOCK_LENGTH ||
            sourceTimestamp != sequence * 1000 ||
            ingestTimestamp <= 0 ||
            publishTimestamp < ingestTimestamp ||
            instrumentId != SyntheticItchSource.locate(sequence) ||
            orderId != sequence ||
            side.value() != SyntheticItchSource.side(sequence) ||
            quantity != SyntheticItchSource.shares(sequence) ||
            price != sequence * 10 ||
            !"    ".equals(attribution))
        {
            problem("message " + sequence + " fields wrong: length=" + length + " sourceTimestamp=" +
                sourceTimestamp + " ingest=" + ingestTimestamp + " publish=" + publishTimestamp + " instrument=" +
                instrumentId + " order=" + orderId + " side=" + side + " qty=" + quantity + " price=" + price);
        }
    }

    private void problem(final String description)
    {
        if (null == firstProblem)
        {
            firstProblem = description;
        }
    }
}
