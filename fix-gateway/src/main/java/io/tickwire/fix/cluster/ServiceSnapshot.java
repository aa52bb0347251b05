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

import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Image;
import io.aeron.cluster.client.ClusterException;
import io.aeron.logbuffer.FragmentHandler;
import io.tickwire.fix.match.EngineSnapshotCodec;
import io.tickwire.fix.match.MatchingEngine;
import io.tickwire.sbe.internal.MessageHeaderDecoder;
import io.tickwire.sbe.internal.ServiceSnapshotDecoder;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The {@link MatchingService}'s snapshot: the service's state (every gateway's last applied ingress sequence,
 * {@link GatewaySequences}) then the engine's ({@link EngineSnapshotCodec}), written to the cluster's snapshot
 * publication and read back from its image at a restart. Service thread, outside the order path.
 */
final class ServiceSnapshot
{
    private static final String NAME = "matching engine";

    private ServiceSnapshot()
    {
    }

    /**
     * Write the state, waiting out back pressure.
     *
     * @param publication the cluster's snapshot publication.
     * @param sequences   the service's last ingress sequences.
     * @param engine      the books and orders.
     * @param idle        the service's idle strategy.
     */
    static void take(
        final ExclusivePublication publication,
        final GatewaySequences sequences,
        final MatchingEngine engine,
        final IdleStrategy idle)
    {
        final UnsafeBuffer serviceState = sequences.snapshot();
        ServiceIo.offerSnapshot(publication, serviceState, 0, serviceState.capacity(), idle, NAME);
        engine.takeSnapshot((buffer, offset, length) ->
            ServiceIo.offerSnapshot(publication, buffer, offset, length, idle, NAME));
    }

    /**
     * Load the state by polling the snapshot image to its end.
     *
     * @param image     the snapshot.
     * @param sequences filled with the service's last ingress sequences.
     * @param engine    filled with the books and orders.
     * @param idle      the service's idle strategy.
     * @throws ClusterException if the engine's part ends before its end marker.
     */
    static void load(
        final Image image, final GatewaySequences sequences, final MatchingEngine engine, final IdleStrategy idle)
    {
        final EngineSnapshotCodec.Loader loader = engine.snapshotLoader();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final ServiceSnapshotDecoder service = new ServiceSnapshotDecoder();
        final FragmentHandler handler = new FragmentAssembler((buffer, offset, length, fragmentHeader) ->
        {
            header.wrap(buffer, offset);
            if (ServiceSnapshotDecoder.TEMPLATE_ID == header.templateId() &&
                ServiceSnapshotDecoder.SCHEMA_ID == header.schemaId())
            {
                sequences.load(service.wrapAndApplyHeader(buffer, offset, header));
            }
            else
            {
                loader.onMessage(buffer, offset, length);
            }
        });
        ServiceIo.readSnapshot(image, handler, 16, idle, NAME);
        if (!loader.isComplete())
        {
            throw new ClusterException("matching engine snapshot ended before its end marker");
        }
    }
}
