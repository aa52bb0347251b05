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
package io.tickwire.fix.audit;

import io.tickwire.fix.cluster.IngressFrame;
import io.tickwire.sbe.internal.CancelOrderCommandEncoder;
import io.tickwire.sbe.internal.MessageHeaderEncoder;
import io.tickwire.sbe.internal.NewOrderCommandEncoder;
import io.tickwire.sbe.internal.OrderStatusCommandEncoder;
import io.tickwire.sbe.internal.OrderType;
import io.tickwire.sbe.internal.RejectReason;
import io.tickwire.sbe.internal.ReplaceOrderCommandEncoder;
import io.tickwire.sbe.internal.SessionCancelCommandEncoder;
import io.tickwire.sbe.internal.Side;
import io.tickwire.sbe.internal.TimeInForce;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes the seed corpora of the gateway's fuzz targets into {@code src/test/resources}: edits that damage a journal
 * ({@link JournalFuzzTest}), log entries for the clustered matching service ({@code MatchingServiceFuzzTest}) and
 * FIX byte streams for the inbound filters ({@code InboundFilterFuzzTest}), valid and malformed. It lives with the
 * journal target because the edits name offsets of that target's journal. Not a test: its name keeps it out of
 * {@code mvn verify}; run it on purpose to regenerate the seeds (docs/HARDENING.md), then commit what changed.
 */
class FuzzSeeds
{
    private static final Path RESOURCES = Path.of("src", "test", "resources", "io", "tickwire", "fix");
    private static final byte SOH = 1;

    private final UnsafeBuffer command = new UnsafeBuffer(new byte[IngressFrame.MAX_COMMAND_LENGTH]);
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[IngressFrame.MAX_FRAME_LENGTH]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();

    @Test
    void writeSeeds() throws IOException
    {
        writeJournalSeeds(RESOURCES.resolve("audit").resolve("JournalFuzzTestInputs"));
        writeLogSeeds(RESOURCES.resolve("cluster").resolve("MatchingServiceFuzzTestInputs").resolve("applyLogEntries"));
        writeFixSeeds(RESOURCES.resolve("session").resolve("InboundFilterFuzzTestInputs").resolve("filterChunks"));
    }

    /**
     * Edit scripts in {@link JournalFuzzTest#damage}'s format, shared by both journal targets.
     */
    private static void writeJournalSeeds(final Path dir) throws IOException
    {
        final int second = (int)JournalFuzzTest.frameOffset(1);
        final int last = (int)JournalFuzzTest.frameOffset(JournalFuzzTest.RECORDS - 1);
        final int end = (int)JournalFuzzTest.frameOffset(JournalFuzzTest.RECORDS);
        write(dir, "flip-record-byte", edit(0, second + 60, 0x10));
        write(dir, "flip-length-field", edit(0, second, 0x01));
        write(dir, "flip-header-byte", edit(0, 20, 0x01));
        write(dir, "flip-header-unused-byte", edit(0, 100, 0x01));
        write(dir, "flip-last-frame-crc", edit(0, last + 4, 0xFF));
        write(dir, "truncate-mid-frame", edit(3, last + 30));
        write(dir, "truncate-between-frames", edit(3, last));
        write(dir, "truncate-in-header", edit(3, 50));
        write(dir, "append-garbage", new byte[] {2, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        final byte[] zeros = new byte[2 + 60];
        zeros[0] = 2;
        zeros[1] = 60;
        write(dir, "append-zeros", zeros);
        write(dir, "overwrite-record", concat(edit(1, second + 50), new byte[] {4, 'a', 'b', 'c', 'd'}));
        write(dir, "cut-and-append", concat(edit(3, end - 3), new byte[] {2, 3, 9, 9, 9}));
    }

    private void writeLogSeeds(final Path dir) throws IOException
    {
        final ByteArrayOutputStream orders = new ByteArrayOutputStream();
        entry(orders, frame(1, newOrder(1, 1, Side.BUY, OrderType.LIMIT, TimeInForce.DAY, 100, 1_500_000, "B1")));
        final byte[] sell = frame(2, newOrder(2, 2, Side.SELL, OrderType.LIMIT, TimeInForce.DAY, 60, 1_500_000, "S1"));
        entry(orders, sell);
        entry(orders, frame(3, replace(3, 1, 80, 1_499_000, "B2", "B1")));
        entry(orders, frame(4, status(4, 1, "B2")));
        entry(orders, frame(5, cancel(5, 1, "B3", "B2")));
        entry(orders, frame(6, newOrder(6, 3, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 10, 0, "M1")));
        entry(orders, frame(7, sessionCancel(7)));
        entry(orders, sell);
        final byte[] version1 = concat(new byte[8], newOrder(9, 4, Side.SELL, OrderType.LIMIT, TimeInForce.FOK, 5,
            1_501_000, "V1"));
        version1[0] = 9;
        entry(orders, version1);
        write(dir, "orders", orders.toByteArray());

        final ByteArrayOutputStream poison = new ByteArrayOutputStream();
        entry(poison, new byte[] {1, 2, 3});
        final byte[] junk = new byte[40];
        Arrays.fill(junk, 8, 16, (byte)0x7A);
        junk[0] = 1;
        entry(poison, junk);
        final byte[] badSide = newOrder(2, 1, Side.BUY, OrderType.LIMIT, TimeInForce.DAY, 1, 1, "Z1");
        badSide[MessageHeaderEncoder.ENCODED_LENGTH + NewOrderCommandEncoder.sideEncodingOffset()] = 'Z';
        entry(poison, frame(2, badSide));
        final byte[] longCommand = frame(3, status(3, 1, "L1"));
        longCommand[IngressFrame.COMMAND_LENGTH_OFFSET] = (byte)0xFF;
        entry(poison, longCommand);
        final byte[] unknownTemplate = status(4, 1, "U1");
        unknownTemplate[2] = 42;
        entry(poison, frame(4, unknownTemplate));
        final byte[] shortBlock = status(5, 1, "K1");
        shortBlock[0] = 4;
        entry(poison, frame(5, Arrays.copyOf(shortBlock, MessageHeaderEncoder.ENCODED_LENGTH + 4)));
        entry(poison, frame(6, newOrder(6, 5, Side.BUY, OrderType.LIMIT, TimeInForce.DAY, 0, -1, "Q0")));
        write(dir, "poison", poison.toByteArray());
    }

    private static void writeFixSeeds(final Path dir) throws IOException
    {
        final byte[] logon = fix("35=A|34=1|49=CLIENT|56=TW|52=20260101-09:30:00.000|98=0|108=30|553=alice|");
        final byte[] order = fix("35=D|34=2|49=CLIENT|56=TW|52=20260101-09:30:00.001|11=O1|55=AAPL|54=1|38=100|" +
            "40=2|44=187.25|59=0|60=20260101-09:30:00.001|");
        final byte[] huge = "8=FIX.4.4|9=99999|35=D|34=3|".replace('|', (char)SOH).getBytes(StandardCharsets.US_ASCII);
        final byte[] trailer = "10=123|".replace('|', (char)SOH).getBytes(StandardCharsets.US_ASCII);

        write(dir, "pre-logon-logon-and-order", concat(new byte[] {0, 60, 0}, chunks(7, concat(logon, order))));
        write(dir, "logged-on-order", concat(new byte[] {1, 60, 0}, chunks(255, concat(order, order))));
        write(dir, "logged-on-oversized-then-order",
            concat(new byte[] {1, 60, 0}, chunks(13, concat(huge, new byte[200], trailer, order))));
        write(dir, "pre-logon-oversized", concat(new byte[] {0, 60, 0}, chunks(64, huge)));
        write(dir, "malformed-header", concat(new byte[] {1, 60, 0},
            chunks(9, concat("8=FIX.4.4|35=D|".replace('|', (char)SOH).getBytes(StandardCharsets.US_ASCII), order))));
        write(dir, "junk-between-messages", concat(new byte[] {1, 60, 0},
            chunks(31, concat(order, "junk".getBytes(StandardCharsets.US_ASCII), order))));
        write(dir, "byte-limit-before-logon", concat(new byte[] {2, 60, 4}, chunks(20, concat(logon, order))));
        write(dir, "empty-chunks", concat(new byte[] {1, 60, 0, 0}, chunks(100, order), new byte[] {0}));
    }

    private byte[] newOrder(
        final long correlationId,
        final long orderId,
        final Side side,
        final OrderType orderType,
        final TimeInForce timeInForce,
        final long quantity,
        final long price,
        final String clOrdId)
    {
        final NewOrderCommandEncoder encoder = new NewOrderCommandEncoder().wrapAndApplyHeader(command, 0, header)
            .correlationId(correlationId).receiveNanos(0).sessionIndex(0).instrumentId(1).side(side)
            .orderType(orderType).timeInForce(timeInForce).quantity(quantity).price(price).clOrdId(clOrdId)
            .orderId(orderId).rejectReason(RejectReason.NONE).limitValue(0).actualValue(0).riskNanos(0)
            .symbol("AAPL").fixSide(Side.BUY == side ? (byte)'1' : (byte)'2');
        return command(encoder.encodedLength());
    }

    private byte[] replace(
        final long correlationId, final long orderId, final long quantity, final long price, final String clOrdId,
        final String origClOrdId)
    {
        final ReplaceOrderCommandEncoder encoder = new ReplaceOrderCommandEncoder()
            .wrapAndApplyHeader(command, 0, header)
            .correlationId(correlationId).receiveNanos(0).sessionIndex(0).instrumentId(1).orderId(orderId)
            .quantity(quantity).price(price).clOrdId(clOrdId).origClOrdId(origClOrdId)
            .rejectReason(RejectReason.NONE).limitValue(0).actualValue(0).riskNanos(0).fixSide((byte)'1')
            .orderType(OrderType.LIMIT);
        return command(encoder.encodedLength());
    }

    private byte[] cancel(final long correlationId, final long orderId, final String clOrdId, final String orig)
    {
        final CancelOrderCommandEncoder encoder = new CancelOrderCommandEncoder()
            .wrapAndApplyHeader(command, 0, header)
            .correlationId(correlationId).receiveNanos(0).sessionIndex(0).instrumentId(1).orderId(orderId)
            .clOrdId(clOrdId).origClOrdId(orig);
        return command(encoder.encodedLength());
    }

    private byte[] status(final long correlationId, final long orderId, final String clOrdId)
    {
        final OrderStatusCommandEncoder encoder = new OrderStatusCommandEncoder()
            .wrapAndApplyHeader(command, 0, header)
            .correlationId(correlationId).receiveNanos(0).sessionIndex(0).orderId(orderId).clOrdId(clOrdId);
        return command(encoder.encodedLength());
    }

    private byte[] sessionCancel(final long correlationId)
    {
        final SessionCancelCommandEncoder encoder = new SessionCancelCommandEncoder()
            .wrapAndApplyHeader(command, 0, header)
            .correlationId(correlationId).receiveNanos(0).sessionIndex(0);
        return command(encoder.encodedLength());
    }

    private byte[] command(final int bodyLength)
    {
        final byte[] bytes = new byte[MessageHeaderEncoder.ENCODED_LENGTH + bodyLength];
        command.getBytes(0, bytes);
        return bytes;
    }

    /**
     * A version 2 ingress frame of the command, with a few bytes of audit record after it.
     */
    private byte[] frame(final long sequence, final byte[] commandBytes)
    {
        final UnsafeBuffer audit = new UnsafeBuffer(new byte[] {9, 8, 7, 6});
        final int length = IngressFrame.encode(frame, 0, sequence, new UnsafeBuffer(commandBytes), 0,
            commandBytes.length, audit, 0, audit.capacity());
        final byte[] bytes = new byte[length];
        frame.getBytes(0, bytes);
        return bytes;
    }

    /**
     * The matching service target's framing: a u16 little-endian length, then the log entry.
     */
    private static void entry(final ByteArrayOutputStream out, final byte[] entry)
    {
        out.write(entry.length);
        out.write(entry.length >>> 8);
        out.writeBytes(entry);
    }

    /**
     * A FIX 4.4 message with its BodyLength and CheckSum computed, fields given with '|' for SOH.
     */
    private static byte[] fix(final String body)
    {
        final byte[] bodyBytes = body.replace('|', (char)SOH).getBytes(StandardCharsets.US_ASCII);
        final byte[] head = ("8=FIX.4.4|9=" + bodyBytes.length + "|").replace('|', (char)SOH)
            .getBytes(StandardCharsets.US_ASCII);
        final byte[] message = concat(head, bodyBytes);
        int sum = 0;
        for (final byte b : message)
        {
            sum += b & 0xFF;
        }
        return concat(message, String.format("10=%03d\u0001", sum % 256).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The inbound filter target's chunking: each chunk a length byte, then its bytes.
     */
    private static byte[] chunks(final int size, final byte[] bytes)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < bytes.length; i += size)
        {
            final int length = Math.min(size, bytes.length - i);
            out.write(length);
            out.write(bytes, i, length);
        }
        return out.toByteArray();
    }

    /**
     * An edit of {@link JournalFuzzTest#damage}: its kind, then a u16 position, then any extra bytes.
     */
    private static byte[] edit(final int kind, final int position, final int... extra)
    {
        final byte[] bytes = new byte[3 + extra.length];
        bytes[0] = (byte)kind;
        bytes[1] = (byte)(position >>> 8);
        bytes[2] = (byte)position;
        for (int i = 0; i < extra.length; i++)
        {
            bytes[3 + i] = (byte)extra[i];
        }
        return bytes;
    }

    private static byte[] concat(final byte[]... parts)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final byte[] part : parts)
        {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static void write(final Path dir, final String name, final byte[] bytes) throws IOException
    {
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), bytes);
    }
}
