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
package io.tickwire.feed.ingest;

import io.tickwire.feed.ingest.itch.ItchMessageType;
import io.tickwire.feed.ingest.itch.ItchMessageWriter;
import io.tickwire.feed.ingest.itch.ItchText;
import io.tickwire.feed.ingest.itch.sim.ItchSimulator;
import io.tickwire.feed.ingest.moldudp64.MoldUdp64Packet;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the seed corpora of the feed handler's fuzz targets into {@code src/test/resources}: a few valid inputs
 * made by the project's own writers ({@link ItchMessageWriter}, {@link ItchSimulator}, {@link PcapBuilder}) and a
 * few malformed ones, each kind of damage the sources must report. Not a test: its name keeps it out of
 * {@code mvn verify}; run it on purpose to regenerate the seeds (docs/HARDENING.md), then commit what changed.
 */
class FuzzSeeds
{
    private static final Path RESOURCES = Path.of("src", "test", "resources", "io", "tickwire", "feed", "ingest");
    private static final long TS = 34_200_000_000_000L;

    @Test
    void writeSeeds() throws IOException
    {
        writeItchSeeds(RESOURCES.resolve("itch").resolve("ItchDecoderFuzzTestInputs").resolve("decodeAndNormalise"));
        writeBinaryFileSeeds(RESOURCES.resolve("BinaryFileSourceFuzzTestInputs").resolve("readFile"));
        writePcapSeeds(RESOURCES.resolve("PcapSourceFuzzTestInputs").resolve("readCapture"));
        writeMoldSeeds(RESOURCES.resolve("moldudp64").resolve("MoldUdp64PacketFuzzTestInputs").resolve("parsePacket"));
    }

    private static void writeItchSeeds(final Path dir) throws IOException
    {
        write(dir, "every-type", frames(everyType()));
        write(dir, "simulator-flow", frames(simulated(120)));
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final long msft = ItchText.packStock("MSFT");
        write(dir, "bad-field-values", frames(
            message(buffer, ItchMessageWriter.addOrder(buffer, 0, 1, TS, 1, (byte)'Z', 100, msft, 100, 0)),
            message(buffer, ItchMessageWriter.trade(buffer, 0, 1, TS, 2, (byte)'?', 100, msft, 100, 9)),
            message(buffer, ItchMessageWriter.orderExecutedWithPrice(buffer, 0, 1, TS, 1, 10, 7, (byte)'Q', 100)),
            message(buffer, ItchMessageWriter.systemEvent(buffer, 0, TS, (byte)'Z')),
            message(buffer, ItchMessageWriter.stockTradingAction(buffer, 0, 1, TS, msft, (byte)'Z', 0))));
        final byte[] add = message(buffer, ItchMessageWriter.addOrder(buffer, 0, 1, TS, 1, (byte)'B', 1, msft, 1, 0));
        write(dir, "bad-framing", frames(
            Arrays.copyOf(add, add.length - 1), Arrays.copyOf(add, add.length + 1), new byte[0],
            new byte[] {'z', 0, 0, 0}, Arrays.copyOf(add, 3)));
    }

    private static void writeBinaryFileSeeds(final Path dir) throws IOException
    {
        final byte[] flow = frames(simulated(200));
        write(dir, "flow", flow);
        write(dir, "flow-gzip", gzip(frames(simulated(40))));
        final byte[] gzipped = gzip(flow);
        gzipped[gzipped.length / 2] ^= 0x55;
        write(dir, "gzip-corrupt", gzipped);
        write(dir, "gzip-header-only", Arrays.copyOf(gzip(flow), 12));

        final byte[] small = frames(simulated(12));
        write(dir, "junk-inserted", concat(Arrays.copyOf(small, 100), new byte[] {7, 7, 7, 0, 9}, small));
        write(dir, "junk-claims-long-length", concat(small, new byte[] {(byte)0xFF, (byte)0xFF, 'A', 1, 2}, small));
        write(dir, "truncated-tail", Arrays.copyOf(small, small.length - 5));
        write(dir, "one-trailing-byte", concat(small, new byte[] {0}));
        final byte[] wrongLength = small.clone();
        wrongLength[1]++;
        write(dir, "wrong-length-first-frame", wrongLength);
        write(dir, "zero-length-frame", concat(new byte[] {0, 0}, small));
    }

    private static void writePcapSeeds(final Path dir) throws IOException
    {
        final byte[][] messages = simulated(9);
        final PcapBuilder plain = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false)
            .moldPacket("S1", 1, messages[0], messages[1], messages[2])
            .moldPacket("S1", 4, messages[3]);
        write(dir, "little-endian-micros", plain.toByteArray());
        write(dir, "big-endian-nanos-vlan-ip-options", new PcapBuilder(ByteOrder.BIG_ENDIAN, true)
            .vlanTags(2).ipOptionWords(2)
            .moldPacket("S1", 1, messages[0], messages[1])
            .toByteArray());
        write(dir, "gap-heartbeat-end-new-session", new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false)
            .moldPacket("S1", 1, messages[0])
            .moldPacket("S1", 5, messages[4], messages[5])
            .moldControl("S1", 7, MoldUdp64Packet.HEARTBEAT)
            .moldControl("S1", 7, MoldUdp64Packet.END_OF_SESSION)
            .moldPacket("S2", 1, messages[6])
            .toByteArray());
        write(dir, "gzip", gzip(plain.toByteArray()));

        final byte[] frame = Arrays.copyOfRange(plain.toByteArray(), 24 + 16, 24 + 16 + 64);
        final byte[] notIpv4 = frame.clone();
        notIpv4[12] = (byte)0x86;
        notIpv4[13] = (byte)0xdd;
        final byte[] notUdp = frame.clone();
        notUdp[14 + 9] = 6;
        final byte[] fragment = frame.clone();
        fragment[14 + 6] = 0x20;
        write(dir, "malformed-records", new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false)
            .moldPacket("S1", 1, messages[0])
            .raw(new byte[] {1, 2, 3, 4, 5, 6, 7})
            .moldPacket("S1", 2, messages[1])
            .record(frame, 64, 32)
            .frame(notIpv4)
            .frame(notUdp)
            .frame(fragment)
            .frame(Arrays.copyOf(frame, 13))
            .udp(new byte[] {'S', '1'})
            .moldPacket("S1", 3, messages[2], Arrays.copyOf(messages[3], 5))
            .moldPacket("S1", 0, messages[4])
            .toByteArray());
        final byte[] capture = plain.toByteArray();
        write(dir, "truncated-record", Arrays.copyOf(capture, capture.length - 9));
        write(dir, "pcapng", new byte[] {0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0,
            -1, -1, -1, -1, -1, -1, -1, -1, 28, 0, 0, 0});
        final byte[] wrongLinkType = capture.clone();
        wrongLinkType[20] = 113;
        write(dir, "linux-cooked-link-type", wrongLinkType);
    }

    private static void writeMoldSeeds(final Path dir) throws IOException
    {
        final byte[][] messages = simulated(4);
        write(dir, "messages", packet(7, 3, messages[0], messages[1], messages[2]));
        write(dir, "heartbeat", packet(8, MoldUdp64Packet.HEARTBEAT));
        write(dir, "end-of-session", packet(8, MoldUdp64Packet.END_OF_SESSION));
        final byte[] one = packet(1, 1, messages[3]);
        write(dir, "count-beyond-payload", packet(1, 2, messages[3]));
        write(dir, "message-overruns-packet", Arrays.copyOf(one, one.length - 1));
        write(dir, "trailing-bytes", concat(one, new byte[] {0, 0}));
        write(dir, "heartbeat-trailing-bytes", concat(packet(8, MoldUdp64Packet.HEARTBEAT), new byte[] {1}));
        write(dir, "zero-length-message", packet(1, 2, messages[3], new byte[0]));
        write(dir, "sequence-zero", packet(0, 1, messages[3]));
        write(dir, "sequence-overflows", packet(Long.MAX_VALUE, 2, messages[0], messages[1]));
        write(dir, "short-header", Arrays.copyOf(one, 19));
    }

    /**
     * One message of each of the 23 types: the project's writer where it has one, else the common header and a
     * body of the type's length.
     */
    private static byte[][] everyType()
    {
        final byte[] types = ItchMessageType.types();
        final byte[][] messages = new byte[types.length][];
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final long aapl = ItchText.packStock("AAPL");
        for (int i = 0; i < types.length; i++)
        {
            final byte type = types[i];
            buffer.setMemory(0, buffer.capacity(), (byte)' ');
            final int length;
            switch (type)
            {
                case ItchMessageType.SYSTEM_EVENT:
                    length = ItchMessageWriter.systemEvent(buffer, 0, TS, (byte)'Q');
                    break;
                case ItchMessageType.STOCK_DIRECTORY:
                    length = ItchMessageWriter.stockDirectory(buffer, 0, 3, TS, aapl, 100);
                    break;
                case ItchMessageType.STOCK_TRADING_ACTION:
                    length = ItchMessageWriter.stockTradingAction(buffer, 0, 3, TS, aapl, (byte)'T', 0);
                    break;
                case ItchMessageType.ADD_ORDER:
                    length = ItchMessageWriter.addOrder(buffer, 0, 3, TS, 11, (byte)'B', 100, aapl, 1_870_000, 0);
                    break;
                case ItchMessageType.ADD_ORDER_MPID:
                    length = ItchMessageWriter.addOrder(buffer, 0, 3, TS, 12, (byte)'S', 200, aapl, 1_871_000,
                        ItchText.packMpid("GSCO"));
                    break;
                case ItchMessageType.ORDER_EXECUTED:
                    length = ItchMessageWriter.orderExecuted(buffer, 0, 3, TS, 11, 50, 1);
                    break;
                case ItchMessageType.ORDER_EXECUTED_WITH_PRICE:
                    length = ItchMessageWriter.orderExecutedWithPrice(
                        buffer, 0, 3, TS, 11, 10, 2, (byte)'Y', 1_869_900);
                    break;
                case ItchMessageType.ORDER_CANCEL:
                    length = ItchMessageWriter.orderCancel(buffer, 0, 3, TS, 12, 20);
                    break;
                case ItchMessageType.ORDER_DELETE:
                    length = ItchMessageWriter.orderDelete(buffer, 0, 3, TS, 11);
                    break;
                case ItchMessageType.ORDER_REPLACE:
                    length = ItchMessageWriter.orderReplace(buffer, 0, 3, TS, 12, 13, 150, 1_872_000);
                    break;
                case ItchMessageType.TRADE:
                    length = ItchMessageWriter.trade(buffer, 0, 3, TS, 0, (byte)'B', 100, aapl, 1_870_500, 3);
                    break;
                case ItchMessageType.CROSS_TRADE:
                    length = ItchMessageWriter.crossTrade(buffer, 0, 3, TS, 5000, aapl, 1_870_000, 4, (byte)'O');
                    break;
                case ItchMessageType.BROKEN_TRADE:
                    length = ItchMessageWriter.brokenTrade(buffer, 0, 3, TS, 3);
                    break;
                default:
                    ItchMessageWriter.header(buffer, 0, type, 3, 0, TS);
                    length = ItchMessageType.length(type);
                    break;
            }
            messages[i] = message(buffer, length);
        }
        return messages;
    }

    private static byte[][] simulated(final int count)
    {
        final ItchSimulator simulator = new ItchSimulator(42, 3);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final byte[][] messages = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            messages[i] = message(buffer, simulator.next(buffer, 0));
        }
        return messages;
    }

    private static byte[] message(final UnsafeBuffer buffer, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    /**
     * BinaryFILE framing: each message after its u16 big-endian length.
     */
    private static byte[] frames(final byte[]... messages)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final byte[] message : messages)
        {
            out.writeBytes(ItchTestMessages.frame(message));
        }
        return out.toByteArray();
    }

    private static byte[] packet(final long sequence, final int count, final byte[]... messages)
    {
        final ByteBuffer header = ByteBuffer.allocate(MoldUdp64Packet.HEADER_LENGTH).order(ByteOrder.BIG_ENDIAN);
        header.put("FUZZ      ".getBytes(StandardCharsets.US_ASCII)).putLong(sequence)
            .putShort((short)count);
        return concat(header.array(), frames(messages));
    }

    private static byte[] gzip(final byte[] bytes)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out))
        {
            gzip.write(bytes);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
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
