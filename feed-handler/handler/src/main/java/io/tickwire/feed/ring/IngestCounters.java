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

import org.agrona.concurrent.status.AtomicCounter;

/**
 * The counters one ingest agent maintains. Written only by the agent's thread, read by anyone.
 */
public final class IngestCounters
{
    private final AtomicCounter messagesIn;
    private final AtomicCounter notNormalised;
    private final AtomicCounter ringFull;
    private final AtomicCounter dropped;

    /**
     * Group the counters of one ingest agent.
     *
     * @param messagesIn    ITCH messages delivered by the source.
     * @param notNormalised messages of types that are counted but not published.
     * @param ringFull      episodes of a full ring.
     * @param dropped       messages dropped because the ring was full ({@link RingFullPolicy#DROP} only).
     */
    public IngestCounters(
        final AtomicCounter messagesIn,
        final AtomicCounter notNormalised,
        final AtomicCounter ringFull,
        final AtomicCounter dropped)
    {
        this.messagesIn = messagesIn;
        this.notNormalised = notNormalised;
        this.ringFull = ringFull;
        this.dropped = dropped;
    }

    /**
     * @return ITCH messages delivered by the source.
     */
    public AtomicCounter messagesIn()
    {
        return messagesIn;
    }

    /**
     * @return messages of types that are counted but not published.
     */
    public AtomicCounter notNormalised()
    {
        return notNormalised;
    }

    /**
     * @return episodes of a full ring.
     */
    public AtomicCounter ringFull()
    {
        return ringFull;
    }

    /**
     * @return messages dropped because the ring was full.
     */
    public AtomicCounter dropped()
    {
        return dropped;
    }
}
