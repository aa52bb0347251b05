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

/**
 * One decoded instrument definition, future (templates 27, 54) or spread (29, 56), in a single shape whatever its
 * template, as later phases need it: prices with their exponent, tick size, display factor, maturity, the book depths
 * of its feed types, and the legs of a spread.
 * <p>
 * Filled in place by the decoder for each definition message and handed to
 * {@link Mdp3Listener#onInstrumentDefinition}; read it during the call (it is overwritten by the next one). Fields a
 * template lacks hold their null value: {@link Mdp3Schema#NULL_MANTISSA}, {@link Mdp3Schema#NULL_INT32}, an empty
 * text. Names follow CME's tags.
 */
public final class Mdp3InstrumentDefinition
{
    /** Most entries a group can hold (numInGroup is a u8). */
    public static final int MAX_ENTRIES = 255;
    /** MDFeedType {@code GBX}, the outright (real) book, packed as by {@link #feedType(int)}. */
    public static final int FEED_TYPE_GBX = ('G' << 16) | ('B' << 8) | 'X';
    /** MDFeedType {@code GBI}, the implied book. */
    public static final int FEED_TYPE_GBI = ('G' << 16) | ('B' << 8) | 'I';
    /** EventType of the activation time. */
    public static final int EVENT_ACTIVATION = 5;
    /** EventType of the last eligible trade date, the expiry. */
    public static final int EVENT_LAST_ELIGIBLE_TRADE_DATE = 7;

    int templateId;
    int version;
    boolean spread;
    int priceExponent;
    int matchEventIndicator;
    long totNumReports;
    byte securityUpdateAction;
    long lastUpdateTime;
    int tradingStatus;
    int applId;
    int marketSegmentId;
    final FixedText securityGroup = new FixedText(6);
    final FixedText asset = new FixedText(6);
    final FixedText symbol = new FixedText(20);
    int securityId;
    final FixedText securityType = new FixedText(6);
    final FixedText cfiCode = new FixedText(6);
    int maturityYear;
    int maturityMonth;
    int maturityDay;
    final FixedText currency = new FixedText(3);
    final FixedText securitySubType = new FixedText(5);
    byte userDefinedInstrument;
    long minTradeVol;
    long maxTradeVol;
    long minPriceIncrement;
    long displayFactor;
    int displayFactorExponent;
    final FixedText unitOfMeasure = new FixedText(30);
    long unitOfMeasureQty;
    long tradingReferencePrice;
    int settlPriceType;
    int openInterestQty;
    int clearedVolume;
    long highLimitPrice;
    long lowLimitPrice;
    long maxPriceVariation;
    int contractMultiplier;
    int originalContractSize;
    long minPriceIncrementAmount;
    long priceRatio;
    int tradingReferenceDate;
    long instAttribValue;

    int eventCount;
    final int[] eventType = new int[MAX_ENTRIES];
    final long[] eventTime = new long[MAX_ENTRIES];
    int feedTypeCount;
    final int[] feedType = new int[MAX_ENTRIES];
    final int[] marketDepth = new int[MAX_ENTRIES];
    int lotTypeCount;
    final int[] lotType = new int[MAX_ENTRIES];
    final int[] minLotSize = new int[MAX_ENTRIES];
    int legCount;
    final int[] legSecurityId = new int[MAX_ENTRIES];
    final int[] legSide = new int[MAX_ENTRIES];
    final int[] legRatioQty = new int[MAX_ENTRIES];
    final long[] legPrice = new long[MAX_ENTRIES];
    final int[] legOptionDelta = new int[MAX_ENTRIES];

    /** @return the template decoded: 27 or 54 for a future, 29 or 56 for a spread. */
    public int templateId()
    {
        return templateId;
    }

    /** @return schema version of the message. */
    public int version()
    {
        return version;
    }

    /** @return true for a spread (29, 56), false for a future (27, 54). */
    public boolean isSpread()
    {
        return spread;
    }

    /** @return exponent of every price of the definition and of the instrument's book: -7 (27, 29) or -9. */
    public int priceExponent()
    {
        return priceExponent;
    }

    /** @return MatchEventIndicator bits. */
    public int matchEventIndicator()
    {
        return matchEventIndicator;
    }

    /** @return TotNumReports, instruments in the replay loop (u32), {@link Mdp3Schema#NULL_UINT32} if absent. */
    public long totNumReports()
    {
        return totNumReports;
    }

    /** @return SecurityUpdateAction: 'A' add, 'D' delete, 'M' modify. */
    public byte securityUpdateAction()
    {
        return securityUpdateAction;
    }

    /** @return LastUpdateTime, nanoseconds since the epoch. */
    public long lastUpdateTime()
    {
        return lastUpdateTime;
    }

    /** @return MDSecurityTradingStatus, {@link Mdp3Schema#NULL_UINT8} if absent. */
    public int tradingStatus()
    {
        return tradingStatus;
    }

    /** @return ApplID, the channel of the instrument. */
    public int applId()
    {
        return applId;
    }

    /** @return MarketSegmentID. */
    public int marketSegmentId()
    {
        return marketSegmentId;
    }

    /** @return SecurityGroup, e.g. {@code ES}. */
    public CharSequence securityGroup()
    {
        return securityGroup.text();
    }

    /** @return Asset, the product code, e.g. {@code ES}. */
    public CharSequence asset()
    {
        return asset.text();
    }

    /** @return Symbol, e.g. {@code ESZ5} or {@code ESM6-ESU6}. */
    public CharSequence symbol()
    {
        return symbol.text();
    }

    /** @return SecurityID, the instrument id of every other message. */
    public int securityId()
    {
        return securityId;
    }

    /** @return SecurityType, e.g. {@code FUT}. */
    public CharSequence securityType()
    {
        return securityType.text();
    }

    /** @return CFICode, e.g. {@code FFIXSX}. */
    public CharSequence cfiCode()
    {
        return cfiCode.text();
    }

    /** @return year of MaturityMonthYear, 65535 if absent. */
    public int maturityYear()
    {
        return maturityYear;
    }

    /** @return month of MaturityMonthYear, 255 if absent. */
    public int maturityMonth()
    {
        return maturityMonth;
    }

    /** @return day of MaturityMonthYear, 255 if absent. */
    public int maturityDay()
    {
        return maturityDay;
    }

    /** @return Currency of prices, e.g. {@code USD}. */
    public CharSequence currency()
    {
        return currency.text();
    }

    /** @return SecuritySubType, the strategy type (spreads), empty for futures. */
    public CharSequence securitySubType()
    {
        return securitySubType.text();
    }

    /** @return UserDefinedInstrument flag byte ('Y' / 'N'), 0 if absent. */
    public byte userDefinedInstrument()
    {
        return userDefinedInstrument;
    }

    /** @return MinTradeVol (u32). */
    public long minTradeVol()
    {
        return minTradeVol;
    }

    /** @return MaxTradeVol (u32). */
    public long maxTradeVol()
    {
        return maxTradeVol;
    }

    /** @return MinPriceIncrement mantissa, the tick size, {@link Mdp3Schema#NULL_MANTISSA} if absent. */
    public long minPriceIncrement()
    {
        return minPriceIncrement;
    }

    /** @return DisplayFactor mantissa, the multiplier from the CME Globex price to the conventional price. */
    public long displayFactor()
    {
        return displayFactor;
    }

    /** @return exponent of {@link #displayFactor()}: -7 (FLOAT) or -9 (Decimal9). */
    public int displayFactorExponent()
    {
        return displayFactorExponent;
    }

    /** @return UnitOfMeasure, e.g. {@code IPNT} (index points). */
    public CharSequence unitOfMeasure()
    {
        return unitOfMeasure.text();
    }

    /** @return UnitOfMeasureQty mantissa (futures; exponent as prices), the contract size, null if absent. */
    public long unitOfMeasureQty()
    {
        return unitOfMeasureQty;
    }

    /** @return TradingReferencePrice mantissa, {@link Mdp3Schema#NULL_MANTISSA} if absent. */
    public long tradingReferencePrice()
    {
        return tradingReferencePrice;
    }

    /** @return SettlPriceType bits. */
    public int settlPriceType()
    {
        return settlPriceType;
    }

    /** @return OpenInterestQty, {@link Mdp3Schema#NULL_INT32} if absent. */
    public int openInterestQty()
    {
        return openInterestQty;
    }

    /** @return ClearedVolume, {@link Mdp3Schema#NULL_INT32} if absent. */
    public int clearedVolume()
    {
        return clearedVolume;
    }

    /** @return HighLimitPrice mantissa, {@link Mdp3Schema#NULL_MANTISSA} if absent. */
    public long highLimitPrice()
    {
        return highLimitPrice;
    }

    /** @return LowLimitPrice mantissa, {@link Mdp3Schema#NULL_MANTISSA} if absent. */
    public long lowLimitPrice()
    {
        return lowLimitPrice;
    }

    /** @return MaxPriceVariation mantissa, {@link Mdp3Schema#NULL_MANTISSA} if absent. */
    public long maxPriceVariation()
    {
        return maxPriceVariation;
    }

    /** @return ContractMultiplier (futures), {@link Mdp3Schema#NULL_INT32} if absent. */
    public int contractMultiplier()
    {
        return contractMultiplier;
    }

    /** @return OriginalContractSize (futures), {@link Mdp3Schema#NULL_INT32} if absent. */
    public int originalContractSize()
    {
        return originalContractSize;
    }

    /** @return MinPriceIncrementAmount mantissa (futures), the value of one tick, null if absent. */
    public long minPriceIncrementAmount()
    {
        return minPriceIncrementAmount;
    }

    /** @return PriceRatio mantissa (spreads), {@link Mdp3Schema#NULL_MANTISSA} if absent. */
    public long priceRatio()
    {
        return priceRatio;
    }

    /** @return TradingReferenceDate, days since the epoch, {@link Mdp3Schema#NULL_LOCAL_MKT_DATE} if absent. */
    public int tradingReferenceDate()
    {
        return tradingReferenceDate;
    }

    /** @return InstAttribValue eligibility bits (OR of the NoInstAttrib entries). */
    public long instAttribValue()
    {
        return instAttribValue;
    }

    /** @return entries of NoEvents. */
    public int eventCount()
    {
        return eventCount;
    }

    /**
     * @param index from 0.
     * @return EventType, e.g. {@link #EVENT_ACTIVATION} or {@link #EVENT_LAST_ELIGIBLE_TRADE_DATE}.
     */
    public int eventType(final int index)
    {
        return eventType[index];
    }

    /**
     * @param index from 0.
     * @return EventTime, nanoseconds since the epoch.
     */
    public long eventTime(final int index)
    {
        return eventTime[index];
    }

    /** @return entries of NoMDFeedTypes. */
    public int feedTypeCount()
    {
        return feedTypeCount;
    }

    /**
     * @param index from 0.
     * @return MDFeedType as its three characters packed big-endian into an int, e.g. {@link #FEED_TYPE_GBX}.
     */
    public int feedType(final int index)
    {
        return feedType[index];
    }

    /**
     * @param index from 0.
     * @return MarketDepth of the feed type: levels of its book.
     */
    public int marketDepth(final int index)
    {
        return marketDepth[index];
    }

    /**
     * Depth of a feed type's book.
     *
     * @param packedFeedType e.g. {@link #FEED_TYPE_GBX}.
     * @return its MarketDepth, or -1 when the instrument has no such feed type.
     */
    public int depthOf(final int packedFeedType)
    {
        for (int i = 0; i < feedTypeCount; i++)
        {
            if (feedType[i] == packedFeedType)
            {
                return marketDepth[i];
            }
        }
        return -1;
    }

    /** @return entries of NoLotTypeRules. */
    public int lotTypeCount()
    {
        return lotTypeCount;
    }

    /**
     * @param index from 0.
     * @return LotType.
     */
    public int lotType(final int index)
    {
        return lotType[index];
    }

    /**
     * @param index from 0.
     * @return MinLotSize mantissa, exponent -4.
     */
    public int minLotSize(final int index)
    {
        return minLotSize[index];
    }

    /** @return entries of NoLegs (spreads), 0 for futures. */
    public int legCount()
    {
        return legCount;
    }

    /**
     * @param index from 0.
     * @return LegSecurityID.
     */
    public int legSecurityId(final int index)
    {
        return legSecurityId[index];
    }

    /**
     * @param index from 0.
     * @return LegSide: 1 buy, 2 sell.
     */
    public int legSide(final int index)
    {
        return legSide[index];
    }

    /**
     * @param index from 0.
     * @return LegRatioQty.
     */
    public int legRatioQty(final int index)
    {
        return legRatioQty[index];
    }

    /**
     * @param index from 0.
     * @return LegPrice mantissa (exponent as prices), {@link Mdp3Schema#NULL_MANTISSA} if absent.
     */
    public long legPrice(final int index)
    {
        return legPrice[index];
    }

    /**
     * @param index from 0.
     * @return LegOptionDelta mantissa, exponent -4, {@link Mdp3Schema#NULL_INT32} if absent.
     */
    public int legOptionDelta(final int index)
    {
        return legOptionDelta[index];
    }
}
