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
 * Typed callbacks for decoded ITCH 5.0 messages, one method per message type, primitive fields only.
 * <p>
 * Every method gets the message's {@code sequence} (as its source numbered it), {@code locate} (Stock Locate),
 * {@code tracking} (Tracking Number) and {@code timestamp} (nanoseconds since midnight). Unsigned 32-bit fields are
 * passed as {@code long}. Alphanumeric fields are passed packed: an 8-byte {@code stock} as a {@code long} and a
 * 4-byte MPID or reason as an {@code int}, the first character in the most significant byte (see {@link ItchText}).
 * Prices keep the specification's implied decimals (4 for stock prices, 8 for MWCB levels).
 * <p>
 * All methods default to doing nothing, so a listener implements only the types it cares about.
 */
public interface ItchListener
{
    /**
     * System Event (S).
     *
     * @param sequence  of the message.
     * @param locate    Stock Locate (always 0).
     * @param tracking  Tracking Number.
     * @param timestamp nanoseconds since midnight.
     * @param eventCode O, S, Q, M, E or C.
     */
    default void onSystemEvent(
        final long sequence, final int locate, final int tracking, final long timestamp, final byte eventCode)
    {
    }

    /**
     * Stock Directory (R).
     *
     * @param sequence              of the message.
     * @param locate                Stock Locate.
     * @param tracking              Tracking Number.
     * @param timestamp             nanoseconds since midnight.
     * @param stock                 packed 8-character symbol.
     * @param marketCategory        Market Category.
     * @param financialStatus       Financial Status Indicator.
     * @param roundLotSize          Round Lot Size.
     * @param roundLotsOnly         Round Lots Only.
     * @param issueClassification   Issue Classification.
     * @param issueSubType          packed 2-character Issue Sub-Type.
     * @param authenticity          Authenticity.
     * @param shortSaleThreshold    Short Sale Threshold Indicator.
     * @param ipoFlag               IPO Flag.
     * @param luldTier              LULD Reference Price Tier.
     * @param etpFlag               ETP Flag.
     * @param etpLeverageFactor     ETP Leverage Factor.
     * @param inverseIndicator      Inverse Indicator.
     */
    default void onStockDirectory(
        final long sequence, final int locate, final int tracking, final long timestamp, final long stock,
        final byte marketCategory, final byte financialStatus, final long roundLotSize, final byte roundLotsOnly,
        final byte issueClassification, final short issueSubType, final byte authenticity,
        final byte shortSaleThreshold, final byte ipoFlag, final byte luldTier, final byte etpFlag,
        final long etpLeverageFactor, final byte inverseIndicator)
    {
    }

    /**
     * Stock Trading Action (H).
     *
     * @param sequence     of the message.
     * @param locate       Stock Locate.
     * @param tracking     Tracking Number.
     * @param timestamp    nanoseconds since midnight.
     * @param stock        packed symbol.
     * @param tradingState H, P, Q or T.
     * @param reserved     Reserved.
     * @param reason       packed 4-character reason.
     */
    default void onStockTradingAction(
        final long sequence, final int locate, final int tracking, final long timestamp, final long stock,
        final byte tradingState, final byte reserved, final int reason)
    {
    }

    /**
     * Reg SHO Short Sale Price Test Restricted Indicator (Y).
     *
     * @param sequence  of the message.
     * @param locate    Stock Locate.
     * @param tracking  Tracking Number.
     * @param timestamp nanoseconds since midnight.
     * @param stock     packed symbol.
     * @param action    Reg SHO Action.
     */
    default void onRegShoRestriction(
        final long sequence, final int locate, final int tracking, final long timestamp, final long stock,
        final byte action)
    {
    }

    /**
     * Market Participant Position (L).
     *
     * @param sequence         of the message.
     * @param locate           Stock Locate.
     * @param tracking         Tracking Number.
     * @param timestamp        nanoseconds since midnight.
     * @param mpid             packed MPID.
     * @param stock            packed symbol.
     * @param primaryMarketMaker Primary Market Maker.
     * @param marketMakerMode  Market Maker Mode.
     * @param participantState Market Participant State.
     */
    default void onMarketParticipantPosition(
        final long sequence, final int locate, final int tracking, final long timestamp, final int mpid,
        final long stock, final byte primaryMarketMaker, final byte marketMakerMode, final byte participantState)
    {
    }

    /**
     * MWCB Decline Level (V).
     *
     * @param sequence  of the message.
     * @param locate    Stock Locate.
     * @param tracking  Tracking Number.
     * @param timestamp nanoseconds since midnight.
     * @param level1    Level 1 (8 implied decimals).
     * @param level2    Level 2.
     * @param level3    Level 3.
     */
    default void onMwcbDeclineLevel(
        final long sequence, final int locate, final int tracking, final long timestamp, final long level1,
        final long level2, final long level3)
    {
    }

    /**
     * MWCB Status (W).
     *
     * @param sequence      of the message.
     * @param locate        Stock Locate.
     * @param tracking      Tracking Number.
     * @param timestamp     nanoseconds since midnight.
     * @param breachedLevel 1, 2 or 3.
     */
    default void onMwcbStatus(
        final long sequence, final int locate, final int tracking, final long timestamp, final byte breachedLevel)
    {
    }

    /**
     * IPO Quoting Period Update (K).
     *
     * @param sequence    of the message.
     * @param locate      Stock Locate.
     * @param tracking    Tracking Number.
     * @param timestamp   nanoseconds since midnight.
     * @param stock       packed symbol.
     * @param releaseTime IPO Quotation Release Time, seconds since midnight.
     * @param qualifier   IPO Quotation Release Qualifier.
     * @param ipoPrice    IPO Price.
     */
    default void onIpoQuotingPeriodUpdate(
        final long sequence, final int locate, final int tracking, final long timestamp, final long stock,
        final long releaseTime, final byte qualifier, final long ipoPrice)
    {
    }

    /**
     * LULD Auction Collar (J).
     *
     * @param sequence       of the message.
     * @param locate         Stock Locate.
     * @param tracking       Tracking Number.
     * @param timestamp      nanoseconds since midnight.
     * @param stock          packed symbol.
     * @param referencePrice Auction Collar Reference Price.
     * @param upperPrice     Upper Auction Collar Price.
     * @param lowerPrice     Lower Auction Collar Price.
     * @param extension      Auction Collar Extension.
     */
    default void onLuldAuctionCollar(
        final long sequence, final int locate, final int tracking, final long timestamp, final long stock,
        final long referencePrice, final long upperPrice, final long lowerPrice, final long extension)
    {
    }

    /**
     * Operational Halt (h).
     *
     * @param sequence   of the message.
     * @param locate     Stock Locate.
     * @param tracking   Tracking Number.
     * @param timestamp  nanoseconds since midnight.
     * @param stock      packed symbol.
     * @param marketCode Market Code.
     * @param action     Operational Halt Action.
     */
    default void onOperationalHalt(
        final long sequence, final int locate, final int tracking, final long timestamp, final long stock,
        final byte marketCode, final byte action)
    {
    }

    /**
     * Add Order (A), or Add Order with MPID (F) when {@code attribution} is not 0.
     *
     * @param sequence    of the message.
     * @param locate      Stock Locate.
     * @param tracking    Tracking Number.
     * @param timestamp   nanoseconds since midnight.
     * @param ref         Order Reference Number.
     * @param side        B or S.
     * @param shares      Shares.
     * @param stock       packed symbol.
     * @param price       Price (4 implied decimals).
     * @param attribution packed MPID for F, 0 for A.
     */
    default void onAddOrder(
        final long sequence, final int locate, final int tracking, final long timestamp, final long ref,
        final byte side, final long shares, final long stock, final long price, final int attribution)
    {
    }

    /**
     * Order Executed (E).
     *
     * @param sequence  of the message.
     * @param locate    Stock Locate.
     * @param tracking  Tracking Number.
     * @param timestamp nanoseconds since midnight.
     * @param ref       Order Reference Number.
     * @param shares    Executed Shares.
     * @param match     Match Number.
     */
    default void onOrderExecuted(
        final long sequence, final int locate, final int tracking, final long timestamp, final long ref,
        final long shares, final long match)
    {
    }

    /**
     * Order Executed With Price (C).
     *
     * @param sequence  of the message.
     * @param locate    Stock Locate.
     * @param tracking  Tracking Number.
     * @param timestamp nanoseconds since midnight.
     * @param ref       Order Reference Number.
     * @param shares    Executed Shares.
     * @param match     Match Number.
     * @param printable Y or N.
     * @param price     Execution Price.
     */
    default void onOrderExecutedWithPrice(
        final long sequence, final int locate, final int tracking, final long timestamp, final long ref,
        final long shares, final long match, final byte printable, final long price)
    {
    }

    /**
     * Order Cancel (X).
     *
     * @param sequence  of the message.
     * @param locate    Stock Locate.
     * @param tracking  Tracking Number.
     * @param timestamp nanoseconds since midnight.
     * @param ref       Order Reference Number.
     * @param shares    Cancelled Shares.
     */
    default void onOrderCancel(
        final long sequence, final int locate, final int tracking, final long timestamp, final long ref,
        final long shares)
    {
    }

    /**
     * Order Delete (D).
     *
     * @param sequence  of the message.
     * @param locate    Stock Locate.
     * @param tracking  Tracking Number.
     * @param timestamp nanoseconds since midnight.
     * @param ref       Order Reference Number.
     */
    default void onOrderDelete(
        final long sequence, final int locate, final int tracking, final long timestamp, final long ref)
    {
    }

    /**
     * Order Replace (U).
     *
     * @param sequence  of the message.
     * @param locate    Stock Locate.
     * @param tracking  Tracking Number.
     * @param timestamp nanoseconds since midnight.
     * @param origRef   Original Order Reference Number.
     * @param newRef    New Order Reference Number.
     * @param shares    Shares.
     * @param price     Price.
     */
    default void onOrderReplace(
        final long sequence, final int locate, final int tracking, final long timestamp, final long origRef,
        final long newRef, final long shares, final long price)
    {
    }

    /**
     * Trade, non-cross (P).
     *
     * @param sequence  of the message.
     * @param locate    Stock Locate.
     * @param tracking  Tracking Number.
     * @param timestamp nanoseconds since midnight.
     * @param ref       Order Reference Number (0 since 2012).
     * @param side      B or S.
     * @param shares    Shares.
     * @param stock     packed symbol.
     * @param price     Price.
     * @param match     Match Number.
     */
    default void onTrade(
        final long sequence, final int locate, final int tracking, final long timestamp, final long ref,
        final byte side, final long shares, final long stock, final long price, final long match)
    {
    }

    /**
     * Cross Trade (Q).
     *
     * @param sequence   of the message.
     * @param locate     Stock Locate.
     * @param tracking   Tracking Number.
     * @param timestamp  nanoseconds since midnight.
     * @param shares     Shares (u64).
     * @param stock      packed symbol.
     * @param crossPrice Cross Price.
     * @param match      Match Number.
     * @param crossType  O, C, H or I.
     */
    default void onCrossTrade(
        final long sequence, final int locate, final int tracking, final long timestamp, final long shares,
        final long stock, final long crossPrice, final long match, final byte crossType)
    {
    }

    /**
     * Broken Trade (B).
     *
     * @param sequence  of the message.
     * @param locate    Stock Locate.
     * @param tracking  Tracking Number.
     * @param timestamp nanoseconds since midnight.
     * @param match     Match Number.
     */
    default void onBrokenTrade(
        final long sequence, final int locate, final int tracking, final long timestamp, final long match)
    {
    }

    /**
     * Net Order Imbalance Indicator (I).
     *
     * @param sequence        of the message.
     * @param locate          Stock Locate.
     * @param tracking        Tracking Number.
     * @param timestamp       nanoseconds since midnight.
     * @param pairedShares    Paired Shares.
     * @param imbalanceShares Imbalance Shares.
     * @param direction       Imbalance Direction.
     * @param stock           packed symbol.
     * @param farPrice        Far Price.
     * @param nearPrice       Near Price.
     * @param referencePrice  Current Reference Price.
     * @param crossType       Cross Type.
     * @param priceVariation  Price Variation Indicator.
     */
    default void onNoii(
        final long sequence, final int locate, final int tracking, final long timestamp, final long pairedShares,
        final long imbalanceShares, final byte direction, final long stock, final long farPrice,
        final long nearPrice, final long referencePrice, final byte crossType, final byte priceVariation)
    {
    }

    /**
     * Retail Price Improvement Indicator (N).
     *
     * @param sequence     of the message.
     * @param locate       Stock Locate.
     * @param tracking     Tracking Number.
     * @param timestamp    nanoseconds since midnight.
     * @param stock        packed symbol.
     * @param interestFlag Interest Flag.
     */
    default void onRetailInterest(
        final long sequence, final int locate, final int tracking, final long timestamp, final long stock,
        final byte interestFlag)
    {
    }

    /**
     * Direct Listing with Capital Raise Price Discovery (O).
     *
     * @param sequence           of the message.
     * @param locate             Stock Locate.
     * @param tracking           Tracking Number.
     * @param timestamp          nanoseconds since midnight.
     * @param stock              packed symbol.
     * @param eligibility        Open Eligibility Status.
     * @param minPrice           Minimum Allowable Price.
     * @param maxPrice           Maximum Allowable Price.
     * @param nearPrice          Near Execution Price.
     * @param nearTime           Near Execution Time.
     * @param lowerCollar        Lower Price Range Collar.
     * @param upperCollar        Upper Price Range Collar.
     */
    default void onDirectListingCapitalRaise(
        final long sequence, final int locate, final int tracking, final long timestamp, final long stock,
        final byte eligibility, final long minPrice, final long maxPrice, final long nearPrice, final long nearTime,
        final long lowerCollar, final long upperCollar)
    {
    }
}
