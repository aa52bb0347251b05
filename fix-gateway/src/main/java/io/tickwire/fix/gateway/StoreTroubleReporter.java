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
package io.tickwire.fix.gateway;

import io.tickwire.fix.audit.StoreHealth;
import io.tickwire.fix.session.GatewayCounters;
import io.tickwire.fix.session.SecurityEventListener;

/**
 * Makes a store outage visible: each store that becomes unavailable or recovers (audit journal, FIX session store)
 * is counted and told to the operator's event listener with its cause and path. Called on the thread that wrote to
 * the store (the audit writer, a QuickFIX/J thread), once per change of state.
 */
final class StoreTroubleReporter implements StoreHealth.Listener
{
    private final GatewayCounters counters;
    private final SecurityEventListener listener;

    StoreTroubleReporter(final GatewayCounters counters, final SecurityEventListener listener)
    {
        this.counters = counters;
        this.listener = listener;
    }

    /**
     * {@inheritDoc}
     */
    public void onUnavailable(final StoreHealth health)
    {
        counters.onStoreUnavailable();
        listener.onStoreUnavailable(health.name(), health.detail());
    }

    /**
     * {@inheritDoc}
     */
    public void onRecovered(final StoreHealth health, final long unavailableMillis)
    {
        counters.onStoreRecovered();
        listener.onStoreRecovered(health.name(), unavailableMillis);
    }
}
