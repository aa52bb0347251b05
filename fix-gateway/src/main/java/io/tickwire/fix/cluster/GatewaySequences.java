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
package io.tickwire.fix.cluster;

import io.tickwire.sbe.internal.MessageHeaderEncoder;
import io.tickwire.sbe.internal.ServiceSnapshotDecoder;
import io.tickwire.sbe.internal.ServiceSnapshotEncoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * The highest ingress sequence the {@link MatchingService} has applied, per gateway id: a command is a re-offer only
 * against its own gateway's sequence. Replicated state (in the service's snapshot), so deterministic: the ids are
 * kept sorted in plain arrays, never in hash order, and every member walks them in the same order. A cluster has a
 * handful of gateways: a lookup scans them; an array grows only when a new gateway first sends.
 */
final class GatewaySequences
{
    private int[] gatewayIds = new int[4];
    private long[] sequences = new long[4];
    private int count;

    /**
     * @param gatewayId of a gateway.
     * @return its highest applied sequence, {@link Long#MIN_VALUE} when none.
     */
    long last(final int gatewayId)
    {
        final int index = indexOf(gatewayId);
        return index >= 0 ? sequences[index] : Long.MIN_VALUE;
    }

    /**
     * @param gatewayId of a gateway.
     * @param sequence  its highest applied sequence from now on.
     */
    void put(final int gatewayId, final long sequence)
    {
        int index = indexOf(gatewayId);
        if (index < 0)
        {
            index = -index - 1;
            if (count == gatewayIds.length)
            {
                gatewayIds = Arrays.copyOf(gatewayIds, count * 2);
                sequences = Arrays.copyOf(sequences, count * 2);
            }
            System.arraycopy(gatewayIds, index, gatewayIds, index + 1, count - index);
            System.arraycopy(sequences, index, sequences, index + 1, count - index);
            gatewayIds[index] = gatewayId;
            count++;
        }
        sequences[index] = sequence;
    }

    /**
     * @return gateways that have sent a command.
     */
    int count()
    {
        return count;
    }

    /**
     * @param index 0..{@link #count()}, in increasing gateway id order.
     * @return the gateway id at it.
     */
    int gatewayIdAt(final int index)
    {
        return gatewayIds[index];
    }

    /**
     * @param index 0..{@link #count()}, in increasing gateway id order.
     * @return the sequence at it.
     */
    long sequenceAt(final int index)
    {
        return sequences[index];
    }

    /**
     * Encode for the service's snapshot (allocates: once per snapshot, off the order path): gateway 0's sequence
     * where a reader from before gateway ids looks for it, then every gateway's in increasing id order.
     *
     * @return the {@code ServiceSnapshot} message, SBE header included, filling the buffer.
     */
    UnsafeBuffer snapshot()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MessageHeaderEncoder.ENCODED_LENGTH +
            ServiceSnapshotEncoder.BLOCK_LENGTH + ServiceSnapshotEncoder.GatewaysEncoder.sbeHeaderSize() +
            count * ServiceSnapshotEncoder.GatewaysEncoder.sbeBlockLength()]);
        final ServiceSnapshotEncoder encoder = new ServiceSnapshotEncoder();
        final ServiceSnapshotEncoder.GatewaysEncoder entries = encoder
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .lastIngressSequence(last(0))
            .gatewaysCount(count);
        for (int i = 0; i < count; i++)
        {
            entries.next().gatewayId(gatewayIds[i]).lastIngressSequence(sequences[i]);
        }
        return buffer;
    }

    /**
     * Take the sequences of a snapshot: one written before gateway ids (no group) has gateway 0's only.
     *
     * @param snapshot wrapped at the message, with its acting version.
     */
    void load(final ServiceSnapshotDecoder snapshot)
    {
        final long gatewayZero = snapshot.lastIngressSequence();
        if (Long.MIN_VALUE != gatewayZero)
        {
            put(0, gatewayZero);
        }
        for (final ServiceSnapshotDecoder.GatewaysDecoder entry : snapshot.gateways())
        {
            put(entry.gatewayId(), entry.lastIngressSequence());
        }
    }

    private int indexOf(final int gatewayId)
    {
        return Arrays.binarySearch(gatewayIds, 0, count, gatewayId);
    }
}
