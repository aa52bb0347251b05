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

import io.tickwire.sbe.md.AggressorSide;

/**
 * What a trade entry of MDIncrementalRefreshTradeSummary (42, 48) becomes once its RptSeq has let it through, by its
 * MDUpdateAction: New a {@code TradeSummary}; Delete a trade bust, published as {@code BrokenTrade} whose matchNumber
 * is the busted trade's MDTradeEntryID (the tradeId its TradeSummary carried); Change (a correction) counted.
 * <p>
 * CME names a trade in market data, order entry and clearing by MDTradeEntryID, so a bust that carries it is all a
 * subscriber needs to take that trade back. Template 42 before schema version 7 has no MDTradeEntryID: such a bust
 * cannot name its trade and is counted with the corrections ({@code trades-not-new}), not published. Nothing is
 * allocated unless a field value is reported.
 */
final class Mdp3TradeEntries
{
    private static final int NEW = 0;
    private static final int CHANGE = 1;
    private static final int DELETE = 2;

    private final Mdp3PacketContext context;
    private final Mdp3FeedWriter writer;
    private final Mdp3NormaliserCounters counters;

    Mdp3TradeEntries(
        final Mdp3PacketContext context, final Mdp3FeedWriter writer, final Mdp3NormaliserCounters counters)
    {
        this.context = context;
        this.writer = writer;
        this.counters = counters;
    }

    /**
     * A trade entry in sequence: published, counted or reported.
     */
    void onEntry(
        final int templateId, final long transactTime, final int securityId, final long rptSeq,
        final int updateAction, final long price, final int priceExponent, final int size, final int numberOfOrders,
        final int aggressorSide, final long tradeEntryId)
    {
        if (DELETE == updateAction)
        {
            bust(templateId, transactTime, securityId, tradeEntryId);
            return;
        }
        if (CHANGE == updateAction)
        {
            counters.tradesNotNew.incrementRelease();
            return;
        }
        if (NEW != updateAction)
        {
            context.badField(templateId, securityId, "trade MDUpdateAction " + updateAction);
            return;
        }
        final AggressorSide aggressor = aggressor(aggressorSide);
        if (null == aggressor)
        {
            context.badField(templateId, securityId, "AggressorSide " + aggressorSide);
            return;
        }
        if (context.validSecurityId(templateId, securityId) && context.claim())
        {
            writer.trade(transactTime, securityId, rptSeq, price, priceExponent, size, aggressor, numberOfOrders,
                tradeEntryId);
        }
    }

    private void bust(final int templateId, final long transactTime, final int securityId, final long tradeEntryId)
    {
        if (Mdp3Schema.NULL_UINT32 == tradeEntryId)
        {
            counters.tradesNotNew.incrementRelease();
            return;
        }
        if (context.validSecurityId(templateId, securityId) && context.claim())
        {
            writer.brokenTrade(transactTime, securityId, tradeEntryId);
        }
    }

    private static AggressorSide aggressor(final int aggressorSide)
    {
        if (aggressorSide == 1)
        {
            return AggressorSide.BUY;
        }
        if (aggressorSide == 2)
        {
            return AggressorSide.SELL;
        }
        if (aggressorSide == 0 || aggressorSide == Mdp3Schema.NULL_UINT8)
        {
            return AggressorSide.NONE;
        }
        return null;
    }
}
