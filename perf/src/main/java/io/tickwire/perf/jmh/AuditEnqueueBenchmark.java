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

import io.tickwire.fix.audit.AuditDurability;
import io.tickwire.fix.audit.AuditEntry;
import io.tickwire.fix.audit.AuditPublisher;
import io.tickwire.fix.audit.AuditTrail;
import io.tickwire.fix.time.ClockSyncMonitor;
import io.tickwire.fix.time.ClockSyncPolicy;
import io.tickwire.fix.time.MessageStamp;
import io.tickwire.fix.time.MessageStamper;
import io.tickwire.fix.time.SystemGatewayClock;
import io.tickwire.sbe.audit.AuditEventType;
import io.tickwire.sbe.audit.Direction;
import io.tickwire.sbe.audit.Outcome;
import org.agrona.IoUtil;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Cost on the session thread of stamping an inbound message and enqueueing its audit record, and the sustained
 * rate of the whole audit path with durable group commit.
 * <pre>
 *   stampAndEnqueue (sampled, per op):
 *     session thread --OneToOneRingBuffer--&gt; drainer thread (reads and discards)
 *   durableThroughput (ops/s):
 *     session thread --ring--&gt; AuditWriterAgent --write + force per batch--&gt; disk
 * </pre>
 * The record is a NewOrderSingle as the gateway sees it: ~170-byte raw FIX message, ClOrdID, symbol, session id.
 * Run: {@code java -jar perf/target/benchmarks.jar AuditEnqueueBenchmark -prof gc}.
 */
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens", "java.base/java.util.zip=ALL-UNNAMED",
    "-Dagrona.disable.bounds.checks=true",
    "-Dsbe.enable.precedence.checks=false" })
public class AuditEnqueueBenchmark
{
    static final String RAW = "8=FIX.4.4\u00019=148\u000135=D\u000134=1042\u000149=CLIENT1" +
        "\u000152=20261120-22:59:28.123456" +
        "\u000156=TW\u000111=ORD-000001042\u000121=1\u000155=AAPL\u000154=1\u000160=20261120-22:59:28.123400" +
        "\u000138=100\u000140=2\u000144=187.25\u000159=0\u000110=123\u0001";

    /**
     * Everything the session thread owns: clock, stamper, stamp, entry, publisher.
     */
    @State(Scope.Group)
    public static class SessionThread
    {
        OneToOneRingBuffer ringBuffer;
        AuditPublisher publisher;
        MessageStamper stamper;
        final MessageStamp stamp = new MessageStamp();
        final AuditEntry entry = new AuditEntry();
        final MessageHandler discard = (msgTypeId, buffer, index, length) -> {};

        @Setup(Level.Trial)
        public void setUp()
        {
            ringBuffer = new OneToOneRingBuffer(new UnsafeBuffer(
                ByteBuffer.allocateDirect((8 << 20) + RingBufferDescriptor.TRAILER_LENGTH)));
            publisher = new AuditPublisher(ringBuffer, new YieldingIdleStrategy(), new AuditDurability());
            stamper = new MessageStamper(
                new SystemGatewayClock(ClockSyncMonitor.forHost()), ClockSyncPolicy.defaults());
        }
    }

    /**
     * Stamp, fill the entry, encode into the ring: what {@code fromApp} adds per inbound order.
     *
     * @param state session thread state.
     * @return the ticket.
     */
    @Benchmark
    @Group("enqueue")
    @GroupThreads(1)
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long stampAndEnqueue(final SessionThread state)
    {
        final MessageStamp stamp = state.stamper.stamp(state.stamp);
        return state.publisher.publish(stamp, state.entry.reset()
            .direction(Direction.INBOUND)
            .eventType(AuditEventType.NEW_ORDER)
            .outcome(Outcome.RECEIVED)
            .msgSeqNum(1042)
            .side('1')
            .orderType('2')
            .timeInForce('0')
            .orderQuantity(100)
            .price(1_872_500)
            .sessionId("FIX.4.4:TW->CLIENT1")
            .clOrdId("ORD-000001042")
            .symbol("AAPL")
            .rawMessage(RAW));
    }

    /**
     * The consumer side for {@link #stampAndEnqueue}: reads and discards, so the ring never fills.
     *
     * @param state session thread state.
     * @return records drained.
     */
    @Benchmark
    @Group("enqueue")
    @GroupThreads(1)
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int drain(final SessionThread state)
    {
        final int read = state.ringBuffer.read(state.discard, 256);
        if (0 == read)
        {
            Thread.yield();
        }
        return read;
    }

    /**
     * The stamp alone: clock read, sync snapshot load, classification.
     *
     * @param state session thread state.
     * @return the stamp.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public MessageStamp stampOnly(final StampState state)
    {
        return state.stamper.stamp(state.stamp);
    }

    /**
     * State for {@link #stampOnly}.
     */
    @State(Scope.Thread)
    public static class StampState
    {
        MessageStamper stamper;
        final MessageStamp stamp = new MessageStamp();

        @Setup(Level.Trial)
        public void setUp()
        {
            stamper = new MessageStamper(
                new SystemGatewayClock(ClockSyncMonitor.forHost()), ClockSyncPolicy.defaults());
        }
    }

    /**
     * The full audit path with a real journal: publisher on this thread, {@code AuditWriterAgent} on its own
     * thread with group commit ({@code force} per drained batch). The publisher waits when the ring is full, so
     * the sustained rate is the rate at which records become durable.
     */
    @State(Scope.Benchmark)
    public static class DurableTrail
    {
        Path dir;
        AuditTrail audit;
        MessageStamper stamper;
        final MessageStamp stamp = new MessageStamp();
        final AuditEntry entry = new AuditEntry();

        @Setup(Level.Trial)
        public void setUp() throws IOException
        {
            dir = Files.createTempDirectory("tickwire-audit-bench");
            audit = AuditTrail.launch(new AuditTrail.Context().directory(dir).maxFileSize(64L << 20));
            audit.startWriterThread(new YieldingIdleStrategy());
            stamper = new MessageStamper(
                new SystemGatewayClock(ClockSyncMonitor.forHost()), ClockSyncPolicy.defaults());
        }

        @TearDown(Level.Trial)
        public void tearDown()
        {
            audit.close();
            System.out.println();
            System.out.println("durable=" + audit.durability().durableTicket() + " published=" +
                audit.publisher().lastTicket() + " commits=" + audit.writerAgent().commits() +
                " backPressure=" + audit.publisher().backPressureCount());
            IoUtil.delete(dir.toFile(), true);
        }
    }

    /**
     * Sustained stamp + enqueue with the writer journalling durably behind it.
     *
     * @param state the trail.
     * @return the ticket.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long durableThroughput(final DurableTrail state)
    {
        return state.audit.publisher().publish(state.stamper.stamp(state.stamp), state.entry.reset()
            .direction(Direction.INBOUND)
            .eventType(AuditEventType.NEW_ORDER)
            .outcome(Outcome.RECEIVED)
            .msgSeqNum(1042)
            .side('1')
            .orderType('2')
            .timeInForce('0')
            .orderQuantity(100)
            .price(1_872_500)
            .sessionId("FIX.4.4:TW->CLIENT1")
            .clOrdId("ORD-000001042")
            .symbol("AAPL")
            .rawMessage(RAW));
    }
}
