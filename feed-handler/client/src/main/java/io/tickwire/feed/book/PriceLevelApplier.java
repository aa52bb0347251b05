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

import io.tickwire.sbe.md.BookResetDecoder;
import io.tickwire.sbe.md.BooleanType;
import io.tickwire.sbe.md.PriceLevelAction;
import io.tickwire.sbe.md.PriceLevelUpdateDecoder;
import io.tickwire.sbe.md.Side;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Applies the market-by-price messages: price level updates to the outright or implied {@link MarketByPriceBook} of
 * an instrument defined as PRICE_LEVEL, and book resets (one instrument, or every instrument of a venue). The
 * market-by-price counterpart of {@link OrderApplier}, on the hot path of {@link BookBuilder} and allocation-free.
 * <p>
 * The action, side and implied flag are read raw, so that a value the schema does not define is a counted
 * {@link BookResult} reported with its context, not an exception out of the subscriber's poll. An update the book
 * cannot take leaves it as it was; see {@link MarketByPriceBook} for which doubtful ones are applied anyway.
 */
final class PriceLevelApplier
{
    private static final short HIGHEST_ACTION = PriceLevelAction.OVERLAY.value();

    private final PriceLevelUpdateDecoder updateDecoder = new PriceLevelUpdateDecoder();
    private final InstrumentRegistry registry;
    private final BookErrors errors;
    private final AtomicCounter bookResets;
    private final ArrayList<InstrumentBook> venueResetBooks = new ArrayList<>();
    private final List<InstrumentBook> venueResetBooksView = Collections.unmodifiableList(venueResetBooks);
    private long venueResets;

    /**
     * An applier.
     *
     * @param registry   of the instruments.
     * @param errors     to count rejected updates in.
     * @param bookResets counts the BookReset messages applied.
     */
    PriceLevelApplier(final InstrumentRegistry registry, final BookErrors errors, final AtomicCounter bookResets)
    {
        this.registry = registry;
        this.errors = errors;
        this.bookResets = bookResets;
    }

    InstrumentBook priceLevelUpdate(
        final DirectBuffer buffer,
        final int bodyOffset,
        final int blockLength,
        final int version,
        final long sequence,
        final long instrumentId)
    {
        final InstrumentBook instrument = registry.get(instrumentId);
        if (null != instrument && !instrument.subscribed)
        {
            return null;
        }

        final PriceLevelUpdateDecoder decoder = updateDecoder;
        decoder.wrap(buffer, bodyOffset, blockLength, version);
        final short actionRaw = decoder.actionRaw();
        final byte sideRaw = decoder.sideRaw();
        final short impliedRaw = decoder.impliedRaw();
        final int level = decoder.level();
        final Side side = Side.BUY.value() == sideRaw ? Side.BUY : Side.SELL.value() == sideRaw ? Side.SELL :
            Side.NULL_VAL;
        final boolean implied = BooleanType.TRUE.value() == impliedRaw;

        if (null == instrument || null == instrument.priceLevelBook)
        {
            // Before its definition (or for an order-book instrument) there is no depth to place a level in.
            errors.reportLevel(sequence, instrumentId, side, implied, level, BookResult.NO_PRICE_LEVEL_BOOK);
            return null;
        }
        if (actionRaw > HIGHEST_ACTION)
        {
            errors.reportLevel(sequence, instrumentId, side, implied, level, BookResult.UNKNOWN_ACTION);
            return null;
        }

        final PriceLevelAction action = PriceLevelAction.get(actionRaw);
        final long price = decoder.price();
        final long quantity = decoder.quantity();
        final int orderCount = decoder.orderCount();
        if (Side.NULL_VAL == side ||
            (BooleanType.TRUE.value() != impliedRaw && BooleanType.FALSE.value() != impliedRaw) ||
            (carriesLevel(action) && (quantity < 0 || orderCount < 0)))
        {
            errors.reportLevel(sequence, instrumentId, side, implied, level, BookResult.INVALID_LEVEL);
            return null;
        }

        final MarketByPriceBook book = implied ? instrument.impliedBook : instrument.priceLevelBook;
        final BookResult result = book.apply(action, side, level, price, quantity, orderCount);
        if (BookResult.APPLIED != result)
        {
            errors.reportLevel(sequence, instrumentId, side, implied, level, result);
            if (BookResult.LEVEL_OUT_OF_RANGE == result || BookResult.UNKNOWN_ACTION == result)
            {
                return null;
            }
        }
        return instrument;
    }

    /**
     * Clear the books a BookReset names.
     *
     * @param buffer       holding the message.
     * @param bodyOffset   of the message's block.
     * @param blockLength  of the block.
     * @param version      of the message.
     * @param sequence     stream sequence of the message.
     * @param instrumentId of the message: the instrument to clear, or 0 for every instrument of its venue.
     * @return the instrument cleared, or {@code null} when none was or when the reset was venue-wide (those are
     * in {@link #venueResetBooks()}).
     */
    InstrumentBook bookReset(
        final DirectBuffer buffer,
        final int bodyOffset,
        final int blockLength,
        final int version,
        final long sequence,
        final long instrumentId)
    {
        bookResets.incrementRelease();
        if (0 != instrumentId)
        {
            final InstrumentBook instrument = registry.get(instrumentId);
            if (null == instrument || !instrument.subscribed)
            {
                return null;
            }
            instrument.clearBooks();
            return instrument;
        }

        final int venueCode =
            buffer.getInt(bodyOffset + BookResetDecoder.venueEncodingOffset(), ByteOrder.LITTLE_ENDIAN);
        registry.clearVenueBooks(venueCode, venueResetBooks);
        venueResets++;
        return null;
    }

    /**
     * Venue-wide resets applied so far: a caller that remembers the last value knows when
     * {@link #venueResetBooks()} holds a new set.
     *
     * @return the count.
     */
    long venueResets()
    {
        return venueResets;
    }

    /**
     * The subscribed instruments whose books the last venue-wide reset cleared.
     *
     * @return a read-only view, replaced in place by the next venue-wide reset.
     */
    List<InstrumentBook> venueResetBooks()
    {
        return venueResetBooksView;
    }

    private static boolean carriesLevel(final PriceLevelAction action)
    {
        return PriceLevelAction.NEW == action || PriceLevelAction.CHANGE == action ||
            PriceLevelAction.OVERLAY == action;
    }
}
