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
package io.tickwire.feed.publish;

import org.agrona.concurrent.status.AtomicCounter;

/**
 * The counters the publisher agent maintains. Written only by the publisher's thread, read by anyone.
 */
public final class PublisherCounters
{
    private final AtomicCounter messagesPublished;
    private final AtomicCounter bytesPublished;
    private final AtomicCounter backPressured;
    private final AtomicCounter notConnected;
    private final AtomicCounter heartbeats;
    private final AtomicCounter position;

    /**
     * Group the publisher's counters.
     *
     * @param messagesPublished market data messages published (heartbeats excluded).
     * @param bytesPublished    bytes of market data messages published.
     * @param backPressured     claims refused for back-pressure or an admin action.
     * @param notConnected      claims refused because no subscriber was connected.
     * @param heartbeats        heartbeats published.
     * @param position          publication position after the last duty cycle that did work.
     */
    public PublisherCounters(
        final AtomicCounter messagesPublished,
        final AtomicCounter bytesPublished,
        final AtomicCounter backPressured,
        final AtomicCounter notConnected,
        final AtomicCounter heartbeats,
        final AtomicCounter position)
    {
        this.messagesPublished = messagesPublished;
        this.bytesPublished = bytesPublished;
        this.backPressured = backPressured;
        this.notConnected = notConnected;
        this.heartbeats = heartbeats;
        this.position = position;
    }

    /**
     * @return market data messages published (heartbeats excluded).
     */
    public AtomicCounter messagesPublished()
    {
        return messagesPublished;
    }

    /**
     * @return bytes of market data messages published.
     */
    public AtomicCounter bytesPublished()
    {
        return bytesPublished;
    }

    /**
     * @return claims refused for back-pressure or an admin action.
     */
    public AtomicCounter backPressured()
    {
        return backPressured;
    }

    /**
     * @return claims refused because no subscriber was connected.
     */
    public AtomicCounter notConnected()
    {
        return notConnected;
    }

    /**
     * @return heartbeats published.
     */
    public AtomicCounter heartbeats()
    {
        return heartbeats;
    }

    /**
     * @return the publication position.
     */
    public AtomicCounter position()
    {
        return position;
    }
}
