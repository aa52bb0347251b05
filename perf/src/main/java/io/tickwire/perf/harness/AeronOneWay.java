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

import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.tickwire.feed.client.ClientStages;
import io.tickwire.latency.StageRecorder;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The feed's transport, one way: an Aeron {@link ExclusivePublication} to a {@link Subscription} over UDP
 * multicast on loopback, through an embedded media driver, carrying SBE AddOrder messages, open loop.
 * <pre>
 *   publisher thread (open-loop pacer, offer) -> media driver (SHARED) -> UDP 239.x.y.z on lo
 *        -> media driver receiver -> subscriber thread (poll, records)
 * </pre>
 * Records {@code aeron-one-way} (intended send time to receive: the honest figure) and
 * {@code aeron-publish->receive} (actual offer time to receive: what a closed-loop test would show).
 */
public final class AeronOneWay
{
    /**
     * Series name of the latency from the intended send time.
     */
    public static final String ONE_WAY = "aeron-one-way";

    /**
     * Series name of the latency from the actual offer.
     */
    public static final String PUBLISH_TO_RECEIVE = "aeron-" + ClientStages.PUBLISH_TO_RECEIVE;

    private AeronOneWay()
    {
    }

    /**
     * Run one load level.
     *
     * @param context  scenario context.
     * @param aeron    connected client of the embedded driver.
     * @param channel  multicast channel.
     * @param streamId stream id, unique per run.
     * @param run      run label.
     * @param rate     messages per second.
     * @param clock    clock for stamps (epoch ns).
     * @throws Exception if the publication does not connect.
     */
    public static void run(
        final ScenarioContext context, final Aeron aeron, final String channel, final int streamId,
        final String run, final double rate, final EpochNanoClock clock) throws Exception
    {
        final StageRecorder oneWay = context.recorder(run, ONE_WAY, rate);
        final StageRecorder publishToReceive = context.recorder(run, PUBLISH_TO_RECEIVE, rate);
        final long warmupCount = (long)(rate * context.warmupNanos() / 1e9);
        try (Subscription subscription = aeron.addSubscription(channel, streamId);
            ExclusivePublication publication = aeron.addExclusivePublication(channel, streamId))
        {
            final long connectDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!publication.isConnected() || !subscription.isConnected())
            {
                if (System.nanoTime() > connectDeadline)
                {
                    throw new IllegalStateException("Aeron publication did not connect within 10 s: " + channel);
                }
                Thread.sleep(1);
            }

            final AtomicBoolean running = new AtomicBoolean(true);
            final AtomicLong received = new AtomicLong();
            final Thread subscriber = new Thread(
                () -> subscribe(subscription, oneWay, publishToReceive, warmupCount, running, received, clock),
                "aeron-subscriber");
            subscriber.setDaemon(true);
            subscriber.start();

            final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(FeedPayload.LENGTH));
            FeedPayload.encodeTemplate(buffer, 0);
            final IdleStrategy idle = new YieldingIdleStrategy();
            final long totalNanos = context.warmupNanos() + context.measureNanos();
            final OpenLoopPacer pacer = new OpenLoopPacer(clock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1), rate);
            final long total = pacer.countWithin(totalNanos);
            // A sender that fell behind keeps going (for up to the run's length again) so that the messages it
            // owes are sent late and measured late, rather than silently never sent.
            final long endNs = pacer.intendedNanos(0) + 2 * totalNanos;
            long backPressured = 0;
            long now;
            while ((now = clock.nanoTime()) < endNs && pacer.index() < total)
            {
                int work = 0;
                if (pacer.isDue(now))
                {
                    FeedPayload.stamp(buffer, 0, pacer.index(), pacer.intendedNanos(), now);
                    final long result = publication.offer(buffer, 0, FeedPayload.LENGTH);
                    if (result > 0)
                    {
                        pacer.advance();
                        work = 1;
                    }
                    else if (result == Publication.BACK_PRESSURED || result == Publication.ADMIN_ACTION)
                    {
                        backPressured++;
                    }
                    else
                    {
                        throw new IllegalStateException("offer failed: " + Publication.errorString(result));
                    }
                }
                idle.idle(work);
            }
            final long sent = pacer.index();
            final long backlog = total - sent;
            final long drainEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(context.quick() ? 500 : 2000);
            while (received.get() < sent && System.nanoTime() < drainEnd)
            {
                Thread.yield();
            }
            running.set(false);
            subscriber.join(5_000);

            context.metric(run, ONE_WAY, "sent", sent, "msgs");
            context.metric(run, ONE_WAY, "received", received.get(), "msgs");
            context.metric(run, ONE_WAY, "lost", sent - received.get(), "msgs");
            context.metric(run, ONE_WAY, "backlog-unsent", backlog, "msgs");
            context.metric(run, ONE_WAY, "back-pressured-offers", backPressured, "times");
            context.metric(run, ONE_WAY, "achieved-rate", sent * 1e9 / totalNanos, "msgs/s");
            context.log(String.format(Locale.ROOT, "aeron %s: sent %d, received %d, unsent backlog %d, " +
                "back-pressured offers %d", run, sent, received.get(), backlog, backPressured));
        }
    }

    private static void subscribe(
        final Subscription subscription, final StageRecorder oneWay, final StageRecorder publishToReceive,
        final long warmupCount, final AtomicBoolean running, final AtomicLong received, final EpochNanoClock clock)
    {
        final long[] count = new long[1];
        final FragmentHandler handler = (buffer, offset, length, header) ->
        {
            final long now = clock.nanoTime();
            if (FeedPayload.sequence(buffer, offset) >= warmupCount)
            {
                oneWay.recordValue(now - FeedPayload.intendedNs(buffer, offset));
                publishToReceive.recordValue(now - FeedPayload.publishNs(buffer, offset));
            }
            count[0]++;
        };
        final IdleStrategy idle = new YieldingIdleStrategy();
        while (running.get())
        {
            final int fragments = subscription.poll(handler, 64);
            if (fragments > 0)
            {
                received.lazySet(count[0]);
            }
            idle.idle(fragments);
        }
    }
}
