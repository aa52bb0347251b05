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
package io.tickwire.fix.cluster;

import io.tickwire.fix.match.BookListener;

/**
 * Passes book changes to the market data publisher only while this member leads: every member applies the same
 * log, one publishes. A follower, and a member replaying its log after a restart, stay silent.
 * <p>
 * Used for the gateway's embedded member, which leads for as long as it runs. Members that can lose the lead
 * (three members, {@code tickwire cluster node}) use {@link ClusterMarketData}, whose new leader announces a new
 * publisher session and restates the books, so that subscribers recover instead of missing changes.
 */
final class LeaderOnlyBookListener implements BookListener
{
    private final BookListener delegate;
    private final MatchingService service;

    LeaderOnlyBookListener(final BookListener delegate, final MatchingService service)
    {
        this.delegate = delegate;
        this.service = service;
    }

    public void onAdd(final int instrumentId, final long orderId, final byte side, final long quantity,
        final long price)
    {
        if (service.isLeader())
        {
            delegate.onAdd(instrumentId, orderId, side, quantity, price);
        }
    }

    public void onExecuted(final int instrumentId, final long orderId, final long quantity, final long matchNumber)
    {
        if (service.isLeader())
        {
            delegate.onExecuted(instrumentId, orderId, quantity, matchNumber);
        }
    }

    public void onCancel(final int instrumentId, final long orderId, final long cancelledQuantity)
    {
        if (service.isLeader())
        {
            delegate.onCancel(instrumentId, orderId, cancelledQuantity);
        }
    }

    public void onDelete(final int instrumentId, final long orderId)
    {
        if (service.isLeader())
        {
            delegate.onDelete(instrumentId, orderId);
        }
    }

    public void onReplace(final int instrumentId, final long originalOrderId, final long newOrderId,
        final long quantity, final long price)
    {
        if (service.isLeader())
        {
            delegate.onReplace(instrumentId, originalOrderId, newOrderId, quantity, price);
        }
    }

    public void onCommandEnd()
    {
        if (service.isLeader())
        {
            delegate.onCommandEnd();
        }
    }
}
