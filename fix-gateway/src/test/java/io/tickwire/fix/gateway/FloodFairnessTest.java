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
package io.tickwire.fix.gateway;

import io.tickwire.fix.cli.PipelinedOrderFlood;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.SessionSettings;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.tickwire.fix.gateway.OrderFlowTest.assertReport;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sessions do not starve each other: while session A pipelines a burst of orders as fast as TCP takes them, session
 * B logs on and its orders are acknowledged, and A's burst is still being worked off when they are (acknowledgements
 * of A arrive after B's). The real gateway as shipped (embedded one-member cluster, audit on, but {@code write}
 * rather than {@code fsync}), over TCP.
 * <p>
 * The assertions are about order and counts, not time: B is served in the middle of A's burst, not after it, and
 * while B's first order waits for its acknowledgement the session thread takes no more than {@link #AHEAD_BOUND}
 * orders of A. What can be ahead of B's order is what the sessions share: A's messages waiting for the session
 * thread (at most {@code TickwireSessionQueueLimit}, 256, plus one socket read of ~400 orders) and A's commands in
 * the command ring (~650 at 256 KiB), and as many again taken while B's command is in the ring. With QuickFIX/J's
 * one queue for all sessions (limit 0) 10,000 of A's messages are ahead of B's, and the test fails. Behind the
 * engine, every session's reports leave through one sender in order: without {@code TickwireMaxInFlightOrders}
 * (1,024 commands in flight, then A's reads are suspended) A's backlog of reports grew to thousands ahead of B's
 * answer (4,000 to 17,000 orders taken while it waited, 250 ms and more); with it, 900 to 1,750 (65-175 ms).
 */
@Timeout(180)
class FloodFairnessTest
{
    private static final int FLOOD_ORDERS = 100_000;
    private static final int FLOOD_UNDER_WAY = 2_000;
    private static final int SECOND_SESSION_ORDERS = 5;
    private static final long WAIT_MS = 60_000;
    private static final long AHEAD_BOUND = 8_000;

    @TempDir
    Path dir;

    @Test
    void shouldServeASecondSessionWhileAnotherFloods() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        // Closing must not queue a cancel for each of the burst's resting orders.
        settings.setString("TickwireCancelOnDisconnect", "N");
        // A report waits for its record's write, not its fdatasync: on a shared disk an fdatasync can take a second,
        // during which the session thread goes on taking orders that were never ahead of B's.
        settings.setString(GatewayConfiguration.AUDIT_SYNC_PROP_NAME, "write");
        try (Gateway gateway = Gateway.launch(
                new GatewayContext().settings(settings).auditDirectory(dir.resolve("audit")));
            PipelinedOrderFlood flood = new PipelinedOrderFlood("127.0.0.1", port, "FIX.4.4", "CLIENT1", "TWGW"))
        {
            flood.logon("alice", GatewayTestSupport.PASSWORD, 10_000);
            final long floodStart = System.nanoTime();
            flood.start(FLOOD_ORDERS, "AAPL", new BigDecimal("150"));
            awaitAcknowledged(flood, FLOOD_UNDER_WAY);

            final long logonStart = System.nanoTime();
            final long[] takenWhileFirstWaited = new long[1];
            final long[] ackedAtFirstAnswer = new long[1];
            final long[] firstAnswerNanos = new long[1];
            final long ackedAtLogon;
            final long logonNanos;
            try (TestFixClient second = new TestFixClient(
                "FIX.4.4", "CLIENT2", port, "bob", GatewayTestSupport.PASSWORD, false))
            {
                assertTrue(second.awaitLogon(WAIT_MS), "second session not logged on during the flood (A acked " +
                    flood.acknowledged() + " of " + FLOOD_ORDERS + ")");
                logonNanos = System.nanoTime() - logonStart;
                ackedAtLogon = flood.acknowledged();
                for (int i = 0; i < SECOND_SESSION_ORDERS; i++)
                {
                    final long sent = System.nanoTime();
                    final long takenBefore = gateway.counters().ordersReceived();
                    second.send(newOrder("B" + i, "MSFT", '1', "10", '2', "300", '0'));
                    final Message report = second.appMessages.poll(WAIT_MS, TimeUnit.MILLISECONDS);
                    assertNotNull(report, "second session's order B" + i + " not acknowledged during the flood (A " +
                        "acked " + flood.acknowledged() + " of " + FLOOD_ORDERS + ")");
                    assertReport(report, '0', '0', "B" + i, "0", "10");
                    if (0 == i)
                    {
                        takenWhileFirstWaited[0] = gateway.counters().ordersReceived() - takenBefore;
                        ackedAtFirstAnswer[0] = flood.acknowledged();
                        firstAnswerNanos[0] = System.nanoTime() - sent;
                    }
                }
            }
            assertTrue(ackedAtLogon < FLOOD_ORDERS,
                "the second session logged on only after the whole burst was acknowledged");
            assertTrue(ackedAtFirstAnswer[0] < FLOOD_ORDERS,
                "the second session's first order was acknowledged only after the whole burst");
            assertTrue(gateway.inFlightLimit().suspensions() > 0,
                "the burst never had its reads suspended for too many commands in flight");
            assertTrue(takenWhileFirstWaited[0] <= AHEAD_BOUND, "the session thread took " +
                takenWhileFirstWaited[0] + " orders while the second session's first order waited");

            assertTrue(flood.awaitAnswers(FLOOD_ORDERS, WAIT_MS), "burst answered: " + flood.acknowledged() +
                " acked, " + flood.rejected() + " rejected, " + flood.refused() + " refused, logout " +
                flood.logoutText());
            assertEquals(FLOOD_ORDERS, flood.acknowledged());
            final double floodSeconds = (System.nanoTime() - floodStart) / 1e9;
            System.out.printf("flood fairness: A %d orders acked in %.1f s (%.0f/s); B logon %.0f ms (A acked %d " +
                "then), B first order->ack %.1f ms (A acked %d then, %d orders taken meanwhile)%n", FLOOD_ORDERS,
                floodSeconds, flood.answeredPerSecond(), logonNanos / 1e6, ackedAtLogon, firstAnswerNanos[0] / 1e6,
                ackedAtFirstAnswer[0], takenWhileFirstWaited[0]);
        }
    }

    private static void awaitAcknowledged(final PipelinedOrderFlood flood, final long count)
        throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (flood.acknowledged() < count)
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new AssertionError("burst not under way: " + flood.acknowledged() + " acked, logout " +
                    flood.logoutText());
            }
            Thread.sleep(1);
        }
    }
}
