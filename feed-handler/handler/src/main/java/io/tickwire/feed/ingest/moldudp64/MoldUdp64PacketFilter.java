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

/**
 * Decides whether the {@link MoldUdp64Server} really sends a downstream packet of messages. Dropped packets are
 * counted and still stored, so a client recovers them by request: the way tests and demos induce a gap.
 */
@FunctionalInterface
public interface MoldUdp64PacketFilter
{
    /** Sends every packet. */
    MoldUdp64PacketFilter SEND_ALL = (sequence, messageCount) -> true;

    /**
     * Should this packet go out?
     *
     * @param sequence     of its first message.
     * @param messageCount in the packet.
     * @return true to send, false to drop.
     */
    boolean shouldSend(long sequence, int messageCount);
}
