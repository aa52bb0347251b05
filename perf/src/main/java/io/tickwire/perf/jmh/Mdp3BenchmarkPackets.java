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
package io.tickwire.perf.jmh;

import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.PcapUdpReader;
import io.tickwire.feed.ingest.mdp3.Mdp3PacketDecoder;
import io.tickwire.sbe.mdp3.AggressorSide;
import io.tickwire.sbe.mdp3.MDEntryTypeBook;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshBook46Encoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshOrderBook47Encoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshTradeSummary48Encoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshVolume37Encoder;
import io.tickwire.sbe.mdp3.MDUpdateAction;
import io.tickwire.sbe.mdp3.MessageHeaderEncoder;
import io.tickwire.sbe.mdp3.OrderUpdateAction;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The MDP 3.0 packets {@link Mdp3DecodeBenchmark} decodes: the UDP payloads of two of the shared CME captures
 * ({@code <tickwire.shared.dir>/data/mdp3-pcap}, default {@code ../shared}, as the tests find them), or, where those
 * are absent, packets of the same shape built with the generated encoders of the project's MDP 3.0 schema, so the
 * benchmark runs anywhere. The shapes, and so the counts a decode must deliver, are the same either way:
 * <ul>
 *     <li>book refresh (schema version 9): two MDIncrementalRefreshBook (46), the first with 23 price level entries
 *     and 16 order entries (the 8-byte group dimension), the second ending the event with both groups empty;</li>
 *     <li>mixed (schema version 9): one trade event across five messages, TradeSummary (48, 1 entry and 3 orders),
 *     Volume (37, 1 entry), OrderBook (47, 2 entries), Book (46, 1 entry), Book (46, 1 implied entry).</li>
 * </ul>
 */
final class Mdp3BenchmarkPackets
{
    /** File of the shared captures holding the version 9 book refresh packet. */
    static final String BOOK_46_CAPTURE = "mdp3-v1.9-MdIncrementalRefreshBook.pcap";
    /** File of the shared captures holding the version 9 trade event across five templates. */
    static final String MIXED_CAPTURE = "mdp3-v1.9-MdIncrementalRefreshTradeSummary.pcap";

    /** Messages in the book refresh packet. */
    static final int BOOK_46_MESSAGES = 2;
    /** NoMDEntries entries in the book refresh packet. */
    static final int BOOK_46_MD_ENTRIES = 23;
    /** Entries of every repeating group (NoMDEntries and NoOrderIDEntries) in the book refresh packet. */
    static final int BOOK_46_ENTRIES = BOOK_46_MD_ENTRIES + 16;
    /** Messages in the mixed packet. */
    static final int MIXED_MESSAGES = 5;
    /** NoMDEntries entries in the mixed packet. */
    static final int MIXED_MD_ENTRIES = 6;
    /** Entries of every repeating group in the mixed packet. */
    static final int MIXED_ENTRIES = MIXED_MD_ENTRIES + 3;

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final int MAX_PACKET_LENGTH = 1500;

    private final UnsafeBuffer book46;
    private final int book46Length;
    private final UnsafeBuffer mixed;
    private final int mixedLength;
    private final String source;

    private Mdp3BenchmarkPackets(
        final UnsafeBuffer book46, final int book46Length, final UnsafeBuffer mixed, final int mixedLength,
        final String source)
    {
        this.book46 = book46;
        this.book46Length = book46Length;
        this.mixed = mixed;
        this.mixedLength = mixedLength;
        this.source = source;
    }

    /**
     * The shared captures when their directory exists, else packets built with the encoders.
     *
     * @return the packets.
     */
    static Mdp3BenchmarkPackets load()
    {
        final Path captures = Paths.get(System.getProperty("tickwire.shared.dir", "../shared"), "data", "mdp3-pcap");
        return Files.isDirectory(captures) ? fromCaptures(captures) : fromEncoder();
    }

    /**
     * The first UDP payload of each of the two captures.
     *
     * @param directory holding the captures.
     * @return the packets.
     */
    static Mdp3BenchmarkPackets fromCaptures(final Path directory)
    {
        final UnsafeBuffer book46 = firstPayload(directory.resolve(BOOK_46_CAPTURE));
        final UnsafeBuffer mixed = firstPayload(directory.resolve(MIXED_CAPTURE));
        return new Mdp3BenchmarkPackets(book46, book46.capacity(), mixed, mixed.capacity(), directory.toString());
    }

    /**
     * Packets of the captures' shape built with the generated encoders.
     *
     * @return the packets.
     */
    static Mdp3BenchmarkPackets fromEncoder()
    {
        final UnsafeBuffer book46 = new UnsafeBuffer(new byte[MAX_PACKET_LENGTH]);
        final int book46Length = encodeBookRefresh(book46);
        final UnsafeBuffer mixed = new UnsafeBuffer(new byte[MAX_PACKET_LENGTH]);
        final int mixedLength = encodeTradeEvent(mixed);
        return new Mdp3BenchmarkPackets(book46, book46Length, mixed, mixedLength, "the project's MDP 3.0 encoders");
    }

    UnsafeBuffer book46()
    {
        return book46;
    }

    int book46Length()
    {
        return book46Length;
    }

    UnsafeBuffer mixed()
    {
        return mixed;
    }

    int mixedLength()
    {
        return mixedLength;
    }

    /**
     * @return where the packets come from: the captures' directory or the encoders.
     */
    String source()
    {
        return source;
    }

    private static UnsafeBuffer firstPayload(final Path capture)
    {
        final MalformedInputListener failOnMalformed = (reason, name, position, detail) ->
        {
            throw new IllegalStateException(reason + " in " + name + " at " + position + ": " + detail);
        };
        try (PcapUdpReader reader = new PcapUdpReader(capture, failOnMalformed))
        {
            if (!reader.next())
            {
                throw new IllegalStateException("no UDP datagram in " + capture);
            }
            // A copy of its own at offset 0: the reader's buffer is reused for the next record.
            final byte[] payload = new byte[reader.payloadLength()];
            reader.buffer().getBytes(reader.payloadOffset(), payload);
            return new UnsafeBuffer(payload);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("reading " + capture, ex);
        }
    }

    /**
     * Like the capture: pairs of Delete and New on the offer side over a dozen instruments, each level with its
     * order; then an empty message ending the event.
     */
    private static int encodeBookRefresh(final UnsafeBuffer buffer)
    {
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        int length = packetHeader(buffer, 1_028_095L, 1_536_760_535_685_381_248L);

        final MDIncrementalRefreshBook46Encoder book = new MDIncrementalRefreshBook46Encoder();
        int start = length + Mdp3PacketDecoder.MSG_SIZE_LENGTH;
        book.wrapAndApplyHeader(buffer, start, header).transactTime(1_536_760_535_644_820_404L)
            .matchEventIndicator().clear().lastQuoteMsg(true);
        final MDIncrementalRefreshBook46Encoder.NoMDEntriesEncoder entries =
            book.noMDEntriesCount(BOOK_46_MD_ENTRIES);
        for (int i = 0; i < BOOK_46_MD_ENTRIES; i++)
        {
            entries.next().mDEntryPx().mantissa(15_230_000_000_000L + 20_000_000_000L * (i & 1));
            entries.mDEntrySize(1 + (i % 3) * 9).securityID(157_660 + 1000 * (i / 2)).rptSeq(411 + i)
                .numberOfOrders(1).mDPriceLevel((short)1)
                .mDUpdateAction((i & 1) == 0 ? MDUpdateAction.Delete : MDUpdateAction.New)
                .mDEntryType(i % 5 == 4 ? MDEntryTypeBook.Bid : MDEntryTypeBook.Offer);
        }
        final int orderCount = BOOK_46_ENTRIES - BOOK_46_MD_ENTRIES;
        final MDIncrementalRefreshBook46Encoder.NoOrderIDEntriesEncoder orders =
            book.noOrderIDEntriesCount(orderCount);
        for (int i = 0; i < orderCount; i++)
        {
            orders.next().orderID(563_189_401_446L + i).mDOrderPriority(10_623_363_030L + 2L * i).mDDisplayQty(1)
                .referenceID((short)(1 + i)).orderUpdateAction(i % 3 == 0 ? OrderUpdateAction.Delete :
                OrderUpdateAction.Update);
        }
        length = finish(buffer, start, book.encodedLength());

        start = length + Mdp3PacketDecoder.MSG_SIZE_LENGTH;
        book.wrapAndApplyHeader(buffer, start, header).transactTime(1_536_760_535_644_820_404L)
            .matchEventIndicator().clear().endOfEvent(true);
        book.noMDEntriesCount(0);
        book.noOrderIDEntriesCount(0);
        return finish(buffer, start, book.encodedLength());
    }

    /**
     * Like the capture: a trade of 2 lots filling three orders, the volume, two order updates, the level, and an
     * implied level ending the event.
     */
    private static int encodeTradeEvent(final UnsafeBuffer buffer)
    {
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final long transactTime = 1_536_760_535_670_166_278L;
        final int securityId = 170_506;
        final long price = 12_952_000_000_000L;
        int length = packetHeader(buffer, 884_140L, 1_536_760_535_682_568_739L);

        int start = length + Mdp3PacketDecoder.MSG_SIZE_LENGTH;
        final MDIncrementalRefreshTradeSummary48Encoder trade = new MDIncrementalRefreshTradeSummary48Encoder();
        trade.wrapAndApplyHeader(buffer, start, header).transactTime(transactTime)
            .matchEventIndicator().clear().lastTradeMsg(true);
        final MDIncrementalRefreshTradeSummary48Encoder.NoMDEntriesEncoder trades = trade.noMDEntriesCount(1);
        trades.next().mDEntryPx().mantissa(price);
        trades.mDEntrySize(2).securityID(securityId).rptSeq(20_185L).numberOfOrders(3)
            .aggressorSide(AggressorSide.Sell).mDUpdateAction(MDUpdateAction.New).mDTradeEntryID(341_412L);
        final MDIncrementalRefreshTradeSummary48Encoder.NoOrderIDEntriesEncoder fills = trade.noOrderIDEntriesCount(3);
        fills.next().orderID(88_463_941_745L).lastQty(2);
        fills.next().orderID(88_463_939_692L).lastQty(1);
        fills.next().orderID(88_463_940_665L).lastQty(1);
        length = finish(buffer, start, trade.encodedLength());

        start = length + Mdp3PacketDecoder.MSG_SIZE_LENGTH;
        final MDIncrementalRefreshVolume37Encoder volume = new MDIncrementalRefreshVolume37Encoder();
        volume.wrapAndApplyHeader(buffer, start, header).transactTime(transactTime)
            .matchEventIndicator().clear().lastVolumeMsg(true);
        volume.noMDEntriesCount(1).next().mDEntrySize(3765).securityID(securityId).rptSeq(20_186L)
            .mDUpdateAction(MDUpdateAction.New);
        length = finish(buffer, start, volume.encodedLength());

        start = length + Mdp3PacketDecoder.MSG_SIZE_LENGTH;
        final MDIncrementalRefreshOrderBook47Encoder orderBook = new MDIncrementalRefreshOrderBook47Encoder();
        orderBook.wrapAndApplyHeader(buffer, start, header).transactTime(transactTime)
            .matchEventIndicator().clear().lastQuoteMsg(true);
        final MDIncrementalRefreshOrderBook47Encoder.NoMDEntriesEncoder orders = orderBook.noMDEntriesCount(2);
        orders.next().orderID(88_463_939_692L).mDOrderPriority(1_423_903_009L).mDEntryPx().mantissa(price);
        orders.mDDisplayQty(1).securityID(securityId).mDUpdateAction(MDUpdateAction.Delete)
            .mDEntryType(MDEntryTypeBook.Bid);
        orders.next().orderID(88_463_940_665L).mDOrderPriority(1_423_903_131L).mDEntryPx().mantissa(price);
        orders.mDDisplayQty(2).securityID(securityId).mDUpdateAction(MDUpdateAction.Change)
            .mDEntryType(MDEntryTypeBook.Bid);
        length = finish(buffer, start, orderBook.encodedLength());

        final MDIncrementalRefreshBook46Encoder book = new MDIncrementalRefreshBook46Encoder();
        start = length + Mdp3PacketDecoder.MSG_SIZE_LENGTH;
        book.wrapAndApplyHeader(buffer, start, header).transactTime(transactTime)
            .matchEventIndicator().clear().lastQuoteMsg(true);
        final MDIncrementalRefreshBook46Encoder.NoMDEntriesEncoder level = book.noMDEntriesCount(1);
        level.next().mDEntryPx().mantissa(price);
        level.mDEntrySize(3).securityID(securityId).rptSeq(20_187L).numberOfOrders(2).mDPriceLevel((short)1)
            .mDUpdateAction(MDUpdateAction.Change).mDEntryType(MDEntryTypeBook.Bid);
        book.noOrderIDEntriesCount(0);
        length = finish(buffer, start, book.encodedLength());

        start = length + Mdp3PacketDecoder.MSG_SIZE_LENGTH;
        book.wrapAndApplyHeader(buffer, start, header).transactTime(transactTime)
            .matchEventIndicator().clear().lastImpliedMsg(true).endOfEvent(true);
        final MDIncrementalRefreshBook46Encoder.NoMDEntriesEncoder implied = book.noMDEntriesCount(1);
        implied.next().mDEntryPx().mantissa(13_003_000_000_000L);
        implied.mDEntrySize(3).securityID(5893).rptSeq(19_534L).numberOfOrders(Integer.MAX_VALUE)
            .mDPriceLevel((short)1).mDUpdateAction(MDUpdateAction.Change).mDEntryType(MDEntryTypeBook.ImpliedBid);
        book.noOrderIDEntriesCount(0);
        return finish(buffer, start, book.encodedLength());
    }

    private static int packetHeader(final UnsafeBuffer buffer, final long msgSeqNum, final long sendingTime)
    {
        buffer.putInt(Mdp3PacketDecoder.MSG_SEQ_NUM_OFFSET, (int)msgSeqNum, LE);
        buffer.putLong(Mdp3PacketDecoder.SENDING_TIME_OFFSET, sendingTime, LE);
        return Mdp3PacketDecoder.PACKET_HEADER_LENGTH;
    }

    /** Write the MsgSize in front of a message encoded at {@code start}; returns the packet's length after it. */
    private static int finish(final UnsafeBuffer buffer, final int start, final int bodyLength)
    {
        final int msgSizeOffset = start - Mdp3PacketDecoder.MSG_SIZE_LENGTH;
        final int msgSize = Mdp3PacketDecoder.MSG_SIZE_LENGTH + MessageHeaderEncoder.ENCODED_LENGTH + bodyLength;
        buffer.putShort(msgSizeOffset, (short)msgSize, LE);
        return msgSizeOffset + msgSize;
    }
}
