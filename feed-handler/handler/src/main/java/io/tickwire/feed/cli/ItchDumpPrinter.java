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

import io.tickwire.feed.ingest.itch.ItchListener;
import io.tickwire.feed.ingest.itch.ItchText;

import java.io.PrintWriter;

/**
 * Prints each decoded ITCH message as one line of {@code key=value} pairs: {@code seq=<n> type=<letter>}, then
 * {@code locate}, {@code tracking}, {@code timestamp} and the message's fields named after the ITCH 5.0
 * specification in lower case with underscores. Prices are the raw integers (4 implied decimals; 8 for MWCB
 * levels), alphanumerics are trimmed of their padding (so a blank field prints as {@code key=}).
 */
public final class ItchDumpPrinter implements ItchListener
{
    private final PrintWriter out;
    private final StringBuilder sb = new StringBuilder(256);
    private long lines;

    /**
     * A printer writing to the given output.
     *
     * @param out to print lines to.
     */
    public ItchDumpPrinter(final PrintWriter out)
    {
        this.out = out;
    }

    /**
     * Lines printed so far.
     *
     * @return count of messages printed.
     */
    public long lines()
    {
        return lines;
    }

    /**
     * {@inheritDoc}
     */
    public void onSystemEvent(
        final long sequence, final int locate, final int tracking, final long timestamp, final byte eventCode)
    {
        start(sequence, 'S', locate, tracking, timestamp);
        chr("event_code", eventCode);
        end();
    }

    /**
     * {@inheritDoc}
     */
    public void onStockDirectory(
        final long sequence, final int locate, final int tracking, final long timestamp, final long stock,
        final byte marketCategory, final byte financialStatus, final long roundLotSize, final byte roundLotsOnly,
        final byte issueClassification, final short issueSubType, final byte authenticity,
        final byte shortSaleThreshold, final byte ipoFlag, final byte luldTier, final byte etpFlag,
        final long etpLeverageFactor, final byte inverseIndicator)
    {
        start(sequence, 'R', locate, tracking, timestamp);
        stock(stock);
        chr("market_category", marketCategory);
        chr("financial_status_indicator", financialStatus);
        num("round_lot_size", roundLotSize);
        chr("round_lots_only", roundLotsOnly);
        chr("issue_classification", issueClassification);
        text("issue_sub_type", issueSubType & 0xFFFF, 2);
        chr("authenticity", authenticity);
        chr("short_sale_threshold_indicator", shortSaleThreshold);
        chr("ipo_flag", ipoFlag);
        chr("luld_reference_price_tier", luldTier);
        chr("etp_flag", etpFlag);
        num("etp_leverage_factor", etpLeverageFactor);
        chr("inverse_indicator", inverseIndicator);
        end();
    }

    /**
     * {@inheritDoc}
     */
    public void onStockTradingAction(
        final long sequence, final int locate, final int tracking, final long timestamp, final long stock,
        final byte tradingState, final byte reserved, final int reason)
    {
        start(sequence, 'H', locate, tracking, timestamp);
        stock(stock);
        chr("trading_state", tradingState);
        chr("reserved", reserved);
        text("reason", reason & 0xFFFF_FFFFL, 4);
        end();
    }

    /**
     * {@inheritDoc}
     */
    public void onRegShoRestriction(
        final long sequence, final int locate, final int tracking, final long timestamp, final long stock,
        final byte action)
    {
        start(sequence, 'Y', locate, tracking, timestamp);
        stock(stock);
        chr("reg_sho_action", action);
        end();
    }

    /**
     * {@inheritDoc}
     */
    public void onMarketParticipantPosition(
        final long sequence, final int locate, final int tracking, final long timestamp, final int mpid,
        final long stock, final byte primaryMarketMaker, final byte marketMakerMode, final byte participantState)
    {
        start(sequence, 'L', locate, tracking, timestamp);
        text("mpid", mpid & 0xFFFF_FFFFL, 4);
        stock(stock);
        chr("primary_market_maker", primaryMarketMaker);
        chr("market_maker_mode", marketMakerMode);
        chr("market_participant_state", participantState);
        end();
    }

    /**
     * {@inheritDoc}
     */
    public void onMwcbDeclineLevel(
        final long sequence, final int locate, final int tracking, final long timestamp, final long level1,
        final long level2, final long level3)
    {
        start(sequence, 'V', locate, tracking, timestamp);
        num("level_1", level1);
        num("level_2", level2);
        num("level_3", level3);
        end();
    }

    /**
     * {@inheritDoc}
     */
    public void onMwcbStatus(
        final long sequence, final int locate, final int tracking, final long timestamp, final byte breachedLevel)
    {
        start(sequence, 'W', locate, tracking, timestamp);
        chr("breached_level", breachedLevel);
        end();
    }

    /**
     * {@inheritDoc}
     */
    public void onIpoQuotingPeriodUpdate(
        final long sequence, final int locate, final int tracking, final long timestamp, final long stock,
        final long releaseTime, final byte qualifier, final long ipoPrice)
    {
        start(sequence, 'K', locate, tracking, timestamp);
        stock(stock);
        num("ipo_quotation_release_time", releaseTime);
        chr("ipo_quotation_release_qualifier", qualifier);
        num("ipo_price", ipoPrice);
        end();
    }

    /**
     * {@inheritDoc}
     */
    public void onLuldAuctionCollar(
        final long sequence, final int locate, final int tracking, final long timestamp, final long stock,
        final long referencePrice, final long upperPrice, final long lowerPrice, final long extension)
    {
        start(sequence, 'J', locate, tracking, timestamp);
        stock(stock);
        num("auction_collar_reference_price", referencePrice);
        num("upper_auction_collar_price", upperPrice);
        num("lower_auction_collar_price", lowerPrice);
        num("auction_collar_extension", extension);
        end();
    }

    /**
     * {@inheritDoc}
     */
    public void onOperationalHalt(
        final long sequence, final int locate, final int tracking, final long timestamp, final long stock,
        final byte marketCode, final byte action)
    {
        start(sequence, 'h', locate, tracking, timestamp);
        stock(stock);
        chr("market_code", marketCode);
        chr("operational_halt_action", action);
        end();
    }

    /**
     * {@inheritDoc}
     */
    public void onAddOrder(
        final long sequence, final int locate, final int tracking, final long timestamp, final long ref,
        final byte side, final long shares, final long stock, final long price, final int attribution)
    {
        start(sequence, attribution == 0 ? 'A' : 'F', locate, tracking, timestamp);
        num("ref", ref);
        chr("side", side);
        num("shares", shares);
        stock(stock);
        num("price", price);
        if (attribution != 0)
        {
            text("attribution", attribution & 0xFFFF_FFFFL, 4);
        }
        end();
    }

    /**
     * {@inheritDoc}
     */
    public void onOrderExecuted(
        final long sequence, final int locate, final int tracking, final long timestamp, final long ref,
        final long shares, final long match)
    {
        start(sequence, 'E', locate, tracking, timestamp);
        num("ref", ref);
        num("executed_shares", shares);
        num("match", match);
        end();
    }

    /**
     * {@inheritDoc}
     */
    public void onOrderExecutedWithPrice(
        final long sequence, final int locate, final int tracking, final long timestamp, final long ref,
        final long shares, final long match, final byte printable, final long price)
    {
        start(sequence, 'C', locate, tracking, timestamp);
        num("ref", ref);
        num("executed_shares", shares);
        num("match", match);
        chr("printable", printable);
        num("execution_price", price);
        end();
    }

    /**
     * {@inheritDoc}
     */
    public void onOrderCancel(
        final long sequence, final int locate, final int tracking, final long timestamp, final long ref,
        final long shares)
    {
        start(sequence, 'X', locate, tracking, timestamp);
        num("ref", ref);
        num("cancelled_shares", shares);
        end();
    }

    /**
     * {@inheritDoc}
     */
    public void onOrderDelete(
        final long sequence, final int locate, final int tracking, final long timestamp, final long ref)
    {
        start(sequence, 'D', locate, tracking, timestamp);
        num("ref", ref);
        end();
    }

    /**
     * {@inheritDoc}
     */
    public void onOrderReplace(
        final long sequence, final int locate, final int tracking, final long timestamp, final long origRef,
        final long newRef, final long shares, final long price)
    {
        start(sequence, 'U', locate, tracking, timestamp);
        num("orig_ref", origRef);
        num("new_ref", newRef);
        num("shares", shares);
        num("price", price);
        end();
    }

    /**
     * {@inheritDoc}
     */
    public void onTrade(
        final long sequence, final int locate, final int tracking, final long timestamp, final long ref,
        final byte side, final long shares, final long stock, final long price, final long match)
    {
        start(sequence, 'P', locate, tracking, timestamp);
        num("ref", ref);
        chr("side", side);
        num("shares", shares);
        stock(stock);
        num("price", price);
        num("match", match);
        end();
    }

    /**
     * {@inheritDoc}
     */
    public void onCrossTrade(
        final long sequence, final int locate, final int tracking, final long timestamp, final long shares,
        final long stock, final long crossPrice, final long match, final byte crossType)
    {
        start(sequence, 'Q', locate, tracking, timestamp);
        sb.append(" shares=").append(Long.toUnsignedString(shares));
        stock(stock);
        num("cross_price", crossPrice);
        num("match", match);
        chr("cross_type", crossType);
        end();
    }

    /**
     * {@inheritDoc}
     */
    public void onBrokenTrade(
        final long sequence, final int locate, final int tracking, final long timestamp, final long match)
    {
        start(sequence, 'B', locate, tracking, timestamp);
        num("match", match);
        end();
    }

    /**
     * {@inheritDoc}
     */
    public void onNoii(
        final long sequence, final int locate, final int tracking, final long timestamp, final long pairedShares,
        final long imbalanceShares, final byte direction, final long stock, final long farPrice,
        final long nearPrice, final long referencePrice, final byte crossType, final byte priceVariation)
    {
        start(sequence, 'I', locate, tracking, timestamp);
        num("paired_shares", pairedShares);
        num("imbalance_shares", imbalanceShares);
        chr("imbalance_direction", direction);
        stock(stock);
        num("far_price", farPrice);
        num("near_price", nearPrice);
        num("current_reference_price", referencePrice);
        chr("cross_type", crossType);
        chr("price_variation_indicator", priceVariation);
        end();
    }

    /**
     * {@inheritDoc}
     */
    public void onRetailInterest(
        final long sequence, final int locate, final int tracking, final long timestamp, final long stock,
        final byte interestFlag)
    {
        start(sequence, 'N', locate, tracking, timestamp);
        stock(stock);
        chr("interest_flag", interestFlag);
        end();
    }

    /**
     * {@inheritDoc}
     */
    public void onDirectListingCapitalRaise(
        final long sequence, final int locate, final int tracking, final long timestamp, final long stock,
        final byte eligibility, final long minPrice, final long maxPrice, final long nearPrice, final long nearTime,
        final long lowerCollar, final long upperCollar)
    {
        start(sequence, 'O', locate, tracking, timestamp);
        stock(stock);
        chr("open_eligibility_status", eligibility);
        num("minimum_allowable_price", minPrice);
        num("maximum_allowable_price", maxPrice);
        num("near_execution_price", nearPrice);
        num("near_execution_time", nearTime);
        num("lower_price_range_collar", lowerCollar);
        num("upper_price_range_collar", upperCollar);
        end();
    }

    private void start(final long sequence, final char type, final int locate, final int tracking,
        final long timestamp)
    {
        sb.setLength(0);
        sb.append("seq=").append(sequence).append(" type=").append(type)
            .append(" locate=").append(locate)
            .append(" tracking=").append(tracking)
            .append(" timestamp=").append(timestamp);
    }

    private void num(final String key, final long value)
    {
        sb.append(' ').append(key).append('=').append(value);
    }

    private void chr(final String key, final byte value)
    {
        sb.append(' ').append(key).append('=');
        if (value > 0x20 && value < 0x7F)
        {
            sb.append((char)value);
        }
        else if (value != ' ')
        {
            sb.append(String.format("0x%02x", value & 0xFF));
        }
    }

    private void text(final String key, final long packed, final int width)
    {
        sb.append(' ').append(key).append('=');
        ItchText.appendTrimmed(sb, packed, width);
    }

    private void stock(final long stock)
    {
        text("stock", stock, 8);
    }

    private void end()
    {
        sb.append('\n');
        out.append(sb);
        lines++;
    }
}
