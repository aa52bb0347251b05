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
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * How several gateways share one cluster's engine: the {@link MatchingService} puts the id of the gateway that sent
 * a command ({@code TickwireGatewayId}, carried by its {@link IngressFrame}) into bits 16..23 of the command's
 * session index before the engine sees it. The engine keys ClOrdIDs, session cancels and the owner checks of
 * cancels, replaces and status requests by that index, so it keeps each gateway's sessions apart; each order's
 * owning gateway is in its state and its snapshot; and every event about an order carries it, so that each gateway
 * takes the events of its own orders and only those. Gateway 0's indexes are the plain session indexes: logs and
 * snapshots written before gateways had ids read as gateway 0's.
 * <p>
 * Order ids are the gateway's (its session thread numbers new orders from its start time in microseconds): a
 * gateway's id is in their bits 55..62 ({@link #firstOrderId}), so two gateways never assign the same one; the
 * service refuses a new order whose id names another gateway.
 * <p>
 * Every command and every event starts with {@code correlationId, receiveNanos, sessionIndex}: the index is at the
 * same offset in all of them.
 */
public final class GatewaySessions
{
    /**
     * Largest gateway id.
     */
    public static final int MAX_GATEWAY_ID = 0xFF;

    /**
     * Largest session index of a gateway (its sessions are numbered from 0).
     */
    public static final int MAX_SESSION_INDEX = 0xFFFF;

    /**
     * Offset of the session index in a command or event body (after correlation id and receive time).
     */
    public static final int SESSION_INDEX_BODY_OFFSET = 2 * Long.BYTES;

    private static final int SHIFT = 16;
    private static final int ORDER_ID_SHIFT = 55;

    private GatewaySessions()
    {
    }

    /**
     * @param gatewayId    of the gateway, 0..{@link #MAX_GATEWAY_ID}.
     * @param sessionIndex of the session in that gateway, 0..{@link #MAX_SESSION_INDEX}.
     * @return the engine's session index.
     */
    public static int compose(final int gatewayId, final int sessionIndex)
    {
        return (gatewayId << SHIFT) | sessionIndex;
    }

    /**
     * @param gatewayId   of the gateway, 0..{@link #MAX_GATEWAY_ID}.
     * @param startMicros the gateway's start time in microseconds since the epoch (below 2^55: until the year 3111).
     * @return the first order id the gateway assigns, counting up from it: above any its earlier runs assigned, and
     * never one of another gateway's.
     */
    public static long firstOrderId(final int gatewayId, final long startMicros)
    {
        return ((long)gatewayId << ORDER_ID_SHIFT) | startMicros;
    }

    /**
     * @param orderId an order id a gateway assigned.
     * @return the id of the gateway that assigned it.
     */
    public static int orderIdGateway(final long orderId)
    {
        return (int)(orderId >>> ORDER_ID_SHIFT);
    }

    /**
     * @param engineSessionIndex as the engine holds it.
     * @return the owning gateway's id.
     */
    public static int gatewayId(final int engineSessionIndex)
    {
        return engineSessionIndex >>> SHIFT;
    }

    /**
     * @param engineSessionIndex as the engine holds it.
     * @return the session's index in its gateway.
     */
    public static int localIndex(final int engineSessionIndex)
    {
        return engineSessionIndex & MAX_SESSION_INDEX;
    }

    /**
     * @param buffer holding a command or an event, SBE header first.
     * @param offset of the header.
     * @return the engine's session index it carries; 0 when its block has none (a command-applied event of a
     * member from before version 6, whose only reader was gateway 0).
     */
    public static int sessionIndex(final DirectBuffer buffer, final int offset)
    {
        final int blockLength = buffer.getShort(offset, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        return blockLength < SESSION_INDEX_BODY_OFFSET + Integer.BYTES ? 0 : buffer.getInt(
            offset + MessageHeaderDecoder.ENCODED_LENGTH + SESSION_INDEX_BODY_OFFSET,
            ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Overwrite the session index a command or event carries.
     *
     * @param buffer       holding it, SBE header first.
     * @param offset       of the header.
     * @param sessionIndex to put in its place.
     */
    public static void putSessionIndex(final MutableDirectBuffer buffer, final int offset, final int sessionIndex)
    {
        buffer.putInt(offset + MessageHeaderDecoder.ENCODED_LENGTH +
            SESSION_INDEX_BODY_OFFSET, sessionIndex, ByteOrder.LITTLE_ENDIAN);
    }
}
