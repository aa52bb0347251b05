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
 * Layout of a command in the cluster log, as the gateway offers it to ingress. Version 2 carries the inbound audit
 * record of the FIX message that caused the command, so the replicated log is the durable audit source and every
 * member journals it (docs/AUDIT-AND-TIME.md "Audit from the replicated log"):
 * <pre>
 *   version 2 (written by this gateway)
 *    0  int64  ingress sequence (little-endian), increasing per gateway, above any it sent before
 *    8  int32  {@link #VERSION_2_MARKER} (-2): where version 1 had the command's SBE header, whose template id
 *              (bytes 10..11) never has its high bit set, so the two versions cannot be confused
 *   12  int32  command length (SBE header and body)
 *   16  ...    the internal SBE command, as the session thread encoded it
 *   16 + command length ... to the frame's end: the inbound audit record (SBE message header of the audit
 *              schema + AuditRecord) as the session thread encoded it for its own journal, or nothing (a
 *              session-wide command such as cancel-on-disconnect, or a gateway without an audit trail)
 *
 *   version 1 (older logs, still read)
 *    0  int64  ingress sequence
 *    8  ...    the internal SBE command
 * </pre>
 * The sequence lets the {@link MatchingService} apply a command once although the gateway may offer it twice (it
 * offers again what a leader that died had not answered). A frame is at most {@link #MAX_FRAME_LENGTH} bytes, the
 * largest message the default ingress channel takes ({@code term-length=128k}); the audit record's raw FIX bytes are
 * truncated to fit (counted by the publisher).
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
     * Offset of the command length in a version 2 frame.
     */
    public static final int COMMAND_LENGTH_OFFSET = 12;

    /**
     * Length of a version 2 frame's header: sequence, marker, command length.
     */
    public static final int HEADER_LENGTH = 16;

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
     * Write a version 2 frame.
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
        dst.putLong(offset, sequence, ByteOrder.LITTLE_ENDIAN);
        dst.putInt(offset + COMMAND_OFFSET, VERSION_2_MARKER, ByteOrder.LITTLE_ENDIAN);
        dst.putInt(offset + COMMAND_LENGTH_OFFSET, commandLength, ByteOrder.LITTLE_ENDIAN);
        dst.putBytes(offset + HEADER_LENGTH, command, commandOffset, commandLength);
        if (auditLength > 0)
        {
            dst.putBytes(offset + HEADER_LENGTH + commandLength, audit, auditOffset, auditLength);
        }
        return HEADER_LENGTH + commandLength + auditLength;
    }

    /**
     * Write a version 2 frame without an audit record.
     *
     * @param dst           frame buffer.
     * @param offset        of the frame in it.
     * @param sequence      ingress sequence.
     * @param command       holding the SBE command.
     * @param commandOffset of the command's header.
     * @param commandLength of header and body.
     * @return the frame's length.
     */
    public static int encode(
        final MutableDirectBuffer dst,
        final int offset,
        final long sequence,
        final DirectBuffer command,
        final int commandOffset,
        final int commandLength)
    {
        return encode(dst, offset, sequence, command, commandOffset, commandLength, null, 0, 0);
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
     * @return whether it is a version 2 frame.
     */
    public static boolean isVersion2(final DirectBuffer frame, final int offset, final int length)
    {
        return length >= HEADER_LENGTH &&
            VERSION_2_MARKER == frame.getInt(offset + COMMAND_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @param frame  holding a frame.
     * @param offset of the frame.
     * @param length of the frame.
     * @return offset of the command in the frame (relative to {@code offset}).
     */
    public static int commandOffset(final DirectBuffer frame, final int offset, final int length)
    {
        return isVersion2(frame, offset, length) ? HEADER_LENGTH : COMMAND_OFFSET;
    }

    /**
     * @param frame  holding a frame.
     * @param offset of the frame.
     * @param length of the frame.
     * @return length of the command, or -1 when a version 2 frame's command length does not fit the frame.
     */
    public static int commandLength(final DirectBuffer frame, final int offset, final int length)
    {
        if (!isVersion2(frame, offset, length))
        {
            return length - COMMAND_OFFSET;
        }
        final int commandLength = frame.getInt(offset + COMMAND_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN);
        return commandLength < 0 || commandLength > length - HEADER_LENGTH ? -1 : commandLength;
    }

    /**
     * @param frame  holding a frame whose {@link #commandLength} is valid.
     * @param offset of the frame.
     * @param length of the frame.
     * @return length of the audit record after the command, 0 when none.
     */
    public static int auditLength(final DirectBuffer frame, final int offset, final int length)
    {
        if (!isVersion2(frame, offset, length))
        {
            return 0;
        }
        return length - HEADER_LENGTH - frame.getInt(offset + COMMAND_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }
}
