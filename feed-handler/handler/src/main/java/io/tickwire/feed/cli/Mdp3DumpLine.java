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
package io.tickwire.feed.cli;

import io.tickwire.feed.ingest.mdp3.Mdp3InstrumentDefinition;
import io.tickwire.feed.ingest.mdp3.Mdp3Schema;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of an MDP 3.0 dump being built: the {@code seq=... template=...} prefix of the current packet and
 * message, then {@code key=value} pairs formatted the same way everywhere (see {@link Mdp3DumpPrinter}).
 */
final class Mdp3DumpLine
{
    private final PrintWriter out;
    private final StringBuilder sb = new StringBuilder(1024);
    private long msgSeqNum;
    private long sendingTime;
    private int templateId;
    private long lines;

    Mdp3DumpLine(final PrintWriter out)
    {
        this.out = out;
    }

    long lines()
    {
        return lines;
    }

    void packet(final long msgSeqNum, final long sendingTime)
    {
        this.msgSeqNum = msgSeqNum;
        this.sendingTime = sendingTime;
    }

    /**
     * The line of an instrument definition, its groups but the legs inline.
     */
    void definition(final Mdp3InstrumentDefinition d)
    {
        message(d.templateId(), d.version());
        hex("match_event_indicator", d.matchEventIndicator());
        optional("tot_num_reports", d.totNumReports(), Mdp3Schema.NULL_UINT32);
        chr("security_update_action", d.securityUpdateAction());
        num("last_update_time", d.lastUpdateTime());
        text("md_security_trading_status", Mdp3Names.tradingStatus(d.tradingStatus()));
        num("appl_id", d.applId());
        num("market_segment_id", d.marketSegmentId());
        text("security_group", d.securityGroup());
        text("asset", d.asset());
        text("symbol", d.symbol());
        num("security_id", d.securityId());
        text("security_type", d.securityType());
        text("cfi_code", d.cfiCode());
        sb.append(" maturity_month_year=").append(d.maturityYear()).append('-').append(d.maturityMonth());
        if (d.maturityDay() != Mdp3Schema.NULL_UINT8)
        {
            sb.append('-').append(d.maturityDay());
        }
        text("currency", d.currency());
        if (d.isSpread())
        {
            text("security_sub_type", d.securitySubType());
        }
        num("min_trade_vol", d.minTradeVol());
        num("max_trade_vol", d.maxTradeVol());
        price("min_price_increment", d.minPriceIncrement(), d.priceExponent());
        price("display_factor", d.displayFactor(), d.displayFactorExponent());
        text("unit_of_measure", d.unitOfMeasure());
        if (!d.isSpread())
        {
            price("unit_of_measure_qty", d.unitOfMeasureQty(), d.priceExponent());
        }
        else
        {
            price("price_ratio", d.priceRatio(), d.priceExponent());
        }
        price("trading_reference_price", d.tradingReferencePrice(), d.priceExponent());
        hex("settl_price_type", d.settlPriceType());
        optional("open_interest_qty", d.openInterestQty(), Mdp3Schema.NULL_INT32);
        optional("cleared_volume", d.clearedVolume(), Mdp3Schema.NULL_INT32);
        price("high_limit_price", d.highLimitPrice(), d.priceExponent());
        price("low_limit_price", d.lowLimitPrice(), d.priceExponent());
        price("max_price_variation", d.maxPriceVariation(), d.priceExponent());
        if (!d.isSpread())
        {
            optional("original_contract_size", d.originalContractSize(), Mdp3Schema.NULL_INT32);
            optional("contract_multiplier", d.contractMultiplier(), Mdp3Schema.NULL_INT32);
            price("min_price_increment_amount", d.minPriceIncrementAmount(), d.priceExponent());
        }
        chr("user_defined_instrument", d.userDefinedInstrument());
        date("trading_reference_date", d.tradingReferenceDate());
        sb.append(" events=");
        for (int i = 0; i < d.eventCount(); i++)
        {
            sb.append(i == 0 ? "" : ",").append(Mdp3Names.eventType(d.eventType(i))).append(':').append(d.eventTime(i));
        }
        sb.append(" feed_types=");
        for (int i = 0; i < d.feedTypeCount(); i++)
        {
            final int feedType = d.feedType(i);
            sb.append(i == 0 ? "" : ",").append((char)(feedType >> 16)).append((char)((feedType >> 8) & 0xFF))
                .append((char)(feedType & 0xFF)).append(':').append(d.marketDepth(i));
        }
        sb.append(" inst_attrib_value=0x").append(Long.toHexString(d.instAttribValue()));
        sb.append(" lot_type_rules=");
        for (int i = 0; i < d.lotTypeCount(); i++)
        {
            sb.append(i == 0 ? "" : ",").append(d.lotType(i)).append(':')
                .append(BigDecimal.valueOf(d.minLotSize(i), 4).stripTrailingZeros().toPlainString());
        }
        if (d.isSpread())
        {
            num("legs", d.legCount());
        }
        end();
    }

    void message(final int templateId, final int version)
    {
        this.templateId = templateId;
        sb.setLength(0);
        sb.append("seq=").append(msgSeqNum).append(" template=").append(templateId)
            .append(" name=").append(Mdp3Schema.name(templateId))
            .append(" version=").append(version)
            .append(" sending_time=").append(sendingTime);
    }

    void entry(final String kind)
    {
        sb.setLength(0);
        sb.append("seq=").append(msgSeqNum).append(" template=").append(templateId).append(" entry=").append(kind);
    }

    void num(final String key, final long value)
    {
        sb.append(' ').append(key).append('=').append(value);
    }

    void unsigned(final String key, final long value)
    {
        sb.append(' ').append(key).append('=').append(Long.toUnsignedString(value));
    }

    void optional(final String key, final long value, final long nullValue)
    {
        if (value == nullValue)
        {
            sb.append(' ').append(key).append("=null");
        }
        else
        {
            unsigned(key, value);
        }
    }

    void hex(final String key, final int value)
    {
        sb.append(' ').append(key).append("=0x").append(String.format("%02x", value));
    }

    void text(final String key, final CharSequence value)
    {
        sb.append(' ').append(key).append('=').append(value);
    }

    void chr(final String key, final byte value)
    {
        sb.append(' ').append(key).append('=');
        if (value != 0)
        {
            sb.append((char)value);
        }
    }

    void date(final String key, final int daysSinceEpoch)
    {
        sb.append(' ').append(key).append('=');
        if (daysSinceEpoch == Mdp3Schema.NULL_LOCAL_MKT_DATE)
        {
            sb.append("null");
        }
        else
        {
            sb.append(LocalDate.ofEpochDay(daysSinceEpoch));
        }
    }

    void price(final String key, final long mantissa, final int exponent)
    {
        decimal(key, mantissa, Mdp3Schema.NULL_MANTISSA, exponent);
    }

    void decimal(final String key, final long mantissa, final long nullValue, final int exponent)
    {
        sb.append(' ').append(key).append('=');
        if (mantissa == nullValue)
        {
            sb.append("null");
        }
        else
        {
            sb.append(BigDecimal.valueOf(mantissa, -exponent).stripTrailingZeros().toPlainString());
        }
    }

    void end()
    {
        out.println(sb);
        lines++;
    }
}
