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
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * A classic pcap capture (either byte order, microsecond or nanosecond magic, plain or gzip) of Ethernet frames,
 * optionally 802.1Q / QinQ tagged, carrying IPv4 / UDP datagrams whose payloads are MoldUDP64 downstream packets
 * of ITCH 5.0 messages. The sequence of a message is its MoldUDP64 sequence number.
 * <p>
 * The pcap, Ethernet, IPv4 and UDP layers are read by a {@link PcapUdpReader}, which every venue shares: pcapng
 * files and other link types are rejected with a {@link MalformedReason#BAD_PCAP_HEADER} report that says so (the
 * source is then exhausted), a record header with impossible lengths is reported as
 * {@link MalformedReason#BAD_PCAP_RECORD} and skipped to the next plausible record, and frames that are not
 * IPv4/UDP are reported as {@link MalformedReason#NOT_UDP}. Positions in reports are file offsets of the pcap
 * record.
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
    public static final int MAGIC_MICROS = PcapUdpReader.MAGIC_MICROS;
    /** Magic of a nanosecond classic pcap. */
    public static final int MAGIC_NANOS = PcapUdpReader.MAGIC_NANOS;
    /** Block type of a pcapng section header block, the first four bytes of every pcapng file. */
    public static final int PCAPNG_MAGIC = PcapUdpReader.PCAPNG_MAGIC;
    /** Link type of Ethernet. */
    public static final int LINKTYPE_ETHERNET = PcapUdpReader.LINKTYPE_ETHERNET;

    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    private final String name;
    private final MalformedInputListener listener;
    private final PcapUdpReader reader;
    private final MoldUdp64PayloadParser parser;
    private final MoldUdp64StatusListener statusListener;
    private final byte[] session = new byte[MoldUdp64PayloadParser.SESSION_LENGTH];
    private boolean hasSession;
    private long nextExpectedSequence;
    private long gapCount;
    private long missingCount;
    private long packetMalformedCount;
    private boolean exhausted;

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
        this.reader = new PcapUdpReader(path, listener);
        this.parser = new MoldUdp64PayloadParser(this::onPacketMalformed, name);
        this.exhausted = reader.isExhausted();
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
        return reader.headerError();
    }

    /**
     * Does the capture use the nanosecond magic?
     *
     * @return true for nanosecond timestamps.
     */
    public boolean isNanosecond()
    {
        return reader.isNanosecond();
    }

    /**
     * Byte order of the capture's headers.
     *
     * @return the byte order its magic was written in.
     */
    public ByteOrder byteOrder()
    {
        return reader.byteOrder();
    }

    /**
     * pcap records read so far.
     *
     * @return count of records.
     */
    public long recordCount()
    {
        return reader.recordCount();
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
        return reader.malformedCount() + packetMalformedCount;
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
        while (delivered < limit)
        {
            if (parser.hasMore())
            {
                delivered += parser.deliver(handler, limit - delivered);
                if (parser.hasMore())
                {
                    break;
                }
                continue;
            }

            if (!reader.next())
            {
                exhausted = true;
                break;
            }

            final DirectBuffer buffer = reader.buffer();
            final int payload = reader.payloadOffset();
            if (parser.wrap(buffer, payload, reader.payloadLength(), reader.recordPosition()))
            {
                checkSequence(buffer, payload);
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
        reader.close();
    }

    /**
     * Compare the packet's sequence with the next expected one of its session; the packet has been wrapped.
     */
    private void checkSequence(final DirectBuffer buffer, final int payload)
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

    private boolean sameSession(final DirectBuffer buffer, final int payload)
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
        packetMalformedCount++;
        listener.onMalformed(reason, source, position, detail);
    }
}
