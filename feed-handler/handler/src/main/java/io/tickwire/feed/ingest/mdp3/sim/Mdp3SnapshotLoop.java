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
import io.tickwire.sbe.mdp3.MessageHeaderEncoder;
import io.tickwire.sbe.mdp3.OpenCloseSettlFlag;
import io.tickwire.sbe.mdp3.SecurityTradingStatus;
import io.tickwire.sbe.mdp3.SnapshotFullRefresh52Encoder;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The snapshot loop of a simulated channel: one SnapshotFullRefresh (52) per packet, the contracts in turn, each the
 * contract's book as the simulator holds it now, with its RptSeq and the incremental MsgSeqNum it reflects
 * (LastMsgSeqNumProcessed), as CME's market recovery feed sends them. The loop's packets have their own MsgSeqNum,
 * restarting at 1 with every pass as CME's do. Nothing is allocated per packet.
 */
public final class Mdp3SnapshotLoop
{
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private final Mdp3Simulator simulator;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final SnapshotFullRefresh52Encoder snapshot = new SnapshotFullRefresh52Encoder();
    private int next;

    /**
     * The snapshot loop of a simulator's channel.
     *
     * @param simulator whose books are sent.
     */
    public Mdp3SnapshotLoop(final Mdp3Simulator simulator)
    {
        this.simulator = simulator;
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
