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

import io.tickwire.sbe.internal.MessageHeaderDecoder;
import io.tickwire.sbe.internal.MessageHeaderEncoder;
import io.tickwire.sbe.internal.ServiceSnapshotDecoder;
import io.tickwire.sbe.internal.ServiceSnapshotEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Per-gateway ingress sequences: kept apart, written to the snapshot in gateway id order whatever order the gateways
 * first sent in (every member writes the same bytes), and a snapshot from before gateway ids read as gateway 0's.
 */
class GatewaySequencesTest
{
    @Test
    void shouldKeepEachGatewaysSequenceApart()
    {
        final GatewaySequences sequences = new GatewaySequences();
        sequences.put(7, 500);
        sequences.put(0, 20);
        sequences.put(7, 501);
        assertEquals(501, sequences.last(7));
        assertEquals(20, sequences.last(0));
        assertEquals(Long.MIN_VALUE, sequences.last(1));
        assertEquals(2, sequences.count());
    }

    @Test
    void shouldWriteTheSameSnapshotWhateverOrderTheGatewaysCameIn()
    {
        final GatewaySequences first = new GatewaySequences();
        final GatewaySequences second = new GatewaySequences();
        for (int id = 0; id < 10; id++)
        {
            first.put(id, 1000 + id);
            second.put(9 - id, 1009 - id);
        }
        assertArrayEquals(first.snapshot().byteArray(), second.snapshot().byteArray());

        final GatewaySequences loaded = new GatewaySequences();
        loaded.load(decoder(first.snapshot()));
        assertEquals(10, loaded.count());
        for (int id = 0; id < 10; id++)
        {
            assertEquals(id, loaded.gatewayIdAt(id));
            assertEquals(1000 + id, loaded.last(id));
        }
    }

    @Test
    void shouldReadASnapshotFromBeforeGatewayIdsAsGatewayZeros()
    {
        // What a member wrote before gateway ids: schema version 5, the one sequence, no group.
        final UnsafeBuffer old = new UnsafeBuffer(new byte[MessageHeaderEncoder.ENCODED_LENGTH +
            ServiceSnapshotEncoder.BLOCK_LENGTH]);
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        new ServiceSnapshotEncoder().wrapAndApplyHeader(old, 0, header).lastIngressSequence(4242);
        header.version(5);

        final GatewaySequences loaded = new GatewaySequences();
        loaded.load(decoder(old));
        assertEquals(1, loaded.count());
        assertEquals(4242, loaded.last(0));
        assertEquals(Long.MIN_VALUE, loaded.last(1));
    }

    @Test
    void shouldLoadNothingFromAServiceThatHadAppliedNothing()
    {
        final GatewaySequences loaded = new GatewaySequences();
        loaded.load(decoder(new GatewaySequences().snapshot()));
        assertEquals(0, loaded.count());
    }

    private static ServiceSnapshotDecoder decoder(final UnsafeBuffer buffer)
    {
        return new ServiceSnapshotDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
    }
}
