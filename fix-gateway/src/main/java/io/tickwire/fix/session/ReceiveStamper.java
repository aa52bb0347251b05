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

/**
 * Takes the receive stamp of an inbound message. The single integration point for the time source: the gateway
 * calls {@link #stamp(ReceiveStamp)} exactly once per inbound message, as the first statement of
 * {@link GatewayApplication#fromApp} and {@link GatewayApplication#fromAdmin}.
 */
@FunctionalInterface
public interface ReceiveStamper
{
    /**
     * Fill in the stamp for a message received now.
     *
     * @param stamp to fill, reused.
     */
    void stamp(ReceiveStamp stamp);

    /**
     * A description of the clock for the start-up banner and the status line.
     *
     * @return for example "unknown" or "unsynchronised, error bound 16000000 us".
     */
    default String clockDescription()
    {
        return "unknown";
    }
}
