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
package io.tickwire.feed.ingest.mdp3;

import io.tickwire.sbe.md.TradingState;

/**
 * What a SecurityStatus (30) becomes: of one instrument, a TradingStatus whose state and reason
 * {@link Mdp3FeedFields} map from SecurityTradingStatus and HaltReason; of a security group or asset (no SecurityID),
 * counted; NoChange and UnknownorInvalid counted as unchanged; a status CME does not define reported. Nothing is
 * allocated unless a field value is reported.
 */
final class Mdp3SecurityStatus
{
    private static final int TEMPLATE_ID = 30;

    private final Mdp3PacketContext context;
    private final Mdp3FeedWriter writer;
    private final Mdp3NormaliserCounters counters;

    Mdp3SecurityStatus(
        final Mdp3PacketContext context, final Mdp3FeedWriter writer, final Mdp3NormaliserCounters counters)
    {
        this.context = context;
        this.writer = writer;
        this.counters = counters;
    }

    /**
     * A SecurityStatus: published, counted or reported.
     */
    void onStatus(final long transactTime, final int securityId, final int tradingStatus, final int haltReason)
    {
        if (securityId == Mdp3Schema.NULL_INT32)
        {
            counters.groupStatuses.incrementRelease();
            return;
        }
        final TradingState state = Mdp3FeedFields.tradingState(tradingStatus);
        if (null == state)
        {
            if (Mdp3FeedFields.isKnownStatus(tradingStatus))
            {
                counters.statusesUnchanged.incrementRelease();
            }
            else
            {
                context.badField(TEMPLATE_ID, securityId, "SecurityTradingStatus " + tradingStatus);
            }
            return;
        }
        if (context.validSecurityId(TEMPLATE_ID, securityId) && context.claim())
        {
            writer.status(transactTime, securityId, state, Mdp3FeedFields.reason(tradingStatus, haltReason));
        }
    }
}
