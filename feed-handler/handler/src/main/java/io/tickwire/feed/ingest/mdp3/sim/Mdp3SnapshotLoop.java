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
package io.tickwire.feed.ingest.mdp3.sim;

import io.tickwire.feed.ingest.mdp3.Mdp3PacketDecoder;
import io.tickwire.feed.ingest.mdp3.Mdp3Schema;
import io.tickwire.sbe.mdp3.MDEntryType;
import io.tickwire.sbe.mdp3.MDEntryTypeBook;
import io.tickwire.sbe.mdp3.MessageHeaderEncoder;
import io.tickwire.sbe.mdp3.OpenCloseSettlFlag;
import io.tickwire.sbe.mdp3.SecurityTradingStatus;
import io.tickwire.sbe.mdp3.SnapshotFullRefresh52Encoder;
import io.tickwire.sbe.mdp3.SnapshotFullRefreshOrderBook53Encoder;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The snapshot loop of a simulated channel: one SnapshotFullRefresh (52) per packet, the contracts in turn, each the
 * contract's book as the simulator holds it now, with its RptSeq and the incremental MsgSeqNum it reflects
 * (LastMsgSeqNumProcessed), as CME's market recovery feed sends them. The loop's packets have their own MsgSeqNum,
 * restarting at 1 with every pass as CME's do. Nothing is allocated per packet.
 * <p>
 * The loop of a market-by-order channel ({@code orderBooks}) sends SnapshotFullRefreshOrderBook (53) instead, as
 * CME's MBO recovery feed does: each contract's orders (bids, then offers) in chunks of at most
 * {@link #ORDERS_PER_CHUNK}, one chunk per packet, NoChunks and CurrentChunk numbering them, LastMsgSeqNumProcessed
 * the incremental packet they reflect, TotNumReports the number of contracts.
 */
public final class Mdp3SnapshotLoop
{
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private final Mdp3Simulator simulator;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final SnapshotFullRefresh52Encoder snapshot = new SnapshotFullRefresh52Encoder();
    /** Orders of one 53 message, so that a chunk fits a packet. */
    public static final int ORDERS_PER_CHUNK = 40;

    private final SnapshotFullRefreshOrderBook53Encoder orderBook = new SnapshotFullRefreshOrderBook53Encoder();
    private final boolean orderBooks;
    private final long[] copyIds = new long[Mdp3OrderFlow.SLOTS * 2];
    private final long[] copyPriorities = new long[Mdp3OrderFlow.SLOTS * 2];
    private final long[] copyPrices = new long[Mdp3OrderFlow.SLOTS * 2];
    private final int[] copyQuantities = new int[Mdp3OrderFlow.SLOTS * 2];
    private int copyBids;
    private int copyTotal;
    private long copyLast;
    private long copyTime;
    private int next;
    private int chunk;
    private int packet;

    /**
     * The snapshot loop of a simulator's channel.
     *
     * @param simulator whose books are sent.
     */
    public Mdp3SnapshotLoop(final Mdp3Simulator simulator)
    {
        this(simulator, false);
    }

    /**
     * The snapshot loop of a simulator's channel, of its price-level books (52) or of its order books (53).
     *
     * @param simulator  whose books are sent.
     * @param orderBooks true for the order books of a market-by-order simulator.
     */
    public Mdp3SnapshotLoop(final Mdp3Simulator simulator, final boolean orderBooks)
    {
        if (orderBooks && !simulator.isMarketByOrder())
        {
            throw new IllegalArgumentException("order book snapshots need a market-by-order simulator");
        }
        this.simulator = simulator;
        this.orderBooks = orderBooks;
    }

    /**
     * Write the next snapshot packet: the next contract's book as of the simulator's last incremental packet.
     *
     * @param dst    buffer with room for {@link Mdp3Simulator#MAX_PACKET} bytes from {@code offset}.
     * @param offset where the packet starts.
     * @return the packet's length.
     */
    public int next(final MutableDirectBuffer dst, final int offset)
    {
        if (orderBooks)
        {
            return nextOrderBook(dst, offset);
        }
        final int count = simulator.instrumentCount();
        final Mdp3Instrument instrument = simulator.instrument(next);
        final long sendingTime = simulator.sendingTime();
        dst.putInt(offset, next + 1, LE);
        dst.putLong(offset + 4, sendingTime, LE);
        next = (next + 1) % count;

        final int start = offset + Mdp3PacketDecoder.PACKET_HEADER_LENGTH;
        final SnapshotFullRefresh52Encoder e =
            snapshot.wrapAndApplyHeader(dst, start + Mdp3PacketDecoder.MSG_SIZE_LENGTH, header);
        e.lastMsgSeqNumProcessed(simulator.msgSeqNum()).totNumReports(count).securityID(instrument.securityId)
            .rptSeq(instrument.rptSeq).transactTime(sendingTime).lastUpdateTime(sendingTime)
            .tradeDate(Mdp3Simulator.TRADE_DATE).mDSecurityTradingStatus(SecurityTradingStatus.ReadyToTrade);
        e.highLimitPrice().mantissa(instrument.mantissa(instrument.referencePriceTicks * 107 / 100));
        e.lowLimitPrice().mantissa(instrument.mantissa(instrument.referencePriceTicks * 93 / 100));
        e.maxPriceVariation().mantissa(instrument.mantissa(instrument.referencePriceTicks / 100));
        final Mdp3BookSide bids = instrument.bids;
        final Mdp3BookSide offers = instrument.offers;
        final SnapshotFullRefresh52Encoder.NoMDEntriesEncoder entries =
            e.noMDEntriesCount(bids.count() + offers.count());
        entries(entries, instrument, bids, MDEntryType.Bid);
        entries(entries, instrument, offers, MDEntryType.Offer);

        final int msgSize = Mdp3PacketDecoder.MSG_SIZE_LENGTH + MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
        dst.putShort(start, (short)msgSize, LE);
        return Mdp3PacketDecoder.PACKET_HEADER_LENGTH + msgSize;
    }

    private int nextOrderBook(final MutableDirectBuffer dst, final int offset)
    {
        final int count = simulator.instrumentCount();
        final Mdp3Instrument instrument = simulator.instrument(next);
        if (0 == chunk)
        {
            // Every chunk of a contract is the book as of its first one, however the incrementals move on meanwhile.
            copy(instrument, simulator.orders());
        }
        final int total = copyTotal;
        final int chunks = Math.max(1, (total + ORDERS_PER_CHUNK - 1) / ORDERS_PER_CHUNK);
        final int from = chunk * ORDERS_PER_CHUNK;
        final int to = Math.min(total, from + ORDERS_PER_CHUNK);
        final long sendingTime = simulator.sendingTime();
        dst.putInt(offset, ++packet, LE);
        dst.putLong(offset + 4, sendingTime, LE);

        final int start = offset + Mdp3PacketDecoder.PACKET_HEADER_LENGTH;
        final SnapshotFullRefreshOrderBook53Encoder e =
            orderBook.wrapAndApplyHeader(dst, start + Mdp3PacketDecoder.MSG_SIZE_LENGTH, header);
        e.lastMsgSeqNumProcessed(copyLast).totNumReports(count).securityID(instrument.securityId)
            .noChunks(chunks).currentChunk(chunk + 1).transactTime(copyTime);
        final SnapshotFullRefreshOrderBook53Encoder.NoMDEntriesEncoder entries = e.noMDEntriesCount(to - from);
        for (int i = from; i < to; i++)
        {
            entries.next().orderID(copyIds[i]).mDOrderPriority(copyPriorities[i]);
            entries.mDEntryPx().mantissa(instrument.mantissa(copyPrices[i]));
            entries.mDDisplayQty(copyQuantities[i])
                .mDEntryType(i < copyBids ? MDEntryTypeBook.Bid : MDEntryTypeBook.Offer);
        }
        if (++chunk == chunks)
        {
            chunk = 0;
            next = (next + 1) % count;
            if (0 == next)
            {
                packet = 0;
            }
        }

        final int msgSize = Mdp3PacketDecoder.MSG_SIZE_LENGTH + MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
        dst.putShort(start, (short)msgSize, LE);
        return Mdp3PacketDecoder.PACKET_HEADER_LENGTH + msgSize;
    }

    private void copy(final Mdp3Instrument instrument, final Mdp3OrderFlow orders)
    {
        copyTotal = 0;
        copyBids = orders.count(instrument, true);
        for (int side = 0; side < 2; side++)
        {
            final boolean bid = 0 == side;
            for (int slot = 0; slot < orders.count(instrument, bid); slot++)
            {
                copyIds[copyTotal] = orders.orderId(instrument, bid, slot);
                copyPriorities[copyTotal] = orders.priority(instrument, bid, slot);
                copyPrices[copyTotal] = orders.priceTicks(instrument, bid, slot);
                copyQuantities[copyTotal] = orders.quantity(instrument, bid, slot);
                copyTotal++;
            }
        }
        copyLast = simulator.msgSeqNum();
        copyTime = simulator.sendingTime();
    }

    private static void entries(
        final SnapshotFullRefresh52Encoder.NoMDEntriesEncoder entries, final Mdp3Instrument instrument,
        final Mdp3BookSide side, final MDEntryType type)
    {
        for (int level = 1; level <= side.count(); level++)
        {
            entries.next().mDEntryPx().mantissa(instrument.mantissa(side.price(level)));
            entries.mDEntrySize(side.size(level)).numberOfOrders(side.orders(level)).mDPriceLevel((byte)level)
                .tradingReferenceDate(Mdp3Schema.NULL_LOCAL_MKT_DATE).openCloseSettlFlag(OpenCloseSettlFlag.NULL_VAL)
                .settlPriceType().clear();
            entries.mDEntryType(type);
        }
    }
}
