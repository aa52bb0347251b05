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
package io.tickwire.feed.ingest.mdp3.sim;

import io.tickwire.feed.ingest.MalformedInputCounter;
import io.tickwire.feed.ingest.PcapUdpReader;
import io.tickwire.feed.ingest.PcapUdpWriter;
import io.tickwire.feed.ingest.mdp3.Mdp3InstrumentDefinition;
import io.tickwire.feed.ingest.mdp3.Mdp3Listener;
import io.tickwire.feed.ingest.mdp3.Mdp3PacketDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class Mdp3SimulatorTest
{
    private static final int GROUP = 0xE0001F01;
    private static final int PORT = 14310;

    @TempDir
    Path dir;

    @Test
    void shouldWriteAPcapWhosePacketsAllDecodeInSequenceWithSoundBooks() throws IOException
    {
        final int instruments = 30;
        final int packets = 20_000;
        final Path file = generate(dir.resolve("sim.pcap"), 7, instruments, packets);

        final MalformedInputCounter malformed = new MalformedInputCounter(10);
        final Checker checker = new Checker(instruments);
        final Mdp3PacketDecoder decoder = new Mdp3PacketDecoder(checker, malformed, file.toString());
        try (PcapUdpReader reader = new PcapUdpReader(file, malformed))
        {
            while (reader.next())
            {
                assertEquals(GROUP, reader.destinationAddress());
                assertEquals(PORT, reader.destinationPort());
                assertTrue(reader.isNanosecond());
                assertTrue(reader.payloadLength() <= Mdp3Simulator.MAX_PACKET, "packet too long");
                decoder.decode(
                    reader.buffer(), reader.payloadOffset(), reader.payloadLength(), reader.payloadPosition());
            }
        }

        assertEquals(0, malformed.total(), malformed.firstReports().toString());
        assertEquals(List.of(), checker.problems);
        assertEquals(packets, decoder.packetCount());
        assertEquals(packets, checker.lastMsgSeqNum);
        assertEquals(instruments, decoder.messageCount(54));
        assertEquals(instruments, decoder.messageCount(30));
        assertEquals(decoder.messageCount(48), decoder.messageCount(37), "a volume update after every trade");
        assertTrue(decoder.messageCount(48) > 1_000, "trades: " + decoder.messageCount(48));
        assertTrue(decoder.messageCount(46) > 10_000, "book updates: " + decoder.messageCount(46));
        assertEquals(decoder.messageCount(), decoder.messageCount(54) + decoder.messageCount(30) +
            decoder.messageCount(46) + decoder.messageCount(48) + decoder.messageCount(37));
        assertTrue(checker.multiMessagePackets > packets / 4, "packets of several messages: " +
            checker.multiMessagePackets);
        assertEquals(3, checker.actionsSeen, "New, Change and Delete all seen");
        for (int i = 0; i < instruments; i++)
        {
            final Book book = checker.books.get(Mdp3Simulator.FIRST_SECURITY_ID + i);
            assertEquals(Mdp3Simulator.DEPTH, book.bids.size(), "bid depth of contract " + i);
            assertEquals(Mdp3Simulator.DEPTH, book.offers.size(), "offer depth of contract " + i);
        }
    }

    @Test
    void shouldWriteTheSameBytesForTheSameSeed() throws IOException
    {
        final byte[] first = Files.readAllBytes(generate(dir.resolve("a.pcap"), 42, 12, 3_000));
        final byte[] second = Files.readAllBytes(generate(dir.resolve("b.pcap"), 42, 12, 3_000));
        final byte[] other = Files.readAllBytes(generate(dir.resolve("c.pcap"), 43, 12, 3_000));

        assertTrue(Arrays.equals(first, second), "same seed, same bytes");
        assertFalse(Arrays.equals(first, other), "another seed, other bytes");
    }

    @Test
    void shouldDefineRealisticContracts() throws IOException
    {
        final Path file = generate(dir.resolve("defs.pcap"), 1, 13, 10);
        final List<String> definitions = new ArrayList<>();
        final Mdp3PacketDecoder decoder = new Mdp3PacketDecoder(new Mdp3Listener()
        {
            public void onInstrumentDefinition(final Mdp3InstrumentDefinition d)
            {
                definitions.add(d.symbol() + " " + d.securityId() + " " + d.minPriceIncrement() + "e" +
                    d.priceExponent() + " " + d.maturityYear() + "-" +
                    d.depthOf(Mdp3InstrumentDefinition.FEED_TYPE_GBX));
            }
        }, new MalformedInputCounter(1), "defs");
        try (PcapUdpReader reader = new PcapUdpReader(file, new MalformedInputCounter(1)))
        {
            while (reader.next())
            {
                decoder.decode(reader.buffer(), reader.payloadOffset(), reader.payloadLength(), 0);
            }
        }

        assertEquals(13, definitions.size());
        assertEquals("ESH7 42001 250000000e-9 2027-10", definitions.get(0));
        assertEquals("CLH7 42003 10000000e-9 2027-10", definitions.get(2));
        assertEquals("ZNH7 42005 15625000e-9 2027-10", definitions.get(4));
        assertEquals("ESM7 42013 250000000e-9 2027-10", definitions.get(12));
    }

    @Test
    void shouldSendSnapshotsOfTheBooksTheIncrementalsBuilt()
    {
        final int instruments = 12;
        final Mdp3Simulator simulator = new Mdp3Simulator(11, instruments);
        final Mdp3SnapshotLoop loop = new Mdp3SnapshotLoop(simulator);
        final UnsafeBuffer packet = new UnsafeBuffer(new byte[Mdp3Simulator.MAX_PACKET]);
        final MalformedInputCounter malformed = new MalformedInputCounter(10);
        final Checker checker = new Checker(instruments);
        final Mdp3PacketDecoder incrementals = new Mdp3PacketDecoder(checker, malformed, "incrementals");
        for (int i = 0; i < 5_000; i++)
        {
            incrementals.decode(packet, 0, simulator.next(packet, 0), 0);
        }

        final List<String> snapshots = new ArrayList<>();
        final Mdp3PacketDecoder decoder = new Mdp3PacketDecoder(new Mdp3Listener()
        {
            private final StringBuilder book = new StringBuilder();

            public void onPacket(final long msgSeqNum, final long sendingTime, final int length)
            {
                book.setLength(0);
                book.append(msgSeqNum).append(':');
            }

            public void onSnapshot(
                final int templateId, final int version, final long lastMsgSeqNumProcessed, final long totNumReports,
                final int securityId, final long rptSeq, final long transactTime, final long lastUpdateTime,
                final int tradeDate, final int tradingStatus, final long highLimitPrice, final long lowLimitPrice,
                final long maxPriceVariation, final int priceExponent, final int entryCount)
            {
                book.append(templateId).append(' ').append(lastMsgSeqNumProcessed).append(' ').append(totNumReports)
                    .append(' ').append(securityId).append(" rpt ").append(rptSeq);
            }

            public void onSnapshotEntry(
                final byte entryType, final long price, final int priceExponent, final int size,
                final int numberOfOrders, final int priceLevel, final int tradingReferenceDate,
                final int openCloseSettlFlag, final int settlPriceType)
            {
                book.append(' ').append((char)entryType).append(priceLevel).append('=').append(price).append('x')
                    .append(size);
            }

            public void onMessageEnd(final int templateId)
            {
                snapshots.add(book.toString());
            }
        }, malformed, "snapshots");
        for (int i = 0; i < instruments; i++)
        {
            decoder.decode(packet, 0, loop.next(packet, 0), 0);
        }

        assertEquals(0, malformed.total(), malformed.firstReports().toString());
        assertEquals(List.of(), checker.problems);
        final List<String> expected = new ArrayList<>();
        for (int i = 0; i < instruments; i++)
        {
            final int securityId = Mdp3Simulator.FIRST_SECURITY_ID + i;
            final StringBuilder book = new StringBuilder();
            book.append(i + 1).append(":52 5000 ").append(instruments).append(' ').append(securityId)
                .append(" rpt ").append(checker.rptSeqs.get(securityId));
            final Book rebuilt = checker.books.get(securityId);
            for (int level = 1; level <= rebuilt.bids.size(); level++)
            {
                book.append(" 0").append(level).append('=').append(rebuilt.bids.get(level - 1)[0]).append('x')
                    .append(rebuilt.bids.get(level - 1)[1]);
            }
            for (int level = 1; level <= rebuilt.offers.size(); level++)
            {
                book.append(" 1").append(level).append('=').append(rebuilt.offers.get(level - 1)[0]).append('x')
                    .append(rebuilt.offers.get(level - 1)[1]);
            }
            expected.add(book.toString());
        }
        assertEquals(expected, snapshots);
    }

    @Test
    void shouldNotAllocatePerPacket()
    {
        final Mdp3Simulator simulator = new Mdp3Simulator(5, 24);
        final UnsafeBuffer packet = new UnsafeBuffer(new byte[Mdp3Simulator.MAX_PACKET]);
        long bytes = 0;
        for (int i = 0; i < 200_000; i++)
        {
            bytes += simulator.next(packet, 0);
        }
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

        // The JIT may still be settling after warm-up: take the best of a few rounds.
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 4 && allocated > 0; round++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 500_000; i++)
            {
                bytes += simulator.next(packet, 0);
            }
            allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - before);
        }

        assertTrue(bytes > 0);
        // One object per packet would be at least 8 MB; a few KB is the JIT.
        assertTrue(allocated < 16 * 1024, "bytes allocated simulating 500k packets: " + allocated);
    }

    private static Path generate(final Path file, final long seed, final int instruments, final int packets)
        throws IOException
    {
        final Mdp3Simulator simulator = new Mdp3Simulator(seed, instruments);
        final UnsafeBuffer packet = new UnsafeBuffer(new byte[Mdp3Simulator.MAX_PACKET]);
        try (PcapUdpWriter writer = new PcapUdpWriter(file, 0x0A011F01, PORT, GROUP, PORT))
        {
            for (int i = 0; i < packets; i++)
            {
                final int length = simulator.next(packet, 0);
                writer.write(simulator.sendingTime(), packet.byteArray(), 0, length);
            }
        }
        return file;
    }

    /** A price-level book rebuilt from the entries: prices per level from 1, with sizes. */
    private static final class Book
    {
        final List<long[]> bids = new ArrayList<>();
        final List<long[]> offers = new ArrayList<>();
        long volume;
    }

    /** Checks every packet, message and entry as it is decoded; collects what is wrong. */
    private static final class Checker implements Mdp3Listener
    {
        final List<String> problems = new ArrayList<>();
        final Map<Integer, Book> books = new HashMap<>();
        final Map<Integer, Long> rptSeqs = new HashMap<>();
        final int instruments;
        long lastMsgSeqNum;
        long sendingTime;
        long lastSendingTime;
        int messagesInPacket;
        int multiMessagePackets;
        int definitions;
        int actionsSeen;
        boolean incrementalSeen;
        private int actionBits;

        Checker(final int instruments)
        {
            this.instruments = instruments;
        }

        public void onPacket(final long msgSeqNum, final long sendingTime, final int length)
        {
            check(msgSeqNum == lastMsgSeqNum + 1, "MsgSeqNum " + msgSeqNum + " after " + lastMsgSeqNum);
            check(sendingTime >= lastSendingTime, "SendingTime went back at " + msgSeqNum);
            lastMsgSeqNum = msgSeqNum;
            this.sendingTime = sendingTime;
            lastSendingTime = sendingTime;
            if (messagesInPacket > 1)
            {
                multiMessagePackets++;
            }
            messagesInPacket = 0;
        }

        public void onMessageEnd(final int templateId)
        {
            messagesInPacket++;
        }

        public void onInstrumentDefinition(final Mdp3InstrumentDefinition definition)
        {
            check(!incrementalSeen, "definition after incrementals: " + definition.securityId());
            check(definition.priceExponent() == -9, "exponent " + definition.priceExponent());
            books.put(definition.securityId(), new Book());
            definitions++;
        }

        public void onIncrementalRefresh(
            final int templateId, final int version, final long transactTime, final int matchEventIndicator,
            final int entryCount)
        {
            check(definitions == instruments, "incremental before all definitions, seq " + lastMsgSeqNum);
            check(version == 9, "version " + version);
            check(transactTime <= sendingTime, "TransactTime after SendingTime at seq " + lastMsgSeqNum);
            incrementalSeen = true;
        }

        public void onBookEntry(
            final int securityId, final long rptSeq, final int updateAction, final byte entryType, final long price,
            final int priceExponent, final int size, final int priceLevel, final int numberOfOrders)
        {
            rptSeq(securityId, rptSeq);
            final Book book = books.get(securityId);
            final List<long[]> levels = entryType == '0' ? book.bids : book.offers;
            final String where = "seq " + lastMsgSeqNum + " security " + securityId + " level " + priceLevel +
                " action " + updateAction + " side " + (char)entryType + ": ";
            actionBits |= 1 << updateAction;
            actionsSeen = Integer.bitCount(actionBits);
            switch (updateAction)
            {
                case 0:
                    check(priceLevel >= 1 && priceLevel <= levels.size() + 1, where + "New past the book's end");
                    check(size > 0 && numberOfOrders > 0 && numberOfOrders <= size, where + "size " + size);
                    levels.add(Math.min(priceLevel - 1, levels.size()), new long[] {price, size});
                    if (levels.size() > Mdp3Simulator.DEPTH)
                    {
                        levels.remove(Mdp3Simulator.DEPTH);
                    }
                    break;
                case 1:
                    if (check(priceLevel >= 1 && priceLevel <= levels.size(), where + "Change of no level"))
                    {
                        check(levels.get(priceLevel - 1)[0] == price, where + "Change moved the price");
                        levels.get(priceLevel - 1)[1] = size;
                    }
                    break;
                case 2:
                    if (check(priceLevel >= 1 && priceLevel <= levels.size(), where + "Delete of no level"))
                    {
                        check(levels.get(priceLevel - 1)[0] == price, where + "Delete of another price");
                        levels.remove(priceLevel - 1);
                    }
                    break;
                default:
                    check(false, where + "unexpected action");
            }
            for (int i = 1; i < levels.size(); i++)
            {
                final boolean ordered = entryType == '0' ?
                    levels.get(i)[0] < levels.get(i - 1)[0] : levels.get(i)[0] > levels.get(i - 1)[0];
                check(ordered, where + "levels out of order");
            }
            if (!book.bids.isEmpty() && !book.offers.isEmpty())
            {
                check(book.bids.get(0)[0] < book.offers.get(0)[0], where + "crossed or locked book");
            }
        }

        public void onTradeEntry(
            final int securityId, final long rptSeq, final int updateAction, final long price, final int priceExponent,
            final int size, final int numberOfOrders, final int aggressorSide, final long tradeEntryId)
        {
            rptSeq(securityId, rptSeq);
            final Book book = books.get(securityId);
            final List<long[]> hit = aggressorSide == 1 ? book.offers : book.bids;
            final String where = "seq " + lastMsgSeqNum + " trade of " + securityId + ": ";
            if (check(!hit.isEmpty(), where + "no level to trade at"))
            {
                check(hit.get(0)[0] == price, where + "not at the best price");
                check(size > 0 && size <= hit.get(0)[1], where + "size " + size + " beyond the level");
            }
            book.volume += size;
        }

        public void onVolumeEntry(final int securityId, final long rptSeq, final int updateAction, final int volume)
        {
            rptSeq(securityId, rptSeq);
            check(books.get(securityId).volume == volume, "volume of " + securityId + " at seq " + lastMsgSeqNum);
        }

        private void rptSeq(final int securityId, final long rptSeq)
        {
            final long last = rptSeqs.getOrDefault(securityId, 0L);
            check(books.containsKey(securityId), "entry of undefined " + securityId);
            check(rptSeq == last + 1, "RptSeq " + rptSeq + " after " + last + " of " + securityId);
            rptSeqs.put(securityId, rptSeq);
        }

        private boolean check(final boolean condition, final String problem)
        {
            if (!condition && problems.size() < 20)
            {
                problems.add(problem);
            }
            return condition;
        }
    }
}
