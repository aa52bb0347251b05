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

import io.tickwire.feed.ingest.PcapUdpWriter;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a simulated channel as a pcap, as a capture next to the wire would hold it: one UDP datagram per packet,
 * from {@link #SOURCE} to the channel's group and port, captured a few microseconds after its SendingTime. Used by
 * {@code mdp3 generate} and by the benchmarks that replay a CME channel.
 */
public final class Mdp3Capture
{
    /**
     * Source address of the simulated datagrams: 10.1.31.1.
     */
    public static final int SOURCE = 0x0A011F01;

    private static final long CAPTURE_DELAY_NS = 3_000;

    private Mdp3Capture()
    {
    }

    /**
     * Write the next packets of a simulator.
     *
     * @param out       pcap file to write (replaced).
     * @param simulator the channel.
     * @param packets   how many packets.
     * @param group     IPv4 multicast group, as an int.
     * @param port      UDP port (source and destination).
     * @return payload bytes written.
     * @throws IOException if the file cannot be written.
     */
    public static long write(
        final Path out, final Mdp3Simulator simulator, final long packets, final int group, final int port)
        throws IOException
    {
        final UnsafeBuffer packet = new UnsafeBuffer(new byte[Mdp3Simulator.MAX_PACKET]);
        long bytes = 0;
        try (PcapUdpWriter writer = new PcapUdpWriter(out, SOURCE, port, group, port))
        {
            for (long i = 0; i < packets; i++)
            {
                final int length = simulator.next(packet, 0);
                writer.write(simulator.sendingTime() + CAPTURE_DELAY_NS, packet.byteArray(), 0, length);
                bytes += length;
            }
        }
        return bytes;
    }
}
