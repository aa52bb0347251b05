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
import io.tickwire.sbe.mdp3.MDEntryTypeBook;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshBook46Encoder;
import io.tickwire.sbe.mdp3.MDUpdateAction;
import io.tickwire.sbe.mdp3.MessageHeaderEncoder;
import io.tickwire.sbe.mdp3.SecurityStatus30Encoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteOrder;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MDP 3.0 packets of every template the normaliser reads, built with the generated encoders, turned into feed
 * messages decoded back as a subscriber would: instrument ids, prices at -9 from -7 and -9 templates, sequences,
 * counters, and malformed input reported with its position.
 */
@Timeout(30)
class Mdp3NormaliserTest
{
    private static final long POSITION = 1_000;
    private static final int ES = 13950;
    private static final long ES_ID = (1L << 24) + ES;

    private final Mdp3Recorder reports = new Mdp3Recorder();
    private final Mdp3NormaliserCounters counters = new Mdp3NormaliserCounters(null, "test");
    private final Mdp3Normaliser normaliser = new Mdp3Normaliser(() -> 77L, reports, "test", counters);
    private final FeedText sink = new FeedText();

    @Test
    void shouldNormaliseEveryIncrementalTemplateInWireOrder()
    {
        final Mdp3TestPackets packet = new Mdp3TestPackets(1, 1)
            .channelReset().heartbeat().securityStatus()
            .book(ES, 100, 5_000_250_000_000L, 10)
            .volume(ES, 102, 1_340_718)
            .trade(ES, 103, 5_000_250_000_000L, 5)
            .orderBook(ES, 555, 5_000_500_000_000L, 7);

        assertEquals(5, normalise(packet));

        assertEquals(List.of(
            "reset 0 XCME CHANNEL_RESET r0",
            "status " + ES_ID + " TRADING '0170'",
            "level " + ES_ID + " NEW BUY out L1 5000250000000 x10 n3 r100",
            "level " + ES_ID + " DELETE SELL imp L2 " + Long.MIN_VALUE + " x0 n0 r101",
            "trade " + ES_ID + " 5000250000000 x5 SELL n2 id99 r103"), sink.messages());
        // The TransactTime of each message, as nanoseconds since midnight.
        assertEquals(List.of(1_000L, 2_000L, 3_000L, 3_000L, 5_000L), sink.sourceTimestamps());
        assertEquals(List.of(), reports.reports);
        assertEquals(1, counters.packets());
        assertEquals(1, counters.bookResets());
        assertEquals(1, counters.statuses());
        assertEquals(2, counters.levelUpdates());
        assertEquals(1, counters.trades());
        assertEquals(1, counters.volumeEntries());
        assertEquals(2, counters.orderEntries());
        assertEquals(1, counters.messagesSkipped());
        assertEquals(0, counters.rptSeqGaps());
    }

    @Test
    void shouldNormaliseFutureAndSpreadDefinitions()
    {
        final Mdp3TestPackets packet = new Mdp3TestPackets(1, 86_400_000_000_123L)
            .future(ES, "ESH6").spread(10_123, "ESH6-ESM6", 2615, 6505);

        assertEquals(2, normalise(packet));

        assertEquals(List.of(
            "definition " + ES_ID + " XCME 13950 CME_MDP3 FUTURE PRICE_LEVEL e-9 tick250000000 df1000000000 cm0 " +
            "m20260300 d10/2 'ESH6' 'ES' 'ES'",
            "definition " + ((1L << 24) + 10_123) + " XCME 10123 CME_MDP3 SPREAD PRICE_LEVEL e-9 tick50000000 " +
            "df1000000000 cm0 m20260300 d10/0 'ESH6-ESM6' 'ES' 'ES'"), sink.messages());
        // Definitions carry no TransactTime: the packet's SendingTime, a day and 123 ns after the epoch.
        assertEquals(List.of(123L, 123L), sink.sourceTimestamps());
        assertEquals(2, counters.definitions());
    }

    @Test
    void shouldPadDefinitionTextWithSpaces()
    {
        normalise(new Mdp3TestPackets(1, 1).future(ES, "ESH6"));

        final int symbol = io.tickwire.sbe.md.MessageHeaderEncoder.ENCODED_LENGTH +
            io.tickwire.sbe.md.VenueInstrumentDefinitionEncoder.symbolEncodingOffset();
        assertEquals("ESH6" + " ".repeat(20), sink.buffer().getStringWithoutLengthAscii(symbol, 24));
    }

    @Test
    void shouldGiveVersion5AndVersion9PricesTheSameMantissa()
    {
        // 5002.5 index points: 50,002,500,000 at -7 (templates 32, 42), 5,000,250,000,000... at -9 (46, 48).
        assertEquals(2, normalise(new Mdp3TestPackets(1, 1)
            .book32(ES, 1, 50_002_500_000L, 10).trade42(ES, 2, 50_002_500_000L, 5)));
        final FeedText v5 = new FeedText();
        v5.messages().addAll(sink.messages());
        sink.messages().clear();

        final Mdp3Normaliser v9Normaliser =
            new Mdp3Normaliser(() -> 77L, reports, "v9", new Mdp3NormaliserCounters(null, "v9"));
        final Mdp3TestPackets v9 = new Mdp3TestPackets(1, 1)
            .bookEntry(ES, 1, MDUpdateAction.New, MDEntryTypeBook.Bid, 5_000_250_000_000L, 10, 1)
            .trade(ES, 2, 5_000_250_000_000L, 5);
        assertEquals(2, v9Normaliser.normalise(POSITION, v9.buffer(), 0, v9.length(), sink));

        assertEquals("level " + ES_ID + " NEW BUY out L1 5000250000000 x10 n1 r1", v5.messages().get(0));
        assertEquals(v5.messages().get(0), sink.messages().get(0));
        assertEquals("trade " + ES_ID + " 5000250000000 x5 BUY n2 id98 r2", v5.messages().get(1));
        assertEquals(price(v5.messages().get(1)), price(sink.messages().get(1)));
        assertEquals(List.of(), reports.reports);
    }

    @Test
    void shouldSkipDuplicatePacketsAndEntriesAndCountGapsOfBothSequences()
    {
        final Mdp3TestPackets first = new Mdp3TestPackets(1, 1)
            .bookEntry(ES, 1, MDUpdateAction.New, MDEntryTypeBook.Bid, 100, 1, 1);
        assertEquals(1, normalise(first));
        // The copy from the other line of an A/B pair.
        assertEquals(0, normalise(first));
        assertEquals(1, counters.packetsDuplicate());

        final Mdp3TestPackets afterGap = new Mdp3TestPackets(3, 1)
            .bookEntry(ES, 1, MDUpdateAction.Change, MDEntryTypeBook.Bid, 100, 2, 1)
            .bookEntry(ES, 5, MDUpdateAction.Change, MDEntryTypeBook.Bid, 100, 3, 1);
        assertEquals(1, normalise(afterGap));

        assertEquals(List.of(
            "level " + ES_ID + " NEW BUY out L1 100 x1 n1 r1",
            "level " + ES_ID + " CHANGE BUY out L1 100 x3 n1 r5"), sink.messages());
        assertEquals(1, counters.packetGaps());
        assertEquals(1, counters.packetsMissing());
        assertEquals(1, counters.rptSeqDuplicate());
        assertEquals(1, counters.rptSeqGaps());
        assertEquals(3, counters.rptSeqMissing());
        assertEquals(2, counters.packets());
    }

    @Test
    void shouldRestartRptSeqAfterAChannelReset()
    {
        normalise(new Mdp3TestPackets(1, 1).bookEntry(ES, 50, MDUpdateAction.New, MDEntryTypeBook.Bid, 100, 1, 1));
        normalise(new Mdp3TestPackets(2, 1).channelReset()
            .bookEntry(ES, 1, MDUpdateAction.New, MDEntryTypeBook.Offer, 200, 4, 1));

        assertEquals(List.of(
            "level " + ES_ID + " NEW BUY out L1 100 x1 n1 r50",
            "reset 0 XCME CHANNEL_RESET r0",
            "level " + ES_ID + " NEW SELL out L1 200 x4 n1 r1"), sink.messages());
        assertEquals(0, counters.rptSeqDuplicate());
    }

    @Test
    void shouldResetOneInstrumentsBookOnAnEmptyBookEntry()
    {
        assertEquals(2, normalise(new Mdp3TestPackets(1, 1)
            .bookEntry(ES, 7, MDUpdateAction.New, MDEntryTypeBook.BookReset, Mdp3Schema.NULL_MANTISSA, 0, 1)
            .bookEntry(ES, 8, MDUpdateAction.New, MDEntryTypeBook.ImpliedBid, 300, 9, 2)));

        assertEquals(List.of(
            "reset " + ES_ID + " XCME RECOVERY r7",
            "level " + ES_ID + " NEW BUY imp L2 300 x9 n1 r8"), sink.messages());
    }

    @Test
    void shouldCountGroupStatusesAndReportStatusesCmeDoesNotDefine()
    {
        final Mdp3TestPackets group = new Mdp3TestPackets(1, 1).securityStatus();
        group.buffer().putInt(statusField(group, SecurityStatus30Encoder.securityIDEncodingOffset()),
            Mdp3Schema.NULL_INT32, ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, normalise(group));
        assertEquals(1, counters.groupStatuses());

        final Mdp3TestPackets unknown = new Mdp3TestPackets(2, 1).securityStatus();
        unknown.buffer().putByte(statusField(unknown, SecurityStatus30Encoder.securityTradingStatusEncodingOffset()),
            (byte)99);
        assertEquals(-1, normalise(unknown));

        assertEquals(List.of(), sink.messages());
        assertEquals(1, reports.reports.size());
        final Mdp3Recorder.Report report = reports.reports.get(0);
        assertEquals(MalformedReason.BAD_FIELD_VALUE, report.reason());
        assertEquals(POSITION, report.position());
        assertTrue(report.detail().contains("MsgSeqNum 2 template 30 SecurityID 13950: SecurityTradingStatus 99"),
            report.detail());
    }

    @Test
    void shouldReportAnEntryTypeCmeDoesNotDefineAndPublishTheRest()
    {
        final Mdp3TestPackets packet = new Mdp3TestPackets(1, 1)
            .bookEntry(ES, 1, MDUpdateAction.New, MDEntryTypeBook.Bid, 100, 1, 1);
        final int entryType = packet.lastMessageOffset() + 2 + MessageHeaderEncoder.ENCODED_LENGTH +
            MDIncrementalRefreshBook46Encoder.BLOCK_LENGTH + 3 +
            MDIncrementalRefreshBook46Encoder.NoMDEntriesEncoder.mDEntryTypeEncodingOffset();
        packet.buffer().putByte(entryType, (byte)'X');
        packet.bookEntry(ES, 2, MDUpdateAction.New, MDEntryTypeBook.Offer, 101, 1, 1);

        assertEquals(1, normalise(packet));

        assertEquals(List.of("level " + ES_ID + " NEW SELL out L1 101 x1 n1 r2"), sink.messages());
        assertEquals(1, reports.reports.size());
        assertEquals(MalformedReason.BAD_FIELD_VALUE, reports.reports.get(0).reason());
        assertTrue(reports.reports.get(0).detail().contains("MDEntryType X"), reports.reports.get(0).detail());
    }

    @Test
    void shouldReportMalformedPacketsWithTheirPositionAndWriteNothing()
    {
        final Mdp3TestPackets truncated = new Mdp3TestPackets(1, 1).book(ES, 1, 100, 1);
        truncated.truncate(truncated.length() - 5);
        assertEquals(-1, normalise(truncated));

        final Mdp3TestPackets unknownTemplate = new Mdp3TestPackets(2, 1).heartbeat();
        unknownTemplate.buffer().putShort(unknownTemplate.lastMessageOffset() + 2 + 2, (short)60,
            ByteOrder.LITTLE_ENDIAN);
        assertEquals(-1, normalise(unknownTemplate));

        final Mdp3TestPackets shortPacket = new Mdp3TestPackets(3, 1).truncate(5);
        assertEquals(-1, normalise(shortPacket));

        assertEquals(List.of(), sink.messages());
        assertEquals(3, reports.reports.size());
        assertEquals(MalformedReason.TRUNCATED_MESSAGE, reports.reports.get(0).reason());
        assertEquals(POSITION + Mdp3PacketDecoder.PACKET_HEADER_LENGTH, reports.reports.get(0).position());
        assertEquals(MalformedReason.UNKNOWN_TEMPLATE, reports.reports.get(1).reason());
        assertEquals(POSITION + Mdp3PacketDecoder.PACKET_HEADER_LENGTH, reports.reports.get(1).position());
        assertEquals(MalformedReason.BAD_MDP3_PACKET, reports.reports.get(2).reason());
    }

    @Test
    void shouldStayWithinTheBoundOfMessagesPerPacket()
    {
        // The densest packet: ChannelResets of no entries, each the shortest message that gives a feed message.
        assertEquals(22, Mdp3Normaliser.MIN_BYTES_PER_MESSAGE);
        final Mdp3TestPackets packet = new Mdp3TestPackets(1, 1);
        for (int i = 0; i < 60; i++)
        {
            packet.channelReset();
            packet.truncate(packet.length() - 2);
            packet.buffer().putByte(packet.length() - 1, (byte)0);
            packet.buffer().putShort(packet.lastMessageOffset(), (short)(packet.length() - packet.lastMessageOffset()),
                ByteOrder.LITTLE_ENDIAN);
        }

        final int written = normalise(packet);

        assertEquals(60, written);
        assertEquals(List.of(), reports.reports);
        assertTrue(written <= (packet.length() - Mdp3PacketDecoder.PACKET_HEADER_LENGTH) / 22);
    }

    private int normalise(final Mdp3TestPackets packet)
    {
        return normaliser.normalise(POSITION, packet.buffer(), 0, packet.length(), sink);
    }

    private static int statusField(final Mdp3TestPackets packet, final int fieldOffset)
    {
        return packet.lastMessageOffset() + 2 + MessageHeaderEncoder.ENCODED_LENGTH + fieldOffset;
    }

    private static String price(final String trade)
    {
        return trade.split(" ")[2];
    }
}
