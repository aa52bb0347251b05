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

import io.tickwire.latency.StageRecorder;
import io.tickwire.sbe.internal.CancelOrderCommandDecoder;
import io.tickwire.sbe.internal.MessageHeaderDecoder;
import io.tickwire.sbe.internal.NewOrderCommandDecoder;
import io.tickwire.sbe.internal.OrderStatusCommandDecoder;
import io.tickwire.sbe.internal.ReplaceOrderCommandDecoder;
import io.tickwire.sbe.internal.SessionCancelCommandDecoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.NanoClock;

/**
 * Decodes the internal SBE commands, from the rings or from a caller's log, and hands each to its rule in
 * {@link OrderStateRules}, one method per command type. What follows every command is done here once: the
 * {@code risk->matched} latency stage, the changed book's reference prices, and the book listener's end of command
 * (market data goes out per command, not per change). A template it does not know is ignored.
 */
final class CommandDispatcher implements MessageHandler
{
    private final OrderStateRules rules;
    private final OrderMatcher matcher;
    private final BookListener bookListener;
    private final NanoClock nanoClock;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderCommandDecoder newOrder = new NewOrderCommandDecoder();
    private final CancelOrderCommandDecoder cancelOrder = new CancelOrderCommandDecoder();
    private final ReplaceOrderCommandDecoder replaceOrder = new ReplaceOrderCommandDecoder();
    private final OrderStatusCommandDecoder statusOrder = new OrderStatusCommandDecoder();
    private final SessionCancelCommandDecoder sessionCancel = new SessionCancelCommandDecoder();
    private StageRecorder riskToMatched;
    private long riskNanos;

    /**
     * @param rules        what each command does.
     * @param matcher      the books, for their reference prices.
     * @param bookListener told when each command is done.
     * @param nanoClock    ends the {@code risk->matched} stage (latency only, never state).
     */
    CommandDispatcher(
        final OrderStateRules rules,
        final OrderMatcher matcher,
        final BookListener bookListener,
        final NanoClock nanoClock)
    {
        this.rules = rules;
        this.matcher = matcher;
        this.bookListener = bookListener;
        this.nanoClock = nanoClock;
    }

    /**
     * @param riskToMatched the stage's recorder, or null for none.
     */
    void riskToMatched(final StageRecorder riskToMatched)
    {
        this.riskToMatched = riskToMatched;
    }

    /**
     * A command read from a ring; the ring's type id and length are not needed, the SBE header says it all.
     *
     * @param msgTypeId the ring's type id.
     * @param buffer    holding the command.
     * @param index     of its message header.
     * @param length    of the command.
     */
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        onCommand(buffer, index);
    }

    /**
     * Apply one command: SBE message header, then body.
     *
     * @param buffer holding the command.
     * @param index  of its message header.
     */
    void onCommand(final DirectBuffer buffer, final int index)
    {
        header.wrap(buffer, index);
        final int bodyOffset = index + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        int instrumentId = 0;
        riskNanos = 0;
        switch (header.templateId())
        {
            case NewOrderCommandDecoder.TEMPLATE_ID:
                instrumentId = onNewOrder(buffer, bodyOffset, blockLength, version);
                break;

            case CancelOrderCommandDecoder.TEMPLATE_ID:
                instrumentId = onCancel(buffer, bodyOffset, blockLength, version);
                break;

            case ReplaceOrderCommandDecoder.TEMPLATE_ID:
                instrumentId = onReplace(buffer, bodyOffset, blockLength, version);
                break;

            case OrderStatusCommandDecoder.TEMPLATE_ID:
                onStatus(buffer, bodyOffset, blockLength, version);
                break;

            case SessionCancelCommandDecoder.TEMPLATE_ID:
                onSessionCancel(buffer, bodyOffset, blockLength, version);
                break;

            default:
                break;
        }

        if (0 != riskNanos && null != riskToMatched)
        {
            riskToMatched.recordInterval(riskNanos, nanoClock.nanoTime());
        }

        if (0 != instrumentId)
        {
            matcher.updateReferencePrices(instrumentId);
        }
        bookListener.onCommandEnd();
    }

    private int onNewOrder(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        newOrder.wrap(buffer, offset, blockLength, version);
        riskNanos = newOrder.riskNanos();
        return rules.onNewOrder(newOrder);
    }

    private int onCancel(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        cancelOrder.wrap(buffer, offset, blockLength, version);
        return rules.onCancel(cancelOrder);
    }

    private int onReplace(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        replaceOrder.wrap(buffer, offset, blockLength, version);
        riskNanos = replaceOrder.riskNanos();
        return rules.onReplace(replaceOrder);
    }

    private void onStatus(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        statusOrder.wrap(buffer, offset, blockLength, version);
        rules.onStatus(statusOrder);
    }

    private void onSessionCancel(
        final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        sessionCancel.wrap(buffer, offset, blockLength, version);
        rules.onSessionCancel(sessionCancel);
    }
}
