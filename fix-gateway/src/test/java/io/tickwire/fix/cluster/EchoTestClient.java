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

import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.cluster.codecs.EventCode;
import io.aeron.driver.MediaDriver;
import io.aeron.logbuffer.Header;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A cluster client for tests, on an embedded client driver: sends numbered messages with a bounded window in
 * flight, checks that their echoes come back in order with nothing missing or repeated, and connects again when
 * the client has closed itself (a leader change it could not follow). After a leader change it sends again what was
 * not echoed, as the gateway must (see the comment in {@link #echo(int, long)}). All on the test thread.
 */
final class EchoTestClient implements AutoCloseable
{
    static final int MESSAGE_LENGTH = 32;
    private static final int WINDOW = 64;

    private final MediaDriver driver;
    private final String ingressEndpoints;
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[MESSAGE_LENGTH]);
    // Parks up to 100 us: the test thread shares two cores with several members' agents.
    private final IdleStrategy idle = new BackoffIdleStrategy(10, 20, 1_000, 100_000);
    private final EgressListener listener = new EgressListener()
    {
        public void onMessage(
            final long clusterSessionId,
            final long timestamp,
            final DirectBuffer buffer,
            final int offset,
            final int length,
            final Header header)
        {
            onEcho(buffer.getLong(offset), length);
        }

        public void onSessionEvent(
            final long correlationId,
            final long clusterSessionId,
            final long leadershipTermId,
            final int leaderMemberId,
            final EventCode code,
            final String detail)
        {
            events.add((System.nanoTime() / 1_000_000) + " session " + clusterSessionId + " " + code + " leader " +
                leaderMemberId + " " + detail);
        }

        public void onNewLeader(
            final long clusterSessionId,
            final long leadershipTermId,
            final int leaderMemberId,
            final String ingressEndpoints)
        {
            newLeaderEvents++;
            resend = true;
            events.add((System.nanoTime() / 1_000_000) + " session " + clusterSessionId + " new leader " +
                leaderMemberId + " term " + leadershipTermId);
        }
    };

    private final List<String> events = new ArrayList<>();
    private AeronCluster client;
    private long nextToSend;
    private long lastOutcome;
    private boolean resend;
    private long duplicates;
    private long nextExpected;
    private String orderError;
    private int connects;
    private int newLeaderEvents;

    EchoTestClient(final Path dir, final String ingressEndpoints)
    {
        this.driver = ClusterClients.launchClientDriver(dir.resolve("client-aeron").toString());
        this.ingressEndpoints = ingressEndpoints;
    }

    /**
     * Connect, retrying until the deadline (an election may still be closing).
     */
    void connect(final long timeoutMs)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        RuntimeException last = null;
        while (System.nanoTime() - deadlineNs < 0)
        {
            try
            {
                CloseHelper.quietClose(client);
                client = ClusterClients.connect(driver.aeronDirectoryName(), ingressEndpoints, listener);
                connects++;
                resend = true;
                events.add((System.nanoTime() / 1_000_000) + " connected session " + client.clusterSessionId() +
                    " leader " + client.leaderMemberId());
                return;
            }
            catch (final RuntimeException ex)
            {
                client = null;
                last = ex;
            }
        }
        throw new AssertionError("client did not connect within " + timeoutMs + " ms to " + ingressEndpoints, last);
    }

    /**
     * Send {@code count} more numbered messages and wait for all their echoes, in order; reconnect if the client
     * closes meanwhile.
     */
    void echo(final int count, final long timeoutMs)
    {
        final long target = nextToSend + count;
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (nextExpected < target && null == orderError)
        {
            if (System.nanoTime() - deadlineNs >= 0)
            {
                fail("echoes " + nextExpected + " of " + target + " after " + timeoutMs + " ms (sent " + nextToSend +
                    ", connects " + connects + ", new leader events " + newLeaderEvents + ") events " + events);
            }
            if (null == client || client.isClosed())
            {
                connect(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNs - System.nanoTime())));
            }

            int work = client.pollEgress();
            if (resend)
            {
                // Offers that returned a position after the old leader died went into its ingress publication,
                // which stays "connected" until the publication connection timeout: they are lost. The client
                // cannot tell which, so it sends everything not yet echoed again; a message the old leader had
                // sequenced after all comes back twice (counted in duplicates()).
                resend = false;
                nextToSend = nextExpected;
            }
            if (nextToSend < target && nextToSend - nextExpected < WINDOW)
            {
                message.putLong(0, nextToSend);
                // BACK_PRESSURED and ADMIN_ACTION are retried by the next pass of this loop, which polls egress
                // first; NOT_CONNECTED and CLOSED mean a leader change: polling egress follows it or closes.
                final long result = client.offer(message, 0, MESSAGE_LENGTH);
                final long outcome = result > 0 ? 1 : result;
                if (outcome != lastOutcome)
                {
                    events.add((System.nanoTime() / 1_000_000) + " offer " + nextToSend + " -> " + result);
                    lastOutcome = outcome;
                }
                if (result > 0)
                {
                    nextToSend++;
                    work++;
                }
            }
            idle.idle(work);
        }

        if (null != orderError)
        {
            fail(orderError + " events " + events);
        }
    }

    private void onEcho(final long sequence, final int length)
    {
        if (MESSAGE_LENGTH == length && sequence < nextExpected && connects + newLeaderEvents > 1)
        {
            duplicates++;
            return;
        }
        if (MESSAGE_LENGTH != length || sequence != nextExpected)
        {
            if (null == orderError)
            {
                orderError = "expected echo of " + nextExpected + " (length " + MESSAGE_LENGTH + ") but got " +
                    sequence + " (length " + length + ")";
            }
            return;
        }
        nextExpected++;
    }

    long echoed()
    {
        return nextExpected;
    }

    int connects()
    {
        return connects;
    }

    long duplicates()
    {
        return duplicates;
    }

    int newLeaderEvents()
    {
        return newLeaderEvents;
    }

    AeronCluster client()
    {
        return client;
    }

    void disconnect()
    {
        CloseHelper.close(client);
        client = null;
    }

    public void close()
    {
        CloseHelper.closeAll(client, driver);
    }
}
