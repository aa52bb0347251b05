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
package io.tickwire.fix.risk;

/**
 * Pre-trade limits of one session. A limit of zero disables it. The kill switch may be flipped from any thread.
 */
public final class RiskLimits
{
    private long maxOrderQuantity;
    private double maxNotional;
    private long priceCollarBps;
    private int maxOrdersPerSecond;
    private boolean cancelOnDisconnect = true;
    private volatile boolean killSwitch;

    /**
     * @param maxOrderQuantity largest OrderQty accepted, 0 for no limit.
     * @return this.
     */
    public RiskLimits maxOrderQuantity(final long maxOrderQuantity)
    {
        this.maxOrderQuantity = maxOrderQuantity;
        return this;
    }

    /**
     * @return largest OrderQty accepted, 0 for no limit.
     */
    public long maxOrderQuantity()
    {
        return maxOrderQuantity;
    }

    /**
     * @param maxNotional largest quantity times price, in price units, 0 for no limit.
     * @return this.
     */
    public RiskLimits maxNotional(final double maxNotional)
    {
        this.maxNotional = maxNotional;
        return this;
    }

    /**
     * @return largest quantity times price, in price units, 0 for no limit.
     */
    public double maxNotional()
    {
        return maxNotional;
    }

    /**
     * @param priceCollarBps largest deviation from the reference price in basis points, 0 for no collar.
     * @return this.
     */
    public RiskLimits priceCollarBps(final long priceCollarBps)
    {
        this.priceCollarBps = priceCollarBps;
        return this;
    }

    /**
     * @return largest deviation from the reference price in basis points, 0 for no collar.
     */
    public long priceCollarBps()
    {
        return priceCollarBps;
    }

    /**
     * @param maxOrdersPerSecond orders, cancels and replaces per one-second window, 0 for no throttle.
     * @return this.
     */
    public RiskLimits maxOrdersPerSecond(final int maxOrdersPerSecond)
    {
        this.maxOrdersPerSecond = maxOrdersPerSecond;
        return this;
    }

    /**
     * @return orders per one-second window, 0 for no throttle.
     */
    public int maxOrdersPerSecond()
    {
        return maxOrdersPerSecond;
    }

    /**
     * @param cancelOnDisconnect whether the session's live orders are cancelled when it logs out or drops.
     * @return this.
     */
    public RiskLimits cancelOnDisconnect(final boolean cancelOnDisconnect)
    {
        this.cancelOnDisconnect = cancelOnDisconnect;
        return this;
    }

    /**
     * @return whether the session's live orders are cancelled when it logs out or drops.
     */
    public boolean cancelOnDisconnect()
    {
        return cancelOnDisconnect;
    }

    /**
     * @param engaged true to reject every new order and replace of the session.
     * @return this.
     */
    public RiskLimits killSwitch(final boolean engaged)
    {
        this.killSwitch = engaged;
        return this;
    }

    /**
     * @return whether the kill switch is engaged.
     */
    public boolean killSwitch()
    {
        return killSwitch;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return "maxOrderQty=" + maxOrderQuantity + " maxNotional=" + maxNotional + " priceCollarBps=" +
            priceCollarBps + " maxOrdersPerSecond=" + maxOrdersPerSecond + " cancelOnDisconnect=" +
            cancelOnDisconnect + " killSwitch=" + killSwitch;
    }
}
