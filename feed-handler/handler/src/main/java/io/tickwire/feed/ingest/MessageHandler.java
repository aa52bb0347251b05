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
package io.tickwire.feed.ingest;

import org.agrona.DirectBuffer;

/**
 * Receives framed ITCH 5.0 messages, one call per message, from any {@link MessageSource}.
 * <p>
 * The buffer is only valid for the duration of the call: a handler that needs the bytes later copies them.
 */
@FunctionalInterface
public interface MessageHandler
{
    /**
     * One complete ITCH message: the type byte at {@code offset}, {@code length} bytes in all.
     *
     * @param sequence MoldUDP64 sequence number of the message, or its index (from 1) in a file.
     * @param buffer   holding the message.
     * @param offset   of the message type byte.
     * @param length   of the message, as given by its framing.
     */
    void onMessage(long sequence, DirectBuffer buffer, int offset, int length);
}
