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

import io.tickwire.feed.ingest.MalformedReason;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Mdp3PacketDecoder} on packets built with the generated encoders: every decoded template of version 9 round
 * trips with its values, blocks of other versions read by their own length, and each kind of malformed input is
 * reported once, with its position, without losing anything else that can be framed.
 */
@Timeout(60)
class Mdp3PacketDecoderTest
{
    private static final long POSITION = 1_000;
    private static final int ES = 13950;

    private final Mdp3Recorder recorder = new Mdp3Recorder();
    private final Mdp3PacketDecoder decoder = new Mdp3PacketDecoder(recorder, recorder, "test");

    @Test
    void shouldDecodeEveryTemplateOfVersion9WithItsValues()
    {
        final Mdp3TestPackets packet = new Mdp3TestPackets(7, 123_456_789L)
            .channelReset()
            .heartbeat()
            .securityStatus()
            .book(ES, 100, 5_000_250_000_000L, 10)
            .volume(ES, 102, 1_340_718)
            .trade(ES, 103, 5_000_250_000_000L, 5)
            .orderBook(ES, 555, 5_000_500_000_000L, 7)
            .snapshot38(ES, 20_707_877)
            .snapshot52(170_506, 20_187)
            .snapshotOrders(170_506)
            .future(ES, "ESH6")
            .spread(10_123, "ESH6-ESM6", 2615, 6505);

        assertEquals(12, decode(packet));

        assertEquals(List.of(
            "packet 7 123456789 " + packet.length(),
            "channelReset v9 1000 128 1", "channelResetEntry 310", "end 4",
            "heartbeat v9", "end 12",
            "securityStatus v9 2000 ES ES 13950 16739 128 17 0 0", "end 30",
            "incremental 46 v9 3000 132 2",
            "book 13950 100 0 0 5000250000000e-9 10 1 3",
            "book 13950 101 2 F 9223372036854775807e-9 2147483647 2 2147483647",
            "bookOrder 777 12 10 1 0", "end 46",
            "incremental 37 v9 4000 2 1", "volume 13950 102 0 1340718", "end 37",
            "incremental 48 v9 5000 1 1", "trade 13950 103 0 5000250000000e-9 5 2 2 99",
            "tradeOrder 1001 5", "tradeOrder 1002 5", "end 48",
            "incremental 47 v9 6000 128 1", "order 13950 555 5 1 1 5000500000000e-9 7", "end 47",
            "snapshot 38 v9 41 3 13950 20707877 7000 8000 16739 17 2177000000000 1968000000000 " +
                "9223372036854775807 e-7 1",
            "snapshotEntry 0 2077750000000e-7 308 89 1 65535 255 0", "end 38",
            "snapshot 52 v9 42 3 170506 20187 7000 8000 17786 17 9223372036854775807 9223372036854775807 " +
                "600000000000 e-9 2",
            "snapshotEntry 0 12952000000000e-9 3 2 1 65535 255 0",
            "snapshotEntry 1 12953000000000e-9 4 1 1 65535 255 0", "end 52",
            "snapshotOrderBook v9 43 3 170506 1 1 9000 1", "snapshotOrder 88 6 12068000000000e-9 4 1", "end 53",
            "definition 54 v9 future 13950 ESH6 ES ES FUT FFIXSX 2026-3 USD tick=250000000e-9 " +
                "display=1000000000e-9 ref=5000250000000 status=21 appl=310 gbx=10 gbi=2 " +
                "events=5:1434720600000000000,7:1773927000000000000 legs=", "end 54",
            "definition 56 v9 spread 10123 ESH6-ESM6 ES ES FUT FMIXSX 2026-3 USD tick=50000000e-9 " +
                "display=1000000000e-9 ref=-6700000000 status=21 appl=310 gbx=10 gbi=-1 events= " +
                "legs=6505S1,2615B1", "end 56"),
            recorder.events);
        assertEquals(List.of(), recorder.reports);
        assertEquals(1, decoder.packetCount());
        assertEquals(12, decoder.messageCount());
        assertEquals(1, decoder.messageCount(46));
        assertEquals(0, decoder.malformedCount());
    }

    @Test
    void shouldReportAPacketShorterThanItsHeader()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[16]);
        assertEquals(0, decoder.decode(buffer, 4, 11, POSITION));

        assertEquals(List.of(), recorder.events);
        assertReports(MalformedReason.BAD_MDP3_PACKET, POSITION);
        assertTrue(recorder.reports.get(0).detail().contains("packet of 11 bytes is shorter than the 12-byte header"),
            recorder.reports.get(0).detail());
        assertEquals(0, decoder.packetCount());
    }

    @Test
    void shouldReportAMsgSizePastTheEndOfThePacketAndKeepTheMessagesBeforeIt()
    {
        final Mdp3TestPackets packet = new Mdp3TestPackets(8, 1).book(ES, 1, 100, 1).volume(ES, 3, 9);
        final int volumeOffset = packet.lastMessageOffset();
        packet.truncate(packet.length() - 3);

        assertEquals(1, decode(packet));

        assertEquals(List.of(46), recorder.templates);
        assertReports(MalformedReason.TRUNCATED_MESSAGE, POSITION + volumeOffset);
        assertTrue(recorder.reports.get(0).detail().startsWith("MsgSeqNum 8 packet offset " + volumeOffset +
            ": MsgSize 40 runs past the end of the packet, only 37 byte(s) left"), recorder.reports.get(0).detail());
    }

    @Test
    void shouldEndThePacketAtAMsgSizeSmallerThanTheMessageHeader()
    {
        final Mdp3TestPackets packet = new Mdp3TestPackets(9, 1).book(ES, 1, 100, 1)
            .raw(new byte[] {4, 0, 11, 0, 46, 0, 1, 0, 9, 0})
            .volume(ES, 3, 9);
        final int badOffset = 12 + (int)packetMessageSize(packet, 12);

        assertEquals(1, decode(packet));

        assertEquals(List.of(46), recorder.templates);
        assertReports(MalformedReason.BAD_MDP3_PACKET, POSITION + badOffset);
        assertTrue(recorder.reports.get(0).detail().contains("MsgSize 4 is smaller than 10"));
    }

    @Test
    void shouldSkipAnUnknownTemplateByItsMsgSizeAndDecodeWhatFollows()
    {
        final Mdp3TestPackets packet = new Mdp3TestPackets(10, 1).book(ES, 1, 100, 1)
            .raw(message(200, 9, 6, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
            .volume(ES, 3, 9);
        final int unknownOffset = 12 + (int)packetMessageSize(packet, 12);

        assertEquals(2, decode(packet));

        assertEquals(List.of(46, 37), recorder.templates);
        assertReports(MalformedReason.UNKNOWN_TEMPLATE, POSITION + unknownOffset);
        assertTrue(recorder.reports.get(0).detail().contains("template 200 version 9 is not an MDP 3.0 template"));
        assertEquals(1, decoder.malformedCount());
    }

    @Test
    void shouldDecodeTheStatisticsTemplatesOfBothGenerationsWithTheirRptSeq()
    {
        final Mdp3TestPackets packet = new Mdp3TestPackets(12, 1)
            .dailyStatistics(ES, 200)
            .limitsBanding(ES, 201)
            .sessionStatistics(ES, 202)
            .olderStatistics(ES, 203);

        assertEquals(6, decode(packet));

        assertEquals(List.of(
            "packet 12 1 " + packet.length(),
            "incremental 49 v9 6000 8 1", "statistics 13950 200 0 6", "end 49",
            "incremental 50 v9 6100 8 1", "statistics 13950 201 0 g", "end 50",
            "incremental 51 v9 6200 8 1", "statistics 13950 202 0 7", "end 51",
            "incremental 33 v9 6300 0 1", "statistics 13950 203 0 C", "end 33",
            "incremental 34 v9 6300 0 1", "statistics 13950 204 0 g", "end 34",
            "incremental 35 v9 6300 8 1", "statistics 13950 205 0 8", "end 35"),
            recorder.events);
        assertEquals(List.of(), recorder.reports);
        assertEquals(0, decoder.skippedCount());
    }

    @Test
    void shouldReportAStatisticsEntryShorterThanItsFields()
    {
        // Template 51 with an entry length of 18: MDEntryType at 18 and MDEntrySize would lie outside it.
        final byte[] body = new byte[11 + 3 + 18];
        body[11] = 18;
        body[13] = 1;
        final Mdp3TestPackets packet = new Mdp3TestPackets(13, 1).raw(message(51, 9, 11, body)).volume(ES, 3, 9);

        assertEquals(1, decode(packet));

        assertEquals(List.of(37), recorder.templates);
        assertReports(MalformedReason.BAD_GROUP, POSITION + 12 + 10 + 11);
    }

    @Test
    void shouldCountATemplateCmeDefinesButThisPhaseDoesNotDecode()
    {
        final Mdp3TestPackets packet = new Mdp3TestPackets(11, 1)
            .raw(message(43, 8, 11, new byte[14]))
            .volume(ES, 3, 9);

        assertEquals(1, decode(packet));

        assertEquals(List.of(), recorder.reports);
        assertEquals("skipped 43 v8 11 24", recorder.events.get(1));
        assertEquals(1, decoder.skippedCount());
        assertEquals(1, decoder.skippedCount(43));
        assertEquals(List.of(37), recorder.templates);
    }

    @Test
    void shouldSkipAMessageOfAnotherSchema()
    {
        final Mdp3TestPackets packet = new Mdp3TestPackets(12, 1).book(ES, 1, 100, 1);
        final int bookOffset = packet.lastMessageOffset();
        packet.buffer().putShort(bookOffset + 6, (short)2, ByteOrder.LITTLE_ENDIAN);
        packet.volume(ES, 3, 9);

        assertEquals(1, decode(packet));

        assertEquals(List.of(37), recorder.templates);
        assertReports(MalformedReason.UNKNOWN_SCHEMA, POSITION + bookOffset);
    }

    @Test
    void shouldReportAGroupCountRunningPastMsgSizeAndDeliverNoneOfTheMessage()
    {
        final Mdp3TestPackets packet = new Mdp3TestPackets(13, 1).book(ES, 1, 100, 1);
        final int bookOffset = packet.lastMessageOffset();
        final int groupOffset = bookOffset + 2 + 8 + 11;
        packet.buffer().putByte(groupOffset + 2, (byte)5);
        packet.volume(ES, 3, 9);

        assertEquals(1, decode(packet));

        assertEquals(List.of(37), recorder.templates);
        assertEquals(List.of(), recorder.eventsStartingWith("book "));
        assertReports(MalformedReason.BAD_GROUP, POSITION + groupOffset);
        assertTrue(recorder.reports.get(0).detail().contains("group NoMDEntries 5 entries of 32 bytes run"),
            recorder.reports.get(0).detail());
    }

    @Test
    void shouldReportAnEightByteGroupCountRunningPastMsgSize()
    {
        final Mdp3TestPackets packet = new Mdp3TestPackets(14, 1).book(ES, 1, 100, 1);
        final int orderGroupOffset = packet.lastMessageOffset() + 2 + 8 + 11 + 3 + 2 * 32;
        packet.buffer().putByte(orderGroupOffset + 7, (byte)2);

        assertEquals(0, decode(packet));

        assertReports(MalformedReason.BAD_GROUP, POSITION + orderGroupOffset);
        assertTrue(recorder.reports.get(0).detail().contains("group NoOrderIDEntries 2 entries of 24 bytes run"),
            recorder.reports.get(0).detail());
    }

    @Test
    void shouldReportAnEntryShorterThanItsFields()
    {
        final Mdp3TestPackets packet = new Mdp3TestPackets(15, 1).volume(ES, 3, 9);
        final int groupOffset = packet.lastMessageOffset() + 2 + 8 + 11;
        packet.buffer().putShort(groupOffset, (short)12, ByteOrder.LITTLE_ENDIAN);

        assertEquals(0, decode(packet));

        assertReports(MalformedReason.BAD_GROUP, POSITION + groupOffset);
        assertTrue(recorder.reports.get(0).detail().contains("entry blockLength 12 is shorter than its fields (13)"));
    }

    @Test
    void shouldReportARootBlockShorterThanItsFieldsOrPastMsgSize()
    {
        final Mdp3TestPackets packet = new Mdp3TestPackets(16, 1).book(ES, 1, 100, 1);
        final int first = packet.lastMessageOffset();
        packet.buffer().putShort(first + 2, (short)8, ByteOrder.LITTLE_ENDIAN);
        packet.volume(ES, 3, 9);
        final int second = packet.lastMessageOffset();
        packet.buffer().putShort(second + 2, (short)200, ByteOrder.LITTLE_ENDIAN);
        packet.heartbeat();

        assertEquals(1, decode(packet));

        assertEquals(List.of(12), recorder.templates);
        assertEquals(List.of(MalformedReason.BAD_BLOCK_LENGTH, MalformedReason.BAD_BLOCK_LENGTH),
            recorder.reports.stream().map(Mdp3Recorder.Report::reason).toList());
        assertEquals(List.of(POSITION + first, POSITION + second),
            recorder.reports.stream().map(Mdp3Recorder.Report::position).toList());
        assertTrue(recorder.reports.get(0).detail().contains("blockLength 8 is shorter than its fields (9)"));
        assertTrue(recorder.reports.get(1).detail().contains("blockLength 200 runs past MsgSize 40"));
    }

    @Test
    void shouldReportTrailingBytesTooShortForAMessage()
    {
        final Mdp3TestPackets packet = new Mdp3TestPackets(17, 1).heartbeat().raw(new byte[] {9, 0, 0});
        final int trailing = packet.lastMessageOffset();

        assertEquals(1, decode(packet));

        assertReports(MalformedReason.TRUNCATED_MESSAGE, POSITION + trailing);
        assertTrue(recorder.reports.get(0).detail().contains("3 byte(s) left, too short"));
    }

    @Test
    void shouldReadLongerBlocksOfALaterVersionByTheirOwnLength()
    {
        // Template 37 as a later version might send it: two more bytes of root block, four more per entry.
        final ByteBuffer body = ByteBuffer.allocate(13 + 3 + 2 * 20).order(ByteOrder.LITTLE_ENDIAN);
        body.putLong(42L).put((byte)2).putShort((short)0).putShort((short)0xBEEF);
        body.putShort((short)20).put((byte)2);
        body.putInt(500).putInt(ES).putInt(77).put((byte)0).put(new byte[3]).putInt(0xCAFE);
        body.putInt(600).putInt(ES).putInt(78).put((byte)1).put(new byte[3]).putInt(0xCAFE);
        final Mdp3TestPackets packet = new Mdp3TestPackets(18, 1).raw(message(37, 12, 13, body.array()));

        assertEquals(1, decode(packet));

        assertEquals(List.of("packet 18 1 " + packet.length(), "incremental 37 v12 42 2 2", "volume 13950 77 0 500",
            "volume 13950 78 1 600", "end 37"), recorder.events);
        assertEquals(List.of(), recorder.reports);
    }

    @Test
    void shouldReadTheOrderGroupOfTemplate32OnlyFromVersion7()
    {
        final ByteBuffer entries = ByteBuffer.allocate(3 + 32).order(ByteOrder.LITTLE_ENDIAN);
        entries.putShort((short)32).put((byte)1);
        entries.putLong(2_077_750_000_000L).putInt(308).putInt(ES).putInt(20_707_877).putInt(89)
            .put((byte)1).put((byte)1).put((byte)'0').put(new byte[5]);
        final ByteBuffer orders = ByteBuffer.allocate(8 + 24).order(ByteOrder.LITTLE_ENDIAN);
        orders.putShort((short)24).put(new byte[5]).put((byte)1);
        orders.putLong(31L).putLong(32L).putInt(33).put((byte)1).put((byte)2).put(new byte[2]);
        final ByteBuffer root = ByteBuffer.allocate(11).order(ByteOrder.LITTLE_ENDIAN);
        root.putLong(55L).put((byte)0x84).putShort((short)0);

        final Mdp3TestPackets version5 = new Mdp3TestPackets(19, 1)
            .raw(message(32, 5, 11, concat(root.array(), entries.array())));
        final Mdp3TestPackets version8 = new Mdp3TestPackets(20, 1)
            .raw(message(32, 8, 11, concat(root.array(), concat(entries.array(), orders.array()))));

        assertEquals(1, decode(version5));
        assertEquals(1, decode(version8));

        final String book = "book 13950 20707877 1 0 2077750000000e-7 308 1 89";
        assertEquals(List.of(
            "packet 19 1 " + version5.length(), "incremental 32 v5 55 132 1", book, "end 32",
            "packet 20 1 " + version8.length(), "incremental 32 v8 55 132 1", book, "bookOrder 31 32 33 1 2",
            "end 32"), recorder.events);
        assertEquals(List.of(), recorder.reports);
    }

    @Test
    void shouldGiveTheHeaderFieldsOfAPacketWithoutDecodingIt()
    {
        final Mdp3TestPackets packet = new Mdp3TestPackets(0xFFFF_FFF0L, 1_536_760_535_685_381_248L).heartbeat();
        assertEquals(0xFFFF_FFF0L, Mdp3PacketDecoder.msgSeqNum(packet.buffer(), 0));
        assertEquals(1_536_760_535_685_381_248L, Mdp3PacketDecoder.sendingTime(packet.buffer(), 0));
    }

    private int decode(final Mdp3TestPackets packet)
    {
        // Decode at an offset in a larger buffer, as a datagram sits in a receive or file buffer.
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[packet.length() + 64]);
        buffer.putBytes(32, packet.bytes());
        return decoder.decode(buffer, 32, packet.length(), POSITION);
    }

    private void assertReports(final MalformedReason reason, final long position)
    {
        assertEquals(1, recorder.reports.size(), recorder.reports.toString());
        assertEquals(reason, recorder.reports.get(0).reason());
        assertEquals(position, recorder.reports.get(0).position());
        assertEquals("test", recorder.reports.get(0).source());
    }

    private static long packetMessageSize(final Mdp3TestPackets packet, final int offset)
    {
        return packet.buffer().getShort(offset, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    /**
     * MsgSize, SBE header and body, the way CME frames a message.
     */
    static byte[] message(final int templateId, final int version, final int blockLength, final byte[] body)
    {
        final ByteBuffer message = ByteBuffer.allocate(10 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        message.putShort((short)(10 + body.length)).putShort((short)blockLength).putShort((short)templateId)
            .putShort((short)1).putShort((short)version).put(body);
        return message.array();
    }

    private static byte[] concat(final byte[] a, final byte[] b)
    {
        final byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
