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
package io.tickwire.feed.ingest.itch.sim;

import io.tickwire.feed.ingest.itch.ItchMessageWriter;
import io.tickwire.feed.ingest.itch.ItchText;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.LongHashSet;

import java.util.Arrays;

/**
 * A deterministic NASDAQ-like venue producing ITCH 5.0 order flow, one message per call.
 * <p>
 * The session opens as NASDAQ's does: System Event 'O' (start of messages), a Stock Directory (R) for every
 * symbol (Stock Locate 1..symbols), System Event 'S' (start of system hours), a Stock Trading Action 'T' per
 * symbol, System Event 'Q' (start of market hours). Then order flow: adds (A, one in ten attributed F),
 * deletes (D), replaces (U), partial cancels (X), executions (E, some C at a price) and non-displayed trades
 * (P) in roughly the proportions of a real NASDAQ day. Activity is skewed towards low locates, prices sit a few
 * cent ticks either side of a per-symbol mid that drifts with executions, sizes are mostly round lots.
 * <p>
 * Live orders are tracked in parallel primitive arrays (swap-remove), so every execute, cancel, replace and delete
 * names an order that was added and is still on the book, and nothing is allocated per message. The same seed and
 * symbol count always produce the same messages.
 */
public final class ItchSimulator
{
    /** 03:00:00 - start of messages. */
    public static final long START_OF_MESSAGES_NS = 10_800_000_000_000L;
    /** 04:00:00 - start of system hours. */
    public static final long START_OF_SYSTEM_HOURS_NS = 14_400_000_000_000L;
    /** 09:30:00 - start of market hours, where order flow begins. */
    public static final long START_OF_MARKET_HOURS_NS = 34_200_000_000_000L;
    /** Round lot size of every simulated stock. */
    public static final int ROUND_LOT = 100;
    /** One cent in ITCH price units (4 implied decimals). */
    public static final long TICK = 100;

    private static final int[] MPIDS = {
        ItchText.packMpid("GSCO"), ItchText.packMpid("MSCO"), ItchText.packMpid("JPMS"),
        ItchText.packMpid("CDRG"), ItchText.packMpid("VIRT"), ItchText.packMpid("UBSS"),
        ItchText.packMpid("FLTU"), ItchText.packMpid("SIGS"),
    };
    private static final long LAST_TIMESTAMP = 86_400_000_000_000L - 1;
    private static final int TRADING_REASON = ItchText.packMpid("");

    private static final int PHASE_START = 0;
    private static final int PHASE_DIRECTORY = 1;
    private static final int PHASE_SYSTEM_HOURS = 2;
    private static final int PHASE_TRADING_ACTION = 3;
    private static final int PHASE_MARKET_HOURS = 4;
    private static final int PHASE_FLOW = 5;

    private final int symbols;
    private final long[] stocks;
    private final long[] mids;
    private final int targetLive;
    private final int capacity;

    private final long[] refs;
    private final int[] locates;
    private final byte[] sides;
    private final int[] shares;
    private final long[] prices;
    private int liveCount;

    // Each symbol's live orders (indices into the arrays above), so a sweep looks at one symbol's orders only.
    private final int[][] byLocate;
    private final int[] byLocateCount;
    private final int[] positionInLocate;

    // Set when an execution moved a symbol's mid: that side's orders the mid passed are executed next.
    private int sweepLocate;
    private byte sweepSide;

    private long state;
    private long nextRef = 1;
    private long nextMatch = 1;
    private long timestamp = START_OF_MESSAGES_NS;
    private long messageCount;
    private int phase = PHASE_START;
    private int phaseIndex;

    /**
     * A simulator for a number of symbols.
     *
     * @param seed    of the pseudo-random sequence: the same seed gives the same messages.
     * @param symbols number of stocks, 1 to 65535 (Stock Locate is 16 bits).
     */
    public ItchSimulator(final long seed, final int symbols)
    {
        if (symbols < 1 || symbols > 0xFFFF)
        {
            throw new IllegalArgumentException("symbols must be 1..65535: " + symbols);
        }
        this.symbols = symbols;
        this.state = seed;
        this.stocks = new long[symbols + 1];
        this.mids = new long[symbols + 1];
        this.targetLive = Math.max(64, Math.min(symbols * 50, 1 << 20));
        this.capacity = 2 * targetLive;
        this.refs = new long[capacity];
        this.locates = new int[capacity];
        this.sides = new byte[capacity];
        this.shares = new int[capacity];
        this.prices = new long[capacity];
        this.byLocate = new int[symbols + 1][];
        this.byLocateCount = new int[symbols + 1];
        this.positionInLocate = new int[capacity];
        for (int locate = 1; locate <= symbols; locate++)
        {
            byLocate[locate] = new int[16];
        }

        final LongHashSet used = new LongHashSet(symbols * 2);
        final StringBuilder sb = new StringBuilder(8);
        for (int locate = 1; locate <= symbols; locate++)
        {
            long stock;
            int attempts = 0;
            do
            {
                sb.setLength(0);
                final int letters = attempts < 20 ? 2 + nextInt(3) : 5 + nextInt(3);
                for (int i = 0; i < letters; i++)
                {
                    sb.append((char)('A' + nextInt(26)));
                }
                stock = ItchText.packStock(sb);
                attempts++;
            }
            while (!used.add(stock));
            stocks[locate] = stock;
            mids[locate] = (10 + nextInt(490)) * 100 * TICK + nextInt(100) * TICK;
        }
    }

    /**
     * Write the next message.
     *
     * @param dst    buffer to write into; needs 40 bytes from offset.
     * @param offset of the type byte.
     * @return the length of the message written.
     */
    public int next(final MutableDirectBuffer dst, final int offset)
    {
        messageCount++;
        switch (phase)
        {
            case PHASE_FLOW:
                return flow(dst, offset);

            case PHASE_START:
                phase = PHASE_DIRECTORY;
                phaseIndex = 1;
                return ItchMessageWriter.systemEvent(dst, offset, timestamp, (byte)'O');

            case PHASE_DIRECTORY:
            {
                final int locate = phaseIndex++;
                if (phaseIndex > symbols)
                {
                    phase = PHASE_SYSTEM_HOURS;
                }
                timestamp += 1_000;
                return ItchMessageWriter.stockDirectory(dst, offset, locate, timestamp, stocks[locate], ROUND_LOT);
            }

            case PHASE_SYSTEM_HOURS:
                phase = PHASE_TRADING_ACTION;
                phaseIndex = 1;
                timestamp = Math.max(timestamp, START_OF_SYSTEM_HOURS_NS);
                return ItchMessageWriter.systemEvent(dst, offset, timestamp, (byte)'S');

            case PHASE_TRADING_ACTION:
            {
                final int locate = phaseIndex++;
                if (phaseIndex > symbols)
                {
                    phase = PHASE_MARKET_HOURS;
                }
                timestamp += 1_000;
                return ItchMessageWriter.stockTradingAction(
                    dst, offset, locate, timestamp, stocks[locate], (byte)'T', TRADING_REASON);
            }

            default:
                phase = PHASE_FLOW;
                timestamp = Math.max(timestamp, START_OF_MARKET_HOURS_NS);
                return ItchMessageWriter.systemEvent(dst, offset, timestamp, (byte)'Q');
        }
    }

    /**
     * Messages written so far.
     *
     * @return count of messages.
     */
    public long messageCount()
    {
        return messageCount;
    }

    /**
     * Orders currently on the simulated book.
     *
     * @return count of live orders.
     */
    public int liveOrderCount()
    {
        return liveCount;
    }

    /**
     * Number of symbols.
     *
     * @return symbols, Stock Locates 1..symbols.
     */
    public int symbols()
    {
        return symbols;
    }

    /**
     * Symbol of a Stock Locate.
     *
     * @param locate 1..symbols.
     * @return the packed symbol (see {@link ItchText}).
     */
    public long stock(final int locate)
    {
        return stocks[locate];
    }

    /**
     * Number of messages before order flow starts: two system events and a directory entry and trading action
     * per symbol, then the start of market hours.
     *
     * @param symbols number of symbols.
     * @return messages of the opening sequence.
     */
    public static int openingMessageCount(final int symbols)
    {
        return 3 + 2 * symbols;
    }

    private int flow(final MutableDirectBuffer dst, final int offset)
    {
        timestamp = Math.min(timestamp + 1 + nextInt(1_000), LAST_TIMESTAMP);
        if (0 != sweepLocate)
        {
            final int length = sweep(dst, offset);
            if (length > 0)
            {
                return length;
            }
        }
        final int live = liveCount;
        final int addPermille = live == 0 ? 1000 : live >= capacity ? 0 : live < targetLive ? 470 : 380;
        if (nextInt(1000) < addPermille)
        {
            return add(dst, offset);
        }

        final int r = nextInt(100);
        final int i = nextInt(live);
        if (r < 57)
        {
            return delete(dst, offset, i);
        }
        if (r < 75)
        {
            return replace(dst, offset, i);
        }
        if (r < 84)
        {
            return cancel(dst, offset, i);
        }
        if (r < 95)
        {
            return execute(dst, offset, i, r >= 93);
        }

        return trade(dst, offset);
    }

    private int add(final MutableDirectBuffer dst, final int offset)
    {
        final int locate = skewedLocate();
        final byte side = nextInt(2) == 0 ? (byte)'B' : (byte)'S';
        final long price = quotePrice(locate, side);
        final int size = size();
        final long ref = nextRef++;
        final int attribution = nextInt(10) == 0 ? MPIDS[nextInt(MPIDS.length)] : 0;

        final int i = liveCount++;
        refs[i] = ref;
        locates[i] = locate;
        sides[i] = side;
        shares[i] = size;
        prices[i] = price;
        addToLocate(locate, i);

        return ItchMessageWriter.addOrder(
            dst, offset, locate, timestamp, ref, side, size, stocks[locate], price, attribution);
    }

    private int delete(final MutableDirectBuffer dst, final int offset, final int i)
    {
        final int length = ItchMessageWriter.orderDelete(dst, offset, locates[i], timestamp, refs[i]);
        remove(i);
        return length;
    }

    private int replace(final MutableDirectBuffer dst, final int offset, final int i)
    {
        final int locate = locates[i];
        final long newRef = nextRef++;
        final long price = inBand(locate, sides[i], prices[i] + (nextInt(5) - 2) * TICK);
        final int size = size();
        final int length = ItchMessageWriter.orderReplace(
            dst, offset, locate, timestamp, refs[i], newRef, size, price);
        refs[i] = newRef;
        shares[i] = size;
        prices[i] = price;
        return length;
    }

    private int cancel(final MutableDirectBuffer dst, final int offset, final int i)
    {
        final int remaining = shares[i];
        if (remaining < 2)
        {
            return delete(dst, offset, i);
        }
        final int cancelled = 1 + nextInt(remaining - 1);
        shares[i] = remaining - cancelled;
        return ItchMessageWriter.orderCancel(dst, offset, locates[i], timestamp, refs[i], cancelled);
    }

    private int execute(final MutableDirectBuffer dst, final int offset, final int i, final boolean withPrice)
    {
        final int locate = locates[i];
        final int remaining = shares[i];
        final int executed = remaining < 2 || nextInt(10) < 6 ? remaining : 1 + nextInt(remaining - 1);
        final long ref = refs[i];
        final long match = nextMatch++;
        final int length;
        if (withPrice)
        {
            final long price = Math.max(TICK, prices[i] + (nextInt(3) - 1) * TICK);
            length = ItchMessageWriter.orderExecutedWithPrice(
                dst, offset, locate, timestamp, ref, executed, match, nextInt(20) == 0 ? (byte)'N' : (byte)'Y',
                price);
        }
        else
        {
            length = ItchMessageWriter.orderExecuted(dst, offset, locate, timestamp, ref, executed, match);
        }

        // An execution against the bid hints at selling pressure, against the offer at buying pressure. When the
        // mid moves, the orders on that side it moved through trade too (the sweep), as a venue would match them.
        final long movedMid = mids[locate] + (sides[i] == 'B' ? -TICK : TICK);
        if (nextInt(3) == 0 && movedMid >= 10 * TICK)
        {
            mids[locate] = movedMid;
            sweepLocate = locate;
            sweepSide = sides[i];
        }

        if (executed == remaining)
        {
            remove(i);
        }
        else
        {
            shares[i] = remaining - executed;
        }

        return length;
    }

    private int trade(final MutableDirectBuffer dst, final int offset)
    {
        final int locate = skewedLocate();
        final byte side = nextInt(2) == 0 ? (byte)'B' : (byte)'S';
        final long price = mids[locate] + (nextInt(3) - 1) * TICK;
        return ItchMessageWriter.trade(
            dst, offset, locate, timestamp, 0, side, size(), stocks[locate], price, nextMatch++);
    }

    /**
     * Execute, in full, one order of the sweeping side that the symbol's mid has moved through: a bid no longer
     * below the mid, or an ask no longer above it. Every bid stays at least a tick below the mid and every ask at
     * least a tick above, so the simulated book is never locked or crossed.
     *
     * @return the message's length, or 0 when the sweep is over.
     */
    private int sweep(final MutableDirectBuffer dst, final int offset)
    {
        final int locate = sweepLocate;
        final long mid = mids[locate];
        final int[] orders = byLocate[locate];
        for (int k = 0, count = byLocateCount[locate]; k < count; k++)
        {
            final int i = orders[k];
            if (sides[i] == sweepSide && (sweepSide == 'B' ? prices[i] > mid - TICK : prices[i] < mid + TICK))
            {
                final int length = ItchMessageWriter.orderExecuted(
                    dst, offset, locate, timestamp, refs[i], shares[i], nextMatch++);
                remove(i);
                return length;
            }
        }
        sweepLocate = 0;
        return 0;
    }

    private long inBand(final int locate, final byte side, final long price)
    {
        final long mid = mids[locate];
        return side == 'B' ? Math.max(TICK, Math.min(price, mid - TICK)) : Math.max(price, mid + TICK);
    }

    private void addToLocate(final int locate, final int i)
    {
        int[] orders = byLocate[locate];
        final int count = byLocateCount[locate];
        if (count == orders.length)
        {
            orders = Arrays.copyOf(orders, count * 2);
            byLocate[locate] = orders;
        }
        orders[count] = i;
        positionInLocate[i] = count;
        byLocateCount[locate] = count + 1;
    }

    private void remove(final int i)
    {
        // Out of its symbol's list: the list's last entry takes its place.
        final int locate = locates[i];
        final int[] orders = byLocate[locate];
        final int lastInLocate = --byLocateCount[locate];
        final int moved = orders[lastInLocate];
        orders[positionInLocate[i]] = moved;
        positionInLocate[moved] = positionInLocate[i];

        // Out of the arrays: the last order takes its slot, and its symbol's list follows it there.
        final int last = --liveCount;
        if (i != last)
        {
            refs[i] = refs[last];
            locates[i] = locates[last];
            sides[i] = sides[last];
            shares[i] = shares[last];
            prices[i] = prices[last];
            positionInLocate[i] = positionInLocate[last];
            byLocate[locates[last]][positionInLocate[last]] = i;
        }
    }

    private int skewedLocate()
    {
        // Product of two uniforms: a few symbols get most of the flow, as on a real venue.
        return 1 + (int)(((long)nextInt(symbols) * nextInt(symbols)) / symbols);
    }

    private long quotePrice(final int locate, final byte side)
    {
        final long ticksAway = 1 + (nextInt(16) * (long)nextInt(16)) / 16;
        final long mid = mids[locate];
        return side == 'B' ? Math.max(TICK, mid - ticksAway * TICK) : mid + ticksAway * TICK;
    }

    private int size()
    {
        return nextInt(10) == 0 ? 1 + nextInt(99) : ROUND_LOT * (1 + nextInt(10));
    }

    private int nextInt(final int bound)
    {
        // SplitMix64, then a multiply-shift into [0, bound): deterministic on every JVM, no allocation.
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int)(((z >>> 32) * bound) >>> 32);
    }
}
