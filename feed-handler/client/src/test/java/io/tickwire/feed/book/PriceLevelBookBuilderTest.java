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
package io.tickwire.feed.book;

import com.sun.management.ThreadMXBean;
import io.tickwire.feed.sim.MarketDataFlowGenerator;
import io.tickwire.feed.sim.PriceLevelFlowGenerator;
import io.tickwire.feed.sim.PriceLevelMessages;
import io.tickwire.sbe.md.AggressorSide;
import io.tickwire.sbe.md.BookResetReason;
import io.tickwire.sbe.md.BookType;
import io.tickwire.sbe.md.PriceLevelAction;
import io.tickwire.sbe.md.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static io.tickwire.feed.sim.PriceLevelFlowGenerator.CME_BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Market-by-price books built by {@link BookBuilder} from encoded schema version 3 messages: compared with plain
 * reference books after every message of seeded random streams, the registry's venue data, book resets, trade
 * summaries, malformed updates, and the allocation of the steady state.
 */
@Timeout(60)
class PriceLevelBookBuilderTest
{
    private static final long ES = CME_BASE + 1;
    private static final long NQ = CME_BASE + 2;
    private static final long ZN = CME_BASE + 3;

    private final PriceLevelMessages messages = new PriceLevelMessages();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
    private final BookBuilder builder = new BookBuilder(null);
    private final List<String> errors = new ArrayList<>();
    private long sequence;

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3 })
    void shouldEqualTheReferenceBooksAfterEveryMessage(final long seed)
    {
        final PriceLevelFlowGenerator generator = new PriceLevelFlowGenerator(seed, 12, true);
        final long[] tradeSummaries = new long[AggressorSide.values().length];
        builder.tradeListener(new TradeListener()
        {
            public void onTrade(
                final long sequence, final long instrumentId, final long price, final long quantity, final long id)
            {
                throw new AssertionError("a trade summary is reported as one, not as a plain trade");
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
                tradeSummaries[aggressorSide.ordinal()]++;
            }
        });

        final int messageCount = 60_000;
        for (int i = 0; i < messageCount; i++)
        {
            final int length = generator.next(buffer, 0);
            builder.apply(buffer, 0, length);
            for (int index = 0; index < generator.instrumentCount(); index++)
            {
                // Until its definition has been applied an instrument has no book: the reference is empty then.
                final long instrumentId = PriceLevelFlowGenerator.instrumentId(index);
                final String context = " seed " + seed + " message " + i + " instrument " + index;
                assertNull(BookComparison.firstLevelDifference(
                    generator.outright(index), builder.priceLevelBook(instrumentId)), () -> "outright" + context);
                assertNull(BookComparison.firstLevelDifference(
                    generator.implied(index), builder.impliedBook(instrumentId)), () -> "implied" + context);
            }
        }

        // Only the invalid updates are errors: every valid one was applied without doubt.
        assertEquals(generator.invalidUpdates(), builder.totalBookErrors());
        assertTrue(generator.invalidUpdates() > 0);
        assertEquals(0, builder.malformedMessages());
        assertEquals(messageCount, builder.messagesApplied());
        assertEquals(generator.venueResets() + generator.instrumentResets(), builder.bookResets());
        assertEquals(generator.venueResets(), builder.venueResets());
        assertTrue(generator.venueResets() > 0 && generator.instrumentResets() > 0 && generator.redefinitions() > 0);
        for (final PriceLevelAction action : PriceLevelAction.values())
        {
            if (PriceLevelAction.NULL_VAL == action)
            {
                continue;
            }
            assertTrue(generator.updates(action) > 0, action.name());
        }
        assertEquals(generator.tradeSummaries(), tradeSummaries[AggressorSide.NONE.ordinal()] +
            tradeSummaries[AggressorSide.BUY.ordinal()] + tradeSummaries[AggressorSide.SELL.ordinal()]);
        assertTrue(tradeSummaries[AggressorSide.BUY.ordinal()] > 0 && tradeSummaries[AggressorSide.SELL.ordinal()] > 0);
    }

    @Test
    void shouldKeepTheVenueExponentTickAndDepthsOfTheDefinitionInTheRegistry()
    {
        define(ES, "XCME", "ESZ6", 10);

        final InstrumentBook instrument = builder.instrument(ES);
        assertEquals("ESZ6", instrument.symbol());
        assertEquals("XCME", instrument.venue());
        assertEquals(1, instrument.venueInstrumentId());
        assertEquals(-9, instrument.priceExponent());
        assertEquals(PriceLevelFlowGenerator.TICK, instrument.tickSize());
        assertEquals(BookType.PRICE_LEVEL, instrument.bookType());
        assertEquals(10, instrument.priceLevelBook().marketDepth());
        assertEquals(2, instrument.impliedBook().marketDepth());
        assertTrue(instrument.impliedBook().isImplied());
        assertSame(instrument.priceLevelBook(), instrument.priceLevels());
        assertSame(instrument.priceLevelBook(), builder.priceLevelBook(ES));
        assertSame(instrument.impliedBook(), builder.impliedBook(ES));
    }

    @Test
    void shouldKeepTheLevelsWhenTheDefinitionIsSentAgain()
    {
        define(ES, "XCME", "ESZ6", 10);
        update(ES, PriceLevelAction.NEW, Side.BUY, false, 1, 100, 5);
        final MarketByPriceBook book = builder.instrument(ES).priceLevelBook();

        define(ES, "XCME", "ESZ6", 10);

        assertSame(book, builder.instrument(ES).priceLevelBook());
        assertEquals(100, book.bestPrice(Side.BUY));
    }

    @Test
    void shouldKeepOrderBooksForItchDefinitionsAndRecordTheirExponentAndVenue()
    {
        final MarketDataFlowGenerator generator = new MarketDataFlowGenerator(5, 1, 10);
        final int length = generator.next(buffer, 0);
        builder.apply(buffer, 0, length);

        final InstrumentBook instrument = builder.instruments().get(0);
        assertEquals(BookType.ORDER_BOOK, instrument.bookType());
        assertNull(instrument.priceLevelBook());
        assertNull(instrument.impliedBook());
        assertSame(instrument.book(), instrument.priceLevels());
        assertEquals(-4, instrument.priceExponent());
        assertTrue(!instrument.venue().isEmpty());
    }

    @Test
    void shouldClearOneInstrumentOrEveryInstrumentOfTheVenue()
    {
        define(ES, "XCME", "ESZ6", 5);
        define(NQ, "XCME", "NQZ6", 5);
        define(ZN, "XCBT", "ZNZ6", 5);
        for (final long id : new long[]{ ES, NQ, ZN })
        {
            update(id, PriceLevelAction.NEW, Side.BUY, false, 1, 100, 5);
            update(id, PriceLevelAction.NEW, Side.SELL, true, 1, 101, 6);
        }

        final int instrumentReset = messages.bookReset(buffer, 0, ++sequence, NQ, "XCME", BookResetReason.RECOVERY);
        assertSame(builder.instrument(NQ), builder.apply(buffer, 0, instrumentReset));
        assertEquals(0, builder.instrument(NQ).priceLevelBook().depth(Side.BUY));
        assertEquals(0, builder.instrument(NQ).impliedBook().depth(Side.SELL));
        assertEquals(1, builder.instrument(ES).priceLevelBook().depth(Side.BUY));

        update(NQ, PriceLevelAction.NEW, Side.BUY, false, 1, 99, 7);
        final int venueReset = messages.bookReset(buffer, 0, ++sequence, 0, "XCME", BookResetReason.CHANNEL_RESET);
        assertNull(builder.apply(buffer, 0, venueReset));

        assertEquals(1, builder.venueResets());
        assertEquals(List.of(builder.instrument(ES), builder.instrument(NQ)), builder.venueResetBooks());
        for (final long id : new long[]{ ES, NQ })
        {
            assertEquals(0, builder.instrument(id).priceLevelBook().depth(Side.BUY));
            assertEquals(0, builder.instrument(id).impliedBook().depth(Side.SELL));
        }
        assertEquals(100, builder.instrument(ZN).priceLevelBook().bestPrice(Side.BUY));
        assertEquals(101, builder.instrument(ZN).impliedBook().bestPrice(Side.SELL));
        assertEquals(2, builder.bookResets());
        assertEquals(0, builder.totalBookErrors());
    }

    @Test
    void shouldReportEveryMalformedUpdateWithItsContextAndNeverThrow()
    {
        builder.bookErrorListener(new BookErrorListener()
        {
            public void onBookError(
                final long sequence, final long instrumentId, final long orderId, final BookResult result)
            {
                throw new AssertionError("price level errors come with their level");
            }

            public void onPriceLevelError(
                final long sequence,
                final long instrumentId,
                final Side side,
                final boolean implied,
                final int level,
                final BookResult result)
            {
                errors.add(sequence + " " + (instrumentId - CME_BASE) + " " + side + (implied ? " implied" : "") +
                    " level " + level + " " + result);
            }
        });

        update(ES, PriceLevelAction.NEW, Side.BUY, false, 1, 100, 5);
        define(ES, "XCME", "ESZ6", 2);
        update(ES, PriceLevelAction.NEW, Side.BUY, false, 0, 100, 5);
        update(ES, PriceLevelAction.NEW, Side.BUY, false, 3, 100, 5);
        update(ES, PriceLevelAction.NEW, Side.SELL, true, 2, 100, 5);
        update(ES, PriceLevelAction.CHANGE, Side.SELL, false, 1, 100, 5);
        update(ES, PriceLevelAction.NEW, Side.SELL, false, 1, 100, -5);
        int length = messages.update(buffer, 0, ++sequence, ES, PriceLevelAction.NEW, Side.BUY, false, 1, 100, 5, 1);
        PriceLevelMessages.rawAction(buffer, 0, 6);
        assertNull(builder.apply(buffer, 0, length));
        length = messages.update(buffer, 0, ++sequence, ES, PriceLevelAction.NEW, Side.BUY, false, 1, 100, 5, 1);
        PriceLevelMessages.rawSide(buffer, 0, 'Z');
        assertNull(builder.apply(buffer, 0, length));
        length = messages.update(buffer, 0, ++sequence, ES, PriceLevelAction.NEW, Side.BUY, false, 1, 100, 5, 1);
        PriceLevelMessages.rawImplied(buffer, 0, 2);
        assertNull(builder.apply(buffer, 0, length));
        final int order = messages.definition(buffer, 0, ++sequence, NQ, "XCME", 2, "NQZ6", BookType.ORDER_BOOK,
            PriceLevelFlowGenerator.TICK, 10, 2);
        builder.apply(buffer, 0, order);
        update(NQ, PriceLevelAction.NEW, Side.BUY, false, 1, 100, 5);

        assertEquals(List.of(
            "1 1 BUY level 1 NO_PRICE_LEVEL_BOOK",
            "3 1 BUY level 0 LEVEL_OUT_OF_RANGE",
            "4 1 BUY level 3 LEVEL_OUT_OF_RANGE",
            "5 1 SELL implied level 2 LEVEL_OUT_OF_RANGE",
            "6 1 SELL level 1 LEVEL_OUT_OF_RANGE",
            "7 1 SELL level 1 INVALID_LEVEL",
            "8 1 BUY level 1 UNKNOWN_ACTION",
            "9 1 NULL_VAL level 1 INVALID_LEVEL",
            "10 1 BUY level 1 INVALID_LEVEL",
            "12 2 BUY level 1 NO_PRICE_LEVEL_BOOK"), errors);
        assertEquals(2, builder.bookErrors(BookResult.NO_PRICE_LEVEL_BOOK));
        assertEquals(4, builder.bookErrors(BookResult.LEVEL_OUT_OF_RANGE));
        assertEquals(3, builder.bookErrors(BookResult.INVALID_LEVEL));
        assertEquals(1, builder.bookErrors(BookResult.UNKNOWN_ACTION));
        assertEquals(10, builder.totalBookErrors());
        assertEquals(0, builder.instrument(ES).priceLevelBook().depth(Side.BUY));
        assertEquals(0, builder.instrument(ES).priceLevelBook().depth(Side.SELL));
        assertEquals(0, builder.malformedMessages());
    }

    @Test
    void shouldReportPriceLevelErrorsToAnOrderBookListenerAsBookErrors()
    {
        builder.bookErrorListener((sequence, instrumentId, orderId, result) ->
            errors.add(sequence + " " + (instrumentId - CME_BASE) + " " + orderId + " " + result));

        update(ES, PriceLevelAction.DELETE, Side.BUY, false, 1, 100, 5);

        assertEquals(List.of("1 1 0 NO_PRICE_LEVEL_BOOK"), errors);
    }

    @Test
    void shouldReportTradeSummariesAsTradesToAListenerOfTradesOnly()
    {
        final List<String> trades = new ArrayList<>();
        builder.tradeListener((sequence, instrumentId, price, quantity, matchNumber) ->
            trades.add(sequence + " " + price + " " + quantity + " " + matchNumber));
        define(ES, "XCME", "ESZ6", 10);

        final int length = messages.tradeSummary(buffer, 0, ++sequence, ES, 5_000, 3, AggressorSide.SELL, 2, 77);
        assertNull(builder.apply(buffer, 0, length));

        assertEquals(List.of("2 5000 3 77"), trades);
    }

    @Test
    void shouldCountAnUndefinedAggressorSideOrResetReasonAsMalformed()
    {
        define(ES, "XCME", "ESZ6", 10);
        int length = messages.tradeSummary(buffer, 0, ++sequence, ES, 5_000, 3, AggressorSide.SELL, 2, 77);
        buffer.putByte(8 + io.tickwire.sbe.md.TradeSummaryEncoder.aggressorSideEncodingOffset(), (byte)9);
        builder.apply(buffer, 0, length);
        length = messages.bookReset(buffer, 0, ++sequence, ES, "XCME", BookResetReason.RECOVERY);
        buffer.putByte(8 + io.tickwire.sbe.md.BookResetEncoder.reasonEncodingOffset(), (byte)9);
        builder.apply(buffer, 0, length);

        assertEquals(2, builder.malformedMessages());
        assertEquals(0, builder.bookResets());
    }

    @Test
    void shouldNotAllocateInSteadyState()
    {
        final int messageCount = 400_000;
        final PriceLevelFlowGenerator generator = new PriceLevelFlowGenerator(99, 16, true, false);
        final UnsafeBuffer stream = new UnsafeBuffer(new byte[messageCount * 96]);
        final int[] offsets = new int[messageCount + 1];
        for (int i = 0; i < messageCount; i++)
        {
            offsets[i + 1] = offsets[i] + generator.next(stream, offsets[i]);
        }
        final long[] sink = new long[2];
        builder.bookErrorListener((sequence, instrumentId, orderId, result) -> sink[0]++);
        builder.tradeListener((sequence, instrumentId, price, quantity, matchNumber) -> sink[1] += quantity);

        final int warmUp = messageCount / 2;
        for (int i = 0; i < warmUp; i++)
        {
            builder.apply(stream, offsets[i], offsets[i + 1] - offsets[i]);
        }
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long start = threads.getCurrentThreadAllocatedBytes();
        final long overhead = threads.getCurrentThreadAllocatedBytes() - start;
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = warmUp; i < messageCount; i++)
        {
            builder.apply(stream, offsets[i], offsets[i + 1] - offsets[i]);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before - overhead;

        assertEquals(generator.invalidUpdates(), builder.totalBookErrors());
        assertEquals(builder.totalBookErrors(), sink[0]);
        assertTrue(sink[1] > 0);
        // One allocation per update would be at least 16 bytes each (3.2 MB here); what may remain is JIT noise.
        assertTrue(allocated < 16 * 1024,
            "bytes allocated applying " + (messageCount - warmUp) + " messages after warm-up: " + allocated);
    }

    private void define(final long instrumentId, final String venue, final String symbol, final int depth)
    {
        final int length = messages.definition(buffer, 0, ++sequence, instrumentId, venue, instrumentId - CME_BASE,
            symbol, BookType.PRICE_LEVEL, PriceLevelFlowGenerator.TICK, depth, PriceLevelFlowGenerator.IMPLIED_DEPTH);
        assertNull(builder.apply(buffer, 0, length));
        assertNotNull(builder.instrument(instrumentId));
    }

    private void update(
        final long instrumentId,
        final PriceLevelAction action,
        final Side side,
        final boolean implied,
        final int level,
        final long price,
        final long quantity)
    {
        final int length = messages.update(
            buffer, 0, ++sequence, instrumentId, action, side, implied, level, price, quantity, 1);
        builder.apply(buffer, 0, length);
    }
}
