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
package io.tickwire.feed.ingest.itch.sim;

import io.tickwire.feed.ingest.MessageHandler;
import io.tickwire.feed.ingest.MessageSource;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * An {@link MessageSource} over a {@link ItchSimulator}: a bounded number of generated messages, numbered from 1.
 */
public final class SimulatorSource implements MessageSource
{
    private final ItchSimulator simulator;
    private final long messageLimit;
    private final String name;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[64]);
    private long sequence;

    /**
     * A source of generated messages.
     *
     * @param simulator    to generate the messages.
     * @param messageLimit number of messages before the source is exhausted ({@link Long#MAX_VALUE}: unbounded).
     */
    public SimulatorSource(final ItchSimulator simulator, final long messageLimit)
    {
        this.simulator = simulator;
        this.messageLimit = messageLimit;
        this.name = "simulator(symbols=" + simulator.symbols() + ")";
    }

    /**
     * A source of generated messages from a new simulator.
     *
     * @param seed         of the simulator.
     * @param symbols      number of symbols.
     * @param messageLimit number of messages.
     */
    public SimulatorSource(final long seed, final int symbols, final long messageLimit)
    {
        this(new ItchSimulator(seed, symbols), messageLimit);
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return name;
    }

    /**
     * {@inheritDoc}
     */
    public int poll(final MessageHandler handler, final int limit)
    {
        int delivered = 0;
        while (delivered < limit && sequence < messageLimit)
        {
            final int length = simulator.next(scratch, 0);
            handler.onMessage(++sequence, scratch, 0, length);
            delivered++;
        }

        return delivered;
    }

    /**
     * {@inheritDoc}
     */
    public boolean isExhausted()
    {
        return sequence >= messageLimit;
    }

    /**
     * Messages delivered so far.
     *
     * @return the sequence of the last message.
     */
    public long sequence()
    {
        return sequence;
    }

    /**
     * {@inheritDoc}
     */
    public void close()
    {
    }
}
