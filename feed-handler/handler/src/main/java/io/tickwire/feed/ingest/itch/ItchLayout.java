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

/**
 * Byte offsets of the fields of ITCH 5.0 messages, from the type byte. All integers are big-endian and unsigned;
 * alphanumeric fields are left-justified and space padded. Shared by the decoder and the writer so that both read
 * and write one layout.
 */
public final class ItchLayout
{
    /** Message type, 1 byte. */
    public static final int TYPE = 0;
    /** Stock Locate, u16. */
    public static final int LOCATE = 1;
    /** Tracking Number, u16. */
    public static final int TRACKING = 3;
    /** Timestamp, u48 nanoseconds since midnight. */
    public static final int TIMESTAMP = 5;
    /** First byte after the common header. */
    public static final int BODY = 11;

    /** S: Event Code. */
    public static final int S_EVENT_CODE = 11;

    /** R: Stock. */
    public static final int R_STOCK = 11;
    /** R: Market Category. */
    public static final int R_MARKET_CATEGORY = 19;
    /** R: Financial Status Indicator. */
    public static final int R_FINANCIAL_STATUS = 20;
    /** R: Round Lot Size, u32. */
    public static final int R_ROUND_LOT_SIZE = 21;
    /** R: Round Lots Only. */
    public static final int R_ROUND_LOTS_ONLY = 25;
    /** R: Issue Classification. */
    public static final int R_ISSUE_CLASSIFICATION = 26;
    /** R: Issue Sub-Type, 2 bytes. */
    public static final int R_ISSUE_SUB_TYPE = 27;
    /** R: Authenticity. */
    public static final int R_AUTHENTICITY = 29;
    /** R: Short Sale Threshold Indicator. */
    public static final int R_SHORT_SALE_THRESHOLD = 30;
    /** R: IPO Flag. */
    public static final int R_IPO_FLAG = 31;
    /** R: LULD Reference Price Tier. */
    public static final int R_LULD_TIER = 32;
    /** R: ETP Flag. */
    public static final int R_ETP_FLAG = 33;
    /** R: ETP Leverage Factor, u32. */
    public static final int R_ETP_LEVERAGE_FACTOR = 34;
    /** R: Inverse Indicator. */
    public static final int R_INVERSE_INDICATOR = 38;

    /** H: Stock. */
    public static final int H_STOCK = 11;
    /** H: Trading State. */
    public static final int H_TRADING_STATE = 19;
    /** H: Reserved. */
    public static final int H_RESERVED = 20;
    /** H: Reason, 4 bytes. */
    public static final int H_REASON = 21;

    /** Y: Stock. */
    public static final int Y_STOCK = 11;
    /** Y: Reg SHO Action. */
    public static final int Y_ACTION = 19;

    /** L: MPID, 4 bytes. */
    public static final int L_MPID = 11;
    /** L: Stock. */
    public static final int L_STOCK = 15;
    /** L: Primary Market Maker. */
    public static final int L_PRIMARY_MARKET_MAKER = 23;
    /** L: Market Maker Mode. */
    public static final int L_MARKET_MAKER_MODE = 24;
    /** L: Market Participant State. */
    public static final int L_PARTICIPANT_STATE = 25;

    /** V: Level 1, u64 price with 8 implied decimals. */
    public static final int V_LEVEL_1 = 11;
    /** V: Level 2. */
    public static final int V_LEVEL_2 = 19;
    /** V: Level 3. */
    public static final int V_LEVEL_3 = 27;

    /** W: Breached Level. */
    public static final int W_BREACHED_LEVEL = 11;

    /** K: Stock. */
    public static final int K_STOCK = 11;
    /** K: IPO Quotation Release Time, u32 seconds since midnight. */
    public static final int K_RELEASE_TIME = 19;
    /** K: IPO Quotation Release Qualifier. */
    public static final int K_QUALIFIER = 23;
    /** K: IPO Price, u32. */
    public static final int K_IPO_PRICE = 24;

    /** J: Stock. */
    public static final int J_STOCK = 11;
    /** J: Auction Collar Reference Price, u32. */
    public static final int J_REFERENCE_PRICE = 19;
    /** J: Upper Auction Collar Price, u32. */
    public static final int J_UPPER_PRICE = 23;
    /** J: Lower Auction Collar Price, u32. */
    public static final int J_LOWER_PRICE = 27;
    /** J: Auction Collar Extension, u32. */
    public static final int J_EXTENSION = 31;

    /** h: Stock. */
    public static final int OH_STOCK = 11;
    /** h: Market Code. */
    public static final int OH_MARKET_CODE = 19;
    /** h: Operational Halt Action. */
    public static final int OH_ACTION = 20;

    /** A/F: Order Reference Number, u64. */
    public static final int A_REF = 11;
    /** A/F: Buy/Sell Indicator. */
    public static final int A_SIDE = 19;
    /** A/F: Shares, u32. */
    public static final int A_SHARES = 20;
    /** A/F: Stock. */
    public static final int A_STOCK = 24;
    /** A/F: Price, u32 with 4 implied decimals. */
    public static final int A_PRICE = 32;
    /** F: Attribution, 4 bytes. */
    public static final int F_ATTRIBUTION = 36;

    /** E/C: Order Reference Number. */
    public static final int E_REF = 11;
    /** E/C: Executed Shares, u32. */
    public static final int E_SHARES = 19;
    /** E/C: Match Number, u64. */
    public static final int E_MATCH = 23;
    /** C: Printable. */
    public static final int C_PRINTABLE = 31;
    /** C: Execution Price, u32. */
    public static final int C_PRICE = 32;

    /** X: Order Reference Number. */
    public static final int X_REF = 11;
    /** X: Cancelled Shares, u32. */
    public static final int X_SHARES = 19;

    /** D: Order Reference Number. */
    public static final int D_REF = 11;

    /** U: Original Order Reference Number. */
    public static final int U_ORIG_REF = 11;
    /** U: New Order Reference Number. */
    public static final int U_NEW_REF = 19;
    /** U: Shares, u32. */
    public static final int U_SHARES = 27;
    /** U: Price, u32. */
    public static final int U_PRICE = 31;

    /** P: Order Reference Number. */
    public static final int P_REF = 11;
    /** P: Buy/Sell Indicator. */
    public static final int P_SIDE = 19;
    /** P: Shares, u32. */
    public static final int P_SHARES = 20;
    /** P: Stock. */
    public static final int P_STOCK = 24;
    /** P: Price, u32. */
    public static final int P_PRICE = 32;
    /** P: Match Number, u64. */
    public static final int P_MATCH = 36;

    /** Q: Shares, u64. */
    public static final int Q_SHARES = 11;
    /** Q: Stock. */
    public static final int Q_STOCK = 19;
    /** Q: Cross Price, u32. */
    public static final int Q_PRICE = 27;
    /** Q: Match Number, u64. */
    public static final int Q_MATCH = 31;
    /** Q: Cross Type. */
    public static final int Q_CROSS_TYPE = 39;

    /** B: Match Number, u64. */
    public static final int B_MATCH = 11;

    /** I: Paired Shares, u64. */
    public static final int I_PAIRED_SHARES = 11;
    /** I: Imbalance Shares, u64. */
    public static final int I_IMBALANCE_SHARES = 19;
    /** I: Imbalance Direction. */
    public static final int I_DIRECTION = 27;
    /** I: Stock. */
    public static final int I_STOCK = 28;
    /** I: Far Price, u32. */
    public static final int I_FAR_PRICE = 36;
    /** I: Near Price, u32. */
    public static final int I_NEAR_PRICE = 40;
    /** I: Current Reference Price, u32. */
    public static final int I_REFERENCE_PRICE = 44;
    /** I: Cross Type. */
    public static final int I_CROSS_TYPE = 48;
    /** I: Price Variation Indicator. */
    public static final int I_PRICE_VARIATION = 49;

    /** N: Stock. */
    public static final int N_STOCK = 11;
    /** N: Interest Flag. */
    public static final int N_INTEREST_FLAG = 19;

    /** O: Stock. */
    public static final int O_STOCK = 11;
    /** O: Open Eligibility Status. */
    public static final int O_ELIGIBILITY = 19;
    /** O: Minimum Allowable Price, u32. */
    public static final int O_MIN_PRICE = 20;
    /** O: Maximum Allowable Price, u32. */
    public static final int O_MAX_PRICE = 24;
    /** O: Near Execution Price, u32. */
    public static final int O_NEAR_PRICE = 28;
    /** O: Near Execution Time, u64. */
    public static final int O_NEAR_TIME = 32;
    /** O: Lower Price Range Collar, u32. */
    public static final int O_LOWER_COLLAR = 40;
    /** O: Upper Price Range Collar, u32. */
    public static final int O_UPPER_COLLAR = 44;

    private ItchLayout()
    {
    }
}
