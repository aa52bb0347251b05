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
import quickfix.SessionID;

/**
 * What the gateway keeps per FIX session on the session thread: its index on the internal rings, its pre-trade
 * risk, and a window of the ClOrdIDs it used most recently (hash to order id) for duplicate detection and for
 * finding the order a cancel, replace or status request refers to.
 * <p>
 * The window is bounded ({@link ClOrdIdWindow}): an id that has left it is still refused as a duplicate, and still
 * finds its order, as long as the matching engine knows the order, because the engine checks and looks up every id
 * itself. ClOrdIDs are indexed by a 64-bit hash (no String retained, nothing allocated per order); two distinct
 * ClOrdIDs colliding within the window is possible in principle (about 1 in 10^7 over a million ids) and would show
 * as a duplicate-ClOrdID reject.
 */
public final class SessionState
{
    /**
     * Value in the ClOrdID index for an id not seen.
     */
    public static final long NOT_FOUND = ClOrdIdWindow.NOT_FOUND;

    private final int index;
    private final SessionID sessionId;
    private final PreTradeRisk risk;
    private final String username;
    private final ClOrdIdWindow clOrdIds;

    /**
     * @param index         index on the internal rings.
     * @param sessionId     QuickFIX/J session id.
     * @param risk          the session's pre-trade risk.
     * @param username      the user this session must log on as, or null for any authenticated user.
     * @param clOrdIdWindow how many of the most recent ClOrdIDs the session keeps, at least 1.
     */
    public SessionState(
        final int index,
        final SessionID sessionId,
        final PreTradeRisk risk,
        final String username,
        final int clOrdIdWindow)
    {
        this.index = index;
        this.sessionId = sessionId;
        this.risk = risk;
        this.username = username;
        this.clOrdIds = new ClOrdIdWindow(clOrdIdWindow);
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
     * @return the order id it refers to, or {@link #NOT_FOUND} when it is not in the window (the engine then
     * looks it up).
     */
    public long orderIdFor(final CharSequence clOrdId)
    {
        return clOrdIds.get(hash(clOrdId));
    }

    /**
     * Record a ClOrdID, the oldest in the window making way when it is full.
     *
     * @param clOrdId a ClOrdID.
     * @param orderId the order it refers to.
     * @return false if it is in the window already.
     */
    public boolean register(final CharSequence clOrdId, final long orderId)
    {
        return clOrdIds.putIfAbsent(hash(clOrdId), orderId);
    }

    /**
     * @return ClOrdIDs in the window.
     */
    public int clOrdIdCount()
    {
        return clOrdIds.size();
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
