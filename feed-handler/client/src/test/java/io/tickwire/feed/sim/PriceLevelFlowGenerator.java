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
package io.tickwire.feed.sim;

import io.tickwire.feed.book.PriceLevelBook;
import io.tickwire.feed.book.ReferencePriceLevelBook;
import io.tickwire.sbe.md.AggressorSide;
import io.tickwire.sbe.md.BookResetReason;
import io.tickwire.sbe.md.BookType;
import io.tickwire.sbe.md.PriceLevelAction;
import io.tickwire.sbe.md.Side;
import org.agrona.MutableDirectBuffer;

import java.util.SplittableRandom;

/**
 * Deterministic generator of a market-by-price stream as a CME MDP 3.0 normaliser publishes it (schema version 3):
 * first a VenueInstrumentDefinition per instrument (two venues, outright depths of 1 to 10 levels, implied depth 2),
 * then price level updates of every action on outright and implied books, trade summaries with every aggressor
 * side, redefinitions (some with another depth), book resets of one instrument and of a whole venue, and, when
 * asked, invalid updates the subscriber must reject.
 * <p>
 * It keeps a {@link ReferencePriceLevelBook} per book and applies each valid update to it as it encodes it, so the
 * references are what a correct subscriber holds after every message; they also tell it which levels exist, so
 * every valid update names a level the book has and a price that fits between its neighbours.
 */
public final class PriceLevelFlowGenerator
{
    /** First instrument id of CME in the feed: 2^24 + SecurityID. */
    public static final long CME_BASE = 16_777_216L;
    /** The venue most instruments are on. */
    public static final String VENUE = "XCME";
    /** The venue every fourth instrument is on, so that a venue-wide reset leaves some books alone. */
    public static final String OTHER_VENUE = "XCBT";
    /** An instrument id never defined. */
    public static final long UNDEFINED_INSTRUMENT_ID = CME_BASE + 999_999;
    /** Tick of every instrument: 0.25 at exponent -9. */
    public static final long TICK = 250_000_000L;
    /** Depth of every implied book. */
    public static final int IMPLIED_DEPTH = 2;

    private static final int[] DEPTHS = { 1, 2, 3, 5, 10 };
    private static final long MID_TICKS = 20_000;

    private final PriceLevelMessages messages = new PriceLevelMessages();
    private final SplittableRandom random;
    private final int instrumentCount;
    private final boolean invalidUpdates;
    private final boolean redefine;
    private final ReferencePriceLevelBook[] outright;
    private final ReferencePriceLevelBook[] implied;
    private long sequence;
    private int setupIndex;
    private long lastInstrumentId;
    private long invalidUpdatesSent;
    private long tradeSummaries;
    private long venueResets;
    private long instrumentResets;
    private long redefinitions;
    private final long[] actions = new long[PriceLevelAction.values().length];

    /**
     * A generator.
     *
     * @param seed           of the pseudo random stream; the same seed gives the same stream.
     * @param instruments    how many instruments, at least 1.
     * @param invalidUpdates true to mix in updates a subscriber must reject (about 1.5 %).
     */
    public PriceLevelFlowGenerator(final long seed, final int instruments, final boolean invalidUpdates)
    {
        this(seed, instruments, invalidUpdates, true);
    }

    /**
     * A generator.
     *
     * @param seed           of the pseudo random stream; the same seed gives the same stream.
     * @param instruments    how many instruments, at least 1.
     * @param invalidUpdates true to mix in updates a subscriber must reject (about 1.5 %).
     * @param redefine       true to send definitions again now and then (trade summaries take their place when
     *                       false, e.g. to measure the steady state without the definitions' symbol strings).
     */
    public PriceLevelFlowGenerator(
        final long seed, final int instruments, final boolean invalidUpdates, final boolean redefine)
    {
        this.redefine = redefine;
        this.random = new SplittableRandom(seed);
        this.instrumentCount = instruments;
        this.invalidUpdates = invalidUpdates;
        outright = new ReferencePriceLevelBook[instruments];
        implied = new ReferencePriceLevelBook[instruments];
        for (int i = 0; i < instruments; i++)
        {
            outright[i] = new ReferencePriceLevelBook(instrumentId(i), DEPTHS[random.nextInt(DEPTHS.length)]);
            implied[i] = new ReferencePriceLevelBook(instrumentId(i), IMPLIED_DEPTH);
        }
    }

    /**
     * Feed id of an instrument.
     *
     * @param index 0 to instruments - 1.
     * @return the id.
     */
    public static long instrumentId(final int index)
    {
        return CME_BASE + 1000 + index;
    }

    /**
     * Venue of an instrument.
     *
     * @param index 0 to instruments - 1.
     * @return the MIC.
     */
    public static String venue(final int index)
    {
        return 3 == index % 4 ? OTHER_VENUE : VENUE;
    }

    /**
     * Symbol of an instrument.
     *
     * @param index 0 to instruments - 1.
     * @return the symbol.
     */
    public static String symbol(final int index)
    {
        return "ES" + (char)('F' + index % 8) + (6 + index / 8);
    }

    /**
     * Number of instruments.
     *
     * @return the count.
     */
    public int instrumentCount()
    {
        return instrumentCount;
    }

    /**
     * What a correct subscriber's outright book of an instrument holds now.
     *
     * @param index 0 to instruments - 1.
     * @return the reference.
     */
    public ReferencePriceLevelBook outright(final int index)
    {
        return outright[index];
    }

    /**
     * What a correct subscriber's implied book of an instrument holds now.
     *
     * @param index 0 to instruments - 1.
     * @return the reference.
     */
    public ReferencePriceLevelBook implied(final int index)
    {
        return implied[index];
    }

    /**
     * Instrument the last message was for, 0 for a venue-wide reset.
     *
     * @return the id.
     */
    public long lastInstrumentId()
    {
        return lastInstrumentId;
    }

    /**
     * Invalid updates generated so far: each one a book error for a correct subscriber.
     *
     * @return the count.
     */
    public long invalidUpdates()
    {
        return invalidUpdatesSent;
    }

    /**
     * Trade summaries generated so far.
     *
     * @return the count.
     */
    public long tradeSummaries()
    {
        return tradeSummaries;
    }

    /**
     * Venue-wide book resets generated so far.
     *
     * @return the count.
     */
    public long venueResets()
    {
        return venueResets;
    }

    /**
     * Book resets of one instrument generated so far.
     *
     * @return the count.
     */
    public long instrumentResets()
    {
        return instrumentResets;
    }

    /**
     * Definitions sent again after the first ones.
     *
     * @return the count.
     */
    public long redefinitions()
    {
        return redefinitions;
    }

    /**
     * Valid updates generated so far with an action.
     *
     * @param action of the updates.
     * @return the count.
     */
    public long updates(final PriceLevelAction action)
    {
        return actions[action.ordinal()];
    }

    /**
     * Encode the next message.
     *
     * @param buffer to encode into.
     * @param offset of the message header.
     * @return the length.
     */
    public int next(final MutableDirectBuffer buffer, final int offset)
    {
        sequence++;
        if (setupIndex < instrumentCount)
        {
            return definition(buffer, offset, setupIndex++, false);
        }

        final int draw = random.nextInt(1000);
        if (draw < 10)
        {
            if (!redefine)
            {
                return tradeSummary(buffer, offset, random.nextInt(instrumentCount));
            }
            redefinitions++;
            return definition(buffer, offset, random.nextInt(instrumentCount), 0 == random.nextInt(4));
        }
        if (draw < 14)
        {
            return instrumentReset(buffer, offset, random.nextInt(instrumentCount));
        }
        if (draw < 15)
        {
            return venueReset(buffer, offset, random.nextBoolean() ? VENUE : OTHER_VENUE);
        }
        if (draw < 95)
        {
            return tradeSummary(buffer, offset, random.nextInt(instrumentCount));
        }
        if (invalidUpdates && draw < 110)
        {
            invalidUpdatesSent++;
            return invalidUpdate(buffer, offset, random.nextInt(instrumentCount));
        }
        return validUpdate(buffer, offset, random.nextInt(instrumentCount));
    }

    private int definition(
        final MutableDirectBuffer buffer, final int offset, final int index, final boolean newDepth)
    {
        if (newDepth)
        {
            outright[index].maxDepth(DEPTHS[random.nextInt(DEPTHS.length)]);
        }
        lastInstrumentId = instrumentId(index);
        return messages.definition(buffer, offset, sequence, lastInstrumentId, venue(index), 1000 + index,
            symbol(index), BookType.PRICE_LEVEL, TICK, outright[index].maxDepth(), IMPLIED_DEPTH);
    }

    private int instrumentReset(final MutableDirectBuffer buffer, final int offset, final int index)
    {
        instrumentResets++;
        outright[index].clear();
        implied[index].clear();
        lastInstrumentId = instrumentId(index);
        return messages.bookReset(buffer, offset, sequence, lastInstrumentId, venue(index),
            random.nextBoolean() ? BookResetReason.CHANNEL_RESET : BookResetReason.RECOVERY);
    }

    private int venueReset(final MutableDirectBuffer buffer, final int offset, final String venue)
    {
        venueResets++;
        for (int i = 0; i < instrumentCount; i++)
        {
            if (venue.equals(venue(i)))
            {
                outright[i].clear();
                implied[i].clear();
            }
        }
        lastInstrumentId = 0;
        return messages.bookReset(buffer, offset, sequence, 0, venue, BookResetReason.CHANNEL_RESET);
    }

    private int tradeSummary(final MutableDirectBuffer buffer, final int offset, final int index)
    {
        tradeSummaries++;
        final ReferencePriceLevelBook book = outright[index];
        final AggressorSide aggressor = AggressorSide.get((short)random.nextInt(3));
        final Side hit = AggressorSide.BUY == aggressor ? Side.SELL : Side.BUY;
        final long price = book.depth(hit) > 0 ? book.price(hit, 0) : MID_TICKS * TICK;
        lastInstrumentId = instrumentId(index);
        return messages.tradeSummary(buffer, offset, sequence, lastInstrumentId, price, 1 + random.nextInt(50),
            aggressor, 1 + random.nextInt(5), tradeSummaries);
    }

    private int validUpdate(final MutableDirectBuffer buffer, final int offset, final int index)
    {
        final boolean isImplied = 0 == random.nextInt(4);
        final ReferencePriceLevelBook book = isImplied ? implied[index] : outright[index];
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        final int count = book.depth(side);
        final int maxDepth = book.maxDepth();
        final long quantity = 1 + random.nextInt(500);
        final int orders = isImplied ? 0 : 1 + random.nextInt(30);
        lastInstrumentId = instrumentId(index);

        PriceLevelAction action = PriceLevelAction.NEW;
        int level = 1;
        long price = PriceLevelBook.NULL_PRICE;
        if (count > 0)
        {
            final int draw = random.nextInt(100);
            action = draw < 35 ? PriceLevelAction.NEW : draw < 65 ? PriceLevelAction.CHANGE :
                draw < 85 ? PriceLevelAction.DELETE : draw < 93 ? PriceLevelAction.OVERLAY :
                draw < 98 ? PriceLevelAction.DELETE_FROM : PriceLevelAction.DELETE_THRU;
        }
        switch (action)
        {
            case NEW:
                level = 1 + random.nextInt(Math.min(count + 1, maxDepth));
                price = priceBetween(book, side, level - 1, true);
                if (PriceLevelBook.NULL_PRICE == price && count < maxDepth)
                {
                    // No tick free between the neighbours: append behind the last level, where there always is.
                    level = count + 1;
                    price = priceBetween(book, side, count, true);
                }
                if (PriceLevelBook.NULL_PRICE == price)
                {
                    action = PriceLevelAction.CHANGE;
                    level = 1 + random.nextInt(count);
                    price = book.price(side, level - 1);
                }
                break;
            case CHANGE:
                level = 1 + random.nextInt(count);
                price = book.price(side, level - 1);
                break;
            case OVERLAY:
                level = 1 + random.nextInt(count);
                price = priceBetween(book, side, level - 1, false);
                if (PriceLevelBook.NULL_PRICE == price)
                {
                    action = PriceLevelAction.CHANGE;
                    price = book.price(side, level - 1);
                }
                break;
            case DELETE:
                level = 1 + random.nextInt(count);
                price = book.price(side, level - 1);
                break;
            case DELETE_FROM:
                // Sometimes past the levels held: that empties the side.
                level = 1 + random.nextInt(Math.min(count + 1, maxDepth));
                price = book.price(side, Math.min(level, count) - 1);
                break;
            default:
                level = 1;
                price = 0;
                break;
        }

        switch (action)
        {
            case NEW:
                book.newLevel(side, level, price, quantity, orders);
                break;
            case CHANGE:
            case OVERLAY:
                book.replace(side, level, price, quantity, orders);
                break;
            case DELETE:
                book.delete(side, level);
                break;
            case DELETE_FROM:
                book.deleteFrom(side, level);
                break;
            default:
                book.deleteThru(side);
                break;
        }
        actions[action.ordinal()]++;
        return messages.update(
            buffer, offset, sequence, lastInstrumentId, action, side, isImplied, level, price, quantity, orders);
    }

    private int invalidUpdate(final MutableDirectBuffer buffer, final int offset, final int index)
    {
        final ReferencePriceLevelBook book = outright[index];
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        final int count = book.depth(side);
        lastInstrumentId = instrumentId(index);
        final long price = MID_TICKS * TICK;
        switch (random.nextInt(9))
        {
            case 0:
                return messages.update(buffer, offset, sequence, lastInstrumentId, PriceLevelAction.NEW, side, false,
                    0, price, 10, 1);
            case 1:
                return messages.update(buffer, offset, sequence, lastInstrumentId, PriceLevelAction.CHANGE, side,
                    false, book.maxDepth() + 1, price, 10, 1);
            case 2:
                // A hole: two past the levels held, or past the depth when that is full.
                return messages.update(buffer, offset, sequence, lastInstrumentId, PriceLevelAction.NEW, side, false,
                    Math.min(count + 2, book.maxDepth() + 1), price, 10, 1);
            case 3:
            {
                final int length = messages.update(buffer, offset, sequence, lastInstrumentId,
                    PriceLevelAction.CHANGE, side, false, 1, price, 10, 1);
                PriceLevelMessages.rawAction(buffer, offset, 6 + random.nextInt(249));
                return length;
            }
            case 4:
            {
                final int length = messages.update(buffer, offset, sequence, lastInstrumentId,
                    PriceLevelAction.NEW, side, false, 1, price, 10, 1);
                PriceLevelMessages.rawSide(buffer, offset, 'X');
                return length;
            }
            case 5:
            {
                final int length = messages.update(buffer, offset, sequence, lastInstrumentId,
                    PriceLevelAction.NEW, side, false, 1, price, 10, 1);
                PriceLevelMessages.rawImplied(buffer, offset, 7);
                return length;
            }
            case 6:
                lastInstrumentId = UNDEFINED_INSTRUMENT_ID;
                return messages.update(buffer, offset, sequence, lastInstrumentId, PriceLevelAction.NEW, side, false,
                    1, price, 10, 1);
            case 7:
                return messages.update(buffer, offset, sequence, lastInstrumentId, PriceLevelAction.DELETE, side,
                    false, count + 1, price, 10, 1);
            default:
                return messages.update(buffer, offset, sequence, lastInstrumentId, PriceLevelAction.NEW, side, false,
                    1, price, -10, 1);
        }
    }

    /**
     * A price on the tick grid strictly between the neighbours a level at an index would have.
     *
     * @param book   the reference.
     * @param side   of the book.
     * @param index  0-based position of the level.
     * @param insert true for a new level (the level now at index becomes its worse neighbour), false to replace it.
     * @return the price, or {@link PriceLevelBook#NULL_PRICE} when no tick is free between the neighbours.
     */
    private long priceBetween(
        final ReferencePriceLevelBook book, final Side side, final int index, final boolean insert)
    {
        final int count = book.depth(side);
        final int worseIndex = insert ? index : index + 1;
        final boolean hasBetter = index > 0;
        final boolean hasWorse = worseIndex < count;
        // In ticks, signed so that "better" is always "greater": bids as they are, offers negated.
        final long sign = Side.BUY == side ? 1 : -1;
        final long better = hasBetter ? sign * (book.price(side, index - 1) / TICK) : 0;
        final long worse = hasWorse ? sign * (book.price(side, worseIndex) / TICK) : 0;
        final long ticks;
        if (!hasBetter && !hasWorse)
        {
            ticks = sign * MID_TICKS - 1 - random.nextInt(3);
        }
        else if (!hasBetter)
        {
            ticks = worse + 1 + random.nextInt(3);
        }
        else if (!hasWorse)
        {
            ticks = better - 1 - random.nextInt(3);
        }
        else
        {
            final long gap = better - worse;
            if (gap < 2)
            {
                return PriceLevelBook.NULL_PRICE;
            }
            ticks = worse + 1 + random.nextLong(gap - 1);
        }
        return sign * ticks * TICK;
    }
}
