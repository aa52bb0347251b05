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

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a classic pcap (nanosecond magic, little-endian, Ethernet link type) of IPv4/UDP datagrams, the format
 * {@link PcapUdpReader} reads: each payload wrapped in an Ethernet frame to the IPv4 multicast MAC of its group,
 * an IPv4 header with its checksum and a UDP header (checksum 0, which IPv4 allows). For simulators that write
 * captures; one record buffer is reused, nothing is allocated per datagram.
 */
public final class PcapUdpWriter implements AutoCloseable
{
    /** Largest UDP payload written: an Ethernet MTU of 1500 less the IPv4 and UDP headers. */
    public static final int MAX_PAYLOAD = 1500 - 20 - 8;

    private static final int RECORD_HEADER = 16;
    private static final int FRAME_HEADERS = 14 + 20 + 8;

    private final OutputStream out;
    private final ByteBuffer record = ByteBuffer.allocate(RECORD_HEADER + FRAME_HEADERS + MAX_PAYLOAD);
    private final int source;
    private final int sourcePort;
    private final int destination;
    private final int destinationPort;
    private int ipId;
    private long datagrams;

    /**
     * Create (or replace) a capture file and write its header.
     *
     * @param path            file to write.
     * @param source          IPv4 source address, big-endian int.
     * @param sourcePort      UDP source port.
     * @param destination     IPv4 destination (multicast group) address, big-endian int.
     * @param destinationPort UDP destination port.
     * @throws IOException if the file cannot be written.
     */
    public PcapUdpWriter(
        final Path path, final int source, final int sourcePort, final int destination, final int destinationPort)
        throws IOException
    {
        this.out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        this.source = source;
        this.sourcePort = sourcePort;
        this.destination = destination;
        this.destinationPort = destinationPort;
        final ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(PcapUdpReader.MAGIC_NANOS).putShort((short)2).putShort((short)4).putInt(0).putInt(0)
            .putInt(65535).putInt(PcapUdpReader.LINKTYPE_ETHERNET);
        out.write(header.array());
    }

    /**
     * Append one datagram.
     *
     * @param timestampNanos capture time, nanoseconds since the epoch.
     * @param payload        bytes of the UDP payload.
     * @param offset         of the payload in {@code payload}.
     * @param length         of the payload, at most {@link #MAX_PAYLOAD}.
     * @throws IOException if the file cannot be written.
     */
    public void write(final long timestampNanos, final byte[] payload, final int offset, final int length)
        throws IOException
    {
        if (length < 0 || length > MAX_PAYLOAD)
        {
            throw new IllegalArgumentException("UDP payload of " + length + " bytes, limit " + MAX_PAYLOAD);
        }
        final int frameLength = FRAME_HEADERS + length;
        final ByteBuffer r = record.clear().order(ByteOrder.LITTLE_ENDIAN);
        r.putInt((int)(timestampNanos / 1_000_000_000L)).putInt((int)(timestampNanos % 1_000_000_000L))
            .putInt(frameLength).putInt(frameLength);
        r.order(ByteOrder.BIG_ENDIAN);
        // Ethernet: the multicast MAC 01:00:5e + the low 23 bits of the group, a locally administered source.
        r.put((byte)0x01).put((byte)0x00).put((byte)0x5e).put((byte)((destination >>> 16) & 0x7F))
            .put((byte)(destination >>> 8)).put((byte)destination);
        r.put((byte)0x02).put((byte)0x00).put((byte)(source >>> 24)).put((byte)(source >>> 16))
            .put((byte)(source >>> 8)).put((byte)source);
        r.putShort((short)0x0800);
        final int ip = r.position();
        r.put((byte)0x45).put((byte)0).putShort((short)(20 + 8 + length)).putShort((short)ipId++)
            .putShort((short)0x4000).put((byte)32).put((byte)17).putShort((short)0).putInt(source).putInt(destination);
        r.putShort(ip + 10, checksum(r, ip));
        r.putShort((short)sourcePort).putShort((short)destinationPort).putShort((short)(8 + length)).putShort((short)0);
        r.put(payload, offset, length);
        out.write(r.array(), 0, r.position());
        datagrams++;
    }

    /**
     * Datagrams written so far.
     *
     * @return the count.
     */
    public long datagrams()
    {
        return datagrams;
    }

    /**
     * Flush and close the file.
     *
     * @throws IOException if it cannot be written.
     */
    public void close() throws IOException
    {
        out.close();
    }

    private static short checksum(final ByteBuffer buffer, final int start)
    {
        int sum = 0;
        for (int i = 0; i < 20; i += 2)
        {
            sum += buffer.getShort(start + i) & 0xFFFF;
        }
        while ((sum >>> 16) != 0)
        {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (short)~sum;
    }
}
