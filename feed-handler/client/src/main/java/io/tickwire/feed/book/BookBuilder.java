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
import io.tickwire.sbe.md.Side;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.util.List;
import java.util.Set;

/**
 * Decodes published market data messages and applies them to per-instrument books, invoking the order, trade and
 * instrument listeners. Shared by the {@code FeedClient}, the snapshot server and the benchmarks so that every
 * party builds books with the same code.
 * <p>
 * {@link BookMessageRouter} decodes the message header, checks the message with {@link BookMessageCheck} and routes
 * it by template id; the messages are applied by {@link OrderApplier} (order books ranked by arrival),
 * {@link OrderUpdateApplier} (order books ranked by venue priority), {@link PriceLevelApplier} (market-by-price
 * books), {@link TradeApplier} and {@link InstrumentApplier} over one {@link InstrumentRegistry}.
 * This class puts them together and is the API: listeners, counters, snapshot orders and the books by instrument.
 * The routing is a {@code switch} calling methods of final classes, so the hot path stays monomorphic and
 * inlinable.
 * <p>
 * Sequence checking is not done here: the caller decides which messages to apply. Events the book rejects are
 * counted per {@link BookResult} and reported to the {@link BookErrorListener}. Zero allocation per message once
 * instruments are defined and books have reached their working size.
 * <p>
 * Its counters (messages applied, book errors by result, undefined instruments, unknown templates, malformed
 * messages, book resets) are a {@link CounterSet}: an Aeron client's, so that {@code stat} and the metrics endpoint
 * show them, or in memory of their own when the builder is made without one (tests, fuzzing, a capture dump). The
 * getters read them; whoever gave the set closes it.
 */
public final class BookBuilder
{
    private final InstrumentRegistry registry;
    private final CounterSet counters;
    private final BookErrors bookErrors;
    private final InstrumentApplier instrumentApplier;
    private final OrderApplier orderApplier;
    private final TradeApplier tradeApplier;
    private final PriceLevelApplier priceLevelApplier;
    private final BookMessageRouter router;

    private final AtomicCounter messagesApplied;
    private final AtomicCounter unknownTemplateMessages;
    private final AtomicCounter malformedMessages;
    private final AtomicCounter bookResets;

    /**
     * A builder counting in memory of its own.
     *
     * @param symbols symbols to build books for (trimmed), or {@code null} for every instrument.
     */
    public BookBuilder(final Set<String> symbols)
    {
        this(symbols, CounterSet.local(ClientCounterTypes.BOOK_COMPONENT, "local", ClientCounterTypes.BOOK_COUNTERS));
    }

    /**
     * A builder counting into a set of counters, e.g. an Aeron client's.
     *
     * @param symbols  symbols to build books for (trimmed), or {@code null} for every instrument.
     * @param counters where the builder's counters are allocated; closed by the caller.
     */
    public BookBuilder(final Set<String> symbols, final CounterSet counters)
    {
        this.counters = counters;
        messagesApplied = counters.add(ClientCounterTypes.BOOK_MESSAGES_APPLIED, "messages-applied");
        unknownTemplateMessages =
            counters.add(ClientCounterTypes.BOOK_UNKNOWN_TEMPLATE_MESSAGES, "unknown-template-messages");
        malformedMessages = counters.add(ClientCounterTypes.BOOK_MALFORMED_MESSAGES, "malformed-messages");
        bookErrors = new BookErrors(counters);
        registry = new InstrumentRegistry(symbols, counters);
        instrumentApplier = new InstrumentApplier(registry);
        orderApplier = new OrderApplier(registry, bookErrors);
        tradeApplier = new TradeApplier(registry);
        bookResets = counters.add(ClientCounterTypes.BOOK_RESETS, "book-resets");
        priceLevelApplier = new PriceLevelApplier(registry, bookErrors, bookResets);
        router = new BookMessageRouter(
            instrumentApplier,
            orderApplier,
            tradeApplier,
            priceLevelApplier,
            new OrderUpdateApplier(registry, bookErrors),
            messagesApplied,
            unknownTemplateMessages,
            malformedMessages);
    }

    /**
     * Listener for instrument definitions and trading status (may be null).
     *
     * @param listener to notify.
     * @return this for a fluent API.
     */
    public BookBuilder instrumentListener(final InstrumentListener listener)
    {
        instrumentApplier.instrumentListener(listener);
        return this;
    }

    /**
     * Listener for order events (may be null).
     *
     * @param listener to notify.
     * @return this for a fluent API.
     */
    public BookBuilder orderListener(final OrderListener listener)
    {
        orderApplier.orderListener(listener);
        return this;
    }

    /**
     * Listener for trades (may be null).
     *
     * @param listener to notify.
     * @return this for a fluent API.
     */
    public BookBuilder tradeListener(final TradeListener listener)
    {
        // Printable executions are trades too, so both appliers report to it.
        orderApplier.tradeListener(listener);
        tradeApplier.tradeListener(listener);
        return this;
    }

    /**
     * Listener for events the book rejected (may be null).
     *
     * @param listener to notify.
     * @return this for a fluent API.
     */
    public BookBuilder bookErrorListener(final BookErrorListener listener)
    {
        bookErrors.listener(listener);
        return this;
    }

    /**
     * Instrument state by id.
     *
     * @param instrumentId to look up.
     * @return the instrument or {@code null} when never seen.
     */
    public InstrumentBook instrument(final long instrumentId)
    {
        return registry.get(instrumentId);
    }

    /**
     * Every instrument seen, subscribed or not, in order of first appearance.
     *
     * @return a read-only list.
     */
    public List<InstrumentBook> instruments()
    {
        return registry.instruments();
    }

    /**
     * Count of events the books rejected for a reason.
     *
     * @param result the reason.
     * @return the count.
     */
    public long bookErrors(final BookResult result)
    {
        return bookErrors.count(result);
    }

    /**
     * Count of all events the books rejected.
     *
     * @return the count.
     */
    public long totalBookErrors()
    {
        return bookErrors.total();
    }

    /**
     * Messages for an instrument with no definition while a symbol filter is set (they cannot be attributed).
     *
     * @return the count.
     */
    public long undefinedInstrumentMessages()
    {
        return registry.undefinedInstrumentMessages();
    }

    /**
     * Messages of a schema or template this builder does not know.
     *
     * @return the count.
     */
    public long unknownTemplateMessages()
    {
        return counters.get(unknownTemplateMessages);
    }

    /**
     * Messages that cannot be applied: too short for the market data header or for their template's block, or
     * holding an enum value the schema does not define.
     *
     * @return the count.
     */
    public long malformedMessages()
    {
        return counters.get(malformedMessages);
    }

    /**
     * Messages routed to the books: neither malformed nor of an unknown schema or template (an event the book
     * rejects is counted here and as a book error).
     *
     * @return the count.
     */
    public long messagesApplied()
    {
        return counters.get(messagesApplied);
    }

    /**
     * BookReset messages applied (for one instrument or a whole venue).
     *
     * @return the count.
     */
    public long bookResets()
    {
        return counters.get(bookResets);
    }

    /**
     * Venue-wide BookResets applied so far. {@link #apply} returns no instrument for one, since it may clear many:
     * a caller that remembers this count sees it change and finds the books cleared in {@link #venueResetBooks()}.
     *
     * @return the count.
     */
    public long venueResets()
    {
        return priceLevelApplier.venueResets();
    }

    /**
     * The subscribed instruments whose books the last venue-wide BookReset cleared.
     *
     * @return a read-only view, refilled by the next venue-wide reset.
     */
    public List<InstrumentBook> venueResetBooks()
    {
        return priceLevelApplier.venueResetBooks();
    }

    /**
     * The builder's counters.
     *
     * @return the set they were allocated in.
     */
    public CounterSet counters()
    {
        return counters;
    }

    /**
     * Remove every order and price level from every book (definitions and trading states stay).
     */
    public void clearBooks()
    {
        registry.clearBooks();
    }

    /**
     * Forget everything: books, definitions and trading states (a new publisher session starts from scratch).
     */
    public void reset()
    {
        registry.reset();
    }

    /**
     * Add an order taken from a snapshot, without notifying the order listener.
     *
     * @param instrumentId of the book.
     * @param orderId      of the order.
     * @param side         of the order.
     * @param price        of the order.
     * @param quantity     open quantity.
     * @return the instrument, or {@code null} when it is not subscribed.
     */
    public InstrumentBook applySnapshotOrder(
        final long instrumentId, final long orderId, final Side side, final long price, final long quantity)
    {
        return orderApplier.snapshotOrder(instrumentId, orderId, side, price, quantity, 0);
    }

    /**
     * Apply one resting order of a book snapshot that carries the venue's priority (schema version 4): an order
     * of a book ranked by venue priority keeps its rank, so that later updates that keep or change it place it
     * right.
     *
     * @param instrumentId of the book.
     * @param orderId      of the order.
     * @param side         of the order.
     * @param price        of the order.
     * @param quantity     resting.
     * @param priority     the venue's rank within its price, lower first; 0 for a book ranked by arrival.
     * @return the instrument whose book changed, or {@code null} when not subscribed.
     */
    public InstrumentBook applySnapshotOrder(
        final long instrumentId,
        final long orderId,
        final Side side,
        final long price,
        final long quantity,
        final long priority)
    {
        return orderApplier.snapshotOrder(instrumentId, orderId, side, price, quantity, priority);
    }

    /**
     * Decode one market data message and apply it.
     *
     * @param buffer holding the message.
     * @param offset of the SBE message header.
     * @param length of the message.
     * @return the instrument whose book changed, or {@code null} when no subscribed book changed.
     */
    public InstrumentBook apply(final DirectBuffer buffer, final int offset, final int length)
    {
        return router.apply(buffer, offset, length);
    }

    /**
     * Book of an instrument, if it exists and is subscribed.
     *
     * @param instrumentId of the book.
     * @return the book or {@code null}.
     */
    public OrderBook book(final long instrumentId)
    {
        final InstrumentBook instrument = registry.get(instrumentId);
        return null == instrument || !instrument.subscribed ? null : instrument.book;
    }

    /**
     * L2 view of an instrument whatever its book type: its outright market-by-price book, or its order book.
     *
     * @param instrumentId of the book.
     * @return the view, or {@code null} when the instrument is unknown or not subscribed.
     */
    public PriceLevelBook priceLevelBook(final long instrumentId)
    {
        final InstrumentBook instrument = registry.get(instrumentId);
        return null == instrument || !instrument.subscribed ? null : instrument.priceLevels();
    }

    /**
     * Implied market-by-price book of an instrument.
     *
     * @param instrumentId of the book.
     * @return the book, or {@code null} when the instrument is unknown, not subscribed or not a price-level one.
     */
    public MarketByPriceBook impliedBook(final long instrumentId)
    {
        final InstrumentBook instrument = registry.get(instrumentId);
        return null == instrument || !instrument.subscribed ? null : instrument.impliedBook;
    }
}
