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
package io.tickwire.feed.ingest.mdp3;

import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.MalformedReason;
import io.tickwire.sbe.mdp3.MessageHeaderDecoder;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Decodes one MDP 3.0 packet, the payload of one UDP datagram of a CME channel: the packet header (MsgSeqNum u32,
 * SendingTime u64, little-endian), then messages, each a MsgSize u16 (counting itself) and an SBE message (header
 * with blockLength, templateId, schemaId, version; root block; repeating groups), into {@link Mdp3Listener} callbacks.
 * <p>
 * Each message is read at the block length and schema version of its own header (SBE's acting block length and
 * version), so messages of schema versions 5 to 9 read alike, and is checked whole before any of it is delivered:
 * root block long enough for the fields of its version and within MsgSize, every group's header, entry length and
 * entries within MsgSize. Then:
 * <ul>
 *     <li>a message that fails a check is reported ({@link MalformedReason#BAD_BLOCK_LENGTH},
 *     {@link MalformedReason#BAD_GROUP}, {@link MalformedReason#UNKNOWN_SCHEMA}) and skipped by its MsgSize;</li>
 *     <li>a template CME does not define is reported as {@link MalformedReason#UNKNOWN_TEMPLATE} and skipped;</li>
 *     <li>a template CME defines but this package does not decode is counted per template and told to
 *     {@link Mdp3Listener#onSkippedMessage}, not reported;</li>
 *     <li>a MsgSize smaller than its own prefix and header ({@link MalformedReason#BAD_MDP3_PACKET}) or running past
 *     the end of the packet ({@link MalformedReason#TRUNCATED_MESSAGE}) ends the packet: nothing after it can be
 *     framed. Messages before it have been delivered.</li>
 * </ul>
 * Report positions are the caller's position of the packet plus the offset in the packet of what failed (the
 * message, or the group header), so a pcap report names the file offset; details give MsgSeqNum and template.
 * Never throws on bad input, allocates nothing unless reporting, single-threaded.
 */
public final class Mdp3PacketDecoder
{
    /** Length of the packet header. */
    public static final int PACKET_HEADER_LENGTH = 12;
    /** Offset of MsgSeqNum (u32) in the packet. */
    public static final int MSG_SEQ_NUM_OFFSET = 0;
    /** Offset of SendingTime (u64, nanoseconds since the epoch) in the packet. */
    public static final int SENDING_TIME_OFFSET = 4;
    /** Length of MsgSize, the prefix of every message. */
    public static final int MSG_SIZE_LENGTH = 2;
    /** Length of the SBE message header. */
    public static final int MESSAGE_HEADER_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH;

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private final Mdp3Listener listener;
    private final MalformedInputListener malformedListener;
    private final String sourceName;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final Mdp3IncrementalDecoder incremental;
    private final Mdp3StatisticsDecoder statistics;
    private final Mdp3SnapshotDecoder snapshot;
    private final Mdp3DefinitionDecoder definition;
    private final long[] decodedByTemplate = new long[Mdp3Schema.MAX_TEMPLATE_ID + 1];
    private final long[] skippedByTemplate = new long[Mdp3Schema.MAX_TEMPLATE_ID + 1];
    private long packetCount;
    private long messageCount;
    private long skippedCount;
    private long malformedCount;

    private long msgSeqNum;
    private long packetPosition;
    private int packetOffset;
    private String failedGroup;
    private int failedGroupOffset;

    /**
     * A decoder delivering to a listener.
     *
     * @param listener          told about packets, messages and entries.
     * @param malformedListener told about every malformed packet or message.
     * @param sourceName        name of the input for reports, e.g. a file path or a channel.
     */
    public Mdp3PacketDecoder(
        final Mdp3Listener listener, final MalformedInputListener malformedListener, final String sourceName)
    {
        this.listener = listener;
        this.malformedListener = malformedListener;
        this.sourceName = sourceName;
        this.incremental = new Mdp3IncrementalDecoder(listener);
        this.statistics = new Mdp3StatisticsDecoder(listener);
        this.snapshot = new Mdp3SnapshotDecoder(listener);
        this.definition = new Mdp3DefinitionDecoder(listener);
    }

    /**
     * MsgSeqNum of a packet, for arbitration before decoding it.
     *
     * @param buffer holding the packet.
     * @param offset of the packet, at least {@link #PACKET_HEADER_LENGTH} bytes long.
     * @return its MsgSeqNum (u32).
     */
    public static long msgSeqNum(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + MSG_SEQ_NUM_OFFSET, LE) & 0xFFFF_FFFFL;
    }

    /**
     * SendingTime of a packet.
     *
     * @param buffer holding the packet.
     * @param offset of the packet, at least {@link #PACKET_HEADER_LENGTH} bytes long.
     * @return nanoseconds since the epoch.
     */
    public static long sendingTime(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + SENDING_TIME_OFFSET, LE);
    }

    /**
     * Decode one packet.
     *
     * @param buffer   holding the packet.
     * @param offset   of the packet header in the buffer.
     * @param length   of the packet (the UDP payload).
     * @param position of the packet in its source for reports, e.g. its file offset.
     * @return messages delivered to the listener.
     */
    public int decode(final DirectBuffer buffer, final int offset, final int length, final long position)
    {
        packetPosition = position;
        packetOffset = offset;
        if (length < PACKET_HEADER_LENGTH)
        {
            msgSeqNum = -1;
            report(MalformedReason.BAD_MDP3_PACKET, offset,
                "packet of " + length + " bytes is shorter than the " + PACKET_HEADER_LENGTH + "-byte header");
            return 0;
        }

        packetCount++;
        msgSeqNum = msgSeqNum(buffer, offset);
        listener.onPacket(msgSeqNum, sendingTime(buffer, offset), length);

        final int end = offset + length;
        int delivered = 0;
        int p = offset + PACKET_HEADER_LENGTH;
        while (p < end)
        {
            final int left = end - p;
            if (left < MSG_SIZE_LENGTH + MESSAGE_HEADER_LENGTH)
            {
                report(MalformedReason.TRUNCATED_MESSAGE, p,
                    left + " byte(s) left, too short for a MsgSize and message header");
                break;
            }
            final int msgSize = buffer.getShort(p, LE) & 0xFFFF;
            if (msgSize < MSG_SIZE_LENGTH + MESSAGE_HEADER_LENGTH)
            {
                report(MalformedReason.BAD_MDP3_PACKET, p, "MsgSize " + msgSize + " is smaller than " +
                    (MSG_SIZE_LENGTH + MESSAGE_HEADER_LENGTH) + ", the rest of the packet cannot be framed (" + left +
                    " byte(s) dropped)");
                break;
            }
            if (msgSize > left)
            {
                report(MalformedReason.TRUNCATED_MESSAGE, p, "MsgSize " + msgSize +
                    " runs past the end of the packet, only " + left + " byte(s) left (dropped)");
                break;
            }

            if (decodeMessage(buffer, p, msgSize))
            {
                delivered++;
            }
            p += msgSize;
        }

        return delivered;
    }

    /**
     * Packets decoded (with a whole header) so far.
     *
     * @return count of packets.
     */
    public long packetCount()
    {
        return packetCount;
    }

    /**
     * Messages delivered to the listener so far, all templates.
     *
     * @return count of messages.
     */
    public long messageCount()
    {
        return messageCount;
    }

    /**
     * Messages delivered of one template.
     *
     * @param templateId of the template.
     * @return count of its messages delivered.
     */
    public long messageCount(final int templateId)
    {
        return templateId >= 0 && templateId < decodedByTemplate.length ? decodedByTemplate[templateId] : 0;
    }

    /**
     * Messages of templates CME defines but this package does not decode, so far.
     *
     * @return count of messages skipped.
     */
    public long skippedCount()
    {
        return skippedCount;
    }

    /**
     * Messages skipped of one template CME defines but this package does not decode.
     *
     * @param templateId of the template.
     * @return count of its messages skipped.
     */
    public long skippedCount(final int templateId)
    {
        return templateId >= 0 && templateId < skippedByTemplate.length ? skippedByTemplate[templateId] : 0;
    }

    /**
     * Reports made so far (malformed packets and messages, unknown templates).
     *
     * @return count of reports.
     */
    public long malformedCount()
    {
        return malformedCount;
    }

    private boolean decodeMessage(final DirectBuffer buffer, final int messageOffset, final int msgSize)
    {
        header.wrap(buffer, messageOffset + MSG_SIZE_LENGTH);
        final int blockLength = header.blockLength();
        final int templateId = header.templateId();
        final int schemaId = header.schemaId();
        final int version = header.version();
        if (schemaId != Mdp3Schema.SCHEMA_ID)
        {
            report(MalformedReason.UNKNOWN_SCHEMA, messageOffset, "schema id " + schemaId + " (template " + templateId +
                ", MsgSize " + msgSize + "), expected " + Mdp3Schema.SCHEMA_ID + "; skipped");
            return false;
        }

        final Mdp3Schema.Layout layout = Mdp3Schema.layout(templateId);
        if (null == layout)
        {
            if (Mdp3Schema.isDefined(templateId))
            {
                skippedCount++;
                skippedByTemplate[templateId]++;
                listener.onSkippedMessage(templateId, version, blockLength, msgSize);
            }
            else
            {
                report(MalformedReason.UNKNOWN_TEMPLATE, messageOffset, "template " + templateId + " version " +
                    version + " is not an MDP 3.0 template this decoder knows; skipped " + msgSize + " bytes");
            }
            return false;
        }

        final int body = messageOffset + MSG_SIZE_LENGTH + MESSAGE_HEADER_LENGTH;
        final int end = messageOffset + msgSize;
        final int minimumRoot = layout.minimumRootLength(version);
        if (blockLength < minimumRoot || body + blockLength > end)
        {
            report(MalformedReason.BAD_BLOCK_LENGTH, messageOffset, "template " + templateId + " version " + version +
                " blockLength " + blockLength + (blockLength < minimumRoot ?
                " is shorter than its fields (" + minimumRoot + ")" :
                " runs past MsgSize " + msgSize) + "; skipped");
            return false;
        }
        if (!groupsFit(buffer, layout, version, body + blockLength, end))
        {
            report(MalformedReason.BAD_GROUP, failedGroupOffset, "template " + templateId + " version " + version +
                " MsgSize " + msgSize + ": " + failedGroup + "; skipped");
            return false;
        }

        dispatch(buffer, templateId, body, blockLength, version);
        messageCount++;
        decodedByTemplate[templateId]++;
        listener.onMessageEnd(templateId);
        return true;
    }

    /**
     * Walk the message's groups as its version has them: each header within the message, entries long enough for
     * their fields, and all entries within the message.
     */
    private boolean groupsFit(
        final DirectBuffer buffer, final Mdp3Schema.Layout layout, final int version, final int groupsOffset,
        final int end)
    {
        int p = groupsOffset;
        for (final Mdp3Schema.Group group : layout.groups)
        {
            if (version < group.sinceVersion)
            {
                continue;
            }
            if (p + group.headerLength > end)
            {
                return groupFailed(group, p, "header of " + group.headerLength + " bytes runs past the message");
            }
            final int entryLength = buffer.getShort(p, LE) & 0xFFFF;
            final int count = buffer.getByte(p + group.countOffset) & 0xFF;
            final int minimumEntry = group.minimumEntryLength(version);
            if (count > 0 && entryLength < minimumEntry)
            {
                return groupFailed(group, p, "entry blockLength " + entryLength + " is shorter than its fields (" +
                    minimumEntry + ")");
            }
            final long groupEnd = (long)p + group.headerLength + (long)count * entryLength;
            if (groupEnd > end)
            {
                return groupFailed(group, p, count + " entries of " + entryLength + " bytes run " +
                    (groupEnd - end) + " byte(s) past the message");
            }
            p = (int)groupEnd;
        }
        return true;
    }

    private boolean groupFailed(final Mdp3Schema.Group group, final int offset, final String detail)
    {
        failedGroup = "group " + group.name + " " + detail;
        failedGroupOffset = offset;
        return false;
    }

    private void dispatch(
        final DirectBuffer buffer, final int templateId, final int body, final int blockLength, final int version)
    {
        switch (templateId)
        {
            case 4 -> incremental.channelReset4(buffer, body, blockLength, version);
            case 12 -> incremental.heartbeat12(buffer, body, blockLength, version);
            case 30 -> incremental.securityStatus30(buffer, body, blockLength, version);
            case 32 -> incremental.book32(buffer, body, blockLength, version);
            case 37 -> incremental.volume37(buffer, body, blockLength, version);
            case 42 -> incremental.trade42(buffer, body, blockLength, version);
            case 46 -> incremental.book46(buffer, body, blockLength, version);
            case 47 -> incremental.orderBook47(buffer, body, blockLength, version);
            case 48 -> incremental.trade48(buffer, body, blockLength, version);
            case 33 -> statistics.daily33(buffer, body, blockLength, version);
            case 34 -> statistics.limits34(buffer, body, blockLength, version);
            case 35 -> statistics.session35(buffer, body, blockLength, version);
            case 49 -> statistics.daily49(buffer, body, blockLength, version);
            case 50 -> statistics.limits50(buffer, body, blockLength, version);
            case 51 -> statistics.session51(buffer, body, blockLength, version);
            case 38 -> snapshot.snapshot38(buffer, body, blockLength, version);
            case 52 -> snapshot.snapshot52(buffer, body, blockLength, version);
            case 53 -> snapshot.orderBook53(buffer, body, blockLength, version);
            case 27 -> definition.future27(buffer, body, blockLength, version);
            case 29 -> definition.spread29(buffer, body, blockLength, version);
            case 54 -> definition.future54(buffer, body, blockLength, version);
            case 56 -> definition.spread56(buffer, body, blockLength, version);
            default -> throw new IllegalStateException("template " + templateId + " has a layout but no decoder");
        }
    }

    private void report(final MalformedReason reason, final int offset, final String detail)
    {
        malformedCount++;
        final int inPacket = offset - packetOffset;
        malformedListener.onMalformed(reason, sourceName, packetPosition + inPacket,
            (msgSeqNum < 0 ? "" : "MsgSeqNum " + msgSeqNum + " ") + "packet offset " + inPacket + ": " + detail);
    }
}
