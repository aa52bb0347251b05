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

import io.tickwire.feed.ingest.moldudp64.MoldUdp64PayloadParser;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds classic pcap files of Ethernet / IPv4 / UDP / MoldUDP64 packets for tests, with the knobs the source must
 * cope with: byte order, nanosecond magic, VLAN tags, IPv4 options.
 */
public final class PcapBuilder
{
    private final ByteOrder order;
    private final boolean nanosecond;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int vlanTags;
    private int ipOptionWords;

    /**
     * A capture with a file header in the given byte order and timestamp resolution.
     *
     * @param order      of the pcap headers.
     * @param nanosecond true for the nanosecond magic.
     */
    public PcapBuilder(final ByteOrder order, final boolean nanosecond)
    {
        this.order = order;
        this.nanosecond = nanosecond;
        final ByteBuffer header = ByteBuffer.allocate(24).order(order);
        header.putInt(nanosecond ? PcapSource.MAGIC_NANOS : PcapSource.MAGIC_MICROS);
        header.putShort((short)2).putShort((short)4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.writeBytes(header.array());
    }

    PcapBuilder vlanTags(final int tags)
    {
        this.vlanTags = tags;
        return this;
    }

    PcapBuilder ipOptionWords(final int words)
    {
        this.ipOptionWords = words;
        return this;
    }

    /**
     * Offset in the file where the next record will start.
     */
    int size()
    {
        return out.size();
    }

    /**
     * Append a MoldUDP64 packet of the given messages.
     *
     * @param session  MoldUDP64 session name.
     * @param sequence of the first message.
     * @param messages ITCH messages.
     * @return this.
     */
    public PcapBuilder moldPacket(final String session, final long sequence, final byte[]... messages)
    {
        int length = MoldUdp64PayloadParser.HEADER_LENGTH;
        for (final byte[] message : messages)
        {
            length += 2 + message.length;
        }
        final ByteBuffer payload = ByteBuffer.allocate(length).order(ByteOrder.BIG_ENDIAN);
        payload.put(String.format("%-10s", session).getBytes(StandardCharsets.US_ASCII));
        payload.putLong(sequence).putShort((short)messages.length);
        for (final byte[] message : messages)
        {
            payload.putShort((short)message.length).put(message);
        }

        return udp(payload.array());
    }

    PcapBuilder moldControl(final String session, final long sequence, final int count)
    {
        final ByteBuffer payload = ByteBuffer.allocate(20).order(ByteOrder.BIG_ENDIAN);
        payload.put(String.format("%-10s", session).getBytes(StandardCharsets.US_ASCII));
        payload.putLong(sequence).putShort((short)count);
        return udp(payload.array());
    }

    PcapBuilder udp(final byte[] payload)
    {
        final int ipHeader = 20 + 4 * ipOptionWords;
        final ByteBuffer frame = ByteBuffer.allocate(14 + 4 * vlanTags + ipHeader + 8 + payload.length)
            .order(ByteOrder.BIG_ENDIAN);
        frame.put(new byte[] {1, 0, 0x5e, 0, 0, 1, 2, 0, 0, 0, 0, 2});
        for (int i = 0; i < vlanTags; i++)
        {
            frame.putShort(i == 0 && vlanTags > 1 ? (short)0x88a8 : (short)0x8100).putShort((short)(100 + i));
        }
        frame.putShort((short)0x0800);
        frame.put((byte)(0x40 | (ipHeader / 4))).put((byte)0).putShort((short)(ipHeader + 8 + payload.length));
        frame.putShort((short)0).putShort((short)0x4000).put((byte)1).put((byte)17).putShort((short)0);
        frame.put(new byte[] {10, 0, 0, 1}).put(new byte[] {(byte)233, 54, 12, 111});
        for (int i = 0; i < ipOptionWords; i++)
        {
            frame.putInt(0x01010101);
        }
        frame.putShort((short)26477).putShort((short)26477).putShort((short)(8 + payload.length)).putShort((short)0);
        frame.put(payload);

        return frame(frame.array());
    }

    PcapBuilder frame(final byte[] frame)
    {
        return record(frame, frame.length, frame.length);
    }

    PcapBuilder record(final byte[] frame, final int captured, final int original)
    {
        final ByteBuffer header = ByteBuffer.allocate(16).order(order);
        header.putInt(1_692_700_000).putInt(nanosecond ? 999_999_999 : 999_999).putInt(captured).putInt(original);
        out.writeBytes(header.array());
        out.writeBytes(frame);
        return this;
    }

    PcapBuilder raw(final byte[] bytes)
    {
        out.writeBytes(bytes);
        return this;
    }

    /**
     * @return the capture so far.
     */
    public byte[] toByteArray()
    {
        return out.toByteArray();
    }
}
