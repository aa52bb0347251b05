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
package io.tickwire.feed.ingest.mdp3.sim;

import io.tickwire.sbe.mdp3.MDEntryTypeBook;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshBook46Encoder;
import io.tickwire.sbe.mdp3.MDIncrementalRefreshOrderBook47Encoder;
import io.tickwire.sbe.mdp3.MDUpdateAction;
import io.tickwire.sbe.mdp3.OrderUpdateAction;

import java.util.Arrays;

/**
 * The orders behind the simulator's price levels, for a channel that sends market by order: each level of each
 * contract is made of 1 to {@link #MAX_ORDERS_PER_LEVEL} orders whose visible quantities add up to the level's size,
 * ranked by MDOrderPriority (lower first, one counter for the channel, as a market segment's).
 * <p>
 * For the price-level entries of one MDIncrementalRefreshBook (46) it stages the order entries (NoOrderIDEntries,
 * ReferenceID the 1-based MD entry they belong to) that change the orders the way the entries change the levels: a
 * New level gets new orders; a Change removes orders from the front (a fill or cancel of the oldest), adds new ones
 * at the back, then fills the size by growing the last order (losing its priority, as CME does on an increase) or
 * shrinking orders from the front (keeping theirs); a Delete removes every order. Levels pushed past the depth, which
 * CME drops from the price book without an entry, have their orders deleted in an MDIncrementalRefreshOrderBook (47):
 * what a channel sends for order changes the price book does not show. {@link #requeue} is another: an order
 * that loses its place without a price or size change. Primitive arrays, reused: nothing is allocated per packet.
 */
final class Mdp3OrderFlow
{
    /** Orders per price level at most: keeps each event's messages within a packet. */
    static final int MAX_ORDERS_PER_LEVEL = 4;
    /** OrderID of the first order; the others follow. */
    static final long FIRST_ORDER_ID = 880_000_000_001L;

    static final int SLOTS = Mdp3Simulator.DEPTH * MAX_ORDERS_PER_LEVEL + 2 * MAX_ORDERS_PER_LEVEL;
    private static final int MAX_ENTRIES = 255;

    private final long[][] ids;
    private final long[][] priorities;
    private final long[][] prices;
    private final int[][] quantities;
    private final int[] counts;

    private final long[] entryOrderId = new long[MAX_ENTRIES];
    private final long[] entryPriority = new long[MAX_ENTRIES];
    private final int[] entryQuantity = new int[MAX_ENTRIES];
    private final short[] entryReference = new short[MAX_ENTRIES];
    private final OrderUpdateAction[] entryAction = new OrderUpdateAction[MAX_ENTRIES];
    private int entryCount;

    private final long[] bookOrderId = new long[MAX_ENTRIES];
    private final long[] bookPriority = new long[MAX_ENTRIES];
    private final long[] bookPrice = new long[MAX_ENTRIES];
    private final int[] bookQuantity = new int[MAX_ENTRIES];
    private final boolean[] bookBid = new boolean[MAX_ENTRIES];
    private final MDUpdateAction[] bookAction = new MDUpdateAction[MAX_ENTRIES];
    private int bookCount;

    private long nextOrderId = FIRST_ORDER_ID;
    private long nextPriority = 1;

    Mdp3OrderFlow(final int instruments)
    {
        ids = new long[2 * instruments][SLOTS];
        priorities = new long[2 * instruments][SLOTS];
        prices = new long[2 * instruments][SLOTS];
        quantities = new int[2 * instruments][SLOTS];
        counts = new int[2 * instruments];
    }

    /**
     * Forget every order (a ChannelReset empties the books).
     */
    void clear()
    {
        Arrays.fill(counts, 0);
        entryCount = 0;
        bookCount = 0;
    }

    int count(final Mdp3Instrument instrument, final boolean bid)
    {
        return counts[side(instrument, bid)];
    }

    long orderId(final Mdp3Instrument instrument, final boolean bid, final int slot)
    {
        return ids[side(instrument, bid)][slot];
    }

    long priority(final Mdp3Instrument instrument, final boolean bid, final int slot)
    {
        return priorities[side(instrument, bid)][slot];
    }

    long priceTicks(final Mdp3Instrument instrument, final boolean bid, final int slot)
    {
        return prices[side(instrument, bid)][slot];
    }

    int quantity(final Mdp3Instrument instrument, final boolean bid, final int slot)
    {
        return quantities[side(instrument, bid)][slot];
    }

    /**
     * Stage the order entries of the price-level entries staged in {@code updates}, and the 47 deletes of the levels
     * they pushed out.
     */
    void stage(final Mdp3Instrument instrument, final Mdp3BookUpdates updates)
    {
        entryCount = 0;
        bookCount = 0;
        for (int d = 0; d < updates.droppedCount(); d++)
        {
            final int s = side(instrument, updates.droppedBid(d));
            final long price = updates.droppedPrice(d);
            for (int slot = first(s, price); slot >= 0; slot = first(s, price))
            {
                stageBook(MDUpdateAction.Delete, updates.droppedBid(d), slot, s);
                remove(s, slot);
            }
        }
        for (int i = 0; i < updates.count(); i++)
        {
            final int s = side(instrument, updates.bid(i));
            final long price = updates.price(i);
            final short reference = (short)(i + 1);
            switch (updates.action(i))
            {
                case New:
                    final int orders = updates.orders(i);
                    final int each = updates.size(i) / orders;
                    for (int o = 0; o < orders; o++)
                    {
                        final int quantity = o < orders - 1 ? each : updates.size(i) - each * (orders - 1);
                        stage(OrderUpdateAction.New, append(s, nextOrderId++, price, quantity), s, reference);
                    }
                    break;

                case Change:
                    change(s, price, updates.size(i), updates.orders(i), reference);
                    break;

                default:
                    for (int slot = first(s, price); slot >= 0; slot = first(s, price))
                    {
                        stage(OrderUpdateAction.Delete, slot, s, reference);
                        remove(s, slot);
                    }
                    break;
            }
        }
    }

    /**
     * Stage a 47 Change of the first order at a price: it goes to the back of its level (a new priority) while the
     * level's size and order count stay, so the price book shows nothing.
     *
     * @return false when the level has no order.
     */
    boolean requeue(final Mdp3Instrument instrument, final boolean bid, final long price)
    {
        bookCount = 0;
        final int s = side(instrument, bid);
        final int slot = first(s, price);
        if (slot < 0 || last(s, price) == slot)
        {
            return false;
        }
        stageBook(MDUpdateAction.Change, bid, moveToBack(s, slot), s);
        return true;
    }

    int orderEntryCount()
    {
        return entryCount;
    }

    int bookEntryCount()
    {
        return bookCount;
    }

    void encodeOrderEntries(final MDIncrementalRefreshBook46Encoder book)
    {
        final MDIncrementalRefreshBook46Encoder.NoOrderIDEntriesEncoder entries =
            book.noOrderIDEntriesCount(entryCount);
        for (int i = 0; i < entryCount; i++)
        {
            entries.next().orderID(entryOrderId[i]).mDOrderPriority(entryPriority[i])
                .mDDisplayQty(entryQuantity[i]).referenceID(entryReference[i]).orderUpdateAction(entryAction[i]);
        }
    }

    void encodeBookEntries(final MDIncrementalRefreshOrderBook47Encoder orderBook, final Mdp3Instrument instrument)
    {
        final MDIncrementalRefreshOrderBook47Encoder.NoMDEntriesEncoder entries = orderBook.noMDEntriesCount(bookCount);
        for (int i = 0; i < bookCount; i++)
        {
            entries.next().orderID(bookOrderId[i]).mDOrderPriority(bookPriority[i]);
            entries.mDEntryPx().mantissa(instrument.mantissa(bookPrice[i]));
            entries.mDDisplayQty(bookQuantity[i]).securityID(instrument.securityId).mDUpdateAction(bookAction[i])
                .mDEntryType(bookBid[i] ? MDEntryTypeBook.Bid : MDEntryTypeBook.Offer);
        }
    }

    private void change(final int s, final long price, final int size, final int orders, final short reference)
    {
        while (countAt(s, price) > orders)
        {
            final int slot = first(s, price);
            stage(OrderUpdateAction.Delete, slot, s, reference);
            remove(s, slot);
        }
        while (countAt(s, price) < orders)
        {
            stage(OrderUpdateAction.New, append(s, nextOrderId++, price, 1), s, reference);
        }
        int missing = size - sumAt(s, price);
        if (missing > 0)
        {
            final int slot = moveToBack(s, last(s, price));
            quantities[s][slot] += missing;
            stage(OrderUpdateAction.Update, slot, s, reference);
            return;
        }
        for (int slot = 0; slot < counts[s] && missing < 0; slot++)
        {
            if (prices[s][slot] == price && quantities[s][slot] > 1)
            {
                final int cut = Math.min(quantities[s][slot] - 1, -missing);
                quantities[s][slot] -= cut;
                missing += cut;
                stage(OrderUpdateAction.Update, slot, s, reference);
            }
        }
    }

    private void stage(final OrderUpdateAction action, final int slot, final int s, final short reference)
    {
        entryOrderId[entryCount] = ids[s][slot];
        entryPriority[entryCount] = priorities[s][slot];
        entryQuantity[entryCount] = quantities[s][slot];
        entryReference[entryCount] = reference;
        entryAction[entryCount] = action;
        entryCount++;
    }

    private void stageBook(final MDUpdateAction action, final boolean bid, final int slot, final int s)
    {
        bookOrderId[bookCount] = ids[s][slot];
        bookPriority[bookCount] = priorities[s][slot];
        bookPrice[bookCount] = prices[s][slot];
        bookQuantity[bookCount] = quantities[s][slot];
        bookBid[bookCount] = bid;
        bookAction[bookCount] = action;
        bookCount++;
    }

    private int append(final int s, final long orderId, final long price, final int quantity)
    {
        final int slot = counts[s]++;
        ids[s][slot] = orderId;
        priorities[s][slot] = nextPriority++;
        prices[s][slot] = price;
        quantities[s][slot] = quantity;
        return slot;
    }

    private int moveToBack(final int s, final int slot)
    {
        final long orderId = ids[s][slot];
        final long price = prices[s][slot];
        final int quantity = quantities[s][slot];
        remove(s, slot);
        return append(s, orderId, price, quantity);
    }

    private void remove(final int s, final int slot)
    {
        final int moved = counts[s] - slot - 1;
        System.arraycopy(ids[s], slot + 1, ids[s], slot, moved);
        System.arraycopy(priorities[s], slot + 1, priorities[s], slot, moved);
        System.arraycopy(prices[s], slot + 1, prices[s], slot, moved);
        System.arraycopy(quantities[s], slot + 1, quantities[s], slot, moved);
        counts[s]--;
    }

    private int first(final int s, final long price)
    {
        for (int slot = 0; slot < counts[s]; slot++)
        {
            if (prices[s][slot] == price)
            {
                return slot;
            }
        }
        return -1;
    }

    private int last(final int s, final long price)
    {
        for (int slot = counts[s] - 1; slot >= 0; slot--)
        {
            if (prices[s][slot] == price)
            {
                return slot;
            }
        }
        return -1;
    }

    private int countAt(final int s, final long price)
    {
        int n = 0;
        for (int slot = 0; slot < counts[s]; slot++)
        {
            n += prices[s][slot] == price ? 1 : 0;
        }
        return n;
    }

    private int sumAt(final int s, final long price)
    {
        int sum = 0;
        for (int slot = 0; slot < counts[s]; slot++)
        {
            sum += prices[s][slot] == price ? quantities[s][slot] : 0;
        }
        return sum;
    }

    private static int side(final Mdp3Instrument instrument, final boolean bid)
    {
        return 2 * (instrument.securityId - Mdp3Simulator.FIRST_SECURITY_ID) + (bid ? 0 : 1);
    }
}
