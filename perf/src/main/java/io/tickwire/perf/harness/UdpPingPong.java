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
package io.tickwire.perf.harness;

import io.tickwire.latency.StageRecorder;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor under any UDP transport: raw kernel UDP over loopback between two non-blocking
 * {@link DatagramChannel}s, each on a yielding thread, open loop.
 * <pre>
 *   ping thread (open-loop pacer) --UDP 127.0.0.1--> pong thread (records one-way)
 *          ^                                              |
 *          +------------------ echo ---------------------+   (ping records round trip)
 * </pre>
 * Both latencies are measured from the intended send time: {@code udp-one-way} at the pong side for every
 * message, and {@code udp-rtt} back at the ping side for the echoed ones. Above 10k msgs/s only every
 * {@code rate / 10k}-th message is echoed: one thread cannot send AND receive a million datagrams a second
 * (two system calls each), and the baseline must measure the kernel path, not a saturated ping thread.
 * Datagrams dropped by the kernel are counted as lost.
 */
public final class UdpPingPong
{
    /**
     * Series name of the one-way latency.
     */
    public static final String ONE_WAY = "udp-one-way";

    /**
     * Series name of the round trip.
     */
    public static final String RTT = "udp-rtt";

    /**
     * Receive buffer size asked for on both sockets (the kernel caps it at net.core.rmem_max).
     */
    public static final int SOCKET_BUFFER_BYTES = 4 * 1024 * 1024;

    /**
     * Highest rate of echoes: above it only a sample of messages is echoed back for the round trip.
     */
    public static final double MAX_ECHO_RATE = 10_000;

    private UdpPingPong()
    {
    }

    /**
     * Run one load level.
     *
     * @param context scenario context.
     * @param run     run label.
     * @param rate    messages per second.
     * @param clock   clock for stamps (epoch ns).
     * @throws Exception on socket errors.
     */
    public static void run(
        final ScenarioContext context, final String run, final double rate, final EpochNanoClock clock)
        throws Exception
    {
        final StageRecorder rttRecorder = context.recorder(run, RTT, rate);
        final StageRecorder oneWayRecorder = context.recorder(run, ONE_WAY, rate);
        try (DatagramChannel ping = DatagramChannel.open();
            DatagramChannel pong = DatagramChannel.open())
        {
            // Small datagrams cost a full socket buffer slot each: with the kernel default (~200 KiB) a 30 ms
            // stall of the receiving thread overflows the buffer at 10k msgs/s. Ask for 4 MiB, as a tuned feed would.
            ping.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_BYTES);
            pong.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_BYTES);
            ping.bind(new InetSocketAddress("127.0.0.1", 0));
            pong.bind(new InetSocketAddress("127.0.0.1", 0));
            ping.connect(pong.getLocalAddress());
            pong.connect(ping.getLocalAddress());
            ping.configureBlocking(false);
            pong.configureBlocking(false);

            final long warmupCount = (long)(rate * context.warmupNanos() / 1e9);
            final long echoEvery = Math.max(1, (long)(rate / MAX_ECHO_RATE));
            final AtomicBoolean running = new AtomicBoolean(true);
            final AtomicLong pongReceived = new AtomicLong();
            final Thread pongThread = new Thread(
                () -> pong(pong, oneWayRecorder, warmupCount, echoEvery, running, pongReceived, clock),
                "udp-pong");
            pongThread.setDaemon(true);
            pongThread.start();

            final ByteBuffer sendBuffer = ByteBuffer.allocateDirect(FeedPayload.LENGTH);
            final UnsafeBuffer send = new UnsafeBuffer(sendBuffer);
            FeedPayload.encodeTemplate(send, 0);
            final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(2048);
            final UnsafeBuffer receive = new UnsafeBuffer(receiveBuffer);
            final IdleStrategy idle = new YieldingIdleStrategy();

            final long totalNanos = context.warmupNanos() + context.measureNanos();
            final OpenLoopPacer pacer = new OpenLoopPacer(clock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1), rate);
            final long total = pacer.countWithin(totalNanos);
            // A sender that fell behind keeps going (for up to the run's length again) so that the messages it
            // owes are sent late and measured late, rather than silently never sent.
            final long endNs = pacer.intendedNanos(0) + 2 * totalNanos;
            long received = 0;
            long sendWouldBlock = 0;
            long now;
            while ((now = clock.nanoTime()) < endNs && pacer.index() < total)
            {
                int work = 0;
                if (pacer.isDue(now))
                {
                    FeedPayload.stamp(send, 0, pacer.index(), pacer.intendedNanos(), now);
                    sendBuffer.clear();
                    if (ping.write(sendBuffer) > 0)
                    {
                        pacer.advance();
                        work++;
                    }
                    else
                    {
                        sendWouldBlock++;
                    }
                }
                if (0 == work)
                {
                    // Echoes wait in the socket buffer while the sender catches up: sending comes first.
                    received += receiveEchoes(ping, receiveBuffer, receive, rttRecorder, warmupCount, clock);
                }
                idle.idle(work);
            }
            final long backlog = total - pacer.index();
            final long sent = pacer.index();
            final long echoesExpected = (sent + echoEvery - 1) / echoEvery;
            final long drainEnd = clock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(context.quick() ? 200 : 1000);
            while ((received < echoesExpected || pongReceived.get() < sent) && clock.nanoTime() < drainEnd)
            {
                received += receiveEchoes(ping, receiveBuffer, receive, rttRecorder, warmupCount, clock);
                idle.idle(0);
            }
            running.set(false);
            pongThread.join(5_000);

            context.metric(run, ONE_WAY, "sent", sent, "msgs");
            context.metric(run, ONE_WAY, "received", pongReceived.get(), "msgs");
            context.metric(run, ONE_WAY, "lost", sent - pongReceived.get(), "msgs");
            context.metric(run, ONE_WAY, "backlog-unsent", backlog, "msgs");
            context.metric(run, ONE_WAY, "achieved-rate", sent * 1e9 / totalNanos, "msgs/s");
            context.metric(run, RTT, "received", received, "msgs");
            context.metric(run, RTT, "echoed-every", echoEvery, "msgs");
            context.metric(run, RTT, "lost", echoesExpected - received, "msgs");
            context.metric(run, RTT, "send-would-block", sendWouldBlock, "times");
            context.metric(run, ONE_WAY, "so-rcvbuf", pong.getOption(StandardSocketOptions.SO_RCVBUF), "bytes");
            context.log(String.format(java.util.Locale.ROOT,
                "udp %s: sent %d, one-way received %d, echoes %d, unsent backlog %d", run, sent, pongReceived.get(),
                received, backlog));
        }
    }

    private static long receiveEchoes(
        final DatagramChannel ping, final ByteBuffer receiveBuffer, final UnsafeBuffer receive,
        final StageRecorder rttRecorder, final long warmupCount, final EpochNanoClock clock) throws Exception
    {
        long received = 0;
        while (true)
        {
            receiveBuffer.clear();
            final int length = ping.read(receiveBuffer);
            if (length <= 0)
            {
                return received;
            }
            final long now = clock.nanoTime();
            if (FeedPayload.sequence(receive, 0) >= warmupCount)
            {
                rttRecorder.recordValue(now - FeedPayload.intendedNs(receive, 0));
            }
            received++;
        }
    }

    private static void pong(
        final DatagramChannel pong, final StageRecorder oneWayRecorder, final long warmupCount, final long echoEvery,
        final AtomicBoolean running, final AtomicLong pongReceived, final EpochNanoClock clock)
    {
        final ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
        final UnsafeBuffer view = new UnsafeBuffer(buffer);
        final IdleStrategy idle = new YieldingIdleStrategy();
        long received = 0;
        try
        {
            while (running.get())
            {
                buffer.clear();
                final int length = pong.read(buffer);
                if (length > 0)
                {
                    final long now = clock.nanoTime();
                    final long sequence = FeedPayload.sequence(view, 0);
                    if (sequence >= warmupCount)
                    {
                        oneWayRecorder.recordValue(now - FeedPayload.intendedNs(view, 0));
                    }
                    pongReceived.lazySet(++received);
                    if (sequence % echoEvery == 0)
                    {
                        buffer.flip();
                        while (0 == pong.write(buffer) && running.get())
                        {
                            idle.idle(0);
                        }
                    }
                    idle.idle(1);
                }
                else
                {
                    idle.idle(0);
                }
            }
        }
        catch (final Exception ex)
        {
            if (running.get())
            {
                System.err.println("udp-pong: " + ex);
            }
        }
    }
}
