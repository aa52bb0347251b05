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

import io.tickwire.sbe.md.PriceLevelAction;
import io.tickwire.sbe.md.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.tickwire.sbe.md.PriceLevelAction.CHANGE;
import static io.tickwire.sbe.md.PriceLevelAction.DELETE;
import static io.tickwire.sbe.md.PriceLevelAction.DELETE_FROM;
import static io.tickwire.sbe.md.PriceLevelAction.DELETE_THRU;
import static io.tickwire.sbe.md.PriceLevelAction.NEW;
import static io.tickwire.sbe.md.PriceLevelAction.OVERLAY;
import static io.tickwire.sbe.md.Side.BUY;
import static io.tickwire.sbe.md.Side.SELL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Each MDP 3.0 book management rule on a small book: bids 1000, 990, 980 and offers 1010, 1020 in a book of depth
 * 4. A side is written "price x quantity / orders" per level, best first.
 */
@Timeout(30)
class MarketByPriceBookTest
{
    private final MarketByPriceBook book = new MarketByPriceBook(42, false, 4);

    private void startBook()
    {
        apply(NEW, BUY, 1, 1000, 10, 1);
        apply(NEW, BUY, 2, 990, 20, 2);
        apply(NEW, BUY, 3, 980, 30, 3);
        apply(NEW, SELL, 1, 1010, 15, 1);
        apply(NEW, SELL, 2, 1020, 25, 2);
    }

    @Test
    void shouldInsertNewLevelAndShiftTheLevelsBehindItDown()
    {
        startBook();

        assertEquals(BookResult.APPLIED, apply(NEW, BUY, 2, 995, 5, 1));

        assertEquals("1000x10/1 995x5/1 990x20/2 980x30/3", levels(BUY));
        assertEquals("1010x15/1 1020x25/2", levels(SELL));
    }

    @Test
    void shouldDropTheWorstLevelWhenANewBestArrivesOnAFullSide()
    {
        startBook();
        apply(NEW, BUY, 4, 970, 40, 4);
        apply(DELETE, BUY, 1, 1000, 0, 0);

        assertEquals(BookResult.APPLIED, apply(NEW, BUY, 1, 1000, 12, 2));
        assertEquals(BookResult.APPLIED, apply(NEW, BUY, 1, 1005, 1, 1));

        assertEquals("1005x1/1 1000x12/2 990x20/2 980x30/3", levels(BUY));
    }

    @Test
    void shouldAppendANewLevelOnePastTheLevelsHeld()
    {
        startBook();

        assertEquals(BookResult.APPLIED, apply(NEW, SELL, 3, 1030, 35, 3));

        assertEquals("1010x15/1 1020x25/2 1030x35/3", levels(SELL));
    }

    @Test
    void shouldRejectANewLevelThatWouldLeaveAHole()
    {
        startBook();

        assertEquals(BookResult.LEVEL_OUT_OF_RANGE, apply(NEW, SELL, 4, 1040, 35, 3));

        assertEquals("1010x15/1 1020x25/2", levels(SELL));
    }

    @Test
    void shouldRejectLevelZeroAndLevelsBeyondTheDepthForEveryActionButDeleteThru()
    {
        startBook();
        for (final PriceLevelAction action : new PriceLevelAction[]{ NEW, CHANGE, DELETE, DELETE_FROM, OVERLAY })
        {
            assertEquals(BookResult.LEVEL_OUT_OF_RANGE, apply(action, BUY, 0, 1000, 1, 1), action.name());
            assertEquals(BookResult.LEVEL_OUT_OF_RANGE, apply(action, BUY, 5, 1000, 1, 1), action.name());
        }

        assertEquals("1000x10/1 990x20/2 980x30/3", levels(BUY));
    }

    @Test
    void shouldChangeQuantityAndOrderCountInPlace()
    {
        startBook();

        assertEquals(BookResult.APPLIED, apply(CHANGE, BUY, 2, 990, 21, 3));

        assertEquals("1000x10/1 990x21/3 980x30/3", levels(BUY));
    }

    @Test
    void shouldApplyAndReportAChangeNamingAnotherPriceThanTheLevels()
    {
        startBook();

        assertEquals(BookResult.LEVEL_PRICE_MISMATCH, apply(CHANGE, BUY, 2, 992, 21, 3));

        assertEquals("1000x10/1 992x21/3 980x30/3", levels(BUY));
    }

    @Test
    void shouldRejectAChangeOrDeleteOfALevelNotHeld()
    {
        startBook();

        assertEquals(BookResult.LEVEL_OUT_OF_RANGE, apply(CHANGE, SELL, 3, 1030, 1, 1));
        assertEquals(BookResult.LEVEL_OUT_OF_RANGE, apply(DELETE, SELL, 3, 1030, 0, 0));
        assertEquals(BookResult.LEVEL_OUT_OF_RANGE, apply(OVERLAY, SELL, 3, 1030, 1, 1));

        assertEquals("1010x15/1 1020x25/2", levels(SELL));
    }

    @Test
    void shouldDeleteALevelAndShiftTheLevelsBehindItUp()
    {
        startBook();

        assertEquals(BookResult.APPLIED, apply(DELETE, BUY, 1, 1000, 0, 0));

        assertEquals("990x20/2 980x30/3", levels(BUY));
        assertEquals(990, book.bestPrice(BUY));
    }

    @Test
    void shouldDeleteThruEmptyingTheSideWhateverTheLevel()
    {
        startBook();

        assertEquals(BookResult.APPLIED, apply(DELETE_THRU, BUY, 1, 0, 0, 0));

        assertEquals("", levels(BUY));
        assertEquals("1010x15/1 1020x25/2", levels(SELL));
        assertEquals(PriceLevelBook.NULL_PRICE, book.bestPrice(BUY));
    }

    @Test
    void shouldDeleteFromTheBestThroughTheLevelAndShiftTheRestToTheTop()
    {
        startBook();
        apply(NEW, BUY, 4, 970, 40, 4);

        assertEquals(BookResult.APPLIED, apply(DELETE_FROM, BUY, 2, 990, 0, 0));

        assertEquals("980x30/3 970x40/4", levels(BUY));
    }

    @Test
    void shouldDeleteFromPastTheLevelsHeldEmptyingTheSide()
    {
        startBook();

        assertEquals(BookResult.APPLIED, apply(DELETE_FROM, SELL, 4, 0, 0, 0));

        assertEquals("", levels(SELL));
        assertEquals("1000x10/1 990x20/2 980x30/3", levels(BUY));
    }

    @Test
    void shouldOverlayALevelPriceIncludedWithoutMovingAny()
    {
        startBook();

        assertEquals(BookResult.APPLIED, apply(OVERLAY, SELL, 2, 1025, 26, 4));

        assertEquals("1010x15/1 1025x26/4", levels(SELL));
    }

    @Test
    void shouldApplyAndReportANewOrOverlaidPriceOutOfOrderWithItsNeighbours()
    {
        startBook();

        assertEquals(BookResult.LEVEL_OUT_OF_ORDER, apply(NEW, BUY, 2, 1000, 5, 1));
        assertEquals("1000x10/1 1000x5/1 990x20/2 980x30/3", levels(BUY));
        assertEquals(BookResult.LEVEL_OUT_OF_ORDER, apply(OVERLAY, SELL, 1, 1030, 5, 1));
        assertEquals("1030x5/1 1020x25/2", levels(SELL));
    }

    @Test
    void shouldKeepOffersAscendingAndReportTheirCrossStateWithTheBids()
    {
        startBook();

        assertEquals(CrossState.NORMAL, book.crossState());
        apply(NEW, SELL, 1, 1000, 1, 1);
        assertEquals(CrossState.LOCKED, book.crossState());
        // Each side is checked on its own: an offer through the best bid is in order on its side.
        assertEquals(BookResult.APPLIED, apply(OVERLAY, SELL, 1, 990, 1, 1));
        assertEquals(CrossState.CROSSED, book.crossState());
    }

    @Test
    void shouldTakeANewDepthKeepingTheBestLevels()
    {
        startBook();

        book.marketDepth(2);

        assertEquals(2, book.marketDepth());
        assertEquals("1000x10/1 990x20/2", levels(BUY));
        assertEquals(BookResult.APPLIED, apply(NEW, BUY, 1, 1005, 1, 1));
        assertEquals("1005x1/1 1000x10/1", levels(BUY));
    }

    @Test
    void shouldRefuseToReadALevelNotHeld()
    {
        startBook();

        assertThrows(IndexOutOfBoundsException.class, () -> book.price(SELL, 2));
    }

    private BookResult apply(
        final PriceLevelAction action,
        final Side side,
        final int level,
        final long price,
        final long quantity,
        final int orderCount)
    {
        return book.apply(action, side, level, price, quantity, orderCount);
    }

    private String levels(final Side side)
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < book.depth(side); i++)
        {
            sb.append(0 == i ? "" : " ").append(book.price(side, i)).append('x').append(book.quantity(side, i))
                .append('/').append(book.orderCount(side, i));
        }
        return sb.toString();
    }
}
