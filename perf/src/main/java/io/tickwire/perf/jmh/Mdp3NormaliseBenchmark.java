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
import io.tickwire.feed.ingest.mdp3.Mdp3Normaliser;
import io.tickwire.feed.ingest.mdp3.Mdp3NormaliserCounters;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3Simulator;
import io.tickwire.feed.ring.MessageSink;
import io.tickwire.latency.CalibratedEpochNanoClock;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

/**
 * CME MDP 3.0 decode + normalise + SBE encode on one thread, the feed handler's ingest work for the venue: ops/s is
 * packets/s, the secondary result {@code messages} the feed messages written per second (one per price level,
 * trade, volume or status entry: the "book entries" of the target, at least 10 M a second on one core).
 * <pre>
 *   simulated channel packets (pre-generated) --Mdp3Normaliser.normalise--> MessageSink (scratch buffer, read back)
 * </pre>
 * One pass is a ChannelReset and the {@value #PACKETS} packets the simulator sends after it (32 contracts: books
 * built again from empty, then changed, traded and deleted as in a session): the reset empties the books and starts
 * every RptSeq again, so each pass normalises as the first did instead of finding duplicates. MsgSeqNum is
 * rewritten as the passes go on, as the channel would number them. Nothing is malformed (set-up checks it).
 * <p>
 * Run: {@code java -jar perf/target/benchmarks.jar Mdp3NormaliseBenchmark -prof gc}
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
public class Mdp3NormaliseBenchmark
{
    /** Packets after the ChannelReset in one pass. */
    static final int PACKETS = 8 * 1024;
    private static final int INSTRUMENTS = 32;
    private static final int STRIDE = Mdp3Simulator.MAX_PACKET;

    /**
     * Feed messages written, reported by JMH per second next to packets/s.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Written
    {
        /** Feed messages written. */
        public long messages;

        /**
         * Counts start again each iteration.
         */
        @Setup(Level.Iteration)
        public void reset()
        {
            messages = 0;
        }
    }

    private static final MalformedInputListener FAIL_ON_MALFORMED =
        (final MalformedReason reason, final String source, final long position, final String detail) ->
        {
            throw new IllegalStateException(reason + " in " + source + " at " + position + ": " + detail);
        };

    private final UnsafeBuffer packets = new UnsafeBuffer(new byte[(PACKETS + 1) * STRIDE]);
    private final int[] lengths = new int[PACKETS + 1];
    private final ReadingSink sink = new ReadingSink();
    private Mdp3Normaliser normaliser;
    private long msgSeqNum;

    /**
     * Generate the pass and define the contracts.
     */
    @Setup
    public void setUp()
    {
        final Mdp3Simulator simulator = new Mdp3Simulator(20261204, INSTRUMENTS);
        normaliser = new Mdp3Normaliser(CalibratedEpochNanoClock.shared(), FAIL_ON_MALFORMED, "benchmark",
            new Mdp3NormaliserCounters(null, "benchmark"));
        final UnsafeBuffer scratch = new UnsafeBuffer(new byte[STRIDE]);
        for (int i = 0; i < INSTRUMENTS; i++)
        {
            final int length = simulator.definitionPacket(scratch, 0, i);
            normaliser.normalise(0, scratch, 0, length, sink);
        }
        // A first stretch of the session, not measured: the pass starts from books the simulator reset itself.
        for (int i = 0; i < 10_000; i++)
        {
            simulator.next(scratch, 0);
        }
        simulator.channelReset();
        for (int i = 0; i <= PACKETS; i++)
        {
            lengths[i] = simulator.next(packets, i * STRIDE);
        }
        msgSeqNum = 1_000_000;
        final long written = pass();
        if (written < PACKETS)
        {
            throw new IllegalStateException("a pass wrote " + written + " messages for " + PACKETS + " packets");
        }
        System.out.println("one pass: " + PACKETS + " packets after a ChannelReset, " + written + " feed messages");
    }

    /**
     * Normalise one pass.
     *
     * @param written counts the feed messages.
     * @return the sink's checksum, so that nothing is dead code.
     */
    @Benchmark
    @OperationsPerInvocation(PACKETS + 1)
    public long normalise(final Written written)
    {
        written.messages += pass();
        return sink.sum;
    }

    private long pass()
    {
        final Mdp3Normaliser normaliser = this.normaliser;
        final UnsafeBuffer packets = this.packets;
        final int[] lengths = this.lengths;
        final ReadingSink sink = this.sink;
        long seq = msgSeqNum;
        long written = 0;
        for (int i = 0; i <= PACKETS; i++)
        {
            final int offset = i * STRIDE;
            packets.putInt(offset, (int)++seq, ByteOrder.LITTLE_ENDIAN);
            written += normaliser.normalise(offset, packets, offset, lengths[i], sink);
        }
        msgSeqNum = seq;
        return written;
    }

    /**
     * The ring's place: each message is encoded into one scratch buffer and read back, as the ring would copy it.
     */
    private static final class ReadingSink implements MessageSink
    {
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Mdp3Normaliser.MAX_ENCODED_LENGTH]);
        long sum;

        public MutableDirectBuffer buffer()
        {
            return buffer;
        }

        public void write(final int length)
        {
            sum += length + buffer.getLong(length - Long.BYTES) + buffer.getShort(2);
        }
    }
}
