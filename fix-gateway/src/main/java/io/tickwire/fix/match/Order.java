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
package io.tickwire.fix.match;

/**
 * One order as the engine holds it: pooled, mutable, and linked into its price level (intrusive list) so that
 * resting, matching and removal allocate nothing.
 */
final class Order
{
    static final int CLORDID_LENGTH = 32;

    long orderId;
    long correlationId;
    long receiveNanos;
    // On a cluster, the owning gateway's id is in bits 16..23 (cluster.GatewaySessions): the order's events, its
    // ClOrdID and its session's cancels belong to that gateway alone.
    int sessionIndex;
    int instrumentId;
    byte side;
    /** FIX Side (54) as the client sent it: reports echo it, a replace may not change it. */
    byte fixSide;
    byte orderType;
    byte timeInForce;
    long quantity;
    long price;
    long leaves;
    long cumulative;
    long notional;
    byte ordStatus;
    boolean live;
    final byte[] clOrdId = new byte[CLORDID_LENGTH];

    Order prev;
    Order next;
    PriceLevel level;

    boolean isBuy()
    {
        return side == 'B';
    }

    long averagePrice()
    {
        return 0 == cumulative ? 0 : notional / cumulative;
    }

    void reset()
    {
        prev = null;
        next = null;
        level = null;
        live = false;
        notional = 0;
        cumulative = 0;
    }
}
