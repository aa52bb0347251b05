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
package io.tickwire.feed.client;

import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.tickwire.feed.book.BookComparison;
import io.tickwire.feed.book.BookErrorListener;
import io.tickwire.feed.book.BookResult;
import io.tickwire.feed.book.InstrumentBook;
import io.tickwire.feed.book.PriceLevelBook;
import io.tickwire.feed.book.ReferencePriceLevelBook;
import io.tickwire.feed.book.TradeListener;
import io.tickwire.feed.sim.PriceLevelFlowGenerator;
import io.tickwire.feed.sim.PriceLevelMessages;
import io.tickwire.sbe.md.AggressorSide;
import io.tickwire.sbe.md.BookResetReason;
import io.tickwire.sbe.md.BookType;
import io.tickwire.sbe.md.Side;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * End to end over a real media driver: a publication carries an encoded schema version 3 market-by-price stream
 * (definitions, price level updates of every action on outright and implied books, trade summaries, book resets,
 * invalid updates), a {@link FeedClient} builds the books, and at the end every book equals the generator's
 * reference, the last BBO each instrument reported is its reference's best, and the errors, trades and resets are
 * those sent. A venue-wide reset at the end must reach the listeners of every book it cleared.
 */
@Timeout(120)
class PriceLevelFeedClientTest
{
    private static final int STREAM_ID = 1001;
    private static final int MESSAGES = 100_000;
    private static final int INSTRUMENTS = 10;

    @Test
    void shouldBuildMarketByPriceBooksFromAPublicationOverAMediaDriver()
    {
        final long[] errors = new long[1];
        final long[] tradeSummaries = new long[1];
        final Map<Long, Long> lastBid = new HashMap<>();
        final Map<Long, Long> lastAsk = new HashMap<>();
        final Set<Long> booksUpdated = new HashSet<>();

        MediaDriver driver = null;
        Aeron aeron = null;
        FeedClient client = null;
        TestFeedPublisher publisher = null;
        try
        {
            driver = TestMedia.launchDriver();
            aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
            final String channel = TestMedia.multicastChannel();
            final FeedClient feedClient = FeedClient.connect(new FeedClientContext()
                .aeron(aeron)
                .channel(channel)
                .streamId(STREAM_ID)
                .snapshotRequest(null, 0)
                .fragmentLimit(1024)
                .bookListener((instrumentId, symbol, book) -> booksUpdated.add(instrumentId))
                .bboListener((instrumentId, symbol, bidPrice, bidQuantity, askPrice, askQuantity) ->
                {
                    lastBid.put(instrumentId, bidPrice);
                    lastAsk.put(instrumentId, askPrice);
                })
                .tradeListener(new TradeListener()
                {
                    public void onTrade(
                        final long sequence, final long instrumentId, final long price, final long quantity,
                        final long matchNumber)
                    {
                        fail("trade summaries arrive as such");
                    }

                    public void onTradeSummary(
                        final long sequence,
                        final long instrumentId,
                        final long price,
                        final long quantity,
                        final long tradeId,
                        final AggressorSide aggressorSide,
                        final int orderCount)
                    {
                        tradeSummaries[0]++;
                    }
                })
                .bookErrorListener(new BookErrorListener()
                {
                    public void onBookError(
                        final long sequence, final long instrumentId, final long orderId, final BookResult result)
                    {
                        fail("price level errors arrive as such");
                    }

                    public void onPriceLevelError(
                        final long sequence,
                        final long instrumentId,
                        final Side side,
                        final boolean implied,
                        final int level,
                        final BookResult result)
                    {
                        errors[0]++;
                    }
                }));
            client = feedClient;
            publisher = new TestFeedPublisher(aeron, channel, STREAM_ID, feedClient::poll);
            awaitConnected(publisher, feedClient);

            final PriceLevelFlowGenerator generator = new PriceLevelFlowGenerator(17, INSTRUMENTS, true);
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
            for (int i = 0; i < MESSAGES; i++)
            {
                publisher.publish(buffer, 0, generator.next(buffer, 0));
                if (0 == (i & 255))
                {
                    feedClient.poll();
                }
            }
            drain(feedClient, MESSAGES);

            assertEquals(MESSAGES, feedClient.messagesApplied());
            assertEquals(0, feedClient.gaps());
            assertEquals(generator.invalidUpdates(), feedClient.totalBookErrors());
            assertEquals(generator.invalidUpdates(), errors[0]);
            assertEquals(generator.tradeSummaries(), tradeSummaries[0]);
            for (int index = 0; index < INSTRUMENTS; index++)
            {
                final long instrumentId = PriceLevelFlowGenerator.instrumentId(index);
                final InstrumentBook instrument = feedClient.instrument(instrumentId);
                assertEquals(BookType.PRICE_LEVEL, instrument.bookType());
                assertEquals(PriceLevelFlowGenerator.venue(index), instrument.venue());
                assertEquals(PriceLevelFlowGenerator.symbol(index), instrument.symbol());
                assertSame(instrument.priceLevelBook(), feedClient.priceLevelBook(instrumentId));
                assertNull(BookComparison.firstLevelDifference(
                    generator.outright(index), feedClient.priceLevelBook(instrumentId)), "outright " + index);
                assertNull(BookComparison.firstLevelDifference(
                    generator.implied(index), feedClient.impliedBook(instrumentId)), "implied " + index);
                final ReferencePriceLevelBook reference = generator.outright(index);
                assertEquals(reference.bestPrice(Side.BUY), last(lastBid, instrumentId), "BBO bid " + index);
                assertEquals(reference.bestPrice(Side.SELL), last(lastAsk, instrumentId), "BBO ask " + index);
                assertTrue(booksUpdated.contains(instrumentId));
            }

            // A venue-wide reset: every book of the venue is cleared and reported, the other venue's are not.
            final Set<Long> hadLevels = new HashSet<>();
            for (int index = 0; index < INSTRUMENTS; index++)
            {
                if (PriceLevelFlowGenerator.VENUE.equals(PriceLevelFlowGenerator.venue(index)) &&
                    generator.outright(index).depth(Side.BUY) + generator.outright(index).depth(Side.SELL) > 0)
                {
                    hadLevels.add(PriceLevelFlowGenerator.instrumentId(index));
                }
            }
            assertTrue(!hadLevels.isEmpty());
            booksUpdated.clear();
            final int length = new PriceLevelMessages().bookReset(
                buffer, 0, 0, 0, PriceLevelFlowGenerator.VENUE, BookResetReason.CHANNEL_RESET);
            publisher.publish(buffer, 0, length);
            drain(feedClient, MESSAGES + 1);

            for (int index = 0; index < INSTRUMENTS; index++)
            {
                final long instrumentId = PriceLevelFlowGenerator.instrumentId(index);
                final boolean cleared = PriceLevelFlowGenerator.VENUE.equals(PriceLevelFlowGenerator.venue(index));
                assertEquals(cleared, booksUpdated.contains(instrumentId), "reported " + index);
                if (cleared)
                {
                    assertEquals(0, feedClient.priceLevelBook(instrumentId).depth(Side.BUY));
                    assertEquals(0, feedClient.impliedBook(instrumentId).depth(Side.SELL));
                }
                if (hadLevels.contains(instrumentId))
                {
                    assertEquals(PriceLevelBook.NULL_PRICE, last(lastBid, instrumentId), "BBO after reset " + index);
                    assertEquals(PriceLevelBook.NULL_PRICE, last(lastAsk, instrumentId), "BBO after reset " + index);
                }
            }
        }
        finally
        {
            CloseHelper.closeAll(publisher, client, aeron, driver);
        }
    }

    private static long last(final Map<Long, Long> prices, final long instrumentId)
    {
        // An instrument that never had a level never reported a BBO: its side is as empty as NULL_PRICE says.
        return prices.getOrDefault(instrumentId, PriceLevelBook.NULL_PRICE);
    }

    private static void awaitConnected(final TestFeedPublisher publisher, final FeedClient client)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!publisher.publication().isConnected() || !client.isConnected())
        {
            if (System.nanoTime() > deadline)
            {
                fail("no connection");
            }
            client.poll();
            Thread.yield();
        }
    }

    private static void drain(final FeedClient client, final long lastSequence)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (client.expectedSequence() <= lastSequence)
        {
            if (System.nanoTime() > deadline)
            {
                fail("client stuck at " + client.expectedSequence() + ", received " + client.messagesReceived() +
                    ", applied " + client.messagesApplied() + ", gaps " + client.gaps() + ", silences " +
                    client.silences() + ", recovering " + client.isRecovering());
            }
            if (0 == client.poll())
            {
                Thread.yield();
            }
        }
    }
}
