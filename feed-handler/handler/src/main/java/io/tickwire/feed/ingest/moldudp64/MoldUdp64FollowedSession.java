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
package io.tickwire.feed.ingest.moldudp64;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The session a {@link MoldUdp64Client} follows: its ten wire bytes, compared with every packet and written into
 * every request, and its name for reports. Adopting a session tells the {@link MoldUdp64StatusListener}.
 */
final class MoldUdp64FollowedSession
{
    private final UnsafeBuffer bytes = new UnsafeBuffer(new byte[MoldUdp64Packet.SESSION_LENGTH]);
    private final MoldUdp64StatusListener statusListener;
    private boolean known;
    private String name;

    MoldUdp64FollowedSession(final MoldUdp64StatusListener statusListener)
    {
        this.statusListener = statusListener;
    }

    /**
     * Follow the session of a packet (or of a session buffer at offset 0).
     *
     * @param buffer holding the packet.
     * @param offset of the packet.
     */
    void adopt(final DirectBuffer buffer, final int offset)
    {
        final String oldName = name;
        bytes.putBytes(0, buffer, offset + MoldUdp64Packet.SESSION_OFFSET, MoldUdp64Packet.SESSION_LENGTH);
        name = MoldUdp64Packet.sessionName(bytes, 0);
        known = true;
        statusListener.onSessionChange(oldName, name);
    }

    /**
     * @return whether a session has been adopted yet.
     */
    boolean isKnown()
    {
        return known;
    }

    /**
     * @param buffer holding a packet.
     * @param offset of the packet.
     * @return whether the packet belongs to the followed session.
     */
    boolean matches(final DirectBuffer buffer, final int offset)
    {
        return MoldUdp64Packet.sessionEquals(buffer, offset, bytes);
    }

    /**
     * @return the session name, or null before the first is adopted.
     */
    String name()
    {
        return name;
    }

    /**
     * @return the {@link MoldUdp64Packet#SESSION_LENGTH} bytes of the session at index 0, updated in place when
     * another session is adopted.
     */
    DirectBuffer bytes()
    {
        return bytes;
    }
}
