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
package io.tickwire.fix.cluster;

import org.agrona.concurrent.IdleStrategy;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-offs of an in-process member: each producer's work ends its consumer's park, a park nothing ends runs
 * to its timeout. Parks here are one minute long, so a thread that comes back within the test was woken.
 */
class MemberWakeUpsTest
{
    private static final long ONE_MINUTE_NS = TimeUnit.MINUTES.toNanos(1);

    private final MemberWakeUps wakeUps = new MemberWakeUps(0, 0, ONE_MINUTE_NS, ONE_MINUTE_NS);

    @Test
    void shouldWakeTheConsensusModuleWhenTheClientOffersIngress() throws InterruptedException
    {
        final ParkedAgent consensusModule = ParkedAgent.park(wakeUps.consensusModule());

        wakeUps.wakeConsensusModule();

        assertTrue(consensusModule.awaitWoken(), "the consensus module stays parked");
    }

    @Test
    void shouldWakeTheArchiveAndTheServiceWhenTheConsensusModuleWorks() throws InterruptedException
    {
        final ParkedAgent archive = ParkedAgent.park(wakeUps.archive());
        final ParkedAgent service = ParkedAgent.park(wakeUps.service());

        wakeUps.consensusModule().get().idle(1);

        assertTrue(archive.awaitWoken(), "the archive stays parked");
        assertTrue(service.awaitWoken(), "the service stays parked");
    }

    @Test
    void shouldWakeTheConsensusModuleWhenTheArchiveRecords() throws InterruptedException
    {
        final ParkedAgent consensusModule = ParkedAgent.park(wakeUps.consensusModule());

        wakeUps.archive().get().idle(1);

        assertTrue(consensusModule.awaitWoken(), "the consensus module stays parked");
    }

    @Test
    void shouldWakeTheClientWhenTheServiceWorks()
    {
        final AtomicInteger egressWakes = new AtomicInteger();
        wakeUps.egressWaker(egressWakes::incrementAndGet);

        wakeUps.archive().get().idle(1);
        wakeUps.consensusModule().get().idle(1);
        assertEquals(0, egressWakes.get(), "the client is woken by the service alone");

        wakeUps.service().get().idle(3);
        assertEquals(1, egressWakes.get());
    }

    @Test
    void shouldNotWakeAnAgentWhoseProducerDidNothing() throws InterruptedException
    {
        final ParkedAgent service = ParkedAgent.park(wakeUps.service());

        wakeUps.archive().get().idle(1);
        wakeUps.wakeConsensusModule();

        assertFalse(service.awaitWoken(200), "the service was woken without work for it");
        wakeUps.consensusModule().get().idle(1);
        assertTrue(service.awaitWoken(), "the service stays parked");
    }

    @Test
    void shouldHandOutOneStrategyPerRoleForEveryRequest()
    {
        assertSame(wakeUps.consensusModule().get(), wakeUps.consensusModule().get());
        assertSame(wakeUps.service().get(), wakeUps.service().get());
        assertSame(wakeUps.archive().get(), wakeUps.archive().get());
    }

    /**
     * A thread idling on one role's strategy until it parks, and then until something ends the park.
     */
    private static final class ParkedAgent
    {
        private final CountDownLatch woken = new CountDownLatch(1);

        static ParkedAgent park(final Supplier<IdleStrategy> role) throws InterruptedException
        {
            final ParkedAgent agent = new ParkedAgent();
            final CountDownLatch parking = new CountDownLatch(1);
            final Thread thread = new Thread(() ->
            {
                final IdleStrategy idle = role.get();
                parking.countDown();
                idle.idle(0);
                agent.woken.countDown();
            }, "parked-agent");
            thread.setDaemon(true);
            thread.start();
            parking.await();
            // The wake-up only unparks a thread that is parked: wait until it is.
            while (Thread.State.TIMED_WAITING != thread.getState())
            {
                Thread.onSpinWait();
            }
            return agent;
        }

        boolean awaitWoken() throws InterruptedException
        {
            return awaitWoken(TimeUnit.SECONDS.toMillis(30));
        }

        boolean awaitWoken(final long timeoutMs) throws InterruptedException
        {
            return woken.await(timeoutMs, TimeUnit.MILLISECONDS);
        }
    }
}
