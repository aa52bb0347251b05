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

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Ingress frames of every version read back: version 3 with its gateway id, versions 2 and 1 (older logs) as
 * gateway 0's.
 */
class IngressFrameTest
{
    private static final int COMMAND_LENGTH = 40;
    private static final int AUDIT_LENGTH = 30;

    private final UnsafeBuffer command = new UnsafeBuffer(new byte[COMMAND_LENGTH]);
    private final UnsafeBuffer audit = new UnsafeBuffer(new byte[AUDIT_LENGTH]);
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[IngressFrame.MAX_FRAME_LENGTH]);

    @Test
    void shouldCarryTheGatewayIdInVersion3()
    {
        command.setMemory(0, COMMAND_LENGTH, (byte)7);
        final int length = IngressFrame.encode(frame, 0, 9, 123L, command, 0, COMMAND_LENGTH, audit, 0,
            AUDIT_LENGTH);
        assertEquals(IngressFrame.HEADER_LENGTH + COMMAND_LENGTH + AUDIT_LENGTH, length);
        assertEquals(3, IngressFrame.version(frame, 0, length));
        assertEquals(9, IngressFrame.gatewayId(frame, 0, length));
        assertEquals(123L, IngressFrame.sequence(frame, 0));
        assertEquals(IngressFrame.HEADER_LENGTH, IngressFrame.commandOffset(frame, 0, length));
        assertEquals(COMMAND_LENGTH, IngressFrame.commandLength(frame, 0, length));
        assertEquals(AUDIT_LENGTH, IngressFrame.auditLength(frame, 0, length));
        assertEquals(7, frame.getByte(IngressFrame.HEADER_LENGTH));
    }

    @Test
    void shouldReadVersion2AsGatewayZero()
    {
        // [sequence][-2][command length][command][audit], as gateways before ids wrote it.
        frame.putLong(0, 55L, ByteOrder.LITTLE_ENDIAN);
        frame.putInt(8, IngressFrame.VERSION_2_MARKER, ByteOrder.LITTLE_ENDIAN);
        frame.putInt(12, COMMAND_LENGTH, ByteOrder.LITTLE_ENDIAN);
        final int length = IngressFrame.VERSION_2_HEADER_LENGTH + COMMAND_LENGTH + AUDIT_LENGTH;
        assertEquals(2, IngressFrame.version(frame, 0, length));
        assertEquals(0, IngressFrame.gatewayId(frame, 0, length));
        assertEquals(IngressFrame.VERSION_2_HEADER_LENGTH, IngressFrame.commandOffset(frame, 0, length));
        assertEquals(COMMAND_LENGTH, IngressFrame.commandLength(frame, 0, length));
        assertEquals(AUDIT_LENGTH, IngressFrame.auditLength(frame, 0, length));
    }

    @Test
    void shouldReadVersion1AsGatewayZero()
    {
        // [sequence][command]: the command's SBE header (block length, template id) where later versions mark.
        frame.putLong(0, 56L, ByteOrder.LITTLE_ENDIAN);
        frame.putShort(8, (short)COMMAND_LENGTH, ByteOrder.LITTLE_ENDIAN);
        frame.putShort(10, (short)1, ByteOrder.LITTLE_ENDIAN);
        final int length = IngressFrame.COMMAND_OFFSET + COMMAND_LENGTH;
        assertEquals(1, IngressFrame.version(frame, 0, length));
        assertEquals(0, IngressFrame.gatewayId(frame, 0, length));
        assertEquals(IngressFrame.COMMAND_OFFSET, IngressFrame.commandOffset(frame, 0, length));
        assertEquals(COMMAND_LENGTH, IngressFrame.commandLength(frame, 0, length));
        assertEquals(0, IngressFrame.auditLength(frame, 0, length));
    }

    @Test
    void shouldRefuseACommandLengthBeyondTheFrame()
    {
        final int length = IngressFrame.encode(frame, 0, 1, 1L, command, 0, COMMAND_LENGTH);
        frame.putInt(IngressFrame.COMMAND_LENGTH_OFFSET, COMMAND_LENGTH + 1, ByteOrder.LITTLE_ENDIAN);
        assertEquals(-1, IngressFrame.commandLength(frame, 0, length));
    }
}
