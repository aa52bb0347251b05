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

import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Reads the UDP datagrams of a classic pcap capture (either byte order, microsecond or nanosecond magic, plain or
 * gzip) of Ethernet frames, optionally 802.1Q / QinQ tagged, carrying IPv4 / UDP: what every venue's pcap input has
 * in common, whatever its payload (MoldUDP64 for ITCH, MDP 3.0 packets for CME).
 * <p>
 * Pull-based so that a venue can deliver one datagram's messages over several polls: {@link #next()} moves to the
 * next UDP datagram, whose payload then stays in {@link #buffer()} at {@link #payloadOffset()} until the following
 * call, with the record's timestamp and the datagram's addresses and ports.
 * <p>
 * pcapng files and other link types are rejected with a {@link MalformedReason#BAD_PCAP_HEADER} report that says
 * so; the reader is then exhausted. A record header with impossible lengths is reported as
 * {@link MalformedReason#BAD_PCAP_RECORD} and the reader scans forward to the next offset where two consecutive
 * plausible record headers (or one and the end of file) start. Frames that are not IPv4/UDP are reported as
 * {@link MalformedReason#NOT_UDP} and skipped. Positions in reports are file offsets of the pcap record.
 * <p>
 * This class reads the file and its records; {@link UdpFrameParser} walks each record's frame to the UDP payload.
 */
public final class PcapUdpReader implements AutoCloseable
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
    private static final int ETHERNET_HEADER = UdpFrameParser.ETHERNET_HEADER;

    private final String name;
    private final MalformedInputListener listener;
    private final ChunkedInput in;
    private final UdpFrameParser frame;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private boolean nanosecond;
    private int recordLength;
    private long recordCount;
    private long datagramCount;
    private long malformedCount;
    private boolean exhausted;
    private String headerError;

    private long recordPosition;
    private long timestampNanos;

    /**
     * Open a capture and read its file header.
     *
     * @param path     of the capture, plain or gzip.
     * @param listener to be told about malformed input.
     * @throws IOException if the file cannot be opened.
     */
    public PcapUdpReader(final Path path, final MalformedInputListener listener) throws IOException
    {
        this.name = path.toString();
        this.listener = listener;
        this.frame = new UdpFrameParser(name, listener);
        this.in = new ChunkedInput(path, ChunkedInput.DEFAULT_CAPACITY + 2 * MAX_RECORD_LENGTH);
        readFileHeader();
    }

    /**
     * Name of the capture, for reports.
     *
     * @return the path it was opened with.
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
     * UDP datagrams found so far.
     *
     * @return count of datagrams {@link #next()} moved to.
     */
    public long datagramCount()
    {
        return datagramCount;
    }

    /**
     * Pieces of malformed input this reader reported (pcap and Ethernet / IP / UDP level) so far.
     *
     * @return count of reports.
     */
    public long malformedCount()
    {
        return malformedCount + frame.malformedCount();
    }

    /**
     * Has the capture been read to its end (or rejected)?
     *
     * @return true when {@link #next()} will find no more datagrams.
     */
    public boolean isExhausted()
    {
        return exhausted;
    }

    /**
     * Move to the next UDP datagram, reporting and skipping whatever is not one. The previous datagram's bytes are
     * no longer valid afterwards.
     *
     * @return true when positioned on a datagram, false at the end of the capture.
     */
    public boolean next()
    {
        if (recordLength > 0)
        {
            in.advance(recordLength);
            recordLength = 0;
        }

        while (!exhausted)
        {
            if (!in.ensure(RECORD_HEADER_LENGTH))
            {
                onEnd();
                break;
            }

            if (!validRecordHeaderAt(0))
            {
                resynchronise();
                continue;
            }

            final UnsafeBuffer buffer = in.buffer();
            final int captured = buffer.getInt(in.readIndex() + 8, order);
            if (!in.ensure(RECORD_HEADER_LENGTH + captured))
            {
                onEnd();
                break;
            }

            recordCount++;
            final int index = in.readIndex();
            final long seconds = buffer.getInt(index, order) & 0xFFFF_FFFFL;
            final long fraction = buffer.getInt(index + 4, order) & 0xFFFF_FFFFL;
            timestampNanos = seconds * 1_000_000_000L + (nanosecond ? fraction : fraction * 1_000L);
            recordPosition = in.position();
            if (frame.parse(buffer, index + RECORD_HEADER_LENGTH, captured, recordPosition))
            {
                recordLength = RECORD_HEADER_LENGTH + captured;
                datagramCount++;
                return true;
            }
            in.advance(RECORD_HEADER_LENGTH + captured);
        }

        return false;
    }

    /**
     * The buffer holding the current datagram.
     *
     * @return buffer to read the payload from, valid until the next call to {@link #next()}.
     */
    public UnsafeBuffer buffer()
    {
        return in.buffer();
    }

    /**
     * Where the current datagram's UDP payload starts.
     *
     * @return index in {@link #buffer()}.
     */
    public int payloadOffset()
    {
        return frame.payloadOffset();
    }

    /**
     * Length of the current datagram's UDP payload, from the UDP header's length.
     *
     * @return bytes.
     */
    public int payloadLength()
    {
        return frame.payloadLength();
    }

    /**
     * File offset of the current datagram's pcap record.
     *
     * @return byte offset of the record header in the (uncompressed) capture.
     */
    public long recordPosition()
    {
        return recordPosition;
    }

    /**
     * File offset of the current datagram's UDP payload.
     *
     * @return byte offset in the (uncompressed) capture of the payload's first byte.
     */
    public long payloadPosition()
    {
        return recordPosition + (frame.payloadOffset() - in.readIndex());
    }

    /**
     * Capture time of the current datagram.
     *
     * @return nanoseconds since the epoch, from the record header (microsecond captures scaled up).
     */
    public long timestampNanos()
    {
        return timestampNanos;
    }

    /**
     * IPv4 source address of the current datagram.
     *
     * @return the address as a big-endian int (first octet in the top byte).
     */
    public int sourceAddress()
    {
        return frame.sourceAddress();
    }

    /**
     * IPv4 destination address of the current datagram, e.g. the multicast group of a channel.
     *
     * @return the address as a big-endian int (first octet in the top byte).
     */
    public int destinationAddress()
    {
        return frame.destinationAddress();
    }

    /**
     * UDP source port of the current datagram.
     *
     * @return port, 0..65535.
     */
    public int sourcePort()
    {
        return frame.sourcePort();
    }

    /**
     * UDP destination port of the current datagram.
     *
     * @return port, 0..65535.
     */
    public int destinationPort()
    {
        return frame.destinationPort();
    }

    /**
     * Format an address as returned by {@link #sourceAddress()} in dotted decimal, for reports and dumps.
     *
     * @param address big-endian IPv4 address.
     * @return e.g. {@code 224.0.31.1}.
     */
    public static String formatAddress(final int address)
    {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." +
            (address & 0xFF);
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
        if (!in.ensure(FILE_HEADER_LENGTH) && null != in.readError())
        {
            // Not a bad capture header but unreadable input (a corrupt gzip header): a read error at its offset.
            onEnd();
            return;
        }
        if (in.available() < FILE_HEADER_LENGTH)
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

    private void report(final MalformedReason reason, final long position, final String detail)
    {
        malformedCount++;
        listener.onMalformed(reason, name, position, detail);
    }
}
