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

import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.AddOrderDecoder;
import io.tickwire.sbe.md.BooleanType;
import io.tickwire.sbe.md.BrokenTradeDecoder;
import io.tickwire.sbe.md.CrossTradeDecoder;
import io.tickwire.sbe.md.InstrumentDefinitionDecoder;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import io.tickwire.sbe.md.OrderCancelDecoder;
import io.tickwire.sbe.md.OrderDeleteDecoder;
import io.tickwire.sbe.md.OrderExecutedDecoder;
import io.tickwire.sbe.md.OrderExecutedWithPriceDecoder;
import io.tickwire.sbe.md.OrderReplaceDecoder;
import io.tickwire.sbe.md.Side;
import io.tickwire.sbe.md.TradeDecoder;
import io.tickwire.sbe.md.TradingStatusDecoder;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Decodes published market data messages and applies them to per-instrument books, invoking the order, trade and
 * instrument listeners. Shared by the {@link FeedClient}, the snapshot server and the benchmarks so that every
 * party builds books with the same code.
 * <p>
 * Sequence checking is not done here: the caller decides which messages to apply. Events the book rejects are
 * counted per {@link BookResult} and reported to the {@link BookErrorListener}. Zero allocation per message once
 * instruments are defined and books have reached their working size.
 */
public final class BookBuilder
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final InstrumentDefinitionDecoder definitionDecoder = new InstrumentDefinitionDecoder();
    private final TradingStatusDecoder statusDecoder = new TradingStatusDecoder();
    private final AddOrderDecoder addDecoder = new AddOrderDecoder();
    private final OrderExecutedDecoder executedDecoder = new OrderExecutedDecoder();
    private final OrderExecutedWithPriceDecoder executedWithPriceDecoder = new OrderExecutedWithPriceDecoder();
    private final OrderCancelDecoder cancelDecoder = new OrderCancelDecoder();
    private final OrderDeleteDecoder deleteDecoder = new OrderDeleteDecoder();
    private final OrderReplaceDecoder replaceDecoder = new OrderReplaceDecoder();
    private final TradeDecoder tradeDecoder = new TradeDecoder();
    private final CrossTradeDecoder crossDecoder = new CrossTradeDecoder();
    private final BrokenTradeDecoder brokenDecoder = new BrokenTradeDecoder();

    private final Long2ObjectHashMap<InstrumentBook> instrumentsById = new Long2ObjectHashMap<>();
    private final ArrayList<InstrumentBook> instruments = new ArrayList<>();
    private final List<InstrumentBook> instrumentsView = Collections.unmodifiableList(instruments);
    private final Set<String> symbols;
    private final long[] bookErrors = new long[BookResult.values().length];

    private InstrumentListener instrumentListener;
    private OrderListener orderListener;
    private TradeListener tradeListener;
    private BookErrorListener bookErrorListener;
    private long undefinedInstrumentMessages;
    private long unknownTemplateMessages;
    private long malformedMessages;

    /**
     * A builder.
     *
     * @param symbols symbols to build books for (trimmed), or {@code null} for every instrument.
     */
    public BookBuilder(final Set<String> symbols)
    {
        this.symbols = symbols;
    }

    /**
     * Listener for instrument definitions and trading status (may be null).
     *
     * @param listener to notify.
     * @return this for a fluent API.
     */
    public BookBuilder instrumentListener(final InstrumentListener listener)
    {
        this.instrumentListener = listener;
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
        this.orderListener = listener;
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
        this.tradeListener = listener;
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
        this.bookErrorListener = listener;
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
        return instrumentsById.get(instrumentId);
    }

    /**
     * Every instrument seen, subscribed or not, in order of first appearance.
     *
     * @return a read-only list.
     */
    public List<InstrumentBook> instruments()
    {
        return instrumentsView;
    }

    /**
     * Count of events the books rejected for a reason.
     *
     * @param result the reason.
     * @return the count.
     */
    public long bookErrors(final BookResult result)
    {
        return bookErrors[result.ordinal()];
    }

    /**
     * Count of all events the books rejected.
     *
     * @return the count.
     */
    public long totalBookErrors()
    {
        long total = 0;
        for (int i = 1; i < bookErrors.length; i++)
        {
            total += bookErrors[i];
        }
        return total;
    }

    /**
     * Messages for an instrument with no definition while a symbol filter is set (they cannot be attributed).
     *
     * @return the count.
     */
    public long undefinedInstrumentMessages()
    {
        return undefinedInstrumentMessages;
    }

    /**
     * Messages of a schema or template this builder does not know.
     *
     * @return the count.
     */
    public long unknownTemplateMessages()
    {
        return unknownTemplateMessages;
    }

    /**
     * Messages too short to hold the market data header.
     *
     * @return the count.
     */
    public long malformedMessages()
    {
        return malformedMessages;
    }

    /**
     * Remove every order from every book (definitions and trading states stay).
     */
    public void clearBooks()
    {
        for (int i = 0, size = instruments.size(); i < size; i++)
        {
            instruments.get(i).book.clear();
        }
    }

    /**
     * Forget everything: books, definitions and trading states (a new publisher session starts from scratch).
     */
    public void reset()
    {
        clearBooks();
        for (int i = 0, size = instruments.size(); i < size; i++)
        {
            final InstrumentBook instrument = instruments.get(i);
            instrument.definitionLength = 0;
            instrument.statusLength = 0;
        }
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
        final InstrumentBook instrument = instrumentFor(instrumentId);
        if (null == instrument)
        {
            return null;
        }

        final BookResult result = instrument.book.add(orderId, side, price, quantity);
        if (BookResult.APPLIED != result)
        {
            bookError(0, instrumentId, orderId, result);
        }
        return instrument;
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
            malformedMessages++;
            return null;
        }

        headerDecoder.wrap(buffer, offset);
        if (headerDecoder.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            unknownTemplateMessages++;
            return null;
        }

        final int templateId = headerDecoder.templateId();
        final int blockLength = headerDecoder.blockLength();
        final int version = headerDecoder.version();
        final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final long sequence = buffer.getLong(offset + MarketDataHeader.SEQUENCE_OFFSET, ORDER);
        final long instrumentId = buffer.getInt(offset + MarketDataHeader.INSTRUMENT_ID_OFFSET, ORDER) & 0xFFFF_FFFFL;

        switch (templateId)
        {
            case AddOrderDecoder.TEMPLATE_ID:
            {
                final InstrumentBook instrument = instrumentFor(instrumentId);
                if (null == instrument)
                {
                    return null;
                }
                addDecoder.wrap(buffer, bodyOffset, blockLength, version);
                final long orderId = addDecoder.orderId();
                final Side side = addDecoder.side();
                final long quantity = addDecoder.quantity();
                final long price = addDecoder.price();
                final BookResult result = instrument.book.add(orderId, side, price, quantity);
                if (BookResult.APPLIED != result)
                {
                    bookError(sequence, instrumentId, orderId, result);
                    return null;
                }
                if (null != orderListener)
                {
                    orderListener.onAdd(sequence, instrumentId, orderId, side, price, quantity);
                }
                return instrument;
            }

            case OrderExecutedDecoder.TEMPLATE_ID:
            {
                final InstrumentBook instrument = instrumentFor(instrumentId);
                if (null == instrument)
                {
                    return null;
                }
                executedDecoder.wrap(buffer, bodyOffset, blockLength, version);
                final long orderId = executedDecoder.orderId();
                final long quantity = executedDecoder.executedQuantity();
                final long matchNumber = executedDecoder.matchNumber();
                final Order order = instrument.book.order(orderId);
                final long price = null == order ? 0 : order.price();
                return executed(instrument, sequence, orderId, quantity, price, matchNumber, true);
            }

            case OrderExecutedWithPriceDecoder.TEMPLATE_ID:
            {
                final InstrumentBook instrument = instrumentFor(instrumentId);
                if (null == instrument)
                {
                    return null;
                }
                executedWithPriceDecoder.wrap(buffer, bodyOffset, blockLength, version);
                final long orderId = executedWithPriceDecoder.orderId();
                final long quantity = executedWithPriceDecoder.executedQuantity();
                final long matchNumber = executedWithPriceDecoder.matchNumber();
                final boolean printable = BooleanType.TRUE == executedWithPriceDecoder.printable();
                final long price = executedWithPriceDecoder.executionPrice();
                return executed(instrument, sequence, orderId, quantity, price, matchNumber, printable);
            }

            case OrderCancelDecoder.TEMPLATE_ID:
            {
                final InstrumentBook instrument = instrumentFor(instrumentId);
                if (null == instrument)
                {
                    return null;
                }
                cancelDecoder.wrap(buffer, bodyOffset, blockLength, version);
                final long orderId = cancelDecoder.orderId();
                final long quantity = cancelDecoder.cancelledQuantity();
                final BookResult result = instrument.book.cancel(orderId, quantity);
                if (BookResult.APPLIED != result)
                {
                    bookError(sequence, instrumentId, orderId, result);
                    if (BookResult.UNKNOWN_ORDER == result)
                    {
                        return null;
                    }
                }
                if (null != orderListener)
                {
                    orderListener.onCancel(sequence, instrumentId, orderId, quantity);
                }
                return instrument;
            }

            case OrderDeleteDecoder.TEMPLATE_ID:
            {
                final InstrumentBook instrument = instrumentFor(instrumentId);
                if (null == instrument)
                {
                    return null;
                }
                deleteDecoder.wrap(buffer, bodyOffset, blockLength, version);
                final long orderId = deleteDecoder.orderId();
                final BookResult result = instrument.book.delete(orderId);
                if (BookResult.APPLIED != result)
                {
                    bookError(sequence, instrumentId, orderId, result);
                    return null;
                }
                if (null != orderListener)
                {
                    orderListener.onDelete(sequence, instrumentId, orderId);
                }
                return instrument;
            }

            case OrderReplaceDecoder.TEMPLATE_ID:
            {
                final InstrumentBook instrument = instrumentFor(instrumentId);
                if (null == instrument)
                {
                    return null;
                }
                replaceDecoder.wrap(buffer, bodyOffset, blockLength, version);
                final long originalOrderId = replaceDecoder.originalOrderId();
                final long newOrderId = replaceDecoder.newOrderId();
                final long quantity = replaceDecoder.quantity();
                final long price = replaceDecoder.price();
                final BookResult result = instrument.book.replace(originalOrderId, newOrderId, quantity, price);
                if (BookResult.APPLIED != result)
                {
                    bookError(sequence, instrumentId, originalOrderId, result);
                    return BookResult.INVALID_ORDER == result ? instrument : null;
                }
                if (null != orderListener)
                {
                    orderListener.onReplace(sequence, instrumentId, originalOrderId, newOrderId, quantity, price);
                }
                return instrument;
            }

            case TradeDecoder.TEMPLATE_ID:
            {
                final InstrumentBook instrument = instrumentFor(instrumentId);
                if (null != instrument && null != tradeListener)
                {
                    tradeDecoder.wrap(buffer, bodyOffset, blockLength, version);
                    final long quantity = tradeDecoder.quantity();
                    final long price = tradeDecoder.price();
                    final long matchNumber = tradeDecoder.matchNumber();
                    tradeListener.onTrade(sequence, instrumentId, price, quantity, matchNumber);
                }
                return null;
            }

            case CrossTradeDecoder.TEMPLATE_ID:
            {
                final InstrumentBook instrument = instrumentFor(instrumentId);
                if (null != instrument && null != tradeListener)
                {
                    crossDecoder.wrap(buffer, bodyOffset, blockLength, version);
                    final long quantity = crossDecoder.quantity();
                    final long price = crossDecoder.price();
                    final long matchNumber = crossDecoder.matchNumber();
                    if (quantity > 0)
                    {
                        tradeListener.onTrade(sequence, instrumentId, price, quantity, matchNumber);
                    }
                }
                return null;
            }

            case BrokenTradeDecoder.TEMPLATE_ID:
            {
                final InstrumentBook instrument = instrumentFor(instrumentId);
                if (null != instrument && null != tradeListener)
                {
                    brokenDecoder.wrap(buffer, bodyOffset, blockLength, version);
                    tradeListener.onBrokenTrade(sequence, instrumentId, brokenDecoder.matchNumber());
                }
                return null;
            }

            case InstrumentDefinitionDecoder.TEMPLATE_ID:
                onDefinition(buffer, offset, length, bodyOffset, blockLength, version, sequence, instrumentId);
                return null;

            case TradingStatusDecoder.TEMPLATE_ID:
                onStatus(buffer, offset, length, bodyOffset, blockLength, version, sequence, instrumentId);
                return null;

            case io.tickwire.sbe.md.SystemEventDecoder.TEMPLATE_ID:
            case io.tickwire.sbe.md.HeartbeatDecoder.TEMPLATE_ID:
                return null;

            default:
                unknownTemplateMessages++;
                return null;
        }
    }

    private InstrumentBook executed(
        final InstrumentBook instrument,
        final long sequence,
        final long orderId,
        final long quantity,
        final long price,
        final long matchNumber,
        final boolean printable)
    {
        final long instrumentId = instrument.instrumentId;
        final BookResult result = instrument.book.execute(orderId, quantity);
        if (BookResult.APPLIED != result)
        {
            bookError(sequence, instrumentId, orderId, result);
            if (BookResult.UNKNOWN_ORDER == result)
            {
                return null;
            }
        }
        if (null != orderListener)
        {
            orderListener.onExecute(sequence, instrumentId, orderId, quantity, price, matchNumber);
        }
        if (printable && null != tradeListener)
        {
            tradeListener.onTrade(sequence, instrumentId, price, quantity, matchNumber);
        }
        return instrument;
    }

    private void onDefinition(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final int bodyOffset,
        final int blockLength,
        final int version,
        final long sequence,
        final long instrumentId)
    {
        definitionDecoder.wrap(buffer, bodyOffset, blockLength, version);
        final String symbol = definitionDecoder.symbol().trim();
        final int priceExponent = definitionDecoder.priceExponent();
        final long lotSize = definitionDecoder.lotSize();

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
        if (length <= instrument.definition.capacity())
        {
            instrument.definition.putBytes(0, buffer, offset, length);
            instrument.definitionLength = length;
        }

        if (instrument.subscribed && null != instrumentListener)
        {
            instrumentListener.onInstrumentDefinition(sequence, instrumentId, symbol, priceExponent, lotSize);
        }
    }

    private void onStatus(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final int bodyOffset,
        final int blockLength,
        final int version,
        final long sequence,
        final long instrumentId)
    {
        final InstrumentBook instrument = instrumentFor(instrumentId);
        if (null == instrument)
        {
            return;
        }

        statusDecoder.wrap(buffer, bodyOffset, blockLength, version);
        instrument.tradingState = statusDecoder.tradingState();
        if (length <= instrument.status.capacity())
        {
            instrument.status.putBytes(0, buffer, offset, length);
            instrument.statusLength = length;
        }
        if (null != instrumentListener)
        {
            instrumentListener.onTradingStatus(sequence, instrumentId, instrument.tradingState);
        }
    }

    private InstrumentBook instrumentFor(final long instrumentId)
    {
        final InstrumentBook instrument = instrumentsById.get(instrumentId);
        if (null != instrument)
        {
            return instrument.subscribed ? instrument : null;
        }

        if (null != symbols)
        {
            undefinedInstrumentMessages++;
            return null;
        }

        return newInstrument(instrumentId, true);
    }

    private InstrumentBook newInstrument(final long instrumentId, final boolean subscribed)
    {
        final InstrumentBook instrument = new InstrumentBook(instrumentId, subscribed);
        instrumentsById.put(instrumentId, instrument);
        instruments.add(instrument);
        return instrument;
    }

    private void bookError(final long sequence, final long instrumentId, final long orderId, final BookResult result)
    {
        bookErrors[result.ordinal()]++;
        if (null != bookErrorListener)
        {
            bookErrorListener.onBookError(sequence, instrumentId, orderId, result);
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
        final InstrumentBook instrument = instrumentsById.get(instrumentId);
        return null == instrument || !instrument.subscribed ? null : instrument.book;
    }
}
