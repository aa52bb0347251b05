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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deliberately simple order book on plain JDK collections, to check {@link OrderBook} against.
 * Price levels are sorted maps, each level an insertion-ordered map of order id to open quantity.
 */
public final class ReferenceBook
{
    private record RestingOrder(Side side, long price)
    {
    }

    private final Map<Long, RestingOrder> orders = new HashMap<>();
    private final TreeMap<Long, LinkedHashMap<Long, Long>> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, LinkedHashMap<Long, Long>> asks = new TreeMap<>();

    /**
     * Add an order.
     *
     * @param orderId  id.
     * @param side     side.
     * @param price    price.
     * @param quantity quantity.
     * @return the result, with the same semantics as {@link OrderBook#add}.
     */
    public BookResult add(final long orderId, final Side side, final long price, final long quantity)
    {
        if (quantity <= 0 || (side != Side.BUY && side != Side.SELL))
        {
            return BookResult.INVALID_ORDER;
        }
        if (orders.containsKey(orderId))
        {
            return BookResult.DUPLICATE_ORDER_ID;
        }
        orders.put(orderId, new RestingOrder(side, price));
        levels(side).computeIfAbsent(price, p -> new LinkedHashMap<>()).put(orderId, quantity);
        return BookResult.APPLIED;
    }

    /**
     * Execute or cancel part of an order.
     *
     * @param orderId  id.
     * @param quantity removed.
     * @return the result, with the same semantics as {@link OrderBook#execute}.
     */
    public BookResult reduce(final long orderId, final long quantity)
    {
        final RestingOrder order = orders.get(orderId);
        if (null == order)
        {
            return BookResult.UNKNOWN_ORDER;
        }
        final LinkedHashMap<Long, Long> level = levels(order.side()).get(order.price());
        final long open = level.get(orderId);
        if (quantity >= open)
        {
            delete(orderId);
            return quantity == open ? BookResult.APPLIED : BookResult.QUANTITY_EXCEEDS_OPEN;
        }
        level.put(orderId, open - quantity);
        return BookResult.APPLIED;
    }

    /**
     * Delete an order.
     *
     * @param orderId id.
     * @return the result.
     */
    public BookResult delete(final long orderId)
    {
        final RestingOrder order = orders.remove(orderId);
        if (null == order)
        {
            return BookResult.UNKNOWN_ORDER;
        }
        final TreeMap<Long, LinkedHashMap<Long, Long>> levels = levels(order.side());
        final LinkedHashMap<Long, Long> level = levels.get(order.price());
        level.remove(orderId);
        if (level.isEmpty())
        {
            levels.remove(order.price());
        }
        return BookResult.APPLIED;
    }

    /**
     * Replace an order.
     *
     * @param originalOrderId old id.
     * @param newOrderId      new id.
     * @param quantity        new quantity.
     * @param price           new price.
     * @return the result.
     */
    public BookResult replace(final long originalOrderId, final long newOrderId, final long quantity, final long price)
    {
        final RestingOrder order = orders.get(originalOrderId);
        if (null == order)
        {
            return BookResult.UNKNOWN_ORDER;
        }
        if (newOrderId != originalOrderId && orders.containsKey(newOrderId))
        {
            return BookResult.DUPLICATE_ORDER_ID;
        }
        delete(originalOrderId);
        return add(newOrderId, order.side(), price, quantity);
    }

    /**
     * Number of resting orders.
     *
     * @return the count.
     */
    public int orderCount()
    {
        return orders.size();
    }

    /**
     * The L3 content of one side, best level first: per level the price, then (order id, quantity) pairs in
     * priority order.
     *
     * @param side of the book.
     * @return a list of levels, each a list of longs.
     */
    public List<List<Long>> orders(final Side side)
    {
        final List<List<Long>> result = new ArrayList<>();
        for (final Map.Entry<Long, LinkedHashMap<Long, Long>> level : levels(side).entrySet())
        {
            final List<Long> row = new ArrayList<>();
            row.add(level.getKey());
            for (final Map.Entry<Long, Long> order : level.getValue().entrySet())
            {
                row.add(order.getKey());
                row.add(order.getValue());
            }
            result.add(row);
        }
        return result;
    }

    /**
     * The L2 content of one side, best first: price, aggregated quantity, order count per level.
     *
     * @param side of the book.
     * @return a list of levels.
     */
    public List<List<Long>> levels2(final Side side)
    {
        final List<List<Long>> result = new ArrayList<>();
        for (final Map.Entry<Long, LinkedHashMap<Long, Long>> level : levels(side).entrySet())
        {
            long quantity = 0;
            for (final long q : level.getValue().values())
            {
                quantity += q;
            }
            result.add(List.of(level.getKey(), quantity, (long)level.getValue().size()));
        }
        return result;
    }

    private TreeMap<Long, LinkedHashMap<Long, Long>> levels(final Side side)
    {
        return Side.BUY == side ? bids : asks;
    }

    /**
     * L3 content of one side of an {@link OrderBook} in the same shape as {@link #orders(Side)}.
     *
     * @param book to read.
     * @param side of the book.
     * @return the levels.
     */
    public static List<List<Long>> orders(final OrderBook book, final Side side)
    {
        final List<List<Long>> result = new ArrayList<>();
        for (int i = 0; i < book.depth(side); i++)
        {
            final PriceLevel level = book.level(side, i);
            final List<Long> row = new ArrayList<>();
            row.add(level.price());
            for (Order order = level.firstOrder(); null != order; order = order.next())
            {
                row.add(order.orderId());
                row.add(order.quantity());
            }
            result.add(row);
        }
        return result;
    }

    /**
     * L2 content of one side of a {@link PriceLevelBook} in the same shape as {@link #levels2(Side)}.
     *
     * @param book to read.
     * @param side of the book.
     * @return the levels.
     */
    public static List<List<Long>> levels2(final PriceLevelBook book, final Side side)
    {
        final List<List<Long>> result = new ArrayList<>();
        for (int i = 0; i < book.depth(side); i++)
        {
            result.add(List.of(book.price(side, i), book.quantity(side, i), (long)book.orderCount(side, i)));
        }
        return result;
    }
}
