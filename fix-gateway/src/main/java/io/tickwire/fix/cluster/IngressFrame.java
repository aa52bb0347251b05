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
 * Layout of a command in the cluster log, as the gateway offers it to ingress:
 * <pre>
 *   0  int64  ingress sequence (little-endian), increasing per gateway, above any it sent before
 *   8  ...    the internal SBE command (message header, then body), as the session thread encoded it
 * </pre>
 * The sequence lets the {@link MatchingService} apply a command once although the gateway may offer it twice (it
 * offers again what a leader that died had not answered).
 */
public final class IngressFrame
{
    /**
     * Offset of the SBE command in a frame.
     */
    public static final int COMMAND_OFFSET = Long.BYTES;

    private IngressFrame()
    {
    }

    /**
     * Write a frame.
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
        dst.putLong(offset, sequence, ByteOrder.LITTLE_ENDIAN);
        dst.putBytes(offset + COMMAND_OFFSET, command, commandOffset, commandLength);
        return COMMAND_OFFSET + commandLength;
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
}
