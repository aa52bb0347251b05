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

import io.tickwire.sbe.mdp3.MDInstrumentDefinitionFuture27Decoder;
import io.tickwire.sbe.mdp3.MDInstrumentDefinitionFuture54Decoder;
import io.tickwire.sbe.mdp3.MDInstrumentDefinitionSpread29Decoder;
import io.tickwire.sbe.mdp3.MDInstrumentDefinitionSpread56Decoder;
import io.tickwire.sbe.mdp3.MaturityMonthYearDecoder;
import org.agrona.DirectBuffer;

/**
 * Decodes the instrument definitions of futures (templates 27, 54) and spreads (29, 56) into one reused
 * {@link Mdp3InstrumentDefinition}, with the generated codecs wrapped at the message's own block length and version.
 * <p>
 * The two generations differ in their price types (PRICE / FLOAT, exponent -7, against PRICE9 / Decimal9, exponent
 * -9) and so in their codec classes, hence one method per template. The caller has checked the message whole
 * (root block and every group within its MsgSize), so nothing here can run past it.
 */
final class Mdp3DefinitionDecoder
{
    private final MDInstrumentDefinitionFuture27Decoder future27 = new MDInstrumentDefinitionFuture27Decoder();
    private final MDInstrumentDefinitionFuture54Decoder future54 = new MDInstrumentDefinitionFuture54Decoder();
    private final MDInstrumentDefinitionSpread29Decoder spread29 = new MDInstrumentDefinitionSpread29Decoder();
    private final MDInstrumentDefinitionSpread56Decoder spread56 = new MDInstrumentDefinitionSpread56Decoder();
    private final Mdp3InstrumentDefinition definition = new Mdp3InstrumentDefinition();
    private final Mdp3Listener listener;

    Mdp3DefinitionDecoder(final Mdp3Listener listener)
    {
        this.listener = listener;
    }

    void future27(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final MDInstrumentDefinitionFuture27Decoder d = future27.wrap(buffer, offset, blockLength, version);
        final Mdp3InstrumentDefinition def = start(MDInstrumentDefinitionFuture27Decoder.TEMPLATE_ID, version, false);
        def.matchEventIndicator = d.matchEventIndicator().getRaw();
        def.totNumReports = d.totNumReports();
        def.securityUpdateAction = d.securityUpdateActionRaw();
        def.lastUpdateTime = d.lastUpdateTime();
        def.tradingStatus = d.mDSecurityTradingStatusRaw();
        def.applId = d.applID();
        def.marketSegmentId = d.marketSegmentID();
        def.securityGroup.copied(d.getSecurityGroup(def.securityGroup.bytes(), 0));
        def.asset.copied(d.getAsset(def.asset.bytes(), 0));
        def.symbol.copied(d.getSymbol(def.symbol.bytes(), 0));
        def.securityId = d.securityID();
        def.securityType.copied(d.getSecurityType(def.securityType.bytes(), 0));
        def.cfiCode.copied(d.getCFICode(def.cfiCode.bytes(), 0));
        maturity(def, d.maturityMonthYear());
        def.currency.copied(d.getCurrency(def.currency.bytes(), 0));
        def.minTradeVol = d.minTradeVol();
        def.maxTradeVol = d.maxTradeVol();
        def.minPriceIncrement = d.minPriceIncrement().mantissa();
        def.displayFactor = d.displayFactor().mantissa();
        def.displayFactorExponent = d.displayFactor().exponent();
        def.unitOfMeasure.copied(d.getUnitOfMeasure(def.unitOfMeasure.bytes(), 0));
        def.unitOfMeasureQty = d.unitOfMeasureQty().mantissa();
        def.tradingReferencePrice = d.tradingReferencePrice().mantissa();
        def.settlPriceType = d.settlPriceType().getRaw();
        def.openInterestQty = d.openInterestQty();
        def.clearedVolume = d.clearedVolume();
        def.highLimitPrice = d.highLimitPrice().mantissa();
        def.lowLimitPrice = d.lowLimitPrice().mantissa();
        def.maxPriceVariation = d.maxPriceVariation().mantissa();
        def.originalContractSize = d.originalContractSize();
        def.contractMultiplier = d.contractMultiplier();
        def.minPriceIncrementAmount = d.minPriceIncrementAmount().mantissa();
        def.userDefinedInstrument = d.userDefinedInstrument();
        def.tradingReferenceDate = d.tradingReferenceDate();

        for (final MDInstrumentDefinitionFuture27Decoder.NoEventsDecoder e : d.noEvents())
        {
            event(def, e.eventTypeRaw(), e.eventTime());
        }
        for (final MDInstrumentDefinitionFuture27Decoder.NoMDFeedTypesDecoder f : d.noMDFeedTypes())
        {
            feedType(def, f.mDFeedType(0), f.mDFeedType(1), f.mDFeedType(2), f.marketDepth());
        }
        for (final MDInstrumentDefinitionFuture27Decoder.NoInstAttribDecoder a : d.noInstAttrib())
        {
            def.instAttribValue |= a.instAttribValue().getRaw();
        }
        for (final MDInstrumentDefinitionFuture27Decoder.NoLotTypeRulesDecoder l : d.noLotTypeRules())
        {
            lotType(def, l.lotType(), l.minLotSize().mantissa());
        }
        listener.onInstrumentDefinition(def);
    }

    void future54(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final MDInstrumentDefinitionFuture54Decoder d = future54.wrap(buffer, offset, blockLength, version);
        final Mdp3InstrumentDefinition def = start(MDInstrumentDefinitionFuture54Decoder.TEMPLATE_ID, version, false);
        def.matchEventIndicator = d.matchEventIndicator().getRaw();
        def.totNumReports = d.totNumReports();
        def.securityUpdateAction = d.securityUpdateActionRaw();
        def.lastUpdateTime = d.lastUpdateTime();
        def.tradingStatus = d.mDSecurityTradingStatusRaw();
        def.applId = d.applID();
        def.marketSegmentId = d.marketSegmentID();
        def.securityGroup.copied(d.getSecurityGroup(def.securityGroup.bytes(), 0));
        def.asset.copied(d.getAsset(def.asset.bytes(), 0));
        def.symbol.copied(d.getSymbol(def.symbol.bytes(), 0));
        def.securityId = d.securityID();
        def.securityType.copied(d.getSecurityType(def.securityType.bytes(), 0));
        def.cfiCode.copied(d.getCFICode(def.cfiCode.bytes(), 0));
        maturity(def, d.maturityMonthYear());
        def.currency.copied(d.getCurrency(def.currency.bytes(), 0));
        def.minTradeVol = d.minTradeVol();
        def.maxTradeVol = d.maxTradeVol();
        def.minPriceIncrement = d.minPriceIncrement().mantissa();
        def.displayFactor = d.displayFactor().mantissa();
        def.displayFactorExponent = d.displayFactor().exponent();
        def.unitOfMeasure.copied(d.getUnitOfMeasure(def.unitOfMeasure.bytes(), 0));
        def.unitOfMeasureQty = d.unitOfMeasureQty().mantissa();
        def.tradingReferencePrice = d.tradingReferencePrice().mantissa();
        def.settlPriceType = d.settlPriceType().getRaw();
        def.openInterestQty = d.openInterestQty();
        def.clearedVolume = d.clearedVolume();
        def.highLimitPrice = d.highLimitPrice().mantissa();
        def.lowLimitPrice = d.lowLimitPrice().mantissa();
        def.maxPriceVariation = d.maxPriceVariation().mantissa();
        def.originalContractSize = d.originalContractSize();
        def.contractMultiplier = d.contractMultiplier();
        def.minPriceIncrementAmount = d.minPriceIncrementAmount().mantissa();
        def.userDefinedInstrument = d.userDefinedInstrument();
        def.tradingReferenceDate = d.tradingReferenceDate();

        for (final MDInstrumentDefinitionFuture54Decoder.NoEventsDecoder e : d.noEvents())
        {
            event(def, e.eventTypeRaw(), e.eventTime());
        }
        for (final MDInstrumentDefinitionFuture54Decoder.NoMDFeedTypesDecoder f : d.noMDFeedTypes())
        {
            feedType(def, f.mDFeedType(0), f.mDFeedType(1), f.mDFeedType(2), f.marketDepth());
        }
        for (final MDInstrumentDefinitionFuture54Decoder.NoInstAttribDecoder a : d.noInstAttrib())
        {
            def.instAttribValue |= a.instAttribValue().getRaw();
        }
        for (final MDInstrumentDefinitionFuture54Decoder.NoLotTypeRulesDecoder l : d.noLotTypeRules())
        {
            lotType(def, l.lotType(), l.minLotSize().mantissa());
        }
        listener.onInstrumentDefinition(def);
    }

    void spread29(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final MDInstrumentDefinitionSpread29Decoder d = spread29.wrap(buffer, offset, blockLength, version);
        final Mdp3InstrumentDefinition def = start(MDInstrumentDefinitionSpread29Decoder.TEMPLATE_ID, version, true);
        def.matchEventIndicator = d.matchEventIndicator().getRaw();
        def.totNumReports = d.totNumReports();
        def.securityUpdateAction = d.securityUpdateActionRaw();
        def.lastUpdateTime = d.lastUpdateTime();
        def.tradingStatus = d.mDSecurityTradingStatusRaw();
        def.applId = d.applID();
        def.marketSegmentId = d.marketSegmentID();
        def.securityGroup.copied(d.getSecurityGroup(def.securityGroup.bytes(), 0));
        def.asset.copied(d.getAsset(def.asset.bytes(), 0));
        def.symbol.copied(d.getSymbol(def.symbol.bytes(), 0));
        def.securityId = d.securityID();
        def.securityType.copied(d.getSecurityType(def.securityType.bytes(), 0));
        def.cfiCode.copied(d.getCFICode(def.cfiCode.bytes(), 0));
        maturity(def, d.maturityMonthYear());
        def.currency.copied(d.getCurrency(def.currency.bytes(), 0));
        def.securitySubType.copied(d.getSecuritySubType(def.securitySubType.bytes(), 0));
        def.userDefinedInstrument = d.userDefinedInstrument();
        def.minTradeVol = d.minTradeVol();
        def.maxTradeVol = d.maxTradeVol();
        def.minPriceIncrement = d.minPriceIncrement().mantissa();
        def.displayFactor = d.displayFactor().mantissa();
        def.displayFactorExponent = d.displayFactor().exponent();
        def.priceRatio = d.priceRatio().mantissa();
        def.unitOfMeasure.copied(d.getUnitOfMeasure(def.unitOfMeasure.bytes(), 0));
        def.tradingReferencePrice = d.tradingReferencePrice().mantissa();
        def.settlPriceType = d.settlPriceType().getRaw();
        def.openInterestQty = d.openInterestQty();
        def.clearedVolume = d.clearedVolume();
        def.highLimitPrice = d.highLimitPrice().mantissa();
        def.lowLimitPrice = d.lowLimitPrice().mantissa();
        def.maxPriceVariation = d.maxPriceVariation().mantissa();
        def.tradingReferenceDate = d.tradingReferenceDate();

        for (final MDInstrumentDefinitionSpread29Decoder.NoEventsDecoder e : d.noEvents())
        {
            event(def, e.eventTypeRaw(), e.eventTime());
        }
        for (final MDInstrumentDefinitionSpread29Decoder.NoMDFeedTypesDecoder f : d.noMDFeedTypes())
        {
            feedType(def, f.mDFeedType(0), f.mDFeedType(1), f.mDFeedType(2), f.marketDepth());
        }
        for (final MDInstrumentDefinitionSpread29Decoder.NoInstAttribDecoder a : d.noInstAttrib())
        {
            def.instAttribValue |= a.instAttribValue().getRaw();
        }
        for (final MDInstrumentDefinitionSpread29Decoder.NoLotTypeRulesDecoder l : d.noLotTypeRules())
        {
            lotType(def, l.lotType(), l.minLotSize().mantissa());
        }
        for (final MDInstrumentDefinitionSpread29Decoder.NoLegsDecoder l : d.noLegs())
        {
            leg(def, l.legSecurityID(), l.legSideRaw(), l.legRatioQty(), l.legPrice().mantissa(),
                l.legOptionDelta().mantissa());
        }
        listener.onInstrumentDefinition(def);
    }

    void spread56(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final MDInstrumentDefinitionSpread56Decoder d = spread56.wrap(buffer, offset, blockLength, version);
        final Mdp3InstrumentDefinition def = start(MDInstrumentDefinitionSpread56Decoder.TEMPLATE_ID, version, true);
        def.matchEventIndicator = d.matchEventIndicator().getRaw();
        def.totNumReports = d.totNumReports();
        def.securityUpdateAction = d.securityUpdateActionRaw();
        def.lastUpdateTime = d.lastUpdateTime();
        def.tradingStatus = d.mDSecurityTradingStatusRaw();
        def.applId = d.applID();
        def.marketSegmentId = d.marketSegmentID();
        def.securityGroup.copied(d.getSecurityGroup(def.securityGroup.bytes(), 0));
        def.asset.copied(d.getAsset(def.asset.bytes(), 0));
        def.symbol.copied(d.getSymbol(def.symbol.bytes(), 0));
        def.securityId = d.securityID();
        def.securityType.copied(d.getSecurityType(def.securityType.bytes(), 0));
        def.cfiCode.copied(d.getCFICode(def.cfiCode.bytes(), 0));
        maturity(def, d.maturityMonthYear());
        def.currency.copied(d.getCurrency(def.currency.bytes(), 0));
        def.securitySubType.copied(d.getSecuritySubType(def.securitySubType.bytes(), 0));
        def.userDefinedInstrument = d.userDefinedInstrument();
        def.minTradeVol = d.minTradeVol();
        def.maxTradeVol = d.maxTradeVol();
        def.minPriceIncrement = d.minPriceIncrement().mantissa();
        def.displayFactor = d.displayFactor().mantissa();
        def.displayFactorExponent = d.displayFactor().exponent();
        def.priceRatio = d.priceRatio().mantissa();
        def.unitOfMeasure.copied(d.getUnitOfMeasure(def.unitOfMeasure.bytes(), 0));
        def.tradingReferencePrice = d.tradingReferencePrice().mantissa();
        def.settlPriceType = d.settlPriceType().getRaw();
        def.openInterestQty = d.openInterestQty();
        def.clearedVolume = d.clearedVolume();
        def.highLimitPrice = d.highLimitPrice().mantissa();
        def.lowLimitPrice = d.lowLimitPrice().mantissa();
        def.maxPriceVariation = d.maxPriceVariation().mantissa();
        def.tradingReferenceDate = d.tradingReferenceDate();

        for (final MDInstrumentDefinitionSpread56Decoder.NoEventsDecoder e : d.noEvents())
        {
            event(def, e.eventTypeRaw(), e.eventTime());
        }
        for (final MDInstrumentDefinitionSpread56Decoder.NoMDFeedTypesDecoder f : d.noMDFeedTypes())
        {
            feedType(def, f.mDFeedType(0), f.mDFeedType(1), f.mDFeedType(2), f.marketDepth());
        }
        for (final MDInstrumentDefinitionSpread56Decoder.NoInstAttribDecoder a : d.noInstAttrib())
        {
            def.instAttribValue |= a.instAttribValue().getRaw();
        }
        for (final MDInstrumentDefinitionSpread56Decoder.NoLotTypeRulesDecoder l : d.noLotTypeRules())
        {
            lotType(def, l.lotType(), l.minLotSize().mantissa());
        }
        for (final MDInstrumentDefinitionSpread56Decoder.NoLegsDecoder l : d.noLegs())
        {
            leg(def, l.legSecurityID(), l.legSideRaw(), l.legRatioQty(), l.legPrice().mantissa(),
                l.legOptionDelta().mantissa());
        }
        listener.onInstrumentDefinition(def);
    }

    /**
     * Reset what only some templates set, so no value of a previous definition shows through.
     */
    private Mdp3InstrumentDefinition start(final int templateId, final int version, final boolean spread)
    {
        final Mdp3InstrumentDefinition def = definition;
        def.templateId = templateId;
        def.version = version;
        def.spread = spread;
        def.priceExponent = Mdp3Schema.priceExponent(templateId);
        def.securitySubType.clear();
        def.unitOfMeasureQty = Mdp3Schema.NULL_MANTISSA;
        def.originalContractSize = Mdp3Schema.NULL_INT32;
        def.contractMultiplier = Mdp3Schema.NULL_INT32;
        def.minPriceIncrementAmount = Mdp3Schema.NULL_MANTISSA;
        def.priceRatio = Mdp3Schema.NULL_MANTISSA;
        def.instAttribValue = 0;
        def.eventCount = 0;
        def.feedTypeCount = 0;
        def.lotTypeCount = 0;
        def.legCount = 0;
        return def;
    }

    private static void maturity(final Mdp3InstrumentDefinition def, final MaturityMonthYearDecoder maturity)
    {
        def.maturityYear = maturity.year();
        def.maturityMonth = maturity.month();
        def.maturityDay = maturity.day();
    }

    private static void event(final Mdp3InstrumentDefinition def, final int type, final long time)
    {
        def.eventType[def.eventCount] = type;
        def.eventTime[def.eventCount] = time;
        def.eventCount++;
    }

    private static void feedType(
        final Mdp3InstrumentDefinition def, final byte c0, final byte c1, final byte c2, final int depth)
    {
        def.feedType[def.feedTypeCount] = ((c0 & 0xFF) << 16) | ((c1 & 0xFF) << 8) | (c2 & 0xFF);
        def.marketDepth[def.feedTypeCount] = depth;
        def.feedTypeCount++;
    }

    private static void lotType(final Mdp3InstrumentDefinition def, final int type, final int minLotSize)
    {
        def.lotType[def.lotTypeCount] = type;
        def.minLotSize[def.lotTypeCount] = minLotSize;
        def.lotTypeCount++;
    }

    private static void leg(
        final Mdp3InstrumentDefinition def, final int securityId, final int side, final int ratio, final long price,
        final int optionDelta)
    {
        final int i = def.legCount;
        def.legSecurityId[i] = securityId;
        def.legSide[i] = side;
        def.legRatioQty[i] = ratio;
        def.legPrice[i] = price;
        def.legOptionDelta[i] = optionDelta;
        def.legCount++;
    }
}
