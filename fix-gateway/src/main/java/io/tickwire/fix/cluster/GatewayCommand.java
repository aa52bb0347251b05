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
import io.tickwire.sbe.internal.NewOrderCommandDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A command from the log as the {@link MatchingService}'s engine is to apply it: checked ({@link CommandValidator},
 * and against the gateway that sent it) and carrying that gateway's id in its session index
 * ({@link GatewaySessions}). Gateway 0's commands are used in place, as they were before gateways had ids; another
 * gateway's are copied (the log is not the service's to write) and stamped. Service thread only; reused.
 */
final class GatewayCommand
{
    private final CommandValidator validator = new CommandValidator();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final UnsafeBuffer stamped = new UnsafeBuffer(ByteBuffer.allocateDirect(IngressFrame.MAX_COMMAND_LENGTH));
    private DirectBuffer buffer;
    private int offset;

    /**
     * Check the command and, if it is good, make it this one.
     *
     * @param frame     holding the command.
     * @param offset    of its SBE header.
     * @param length    of header and body.
     * @param gatewayId of the gateway whose frame carried it.
     * @return false for a command to skip (counted as malformed by the caller): one no decoder reads, a session
     * index beyond 16 bits (it would name another gateway's session), a new order whose id names another gateway
     * (it could take that gateway's order's place), a command too long to copy.
     */
    boolean wrap(final DirectBuffer frame, final int offset, final int length, final int gatewayId)
    {
        if (!validator.isValid(frame, offset, length) ||
            GatewaySessions.sessionIndex(frame, offset) >>> Short.SIZE != 0 ||
            !ownsOrderId(frame, offset, gatewayId))
        {
            return false;
        }
        if (0 == gatewayId)
        {
            this.buffer = frame;
            this.offset = offset;
            return true;
        }
        if (length > IngressFrame.MAX_COMMAND_LENGTH)
        {
            return false;
        }
        stamped.putBytes(0, frame, offset, length);
        GatewaySessions.putSessionIndex(stamped, 0,
            GatewaySessions.compose(gatewayId, GatewaySessions.sessionIndex(stamped, 0)));
        this.buffer = stamped;
        this.offset = 0;
        return true;
    }

    /**
     * @return the buffer holding the command to apply.
     */
    DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return offset of its SBE header.
     */
    int offset()
    {
        return offset;
    }

    /**
     * @return its correlation id (first in every command).
     */
    long correlationId()
    {
        return buffer.getLong(offset + MessageHeaderDecoder.ENCODED_LENGTH, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @return its session index as the engine sees it, with the gateway id.
     */
    int sessionIndex()
    {
        return GatewaySessions.sessionIndex(buffer, offset);
    }

    private boolean ownsOrderId(final DirectBuffer frame, final int offset, final int gatewayId)
    {
        header.wrap(frame, offset);
        if (NewOrderCommandDecoder.TEMPLATE_ID != header.templateId() || header.version() < 2)
        {
            // Other commands name orders whose owner the engine checks; a version 1 order has no id of its own.
            return true;
        }
        final long orderId = frame.getLong(offset + MessageHeaderDecoder.ENCODED_LENGTH +
            NewOrderCommandDecoder.orderIdEncodingOffset(), ByteOrder.LITTLE_ENDIAN);
        return GatewaySessions.orderIdGateway(orderId) == gatewayId;
    }
}
