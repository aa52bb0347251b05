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

import io.tickwire.counters.CounterSet;
import io.tickwire.feed.client.ClientCounterTypes;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.status.AtomicCounter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The instruments a {@link BookBuilder} has seen, by id and in order of first appearance, with the symbol filter
 * that decides which of them get a book. One registry is shared by every applier so that all message types attribute
 * an instrument id the same way and count unattributable messages in one place.
 */
final class InstrumentRegistry
{
    private final Long2ObjectHashMap<InstrumentBook> instrumentsById = new Long2ObjectHashMap<>();
    private final ArrayList<InstrumentBook> instruments = new ArrayList<>();
    private final List<InstrumentBook> instrumentsView = Collections.unmodifiableList(instruments);
    private final Set<String> symbols;
    private final CounterSet counters;
    private final AtomicCounter undefinedInstrumentMessages;

    /**
     * A registry.
     *
     * @param symbols  symbols to build books for (trimmed), or {@code null} for every instrument.
     * @param counters where its counter is allocated.
     */
    InstrumentRegistry(final Set<String> symbols, final CounterSet counters)
    {
        this.symbols = symbols;
        this.counters = counters;
        this.undefinedInstrumentMessages =
            counters.add(ClientCounterTypes.BOOK_UNDEFINED_INSTRUMENT_MESSAGES, "undefined-instrument-messages");
    }

    /**
     * Instrument state by id, subscribed or not.
     *
     * @param instrumentId to look up.
     * @return the instrument or {@code null} when never seen.
     */
    InstrumentBook get(final long instrumentId)
    {
        return instrumentsById.get(instrumentId);
    }

    /**
     * Every instrument seen, subscribed or not, in order of first appearance.
     *
     * @return a read-only list.
     */
    List<InstrumentBook> instruments()
    {
        return instrumentsView;
    }

    /**
     * Messages for an instrument with no definition while a symbol filter is set (they cannot be attributed).
     *
     * @return the count.
     */
    long undefinedInstrumentMessages()
    {
        return counters.get(undefinedInstrumentMessages);
    }

    /**
     * The instrument a book event applies to. Without a symbol filter every id is wanted, so an unseen id gets a book
     * at once; with a filter an id cannot be matched to a symbol before its definition has been seen.
     *
     * @param instrumentId of the message.
     * @return the instrument, or {@code null} when it is not subscribed or cannot be attributed.
     */
    InstrumentBook subscribed(final long instrumentId)
    {
        final InstrumentBook instrument = instrumentsById.get(instrumentId);
        if (null != instrument)
        {
            return instrument.subscribed ? instrument : null;
        }

        if (null != symbols)
        {
            undefinedInstrumentMessages.incrementRelease();
            return null;
        }

        return newInstrument(instrumentId, true);
    }

    /**
     * Record the symbol of a definition. Subscription is decided by symbol, so it is decided again only when the
     * symbol changes.
     *
     * @param instrumentId of the definition.
     * @param symbol       trimmed symbol of the definition.
     * @return the instrument, subscribed or not.
     */
    InstrumentBook define(final long instrumentId, final String symbol)
    {
        InstrumentBook instrument = instrumentsById.get(instrumentId);
        if (null == instrument)
        {
            instrument = newInstrument(instrumentId, false);
        }
        if (!symbol.equals(instrument.symbol))
        {
            instrument.symbol = symbol;
            instrument.subscribed = null == symbols || symbols.contains(symbol);
        }
        return instrument;
    }

    /**
     * Remove every order from every book (definitions and trading states stay).
     */
    void clearBooks()
    {
        for (int i = 0, size = instruments.size(); i < size; i++)
        {
            instruments.get(i).clearBooks();
        }
    }

    /**
     * Empty the books of every instrument whose definition named a venue.
     *
     * @param venueCode the venue's MIC as its four ASCII bytes, little-endian.
     * @param cleared   gets the subscribed instruments whose books were emptied (cleared first).
     */
    void clearVenueBooks(final int venueCode, final List<InstrumentBook> cleared)
    {
        cleared.clear();
        for (int i = 0, size = instruments.size(); i < size; i++)
        {
            final InstrumentBook instrument = instruments.get(i);
            if (venueCode == instrument.venueCode)
            {
                instrument.clearBooks();
                if (instrument.subscribed)
                {
                    cleared.add(instrument);
                }
            }
        }
    }

    /**
     * Forget books and the stored definition and status messages; the instruments themselves stay registered.
     */
    void reset()
    {
        clearBooks();
        for (int i = 0, size = instruments.size(); i < size; i++)
        {
            final InstrumentBook instrument = instruments.get(i);
            instrument.definitionLength = 0;
            instrument.statusLength = 0;
        }
    }

    private InstrumentBook newInstrument(final long instrumentId, final boolean subscribed)
    {
        final InstrumentBook instrument = new InstrumentBook(instrumentId, subscribed);
        instrumentsById.put(instrumentId, instrument);
        instruments.add(instrument);
        return instrument;
    }
}
