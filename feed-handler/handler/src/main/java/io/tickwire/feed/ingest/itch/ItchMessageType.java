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

import io.tickwire.feed.ingest.MalformedReason;

/**
 * The 23 NASDAQ TotalView-ITCH 5.0 message types: type byte, exact length and name.
 * <p>
 * Lookups are table-driven (an array indexed by the type byte) so that validating a framed message costs one
 * array load on the hot path. Lengths include the type byte, as in the specification.
 */
public final class ItchMessageType
{
    /** System Event. */
    public static final byte SYSTEM_EVENT = 'S';
    /** Stock Directory. */
    public static final byte STOCK_DIRECTORY = 'R';
    /** Stock Trading Action. */
    public static final byte STOCK_TRADING_ACTION = 'H';
    /** Reg SHO Short Sale Price Test Restricted Indicator. */
    public static final byte REG_SHO_RESTRICTION = 'Y';
    /** Market Participant Position. */
    public static final byte MARKET_PARTICIPANT_POSITION = 'L';
    /** MWCB Decline Level. */
    public static final byte MWCB_DECLINE_LEVEL = 'V';
    /** MWCB Status. */
    public static final byte MWCB_STATUS = 'W';
    /** IPO Quoting Period Update. */
    public static final byte IPO_QUOTING_PERIOD_UPDATE = 'K';
    /** LULD Auction Collar. */
    public static final byte LULD_AUCTION_COLLAR = 'J';
    /** Operational Halt. */
    public static final byte OPERATIONAL_HALT = 'h';
    /** Add Order, no MPID attribution. */
    public static final byte ADD_ORDER = 'A';
    /** Add Order with MPID attribution. */
    public static final byte ADD_ORDER_MPID = 'F';
    /** Order Executed. */
    public static final byte ORDER_EXECUTED = 'E';
    /** Order Executed With Price. */
    public static final byte ORDER_EXECUTED_WITH_PRICE = 'C';
    /** Order Cancel (partial). */
    public static final byte ORDER_CANCEL = 'X';
    /** Order Delete. */
    public static final byte ORDER_DELETE = 'D';
    /** Order Replace. */
    public static final byte ORDER_REPLACE = 'U';
    /** Trade (non-cross). */
    public static final byte TRADE = 'P';
    /** Cross Trade. */
    public static final byte CROSS_TRADE = 'Q';
    /** Broken Trade. */
    public static final byte BROKEN_TRADE = 'B';
    /** Net Order Imbalance Indicator (NOII). */
    public static final byte NOII = 'I';
    /** Retail Price Improvement Indicator (RPII). */
    public static final byte RETAIL_INTEREST = 'N';
    /** Direct Listing with Capital Raise Price Discovery. */
    public static final byte DIRECT_LISTING_CAPITAL_RAISE = 'O';

    /** Length of the longest ITCH 5.0 message (NOII). */
    public static final int MAX_LENGTH = 50;

    /** Every type byte, in the order of the specification. */
    private static final byte[] TYPES = {
        SYSTEM_EVENT, STOCK_DIRECTORY, STOCK_TRADING_ACTION, REG_SHO_RESTRICTION, MARKET_PARTICIPANT_POSITION,
        MWCB_DECLINE_LEVEL, MWCB_STATUS, IPO_QUOTING_PERIOD_UPDATE, LULD_AUCTION_COLLAR, OPERATIONAL_HALT,
        ADD_ORDER, ADD_ORDER_MPID, ORDER_EXECUTED, ORDER_EXECUTED_WITH_PRICE, ORDER_CANCEL, ORDER_DELETE,
        ORDER_REPLACE, TRADE, CROSS_TRADE, BROKEN_TRADE, NOII, RETAIL_INTEREST, DIRECT_LISTING_CAPITAL_RAISE,
    };

    private static final int[] LENGTHS = {
        12, 39, 25, 20, 26, 35, 12, 28, 35, 21, 36, 40, 31, 36, 23, 19, 35, 44, 40, 19, 50, 20, 48,
    };

    private static final String[] NAMES = {
        "System Event", "Stock Directory", "Stock Trading Action", "Reg SHO Restriction",
        "Market Participant Position", "MWCB Decline Level", "MWCB Status", "IPO Quoting Period Update",
        "LULD Auction Collar", "Operational Halt", "Add Order", "Add Order with MPID", "Order Executed",
        "Order Executed With Price", "Order Cancel", "Order Delete", "Order Replace", "Trade", "Cross Trade",
        "Broken Trade", "NOII", "Retail Interest", "Direct Listing with Capital Raise",
    };

    private static final int[] LENGTH_BY_TYPE = new int[256];
    private static final String[] NAME_BY_TYPE = new String[256];

    static
    {
        java.util.Arrays.fill(LENGTH_BY_TYPE, -1);
        for (int i = 0; i < TYPES.length; i++)
        {
            LENGTH_BY_TYPE[TYPES[i] & 0xFF] = LENGTHS[i];
            NAME_BY_TYPE[TYPES[i] & 0xFF] = NAMES[i];
        }
    }

    private ItchMessageType()
    {
    }

    /**
     * The ITCH 5.0 length of a message type, type byte included.
     *
     * @param type byte of the message.
     * @return the exact length, or -1 when the byte is not an ITCH 5.0 type.
     */
    public static int length(final byte type)
    {
        return LENGTH_BY_TYPE[type & 0xFF];
    }

    /**
     * Is the byte one of the 23 ITCH 5.0 message types?
     *
     * @param type byte of the message.
     * @return true when known.
     */
    public static boolean isKnown(final byte type)
    {
        return LENGTH_BY_TYPE[type & 0xFF] > 0;
    }

    /**
     * Does a framed message have the type and length the specification requires?
     *
     * @param type   byte of the message.
     * @param length of the message as framed.
     * @return true when the type is known and the length is exactly its ITCH 5.0 length.
     */
    public static boolean isValid(final byte type, final int length)
    {
        return LENGTH_BY_TYPE[type & 0xFF] == length;
    }

    /**
     * Why a framed message is not valid, or null when it is.
     *
     * @param type   byte of the message (ignored when length is 0).
     * @param length of the message as framed.
     * @return the reason, or null when valid.
     */
    public static MalformedReason check(final byte type, final int length)
    {
        if (length <= 0)
        {
            return MalformedReason.EMPTY_MESSAGE;
        }
        final int expected = LENGTH_BY_TYPE[type & 0xFF];
        if (expected < 0)
        {
            return MalformedReason.UNKNOWN_TYPE;
        }

        return expected == length ? null : MalformedReason.WRONG_LENGTH_FOR_TYPE;
    }

    /**
     * A human-readable description of why a framed message is not valid, for error reports.
     *
     * @param type   byte of the message.
     * @param length of the message as framed.
     * @return e.g. "type 'A' length 35, expected 36".
     */
    public static String describe(final byte type, final int length)
    {
        if (length <= 0)
        {
            return "zero-length message";
        }
        final int expected = LENGTH_BY_TYPE[type & 0xFF];
        if (expected < 0)
        {
            return "unknown type " + printable(type) + " length " + length;
        }

        return "type " + printable(type) + " length " + length + ", expected " + expected;
    }

    /**
     * Name of a message type as the specification gives it.
     *
     * @param type byte of the message.
     * @return the name, or null when the byte is not an ITCH 5.0 type.
     */
    public static String name(final byte type)
    {
        return NAME_BY_TYPE[type & 0xFF];
    }

    /**
     * All 23 type bytes in specification order.
     *
     * @return a fresh copy of the type bytes.
     */
    public static byte[] types()
    {
        return TYPES.clone();
    }

    /**
     * A type byte as a quoted character when printable, else in hex.
     *
     * @param type byte to show.
     * @return e.g. {@code 'A'} or {@code 0x07}.
     */
    public static String printable(final byte type)
    {
        return type >= 0x21 && type < 0x7F ? "'" + (char)type + "'" : String.format("0x%02x", type & 0xFF);
    }
}
