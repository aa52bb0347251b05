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

import java.nio.ByteOrder;

/**
 * Walks one captured Ethernet frame (optionally 802.1Q / QinQ tagged) through its IPv4 and UDP headers to the UDP
 * payload, for {@link PcapUdpReader}: keeps the datagram's addresses, ports and payload bounds, and reports a frame
 * that is not a whole, unfragmented IPv4/UDP datagram ({@link MalformedReason#NOT_UDP}, or
 * {@link MalformedReason#TRUNCATED_MESSAGE} when the capture cut the packet short) with the record's file offset.
 * Kept apart from the reader, which deals with pcap files and records. Nothing is allocated for a good frame.
 */
final class UdpFrameParser
{
    static final int ETHERNET_HEADER = 14;

    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88a8;
    private static final int ETHERTYPE_VLAN_OLD_QINQ = 0x9100;
    private static final int IPV4_MIN_HEADER = 20;
    private static final int PROTOCOL_UDP = 17;
    private static final int UDP_HEADER = 8;

    private final String name;
    private final MalformedInputListener listener;
    private long malformedCount;

    private int payloadOffset;
    private int payloadLength;
    private int sourceAddress;
    private int destinationAddress;
    private int sourcePort;
    private int destinationPort;

    UdpFrameParser(final String name, final MalformedInputListener listener)
    {
        this.name = name;
        this.listener = listener;
    }

    /**
     * Walk Ethernet, VLAN tags, IPv4 and UDP headers to the UDP payload.
     *
     * @param buffer     holding the frame.
     * @param frameIndex where the Ethernet header starts in the buffer.
     * @param captured   bytes of the frame in the capture.
     * @param position   file offset of the frame's pcap record, for reports.
     * @return true when the frame is a whole UDP datagram, whose addresses, ports and payload are then the current
     * ones; false when it was reported and should be skipped.
     */
    boolean parse(final DirectBuffer buffer, final int frameIndex, final int captured, final long position)
    {
        if (captured < ETHERNET_HEADER)
        {
            report(MalformedReason.NOT_UDP, position, "frame of " + captured + " bytes is too short for Ethernet");
            return false;
        }

        int etherType = buffer.getShort(frameIndex + 12, BE) & 0xFFFF;
        int p = ETHERNET_HEADER;
        while (etherType == ETHERTYPE_VLAN || etherType == ETHERTYPE_QINQ || etherType == ETHERTYPE_VLAN_OLD_QINQ)
        {
            if (p + 4 > captured)
            {
                report(MalformedReason.NOT_UDP, position, "frame ends inside a VLAN tag");
                return false;
            }
            etherType = buffer.getShort(frameIndex + p + 2, BE) & 0xFFFF;
            p += 4;
        }

        if (etherType != ETHERTYPE_IPV4)
        {
            report(MalformedReason.NOT_UDP, position, String.format("ethertype 0x%04x is not IPv4", etherType));
            return false;
        }
        if (p + IPV4_MIN_HEADER > captured)
        {
            report(MalformedReason.NOT_UDP, position, "frame ends inside the IPv4 header");
            return false;
        }

        final int versionIhl = buffer.getByte(frameIndex + p) & 0xFF;
        final int headerLength = (versionIhl & 0x0F) * 4;
        if ((versionIhl >> 4) != 4 || headerLength < IPV4_MIN_HEADER || p + headerLength > captured)
        {
            report(MalformedReason.NOT_UDP, position,
                String.format("bad IPv4 version/IHL byte 0x%02x", versionIhl));
            return false;
        }
        final int protocol = buffer.getByte(frameIndex + p + 9) & 0xFF;
        if (protocol != PROTOCOL_UDP)
        {
            report(MalformedReason.NOT_UDP, position, "IP protocol " + protocol + " is not UDP");
            return false;
        }
        if ((buffer.getShort(frameIndex + p + 6, BE) & 0x3FFF) != 0)
        {
            report(MalformedReason.NOT_UDP, position, "IPv4 fragment, reassembly is not supported");
            return false;
        }

        final int totalLength = buffer.getShort(frameIndex + p + 2, BE) & 0xFFFF;
        final int ipEnd = totalLength == 0 ? captured : p + totalLength;
        if (ipEnd > captured)
        {
            report(MalformedReason.TRUNCATED_MESSAGE, position,
                "IPv4 packet of " + totalLength + " bytes, only " + (captured - p) + " captured");
            return false;
        }

        final int udp = p + headerLength;
        if (udp + UDP_HEADER > ipEnd)
        {
            report(MalformedReason.NOT_UDP, position, "packet ends inside the UDP header");
            return false;
        }
        final int udpLength = buffer.getShort(frameIndex + udp + 4, BE) & 0xFFFF;
        if (udpLength < UDP_HEADER || udp + udpLength > ipEnd)
        {
            report(MalformedReason.NOT_UDP, position, "UDP length " + udpLength + " does not fit the IPv4 packet");
            return false;
        }

        sourceAddress = buffer.getInt(frameIndex + p + 12, BE);
        destinationAddress = buffer.getInt(frameIndex + p + 16, BE);
        sourcePort = buffer.getShort(frameIndex + udp, BE) & 0xFFFF;
        destinationPort = buffer.getShort(frameIndex + udp + 2, BE) & 0xFFFF;
        payloadOffset = frameIndex + udp + UDP_HEADER;
        payloadLength = udpLength - UDP_HEADER;

        return true;
    }

    int payloadOffset()
    {
        return payloadOffset;
    }

    int payloadLength()
    {
        return payloadLength;
    }

    int sourceAddress()
    {
        return sourceAddress;
    }

    int destinationAddress()
    {
        return destinationAddress;
    }

    int sourcePort()
    {
        return sourcePort;
    }

    int destinationPort()
    {
        return destinationPort;
    }

    /**
     * Frames reported as not a whole UDP datagram so far.
     *
     * @return count of reports.
     */
    long malformedCount()
    {
        return malformedCount;
    }

    private void report(final MalformedReason reason, final long position, final String detail)
    {
        malformedCount++;
        listener.onMalformed(reason, name, position, detail);
    }
}
