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
import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.AddOrderDecoder;
import io.tickwire.sbe.md.AggressorSide;
import io.tickwire.sbe.md.BookResetDecoder;
import io.tickwire.sbe.md.BookResetReason;
import io.tickwire.sbe.md.BookType;
import io.tickwire.sbe.md.BooleanType;
import io.tickwire.sbe.md.BrokenTradeDecoder;
import io.tickwire.sbe.md.CrossTradeDecoder;
import io.tickwire.sbe.md.HeartbeatDecoder;
import io.tickwire.sbe.md.InstrumentDefinitionDecoder;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import io.tickwire.sbe.md.OrderCancelDecoder;
import io.tickwire.sbe.md.OrderDeleteDecoder;
import io.tickwire.sbe.md.OrderExecutedDecoder;
import io.tickwire.sbe.md.OrderExecutedWithPriceDecoder;
import io.tickwire.sbe.md.OrderReplaceDecoder;
import io.tickwire.sbe.md.OrderUpdateDecoder;
import io.tickwire.sbe.md.PriceLevelUpdateDecoder;
import io.tickwire.sbe.md.PublisherEpochDecoder;
import io.tickwire.sbe.md.Side;
import io.tickwire.sbe.md.SystemEventDecoder;
import io.tickwire.sbe.md.TradeDecoder;
import io.tickwire.sbe.md.TradeSummaryDecoder;
import io.tickwire.sbe.md.TradingState;
import io.tickwire.sbe.md.TradingStatusDecoder;
import io.tickwire.sbe.md.VenueInstrumentDefinitionDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Set;

/**
 * Decodes published market data messages and applies them to per-instrument books, invoking the order, trade and
 * instrument listeners. Shared by the {@code FeedClient}, the snapshot server and the benchmarks so that every
 * party builds books with the same code.
 * <p>
 * This class decodes the message header and routes by template id; the messages are applied by
 * {@link OrderApplier} (order books ranked by arrival), {@link OrderUpdateApplier} (order books ranked by venue
 * priority), {@link PriceLevelApplier} (market-by-price books), {@link TradeApplier} and
 * {@link InstrumentApplier} over one {@link InstrumentRegistry}.
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
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final InstrumentRegistry registry;
    private final CounterSet counters;
    private final BookErrors bookErrors;
    private final InstrumentApplier instrumentApplier;
    private final OrderApplier orderApplier;
    private final TradeApplier tradeApplier;
    private final PriceLevelApplier priceLevelApplier;
    private final OrderUpdateApplier orderUpdateApplier;

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
        orderUpdateApplier = new OrderUpdateApplier(registry, bookErrors);
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
        if (length < MarketDataHeader.MIN_MESSAGE_LENGTH)
        {
            malformedMessages.incrementRelease();
            return null;
        }

        headerDecoder.wrap(buffer, offset);
        if (headerDecoder.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            unknownTemplateMessages.incrementRelease();
            return null;
        }

        final int templateId = headerDecoder.templateId();
        final int blockLength = headerDecoder.blockLength();
        final int version = headerDecoder.version();
        final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final long sequence = buffer.getLong(offset + MarketDataHeader.SEQUENCE_OFFSET, ORDER);
        final long instrumentId = buffer.getInt(offset + MarketDataHeader.INSTRUMENT_ID_OFFSET, ORDER) & 0xFFFF_FFFFL;
        if (!isDecodable(buffer, bodyOffset, length - MessageHeaderDecoder.ENCODED_LENGTH, templateId, blockLength))
        {
            malformedMessages.incrementRelease();
            return null;
        }

        switch (templateId)
        {
            case AddOrderDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                return orderApplier.addOrder(buffer, bodyOffset, blockLength, version, sequence, instrumentId);

            case OrderExecutedDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                return orderApplier.orderExecuted(buffer, bodyOffset, blockLength, version, sequence, instrumentId);

            case OrderExecutedWithPriceDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                return orderApplier.orderExecutedWithPrice(
                    buffer, bodyOffset, blockLength, version, sequence, instrumentId);

            case OrderCancelDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                return orderApplier.orderCancel(buffer, bodyOffset, blockLength, version, sequence, instrumentId);

            case OrderDeleteDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                return orderApplier.orderDelete(buffer, bodyOffset, blockLength, version, sequence, instrumentId);

            case OrderReplaceDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                return orderApplier.orderReplace(buffer, bodyOffset, blockLength, version, sequence, instrumentId);

            case TradeDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                tradeApplier.trade(buffer, bodyOffset, blockLength, version, sequence, instrumentId);
                return null;

            case CrossTradeDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                tradeApplier.crossTrade(buffer, bodyOffset, blockLength, version, sequence, instrumentId);
                return null;

            case BrokenTradeDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                tradeApplier.brokenTrade(buffer, bodyOffset, blockLength, version, sequence, instrumentId);
                return null;

            case InstrumentDefinitionDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                instrumentApplier.instrumentDefinition(
                    buffer, offset, length, bodyOffset, blockLength, version, sequence, instrumentId);
                return null;

            case TradingStatusDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                instrumentApplier.tradingStatus(
                    buffer, offset, length, bodyOffset, blockLength, version, sequence, instrumentId);
                return null;

            case PriceLevelUpdateDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                return priceLevelApplier.priceLevelUpdate(
                    buffer, bodyOffset, blockLength, version, sequence, instrumentId);

            case BookResetDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                return priceLevelApplier.bookReset(buffer, bodyOffset, blockLength, version, sequence, instrumentId);

            case OrderUpdateDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                return orderUpdateApplier.orderUpdate(buffer, bodyOffset, blockLength, version, sequence, instrumentId);

            case TradeSummaryDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                tradeApplier.tradeSummary(buffer, bodyOffset, blockLength, version, sequence, instrumentId);
                return null;

            case VenueInstrumentDefinitionDecoder.TEMPLATE_ID:
                messagesApplied.incrementRelease();
                instrumentApplier.venueInstrumentDefinition(
                    buffer, offset, length, bodyOffset, blockLength, version, sequence, instrumentId);
                return null;

            case SystemEventDecoder.TEMPLATE_ID:
            case HeartbeatDecoder.TEMPLATE_ID:
            case PublisherEpochDecoder.TEMPLATE_ID:
                // No book effect; the sequence rules act on a publisher epoch before the message gets here.
                messagesApplied.incrementRelease();
                return null;

            default:
                unknownTemplateMessages.incrementRelease();
                return null;
        }
    }

    /**
     * Can the appliers read this message? The decoders read every field of a template's block at its offset, whatever
     * block length the header claims, and turn an enum byte they do not know into an exception: a block shorter than
     * the template's, or one longer than the message, would be read from the bytes after the message (the next frame,
     * or past the end of the buffer), and an unknown enum value would throw out of the subscriber's poll.
     * <p>
     * Every field of a template is in the template's first version, so a template's block is its whole block; a field
     * added in a later version would be read only from messages of that version, and the minimum would stay the first
     * version's block, as in the gateway's {@code CommandValidator}.
     */
    private static boolean isDecodable(
        final DirectBuffer buffer,
        final int bodyOffset,
        final int bodyLength,
        final int templateId,
        final int blockLength)
    {
        final int templateBlockLength;
        switch (templateId)
        {
            case AddOrderDecoder.TEMPLATE_ID:
                templateBlockLength = AddOrderDecoder.BLOCK_LENGTH;
                break;
            case OrderExecutedDecoder.TEMPLATE_ID:
                templateBlockLength = OrderExecutedDecoder.BLOCK_LENGTH;
                break;
            case OrderExecutedWithPriceDecoder.TEMPLATE_ID:
                templateBlockLength = OrderExecutedWithPriceDecoder.BLOCK_LENGTH;
                break;
            case OrderCancelDecoder.TEMPLATE_ID:
                templateBlockLength = OrderCancelDecoder.BLOCK_LENGTH;
                break;
            case OrderDeleteDecoder.TEMPLATE_ID:
                templateBlockLength = OrderDeleteDecoder.BLOCK_LENGTH;
                break;
            case OrderReplaceDecoder.TEMPLATE_ID:
                templateBlockLength = OrderReplaceDecoder.BLOCK_LENGTH;
                break;
            case TradeDecoder.TEMPLATE_ID:
                templateBlockLength = TradeDecoder.BLOCK_LENGTH;
                break;
            case CrossTradeDecoder.TEMPLATE_ID:
                templateBlockLength = CrossTradeDecoder.BLOCK_LENGTH;
                break;
            case BrokenTradeDecoder.TEMPLATE_ID:
                templateBlockLength = BrokenTradeDecoder.BLOCK_LENGTH;
                break;
            case InstrumentDefinitionDecoder.TEMPLATE_ID:
                templateBlockLength = InstrumentDefinitionDecoder.BLOCK_LENGTH;
                break;
            case TradingStatusDecoder.TEMPLATE_ID:
                templateBlockLength = TradingStatusDecoder.BLOCK_LENGTH;
                break;
            case VenueInstrumentDefinitionDecoder.TEMPLATE_ID:
                templateBlockLength = VenueInstrumentDefinitionDecoder.BLOCK_LENGTH;
                break;
            case PriceLevelUpdateDecoder.TEMPLATE_ID:
                templateBlockLength = PriceLevelUpdateDecoder.BLOCK_LENGTH;
                break;
            case TradeSummaryDecoder.TEMPLATE_ID:
                templateBlockLength = TradeSummaryDecoder.BLOCK_LENGTH;
                break;
            case BookResetDecoder.TEMPLATE_ID:
                templateBlockLength = BookResetDecoder.BLOCK_LENGTH;
                break;
            case OrderUpdateDecoder.TEMPLATE_ID:
                templateBlockLength = OrderUpdateDecoder.BLOCK_LENGTH;
                break;
            default:
                // Not read beyond the shared prefix: counted as unknown, or ignored (system events, heartbeats).
                return true;
        }
        if (blockLength < templateBlockLength || blockLength > bodyLength)
        {
            return false;
        }

        switch (templateId)
        {
            case AddOrderDecoder.TEMPLATE_ID:
                final byte side = buffer.getByte(bodyOffset + AddOrderDecoder.sideEncodingOffset());
                return side == Side.BUY.value() || side == Side.SELL.value() || side == Side.NULL_VAL.value();
            case OrderExecutedWithPriceDecoder.TEMPLATE_ID:
                final short printable = (short)(buffer.getByte(
                    bodyOffset + OrderExecutedWithPriceDecoder.printableEncodingOffset()) & 0xFF);
                return printable == BooleanType.TRUE.value() || printable == BooleanType.FALSE.value() ||
                    printable == BooleanType.NULL_VAL.value();
            case TradingStatusDecoder.TEMPLATE_ID:
                final byte state = buffer.getByte(bodyOffset + TradingStatusDecoder.tradingStateEncodingOffset());
                return state == TradingState.HALTED.value() || state == TradingState.PAUSED.value() ||
                    state == TradingState.QUOTATION_ONLY.value() || state == TradingState.TRADING.value() ||
                    state == TradingState.NULL_VAL.value();
            case VenueInstrumentDefinitionDecoder.TEMPLATE_ID:
                // The book type decides which books the instrument gets: without a valid one it cannot be defined.
                final short bookType = (short)(buffer.getByte(
                    bodyOffset + VenueInstrumentDefinitionDecoder.bookTypeEncodingOffset()) & 0xFF);
                return bookType == BookType.ORDER_BOOK.value() || bookType == BookType.PRICE_LEVEL.value();
            case TradeSummaryDecoder.TEMPLATE_ID:
                final short aggressor = (short)(buffer.getByte(
                    bodyOffset + TradeSummaryDecoder.aggressorSideEncodingOffset()) & 0xFF);
                return aggressor == AggressorSide.NONE.value() || aggressor == AggressorSide.BUY.value() ||
                    aggressor == AggressorSide.SELL.value() || aggressor == AggressorSide.NULL_VAL.value();
            case BookResetDecoder.TEMPLATE_ID:
                final short reason = (short)(buffer.getByte(
                    bodyOffset + BookResetDecoder.reasonEncodingOffset()) & 0xFF);
                return reason == BookResetReason.CHANNEL_RESET.value() || reason == BookResetReason.RECOVERY.value() ||
                    reason == BookResetReason.NULL_VAL.value();
            default:
                // PriceLevelUpdate's and OrderUpdate's enums are read raw by their appliers, which report a bad one
                // as a book error.
                return true;
        }
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
