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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds classic little-endian pcap files of Ethernet / IPv4 / UDP datagrams around any payload, for tests of
 * venue-neutral pcap reading and of venues whose payload is not MoldUDP64 (MDP 3.0).
 */
public final class UdpPcapWriter
{
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean nanosecond;

    /**
     * A capture with its file header.
     *
     * @param nanosecond true for the nanosecond magic, false for microseconds.
     */
    public UdpPcapWriter(final boolean nanosecond)
    {
        this.nanosecond = nanosecond;
        final ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(nanosecond ? PcapUdpReader.MAGIC_NANOS : PcapUdpReader.MAGIC_MICROS);
        header.putShort((short)2).putShort((short)4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.writeBytes(header.array());
    }

    /**
     * Offset in the file where the next record starts.
     *
     * @return bytes written so far.
     */
    public int size()
    {
        return out.size();
    }

    /**
     * Append a datagram.
     *
     * @param timestampNanos capture time, nanoseconds since the epoch (cut to microseconds in a microsecond pcap).
     * @param source         IPv4 source address, big-endian int.
     * @param destination    IPv4 destination address, big-endian int.
     * @param sourcePort     UDP source port.
     * @param port           UDP destination port.
     * @param vlan           true to add an 802.1Q tag.
     * @param payload        UDP payload.
     * @return this.
     */
    public UdpPcapWriter datagram(
        final long timestampNanos, final int source, final int destination, final int sourcePort, final int port,
        final boolean vlan, final byte[] payload)
    {
        final int frameLength = 14 + (vlan ? 4 : 0) + 20 + 8 + payload.length;
        final ByteBuffer record = ByteBuffer.allocate(16 + frameLength).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt((int)(timestampNanos / 1_000_000_000L));
        final long fraction = timestampNanos % 1_000_000_000L;
        record.putInt((int)(nanosecond ? fraction : fraction / 1_000L));
        record.putInt(frameLength).putInt(frameLength);
        record.order(ByteOrder.BIG_ENDIAN);
        record.put(new byte[] {1, 0, 0x5e, 0, 0x1f, 1}).put(new byte[] {0, 0x1b, 0x21, 1, 2, 3});
        if (vlan)
        {
            record.putShort((short)0x8100).putShort((short)42);
        }
        record.putShort((short)0x0800);
        record.put((byte)0x45).put((byte)0).putShort((short)(20 + 8 + payload.length)).putShort((short)1)
            .putShort((short)0x4000).put((byte)32).put((byte)17).putShort((short)0).putInt(source).putInt(destination);
        record.putShort((short)sourcePort).putShort((short)port).putShort((short)(8 + payload.length))
            .putShort((short)0).put(payload);
        out.writeBytes(record.array());
        return this;
    }

    /**
     * Append raw bytes, e.g. a damaged record.
     *
     * @param bytes to append.
     * @return this.
     */
    public UdpPcapWriter raw(final byte[] bytes)
    {
        out.writeBytes(bytes);
        return this;
    }

    /**
     * Write the capture.
     *
     * @param path to write to.
     * @return the path.
     * @throws IOException if it cannot be written.
     */
    public Path write(final Path path) throws IOException
    {
        Files.write(path, out.toByteArray());
        return path;
    }
}
