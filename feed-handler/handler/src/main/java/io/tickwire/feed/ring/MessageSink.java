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
package io.tickwire.feed.ring;

import org.agrona.MutableDirectBuffer;

/**
 * Where a {@link MessageNormaliser} puts the SBE messages it makes of one input unit: encode into {@link #buffer()}
 * at offset 0, then {@link #write(int)}; repeat for the next message. The ingest agent implements it over its ring,
 * so a normaliser never sees the ring, its space accounting or its full policy.
 * <p>
 * The buffer is the same for every message: once written, the bytes belong to the ring and the buffer may be reused.
 */
public interface MessageSink
{
    /**
     * The buffer to encode the next message into, from offset 0, with room for the agent's longest message.
     *
     * @return the scratch buffer.
     */
    MutableDirectBuffer buffer();

    /**
     * Write the message encoded at offset 0 of {@link #buffer()} into the ring, its SBE template id as the ring's
     * message type id.
     *
     * @param length of the encoded message, SBE message header included.
     */
    void write(int length);

    /**
     * Whether the last {@link #write(int)} reached the ring. A live source's full ring refuses messages (counted as
     * dropped); a normaliser that keeps state per instrument asks, so that it can recover what was refused.
     *
     * @return false when the last message was refused.
     */
    default boolean lastWriteAccepted()
    {
        return true;
    }
}
