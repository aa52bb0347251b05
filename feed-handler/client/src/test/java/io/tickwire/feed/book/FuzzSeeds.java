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
package io.tickwire.feed.book;

import io.tickwire.feed.sim.MarketDataFlowGenerator;
import io.tickwire.feed.sim.PriceLevelFlowGenerator;
import io.tickwire.sbe.MarketDataHeader;
import io.tickwire.sbe.md.AddOrderDecoder;
import io.tickwire.sbe.md.AddOrderEncoder;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import io.tickwire.sbe.md.OrderExecutedWithPriceEncoder;
import io.tickwire.sbe.md.Side;
import io.tickwire.sbe.md.TradingStatusEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes the seed corpus of {@link BookBuilderFuzzTest} into {@code src/test/resources}: a realistic flow from
 * {@link MarketDataFlowGenerator}, a market-by-price flow from {@link PriceLevelFlowGenerator} (invalid updates
 * included) and messages the subscriber must count rather than apply. Not a test: its name
 * keeps it out of {@code mvn verify}; run it on purpose to regenerate the seeds (docs/HARDENING.md), then commit
 * what changed.
 */
class FuzzSeeds
{
    private static final Path DIR = Path.of("src", "test", "resources", "io", "tickwire", "feed", "book",
        "BookBuilderFuzzTestInputs", "applyMessages");

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();

    @Test
    void writeSeeds() throws IOException
    {
        Files.createDirectories(DIR);
        final MarketDataFlowGenerator flow = new MarketDataFlowGenerator(7, 3, 8);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 150; i++)
        {
            frame(out, message(flow.next(buffer, 0)));
        }
        Files.write(DIR.resolve("flow"), out.toByteArray());

        final PriceLevelFlowGenerator levels = new PriceLevelFlowGenerator(7, 3, true);
        final ByteArrayOutputStream levelsOut = new ByteArrayOutputStream();
        for (int i = 0; i < 300; i++)
        {
            frame(levelsOut, message(levels.next(buffer, 0)));
        }
        Files.write(DIR.resolve("price-levels"), levelsOut.toByteArray());

        final byte[] add = addOrder(1, 77, Side.BUY, 100, 1_000_000);
        final byte[] badSide = add.clone();
        badSide[MessageHeaderEncoder.ENCODED_LENGTH + AddOrderEncoder.sideEncodingOffset()] = 'Z';
        final byte[] otherSchema = add.clone();
        otherSchema[4]++;
        final byte[] unknownTemplate = add.clone();
        unknownTemplate[2] = 99;
        final byte[] longBlock = add.clone();
        longBlock[0] = (byte)(AddOrderDecoder.BLOCK_LENGTH + 8);

        final TradingStatusEncoder status = new TradingStatusEncoder().wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(1);
        final byte[] badStatus = message(MessageHeaderEncoder.ENCODED_LENGTH + status.encodedLength());
        badStatus[MessageHeaderEncoder.ENCODED_LENGTH + TradingStatusEncoder.tradingStateEncodingOffset()] = '?';
        final OrderExecutedWithPriceEncoder executed = new OrderExecutedWithPriceEncoder()
            .wrapAndApplyHeader(buffer, 0, header).instrumentId(1).orderId(77).executedQuantity(10);
        final byte[] badPrintable = message(MessageHeaderEncoder.ENCODED_LENGTH + executed.encodedLength());
        badPrintable[MessageHeaderEncoder.ENCODED_LENGTH +
            OrderExecutedWithPriceEncoder.printableEncodingOffset()] = 7;

        final ByteArrayOutputStream bad = new ByteArrayOutputStream();
        for (final byte[] message : new byte[][] {
            add, badSide, otherSchema, unknownTemplate, badStatus, badPrintable, longBlock,
            Arrays.copyOf(add, MarketDataHeader.MIN_MESSAGE_LENGTH),
            Arrays.copyOf(add, MarketDataHeader.MIN_MESSAGE_LENGTH - 1), Arrays.copyOf(add, add.length - 1)})
        {
            frame(bad, message);
        }
        Files.write(DIR.resolve("bad-messages"), bad.toByteArray());
    }

    private byte[] addOrder(final long instrumentId, final long orderId, final Side side, final long quantity,
        final long price)
    {
        final AddOrderEncoder add = new AddOrderEncoder().wrapAndApplyHeader(buffer, 0, header)
            .instrumentId(instrumentId).orderId(orderId).side(side).quantity(quantity).price(price);
        return message(MessageHeaderEncoder.ENCODED_LENGTH + add.encodedLength());
    }

    private byte[] message(final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    /**
     * The fuzz target's framing: a u16 little-endian length, then the message.
     */
    private static void frame(final ByteArrayOutputStream out, final byte[] message)
    {
        out.write(message.length);
        out.write(message.length >>> 8);
        out.writeBytes(message);
    }
}
