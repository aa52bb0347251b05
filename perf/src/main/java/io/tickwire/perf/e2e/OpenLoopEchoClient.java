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
package io.tickwire.perf.e2e;

import io.aeron.Publication;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.logbuffer.Header;
import io.tickwire.fix.cli.OpenLoopOrderClient;
import io.tickwire.fix.cluster.ClusterClients;
import io.tickwire.perf.harness.OpenLoopPacer;
import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop client of an echo cluster ({@code EchoClusteredService}): message {@code i} is due at
 * {@code start + i / rate} and carries that INTENDED send time; its round trip is egress receive − intended send
 * time, so a stalled cluster (or a late sender) shows as latency, not as a slower rate (no coordinated omission).
 * <pre>
 *  this thread: offer ──▶ ingress (UDP) ──▶ leader ─▶ log replicated to the followers, committed ─▶ echo service
 *               pollEgress ◀── egress (UDP) ◀── session.offer ◀──────────────────────────────────┘
 * </pre>
 * One thread sends and polls egress, as the gateway's order thread does with the same client. When nothing is due it
 * idles like the gateway's order thread ({@code backoff}: up to 20,000 yields, then parks of at most 100 µs), except
 * that it never parks into the last 100 µs before a message is due (it yields instead),
 * like {@link OpenLoopOrderClient}'s sender. A sender that fell behind sends what it owes back to back, each message
 * still stamped with its intended time.
 * <p>
 * Message layout ({@value #MESSAGE_LENGTH} bytes, native order, echoed unchanged): 0 int64 intended send time
 * ({@link System#nanoTime()}), 8 int64 sequence, 16 int64 run number, 24 padding. Echoes of another run, of another
 * length or out of sequence are a wrong answer: {@link #run} throws.
 */
public final class OpenLoopEchoClient implements EgressListener
{
    /**
     * Length of every message.
     */
    public static final int MESSAGE_LENGTH = 32;

    private static final int INTENDED_OFFSET = 0;
    private static final int SEQUENCE_OFFSET = 8;
    private static final int RUN_OFFSET = 16;
    private static final long SEND_MARGIN_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final int SEND_BATCH = 64;
    private static final long BACKOFF_YIELDS = 20_000;
    private static final long BACKOFF_MAX_PARK_NANOS = 100_000;

    private final UnsafeBuffer message = new UnsafeBuffer(ByteBuffer.allocateDirect(MESSAGE_LENGTH));
    private final long idleYields;
    private final long maxParkNanos;
    private AeronCluster cluster;
    private Histogram histogram = new Histogram(MAX_LATENCY_NANOS, 3);
    private long runNumber;
    private long warmup;
    private long received;
    private long measured;
    private long lastReceiveNanos;
    private String wrongAnswer;
    private Runnable ingressWaker;
    private volatile Thread parked;

    /**
     * @param idleYields   yields when idle before parking; {@link Long#MAX_VALUE} to never park.
     * @param maxParkNanos longest park when idle.
     */
    public OpenLoopEchoClient(final long idleYields, final long maxParkNanos)
    {
        if (idleYields < 0 || maxParkNanos <= 0)
        {
            throw new IllegalArgumentException("idleYields=" + idleYields + " must be >= 0 and maxParkNanos=" +
                maxParkNanos + " > 0");
        }
        this.idleYields = idleYields;
        this.maxParkNanos = maxParkNanos;
    }

    /**
     * A client that idles as the gateway's order thread does with the idle strategy {@code name}
     * ({@code TickwireIdleStrategy}).
     *
     * @param name {@code backoff}, {@code backoff:SPINS,YIELDS,MIN_PARK_NS,MAX_PARK_NS} or {@code yielding}.
     * @return the client.
     * @throws IllegalArgumentException for any other name.
     */
    public static OpenLoopEchoClient idlingLikeGateway(final String name)
    {
        if ("yielding".equals(name))
        {
            return new OpenLoopEchoClient(Long.MAX_VALUE, BACKOFF_MAX_PARK_NANOS);
        }
        if ("backoff".equals(name))
        {
            return new OpenLoopEchoClient(BACKOFF_YIELDS, BACKOFF_MAX_PARK_NANOS);
        }
        if (name.startsWith("backoff:"))
        {
            final String[] parts = name.substring("backoff:".length()).split(",");
            if (4 == parts.length)
            {
                return new OpenLoopEchoClient(Long.parseLong(parts[1].trim()), Long.parseLong(parts[3].trim()));
            }
        }
        throw new IllegalArgumentException(
            "idle strategy must be backoff, backoff:SPINS,YIELDS,MIN_PARK_NS,MAX_PARK_NS or yielding: " + name);
    }

    /**
     * Set the connected client (this object is its egress listener); only this thread uses it.
     *
     * @param cluster connected with this as its listener.
     * @return this.
     */
    public OpenLoopEchoClient cluster(final AeronCluster cluster)
    {
        this.cluster = cluster;
        return this;
    }

    /**
     * Send {@code warmup + messages} messages at {@code rate} per second on one schedule and wait for their echoes;
     * the first {@code warmup} are not measured.
     *
     * @param messages  measured messages.
     * @param rate      messages per second (open loop).
     * @param warmup    messages sent first, not measured.
     * @param timeoutMs how long to wait for echoes after the last send.
     * @return the measurement, in the load client's shape: {@code acknowledged} = measured echoes received.
     * @throws IllegalStateException if the cluster client closes, ingress is closed, or an echo is wrong.
     */
    public OpenLoopOrderClient.Result run(final int messages, final int rate, final int warmup, final long timeoutMs)
    {
        final long total = (long)warmup + messages;
        final Histogram runHistogram = new Histogram(MAX_LATENCY_NANOS, 3);
        histogram = runHistogram;
        this.warmup = warmup;
        runNumber++;
        received = 0;
        measured = 0;
        wrongAnswer = null;
        message.setMemory(0, MESSAGE_LENGTH, (byte)0);
        message.putLong(RUN_OFFSET, runNumber);

        final OpenLoopPacer pacer = new OpenLoopPacer(System.nanoTime() + START_DELAY_NANOS, rate);
        final long measuredStart = pacer.intendedNanos(warmup);
        long sendEnd = 0;
        long deadline = 0;
        long idleCount = 0;
        while (received < total && null == wrongAnswer)
        {
            if (cluster.isClosed())
            {
                throw new IllegalStateException("cluster client closed after " + received + " echoes of " + total);
            }
            int work = cluster.pollEgress();
            final long now = System.nanoTime();
            for (int i = 0; i < SEND_BATCH && pacer.index() < total && pacer.isDue(now); i++)
            {
                message.putLong(INTENDED_OFFSET, pacer.intendedNanos());
                message.putLong(SEQUENCE_OFFSET, pacer.index());
                final long result = cluster.offer(message, 0, MESSAGE_LENGTH);
                if (result > 0)
                {
                    pacer.advance();
                    work++;
                }
                else if (ClusterClients.isRetryable(result))
                {
                    break; // back pressure or an ingress term rotation: poll egress, then offer again
                }
                else
                {
                    throw new IllegalStateException("cluster ingress " + Publication.errorString(result) +
                        " after " + pacer.index() + " messages");
                }
            }
            if (work > 0 && null != ingressWaker)
            {
                ingressWaker.run();
            }
            if (0 == sendEnd && pacer.index() == total)
            {
                sendEnd = System.nanoTime();
                deadline = sendEnd + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            }

            if (work > 0)
            {
                idleCount = 0;
            }
            else if (0 != sendEnd && now - deadline >= 0)
            {
                break;
            }
            else
            {
                idle(pacer.index() < total ? pacer.intendedNanos() - System.nanoTime() : Long.MAX_VALUE, idleCount++);
            }
        }
        if (null != wrongAnswer)
        {
            throw new IllegalStateException(wrongAnswer);
        }

        final long end = received >= total ? lastReceiveNanos : System.nanoTime();
        return new OpenLoopOrderClient.Result(messages, rate, measured, 0, runHistogram.copy(),
            (sendEnd - measuredStart) / 1e9, (end - measuredStart) / 1e9);
    }

    private void idle(final long untilDueNanos, final long idleCount)
    {
        if (untilDueNanos <= SEND_MARGIN_NANOS || idleCount < idleYields)
        {
            Thread.yield();
        }
        else
        {
            parked = Thread.currentThread();
            LockSupport.parkNanos(Math.min(maxParkNanos, untilDueNanos - SEND_MARGIN_NANOS));
            parked = null;
        }
    }

    /**
     * As the gateway's order thread with an embedded member: wake the member's consensus module after offering
     * ingress ({@code MemberWakeUps}), and let the member wake this client for egress ({@link #wake()}).
     *
     * @param ingressWaker run after a duty cycle that offered or polled something; null for none.
     * @return this.
     */
    public OpenLoopEchoClient wakeOnIngress(final Runnable ingressWaker)
    {
        this.ingressWaker = ingressWaker;
        return this;
    }

    /**
     * Unpark the client if it is parked; any thread.
     */
    public void wake()
    {
        final Thread thread = parked;
        if (null != thread)
        {
            LockSupport.unpark(thread);
        }
    }

    /**
     * An echo: record its round trip from its intended send time if it is past the warm-up.
     *
     * @param clusterSessionId this client's session.
     * @param timestamp        cluster time of the message echoed.
     * @param buffer           holding the echo.
     * @param offset           of the echo.
     * @param length           of the echo.
     * @param header           of the egress fragment.
     */
    public void onMessage(
        final long clusterSessionId,
        final long timestamp,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final Header header)
    {
        final long now = System.nanoTime();
        if (MESSAGE_LENGTH != length || buffer.getLong(offset + RUN_OFFSET) != runNumber ||
            buffer.getLong(offset + SEQUENCE_OFFSET) != received)
        {
            if (null == wrongAnswer)
            {
                wrongAnswer = "echo " + received + " of run " + runNumber + " expected, got length " + length +
                    (length >= MESSAGE_LENGTH ? ", run " + buffer.getLong(offset + RUN_OFFSET) + ", sequence " +
                    buffer.getLong(offset + SEQUENCE_OFFSET) : "");
            }
            return;
        }
        if (received >= warmup)
        {
            final long intended = buffer.getLong(offset + INTENDED_OFFSET);
            histogram.recordValue(Math.min(Math.max(now - intended, 0), MAX_LATENCY_NANOS));
            measured++;
        }
        received++;
        lastReceiveNanos = now;
    }
}
