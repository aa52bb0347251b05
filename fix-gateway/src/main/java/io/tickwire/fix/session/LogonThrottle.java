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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Slows password guessing: after {@code maxFailures} consecutive failed logons for one user name (or
 * {@code maxAddressFailures} from one remote IP address, whatever the users), further logons for it are refused
 * without checking the password for a lockout window. The window starts at {@code lockoutMs} and doubles with each
 * failure after the limit, up to {@code maxLockoutMs}; a successful logon clears its user and address, and a user
 * or address with no failure for {@code maxLockoutMs} starts afresh.
 * <p>
 * User names are tracked whether or not they exist, so a lockout says nothing about which users do. Attempts
 * refused during a lockout are not failures (they neither lengthen the window nor cost a password hash). The
 * lockout of a user can be caused by anyone who knows the name: that is the price of the throttle, bounded by the
 * window; an address lockout keeps one source from walking through user names.
 * <p>
 * Memory is bounded: at most {@code capacity} users and as many addresses are tracked, the least recently seen
 * forgotten first. Called on the session thread (failures, successes, the lockout check) and on the
 * {@link LogonVerifier}'s threads (the lockout check before hashing); synchronized for that, and so that the status
 * line and tests may read it from other threads.
 */
public final class LogonThrottle
{
    /**
     * Default users (and addresses) tracked.
     */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int maxFailures;
    private final int maxAddressFailures;
    private final long lockoutMs;
    private final long maxLockoutMs;
    private final LongSupplier clockMs;
    private final Map<String, Entry> users;
    private final Map<String, Entry> addresses;

    /**
     * @param maxFailures        consecutive failures per user before a lockout, 0 for none.
     * @param maxAddressFailures consecutive failures per remote address before a lockout, 0 for none.
     * @param lockoutMs          first lockout window.
     * @param maxLockoutMs       longest window, and how long without failure before a user or address is forgotten.
     * @param capacity           users (and addresses) tracked at most.
     * @param clockMs            monotonic milliseconds.
     */
    public LogonThrottle(
        final int maxFailures,
        final int maxAddressFailures,
        final long lockoutMs,
        final long maxLockoutMs,
        final int capacity,
        final LongSupplier clockMs)
    {
        if (maxFailures < 0 || maxAddressFailures < 0 || lockoutMs <= 0 || maxLockoutMs < lockoutMs || capacity <= 0)
        {
            throw new IllegalArgumentException("logon throttle: need maxFailures >= 0, maxAddressFailures >= 0, " +
                "0 < lockoutMs <= maxLockoutMs, capacity > 0: " + maxFailures + ", " + maxAddressFailures + ", " +
                lockoutMs + ", " + maxLockoutMs + ", " + capacity);
        }
        this.maxFailures = maxFailures;
        this.maxAddressFailures = maxAddressFailures;
        this.lockoutMs = lockoutMs;
        this.maxLockoutMs = maxLockoutMs;
        this.clockMs = clockMs;
        users = boundedMap(capacity);
        addresses = boundedMap(capacity);
    }

    /**
     * @param username      Username (553), or null if absent.
     * @param remoteAddress the peer's IP address, or null if unknown.
     * @return milliseconds of lockout left for this user or address (the longer), 0 if a logon may be tried.
     */
    public synchronized long lockedOutMs(final String username, final String remoteAddress)
    {
        final long now = clockMs.getAsLong();
        return Math.max(remaining(users, username, now), remaining(addresses, remoteAddress, now));
    }

    /**
     * Record a failed logon.
     *
     * @param username      Username (553), or null if absent.
     * @param remoteAddress the peer's IP address, or null if unknown.
     * @return the lockout this failure started in milliseconds (the longer of user and address), 0 for none.
     */
    public synchronized long onFailure(final String username, final String remoteAddress)
    {
        final long now = clockMs.getAsLong();
        final long userLockoutMs = fail(users, username, maxFailures, now);
        return Math.max(userLockoutMs, fail(addresses, remoteAddress, maxAddressFailures, now));
    }

    /**
     * Record a successful logon: its user and address start afresh.
     *
     * @param username      Username (553).
     * @param remoteAddress the peer's IP address, or null if unknown.
     */
    public synchronized void onSuccess(final String username, final String remoteAddress)
    {
        if (null != username)
        {
            users.remove(username);
        }
        if (null != remoteAddress)
        {
            addresses.remove(remoteAddress);
        }
    }

    /**
     * @return users and addresses tracked now.
     */
    public synchronized int trackedCount()
    {
        return users.size() + addresses.size();
    }

    private long remaining(final Map<String, Entry> entries, final String key, final long now)
    {
        final Entry entry = null == key ? null : entries.get(key);
        return null == entry ? 0 : Math.max(0, entry.lockedUntilMs - now);
    }

    private long fail(final Map<String, Entry> entries, final String key, final int limit, final long now)
    {
        if (null == key || 0 == limit)
        {
            return 0;
        }
        Entry entry = entries.get(key);
        if (null == entry || now - entry.lastFailureMs > maxLockoutMs)
        {
            entry = new Entry();
            entries.put(key, entry);
        }
        entry.failures++;
        entry.lastFailureMs = now;
        if (entry.failures < limit)
        {
            return 0;
        }
        long window = lockoutMs;
        for (int i = limit; i < entry.failures && window < maxLockoutMs; i++)
        {
            window *= 2;
        }
        window = Math.min(window, maxLockoutMs);
        entry.lockedUntilMs = now + window;
        return window;
    }

    private static Map<String, Entry> boundedMap(final int capacity)
    {
        return new LinkedHashMap<>(16, 0.75f, true)
        {
            private static final long serialVersionUID = 1L;

            protected boolean removeEldestEntry(final Map.Entry<String, Entry> eldest)
            {
                return size() > capacity;
            }
        };
    }

    private static final class Entry
    {
        int failures;
        long lastFailureMs;
        long lockedUntilMs;
    }
}
