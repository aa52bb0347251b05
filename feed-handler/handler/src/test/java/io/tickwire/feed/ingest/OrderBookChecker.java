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
package io.tickwire.feed.ingest;

import io.tickwire.feed.ingest.itch.ItchListener;
import org.agrona.collections.Long2LongHashMap;

/**
 * Follows order flow and fails on any message that names an order not on the book, or takes more shares than it
 * has: proof that a generator never references an unknown or already-removed order.
 */
final class OrderBookChecker implements ItchListener
{
    private final Long2LongHashMap sharesByRef = new Long2LongHashMap(-1);
    private long checked;

    long liveOrders()
    {
        return sharesByRef.size();
    }

    long checked()
    {
        return checked;
    }

    public void onAddOrder(final long sequence, final int locate, final int tracking, final long timestamp,
        final long ref, final byte side, final long shares, final long stock, final long price, final int attribution)
    {
        if (sharesByRef.containsKey(ref))
        {
            throw new AssertionError("seq " + sequence + ": order " + ref + " added twice");
        }
        if (shares <= 0 || price <= 0 || (side != 'B' && side != 'S'))
        {
            throw new AssertionError("seq " + sequence + ": bad add " + ref);
        }
        sharesByRef.put(ref, shares);
        checked++;
    }

    public void onOrderExecuted(final long sequence, final int locate, final int tracking, final long timestamp,
        final long ref, final long shares, final long match)
    {
        take(sequence, ref, shares);
    }

    public void onOrderExecutedWithPrice(final long sequence, final int locate, final int tracking,
        final long timestamp, final long ref, final long shares, final long match, final byte printable,
        final long price)
    {
        take(sequence, ref, shares);
    }

    public void onOrderCancel(final long sequence, final int locate, final int tracking, final long timestamp,
        final long ref, final long shares)
    {
        final long left = take(sequence, ref, shares);
        if (left == 0)
        {
            throw new AssertionError("seq " + sequence + ": partial cancel removed all of order " + ref);
        }
    }

    public void onOrderDelete(final long sequence, final int locate, final int tracking, final long timestamp,
        final long ref)
    {
        live(sequence, ref);
        sharesByRef.remove(ref);
        checked++;
    }

    public void onOrderReplace(final long sequence, final int locate, final int tracking, final long timestamp,
        final long origRef, final long newRef, final long shares, final long price)
    {
        live(sequence, origRef);
        if (sharesByRef.containsKey(newRef))
        {
            throw new AssertionError("seq " + sequence + ": replacement " + newRef + " already exists");
        }
        sharesByRef.remove(origRef);
        sharesByRef.put(newRef, shares);
        checked++;
    }

    private long take(final long sequence, final long ref, final long shares)
    {
        final long have = live(sequence, ref);
        if (shares <= 0 || shares > have)
        {
            throw new AssertionError("seq " + sequence + ": " + shares + " shares taken from order " + ref +
                " holding " + have);
        }
        final long left = have - shares;
        if (left == 0)
        {
            sharesByRef.remove(ref);
        }
        else
        {
            sharesByRef.put(ref, left);
        }
        checked++;
        return left;
    }

    private long live(final long sequence, final long ref)
    {
        final long have = sharesByRef.get(ref);
        if (have < 0)
        {
            throw new AssertionError("seq " + sequence + ": unknown or removed order " + ref);
        }
        return have;
    }
}
