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

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Layout of a command in the cluster log, as the gateway offers it to ingress. Since version 2 it carries the inbound
 * audit record of the FIX message that caused the command, so the replicated log is the durable audit source and
 * every member journals it (docs/AUDIT-AND-TIME.md "Audit from the replicated log"); version 3 adds the id of the
 * gateway that sent it, so that several gateways can share one cluster ({@link GatewaySessions}):
 * <pre>
 *   version 3 (written by this gateway)
 *    0  int64  ingress sequence (little-endian), increasing per gateway, above any it sent before
 *    8  int32  {@link #VERSION_3_MARKER} (-3)
 *   12  int32  command length (SBE header and body)
 *   16  int32  gateway id ({@code TickwireGatewayId}), 0..{@link GatewaySessions#MAX_GATEWAY_ID}
 *   20  int32  reserved, 0
 *   24  ...    the internal SBE command, as the session thread encoded it
 *   24 + command length ... to the frame's end: the inbound audit record (SBE message header of the audit
 *              schema + AuditRecord) as the session thread encoded it for its own journal, or nothing (a
 *              session-wide command such as cancel-on-disconnect, or a gateway without an audit trail)
 *
 *   version 2 (older logs, still read: gateway 0)
 *    0  int64  ingress sequence
 *    8  int32  {@link #VERSION_2_MARKER} (-2): where version 1 had the command's SBE header, whose template id
 *              (bytes 10..11) never has its high bit set, so the versions cannot be confused
 *   12  int32  command length
 *   16  ...    the command, then the audit record
 *
 *   version 1 (older logs, still read: gateway 0)
 *    0  int64  ingress sequence
 *    8  ...    the internal SBE command
 * </pre>
 * The sequence lets the {@link MatchingService} apply a command once although the gateway may offer it twice (it
 * offers again what a leader that died had not answered); sequences are compared per gateway id. A frame is at
 * most {@link #MAX_FRAME_LENGTH} bytes, the largest message the default ingress channel takes
 * ({@code term-length=128k}); the audit record's raw FIX bytes are truncated to fit (counted by the publisher).
 */
public final class IngressFrame
{
    /**
     * Offset of the SBE command in a version 1 frame.
     */
    public static final int COMMAND_OFFSET = Long.BYTES;

    /**
     * The int32 at offset 8 of a version 2 frame.
     */
    public static final int VERSION_2_MARKER = -2;

    /**
     * The int32 at offset 8 of a version 3 frame.
     */
    public static final int VERSION_3_MARKER = -3;

    /**
     * Offset of the command length in a version 2 or 3 frame.
     */
    public static final int COMMAND_LENGTH_OFFSET = 12;

    /**
     * Length of a version 2 frame's header: sequence, marker, command length.
     */
    public static final int VERSION_2_HEADER_LENGTH = 16;

    /**
     * Offset of the gateway id in a version 3 frame.
     */
    public static final int GATEWAY_ID_OFFSET = 16;

    /**
     * Length of a version 3 frame's header: sequence, marker, command length, gateway id, reserved.
     */
    public static final int HEADER_LENGTH = 24;

    /**
     * Largest frame: the largest message an ingress publication with a 128 KiB term takes (term length / 8).
     */
    public static final int MAX_FRAME_LENGTH = 16 * 1024;

    /**
     * Largest internal command (the session thread's encoding buffer).
     */
    public static final int MAX_COMMAND_LENGTH = 256;

    /**
     * Largest audit record a frame carries.
     */
    public static final int MAX_AUDIT_LENGTH = MAX_FRAME_LENGTH - HEADER_LENGTH - MAX_COMMAND_LENGTH;

    /**
     * Type id of a command ring message that is a command with its audit record,
     * {@code [int32 command length][command][audit record]} (what {@code session.OrderEntry} writes when the
     * cluster order agent reads the ring). Above every internal template id.
     */
    public static final int AUDITED_COMMAND_MSG_TYPE_ID = 0x4155_4401;

    private IngressFrame()
    {
    }

    /**
     * Write a version 3 frame.
     *
     * @param dst           frame buffer.
     * @param offset        of the frame in it.
     * @param gatewayId     of the gateway sending it.
     * @param sequence      ingress sequence.
     * @param command       holding the SBE command.
     * @param commandOffset of the command's header.
     * @param commandLength of header and body.
     * @param audit         holding the audit record, or null.
     * @param auditOffset   of the record.
     * @param auditLength   of the record, 0 for none.
     * @return the frame's length.
     */
    public static int encode(
        final MutableDirectBuffer dst,
        final int offset,
        final int gatewayId,
        final long sequence,
        final DirectBuffer command,
        final int commandOffset,
        final int commandLength,
        final DirectBuffer audit,
        final int auditOffset,
        final int auditLength)
    {
        dst.putLong(offset, sequence, ByteOrder.LITTLE_ENDIAN);
        dst.putInt(offset + COMMAND_OFFSET, VERSION_3_MARKER, ByteOrder.LITTLE_ENDIAN);
        dst.putInt(offset + COMMAND_LENGTH_OFFSET, commandLength, ByteOrder.LITTLE_ENDIAN);
        dst.putInt(offset + GATEWAY_ID_OFFSET, gatewayId, ByteOrder.LITTLE_ENDIAN);
        dst.putInt(offset + GATEWAY_ID_OFFSET + Integer.BYTES, 0, ByteOrder.LITTLE_ENDIAN);
        dst.putBytes(offset + HEADER_LENGTH, command, commandOffset, commandLength);
        if (auditLength > 0)
        {
            dst.putBytes(offset + HEADER_LENGTH + commandLength, audit, auditOffset, auditLength);
        }
        return HEADER_LENGTH + commandLength + auditLength;
    }

    /**
     * Write a version 3 frame without an audit record.
     *
     * @param dst           frame buffer.
     * @param offset        of the frame in it.
     * @param gatewayId     of the gateway sending it.
     * @param sequence      ingress sequence.
     * @param command       holding the SBE command.
     * @param commandOffset of the command's header.
     * @param commandLength of header and body.
     * @return the frame's length.
     */
    public static int encode(
        final MutableDirectBuffer dst,
        final int offset,
        final int gatewayId,
        final long sequence,
        final DirectBuffer command,
        final int commandOffset,
        final int commandLength)
    {
        return encode(dst, offset, gatewayId, sequence, command, commandOffset, commandLength, null, 0, 0);
    }

    /**
     * Write a version 3 frame of gateway 0.
     *
     * @param dst           frame buffer.
     * @param offset        of the frame in it.
     * @param sequence      ingress sequence.
     * @param command       holding the SBE command.
     * @param commandOffset of the command's header.
     * @param commandLength of header and body.
     * @param audit         holding the audit record, or null.
     * @param auditOffset   of the record.
     * @param auditLength   of the record, 0 for none.
     * @return the frame's length.
     */
    public static int encode(
        final MutableDirectBuffer dst,
        final int offset,
        final long sequence,
        final DirectBuffer command,
        final int commandOffset,
        final int commandLength,
        final DirectBuffer audit,
        final int auditOffset,
        final int auditLength)
    {
        return encode(dst, offset, 0, sequence, command, commandOffset, commandLength, audit, auditOffset,
            auditLength);
    }

    /**
     * @param frame  holding a frame.
     * @param offset of the frame.
     * @return its ingress sequence.
     */
    public static long sequence(final DirectBuffer frame, final int offset)
    {
        return frame.getLong(offset, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @param frame  holding a frame at least {@link #COMMAND_OFFSET} long.
     * @param offset of the frame.
     * @param length of the frame.
     * @return its version: 1, 2 or 3.
     */
    public static int version(final DirectBuffer frame, final int offset, final int length)
    {
        if (length >= VERSION_2_HEADER_LENGTH)
        {
            final int marker = frame.getInt(offset + COMMAND_OFFSET, ByteOrder.LITTLE_ENDIAN);
            if (VERSION_3_MARKER == marker && length >= HEADER_LENGTH)
            {
                return 3;
            }
            if (VERSION_2_MARKER == marker)
            {
                return 2;
            }
        }
        return 1;
    }

    /**
     * @param frame  holding a frame at least {@link #COMMAND_OFFSET} long.
     * @param offset of the frame.
     * @param length of the frame.
     * @return the id of the gateway that sent it: 0 for a frame of version 1 or 2; possibly out of range (the
     * caller checks it against {@link GatewaySessions#MAX_GATEWAY_ID}).
     */
    public static int gatewayId(final DirectBuffer frame, final int offset, final int length)
    {
        return 3 == version(frame, offset, length) ?
            frame.getInt(offset + GATEWAY_ID_OFFSET, ByteOrder.LITTLE_ENDIAN) : 0;
    }

    /**
     * @param frame  holding a frame.
     * @param offset of the frame.
     * @param length of the frame.
     * @return offset of the command in the frame (relative to {@code offset}).
     */
    public static int commandOffset(final DirectBuffer frame, final int offset, final int length)
    {
        return headerLength(version(frame, offset, length));
    }

    /**
     * @param frame  holding a frame.
     * @param offset of the frame.
     * @param length of the frame.
     * @return length of the command, or -1 when a version 2 or 3 frame's command length does not fit the frame.
     */
    public static int commandLength(final DirectBuffer frame, final int offset, final int length)
    {
        final int version = version(frame, offset, length);
        if (1 == version)
        {
            return length - COMMAND_OFFSET;
        }
        final int headerLength = headerLength(version);
        final int commandLength = frame.getInt(offset + COMMAND_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN);
        return commandLength < 0 || commandLength > length - headerLength ? -1 : commandLength;
    }

    /**
     * @param frame  holding a frame whose {@link #commandLength} is valid.
     * @param offset of the frame.
     * @param length of the frame.
     * @return length of the audit record after the command, 0 when none.
     */
    public static int auditLength(final DirectBuffer frame, final int offset, final int length)
    {
        final int version = version(frame, offset, length);
        if (1 == version)
        {
            return 0;
        }
        return length - headerLength(version) - frame.getInt(offset + COMMAND_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    private static int headerLength(final int version)
    {
        switch (version)
        {
            case 3:
                return HEADER_LENGTH;
            case 2:
                return VERSION_2_HEADER_LENGTH;
            default:
                return COMMAND_OFFSET;
        }
    }
}
