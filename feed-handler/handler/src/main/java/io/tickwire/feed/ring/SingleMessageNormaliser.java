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

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A normaliser that turns one input message into at most one SBE message (ITCH 5.0: one message in, one out), the
 * shape of {@code ItchNormaliser#normalise}. {@link MessageNormaliser#oneToOne} adapts it to the ingest contract
 * without a copy: it encodes straight into the sink's buffer.
 */
@FunctionalInterface
public interface SingleMessageNormaliser
{
    /**
     * Encode the SBE message for an input message.
     *
     * @param sequence  of the input message in its source.
     * @param src       buffer holding the input message.
     * @param offset    of the input message.
     * @param length    of the input message.
     * @param dst       buffer to encode into.
     * @param dstOffset where the SBE message header goes.
     * @return encoded length including the SBE message header; 0 if the type is not normalised; -1 if the
     * message is malformed (already reported to the source's listener).
     */
    int normalise(long sequence, DirectBuffer src, int offset, int length, MutableDirectBuffer dst, int dstOffset);
}
