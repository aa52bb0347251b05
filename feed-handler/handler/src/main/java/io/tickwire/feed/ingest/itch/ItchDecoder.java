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
package io.tickwire.feed.ingest.itch;

import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.MessageHandler;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

import static io.tickwire.feed.ingest.itch.ItchLayout.A_PRICE;
import static io.tickwire.feed.ingest.itch.ItchLayout.A_REF;
import static io.tickwire.feed.ingest.itch.ItchLayout.A_SHARES;
import static io.tickwire.feed.ingest.itch.ItchLayout.A_SIDE;
import static io.tickwire.feed.ingest.itch.ItchLayout.A_STOCK;
import static io.tickwire.feed.ingest.itch.ItchLayout.B_MATCH;
import static io.tickwire.feed.ingest.itch.ItchLayout.C_PRICE;
import static io.tickwire.feed.ingest.itch.ItchLayout.C_PRINTABLE;
import static io.tickwire.feed.ingest.itch.ItchLayout.D_REF;
import static io.tickwire.feed.ingest.itch.ItchLayout.E_MATCH;
import static io.tickwire.feed.ingest.itch.ItchLayout.E_REF;
import static io.tickwire.feed.ingest.itch.ItchLayout.E_SHARES;
import static io.tickwire.feed.ingest.itch.ItchLayout.F_ATTRIBUTION;
import static io.tickwire.feed.ingest.itch.ItchLayout.H_REASON;
import static io.tickwire.feed.ingest.itch.ItchLayout.H_RESERVED;
import static io.tickwire.feed.ingest.itch.ItchLayout.H_STOCK;
import static io.tickwire.feed.ingest.itch.ItchLayout.H_TRADING_STATE;
import static io.tickwire.feed.ingest.itch.ItchLayout.I_CROSS_TYPE;
import static io.tickwire.feed.ingest.itch.ItchLayout.I_DIRECTION;
import static io.tickwire.feed.ingest.itch.ItchLayout.I_FAR_PRICE;
import static io.tickwire.feed.ingest.itch.ItchLayout.I_IMBALANCE_SHARES;
import static io.tickwire.feed.ingest.itch.ItchLayout.I_NEAR_PRICE;
import static io.tickwire.feed.ingest.itch.ItchLayout.I_PAIRED_SHARES;
import static io.tickwire.feed.ingest.itch.ItchLayout.I_PRICE_VARIATION;
import static io.tickwire.feed.ingest.itch.ItchLayout.I_REFERENCE_PRICE;
import static io.tickwire.feed.ingest.itch.ItchLayout.I_STOCK;
import static io.tickwire.feed.ingest.itch.ItchLayout.J_EXTENSION;
import static io.tickwire.feed.ingest.itch.ItchLayout.J_LOWER_PRICE;
import static io.tickwire.feed.ingest.itch.ItchLayout.J_REFERENCE_PRICE;
import static io.tickwire.feed.ingest.itch.ItchLayout.J_STOCK;
import static io.tickwire.feed.ingest.itch.ItchLayout.J_UPPER_PRICE;
import static io.tickwire.feed.ingest.itch.ItchLayout.K_IPO_PRICE;
import static io.tickwire.feed.ingest.itch.ItchLayout.K_QUALIFIER;
import static io.tickwire.feed.ingest.itch.ItchLayout.K_RELEASE_TIME;
import static io.tickwire.feed.ingest.itch.ItchLayout.K_STOCK;
import static io.tickwire.feed.ingest.itch.ItchLayout.LOCATE;
import static io.tickwire.feed.ingest.itch.ItchLayout.L_MARKET_MAKER_MODE;
import static io.tickwire.feed.ingest.itch.ItchLayout.L_MPID;
import static io.tickwire.feed.ingest.itch.ItchLayout.L_PARTICIPANT_STATE;
import static io.tickwire.feed.ingest.itch.ItchLayout.L_PRIMARY_MARKET_MAKER;
import static io.tickwire.feed.ingest.itch.ItchLayout.L_STOCK;
import static io.tickwire.feed.ingest.itch.ItchLayout.N_INTEREST_FLAG;
import static io.tickwire.feed.ingest.itch.ItchLayout.N_STOCK;
import static io.tickwire.feed.ingest.itch.ItchLayout.OH_ACTION;
import static io.tickwire.feed.ingest.itch.ItchLayout.OH_MARKET_CODE;
import static io.tickwire.feed.ingest.itch.ItchLayout.OH_STOCK;
import static io.tickwire.feed.ingest.itch.ItchLayout.O_ELIGIBILITY;
import static io.tickwire.feed.ingest.itch.ItchLayout.O_LOWER_COLLAR;
import static io.tickwire.feed.ingest.itch.ItchLayout.O_MAX_PRICE;
import static io.tickwire.feed.ingest.itch.ItchLayout.O_MIN_PRICE;
import static io.tickwire.feed.ingest.itch.ItchLayout.O_NEAR_PRICE;
import static io.tickwire.feed.ingest.itch.ItchLayout.O_NEAR_TIME;
import static io.tickwire.feed.ingest.itch.ItchLayout.O_STOCK;
import static io.tickwire.feed.ingest.itch.ItchLayout.O_UPPER_COLLAR;
import static io.tickwire.feed.ingest.itch.ItchLayout.P_MATCH;
import static io.tickwire.feed.ingest.itch.ItchLayout.P_PRICE;
import static io.tickwire.feed.ingest.itch.ItchLayout.P_REF;
import static io.tickwire.feed.ingest.itch.ItchLayout.P_SHARES;
import static io.tickwire.feed.ingest.itch.ItchLayout.P_SIDE;
import static io.tickwire.feed.ingest.itch.ItchLayout.P_STOCK;
import static io.tickwire.feed.ingest.itch.ItchLayout.Q_CROSS_TYPE;
import static io.tickwire.feed.ingest.itch.ItchLayout.Q_MATCH;
import static io.tickwire.feed.ingest.itch.ItchLayout.Q_PRICE;
import static io.tickwire.feed.ingest.itch.ItchLayout.Q_SHARES;
import static io.tickwire.feed.ingest.itch.ItchLayout.Q_STOCK;
import static io.tickwire.feed.ingest.itch.ItchLayout.R_AUTHENTICITY;
import static io.tickwire.feed.ingest.itch.ItchLayout.R_ETP_FLAG;
import static io.tickwire.feed.ingest.itch.ItchLayout.R_ETP_LEVERAGE_FACTOR;
import static io.tickwire.feed.ingest.itch.ItchLayout.R_FINANCIAL_STATUS;
import static io.tickwire.feed.ingest.itch.ItchLayout.R_INVERSE_INDICATOR;
import static io.tickwire.feed.ingest.itch.ItchLayout.R_IPO_FLAG;
import static io.tickwire.feed.ingest.itch.ItchLayout.R_ISSUE_CLASSIFICATION;
import static io.tickwire.feed.ingest.itch.ItchLayout.R_ISSUE_SUB_TYPE;
import static io.tickwire.feed.ingest.itch.ItchLayout.R_LULD_TIER;
import static io.tickwire.feed.ingest.itch.ItchLayout.R_MARKET_CATEGORY;
import static io.tickwire.feed.ingest.itch.ItchLayout.R_ROUND_LOTS_ONLY;
import static io.tickwire.feed.ingest.itch.ItchLayout.R_ROUND_LOT_SIZE;
import static io.tickwire.feed.ingest.itch.ItchLayout.R_SHORT_SALE_THRESHOLD;
import static io.tickwire.feed.ingest.itch.ItchLayout.R_STOCK;
import static io.tickwire.feed.ingest.itch.ItchLayout.S_EVENT_CODE;
import static io.tickwire.feed.ingest.itch.ItchLayout.TIMESTAMP;
import static io.tickwire.feed.ingest.itch.ItchLayout.TRACKING;
import static io.tickwire.feed.ingest.itch.ItchLayout.U_NEW_REF;
import static io.tickwire.feed.ingest.itch.ItchLayout.U_ORIG_REF;
import static io.tickwire.feed.ingest.itch.ItchLayout.U_PRICE;
import static io.tickwire.feed.ingest.itch.ItchLayout.U_SHARES;
import static io.tickwire.feed.ingest.itch.ItchLayout.V_LEVEL_1;
import static io.tickwire.feed.ingest.itch.ItchLayout.V_LEVEL_2;
import static io.tickwire.feed.ingest.itch.ItchLayout.V_LEVEL_3;
import static io.tickwire.feed.ingest.itch.ItchLayout.W_BREACHED_LEVEL;
import static io.tickwire.feed.ingest.itch.ItchLayout.X_REF;
import static io.tickwire.feed.ingest.itch.ItchLayout.X_SHARES;
import static io.tickwire.feed.ingest.itch.ItchLayout.Y_ACTION;
import static io.tickwire.feed.ingest.itch.ItchLayout.Y_STOCK;

/**
 * Decodes one framed ITCH 5.0 message from a {@link DirectBuffer} and calls the matching {@link ItchListener}
 * method with primitive fields. ITCH is big-endian; nothing is allocated per message.
 * <p>
 * A message whose type is unknown or whose length is not the specification's length for its type is reported to
 * the {@link MalformedInputListener} with the message's sequence number as position, and not decoded: reading
 * fields at fixed offsets from a message of the wrong length would read another message's bytes.
 */
public final class ItchDecoder implements MessageHandler
{
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    private final ItchListener listener;
    private final MalformedInputListener malformedListener;
    private final String sourceName;
    private long malformedCount;

    /**
     * Decoder for one source.
     *
     * @param listener          to receive decoded messages.
     * @param malformedListener to be told about messages that cannot be decoded.
     * @param sourceName        for error reports.
     */
    public ItchDecoder(
        final ItchListener listener, final MalformedInputListener malformedListener, final String sourceName)
    {
        this.listener = listener;
        this.malformedListener = malformedListener;
        this.sourceName = sourceName;
    }

    /**
     * Decode as a handler of a source.
     *
     * @param sequence of the message.
     * @param buffer   holding the message.
     * @param offset   of the type byte.
     * @param length   of the message.
     */
    public void onMessage(final long sequence, final DirectBuffer buffer, final int offset, final int length)
    {
        decode(sequence, buffer, offset, length);
    }

    /**
     * Number of messages reported as malformed by this decoder.
     *
     * @return count of unknown types and wrong lengths.
     */
    public long malformedCount()
    {
        return malformedCount;
    }

    /**
     * Decode one message and call the listener.
     *
     * @param sequence of the message, passed to the listener and used as the position of errors.
     * @param buffer   holding the message.
     * @param offset   of the type byte.
     * @param length   of the message as framed.
     * @return true when decoded, false when reported as malformed.
     */
    public boolean decode(final long sequence, final DirectBuffer buffer, final int offset, final int length)
    {
        final byte type = length > 0 ? buffer.getByte(offset) : 0;
        if (!ItchMessageType.isValid(type, length))
        {
            malformedCount++;
            malformedListener.onMalformed(
                ItchMessageType.check(type, length), sourceName, sequence, ItchMessageType.describe(type, length));
            return false;
        }

        final int locate = buffer.getShort(offset + LOCATE, BE) & 0xFFFF;
        final int tracking = buffer.getShort(offset + TRACKING, BE) & 0xFFFF;
        final long timestamp = timestamp(buffer, offset);
        final ItchListener l = listener;

        switch (type)
        {
            case ItchMessageType.ADD_ORDER:
                l.onAddOrder(sequence, locate, tracking, timestamp, buffer.getLong(offset + A_REF, BE),
                    buffer.getByte(offset + A_SIDE), u32(buffer, offset + A_SHARES),
                    buffer.getLong(offset + A_STOCK, BE), u32(buffer, offset + A_PRICE), 0);
                break;

            case ItchMessageType.ADD_ORDER_MPID:
                l.onAddOrder(sequence, locate, tracking, timestamp, buffer.getLong(offset + A_REF, BE),
                    buffer.getByte(offset + A_SIDE), u32(buffer, offset + A_SHARES),
                    buffer.getLong(offset + A_STOCK, BE), u32(buffer, offset + A_PRICE),
                    buffer.getInt(offset + F_ATTRIBUTION, BE));
                break;

            case ItchMessageType.ORDER_DELETE:
                l.onOrderDelete(sequence, locate, tracking, timestamp, buffer.getLong(offset + D_REF, BE));
                break;

            case ItchMessageType.ORDER_REPLACE:
                l.onOrderReplace(sequence, locate, tracking, timestamp, buffer.getLong(offset + U_ORIG_REF, BE),
                    buffer.getLong(offset + U_NEW_REF, BE), u32(buffer, offset + U_SHARES),
                    u32(buffer, offset + U_PRICE));
                break;

            case ItchMessageType.ORDER_EXECUTED:
                l.onOrderExecuted(sequence, locate, tracking, timestamp, buffer.getLong(offset + E_REF, BE),
                    u32(buffer, offset + E_SHARES), buffer.getLong(offset + E_MATCH, BE));
                break;

            case ItchMessageType.ORDER_EXECUTED_WITH_PRICE:
                l.onOrderExecutedWithPrice(sequence, locate, tracking, timestamp,
                    buffer.getLong(offset + E_REF, BE), u32(buffer, offset + E_SHARES),
                    buffer.getLong(offset + E_MATCH, BE), buffer.getByte(offset + C_PRINTABLE),
                    u32(buffer, offset + C_PRICE));
                break;

            case ItchMessageType.ORDER_CANCEL:
                l.onOrderCancel(sequence, locate, tracking, timestamp, buffer.getLong(offset + X_REF, BE),
                    u32(buffer, offset + X_SHARES));
                break;

            case ItchMessageType.TRADE:
                l.onTrade(sequence, locate, tracking, timestamp, buffer.getLong(offset + P_REF, BE),
                    buffer.getByte(offset + P_SIDE), u32(buffer, offset + P_SHARES),
                    buffer.getLong(offset + P_STOCK, BE), u32(buffer, offset + P_PRICE),
                    buffer.getLong(offset + P_MATCH, BE));
                break;

            case ItchMessageType.CROSS_TRADE:
                l.onCrossTrade(sequence, locate, tracking, timestamp, buffer.getLong(offset + Q_SHARES, BE),
                    buffer.getLong(offset + Q_STOCK, BE), u32(buffer, offset + Q_PRICE),
                    buffer.getLong(offset + Q_MATCH, BE), buffer.getByte(offset + Q_CROSS_TYPE));
                break;

            case ItchMessageType.BROKEN_TRADE:
                l.onBrokenTrade(sequence, locate, tracking, timestamp, buffer.getLong(offset + B_MATCH, BE));
                break;

            case ItchMessageType.SYSTEM_EVENT:
                l.onSystemEvent(sequence, locate, tracking, timestamp, buffer.getByte(offset + S_EVENT_CODE));
                break;

            case ItchMessageType.STOCK_DIRECTORY:
                l.onStockDirectory(sequence, locate, tracking, timestamp, buffer.getLong(offset + R_STOCK, BE),
                    buffer.getByte(offset + R_MARKET_CATEGORY), buffer.getByte(offset + R_FINANCIAL_STATUS),
                    u32(buffer, offset + R_ROUND_LOT_SIZE), buffer.getByte(offset + R_ROUND_LOTS_ONLY),
                    buffer.getByte(offset + R_ISSUE_CLASSIFICATION), buffer.getShort(offset + R_ISSUE_SUB_TYPE, BE),
                    buffer.getByte(offset + R_AUTHENTICITY), buffer.getByte(offset + R_SHORT_SALE_THRESHOLD),
                    buffer.getByte(offset + R_IPO_FLAG), buffer.getByte(offset + R_LULD_TIER),
                    buffer.getByte(offset + R_ETP_FLAG), u32(buffer, offset + R_ETP_LEVERAGE_FACTOR),
                    buffer.getByte(offset + R_INVERSE_INDICATOR));
                break;

            case ItchMessageType.STOCK_TRADING_ACTION:
                l.onStockTradingAction(sequence, locate, tracking, timestamp, buffer.getLong(offset + H_STOCK, BE),
                    buffer.getByte(offset + H_TRADING_STATE), buffer.getByte(offset + H_RESERVED),
                    buffer.getInt(offset + H_REASON, BE));
                break;

            case ItchMessageType.REG_SHO_RESTRICTION:
                l.onRegShoRestriction(sequence, locate, tracking, timestamp, buffer.getLong(offset + Y_STOCK, BE),
                    buffer.getByte(offset + Y_ACTION));
                break;

            case ItchMessageType.MARKET_PARTICIPANT_POSITION:
                l.onMarketParticipantPosition(sequence, locate, tracking, timestamp,
                    buffer.getInt(offset + L_MPID, BE), buffer.getLong(offset + L_STOCK, BE),
                    buffer.getByte(offset + L_PRIMARY_MARKET_MAKER), buffer.getByte(offset + L_MARKET_MAKER_MODE),
                    buffer.getByte(offset + L_PARTICIPANT_STATE));
                break;

            case ItchMessageType.MWCB_DECLINE_LEVEL:
                l.onMwcbDeclineLevel(sequence, locate, tracking, timestamp, buffer.getLong(offset + V_LEVEL_1, BE),
                    buffer.getLong(offset + V_LEVEL_2, BE), buffer.getLong(offset + V_LEVEL_3, BE));
                break;

            case ItchMessageType.MWCB_STATUS:
                l.onMwcbStatus(sequence, locate, tracking, timestamp, buffer.getByte(offset + W_BREACHED_LEVEL));
                break;

            case ItchMessageType.IPO_QUOTING_PERIOD_UPDATE:
                l.onIpoQuotingPeriodUpdate(sequence, locate, tracking, timestamp,
                    buffer.getLong(offset + K_STOCK, BE), u32(buffer, offset + K_RELEASE_TIME),
                    buffer.getByte(offset + K_QUALIFIER), u32(buffer, offset + K_IPO_PRICE));
                break;

            case ItchMessageType.LULD_AUCTION_COLLAR:
                l.onLuldAuctionCollar(sequence, locate, tracking, timestamp, buffer.getLong(offset + J_STOCK, BE),
                    u32(buffer, offset + J_REFERENCE_PRICE), u32(buffer, offset + J_UPPER_PRICE),
                    u32(buffer, offset + J_LOWER_PRICE), u32(buffer, offset + J_EXTENSION));
                break;

            case ItchMessageType.OPERATIONAL_HALT:
                l.onOperationalHalt(sequence, locate, tracking, timestamp, buffer.getLong(offset + OH_STOCK, BE),
                    buffer.getByte(offset + OH_MARKET_CODE), buffer.getByte(offset + OH_ACTION));
                break;

            case ItchMessageType.NOII:
                l.onNoii(sequence, locate, tracking, timestamp, buffer.getLong(offset + I_PAIRED_SHARES, BE),
                    buffer.getLong(offset + I_IMBALANCE_SHARES, BE), buffer.getByte(offset + I_DIRECTION),
                    buffer.getLong(offset + I_STOCK, BE), u32(buffer, offset + I_FAR_PRICE),
                    u32(buffer, offset + I_NEAR_PRICE), u32(buffer, offset + I_REFERENCE_PRICE),
                    buffer.getByte(offset + I_CROSS_TYPE), buffer.getByte(offset + I_PRICE_VARIATION));
                break;

            case ItchMessageType.RETAIL_INTEREST:
                l.onRetailInterest(sequence, locate, tracking, timestamp, buffer.getLong(offset + N_STOCK, BE),
                    buffer.getByte(offset + N_INTEREST_FLAG));
                break;

            case ItchMessageType.DIRECT_LISTING_CAPITAL_RAISE:
                l.onDirectListingCapitalRaise(sequence, locate, tracking, timestamp,
                    buffer.getLong(offset + O_STOCK, BE), buffer.getByte(offset + O_ELIGIBILITY),
                    u32(buffer, offset + O_MIN_PRICE), u32(buffer, offset + O_MAX_PRICE),
                    u32(buffer, offset + O_NEAR_PRICE), buffer.getLong(offset + O_NEAR_TIME, BE),
                    u32(buffer, offset + O_LOWER_COLLAR), u32(buffer, offset + O_UPPER_COLLAR));
                break;

            default:
                // Unreachable: isValid accepted only the 23 known types.
                return false;
        }

        return true;
    }

    /**
     * The 6-byte big-endian ITCH timestamp of a message.
     *
     * @param buffer holding the message.
     * @param offset of the type byte.
     * @return nanoseconds since midnight.
     */
    public static long timestamp(final DirectBuffer buffer, final int offset)
    {
        return ((long)(buffer.getShort(offset + TIMESTAMP, BE) & 0xFFFF) << 32) |
            (buffer.getInt(offset + TIMESTAMP + 2, BE) & 0xFFFF_FFFFL);
    }

    private static long u32(final DirectBuffer buffer, final int index)
    {
        return buffer.getInt(index, BE) & 0xFFFF_FFFFL;
    }
}
