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
package io.tickwire.perf.jmh;

import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.MalformedReason;
import io.tickwire.feed.ingest.mdp3.Mdp3Listener;
import io.tickwire.feed.ingest.mdp3.Mdp3PacketDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * CME MDP 3.0 packet decoding on one thread: {@link Mdp3PacketDecoder} framing, checking and decoding real packets
 * into an {@link Mdp3Listener} that hands every argument of every callback to a {@link Blackhole}. ops/s is packets/s;
 * the secondary results {@code entries}, {@code mdEntries} and {@code messages} are per second too, so entries/s is
 * read off directly (target: at least 10 M entries/s on one core).
 * <pre>
 *   UDP payload of a capture (loaded once) --Mdp3PacketDecoder.decode--> Mdp3Listener --> Blackhole
 * </pre>
 * {@code entries} counts every repeating-group entry delivered (NoMDEntries and NoOrderIDEntries),
 * {@code mdEntries} the NoMDEntries ones only. The packets ({@link Mdp3BenchmarkPackets}): the shared captures
 * when {@code <tickwire.shared.dir>/data/mdp3-pcap} exists (default {@code ../shared}, so run from the repository's
 * root), else packets of the same shape built with the project's encoders; set-up prints which. Set-up decodes each
 * packet once and fails unless it delivers the messages and entries of the decoder's tests without a report.
 * <ul>
 *     <li>{@link #refreshBook46}: the version 9 MDIncrementalRefreshBook (46) packet, 2 messages, 39 entries
 *     (23 price levels and 16 orders): the bulk of a CME incremental channel;</li>
 *     <li>{@link #mixed}: one trade event across five templates (48, 37, 47, 46, 46), 9 entries.</li>
 * </ul>
 * One packet decoded again and again is the best case for the branch predictor and caches; the captures hold one
 * packet each.
 * <p>
 * Run: {@code java -jar perf/target/benchmarks.jar Mdp3DecodeBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
    "-Dagrona.disable.bounds.checks=true",
    "-Dsbe.enable.precedence.checks=false" })
public class Mdp3DecodeBenchmark
{
    /**
     * What the decodes of an iteration delivered, reported by JMH per second next to packets/s.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Delivered
    {
        /** Repeating-group entries of every kind. */
        public long entries;
        /** NoMDEntries entries. */
        public long mdEntries;
        /** Messages. */
        public long messages;

        /**
         * Counts start again each iteration.
         */
        @Setup(Level.Iteration)
        public void reset()
        {
            entries = 0;
            mdEntries = 0;
            messages = 0;
        }
    }

    private static final MalformedInputListener FAIL_ON_MALFORMED =
        (final MalformedReason reason, final String source, final long position, final String detail) ->
        {
            throw new IllegalStateException(reason + " in " + source + " at " + position + ": " + detail);
        };

    private Mdp3BenchmarkPackets packets;
    private UnsafeBuffer book46;
    private int book46Length;
    private UnsafeBuffer mixed;
    private int mixedLength;
    private EntryConsumer consumer;
    private Mdp3PacketDecoder decoder;

    /**
     * Load the packets and check what each decodes to.
     *
     * @param blackhole every decoded value goes into.
     */
    @Setup
    public void setUp(final Blackhole blackhole)
    {
        final Mdp3BenchmarkPackets packets = Mdp3BenchmarkPackets.load();
        System.out.println("MDP 3.0 packets from " + packets.source());
        setUp(blackhole, packets);
    }

    void setUp(final Blackhole blackhole, final Mdp3BenchmarkPackets packets)
    {
        this.packets = packets;
        book46 = packets.book46();
        book46Length = packets.book46Length();
        mixed = packets.mixed();
        mixedLength = packets.mixedLength();
        consumer = new EntryConsumer(blackhole);
        decoder = new Mdp3PacketDecoder(consumer, FAIL_ON_MALFORMED, "benchmark");

        check("book refresh (46)", book46, book46Length, Mdp3BenchmarkPackets.BOOK_46_MESSAGES,
            Mdp3BenchmarkPackets.BOOK_46_ENTRIES, Mdp3BenchmarkPackets.BOOK_46_MD_ENTRIES);
        check("mixed", mixed, mixedLength, Mdp3BenchmarkPackets.MIXED_MESSAGES,
            Mdp3BenchmarkPackets.MIXED_ENTRIES, Mdp3BenchmarkPackets.MIXED_MD_ENTRIES);
    }

    /**
     * Decode the version 9 book refresh packet.
     *
     * @param delivered counts of what was delivered.
     * @return messages delivered.
     */
    @Benchmark
    public int refreshBook46(final Delivered delivered)
    {
        final int messages = decoder.decode(book46, 0, book46Length, 0);
        consumer.moveCountsTo(delivered);
        return messages;
    }

    /**
     * Decode the packet of one trade event across five templates.
     *
     * @param delivered counts of what was delivered.
     * @return messages delivered.
     */
    @Benchmark
    public int mixed(final Delivered delivered)
    {
        final int messages = decoder.decode(mixed, 0, mixedLength, 0);
        consumer.moveCountsTo(delivered);
        return messages;
    }

    /**
     * @return the packets decoded, for the correctness test.
     */
    Mdp3BenchmarkPackets packets()
    {
        return packets;
    }

    /**
     * @return the decoder, for the correctness test.
     */
    Mdp3PacketDecoder decoder()
    {
        return decoder;
    }

    private void check(
        final String name, final UnsafeBuffer packet, final int length, final int messages, final int entries,
        final int mdEntries)
    {
        final Delivered delivered = new Delivered();
        final int decoded = decoder.decode(packet, 0, length, 0);
        consumer.moveCountsTo(delivered);
        if (decoded != messages || delivered.messages != messages || delivered.entries != entries ||
            delivered.mdEntries != mdEntries)
        {
            throw new IllegalStateException(name + " packet from " + packets.source() + ": " + decoded +
                " messages, " + delivered.entries + " entries (" + delivered.mdEntries + " MD entries) decoded, " +
                "expected " + messages + ", " + entries + " (" + mdEntries + ")");
        }
    }

    /**
     * Consumes every argument of every incremental callback, as a book builder would read them, and counts.
     */
    static final class EntryConsumer implements Mdp3Listener
    {
        private final Blackhole blackhole;
        private long entries;
        private long mdEntries;
        private long messages;

        EntryConsumer(final Blackhole blackhole)
        {
            this.blackhole = blackhole;
        }

        void moveCountsTo(final Delivered delivered)
        {
            delivered.entries += entries;
            delivered.mdEntries += mdEntries;
            delivered.messages += messages;
            entries = 0;
            mdEntries = 0;
            messages = 0;
        }

        public void onPacket(final long msgSeqNum, final long sendingTime, final int length)
        {
            blackhole.consume(msgSeqNum);
            blackhole.consume(sendingTime);
            blackhole.consume(length);
        }

        public void onMessageEnd(final int templateId)
        {
            messages++;
            blackhole.consume(templateId);
        }

        public void onIncrementalRefresh(
            final int templateId, final int version, final long transactTime, final int matchEventIndicator,
            final int entryCount)
        {
            blackhole.consume(templateId);
            blackhole.consume(version);
            blackhole.consume(transactTime);
            blackhole.consume(matchEventIndicator);
            blackhole.consume(entryCount);
        }

        public void onBookEntry(
            final int securityId, final long rptSeq, final int updateAction, final byte entryType, final long price,
            final int priceExponent, final int size, final int priceLevel, final int numberOfOrders)
        {
            entries++;
            mdEntries++;
            blackhole.consume(securityId);
            blackhole.consume(rptSeq);
            blackhole.consume(updateAction);
            blackhole.consume(entryType);
            blackhole.consume(price);
            blackhole.consume(priceExponent);
            blackhole.consume(size);
            blackhole.consume(priceLevel);
            blackhole.consume(numberOfOrders);
        }

        public void onBookOrderEntry(
            final long orderId, final long orderPriority, final int displayQty, final int referenceId,
            final int orderUpdateAction)
        {
            entries++;
            blackhole.consume(orderId);
            blackhole.consume(orderPriority);
            blackhole.consume(displayQty);
            blackhole.consume(referenceId);
            blackhole.consume(orderUpdateAction);
        }

        public void onTradeEntry(
            final int securityId, final long rptSeq, final int updateAction, final long price,
            final int priceExponent, final int size, final int numberOfOrders, final int aggressorSide,
            final long tradeEntryId)
        {
            entries++;
            mdEntries++;
            blackhole.consume(securityId);
            blackhole.consume(rptSeq);
            blackhole.consume(updateAction);
            blackhole.consume(price);
            blackhole.consume(priceExponent);
            blackhole.consume(size);
            blackhole.consume(numberOfOrders);
            blackhole.consume(aggressorSide);
            blackhole.consume(tradeEntryId);
        }

        public void onTradeOrderEntry(final long orderId, final int lastQty)
        {
            entries++;
            blackhole.consume(orderId);
            blackhole.consume(lastQty);
        }

        public void onVolumeEntry(final int securityId, final long rptSeq, final int updateAction, final int volume)
        {
            entries++;
            mdEntries++;
            blackhole.consume(securityId);
            blackhole.consume(rptSeq);
            blackhole.consume(updateAction);
            blackhole.consume(volume);
        }

        public void onOrderEntry(
            final int securityId, final long orderId, final long orderPriority, final int updateAction,
            final byte entryType, final long price, final int priceExponent, final int displayQty)
        {
            entries++;
            mdEntries++;
            blackhole.consume(securityId);
            blackhole.consume(orderId);
            blackhole.consume(orderPriority);
            blackhole.consume(updateAction);
            blackhole.consume(entryType);
            blackhole.consume(price);
            blackhole.consume(priceExponent);
            blackhole.consume(displayQty);
        }
    }
}
