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

import io.tickwire.sbe.internal.CancelOrderCommandEncoder;
import io.tickwire.sbe.internal.MessageHeaderEncoder;
import io.tickwire.sbe.internal.NewOrderCommandDecoder;
import io.tickwire.sbe.internal.NewOrderCommandEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A log entry is a command only if its block holds every field of the version its header names: the decoders read
 * a field whenever the acting version has it, so a short block under a newer version would be read past.
 */
class CommandValidatorTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final CommandValidator validator = new CommandValidator();

    @Test
    void shouldAcceptEachVersionWithTheBlockOfThatVersion()
    {
        new NewOrderCommandEncoder().wrapAndApplyHeader(buffer, 0, header);
        final int full = MessageHeaderEncoder.ENCODED_LENGTH + NewOrderCommandEncoder.BLOCK_LENGTH;
        assertTrue(validator.isValid(buffer, 0, full), "as the gateway encodes it");

        // An entry from an older gateway: version 1 with its own, shorter block.
        header.version(1).blockLength(NewOrderCommandDecoder.orderIdEncodingOffset());
        assertTrue(validator.isValid(buffer, 0, full));
        header.version(3).blockLength(NewOrderCommandDecoder.symbolEncodingOffset());
        assertTrue(validator.isValid(buffer, 0, full));
    }

    @Test
    void shouldRefuseAHeaderThatClaimsMoreFieldsThanItsBlockHolds()
    {
        new NewOrderCommandEncoder().wrapAndApplyHeader(buffer, 0, header);
        final int full = MessageHeaderEncoder.ENCODED_LENGTH + NewOrderCommandEncoder.BLOCK_LENGTH;
        header.version(5).blockLength(NewOrderCommandDecoder.orderIdEncodingOffset());
        assertFalse(validator.isValid(buffer, 0, full), "version 5 with a version 1 block");
        header.version(4).blockLength(NewOrderCommandDecoder.symbolEncodingOffset());
        assertFalse(validator.isValid(buffer, 0, full), "version 4 without its symbol");
        header.version(9).blockLength(NewOrderCommandDecoder.fixSideEncodingOffset());
        assertFalse(validator.isValid(buffer, 0, full), "a newer version must hold at least the current block");

        new CancelOrderCommandEncoder().wrapAndApplyHeader(buffer, 0, header);
        header.blockLength(CancelOrderCommandEncoder.origClOrdIdEncodingOffset());
        assertFalse(validator.isValid(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH +
            CancelOrderCommandEncoder.BLOCK_LENGTH), "a version 2 cancel without its OrigClOrdID");
    }
}
