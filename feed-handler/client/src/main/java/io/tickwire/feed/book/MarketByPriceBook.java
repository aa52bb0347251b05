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

/**
 * A market-by-price (L2) book as a venue such as CME MDP 3.0 disseminates it: up to a fixed number of price levels
 * per side, each with its aggregated quantity and order count, maintained by level number (1 the best) rather than
 * rebuilt from orders. One instance is the outright book of an instrument, another its implied book; both are sized
 * by the instrument's definition and allocate nothing afterwards.
 * <p>
 * The actions are MDP 3.0's {@code MDUpdateAction}s:
 * <ul>
 *     <li>{@code NEW} inserts at the level and shifts the levels behind it down, dropping the one pushed past the
 *     depth; the level may be at most one past the levels held (else {@link BookResult#LEVEL_OUT_OF_RANGE});</li>
 *     <li>{@code CHANGE} sets the quantity and order count of a held level in place (a price other than the level's
 *     is applied and reported as {@link BookResult#LEVEL_PRICE_MISMATCH});</li>
 *     <li>{@code DELETE} removes a held level and shifts those behind it up;</li>
 *     <li>{@code DELETE_THRU} removes every level of the side (the level does not matter);</li>
 *     <li>{@code DELETE_FROM} removes the levels from the best through the level given (all of them when it is past
 *     the levels held) and shifts the rest up to the top;</li>
 *     <li>{@code OVERLAY} replaces a held level, price included, without moving any.</li>
 * </ul>
 * A level of 0 or beyond the depth is {@link BookResult#LEVEL_OUT_OF_RANGE} for every action but
 * {@code DELETE_THRU}, and leaves the book as it was. A new or overlaid price that does not sit strictly between its
 * neighbours is applied and reported as {@link BookResult#LEVEL_OUT_OF_ORDER}.
 * <p>
 * Not thread safe: one thread applies and reads.
 */
public final class MarketByPriceBook implements PriceLevelBook
{
    private final long instrumentId;
    private final boolean implied;
    private final PriceLevelSide bids;
    private final PriceLevelSide asks;

    /**
     * An empty book.
     *
     * @param instrumentId the book is for.
     * @param implied      true for the implied book of the instrument, false for its outright book.
     * @param marketDepth  price levels per side the venue maintains (0 to 255).
     */
    public MarketByPriceBook(final long instrumentId, final boolean implied, final int marketDepth)
    {
        if (marketDepth < 0 || marketDepth > 255)
        {
            throw new IllegalArgumentException("market depth must be 0..255: " + marketDepth);
        }
        this.instrumentId = instrumentId;
        this.implied = implied;
        this.bids = new PriceLevelSide(true, marketDepth);
        this.asks = new PriceLevelSide(false, marketDepth);
    }

    /**
     * {@inheritDoc}
     */
    public long instrumentId()
    {
        return instrumentId;
    }

    /**
     * Whether this is the implied book of the instrument.
     *
     * @return true for implied, false for outright.
     */
    public boolean isImplied()
    {
        return implied;
    }

    /**
     * Price levels per side the venue maintains, from the instrument's definition.
     *
     * @return the depth.
     */
    public int marketDepth()
    {
        return bids.maxDepth();
    }

    /**
     * Apply one price level update.
     *
     * @param action     what to do; {@link PriceLevelAction#NULL_VAL} is {@link BookResult#UNKNOWN_ACTION}.
     * @param side       of the book.
     * @param level      1 for the best.
     * @param price      of the level.
     * @param quantity   at the level.
     * @param orderCount at the level.
     * @return {@link BookResult#APPLIED}; {@link BookResult#LEVEL_OUT_OF_ORDER} or
     * {@link BookResult#LEVEL_PRICE_MISMATCH} when applied but suspect; {@link BookResult#LEVEL_OUT_OF_RANGE} or
     * {@link BookResult#UNKNOWN_ACTION} when the book did not change.
     */
    public BookResult apply(
        final PriceLevelAction action,
        final Side side,
        final int level,
        final long price,
        final long quantity,
        final int orderCount)
    {
        final PriceLevelSide bookSide = bookSide(side);
        switch (action)
        {
            case NEW:
                return bookSide.insert(level, price, quantity, orderCount);
            case CHANGE:
                return bookSide.change(level, price, quantity, orderCount);
            case DELETE:
                return bookSide.delete(level);
            case DELETE_THRU:
                bookSide.clear();
                return BookResult.APPLIED;
            case DELETE_FROM:
                return bookSide.deleteFrom(level);
            case OVERLAY:
                return bookSide.overlay(level, price, quantity, orderCount);
            default:
                return BookResult.UNKNOWN_ACTION;
        }
    }

    /**
     * Remove every level of both sides.
     */
    public void clear()
    {
        bids.clear();
        asks.clear();
    }

    /**
     * {@inheritDoc}
     */
    public int depth(final Side side)
    {
        return bookSide(side).count();
    }

    /**
     * {@inheritDoc}
     */
    public long price(final Side side, final int level)
    {
        return bookSide(side).price(level);
    }

    /**
     * {@inheritDoc}
     */
    public long quantity(final Side side, final int level)
    {
        return bookSide(side).quantity(level);
    }

    /**
     * {@inheritDoc}
     */
    public int orderCount(final Side side, final int level)
    {
        return bookSide(side).orderCount(level);
    }

    /**
     * Take a new depth from a changed definition, keeping the best levels that still fit.
     *
     * @param marketDepth price levels per side.
     */
    void marketDepth(final int marketDepth)
    {
        bids.maxDepth(marketDepth);
        asks.maxDepth(marketDepth);
    }

    private PriceLevelSide bookSide(final Side side)
    {
        return Side.BUY == side ? bids : asks;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "MarketByPriceBook{id=" + instrumentId + (implied ? ", implied" : "") + ", depth=" + marketDepth() +
            ", bids=" + bids.count() + ", asks=" + asks.count() + '}';
    }
}
