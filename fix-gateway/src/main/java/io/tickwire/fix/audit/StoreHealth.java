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
package io.tickwire.fix.audit;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether a store the gateway must write before it acknowledges (the audit journal, the FIX session store) can be
 * written now, and since when it cannot: the "store unavailable" state. The writer of the store reports each failed
 * and each successful write; the order path reads {@link #isAvailable()} (one volatile read) and refuses new orders
 * while it is false; status lines, metrics and the operator's log read the rest.
 * <p>
 * Entering and leaving the state are rare: they are synchronised and told to the {@link Listener}. A success while
 * available costs a volatile read.
 */
public final class StoreHealth
{
    /**
     * Told when a store becomes unavailable and when it recovers, on the thread that wrote to the store.
     */
    public interface Listener
    {
        /**
         * The store failed a write and is now unavailable.
         *
         * @param health the store.
         */
        void onUnavailable(StoreHealth health);

        /**
         * The store took a write again.
         *
         * @param health            the store.
         * @param unavailableMillis how long it was unavailable.
         */
        void onRecovered(StoreHealth health, long unavailableMillis);
    }

    /**
     * Store code of the audit journal.
     */
    public static final int AUDIT_STORE = 1;

    /**
     * Store code of the FIX session store (QuickFIX/J's FileStore).
     */
    public static final int SESSION_STORE = 2;

    private final String name;
    private final int storeCode;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong outages = new AtomicLong();
    private final AtomicLong recoveries = new AtomicLong();
    private volatile StoreFault fault;
    private volatile String detail;
    private volatile long unavailableSinceMillis;
    private volatile Listener listener;

    /**
     * @param name      what the store is, e.g. {@code audit store}; the start of the reject Text.
     * @param storeCode which store, carried in a reject command beside the fault's code.
     */
    public StoreHealth(final String name, final int storeCode)
    {
        this.name = name;
        this.storeCode = storeCode;
    }

    /**
     * @param storeCode {@link #AUDIT_STORE} or {@link #SESSION_STORE}.
     * @return the store's name, the start of a reject's Text.
     */
    public static String storeName(final long storeCode)
    {
        return SESSION_STORE == storeCode ? "session store" : "audit store";
    }

    /**
     * @param listener told of each outage and recovery, or null.
     * @return this.
     */
    public StoreHealth listener(final Listener listener)
    {
        this.listener = listener;
        return this;
    }

    /**
     * @return true unless the last write failed.
     */
    public boolean isAvailable()
    {
        return null == fault;
    }

    /**
     * A write failed: count it; the first failure of an outage makes the store unavailable and is told.
     *
     * @param error the failure.
     * @param path  the file or directory it concerned.
     */
    public void onFailure(final Throwable error, final Path path)
    {
        failures.incrementAndGet();
        Listener toTell = null;
        synchronized (this)
        {
            final StoreFault cause = StoreFault.classify(error);
            detail = cause.describe() + " at " + path + " (" + error + ")";
            if (null == fault)
            {
                unavailableSinceMillis = System.currentTimeMillis();
                outages.incrementAndGet();
                toTell = listener;
            }
            fault = cause;
        }
        if (null != toTell)
        {
            toTell.onUnavailable(this);
        }
    }

    /**
     * A write succeeded: ends an outage, if one is under way.
     */
    public void onSuccess()
    {
        if (null != fault)
        {
            recover();
        }
    }

    private void recover()
    {
        Listener toTell = null;
        long millis = 0;
        synchronized (this)
        {
            if (null != fault)
            {
                fault = null;
                recoveries.incrementAndGet();
                millis = System.currentTimeMillis() - unavailableSinceMillis;
                toTell = listener;
            }
        }
        if (null != toTell)
        {
            toTell.onRecovered(this, millis);
        }
    }

    /**
     * @return the store's name, e.g. {@code audit store}.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return which store, as carried in a reject command.
     */
    public int storeCode()
    {
        return storeCode;
    }

    /**
     * @return the cause of the current outage, or null while available.
     */
    public StoreFault fault()
    {
        return fault;
    }

    /**
     * @return the last failure: cause, path and the exception, or null if there was none.
     */
    public String detail()
    {
        return detail;
    }

    /**
     * @return when the current outage started (epoch ms), meaningful while unavailable.
     */
    public long unavailableSinceMillis()
    {
        return unavailableSinceMillis;
    }

    /**
     * @return failed writes, retries included.
     */
    public long failures()
    {
        return failures.get();
    }

    /**
     * @return times the store became unavailable.
     */
    public long outages()
    {
        return outages.get();
    }

    /**
     * @return times it recovered.
     */
    public long recoveries()
    {
        return recoveries.get();
    }

    /**
     * @return {@code OK} or {@code UNAVAILABLE since ... : detail}, for status lines.
     */
    public String describe()
    {
        final StoreFault current = fault;
        return null == current ? "OK" : "UNAVAILABLE for " +
            (System.currentTimeMillis() - unavailableSinceMillis) / 1000 + " s: " + detail;
    }
}
