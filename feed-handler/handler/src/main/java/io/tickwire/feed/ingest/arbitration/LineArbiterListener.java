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
package io.tickwire.feed.ingest.arbitration;

/**
 * Told by a {@link LineArbiter} when a range of sequence numbers was missed on both lines: neither line delivered
 * it within the configured wait, so the arbiter has moved past it. Called on the thread that polls the arbiter;
 * whether the range can be recovered (request server, replay, snapshot) is the listener's business.
 */
@FunctionalInterface
public interface LineArbiterListener
{
    /** Ignores every gap; the arbiter still counts them. */
    LineArbiterListener NO_OP = (fromSequence, toSequence) ->
    {
    };

    /**
     * Sequence numbers {@code fromSequence} to {@code toSequence}, both included, were missed on both lines.
     *
     * @param fromSequence first missing sequence number.
     * @param toSequence   last missing sequence number.
     */
    void onGapOnBoth(long fromSequence, long toSequence);
}
