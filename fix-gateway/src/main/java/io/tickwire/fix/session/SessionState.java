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
package io.tickwire.fix.session;

import io.tickwire.fix.risk.PreTradeRisk;
import org.agrona.collections.Long2LongHashMap;
import quickfix.SessionID;

/**
 * What the gateway keeps per FIX session on the session thread: its index on the internal rings, its pre-trade
 * risk, and the index of every ClOrdID it has used (hash to order id) for duplicate detection and for finding the
 * order a cancel, replace or status request refers to.
 * <p>
 * ClOrdIDs are indexed by a 64-bit hash (no String retained, no allocation per order once the map has grown);
 * two distinct ClOrdIDs colliding is possible in principle (about 1 in 10^7 over a million orders) and would show
 * as a duplicate-ClOrdID reject.
 */
public final class SessionState
{
    /**
     * Value in the ClOrdID index for an id not seen.
     */
    public static final long NOT_FOUND = 0;

    private final int index;
    private final SessionID sessionId;
    private final PreTradeRisk risk;
    private final String username;
    private final Long2LongHashMap clOrdIds = new Long2LongHashMap(1024, 0.65f, NOT_FOUND);

    /**
     * @param index     index on the internal rings.
     * @param sessionId QuickFIX/J session id.
     * @param risk      the session's pre-trade risk.
     * @param username  the user this session must log on as, or null for any authenticated user.
     */
    public SessionState(final int index, final SessionID sessionId, final PreTradeRisk risk, final String username)
    {
        this.index = index;
        this.sessionId = sessionId;
        this.risk = risk;
        this.username = username;
    }

    /**
     * @return index on the internal rings.
     */
    public int index()
    {
        return index;
    }

    /**
     * @return session id.
     */
    public SessionID sessionId()
    {
        return sessionId;
    }

    /**
     * @return pre-trade risk of this session.
     */
    public PreTradeRisk risk()
    {
        return risk;
    }

    /**
     * @return user bound to the session or null.
     */
    public String username()
    {
        return username;
    }

    /**
     * @param clOrdId a ClOrdID.
     * @return the order id it refers to, or {@link #NOT_FOUND}.
     */
    public long orderIdFor(final CharSequence clOrdId)
    {
        return clOrdIds.get(hash(clOrdId));
    }

    /**
     * Record a ClOrdID.
     *
     * @param clOrdId a ClOrdID.
     * @param orderId the order it refers to.
     * @return false if it was already used.
     */
    public boolean register(final CharSequence clOrdId, final long orderId)
    {
        final long key = hash(clOrdId);
        if (clOrdIds.containsKey(key))
        {
            return false;
        }
        clOrdIds.put(key, orderId);
        return true;
    }

    /**
     * 64-bit FNV-1a of the characters; never returns the map's missing value sentinel as a key problem since keys
     * may be any long.
     *
     * @param value characters.
     * @return the hash.
     */
    static long hash(final CharSequence value)
    {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0, n = value.length(); i < n; i++)
        {
            hash ^= value.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
