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
import org.agrona.collections.Long2ObjectHashMap;

import java.util.Arrays;

/**
 * Order-by-order (L3) book of one instrument in price-time priority, which is at the same time its aggregated
 * (L2) {@link PriceLevelBook} and its BBO.
 * <p>
 * Orders are found by id through a primitive-keyed map; levels are a sorted array per side ({@link BookSide});
 * orders and levels come from free lists owned by the book. After warm-up (once the map, the arrays and the free
 * lists have grown to the working-set size) applying an event allocates nothing.
 * <p>
 * Not thread safe: one thread applies and reads.
 */
public final class OrderBook implements PriceLevelBook
{
    private static final int INITIAL_ORDER_CAPACITY = 64;

    private final long instrumentId;
    private final Long2ObjectHashMap<Order> ordersById =
        new Long2ObjectHashMap<>(INITIAL_ORDER_CAPACITY, 0.65f, false);
    private final BookSide bids = new BookSide(Side.BUY);
    private final BookSide asks = new BookSide(Side.SELL);

    private Order[] freeOrders = new Order[16];
    private int freeOrderCount;
    private PriceLevel[] freeLevels = new PriceLevel[16];
    private int freeLevelCount;

    /**
     * A new empty book.
     *
     * @param instrumentId the book is for.
     */
    public OrderBook(final long instrumentId)
    {
        this.instrumentId = instrumentId;
    }

    /**
     * {@inheritDoc}
     */
    public long instrumentId()
    {
        return instrumentId;
    }

    /**
     * Number of resting orders.
     *
     * @return the number of orders on both sides.
     */
    public int orderCount()
    {
        return ordersById.size();
    }

    /**
     * A resting order by id.
     *
     * @param orderId to look up.
     * @return the order or {@code null} when it is not resting.
     */
    public Order order(final long orderId)
    {
        return ordersById.get(orderId);
    }

    /**
     * Price level by depth.
     *
     * @param side  of the book.
     * @param level 0 for the best price.
     * @return the level; follow {@link PriceLevel#firstOrder()} for its orders in priority.
     */
    public PriceLevel level(final Side side, final int level)
    {
        return bookSide(side).levelAt(level);
    }

    /**
     * Add a new order ranked by the venue's priority within its price level (CME market by order): behind every
     * order of a lower or equal priority, whenever it arrives.
     *
     * @param orderId  of the order.
     * @param side     of the order.
     * @param price    of the order.
     * @param quantity visible quantity.
     * @param priority the venue's rank, lower first.
     * @return {@link BookResult#APPLIED}, or why not (nothing changed).
     */
    public BookResult addByPriority(
        final long orderId, final Side side, final long price, final long quantity, final long priority)
    {
        if (quantity <= 0 || (Side.BUY != side && Side.SELL != side))
        {
            return BookResult.INVALID_ORDER;
        }
        if (ordersById.containsKey(orderId))
        {
            return BookResult.DUPLICATE_ORDER_ID;
        }
        final Order order = acquireOrder();
        order.orderId = orderId;
        order.side = side;
        order.price = price;
        order.quantity = quantity;
        order.priority = priority;
        ordersById.put(orderId, order);
        levelFor(side, price).insertByPriority(order);
        return BookResult.APPLIED;
    }

    /**
     * Change an order of a book ranked by venue priority: its side, price, quantity and priority become the given
     * ones. An order whose price and priority stay keeps its place (a quantity change in place); otherwise it is
     * ranked again at its (new) price, as the venue does.
     *
     * @param orderId  of the order.
     * @param side     of the order.
     * @param price    of the order now.
     * @param quantity visible quantity now.
     * @param priority the venue's rank now.
     * @return {@link BookResult#APPLIED}; {@link BookResult#UNKNOWN_ORDER} or {@link BookResult#INVALID_ORDER}
     * (nothing changed).
     */
    public BookResult changeByPriority(
        final long orderId, final Side side, final long price, final long quantity, final long priority)
    {
        final Order order = ordersById.get(orderId);
        if (null == order)
        {
            return BookResult.UNKNOWN_ORDER;
        }
        if (quantity <= 0 || (Side.BUY != side && Side.SELL != side))
        {
            return BookResult.INVALID_ORDER;
        }
        if (order.side == side && order.price == price && order.priority == priority)
        {
            order.level.quantity += quantity - order.quantity;
            order.quantity = quantity;
            return BookResult.APPLIED;
        }
        ordersById.remove(orderId);
        removeFromLevel(order);
        return addByPriority(orderId, side, price, quantity, priority);
    }

    /**
     * Add a new order at the back of its price level.
     *
     * @param orderId  venue order id, unique among resting orders.
     * @param side     of the order.
     * @param price    limit price mantissa.
     * @param quantity displayed quantity, positive.
     * @return {@link BookResult#APPLIED}, {@link BookResult#DUPLICATE_ORDER_ID} or {@link BookResult#INVALID_ORDER}.
     */
    public BookResult add(final long orderId, final Side side, final long price, final long quantity)
    {
        if (quantity <= 0 || (Side.BUY != side && Side.SELL != side))
        {
            return BookResult.INVALID_ORDER;
        }

        if (ordersById.containsKey(orderId))
        {
            return BookResult.DUPLICATE_ORDER_ID;
        }

        final Order order = acquireOrder();
        order.orderId = orderId;
        order.side = side;
        order.price = price;
        order.quantity = quantity;
        ordersById.put(orderId, order);

        levelFor(side, price).append(order);
        return BookResult.APPLIED;
    }

    /**
     * Execute part or all of a resting order at its own price.
     *
     * @param orderId  of the resting order.
     * @param quantity executed.
     * @return {@link BookResult#APPLIED}, {@link BookResult#UNKNOWN_ORDER} or {@link BookResult#QUANTITY_EXCEEDS_OPEN}
     * (the order is then removed).
     */
    public BookResult execute(final long orderId, final long quantity)
    {
        return reduce(orderId, quantity);
    }

    /**
     * Cancel part of a resting order.
     *
     * @param orderId  of the resting order.
     * @param quantity cancelled.
     * @return {@link BookResult#APPLIED}, {@link BookResult#UNKNOWN_ORDER} or {@link BookResult#QUANTITY_EXCEEDS_OPEN}
     * (the order is then removed).
     */
    public BookResult cancel(final long orderId, final long quantity)
    {
        return reduce(orderId, quantity);
    }

    /**
     * Remove a resting order.
     *
     * @param orderId of the resting order.
     * @return {@link BookResult#APPLIED} or {@link BookResult#UNKNOWN_ORDER}.
     */
    public BookResult delete(final long orderId)
    {
        final Order order = ordersById.remove(orderId);
        if (null == order)
        {
            return BookResult.UNKNOWN_ORDER;
        }

        removeFromLevel(order);
        return BookResult.APPLIED;
    }

    /**
     * Replace a resting order by a new one on the same side; the new order goes to the back of its level.
     *
     * @param originalOrderId of the resting order.
     * @param newOrderId      of the replacement.
     * @param quantity        of the replacement.
     * @param price           of the replacement.
     * @return {@link BookResult#APPLIED}, {@link BookResult#UNKNOWN_ORDER} (nothing changed),
     * {@link BookResult#DUPLICATE_ORDER_ID} (nothing changed) or {@link BookResult#INVALID_ORDER} (the original is
     * removed, nothing is added).
     */
    public BookResult replace(final long originalOrderId, final long newOrderId, final long quantity, final long price)
    {
        final Order original = ordersById.get(originalOrderId);
        if (null == original)
        {
            return BookResult.UNKNOWN_ORDER;
        }

        if (newOrderId != originalOrderId && ordersById.containsKey(newOrderId))
        {
            return BookResult.DUPLICATE_ORDER_ID;
        }

        final Side side = original.side;
        ordersById.remove(originalOrderId);
        removeFromLevel(original);

        return add(newOrderId, side, price, quantity);
    }

    /**
     * Remove every order, returning orders and levels to the free lists.
     */
    public void clear()
    {
        bids.drainTo(this);
        asks.drainTo(this);
        ordersById.clear();
    }

    /**
     * {@inheritDoc}
     */
    public int depth(final Side side)
    {
        return bookSide(side).depth();
    }

    /**
     * {@inheritDoc}
     */
    public long price(final Side side, final int level)
    {
        return bookSide(side).levelAt(level).price;
    }

    /**
     * {@inheritDoc}
     */
    public long quantity(final Side side, final int level)
    {
        return bookSide(side).levelAt(level).quantity;
    }

    /**
     * {@inheritDoc}
     */
    public int orderCount(final Side side, final int level)
    {
        return bookSide(side).levelAt(level).orderCount;
    }

    /**
     * Best bid price.
     *
     * @return the price or {@link #NULL_PRICE}.
     */
    public long bestBidPrice()
    {
        final PriceLevel best = bids.best();
        return null == best ? NULL_PRICE : best.price;
    }

    /**
     * Best offer price.
     *
     * @return the price or {@link #NULL_PRICE}.
     */
    public long bestAskPrice()
    {
        final PriceLevel best = asks.best();
        return null == best ? NULL_PRICE : best.price;
    }

    /**
     * Quantity at the best bid.
     *
     * @return the quantity or 0.
     */
    public long bestBidQuantity()
    {
        final PriceLevel best = bids.best();
        return null == best ? 0 : best.quantity;
    }

    /**
     * Quantity at the best offer.
     *
     * @return the quantity or 0.
     */
    public long bestAskQuantity()
    {
        final PriceLevel best = asks.best();
        return null == best ? 0 : best.quantity;
    }

    /**
     * {@inheritDoc}
     */
    public CrossState crossState()
    {
        final PriceLevel bid = bids.best();
        final PriceLevel ask = asks.best();
        if (null == bid || null == ask)
        {
            return CrossState.NORMAL;
        }

        return bid.price > ask.price ? CrossState.CROSSED : bid.price == ask.price ? CrossState.LOCKED :
            CrossState.NORMAL;
    }

    private BookResult reduce(final long orderId, final long quantity)
    {
        final Order order = ordersById.get(orderId);
        if (null == order)
        {
            return BookResult.UNKNOWN_ORDER;
        }

        final long open = order.quantity;
        if (quantity >= open)
        {
            ordersById.remove(orderId);
            removeFromLevel(order);
            return quantity == open ? BookResult.APPLIED : BookResult.QUANTITY_EXCEEDS_OPEN;
        }

        order.quantity -= quantity;
        order.level.quantity -= quantity;
        return BookResult.APPLIED;
    }

    private void removeFromLevel(final Order order)
    {
        final PriceLevel level = order.level;
        level.unlink(order);
        if (0 == level.orderCount)
        {
            bookSide(level.side).remove(level);
            level.reset();
            releaseLevelOnly(level);
        }
        releaseOrder(order);
    }

    private PriceLevel levelFor(final Side side, final long price)
    {
        final BookSide bookSide = bookSide(side);
        final int index = bookSide.indexOf(price);
        if (index >= 0)
        {
            return bookSide.levelAt(bookSide.depth() - 1 - index);
        }
        final PriceLevel level = acquireLevel();
        level.price = price;
        level.side = side;
        bookSide.insert(-index - 1, level);
        return level;
    }

    private BookSide bookSide(final Side side)
    {
        return Side.BUY == side ? bids : asks;
    }

    private Order acquireOrder()
    {
        return freeOrderCount > 0 ? freeOrders[--freeOrderCount] : new Order();
    }

    private void releaseOrder(final Order order)
    {
        order.reset();
        if (freeOrderCount == freeOrders.length)
        {
            freeOrders = Arrays.copyOf(freeOrders, freeOrderCount << 1);
        }
        freeOrders[freeOrderCount++] = order;
    }

    private PriceLevel acquireLevel()
    {
        return freeLevelCount > 0 ? freeLevels[--freeLevelCount] : new PriceLevel();
    }

    private void releaseLevelOnly(final PriceLevel level)
    {
        if (freeLevelCount == freeLevels.length)
        {
            freeLevels = Arrays.copyOf(freeLevels, freeLevelCount << 1);
        }
        freeLevels[freeLevelCount++] = level;
    }

    void releaseLevel(final PriceLevel level)
    {
        Order order = level.head;
        while (null != order)
        {
            final Order next = order.next;
            releaseOrder(order);
            order = next;
        }
        level.reset();
        releaseLevelOnly(level);
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "OrderBook{instrumentId=" + instrumentId + ", orders=" + ordersById.size() +
            ", bidLevels=" + bids.depth() + ", askLevels=" + asks.depth() + '}';
    }
}
