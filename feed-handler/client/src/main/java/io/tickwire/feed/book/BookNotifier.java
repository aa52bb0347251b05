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

import io.tickwire.sbe.md.Side;

import java.util.Arrays;
import java.util.List;

/**
 * What the feed client tells the application about its books: stale and fresh per instrument, locked/crossed
 * transitions, book updates (per event, or conflated to one per instrument per poll) and BBO changes. It keeps the
 * bookkeeping that goes with it on each {@link InstrumentBook} (stale flags, last reported cross state and BBO,
 * pending-update mark).
 * <p>
 * Part of the {@code FeedClient} machinery, not meant for applications: it lives in this package, and is therefore
 * public, only so that the bookkeeping on {@link InstrumentBook} can stay out of the public API. Not thread safe;
 * called from the polling thread only, and allocates nothing once the instruments are known.
 */
public final class BookNotifier
{
    private final BookBuilder builder;
    private final boolean conflate;
    private final BookListener bookListener;
    private final BboListener bboListener;
    private final BookStateListener bookStateListener;

    private InstrumentBook[] dirtyBooks = new InstrumentBook[64];
    private int dirtyCount;
    private int staleBooks;

    /**
     * Notifier for the books of one builder.
     *
     * @param builder           whose instruments are reported.
     * @param conflate          true to deliver book and BBO updates once per instrument per {@link #flush()}.
     * @param bookListener      told of book updates, or null.
     * @param bboListener       told of BBO changes, or null.
     * @param bookStateListener told of stale, fresh and cross state transitions.
     */
    public BookNotifier(
        final BookBuilder builder,
        final boolean conflate,
        final BookListener bookListener,
        final BboListener bboListener,
        final BookStateListener bookStateListener)
    {
        this.builder = builder;
        this.conflate = conflate;
        this.bookListener = bookListener;
        this.bboListener = bboListener;
        this.bookStateListener = bookStateListener;
    }

    /**
     * Books currently stale.
     *
     * @return the count.
     */
    public int staleBooks()
    {
        return staleBooks;
    }

    /**
     * A message changed the book of an instrument: tell the listeners now, or at the next {@link #flush()} when
     * conflating.
     *
     * @param instrument whose book changed.
     */
    public void onBookChanged(final InstrumentBook instrument)
    {
        if (conflate)
        {
            markDirty(instrument);
        }
        else
        {
            notifyBook(instrument);
        }
    }

    /**
     * Deliver the conflated updates: one per instrument changed since the last flush, with its latest state.
     *
     * @return the number of instruments notified.
     */
    public int flush()
    {
        final int count = dirtyCount;
        for (int i = 0; i < count; i++)
        {
            final InstrumentBook instrument = dirtyBooks[i];
            dirtyBooks[i] = null;
            instrument.dirty(false);
            notifyBook(instrument);
        }
        dirtyCount = 0;
        return count;
    }

    /**
     * Drop the conflated updates not yet delivered: the books they describe are being replaced (publisher restart,
     * snapshot).
     */
    public void discardPending()
    {
        // Unmark them too: a book still marked would never be queued again, and its later updates never delivered.
        for (int i = 0, count = dirtyCount; i < count; i++)
        {
            dirtyBooks[i].dirty(false);
            dirtyBooks[i] = null;
        }
        dirtyCount = 0;
    }

    /**
     * The stream can no longer be trusted (gap, late join, restart, recovery started): every subscribed book that is
     * not yet stale goes stale.
     */
    public void markAllStale()
    {
        final List<InstrumentBook> instruments = builder.instruments();
        for (int i = 0, size = instruments.size(); i < size; i++)
        {
            final InstrumentBook instrument = instruments.get(i);
            if (instrument.isSubscribed() && !instrument.isStale())
            {
                instrument.stale(true);
                staleBooks++;
                bookStateListener.onStale(instrument.instrumentId(), instrument.symbol());
            }
        }
    }

    /**
     * Every stale book is fresh again: the books reflect the stream.
     */
    public void markAllFresh()
    {
        final List<InstrumentBook> instruments = builder.instruments();
        for (int i = 0, size = instruments.size(); i < size; i++)
        {
            final InstrumentBook instrument = instruments.get(i);
            instrument.staleForSilence(false);
            if (instrument.isStale())
            {
                instrument.stale(false);
                staleBooks--;
                if (instrument.isSubscribed())
                {
                    bookStateListener.onFresh(instrument.instrumentId(), instrument.symbol());
                }
            }
        }
    }

    /**
     * The publisher fell silent: every subscribed book that is not yet stale goes stale, remembered as stale for
     * the silence only so that the end of the silence can undo it.
     */
    public void markAllStaleForSilence()
    {
        final List<InstrumentBook> instruments = builder.instruments();
        for (int i = 0, size = instruments.size(); i < size; i++)
        {
            final InstrumentBook instrument = instruments.get(i);
            if (instrument.isSubscribed() && !instrument.isStale())
            {
                instrument.stale(true);
                instrument.staleForSilence(true);
                staleBooks++;
                bookStateListener.onStale(instrument.instrumentId(), instrument.symbol());
            }
        }
    }

    /**
     * The publisher was heard again: the books that went stale for the silence only are fresh again, unless what
     * was heard showed missed messages, in which case recovery (or its absence) decides.
     *
     * @param resumedCleanly true when nothing but the silence happened: no gap, restart or recovery.
     */
    public void endSilence(final boolean resumedCleanly)
    {
        final List<InstrumentBook> instruments = builder.instruments();
        for (int i = 0, size = instruments.size(); i < size; i++)
        {
            final InstrumentBook instrument = instruments.get(i);
            if (instrument.isStaleForSilence())
            {
                instrument.staleForSilence(false);
                if (resumedCleanly && instrument.isStale())
                {
                    instrument.stale(false);
                    staleBooks--;
                    if (instrument.isSubscribed())
                    {
                        bookStateListener.onFresh(instrument.instrumentId(), instrument.symbol());
                    }
                }
            }
        }
    }

    /**
     * A snapshot and the messages buffered after it have been applied: updates pending from before are moot, the
     * books are fresh, and each subscribed book is delivered once with its recovered state.
     */
    public void onRecovered()
    {
        dirtyCount = 0;
        final List<InstrumentBook> instruments = builder.instruments();
        for (int i = 0, size = instruments.size(); i < size; i++)
        {
            instruments.get(i).dirty(false);
        }
        markAllFresh();
        for (int i = 0, size = instruments.size(); i < size; i++)
        {
            final InstrumentBook instrument = instruments.get(i);
            if (instrument.isSubscribed())
            {
                notifyBook(instrument);
            }
        }
    }

    private void markDirty(final InstrumentBook instrument)
    {
        if (!instrument.isDirty())
        {
            instrument.dirty(true);
            if (dirtyCount == dirtyBooks.length)
            {
                dirtyBooks = Arrays.copyOf(dirtyBooks, dirtyCount << 1);
            }
            dirtyBooks[dirtyCount++] = instrument;
        }
    }

    private void notifyBook(final InstrumentBook instrument)
    {
        // The order book, or the outright book of a price-level instrument: both are reported alike.
        final PriceLevelBook book = instrument.priceLevels();
        final CrossState crossState = book.crossState();
        if (crossState != instrument.crossState())
        {
            instrument.crossState(crossState);
            bookStateListener.onCrossState(instrument.instrumentId(), instrument.symbol(), crossState,
                book.bestPrice(Side.BUY), book.bestPrice(Side.SELL));
        }
        if (null != bookListener)
        {
            bookListener.onBookUpdate(instrument.instrumentId(), instrument.symbol(), book);
        }
        if (instrument.updateBbo() && null != bboListener)
        {
            bboListener.onBbo(instrument.instrumentId(), instrument.symbol(),
                instrument.bidPrice(), instrument.bidQuantity(), instrument.askPrice(), instrument.askQuantity());
        }
    }
}
