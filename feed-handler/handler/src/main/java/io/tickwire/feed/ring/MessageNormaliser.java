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
package io.tickwire.feed.ring;

import org.agrona.DirectBuffer;

/**
 * The ingest contract of a venue: turns one input unit of its source (an ITCH 5.0 message, an MDP 3.0 packet) into
 * any number of SBE market data messages, each written through the {@link MessageSink} the ingest agent passes in.
 * Adding a venue is a package with its source and one of these; the ring, the publisher and the feed are shared.
 * <p>
 * With the back-pressure ring policy the agent only hands over an input unit when the ring has room for
 * {@link #maxMessagesPerInput()} messages of the longest length, because a delivered unit cannot be taken back: a
 * normaliser must never write more than that per unit. One-to-one normalisers keep the default of 1 and adapt with
 * {@link #oneToOne(SingleMessageNormaliser)}.
 * <p>
 * Called on the ingest agent's thread only; implementations allocate nothing per input in steady state.
 */
@FunctionalInterface
public interface MessageNormaliser
{
    /**
     * Normalise one input unit.
     *
     * @param sequence of the unit in its source (ITCH: the message's sequence; MDP 3.0 pcap: the packet's file
     *                 offset), the position of error reports.
     * @param src      buffer holding the unit, valid only during the call.
     * @param offset   of the unit.
     * @param length   of the unit.
     * @param sink     to write each SBE message through.
     * @return messages written (0 when the unit holds nothing that is normalised: counted by the agent), or -1 when
     * the unit was malformed and nothing was written (already reported to the source's listener).
     */
    int normalise(long sequence, DirectBuffer src, int offset, int length, MessageSink sink);

    /**
     * Most messages {@link #normalise} writes for one input unit, whatever its content.
     *
     * @return the bound, at least 1.
     */
    default int maxMessagesPerInput()
    {
        return 1;
    }

    /**
     * Adapt a one-to-one normaliser: it encodes into the sink's buffer, and a positive length is written.
     *
     * @param normaliser giving one message or none per input.
     * @return the normaliser under this contract.
     */
    static MessageNormaliser oneToOne(final SingleMessageNormaliser normaliser)
    {
        return (sequence, src, offset, length, sink) ->
        {
            final int encodedLength = normaliser.normalise(sequence, src, offset, length, sink.buffer(), 0);
            if (encodedLength > 0)
            {
                sink.write(encodedLength);
                return 1;
            }
            return encodedLength;
        };
    }
}
