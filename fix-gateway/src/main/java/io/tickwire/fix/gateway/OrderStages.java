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

/**
 * The order path's latency stages: a FIX order through the gateway, back to the client, and out on the feed.
 */
public final class OrderStages
{
    /**
     * FIX message received (stamped) to risk checks passed.
     */
    public static final String FIX_RECEIVE_TO_RISK = "fix-receive->risk";

    /**
     * Risk passed to matched by the matching engine.
     */
    public static final String RISK_TO_MATCHED = "risk->matched";

    /**
     * Matched to ExecutionReport handed to the FIX session for sending.
     */
    public static final String MATCHED_TO_ER_SENT = "matched->er-sent";

    /**
     * Order sent by the client to its book change seen on the feed by a subscriber.
     */
    public static final String ORDER_TO_TICK_SEEN = "order->tick-seen";

    /**
     * End to end inside the gateway: FIX message received (stamped) to its ExecutionReport handed to the session.
     */
    public static final String FIX_RECEIVE_TO_ER_SENT = "fix-receive->er-sent";

    /**
     * Client side: intended send time of an order to its acknowledgement (ExecutionReport New) received.
     */
    public static final String ORDER_TO_ACK = "order->ack";

    private OrderStages()
    {
    }
}
