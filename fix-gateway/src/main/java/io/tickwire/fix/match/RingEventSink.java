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
package io.tickwire.fix.match;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentTerminationException;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * Events into a single-writer ring read by the execution report sender in the same process. A full ring holds
 * the engine: that wait is the back pressure to the sessions.
 */
public final class RingEventSink implements EventSink
{
    private final RingBuffer events;
    private final IdleStrategy backPressureIdle;

    /**
     * @param events           the event ring (the engine is its one writer).
     * @param backPressureIdle how to wait while it is full.
     */
    public RingEventSink(final RingBuffer events, final IdleStrategy backPressureIdle)
    {
        this.events = events;
        this.backPressureIdle = backPressureIdle;
    }

    /**
     * {@inheritDoc}
     */
    public void onEvent(final int templateId, final DirectBuffer buffer, final int offset, final int length)
    {
        backPressureIdle.reset();
        while (!events.write(templateId, buffer, offset, length))
        {
            // The sender drains the ring on its own thread. A runner closing while the sender is gone interrupts
            // us: give up rather than wait for ever.
            if (Thread.currentThread().isInterrupted())
            {
                throw new AgentTerminationException("event ring full while closing");
            }
            backPressureIdle.idle();
        }
    }
}
