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

import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.book.TradeListener;
import io.tickwire.feed.ingest.MalformedInputCounter;
import io.tickwire.feed.ring.MessageSink;
import io.tickwire.sbe.md.AggressorSide;
import io.tickwire.sbe.mdp3.MDUpdateAction;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Trade busts of MDIncrementalRefreshTradeSummary (an entry with MDUpdateAction Delete) published as BrokenTrade
 * naming the busted trade's MDTradeEntryID, the tradeId of the TradeSummary that reported it; corrections (Change)
 * and busts without an MDTradeEntryID counted; a subscriber's {@link BookBuilder} hands both the trade and its bust
 * to its {@link TradeListener}; on a live channel a bust of a recovering instrument is held and replayed.
 */
@Timeout(30)
class Mdp3TradeBustTest
{
    private static final int ES = 13950;
    private static final long ES_ID = (1L << 24) + ES;
    private static final long PRICE = 5_000_250_000_000L;

    private final MalformedInputCounter reports = new MalformedInputCounter(10);
    private final Mdp3NormaliserCounters counters = new Mdp3NormaliserCounters(null, "test");
    private final FeedText text = new FeedText();

    @Test
    void shouldPublishABustAsBrokenTradeAndCountCorrections()
    {
        final Mdp3Normaliser normaliser = new Mdp3Normaliser(() -> 77L, reports, "test", counters);
        final Mdp3TestPackets packet = new Mdp3TestPackets(1, 1)
            .trade(ES, 1, PRICE, 5)
            .trade(ES, 2, PRICE, 5, MDUpdateAction.Delete, 99)
            .trade(ES, 3, PRICE + 250_000_000L, 5, MDUpdateAction.Change, 99)
            .trade(ES, 4, PRICE, 5, MDUpdateAction.Delete, Mdp3Schema.NULL_UINT32);

        assertEquals(2, normaliser.normalise(1_000, packet.buffer(), 0, packet.length(), text));

        assertEquals(List.of(
            "trade " + ES_ID + " " + PRICE + " x5 SELL n2 id99 r1",
            "broken " + ES_ID + " id99"), text.messages());
        // The bust's TransactTime, as nanoseconds since midnight.
        assertEquals(5_500L, text.sourceTimestamps().get(1));
        assertEquals(1, counters.trades());
        assertEquals(1, counters.tradeBusts());
        assertEquals(2, counters.tradesNotNew());
        assertEquals(0, counters.rptSeqGaps());
        assertEquals(0, reports.total());
    }

    @Test
    void shouldHandTheTradeAndItsBustToTheSubscribersTradeListener()
    {
        final List<String> heard = new ArrayList<>();
        final BookBuilder builder = new BookBuilder(null).tradeListener(new TradeListener()
        {
            public void onTrade(
                final long sequence, final long instrumentId, final long price, final long quantity,
                final long matchNumber)
            {
                heard.add("trade " + instrumentId + " " + matchNumber);
            }

            public void onTradeSummary(
                final long sequence, final long instrumentId, final long price, final long quantity,
                final long tradeId, final AggressorSide aggressorSide, final int orderCount)
            {
                heard.add("summary " + instrumentId + " " + price + " x" + quantity + " id" + tradeId);
            }

            public void onBrokenTrade(final long sequence, final long instrumentId, final long matchNumber)
            {
                heard.add("broken " + instrumentId + " id" + matchNumber);
            }
        });
        final UnsafeBuffer message = new UnsafeBuffer(new byte[Mdp3Normaliser.MAX_ENCODED_LENGTH]);
        final MessageSink subscriber = new MessageSink()
        {
            public MutableDirectBuffer buffer()
            {
                return message;
            }

            public void write(final int length)
            {
                builder.apply(message, 0, length);
            }
        };
        final Mdp3Normaliser normaliser = new Mdp3Normaliser(() -> 77L, reports, "test", counters);
        final Mdp3TestPackets definition = new Mdp3TestPackets(1, 1).future(ES, "ESH6");
        final Mdp3TestPackets trades = new Mdp3TestPackets(2, 1)
            .trade(ES, 1, PRICE, 5)
            .trade(ES, 2, PRICE, 5, MDUpdateAction.Delete, 99);

        normaliser.normalise(1_000, definition.buffer(), 0, definition.length(), subscriber);
        normaliser.normalise(2_000, trades.buffer(), 0, trades.length(), subscriber);

        assertNotNull(builder.instrument(ES_ID));
        assertEquals(List.of("summary " + ES_ID + " " + PRICE + " x5 id99", "broken " + ES_ID + " id99"), heard);
        assertEquals(0, reports.total());
    }

    @Test
    void shouldHoldTheBustOfARecoveringInstrumentAndReplayItAfterItsSnapshot()
    {
        final Mdp3SequenceTracker tracker = new Mdp3SequenceTracker();
        final Mdp3Recovery recovery = new Mdp3Recovery(tracker, 8);
        final Mdp3Normaliser normaliser = new Mdp3Normaliser(() -> 77L, reports, "test", counters, tracker, recovery);
        final Mdp3TestPackets first = new Mdp3TestPackets(1, 1).trade(ES, 1, PRICE, 5);
        final Mdp3TestPackets afterLoss = new Mdp3TestPackets(2, 1).trade(ES, 4, PRICE, 5, MDUpdateAction.Delete, 99);
        final Mdp3TestPackets snapshot = new Mdp3TestPackets(1, 1).snapshot52(ES, 3);

        normaliser.normalise(1, first.buffer(), 0, first.length(), text);
        normaliser.normalise(2, afterLoss.buffer(), 0, afterLoss.length(), text);
        assertEquals(1, counters.entriesHeld());
        assertEquals(1, text.messages().size());
        normaliser.normalise(Mdp3LiveSource.SNAPSHOT | 1, snapshot.buffer(), 0, snapshot.length(), text);

        assertEquals("reset " + ES_ID + " XCME RECOVERY r3", text.messages().get(1));
        assertEquals("broken " + ES_ID + " id99", text.messages().get(text.messages().size() - 1));
        assertEquals(1, counters.tradeBusts());
        assertEquals(0, reports.total());
    }
}
