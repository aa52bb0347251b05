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

import io.tickwire.sbe.md.BookType;
import io.tickwire.sbe.md.Side;
import io.tickwire.sbe.md.TradingState;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Everything the subscriber side knows about one instrument: its definition, trading state and books, plus
 * the bookkeeping the client needs to report changes (stale flag, last BBO and cross state, conflation flag).
 * <p>
 * Its book type comes from the definition. An order-book instrument (ITCH's InstrumentDefinition, or a
 * VenueInstrumentDefinition saying ORDER_BOOK) has an L3 {@link OrderBook}, which is also its L2 view. A price-level
 * instrument (VenueInstrumentDefinition saying PRICE_LEVEL, e.g. CME MDP 3.0) has two {@link MarketByPriceBook}s,
 * outright and implied, of the depths its definition gives; {@link #priceLevels()} is the outright one, and the BBO
 * reported for it is the outright BBO. {@link #priceLevels()} is the L2 view of either type.
 * <p>
 * The last raw definition (InstrumentDefinition or VenueInstrumentDefinition) and TradingStatus messages are kept
 * so that a snapshot can re-send them.
 */
public final class InstrumentBook
{
    private static final int RAW_MESSAGE_CAPACITY = 256;

    final long instrumentId;
    final OrderBook book;
    final UnsafeBuffer definition = new UnsafeBuffer(new byte[RAW_MESSAGE_CAPACITY]);
    final UnsafeBuffer status = new UnsafeBuffer(new byte[RAW_MESSAGE_CAPACITY]);
    int definitionLength;
    int statusLength;
    String symbol = "";
    String venue = "";
    /** The venue's MIC as its four ASCII bytes, little-endian, as on the wire; 0 until a definition named one. */
    int venueCode;
    long venueInstrumentId;
    int priceExponent;
    long tickSize;
    BookType bookType = BookType.ORDER_BOOK;
    MarketByPriceBook priceLevelBook;
    MarketByPriceBook impliedBook;
    TradingState tradingState = TradingState.NULL_VAL;
    boolean subscribed;
    boolean stale;
    /** Stale only because the feed went silent: made fresh again when it resumes, if nothing else happened. */
    boolean staleForSilence;
    boolean dirty;
    long bidPrice = PriceLevelBook.NULL_PRICE;
    long bidQuantity;
    long askPrice = PriceLevelBook.NULL_PRICE;
    long askQuantity;
    CrossState crossState = CrossState.NORMAL;

    InstrumentBook(final long instrumentId, final boolean subscribed)
    {
        this.instrumentId = instrumentId;
        this.book = new OrderBook(instrumentId);
        this.subscribed = subscribed;
    }

    /**
     * Instrument id (ITCH Stock Locate).
     *
     * @return the id.
     */
    public long instrumentId()
    {
        return instrumentId;
    }

    /**
     * Trimmed symbol, empty until the definition arrived.
     *
     * @return the symbol.
     */
    public String symbol()
    {
        return symbol;
    }

    /**
     * Last trading state, {@link TradingState#NULL_VAL} until one arrived.
     *
     * @return the state.
     */
    public TradingState tradingState()
    {
        return tradingState;
    }

    /**
     * The L3 book, which is also the L2 view of an order-book instrument (empty for a price-level instrument).
     *
     * @return the book.
     */
    public OrderBook book()
    {
        return book;
    }

    /**
     * The L2 view of the instrument whatever its book type: the outright market-by-price book of a price-level
     * instrument, else the order book.
     *
     * @return the view.
     */
    public PriceLevelBook priceLevels()
    {
        return null != priceLevelBook ? priceLevelBook : book;
    }

    /**
     * The outright market-by-price book.
     *
     * @return the book, or {@code null} unless the definition says PRICE_LEVEL.
     */
    public MarketByPriceBook priceLevelBook()
    {
        return priceLevelBook;
    }

    /**
     * The implied market-by-price book (levels implied from spreads and legs), kept apart from the outright one.
     *
     * @return the book, or {@code null} unless the definition says PRICE_LEVEL.
     */
    public MarketByPriceBook impliedBook()
    {
        return impliedBook;
    }

    /**
     * Which books the instrument has, from its definition; {@link BookType#ORDER_BOOK} until one arrived.
     *
     * @return the book type.
     */
    public BookType bookType()
    {
        return bookType;
    }

    /**
     * The venue's MIC from the definition, empty until one arrived.
     *
     * @return the MIC.
     */
    public String venue()
    {
        return venue;
    }

    /**
     * The venue's own id of the instrument (CME SecurityID) from a VenueInstrumentDefinition; 0 otherwise.
     *
     * @return the id.
     */
    public long venueInstrumentId()
    {
        return venueInstrumentId;
    }

    /**
     * Exponent of every price of the instrument (ITCH -4, CME -9); 0 until a definition arrived.
     *
     * @return the exponent.
     */
    public int priceExponent()
    {
        return priceExponent;
    }

    /**
     * Minimum price increment as a price mantissa, from a VenueInstrumentDefinition; 0 when not given.
     *
     * @return the tick size.
     */
    public long tickSize()
    {
        return tickSize;
    }

    /**
     * Whether the client's symbol filter selects this instrument.
     *
     * @return true when subscribed.
     */
    public boolean isSubscribed()
    {
        return subscribed;
    }

    /**
     * Whether the book may not reflect the stream right now (recovery in progress or impossible).
     *
     * @return true when stale.
     */
    public boolean isStale()
    {
        return stale;
    }

    /**
     * Last InstrumentDefinition message as received, from the SBE message header on.
     *
     * @return the buffer; valid for {@link #definitionLength()} bytes.
     */
    public DirectBuffer definitionMessage()
    {
        return definition;
    }

    /**
     * Length of {@link #definitionMessage()}, 0 when no definition arrived.
     *
     * @return the length.
     */
    public int definitionLength()
    {
        return definitionLength;
    }

    /**
     * Last TradingStatus message as received, from the SBE message header on.
     *
     * @return the buffer; valid for {@link #statusLength()} bytes.
     */
    public DirectBuffer statusMessage()
    {
        return status;
    }

    /**
     * Length of {@link #statusMessage()}, 0 when no status arrived.
     *
     * @return the length.
     */
    public int statusLength()
    {
        return statusLength;
    }

    /**
     * Is the book stale because the feed fell silent (as opposed to a gap)? Maintained by the feed client.
     *
     * @return true while stale for silence.
     */
    boolean isStaleForSilence()
    {
        return staleForSilence;
    }

    /**
     * Mark the book stale or fresh. Maintained by the feed client, which owns the sequence rules.
     *
     * @param stale true when the book can no longer be trusted.
     */
    void stale(final boolean stale)
    {
        this.stale = stale;
    }

    /**
     * Record that the staleness comes from silence. Maintained by the feed client.
     *
     * @param staleForSilence true when marked stale because the feed fell silent.
     */
    void staleForSilence(final boolean staleForSilence)
    {
        this.staleForSilence = staleForSilence;
    }

    /**
     * Has the book changed since its listeners were last told? Maintained by the feed client for conflation.
     *
     * @return true when an update is pending.
     */
    boolean isDirty()
    {
        return dirty;
    }

    /**
     * Set or clear the pending-update mark. Maintained by the feed client for conflation.
     *
     * @param dirty true when an update is pending.
     */
    void dirty(final boolean dirty)
    {
        this.dirty = dirty;
    }

    /**
     * The crossed/locked state last reported to listeners.
     *
     * @return the last reported state.
     */
    CrossState crossState()
    {
        return crossState;
    }

    /**
     * Record the crossed/locked state reported to listeners.
     *
     * @param crossState the state reported.
     */
    void crossState(final CrossState crossState)
    {
        this.crossState = crossState;
    }

    /**
     * Best bid price as of the last {@link #updateBbo()}.
     *
     * @return price, or {@link PriceLevelBook#NULL_PRICE}.
     */
    long bidPrice()
    {
        return bidPrice;
    }

    /**
     * Best bid quantity as of the last {@link #updateBbo()}.
     *
     * @return quantity.
     */
    long bidQuantity()
    {
        return bidQuantity;
    }

    /**
     * Best ask price as of the last {@link #updateBbo()}.
     *
     * @return price, or {@link PriceLevelBook#NULL_PRICE}.
     */
    long askPrice()
    {
        return askPrice;
    }

    /**
     * Best ask quantity as of the last {@link #updateBbo()}.
     *
     * @return quantity.
     */
    long askQuantity()
    {
        return askQuantity;
    }

    /**
     * Update the remembered BBO.
     *
     * @return true when it changed.
     */
    boolean updateBbo()
    {
        final long newBidPrice;
        final long newBidQuantity;
        final long newAskPrice;
        final long newAskQuantity;
        if (null == priceLevelBook)
        {
            newBidPrice = book.bestBidPrice();
            newBidQuantity = book.bestBidQuantity();
            newAskPrice = book.bestAskPrice();
            newAskQuantity = book.bestAskQuantity();
        }
        else
        {
            newBidPrice = priceLevelBook.bestPrice(Side.BUY);
            newBidQuantity = priceLevelBook.bestQuantity(Side.BUY);
            newAskPrice = priceLevelBook.bestPrice(Side.SELL);
            newAskQuantity = priceLevelBook.bestQuantity(Side.SELL);
        }
        if (newBidPrice == bidPrice && newBidQuantity == bidQuantity &&
            newAskPrice == askPrice && newAskQuantity == askQuantity)
        {
            return false;
        }

        bidPrice = newBidPrice;
        bidQuantity = newBidQuantity;
        askPrice = newAskPrice;
        askQuantity = newAskQuantity;
        return true;
    }

    /**
     * Make the instrument a price-level one, or take the depths of a changed definition; the levels held stay.
     *
     * @param marketDepth        levels per side of the outright book.
     * @param impliedMarketDepth levels per side of the implied book.
     */
    void priceLevelDepths(final int marketDepth, final int impliedMarketDepth)
    {
        if (null == priceLevelBook)
        {
            priceLevelBook = new MarketByPriceBook(instrumentId, false, marketDepth);
            impliedBook = new MarketByPriceBook(instrumentId, true, impliedMarketDepth);
        }
        else
        {
            priceLevelBook.marketDepth(marketDepth);
            impliedBook.marketDepth(impliedMarketDepth);
        }
    }

    /**
     * Empty every book of the instrument.
     */
    void clearBooks()
    {
        book.clear();
        if (null != priceLevelBook)
        {
            priceLevelBook.clear();
            impliedBook.clear();
        }
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "InstrumentBook{id=" + instrumentId + ", symbol=" + symbol + ", " + priceLevels() + ", stale=" +
            stale + '}';
    }
}
