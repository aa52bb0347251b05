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

import io.tickwire.sbe.internal.CancelOrderCommandDecoder;
import io.tickwire.sbe.internal.MessageHeaderDecoder;
import io.tickwire.sbe.internal.NewOrderCommandDecoder;
import io.tickwire.sbe.internal.OrderStatusCommandDecoder;
import io.tickwire.sbe.internal.ReplaceOrderCommandDecoder;
import io.tickwire.sbe.internal.SessionCancelCommandDecoder;
import org.agrona.DirectBuffer;

/**
 * Decides whether a log entry is a command the engine can apply: long enough for its SBE header and its block,
 * of the internal schema, of a command template, with a block holding every field of the version its header names
 * (a newer version than the engine knows must hold at least the current block). Anything
 * else is poison to a replicated service (it would meet it again at every replay) and is skipped, counted.
 */
final class CommandValidator
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();

    boolean isValid(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return false;
        }
        header.wrap(buffer, offset);
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID || header.version() < 1)
        {
            return false;
        }
        final int minimumBlock = minimumBlockLength(header.templateId(), header.version());
        final int blockLength = header.blockLength();
        return minimumBlock > 0 && blockLength >= minimumBlock &&
            length >= MessageHeaderDecoder.ENCODED_LENGTH + blockLength;
    }

    /**
     * The block a command of this version must at least hold: every field of its version. SBE's decoders read a
     * field whenever the acting version has it, wherever the block ends, so a header that claims a newer version
     * than its block holds would make the engine read past the command.
     */
    static int minimumBlockLength(final int templateId, final int version)
    {
        switch (templateId)
        {
            case NewOrderCommandDecoder.TEMPLATE_ID:
                return version >= 5 ? NewOrderCommandDecoder.BLOCK_LENGTH :
                    version == 4 ? NewOrderCommandDecoder.fixSideEncodingOffset() :
                    version == 3 ? NewOrderCommandDecoder.symbolEncodingOffset() :
                    version == 2 ? NewOrderCommandDecoder.riskNanosEncodingOffset() :
                    NewOrderCommandDecoder.orderIdEncodingOffset();
            case CancelOrderCommandDecoder.TEMPLATE_ID:
                return version >= 2 ? CancelOrderCommandDecoder.BLOCK_LENGTH :
                    CancelOrderCommandDecoder.origClOrdIdEncodingOffset();
            case ReplaceOrderCommandDecoder.TEMPLATE_ID:
                return version >= 5 ? ReplaceOrderCommandDecoder.BLOCK_LENGTH :
                    version >= 3 ? ReplaceOrderCommandDecoder.fixSideEncodingOffset() :
                    version == 2 ? ReplaceOrderCommandDecoder.riskNanosEncodingOffset() :
                    ReplaceOrderCommandDecoder.origClOrdIdEncodingOffset();
            case OrderStatusCommandDecoder.TEMPLATE_ID:
                return OrderStatusCommandDecoder.BLOCK_LENGTH;
            case SessionCancelCommandDecoder.TEMPLATE_ID:
                return SessionCancelCommandDecoder.BLOCK_LENGTH;
            default:
                return 0;
        }
    }
}
