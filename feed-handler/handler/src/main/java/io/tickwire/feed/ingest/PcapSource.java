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
import io.tickwire.feed.ingest.moldudp64.MoldUdp64StatusListener;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * A classic pcap capture (either byte order, microsecond or nanosecond magic, plain or gzip) of Ethernet frames,
 * optionally 802.1Q / QinQ tagged, carrying IPv4 / UDP datagrams whose payloads are MoldUDP64 downstream packets
 * of ITCH 5.0 messages. The sequence of a message is its MoldUDP64 sequence number.
 * <p>
 * pcapng files and other link types are rejected with a {@link MalformedReason#BAD_PCAP_HEADER} report that says
 * so; the source is then exhausted. A record header with impossible lengths is reported as
 * {@link MalformedReason#BAD_PCAP_RECORD} and the source scans forward to the next offset where two consecutive
 * plausible record headers (or one and the end of file) start. Frames that are not IPv4/UDP are reported as
 * {@link MalformedReason#NOT_UDP}. Positions in reports are file offsets of the pcap record.
 * <p>
 * A capture cannot be re-requested from, so a jump forward in a session's sequence numbers (a packet or heartbeat
 * whose sequence is past the next expected one) is a gap that is lost for good: it is told to the
 * {@link MoldUdp64StatusListener} as {@link MoldUdp64StatusListener#onGap} followed by
 * {@link MoldUdp64StatusListener#onUnrecoverableGap} (skipped), with its range, and counted here. Sequence numbers
 * that go back (duplicates, an A/B feed) are delivered as captured; a new session name starts a new sequence.
 */
public final class PcapSource implements MessageSource
{
    /** Magic of a microsecond classic pcap, as read in the file's own byte order. */
    public static final int MAGIC_MICROS = 0xa1b2c3d4;
    /** Magic of a nanosecond classic pcap. */
    public static final int MAGIC_NANOS = 0xa1b23c4d;
    /** Block type of a pcapng section header block, the first four bytes of every pcapng file. */
    public static final int PCAPNG_MAGIC = 0x0a0d0d0a;
    /** Link type of Ethernet. */
    public static final int LINKTYPE_ETHERNET = 1;

    static final int FILE_HEADER_LENGTH = 24;
    static final int RECORD_HEADER_LENGTH = 16;
    /** The largest record any capture tool writes (tcpdump's maximum snap length). */
    static final int MAX_RECORD_LENGTH = 262_144;

    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;
    private static final int ETHERNET_HEADER = 14;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88a8;
    private static final int ETHERTYPE_VLAN_OLD_QINQ = 0x9100;
    private static final int IPV4_MIN_HEADER = 20;
    private static final int PROTOCOL_UDP = 17;
    private static final int UDP_HEADER = 8;

    private final String name;
    private final MalformedInputListener listener;
    private final ChunkedInput in;
    private final MoldUdp64PayloadParser parser;
    private final MoldUdp64StatusListener statusListener;
    private final byte[] session = new byte[MoldUdp64PayloadParser.SESSION_LENGTH];
    private boolean hasSession;
    private long nextExpectedSequence;
    private long gapCount;
    private long missingCount;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private boolean nanosecond;
    private int recordLength;
    private long recordCount;
    private long malformedCount;
    private boolean exhausted;
    private String headerError;

    /**
     * Open a capture and read its file header.
     *
     * @param path     of the capture, plain or gzip.
     * @param listener to be told about malformed input.
     * @throws IOException if the file cannot be opened.
     */
    public PcapSource(final Path path, final MalformedInputListener listener) throws IOException
    {
        this(path, listener, MoldUdp64StatusListener.NO_OP);
    }

    /**
     * Open a capture and read its file header, telling sequence gaps to a status listener.
     *
     * @param path           of the capture, plain or gzip.
     * @param listener       to be told about malformed input.
     * @param statusListener to be told about gaps in the MoldUDP64 sequence numbers (all unrecoverable).
     * @throws IOException if the file cannot be opened.
     */
    public PcapSource(
        final Path path, final MalformedInputListener listener, final MoldUdp64StatusListener statusListener)
        throws IOException
    {
        this.name = path.toString();
        this.listener = listener;
        this.statusListener = statusListener;
        this.in = new ChunkedInput(path, ChunkedInput.DEFAULT_CAPACITY + 2 * MAX_RECORD_LENGTH);
        this.parser = new MoldUdp64PayloadParser(this::onPacketMalformed, name);
        readFileHeader();
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return name;
    }

    /**
     * Why the file was rejected, if it was.
     *
     * @return the reason the file header was not accepted, or null when it was.
     */
    public String headerError()
    {
        return headerError;
    }

    /**
     * Does the capture use the nanosecond magic?
     *
     * @return true for nanosecond timestamps.
     */
    public boolean isNanosecond()
    {
        return nanosecond;
    }

    /**
     * Byte order of the capture's headers.
     *
     * @return the byte order its magic was written in.
     */
    public ByteOrder byteOrder()
    {
        return order;
    }

    /**
     * pcap records read so far.
     *
     * @return count of records.
     */
    public long recordCount()
    {
        return recordCount;
    }

    /**
     * MoldUDP64 packets with a well-formed header so far.
     *
     * @return count of packets.
     */
    public long packetCount()
    {
        return parser.packetCount();
    }

    /**
     * Pieces of malformed input reported so far.
     *
     * @return count of reports.
     */
    public long malformedCount()
    {
        return malformedCount;
    }

    /**
     * Gaps in the MoldUDP64 sequence numbers so far.
     *
     * @return count of gaps.
     */
    public long gapCount()
    {
        return gapCount;
    }

    /**
     * Messages missing from the capture, the total length of its gaps.
     *
     * @return count of sequence numbers skipped.
     */
    public long missingCount()
    {
        return missingCount;
    }

    /**
     * {@inheritDoc}
     */
    public int poll(final MessageHandler handler, final int limit)
    {
        if (exhausted)
        {
            return 0;
        }

        int delivered = 0;
        final UnsafeBuffer buffer = in.buffer();
        while (delivered < limit)
        {
            if (parser.hasMore())
            {
                delivered += parser.deliver(handler, limit - delivered);
                if (parser.hasMore())
                {
                    break;
                }
                in.advance(recordLength);
                continue;
            }

            if (!in.ensure(RECORD_HEADER_LENGTH))
            {
                onEnd();
                break;
            }

            final int index = in.readIndex();
            if (!validRecordHeaderAt(0))
            {
                resynchronise();
                continue;
            }

            final int captured = buffer.getInt(index + 8, order);
            if (!in.ensure(RECORD_HEADER_LENGTH + captured))
            {
                onEnd();
                break;
            }

            recordCount++;
            recordLength = RECORD_HEADER_LENGTH + captured;
            final boolean hasMessages = parseFrame(in.readIndex() + RECORD_HEADER_LENGTH, captured);
            if (!hasMessages)
            {
                in.advance(recordLength);
            }
        }

        return delivered;
    }

    /**
     * {@inheritDoc}
     */
    public boolean isExhausted()
    {
        return exhausted;
    }

    /**
     * {@inheritDoc}
     */
    public void close()
    {
        in.close();
    }

    private void readFileHeader()
    {
        if (!in.ensure(FILE_HEADER_LENGTH))
        {
            rejectHeader("file of " + in.available() + " bytes is too short for a pcap file header");
            return;
        }

        final UnsafeBuffer buffer = in.buffer();
        final int magicBigEndian = buffer.getInt(0, BE);
        final int magicLittleEndian = buffer.getInt(0, ByteOrder.LITTLE_ENDIAN);
        if (magicBigEndian == PCAPNG_MAGIC)
        {
            rejectHeader("pcapng is not supported, only classic pcap: convert it first, " +
                "e.g. 'editcap -F pcap in.pcapng out.pcap' or 'tcpdump -r in.pcapng -w out.pcap'");
            return;
        }

        if (magicBigEndian == MAGIC_MICROS || magicBigEndian == MAGIC_NANOS)
        {
            order = BE;
            nanosecond = magicBigEndian == MAGIC_NANOS;
        }
        else if (magicLittleEndian == MAGIC_MICROS || magicLittleEndian == MAGIC_NANOS)
        {
            order = ByteOrder.LITTLE_ENDIAN;
            nanosecond = magicLittleEndian == MAGIC_NANOS;
        }
        else
        {
            rejectHeader(String.format("not a pcap file: magic 0x%08x", magicBigEndian));
            return;
        }

        final int linkType = buffer.getInt(20, order) & 0xFFFF;
        if (linkType != LINKTYPE_ETHERNET)
        {
            rejectHeader("unsupported link type " + linkType + ", only Ethernet (1) is supported");
            return;
        }

        in.advance(FILE_HEADER_LENGTH);
    }

    private void rejectHeader(final String detail)
    {
        headerError = detail;
        report(MalformedReason.BAD_PCAP_HEADER, 0, detail);
        in.skipRest();
        exhausted = true;
    }

    private void onEnd()
    {
        final int left = in.available();
        if (null != in.readError())
        {
            report(MalformedReason.READ_ERROR, in.position(),
                in.describeReadError() + (left > 0 ? " (" + left + " byte(s) of an incomplete record dropped)" : ""));
        }
        else if (left > 0)
        {
            report(MalformedReason.TRUNCATED_MESSAGE, in.position(), left < RECORD_HEADER_LENGTH ?
                left + " trailing byte(s), too short for a pcap record header" :
                "pcap record of " + in.buffer().getInt(in.readIndex() + 8, order) + " bytes but only " +
                (left - RECORD_HEADER_LENGTH) + " byte(s) remain in the file");
        }
        in.skipRest();
        exhausted = true;
    }

    /**
     * Plausible record header: a sub-second fraction in range, and lengths an Ethernet capture can have.
     */
    private boolean validRecordHeaderAt(final int relative)
    {
        final UnsafeBuffer buffer = in.buffer();
        final int index = in.readIndex() + relative;
        final long fraction = buffer.getInt(index + 4, order) & 0xFFFF_FFFFL;
        final long captured = buffer.getInt(index + 8, order) & 0xFFFF_FFFFL;
        final long original = buffer.getInt(index + 12, order) & 0xFFFF_FFFFL;

        return fraction < (nanosecond ? 1_000_000_000L : 1_000_000L) &&
            captured >= ETHERNET_HEADER && captured <= MAX_RECORD_LENGTH && original <= MAX_RECORD_LENGTH &&
            captured <= original;
    }

    private boolean recordOrEndAt(final int relative)
    {
        if (!in.ensure(relative + RECORD_HEADER_LENGTH))
        {
            return in.available() == relative;
        }

        return validRecordHeaderAt(relative);
    }

    /**
     * Skip bytes until a plausible record header followed by another (or the end of file), reporting once.
     */
    private void resynchronise()
    {
        final long start = in.position();
        final UnsafeBuffer buffer = in.buffer();
        final String firstHeader = String.format("record header claims captured %d, original %d bytes",
            buffer.getInt(in.readIndex() + 8, order) & 0xFFFF_FFFFL,
            buffer.getInt(in.readIndex() + 12, order) & 0xFFFF_FFFFL);
        long skipped = 0;
        int relative = 1;
        final int dropThreshold = in.capacity() - 2 * (MAX_RECORD_LENGTH + 2 * RECORD_HEADER_LENGTH);
        while (true)
        {
            if (!in.ensure(relative + RECORD_HEADER_LENGTH))
            {
                final int left = in.available();
                skipped += left;
                in.advance(left);
                break;
            }
            if (validRecordHeaderAt(relative))
            {
                final int captured = buffer.getInt(in.readIndex() + relative + 8, order);
                if (recordOrEndAt(relative + RECORD_HEADER_LENGTH + captured))
                {
                    skipped += relative;
                    in.advance(relative);
                    break;
                }
            }
            relative++;
            if (relative >= dropThreshold)
            {
                skipped += relative;
                in.advance(relative);
                relative = 0;
            }
        }

        report(MalformedReason.BAD_PCAP_RECORD, start, firstHeader + "; skipped " + skipped + " byte(s)");
    }

    /**
     * Walk Ethernet, VLAN tags, IPv4 and UDP headers to the MoldUDP64 payload and start the parser on it.
     *
     * @return true when the packet has messages to deliver (the record must then stay in the buffer).
     */
    private boolean parseFrame(final int frameIndex, final int captured)
    {
        final UnsafeBuffer buffer = in.buffer();
        final long position = in.position();
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

        final int payload = frameIndex + udp + UDP_HEADER;
        if (!parser.wrap(buffer, payload, udpLength - UDP_HEADER, position))
        {
            return false;
        }
        checkSequence(buffer, payload);

        return parser.hasMore();
    }

    /**
     * Compare the packet's sequence with the next expected one of its session; the packet has been wrapped.
     */
    private void checkSequence(final UnsafeBuffer buffer, final int payload)
    {
        final long sequence = parser.packetSequence();
        final int count = buffer.getShort(payload + MoldUdp64PayloadParser.COUNT_OFFSET, BE) & 0xFFFF;
        final long messages = count == MoldUdp64PayloadParser.END_OF_SESSION ? 0 : count;
        if (!hasSession || !sameSession(buffer, payload))
        {
            // The first packet of a capture (or of a new session) defines where its sequence starts: captures
            // routinely begin in the middle of a session.
            buffer.getBytes(payload + MoldUdp64PayloadParser.SESSION_OFFSET, session);
            hasSession = true;
            nextExpectedSequence = sequence + messages;
            return;
        }

        if (sequence > nextExpectedSequence)
        {
            gapCount++;
            missingCount += sequence - nextExpectedSequence;
            statusListener.onGap(nextExpectedSequence, sequence);
            statusListener.onUnrecoverableGap(nextExpectedSequence, sequence - 1, true);
        }
        nextExpectedSequence = Math.max(nextExpectedSequence, sequence + messages);
    }

    private boolean sameSession(final UnsafeBuffer buffer, final int payload)
    {
        for (int i = 0; i < session.length; i++)
        {
            if (session[i] != buffer.getByte(payload + MoldUdp64PayloadParser.SESSION_OFFSET + i))
            {
                return false;
            }
        }
        return true;
    }

    private void onPacketMalformed(
        final MalformedReason reason, final String source, final long position, final String detail)
    {
        malformedCount++;
        listener.onMalformed(reason, source, position, detail);
    }

    private void report(final MalformedReason reason, final long position, final String detail)
    {
        malformedCount++;
        listener.onMalformed(reason, name, position, detail);
    }
}
