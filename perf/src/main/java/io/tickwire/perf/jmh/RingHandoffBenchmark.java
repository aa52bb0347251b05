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

import org.agrona.BufferUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hand-off of 64-byte messages from one producer thread to one consumer thread, the feed handler's
 * ingest-agent-to-publisher hop, three ways in the same run:
 * <pre>
 *   producer --write 64 B--> OneToOneRingBuffer  --read (batch of up to 64)--> consumer
 *   producer --write 64 B--> ManyToOneRingBuffer --read (batch of up to 64)--> consumer
 *   producer --offer ref --> ArrayBlockingQueue  --drainTo (batch of up to 64)--> consumer
 * </pre>
 * Each benchmark method makes one attempt; the auxiliary counters {@code sent} and {@code received} count only
 * successful hand-offs, so {@code received} ops/s is the hand-off throughput. The queue passes a reference to a
 * pre-allocated object (no copy, no allocation), which favours it: the rings copy 64 bytes each way.
 * Both threads spin on attempts, so this needs two otherwise idle cores; on a loaded 2-core machine the score
 * measures the scheduler. The {@code *SameThread} benchmarks are the control that does not depend on scheduling:
 * one thread writes a batch of 64 and reads it back (score per message), i.e. the cost of the structure itself
 * without the cache-line transfer between cores.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens", "java.base/java.util.zip=ALL-UNNAMED",
    "-Dagrona.disable.bounds.checks=true" })
public class RingHandoffBenchmark
{
    static final int MESSAGE_LENGTH = 64;
    static final int RING_CAPACITY = 1024 * 1024;
    static final int QUEUE_CAPACITY = RING_CAPACITY / (MESSAGE_LENGTH + 8);
    static final int BATCH = 64;
    static final int MSG_TYPE_ID = 3;

    /**
     * Successful hand-offs per thread, reported by JMH next to the raw attempt rate.
     */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counts
    {
        /** Messages the producer handed off. */
        public long sent;
        /** Messages the consumer received. */
        public long received;

        @Setup(Level.Iteration)
        public void reset()
        {
            sent = 0;
            received = 0;
        }
    }

    /**
     * A ring shared by the two threads of a group.
     */
    public abstract static class RingState
    {
        final RingBuffer ring;
        final UnsafeBuffer message = new UnsafeBuffer(BufferUtil.allocateDirectAligned(MESSAGE_LENGTH, 64));
        long checksum;
        final MessageHandler handler = (msgTypeId, buffer, index, length) -> checksum += buffer.getLong(index);

        RingState(final RingBuffer ring)
        {
            this.ring = ring;
        }
    }

    /**
     * Single producer, single consumer ring.
     */
    @State(Scope.Group)
    public static class OneToOne extends RingState
    {
        public OneToOne()
        {
            super(new OneToOneRingBuffer(newRingBuffer()));
        }
    }

    /**
     * Multi-producer ring (CAS on the tail) used by a single producer.
     */
    @State(Scope.Group)
    public static class ManyToOne extends RingState
    {
        public ManyToOne()
        {
            super(new ManyToOneRingBuffer(newRingBuffer()));
        }
    }

    /**
     * The JDK's bounded blocking queue, offered and drained without blocking.
     */
    @State(Scope.Group)
    public static class Queue
    {
        final ArrayBlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        final Object message = new Object();
        final List<Object> drained = new ArrayList<>(BATCH);
    }

    static UnsafeBuffer newRingBuffer()
    {
        return new UnsafeBuffer(BufferUtil.allocateDirectAligned(
            RING_CAPACITY + RingBufferDescriptor.TRAILER_LENGTH, 64));
    }

    static boolean write(final RingState state, final long value)
    {
        final MutableDirectBuffer message = state.message;
        message.putLong(0, value);
        return state.ring.write(MSG_TYPE_ID, message, 0, MESSAGE_LENGTH);
    }

    /**
     * @param state  shared ring.
     * @param counts of this thread.
     */
    @Benchmark
    @Group("oneToOne")
    @GroupThreads(1)
    public void oneToOneProduce(final OneToOne state, final Counts counts)
    {
        if (write(state, counts.sent))
        {
            counts.sent++;
        }
    }

    /**
     * @param state  shared ring.
     * @param counts of this thread.
     */
    @Benchmark
    @Group("oneToOne")
    @GroupThreads(1)
    public void oneToOneConsume(final OneToOne state, final Counts counts)
    {
        counts.received += state.ring.read(state.handler, BATCH);
    }

    /**
     * @param state  shared ring.
     * @param counts of this thread.
     */
    @Benchmark
    @Group("manyToOne")
    @GroupThreads(1)
    public void manyToOneProduce(final ManyToOne state, final Counts counts)
    {
        if (write(state, counts.sent))
        {
            counts.sent++;
        }
    }

    /**
     * @param state  shared ring.
     * @param counts of this thread.
     */
    @Benchmark
    @Group("manyToOne")
    @GroupThreads(1)
    public void manyToOneConsume(final ManyToOne state, final Counts counts)
    {
        counts.received += state.ring.read(state.handler, BATCH);
    }

    /**
     * @param state  shared queue.
     * @param counts of this thread.
     */
    @Benchmark
    @Group("arrayBlockingQueue")
    @GroupThreads(1)
    public void queueProduce(final Queue state, final Counts counts)
    {
        if (state.queue.offer(state.message))
        {
            counts.sent++;
        }
    }

    /**
     * One thread: write a batch into a OneToOneRingBuffer, read it back.
     *
     * @param state ring.
     * @return checksum, so that nothing is optimised away.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long oneToOneSameThread(final OneToOneLocal state)
    {
        return sameThread(state);
    }

    /**
     * One thread: write a batch into a ManyToOneRingBuffer, read it back.
     *
     * @param state ring.
     * @return checksum, so that nothing is optimised away.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long manyToOneSameThread(final ManyToOneLocal state)
    {
        return sameThread(state);
    }

    /**
     * One thread: offer a batch to an ArrayBlockingQueue, drain it.
     *
     * @param state queue.
     * @return number drained, so that nothing is optimised away.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int queueSameThread(final QueueLocal state)
    {
        for (int i = 0; i < BATCH; i++)
        {
            state.queue.offer(state.message);
        }
        final int drained = state.queue.drainTo(state.drained, BATCH);
        state.drained.clear();
        return drained;
    }

    /**
     * A OneToOneRingBuffer used by one thread.
     */
    @State(Scope.Thread)
    public static class OneToOneLocal extends OneToOne
    {
    }

    /**
     * A ManyToOneRingBuffer used by one thread.
     */
    @State(Scope.Thread)
    public static class ManyToOneLocal extends ManyToOne
    {
    }

    /**
     * An ArrayBlockingQueue used by one thread.
     */
    @State(Scope.Thread)
    public static class QueueLocal extends Queue
    {
    }

    static long sameThread(final RingState state)
    {
        for (int i = 0; i < BATCH; i++)
        {
            write(state, i);
        }
        state.ring.read(state.handler, BATCH);
        return state.checksum;
    }

    /**
     * @param state  shared queue.
     * @param counts of this thread.
     */
    @Benchmark
    @Group("arrayBlockingQueue")
    @GroupThreads(1)
    public void queueConsume(final Queue state, final Counts counts)
    {
        final List<Object> drained = state.drained;
        counts.received += state.queue.drainTo(drained, BATCH);
        drained.clear();
    }
}
