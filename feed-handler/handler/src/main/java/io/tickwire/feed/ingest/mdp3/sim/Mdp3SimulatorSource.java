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
package io.tickwire.feed.ingest.mdp3.sim;

import io.tickwire.feed.ingest.MessageHandler;
import io.tickwire.feed.ingest.MessageSource;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A {@link MessageSource} over an {@link Mdp3Simulator}: a bounded number of simulated MDP 3.0 packets (one UDP
 * payload per message, as {@code Mdp3PcapSource} delivers a capture), numbered from 1. For demos and benchmarks that
 * want a CME channel without a file.
 */
public final class Mdp3SimulatorSource implements MessageSource
{
    private final Mdp3Simulator simulator;
    private final long packetLimit;
    private final String name;
    private final UnsafeBuffer packet = new UnsafeBuffer(new byte[Mdp3Simulator.MAX_PACKET]);
    private long sequence;

    /**
     * A source of simulated packets.
     *
     * @param simulator   to generate the packets.
     * @param packetLimit number of packets before the source is exhausted.
     */
    public Mdp3SimulatorSource(final Mdp3Simulator simulator, final long packetLimit)
    {
        this.simulator = simulator;
        this.packetLimit = packetLimit;
        this.name = "mdp3-simulator(contracts=" + simulator.instrumentCount() + ")";
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
        while (delivered < limit && sequence < packetLimit)
        {
            final int length = simulator.next(packet, 0);
            handler.onMessage(++sequence, packet, 0, length);
            delivered++;
        }
        return delivered;
    }

    /**
     * {@inheritDoc}
     */
    public boolean isExhausted()
    {
        return sequence >= packetLimit;
    }

    /**
     * {@inheritDoc}
     */
    public void close()
    {
    }
}
