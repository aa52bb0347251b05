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

import org.agrona.MutableDirectBuffer;

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
import static io.tickwire.feed.ingest.itch.ItchLayout.LOCATE;
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
import static io.tickwire.feed.ingest.itch.ItchLayout.TYPE;
import static io.tickwire.feed.ingest.itch.ItchLayout.U_NEW_REF;
import static io.tickwire.feed.ingest.itch.ItchLayout.U_ORIG_REF;
import static io.tickwire.feed.ingest.itch.ItchLayout.U_PRICE;
import static io.tickwire.feed.ingest.itch.ItchLayout.U_SHARES;
import static io.tickwire.feed.ingest.itch.ItchLayout.X_REF;
import static io.tickwire.feed.ingest.itch.ItchLayout.X_SHARES;

/**
 * Writes ITCH 5.0 messages (without framing) into a buffer, big-endian, for the venue simulator and tests.
 * Each method returns the length written. Covers the types the simulator produces.
 */
public final class ItchMessageWriter
{
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    private ItchMessageWriter()
    {
    }

    /**
     * System Event (S).
     *
     * @param dst       buffer to write into.
     * @param offset    of the type byte.
     * @param timestamp nanoseconds since midnight.
     * @param eventCode event code.
     * @return length written.
     */
    public static int systemEvent(
        final MutableDirectBuffer dst, final int offset, final long timestamp, final byte eventCode)
    {
        header(dst, offset, ItchMessageType.SYSTEM_EVENT, 0, 0, timestamp);
        dst.putByte(offset + S_EVENT_CODE, eventCode);
        return 12;
    }

    /**
     * Stock Directory (R) of a common stock on NASDAQ Global Select, normal status, no ETP.
     *
     * @param dst          buffer to write into.
     * @param offset       of the type byte.
     * @param locate       Stock Locate.
     * @param timestamp    nanoseconds since midnight.
     * @param stock        packed symbol.
     * @param roundLotSize Round Lot Size.
     * @return length written.
     */
    public static int stockDirectory(
        final MutableDirectBuffer dst, final int offset, final int locate, final long timestamp, final long stock,
        final int roundLotSize)
    {
        header(dst, offset, ItchMessageType.STOCK_DIRECTORY, locate, 0, timestamp);
        dst.putLong(offset + R_STOCK, stock, BE);
        dst.putByte(offset + R_MARKET_CATEGORY, (byte)'Q');
        dst.putByte(offset + R_FINANCIAL_STATUS, (byte)'N');
        dst.putInt(offset + R_ROUND_LOT_SIZE, roundLotSize, BE);
        dst.putByte(offset + R_ROUND_LOTS_ONLY, (byte)'N');
        dst.putByte(offset + R_ISSUE_CLASSIFICATION, (byte)'C');
        dst.putByte(offset + R_ISSUE_SUB_TYPE, (byte)'Z');
        dst.putByte(offset + R_ISSUE_SUB_TYPE + 1, (byte)' ');
        dst.putByte(offset + R_AUTHENTICITY, (byte)'P');
        dst.putByte(offset + R_SHORT_SALE_THRESHOLD, (byte)'N');
        dst.putByte(offset + R_IPO_FLAG, (byte)'N');
        dst.putByte(offset + R_LULD_TIER, (byte)'1');
        dst.putByte(offset + R_ETP_FLAG, (byte)'N');
        dst.putInt(offset + R_ETP_LEVERAGE_FACTOR, 0, BE);
        dst.putByte(offset + R_INVERSE_INDICATOR, (byte)'N');
        return 39;
    }

    /**
     * Stock Trading Action (H).
     *
     * @param dst          buffer to write into.
     * @param offset       of the type byte.
     * @param locate       Stock Locate.
     * @param timestamp    nanoseconds since midnight.
     * @param stock        packed symbol.
     * @param tradingState H, P, Q or T.
     * @param reason       packed 4-character reason.
     * @return length written.
     */
    public static int stockTradingAction(
        final MutableDirectBuffer dst, final int offset, final int locate, final long timestamp, final long stock,
        final byte tradingState, final int reason)
    {
        header(dst, offset, ItchMessageType.STOCK_TRADING_ACTION, locate, 0, timestamp);
        dst.putLong(offset + H_STOCK, stock, BE);
        dst.putByte(offset + H_TRADING_STATE, tradingState);
        dst.putByte(offset + H_RESERVED, (byte)' ');
        dst.putInt(offset + H_REASON, reason, BE);
        return 25;
    }

    /**
     * Add Order (A) when attribution is 0, else Add Order with MPID (F).
     *
     * @param dst         buffer to write into.
     * @param offset      of the type byte.
     * @param locate      Stock Locate.
     * @param timestamp   nanoseconds since midnight.
     * @param ref         Order Reference Number.
     * @param side        B or S.
     * @param shares      Shares.
     * @param stock       packed symbol.
     * @param price       Price, 4 implied decimals.
     * @param attribution packed MPID, or 0 for an A message.
     * @return length written.
     */
    public static int addOrder(
        final MutableDirectBuffer dst, final int offset, final int locate, final long timestamp, final long ref,
        final byte side, final long shares, final long stock, final long price, final int attribution)
    {
        final boolean attributed = attribution != 0;
        header(dst, offset, attributed ? ItchMessageType.ADD_ORDER_MPID : ItchMessageType.ADD_ORDER, locate, 0,
            timestamp);
        dst.putLong(offset + A_REF, ref, BE);
        dst.putByte(offset + A_SIDE, side);
        dst.putInt(offset + A_SHARES, (int)shares, BE);
        dst.putLong(offset + A_STOCK, stock, BE);
        dst.putInt(offset + A_PRICE, (int)price, BE);
        if (attributed)
        {
            dst.putInt(offset + F_ATTRIBUTION, attribution, BE);
            return 40;
        }

        return 36;
    }

    /**
     * Order Executed (E).
     *
     * @param dst       buffer to write into.
     * @param offset    of the type byte.
     * @param locate    Stock Locate.
     * @param timestamp nanoseconds since midnight.
     * @param ref       Order Reference Number.
     * @param shares    Executed Shares.
     * @param match     Match Number.
     * @return length written.
     */
    public static int orderExecuted(
        final MutableDirectBuffer dst, final int offset, final int locate, final long timestamp, final long ref,
        final long shares, final long match)
    {
        header(dst, offset, ItchMessageType.ORDER_EXECUTED, locate, 0, timestamp);
        dst.putLong(offset + E_REF, ref, BE);
        dst.putInt(offset + E_SHARES, (int)shares, BE);
        dst.putLong(offset + E_MATCH, match, BE);
        return 31;
    }

    /**
     * Order Executed With Price (C).
     *
     * @param dst       buffer to write into.
     * @param offset    of the type byte.
     * @param locate    Stock Locate.
     * @param timestamp nanoseconds since midnight.
     * @param ref       Order Reference Number.
     * @param shares    Executed Shares.
     * @param match     Match Number.
     * @param printable Y or N.
     * @param price     Execution Price.
     * @return length written.
     */
    public static int orderExecutedWithPrice(
        final MutableDirectBuffer dst, final int offset, final int locate, final long timestamp, final long ref,
        final long shares, final long match, final byte printable, final long price)
    {
        header(dst, offset, ItchMessageType.ORDER_EXECUTED_WITH_PRICE, locate, 0, timestamp);
        dst.putLong(offset + E_REF, ref, BE);
        dst.putInt(offset + E_SHARES, (int)shares, BE);
        dst.putLong(offset + E_MATCH, match, BE);
        dst.putByte(offset + C_PRINTABLE, printable);
        dst.putInt(offset + C_PRICE, (int)price, BE);
        return 36;
    }

    /**
     * Order Cancel (X).
     *
     * @param dst       buffer to write into.
     * @param offset    of the type byte.
     * @param locate    Stock Locate.
     * @param timestamp nanoseconds since midnight.
     * @param ref       Order Reference Number.
     * @param shares    Cancelled Shares.
     * @return length written.
     */
    public static int orderCancel(
        final MutableDirectBuffer dst, final int offset, final int locate, final long timestamp, final long ref,
        final long shares)
    {
        header(dst, offset, ItchMessageType.ORDER_CANCEL, locate, 0, timestamp);
        dst.putLong(offset + X_REF, ref, BE);
        dst.putInt(offset + X_SHARES, (int)shares, BE);
        return 23;
    }

    /**
     * Order Delete (D).
     *
     * @param dst       buffer to write into.
     * @param offset    of the type byte.
     * @param locate    Stock Locate.
     * @param timestamp nanoseconds since midnight.
     * @param ref       Order Reference Number.
     * @return length written.
     */
    public static int orderDelete(
        final MutableDirectBuffer dst, final int offset, final int locate, final long timestamp, final long ref)
    {
        header(dst, offset, ItchMessageType.ORDER_DELETE, locate, 0, timestamp);
        dst.putLong(offset + D_REF, ref, BE);
        return 19;
    }

    /**
     * Order Replace (U).
     *
     * @param dst       buffer to write into.
     * @param offset    of the type byte.
     * @param locate    Stock Locate.
     * @param timestamp nanoseconds since midnight.
     * @param origRef   Original Order Reference Number.
     * @param newRef    New Order Reference Number.
     * @param shares    Shares.
     * @param price     Price.
     * @return length written.
     */
    public static int orderReplace(
        final MutableDirectBuffer dst, final int offset, final int locate, final long timestamp, final long origRef,
        final long newRef, final long shares, final long price)
    {
        header(dst, offset, ItchMessageType.ORDER_REPLACE, locate, 0, timestamp);
        dst.putLong(offset + U_ORIG_REF, origRef, BE);
        dst.putLong(offset + U_NEW_REF, newRef, BE);
        dst.putInt(offset + U_SHARES, (int)shares, BE);
        dst.putInt(offset + U_PRICE, (int)price, BE);
        return 35;
    }

    /**
     * Trade, non-cross (P).
     *
     * @param dst       buffer to write into.
     * @param offset    of the type byte.
     * @param locate    Stock Locate.
     * @param timestamp nanoseconds since midnight.
     * @param ref       Order Reference Number (0 for a non-displayed order).
     * @param side      B or S.
     * @param shares    Shares.
     * @param stock     packed symbol.
     * @param price     Price.
     * @param match     Match Number.
     * @return length written.
     */
    public static int trade(
        final MutableDirectBuffer dst, final int offset, final int locate, final long timestamp, final long ref,
        final byte side, final long shares, final long stock, final long price, final long match)
    {
        header(dst, offset, ItchMessageType.TRADE, locate, 0, timestamp);
        dst.putLong(offset + P_REF, ref, BE);
        dst.putByte(offset + P_SIDE, side);
        dst.putInt(offset + P_SHARES, (int)shares, BE);
        dst.putLong(offset + P_STOCK, stock, BE);
        dst.putInt(offset + P_PRICE, (int)price, BE);
        dst.putLong(offset + P_MATCH, match, BE);
        return 44;
    }

    /**
     * Cross Trade (Q).
     *
     * @param dst       buffer to write into.
     * @param offset    of the type byte.
     * @param locate    Stock Locate.
     * @param timestamp nanoseconds since midnight.
     * @param shares    Shares.
     * @param stock     packed symbol.
     * @param price     Cross Price.
     * @param match     Match Number.
     * @param crossType O, C, H or I.
     * @return length written.
     */
    public static int crossTrade(
        final MutableDirectBuffer dst, final int offset, final int locate, final long timestamp, final long shares,
        final long stock, final long price, final long match, final byte crossType)
    {
        header(dst, offset, ItchMessageType.CROSS_TRADE, locate, 0, timestamp);
        dst.putLong(offset + Q_SHARES, shares, BE);
        dst.putLong(offset + Q_STOCK, stock, BE);
        dst.putInt(offset + Q_PRICE, (int)price, BE);
        dst.putLong(offset + Q_MATCH, match, BE);
        dst.putByte(offset + Q_CROSS_TYPE, crossType);
        return 40;
    }

    /**
     * Broken Trade (B).
     *
     * @param dst       buffer to write into.
     * @param offset    of the type byte.
     * @param locate    Stock Locate.
     * @param timestamp nanoseconds since midnight.
     * @param match     Match Number.
     * @return length written.
     */
    public static int brokenTrade(
        final MutableDirectBuffer dst, final int offset, final int locate, final long timestamp, final long match)
    {
        header(dst, offset, ItchMessageType.BROKEN_TRADE, locate, 0, timestamp);
        dst.putLong(offset + B_MATCH, match, BE);
        return 19;
    }

    /**
     * The common header: type, Stock Locate, Tracking Number and 6-byte timestamp.
     *
     * @param dst       buffer to write into.
     * @param offset    of the type byte.
     * @param type      message type.
     * @param locate    Stock Locate.
     * @param tracking  Tracking Number.
     * @param timestamp nanoseconds since midnight, below 2^48.
     */
    public static void header(
        final MutableDirectBuffer dst, final int offset, final byte type, final int locate, final int tracking,
        final long timestamp)
    {
        dst.putByte(offset + TYPE, type);
        dst.putShort(offset + LOCATE, (short)locate, BE);
        dst.putShort(offset + TRACKING, (short)tracking, BE);
        dst.putShort(offset + TIMESTAMP, (short)(timestamp >>> 32), BE);
        dst.putInt(offset + TIMESTAMP + 2, (int)timestamp, BE);
    }
}
